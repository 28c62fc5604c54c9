// known_hosts as OpenSSH writes and reads it, checked in memory; cross-checked with ssh-keygen.
#include "model/ssh/knownhosts.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtEndian>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <sys/stat.h>

using namespace Chorus;

namespace {

const QString Ed25519 = QStringLiteral("ssh-ed25519");

// A well-formed ssh-ed25519 public key made from a seed: ssh-keygen would take minutes to make
// 50,000 real ones, and ed25519 public keys are any 32 bytes, so OpenSSH reads these as it reads real ones.
QByteArray syntheticKey(const QByteArray &seed)
{
    QByteArray blob;
    auto putString = [&blob](const QByteArray &s) {
        char length[4];
        qToBigEndian<quint32>(quint32(s.size()), length);
        blob.append(length, 4);
        blob.append(s);
    };
    putString("ssh-ed25519");
    putString(QCryptographicHash::hash(seed, QCryptographicHash::Sha256));
    return blob.toBase64();
}

// A name as `ssh-keygen -H` hashes it.
QByteArray hashedName(const QByteArray &name, const QByteArray &salt)
{
    return "|1|" + salt.toBase64() + '|' +
           QMessageAuthenticationCode::hash(name, salt, QCryptographicHash::Sha1).toBase64();
}

QString raceName(int i)
{
    return QStringLiteral("[race-%1.example.com]:2222").arg(i, 3, 10, QLatin1Char('0'));
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Another writer: a plain append, as ssh (which takes no lock) or an editor would make it.
void appendRaw(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Append))
        f.write(bytes);
}

} // namespace

