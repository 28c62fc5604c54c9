#include "app/cli/hostscli.h"

#include "app/cli/command.h"
#include "model/core/naturalcompare.h"
#include "model/profiles/profileimporter.h"
#include "model/profiles/profilestore.h"
#include "model/secrets/secretstore.h"
#include "model/ssh/sshconfig.h"
#include "model/ssh/targetresolver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace Chorus {

namespace {

// Command and option names, formats and the exit statuses stay as they are in every language.
const char *const kUsage = QT_TRANSLATE_NOOP("HostsCli", R"(Usage: chorus hosts COMMAND ...
Keeps the host profiles Chorus connects to (the same list as the window shows).

  list [--json] [EXPRESSION]     Lists the hosts, or those an expression names.
  add NAME --host HOST [options] Adds a host:
        --port P  --user U  --group PATH  --tag T (repeatable)
        --auth agent|key|password|keyboard-interactive  --key FILE
        --jump HOST|PROFILE  --sudo  --notes TEXT
  import FILE [--format F] [--group PATH] [--dry-run]
                                 Imports hosts from FILE; F is ssh-config, pssh,
                                 clustershell, ansible or chorus (guessed when left out).
                                 Hosts already there (same user, host, port) are merged.
  export FILE                    Writes every host to FILE (no passwords: those stay in
                                 the keychain).
  remove NAME|ID|EXPRESSION...   Removes hosts and their stored passwords.

Expressions: @GROUP (with subgroups), @tag:TAG, @* (all), or a host's name or id.
Exit status: 0 done, 1 failed, 2 imported with some lines skipped, 64 bad usage.
)");

void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
}

void out(const QString &line)
{
    print(stdout, line + u'\n');
}

void err(const QString &line)
{
    print(stderr, line + u'\n');
}

int usageError(const QString &command, const QString &what)
{
    const QString prefix =
        command.isEmpty() ? QStringLiteral("chorus hosts") : QStringLiteral("chorus hosts ") + command;
    err(QCoreApplication::translate("HostsCli", "%1: %2 (see 'chorus hosts --help')").arg(prefix, what));
    return HostsCli::ExitUsage;
}

int failure(const QString &command, const QString &what)
{
    err(QStringLiteral("chorus hosts %1: %2").arg(command, what));
    return HostsCli::ExitFailure;
}

// Loads the profiles; tells the user about a file that had to be set aside.
bool loadStore(ProfileStore *store, const QString &command)
{
    QString notice;
    store->load(&notice);
    if (!notice.isEmpty())
        err(QStringLiteral("chorus hosts %1: %2").arg(command, notice));
    return true;
}

bool parse(QCommandLineParser *parser, const QStringList &args, const QString &command, int *status)
{
    parser->setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser->parse(QStringList{QStringLiteral("chorus-hosts-") + command} + args)) {
        QString text = parser->errorText();
        if (text.endsWith(u'.'))
            text.chop(1);
        *status = usageError(command, text);
        return false;
    }
    return true;
}

// `list --names`: what `chorus run -w` accepts, one per line. Groups and tags only for the whole list:
// with an expression the question is which hosts it names.
void printNames(const ProfileStore &store, const QList<Profile> &profiles, bool withGroupsAndTags)
{
    for (const Profile &p : profiles)
        out(p.name);
    if (!withGroupsAndTags)
        return;
    QSet<QString> groups;
    QMap<QString, QString> tags; // lower case -> as first written: tags match case-insensitively
    const auto addGroup = [&groups](const QString &path) {
        const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
        for (qsizetype n = 1; n <= parts.size(); ++n)
            groups.insert(parts.first(n).join(u'/'));
    };
    for (const QString &group : store.contents().groups)
        addGroup(group);
    for (const Profile &p : store.profiles()) {
        addGroup(p.group);
        for (const QString &tag : p.tags) {
            if (!tags.contains(tag.toLower()))
                tags.insert(tag.toLower(), tag);
        }
    }
    QStringList sorted(groups.cbegin(), groups.cend());
    std::sort(sorted.begin(), sorted.end(),
              [](const QString &a, const QString &b) { return naturalCompare(a, b) < 0; });
    for (const QString &group : std::as_const(sorted))
        out(u'@' + group);
    for (const QString &tag : tags)
        out(QStringLiteral("@tag:") + tag);
}

