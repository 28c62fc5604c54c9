#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Chorus {

// Which way a transfer copies.
enum class TransferDirection
{
    Push, // local files and folders to a remote folder on every host
    Pull, // one remote file or folder from every host into a local folder, one subfolder per host
};

// What a transfer does when the destination file already exists.
enum class OverwritePolicy
{
    Always,      // replace it
    Never,       // leave it and count the file as skipped
    IfDifferent, // replace it unless size and modification time (seconds) match
};

inline QString overwritePolicyName(OverwritePolicy policy)
{
    switch (policy) {
    case OverwritePolicy::Always:
        return QStringLiteral("always");
    case OverwritePolicy::Never:
        return QStringLiteral("never");
    case OverwritePolicy::IfDifferent:
        return QStringLiteral("if-different");
    }
    return {};
}

inline bool parseOverwritePolicy(const QString &text, OverwritePolicy *policy)
{
    for (OverwritePolicy p :
         {OverwritePolicy::Always, OverwritePolicy::Never, OverwritePolicy::IfDifferent}) {
        if (text == overwritePolicyName(p)) {
            *policy = p;
            return true;
        }
    }
    return false;
}

// A file copy over SFTP, as part of a RunRequest: the run's hosts, fanout, cancelling and results
// apply to it as they do to a command. A value type.
struct TransferSpec
{
    TransferDirection direction = TransferDirection::Push;
    // Push: the files and folders to send (folders recursively). Pull: one entry, the local folder
    // that gets a subfolder per host (named after the host, as `chorus run -o` names its files).
    QStringList localPaths;
    // Push: the remote folder the files go into (it must exist). Pull: the remote file or folder.
    QString remotePath;
    OverwritePolicy overwrite = OverwritePolicy::Always;
    // After writing, compare the SHA-256 of both sides before the file takes its final name.
    bool verifyChecksum = false;
    // The remote program printing "HASH  NAME" for a file, for hosts where it has another name
    // (e.g. "shasum -a 256"). Run as `PROGRAM -- FILE`.
    QString checksumCommand = QStringLiteral("sha256sum");
    // Pull: what a server may list before the copy is refused, so one that lies (a folder inside
    // itself, a listing without end) cannot fill memory and disk. OpenSSH's sftp stops at 64 levels.
    int maxDepth = 64;
    qint64 maxFolderEntries = 100'000;
    qint64 maxEntries = 1'000'000; // per host
};

} // namespace Chorus

Q_DECLARE_METATYPE(Chorus::TransferSpec)
