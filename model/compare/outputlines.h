#pragma once

#include <QByteArrayView>

#include <cstring>

namespace Chorus {

// The lines of one output as the compare tables count them (LineMatrix, KeyValueTable): split at
// '\n', a '\r' right before it dropped (CRLF and LF output agree), and the empty piece after a final
// newline is not a line. It hands out views into the output, so reading 40 MB of lines copies
// nothing; they are valid as long as the output's bytes are.
class OutputLines
{
public:
    explicit OutputLines(QByteArrayView output) : m_next(output.data()), m_end(output.data() + output.size())
    {}

    // The next line; false after the last.
    bool next(QByteArrayView &line)
    {
        if (m_next == m_end)
            return false;
        const auto *newline = static_cast<const char *>(std::memchr(m_next, '\n', size_t(m_end - m_next)));
        if (!newline) {
            line = QByteArrayView(m_next, m_end - m_next);
            m_next = m_end;
            return true;
        }
        qsizetype length = newline - m_next;
        if (length > 0 && m_next[length - 1] == '\r')
            --length;
        line = QByteArrayView(m_next, length);
        m_next = newline + 1;
        return true;
    }

private:
    const char *m_next;
    const char *m_end;
};

} // namespace Chorus
