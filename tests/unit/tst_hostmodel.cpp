#include "model/profiles/hostfilterproxy.h"
#include "model/profiles/hostmodel.h"
#include "model/profiles/profile.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace Chorus;
using namespace Qt::StringLiterals;

namespace {

Profile host(const QString &name, const QString &group = {}, const QStringList &tags = {})
{
    Profile p = Profile::create();
    p.name = name;
    p.hostname = name.toLower() + u".example.test"_s;
    p.group = group;
    p.tags = tags;
    return p;
}

// The names under a parent, as a view shows them (groups first).
QStringList childNames(const QAbstractItemModel *model, const QModelIndex &parent = {})
{
    QStringList names;
    for (int r = 0; r < model->rowCount(parent); ++r)
        names.append(model->index(r, 0, parent).data().toString());
    return names;
}

// Every host name in a (proxy) model, depth first.
QStringList allHosts(const QAbstractItemModel *model, const QModelIndex &parent = {})
{
    QStringList names;
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex i = model->index(r, 0, parent);
        if (i.data(HostModel::IsGroupRole).toBool())
            names += allHosts(model, i);
        else
            names.append(i.data().toString());
    }
    return names;
}

} // namespace

class TestHostModel : public QObject
{
    Q_OBJECT

    std::unique_ptr<HostModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    HostModel *model() const { return m_model.get(); }

    // A small fleet: prod/web (w1 w2), prod/db (d1), staging (s1), top level (lone).
    void fill()
    {
        model()->addProfile(host(u"w1"_s, u"prod/web"_s, {u"linux"_s}));
        model()->addProfile(host(u"w2"_s, u"prod/web"_s, {u"linux"_s, u"canary"_s}));
        model()->addProfile(host(u"d1"_s, u"prod/db"_s, {u"db"_s}));
        model()->addProfile(host(u"s1"_s, u"staging"_s));
        model()->addProfile(host(u"lone"_s));
    }

