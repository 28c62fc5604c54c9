#include "model/profiles/profilestore.h"
#include "model/secrets/secretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Chorus;
using namespace Qt::StringLiterals;

// `chorus hosts ...` as a script runs it: the real chorus program in a child process, with a config
// folder of its own per test, exit statuses and output checked as a caller would.

namespace {

constexpr int kTimeoutMs = 60000;

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QStringList errLines() const { return err.split(u'\n', Qt::SkipEmptyParts); }
};

} // namespace

class TestHostsCli : public QObject
{
    Q_OBJECT

    QString m_chorus;
    std::unique_ptr<QTemporaryDir> m_config;

    QString profilesPath() const { return m_config->path() + u"/chorus/chorus/profiles.json"_s; }

    Run chorus(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_CONFIG_HOME"_s, m_config->path());
        p.setProcessEnvironment(env);
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(m_chorus, QStringList{u"hosts"_s} + args);
        Run r;
        if (!p.waitForFinished(kTimeoutMs)) {
            p.kill();
            p.waitForFinished();
            r.err = u"did not finish"_s;
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    QJsonArray listJson()
    {
        const Run r = chorus({u"list"_s, u"--json"_s});
        if (r.exitCode != 0)
            qWarning() << "list --json failed:" << r.err;
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

    QStringList listedNames(const QStringList &extra = {})
    {
        const Run r = chorus(QStringList{u"list"_s, u"--json"_s} + extra);
        QStringList names;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out.toUtf8()).array())
            names.append(v.toObject().value(u"name"_s).toString());
        return names;
    }

    QString fixture(const QString &name) { return QFINDTESTDATA(u"../data/import/"_s + name); }

private Q_SLOTS:
    void initTestCase()
    {
        m_chorus = QStringLiteral(CHORUS_EXECUTABLE);
        QVERIFY2(QFileInfo(m_chorus).isExecutable(),
                 qPrintable(u"%1 is not built: build the chorus target before this test"_s.arg(m_chorus)));
    }

    void init()
    {
        m_config = std::make_unique<QTemporaryDir>();
        QVERIFY(m_config->isValid());
    }

    void badUsageIsOneLineAnd64_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        QTest::newRow("no command") << QStringList() << u"missing command"_s;
        QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << u"unknown command"_s;
        QTest::newRow("unknown option") << QStringList{u"list"_s, u"--colour"_s} << u"colour"_s;
        QTest::newRow("add without host") << QStringList{u"add"_s, u"web1"_s} << u"--host is required"_s;
        QTest::newRow("add without name") << QStringList{u"add"_s, u"--host"_s, u"127.0.0.2"_s} << u"NAME"_s;
        QTest::newRow("add bad port")
            << QStringList{u"add"_s, u"w"_s, u"--host"_s, u"127.0.0.2"_s, u"--port"_s, u"0"_s} << u"--port"_s;
        QTest::newRow("add user in host")
            << QStringList{u"add"_s, u"w"_s, u"--host"_s, u"root@127.0.0.2"_s} << u"--user"_s;
        QTest::newRow("add bad auth")
            << QStringList{u"add"_s, u"w"_s, u"--host"_s, u"h"_s, u"--auth"_s, u"magic"_s} << u"--auth"_s;
        QTest::newRow("import without file") << QStringList{u"import"_s} << u"FILE"_s;
        QTest::newRow("import bad format")
            << QStringList{u"import"_s, u"x"_s, u"--format"_s, u"yaml"_s} << u"unknown format"_s;
        QTest::newRow("remove nothing") << QStringList{u"remove"_s} << u"name the hosts"_s;
    }

    void badUsageIsOneLineAnd64()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        const Run r = chorus(args);
        QCOMPARE(r.exitCode, 64);
        QCOMPARE(r.errLines().size(), 1);
        QVERIFY2(r.err.contains(says) && r.err.startsWith(u"chorus hosts"_s), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QVERIFY(!QFile::exists(profilesPath())); // nothing was written
    }

    void helpAnswers()
    {
        const Run r = chorus({u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"import FILE"_s));
    }

