#include "model/ssh/sshconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

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
        write(u".ssh/id_ed25519"_s, u"key"_s);
        write(u".ssh/id_rsa"_s, u"key"_s);
        write(u".ssh/id_dsa"_s, u"key"_s); // not one of ours
        const HostTarget t = resolved(SshConfig(), u"h"_s);
        QCOMPARE(t.identityFiles, (QStringList{home() + u"/.ssh/id_rsa"_s, home() + u"/.ssh/id_ed25519"_s}));
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

    void matchIsWarnedAndSkipped()
    {
        QStringList warnings;
        const SshConfig c =
            config(u"Host *\n  Port 2200\nMatch host x\n  User matched\n  Port 9\nHost *\n  User after\n"_s,
                   &warnings);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].startsWith(home() + u"/.ssh/config:3: Match"_s), qPrintable(warnings[0]));
        const HostTarget t = resolved(c, u"x"_s);
        QCOMPARE(t.user, u"after"_s);
        QCOMPARE(t.port, quint16(2200));
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
