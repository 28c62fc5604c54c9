#include "model/compare/outputnormalizer.h"

#include <QByteArrayView>
#include <QCoreApplication>

namespace Chorus {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

// The line without its newline, blanks collapsed and trimmed.
QByteArray squeezed(QByteArrayView line)
{
    QByteArray out;
    out.reserve(line.size());
    bool pendingSpace = false;
    for (char c : line) {
        if (isBlank(c)) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace)
            out.append(' ');
        pendingSpace = false;
        out.append(c);
    }
    return out;
}

} // namespace

bool OutputNormalizer::setIgnorePattern(const QString &pattern, QString *error)
{
    if (pattern.isEmpty()) {
        m_pattern = QRegularExpression();
        m_hasPattern = false;
        return true;
    }
    QRegularExpression re(pattern, QRegularExpression::UseUnicodePropertiesOption);
    if (!re.isValid()) {
        if (error) {
            *error = QCoreApplication::translate("OutputNormalizer", "%1 at position %2")
                         .arg(re.errorString())
                         .arg(re.patternErrorOffset());
        }
        return false;
    }
    re.optimize();
    m_pattern = re;
    m_hasPattern = true;
    return true;
}

QByteArray OutputNormalizer::normalizeStderr(const QByteArray &data) const
{
    return m_stdoutOnly ? QByteArray() : normalize(data);
}

bool OutputNormalizer::ignoresLine(QByteArrayView line) const
{
    if (!m_hasPattern)
        return false;
    if (line.endsWith('\n'))
        line.chop(1);
    // The '\r' of a CRLF line is not part of what people see as the line.
    if (line.endsWith('\r'))
        line.chop(1);
    return m_pattern.match(QString::fromUtf8(line)).hasMatch();
}

QByteArray OutputNormalizer::normalize(const QByteArray &data) const
{
    if (!m_ignoreWhitespace && !m_hasPattern)
        return data;
    QByteArray out;
    out.reserve(data.size());
    qsizetype start = 0;
    while (start < data.size()) {
        qsizetype end = data.indexOf('\n', start);
        const bool hasNewline = end >= 0;
        if (!hasNewline)
            end = data.size();
        QByteArrayView line(data.constData() + start, end - start);
        start = end + 1;
        if (ignoresLine(line))
            continue;
        if (m_ignoreWhitespace) {
            const QByteArray kept = squeezed(line);
            if (kept.isEmpty())
                continue;
            out.append(kept);
            // Whether the last line ends in a newline is white space too.
            out.append('\n');
            continue;
        }
        out.append(line);
        if (hasNewline)
            out.append('\n');
    }
    return out;
}

} // namespace Chorus
