#pragma once

#include "model/profiles/profile.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Chorus {

// Keeps the user's host profiles in one JSON file, profiles.json in QStandardPaths::AppConfigLocation
// (so `chorus --demo`, which changes the organisation name, has a file of its own), and makes sure
// nothing in it is lost:
//   - save() writes a new file next to the old one and renames it over (QSaveFile), after copying the
//     old file to profiles.json.bak the same way; a failed save (disk full, read-only folder) leaves
//     both files as they were and says why.
//   - A file that cannot be read, is not valid, or was written by a newer Chorus (higher "schema") is
//     never overwritten: load() renames it to profiles.json.<why>-YYYYMMDD-HHMMSS (why: corrupt,
//     unreadable or newer), then starts from profiles.json.bak when that one is good, else with no
//     profiles, and returns a notice saying what happened and where the file is, for the GUI or the
//     command line to show. If the file cannot even be renamed, this store refuses to save at all.
//   - save() refuses to replace a file that another program (another Chorus window, `chorus hosts`)
//     changed since this store loaded or saved it; load() again and redo the change.
// Fields and profile fields this version does not know are kept and written back.
//
// File format: {"schema": 1, "groups": ["prod", "prod/web"], "profiles": [Profile::toJson()...]}.
// "groups" lists every group path, so empty groups survive; a profile's group need not be listed.
// Secrets are never part of it (see SecretStore).
class ProfileStore
{
public:
    static constexpr int SchemaVersion = 1;

    // Everything the file holds.
    struct Contents
    {
        QList<Profile> profiles;
        QStringList groups; // every group path, including empty ones
        QJsonObject extra;  // unknown top-level fields
        bool operator==(const Contents &other) const = default;
    };

    enum class LoadResult
    {
        Loaded,             // the file was read
        NoFile,             // no file yet: an empty set, nothing to tell
        RestoredFromBackup, // the file was bad or missing and the backup was read; see the notice
        StartedEmpty,       // the file was bad and no good backup exists; see the notice
    };

    // What load() does with a bad file.
    enum class LoadMode
    {
        Repair,   // move it aside so that saving can go on (the GUI and `chorus hosts`)
        ReadOnly, // leave every file as it is and refuse to save (readers such as `chorus run`)
    };

    explicit ProfileStore(const QString &path = defaultPath());

    // AppConfigLocation/profiles.json for the current organisation and application names.
    static QString defaultPath();
    QString path() const { return m_path; }
    QString backupPath() const { return m_path + QStringLiteral(".bak"); }

    // Reads the file (see the class comment for bad files). *notice is set, for the user, whenever
    // the result is not Loaded or NoFile; it names the file that was kept aside.
    LoadResult load(QString *notice = nullptr, LoadMode mode = LoadMode::Repair);
    // On failure *error says what went wrong, for the user; the files on disk are unchanged.
    bool save(QString *error = nullptr);
    // False after load() met a bad file it did not move aside (ReadOnly, or the rename failed): saving
    // would overwrite it.
    bool canSave() const { return m_canSave; }

    const Contents &contents() const { return m_contents; }
    void setContents(const Contents &contents) { m_contents = contents; }
    const QList<Profile> &profiles() const { return m_contents.profiles; }
    // Keeps the unknown top-level fields.
    void setProfiles(const QList<Profile> &profiles, const QStringList &groups);

    // The whole set as a file of the same format, e.g. to move it to another machine.
    bool exportTo(const QString &path, QString *error) const;
    // Reads a file written by exportTo() (or a profiles.json).
    static bool readFile(const QString &path, Contents *contents, QString *error);

    static QByteArray serialize(const Contents &contents);
    // *newer is set when the data is valid JSON from a newer schema, which this version must not read.
    static bool parse(const QByteArray &data, Contents *contents, QString *error, bool *newer = nullptr);

private:
    QString m_path;
    Contents m_contents;
    bool m_canSave = true;
    bool m_sawFile = false;     // whether profiles.json existed when last loaded or saved
    QByteArray m_lastSeenBytes; // its contents then: save() refuses to replace anything else
};

} // namespace Chorus
