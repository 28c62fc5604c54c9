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
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace Chorus {

HostOptions::HostOptions()
    : m_hosts({QStringLiteral("w"), QStringLiteral("hosts")},
              QCoreApplication::translate(
                  "HostOptions", "Hosts to run on, comma-separated: [user@]host[:port], an ssh_config alias, "
                                 "a range like web[01-20,33].example.com, or @group. May be given several "
                                 "times. There is no -p: a port goes with its host (db:2222), or to every "
                                 "host with -O Port=2222."),
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
                 QStringLiteral("strict|accept-new")),
      m_exclude({QStringLiteral("x"), QStringLiteral("exclude")},
                QCoreApplication::translate("HostOptions",
                                            "Leave out these hosts: names, ranges, @groups or patterns "
                                            "with * and ?, comma-separated. May be given several times."),
                QStringLiteral("SPEC")),
      m_pick(QStringLiteral("pick"),
             QCoreApplication::translate("HostOptions", "Run on N hosts picked at random from the rest."),
             QStringLiteral("N")),
      m_user({QStringLiteral("l"), QStringLiteral("user")},
             QCoreApplication::translate("HostOptions",
                                         "Log in as USER on every host, as ssh -l (wins over user@ and "
                                         "the ssh config)."),
             QStringLiteral("USER")),
      m_option({QStringLiteral("O"), QStringLiteral("option")},
               QCoreApplication::translate("HostOptions",
                                           "An ssh_config option for this run, as ssh -o: Port=2222, "
                                           "\"IdentityFile ~/.ssh/deploy\". Wins over the config files. "
                                           "May be given several times."),
               QStringLiteral("OPTION=VALUE"))
{}

void HostOptions::addTo(QCommandLineParser *parser) const
{
    for (const QCommandLineOption *option : {&m_hosts, &m_hostsFile, &m_exclude, &m_pick, &m_sshConfig, &m_option,
                                             &m_user, &m_connectTimeout, &m_hostKeys})
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

// Drops the hosts -x names: by the name as typed or resolved, user@host[:port], or its address; a
// pattern with * or ? matches names. An exclusion that matches nothing is likely a typo: a warning.
bool HostOptions::exclude(const QCommandLineParser &parser, const SshConfig &config, QList<HostTarget> *targets,
                          QStringList *typed, QString *error, QStringList *warnings) const
{
    QStringList specs;
    for (const QString &value : parser.values(m_exclude)) {
        QStringList names;
        QString why;
        if (!HostSet::expand(value, &names, &why)) {
            *error = QStringLiteral("--exclude: ") + why;
            return false;
        }
        specs += names;
    }
    if (specs.isEmpty())
        return true;
    QList<QRegularExpression> patterns;
    QStringList labels; // what each exclusion is, for the warning
    QList<QSet<QString>> exact;
    for (const QString &spec : std::as_const(specs)) {
        QSet<QString> names;
        QRegularExpression pattern;
        if (spec.startsWith(u'@')) {
            QList<HostTarget> members;
            if (!TargetResolver::resolveGroup(spec, config, &members, error))
                return false;
            for (const HostTarget &member : std::as_const(members)) {
                names.insert(member.name);
                names.insert(member.address());
            }
        } else if (spec.contains(u'*') || spec.contains(u'?')) {
            // As pdsh -x and ssh_config patterns: * and ? only, and '/' is nothing special.
            QString regex = QRegularExpression::escape(spec);
            regex.replace(QStringLiteral("\\*"), QStringLiteral(".*")).replace(QStringLiteral("\\?"), QStringLiteral("."));
            pattern = QRegularExpression(QRegularExpression::anchoredPattern(regex));
        } else {
            names.insert(spec);
        }
        labels.append(spec);
        exact.append(names);
        patterns.append(pattern);
    }
    QList<bool> used(specs.size(), false);
    QList<HostTarget> kept;
    QStringList keptTyped;
    for (qsizetype i = 0; i < targets->size(); ++i) {
        const HostTarget &t = targets->at(i);
        const QStringList keys{typed->at(i), t.name, t.address(), t.hostname};
        bool excluded = false;
        for (qsizetype e = 0; e < labels.size(); ++e) {
            const bool hit = patterns.at(e).pattern().isEmpty()
                ? std::any_of(keys.cbegin(), keys.cend(), [&](const QString &k) { return exact.at(e).contains(k); })
                : std::any_of(keys.cbegin(), keys.cend(), [&](const QString &k) { return patterns.at(e).match(k).hasMatch(); });
            if (hit) {
                used[e] = true;
                excluded = true;
            }
        }
        if (!excluded) {
            kept.append(t);
            keptTyped.append(typed->at(i));
        }
    }
    if (warnings) {
        QStringList unused;
        for (qsizetype e = 0; e < labels.size(); ++e) {
            if (!used.at(e))
                unused.append(labels.at(e));
        }
        if (!unused.isEmpty())
            warnings->append(QCoreApplication::translate("HostOptions", "--exclude: %1 matched none of the hosts")
                                 .arg(HostSet::fold(unused)));
    }
    if (kept.isEmpty()) {
        *error = QCoreApplication::translate("HostOptions", "no hosts left to run on after --exclude");
        return false;
    }
    *targets = kept;
    *typed = keptTyped;
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
    int pick = 0;
    if (parser.isSet(m_pick)) {
        bool ok = false;
        pick = parser.value(m_pick).toInt(&ok);
        if (!ok || pick < 1) {
            *error = QCoreApplication::translate("HostOptions", "--pick: %1 is not a whole number of at least 1")
                         .arg(CliOutput::quoted(parser.value(m_pick)));
            return false;
        }
    }
    QStringList configWarnings;
    const SshConfig files = parser.isSet(m_sshConfig) ? SshConfig::load(configPath, &configWarnings)
                                                      : SshConfig::loadDefault(&configWarnings);
    if (warnings)
        *warnings += configWarnings;
    // -l is ssh's -l, that is -o User=USER; given with -O User=, the first one typed wins, as in ssh.
    QStringList optionLines;
    if (parser.isSet(m_user)) {
        const QString user = parser.value(m_user);
        if (user.isEmpty() || user.contains(QRegularExpression(QStringLiteral("[\\s@:]")))) {
            *error = QCoreApplication::translate("HostOptions", "--user: %1 is not a user name")
                         .arg(CliOutput::quoted(user));
            return false;
        }
        optionLines.append(QStringLiteral("User ") + user);
    }
    optionLines += parser.values(m_option);
    const Result<SshConfig> withOptions = files.withOptions(optionLines);
    if (!withOptions) {
        *error = QStringLiteral("-O: ") + withOptions.message();
        return false;
    }
    const SshConfig &config = withOptions.value();

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
            if (!TargetResolver::resolveGroup(spec, config, &members, error))
                return false;
            for (HostTarget member : std::as_const(members)) {
                if (parser.isSet(m_user)) // a profile's own user gives way to -l, as a config's does
                    member.user = parser.value(m_user);
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
    if (!exclude(parser, config, &resolved, &typed, error, warnings))
        return false;
    if (pick > 0 && pick < resolved.size()) {
        // A random pick in the order given: the output reads like any other run's.
        QList<qsizetype> order(resolved.size());
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), *QRandomGenerator::global());
        order.resize(pick);
        std::sort(order.begin(), order.end());
        QList<HostTarget> picked;
        QStringList pickedTyped;
        for (qsizetype i : std::as_const(order)) {
            picked.append(resolved.at(i));
            pickedTyped.append(typed.at(i));
        }
        resolved = picked;
        typed = pickedTyped;
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
