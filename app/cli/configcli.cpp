#include "app/cli/configcli.h"

#include "app/cli/command.h"
#include "model/ssh/sshconfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>

namespace Chorus {

namespace {

// Option names, keywords and exit statuses stay as they are in every language.
const char *const kUsage =
    QT_TRANSLATE_NOOP("ConfigCli", R"(Usage: chorus config [-F FILE] [-O OPTION=VALUE]... HOST
Prints what Chorus makes of HOST from the ssh configuration, one "keyword value" line each,
the way "ssh -G HOST" prints what ssh makes of it, so that the two can be compared.
Nothing is connected to; Match exec commands do run.

  -F, --ssh-config FILE       Reads FILE (and what it includes) instead of ~/.ssh/config
                              and /etc/ssh/ssh_config, as ssh -F does; "none" reads no file.
  -O, --option OPTION=VALUE   An ssh_config line that wins over the files, as ssh -o
                              (repeatable).
  -h, --help                  Shows this text.

HOST is given as to ssh: an alias, [user@]host, or ssh://[user@]host[:port].
ProxyCommand is shown with its %-tokens expanded, where ssh -G shows them as written.
Exit status: 0 printed, 2 the host cannot be resolved, 64 bad usage.
)");

void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
}

void err(const QString &line)
{
    print(stderr, QStringLiteral("chorus config: ") + line + u'\n');
}

int usageError(const QString &what)
{
    err(QCoreApplication::translate("ConfigCli", "%1 (see 'chorus config --help')").arg(what));
    return ConfigCli::ExitUsage;
}

QString yesNo(bool value)
{
    return value ? QStringLiteral("yes") : QStringLiteral("no");
}

QString policyName(HostKeyPolicy policy)
{
    switch (policy) {
    case HostKeyPolicy::Strict:
        return QStringLiteral("true");
    case HostKeyPolicy::AcceptNew:
        return QStringLiteral("accept-new");
    case HostKeyPolicy::Ask:
        return QStringLiteral("ask");
    }
    return QString();
}

QString listOrNone(const QStringList &values)
{
    return values.isEmpty() ? QStringLiteral("none") : values.join(u' ');
}

// ssh -G writes the last jump host anew: user@, the host (bracketed when numeric), :port.
QString jumpAsSshPrintsIt(const QString &proxyJump)
{
    const qsizetype comma = proxyJump.lastIndexOf(u',');
    const QString last = proxyJump.mid(comma + 1);
    QString user;
    QString host;
    int port = 0;
    QString error;
    if (!SshConfig::parseSpec(last, &user, &host, &port, &error))
        return proxyJump;
    const bool numeric = host.contains(u':') || std::all_of(host.begin(), host.end(), [](QChar c) {
                             return c == u'.' || (c >= u'0' && c <= u'9');
                         });
    QString hop = numeric ? u'[' + host + u']' : host;
    if (!user.isEmpty())
        hop = user + u'@' + hop;
    if (port)
        hop += u':' + QString::number(port);
    return comma < 0 ? hop : proxyJump.left(comma + 1) + hop;
}

QStringList configLines(const QString &host, const SshResolution &r)
{
    const HostTarget &t = r.target;
    QStringList lines;
    auto line = [&lines](const char *keyword, const QString &value) {
        lines.append(QLatin1StringView(keyword) + u' ' + value);
    };
    // ssh -G's order: host, user, hostname, port, flags, numbers, strings, lists, special cases.
    line("host", host);
    line("user", t.user);
    line("hostname", t.hostname);
    line("port", QString::number(t.port));
    line("addressfamily", r.addressFamily);
    line("batchmode", yesNo(r.batchMode));
    line("canonicalizefallbacklocal", yesNo(r.canonicalizeFallbackLocal));
    line("canonicalizehostname", r.canonicalizeHostname);
    line("identitiesonly", yesNo(t.identitiesOnly));
    line("kbdinteractiveauthentication", yesNo(r.kbdInteractiveAuthentication));
    line("passwordauthentication", yesNo(r.passwordAuthentication));
    line("pubkeyauthentication", r.pubkeyAuthentication);
    line("stricthostkeychecking", policyName(t.hostKeyPolicy));
    line("canonicalizemaxdots", QString::number(r.canonicalizeMaxDots));
    line("numberofpasswordprompts", QString::number(r.numberOfPasswordPrompts));
    if (!t.hostKeyAlias.isEmpty())
        line("hostkeyalias", t.hostKeyAlias);
    if (!t.identityAgent.isEmpty())
        line("identityagent", t.identityAgent);
    if (!r.preferredAuthentications.isEmpty())
        line("preferredauthentications", r.preferredAuthentications);
    for (const QString &file : t.identityFiles)
        line("identityfile", file);
    line("canonicaldomains", listOrNone(r.canonicalDomains));
    for (const QString &file : t.certificateFiles)
        line("certificatefile", file);
    line("globalknownhostsfile", listOrNone(t.globalKnownHostsFiles));
    line("userknownhostsfile", listOrNone(t.knownHostsFiles));
    line("connecttimeout",
         t.connectTimeoutMs == 0 ? QStringLiteral("none") : QString::number(t.connectTimeoutMs / 1000.0));
    line("canonicalizepermittedcnames", listOrNone(r.canonicalizePermittedCNAMEs));
    if (!t.proxyJump.isEmpty())
        line("proxyjump", jumpAsSshPrintsIt(t.proxyJump));
    else if (!t.proxyCommand.isEmpty())
        line("proxycommand", t.proxyCommand);
    return lines;
}

} // namespace

