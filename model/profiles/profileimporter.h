#pragma once

#include "model/profiles/profile.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Chorus {

// Brings hosts in from the files people already keep: OpenSSH client config, pssh host files,
// ClusterShell group files, Ansible inventories, and Chorus's own export. One class per format
// (SshConfigImporter, PsshImporter, ClusterShellImporter, AnsibleImporter) does the reading; this
// one picks the format, joins duplicates and merges the result into an existing list.
//
// Everything a file holds that cannot be taken is reported, one line each, as "FILE:LINE: reason"
// ("FILE: reason" when no line applies), and the rest is still imported. Secrets found in a file
// (ansible_password...) are never imported: they belong in the keychain.
class ProfileImporter
{
public:
    enum class Format
    {
        SshConfig,    // ~/.ssh/config, with Include
        Pssh,         // [user@]host[:port] [user] per line
        ClusterShell, // "group: nodeset" lines, or the YAML of groups.d (source: {group: nodeset})
        Ansible,      // INI or YAML inventory
        Chorus,       // a file from `chorus hosts export` / ProfileStore::exportTo()
    };

    struct Result
    {
        QList<Profile> profiles;
        QStringList groups;   // every group path the file defines, empty ones included
        QStringList problems; // "FILE:LINE: reason"
        bool readable = true; // false: the file as a whole could not be read (see problems)
    };

    struct MergeStats
    {
        int added = 0;
        int merged = 0; // matched a host already there (same user, host, port) and were merged into it
    };

    // "ssh-config", "pssh", "clustershell", "ansible", "chorus".
    static QString formatName(Format format);
    static QStringList formatNames();
    static bool parseFormat(const QString &name, Format *format);
    // From the file name and a look at the contents; false when it cannot tell.
    static bool guessFormat(const QString &path, Format *format);

    // Reads path in that format; hosts named twice in it are merged (never doubled).
    static Result importFile(const QString &path, Format format);

    // Merges incoming into profiles: a profile with the merge key of one already there is merged into
    // it (Profile::absorb) instead of being added.
    static MergeStats merge(QList<Profile> *profiles, const QList<Profile> &incoming);

    // Reads the whole file for an importer; when it cannot, marks result unreadable with the reason.
    static bool readFile(const QString &path, QByteArray *data, Result *result);

    // "FILE:LINE: reason", or "FILE: reason" when line is 0.
    static QString problem(const QString &file, int line, const QString &reason);
};

} // namespace Chorus
