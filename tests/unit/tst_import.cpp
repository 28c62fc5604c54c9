#include "model/profiles/profile.h"
#include "model/profiles/profileimporter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Chorus;
using namespace Qt::StringLiterals;

// Each importer reads a real-looking file under tests/data/import/ that also holds the mistakes
// people make; what can be imported is, and every line that cannot is reported as FILE:LINE: reason.

namespace {

struct Problems
{
    QMap<int, QString> byLine; // line -> reason (0: the file as a whole)
    QStringList unparsed;      // problems not in the FILE:LINE: form
};

Problems problemsOf(const ProfileImporter::Result &result, const QString &file)
{
    Problems out;
    static const QRegularExpression form(u"^(.+?):(\\d+): (.+)$"_s);
    for (const QString &p : result.problems) {
        const QRegularExpressionMatch m = form.match(p);
        if (m.hasMatch() && m.captured(1) == file)
            out.byLine.insert(m.captured(2).toInt(), m.captured(3));
        else if (p.startsWith(file + u": "_s))
            out.byLine.insert(0, p.mid(file.size() + 2));
        else
            out.unparsed.append(p);
    }
    return out;
}

const Profile *find(const ProfileImporter::Result &result, const QString &name)
{
    for (const Profile &p : result.profiles) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

QStringList names(const ProfileImporter::Result &result)
{
    QStringList out;
    for (const Profile &p : result.profiles)
        out.append(p.name);
    return out;
}

} // namespace

class TestImport : public QObject
{
    Q_OBJECT

    QString fixture(const QString &name)
    {
        const QString path = QFINDTESTDATA(u"../data/import/"_s + name);
        if (path.isEmpty())
            qWarning() << "fixture not found:" << name;
        return path;
    }

    ProfileImporter::Result importAs(const QString &path, ProfileImporter::Format format)
    {
        ProfileImporter::Format guessed;
        if (!ProfileImporter::guessFormat(path, &guessed) || guessed != format)
            qWarning() << "format of" << path << "guessed as" << ProfileImporter::formatName(guessed);
        return ProfileImporter::importFile(path, format);
    }

private Q_SLOTS:
    void guessesEachFormat_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<ProfileImporter::Format>("format");
        QTest::newRow("ssh config") << u"ssh/config"_s << ProfileImporter::Format::SshConfig;
        QTest::newRow("pssh") << u"pssh-hosts.txt"_s << ProfileImporter::Format::Pssh;
        QTest::newRow("clustershell") << u"clustershell/groups"_s << ProfileImporter::Format::ClusterShell;
        QTest::newRow("clustershell yaml")
            << u"clustershell/cluster.yaml"_s << ProfileImporter::Format::ClusterShell;
        QTest::newRow("ansible ini") << u"ansible/inventory.ini"_s << ProfileImporter::Format::Ansible;
        QTest::newRow("ansible yaml") << u"ansible/inventory.yml"_s << ProfileImporter::Format::Ansible;
    }

    void guessesEachFormat()
    {
        QFETCH(QString, file);
        QFETCH(ProfileImporter::Format, format);
        const QString path = fixture(file);
        QVERIFY(!path.isEmpty());
        ProfileImporter::Format guessed;
        QVERIFY(ProfileImporter::guessFormat(path, &guessed));
        QCOMPARE(ProfileImporter::formatName(guessed), ProfileImporter::formatName(format));
        for (const QString &name : ProfileImporter::formatNames()) {
            ProfileImporter::Format parsed;
            QVERIFY(ProfileImporter::parseFormat(name, &parsed));
            QCOMPARE(ProfileImporter::formatName(parsed), name);
        }
    }

