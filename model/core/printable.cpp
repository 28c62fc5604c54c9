#include "model/core/printable.h"

namespace Chorus {

namespace {

bool isBidiControl(char32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
           || c == 0x061C;
}

} // namespace

QString printable(QStringView text, qsizetype maxChars)
{
    QString out;
    out.reserve(qMin(text.size(), maxChars) + 8);
    qsizetype shown = 0;
    for (auto it = text.begin(); it != text.end();) {
        if (shown >= maxChars) {
            out += u'…';
            break;
        }
        char32_t c = it->unicode();
        qsizetype units = 1;
        if (it->isHighSurrogate() && it + 1 != text.end() && (it + 1)->isLowSurrogate()) {
            c = QChar::surrogateToUcs4(*it, *(it + 1));
            units = 2;
        }
        if (c < 0x20 || c == 0x7F) {
            out += QStringLiteral("\\%1").arg(uint(c), 3, 8, QLatin1Char('0'));
        } else if ((c >= 0x80 && c < 0xA0) || isBidiControl(c)) {
            out += QStringLiteral("\\u{%1}").arg(uint(c), 4, 16, QLatin1Char('0'));
        } else {
            out += QStringView(it, units);
        }
        it += units;
        ++shown;
    }
    return out;
}

QString printable(QByteArrayView utf8, qsizetype maxChars)
{
    // Decode no more than can be shown: a 60 KB message costs no more than a short one.
    const qsizetype enough = maxChars * 4 + 4;
    QString text = QString::fromUtf8(utf8.first(qMin(utf8.size(), enough)));
    if (utf8.size() > enough)
        text += u'…';
    return printable(QStringView(text), maxChars);
}

QString displayText(QByteArrayView line)
{
    if (line.endsWith('\n'))
        line.chop(1);
    QString text = QString::fromUtf8(line);
    for (QChar &c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 && u != u'\t')
            c = QChar(char16_t(0x2400 + u));
        else if (u == 0x7f)
            c = QChar(char16_t(0x2421));
    }
    return text;
}

} // namespace Chorus
