#pragma once

// Files as tests make and check them: reproducible random content, whole-file reads and writes with a
// mode, the tree under a folder (hidden names included, so leftovers show).
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QStringList>

#include <sys/stat.h>

namespace Chorus::TestFiles {

inline QByteArray randomBytes(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator generator(quint32(size) ^ 0x5eed);
    const qsizetype words = size / 4;
    generator.fillRange(reinterpret_cast<quint32 *>(data.data()), words);
    for (qsizetype i = words * 4; i < size; ++i)
        data[i] = char(generator.generate());
    return data;
}

inline bool writeFile(const QString &path, const QByteArray &data, int mode = 0644)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
        return false;
    f.close();
    return ::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0;
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

inline int modeOf(const QString &path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

// Every name under dir, relative, sorted; temporary files included, so leftovers show.
inline QStringList tree(const QString &dir)
{
    QStringList names;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        names.append(QDir(dir).relativeFilePath(it.next()));
    names.sort();
    return names;
}

inline bool hasPartFiles(const QString &dir)
{
    for (const QString &name : tree(dir)) {
        if (name.endsWith(u".part"))
            return true;
    }
    return false;
}


} // namespace Chorus::TestFiles
