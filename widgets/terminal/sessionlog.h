#pragma once

#include "widgets/session/ansitext.h"

#include <QFile>
#include <QString>
#include <QStringDecoder>

namespace Chorus {

// A terminal's session log: what the host sent, appended to a file as it arrives, either raw (every
// escape sequence kept, replayable with `cat`) or as plain text. Only output is written, never what
// was typed: a password typed while the terminal's echo is off never reaches the file.
class SessionLog
{
public:
    enum class Format
    {
        Raw,
        Plain,
    };

    // Appends to the file (made if missing). False with the reason when it cannot be written.
    bool open(const QString &path, Format format, QString *error);
    void close();
    bool isOpen() const { return m_file.isOpen(); }
    QString path() const { return m_file.fileName(); }
    // False (and the log closed) once a write fails, with the reason in error().
    bool write(const QByteArray &output);
    QString error() const { return m_error; }

private:
    QFile m_file;
    Format m_format = Format::Raw;
    QStringDecoder m_decoder;
    AnsiText m_ansi;
    QString m_error;
};

} // namespace Chorus
