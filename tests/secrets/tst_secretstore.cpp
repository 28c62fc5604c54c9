#include "model/profiles/hostmodel.h"
#include "model/profiles/profile.h"
#include "model/profiles/profilestore.h"
#include "model/secrets/secretstore.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Chorus;
using namespace Qt::StringLiterals;

// Secrets go through the real Secret Service (the gnome-keyring testenv.sh starts on a private bus),
// are cross-checked with libsecret's secret-tool, and are looked for, byte for byte, in every file
// under HOME afterwards. The "no keychain" case runs this same program as a child whose
// DBUS_SESSION_BUS_ADDRESS names a socket that does not exist: a session without any keychain.

namespace {

constexpr int kTimeoutMs = 15000;
const char kChildVariable[] = "CHORUS_SECRETSTORE_CHILD";

SecretStore::Result await(const std::function<int(SecretStore::Callback)> &start)
{
    auto result = std::make_shared<std::optional<SecretStore::Result>>();
    start([result](const SecretStore::Result &r) { *result = r; });
    if (!QTest::qWaitFor([&] { return result->has_value(); }, kTimeoutMs)) {
        SecretStore::Result timedOut;
        timedOut.error = u"no answer within %1 ms"_s.arg(kTimeoutMs);
        return timedOut;
    }
    return **result;
}

QByteArray describe(const SecretStore::Result &r)
{
    return u"status %1: %2. Is a Secret Service (gnome-keyring) running? Run through tests/testenv.sh "
           "(ctest does)."_s.arg(int(r.status))
               .arg(r.error)
               .toUtf8();
}

// Files under root holding needle, as UTF-8 or UTF-16 (QSettings and friends write either).
QStringList filesContaining(const QString &root, const QString &needle)
{
    QStringList found;
    const QByteArray utf8 = needle.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char *>(needle.utf16()), needle.size() * 2);
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue; // sockets and the like
        const QByteArray data = f.readAll();
        if (data.contains(utf8) || data.contains(utf16))
            found.append(path);
    }
    return found;
}