class TestKnownHosts : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QByteArray m_keyA, m_keyB; // base64 ed25519 public keys

    QByteArray makeKey(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QProcess::execute(QStringLiteral("ssh-keygen"),
                          {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                           QStringLiteral("-N"), QString(), QStringLiteral("-f"), path});
        QFile pub(path + QStringLiteral(".pub"));
        if (!pub.open(QIODevice::ReadOnly))
            return {};
        return pub.readAll().split(' ').value(1);
    }
    QString write(const QString &name, const QByteArray &text)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(text);
        return path;
    }
    QString fingerprintByKeygen(const QString &keyName)
    {
        QProcess p;
        p.start(QStringLiteral("ssh-keygen"), {QStringLiteral("-l"), QStringLiteral("-f"),
                                               m_dir.filePath(keyName + QStringLiteral(".pub"))});
        p.waitForFinished();
        return QString::fromLatin1(p.readAllStandardOutput().split(' ').value(1));
    }
    // What `ssh-keygen -l -F NAME -f FILE` finds: "LINE" for a plain line, "LINE REVOKED" or "LINE CA".
    // -l makes it parse the keys too, so it skips the lines ssh skips.
    QStringList sshKeygenFinds(const QString &name, const QString &file)
    {
        QProcess p;
        p.start(QStringLiteral("ssh-keygen"),
                {QStringLiteral("-l"), QStringLiteral("-F"), name, QStringLiteral("-f"), file});
        p.waitForFinished();
        QStringList found;
        static const QRegularExpression line(QStringLiteral("^# Host .* found: line (\\d+) ?(\\S*)$"));
        for (const QString &text : QString::fromUtf8(p.readAllStandardOutput()).split(u'\n')) {
            const QRegularExpressionMatch m = line.match(text);
            if (m.hasMatch())
                found.append((m.captured(1) + u' ' + m.captured(2)).trimmed());
        }
        return found;
    }
    KnownHosts::Verdict check(const QStringList &files, const QString &name, const QString &fallback,
                              const QByteArray &key)
    {
        return KnownHosts::instance().check(files, name, fallback, Ed25519, key);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_keyA = makeKey(QStringLiteral("a"));
        m_keyB = makeKey(QStringLiteral("b"));
        QVERIFY(!m_keyA.isEmpty() && !m_keyB.isEmpty() && m_keyA != m_keyB);
    }

    void lookupNames()
    {
        QCOMPARE(KnownHosts::lookupName(QStringLiteral("Web1.Example.com"), 22),
                 QStringLiteral("web1.example.com"));
        QCOMPARE(KnownHosts::lookupName(QStringLiteral("10.0.0.1"), 2222), QStringLiteral("[10.0.0.1]:2222"));
    }

    void fingerprintMatchesSshKeygen()
    {
        QCOMPARE(KnownHosts::fingerprint(m_keyA), fingerprintByKeygen(QStringLiteral("a")));
    }

    void plainWildcardNegatedAndRevoked()
    {
        const QString file = write(QStringLiteral("kh1"), "# comment\n\n"
                                                          "web1,[10.0.0.5]:2222 ssh-ed25519 " +
                                                              m_keyA +
                                                              " a comment\n"
                                                              "*.lab,!secret.lab ssh-ed25519 " +
                                                              m_keyA +
                                                              "\n"
                                                              "@revoked * ssh-ed25519 " +
                                                              m_keyB +
                                                              "\n"
                                                              "garbage-line\n");
        auto match = [&](const QString &name, const QByteArray &key) {
            return check({file}, name, QString(), key).match;
        };
        QCOMPARE(match(QStringLiteral("web1"), m_keyA), KnownHosts::Match::Ok);
        QCOMPARE(match(QStringLiteral("[10.0.0.5]:2222"), m_keyA), KnownHosts::Match::Ok);
        QCOMPARE(match(QStringLiteral("10.0.0.5"), m_keyA), KnownHosts::Match::Unknown); // other port
        QCOMPARE(match(QStringLiteral("db.lab"), m_keyA), KnownHosts::Match::Ok);
        QCOMPARE(match(QStringLiteral("secret.lab"), m_keyA), KnownHosts::Match::Unknown);
        QCOMPARE(match(QStringLiteral("nowhere"), m_keyA), KnownHosts::Match::Unknown);
        QCOMPARE(match(QStringLiteral("anything"), m_keyB), KnownHosts::Match::Revoked);
        // B is revoked everywhere, which wins over "changed".
        QCOMPARE(match(QStringLiteral("web1"), m_keyB), KnownHosts::Match::Revoked);
    }

    void changedKeyNamesTheLine()
    {
        const QString file = write(QStringLiteral("kh2"),
                                   "other ssh-ed25519 " + m_keyB + "\nweb1 ssh-ed25519 " + m_keyA + "\n");
        const KnownHosts::Verdict v = check({file}, QStringLiteral("web1"), QString(), m_keyB);
        QCOMPARE(v.match, KnownHosts::Match::Changed);
        QCOMPARE(v.line, 2);
        QCOMPARE(v.file, file);
        QCOMPARE(v.matchedName, QStringLiteral("web1"));
        QCOMPARE(v.knownFingerprint, KnownHosts::fingerprint(m_keyA));
        // Another key type known for the host counts as changed too (OpenSSH would not offer it).
        const KnownHosts::Verdict other = KnownHosts::instance().check(
            {file}, QStringLiteral("web1"), QString(), QStringLiteral("ecdsa-sha2-nistp256"), m_keyB);
        QCOMPARE(other.match, KnownHosts::Match::Changed);
        QCOMPARE(KnownHosts::instance().keyTypesFor({file}, QStringLiteral("web1"), QString()),
                 QStringList{Ed25519});
    }

    void hashedEntriesFromSshKeygen()
    {
        const QString file = write(QStringLiteral("kh3"), "web9.example.com ssh-ed25519 " + m_keyA +
                                                              "\n[db]:2200 ssh-ed25519 " + m_keyA + "\n");
        // ssh-keygen -H rewrites the file with hashed names, as Debian's ssh does by default.
        QCOMPARE(QProcess::execute(QStringLiteral("ssh-keygen"),
                                   {QStringLiteral("-q"), QStringLiteral("-H"), QStringLiteral("-f"), file}),
                 0);
        const QByteArray text = readAll(file);
        QVERIFY2(text.startsWith("|1|") && !text.contains("web9"), text.constData());
        QCOMPARE(check({file}, QStringLiteral("web9.example.com"), QString(), m_keyA).match,
                 KnownHosts::Match::Ok);
        QCOMPARE(check({file}, QStringLiteral("[db]:2200"), QString(), m_keyA).match, KnownHosts::Match::Ok);
        QCOMPARE(check({file}, QStringLiteral("web8.example.com"), QString(), m_keyA).match,
                 KnownHosts::Match::Unknown);
        // A hashed bare name is found through the fallback, as ssh finds it.
        const KnownHosts::Verdict bare = check({file}, QStringLiteral("[web9.example.com]:2222"),
                                               QStringLiteral("web9.example.com"), m_keyA);
        QCOMPARE(bare.match, KnownHosts::Match::Ok);
        QCOMPARE(bare.matchedName, QStringLiteral("web9.example.com"));
    }

    void reloadsWhenTheFileChanges()
    {
        const QString file = write(QStringLiteral("kh4"), "");
        QCOMPARE(check({file}, QStringLiteral("h"), QString(), m_keyA).match, KnownHosts::Match::Unknown);
        write(QStringLiteral("kh4"), "h ssh-ed25519 " + m_keyA + "\n");
        QCOMPARE(check({file}, QStringLiteral("h"), QString(), m_keyA).match, KnownHosts::Match::Ok);
    }

    // What other writers do to a file this process has read: appended lines (even a last line
    // without its newline) are picked up; a file rewritten in place or replaced is read again whole.
    void followsTheFileAsOthersChangeIt()
    {
        const QString file = write(QStringLiteral("follow"), "one ssh-ed25519 " + m_keyA + "\n");
        QCOMPARE(check({file}, QStringLiteral("one"), QString(), m_keyA).match, KnownHosts::Match::Ok);
        appendRaw(file, "two ssh-ed25519 " + m_keyA + "\n");
        QCOMPARE(check({file}, QStringLiteral("two"), QString(), m_keyA).line, 2);
        appendRaw(file, "three ssh-ed25519 " + m_keyA); // no newline yet: ssh reads it all the same
        QCOMPARE(check({file}, QStringLiteral("three"), QString(), m_keyA).match, KnownHosts::Match::Ok);
        appendRaw(file, "\nfour ssh-ed25519 " + m_keyA + "\n");
        QCOMPARE(check({file}, QStringLiteral("three"), QString(), m_keyA).line, 3);
        QCOMPARE(check({file}, QStringLiteral("four"), QString(), m_keyA).line, 4);
        QVERIFY(KnownHosts::instance().append(file, QStringLiteral("five"), Ed25519, m_keyA).ok());
        const KnownHosts::Verdict five = check({file}, QStringLiteral("five"), QString(), m_keyA);
        QCOMPARE(five.match, KnownHosts::Match::Ok);
        QCOMPARE(five.line, 5);

        // Rewritten in place, longer (same inode, so only the content tells): one now has key B.
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadWrite | QIODevice::Truncate));
            f.write("zero ssh-ed25519 " + m_keyB + "\none ssh-ed25519 " + m_keyB + "\n# " +
                    QByteArray(600, 'x') + "\n");
        }
        QCOMPARE(check({file}, QStringLiteral("one"), QString(), m_keyA).match, KnownHosts::Match::Changed);
        QCOMPARE(check({file}, QStringLiteral("five"), QString(), m_keyA).match, KnownHosts::Match::Unknown);

        // Replaced by a shorter file, as ssh-keygen -R or an editor does.
        QSaveFile replacement(file);
        QVERIFY(replacement.open(QIODevice::WriteOnly));
        replacement.write("one ssh-ed25519 " + m_keyA + "\n");
        QVERIFY(replacement.commit());
        QCOMPARE(check({file}, QStringLiteral("one"), QString(), m_keyA).match, KnownHosts::Match::Ok);
        QCOMPARE(check({file}, QStringLiteral("zero"), QString(), m_keyB).match, KnownHosts::Match::Unknown);
    }

    void removeLikeSshKeygen()
    {
        const QString file =
            write(QStringLiteral("kh6"), "keep1 ssh-ed25519 " + m_keyA + "\n[gone]:2222 ssh-ed25519 " +
                                             m_keyA + "\nkeep2 ssh-ed25519 " + m_keyB + "\n");
        QString error;
        int removed = -1;
        QVERIFY(KnownHosts::instance().remove(file, QStringLiteral("[gone]:2222"), &removed, &error));
        QCOMPARE(removed, 1);
        QCOMPARE(readAll(file), "keep1 ssh-ed25519 " + m_keyA + "\nkeep2 ssh-ed25519 " + m_keyB + "\n");
        QVERIFY(QFile::exists(file + QStringLiteral(".old")));
        QCOMPARE(check({file}, QStringLiteral("[gone]:2222"), QString(), m_keyA).match,
                 KnownHosts::Match::Unknown);
        QVERIFY(KnownHosts::instance().remove(file, QStringLiteral("absent"), &removed, &error));
        QCOMPARE(removed, 0);
    }

    // remove() leaves exactly what `ssh-keygen -R` leaves: hashed and pattern lines that match go,
    // @revoked and @cert-authority lines stay (forgetting a key must not un-revoke it).
    void removeLeavesWhatSshKeygenLeaves()
    {
        const QByteArray text = "keep1 ssh-ed25519 " + m_keyA +
                                "\n"
                                "gone,alias ssh-ed25519 " +
                                m_keyA +
                                "\n"
                                "@revoked gone ssh-ed25519 " +
                                m_keyB +
                                "\n"
                                "@cert-authority gon? ssh-ed25519 " +
                                m_keyB +
                                "\n"
                                "gon? ssh-ed25519 " +
                                m_keyB + "\n" + hashedName("gone", QByteArray(20, '\x11')) + " ssh-ed25519 " +
                                m_keyA +
                                "\n"
                                "# a comment\n"
                                "keep2 ssh-ed25519 " +
                                m_keyB + "\n";
        const QString ours = write(QStringLiteral("rm-ours"), text);
        const QString theirs = write(QStringLiteral("rm-theirs"), text);
        QCOMPARE(QProcess::execute(QStringLiteral("ssh-keygen"),
                                   {QStringLiteral("-q"), QStringLiteral("-R"), QStringLiteral("gone"),
                                    QStringLiteral("-f"), theirs}),
                 0);
        QString error;
        int removed = 0;
        QVERIFY(KnownHosts::instance().remove(ours, QStringLiteral("gone"), &removed, &error));
        QCOMPARE(removed, 3);
        QCOMPARE(readAll(ours), readAll(theirs));
        QCOMPARE(check({ours}, QStringLiteral("gone"), QString(), m_keyB).match, KnownHosts::Match::Revoked);
    }

    void concurrentAppendsKeepEveryLineWhole()
    {
        // A last line without its newline must not be glued to ours.
        const QString file = write(QStringLiteral("kh5"), "first ssh-ed25519 " + m_keyB);
        std::atomic<int> failures{0};
        QList<QThread *> threads;
        for (int t = 0; t < 8; ++t) {
            threads.append(QThread::create([&, t] {
                for (int i = 0; i < 50; ++i) {
                    if (!KnownHosts::instance().append(file, QStringLiteral("[10.1.%1.%2]:22").arg(t).arg(i),
                                                       Ed25519, m_keyA))
                        ++failures;
                }
            }));
            threads.last()->start();
        }
        for (QThread *t : threads) {
            t->wait();
            delete t;
        }
        QCOMPARE(failures.load(), 0);
        const QList<QByteArray> lines = readAll(file).split('\n');
        QCOMPARE(lines.size(), 1 + 400 + 1); // the first line, 400 appended, and the empty tail
        QCOMPARE(lines.first(), "first ssh-ed25519 " + m_keyB);
        for (int i = 1; i <= 400; ++i)
            QVERIFY2(lines[i].endsWith(" ssh-ed25519 " + m_keyA) && lines[i].count(' ') == 2,
                     lines[i].constData());
        // And OpenSSH itself reads the result.
        QCOMPARE(QProcess::execute(QStringLiteral("ssh-keygen"),
                                   {QStringLiteral("-q"), QStringLiteral("-F"),
                                    QStringLiteral("[10.1.7.49]:22"), QStringLiteral("-f"), file}),
                 0);
    }

    // Host patterns know '*' and '?' only: "[127.0.0.*]:2222" is the port-2222 hosts 127.0.0.anything,
    // not a character class. Each row is also put to ssh-keygen, which must agree.
    void patternsAsOpenSshReadsThem_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("known");
        QTest::newRow("star in brackets") << QStringLiteral("[127.0.0.1]:2222") << true;
        QTest::newRow("star, longer") << QStringLiteral("[127.0.0.250]:2222") << true;
        QTest::newRow("star, other port") << QStringLiteral("[127.0.0.1]:2223") << false;
        QTest::newRow("star, longer port") << QStringLiteral("[127.0.0.1]:22222") << false;
        QTest::newRow("star, bare address") << QStringLiteral("127.0.0.1") << false;
        QTest::newRow("star, other network") << QStringLiteral("[127.0.1.1]:2222") << false;
        QTest::newRow("not a character class") << QStringLiteral("1:2222") << false;
        QTest::newRow("question mark") << QStringLiteral("[10.0.0.5]:22") << true;
        QTest::newRow("question mark is one character") << QStringLiteral("[10.0.0.15]:22") << false;
        QTest::newRow("brackets are literal") << QStringLiteral("10.0.0.5") << false;
        QTest::newRow("case") << QStringLiteral("web1.example.com") << true;
        QTest::newRow("upper-case name") << QStringLiteral("WEB2.EXAMPLE.COM") << true;
        QTest::newRow("negated") << QStringLiteral("web9.example.com") << false;
        QTest::newRow("question mark, two digits") << QStringLiteral("web10.example.com") << false;
        QTest::newRow("regex characters are literal") << QStringLiteral("a.b+c(d)") << true;
        QTest::newRow("dot is literal") << QStringLiteral("axb+c(d)") << false;
        QTest::newRow("literal brackets") << QStringLiteral("[fe80::1%eth0]:2222") << true;
    }
    void patternsAsOpenSshReadsThem()
    {
        QFETCH(QString, name);
        QFETCH(bool, known);
        const QString file =
            write(QStringLiteral("patterns"), "[127.0.0.*]:2222 ssh-ed25519 " + m_keyA +
                                                  "\n"
                                                  "[10.0.0.?]:22 ssh-ed25519 " +
                                                  m_keyA +
                                                  "\n"
                                                  "Web?.Example.COM,!web9.example.com ssh-ed25519 " +
                                                  m_keyA +
                                                  "\n"
                                                  "a.b+c(d) ssh-ed25519 " +
                                                  m_keyA +
                                                  "\n"
                                                  "[fe80::1%eth0]:2222 ssh-ed25519 " +
                                                  m_keyA + "\n");
        const KnownHosts::Verdict v = check({file}, name, QString(), m_keyA);
        QCOMPARE(v.match, known ? KnownHosts::Match::Ok : KnownHosts::Match::Unknown);
        QCOMPARE(!sshKeygenFinds(name, file).isEmpty(), known);
        QCOMPARE(KnownHosts::instance().keyTypesFor({file}, name, QString()),
                 known ? QStringList{Ed25519} : QStringList());
    }

    void revokedPatternWinsOverPlainLine()
    {
        const QString file = write(QStringLiteral("revoked"), "[127.0.0.5]:2222 ssh-ed25519 " + m_keyB +
                                                                  "\n"
                                                                  "@revoked [127.0.0.*]:2222 ssh-ed25519 " +
                                                                  m_keyB +
                                                                  "\n"
                                                                  "[127.0.0.6]:2222 ssh-ed25519 " +
                                                                  m_keyA + "\n");
        const KnownHosts::Verdict v = check({file}, QStringLiteral("[127.0.0.5]:2222"), QString(), m_keyB);
        QCOMPARE(v.match, KnownHosts::Match::Revoked);
        QCOMPARE(v.line, 2);
        QCOMPARE(v.matchedName, QStringLiteral("[127.0.0.5]:2222"));
        QVERIFY(v.lineText.startsWith(QStringLiteral("@revoked [127.0.0.*]:2222")));
        QCOMPARE(sshKeygenFinds(QStringLiteral("[127.0.0.5]:2222"), file),
                 (QStringList{QStringLiteral("1"), QStringLiteral("2 REVOKED")}));
        QCOMPARE(check({file}, QStringLiteral("[127.0.0.6]:2222"), QString(), m_keyA).match,
                 KnownHosts::Match::Ok);
        QCOMPARE(check({file}, QStringLiteral("[127.0.0.6]:2222"), QString(), m_keyB).match,
                 KnownHosts::Match::Revoked);
        QCOMPARE(check({file}, QStringLiteral("[127.0.1.5]:2222"), QString(), m_keyB).match,
                 KnownHosts::Match::Unknown);
        // A revoked line says nothing about which key types a host has.
        QCOMPARE(KnownHosts::instance().keyTypesFor({file}, QStringLiteral("[127.0.0.9]:2222"), QString()),
                 QStringList());
        // And recording a revoked key is refused, whatever the caller's policy.
        const Result<void> recorded =
            KnownHosts::instance().append(file, QStringLiteral("[127.0.0.9]:2222"), Ed25519, m_keyB);
        QVERIFY(!recorded);
        QCOMPARE(recorded.error().kind, Error::Kind::Conflict);
    }

    void revokedUnderBareNameOrAnotherFile()
    {
        const QString user = write(QStringLiteral("rev-user"), "[h7]:2222 ssh-ed25519 " + m_keyB + "\n");
        const QString global =
            write(QStringLiteral("rev-global"), "# global\n@revoked h7 ssh-ed25519 " + m_keyB + "\n");
        const KnownHosts::Verdict v =
            check({user, global}, QStringLiteral("[h7]:2222"), QStringLiteral("h7"), m_keyB);
        QCOMPARE(v.match, KnownHosts::Match::Revoked);
        QCOMPARE(v.file, global);
        QCOMPARE(v.line, 2);
        QCOMPARE(v.matchedName, QStringLiteral("h7"));
        // Without the bare name (a HostKeyAlias, or port 22) only the names checked count.
        QCOMPARE(check({user, global}, QStringLiteral("[h7]:2222"), QString(), m_keyB).match,
                 KnownHosts::Match::Ok);
        // ssh ends a marker at the first space even after a tab, and so ignores this line; Chorus
        // reads it as the revocation it says it is.
        const QString tabbed = write(QStringLiteral("rev-tab"), "@revoked\th8 ssh-ed25519 " + m_keyB +
                                                                    "\nh8 ssh-ed25519 " + m_keyB + "\n");
        QCOMPARE(check({tabbed}, QStringLiteral("h8"), QString(), m_keyB).match, KnownHosts::Match::Revoked);
    }

    // sshconnect.c, "checking without port identifier": for [host]:port, the key under the bare name
    // counts when the port has no entry, and only when it is the same key.
    void bareNameFallback()
    {
        const QString file = write(QStringLiteral("fallback"), "h1 ssh-ed25519 " + m_keyA +
                                                                   "\n"
                                                                   "[h2]:2222 ssh-ed25519 " +
                                                                   m_keyB +
                                                                   "\n"
                                                                   "h2 ssh-ed25519 " +
                                                                   m_keyA + "\n");
        const KnownHosts::Verdict ok =
            check({file}, QStringLiteral("[h1]:2222"), QStringLiteral("h1"), m_keyA);
        QCOMPARE(ok.match, KnownHosts::Match::Ok);
        QCOMPARE(ok.matchedName, QStringLiteral("h1"));
        QCOMPARE(ok.line, 1);
        QCOMPARE(check({file}, QStringLiteral("[h1]:2222"), QStringLiteral("h1"), m_keyB).match,
                 KnownHosts::Match::Unknown);
        QCOMPARE(check({file}, QStringLiteral("[h1]:2222"), QString(), m_keyA).match,
                 KnownHosts::Match::Unknown);
        QCOMPARE(check({file}, QStringLiteral("h1"), QString(), m_keyB).match,
                 KnownHosts::Match::Changed); // port 22 itself
        // The port's own entry is checked first: a different key there is a changed key.
        const KnownHosts::Verdict changed =
            check({file}, QStringLiteral("[h2]:2222"), QStringLiteral("h2"), m_keyA);
        QCOMPARE(changed.match, KnownHosts::Match::Changed);
        QCOMPARE(changed.line, 2);
        QCOMPARE(changed.matchedName, QStringLiteral("[h2]:2222"));
        QCOMPARE(check({file}, QStringLiteral("[h2]:2222"), QStringLiteral("h2"), m_keyB).match,
                 KnownHosts::Match::Ok);
        QCOMPARE(
            KnownHosts::instance().keyTypesFor({file}, QStringLiteral("[h1]:2222"), QStringLiteral("h1")),
            QStringList{Ed25519});
        QCOMPARE(KnownHosts::instance().keyTypesFor({file}, QStringLiteral("[h1]:2222"), QString()),
                 QStringList());
    }

    // Chorus cannot check host certificates, so a @cert-authority line never makes a key Ok nor
    // changed; it only tells the engine why the host is unknown.
    void certAuthorityLines()
    {
        const QString file =
            write(QStringLiteral("ca"), "# CA\n@cert-authority *.corp.example ssh-ed25519 " + m_keyA + "\n");
        for (const QByteArray &key : {m_keyA, m_keyB}) {
            const KnownHosts::Verdict v = check({file}, QStringLiteral("db.corp.example"), QString(), key);
            QCOMPARE(v.match, KnownHosts::Match::Unknown);
            QVERIFY(v.certAuthority);
            QCOMPARE(v.certAuthorityFile, file);
            QCOMPARE(v.certAuthorityLine, 2);
        }
        QCOMPARE(sshKeygenFinds(QStringLiteral("db.corp.example"), file),
                 QStringList{QStringLiteral("2 CA")});
        QVERIFY(!check({file}, QStringLiteral("db.other.example"), QString(), m_keyB).certAuthority);
        const KnownHosts::Verdict bare = check({file}, QStringLiteral("[db.corp.example]:2222"),
                                               QStringLiteral("db.corp.example"), m_keyB);
        QCOMPARE(bare.match, KnownHosts::Match::Unknown);
        QVERIFY(bare.certAuthority);
        QCOMPARE(KnownHosts::instance().keyTypesFor({file}, QStringLiteral("db.corp.example"), QString()),
                 QStringList());

        appendRaw(file, "db.corp.example ssh-ed25519 " + m_keyB + "\n");
        const KnownHosts::Verdict ok = check({file}, QStringLiteral("db.corp.example"), QString(), m_keyB);
        QCOMPARE(ok.match, KnownHosts::Match::Ok);
        QVERIFY(!ok.certAuthority);
        QCOMPARE(ok.line, 3);
        // The authority's own key offered as a host key is judged by the plain line alone.
        QCOMPARE(check({file}, QStringLiteral("db.corp.example"), QString(), m_keyA).line, 3);
        QCOMPARE(KnownHosts::instance().keyTypesFor({file}, QStringLiteral("db.corp.example"), QString()),
                 QStringList{Ed25519});
    }

    // Lines ssh ignores are ignored: they can make a host neither known nor changed.
    void malformedLinesIgnoredAsSshDoes()
    {
        const QByteArray rsaLine = "rsa-sha2-512 " + m_keyA; // claims RSA, holds an ed25519 key
        const QString file =
            write(QStringLiteral("malformed"), "bad1 ssh-rsa " + m_keyA +
                                                   "\n"
                                                   "bad2 " +
                                                   rsaLine +
                                                   "\n"
                                                   "@unknown bad3 ssh-ed25519 " +
                                                   m_keyA +
                                                   "\n"
                                                   "@revoked @cert-authority bad4 ssh-ed25519 " +
                                                   m_keyA +
                                                   "\n"
                                                   "bad5 ssh-ed25519\n"
                                                   "bad6 ssh-ed25519 AAAA!notbase64\n"
                                                   "bad7 ssh-unknown " +
                                                   m_keyA +
                                                   "\n"
                                                   "ok1 ssh-ed25519 " +
                                                   m_keyA +
                                                   " a comment with spaces\n"
                                                   "  ok2\tssh-ed25519\t" +
                                                   m_keyA +
                                                   "\n"
                                                   "ok3 ssh-ed25519 " +
                                                   m_keyA + "\r\n");
        for (int i = 1; i <= 7; ++i) {
            const QString name = QStringLiteral("bad%1").arg(i);
            QCOMPARE(check({file}, name, QString(), m_keyB).match, KnownHosts::Match::Unknown);
            QCOMPARE(sshKeygenFinds(name, file), QStringList());
        }
        for (int i = 1; i <= 3; ++i) {
            const QString name = QStringLiteral("ok%1").arg(i);
            QCOMPARE(check({file}, name, QString(), m_keyA).match, KnownHosts::Match::Ok);
            QCOMPARE(sshKeygenFinds(name, file), QStringList{QString::number(7 + i)});
        }
    }

    void appendCreatesThePrivateFileAndFolder()
    {
        const QString file = m_dir.filePath(QStringLiteral("new/.ssh/known_hosts"));
        QVERIFY(KnownHosts::instance().append(file, QStringLiteral("[fresh]:2222"), Ed25519, m_keyA).ok());
        QCOMPARE(readAll(file), "[fresh]:2222 ssh-ed25519 " + m_keyA + "\n");
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(file).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        QCOMPARE(::stat(QFile::encodeName(m_dir.filePath(QStringLiteral("new/.ssh"))).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0700u);
        QCOMPARE(check({file}, QStringLiteral("[fresh]:2222"), QString(), m_keyA).match,
                 KnownHosts::Match::Ok);
        QCOMPARE(sshKeygenFinds(QStringLiteral("[fresh]:2222"), file), QStringList{QStringLiteral("1")});
    }

    void appendRefusesWhatKnownHostsCannotHold()
    {
        const QString file = write(QStringLiteral("refuse"), "x ssh-ed25519 " + m_keyA + "\n");
        const QByteArray before = readAll(file);
        for (const QString &name :
             {QStringLiteral("two words"), QStringLiteral("a,b"), QStringLiteral("*.lab"),
              QStringLiteral("!x"), QStringLiteral("@revoked"), QString()}) {
            const Result<void> r = KnownHosts::instance().append(file, name, Ed25519, m_keyA);
            QVERIFY2(!r && r.error().kind == Error::Kind::BadInput, qPrintable(name));
        }
        QCOMPARE(KnownHosts::instance()
                     .append(file, QStringLiteral("y"), QStringLiteral("ssh-rsa"), m_keyA)
                     .error()
                     .kind,
                 Error::Kind::BadInput);
        QCOMPARE(KnownHosts::instance()
                     .append(file, QStringLiteral("y"), Ed25519, "AAAA not base64\n")
                     .error()
                     .kind,
                 Error::Kind::BadInput);
        QCOMPARE(readAll(file), before);
    }

    // Between our check() and append(), another writer records the host: the file decides.
    void appendRechecksUnderTheLock()
    {
        const QString file = write(QStringLiteral("conflict"), "other ssh-ed25519 " + m_keyA + "\n");
        for (const char *host : {"web5", "web6", "web7", "x.lab", "web8"})
            QCOMPARE(check({file}, QString::fromLatin1(host), QString(), m_keyA).match,
                     KnownHosts::Match::Unknown);

        appendRaw(file, "web5 ssh-ed25519 " + m_keyB + "\n");
        QByteArray before = readAll(file);
        Result<void> r = KnownHosts::instance().append(file, QStringLiteral("web5"), Ed25519, m_keyA);
        QVERIFY(!r);
        QCOMPARE(r.error().kind, Error::Kind::Conflict);
        QVERIFY2(r.message().contains(file) && r.message().contains(QStringLiteral("line 2")),
                 qPrintable(r.message()));
        QCOMPARE(readAll(file), before);

        // The same key recorded meanwhile: nothing to add, and no error.
        appendRaw(file, "web6 ssh-ed25519 " + m_keyA + "\n");
        before = readAll(file);
        QVERIFY(KnownHosts::instance().append(file, QStringLiteral("web6"), Ed25519, m_keyA).ok());
        QCOMPARE(readAll(file), before);

        // Revoked meanwhile.
        appendRaw(file, "@revoked web7 ssh-ed25519 " + m_keyA + "\n");
        before = readAll(file);
        r = KnownHosts::instance().append(file, QStringLiteral("web7"), Ed25519, m_keyA);
        QCOMPARE(r.error().kind, Error::Kind::Conflict);
        QCOMPARE(readAll(file), before);

        // A pattern line counts as it does for check().
        appendRaw(file, "*.lab ssh-ed25519 " + m_keyB + "\n");
        before = readAll(file);
        r = KnownHosts::instance().append(file, QStringLiteral("x.lab"), Ed25519, m_keyA);
        QCOMPARE(r.error().kind, Error::Kind::Conflict);
        QVERIFY2(r.message().contains(QStringLiteral("line 5")), qPrintable(r.message()));
        QCOMPARE(readAll(file), before);

        // A @cert-authority line is no conflict.
        appendRaw(file, "@cert-authority web8 ssh-ed25519 " + m_keyB + "\n");
        QVERIFY(KnownHosts::instance().append(file, QStringLiteral("web8"), Ed25519, m_keyA).ok());
        QCOMPARE(check({file}, QStringLiteral("web8"), QString(), m_keyA).line, 7);
    }

    // A 50,000-line known_hosts (plain, hashed, port and pattern lines) and accept-new for 200 new
    // hosts from 8 threads, as a big run does.
    void appendsAtScale()
    {
        QElapsedTimer whole;
        whole.start();
        QByteArray text;
        text.reserve(50'000 * 110);
        for (int i = 0; i < 50'000; ++i) {
            const QByteArray n = QByteArray::number(i);
            QByteArray hosts;
            if (i % 10 == 0)
                hosts = hashedName("hashed-" + n + ".example.net",
                                   QCryptographicHash::hash(n, QCryptographicHash::Sha1));
            else if (i % 1000 == 1)
                hosts = "*.zone" + n + ".example.org,!bad.zone" + n + ".example.org";
            else if (i % 3 == 2)
                hosts = "[10." + QByteArray::number(i / 65536) + '.' + QByteArray::number(i / 256 % 256) +
                        '.' + QByteArray::number(i % 256) + "]:2222";
            else
                hosts = "host-" + n + ".example.net";
            text += hosts + " ssh-ed25519 " + syntheticKey(n) + '\n';
        }
        const QString file = write(QStringLiteral("big"), text);

        QElapsedTimer timer;
        timer.start();
        QCOMPARE(check({file}, QStringLiteral("host-4.example.net"), QString(), syntheticKey("4")).match,
                 KnownHosts::Match::Ok);
        const qint64 parseMs = timer.elapsed();

        auto name = [](int t, int i) {
            return QStringLiteral("[new-%1-%2.example.com]:2222").arg(t).arg(i);
        };
        std::atomic<int> notUnknown{0}, failures{0};
        std::atomic<qint64> appendNs{0}, slowestNs{0};
        QList<QThread *> threads;
        timer.restart();
        for (int t = 0; t < 8; ++t) {
            threads.append(QThread::create([&, t] {
                for (int i = 0; i < 25; ++i) {
                    const QString host = name(t, i);
                    const QByteArray key = syntheticKey(host.toUtf8());
                    if (KnownHosts::instance()
                            .check({file}, host, host.mid(1, host.indexOf(u']') - 1), Ed25519, key)
                            .match != KnownHosts::Match::Unknown)
                        ++notUnknown;
                    QElapsedTimer one;
                    one.start();
                    if (!KnownHosts::instance().append(file, host, Ed25519, key))
                        ++failures;
                    const qint64 ns = one.nsecsElapsed();
                    appendNs += ns;
                    qint64 slowest = slowestNs.load();
                    while (ns > slowest && !slowestNs.compare_exchange_weak(slowest, ns)) {
                    }
                }
            }));
            threads.last()->start();
        }
        for (QThread *t : threads) {
            t->wait();
            delete t;
        }
        const qint64 wallMs = timer.elapsed();
        QCOMPARE(notUnknown.load(), 0);
        QCOMPARE(failures.load(), 0);
        qInfo("50,000-line known_hosts: first parse %lld ms; 200 check+append from 8 threads %lld ms wall; "
              "append() %.3f ms mean, %.3f ms slowest",
              parseMs, wallMs, double(appendNs.load()) / 200 / 1e6, double(slowestNs.load()) / 1e6);

        for (int t = 0; t < 8; ++t) {
            for (int i = 0; i < 25; ++i) {
                const QString host = name(t, i);
                QCOMPARE(check({file}, host, QString(), syntheticKey(host.toUtf8())).match,
                         KnownHosts::Match::Ok);
            }
        }
        QCOMPARE(readAll(file).count('\n'), 50'200);
        // The lines already there still read as before, hashed and pattern ones included.
        QCOMPARE(check({file}, QStringLiteral("hashed-40.example.net"), QString(), syntheticKey("40")).match,
                 KnownHosts::Match::Ok);
        QCOMPARE(
            check({file}, QStringLiteral("a.zone1001.example.org"), QString(), syntheticKey("1001")).match,
            KnownHosts::Match::Ok);
        QCOMPARE(
            check({file}, QStringLiteral("bad.zone1001.example.org"), QString(), syntheticKey("1001")).match,
            KnownHosts::Match::Unknown);
        QCOMPARE(check({file}, QStringLiteral("[10.0.0.2]:2222"), QString(), syntheticKey("2")).match,
                 KnownHosts::Match::Ok);
        const KnownHosts::Verdict last =
            check({file}, name(7, 24), QString(), syntheticKey(name(7, 24).toUtf8()));
        QVERIFY(last.line > 50'000);
        QCOMPARE(sshKeygenFinds(name(7, 24), file), QStringList{QString::number(last.line)});
        // What a fresh process sees: the whole file parsed again agrees with what was built up.
        KnownHosts fresh;
        QCOMPARE(fresh.check({file}, name(3, 3), QString(), Ed25519, syntheticKey(name(3, 3).toUtf8())).match,
                 KnownHosts::Match::Ok);
        QVERIFY2(whole.elapsed() < 60'000, qPrintable(QString::number(whole.elapsed())));
    }

    // Two Chorus processes under accept-new recording the same 300 hosts at once: each host once.
    void twoProcessesRecordEachHostOnce()
    {
        QByteArray text;
        for (int i = 0; i < 2000; ++i)
            text += "existing-" + QByteArray::number(i) + " ssh-ed25519 " +
                    syntheticKey(QByteArray::number(i)) + '\n';
        const QString file = write(QStringLiteral("race"), text);
        QList<QProcess *> children;
        for (int c = 0; c < 2; ++c) {
            auto *child = new QProcess(this);
            child->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            child->start(QCoreApplication::applicationFilePath(),
                         {QStringLiteral("--append-child"), file, QStringLiteral("300")});
            QVERIFY(child->waitForStarted());
            children.append(child);
        }
        // Both have read the file before either starts recording, so that they race for every host.
        for (QProcess *child : children) {
            while (!child->canReadLine())
                QVERIFY(child->waitForReadyRead(60'000));
            QCOMPARE(child->readLine(), "ready\n");
        }
        for (QProcess *child : children) {
            child->write("go\n");
            QVERIFY(child->waitForBytesWritten(10'000)); // QProcess writes only when waited on
        }
        int asked = 0;
        for (QProcess *child : children) {
            QVERIFY(child->waitForFinished(120'000));
            QCOMPARE(child->exitStatus(), QProcess::NormalExit);
            QCOMPARE(child->exitCode(), 0);
            const QByteArray report = child->readAllStandardOutput().trimmed();
            qInfo("child: %s", report.constData());
            asked += report.split(' ').value(4).toInt();
            delete child;
        }
        // Every host was found unknown by at least one of them (more than 300: both asked for some).
        QVERIFY(asked >= 300);
        const QByteArray after = readAll(file);
        QCOMPARE(after.count('\n'), 2000 + 300);
        for (int i = 0; i < 300; ++i) {
            const QByteArray line =
                raceName(i).toUtf8() + " ssh-ed25519 " + syntheticKey(raceName(i).toUtf8()) + '\n';
            QCOMPARE(after.count(line), 1);
            QCOMPARE(sshKeygenFinds(raceName(i), file).size(), 1);
        }
    }

    // Parsing a big file holds no lock other threads' checks need: checks against another file go on
    // while it is parsed. (Counted, not timed: at least a few must finish during the parse.)
    void parsingDoesNotBlockOtherChecks()
    {
        QByteArray text;
        text.reserve(200'000 * 100);
        for (int i = 0; i < 200'000; ++i)
            text += "huge-" + QByteArray::number(i) + " ssh-ed25519 " + syntheticKey(QByteArray::number(i)) +
                    '\n';
        const QString huge = write(QStringLiteral("huge"), text);
        text.clear();
        const QString small = write(QStringLiteral("small"), "small ssh-ed25519 " + m_keyA + "\n");
        KnownHosts hosts;
        QCOMPARE(hosts.check({small}, QStringLiteral("small"), QString(), Ed25519, m_keyA).match,
                 KnownHosts::Match::Ok);
        std::atomic<bool> started{false}, done{false};
        QThread *parser = QThread::create([&] {
            started = true;
            hosts.check({huge}, QStringLiteral("huge-7"), QString(), Ed25519, syntheticKey("7"));
            done = true;
        });
        parser->start();
        int during = 0;
        while (!done) {
            const bool wasParsing = started;
            QCOMPARE(hosts.check({small}, QStringLiteral("small"), QString(), Ed25519, m_keyA).match,
                     KnownHosts::Match::Ok);
            if (wasParsing && !done)
                ++during;
        }
        parser->wait();
        delete parser;
        qInfo("%d checks of another file finished while 200,000 lines were parsed", during);
        QVERIFY(during >= 3);
    }
};

// `tst_knownhosts --append-child FILE COUNT`: one of the processes of twoProcessesRecordEachHostOnce.
// Waits for a line on stdin, then does for COUNT hosts what the engine does under accept-new.
static int appendChild(const QString &file, int count)
{
    (void)KnownHosts::instance().keyTypesFor({file}, QStringLiteral("warm-up"), QString()); // reads the file
    std::printf("ready\n");
    std::fflush(stdout);
    char go[8];
    if (!std::fgets(go, sizeof go, stdin))
        return 4;
    int recorded = 0;
    for (int i = 0; i < count; ++i) {
        const QString name = raceName(i);
        const QByteArray key = syntheticKey(name.toUtf8());
        const KnownHosts::Verdict verdict =
            KnownHosts::instance().check({file}, name, QString(), Ed25519, key);
        if (verdict.match == KnownHosts::Match::Ok)
            continue;
        if (verdict.match != KnownHosts::Match::Unknown) {
            std::fprintf(stderr, "%s: unexpected verdict %d\n", qPrintable(name), int(verdict.match));
            return 2;
        }
        const Result<void> r = KnownHosts::instance().append(file, name, Ed25519, key);
        if (!r) {
            std::fprintf(stderr, "%s\n", qPrintable(r.message()));
            return 3;
        }
        ++recorded;
    }
    std::printf("checked %d hosts, found %d unknown and asked to record them\n", count, recorded);
    return 0;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 4 && qstrcmp(argv[1], "--append-child") == 0)
        return appendChild(QString::fromLocal8Bit(argv[2]), std::atoi(argv[3]));
    TestKnownHosts test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_knownhosts.moc"
