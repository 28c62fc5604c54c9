#include "model/profiles/profile.h"
#include "model/profiles/profileimporter.h"
#include "model/profiles/profilestore.h"
#include "model/ssh/sshconfig.h"
#include "model/ssh/targetresolver.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstring>
#include <linux/capability.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace Chorus;
using namespace Qt::StringLiterals;

namespace {

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

void writeBytes(const QString &path, const QByteArray &data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    f.write(data);
}

Profile makeProfile(int i, const QString &group = {})
{
    Profile p = Profile::create();
    p.name = u"host%1"_s.arg(i);
    p.hostname = u"127.0.%1.%2"_s.arg(i / 250).arg(i % 250 + 1);
    p.port = quint16(2200 + i % 50);
    p.user = u"user%1"_s.arg(i % 7);
    p.group = group;
    p.tags = {u"rack%1"_s.arg(i % 10)};
    return p;
}

// As root, file modes do not stop anyone: the capabilities that bypass them are dropped from this
// thread's effective set for the scope (they stay permitted, so they come back afterwards). As any
// other user there is nothing to drop and modes apply as they are.
class FileModesApply
{
public:
    FileModesApply()
    {
        if (geteuid() != 0) {
            m_ok = true;
            return;
        }
        __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
        if (syscall(SYS_capget, &header, m_saved) != 0)
            return;
        __user_cap_data_struct reduced[2];
        std::memcpy(reduced, m_saved, sizeof reduced);
        for (const int cap : {CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH})
            reduced[cap / 32].effective &= ~(1u << (cap % 32));
        m_ok = m_dropped = syscall(SYS_capset, &header, reduced) == 0;
    }
    ~FileModesApply()
    {
        if (m_dropped) {
            __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
            syscall(SYS_capset, &header, m_saved);
        }
    }
    bool ok() const { return m_ok; }

private:
    __user_cap_data_struct m_saved[2] = {};
    bool m_ok = false;
    bool m_dropped = false;
};

// A full disk, as the kernel reports it to a process over its file size limit: writes past the limit
// fail (EFBIG) instead of raising SIGXFSZ, which is ignored for the scope. Works for root too.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        getrlimit(RLIMIT_FSIZE, &m_old);
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        m_ok = setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    bool ok() const { return m_ok; }

private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = nullptr;
    bool m_ok = false;
};

} // namespace

