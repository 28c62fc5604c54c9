#include "model/profiles/profilestore.h"

#include "model/core/modellog.h"
#include "model/core/setaside.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>

namespace Chorus {

namespace {

const QString kSchema = QStringLiteral("schema");
const QString kGroups = QStringLiteral("groups");
const QString kProfiles = QStringLiteral("profiles");

// Host lists name internal machines: readable by their owner only, like ~/.ssh/config.
constexpr QFileDevice::Permissions kFilePermissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

bool writeAtomically(const QString &path, const QByteArray &data, QString *why)
{
    QSaveFile file(path);
    // Unbuffered, so a full disk fails the write() with its real reason rather than a later "Unknown
    // error" from commit().
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        *why = file.errorString();
        return false;
    }
    file.setPermissions(kFilePermissions);
    errno = 0;
    if (file.write(data) != data.size()) {
        // Qt reports some write failures (EFBIG past a file size limit) as "Unknown error".
        const int code = errno;
        *why = code != 0 ? QString::fromLocal8Bit(std::strerror(code)) : file.errorString();
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        *why = file.errorString();
        return false;
    }
    return true;
}

bool readAll(const QString &path, QByteArray *data, QString *why)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *why = file.errorString();
        return false;
    }
    *data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        *why = file.errorString();
        return false;
    }
    return true;
}

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

ProfileStore::ProfileStore(const QString &path) : m_path(path) {}

QString ProfileStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
           QStringLiteral("/profiles.json");
}

void ProfileStore::setProfiles(const QList<Profile> &profiles, const QStringList &groups)
{
    m_contents.profiles = profiles;
    m_contents.groups = groups;
}

ProfileStore::LoadResult ProfileStore::load(QString *notice, LoadMode mode)
{
    m_canSave = true;
    m_sawFile = false;
    m_lastSeenBytes.clear();
    m_contents = Contents();
    QString message;

    // The backup, when the file itself cannot be used. Says in *message how it went.
    auto fromBackup = [this](QString *message) {
        QByteArray data;
        QString why;
        Contents backup;
        if (QFileInfo::exists(backupPath()) && readAll(backupPath(), &data, &why) &&
            parse(data, &backup, &why)) {
            m_contents = backup;
            const QDateTime saved = QFileInfo(backupPath()).lastModified();
            *message +=
                QCoreApplication::translate("ProfileStore",
                                            "Chorus started from the backup %1 (saved %2, %n host(s)): "
                                            "changes made after that are not in the list.",
                                            nullptr, int(backup.profiles.size()))
                    .arg(nativePath(backupPath()), QLocale().toString(saved, QLocale::ShortFormat));
            return true;
        }
        *message += QCoreApplication::translate("ProfileStore",
                                                "There is no usable backup, so the host list starts empty.");
        return false;
    };

    QFile file(m_path);
    if (!file.exists()) {
        // We never leave the file missing ourselves (saves rename over it), so a backup without
        // a file means the file was moved away: carry on from the backup rather than from nothing.
        if (!QFileInfo::exists(backupPath()))
            return LoadResult::NoFile;
        message = QCoreApplication::translate("ProfileStore", "The host list %1 is missing. ")
                      .arg(nativePath(m_path));
        const bool restored = fromBackup(&message);
        if (!restored) {
            // An unusable backup with no file: nothing to tell the user that would help.
            qCWarning(lcModel).noquote() << message;
            return LoadResult::NoFile;
        }
        qCWarning(lcModel).noquote() << message;
        if (notice)
            *notice = message;
        return LoadResult::RestoredFromBackup;
    }

    QByteArray data;
    QString why;
    QString kind;
    bool newer = false;
    Contents contents;
    if (!readAll(m_path, &data, &why)) {
        kind = QStringLiteral("unreadable");
        why = QCoreApplication::translate("ProfileStore", "it cannot be read: %1").arg(why);
    } else if (!parse(data, &contents, &why, &newer)) {
        kind = newer ? QStringLiteral("newer") : QStringLiteral("corrupt");
    } else {
        m_contents = contents;
        m_sawFile = true;
        m_lastSeenBytes = data;
        qCDebug(lcModel) << "loaded" << contents.profiles.size() << "profiles from" << m_path;
        return LoadResult::Loaded;
    }

    message = QCoreApplication::translate("ProfileStore", "Your host list %1 could not be used: %2. ")
                  .arg(nativePath(m_path), why);
    const QString aside = setAsideName(m_path, kind);
    if (mode == LoadMode::ReadOnly) {
        m_canSave = false;
        message += QCoreApplication::translate("ProfileStore", "It was left as it is. ");
    } else if (file.rename(aside)) {
        message += QCoreApplication::translate("ProfileStore", "It was kept unchanged as %1. ")
                       .arg(nativePath(aside));
    } else {
        m_canSave = false;
        message +=
            QCoreApplication::translate(
                "ProfileStore", "It could not be moved aside (%1), so Chorus will not save changes to the "
                                "host list until the file is moved or repaired. ")
                .arg(file.errorString());
    }
    const bool restored = fromBackup(&message);
    qCWarning(lcModel).noquote() << message;
    if (notice)
        *notice = message;
    return restored ? LoadResult::RestoredFromBackup : LoadResult::StartedEmpty;
}

