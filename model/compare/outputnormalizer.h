#pragma once

#include <QByteArray>
#include <QRegularExpression>
#include <QString>

namespace Chorus {

// What the compare view may overlook when it sorts hosts into groups of identical output: changes
// in white space, lines matching a pattern (timestamps, PIDs, host names), or stderr altogether.
// It only makes the grouping key; the stored output and what the views show stay as received.
//
// Works on raw bytes, so binary output and invalid UTF-8 pass through; lines are matched against
// the pattern as UTF-8 (invalid bytes read as U+FFFD). With no option set, normalize() returns its
// input itself, shared, so the common case copies nothing.
class OutputNormalizer
{
public:
    void setIgnoreWhitespace(bool on) { m_ignoreWhitespace = on; }
    bool ignoreWhitespace() const { return m_ignoreWhitespace; }
    void setStdoutOnly(bool on) { m_stdoutOnly = on; }
    bool stdoutOnly() const { return m_stdoutOnly; }
    // Lines (anywhere) matching pattern are left out; an empty pattern leaves none out. An invalid
    // pattern is refused: returns false, says why in *error and leaves the previous one in force.
    bool setIgnorePattern(const QString &pattern, QString *error = nullptr);
    QString ignorePattern() const { return m_pattern.pattern(); }
    // Whether a line (with or without its newline) is left out by the pattern.
    bool ignoresLine(QByteArrayView line) const;

    bool isIdentity() const { return !m_ignoreWhitespace && !m_stdoutOnly && !m_hasPattern; }

    // The grouping key of one host's stdout.
    QByteArray normalizeStdout(const QByteArray &data) const { return normalize(data); }
    // The grouping key of its stderr: empty when only stdout is compared.
    QByteArray normalizeStderr(const QByteArray &data) const;

    // Ignoring white space changes works like `diff -b` and a little more: runs of blanks become one
    // space, blanks at a line's start or end and a '\r' before '\n' go, and so do blank lines.
    QByteArray normalize(const QByteArray &data) const;

private:
    bool m_ignoreWhitespace = false;
    bool m_stdoutOnly = false;
    bool m_hasPattern = false;
    QRegularExpression m_pattern;
};

} // namespace Chorus
