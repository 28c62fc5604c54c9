#pragma once

#include "model/core/hostresult.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Chorus {

// One host's result as a line of JSON, the shape `chorus run --json` prints and `chorus history show
// --json` repeats, so scripts read both the same way. Written by hand rather than with QJsonDocument
// because output bytes go out as they are (or base64 when not valid UTF-8), never re-encoded.
class ResultJson
{
public:
    // RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF.
    static bool isValidUtf8(QByteArrayView data);
    static void appendString(QByteArray *out, QByteArrayView utf8);
    // "name":"text", or "name_b64":"..." when data is not valid UTF-8: bytes from a host reach a
    // script exactly, whatever they are.
    static void appendField(QByteArray *out, QByteArrayView name, QByteArrayView data);
    // ,"exit_status":N,"signal":"NAME", null where there is none: how the command ended, said the
    // same way by every object about hosts.
    static void appendExit(QByteArray *out, const HostResult &result);
    // ,"error":"TEXT", or null when the command ran to an exit status or a signal.
    static void appendError(QByteArray *out, const HostResult &result, const QString &text);
    // Microseconds as milliseconds with three decimals; null when negative (not reached).
    static QByteArray milliseconds(qint64 us);
    // The object and its newline. round < 0 leaves the round field out.
    static QByteArray hostLine(QByteArrayView label, const HostResult &result, int round = -1);
    // A transfer's result (`chorus push/pull --json`): host, error (null on success), files,
    // files_skipped, bytes, duration_ms, reused_connection.
    static QByteArray transferLine(QByteArrayView label, const HostResult &result);
};

} // namespace Chorus
