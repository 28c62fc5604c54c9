#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <qt6keychain/keychain.h>

// Passwords and passphrases are kept in the desktop keychain through QtKeychain.
// These tests go through the real Secret Service (the gnome-keyring that testenv.sh
// starts on a private bus) and cross-check with libsecret's own secret-tool, so they
// fail when no keychain is reachable instead of passing against nothing.

namespace {

const QString kService = QStringLiteral("chorus-test");
constexpr int kJobTimeoutMs = 15000;
constexpr int kToolTimeoutMs = 15000;

struct JobResult
{
    QKeychain::Error error = QKeychain::OtherError;
    QString errorString;
    QByteArray data;
};

// Runs one job to completion; a job that never reports counts as a failure with a message.
JobResult runJob(QKeychain::Job *job)
{
    job->setAutoDelete(false);
    QSignalSpy finished(job, &QKeychain::Job::finished);
    job->start();
    JobResult result;
    if (!finished.wait(kJobTimeoutMs)) {
        result.errorString = QStringLiteral("keychain job did not finish within %1 ms").arg(kJobTimeoutMs);
        return result;
    }
    result.error = job->error();
    result.errorString = job->errorString();
    if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job))
        result.data = read->binaryData();
    return result;
}

JobResult writeText(const QString &key, const QString &text)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(key);
    job.setTextData(text);
    return runJob(&job);
}

JobResult writeBinary(const QString &key, const QByteArray &data)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(key);
    job.setBinaryData(data);
    return runJob(&job);
}

JobResult read(const QString &key)
{
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(key);
    return runJob(&job);
}

JobResult remove(const QString &key)
{
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(key);
    return runJob(&job);
}

QByteArray describe(const JobResult &r)
{
    return QStringLiteral("QtKeychain error %1: %2. Is a Secret Service (gnome-keyring) running on the "
                          "session D-Bus? Run this test through tests/testenv.sh (ctest does).")
        .arg(int(r.error))
        .arg(r.errorString)
        .toUtf8();
}