bool ProfileStore::save(QString *error)
{
    auto fail = [&](const QString &why) {
        const QString message =
            QCoreApplication::translate(
                "ProfileStore", "Could not save the host list to %1: %2. The file on disk is unchanged.")
                .arg(nativePath(m_path), why);
        qCWarning(lcModel).noquote() << message;
        if (error)
            *error = message;
        return false;
    };
    if (!m_canSave)
        return fail(QCoreApplication::translate("ProfileStore",
                                                "the existing file could not be read and is kept as it is"));

    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(QCoreApplication::translate("ProfileStore", "cannot create the folder %1")
                        .arg(nativePath(info.absolutePath())));

    if (info.exists()) {
        QByteArray current;
        QString why;
        if (!readAll(m_path, &current, &why))
            return fail(
                QCoreApplication::translate("ProfileStore", "cannot read the current file to back it up (%1)")
                    .arg(why));
        if (!m_sawFile || current != m_lastSeenBytes) {
            return fail(QCoreApplication::translate(
                "ProfileStore", "another program changed it since Chorus read it; load it again and "
                                "repeat the change"));
        }
        if (!writeAtomically(backupPath(), current, &why))
            return fail(QCoreApplication::translate("ProfileStore", "cannot write the backup %1 (%2)")
                            .arg(nativePath(backupPath()), why));
    }

    const QByteArray data = serialize(m_contents);
    QString why;
    if (!writeAtomically(m_path, data, &why))
        return fail(why);
    m_sawFile = true;
    m_lastSeenBytes = data;
    qCDebug(lcModel) << "saved" << m_contents.profiles.size() << "profiles to" << m_path;
    return true;
}

bool ProfileStore::exportTo(const QString &path, QString *error) const
{
    QString why;
    if (!writeAtomically(path, serialize(m_contents), &why)) {
        *error = QCoreApplication::translate("ProfileStore", "Could not export the host list to %1: %2")
                     .arg(nativePath(path), why);
        return false;
    }
    return true;
}

bool ProfileStore::readFile(const QString &path, Contents *contents, QString *error)
{
    QByteArray data;
    QString why;
    if (!readAll(path, &data, &why) || !parse(data, contents, &why)) {
        *error = nativePath(path) + QStringLiteral(": ") + why;
        return false;
    }
    return true;
}