int list(const QStringList &args)
{
    const QString command = QStringLiteral("list");
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"));
    parser.addOption(json);
    // For the shell completions (resources/completion/), which ask the program rather than read
    // profiles.json: a stable interface, though not one people need in `chorus hosts --help`.
    QCommandLineOption names(QStringLiteral("names"),
                             QCoreApplication::translate("HostsCli",
                                                         "Print only names, one per line: the hosts' "
                                                         "names, then every group as @GROUP and every "
                                                         "tag as @tag:TAG."));
    names.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(names);
    int status = 0;
    if (!parse(&parser, args, command, &status))
        return status;
    if (parser.positionalArguments().size() > 1)
        return usageError(command, QCoreApplication::translate("HostsCli", "give at most one expression"));
    if (parser.isSet(json) && parser.isSet(names))
        return usageError(command,
                          QCoreApplication::translate("HostsCli", "give --json or --names, not both"));

    ProfileStore store;
    if (parser.isSet(names))
        store.load(nullptr, ProfileStore::LoadMode::ReadOnly); // a Tab key must not move files aside
    else
        loadStore(&store, command);
    QList<Profile> profiles = store.profiles();
    if (!parser.positionalArguments().isEmpty()) {
        const TargetResolver resolver(store.profiles(), store.contents().groups);
        QString error;
        if (!resolver.match(parser.positionalArguments().constFirst(), &profiles, &error))
            return failure(command, error);
    }
    if (parser.isSet(names)) {
        printNames(store, profiles, parser.positionalArguments().isEmpty());
        return HostsCli::ExitOk;
    }
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const Profile &p : std::as_const(profiles))
            array.append(p.toJson());
        print(stdout, QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        return HostsCli::ExitOk;
    }
    if (profiles.isEmpty()) {
        if (store.profiles().isEmpty())
            err(QCoreApplication::translate("HostsCli",
                                            "No hosts yet: add one with 'chorus hosts add NAME --host HOST' or "
                                            "import a file with 'chorus hosts import FILE'."));
        return HostsCli::ExitOk;
    }
    const QStringList header{QCoreApplication::translate("HostsCli", "NAME"),
                             QCoreApplication::translate("HostsCli", "ADDRESS"),
                             QCoreApplication::translate("HostsCli", "GROUP"),
                             QCoreApplication::translate("HostsCli", "TAGS"), QStringLiteral("ID")};
    QList<QStringList> rows{header};
    for (const Profile &p : std::as_const(profiles)) {
        rows.append({p.name, p.address(), p.group, p.tags.join(u','), p.id.toString(QUuid::WithoutBraces)});
    }
    QList<qsizetype> widths(header.size(), 0);
    for (const QStringList &row : std::as_const(rows)) {
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], row.at(c).size());
    }
    for (const QStringList &row : std::as_const(rows)) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c)
            line += c + 1 < row.size() ? row.at(c).leftJustified(widths[c] + 2) : row.at(c);
        out(line);
    }
    return HostsCli::ExitOk;
}