    void addListRemove()
    {
        Run r = chorus({u"list"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());

        r = chorus({u"add"_s, u"web1"_s, u"--host"_s, u"127.0.0.2"_s, u"--port"_s, u"2222"_s, u"--user"_s,
                    u"deploy"_s, u"--group"_s, u"prod/web"_s, u"--tag"_s, u"linux"_s, u"--tag"_s,
                    u"canary"_s});
        QCOMPARE(r.exitCode, 0);
        const QUuid web1 = QUuid::fromString(r.out.trimmed());
        QVERIFY2(!web1.isNull(), qPrintable(r.out)); // the new id, for scripts
        r = chorus({u"add"_s, u"db1"_s, u"--host"_s, u"127.0.0.3"_s, u"--group"_s, u"prod/db"_s, u"--jump"_s,
                    u"web1"_s, u"--key"_s, u"~/.ssh/id_db"_s, u"--sudo"_s});
        QCOMPARE(r.exitCode, 0);

        const QJsonArray all = listJson();
        QCOMPARE(all.size(), 2);
        const QJsonObject w = all.at(0).toObject();
        QCOMPARE(w.value(u"name"_s).toString(), u"web1"_s);
        QCOMPARE(w.value(u"hostname"_s).toString(), u"127.0.0.2"_s);
        QCOMPARE(w.value(u"port"_s).toInt(), 2222);
        QCOMPARE(w.value(u"user"_s).toString(), u"deploy"_s);
        QCOMPARE(w.value(u"group"_s).toString(), u"prod/web"_s);
        QCOMPARE(w.value(u"tags"_s).toArray(), (QJsonArray{u"linux"_s, u"canary"_s}));
        const QJsonObject d = all.at(1).toObject();
        QCOMPARE(QUuid::fromString(d.value(u"jumpHost"_s).toString()), web1); // a reference to the profile
        QCOMPARE(d.value(u"auth"_s).toString(), u"key"_s);
        QVERIFY(d.value(u"useSudo"_s).toBool());

        // The table for people.
        r = chorus({u"list"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(u"deploy@127.0.0.2:2222"_s) && r.out.contains(u"prod/web"_s),
                 qPrintable(r.out));

        // Expressions select, as with chorus run -w.
        QCOMPARE(listedNames({u"@prod"_s}), (QStringList{u"web1"_s, u"db1"_s}));
        QCOMPARE(listedNames({u"@web"_s}), QStringList{u"web1"_s});
        QCOMPARE(listedNames({u"@tag:canary"_s}), QStringList{u"web1"_s});

        // A second host of the same name is refused (names must stay usable on the command line).
        r = chorus({u"add"_s, u"web1"_s, u"--host"_s, u"127.0.0.9"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"already exists"_s), qPrintable(r.err));

        // Removing something unknown removes nothing.
        r = chorus({u"remove"_s, u"db1"_s, u"nosuchhost"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"nosuchhost"_s) && r.err.contains(u"nothing was removed"_s),
                 qPrintable(r.err));
        QCOMPARE(listJson().size(), 2);

        r = chorus({u"remove"_s, web1.toString(QUuid::WithoutBraces)});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(u"jump host"_s), qPrintable(r.err)); // db1 went through it
        QCOMPARE(listedNames(), QStringList{u"db1"_s});
        r = chorus({u"remove"_s, u"@prod"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(listJson().size(), 0);
    }

    // `list --names`: what the shell completions ask for, one name per line, nothing else.
    void listNamesForCompletion()
    {
        Run r = chorus({u"list"_s, u"--names"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err)); // no "No hosts yet" advice for a script

        QCOMPARE(chorus({u"add"_s, u"web1"_s, u"--host"_s, u"127.0.0.2"_s, u"--group"_s, u"prod/web"_s,
                         u"--tag"_s, u"Canary"_s})
                     .exitCode,
                 0);
        QCOMPARE(chorus({u"add"_s, u"db10"_s, u"--host"_s, u"127.0.0.3"_s, u"--group"_s, u"prod/db"_s,
                         u"--tag"_s, u"linux"_s})
                     .exitCode,
                 0);
        QCOMPARE(chorus({u"add"_s, u"db9"_s, u"--host"_s, u"127.0.0.4"_s, u"--tag"_s, u"canary"_s}).exitCode,
                 0);
        // A group without hosts is still a group -w accepts.
        {
            ProfileStore store(profilesPath());
            QCOMPARE(store.load(), ProfileStore::LoadResult::Loaded);
            store.setProfiles(store.profiles(), store.contents().groups + QStringList{u"staging/empty"_s});
            QString error;
            QVERIFY2(store.save(&error), qPrintable(error));
        }

        r = chorus({u"list"_s, u"--names"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        // Hosts in list order; groups with their parents, sorted; each tag once, as first written.
        QCOMPARE(r.out.split(u'\n', Qt::SkipEmptyParts),
                 (QStringList{u"web1"_s, u"db10"_s, u"db9"_s, u"@prod"_s, u"@prod/db"_s, u"@prod/web"_s,
                              u"@staging"_s, u"@staging/empty"_s, u"@tag:Canary"_s, u"@tag:linux"_s}));
        QVERIFY(r.out.endsWith(u'\n'));

        // With an expression: the names of the hosts it selects, and only those.
        r = chorus({u"list"_s, u"--names"_s, u"@prod"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.split(u'\n', Qt::SkipEmptyParts), (QStringList{u"web1"_s, u"db10"_s}));

        r = chorus({u"list"_s, u"--names"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 64);
        QVERIFY2(r.err.contains(u"--names"_s), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        // Not advertised to people: the usage text stays as it was.
        QVERIFY(!chorus({u"--help"_s}).out.contains(u"--names"_s));
    }

    // Bulk creation from a script: many adds in a row, each one saved, none lost.
    void bulkAddFromScript()
    {
        for (int i = 1; i <= 20; ++i) {
            const Run r = chorus({u"add"_s, u"node%1"_s.arg(i), u"--host"_s, u"127.0.1.%1"_s.arg(i),
                                  u"--group"_s, u"rack%1"_s.arg(i % 2)});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        QCOMPARE(listJson().size(), 20);
        QCOMPARE(listedNames({u"@rack1"_s}).size(), 10);
        // The GUI's store reads the same file.
        ProfileStore store(profilesPath());
        QCOMPARE(store.load(), ProfileStore::LoadResult::Loaded);
        QCOMPARE(store.profiles().size(), 20);
        QVERIFY(QFile::exists(store.backupPath()));
    }

    void importReportsAndMerges_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("hosts");
        QTest::addColumn<QString>("firstProblem"); // FILE:LINE of the first skipped line
        QTest::newRow("pssh") << u"pssh-hosts.txt"_s << u"pssh"_s << 5 << u"pssh-hosts.txt:9: "_s;
        QTest::newRow("clustershell")
            << u"clustershell/groups"_s << u"clustershell"_s << 10 << u"groups:8: "_s;
        QTest::newRow("ansible ini") << u"ansible/inventory.ini"_s << u"ansible"_s << 10
                                     << u"inventory.ini:11: "_s;
        QTest::newRow("ansible yaml, guessed")
            << u"ansible/inventory.yml"_s << QString() << 5 << u"inventory.yml:18: "_s;
    }

    void importReportsAndMerges()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        QFETCH(int, hosts);
        QFETCH(QString, firstProblem);
        const QString path = fixture(file);
        QVERIFY(!path.isEmpty());
        QStringList args{u"import"_s, path};
        if (!format.isEmpty())
            args << u"--format"_s << format;

        Run r = chorus(args);
        QCOMPARE(r.exitCode, 2); // imported, with lines skipped
        QVERIFY2(r.err.contains(firstProblem), qPrintable(r.err));
        static const QRegularExpression located(u"^.+:\\d+: .+$"_s);
        for (const QString &line : r.errLines()) {
            QVERIFY2(located.match(line).hasMatch() || line.startsWith(u"Reading "_s), qPrintable(line));
        }
        QVERIFY2(r.out.contains(u"%1 new, 0 merged"_s.arg(hosts)), qPrintable(r.out));
        QCOMPARE(listJson().size(), hosts);

        // Again: nothing doubled.
        r = chorus(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.contains(u"0 new, %1 merged"_s.arg(hosts)), qPrintable(r.out));
        QCOMPARE(listJson().size(), hosts);

        // A dry run changes nothing.
        r = chorus({u"import"_s, fixture(u"pssh-hosts.txt"_s), u"--format"_s, u"pssh"_s, u"--dry-run"_s,
                    u"--group"_s, u"elsewhere"_s});
        QVERIFY2(r.out.startsWith(u"Would import"_s), qPrintable(r.out));
        QCOMPARE(listJson().size(), hosts);
    }

    void importUnderGroup()
    {
        const Run r = chorus({u"import"_s, fixture(u"clustershell/groups"_s), u"--format"_s,
                              u"clustershell"_s, u"--group"_s, u"hpc"_s});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(listedNames({u"@hpc/compute"_s}).size(), 4);
        QCOMPARE(listedNames({u"@hpc"_s}).size(), 10);
    }

    void importMissingFileFails()
    {
        const Run r = chorus({u"import"_s, m_config->path() + u"/nothing.txt"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"nothing.txt"_s), qPrintable(r.err));
    }

    void exportAndImportBack()
    {
        QCOMPARE(chorus({u"add"_s, u"a"_s, u"--host"_s, u"127.0.0.2"_s, u"--tag"_s, u"x"_s}).exitCode, 0);
        QCOMPARE(chorus({u"add"_s, u"b"_s, u"--host"_s, u"127.0.0.3"_s}).exitCode, 0);
        const QTemporaryDir elsewhere;
        const QString exported = elsewhere.path() + u"/hosts-export.json"_s;
        Run r = chorus({u"export"_s, exported});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QFile::exists(exported));

        // Into an empty list elsewhere.
        m_config = std::make_unique<QTemporaryDir>();
        r = chorus({u"import"_s, exported});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(listedNames(), (QStringList{u"a"_s, u"b"_s}));
        QCOMPARE(listedNames({u"@tag:x"_s}), QStringList{u"a"_s});
    }

    // A damaged file is set aside, the user is told where, and the command still works.
    void damagedFileIsReported()
    {
        QDir().mkpath(QFileInfo(profilesPath()).absolutePath());
        QFile f(profilesPath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"schema\": 1, \"profiles\": [");
        f.close();
        const Run r = chorus({u"list"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(u"profiles.json.corrupt-"_s), qPrintable(r.err));
        const QStringList aside =
            QDir(QFileInfo(profilesPath()).absolutePath()).entryList({u"profiles.json.corrupt-*"_s});
        QCOMPARE(aside.size(), 1);
    }

    void removeDeletesSecrets()
    {
        const Run added =
            chorus({u"add"_s, u"secretive"_s, u"--host"_s, u"127.0.0.4"_s, u"--auth"_s, u"password"_s});
        QCOMPARE(added.exitCode, 0);
        const QUuid id = QUuid::fromString(added.out.trimmed());
        QVERIFY(!id.isNull());

        SecretStore secrets; // the same keychain and service the chorus child uses
        auto wait = [](const std::function<int(SecretStore::Callback)> &start) {
            auto result = std::make_shared<std::optional<SecretStore::Result>>();
            start([result](const SecretStore::Result &r) { *result = r; });
            if (!QTest::qWaitFor([&] { return result->has_value(); }, 15000))
                return SecretStore::Result();
            return **result;
        };
        for (SecretStore::Kind kind : {SecretStore::Kind::Password, SecretStore::Kind::SudoPassword}) {
            const SecretStore::Result w =
                wait([&](auto done) { return secrets.write(id, kind, u"pw"_s, done); });
            QVERIFY2(w.status == SecretStore::Status::Ok, qPrintable(w.error));
        }
        const Run r = chorus({u"remove"_s, u"secretive"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.err.contains(u"warning"_s), qPrintable(r.err));
        for (SecretStore::Kind kind : {SecretStore::Kind::Password, SecretStore::Kind::SudoPassword})
            QCOMPARE(wait([&](auto done) { return secrets.read(id, kind, done); }).status,
                     SecretStore::Status::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestHostsCli)
#include "tst_hostscli.moc"