QByteArray ProfileStore::serialize(const Contents &contents)
{
    QJsonObject o = contents.extra;
    o.insert(kSchema, SchemaVersion);
    QStringList groups;
    QSet<QString> seen;
    auto addGroup = [&](const QString &path) {
        // Every ancestor too: a file edited by hand then still lists the whole tree.
        const QStringList parts = Profile::normalizeGroup(path).split(u'/', Qt::SkipEmptyParts);
        for (qsizetype i = 1; i <= parts.size(); ++i) {
            const QString p = parts.mid(0, i).join(u'/');
            if (!seen.contains(p)) {
                seen.insert(p);
                groups.append(p);
            }
        }
    };
    for (const QString &g : contents.groups)
        addGroup(g);
    for (const Profile &p : contents.profiles)
        addGroup(p.group);
    groups.sort();
    o.insert(kGroups, QJsonArray::fromStringList(groups));
    QJsonArray profiles;
    for (const Profile &p : contents.profiles)
        profiles.append(p.toJson());
    o.insert(kProfiles, profiles);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

bool ProfileStore::parse(const QByteArray &data, Contents *contents, QString *error, bool *newer)
{
    if (newer)
        *newer = false;
    if (data.trimmed().isEmpty()) {
        *error = QCoreApplication::translate("ProfileStore", "the file is empty");
        return false;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error = QCoreApplication::translate("ProfileStore", "it is not valid JSON (%1 at byte %2)")
                     .arg(pe.errorString())
                     .arg(pe.offset);
        return false;
    }
    if (!doc.isObject()) {
        *error = QCoreApplication::translate("ProfileStore", "it is not a JSON object");
        return false;
    }
    const QJsonObject o = doc.object();
    const QJsonValue schema = o.value(kSchema);
    const double version = schema.toDouble(-1);
    if (!schema.isDouble() || version != int(version) || version < 1) {
        *error = QCoreApplication::translate("ProfileStore", "it has no \"schema\" version number");
        return false;
    }
    if (version > SchemaVersion) {
        if (newer)
            *newer = true;
        *error = QCoreApplication::translate(
                     "ProfileStore",
                     "it was written by a newer version of Chorus (file format %1; this version reads "
                     "up to %2)")
                     .arg(int(version))
                     .arg(SchemaVersion);
        return false;
    }

    Contents c;
    const QJsonValue groups = o.value(kGroups);
    if (!groups.isUndefined()) {
        if (!groups.isArray()) {
            *error = QCoreApplication::translate("ProfileStore", "\"groups\" is not a list");
            return false;
        }
        for (const QJsonValue &g : groups.toArray()) {
            if (!g.isString()) {
                *error = QCoreApplication::translate("ProfileStore",
                                                     "\"groups\" holds something that is not a string");
                return false;
            }
            const QString path = Profile::normalizeGroup(g.toString());
            if (!path.isEmpty() && !c.groups.contains(path))
                c.groups.append(path);
        }
    }
    const QJsonValue profiles = o.value(kProfiles);
    if (!profiles.isUndefined()) {
        if (!profiles.isArray()) {
            *error = QCoreApplication::translate("ProfileStore", "\"profiles\" is not a list");
            return false;
        }
        const QJsonArray array = profiles.toArray();
        c.profiles.reserve(array.size());
        QSet<QUuid> ids;
        for (qsizetype i = 0; i < array.size(); ++i) {
            QString why;
            Profile p;
            if (!array.at(i).isObject()) {
                *error =
                    QCoreApplication::translate("ProfileStore", "profile %1 is not a JSON object").arg(i + 1);
                return false;
            }
            if (!Profile::fromJson(array.at(i).toObject(), &p, &why)) {
                *error = QCoreApplication::translate("ProfileStore", "profile %1: %2").arg(i + 1).arg(why);
                return false;
            }
            if (ids.contains(p.id)) {
                *error = QCoreApplication::translate("ProfileStore", "profile %1: id %2 is used twice")
                             .arg(i + 1)
                             .arg(p.id.toString());
                return false;
            }
            ids.insert(p.id);
            c.profiles.append(p);
        }
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() != kSchema && it.key() != kGroups && it.key() != kProfiles)
            c.extra.insert(it.key(), it.value());
    }
    *contents = c;
    return true;
}

} // namespace Chorus
