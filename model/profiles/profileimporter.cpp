#include "model/profiles/profileimporter.h"

#include "model/profiles/ansibleimporter.h"
#include "model/profiles/clustershellimporter.h"
#include "model/profiles/profilestore.h"
#include "model/profiles/psshimporter.h"
#include "model/profiles/sshconfigimporter.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

namespace Chorus {

QString ProfileImporter::formatName(Format format)
{
    switch (format) {
    case Format::SshConfig:
        return QStringLiteral("ssh-config");
    case Format::Pssh:
        return QStringLiteral("pssh");
    case Format::ClusterShell:
        return QStringLiteral("clustershell");
    case Format::Ansible:
        return QStringLiteral("ansible");
    case Format::Chorus:
        return QStringLiteral("chorus");
    }
    return {};
}

QStringList ProfileImporter::formatNames()
{
    return {formatName(Format::SshConfig), formatName(Format::Pssh), formatName(Format::ClusterShell),
            formatName(Format::Ansible), formatName(Format::Chorus)};
}

bool ProfileImporter::parseFormat(const QString &name, Format *format)
{
    const QString n = name.trimmed().toLower();
    for (Format f :
         {Format::SshConfig, Format::Pssh, Format::ClusterShell, Format::Ansible, Format::Chorus}) {
        if (n == formatName(f)) {
            *format = f;
            return true;
        }
    }
    if (n == u"ssh_config" || n == u"ssh") {
        *format = Format::SshConfig;
        return true;
    }
    return false;
}

bool ProfileImporter::guessFormat(const QString &path, Format *format)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QString text = QString::fromUtf8(file.read(1024 * 1024));
    const QString name = QFileInfo(path).fileName().toLower();
    const QString suffix = QFileInfo(path).suffix().toLower();

    if (text.trimmed().startsWith(u'{')) {
        *format = Format::Chorus;
        return true;
    }
    static const QRegularExpression sshKeyword(QStringLiteral("^\\s*(Host|Match|HostName|Include)\\s"),
                                               QRegularExpression::MultilineOption |
                                                   QRegularExpression::CaseInsensitiveOption);
    if (name == u"config" || name == u"ssh_config" || text.contains(sshKeyword)) {
        *format = Format::SshConfig;
        return true;
    }
    if (suffix == u"yml" || suffix == u"yaml") {
        // Ansible groups have hosts/children/vars; ClusterShell sources map group names to node sets.
        static const QRegularExpression ansibleKey(QStringLiteral("^\\s+(hosts|children|vars):\\s*$"),
                                                   QRegularExpression::MultilineOption);
        *format = text.contains(ansibleKey) ? Format::Ansible : Format::ClusterShell;
        return true;
    }
    static const QRegularExpression section(QStringLiteral("^\\s*\\[[^\\]]+\\]\\s*$"),
                                            QRegularExpression::MultilineOption);
    if (suffix == u"ini" || text.contains(section)) {
        *format = Format::Ansible;
        return true;
    }
    // "group: nodes" (a colon and a blank) is ClusterShell; pssh's "host:port" never has the blank.
    static const QRegularExpression groupLine(QStringLiteral("^[^\\s:#]+:\\s+\\S"));
    int groupLines = 0;
    int otherLines = 0;
    for (const QString &line : text.split(u'\n')) {
        const QString t = line.trimmed();
        if (t.isEmpty() || t.startsWith(u'#'))
            continue;
        if (groupLine.match(t).hasMatch())
            ++groupLines;
        else
            ++otherLines;
    }
    *format = name == u"groups" || groupLines > otherLines ? Format::ClusterShell : Format::Pssh;
    return groupLines + otherLines > 0;
}

ProfileImporter::Result ProfileImporter::importFile(const QString &path, Format format)
{
    Result result;
    switch (format) {
    case Format::SshConfig:
        result = SshConfigImporter::import(path);
        break;
    case Format::Pssh:
        result = PsshImporter::import(path);
        break;
    case Format::ClusterShell:
        result = ClusterShellImporter::import(path);
        break;
    case Format::Ansible:
        result = AnsibleImporter::import(path);
        break;
    case Format::Chorus: {
        ProfileStore::Contents contents;
        QString error;
        if (!ProfileStore::readFile(path, &contents, &error)) {
            result.readable = false;
            result.problems.append(error);
        } else {
            // Imported profiles are new to this list; fresh ids keep them from taking over secrets.
            for (Profile &p : contents.profiles)
                p.id = QUuid::createUuid();
            result.profiles = contents.profiles;
            result.groups = contents.groups;
        }
        break;
    }
    }
    QList<Profile> unique;
    merge(&unique, result.profiles);
    result.profiles = unique;
    return result;
}

ProfileImporter::MergeStats ProfileImporter::merge(QList<Profile> *profiles, const QList<Profile> &incoming)
{
    MergeStats stats;
    QHash<QString, qsizetype> byKey;
    for (qsizetype i = 0; i < profiles->size(); ++i)
        byKey.insert(profiles->at(i).mergeKey(), i);
    for (const Profile &p : incoming) {
        const QString key = p.mergeKey();
        const auto it = byKey.constFind(key);
        if (it != byKey.constEnd()) {
            (*profiles)[it.value()].absorb(p);
            ++stats.merged;
        } else {
            Profile added = p;
            if (added.id.isNull())
                added.id = QUuid::createUuid();
            byKey.insert(key, profiles->size());
            profiles->append(added);
            ++stats.added;
        }
    }
    return stats;
}

bool ProfileImporter::readFile(const QString &path, QByteArray *data, Result *result)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result->readable = false;
        result->problems.append(problem(
            path, 0,
            QCoreApplication::translate("ProfileImporter", "cannot be read: %1").arg(file.errorString())));
        return false;
    }
    *data = file.readAll();
    return true;
}

QString ProfileImporter::problem(const QString &file, int line, const QString &reason)
{
    return line > 0 ? file + u':' + QString::number(line) + QStringLiteral(": ") + reason
                    : file + QStringLiteral(": ") + reason;
}

} // namespace Chorus