int ConfigCli::main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Command::describe(&app);

    QCommandLineParser parser;
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption configFile({QStringLiteral("F"), QStringLiteral("ssh-config")}, QString(),
                                        QStringLiteral("FILE"));
    const QCommandLineOption option({QStringLiteral("O"), QStringLiteral("option")}, QString(),
                                    QStringLiteral("OPTION=VALUE"));
    parser.addOption(help);
    parser.addOption(configFile);
    parser.addOption(option);
    if (!parser.parse(Command::subcommandArguments())) {
        QString text = parser.errorText();
        if (text.endsWith(u'.'))
            text.chop(1);
        return usageError(text);
    }
    if (parser.isSet(help)) {
        print(stdout, QCoreApplication::translate("ConfigCli", kUsage));
        return ExitOk;
    }
    const QStringList hosts = parser.positionalArguments();
    if (hosts.isEmpty())
        return usageError(QCoreApplication::translate("ConfigCli", "name the host to show"));
    if (hosts.size() > 1)
        return usageError(
            QCoreApplication::translate("ConfigCli", "give one host, not %1").arg(hosts.size()));
    const QString host = hosts.constFirst();

    QStringList warnings;
    SshConfig config;
    if (parser.isSet(configFile)) {
        const QString path = parser.value(configFile);
        if (path != u"none") {
            // A missing default config is normal; a missing file the user named is a typo.
            const QFileInfo info(path);
            QFile probe(path);
            if (!info.exists())
                return usageError(
                    QCoreApplication::translate("ConfigCli", "cannot read ssh config \"%1\": no such file")
                        .arg(path));
            if (info.isDir())
                return usageError(QCoreApplication::translate(
                                      "ConfigCli", "cannot read ssh config \"%1\": it is a directory")
                                      .arg(path));
            if (!probe.open(QIODevice::ReadOnly))
                return usageError(
                    QCoreApplication::translate("ConfigCli", "cannot read ssh config \"%1\": %2")
                        .arg(path, probe.errorString()));
            config = SshConfig::load(path, &warnings);
        }
    } else {
        config = SshConfig::loadDefault(&warnings);
    }
    const Result<SshConfig> withOptions = config.withOptions(parser.values(option));
    if (!withOptions) {
        for (const QString &warning : std::as_const(warnings))
            err(warning);
        return usageError(withOptions.message());
    }

    const Result<SshResolution> resolved = withOptions.value().resolveHost(host);
    if (resolved) {
        print(stdout, configLines(host, resolved.value()).join(u'\n') + u'\n');
        warnings += resolved.value().warnings;
    }
    for (const QString &warning : std::as_const(warnings))
        err(warning);
    if (!resolved) {
        // A malformed name is the caller's mistake; a name canonicalisation cannot find is not.
        if (resolved.error().kind == Error::Kind::BadInput)
            return usageError(resolved.message());
        err(resolved.message());
        return ExitUnresolved;
    }
    return ExitOk;
}

} // namespace Chorus
