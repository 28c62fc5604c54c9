#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace Chorus {

// Text Chorus does not control (from a server: an error message, a signal name, a banner; from a
// file: a name) made safe to put inside Chorus's own messages, as OpenSSH does with strvis: control
// characters (C0, DEL, C1) and the bidirectional overrides become \ooo or \u{XXXX}, so nothing can
// move the cursor, retitle or clear the user's terminal, and the result is cut to at most maxChars
// characters with "…" where it was cut. A command's own output is never passed through this: it is
// shown as the command wrote it, as with ssh.
QString printable(QStringView text, qsizetype maxChars = 200);
// Bytes taken as UTF-8; invalid sequences become U+FFFD.
QString printable(QByteArrayView utf8, qsizetype maxChars = 200);

// One line of a command's own output as a view shows it (a diff line, a compare table's cell): taken
// as UTF-8 (invalid sequences become U+FFFD), without a final newline, and the C0 controls but tab,
// and DEL, as their Unicode pictures (U+2400...), so a NUL, a '\r' or an escape is seen rather than
// swallowed. Nothing is cut: unlike a message, output is shown whole.
QString displayText(QByteArrayView line);

} // namespace Chorus