struct ToolResult
{
    bool ran = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

ToolResult secretTool(const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(QStringLiteral("secret-tool"), args);
    ToolResult r;
    if (!p.waitForStarted(kToolTimeoutMs))
        return r;
    if (!input.isNull()) {
        p.write(input);
        p.closeWriteChannel();
    }
    if (!p.waitForFinished(kToolTimeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.ran = p.exitStatus() == QProcess::NormalExit;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// The attributes QtKeychain's libsecret backend stores an entry under.
QStringList lookupArgs(const QString &key)
{
    return {QStringLiteral("lookup"), QStringLiteral("server"), kService, QStringLiteral("user"), key};
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT
private:
    bool m_haveSecretTool = false;

private Q_SLOTS:
    void initTestCase()
    {
        m_haveSecretTool = !QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty();
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "DBUS_SESSION_BUS_ADDRESS is not set: there is no session bus, so no Secret Service to "
                 "store secrets in. Run this test through tests/testenv.sh (ctest does).");
    }

    void textRoundTrip()
    {
        const QString key = QStringLiteral("user@127.0.0.1:2222");
        const QString secret = QStringLiteral(u"pässwörd with spaces & ünïcode ✓");

        const JobResult w = writeText(key, secret);
        QVERIFY2(w.error == QKeychain::NoError, describe(w).constData());

        const JobResult r = read(key);
        QVERIFY2(r.error == QKeychain::NoError, describe(r).constData());
        QCOMPARE(QString::fromUtf8(r.data), secret);

        const JobResult d = remove(key);
        QVERIFY2(d.error == QKeychain::NoError, describe(d).constData());

        const JobResult gone = read(key);
        QCOMPARE(gone.error, QKeychain::EntryNotFound);
        QVERIFY(gone.data.isEmpty());
    }

    void overwriteReplacesSecret()
    {
        const QString key = QStringLiteral("overwrite@127.0.0.2");
        const JobResult first = writeText(key, QStringLiteral("first"));
        QVERIFY2(first.error == QKeychain::NoError, describe(first).constData());
        const JobResult second = writeText(key, QStringLiteral("second"));
        QVERIFY2(second.error == QKeychain::NoError, describe(second).constData());
        const JobResult r = read(key);
        QVERIFY2(r.error == QKeychain::NoError, describe(r).constData());
        QCOMPARE(r.data, QByteArray("second"));
        QCOMPARE(remove(key).error, QKeychain::NoError);
    }

    void binaryRoundTrip()
    {
        const QString key = QStringLiteral("binary@127.0.0.3");
        QByteArray blob;
        for (int i = 0; i < 256; ++i)
            blob.append(char(i)); // includes NUL bytes, which a C-string secret would cut off
        const JobResult w = writeBinary(key, blob);
        QVERIFY2(w.error == QKeychain::NoError, describe(w).constData());
        const JobResult r = read(key);
        QVERIFY2(r.error == QKeychain::NoError, describe(r).constData());
        QCOMPARE(r.data, blob);
        QCOMPARE(remove(key).error, QKeychain::NoError);
    }

    // Keys are per service: the same key under another service is a different entry.
    void servicesAreSeparate()
    {
        const QString key = QStringLiteral("shared@127.0.0.4");
        const JobResult w = writeText(key, QStringLiteral("ours"));
        QVERIFY2(w.error == QKeychain::NoError, describe(w).constData());

        QKeychain::ReadPasswordJob other(QStringLiteral("chorus-test-other"));
        other.setKey(key);
        QCOMPARE(runJob(&other).error, QKeychain::EntryNotFound);

        QCOMPARE(remove(key).error, QKeychain::NoError);
    }

    // "Forget password" on a host that never had one must not show the user an error.
    void deletingMissingEntryIsHarmless()
    {
        const QString key = QStringLiteral("never-written@127.0.0.5");
        const JobResult d = remove(key);
        QVERIFY2(d.error == QKeychain::NoError, describe(d).constData());
        QCOMPARE(read(key).error, QKeychain::EntryNotFound);
    }

    // What QtKeychain writes really lands in the Secret Service: libsecret's own tool sees it,
    // and stops seeing it after QtKeychain deletes it.
    void secretServiceSeesWhatWeWrite()
    {
        if (!m_haveSecretTool)
            QSKIP("secret-tool (Debian package libsecret-tools) is not installed");
        const QString key = QStringLiteral("crosscheck@127.0.0.6");
        const QString secret = QStringLiteral("visible-to-secret-tool");
        const JobResult w = writeText(key, secret);
        QVERIFY2(w.error == QKeychain::NoError, describe(w).constData());

        const ToolResult found = secretTool(lookupArgs(key));
        QVERIFY2(found.ran, "secret-tool lookup did not finish");
        QVERIFY2(found.exitCode == 0, found.err.constData());
        QCOMPARE(QString::fromUtf8(found.out), secret);

        QCOMPARE(remove(key).error, QKeychain::NoError);
        const ToolResult gone = secretTool(lookupArgs(key));
        QVERIFY2(gone.ran, "secret-tool lookup did not finish");
        QVERIFY(gone.exitCode != 0);
        QVERIFY(gone.out.isEmpty());
    }

    // And the other way round: an entry another Secret Service client stored is readable.
    void readsWhatSecretToolStores()
    {
        if (!m_haveSecretTool)
            QSKIP("secret-tool (Debian package libsecret-tools) is not installed");
        const QString key = QStringLiteral("stored-by-tool@127.0.0.7");
        const ToolResult stored = secretTool({QStringLiteral("store"), QStringLiteral("--label=chorus test"),
                                              QStringLiteral("server"), kService, QStringLiteral("user"), key,
                                              QStringLiteral("type"), QStringLiteral("plaintext")},
                                             QByteArrayLiteral("from-secret-tool"));
        QVERIFY2(stored.ran, "secret-tool store did not finish");
        QVERIFY2(stored.exitCode == 0, stored.err.constData());

        const JobResult r = read(key);
        QVERIFY2(r.error == QKeychain::NoError, describe(r).constData());
        QCOMPARE(r.data, QByteArray("from-secret-tool"));
        QCOMPARE(remove(key).error, QKeychain::NoError);
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
