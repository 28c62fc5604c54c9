// known_hosts as OpenSSH writes it, checked in memory.
#include "model/ssh/knownhosts.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Chorus;

class TestKnownHosts : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QByteArray m_keyA, m_keyB; // base64 ed25519 public keys

    QByteArray makeKey(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QProcess::execute(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
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
        p.start(QStringLiteral("ssh-keygen"), {QStringLiteral("-l"), QStringLiteral("-f"), m_dir.filePath(keyName + QStringLiteral(".pub"))});
        p.waitForFinished();
        return QString::fromLatin1(p.readAllStandardOutput().split(' ').value(1));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_keyA = makeKey(QStringLiteral("a"));
        m_keyB = makeKey(QStringLiteral("b"));
        QVERIFY(!m_keyA.isEmpty() && !m_keyB.isEmpty() && m_keyA != m_keyB);
    }

    void lookupNames()
    {
        QCOMPARE(KnownHosts::lookupName(QStringLiteral("Web1.Example.com"), 22), QStringLiteral("web1.example.com"));
        QCOMPARE(KnownHosts::lookupName(QStringLiteral("10.0.0.1"), 2222), QStringLiteral("[10.0.0.1]:2222"));
    }

    void fingerprintMatchesSshKeygen()
    {
        QCOMPARE(KnownHosts::fingerprint(m_keyA), fingerprintByKeygen(QStringLiteral("a")));
    }

    void plainWildcardNegatedAndRevoked()
    {
        const QString file = write(QStringLiteral("kh1"),
                                   "# comment\n\n"
                                   "web1,[10.0.0.5]:2222 ssh-ed25519 " + m_keyA + " a comment\n"
                                   "*.lab,!secret.lab ssh-ed25519 " + m_keyA + "\n"
                                   "@revoked * ssh-ed25519 " + m_keyB + "\n"
                                   "garbage-line\n");
        auto check = [&](const QString &name, const QByteArray &key) {
            return KnownHosts::instance().check({file}, name, QStringLiteral("ssh-ed25519"), key).match;
        };
        QCOMPARE(check(QStringLiteral("web1"), m_keyA), KnownHosts::Match::Ok);
        QCOMPARE(check(QStringLiteral("[10.0.0.5]:2222"), m_keyA), KnownHosts::Match::Ok);
        QCOMPARE(check(QStringLiteral("10.0.0.5"), m_keyA), KnownHosts::Match::Unknown); // other port
        QCOMPARE(check(QStringLiteral("db.lab"), m_keyA), KnownHosts::Match::Ok);
        QCOMPARE(check(QStringLiteral("secret.lab"), m_keyA), KnownHosts::Match::Unknown);
        QCOMPARE(check(QStringLiteral("nowhere"), m_keyA), KnownHosts::Match::Unknown);
        QCOMPARE(check(QStringLiteral("anything"), m_keyB), KnownHosts::Match::Revoked);
        const KnownHosts::Verdict changed =
            KnownHosts::instance().check({file}, QStringLiteral("web1"), QStringLiteral("ssh-ed25519"), m_keyB);
        // B is revoked everywhere, which wins over "changed".
        QCOMPARE(changed.match, KnownHosts::Match::Revoked);
    }

    void changedKeyNamesTheLine()
    {
        const QString file = write(QStringLiteral("kh2"), "other ssh-ed25519 " + m_keyB + "\nweb1 ssh-ed25519 " + m_keyA + "\n");
        const KnownHosts::Verdict v =
            KnownHosts::instance().check({file}, QStringLiteral("web1"), QStringLiteral("ssh-ed25519"), m_keyB);
        QCOMPARE(v.match, KnownHosts::Match::Changed);
        QCOMPARE(v.line, 2);
        QCOMPARE(v.file, file);
        QCOMPARE(v.knownFingerprint, KnownHosts::fingerprint(m_keyA));
        // Another key type known for the host counts as changed too (OpenSSH would not offer it).
        const KnownHosts::Verdict other =
            KnownHosts::instance().check({file}, QStringLiteral("web1"), QStringLiteral("ecdsa-sha2-nistp256"), m_keyB);
        QCOMPARE(other.match, KnownHosts::Match::Changed);
        QCOMPARE(KnownHosts::instance().keyTypesFor({file}, QStringLiteral("web1")), QStringList{QStringLiteral("ssh-ed25519")});
    }

    void hashedEntriesFromSshKeygen()
    {
        const QString file = write(QStringLiteral("kh3"), "web9.example.com ssh-ed25519 " + m_keyA + "\n[db]:2200 ssh-ed25519 " + m_keyA + "\n");
        // ssh-keygen -H rewrites the file with hashed names, as Debian's ssh does by default.
        QCOMPARE(QProcess::execute(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-H"), QStringLiteral("-f"), file}), 0);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY2(text.startsWith("|1|") && !text.contains("web9"), text.constData());
        QCOMPARE(KnownHosts::instance().check({file}, QStringLiteral("web9.example.com"), QStringLiteral("ssh-ed25519"), m_keyA).match,
                 KnownHosts::Match::Ok);
        QCOMPARE(KnownHosts::instance().check({file}, QStringLiteral("[db]:2200"), QStringLiteral("ssh-ed25519"), m_keyA).match,
                 KnownHosts::Match::Ok);
        QCOMPARE(KnownHosts::instance().check({file}, QStringLiteral("web8.example.com"), QStringLiteral("ssh-ed25519"), m_keyA).match,
                 KnownHosts::Match::Unknown);
    }

    void reloadsWhenTheFileChanges()
    {
        const QString file = write(QStringLiteral("kh4"), "");
        QCOMPARE(KnownHosts::instance().check({file}, QStringLiteral("h"), QStringLiteral("ssh-ed25519"), m_keyA).match,
                 KnownHosts::Match::Unknown);
        write(QStringLiteral("kh4"), "h ssh-ed25519 " + m_keyA + "\n");
        QCOMPARE(KnownHosts::instance().check({file}, QStringLiteral("h"), QStringLiteral("ssh-ed25519"), m_keyA).match,
                 KnownHosts::Match::Ok);
    }

    void removeLikeSshKeygen()
    {
        const QString file = write(QStringLiteral("kh6"), "keep1 ssh-ed25519 " + m_keyA + "\n[gone]:2222 ssh-ed25519 " + m_keyA
                                                           + "\nkeep2 ssh-ed25519 " + m_keyB + "\n");
        QString error;
        int removed = -1;
        QVERIFY(KnownHosts::instance().remove(file, QStringLiteral("[gone]:2222"), &removed, &error));
        QCOMPARE(removed, 1);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), "keep1 ssh-ed25519 " + m_keyA + "\nkeep2 ssh-ed25519 " + m_keyB + "\n");
        QVERIFY(QFile::exists(file + QStringLiteral(".old")));
        QCOMPARE(KnownHosts::instance().check({file}, QStringLiteral("[gone]:2222"), QStringLiteral("ssh-ed25519"), m_keyA).match,
                 KnownHosts::Match::Unknown);
        QVERIFY(KnownHosts::instance().remove(file, QStringLiteral("absent"), &removed, &error));
        QCOMPARE(removed, 0);
    }

    void concurrentAppendsKeepEveryLineWhole()
    {
        // A last line without its newline must not be glued to ours.
        const QString file = write(QStringLiteral("kh5"), "first ssh-ed25519 " + m_keyB);
        QList<QThread *> threads;
        for (int t = 0; t < 8; ++t) {
            threads.append(QThread::create([&, t] {
                for (int i = 0; i < 50; ++i) {
                    QString error;
                    KnownHosts::instance().append(file, QStringLiteral("[10.1.%1.%2]:22").arg(t).arg(i),
                                                  QStringLiteral("ssh-ed25519"), m_keyA, &error);
                }
            }));
            threads.last()->start();
        }
        for (QThread *t : threads) {
            t->wait();
            delete t;
        }
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QCOMPARE(lines.size(), 1 + 400 + 1); // the first line, 400 appended, and the empty tail
        QCOMPARE(lines.first(), "first ssh-ed25519 " + m_keyB);
        for (int i = 1; i <= 400; ++i)
            QVERIFY2(lines[i].endsWith(" ssh-ed25519 " + m_keyA) && lines[i].count(' ') == 2, lines[i].constData());
        // And OpenSSH itself reads the result.
        QCOMPARE(QProcess::execute(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-F"),
                                                                  QStringLiteral("[10.1.7.49]:22"), QStringLiteral("-f"), file}),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestKnownHosts)
#include "tst_knownhosts.moc"