class TestProfiles : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString path() const { return m_dir->path() + u"/chorus/profiles.json"_s; }
    QString dir() const { return m_dir->path() + u"/chorus"_s; }

    // Files in the config folder other than the ones named: what a failed save may have left behind.
    QStringList strayFiles(const QStringList &expected) const
    {
        QStringList stray;
        for (const QString &name : QDir(dir()).entryList(QDir::Files | QDir::Hidden)) {
            if (!expected.contains(name))
                stray.append(name);
        }
        return stray;
    }

    ProfileStore::Contents sampleContents(int count = 3) const
    {
        ProfileStore::Contents c;
        for (int i = 0; i < count; ++i)
            c.profiles.append(makeProfile(i, i % 2 ? u"prod/web"_s : u"prod/db"_s));
        c.groups = {u"empty/nested"_s};
        return c;
    }

    void saveSample(const ProfileStore::Contents &contents)
    {
        ProfileStore store(path());
        store.load();
        store.setContents(contents);
        QString error;
        QVERIFY2(store.save(&error), qPrintable(error));
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QDir().mkpath(dir());
    }

    void cleanup()
    {
        QFile::setPermissions(dir(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        m_dir.reset();
    }

    void profileJsonRoundTrip()
    {
        Profile p = Profile::create();
        p.name = u"db primary"_s;
        p.hostname = u"127.0.0.9"_s;
        p.port = 2222;
        p.user = u"postgres"_s;
        p.auth = AuthMethod::KeyFile;
        p.keyFile = u"~/.ssh/id_db"_s;
        p.jumpHost = u"jump@127.0.0.1:2200"_s;
        p.tags = {u"db"_s, u"primary"_s};
        p.group = u"prod/db"_s;
        p.notes = u"Backups at 02:00 — ünïcode ✓"_s;
        p.useSudo = true;
        p.connectTimeoutMs = 2500;
        p.hostKeyPolicy = HostKeyPolicy::AcceptNew;
        p.jumpHandshakes = 5;
        p.extra.insert(u"futureField"_s, QJsonObject{{u"nested"_s, 1}});

        Profile back;
        QString error;
        QVERIFY2(Profile::fromJson(p.toJson(), &back, &error), qPrintable(error));
        QCOMPARE(back, p);

        // Bad values are refused, not guessed at.
        QJsonObject bad = p.toJson();
        bad.insert(u"port"_s, 70000);
        QVERIFY(!Profile::fromJson(bad, &back, &error));
        QVERIFY2(error.contains(u"port"_s), qPrintable(error));
        bad = p.toJson();
        bad.insert(u"auth"_s, u"telepathy"_s);
        QVERIFY(!Profile::fromJson(bad, &back, &error));
        bad = p.toJson();
        bad.remove(u"id"_s);
        QVERIFY(!Profile::fromJson(bad, &back, &error));
        bad = p.toJson();
        bad.insert(u"jumpHandshakes"_s, 0);
        QVERIFY(!Profile::fromJson(bad, &back, &error));
        QVERIFY2(error.contains(u"jumpHandshakes"_s), qPrintable(error));
    }

    void groupAndTagSpelling()
    {
        QCOMPARE(Profile::normalizeGroup(u" / prod // web / "_s), u"prod/web"_s);
        QCOMPARE(Profile::normalizeTags({u" db "_s, u"DB"_s, u""_s, u"web"_s}),
                 (QStringList{u"db"_s, u"web"_s}));
    }

    void saveLoadRoundTrip()
    {
        const ProfileStore::Contents contents = sampleContents();
        saveSample(contents);

        ProfileStore again(path());
        QCOMPARE(again.load(), ProfileStore::LoadResult::Loaded);
        QCOMPARE(again.profiles(), contents.profiles);
        for (const QString &g : {u"prod"_s, u"prod/web"_s, u"prod/db"_s, u"empty"_s, u"empty/nested"_s})
            QVERIFY2(again.contents().groups.contains(g), qPrintable(g));
        // Host lists name internal machines: owner only.
        QCOMPARE(QFileInfo(path()).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        QCOMPARE(QJsonDocument::fromJson(readBytes(path())).object().value(u"schema"_s).toInt(),
                 ProfileStore::SchemaVersion);
    }

    // A file from a newer Chorus with the same schema may carry fields we do not know; they survive.
    void unknownFieldsSurvive()
    {
        Profile p = makeProfile(1);
        QJsonObject profile = p.toJson();
        profile.insert(u"colour"_s, u"teal"_s);
        profile.insert(u"checks"_s, QJsonArray{1, 2, 3});
        const QJsonObject file{{u"schema"_s, 1},
                               {u"profiles"_s, QJsonArray{profile}},
                               {u"layout"_s, QJsonObject{{u"split"_s, 0.5}}}};
        writeBytes(path(), QJsonDocument(file).toJson());

        ProfileStore store(path());
        QCOMPARE(store.load(), ProfileStore::LoadResult::Loaded);
        QList<Profile> profiles = store.profiles();
        profiles[0].notes = u"edited"_s;
        store.setProfiles(profiles, {});
        QVERIFY(store.save());

        const QJsonObject saved = QJsonDocument::fromJson(readBytes(path())).object();
        QCOMPARE(saved.value(u"layout"_s).toObject().value(u"split"_s).toDouble(), 0.5);
        const QJsonObject savedProfile = saved.value(u"profiles"_s).toArray().at(0).toObject();
        QCOMPARE(savedProfile.value(u"colour"_s).toString(), u"teal"_s);
        QCOMPARE(savedProfile.value(u"checks"_s).toArray().size(), 3);
        QCOMPARE(savedProfile.value(u"notes"_s).toString(), u"edited"_s);
    }

    void saveKeepsPreviousAsBackup()
    {
        ProfileStore::Contents first = sampleContents(2);
        saveSample(first);
        const QByteArray firstBytes = readBytes(path());

        ProfileStore store(path());
        store.load();
        ProfileStore::Contents second = first;
        second.profiles.append(makeProfile(99));
        store.setContents(second);
        QVERIFY(store.save());
        QCOMPARE(readBytes(path() + u".bak"_s), firstBytes);
        ProfileStore check(path());
        check.load();
        QCOMPARE(check.profiles().size(), 3);
        QVERIFY(strayFiles({u"profiles.json"_s, u"profiles.json.bak"_s}).isEmpty());
    }

    void badFileIsKeptAside_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("withBackup");

        const QByteArray good = ProfileStore::serialize(sampleContents(4));
        const QByteArray newer = QByteArray(good).replace("\"schema\": 1", "\"schema\": 7");
        QVERIFY(newer != good);
        for (const bool backup : {true, false}) {
            const char *suffix = backup ? " with backup" : " without backup";
            QTest::addRow("corrupt%s", suffix)
                << QByteArray("\x89PNG\r\n garbage {{{") << u"corrupt"_s << u"not valid JSON"_s << backup;
            QTest::addRow("truncated%s", suffix)
                << good.left(good.size() / 2) << u"corrupt"_s << u"not valid JSON"_s << backup;
            QTest::addRow("empty%s", suffix) << QByteArray() << u"corrupt"_s << u"empty"_s << backup;
            QTest::addRow("future version%s", suffix) << newer << u"newer"_s << u"newer version"_s << backup;
            QTest::addRow("wrong types%s", suffix)
                << QByteArray(R"({"schema": 1, "profiles": [{"id": "not-a-uuid", "hostname": 5}]})")
                << u"corrupt"_s << u"profile 1"_s << backup;
        }
    }

    void badFileIsKeptAside()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, kind);
        QFETCH(QString, reason);
        QFETCH(bool, withBackup);

        const ProfileStore::Contents backup = sampleContents(2);
        if (withBackup)
            writeBytes(path() + u".bak"_s, ProfileStore::serialize(backup));
        writeBytes(path(), bytes);

        ProfileStore store(path());
        QString notice;
        const ProfileStore::LoadResult result = store.load(&notice);
        QCOMPARE(result, withBackup ? ProfileStore::LoadResult::RestoredFromBackup
                                    : ProfileStore::LoadResult::StartedEmpty);
        QCOMPARE(store.profiles(), withBackup ? backup.profiles : QList<Profile>());

        // The bad file is untouched under a dated name, and the notice says where.
        const QStringList aside = QDir(dir()).entryList({u"profiles.json.%1-*"_s.arg(kind)}, QDir::Files);
        QCOMPARE(aside.size(), 1);
        QVERIFY2(QRegularExpression(u"^profiles\\.json\\.%1-\\d{8}-\\d{6}$"_s.arg(kind))
                     .match(aside.first())
                     .hasMatch(),
                 qPrintable(aside.first()));
        const QString asidePath = dir() + u'/' + aside.first();
        QCOMPARE(readBytes(asidePath), bytes);
        QVERIFY2(notice.contains(QDir::toNativeSeparators(asidePath)), qPrintable(notice));
        QVERIFY2(notice.contains(reason), qPrintable(notice));
        QVERIFY2(notice.contains(withBackup ? u"backup"_s : u"starts empty"_s), qPrintable(notice));
        QVERIFY(!QFileInfo::exists(path()));

        // Saving goes on, and never touches the file kept aside.
        QVERIFY(store.canSave());
        QList<Profile> profiles = store.profiles();
        profiles.append(makeProfile(42));
        store.setProfiles(profiles, {});
        QString error;
        QVERIFY2(store.save(&error), qPrintable(error));
        QCOMPARE(readBytes(asidePath), bytes);
        if (withBackup)
            QCOMPARE(readBytes(path() + u".bak"_s), ProfileStore::serialize(backup));
        ProfileStore reread(path());
        QCOMPARE(reread.load(), ProfileStore::LoadResult::Loaded);
        QCOMPARE(reread.profiles().size(), profiles.size());
    }

    void unreadableFileIsKeptAside()
    {
        saveSample(sampleContents(2));
        const QByteArray bytes = readBytes(path());
        QVERIFY(QFile::setPermissions(path(), QFileDevice::Permissions()));
        ProfileStore store(path());
        QString notice;
        {
            const FileModesApply modes;
            if (!modes.ok())
                QSKIP("running as root without permission to drop CAP_DAC_OVERRIDE; modes cannot be tested");
            QCOMPARE(store.load(&notice), ProfileStore::LoadResult::StartedEmpty);
        }
        QVERIFY2(notice.contains(u"cannot be read"_s), qPrintable(notice));
        const QStringList aside = QDir(dir()).entryList({u"profiles.json.unreadable-*"_s}, QDir::Files);
        QCOMPARE(aside.size(), 1);
        QFile::setPermissions(dir() + u'/' + aside.first(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(readBytes(dir() + u'/' + aside.first()), bytes);
    }

    // Readers such as `chorus run -w @group` must not move the user's files around.
    void readOnlyLoadLeavesBadFileInPlace()
    {
        writeBytes(path(), "{ truncated");
        ProfileStore store(path());
        QString notice;
        QCOMPARE(store.load(&notice, ProfileStore::LoadMode::ReadOnly),
                 ProfileStore::LoadResult::StartedEmpty);
        QCOMPARE(readBytes(path()), QByteArray("{ truncated"));
        QVERIFY(strayFiles({u"profiles.json"_s}).isEmpty());
        QVERIFY(!store.canSave());
        QString error;
        QVERIFY(!store.save(&error));
        QCOMPARE(readBytes(path()), QByteArray("{ truncated"));
    }

    void missingFileWithBackupRestores()
    {
        const ProfileStore::Contents backup = sampleContents(2);
        writeBytes(path() + u".bak"_s, ProfileStore::serialize(backup));
        ProfileStore store(path());
        QString notice;
        QCOMPARE(store.load(&notice), ProfileStore::LoadResult::RestoredFromBackup);
        QCOMPARE(store.profiles(), backup.profiles);
        QVERIFY2(notice.contains(u"missing"_s), qPrintable(notice));
    }

    void noFileIsEmptyAndQuiet()
    {
        ProfileStore store(path());
        QString notice;
        QCOMPARE(store.load(&notice), ProfileStore::LoadResult::NoFile);
        QVERIFY(notice.isEmpty());
        QVERIFY(store.profiles().isEmpty());
    }

    // Disk full: the kernel refuses writes past RLIMIT_FSIZE (EFBIG), for root as for anyone.
    void diskFullLeavesFilesIntact()
    {
        saveSample(sampleContents(1));
        const QByteArray before = readBytes(path());
        QVERIFY(before.size() < 4096);

        ProfileStore store(path());
        QCOMPARE(store.load(), ProfileStore::LoadResult::Loaded);
        store.setContents(sampleContents(2000)); // far more than the limit below
        QString error;
        bool saved = true;
        {
            const FileSizeLimit limit(8192); // the small backup fits, the new file does not
            QVERIFY(limit.ok());
            saved = store.save(&error);
        }
        QVERIFY(!saved);
        QVERIFY2(error.contains(QDir::toNativeSeparators(path())) && error.contains(u"unchanged"_s),
                 qPrintable(error));
        QVERIFY2(error.contains(u"large"_s, Qt::CaseInsensitive) ||
                     error.contains(u"space"_s, Qt::CaseInsensitive),
                 qPrintable(error));
        QCOMPARE(readBytes(path()), before);
        QVERIFY(strayFiles({u"profiles.json"_s, u"profiles.json.bak"_s}).isEmpty());

        // Once there is room again the same store saves.
        QVERIFY2(store.save(&error), qPrintable(error));
        QCOMPARE(readBytes(path() + u".bak"_s), before);
    }

    void readOnlyFolderLeavesFilesIntact()
    {
        saveSample(sampleContents(2));
        const QByteArray before = readBytes(path());
        ProfileStore store(path());
        QCOMPARE(store.load(), ProfileStore::LoadResult::Loaded);
        store.setContents(sampleContents(5));
        QVERIFY(QFile::setPermissions(dir(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        QString error;
        bool saved = true;
        {
            const FileModesApply modes;
            if (!modes.ok())
                QSKIP("running as root without permission to drop CAP_DAC_OVERRIDE; modes cannot be tested");
            saved = store.save(&error);
        }
        QFile::setPermissions(dir(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY(!saved);
        QVERIFY2(error.contains(u"unchanged"_s), qPrintable(error));
        QCOMPARE(readBytes(path()), before);
        QVERIFY(strayFiles({u"profiles.json"_s}).isEmpty());
    }

    // Two editors (the GUI and `chorus hosts`) must not silently undo each other.
    void concurrentChangeIsNotOverwritten()
    {
        saveSample(sampleContents(2));
        ProfileStore gui(path());
        gui.load();
        ProfileStore cli(path());
        cli.load();
        QList<Profile> cliProfiles = cli.profiles();
        cliProfiles.append(makeProfile(7));
        cli.setProfiles(cliProfiles, {});
        QVERIFY(cli.save());
        const QByteArray afterCli = readBytes(path());

        gui.setProfiles({}, {});
        QString error;
        QVERIFY(!gui.save(&error));
        QVERIFY2(error.contains(u"another program"_s), qPrintable(error));
        QCOMPARE(readBytes(path()), afterCli);
        // After loading again the change goes through.
        gui.load();
        gui.setProfiles({}, {});
        QVERIFY(gui.save());
    }

    void exportAndImportWholeSet()
    {
        ProfileStore store(path());
        store.load();
        store.setContents(sampleContents(5));
        const QString exported = m_dir->path() + u"/export.json"_s;
        QString error;
        QVERIFY2(store.exportTo(exported, &error), qPrintable(error));

        ProfileStore::Contents back;
        QVERIFY2(ProfileStore::readFile(exported, &back, &error), qPrintable(error));
        QCOMPARE(back.profiles, store.profiles());

        ProfileImporter::Format format;
        QVERIFY(ProfileImporter::guessFormat(exported, &format));
        QCOMPARE(format, ProfileImporter::Format::Chorus);
        const ProfileImporter::Result imported = ProfileImporter::importFile(exported, format);
        QVERIFY(imported.problems.isEmpty());
        QCOMPARE(imported.profiles.size(), 5);
        // Imported copies are new profiles: they must not share ids (and so keychain entries).
        QVERIFY(imported.profiles.first().id != store.profiles().first().id);
        QCOMPARE(imported.profiles.first().address(), store.profiles().first().address());

        writeBytes(exported, "not json");
        QVERIFY(!ProfileStore::readFile(exported, &back, &error));
        QVERIFY2(error.contains(u"export.json"_s), qPrintable(error));
    }

    // The demo renames the organisation; its profiles must then live somewhere else.
    void defaultPathFollowsOrganization()
    {
        const QString oldOrg = QCoreApplication::organizationName();
        const QString oldApp = QCoreApplication::applicationName();
        qputenv("XDG_CONFIG_HOME", m_dir->path().toUtf8());
        QCoreApplication::setApplicationName(u"chorus"_s);
        QCoreApplication::setOrganizationName(u"chorus"_s);
        const QString normal = ProfileStore::defaultPath();
        QCoreApplication::setOrganizationName(u"chorus-demo"_s);
        const QString demo = ProfileStore::defaultPath();
        QCoreApplication::setOrganizationName(oldOrg);
        QCoreApplication::setApplicationName(oldApp);
        qunsetenv("XDG_CONFIG_HOME");
        QCOMPARE(normal, m_dir->path() + u"/chorus/chorus/profiles.json"_s);
        QCOMPARE(demo, m_dir->path() + u"/chorus-demo/chorus/profiles.json"_s);
    }

    void resolverExpressions()
    {
        QList<Profile> ps;
        auto add = [&ps](const QString &name, const QString &group, const QStringList &tags = {}) {
            Profile p = Profile::create();
            p.name = name;
            p.hostname = u"127.0.0.%1"_s.arg(ps.size() + 1);
            p.group = group;
            p.tags = tags;
            ps.append(p);
            return p;
        };
        add(u"w1"_s, u"prod/web"_s, {u"linux"_s});
        add(u"w2"_s, u"prod/web/canary"_s);
        add(u"d1"_s, u"prod/db"_s, {u"Linux"_s, u"db"_s});
        add(u"s1"_s, u"staging/web"_s);
        add(u"loose"_s, QString());
        add(u"twin"_s, QString());
        add(u"twin"_s, QString());
        const TargetResolver r(ps, {u"empty"_s});

        auto names = [&r](const QString &expression, QString *error = nullptr) {
            QList<Profile> found;
            QString why;
            QStringList out;
            if (!r.match(expression, &found, &why)) {
                if (error)
                    *error = why;
                return QStringList{u"ERROR"_s};
            }
            for (const Profile &p : std::as_const(found))
                out.append(p.name);
            return out;
        };
        QCOMPARE(names(u"@prod"_s), (QStringList{u"w1"_s, u"w2"_s, u"d1"_s}));
        QCOMPARE(names(u"@prod/web"_s), (QStringList{u"w1"_s, u"w2"_s}));
        QCOMPARE(names(u"@canary"_s), (QStringList{u"w2"_s})); // unique last part
        QCOMPARE(names(u"@tag:linux"_s), (QStringList{u"w1"_s, u"d1"_s}));
        QCOMPARE(names(u"@empty"_s), QStringList());
        QCOMPARE(names(u"@*"_s).size(), ps.size());
        QCOMPARE(names(u"loose"_s), (QStringList{u"loose"_s}));
        QCOMPARE(names(ps.at(3).id.toString()), (QStringList{u"s1"_s}));
        QString error;
        QCOMPARE(names(u"@web"_s, &error), QStringList{u"ERROR"_s});
        QVERIFY2(error.contains(u"prod/web"_s) && error.contains(u"staging/web"_s), qPrintable(error));
        QCOMPARE(names(u"@nope"_s, &error), QStringList{u"ERROR"_s});
        QVERIFY2(error.contains(u"no group"_s), qPrintable(error));
        QCOMPARE(names(u"twin"_s, &error), QStringList{u"ERROR"_s});
        QVERIFY2(error.contains(u"use an id"_s), qPrintable(error));
        QCOMPARE(names(u"ghost"_s, &error), QStringList{u"ERROR"_s});
    }

    void resolverTargets()
    {
        // An ssh_config fills what profiles leave open; the profile's own values win.
        const QString config = m_dir->path() + u"/ssh_config"_s;
        writeBytes(config, "Host *\n    User fromconfig\n    ConnectTimeout 7\n");
        QFile::setPermissions(config, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QStringList warnings;
        const SshConfig ssh = SshConfig::load(config, &warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));

        Profile outer = Profile::create();
        outer.name = u"outer"_s;
        outer.hostname = u"127.0.0.2"_s;
        outer.user = u"gate"_s;
        outer.port = 2200;
        outer.jumpHandshakes = 4;
        Profile inner = Profile::create();
        inner.name = u"inner"_s;
        inner.hostname = u"127.0.0.3"_s;
        inner.jumpHost = outer.id.toString();
        Profile target = Profile::create();
        target.name = u"target"_s;
        target.hostname = u"127.0.0.4"_s;
        target.port = 2222;
        target.jumpHost = inner.id.toString();
        target.auth = AuthMethod::KeyFile;
        target.keyFile = u"/keys/id_target"_s;
        target.connectTimeoutMs = 1234;
        target.hostKeyPolicy = HostKeyPolicy::AcceptNew;
        Profile literal = Profile::create();
        literal.name = u"literal"_s;
        literal.hostname = u"::1"_s;
        literal.user = u"me"_s;
        literal.jumpHost = u"j@127.0.0.5:2201"_s;

        const TargetResolver r({outer, inner, target, literal}, {}, ssh);
        HostTarget t;
        QString error;
        QVERIFY2(r.target(target, &t, &error), qPrintable(error));
        QCOMPARE(t.name, u"target"_s);
        QCOMPARE(t.hostname, u"127.0.0.4"_s);
        QCOMPARE(t.port, quint16(2222));
        QCOMPARE(t.user, u"fromconfig"_s);
        QCOMPARE(t.proxyJump, u"gate@127.0.0.2:2200,127.0.0.3"_s); // outermost first, as ProxyJump wants
        // The jump hosts come resolved from their own profiles: inner, reached through outer.
        QVERIFY(t.jump);
        QCOMPARE(t.jump->name, u"inner"_s);
        QCOMPARE(t.jump->proxyJump, u"gate@127.0.0.2:2200"_s);
        QVERIFY(t.jump->jump);
        QCOMPARE(t.jump->jump->name, u"outer"_s);
        QCOMPARE(t.jump->jump->user, u"gate"_s);
        QCOMPARE(t.jump->jump->jumpHandshakes, 4);
        QVERIFY(!t.jump->jump->jump);
        QCOMPARE(t.identityFiles, QStringList{u"/keys/id_target"_s});
        QVERIFY(t.identitiesOnly);
        QCOMPARE(t.connectTimeoutMs, 1234);
        QCOMPARE(t.hostKeyPolicy, HostKeyPolicy::AcceptNew);

        QVERIFY2(r.target(outer, &t, &error), qPrintable(error));
        QCOMPARE(t.user, u"gate"_s);
        QCOMPARE(t.connectTimeoutMs, 7000);
        QVERIFY(t.proxyJump.isEmpty());

        QVERIFY2(r.target(literal, &t, &error), qPrintable(error));
        QCOMPARE(t.hostname, u"::1"_s);
        QCOMPARE(t.proxyJump, u"j@127.0.0.5:2201"_s);

        // A jump through a profile that is gone, or round in a loop, is an error, not a direct connection.
        Profile orphan = target;
        orphan.jumpHost = QUuid::createUuid().toString();
        QVERIFY(!r.target(orphan, &t, &error));
        QVERIFY2(error.contains(u"no longer exists"_s), qPrintable(error));
        Profile a = Profile::create();
        Profile b = Profile::create();
        a.name = u"a"_s;
        a.hostname = u"127.0.0.6"_s;
        b.name = u"b"_s;
        b.hostname = u"127.0.0.7"_s;
        a.jumpHost = b.id.toString();
        b.jumpHost = a.id.toString();
        const TargetResolver loop({a, b});
        QVERIFY(!loop.target(a, &t, &error));
        QVERIFY2(error.contains(u"loop"_s), qPrintable(error));

        QList<HostTarget> targets;
        QVERIFY2(r.resolve(u"@*"_s, &targets, &error), qPrintable(error));
        QCOMPARE(targets.size(), 4);
    }

    // What `chorus run -w @group` calls: the saved profiles in AppConfigLocation.
    void resolveGroupReadsSavedProfiles()
    {
        qputenv("XDG_CONFIG_HOME", m_dir->path().toUtf8());
        QCoreApplication::setOrganizationName(u"chorus"_s);
        QCoreApplication::setApplicationName(u"chorus"_s);
        ProfileStore store;
        QCOMPARE(store.path(), m_dir->path() + u"/chorus/chorus/profiles.json"_s);
        store.setContents(sampleContents(6));
        QVERIFY(store.save());

        QList<HostTarget> targets;
        QString error;
        QVERIFY2(TargetResolver::resolveGroup(u"@prod/web"_s, SshConfig::loadDefault(), &targets, &error), qPrintable(error));
        QCOMPARE(targets.size(), 3);
        QVERIFY2(TargetResolver::resolveGroup(u"prod"_s, SshConfig::loadDefault(), &targets, &error), qPrintable(error));
        QCOMPARE(targets.size(), 6);
        QVERIFY(!TargetResolver::resolveGroup(u"@nothing"_s, SshConfig::loadDefault(), &targets, &error));
        QVERIFY2(error.contains(u"nothing"_s), qPrintable(error));

        // A damaged file is reported and left where it is.
        writeBytes(store.path(), "{");
        QFile::remove(store.backupPath());
        QVERIFY(!TargetResolver::resolveGroup(u"@prod"_s, SshConfig::loadDefault(), &targets, &error));
        QVERIFY2(error.contains(u"not valid JSON"_s), qPrintable(error));
        QCOMPARE(readBytes(store.path()), QByteArray("{"));
        qunsetenv("XDG_CONFIG_HOME");
    }

    void tenThousandProfiles()
    {
        ProfileStore::Contents contents;
        for (int i = 0; i < 10000; ++i)
            contents.profiles.append(makeProfile(i, u"dc%1/rack%2"_s.arg(i % 4).arg(i % 25)));
        ProfileStore store(path());
        store.load();
        store.setContents(contents);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(store.save());
        const qint64 saveMs = timer.restart();
        ProfileStore again(path());
        QCOMPARE(again.load(), ProfileStore::LoadResult::Loaded);
        const qint64 loadMs = timer.restart();
        QCOMPARE(again.profiles().size(), 10000);
        const TargetResolver resolver(again.profiles(), again.contents().groups);
        QList<HostTarget> targets;
        QString error;
        QVERIFY2(resolver.resolve(u"@dc1"_s, &targets, &error), qPrintable(error));
        const qint64 resolveMs = timer.elapsed();
        QCOMPARE(targets.size(), 2500);
        qInfo("10,000 profiles (%lld KiB): save %lld ms, load %lld ms, resolve @dc1 (2,500 targets) %lld ms",
              QFileInfo(path()).size() / 1024, saveMs, loadMs, resolveMs);
        QVERIFY2(saveMs + loadMs + resolveMs < 30000, "far slower than a person would wait");
    }
};

QTEST_GUILESS_MAIN(TestProfiles)
#include "tst_profiles.moc"
