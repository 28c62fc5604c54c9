#include "model/ssh/sshconfig.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <pwd.h>
#include <unistd.h>

using namespace Chorus;
using namespace Qt::StringLiterals;

// Every test gets a fresh HOME of its own (whatever HOME the runner gave), so nothing here can read
// or write a real ~/.ssh, and ssh -G, which takes ~ from HOME for Include, sees the same files.
class TestSshConfig : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_home;
    QByteArray m_oldHome;

    QString home() const { return m_home->path(); }

    QString write(const QString &path, const QString &text)
    {
        const QString full = QDir::isAbsolutePath(path) ? path : home() + u'/' + path;
        QDir().mkpath(QFileInfo(full).absolutePath());
        QFile f(full);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(full));
        f.write(text.toUtf8());
        return full;
    }

    // Loads text as ~/.ssh/config; warnings must be none unless the test asks for them.
    SshConfig config(const QString &text, QStringList *warnings = nullptr)
    {
        QStringList w;
        const SshConfig c = SshConfig::load(write(u".ssh/config"_s, text), &w);
        if (warnings)
            *warnings = w;
        else if (!w.isEmpty())
            qWarning() << "unexpected warnings:" << w;
        return c;
    }

    static HostTarget resolved(const SshConfig &c, const QString &spec, const HostTarget &defaults = {})
    {
        HostTarget t;
        QString error;
        if (!c.resolve(spec, defaults, &t, &error))
            qWarning() << "resolve" << spec << "failed:" << error;
        return t;
    }

    // The real ssh's view: `ssh -G` prints the resolved options without connecting.
    static QMultiHash<QString, QString> sshG(const QString &file, const QString &host, int port)
    {
        QStringList args{u"-G"_s, u"-F"_s, file};
        if (port)
            args << u"-p"_s << QString::number(port);
        args << host;
        QProcess p;
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(u"ssh"_s, args);
        QMultiHash<QString, QString> out;
        if (!p.waitForFinished(30000) || p.exitCode() != 0) {
            qWarning() << "ssh -G failed for" << host << p.readAllStandardError();
            return out;
        }
        const QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).split(u'\n');
        for (const QString &line : lines) {
            const qsizetype space = line.indexOf(u' ');
            if (space > 0)
                out.insert(line.left(space), line.mid(space + 1));
        }
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        m_oldHome = qgetenv("HOME");
        qputenv("HOME", QFile::encodeName(home()));
        QVERIFY(QDir(home()).mkdir(u".ssh"_s));
        QFile::setPermissions(home() + u"/.ssh"_s, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv("USER", "chorus-tester");
        QCOMPARE(SshConfig::defaultPath(), home() + u"/.ssh/config"_s);
    }

    void cleanup()
    {
        qputenv("HOME", m_oldHome);
        m_home.reset();
    }

    void missingFileIsEmptyConfig()
    {
        QStringList warnings;
        const SshConfig c = SshConfig::load(home() + u"/.ssh/nothing-here"_s, &warnings);
        QVERIFY(warnings.isEmpty());
        QVERIFY(c.concreteHosts().isEmpty());
        const HostTarget t = resolved(c, u"web1"_s);
        QCOMPARE(t.name, u"web1"_s);
        QCOMPARE(t.hostname, u"web1"_s);
        QCOMPARE(t.user, u"chorus-tester"_s);
        QCOMPARE(t.port, quint16(22));
        QCOMPARE(t.identityFiles, QStringList()); // no keys in this HOME yet
        QCOMPARE(t.knownHostsFiles, QStringList{home() + u"/.ssh/known_hosts"_s});
        QCOMPARE(t.hostKeyPolicy, HostKeyPolicy::Strict);
        QCOMPARE(t.connectTimeoutMs, 10000);
        QVERIFY(t.proxyJump.isEmpty() && t.proxyCommand.isEmpty() && t.hostKeyAlias.isEmpty());
        QVERIFY(!t.identitiesOnly);
    }

    void defaultIdentityFilesAreTheExistingOnesInOpenSshOrder()
    {
        write(u".ssh/id_dsa"_s, u"key"_s);
        write(u".ssh/id_ed25519"_s, u"key"_s);
        write(u".ssh/id_rsa"_s, u"key"_s);
        write(u".ssh/id_ecdsa_sk"_s, u"key"_s);
        write(u".ssh/id_foo"_s, u"key"_s); // not one of OpenSSH's
        const HostTarget t = resolved(SshConfig(), u"h"_s);
        // OpenSSH 9.2's order: id_rsa, id_ecdsa, id_ecdsa_sk, id_ed25519, id_ed25519_sk, id_xmss, id_dsa.
        QCOMPARE(t.identityFiles, (QStringList{home() + u"/.ssh/id_rsa"_s, home() + u"/.ssh/id_ecdsa_sk"_s,
                                               home() + u"/.ssh/id_ed25519"_s, home() + u"/.ssh/id_dsa"_s}));
    }

    void userFallsBackToLogname()
    {
        const QByteArray logname = qgetenv("LOGNAME");
        qunsetenv("USER");
        qputenv("LOGNAME", "from-logname");
        const HostTarget t = resolved(SshConfig(), u"h"_s);
        qputenv("USER", "chorus-tester");
        if (logname.isNull())
            qunsetenv("LOGNAME");
        else
            qputenv("LOGNAME", logname);
        QCOMPARE(t.user, u"from-logname"_s);
    }

    void unreadableFileWarns()
    {
        // A directory cannot be read as a file, whoever we are.
        QStringList warnings;
        const QString dir = home() + u"/.ssh/adir"_s;
        QDir().mkpath(dir);
        SshConfig::load(dir, &warnings);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].startsWith(dir + u": cannot read"_s), qPrintable(warnings[0]));
    }

    void unreadableFileWarnsForOrdinaryUsers()
    {
        if (geteuid() == 0)
            QSKIP("root reads files whatever their mode; the directory case covers root");
        const QString file = write(u".ssh/locked"_s, u"User x\n"_s);
        QFile::setPermissions(file, {});
        QStringList warnings;
        SshConfig::load(file, &warnings);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].startsWith(file + u": cannot read"_s), qPrintable(warnings[0]));
    }

    void writableByOthersIsRefused()
    {
        const QString file = write(u".ssh/config"_s, u"Host *\n  ProxyCommand evil %h\n"_s);
        QFile::setPermissions(file,
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther | QFile::WriteOther);
        QStringList warnings;
        const SshConfig c = SshConfig::load(file, &warnings);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].startsWith(file + u": bad owner or permissions"_s), qPrintable(warnings[0]));
        QCOMPARE(resolved(c, u"h"_s).proxyCommand, QString());
    }

    void patternsAndNegation()
    {
        const SshConfig c = config(uR"(
Host web* !web3 db?
    User deploy
Host *.example.com
    Port 2200
Host !*.example.com *
    IdentitiesOnly yes
Host !only-negated
    HostKeyAlias never
)"_s);
        QCOMPARE(resolved(c, u"web1"_s).user, u"deploy"_s);
        QCOMPARE(resolved(c, u"web"_s).user, u"deploy"_s); // '*' matches nothing too
        QCOMPARE(resolved(c, u"web3"_s).user, u"chorus-tester"_s);
        QCOMPARE(resolved(c, u"db1"_s).user, u"deploy"_s);
        QCOMPARE(resolved(c, u"db12"_s).user, u"chorus-tester"_s);
        QCOMPARE(resolved(c, u"WEB1"_s).user, u"chorus-tester"_s); // patterns are case-sensitive, as in ssh
        QCOMPARE(resolved(c, u"a.example.com"_s).port, quint16(2200));
        QCOMPARE(resolved(c, u"a.example.com"_s).identitiesOnly, false);
        QCOMPARE(resolved(c, u"other"_s).identitiesOnly, true);
        QCOMPARE(resolved(c, u"other"_s).hostKeyAlias, QString()); // a negation alone matches nothing
    }

    void firstValueWinsAndSyntaxVariants()
    {
        // (a comment line of its own is in the next config: moc would take it for a directive here)
        const SshConfig c = config(uR"(
Host=a
    USER first   # trailing comment
    Port=2201
  port = 2202
HOST a b
    User second
    IdentityFile "/keys/my key"
    IdentityFile=/keys/other
Host *
    User third
    IdentityFile /keys/last
	HostName	"spaced.example"
)"_s);
        HostTarget a = resolved(c, u"a"_s);
        QCOMPARE(a.user, u"first"_s);
        QCOMPARE(a.port, quint16(2201));
        // IdentityFile accumulates from every matching block, in order.
        QCOMPARE(a.identityFiles, (QStringList{u"/keys/my key"_s, u"/keys/other"_s, u"/keys/last"_s}));
        QCOMPARE(a.hostname, u"spaced.example"_s);
        QCOMPARE(resolved(c, u"b"_s).user, u"second"_s);
        QCOMPARE(resolved(c, u"c"_s).user, u"third"_s);
        QCOMPARE(resolved(c, u"c"_s).identityFiles, QStringList{u"/keys/last"_s});
    }

    void hostNameIsLowerCasedAndExpanded()
    {
        const SshConfig c = config(uR"(
Host Gw
    HostName %h.Example.COM
Host pct
    HostName 100%%-%h
Host mixed
    HostName MyHost.Example
)"_s);
        HostTarget t = resolved(c, u"Gw"_s);
        QCOMPARE(t.hostname, u"gw.example.com"_s);
        QCOMPARE(t.name, u"Gw"_s);
        QCOMPARE(resolved(c, u"pct"_s).hostname, u"100%-pct"_s);
        QCOMPARE(resolved(c, u"mixed"_s).hostname, u"myhost.example"_s);
    }

    void percentAndTildeExpansions()
    {
        qputenv("CHORUS_KEYDIR", "/env/keys");
        const SshConfig c = config(uR"(
Host srv
    HostName srv.example.com
    HostKeyAlias srv-alias
    IdentityFile ~/.ssh/id_%r@%h:%p
    IdentityFile %d/k_%u_%n_%k_%%
    IdentityFile ${CHORUS_KEYDIR}/k
    IdentityFile /abs/%i
    ProxyCommand nc %h %p # %r %n %%
    UserKnownHostsFile ~/kh/%h /abs/%n
)"_s);
        const HostTarget t = resolved(c, u"alice@srv:2022"_s);
        QCOMPARE(t.identityFiles, (QStringList{home() + u"/.ssh/id_alice@srv.example.com:2022"_s,
                                               home() + u"/k_chorus-tester_srv_srv-alias_%"_s,
                                               u"/env/keys/k"_s, u"/abs/"_s + QString::number(getuid())}));
        // ProxyCommand is the rest of the line, untouched apart from its tokens: '#' is no comment there.
        QCOMPARE(t.proxyCommand, u"nc srv.example.com 2022 # alice srv %"_s);
        QCOMPARE(t.knownHostsFiles, (QStringList{home() + u"/kh/srv.example.com"_s, u"/abs/srv"_s}));
    }

    void specParsing_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");

        QTest::newRow("alias") << u"db"_s << u""_s << u"db"_s << 0;
        QTest::newRow("user") << u"bob@db"_s << u"bob"_s << u"db"_s << 0;
        QTest::newRow("port") << u"db:2222"_s << u""_s << u"db"_s << 2222;
        QTest::newRow("user and port") << u"bob@db:2222"_s << u"bob"_s << u"db"_s << 2222;
        QTest::newRow("last @ splits") << u"a@b@db"_s << u"a@b"_s << u"db"_s << 0;
        QTest::newRow("ipv6 port") << u"[::1]:2222"_s << u""_s << u"::1"_s << 2222;
        QTest::newRow("ipv6 user port") << u"bob@[fe80::1%lo]:22"_s << u"bob"_s << u"fe80::1%lo"_s << 22;
        QTest::newRow("ipv6 brackets") << u"[::1]"_s << u""_s << u"::1"_s << 0;
        QTest::newRow("ipv6 bare") << u"::1"_s << u""_s << u"::1"_s << 0;
        QTest::newRow("ipv6 bare user") << u"root@2001:db8::7"_s << u"root"_s << u"2001:db8::7"_s << 0;
        QTest::newRow("ipv4") << u"127.0.0.2:65535"_s << u""_s << u"127.0.0.2"_s << 65535;
        QTest::newRow("ssh uri") << u"ssh://bob@db:2200/"_s << u"bob"_s << u"db"_s << 2200;
        QTest::newRow("spaces around") << u"  db  "_s << u""_s << u"db"_s << 0;
    }

    void specParsing()
    {
        QFETCH(QString, spec);
        QFETCH(QString, user);
        QFETCH(QString, host);
        QFETCH(int, port);
        QString u, h, error;
        int p = -1;
        QVERIFY2(SshConfig::parseSpec(spec, &u, &h, &p, &error), qPrintable(error));
        QCOMPARE(u, user);
        QCOMPARE(h, host);
        QCOMPARE(p, port);
        // And resolve() uses them, with the name being the host as typed.
        const HostTarget t = resolved(SshConfig(), spec);
        QCOMPARE(t.name, host);
        QCOMPARE(t.user, user.isEmpty() ? u"chorus-tester"_s : user);
        QCOMPARE(t.port, quint16(port ? port : 22));
        QCOMPARE(t.hostname, host.toLower());
    }

    void badSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("message");

        QTest::newRow("port too big") << u"db:70000"_s << u"bad port \"70000\" in \"db:70000\""_s;
        QTest::newRow("port empty") << u"db:"_s << u"bad port \"\" in \"db:\""_s;
        QTest::newRow("port zero") << u"db:0"_s << u"bad port \"0\" in \"db:0\""_s;
        QTest::newRow("port word") << u"db:ssh"_s << u"bad port \"ssh\" in \"db:ssh\""_s;
        QTest::newRow("port signed") << u"db:+22"_s << u"bad port \"+22\" in \"db:+22\""_s;
        QTest::newRow("ipv6 port") << u"[::1]:99999"_s << u"bad port \"99999\" in \"[::1]:99999\""_s;
        QTest::newRow("empty") << u""_s << u"no host in \"\""_s;
        QTest::newRow("user only") << u"bob@"_s << u"no host in \"bob@\""_s;
        QTest::newRow("no user") << u"@db"_s << u"empty user name before \"@\" in \"@db\""_s;
        QTest::newRow("open bracket") << u"[::1:22"_s << u"missing \"]\" in \"[::1:22\""_s;
        QTest::newRow("after bracket") << u"[::1]22"_s << u"unexpected \"22\" after \"]\" in \"[::1]22\""_s;
        QTest::newRow("empty brackets") << u"[]:22"_s << u"no host in \"[]:22\""_s;
        QTest::newRow("space") << u"a b"_s << u"bad host name \"a b\" in \"a b\""_s;
        QTest::newRow("option injection")
            << u"-oProxyCommand=x"_s << u"bad host name \"-oProxyCommand=x\" in \"-oProxyCommand=x\""_s;
        QTest::newRow("shell") << u"x;reboot"_s << u"bad host name \"x;reboot\" in \"x;reboot\""_s;
        QTest::newRow("shell user") << u"$(id)@h"_s << u"bad user name \"$(id)\" in \"$(id)@h\""_s;
    }

    void badSpecs()
    {
        QFETCH(QString, spec);
        QFETCH(QString, message);
        HostTarget t;
        t.name = u"untouched"_s;
        QString error;
        QVERIFY(!SshConfig().resolve(spec, &t, &error));
        QCOMPARE(error, message);
        QCOMPARE(t.name, u"untouched"_s);
    }

    void specBeatsConfig()
    {
        const SshConfig c = config(u"Host db\n  User cfg\n  Port 2200\n  HostName db.internal\n"_s);
        HostTarget t = resolved(c, u"root@db:2022"_s);
        QCOMPARE(t.user, u"root"_s);
        QCOMPARE(t.port, quint16(2022));
        QCOMPARE(t.hostname, u"db.internal"_s);
        QCOMPARE(t.name, u"db"_s);
        t = resolved(c, u"db"_s);
        QCOMPARE(t.user, u"cfg"_s);
        QCOMPARE(t.port, quint16(2200));
        // The config matches the host as typed, not the address it leads to.
        QCOMPARE(resolved(c, u"db.internal"_s).user, u"chorus-tester"_s);
    }

    void precedenceWithCallerDefaults()
    {
        const SshConfig c = config(uR"(
Host db
    User cfg
    Port 2200
    StrictHostKeyChecking ask
Host direct
    ProxyJump none
    IdentityFile none
    UserKnownHostsFile none
    IdentitiesOnly no
)"_s);
        HostTarget defaults;
        defaults.name = u"ignored"_s;
        defaults.hostname = u"ignored"_s;
        defaults.user = u"defuser"_s;
        defaults.port = 2300;
        defaults.hostKeyPolicy = HostKeyPolicy::AcceptNew;
        defaults.connectTimeoutMs = 3000;
        defaults.identityFiles = {u"/d/key"_s};
        defaults.knownHostsFiles = {u"/d/known_hosts"_s};
        defaults.proxyJump = u"jump"_s;
        defaults.identitiesOnly = true;
        defaults.hostKeyAlias = u"defalias"_s;

        // config > defaults
        HostTarget t = resolved(c, u"db"_s, defaults);
        QCOMPARE(t.name, u"db"_s);
        QCOMPARE(t.hostname, u"db"_s);
        QCOMPARE(t.user, u"cfg"_s);
        QCOMPARE(t.port, quint16(2200));
        QCOMPARE(t.hostKeyPolicy, HostKeyPolicy::Ask);
        QCOMPARE(t.connectTimeoutMs, 3000);
        QCOMPARE(t.identityFiles, QStringList{u"/d/key"_s});
        QCOMPARE(t.knownHostsFiles, QStringList{u"/d/known_hosts"_s});
        QCOMPARE(t.proxyJump, u"jump"_s);
        QCOMPARE(t.identitiesOnly, true);
        QCOMPARE(t.hostKeyAlias, u"defalias"_s);

        // spec > config > defaults
        t = resolved(c, u"root@db:2022"_s, defaults);
        QCOMPARE(t.user, u"root"_s);
        QCOMPARE(t.port, quint16(2022));

        // defaults > built-in
        t = resolved(c, u"other"_s, defaults);
        QCOMPARE(t.user, u"defuser"_s);
        QCOMPARE(t.port, quint16(2300));
        QCOMPARE(t.hostKeyPolicy, HostKeyPolicy::AcceptNew);

        // A config "none" is an answer, and beats the caller's default.
        t = resolved(c, u"direct"_s, defaults);
        QCOMPARE(t.proxyJump, QString());
        QCOMPARE(t.identityFiles, QStringList());
        QCOMPARE(t.knownHostsFiles, QStringList());
        QCOMPARE(t.identitiesOnly, false);

        // built-in when nobody says anything
        t = resolved(c, u"other"_s);
        QCOMPARE(t.user, u"chorus-tester"_s);
        QCOMPARE(t.port, quint16(22));
        QCOMPARE(t.hostKeyPolicy, HostKeyPolicy::Strict);
        QCOMPARE(t.connectTimeoutMs, 10000);
    }

    void proxyJumpAndProxyCommandExcludeEachOther()
    {
        // The orders ssh 9 treats differently; checked against ssh -G in matchesRealSsh too.
        const SshConfig c = config(uR"(
Host a
    ProxyJump none
Host a
    ProxyJump x
Host b
    ProxyCommand none
Host b
    ProxyCommand x
Host c
    ProxyCommand x %h
Host c
    ProxyJump y
Host d
    ProxyJump none
Host d
    ProxyCommand z
Host d
    ProxyJump w
Host e
    ProxyCommand none
Host e
    ProxyJump w
Host f
    ProxyJump bob@gw:2222,gw2
Host f
    ProxyCommand never
)"_s);
        auto both = [&](const QString &host) {
            const HostTarget t = resolved(c, host);
            return QStringList{t.proxyJump, t.proxyCommand};
        };
        QCOMPARE(both(u"a"_s), (QStringList{u""_s, u""_s}));
        QCOMPARE(both(u"b"_s), (QStringList{u""_s, u""_s}));
        QCOMPARE(both(u"c"_s), (QStringList{u""_s, u"x c"_s}));
        QCOMPARE(both(u"d"_s), (QStringList{u""_s, u"z"_s}));
        QCOMPARE(both(u"e"_s), (QStringList{u""_s, u""_s}));
        QCOMPARE(both(u"f"_s), (QStringList{u"bob@gw:2222,gw2"_s, u""_s}));
    }

    void valuesOfTheSmallerKeywords()
    {
        const SshConfig c = config(uR"(
Host t1
    ConnectTimeout 1m5s
    StrictHostKeyChecking accept-new
Host t2
    ConnectTimeout none
    StrictHostKeyChecking no
Host t3
    ConnectTimeout 7
    StrictHostKeyChecking yes
    IdentitiesOnly true
Host t4
    StrictHostKeyChecking Ask
)"_s);
        QCOMPARE(resolved(c, u"t1"_s).connectTimeoutMs, 65000);
        QCOMPARE(resolved(c, u"t1"_s).hostKeyPolicy, HostKeyPolicy::AcceptNew);
        QCOMPARE(resolved(c, u"t2"_s).connectTimeoutMs, 0);
        QCOMPARE(resolved(c, u"t2"_s).hostKeyPolicy, HostKeyPolicy::AcceptNew);
        QCOMPARE(resolved(c, u"t3"_s).connectTimeoutMs, 7000);
        QCOMPARE(resolved(c, u"t3"_s).hostKeyPolicy, HostKeyPolicy::Strict);
        QCOMPARE(resolved(c, u"t3"_s).identitiesOnly, true);
        QCOMPARE(resolved(c, u"t4"_s).hostKeyPolicy, HostKeyPolicy::Ask);
    }

    void connectTimeoutNoneLeavesItOpen()
    {
        // As in ssh, where "none" is the value for "not set yet".
        const SshConfig c = config(u"Host a\n  ConnectTimeout none\nHost a b\n  ConnectTimeout 7\nHost c\n"
                                   u"  ConnectTimeout none\n"
                                   u"  NumberOfPasswordPrompts -1\nHost *\n  NumberOfPasswordPrompts 2\n"_s);
        QCOMPARE(resolved(c, u"a"_s).connectTimeoutMs, 7000);
        QCOMPARE(resolved(c, u"c"_s).connectTimeoutMs, 0);
        QCOMPARE(resolved(c, u"d"_s).connectTimeoutMs, 10000);
        QCOMPARE(c.resolveHost(u"c"_s).value().numberOfPasswordPrompts, 2);
    }

    void includeGlobAndRelativePath()
    {
        write(u".ssh/conf.d/20-b.conf"_s, u"User from-b\nPort 2002\nHostKeyAlias from-b\n"_s);
        write(u".ssh/conf.d/10-a.conf"_s, u"User from-a\nHost ina\n  HostName ina.internal\n"_s);
        write(u".ssh/conf.d/notes.txt"_s, u"User not-included\n"_s);
        const QString absolute = write(u"elsewhere/extra.conf"_s, u"Port 2999\nIdentityFile /keys/extra\n"_s);
        const SshConfig c = config(u"Include conf.d/*.conf\nInclude "_s + home() +
                                   u"/elsewhere/*.conf nothing-matches-*\nUser main\n"_s);
        HostTarget t = resolved(c, u"x"_s);
        QCOMPARE(t.user, u"from-a"_s); // files in sorted order, first value wins
        QCOMPARE(t.port, quint16(2002));
        // The included file's "Host ina" ended with that file: 20-b.conf applies to every host again.
        QCOMPARE(t.hostKeyAlias, u"from-b"_s);
        QCOMPARE(t.identityFiles, QStringList{u"/keys/extra"_s});
        QCOMPARE(resolved(c, u"ina"_s).hostname, u"ina.internal"_s);
        QCOMPARE(c.concreteHosts(), QStringList{u"ina"_s});
        Q_UNUSED(absolute);
    }

    void includeInsideHostBlock()
    {
        write(u".ssh/inc/a.conf"_s,
              u"Port 1111\nHost incb\n  HostName bee\nHost *\n  IdentitiesOnly yes\n"_s);
        write(u".ssh/inc/b.conf"_s, u"HostKeyAlias fromb\n"_s);
        const SshConfig c = config(uR"(
Host inc*
    Include inc/*.conf
    User afterinclude
Host other
    Include ~/.ssh/inc/*.conf
Host *
    User last
)"_s);
        HostTarget t = resolved(c, u"incb"_s);
        QCOMPARE(t.hostname, u"bee"_s);
        QCOMPARE(t.port, quint16(1111));
        QCOMPARE(t.identitiesOnly, true);
        QCOMPARE(t.hostKeyAlias, u"fromb"_s); // a.conf's Host lines do not leak into b.conf...
        QCOMPARE(t.user, u"afterinclude"_s);  // ...nor back into the including block
        t = resolved(c, u"other"_s);
        QCOMPARE(t.port, quint16(1111));
        QCOMPARE(t.user, u"last"_s);
        // Included from an inactive block, even the included "Host *" never applies.
        t = resolved(c, u"zed"_s);
        QCOMPARE(t.port, quint16(22));
        QCOMPARE(t.identitiesOnly, false);
        QCOMPARE(t.hostKeyAlias, QString());
    }

    void includeCycleAndDepthAreBounded()
    {
        write(u".ssh/loop-a"_s, u"Include loop-b\nUser from-a\n"_s);
        write(u".ssh/loop-b"_s, u"Include loop-a\nPort 2345\n"_s);
        QStringList warnings;
        SshConfig c = config(u"Include loop-a\n"_s, &warnings);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].startsWith(home() + u"/.ssh/loop-b:1: included file "_s),
                 qPrintable(warnings[0]));
        QVERIFY2(warnings[0].contains(u"includes itself"_s), qPrintable(warnings[0]));
        QCOMPARE(resolved(c, u"h"_s).user, u"from-a"_s);
        QCOMPARE(resolved(c, u"h"_s).port, quint16(2345));

        // A chain of distinct files: 16 levels below the main file are read, the 17th is not.
        for (int i = 1; i <= 18; ++i)
            write(u".ssh/chain/%1"_s.arg(i), u"Include chain/%1\nHost level%2\n"_s.arg(i + 1).arg(i));
        c = config(u"Include chain/1\n"_s, &warnings);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].startsWith(home() + u"/.ssh/chain/16:1: included file "_s),
                 qPrintable(warnings[0]));
        QVERIFY2(warnings[0].contains(u"more than 16 deep"_s), qPrintable(warnings[0]));
        // Each file's Include comes before its Host line, so the deepest file's host comes first.
        QCOMPARE(c.concreteHosts().size(), 16);
        QCOMPARE(c.concreteHosts().first(), u"level16"_s);
        QCOMPARE(c.concreteHosts().last(), u"level1"_s);
    }

    void matchBlockAppliesInFileOrder()
    {
        // Once warned about and skipped; now a block like any other, first value still winning.
        const SshConfig c =
            config(u"Host *\n  Port 2200\nMatch host x\n  User matched\n  Port 9\nHost *\n  User after\n"_s);
        HostTarget t = resolved(c, u"x"_s);
        QCOMPARE(t.user, u"matched"_s);
        QCOMPARE(t.port, quint16(2200));
        t = resolved(c, u"y"_s);
        QCOMPARE(t.user, u"after"_s);
    }

    void badLinesAreWarnedWithFileAndLine()
    {
        QStringList warnings;
        const SshConfig c = config(uR"(IgnoreUnknown UseKeychain,Frob*
Port abc
Frobnicate yes
UseKeychain yes
Wibble 1
User
HostName a b
)"_s + u"IdentityFile \"/unterminated\n"_s // moc cannot read a lone quote in a raw string
                                       + uR"(IdentityFile /keys/%z
ConnectTimeout 5x
StrictHostKeyChecking maybe
IdentitiesOnly perhaps
Host ""
  User only-for-nobody
Host *
  ForwardAgent yes
  ServerAliveInterval 30
  User good
  Port 2022
)"_s,
                                   &warnings);
        const QString file = home() + u"/.ssh/config:"_s;
        const QStringList expected{
            file + u"2: bad port \"abc\""_s,
            file + u"5: unknown keyword \"Wibble\""_s,
            file + u"6: no value after \"User\""_s,
            file + u"7: \"HostName\" takes one value, found 2: a b"_s,
            file + u"8: unbalanced quotes"_s,
            file + u"9: unknown or incomplete token \"%z\" in IdentityFile \"/keys/%z\""_s,
            file + u"10: bad time \"5x\" for ConnectTimeout"_s,
            file + u"11: bad value \"maybe\" for StrictHostKeyChecking (yes, no, ask or accept-new)"_s,
            file + u"12: bad value \"perhaps\" for IdentitiesOnly (yes or no)"_s,
            file + u"13: empty Host pattern; this block will match no host"_s,
        };
        QCOMPARE(warnings, expected);
        // Loading went on: the good lines still count, the bad ones do not.
        const HostTarget t = resolved(c, u"h"_s);
        QCOMPARE(t.user, u"good"_s);
        QCOMPARE(t.port, quint16(2022));
        QCOMPARE(t.identityFiles, QStringList());
        QCOMPARE(t.hostKeyPolicy, HostKeyPolicy::Strict);
    }

    void concreteHostsInFileOrder()
    {
        write(u".ssh/more.conf"_s, u"Host included web1\n"_s);
        const SshConfig c = config(uR"(
Host web1 web2 !web3 db?
    User u
Host *.example.com bastion
Include more.conf
Host * !x
Host "quoted name"
)"_s);
        QCOMPARE(c.concreteHosts(),
                 (QStringList{u"web1"_s, u"web2"_s, u"bastion"_s, u"included"_s, u"quoted name"_s}));
    }

    void copiesShareTheLoadedConfig()
    {
        SshConfig c = config(u"Host a\n  User ua\n"_s);
        const SshConfig copy = c;
        c = SshConfig();
        QCOMPARE(resolved(copy, u"a"_s).user, u"ua"_s);
        QCOMPARE(resolved(c, u"a"_s).user, u"chorus-tester"_s);
    }

    // ---- Match -------------------------------------------------------------------------------

    void matchCriteria_data()
    {
        QTest::addColumn<QString>("criteria");
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("applies");

        // "Host Web1 / HostName web1.internal" comes first; the local user is chorus-tester.
        QTest::newRow("all") << u"all"_s << u"Web1"_s << true;
        QTest::newRow("!all") << u"!all"_s << u"Web1"_s << false;
        QTest::newRow("host sees HostName") << u"host web1.internal"_s << u"Web1"_s << true;
        QTest::newRow("host ignores case") << u"host WEB1.Internal"_s << u"Web1"_s << true;
        QTest::newRow("host is not the alias") << u"host web1"_s << u"Web1"_s << false;
        QTest::newRow("!host") << u"!host web1.internal"_s << u"Web1"_s << false;
        QTest::newRow("!host other") << u"!host other"_s << u"Web1"_s << true;
        QTest::newRow("host list") << u"host db*,*.internal"_s << u"Web1"_s << true;
        QTest::newRow("host list negated") << u"host *.internal,!web*"_s << u"Web1"_s << false;
        QTest::newRow("originalhost") << u"originalhost web1"_s << u"Web1"_s << true;
        QTest::newRow("originalhost is not HostName")
            << u"originalhost web1.internal"_s << u"Web1"_s << false;
        QTest::newRow("!originalhost") << u"!originalhost web1"_s << u"Web1"_s << false;
        QTest::newRow("user is the local one by default") << u"user chorus-tester"_s << u"Web1"_s << true;
        QTest::newRow("user from the spec") << u"user bob"_s << u"bob@Web1"_s << true;
        QTest::newRow("!user") << u"!user bob"_s << u"bob@Web1"_s << false;
        QTest::newRow("user is case-sensitive") << u"user BOB"_s << u"bob@Web1"_s << false;
        QTest::newRow("localuser") << u"localuser chorus-*"_s << u"bob@Web1"_s << true;
        QTest::newRow("!localuser") << u"!localuser chorus-tester"_s << u"Web1"_s << false;
        QTest::newRow("localuser is not the remote one") << u"localuser bob"_s << u"bob@Web1"_s << false;
        QTest::newRow("exec true") << u"exec true"_s << u"Web1"_s << true;
        QTest::newRow("exec false") << u"exec false"_s << u"Web1"_s << false;
        QTest::newRow("!exec false") << u"!exec false"_s << u"Web1"_s << true;
        QTest::newRow("exec quoted") << u"exec \"test 1 = 1\""_s << u"Web1"_s << true;
        QTest::newRow("exec tokens") << u"exec \"test %n = Web1 -a %h = web1.internal\""_s << u"Web1"_s
                                     << true;
        QTest::newRow("several, all hold")
            << u"host web1.internal originalhost Web1 user bob localuser chorus-tester exec true"_s
            << u"bob@Web1"_s << true;
        QTest::newRow("several, one fails") << u"host web1.internal user nobody"_s << u"bob@Web1"_s << false;
        QTest::newRow("key=value words") << u"host=web1.internal user=bob"_s << u"bob@Web1"_s << true;
        QTest::newRow("all after one criterion") << u"host web1.internal all"_s << u"Web1"_s << true;
        QTest::newRow("canonical alone never") << u"canonical"_s << u"Web1"_s << false;
        QTest::newRow("!canonical") << u"!canonical"_s << u"Web1"_s << true;
        QTest::newRow("final") << u"final"_s << u"Web1"_s << true;
        QTest::newRow("!final (first pass)") << u"!final"_s << u"Web1"_s << true;
        QTest::newRow("final and host") << u"final host web1.internal"_s << u"Web1"_s << true;
        QTest::newRow("comment ends the line") << u"host web1.internal # user nobody"_s << u"Web1"_s << true;
    }

    void matchCriteria()
    {
        QFETCH(QString, criteria);
        QFETCH(QString, spec);
        QFETCH(bool, applies);
        QStringList warnings;
        const SshConfig c = config(
            u"Host Web1\n  HostName web1.internal\nMatch "_s + criteria + u"\n  Port 2345\n"_s, &warnings);
        QCOMPARE(warnings, QStringList());
        const HostTarget t = resolved(c, spec);
        QCOMPARE(t.hostname, u"web1.internal"_s);
        QCOMPARE(t.port, quint16(applies ? 2345 : 22));
    }

    void matchUserBeforeAndAfterItIsSet()
    {
        const QString text = uR"(
Host early
    User early
Match user early
    Port 1001
Match user late
    Port 1002
Host *
    User late
)"_s;
        const SshConfig c = config(text);
        HostTarget t = resolved(c, u"early"_s);
        QCOMPARE(t.user, u"early"_s);
        QCOMPARE(t.port, quint16(1001));
        // User is only set after the Match lines, which see the local user.
        t = resolved(c, u"other"_s);
        QCOMPARE(t.user, u"late"_s);
        QCOMPARE(t.port, quint16(22));
        // user@ counts as set before any file.
        QCOMPARE(resolved(c, u"late@other"_s).port, quint16(1002));
        // In a final pass, Match user sees what the first pass set.
        const SshConfig twoPasses = config(text + u"Match final\n  HostKeyAlias second-pass\n"_s);
        t = resolved(twoPasses, u"other"_s);
        QCOMPARE(t.port, quint16(1002));
        QCOMPARE(t.hostKeyAlias, u"second-pass"_s);
    }

    void originalHostIsAsTypedHostIsHostName()
    {
        const SshConfig c = config(uR"(
Host alias
    HostName real.example
Match originalhost alias
    User by-original
Match host real.example
    Port 2002
Match host alias
    IdentityFile /k/never
)"_s);
        const HostTarget t = resolved(c, u"alias"_s);
        QCOMPARE(t.hostname, u"real.example"_s);
        QCOMPARE(t.user, u"by-original"_s);
        QCOMPARE(t.port, quint16(2002));
        QCOMPARE(t.identityFiles, QStringList());
    }

    void matchFinalAndCanonicalPasses()
    {
        const SshConfig c = config(uR"(
Host web
    HostName Web.Example.COM
    User first
Match canonical
    Port 3333
Host web.example.com
    IdentityFile /k/final-host
    User never
Match final host web.example.com
    HostKeyAlias Final-Alias
    HostName ignored.example
)"_s);
        HostTarget t = resolved(c, u"web"_s);
        QCOMPARE(t.hostname, u"web.example.com"_s);                 // fixed after the first pass
        QCOMPARE(t.user, u"first"_s);                               // first pass values keep priority
        QCOMPARE(t.port, quint16(3333));                            // canonical matches in the final pass
        QCOMPARE(t.identityFiles, QStringList{u"/k/final-host"_s}); // Host sees the final name
        QCOMPARE(t.hostKeyAlias, u"final-alias"_s);

        // Without a "Match final" there is one pass, and canonical never matches.
        const SshConfig one = config(u"Match canonical\n  Port 3333\nHost web\n  User u\n"_s);
        t = resolved(one, u"web"_s);
        QCOMPARE(t.port, quint16(22));
        QCOMPARE(t.user, u"u"_s);
    }

    void matchInIncludedFileKeepsIncluderState()
    {
        write(u".ssh/inc/m.conf"_s, u"Match host nothing\n  Port 1\n"_s);
        const SshConfig c = config(u"Host x\n  Include inc/m.conf\n  User after-include\n"_s);
        const HostTarget t = resolved(c, u"x"_s);
        QCOMPARE(t.user, u"after-include"_s);
        QCOMPARE(t.port, quint16(22));
        QCOMPARE(resolved(c, u"y"_s).user, u"chorus-tester"_s);
    }

    void matchExecTokens()
    {
        const QString out = home() + u"/tokens"_s;
        const SshConfig c = config(u"Host tok\n  HostName Tok.Example\n  Port 2200\n  HostKeyAlias KAlias\n"_s
                                   u"Match exec \"echo '%%|%C|%d|%h|%i|%k|%L|%l|%n|%p|%r|%u' > "_s +
                                   out + u"\"\n  User execd\n"_s);
        QCOMPARE(resolved(c, u"tok"_s).user, u"execd"_s);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString local = QSysInfo::machineHostName();
        // The values known at that point: HostName expanded but not yet lower-cased, no User yet.
        const QString hash =
            QString::fromLatin1(QCryptographicHash::hash((local + u"Tok.Example2200chorus-tester"_s).toUtf8(),
                                                         QCryptographicHash::Sha1)
                                    .toHex());
        const QStringList expected{u"%"_s,
                                   hash,
                                   home(),
                                   u"Tok.Example"_s,
                                   QString::number(getuid()),
                                   u"KAlias"_s,
                                   local.section(u'.', 0, 0),
                                   local,
                                   u"tok"_s,
                                   u"2200"_s,
                                   u"chorus-tester"_s,
                                   u"chorus-tester"_s};
        QCOMPARE(QString::fromUtf8(f.readAll()).trimmed().split(u'|'), expected);
    }

    void matchExecRunsOnlyWhenNeededAndOncePerResolve()
    {
        const QString skipped = home() + u"/skipped"_s;
        const QString ran = home() + u"/ran"_s;
        const QString count = home() + u"/count"_s;
        const SshConfig c = config(u"Match host nothing exec \"touch "_s + skipped + u"\"\n  Port 1\n"_s +
                                   u"Match exec \"touch "_s + ran + u"\" host nothing\n  Port 2\n"_s +
                                   u"Match final exec \"echo x >> "_s + count + u"\"\n  User counted\n"_s +
                                   u"Match exec \"echo x >> "_s + count + u"\"\n  Port 3\n"_s);
        const HostTarget t = resolved(c, u"h"_s);
        // ssh skips a command once an earlier criterion failed; one before the failing one runs.
        QVERIFY(!QFileInfo::exists(skipped));
        QVERIFY(QFileInfo::exists(ran));
        QCOMPARE(t.user, u"counted"_s);
        QCOMPARE(t.port, quint16(3));
        // Two lines and two passes, one run; the next resolve runs it again.
        auto lines = [&] {
            QFile f(count);
            return f.open(QIODevice::ReadOnly) ? f.readAll().count('\n') : -1;
        };
        QCOMPARE(lines(), 1);
        resolved(c, u"h"_s);
        QCOMPARE(lines(), 2);
    }

    void matchExecTimesOut()
    {
        const QString started = home() + u"/started"_s;
        const SshConfig c = config(u"Match exec \"touch "_s + started + u"; sleep 60\"\n  User slow\n"_s);
        QElapsedTimer timer;
        timer.start();
        const Result<SshResolution> r = c.resolveHost(u"h"_s);
        const qint64 ms = timer.elapsed();
        QVERIFY2(r.ok(), qPrintable(r.message()));
        QVERIFY(QFileInfo::exists(started));
        QVERIFY2(ms >= 9000 && ms < 30000, QByteArray::number(ms));
        QCOMPARE(r.value().target.user, u"chorus-tester"_s);
        QCOMPARE(r.value().warnings.size(), 1);
        QVERIFY2(r.value().warnings[0].startsWith(home() + u"/.ssh/config:1: Match exec \""_s),
                 qPrintable(r.value().warnings[0]));
        QVERIFY2(r.value().warnings[0].contains(u"did not finish within 10 seconds"_s),
                 qPrintable(r.value().warnings[0]));
    }

    void badAndUnsupportedMatchLines()
    {
        QStringList warnings;
        const SshConfig c = config(uR"(Host *
    Port 1111
Match localnetwork 10.0.0.0/8
    User unsupported
Match !tagged foo
    User unsupported-negated
Match frob x
    User unknown
Match host
    User missing-value
Match host a all
    User all-late
Match all host a
    User all-first
Match exec "echo %z"
    User bad-token
Match
    User nothing
Match # just a comment
    User only-comment
Match exec 'true x'
    User single-quotes
Host *
    User fine
)"_s,
                                   &warnings);
        const QString file = home() + u"/.ssh/config:"_s;
        const QStringList expected{
            file +
                u"3: Match criterion \"localnetwork\" is not supported by Chorus; this block will match no host"_s,
            file +
                u"5: Match criterion \"tagged\" is not supported by Chorus; this block will match no host"_s,
            file + u"7: unknown Match criterion \"frob\"; this block will match no host"_s,
            file + u"9: Match \"host\" needs a value; this block will match no host"_s,
            file +
                u"13: Match \"all\" cannot be combined with other criteria; this block will match no host"_s,
            file +
                u"15: unknown or incomplete token \"%z\" in Match exec \"echo %z\"; this block will match no host"_s,
            file + u"17: no value after \"Match\""_s,
            file + u"19: Match without criteria; this block will match no host"_s,
            file + u"21: unknown Match criterion \"x'\"; this block will match no host"_s, // strdelim's words
        };
        QCOMPARE(warnings, expected);
        // No bad block applies, and none hands its lines to the block before it.
        HostTarget t = resolved(c, u"a"_s);
        QCOMPARE(t.user, u"all-late"_s);
        QCOMPARE(t.port, quint16(1111));
        t = resolved(c, u"b"_s);
        QCOMPARE(t.user, u"fine"_s);
    }

    // ---- Canonicalisation ------------------------------------------------------------------------

    // Paths that make no lookup, so they run anywhere (a lookup of a name outside /etc/hosts would
    // ask the network's DNS).
    void canonicalisationWithoutLookups()
    {
        const SshConfig c = config(uR"(
Host a.b.c
    User final-pass
Host proxied
    CanonicalizeHostname yes
    CanonicalDomains none
    CanonicalizeFallbackLocal no
    ProxyJump gw
Host proxied-always
    CanonicalizeHostname always
    CanonicalDomains none
    CanonicalizeFallbackLocal no
    ProxyCommand nc %h %p
Host jump-none
    CanonicalizeHostname yes
    CanonicalDomains none
    CanonicalizeFallbackLocal no
    ProxyJump none
Host no-domains
    CanonicalizeHostname yes
    CanonicalizeFallbackLocal no
Host few-dots.x
    CanonicalizeHostname yes
    CanonicalizeMaxDots 0
    CanonicalDomains none
    CanonicalizeFallbackLocal no
Host *
    CanonicalizeHostname yes
    CanonicalDomains none
)"_s);
        // Too many dots for a lookup, but canonicalisation is on: a final pass with the lower-cased
        // name, which "Host a.b.c" matches although "A.B.C" was typed.
        Result<SshResolution> r = c.resolveHost(u"A.B.C"_s);
        QVERIFY2(r.ok(), qPrintable(r.message()));
        QCOMPARE(r.value().target.hostname, u"a.b.c"_s);
        QCOMPARE(r.value().target.user, u"final-pass"_s);
        QCOMPARE(r.value().canonicalizeHostname, u"true"_s);
        QCOMPARE(r.value().canonicalDomains, QStringList{u"none"_s});
        // Without canonicalisation there is no second pass.
        QCOMPARE(resolved(config(u"Host a.b.c\n  User final-pass\n"_s), u"A.B.C"_s).user, u"chorus-tester"_s);

        // "yes" leaves proxied hosts alone; "always" does not, and then no name is found.
        r = c.resolveHost(u"proxied"_s);
        QVERIFY2(r.ok(), qPrintable(r.message()));
        QCOMPARE(r.value().target.hostname, u"proxied"_s);
        r = c.resolveHost(u"proxied-always"_s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::NotFound);
        QCOMPARE(r.message(), u"cannot resolve host \"proxied-always\": it has no name in CanonicalDomains "
                              "(none), and CanonicalizeFallbackLocal is no"_s);
        // ssh 9.2 counts even "ProxyJump none" as a proxy here.
        QVERIFY(c.resolveHost(u"jump-none"_s).ok());
        r = c.resolveHost(u"no-domains"_s);
        QVERIFY(!r.ok());
        QVERIFY2(r.message().contains(u"\"no-domains\""_s) && r.message().contains(u"(none)"_s),
                 qPrintable(r.message()));
        QVERIFY(c.resolveHost(u"few-dots.x"_s).ok());

        // Addresses are never looked up, and always written in their canonical form.
        HostTarget t = resolved(c, u"127.1"_s);
        QCOMPARE(t.hostname, u"127.0.0.1"_s);
        t = resolved(SshConfig(), u"127.1"_s);
        QCOMPARE(t.hostname, u"127.0.0.1"_s);
        QCOMPARE(t.name, u"127.1"_s);
    }

    // Real lookups, against an /etc/hosts of our own in a private mount namespace.
    void canonicalisationLookups()
    {
        if (qEnvironmentVariableIsSet("CHORUS_TEST_PRIVATE_HOSTS"))
            QSKIP("already inside the private namespace");
        if (geteuid() != 0)
            QSKIP("needs root: the lookups run in a private mount namespace with its own /etc/hosts");
        const QString unshare = QStandardPaths::findExecutable(u"unshare"_s);
        if (unshare.isEmpty())
            QSKIP("no unshare (util-linux) for a private mount namespace");
        // ssh looks NAME.DOMAIN. up with a trailing dot, which glibc's files source only finds when
        // written so; real setups have them in DNS.
        const QString hosts = write(u"etc/hosts"_s, u"127.0.0.1 localhost\n"
                                                    "127.0.0.1 web1.test.lan web1.test.lan.\n"
                                                    "127.0.0.2 db.other.lan db.other.lan.\n"_s);
        // files only: no name may reach the network's DNS.
        const QString nss = write(u"etc/nsswitch.conf"_s, u"hosts: files\n"_s);
        auto inPrivateHosts = [&](const QStringList &command, QByteArray *output) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"CHORUS_TEST_PRIVATE_HOSTS"_s, u"1"_s);
            p.setProcessEnvironment(env);
            p.start(unshare,
                    QStringList{u"--mount"_s, u"--propagation"_s, u"private"_s, u"sh"_s, u"-c"_s,
                                u"mount --bind \"$1\" /etc/hosts && mount --bind \"$2\" /etc/nsswitch.conf "
                                "&& shift 2 && exec \"$@\""_s,
                                u"sh"_s, hosts, nss} +
                        command);
            const bool finished = p.waitForFinished(120000);
            *output = p.readAllStandardOutput() + p.readAllStandardError();
            return finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        };
        QByteArray output;
        if (!inPrivateHosts({u"true"_s}, &output))
            QSKIP(qPrintable(u"cannot make a private mount namespace here: "_s +
                             QString::fromLocal8Bit(output)));
        QVERIFY2(inPrivateHosts(
                     {QCoreApplication::applicationFilePath(), u"canonicalisationInPrivateHosts"_s}, &output),
                 output.constData());
        QVERIFY2(output.contains("PASS   : TestSshConfig::canonicalisationInPrivateHosts()"),
                 output.constData());
        QVERIFY2(output.contains("PASS   : TestSshConfig::canonicalisationInPrivateHosts()"),
                 output.constData());
    }

    void canonicalisationInPrivateHosts()
    {
        if (!qEnvironmentVariableIsSet("CHORUS_TEST_PRIVATE_HOSTS"))
            QSKIP("runs inside the private mount namespace that canonicalisationLookups sets up");
        const SshConfig c = config(uR"(
CanonicalizeHostname yes
CanonicalDomains nothere.lan test.lan other.lan
Host web1
    User first-pass
Host nohost
    CanonicalizeFallbackLocal no
Host db
    CanonicalizeMaxDots 0
Match canonical host *.test.lan
    Port 2200
Host web1.test.lan
    User never
    HostKeyAlias canonical-block
)"_s);
        Result<SshResolution> r = c.resolveHost(u"web1"_s);
        QVERIFY2(r.ok(), qPrintable(r.message()));
        QCOMPARE(r.value().target.hostname, u"web1.test.lan"_s); // the first domain that resolves
        QCOMPARE(r.value().target.user, u"first-pass"_s);
        QCOMPARE(r.value().target.port, quint16(2200));
        QCOMPARE(r.value().target.hostKeyAlias, u"canonical-block"_s);
        QCOMPARE(r.value().target.name, u"web1"_s);

        QCOMPARE(resolved(c, u"db"_s).hostname, u"db.other.lan"_s);
        // A trailing dot is looked up as it is.
        QCOMPARE(resolved(c, u"web1.test.lan."_s).hostname, u"web1.test.lan"_s);
        // More dots than CanonicalizeMaxDots: left alone.
        QCOMPARE(resolved(c, u"x.y.z"_s).hostname, u"x.y.z"_s);
        // No name: the name as typed (CanonicalizeFallbackLocal yes), or a failure naming it all.
        QCOMPARE(resolved(c, u"elsewhere"_s).hostname, u"elsewhere"_s);
        r = c.resolveHost(u"nohost"_s);
        QVERIFY(!r.ok());
        QCOMPARE(r.message(), u"cannot resolve host \"nohost\": it has no name in CanonicalDomains "
                              "(nothere.lan test.lan other.lan), and CanonicalizeFallbackLocal is no"_s);
    }

    // ---- The system file, keywords, overrides ---------------------------------------------------

    void systemConfigComesAfterTheUsersOwn()
    {
        write(u".ssh/config"_s, u"Host web\n  User from-user\n  IdentityFile /k/user\nHost only-web\n"_s);
        write(u"etc/sys.d/a.conf"_s, u"HostKeyAlias from-system-include\n"_s);
        const QString system =
            write(u"etc/ssh_config"_s, u"Port 2200\nUser from-system\nIdentityFile /k/system\n"
                                       u"Include "_s +
                                           home() +
                                           u"/etc/sys.d/*.conf\nInclude ~/x.conf\n"
                                           u"Host web\n  Port 9999\n"_s);
        QStringList warnings;
        const SshConfig c = SshConfig::loadDefault(&warnings, system);
        QCOMPARE(warnings, QStringList{system + u":5: the system configuration may not Include \"~/x.conf\"; "
                                                "skipped, as ssh would refuse it"_s});
        HostTarget t = resolved(c, u"web"_s);
        QCOMPARE(t.user, u"from-user"_s); // the user's file first
        // The system file starts afresh, whatever block the user's file ended in.
        QCOMPARE(t.port, quint16(2200));
        QCOMPARE(t.identityFiles, (QStringList{u"/k/user"_s, u"/k/system"_s}));
        QCOMPARE(t.hostKeyAlias, u"from-system-include"_s);
        QCOMPARE(resolved(c, u"other"_s).user, u"from-system"_s);
        // With ssh's default files, jump hosts are left to ssh's own defaults too, unless HOME is not
        // the passwd entry's home (as here), which ssh would take instead.
        write(u".ssh/config"_s, u"Host web\n  ProxyJump gw\n"_s);
        const passwd *pw = getpwuid(getuid());
        const bool sandboxed = !pw || QFileInfo(QFile::decodeName(pw->pw_dir)).canonicalFilePath() !=
                                          QFileInfo(home()).canonicalFilePath();
        QCOMPARE(resolved(SshConfig::loadDefault(&warnings, system), u"web"_s).configFile,
                 sandboxed ? SshConfig::defaultPath() : QString());
        // As `ssh -F`, load() reads only the one file.
        QCOMPARE(resolved(SshConfig::load(SshConfig::defaultPath()), u"web"_s).port, quint16(22));
        // Without a user file, the system file still counts.
        QFile::remove(SshConfig::defaultPath());
        QCOMPARE(resolved(SshConfig::loadDefault(&warnings, system), u"web"_s).user, u"from-system"_s);
        QCOMPARE(SshConfig::systemPath(), u"/etc/ssh/ssh_config"_s);
    }

    void knownHostsAgentAndCertificates()
    {
        qputenv("CHORUS_CERTDIR", "/env/certs");
        qputenv("CHORUS_AGENT", "/run/agent.sock");
        qunsetenv("CHORUS_UNSET_AGENT");
        const SshConfig c = config(uR"(
Host g1
    GlobalKnownHostsFile ~/gk/one /abs/%h
    UserKnownHostsFile none
    IdentityAgent ~/agent/%r-%h.sock
    CertificateFile ~/.ssh/%r-cert.pub
    CertificateFile ${CHORUS_CERTDIR}/%h.pub
Host g1 g2
    CertificateFile ~/.ssh/%r-cert.pub
Host g2
    GlobalKnownHostsFile none
    IdentityAgent none
Host g3
    IdentityAgent SSH_AUTH_SOCK
Host g4
    IdentityAgent $CHORUS_AGENT
Host g5
    IdentityAgent $CHORUS_UNSET_AGENT
Host g6
    IdentityAgent ${CHORUS_AGENT}
)"_s);
        HostTarget t = resolved(c, u"bob@g1"_s);
        QCOMPARE(t.globalKnownHostsFiles,
                 (QStringList{home() + u"/gk/one"_s, u"/abs/%h"_s})); // no tokens, as ssh
        QCOMPARE(t.knownHostsFiles, QStringList());
        QCOMPARE(t.identityAgent, home() + u"/agent/bob-g1.sock"_s);
        // Repeats are dropped, as ssh does.
        QCOMPARE(t.certificateFiles, (QStringList{home() + u"/.ssh/bob-cert.pub"_s, u"/env/certs/g1.pub"_s}));
        t = resolved(c, u"g2"_s);
        QCOMPARE(t.globalKnownHostsFiles, QStringList());
        QCOMPARE(t.identityAgent, u"none"_s);
        QCOMPARE(t.certificateFiles, QStringList{home() + u"/.ssh/chorus-tester-cert.pub"_s});
        QCOMPARE(resolved(c, u"g3"_s).identityAgent, QString());
        QCOMPARE(resolved(c, u"g4"_s).identityAgent, u"/run/agent.sock"_s);
        QCOMPARE(resolved(c, u"g5"_s).identityAgent, u"none"_s);
        QCOMPARE(resolved(c, u"g6"_s).identityAgent, u"/run/agent.sock"_s);
        t = resolved(c, u"plain"_s);
        QCOMPARE(t.globalKnownHostsFiles,
                 (QStringList{u"/etc/ssh/ssh_known_hosts"_s, u"/etc/ssh/ssh_known_hosts2"_s}));
        QCOMPARE(t.identityAgent, QString());
        QCOMPARE(t.certificateFiles, QStringList());

        // The caller's defaults fill what the config leaves open; a config "none" beats them.
        HostTarget defaults;
        defaults.globalKnownHostsFiles = {u"/d/global"_s};
        defaults.identityAgent = u"/d/agent"_s;
        defaults.certificateFiles = {u"/d/cert"_s};
        t = resolved(c, u"plain"_s, defaults);
        QCOMPARE(t.globalKnownHostsFiles, QStringList{u"/d/global"_s});
        QCOMPARE(t.identityAgent, u"/d/agent"_s);
        QCOMPARE(t.certificateFiles, QStringList{u"/d/cert"_s});
        t = resolved(c, u"g2"_s, defaults);
        QCOMPARE(t.globalKnownHostsFiles, QStringList());
        QCOMPARE(t.identityAgent, u"none"_s);

        QStringList warnings;
        config(u"IdentityAgent $bad-name\nCertificateFile /x/%z\nGlobalKnownHostsFile a none\n"_s, &warnings);
        const QString file = home() + u"/.ssh/config:"_s;
        QCOMPARE(warnings,
                 (QStringList{file + u"1: bad environment variable name in IdentityAgent \"$bad-name\""_s,
                              file + u"2: unknown or incomplete token \"%z\" in CertificateFile \"/x/%z\""_s,
                              file + u"3: \"none\" must stand alone in GlobalKnownHostsFile"_s}));
    }

    void optionsChorusKeepsButDoesNotApply()
    {
        QStringList warnings;
        const SshConfig c = config(uR"(
Host set
    AddressFamily inet6
    BatchMode yes
    NumberOfPasswordPrompts 1
    PreferredAuthentications publickey,password
    PubkeyAuthentication host-bound
    PasswordAuthentication no
    ChallengeResponseAuthentication no
    CanonicalizePermittedCNAMEs *.a.example:*.b.example,*.c.example
    CanonicalizeMaxDots 3
    CanonicalizeFallbackLocal no
Host bad
    AddressFamily ipx
    BatchMode sometimes
    NumberOfPasswordPrompts many
    CanonicalizeHostname perhaps
    CanonicalDomains -bad
    CanonicalizePermittedCNAMEs nocolon
)"_s,
                                   &warnings);
        const QString file = home() + u"/.ssh/config:"_s;
        QCOMPARE(warnings,
                 (QStringList{
                     file + u"14: bad value \"ipx\" for AddressFamily (any, inet or inet6)"_s,
                     file + u"15: bad value \"sometimes\" for BatchMode (yes or no)"_s,
                     file + u"16: bad number \"many\" for NumberOfPasswordPrompts"_s,
                     file + u"17: bad value \"perhaps\" for CanonicalizeHostname (yes, no or always)"_s,
                     file + u"18: bad domain name \"-bad\" in CanonicalDomains"_s,
                     file + u"19: bad rule \"nocolon\" in CanonicalizePermittedCNAMEs (SOURCES:TARGETS)"_s}));
        Result<SshResolution> r = c.resolveHost(u"set"_s);
        QVERIFY(r.ok());
        const SshResolution &s = r.value();
        QCOMPARE(s.addressFamily, u"inet6"_s);
        QCOMPARE(s.batchMode, true);
        QCOMPARE(s.numberOfPasswordPrompts, 1);
        QCOMPARE(s.preferredAuthentications, u"publickey,password"_s);
        QCOMPARE(s.pubkeyAuthentication, u"host-bound"_s);
        QCOMPARE(s.passwordAuthentication, false);
        QCOMPARE(s.kbdInteractiveAuthentication, false);
        QCOMPARE(s.canonicalizePermittedCNAMEs, QStringList{u"*.a.example:*.b.example,*.c.example"_s});
        QCOMPARE(s.canonicalizeMaxDots, 3);
        QCOMPARE(s.canonicalizeFallbackLocal, false);
        QCOMPARE(s.canonicalizeHostname, u"false"_s);
        r = c.resolveHost(u"bad"_s);
        QVERIFY(r.ok());
        const SshResolution defaults;
        QCOMPARE(r.value().addressFamily, u"any"_s);
        QCOMPARE(r.value().batchMode, false);
        QCOMPARE(r.value().numberOfPasswordPrompts, 3);
        QCOMPARE(r.value().pubkeyAuthentication, u"true"_s);
        QCOMPARE(r.value().passwordAuthentication, true);
        QCOMPARE(r.value().kbdInteractiveAuthentication, true);
        QCOMPARE(r.value().canonicalizeMaxDots, 1);
        QCOMPARE(r.value().canonicalizeFallbackLocal, true);
        QVERIFY(r.value().canonicalDomains.isEmpty() && r.value().canonicalizePermittedCNAMEs.isEmpty());
        Q_UNUSED(defaults);
    }

    void optionsBeatTheFiles()
    {
        const SshConfig c = config(uR"(
Host web
    User cfg
    Port 2200
    IdentityFile /k/cfg
Match user opt
    IdentityFile /k/opt-user
)"_s);
        const Result<SshConfig> o =
            c.withOptions({u"User=opt"_s, u"Port 2022"_s, u"IdentityFile=/k/first"_s, u"ForwardAgent yes"_s});
        QVERIFY2(o.ok(), qPrintable(o.message()));
        // -o beats the files and even user@ and :port, as in ssh; Match user sees it.
        HostTarget t = resolved(o.value(), u"bob@web:1"_s);
        QCOMPARE(t.user, u"opt"_s);
        QCOMPARE(t.port, quint16(2022));
        QCOMPARE(t.identityFiles, (QStringList{u"/k/first"_s, u"/k/cfg"_s, u"/k/opt-user"_s}));
        // The config it came from is unchanged.
        t = resolved(c, u"web"_s);
        QCOMPARE(t.user, u"cfg"_s);
        QCOMPARE(t.identityFiles, QStringList{u"/k/cfg"_s});
        // On an empty config too.
        const Result<SshConfig> alone = SshConfig().withOptions({u"HostName=10.0.0.9"_s});
        QVERIFY(alone.ok());
        QCOMPARE(resolved(alone.value(), u"x"_s).hostname, u"10.0.0.9"_s);

        auto error = [&](const QString &option) {
            const Result<SshConfig> bad = c.withOptions({u"User=fine"_s, option});
            return bad.ok() ? QString() : bad.message();
        };
        QCOMPARE(c.withOptions({u"Port=abc"_s}).error().kind, Error::Kind::BadInput);
        QCOMPARE(error(u"Port=abc"_s), u"option \"Port=abc\": bad port \"abc\""_s);
        QCOMPARE(error(u"Host x"_s), u"option \"Host x\": Host cannot be given as an option"_s);
        QCOMPARE(error(u"Match all"_s), u"option \"Match all\": Match cannot be given as an option"_s);
        QCOMPARE(error(u"Include x"_s), u"option \"Include x\": Include cannot be given as an option"_s);
        QCOMPARE(error(u"Frobnicate=yes"_s), u"option \"Frobnicate=yes\": unknown keyword \"Frobnicate\""_s);
        QCOMPARE(error(u"User"_s), u"option \"User\": no value after \"User\""_s);
    }

    // ---- Include loops ---------------------------------------------------------------------------

    void filesIncludingTheirOwnFolderAreBounded()
    {
        // Found by fuzzing: with only the check for files already on the include chain, this took
        // minutes and gigabytes; ssh itself stops at once (fatally, at 16 levels).
        for (int i = 1; i <= 9; ++i)
            write(u".ssh/loop/f%1"_s.arg(i), u"Include loop/*\nHost h%1\n  User u%1\n"_s.arg(i));
        QElapsedTimer timer;
        timer.start();
        QStringList warnings;
        const SshConfig c = config(u"Include loop/*\nHost *\n  Port 2200\n"_s, &warnings);
        const qint64 ms = timer.elapsed();
        QVERIFY2(ms < 10000, QByteArray::number(ms)); // milliseconds in fact; generous for busy machines
        const QStringList capped = warnings.filter(u"files read for one configuration"_s);
        QCOMPARE(capped.size(), 1);
        QVERIFY2(capped[0].contains(u"/.ssh/loop/f"_s) && capped[0].contains(u"more than 512 files"_s),
                 qPrintable(capped[0]));
        QVERIFY2(warnings.size() < 50, qPrintable(warnings.join(u'\n')));
        // Peak memory of this whole test process stays small (the old code passed a gigabyte).
        QFile status(u"/proc/self/status"_s);
        if (status.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : status.readAll().split('\n')) {
                if (line.startsWith("VmHWM:")) {
                    const qint64 kb = line.mid(6).trimmed().split(' ').value(0).toLongLong();
                    QVERIFY2(kb < 300 * 1024, line.constData());
                }
            }
        }
        // What was read still counts, the main file's own lines included.
        const HostTarget t = resolved(c, u"h3"_s);
        QCOMPARE(t.user, u"u3"_s);
        QCOMPARE(t.port, quint16(2200));
    }

    void tooManyEntriesAreCapped()
    {
        QString big;
        for (int i = 0; i < 100010; ++i)
            big += u"Host h%1\n"_s.arg(i);
        QStringList warnings;
        const SshConfig c = config(big + u"Host *\n  User late\n"_s, &warnings);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].startsWith(home() + u"/.ssh/config:100001: more than 100000 settings"_s),
                 qPrintable(warnings[0]));
        QCOMPARE(c.concreteHosts().size(), 100000);
        QCOMPARE(resolved(c, u"x"_s).user, u"chorus-tester"_s);
    }

    // The real ssh as the oracle: for each host, the values it would use must be ours.
    void matchesRealSsh()
    {
        if (QStandardPaths::findExecutable(u"ssh"_s).isEmpty())
            QSKIP("no ssh client to compare with (apt-get install openssh-client)");
        write(u"inc/a.conf"_s, u"Port 1111\nHost incb\n  HostName bee\nHost *\n  IdentitiesOnly yes\n"_s);
        write(u"inc/b.conf"_s, u"HostKeyAlias fromb\n"_s);
        write(u".ssh/oracle.d/x.conf"_s, u"User reluser\nConnectTimeout 3\n"_s);
        // Everything but Match, which we do not support.
        const QString file = write(u"oracle.conf"_s, u"# a comment line\n"_s + uR"(
Host web* !web3 db?
    User deploy
    Port=2201
Host web1
    User ignored
    HostName web-one.internal
Host Gw
    HostName %h.Example.com
Host "quoted" q2
    User quser
    ProxyCommand ssh -W %%h:%%p gw
Host inc*
    Include )"_s + home() + uR"(/inc/*.conf
    ConnectTimeout 7
Host pa
    ProxyJump none
Host pa pb
    ProxyCommand nc gw 22
Host pb pc
    ProxyJump jumper@gw:2222,other
Host pd
    ProxyCommand none
Host pd
    ProxyJump j
Host ::1 127.0.0.*
    User lo
    StrictHostKeyChecking accept-new
Host rel
    Include oracle.d/*.conf
Host *.example.com
    IdentityFile /keys/example
    IdentityFile /keys/second
    IdentitiesOnly yes
    HostKeyAlias ex-alias
    StrictHostKeyChecking ask
Host *
    User everyone
    UserKnownHostsFile /kh/one /kh/two
    StrictHostKeyChecking no
    ConnectTimeout 1m5s
)"_s);
        QStringList warnings;
        const SshConfig c = SshConfig::load(file, &warnings);
        QCOMPARE(warnings, QStringList());

        const QStringList specs{u"web1"_s,
                                u"web2"_s,
                                u"web3"_s,
                                u"db1"_s,
                                u"db12"_s,
                                u"Gw"_s,
                                u"gw"_s,
                                u"quoted"_s,
                                u"q2"_s,
                                u"inca"_s,
                                u"incb"_s,
                                u"pa"_s,
                                u"pb"_s,
                                u"pc"_s,
                                u"pd"_s,
                                u"::1"_s,
                                u"127.0.0.9"_s,
                                u"rel"_s,
                                u"x.example.com"_s,
                                u"zzz"_s,
                                u"root@web2"_s,
                                u"bob@web2:2022"_s,
                                u"[::1]:2222"_s};
        auto policyOf = [](const QString &ssh) {
            if (ssh == u"true")
                return HostKeyPolicy::Strict;
            if (ssh == u"ask")
                return HostKeyPolicy::Ask;
            return HostKeyPolicy::AcceptNew; // false, accept-new
        };
        for (const QString &spec : specs) {
            QString user, host, error;
            int port = 0;
            QVERIFY(SshConfig::parseSpec(spec, &user, &host, &port, &error));
            const QMultiHash<QString, QString> ssh =
                sshG(file, user.isEmpty() ? host : user + u'@' + host, port);
            QVERIFY2(!ssh.isEmpty(), qPrintable(spec));
            const HostTarget t = resolved(c, spec);
            const QByteArray what = spec.toUtf8();
            QVERIFY2(t.hostname == ssh.value(u"hostname"_s), what + " hostname " + t.hostname.toUtf8());
            QVERIFY2(t.user == ssh.value(u"user"_s), what + " user " + t.user.toUtf8());
            QVERIFY2(QString::number(t.port) == ssh.value(u"port"_s), what + " port");
            QVERIFY2(t.identitiesOnly == (ssh.value(u"identitiesonly"_s) == u"yes"),
                     what + " identitiesonly");
            QVERIFY2(t.hostKeyPolicy == policyOf(ssh.value(u"stricthostkeychecking"_s)), what + " policy");
            QVERIFY2(QString::number(t.connectTimeoutMs / 1000) == ssh.value(u"connecttimeout"_s),
                     what + " connecttimeout");
            QVERIFY2(t.hostKeyAlias == ssh.value(u"hostkeyalias"_s), what + " hostkeyalias");
            QVERIFY2(t.proxyJump == ssh.value(u"proxyjump"_s), what + " proxyjump " + t.proxyJump.toUtf8());
            // ssh -G prints ProxyCommand before expanding it; our oracle commands have no tokens but %%.
            QVERIFY2(t.proxyCommand == ssh.value(u"proxycommand"_s).replace(u"%%"_s, u"%"_s),
                     what + " proxycommand " + t.proxyCommand.toUtf8());
            QVERIFY2(t.knownHostsFiles.join(u' ') == ssh.value(u"userknownhostsfile"_s),
                     what + " knownhosts");
            QStringList sshKeys = ssh.values(u"identityfile"_s);
            std::reverse(sshKeys.begin(), sshKeys.end()); // QMultiHash returns the newest first
            if (sshKeys.first().startsWith(u"~/.ssh/id_"_s))
                QVERIFY2(t.identityFiles.isEmpty(), what + " identityfile"); // defaults; none exist here
            else
                QVERIFY2(t.identityFiles == sshKeys, what + " identityfile");
        }
    }
};

QTEST_GUILESS_MAIN(TestSshConfig)
#include "tst_sshconfig.moc"