int countFiles(const QString &root)
{
    int n = 0;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

// The child: one profile's password written and read with no keychain, first plainly, then with the
// session fallback the user may opt into. Prints one JSON object.
int childMain(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"chorus"_s);
    QCoreApplication::setApplicationName(u"chorus"_s);
    const QUuid id = QUuid::fromString(qEnvironmentVariable("CHORUS_CHILD_PROFILE"));
    const QString secret = qEnvironmentVariable("CHORUS_CHILD_SECRET");
    SecretStore store;
    QJsonObject out;
    QString why;
    out.insert(u"probe"_s, SecretStore::probeBackend(&why));
    out.insert(u"probeWhy"_s, why);
    auto record = [&out](const QString &name, const SecretStore::Result &r) {
        out.insert(name + u"Status"_s, int(r.status));
        out.insert(name + u"Error"_s, r.error);
        out.insert(name + u"SessionOnly"_s, r.sessionOnly);
        out.insert(name + u"Matches"_s, !r.secret.isEmpty());
    };
    record(u"write"_s,
           await([&](auto done) { return store.write(id, SecretStore::Kind::Password, secret, done); }));
    record(u"read"_s, await([&](auto done) { return store.read(id, SecretStore::Kind::Password, done); }));
    store.setSessionFallback(true);
    record(u"sessionWrite"_s,
           await([&](auto done) { return store.write(id, SecretStore::Kind::Password, secret, done); }));
    const SecretStore::Result back =
        await([&](auto done) { return store.read(id, SecretStore::Kind::Password, done); });
    record(u"sessionRead"_s, back);
    out.insert(u"sessionReadMatches"_s, back.secret == secret);
    // Settings are written the way the app writes them, so a fallback into them would show.
    QSettings().setValue(u"probe"_s, 1);
    QSettings().sync();
    const QByteArray json = QJsonDocument(out).toJson(QJsonDocument::Compact);
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    return 0;
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT

    QString m_service = u"chorus-test-secretstore"_s;

    static QByteArray secretToolLookup(const QString &service, const QString &key, int *exitCode)
    {
        QProcess p;
        p.start(u"secret-tool"_s, {u"lookup"_s, u"server"_s, service, u"user"_s, key});
        if (!p.waitForFinished(kTimeoutMs)) {
            *exitCode = -1;
            return {};
        }
        *exitCode = p.exitCode();
        return p.readAllStandardOutput();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "no session bus: run this test through tests/testenv.sh (ctest does)");
        QString why;
        QVERIFY2(SecretStore::probeBackend(&why), qPrintable(why));
    }

    void keysComeFromProfileAndKind()
    {
        const QUuid id = QUuid::fromString(u"{6f1c2a52-6c1e-4d0e-9a59-2d1b8f0e4a11}"_s);
        QCOMPARE(SecretStore::keyFor(id, SecretStore::Kind::Password),
                 u"6f1c2a52-6c1e-4d0e-9a59-2d1b8f0e4a11/password"_s);
        QCOMPARE(SecretStore::keyFor(id, SecretStore::Kind::KeyPassphrase),
                 u"6f1c2a52-6c1e-4d0e-9a59-2d1b8f0e4a11/key-passphrase"_s);
        QCOMPARE(SecretStore::keyFor(id, SecretStore::Kind::SudoPassword),
                 u"6f1c2a52-6c1e-4d0e-9a59-2d1b8f0e4a11/sudo-password"_s);
        QCOMPARE(SecretStore::defaultService(), u"chorus"_s);
    }

    void roundTripEveryKind()
    {
        SecretStore store(nullptr, m_service);
        const QUuid id = QUuid::createUuid();
        const QList<SecretStore::Kind> kinds{SecretStore::Kind::Password, SecretStore::Kind::KeyPassphrase,
                                             SecretStore::Kind::SudoPassword};
        for (SecretStore::Kind kind : kinds) {
            const QString secret = u"s3cret ✓ %1"_s.arg(SecretStore::kindName(kind));
            const SecretStore::Result w =
                await([&](auto done) { return store.write(id, kind, secret, done); });
            QVERIFY2(w.status == SecretStore::Status::Ok, describe(w).constData());
            QVERIFY(!w.sessionOnly);
        }
        // Each kind is its own entry.
        for (SecretStore::Kind kind : kinds) {
            const SecretStore::Result r = await([&](auto done) { return store.read(id, kind, done); });
            QVERIFY2(r.status == SecretStore::Status::Ok, describe(r).constData());
            QCOMPARE(r.secret, u"s3cret ✓ %1"_s.arg(SecretStore::kindName(kind)));
            QCOMPARE(r.profile, id);
            QCOMPARE(r.kind, kind);
        }
        // Overwriting replaces.
        await([&](auto done) { return store.write(id, SecretStore::Kind::Password, u"second"_s, done); });
        QCOMPARE(await([&](auto done) { return store.read(id, SecretStore::Kind::Password, done); }).secret,
                 u"second"_s);

        const SecretStore::Result all = await([&](auto done) { return store.removeAll(id, done); });
        QVERIFY2(all.status == SecretStore::Status::Ok, describe(all).constData());
        for (SecretStore::Kind kind : kinds)
            QCOMPARE(await([&](auto done) { return store.read(id, kind, done); }).status,
                     SecretStore::Status::NotFound);
        // Removing what is not there is not an error ("forget password" on a host that had none).
        QCOMPARE(await([&](auto done) { return store.remove(id, SecretStore::Kind::Password, done); }).status,
                 SecretStore::Status::Ok);
    }

    void answersAreAsynchronousAndSignalled()
    {
        SecretStore store(nullptr, m_service);
        QSignalSpy finished(&store, &SecretStore::finished);
        const int request = store.read(QUuid::createUuid(), SecretStore::Kind::Password);
        QCOMPARE(finished.count(), 0); // never from inside the call
        QVERIFY(finished.wait(kTimeoutMs));
        const auto result = finished.first().first().value<SecretStore::Result>();
        QCOMPARE(result.request, request);
        QCOMPARE(result.operation, SecretStore::Operation::Read);
        QCOMPARE(result.status, SecretStore::Status::NotFound);
    }

    // Entries are where other Secret Service clients find them: service "chorus", key id/kind.
    void secretServiceSeesEntries()
    {
        if (QStandardPaths::findExecutable(u"secret-tool"_s).isEmpty())
            QSKIP("secret-tool (Debian package libsecret-tools) is not installed");
        SecretStore store; // the real service name
        const QUuid id = QUuid::createUuid();
        const SecretStore::Result w = await(
            [&](auto done) { return store.write(id, SecretStore::Kind::SudoPassword, u"visible"_s, done); });
        QVERIFY2(w.status == SecretStore::Status::Ok, describe(w).constData());
        int exitCode = -1;
        const QByteArray found = secretToolLookup(
            u"chorus"_s, SecretStore::keyFor(id, SecretStore::Kind::SudoPassword), &exitCode);
        QCOMPARE(exitCode, 0);
        QCOMPARE(found, QByteArray("visible"));
        await([&](auto done) { return store.removeAll(id, done); });
        secretToolLookup(u"chorus"_s, SecretStore::keyFor(id, SecretStore::Kind::SudoPassword), &exitCode);
        QVERIFY(exitCode != 0);
    }

    void deletingProfilesDeletesTheirSecrets()
    {
        SecretStore store(nullptr, m_service);
        HostModel model;
        store.forgetRemovedProfiles(&model);
        Profile doomed = Profile::create();
        doomed.name = u"doomed"_s;
        doomed.hostname = u"127.0.0.2"_s;
        doomed.group = u"g"_s;
        Profile kept = doomed;
        kept.id = QUuid::createUuid();
        kept.name = u"kept"_s;
        model.addProfile(doomed);
        model.addProfile(kept);
        for (const QUuid &id : {doomed.id, kept.id}) {
            for (SecretStore::Kind kind : {SecretStore::Kind::Password, SecretStore::Kind::KeyPassphrase}) {
                const SecretStore::Result w =
                    await([&](auto done) { return store.write(id, kind, u"x"_s, done); });
                QVERIFY2(w.status == SecretStore::Status::Ok, describe(w).constData());
            }
        }
        QSignalSpy finished(&store, &SecretStore::finished);
        model.remove({model.indexOf(doomed.id)});
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeoutMs);
        for (SecretStore::Kind kind : {SecretStore::Kind::Password, SecretStore::Kind::KeyPassphrase}) {
            QCOMPARE(await([&](auto done) { return store.read(doomed.id, kind, done); }).status,
                     SecretStore::Status::NotFound);
            QCOMPARE(await([&](auto done) { return store.read(kept.id, kind, done); }).status,
                     SecretStore::Status::Ok);
        }
        await([&](auto done) { return store.removeAll(kept.id, done); });
    }

    // Nothing Chorus writes holds a secret: profiles.json, its backup, an export, the settings file,
    // nor anything else under HOME (gnome-keyring's own file is encrypted).
    void noSecretInAnyFile()
    {
        QCoreApplication::setOrganizationName(u"chorus"_s);
        QCoreApplication::setApplicationName(u"chorus"_s);
        const QString home = QDir::homePath();
        QVERIFY2(home.contains(u"chorus-test"_s), "HOME is not testenv.sh's throwaway one; not scanning it");
        const QString secret = u"Zq9-%1"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces));

        SecretStore store;
        Profile p = Profile::create();
        p.name = u"with password"_s;
        p.hostname = u"127.0.0.3"_s;
        p.auth = AuthMethod::Password;
        p.useSudo = true;
        for (SecretStore::Kind kind : {SecretStore::Kind::Password, SecretStore::Kind::SudoPassword}) {
            const SecretStore::Result w =
                await([&](auto done) { return store.write(p.id, kind, secret, done); });
            QVERIFY2(w.status == SecretStore::Status::Ok, describe(w).constData());
        }
        ProfileStore profiles;
        QVERIFY(profiles.path().startsWith(home));
        profiles.load();
        profiles.setProfiles({p}, {});
        QVERIFY(profiles.save());
        p.notes = u"saved twice, so there is a backup"_s;
        profiles.setProfiles({p}, {});
        QVERIFY(profiles.save());
        QVERIFY(QFile::exists(profiles.backupPath()));
        QString error;
        QVERIFY2(profiles.exportTo(home + u"/export.json"_s, &error), qPrintable(error));
        QSettings settings;
        settings.setValue(u"lastHost"_s, p.id.toString());
        settings.sync();
        QVERIFY(QFile::exists(settings.fileName()));

        // The secret is in the keychain, readable...
        QCOMPARE(await([&](auto done) { return store.read(p.id, SecretStore::Kind::Password, done); }).secret,
                 secret);
        // ...and in no file.
        QVERIFY(countFiles(home) >= 4);
        const QStringList leaks = filesContaining(home, secret);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u", "_s)));
        await([&](auto done) { return store.removeAll(p.id, done); });
    }

    // QtKeychain picks its backend by desktop: libsecret on most, KWallet on KDE. Its plain-text
    // fallback (which must stay off) lives on the KWallet path, so both are run.
    void noKeychainIsClearAndNeverPlainText_data()
    {
        QTest::addColumn<QString>("desktop");
        QTest::addColumn<QString>("kdeVersion");
        QTest::newRow("generic desktop: libsecret") << u"X-Generic"_s << QString();
        QTest::newRow("KDE: KWallet") << u"KDE"_s << u"4"_s;
    }

    void noKeychainIsClearAndNeverPlainText()
    {
        QFETCH(QString, desktop);
        QFETCH(QString, kdeVersion);
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString secret = u"Nb7-%1"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kChildVariable), u"1"_s);
        env.insert(u"CHORUS_CHILD_PROFILE"_s, QUuid::createUuid().toString());
        env.insert(u"CHORUS_CHILD_SECRET"_s, secret);
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + home.path() + u"/no-such-bus"_s);
        env.insert(u"HOME"_s, home.path());
        env.insert(u"XDG_CONFIG_HOME"_s, home.path() + u"/.config"_s);
        env.insert(u"XDG_DATA_HOME"_s, home.path() + u"/.local/share"_s);
        env.insert(u"XDG_CACHE_HOME"_s, home.path() + u"/.cache"_s);
        env.insert(u"XDG_CURRENT_DESKTOP"_s, desktop);
        if (kdeVersion.isEmpty())
            env.remove(u"KDE_SESSION_VERSION"_s);
        else
            env.insert(u"KDE_SESSION_VERSION"_s, kdeVersion);
        QProcess child;
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(60000));
        const QByteArray stderrText = child.readAllStandardError();
        QCOMPARE(child.exitCode(), 0);
        const QJsonObject r = QJsonDocument::fromJson(child.readAllStandardOutput()).object();
        QVERIFY2(!r.isEmpty(), stderrText.constData());

        QVERIFY(!r.value(u"probe"_s).toBool());
        QCOMPARE(r.value(u"writeStatus"_s).toInt(), int(SecretStore::Status::NoBackend));
        const QString message = r.value(u"writeError"_s).toString();
        QVERIFY2(message.contains(u"No keychain"_s) && message.contains(u"D-Bus"_s), qPrintable(message));
        QCOMPARE(r.value(u"readStatus"_s).toInt(), int(SecretStore::Status::NoBackend));
        // Opted in: this session only, from memory.
        QCOMPARE(r.value(u"sessionWriteStatus"_s).toInt(), int(SecretStore::Status::Ok));
        QVERIFY(r.value(u"sessionWriteSessionOnly"_s).toBool());
        QVERIFY(r.value(u"sessionReadSessionOnly"_s).toBool());
        QVERIFY(r.value(u"sessionReadMatches"_s).toBool());
        // QtKeychain's insecure fallback would have put it in the settings file: it did not.
        QVERIFY2(countFiles(home.path()) >= 1, "the child wrote no settings file, so the scan proves little");
        const QStringList leaks = filesContaining(home.path(), secret);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u", "_s)));
    }
};

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet(kChildVariable))
        return childMain(argc, argv);
    QCoreApplication app(argc, argv);
    TestSecretStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretstore.moc"