int add(const QStringList &args)
{
    const QString command = QStringLiteral("add");
    QCommandLineParser parser;
    const QCommandLineOption host(QStringLiteral("host"), QString(), QStringLiteral("HOST"));
    const QCommandLineOption port(QStringLiteral("port"), QString(), QStringLiteral("PORT"));
    const QCommandLineOption user(QStringLiteral("user"), QString(), QStringLiteral("USER"));
    const QCommandLineOption group(QStringLiteral("group"), QString(), QStringLiteral("PATH"));
    const QCommandLineOption tag(QStringLiteral("tag"), QString(), QStringLiteral("TAG"));
    const QCommandLineOption auth(QStringLiteral("auth"), QString(), QStringLiteral("METHOD"));
    const QCommandLineOption key(QStringLiteral("key"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption jump(QStringLiteral("jump"), QString(), QStringLiteral("HOST"));
    const QCommandLineOption sudo(QStringLiteral("sudo"));
    const QCommandLineOption notes(QStringLiteral("notes"), QString(), QStringLiteral("TEXT"));
    parser.addOptions({host, port, user, group, tag, auth, key, jump, sudo, notes});
    int status = 0;
    if (!parse(&parser, args, command, &status))
        return status;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(command, QCoreApplication::translate("HostsCli", "missing the host's NAME"));
    if (positional.size() > 1)
        return usageError(command, QCoreApplication::translate("HostsCli", "unexpected \"%1\" after the name").arg(positional.at(1)));
    if (!parser.isSet(host))
        return usageError(command, QCoreApplication::translate("HostsCli", "--host is required"));

    Profile p = Profile::create();
    p.name = positional.constFirst().trimmed();
    if (p.name.isEmpty())
        return usageError(command, QCoreApplication::translate("HostsCli", "the name is empty"));
    QString specUser;
    QString hostname;
    int specPort = 0;
    QString error;
    if (!SshConfig::parseSpec(parser.value(host), &specUser, &hostname, &specPort, &error))
        return usageError(command, QStringLiteral("--host: ") + error);
    if (!specUser.isEmpty() || specPort)
        return usageError(command,
                          QCoreApplication::translate("HostsCli", "--host takes a host name only; give --user and "
                                                                  "--port separately"));
    p.hostname = hostname;
    if (parser.isSet(port)) {
        bool ok = false;
        const int number = parser.value(port).toInt(&ok);
        if (!ok || number < 1 || number > 65535)
            return usageError(command, QCoreApplication::translate("HostsCli", "--port must be a number from 1 to 65535"));
        p.port = quint16(number);
    }
    if (parser.isSet(user)) {
        QString u;
        QString h;
        int n = 0;
        if (!SshConfig::parseSpec(parser.value(user) + QStringLiteral("@x"), &u, &h, &n, &error) ||
            u != parser.value(user)) {
            return usageError(command,
                              QCoreApplication::translate("HostsCli", "--user: bad user name \"%1\"").arg(parser.value(user)));
        }
        p.user = u;
    }
    p.group = Profile::normalizeGroup(parser.value(group));
    p.tags = Profile::normalizeTags(parser.values(tag));
    if (parser.isSet(key)) {
        p.keyFile = parser.value(key);
        p.auth = AuthMethod::KeyFile;
    }
    if (parser.isSet(auth) && !parseAuthMethod(parser.value(auth), &p.auth))
        return usageError(command,
                          QCoreApplication::translate("HostsCli", "--auth must be agent, key, password or keyboard-interactive"));
    if (p.auth == AuthMethod::KeyFile && p.keyFile.isEmpty())
        return usageError(command, QCoreApplication::translate("HostsCli", "--auth key needs --key FILE"));
    p.useSudo = parser.isSet(sudo);
    p.notes = parser.value(notes);

    ProfileStore store;
    loadStore(&store, command);
    QList<Profile> profiles = store.profiles();
    for (const Profile &existing : std::as_const(profiles)) {
        if (existing.name == p.name) {
            return failure(command, QCoreApplication::translate("HostsCli", "a host named \"%1\" already exists (id %2)")
                                        .arg(p.name, existing.id.toString(QUuid::WithoutBraces)));
        }
    }
    if (parser.isSet(jump)) {
        // A saved host's name or id is kept as a reference, so editing that host moves the jump too.
        const QString value = parser.value(jump).trimmed();
        const TargetResolver resolver(profiles);
        QList<Profile> via;
        QString ignored;
        if (!value.startsWith(u'@') && resolver.match(value, &via, &ignored) && via.size() == 1) {
            p.jumpHost = via.constFirst().id.toString(QUuid::WithoutBraces);
        } else {
            QString u;
            QString h;
            int n = 0;
            for (const QString &hop : value.split(u',')) {
                if (!SshConfig::parseSpec(hop, &u, &h, &n, &error))
                    return usageError(command, QStringLiteral("--jump: ") + error);
            }
            p.jumpHost = value;
        }
    }
    profiles.append(p);
    store.setProfiles(profiles, store.contents().groups);
    if (!store.save(&error))
        return failure(command, error);
    out(p.id.toString(QUuid::WithoutBraces));
    return HostsCli::ExitOk;
}

int importHosts(const QStringList &args)
{
    const QString command = QStringLiteral("import");
    QCommandLineParser parser;
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("FORMAT"));
    const QCommandLineOption group(QStringLiteral("group"), QString(), QStringLiteral("PATH"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"));
    parser.addOptions({format, group, dryRun});
    int status = 0;
    if (!parse(&parser, args, command, &status))
        return status;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(command, positional.isEmpty() ? QCoreApplication::translate("HostsCli", "missing the FILE to import")
                                                        : QCoreApplication::translate("HostsCli", "give one FILE at a time"));
    const QString path = positional.constFirst();
    ProfileImporter::Format chosen = ProfileImporter::Format::Pssh;
    if (parser.isSet(format)) {
        if (!ProfileImporter::parseFormat(parser.value(format), &chosen)) {
            return usageError(command, QCoreApplication::translate("HostsCli", "unknown format \"%1\" (one of %2)")
                                           .arg(parser.value(format),
                                                ProfileImporter::formatNames().join(QStringLiteral(", "))));
        }
    } else {
        if (!QFileInfo(path).isFile())
            return failure(command, QCoreApplication::translate("HostsCli", "%1: no such file").arg(path));
        if (!ProfileImporter::guessFormat(path, &chosen))
            return failure(command, QCoreApplication::translate("HostsCli", "cannot tell the format of %1; give --format").arg(path));
        err(QCoreApplication::translate("HostsCli", "Reading %1 as %2 (choose with --format).")
                .arg(path, ProfileImporter::formatName(chosen)));
    }

    ProfileImporter::Result result = ProfileImporter::importFile(path, chosen);
    for (const QString &problem : std::as_const(result.problems))
        err(problem);
    if (!result.readable)
        return HostsCli::ExitFailure;
    const QString prefix = Profile::normalizeGroup(parser.value(group));
    if (!prefix.isEmpty()) {
        auto under = [&prefix](const QString &g) {
            return g.isEmpty() ? prefix : prefix + u'/' + g;
        };
        for (Profile &p : result.profiles)
            p.group = under(p.group);
        for (QString &g : result.groups)
            g = under(g);
        result.groups.append(prefix);
    }

    ProfileStore store;
    loadStore(&store, command);
    QList<Profile> profiles = store.profiles();
    const ProfileImporter::MergeStats stats = ProfileImporter::merge(&profiles, result.profiles);
    QStringList groups = store.contents().groups + result.groups;
    groups.removeDuplicates();
    const QString summary =
        (parser.isSet(dryRun)
             ? QCoreApplication::translate("HostsCli", "Would import %1 hosts from %2: %3 new, %4 merged with "
                                                       "hosts already there.")
             : QCoreApplication::translate("HostsCli", "Imported %1 hosts from %2: %3 new, %4 merged with hosts "
                                                       "already there."))
            .arg(result.profiles.size())
            .arg(path)
            .arg(stats.added)
            .arg(stats.merged);
    if (!parser.isSet(dryRun)) {
        store.setProfiles(profiles, groups);
        QString error;
        if (!store.save(&error))
            return failure(command, error);
    }
    out(summary);
    return result.problems.isEmpty() ? HostsCli::ExitOk : HostsCli::ExitPartial;
}

int exportHosts(const QStringList &args)
{
    const QString command = QStringLiteral("export");
    QCommandLineParser parser;
    int status = 0;
    if (!parse(&parser, args, command, &status))
        return status;
    if (parser.positionalArguments().size() != 1)
        return usageError(command, QCoreApplication::translate("HostsCli", "give one FILE to write"));
    ProfileStore store;
    loadStore(&store, command);
    QString error;
    if (!store.exportTo(parser.positionalArguments().constFirst(), &error))
        return failure(command, error);
    out(QCoreApplication::translate("HostsCli", "Exported %1 hosts to %2.")
            .arg(store.profiles().size())
            .arg(parser.positionalArguments().constFirst()));
    return HostsCli::ExitOk;
}

int removeHosts(const QStringList &args)
{
    const QString command = QStringLiteral("remove");
    QCommandLineParser parser;
    int status = 0;
    if (!parse(&parser, args, command, &status))
        return status;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(command, QCoreApplication::translate("HostsCli", "name the hosts to remove"));

    ProfileStore store;
    loadStore(&store, command);
    const TargetResolver resolver(store.profiles(), store.contents().groups);
    QSet<QUuid> doomed;
    QList<Profile> removed;
    for (const QString &expression : positional) {
        QList<Profile> found;
        QString error;
        if (!resolver.match(expression, &found, &error))
            return failure(command, error + QCoreApplication::translate("HostsCli", "; nothing was removed"));
        for (const Profile &p : std::as_const(found)) {
            if (!doomed.contains(p.id)) {
                doomed.insert(p.id);
                removed.append(p);
            }
        }
    }
    QList<Profile> kept;
    for (const Profile &p : store.profiles()) {
        if (!doomed.contains(p.id))
            kept.append(p);
    }
    store.setProfiles(kept, store.contents().groups);
    QString error;
    if (!store.save(&error))
        return failure(command, error);
    for (const Profile &p : std::as_const(kept)) {
        if (doomed.contains(QUuid::fromString(p.jumpHost))) {
            err(QCoreApplication::translate(
                    "HostsCli", "chorus hosts remove: warning: \"%1\" went through a removed host as its jump "
                                "host; it cannot be reached until it gets another one")
                    .arg(p.name));
        }
    }

    // The profiles are gone from the file; now their secrets. A keychain that cannot be reached is
    // reported, not fatal: the hosts are removed either way.
    SecretStore secrets;
    QEventLoop loop;
    int pending = int(removed.size());
    for (const Profile &p : std::as_const(removed)) {
        secrets.removeAll(p.id, [&, name = p.name](const SecretStore::Result &r) {
            if (r.status != SecretStore::Status::Ok) {
                err(QCoreApplication::translate("HostsCli", "chorus hosts remove: warning: the stored "
                                                            "passwords of \"%1\" could not be deleted: %2")
                        .arg(name, r.error));
            }
            if (--pending == 0)
                loop.quit();
        });
    }
    if (pending > 0) {
        QTimer::singleShot(30000, &loop, [&] {
            err(QCoreApplication::translate("HostsCli", "chorus hosts remove: warning: the keychain did not "
                                                        "answer; stored passwords may remain"));
            loop.quit();
        });
        loop.exec();
    }
    out(QCoreApplication::translate("HostsCli", "Removed %n host(s).", nullptr, int(removed.size())));
    return HostsCli::ExitOk;
}

} // namespace

int HostsCli::main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Command::describe(&app);
    const QStringList arguments = Command::subcommandArguments();
    const QStringList rest = arguments.mid(2);
    const QString command = arguments.value(1);
    if (command.isEmpty())
        return usageError(QString(), QCoreApplication::translate("HostsCli", "missing command: list, add, import, export or remove"));
    if (command == u"--help" || command == u"-h" || command == u"help") {
        print(stdout, QCoreApplication::translate("HostsCli", kUsage));
        return ExitOk;
    }
    if (rest.contains(QStringLiteral("--help")) || rest.contains(QStringLiteral("-h"))) {
        print(stdout, QCoreApplication::translate("HostsCli", kUsage));
        return ExitOk;
    }
    if (command == u"list")
        return list(rest);
    if (command == u"add")
        return add(rest);
    if (command == u"import")
        return importHosts(rest);
    if (command == u"export")
        return exportHosts(rest);
    if (command == u"remove" || command == u"rm")
        return removeHosts(rest);
    return usageError(
        QString(),
        QCoreApplication::translate("HostsCli", "unknown command \"%1\" (list, add, import, export or remove)").arg(command));
}

} // namespace Chorus