    QUuid idOf(const QString &name) const
    {
        for (const Profile &p : model()->profiles()) {
            if (p.name == name)
                return p.id;
        }
        return {};
    }

private Q_SLOTS:
    // Every test runs with the model tester watching every change it makes.
    void init()
    {
        m_model = std::make_unique<HostModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void addBuildsGroupTree()
    {
        QSignalSpy modified(model(), &HostModel::modified);
        fill();
        QCOMPARE(modified.count(), 5);
        QCOMPARE(childNames(model()), (QStringList{u"prod"_s, u"staging"_s, u"lone"_s}));
        const QModelIndex prod = model()->groupIndex(u"prod"_s);
        QCOMPARE(childNames(model(), prod), (QStringList{u"db"_s, u"web"_s})); // groups sorted
        QCOMPARE(childNames(model(), model()->groupIndex(u"prod/web"_s)), (QStringList{u"w1"_s, u"w2"_s}));
        QCOMPARE(prod.data(HostModel::HostCountRole).toInt(), 3);
        QCOMPARE(model()->groupIndex(u"prod/web"_s).data(HostModel::HostCountRole).toInt(), 2);
        QCOMPARE(model()->profileCount(), 5);
        QVERIFY(model()->isGroup(prod));
        QCOMPARE(model()->indexOf(idOf(u"d1"_s)).data(HostModel::GroupPathRole).toString(), u"prod/db"_s);

        // An empty group is kept, and listed for saving.
        model()->addGroup(u"later/empty"_s);
        QVERIFY(model()->groups().contains(u"later/empty"_s));
        QCOMPARE(model()->groupIndex(u"later/empty"_s).data(HostModel::HostCountRole).toInt(), 0);

        // A taken id is not reused: two rows must never stand for one profile.
        Profile clash = host(u"clash"_s);
        clash.id = idOf(u"w1"_s);
        const QModelIndex added = model()->addProfile(clash);
        QVERIFY(added.data(HostModel::ProfileIdRole).toUuid() != idOf(u"w1"_s));
        QCOMPARE(model()->profileCount(), 6);
    }

    // The host panel says which hosts sit behind which jump host: the jump host's own name when it
    // is a profile, else the spec as written.
    void jumpHostColumn()
    {
        fill();
        Profile behind = host(u"inner"_s, u"prod/web"_s);
        behind.jumpHost = idOf(u"lone"_s).toString();
        Profile spec = host(u"far"_s);
        spec.jumpHost = u"ops@bastion.example:2222"_s;
        const QModelIndex inner = model()->addProfile(behind);
        const QModelIndex far = model()->addProfile(spec);
        QCOMPARE(model()->headerData(HostModel::JumpColumn, Qt::Horizontal).toString(), u"Via"_s);
        QCOMPARE(inner.siblingAtColumn(HostModel::JumpColumn).data().toString(), u"lone"_s);
        QCOMPARE(far.siblingAtColumn(HostModel::JumpColumn).data().toString(), u"ops@bastion.example:2222"_s);
        QVERIFY(model()->indexOf(idOf(u"w1"_s), HostModel::JumpColumn).data().toString().isEmpty());
        QVERIFY(!(inner.siblingAtColumn(HostModel::JumpColumn).flags() & Qt::ItemIsEditable));
    }

    void editInPlace()
    {
        fill();
        const QModelIndex w1 = model()->indexOf(idOf(u"w1"_s));
        QSignalSpy modified(model(), &HostModel::modified);
        QVERIFY(model()->setData(w1.siblingAtColumn(HostModel::PortColumn), 2222));
        QVERIFY(!model()->setData(w1.siblingAtColumn(HostModel::PortColumn), 70000));
        QVERIFY(!model()->setData(w1.siblingAtColumn(HostModel::HostnameColumn), QString()));
        QVERIFY(model()->setData(w1.siblingAtColumn(HostModel::UserColumn), u"deploy"_s));
        QVERIFY(model()->setData(w1.siblingAtColumn(HostModel::TagsColumn), u"a, b ,a"_s));
        QVERIFY(model()->setData(w1.siblingAtColumn(HostModel::AuthColumn), u"password"_s));
        QVERIFY(!model()->setData(w1.siblingAtColumn(HostModel::AuthColumn), u"telepathy"_s));
        QCOMPARE(modified.count(), 4);
        const Profile p = model()->profile(idOf(u"w1"_s));
        QCOMPARE(p.port, quint16(2222));
        QCOMPARE(p.user, u"deploy"_s);
        QCOMPARE(p.tags, (QStringList{u"a"_s, u"b"_s}));
        QCOMPARE(p.auth, AuthMethod::Password);
        QCOMPARE(w1.data(HostModel::AddressRole).toString(), u"deploy@w1.example.test:2222"_s);

        // Renaming a group renames the path of everything in it.
        QVERIFY(model()->setData(model()->groupIndex(u"prod"_s), u"production"_s));
        QVERIFY(!model()->groupIndex(u"prod"_s).isValid());
        QCOMPARE(model()->profile(idOf(u"w1"_s)).group, u"production/web"_s);
        QVERIFY(!model()->renameGroup(model()->groupIndex(u"production"_s), u"staging"_s)); // taken
        QVERIFY(!model()->renameGroup(model()->groupIndex(u"production"_s), u"a/b"_s));
    }

    void updateMovesBetweenGroups()
    {
        fill();
        Profile d1 = model()->profile(idOf(u"d1"_s));
        d1.group = u"staging/db"_s;
        d1.notes = u"moved"_s;
        QVERIFY(model()->updateProfile(d1));
        QCOMPARE(childNames(model(), model()->groupIndex(u"staging/db"_s)), QStringList{u"d1"_s});
        QCOMPARE(model()->groupIndex(u"prod"_s).data(HostModel::HostCountRole).toInt(), 2);
        QCOMPARE(model()->groupIndex(u"staging"_s).data(HostModel::HostCountRole).toInt(), 2);
        QCOMPARE(model()->profile(d1.id).notes, u"moved"_s);
        QVERIFY(!model()->updateProfile(host(u"unknown"_s)));
    }

    void moveHostsAndGroups()
    {
        fill();
        // Hosts and a whole group into another group.
        QVERIFY(model()->moveToGroup({model()->indexOf(idOf(u"lone"_s)), model()->groupIndex(u"prod/db"_s)},
                                     u"staging"_s));
        QCOMPARE(childNames(model(), model()->groupIndex(u"staging"_s)),
                 (QStringList{u"db"_s, u"s1"_s, u"lone"_s}));
        QCOMPARE(model()->profile(idOf(u"d1"_s)).group, u"staging/db"_s);
        QCOMPARE(model()->profile(idOf(u"lone"_s)).group, u"staging"_s);

        // A group into a group that has one of that name: merged, not doubled.
        model()->addProfile(host(u"w3"_s, u"staging/web"_s));
        QVERIFY(model()->moveToGroup({model()->groupIndex(u"staging/web"_s)}, u"prod"_s));
        QCOMPARE(childNames(model(), model()->groupIndex(u"prod"_s)), QStringList{u"web"_s});
        QCOMPARE(childNames(model(), model()->groupIndex(u"prod/web"_s)),
                 (QStringList{u"w1"_s, u"w2"_s, u"w3"_s}));
        QVERIFY(!model()->groupIndex(u"staging/web"_s).isValid());

        // Never into itself.
        QVERIFY(!model()->moveToGroup({model()->groupIndex(u"prod"_s)}, u"prod/web"_s));
        QCOMPARE(childNames(model(), model()->groupIndex(u"prod"_s)), QStringList{u"web"_s});
    }

    void dragAndDrop()
    {
        fill();
        QCOMPARE(model()->supportedDropActions(), Qt::MoveAction);
        const QModelIndex w1 = model()->indexOf(idOf(u"w1"_s));
        const QModelIndex staging = model()->groupIndex(u"staging"_s);
        QVERIFY(model()->flags(w1) & Qt::ItemIsDragEnabled);
        QVERIFY(model()->flags(staging) & Qt::ItemIsDropEnabled);
        QVERIFY(model()->flags(QModelIndex()) & Qt::ItemIsDropEnabled);

        // A selection has every column of a row; the row counts once.
        QModelIndexList selection;
        for (int c = 0; c < HostModel::ColumnCount; ++c)
            selection << w1.siblingAtColumn(c);
        selection << model()->groupIndex(u"prod/db"_s);
        std::unique_ptr<QMimeData> data(model()->mimeData(selection));
        QVERIFY(data);
        QVERIFY(data->hasFormat(HostModel::mimeType()));
        QCOMPARE(data->text(), u"w1.example.test"_s); // dropped in a terminal: addresses

        QVERIFY(model()->canDropMimeData(data.get(), Qt::MoveAction, -1, -1, staging));
        QVERIFY(!model()->canDropMimeData(data.get(), Qt::CopyAction, -1, -1, staging));
        QVERIFY(model()->dropMimeData(data.get(), Qt::MoveAction, -1, -1, staging));
        QCOMPARE(childNames(model(), model()->groupIndex(u"staging"_s)),
                 (QStringList{u"db"_s, u"s1"_s, u"w1"_s}));
        QCOMPARE(model()->profileCount(), 5);

        // After a move drop QAbstractItemView removes the dragged rows itself; the model already moved
        // them, so that must do nothing.
        const QModelIndex moved = model()->indexOf(idOf(u"w1"_s));
        QVERIFY(!model()->removeRows(moved.row(), 1, moved.parent()));
        QCOMPARE(model()->profileCount(), 5);

        // Dropped on a host: into that host's group. Dropped on empty space: top level.
        std::unique_ptr<QMimeData> lone(model()->mimeData({model()->indexOf(idOf(u"lone"_s))}));
        QVERIFY(model()->dropMimeData(lone.get(), Qt::MoveAction, -1, -1, model()->indexOf(idOf(u"w2"_s))));
        QCOMPARE(model()->profile(idOf(u"lone"_s)).group, u"prod/web"_s);
        std::unique_ptr<QMimeData> back(model()->mimeData({model()->indexOf(idOf(u"lone"_s))}));
        QVERIFY(model()->dropMimeData(back.get(), Qt::MoveAction, 0, 0, QModelIndex()));
        QCOMPARE(model()->profile(idOf(u"lone"_s)).group, QString());

        // A group cannot be dropped into itself or below itself.
        std::unique_ptr<QMimeData> group(model()->mimeData({model()->groupIndex(u"staging"_s)}));
        QVERIFY(!model()->canDropMimeData(group.get(), Qt::MoveAction, -1, -1,
                                          model()->groupIndex(u"staging/db"_s)));
        QVERIFY(!model()->dropMimeData(group.get(), Qt::MoveAction, -1, -1, model()->indexOf(idOf(u"d1"_s))));
        QCOMPARE(model()->profile(idOf(u"d1"_s)).group, u"staging/db"_s);
    }

    void removeAnnouncesIds()
    {
        fill();
        QSignalSpy removed(model(), &HostModel::profilesRemoved);
        const QUuid w1 = idOf(u"w1"_s);
        const QUuid w2 = idOf(u"w2"_s);
        const QUuid s1 = idOf(u"s1"_s);
        // A group and a host inside it count once.
        model()->remove({model()->groupIndex(u"prod/web"_s), model()->indexOf(w1), model()->indexOf(s1)});
        QCOMPARE(removed.count(), 1);
        const QList<QUuid> ids = removed.first().first().value<QList<QUuid>>();
        QCOMPARE(QSet<QUuid>(ids.begin(), ids.end()), (QSet<QUuid>{w1, w2, s1}));
        QCOMPARE(model()->profileCount(), 2);
        QVERIFY(!model()->groupIndex(u"prod/web"_s).isValid());
        QCOMPARE(model()->groupIndex(u"prod"_s).data(HostModel::HostCountRole).toInt(), 1);
        QVERIFY(model()->groupIndex(u"staging"_s).isValid()); // now empty, still there

        QVERIFY(model()->removeProfiles({idOf(u"d1"_s)}));
        QCOMPARE(removed.count(), 2);
        QVERIFY(!model()->removeProfiles({QUuid::createUuid()}));
    }

    void duplicateMakesNewProfiles()
    {
        fill();
        const QList<QUuid> ids =
            model()->duplicate({model()->indexOf(idOf(u"w1"_s)), model()->groupIndex(u"staging"_s)});
        QCOMPARE(ids.size(), 1); // groups are not duplicated
        const Profile copy = model()->profile(ids.first());
        const Profile original = model()->profile(idOf(u"w1"_s));
        QVERIFY(copy.id != original.id);
        QCOMPARE(copy.name, u"w1 (copy)"_s);
        QCOMPARE(copy.hostname, original.hostname);
        QCOMPARE(copy.group, original.group);
        QCOMPARE(model()->profileCount(), 6);
    }

    void checkStates()
    {
        fill();
        const QModelIndex prod = model()->groupIndex(u"prod"_s);
        const QModelIndex web = model()->groupIndex(u"prod/web"_s);
        const QModelIndex w1 = model()->indexOf(idOf(u"w1"_s));
        QVERIFY(model()->flags(w1) & Qt::ItemIsUserCheckable);
        QCOMPARE(prod.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));

        QVERIFY(model()->setData(w1, Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(web.data(Qt::CheckStateRole).toInt(), int(Qt::PartiallyChecked));
        QCOMPARE(prod.data(Qt::CheckStateRole).toInt(), int(Qt::PartiallyChecked));
        QCOMPARE(prod.data(HostModel::CheckedCountRole).toInt(), 1);

        // Checking a group checks everything in it.
        QVERIFY(model()->setData(prod, Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(prod.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(web.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(prod.data(HostModel::CheckedCountRole).toInt(), 3);
        QStringList checked;
        for (const Profile &p : model()->checkedProfiles())
            checked.append(p.name);
        QCOMPARE(checked, (QStringList{u"d1"_s, u"w1"_s, u"w2"_s}));

        // Moving a checked host carries its mark and the counts follow.
        QVERIFY(model()->moveToGroup({model()->indexOf(idOf(u"d1"_s))}, u"staging"_s));
        QCOMPARE(prod.data(HostModel::CheckedCountRole).toInt(), 2);
        QCOMPARE(model()->groupIndex(u"staging"_s).data(Qt::CheckStateRole).toInt(),
                 int(Qt::PartiallyChecked));

        QVERIFY(model()->setData(prod, Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(web.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        model()->setAllChecked(true);
        QCOMPARE(model()->checkedProfiles().size(), 5);

        // The engine's view of a selection: groups stand for their hosts, no repeats.
        QCOMPARE(model()->profilesIn({prod, w1}).size(), 2);
    }

    void importMergesDuplicates()
    {
        fill();
        Profile again = host(u"W1-other-name"_s);
        again.hostname = u"W1.EXAMPLE.TEST"_s; // same host, other spelling
        again.tags = {u"imported"_s};
        again.keyFile = u"/keys/id"_s;
        Profile fresh = host(u"n1"_s, u"imported"_s);
        Profile freshTwice = fresh;
        freshTwice.id = QUuid::createUuid();
        const HostModel::MergeStats stats =
            model()->importProfiles({again, fresh, freshTwice}, {u"imported/empty"_s});
        QCOMPARE(stats.added, 1);
        QCOMPARE(stats.merged, 2);
        QCOMPARE(model()->profileCount(), 6);
        const Profile w1 = model()->profile(idOf(u"w1"_s));
        QCOMPARE(w1.name, u"w1"_s); // what the user set is kept
        QCOMPARE(w1.tags, (QStringList{u"linux"_s, u"imported"_s}));
        QCOMPARE(w1.keyFile, u"/keys/id"_s); // what was missing is taken
        QVERIFY(model()->groupIndex(u"imported/empty"_s).isValid());
    }

    void setContentsRoundTrip()
    {
        fill();
        model()->addGroup(u"empty"_s);
        const QList<Profile> profiles = model()->profiles();
        const QStringList groups = model()->groups();
        HostModel other;
        QAbstractItemModelTester tester(&other, QAbstractItemModelTester::FailureReportingMode::QtTest);
        other.setContents(profiles, groups);
        QCOMPARE(other.profiles(), profiles);
        QCOMPARE(other.groups(), groups);
        QCOMPARE(childNames(&other), (QStringList{u"empty"_s, u"prod"_s, u"staging"_s, u"lone"_s}));
        QCOMPARE(other.groupIndex(u"prod"_s).data(HostModel::HostCountRole).toInt(), 3);
    }

    void proxyFilters()
    {
        fill();
        model()->addGroup(u"empty"_s);
        HostFilterProxy proxy;
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(model());
        QVERIFY(!proxy.isFiltering());
        QCOMPARE(allHosts(&proxy).size(), 5);
        QVERIFY(childNames(&proxy).contains(u"empty"_s));

        proxy.setText(u"W1"_s);
        QCOMPARE(allHosts(&proxy), QStringList{u"w1"_s});
        QVERIFY(!childNames(&proxy).contains(u"empty"_s)); // groups only where something matches
        proxy.setText(u"web linux"_s);                     // every word, anywhere: group path and tags
        QCOMPARE(allHosts(&proxy), (QStringList{u"w1"_s, u"w2"_s}));
        // Written as on the command line: ranges, @group (and its subgroups, or by its last part), @tag:
        proxy.setText(u"W[1-5]"_s);
        QCOMPARE(allHosts(&proxy), (QStringList{u"w1"_s, u"w2"_s}));
        proxy.setText(u"@prod"_s);
        QCOMPARE(allHosts(&proxy), (QStringList{u"d1"_s, u"w1"_s, u"w2"_s}));
        proxy.setText(u"@web"_s);
        QCOMPARE(allHosts(&proxy), (QStringList{u"w1"_s, u"w2"_s}));
        proxy.setText(u"@tag:CANARY w[1-9]"_s);
        QCOMPARE(allHosts(&proxy), QStringList{u"w2"_s});
        proxy.setText(u"@nosuchgroup"_s);
        QCOMPARE(allHosts(&proxy), QStringList());
        proxy.setText(QString());

        proxy.setTag(u"LINUX"_s);
        QCOMPARE(allHosts(&proxy), (QStringList{u"w1"_s, u"w2"_s}));
        proxy.setTag(QString());

        proxy.setGroup(u"prod"_s);
        QCOMPARE(allHosts(&proxy), (QStringList{u"d1"_s, u"w1"_s, u"w2"_s}));
        proxy.setText(u"canary"_s);
        QCOMPARE(allHosts(&proxy), QStringList{u"w2"_s});
        proxy.setText(QString());
        proxy.setGroup(QString());

        // Changes in the source reach the filter: a moved host leaves a filtered group.
        proxy.setGroup(u"prod/web"_s);
        QVERIFY(model()->moveToGroup({model()->indexOf(idOf(u"w1"_s))}, u"staging"_s));
        QCOMPARE(allHosts(&proxy), QStringList{u"w2"_s});
        proxy.setGroup(QString());
    }

    void proxySortsNaturallyGroupsFirst()
    {
        for (const QString &name : {u"web10"_s, u"web2"_s, u"Web1"_s})
            model()->addProfile(host(name));
        model()->addGroup(u"zeta"_s);
        HostFilterProxy proxy;
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(model());
        proxy.sort(HostModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(childNames(&proxy), (QStringList{u"zeta"_s, u"Web1"_s, u"web2"_s, u"web10"_s}));
        proxy.sort(HostModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(childNames(&proxy), (QStringList{u"zeta"_s, u"web10"_s, u"web2"_s, u"Web1"_s}));
    }

    void tenThousandHosts()
    {
        QList<Profile> profiles;
        for (int i = 0; i < 10000; ++i) {
            Profile p = host(u"node%1"_s.arg(i, 5, 10, QLatin1Char('0')),
                             u"dc%1/rack%2"_s.arg(i % 3).arg(i % 40), {u"t%1"_s.arg(i % 13)});
            p.hostname = u"127.0.%1.%2"_s.arg(i / 250).arg(i % 250 + 1);
            profiles.append(p);
        }
        m_tester.reset(); // the tester walks every row after each change: fine above, too slow here
        QElapsedTimer timer;
        timer.start();
        model()->setContents(profiles);
        const qint64 loadMs = timer.restart();
        HostFilterProxy proxy;
        proxy.setSourceModel(model());
        proxy.sort(HostModel::NameColumn);
        const qint64 sortMs = timer.restart();
        proxy.setText(u"node0999"_s);
        const qint64 textMs = timer.restart();
        QCOMPARE(allHosts(&proxy).size(), 10); // node09990..node09999
        timer.restart();
        proxy.setText(QString());
        proxy.setTag(u"t7"_s);
        const qint64 tagMs = timer.restart();
        QCOMPARE(allHosts(&proxy).size(), 769);
        model()->setData(model()->groupIndex(u"dc1"_s), Qt::Checked, Qt::CheckStateRole);
        const qint64 checkMs = timer.elapsed();
        QCOMPARE(model()->checkedProfiles().size(), 3333);
        qInfo("10,000 hosts: load %lld ms, sort %lld ms, text filter %lld ms, tag filter %lld ms, check a "
              "group "
              "of 3,333 %lld ms",
              loadMs, sortMs, textMs, tagMs, checkMs);
        QVERIFY2(loadMs + sortMs + textMs + tagMs + checkMs < 30000, "far slower than a person would wait");
    }
};

QTEST_GUILESS_MAIN(TestHostModel)
#include "tst_hostmodel.moc"
