#include "app/cli/hostoptions.h"

#include "app/cli/clioutput.h"
#include "model/ssh/hostset.h"
#include "model/ssh/sshconfig.h"
#include "model/ssh/targetresolver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <cmath>

namespace Chorus {

HostOptions::HostOptions()
    : m_hosts({QStringLiteral("w"), QStringLiteral("hosts")},
              QCoreApplication::translate(
                  "HostOptions", "Hosts to run on, comma-separated: [user@]host[:port], an ssh_config alias, "
                                 "a range like web[01-20,33].example.com, or @group. May be given several "
                                 "times."),
              QStringLiteral("SPEC")),
      m_hostsFile({QStringLiteral("H"), QStringLiteral("hosts-file")},
                  QCoreApplication::translate("HostOptions",
                                              "Read hosts from FILE, one [user@]host[:port] per "
                                              "line; # starts a comment. May be given several times."),
                  QStringLiteral("FILE")),
      m_sshConfig({QStringLiteral("F"), QStringLiteral("ssh-config")},
                  QCoreApplication::translate("HostOptions",
                                              "OpenSSH client config to read instead of ~/.ssh/config."),
                  QStringLiteral("FILE")),
      m_connectTimeout(QStringLiteral("connect-timeout"),
                       QCoreApplication::translate(
                           "HostOptions", "Give up connecting to a host after SEC seconds (default 10), "
                                          "where the ssh config sets no ConnectTimeout for it; 0: no limit."),
                       QStringLiteral("SEC")),
      m_hostKeys(QStringLiteral("host-keys"),
                 QCoreApplication::translate(
                     "HostOptions",
                     "What to do with a host key known_hosts does not list, where the ssh config "
                     "sets no StrictHostKeyChecking for the host: strict (refuse; the default) or "
                     "accept-new (record it and go on). A changed key is always refused."),
                 QStringLiteral("strict|accept-new"))
{}

void HostOptions::addTo(QCommandLineParser *parser) const
{
    for (const QCommandLineOption *option :
         {&m_hosts, &m_hostsFile, &m_sshConfig, &m_connectTimeout, &m_hostKeys})
        parser->addOption(*option);
}

bool HostOptions::parseSeconds(const QString &text, int *milliseconds)
{
    bool ok = false;
    const double seconds = text.trimmed().toDouble(&ok);
    // Up to about 24 days, so the milliseconds fit an int.
    if (!ok || !std::isfinite(seconds) || seconds < 0 || seconds > 2'000'000)
        return false;
    *milliseconds = int(std::llround(seconds * 1000));
    return true;
}

bool HostOptions::readHostsFile(const QString &path, QStringList *specs, QString *error) const
{
    if (QFileInfo(path).isDir()) {
        *error = QCoreApplication::translate("HostOptions", "cannot read hosts file %1: it is a directory")
                     .arg(CliOutput::quoted(path));
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QCoreApplication::translate("HostOptions", "cannot read hosts file %1: %2")
                     .arg(CliOutput::quoted(path), file.errorString());
        return false;
    }
    int lineNumber = 0;
    while (!file.atEnd()) {
        QString line = QString::fromUtf8(file.readLine());
        ++lineNumber;
        const qsizetype comment = line.indexOf(u'#');
        if (comment >= 0)
            line.truncate(comment);
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        const QString where = QStringLiteral("%1:%2").arg(path).arg(lineNumber);
        // pssh's old "host user" form would otherwise be read as two hosts.
        if (line.contains(QChar(u' ')) || line.contains(u'\t')) {
            *error = QCoreApplication::translate("HostOptions", "%1: one [user@]host[:port] per line, not %2")
                         .arg(where, CliOutput::quoted(line));
            return false;
        }
        QStringList names;
        QString why;
        if (!HostSet::expand(line, &names, &why)) {
            *error = where + QStringLiteral(": ") + why;
            return false;
        }
        *specs += names;
    }
    if (file.error() != QFileDevice::NoError) {
        *error = QCoreApplication::translate("HostOptions", "cannot read hosts file %1: %2")
                     .arg(CliOutput::quoted(path), file.errorString());
        return false;
    }
    return true;
}

bool HostOptions::resolve(const QCommandLineParser &parser, QList<HostTarget> *targets, QString *error,
                          QStringList *warnings) const
{
    // The options fill in only what the ssh config leaves open (SshConfig's caller defaults).
    HostTarget defaults;
    if (parser.isSet(m_connectTimeout)) {
        const QString value = parser.value(m_connectTimeout);
        if (!parseSeconds(value, &defaults.connectTimeoutMs)) {
            *error =
                QCoreApplication::translate("HostOptions", "--connect-timeout: %1 is not a number of seconds")
                    .arg(CliOutput::quoted(value));
            return false;
        }
    }
    if (parser.isSet(m_hostKeys)) {
        const QString value = parser.value(m_hostKeys);
        if (value == u"strict") {
            defaults.hostKeyPolicy = HostKeyPolicy::Strict;
        } else if (value == u"accept-new") {
            defaults.hostKeyPolicy = HostKeyPolicy::AcceptNew;
        } else {
            *error =
                QCoreApplication::translate("HostOptions", "--host-keys: %1 is neither strict nor accept-new")
                    .arg(CliOutput::quoted(value));
            return false;
        }
    }

    QString configPath = SshConfig::defaultPath();
    if (parser.isSet(m_sshConfig)) {
        // A missing default config is normal; a missing file the user named is a typo.
        configPath = parser.value(m_sshConfig);
        const QFileInfo info(configPath);
        QFile probe(configPath);
        if (!info.exists() || info.isDir() || !probe.open(QIODevice::ReadOnly)) {
            *error =
                !info.exists()
                    ? QCoreApplication::translate("HostOptions", "cannot read ssh config %1: no such file")
                          .arg(CliOutput::quoted(configPath))
                : info.isDir() ? QCoreApplication::translate("HostOptions",
                                                             "cannot read ssh config %1: it is a directory")
                                     .arg(CliOutput::quoted(configPath))
                               : QCoreApplication::translate("HostOptions", "cannot read ssh config %1: %2")
                                     .arg(CliOutput::quoted(configPath), probe.errorString());
            return false;
        }
    }
    QStringList configWarnings;
    const SshConfig config = parser.isSet(m_sshConfig) ? SshConfig::load(configPath, &configWarnings)
                                                       : SshConfig::loadDefault(&configWarnings);
    if (warnings)
        *warnings += configWarnings;

    // Hosts in the order given on the command line, -w and -H interleaved as typed.
    QStringList specs;
    const QStringList hostValues = parser.values(m_hosts);
    const QStringList fileValues = parser.values(m_hostsFile);
    qsizetype nextHost = 0;
    qsizetype nextFile = 0;
    for (const QString &name : parser.optionNames()) {
        if (m_hosts.names().contains(name) && nextHost < hostValues.size()) {
            const QString &value = hostValues.at(nextHost++);
            QStringList names;
            QString why;
            if (!HostSet::expand(value, &names, &why)) {
                *error = QStringLiteral("-w: ") + why;
                return false;
            }
            specs += names;
        } else if (m_hostsFile.names().contains(name) && nextFile < fileValues.size()) {
            if (!readHostsFile(fileValues.at(nextFile++), &specs, error))
                return false;
        }
    }

    // Typed is what the user wrote, to label hosts whose names collide ("db" and "root@db:2222").
    QList<HostTarget> resolved;
    QStringList typed;
    QSet<QString> seen;
    for (const QString &spec : std::as_const(specs)) {
        if (seen.contains(spec))
            continue;
        seen.insert(spec);
        if (spec.startsWith(u'@')) {
            QList<HostTarget> members;
            if (!TargetResolver::resolveGroup(spec, &members, error))
                return false;
            for (const HostTarget &member : std::as_const(members)) {
                resolved.append(member);
                typed.append(member.address());
            }
            continue;
        }
        HostTarget target;
        QString why;
        if (!config.resolve(spec, defaults, &target, &why)) {
            *error = QCoreApplication::translate("HostOptions", "bad host %1: %2").arg(CliOutput::quoted(spec), why);
            return false;
        }
        resolved.append(target);
        typed.append(spec);
    }
    if (resolved.isEmpty()) {
        *error = QCoreApplication::translate("HostOptions", "no hosts to run on: name them with -w or -H");
        return false;
    }

    QHash<QString, int> nameCount;
    for (const HostTarget &target : std::as_const(resolved))
        ++nameCount[target.name];
    for (qsizetype i = 0; i < resolved.size(); ++i) {
        if (nameCount.value(resolved[i].name) > 1)
            resolved[i].name = typed[i];
    }
    *targets = resolved;
    return true;
}

} // namespace Chorus
