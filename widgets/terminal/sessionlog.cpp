#include "widgets/terminal/sessionlog.h"

#include <QCoreApplication>

namespace Chorus {

bool SessionLog::open(const QString &path, Format format, QString *error)
{
    close();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        *error = QCoreApplication::translate("SessionLog", "Cannot write the session log %1: %2")
                     .arg(path, m_file.errorString());
        return false;
    }
    m_format = format;
    m_decoder = QStringDecoder(QStringDecoder::Utf8);
    m_ansi.reset();
    m_error.clear();
    return true;
}

void SessionLog::close()
{
    if (m_file.isOpen())
        m_file.close();
}

bool SessionLog::write(const QByteArray &output)
{
    if (!m_file.isOpen())
        return false;
    QByteArray bytes = output;
    if (m_format == Format::Plain) {
        // The decoder and the escape reader keep state, so a character or a sequence cut between two
        // chunks comes out whole.
        QString text;
        const QString decoded = m_decoder.decode(output);
        for (const AnsiText::Run &run : m_ansi.parse(decoded))
            text += run.text;
        bytes = text.toUtf8();
    }
    // Written through at once: a log is read while the session runs, and survives a crash.
    if (m_file.write(bytes) != bytes.size() || !m_file.flush()) {
        m_error = QCoreApplication::translate("SessionLog", "Writing the session log %1 failed: %2")
                      .arg(m_file.fileName(), m_file.errorString());
        m_file.close();
        return false;
    }
    return true;
}

} // namespace Chorus