    void sshConfig()
    {
        // ~/.ssh of a home of our own: Include's relative paths are under ~/.ssh, as in ssh.
        QTemporaryDir home;
        const QByteArray oldHome = qgetenv("HOME");
        qputenv("HOME", home.path().toUtf8());
        const QString ssh = home.path() + u"/.ssh"_s;
        QVERIFY(QDir().mkpath(ssh + u"/config.d"_s));
        QVERIFY(QFile::copy(fixture(u"ssh/config"_s), ssh + u"/config"_s));
        QVERIFY(QFile::copy(fixture(u"ssh/config.d/work.conf"_s), ssh + u"/config.d/work.conf"_s));
        const QString config = ssh + u"/config"_s;

        const ProfileImporter::Result r = importAs(config, ProfileImporter::Format::SshConfig);
        qputenv("HOME", oldHome);
        QVERIFY(r.readable);
        // Wildcard and negated patterns (Host *, Host *.internal !secret.internal) name no host.
        QCOMPARE(names(r), (QStringList{u"ci-runner"_s, u"web1"_s, u"web2"_s, u"db-primary"_s, u"bastion"_s,
                                        u"legacy"_s, u"broken"_s}));
        const Profile *web1 = find(r, u"web1"_s);
        QCOMPARE(web1->hostname, u"web1.example.test"_s);
        QCOMPARE(web1->port, quint16(2222));
        QCOMPARE(web1->user, u"everyone"_s); // from the Host * block at the end
        const Profile *db = find(r, u"db-primary"_s);
        QCOMPARE(db->hostname, u"10.0.0.5"_s);
        QCOMPARE(db->user, u"postgres"_s);
        QCOMPARE(db->auth, AuthMethod::KeyFile);
        QCOMPARE(db->keyFile, home.path() + u"/.ssh/id_db"_s);
        QCOMPARE(db->jumpHost, u"bastion"_s);
        QCOMPARE(find(r, u"bastion"_s)->hostKeyPolicy,
                 std::optional<HostKeyPolicy>(HostKeyPolicy::AcceptNew));
        const Profile *ci = find(r, u"ci-runner"_s); // from the included file
        QCOMPARE(ci->hostname, u"192.0.2.10"_s);
        QCOMPARE(ci->user, u"ci"_s);
        QCOMPARE(ci->connectTimeoutMs, std::optional<int>(5000));
        QCOMPARE(find(r, u"broken"_s)->port, quint16(22));

        // Problems: the bad Port line, the unknown keyword in the included file, the ProxyCommand.
        const Problems main = problemsOf(r, config);
        QVERIFY2(main.byLine.contains(27), qPrintable(r.problems.join(u'\n')));
        QVERIFY2(main.byLine.value(0).contains(u"ProxyCommand"_s) &&
                     main.byLine.value(0).contains(u"legacy"_s),
                 qPrintable(r.problems.join(u'\n')));
        const Problems included = problemsOf(r, ssh + u"/config.d/work.conf"_s);
        QVERIFY2(included.byLine.contains(6), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(r.problems.size(), 3);
    }

    void pssh()
    {
        const QString path = fixture(u"pssh-hosts.txt"_s);
        const ProfileImporter::Result r = importAs(path, ProfileImporter::Format::Pssh);
        QStringList addresses;
        for (const Profile &p : r.profiles)
            addresses.append(p.address());
        // The host listed twice is there once.
        QCOMPARE(addresses, (QStringList{u"web1.example.test"_s, u"deploy@web2.example.test:2201"_s,
                                         u"admin@web3.example.test:2202"_s, u"[2001:db8::10]:2222"_s,
                                         u"root@[2001:db8::11]"_s}));
        const Problems problems = problemsOf(r, path);
        QVERIFY2(problems.unparsed.isEmpty(), qPrintable(problems.unparsed.join(u'\n')));
        QCOMPARE(problems.byLine.keys(), (QList<int>{9, 10, 11, 12, 13}));
        QVERIFY2(problems.byLine.value(9).contains(u"4 fields"_s), qPrintable(problems.byLine.value(9)));
        QVERIFY2(problems.byLine.value(10).contains(u"99999"_s), qPrintable(problems.byLine.value(10)));
        QVERIFY2(problems.byLine.value(13).contains(u"alice"_s), qPrintable(problems.byLine.value(13)));
    }

    void clusterShellFlat()
    {
        const QString path = fixture(u"clustershell/groups"_s);
        const ProfileImporter::Result r = importAs(path, ProfileImporter::Format::ClusterShell);
        QCOMPARE(names(r), (QStringList{u"mgmt1"_s, u"mgmt2"_s, u"login1"_s, u"login2"_s, u"node001"_s,
                                        u"node002"_s, u"node003"_s, u"node004"_s, u"gpu1"_s, u"service1"_s}));
        QCOMPARE(find(r, u"node001"_s)->group, u"compute"_s);
        QVERIFY(find(r, u"node001"_s)->tags.isEmpty());
        QCOMPARE(find(r, u"node003"_s)->group, u"compute"_s);         // first group in the file...
        QCOMPARE(find(r, u"node003"_s)->tags, QStringList{u"gpu"_s}); // ...and the others as tags
        QCOMPARE(find(r, u"gpu1"_s)->group, u"gpu"_s);
        QCOMPARE(find(r, u"service1"_s)->group, QString()); // only in "all"
        QVERIFY(!r.groups.contains(u"all"_s));
        QVERIFY(r.groups.contains(u"adm"_s));

        const Problems problems = problemsOf(r, path);
        QVERIFY2(problems.unparsed.isEmpty(), qPrintable(problems.unparsed.join(u'\n')));
        QCOMPARE(problems.byLine.keys(), (QList<int>{8, 9, 10, 11, 12}));
        QVERIFY2(problems.byLine.value(9).contains(u"[5-1]"_s), qPrintable(problems.byLine.value(9)));
        QVERIFY2(problems.byLine.value(10).contains(u"operators"_s), qPrintable(problems.byLine.value(10)));
        QVERIFY2(problems.byLine.value(11).contains(u"@nosuchgroup"_s),
                 qPrintable(problems.byLine.value(11)));
        QVERIFY2(problems.byLine.value(12).contains(u"line 3"_s), qPrintable(problems.byLine.value(12)));
    }

    void clusterShellYaml()
    {
        const QString path = fixture(u"clustershell/cluster.yaml"_s);
        const ProfileImporter::Result r = importAs(path, ProfileImporter::Format::ClusterShell);
        QCOMPARE(r.profiles.size(), 10); // mgmt1-2, login1-2, node0001-0006
        // Two sources: groups are nested under them.
        QCOMPARE(find(r, u"node0001"_s)->group, u"roles/compute"_s);
        QCOMPARE(find(r, u"node0001"_s)->tags, QStringList{u"rack1"_s});
        QCOMPARE(find(r, u"node0005"_s)->tags, (QStringList{u"gpu"_s, u"rack2"_s})); // list and @source:group
        QVERIFY(r.groups.contains(u"racks/rack2"_s));
        const Problems problems = problemsOf(r, path);
        QCOMPARE(problems.byLine.keys(), QList<int>{8});
        QVERIFY2(problems.byLine.value(8).contains(u"weird"_s), qPrintable(problems.byLine.value(8)));
    }

    void ansibleIni()
    {
        const QString path = fixture(u"ansible/inventory.ini"_s);
        const ProfileImporter::Result r = importAs(path, ProfileImporter::Format::Ansible);
        QCOMPARE(names(r),
                 (QStringList{u"mail.example.test"_s, u"foo.example.test"_s, u"bar.example.test"_s,
                              u"web01.example.test"_s, u"web02.example.test"_s, u"web03.example.test"_s,
                              u"one.example.test"_s, u"two.example.test"_s, u"host2"_s, u"host3"_s}));
        QCOMPARE(find(r, u"mail.example.test"_s)->group, QString());
        const Profile *foo = find(r, u"foo.example.test"_s);
        QCOMPARE(foo->group, u"usa/webservers"_s);
        QCOMPARE(foo->user, u"deploy"_s); // host variable over [webservers:vars]
        QCOMPARE(foo->port, quint16(5987));
        QCOMPARE(find(r, u"bar.example.test"_s)->port, quint16(2200));
        QCOMPARE(find(r, u"bar.example.test"_s)->user, u"www"_s);
        QCOMPARE(find(r, u"web03.example.test"_s)->user, u"www"_s);
        QCOMPARE(find(r, u"one.example.test"_s)->hostname, u"192.0.2.50"_s);
        const Profile *host2 = find(r, u"host2"_s);
        QCOMPARE(host2->group, u"usa/southeast/atlanta"_s);
        QCOMPARE(host2->tags, QStringList{u"raleigh"_s});
        QCOMPARE(host2->user, u"atl"_s);
        QCOMPARE(host2->jumpHost, u"jump@bastion.example.test"_s);
        const Profile *host3 = find(r, u"host3"_s);
        QCOMPARE(host3->group, u"usa/southeast/raleigh"_s);
        QVERIFY(host3->useSudo);
        QCOMPARE(host3->auth, AuthMethod::KeyFile);
        QCOMPARE(host3->keyFile, u"~/.ssh/raleigh"_s);
        // The password is reported, and nowhere in what was imported.
        for (const Profile &p : r.profiles)
            QVERIFY(!p.toJson().contains(u"hunter2"_s) &&
                    !QString::fromUtf8(QJsonDocument(p.toJson()).toJson()).contains(u"hunter2"_s));

        const Problems problems = problemsOf(r, path);
        QVERIFY2(problems.unparsed.isEmpty(), qPrintable(problems.unparsed.join(u'\n')));
        QCOMPARE(problems.byLine.keys(), (QList<int>{11, 12, 15, 37, 41}));
        QVERIFY2(problems.byLine.value(11).contains(u"ansible_password is a secret"_s),
                 qPrintable(problems.byLine.value(11)));
        QVERIFY2(problems.byLine.value(15).contains(u"local"_s), qPrintable(problems.byLine.value(15)));
        QVERIFY2(problems.byLine.value(37).contains(u":bogus"_s), qPrintable(problems.byLine.value(37)));
    }

    void ansibleYaml()
    {
        const QString path = fixture(u"ansible/inventory.yml"_s);
        const ProfileImporter::Result r = importAs(path, ProfileImporter::Format::Ansible);
        QCOMPARE(names(r),
                 (QStringList{u"mail.example.test"_s, u"foo.example.test"_s, u"web01.example.test"_s,
                              u"web02.example.test"_s, u"one.example.test"_s}));
        QCOMPARE(find(r, u"mail.example.test"_s)->user, u"admin"_s); // all: vars
        const Profile *foo = find(r, u"foo.example.test"_s);
        QCOMPARE(foo->group, u"prod/webservers"_s); // nested under its first parent other than all
        QCOMPARE(foo->tags, QStringList{u"dbservers"_s});
        QCOMPARE(foo->user, u"www"_s);
        QCOMPARE(foo->port, quint16(5987));
        const Profile *one = find(r, u"one.example.test"_s);
        QCOMPARE(one->group, u"prod/dbservers"_s);
        QCOMPARE(one->hostname, u"192.0.2.50"_s);
        QCOMPARE(one->user, u"admin"_s);
        QVERIFY(r.groups.contains(u"prod"_s));

        const Problems problems = problemsOf(r, path);
        QVERIFY2(problems.unparsed.isEmpty(), qPrintable(problems.unparsed.join(u'\n')));
        QCOMPARE(problems.byLine.keys(), (QList<int>{18, 25, 26}));
        QVERIFY2(problems.byLine.value(18).contains(u"ansible_become_password"_s),
                 qPrintable(problems.byLine.value(18)));
        QVERIFY2(problems.byLine.value(26).contains(u"variables"_s), qPrintable(problems.byLine.value(26)));
    }

    void invalidYamlIsReportedWithItsLine()
    {
        const QString path = fixture(u"ansible/broken.yml"_s);
        const ProfileImporter::Result r = ProfileImporter::importFile(path, ProfileImporter::Format::Ansible);
        QVERIFY(r.profiles.isEmpty());
        QCOMPARE(r.problems.size(), 1);
        QVERIFY2(QRegularExpression(u"^.+broken\\.yml:\\d+: not valid YAML"_s)
                     .match(r.problems.first())
                     .hasMatch(),
                 qPrintable(r.problems.first()));
    }

    void missingFileIsUnreadable()
    {
        for (ProfileImporter::Format f :
             {ProfileImporter::Format::SshConfig, ProfileImporter::Format::Pssh,
              ProfileImporter::Format::ClusterShell, ProfileImporter::Format::Ansible,
              ProfileImporter::Format::Chorus}) {
            const ProfileImporter::Result r = ProfileImporter::importFile(u"/nonexistent/hosts"_s, f);
            QVERIFY2(!r.readable, qPrintable(ProfileImporter::formatName(f)));
            QCOMPARE(r.problems.size(), 1);
            QVERIFY(r.problems.first().startsWith(u"/nonexistent/hosts"_s));
        }
    }

    // Importing the same hosts again, from the same or another format, never doubles them.
    void duplicatesAreMerged()
    {
        QList<Profile> list;
        const ProfileImporter::Result ini = ProfileImporter::importFile(fixture(u"ansible/inventory.ini"_s),
                                                                        ProfileImporter::Format::Ansible);
        ProfileImporter::MergeStats first = ProfileImporter::merge(&list, ini.profiles);
        QCOMPARE(first.added, ini.profiles.size());
        QCOMPARE(first.merged, 0);
        const ProfileImporter::MergeStats again = ProfileImporter::merge(&list, ini.profiles);
        QCOMPARE(again.added, 0);
        QCOMPARE(again.merged, ini.profiles.size());
        QCOMPARE(list.size(), ini.profiles.size());

        // The same host from pssh (same user, host, port), with a tag of its own: merged, tag joined.
        QTemporaryDir dir;
        const QString pssh = dir.path() + u"/hosts"_s;
        QFile f(pssh);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("deploy@FOO.example.test:5987\nnew.example.test\n");
        f.close();
        ProfileImporter::Result fromPssh = ProfileImporter::importFile(pssh, ProfileImporter::Format::Pssh);
        fromPssh.profiles[0].tags = {u"from-pssh"_s};
        const ProfileImporter::MergeStats mixed = ProfileImporter::merge(&list, fromPssh.profiles);
        QCOMPARE(mixed.merged, 1);
        QCOMPARE(mixed.added, 1);
        const auto foo = std::find_if(list.begin(), list.end(),
                                      [](const Profile &p) { return p.name == u"foo.example.test"_s; });
        QVERIFY(foo != list.end());
        QCOMPARE(foo->group, u"usa/webservers"_s); // what was there stays
        QVERIFY(foo->tags.contains(u"from-pssh"_s));
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
