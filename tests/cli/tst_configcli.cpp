// `chorus config` as a user runs it, and held against the real thing: for each configuration and host,
// `ssh -G -F CFG HOST` and `chorus config -F CFG HOST` must agree on every field Chorus resolves.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

struct Ran
{
    bool finished = false;
    int status = -1;
    QString out;
    QString err;
};

// "keyword value" lines; keywords lower-cased (ssh -G prints one of them with a capital).
using Fields = QHash<QString, QStringList>;

Fields parseFields(const QString &text)
{
    Fields fields;
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype space = line.indexOf(u' ');
        if (space > 0)
            fields[line.left(space).toLower()].append(line.mid(space + 1));
    }
    return fields;
}

} // namespace

class TestConfigCli : public QObject
{
    Q_OBJECT

    QString m_chorus;
    QString m_ssh;
    QString m_localUser;
    QString m_passwdHome;
    std::unique_ptr<QTemporaryDir> m_home;
    int m_compared = 0;

    QString home() const { return m_home->path(); }

    QString write(const QString &path, const QString &text) const
    {
        const QString full = QDir::isAbsolutePath(path) ? path : home() + u'/' + path;
        QDir().mkpath(QFileInfo(full).absolutePath());
        QFile f(full);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(full));
        f.write(text.toUtf8());
        f.close();
        // ssh refuses included files others may write.
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        return full;
    }

    // Both programs see the same HOME, and a USER that is the passwd entry's, which ssh uses.
    Ran run(const QString &program, const QStringList &args, const QStringList &wrapper = {}) const
    {
        Ran ran;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, home());
        env.insert(u"USER"_s, m_localUser);
        env.insert(u"LOGNAME"_s, m_localUser);
        env.remove(u"SSH_AUTH_SOCK"_s);
        p.setProcessEnvironment(env);
        p.setStandardInputFile(QProcess::nullDevice());
        if (wrapper.isEmpty())
            p.start(program, args);
        else
            p.start(wrapper.constFirst(), wrapper.mid(1) + QStringList{program} + args);
        if (!p.waitForStarted())
            return ran;
        ran.finished = p.waitForFinished(60000);
        if (!ran.finished) {
            p.kill();
            p.waitForFinished();
        }
        ran.status = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        ran.out = QString::fromUtf8(p.readAllStandardOutput());
        ran.err = QString::fromUtf8(p.readAllStandardError());
        return ran;
    }

    Ran chorus(const QStringList &args, const QStringList &wrapper = {}) const
    {
        return run(m_chorus, QStringList{u"config"_s} + args, wrapper);
    }

    QString expandHome(const QString &path) const
    {
        return path == u"~" || path.startsWith(u"~/") ? home() + path.mid(1) : path;
    }

    // ssh's %-tokens, from the values ssh -G itself printed: it prints IdentityFile, CertificateFile
    // and ProxyCommand as written, where Chorus prints what it will use.
    QString expandTokens(const QString &text, const Fields &ssh) const
    {
        QString expanded;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text[i];
            if (c != u'%' || i + 1 == text.size()) {
                expanded += c;
                continue;
            }
            const QChar token = text[++i];
            expanded += token == u'h'   ? ssh.value(u"hostname"_s).value(0)
                        : token == u'p' ? ssh.value(u"port"_s).value(0)
                        : token == u'r' ? ssh.value(u"user"_s).value(0)
                        : token == u'n' ? ssh.value(u"host"_s).value(0)
                        : token == u'u' ? m_localUser
                                        : QString(token);
        }
        return expanded;
    }

    // ssh -G's fields turned into what Chorus prints for the same meaning: tokens expanded, ~ as
    // $HOME (ssh -G leaves IdentityFile and CertificateFile as written), and the defaults Chorus
    // documents as its own (a 10 s connect timeout, strict host keys, only existing default keys,
    // ~/.ssh/known_hosts).
    Fields likeChorus(Fields ssh) const
    {
        static const QStringList defaultKeys{
            u"~/.ssh/id_rsa"_s,        u"~/.ssh/id_ecdsa"_s, u"~/.ssh/id_ecdsa_sk"_s, u"~/.ssh/id_ed25519"_s,
            u"~/.ssh/id_ed25519_sk"_s, u"~/.ssh/id_xmss"_s,  u"~/.ssh/id_dsa"_s};
        QStringList keys;
        const bool defaults = ssh.value(u"identityfile"_s) == defaultKeys;
        for (const QString &key : ssh.value(u"identityfile"_s)) {
            if (key.compare(u"none", Qt::CaseInsensitive) == 0)
                continue;
            const QString path = expandTokens(expandHome(key), ssh);
            if (!defaults || QFileInfo::exists(path))
                keys.append(path);
        }
        QStringList certificates;
        for (const QString &file : ssh.value(u"certificatefile"_s))
            certificates.append(expandTokens(expandHome(file), ssh));
        QStringList commands;
        for (const QString &command : ssh.value(u"proxycommand"_s))
            commands.append(expandTokens(command, ssh));
        ssh[u"identityfile"_s] = keys;
        ssh[u"certificatefile"_s] = certificates;
        ssh[u"proxycommand"_s] = commands;
        if (ssh.value(u"identityagent"_s) == QStringList{u"SSH_AUTH_SOCK"_s})
            ssh.remove(u"identityagent"_s);
        const QString sshDefaultKnownHosts =
            m_passwdHome + u"/.ssh/known_hosts "_s + m_passwdHome + u"/.ssh/known_hosts2"_s;
        if (ssh.value(u"userknownhostsfile"_s) == QStringList{sshDefaultKnownHosts})
            ssh[u"userknownhostsfile"_s] = QStringList{home() + u"/.ssh/known_hosts"_s};
        return ssh;
    }

    // Field by field; both sides printed on a mismatch.
    void compare(const QString &what, const Fields &sshFields, const Fields &ours)
    {
        const Fields ssh = likeChorus(sshFields);
        static const QStringList fields{
            u"hostname"_s,
            u"user"_s,
            u"port"_s,
            u"identityfile"_s,
            u"identitiesonly"_s,
            u"certificatefile"_s,
            u"identityagent"_s,
            u"proxyjump"_s,
            u"proxycommand"_s,
            u"connecttimeout"_s,
            u"stricthostkeychecking"_s,
            u"userknownhostsfile"_s,
            u"globalknownhostsfile"_s,
            u"hostkeyalias"_s,
            u"canonicalizehostname"_s,
            u"canonicaldomains"_s,
            u"canonicalizemaxdots"_s,
            u"canonicalizefallbacklocal"_s,
            u"canonicalizepermittedcnames"_s,
            u"addressfamily"_s,
            u"batchmode"_s,
            u"numberofpasswordprompts"_s,
            u"preferredauthentications"_s,
            u"pubkeyauthentication"_s,
            u"passwordauthentication"_s,
            u"kbdinteractiveauthentication"_s,
        };
        for (const QString &field : fields) {
            const QStringList theirs = ssh.value(field);
            const QStringList mine = ours.value(field);
            bool same = theirs == mine;
            if (!same && field == u"connecttimeout") {
                // Chorus's own default is 10 s; 0 and none both mean no timeout.
                same = (theirs == QStringList{u"none"_s} && mine == QStringList{u"10"_s}) ||
                       (theirs == QStringList{u"0"_s} && mine == QStringList{u"none"_s});
            }
            if (!same && field == u"stricthostkeychecking") {
                // ssh's "no" is accept-new in Chorus (a changed key is never accepted); ssh's "ask" is
                // also its default, where Chorus's default is strict.
                const QString t = theirs.value(0);
                same = (t == u"false" && mine == QStringList{u"accept-new"_s}) ||
                       (t == u"ask" && mine == QStringList{u"true"_s});
            }
            QVERIFY2(same, qPrintable(u"%1: %2 differs\n  ssh -G:        %3\n  chorus config: %4"_s.arg(
                               what, field, theirs.join(u" | "_s), mine.join(u" | "_s))));
        }
        ++m_compared;
    }

    // Every host against one configuration file, options (-o / -O) applying to each.
    void parity(const QString &configText, const QStringList &hosts, const QStringList &options = {},
                const QStringList &wrapper = {})
    {
        const QString file = write(u"parity.conf"_s, configText);
        for (const QString &host : hosts) {
            QStringList sshArgs{u"-G"_s, u"-F"_s, file};
            QStringList ourArgs{u"-F"_s, file};
            for (const QString &option : options) {
                sshArgs << u"-o"_s << option;
                ourArgs << u"-O"_s << option;
            }
            const Ran ssh = run(m_ssh, sshArgs + QStringList{host}, wrapper);
            const Ran ours = chorus(ourArgs + QStringList{host}, wrapper);
            QVERIFY2(ssh.finished && ours.finished, qPrintable(host));
            if (ssh.status != 0) {
                // ssh gives up on this host: so must we, saying why.
                QVERIFY2(ours.status == 2,
                         qPrintable(u"%1: ssh -G failed (%2) but chorus config gave %3:\n%4"_s.arg(
                             host, ssh.err.trimmed(), QString::number(ours.status), ours.out)));
                ++m_compared;
                continue;
            }
            QVERIFY2(ours.status == 0, qPrintable(u"%1: chorus config failed (%2): %3"_s.arg(
                                           host, QString::number(ours.status), ours.err)));
            QVERIFY2(!ours.err.contains(u"chorus config: "_s), qPrintable(host + u": "_s + ours.err));
            compare(host, parseFields(ssh.out), parseFields(ours.out));
            if (QTest::currentTestFailed())
                return;
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_chorus = QStringLiteral(CHORUS_EXECUTABLE);
        m_ssh = QStandardPaths::findExecutable(u"ssh"_s);
        if (m_ssh.isEmpty())
            QSKIP("no ssh client to compare with (apt-get install openssh-client)");
        const passwd *pw = getpwuid(getuid());
        QVERIFY(pw);
        m_localUser = QString::fromLocal8Bit(pw->pw_name);
        m_passwdHome = QString::fromLocal8Bit(pw->pw_dir);
    }

    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        QVERIFY(QDir(home()).mkpath(u".ssh"_s));
        QFile::setPermissions(home() + u"/.ssh"_s, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void cleanupTestCase() { qInfo("%d host resolutions compared with ssh -G", m_compared); }

    // ---- The command itself ----------------------------------------------------------------------

    void printsKeywordValueLines()
    {
        const QString file =
            write(u"c.conf"_s, u"Host web\n  HostName Web.Example\n  User deploy\n  Port 2200\n"
                               u"  IdentityFile /k/one\n  IdentityFile /k/two\n"
                               u"  ProxyJump bob@127.0.0.1:2222\n"_s);
        const Ran r = chorus({u"-F"_s, file, u"web"_s});
        QCOMPARE(r.status, 0);
        QCOMPARE(r.err, QString());
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        for (const QString &expected :
             {u"host web"_s, u"user deploy"_s, u"hostname web.example"_s, u"port 2200"_s,
              u"identityfile /k/one"_s, u"identityfile /k/two"_s, u"proxyjump bob@[127.0.0.1]:2222"_s,
              u"connecttimeout 10"_s, u"stricthostkeychecking true"_s})
            QVERIFY2(lines.contains(expected), qPrintable(expected + u" not in:\n"_s + r.out));
        QVERIFY(lines.indexOf(u"identityfile /k/one"_s) < lines.indexOf(u"identityfile /k/two"_s));
        for (const QString &line : lines)
            QVERIFY2(line.section(u' ', 0, 0) == line.section(u' ', 0, 0).toLower(), qPrintable(line));
    }

    void warningsGoToStderr()
    {
        const QString file = write(u"w.conf"_s, u"Wibble 1\nMatch localnetwork 10.0.0.0/8\n  User x\n"_s);
        const Ran r = chorus({u"-F"_s, file, u"h"_s});
        QCOMPARE(r.status, 0);
        QVERIFY(r.out.contains(u"hostname h\n"_s));
        const QStringList err = r.err.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(err,
                 (QStringList{u"chorus config: "_s + file + u":1: unknown keyword \"Wibble\""_s,
                              u"chorus config: "_s + file +
                                  u":2: Match criterion \"localnetwork\" is not supported by Chorus; this "
                                  "block will match no host"_s}));
    }

    void exitStatuses()
    {
        const QString file =
            write(u"e.conf"_s, u"Host strict\n  CanonicalizeHostname yes\n  CanonicalDomains none\n"
                               u"  CanonicalizeFallbackLocal no\n"_s);
        Ran r = chorus({u"-F"_s, file});
        QCOMPARE(r.status, 64);
        QVERIFY2(r.err.startsWith(u"chorus config: "_s), qPrintable(r.err));
        QCOMPARE(chorus({u"-F"_s, file, u"a"_s, u"b"_s}).status, 64);
        QCOMPARE(chorus({u"-F"_s, home() + u"/missing.conf"_s, u"a"_s}).status, 64);
        QCOMPARE(chorus({u"--frobnicate"_s, u"a"_s}).status, 64);
        r = chorus({u"-F"_s, file, u"-O"_s, u"Port=abc"_s, u"a"_s});
        QCOMPARE(r.status, 64);
        QVERIFY2(r.err.contains(u"option \"Port=abc\": bad port \"abc\""_s), qPrintable(r.err));
        QCOMPARE(chorus({u"-F"_s, file, u"-O"_s, u"Host=x"_s, u"a"_s}).status, 64);
        r = chorus({u"-F"_s, file, u"strict"_s});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains(u"cannot resolve host \"strict\""_s), qPrintable(r.err));
        QCOMPARE(r.out, QString());
        QCOMPARE(chorus({u"-F"_s, file, u"bad:port"_s}).status, 64);
        r = chorus({u"--help"_s});
        QCOMPARE(r.status, 0);
        QVERIFY(r.out.startsWith(u"Usage: chorus config"_s));
        // -F none reads nothing, as ssh -F none.
        r = chorus({u"-F"_s, u"none"_s, u"-O"_s, u"User=opt"_s, u"strict"_s});
        QCOMPARE(r.status, 0);
        QVERIFY(r.out.contains(u"\nuser opt\n"_s));
    }

    // ---- Parity with ssh -G ------------------------------------------------------------------------

    void parityPlainHostBlocks()
    {
        parity(uR"(# plain Host blocks
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
Host ::1 127.0.0.*
    User lo
    StrictHostKeyChecking accept-new
Host *.example.com
    IdentitiesOnly yes
    HostKeyAlias Ex-Alias
    StrictHostKeyChecking ask
    GlobalKnownHostsFile /gk/one /gk/%h
    CertificateFile /certs/%r-%h.pub
    CertificateFile ~/certs/second.pub
    IdentityAgent /run/agent-%r.sock
Host none-agent
    IdentityAgent none
    UserKnownHostsFile none
    GlobalKnownHostsFile none
    ConnectTimeout none
Host env-agent
    IdentityAgent SSH_AUTH_SOCK
    ConnectTimeout 0
Host knobs
    # Proxied, so that ssh does not look the name up for CanonicalizePermittedCNAMEs.
    ProxyCommand nc %h %p
    AddressFamily inet6
    BatchMode yes
    NumberOfPasswordPrompts 1
    PreferredAuthentications publickey,keyboard-interactive
    PubkeyAuthentication host-bound
    PasswordAuthentication no
    ChallengeResponseAuthentication no
    CanonicalizeMaxDots 3
    CanonicalizeFallbackLocal no
    CanonicalizePermittedCNAMEs *.a.example:*.b.example
    CanonicalDomains Example.COM other.example.
Host *
    User everyone
    UserKnownHostsFile /kh/one /kh/%h
    StrictHostKeyChecking no
    ConnectTimeout 1m5s
)"_s,
               {u"web1"_s,
                u"web2"_s,
                u"web3"_s,
                u"db1"_s,
                u"db12"_s,
                u"Gw"_s,
                u"gw"_s,
                u"quoted"_s,
                u"q2"_s,
                u"::1"_s,
                u"127.0.0.9"_s,
                u"127.1"_s,
                u"x.example.com"_s,
                u"none-agent"_s,
                u"env-agent"_s,
                u"knobs"_s,
                u"zzz"_s,
                u"root@web2"_s,
                u"ssh://bob@web2:2022"_s,
                u"ssh://bob@127.0.0.9:2222"_s});
    }

    void parityIdentityFiles()
    {
        write(u".ssh/id_ed25519"_s, u"key"_s);
        write(u".ssh/id_rsa"_s, u"key"_s);
        write(u".ssh/id_dsa"_s, u"key"_s);
        parity(uR"(
Host listed
    IdentityFile /keys/a
    IdentityFile /keys/b
Host listed again
    IdentityFile /keys/a
    IdentityFile ~/keys/c
Host nokeys
    IdentityFile none
Host tokens
    IdentityFile /keys/%r@%h:%p-%n-%u-%%
)"_s,
               {u"listed"_s, u"again"_s, u"nokeys"_s, u"defaults"_s, u"bob@tokens"_s});
    }

    void parityProxies()
    {
        parity(uR"(
Host pa
    ProxyJump none
Host pa pb
    ProxyCommand nc %h %p # %r %n %%
Host pb pc
    ProxyJump jumper@gw:2222,other
Host pd
    ProxyCommand none
Host pd
    ProxyJump j
Host pe
    ProxyJump 127.0.0.1
Host pf
    ProxyJump gw1,bob@[::1]:2200
)"_s,
               {u"pa"_s, u"pb"_s, u"pc"_s, u"pd"_s, u"pe"_s, u"pf"_s, u"alice@pa"_s});
    }

    void parityInclude()
    {
        write(u"inc/a.conf"_s, u"Port 1111\nHost incb\n  HostName bee\nHost *\n  IdentitiesOnly yes\n"_s);
        write(u"inc/b.conf"_s, u"HostKeyAlias fromb\n"_s);
        write(u".ssh/conf.d/10.conf"_s, u"User reluser\nConnectTimeout 3\nMatch host bee\n  Port 2222\n"_s);
        parity(u"Host inc*\n    Include "_s + home() + uR"(/inc/*.conf
    ConnectTimeout 7
Host rel
    Include conf.d/*.conf
Host *
    User last
)"_s,
               {u"inca"_s, u"incb"_s, u"rel"_s, u"other"_s});
    }

    void parityMatchHostAndOriginalHost()
    {
        parity(uR"(
Host alias
    HostName Real.Example
Match originalhost alias
    User by-original
Match host real.example
    Port 2002
Match host alias
    IdentityFile /k/never
Match !host *.example,*.internal
    HostKeyAlias not-example
Match host=*.example originalhost=ALIAS
    CertificateFile /c/eq
Match host *.example,!real.*
    IdentityFile /k/negated-in-list
)"_s,
               {u"alias"_s, u"ALIAS"_s, u"real.example"_s, u"other"_s, u"x.internal"_s, u"y.example"_s});
    }

    void parityMatchUserAndLocalUser()
    {
        parity(u"Host early\n  User early\nMatch user early\n  Port 1001\nMatch user late\n  Port 1002\n"
               u"Match localuser "_s +
                   m_localUser + u"\n  HostKeyAlias local-match\nMatch !localuser "_s + m_localUser +
                   u"\n  IdentityFile /k/never\nMatch user "_s + m_localUser +
                   u"\n  ConnectTimeout 9\nHost *\n  User late\n"_s,
               {u"early"_s, u"other"_s, u"late@other"_s, u"early@x"_s});
    }

    void parityMatchExec()
    {
        write(u"flag"_s, u"x"_s);
        parity(
            u"Host tok\n  HostName Tok.Example\n  Port 2200\n"
            u"Match exec true\n  User exec-true\n"
            u"Match exec false\n  Port 1\n"
            u"Match !exec false\n  ConnectTimeout 4\n"
            u"Match exec \"test -e "_s +
                home() +
                u"/flag\"\n  HostKeyAlias flagged\n"
                u"Match exec \"test %h = Tok.Example -a %n = tok -a %p = 2200\"\n  IdentityFile /k/tokens\n"
                u"Match host nothing exec \"touch "_s +
                home() + u"/never\"\n  IdentityFile /k/never\n"_s,
            {u"tok"_s, u"other"_s});
        QVERIFY(!QFileInfo::exists(home() + u"/never"_s));
    }

    void parityMatchFinalCanonicalAll()
    {
        parity(uR"(
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
Match all
    ConnectTimeout 8
)"_s,
               {u"web"_s, u"web.example.com"_s, u"other"_s});
        parity(uR"(
Match !final
    User not-final
Host h
    Port 4444
Match host x all
    IdentityFile /k/all-after-host
Match !all
    IdentityFile /k/never
Match canonical all
    HostKeyAlias canonical-all
)"_s,
               {u"H"_s, u"h"_s, u"x"_s});
        parity(u"Match canonical\n  Port 3333\nHost web\n  User u\n"_s, {u"web"_s});
    }

    void parityCanonicalisationWithoutLookups()
    {
        // Nothing here is looked up (too many dots, proxied hosts, CanonicalDomains none), so nothing
        // reaches a DNS server; failures must fail alike.
        parity(uR"(
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
Host few-dots.x
    CanonicalizeMaxDots 0
    CanonicalizeFallbackLocal no
Host *
    CanonicalizeHostname yes
    CanonicalDomains none
)"_s,
               {u"A.B.C"_s, u"proxied"_s, u"proxied-always"_s, u"jump-none"_s, u"few-dots.x"_s, u"127.1"_s,
                u"A.b.C.d"_s});
    }

    void parityCanonicalisationLookups()
    {
        if (geteuid() != 0)
            QSKIP("needs root: lookups run in a private mount namespace with its own /etc/hosts");
        const QString unshare = QStandardPaths::findExecutable(u"unshare"_s);
        if (unshare.isEmpty())
            QSKIP("no unshare (util-linux) for a private mount namespace");
        // NAME.DOMAIN. is looked up with its trailing dot, which the files source matches only as
        // written; "files" alone keeps every other name away from DNS.
        const QString hosts = write(u"etc/hosts"_s, u"127.0.0.1 localhost\n"
                                                    "127.0.0.1 web1.test.lan web1.test.lan.\n"
                                                    "127.0.0.2 db.other.lan db.other.lan.\n"_s);
        const QString nss = write(u"etc/nsswitch.conf"_s, u"hosts: files\n"_s);
        const QStringList wrapper{
            unshare,
            u"--mount"_s,
            u"--propagation"_s,
            u"private"_s,
            u"sh"_s,
            u"-c"_s,
            u"mount --bind \"$1\" /etc/hosts && mount --bind \"$2\" /etc/nsswitch.conf && "
            "shift 2 && exec \"$@\""_s,
            u"sh"_s,
            hosts,
            nss};
        const Ran probe = run(u"true"_s, {}, wrapper);
        if (probe.status != 0)
            QSKIP(qPrintable(u"cannot make a private mount namespace here: "_s + probe.err));
        parity(uR"(
Host always
    CanonicalizeHostname always
    ProxyCommand nc %h %p
Host nohost
    CanonicalizeFallbackLocal no
Host proxied
    ProxyJump gw
Host *
    CanonicalizeHostname yes
    CanonicalDomains nothere.lan test.lan other.lan
Host web1
    User first-pass
Match canonical host *.test.lan
    Port 2200
Host web1.test.lan
    User never
    HostKeyAlias canonical-block
)"_s,
               {u"web1"_s, u"db"_s, u"web1.test.lan."_s, u"x.y.z"_s, u"elsewhere"_s, u"nohost"_s,
                u"proxied"_s, u"always"_s, u"WEB1"_s},
               {}, wrapper);
    }

    void parityOptions()
    {
        parity(uR"(
Host web
    User cfg
    Port 2200
    IdentityFile /k/cfg
Match user opt
    IdentityFile /k/opt-user
)"_s,
               {u"web"_s, u"bob@web"_s, u"ssh://bob@web:1"_s},
               {u"User=opt"_s, u"Port 2022"_s, u"IdentityFile=/k/first"_s,
                u"StrictHostKeyChecking=accept-new"_s});
    }
};

QTEST_GUILESS_MAIN(TestConfigCli)
#include "tst_configcli.moc"
