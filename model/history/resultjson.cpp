#include "model/history/resultjson.h"

namespace Chorus {

bool ResultJson::isValidUtf8(QByteArrayView data)
{
    const auto *p = reinterpret_cast<const uchar *>(data.data());
    const auto *end = p + data.size();
    while (p < end) {
        const uchar c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int length = 0;
        uchar low = 0x80;
        uchar high = 0xbf;
        if (c >= 0xc2 && c <= 0xdf) {
            length = 2;
        } else if (c >= 0xe0 && c <= 0xef) {
            length = 3;
            if (c == 0xe0)
                low = 0xa0;
            else if (c == 0xed)
                high = 0x9f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            length = 4;
            if (c == 0xf0)
                low = 0x90;
            else if (c == 0xf4)
                high = 0x8f;
        } else {
            return false;
        }
        if (end - p < length || p[1] < low || p[1] > high)
            return false;
        for (int i = 2; i < length; ++i) {
            if (p[i] < 0x80 || p[i] > 0xbf)
                return false;
        }
        p += length;
    }
    return true;
}

void ResultJson::appendString(QByteArray *out, QByteArrayView utf8)
{
    out->append('"');
    qsizetype run = 0; // start of the bytes not yet copied
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const uchar c = uchar(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
            continue;
        out->append(utf8.sliced(run, i - run));
        run = i + 1;
        switch (c) {
        case '"':
            out->append("\\\"");
            break;
        case '\\':
            out->append("\\\\");
            break;
        case '\n':
            out->append("\\n");
            break;
        case '\r':
            out->append("\\r");
            break;
        case '\t':
            out->append("\\t");
            break;
        default:
            out->append("\\u00");
            out->append("0123456789abcdef"[c >> 4]);
            out->append("0123456789abcdef"[c & 0xf]);
        }
    }
    out->append(utf8.sliced(run));
    out->append('"');
}

void ResultJson::appendField(QByteArray *out, QByteArrayView name, QByteArrayView data)
{
    *out += '"';
    *out += name;
    if (isValidUtf8(data)) {
        *out += "\":";
        appendString(out, data);
    } else {
        // Borrowed, not copied: the output may be megabytes.
        *out += "_b64\":\"" + QByteArray::fromRawData(data.data(), data.size()).toBase64() + '"';
    }
}

void ResultJson::appendExit(QByteArray *out, const HostResult &r)
{
    *out += ",\"exit_status\":" +
            (r.hasExitStatus() ? QByteArray::number(r.exitStatus) : QByteArrayLiteral("null"));
    *out += ",\"signal\":";
    if (r.exitSignal.isEmpty())
        *out += "null";
    else
        appendString(out, r.exitSignal.toUtf8());
}

void ResultJson::appendError(QByteArray *out, const HostResult &r, const QString &text)
{
    *out += ",\"error\":";
    if (r.outcome == HostOutcome::Ok || r.outcome == HostOutcome::NonZeroExit)
        *out += "null";
    else
        appendString(out, text.toUtf8());
}

QByteArray ResultJson::milliseconds(qint64 us)
{
    return us < 0 ? QByteArrayLiteral("null") : QByteArray::number(double(us) / 1000.0, 'f', 3);
}

QByteArray ResultJson::hostLine(QByteArrayView label, const HostResult &r, int round)
{
    QByteArray line;
    line.reserve(r.stdoutData.size() + r.stderrData.size() + 512);
    line += "{\"host\":";
    appendString(&line, label);
    if (round >= 0)
        line += ",\"round\":" + QByteArray::number(round);
    appendExit(&line, r);
    line += ',';
    appendField(&line, "stdout", r.stdoutData);
    line += ',';
    appendField(&line, "stderr", r.stderrData);
    line += ",\"truncated\":";
    line += r.truncated() ? "true" : "false";
    appendError(&line, r, r.endingText());
    line += ",\"duration_ms\":" + milliseconds(r.durationUs());
    const PhaseTimes &t = r.times;
    line += ",\"phases_ms\":{\"resolved\":" + milliseconds(t.resolved) +
            ",\"tcp_connected\":" + milliseconds(t.tcpConnected) +
            ",\"kex_done\":" + milliseconds(t.kexDone) +
            ",\"host_key_checked\":" + milliseconds(t.hostKeyChecked) +
            ",\"authenticated\":" + milliseconds(t.authenticated) +
            ",\"channel_opened\":" + milliseconds(t.channelOpened) +
            ",\"exec_started\":" + milliseconds(t.execStarted) +
            ",\"first_byte\":" + milliseconds(t.firstByte) + ",\"exited\":" + milliseconds(t.exited) +
            ",\"jump_ready\":" + milliseconds(t.jumpReady) + ",\"tunnel_opened\":" + milliseconds(t.tunnelOpened) + '}';
    line += ",\"reused_connection\":";
    line += r.reusedConnection ? "true" : "false";
    line += ",\"connect_attempts\":" + QByteArray::number(r.connectAttempts);
    line += "}\n";
    return line;
}

QByteArray ResultJson::transferLine(QByteArrayView label, const HostResult &r)
{
    QByteArray line = "{\"host\":";
    appendString(&line, label);
    line += ",\"error\":";
    if (r.outcome == HostOutcome::Ok)
        line += "null";
    else
        appendString(&line, r.endingText().toUtf8());
    line += ",\"files\":" + QByteArray::number(r.filesTransferred);
    line += ",\"files_skipped\":" + QByteArray::number(r.filesSkipped);
    line += ",\"bytes\":" + QByteArray::number(r.bytesTransferred);
    line += ",\"duration_ms\":" + milliseconds(r.durationUs());
    line += ",\"reused_connection\":";
    line += r.reusedConnection ? "true" : "false";
    line += "}\n";
    return line;
}

} // namespace Chorus
