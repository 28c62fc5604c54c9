// The Keys view of the compare tab: settings-shaped output of six hosts in three groups read into
// KeyValueModel by a background build, its filters, its cells (hosts, kinds, colours, unsafe bytes)
// and what clicking them selects; and a newer set of outputs overtaking a large build.
#include "model/compare/keyvaluemodel.h"
#include "widgets/compare/keyvalueview.h"
#include "widgets/style/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QThreadPool>

#include <memory>

using namespace Chorus;

namespace {

using Column = LineMatrix::Column;
using Format = KeyValueTable::Format;

// `sysctl -a`-like output with the lines that vary by group given.
QByteArray sysctl(const QByteArray &ipForward, const QByteArray &sysrqLine, const QByteArray &motd,
                  const QByteArray &banner, const QByteArray &ctl)
{
    return "# sysctl -a, abridged\n"
           "abi.vsyscall32 = 1\n"
           "LANG=zh_CN.UTF-8\n"
           "\n"
           "net.ipv4.ip_forward = " +
           ipForward + "\n" + sysrqLine +
           "vm.swappiness = 60\n"
           "kernel.motd = " +
           motd +
           "\n"
           "kernel.banner = " +
           banner +
           "\n"
           "kernel.ctl = " +
           ctl + "\n";
}

// Hosts 0-2 (web01-03), host 3 (web04, no kernel.sysrq) and hosts 4-5 (web05-06, ip_forward 0).
QList<Column> sixHosts()
{
    return {
        {{0, 1, 2},
         sysctl("1", "kernel.sysrq = 176\n", "中文", "ok",
                "a\x1b"
                "b")},
        {{3}, sysctl("1", "", "中文", "ok", "ab")},
        {{4, 5}, sysctl("0", "kernel.sysrq = 176\n", "English", "bad\xff\xfe", "ab")},
    };
}

QStringList names(int count)
{
    QStringList out;
    for (int i = 1; i <= count; ++i)
        out.append(QStringLiteral("web%1").arg(i, 2, 10, QLatin1Char('0')));
    return out;
}

// The visible row of a key, -1 if it is not shown.
int rowOf(const KeyValueModel *model, const QString &key)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, KeyValueModel::KeyColumn).data().toString() == key)
            return row;
    }
    return -1;
}

QList<int> hostsAt(const KeyValueModel *model, int row, int column)
{
    return model->index(row, column).data(KeyValueModel::HostsRole).value<QList<int>>();
}

} // namespace

class TestKeyValueView : public QObject
{
    Q_OBJECT

    std::unique_ptr<KeyValueView> builtView(const QList<Column> &columns = sixHosts(), int hosts = 6)
    {
        auto view = std::make_unique<KeyValueView>();
        QSignalSpy built(view.get(), &KeyValueView::built);
        view->setColumns(columns, names(hosts));
        [&] {
            QTRY_COMPARE(built.count(), 1);
        }();
        return view;
    }

private Q_SLOTS:
    void everyWidgetIsNamed()
    {
        KeyValueView view;
        QCOMPARE(view.findChild<QComboBox *>(QStringLiteral("keyFormatBox")), view.formatBox());
        QCOMPARE(view.findChild<QLineEdit *>(QStringLiteral("keyFilterEdit")), view.filterEdit());
        QCOMPARE(view.findChild<QCheckBox *>(QStringLiteral("differingKeysOnlyBox")),
                 view.differingOnlyBox());
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("keySummaryLabel")), view.summaryLabel());
        QCOMPARE(view.findChild<QTableView *>(QStringLiteral("keyValueTable")), view.table());
        QVERIFY(view.differingOnlyBox()->isChecked());
        QVERIFY(view.filterEdit()->isClearButtonEnabled());
        QVERIFY(!view.filterEdit()->placeholderText().isEmpty());
        QCOMPARE(view.formatBox()->count(), 4);
        QCOMPARE(view.formatBox()->currentData().toInt(), int(Format::Detect));
        QVERIFY(view.table()->alternatingRowColors());
        QVERIFY(!view.isBuilding());
    }

    void detectsEqualsAndShowsDifferingKeys()
    {
        auto view = builtView();
        QVERIFY(!view->isBuilding());
        QCOMPARE(view->model()->table().format(), Format::Equals);
        QCOMPARE(view->formatBox()->currentData().toInt(), int(Format::Detect));
        QCOMPARE(view->summaryLabel()->text(), QStringLiteral("5 of 8 keys differ (format: key=value)."));
        QCOMPARE(view->model()->rowCount(), 5);
        QCOMPARE(rowOf(view->model(), QStringLiteral("vm.swappiness")), -1);
        QCOMPARE(view->model()->headerData(KeyValueModel::KeyColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Key"));
        QCOMPARE(view->model()->headerData(KeyValueModel::MajorityColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Majority"));
        QCOMPARE(view->model()->headerData(KeyValueModel::FirstDeviationColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Deviation 1"));
        // Two values at most per key: the key, the majority and one deviation.
        QCOMPARE(view->model()->columnCount(), 3);
    }

    void majorityAndDeviationHaveTheirHosts()
    {
        auto view = builtView();
        const KeyValueModel *model = view->model();
        const int row = rowOf(model, QStringLiteral("net.ipv4.ip_forward"));
        QVERIFY(row >= 0);
        const QModelIndex majority = model->index(row, KeyValueModel::MajorityColumn);
        const QModelIndex deviation = model->index(row, KeyValueModel::FirstDeviationColumn);
        QCOMPARE(majority.data().toString(), QStringLiteral("1 — web[01-04] (4)"));
        QCOMPARE(hostsAt(model, row, KeyValueModel::MajorityColumn), QList<int>({0, 1, 2, 3}));
        QCOMPARE(majority.data(KeyValueModel::KindRole).toString(), QStringLiteral("majority"));
        QCOMPARE(deviation.data().toString(), QStringLiteral("0 — web[05-06] (2)"));
        QCOMPARE(hostsAt(model, row, KeyValueModel::FirstDeviationColumn), QList<int>({4, 5}));
        QCOMPARE(deviation.data(KeyValueModel::KindRole).toString(), QStringLiteral("deviation"));
        QVERIFY(deviation.data(Qt::ToolTipRole).toString().endsWith(QStringLiteral(": web05, web06")));
        // The key stands for every host of the table.
        QCOMPARE(hostsAt(model, row, KeyValueModel::KeyColumn), QList<int>({0, 1, 2, 3, 4, 5}));
    }

    // A key with a value per host (a boot id) folds the values past the last column into one
    // cell, with their hosts, so the table stays as wide as the other keys need.
    void valuesPastTheLastColumnShareOneCell()
    {
        QList<Column> columns;
        for (int host = 0; host < 20; ++host) {
            const QByteArray id = host < 2 ? QByteArray("same") : "id-" + QByteArray::number(host);
            columns.append(
                {{host},
                 "kernel.random.boot_id = " + id + "\nvm.swappiness = " + (host == 5 ? "10" : "60") + "\n"});
        }
        auto view = builtView(columns, 20);
        const KeyValueModel *model = view->model();
        QCOMPARE(model->columnCount(),
                 KeyValueModel::MajorityColumn + 1 + KeyValueModel::MaxDeviationColumns);
        const int last = KeyValueModel::MajorityColumn + KeyValueModel::MaxDeviationColumns;
        QCOMPARE(model->headerData(last, Qt::Horizontal).toString(), QStringLiteral("Deviation 8 and more"));
        const int boot = rowOf(model, QStringLiteral("kernel.random.boot_id"));
        QVERIFY(boot >= 0);
        QCOMPARE(model->index(boot, KeyValueModel::MajorityColumn).data().toString(),
                 QStringLiteral("same — web[01-02] (2)"));
        QCOMPARE(model->index(boot, last - 1).data().toString(), QStringLiteral("id-8 — web09 (1)"));
        const QModelIndex rest = model->index(boot, last);
        QCOMPARE(rest.data().toString(), QStringLiteral("11 more value(s) — web[10-20] (11)"));
        QCOMPARE(hostsAt(model, boot, last), QList<int>({9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}));
        QCOMPARE(rest.data(KeyValueModel::KindRole).toString(), QStringLiteral("deviation"));
        const QStringList tip = rest.data(Qt::ToolTipRole).toString().split(u'\n');
        QCOMPARE(tip.size(), 11);
        QCOMPARE(tip.constFirst(), QStringLiteral("id-9 — web10"));
        // A key with few values keeps its own cells, and the empty ones stay empty.
        const int swap = rowOf(model, QStringLiteral("vm.swappiness"));
        QCOMPARE(model->index(swap, KeyValueModel::FirstDeviationColumn).data().toString(),
                 QStringLiteral("10 — web06 (1)"));
        QVERIFY(model->index(swap, last).data().isNull());
        // Narrowed to that key, the table is as wide as it needs.
        view->findChild<QLineEdit *>(QStringLiteral("keyFilterEdit"))->setText(QStringLiteral("swappiness"));
        QTRY_COMPARE(model->columnCount(), KeyValueModel::FirstDeviationColumn + 1);
        QCOMPARE(model->headerData(KeyValueModel::FirstDeviationColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Deviation 1"));
    }

    void missingKeyIsAbsentOnItsHost()
    {
        auto view = builtView();
        const KeyValueModel *model = view->model();
        const int row = rowOf(model, QStringLiteral("kernel.sysrq"));
        QVERIFY(row >= 0);
        QCOMPARE(model->index(row, KeyValueModel::MajorityColumn).data().toString(),
                 QStringLiteral("176 — web[01-03,05-06] (5)"));
        const QModelIndex absent = model->index(row, KeyValueModel::FirstDeviationColumn);
        QCOMPARE(absent.data().toString(), QStringLiteral("(absent) — web04 (1)"));
        QCOMPARE(absent.data(KeyValueModel::KindRole).toString(), QStringLiteral("absent"));
        QCOMPARE(hostsAt(model, row, KeyValueModel::FirstDeviationColumn), QList<int>({3}));
    }

    void allKeysWhenNotOnlyThoseThatDiffer()
    {
        auto view = builtView();
        view->differingOnlyBox()->setChecked(false);
        QVERIFY(!view->model()->differingOnly());
        QCOMPARE(view->model()->rowCount(), 8);
        const int row = rowOf(view->model(), QStringLiteral("vm.swappiness"));
        QVERIFY(row >= 0);
        QCOMPARE(view->model()->index(row, KeyValueModel::MajorityColumn).data().toString(),
                 QStringLiteral("60 — web[01-06] (6)"));
        QVERIFY(view->model()->index(row, KeyValueModel::FirstDeviationColumn).data().isNull());
        view->differingOnlyBox()->setChecked(true);
        QCOMPARE(view->model()->rowCount(), 5);
    }

    void filterNarrowsRows()
    {
        auto view = builtView();
        view->filterEdit()->setText(QStringLiteral("IP_FORWARD"));
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("net.ipv4.ip_forward"));
        QVERIFY(view->summaryLabel()->text().contains(QStringLiteral("1 key matches the filter")) ||
                view->summaryLabel()->text().contains(QStringLiteral("1 key(s) match the filter")));
        // Values are searched too.
        view->filterEdit()->setText(QStringLiteral("english"));
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("kernel.motd"));
        // Keys that agree stay hidden until asked for.
        view->filterEdit()->setText(QStringLiteral("swappiness"));
        QCOMPARE(view->model()->rowCount(), 0);
        view->differingOnlyBox()->setChecked(false);
        QCOMPARE(view->model()->rowCount(), 1);
        view->filterEdit()->clear();
        QCOMPARE(view->model()->rowCount(), 8);
    }

    void clickingCellsSelectsTheirHosts()
    {
        auto view = builtView();
        view->resize(1000, 500);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        QSignalSpy selected(view.get(), &KeyValueView::hostsSelected);
        QTableView *table = view->table();
        const int row = rowOf(view->model(), QStringLiteral("net.ipv4.ip_forward"));
        auto click = [&](int column) {
            const QModelIndex index = view->model()->index(row, column);
            table->scrollTo(index);
            QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
        };
        click(KeyValueModel::FirstDeviationColumn);
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.last().at(0).value<QList<int>>(), QList<int>({4, 5}));
        click(KeyValueModel::MajorityColumn);
        QCOMPARE(selected.count(), 2);
        QCOMPARE(selected.last().at(0).value<QList<int>>(), QList<int>({0, 1, 2, 3}));
        click(KeyValueModel::KeyColumn);
        QCOMPARE(selected.count(), 3);
        QCOMPARE(selected.last().at(0).value<QList<int>>(), QList<int>({0, 1, 2, 3, 4, 5}));
        // From the keyboard: Enter on the current cell.
        table->setFocus();
        table->setCurrentIndex(view->model()->index(row, KeyValueModel::FirstDeviationColumn));
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(selected.count(), 4);
        QCOMPARE(selected.last().at(0).value<QList<int>>(), QList<int>({4, 5}));
    }

    void formatChangeRebuilds()
    {
        auto view = builtView();
        QSignalSpy built(view.get(), &KeyValueView::built);
        view->formatBox()->setCurrentIndex(view->formatBox()->findData(int(Format::Whitespace)));
        QVERIFY(view->isBuilding());
        QTRY_COMPARE(built.count(), 1);
        QCOMPARE(view->model()->table().format(), Format::Whitespace);
        // "key = value" is not "key value": nothing reads, and the summary says so.
        QCOMPARE(view->model()->rowCount(), 0);
        QVERIFY(view->summaryLabel()->text().contains(QStringLiteral("does not look like key/value lines")));
        view->formatBox()->setCurrentIndex(view->formatBox()->findData(int(Format::Equals)));
        QTRY_COMPARE(built.count(), 2);
        QCOMPARE(view->model()->table().format(), Format::Equals);
        QCOMPARE(view->model()->rowCount(), 5);
    }

    void chineseValuesShowIntact()
    {
        auto view = builtView();
        view->differingOnlyBox()->setChecked(false);
        const KeyValueModel *model = view->model();
        const int lang = rowOf(model, QStringLiteral("LANG"));
        QVERIFY(lang >= 0);
        QCOMPARE(model->index(lang, KeyValueModel::MajorityColumn).data().toString(),
                 QStringLiteral("zh_CN.UTF-8 — web[01-06] (6)"));
        const int motd = rowOf(model, QStringLiteral("kernel.motd"));
        QCOMPARE(model->index(motd, KeyValueModel::MajorityColumn).data().toString(),
                 QStringLiteral("中文 — web[01-04] (4)"));
        view->filterEdit()->setText(QStringLiteral("中文"));
        QCOMPARE(model->rowCount(), 1);
    }

    void unsafeBytesDisplaySafely()
    {
        auto view = builtView();
        const KeyValueModel *model = view->model();
        const int banner = rowOf(model, QStringLiteral("kernel.banner"));
        const QString bad = model->index(banner, KeyValueModel::FirstDeviationColumn).data().toString();
        QVERIFY2(bad.startsWith(QStringLiteral("bad\uFFFD")), qPrintable(bad));
        QVERIFY(bad.endsWith(QStringLiteral(" — web[05-06] (2)")));
        const int ctl = rowOf(model, QStringLiteral("kernel.ctl"));
        const QModelIndex escape = model->index(ctl, KeyValueModel::MajorityColumn);
        // Three hosts against three: the first seen is the majority.
        QCOMPARE(escape.data().toString(), QStringLiteral("a\u241Bb — web[01-03] (3)"));
        for (QChar c : escape.data().toString())
            QVERIFY(c.unicode() >= 0x20);

        // An override a server left open is spelt out rather than turning the host set around.
        const QList<Column> columns = {{{0},
                                        "motd = \xE2\x80\xAE"
                                        "evil\n"},
                                       {{1}, "motd = good\n"}};
        auto bidi = builtView(columns, 2);
        const QString shown = bidi->model()->index(0, KeyValueModel::MajorityColumn).data().toString();
        QCOMPARE(shown, QStringLiteral("\\u{202e}evil — web01 (1)"));
    }

    void outputThatIsNotKeyValueSaysSo()
    {
        const QList<Column> packages = {{{0, 1}, "bash\ncoreutils\nopenssh-server\n"}, {{2}, "bash\nzsh\n"}};
        auto view = builtView(packages, 3);
        QVERIFY(view->model()->table().parsedShare() < 0.5);
        QVERIFY2(view->summaryLabel()->text().contains(QStringLiteral("does not look like key/value lines")),
                 qPrintable(view->summaryLabel()->text()));
        QCOMPARE(view->model()->rowCount(), 0);

        auto empty = builtView({{{0}, {}}}, 1);
        QVERIFY(empty->summaryLabel()->text().contains(QStringLiteral("no output")));
    }

    void deviationsAreTintedReadably()
    {
        auto view = builtView();
        const int row = rowOf(view->model(), QStringLiteral("net.ipv4.ip_forward"));
        for (Theme::Mode mode : {Theme::Mode::Light, Theme::Mode::Dark}) {
            const QPalette palette = Theme::palette(mode);
            view->setPalette(palette);
            const QModelIndex deviation = view->model()->index(row, KeyValueModel::FirstDeviationColumn);
            const QColor background = deviation.data(Qt::BackgroundRole).value<QColor>();
            QCOMPARE(background, Theme::warningBackground(palette));
            QVERIFY(Theme::contrast(palette.color(QPalette::Text), background) >= Theme::MinimumContrast);
            // The majority keeps the table's own base.
            QVERIFY(
                view->model()->index(row, KeyValueModel::MajorityColumn).data(Qt::BackgroundRole).isNull());
        }
    }

    // 200 hosts of 2,000 lines each, every host with its own value of one key: a build that takes a
    // while. Outputs that come after it replace it; its result never shows.
    void newerColumnsOvertakeALargeBuild()
    {
        QList<Column> large;
        for (int host = 0; host < 200; ++host) {
            QByteArray output;
            for (int line = 0; line < 2000; ++line)
                output += "key" + QByteArray::number(line) + " = " +
                          QByteArray::number(line == 7 ? host : line % 3) + '\n';
            large.append({{host}, output});
        }
        KeyValueView view;
        QSignalSpy built(&view, &KeyValueView::built);
        view.setColumns(large, names(200));
        QVERIFY(view.isBuilding());
        view.setColumns(sixHosts(), names(6));
        QVERIFY(view.isBuilding());
        QTRY_COMPARE(built.count(), 1);
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();
        QCOMPARE(built.count(), 1);
        QCOMPARE(view.model()->table().hostCount(), 6);
        QCOMPARE(view.model()->rowCount(), 5);

        // And the large one on its own: one key differs, on every host.
        view.setColumns(large, names(200));
        QTRY_COMPARE(built.count(), 2);
        QCOMPARE(view.model()->table().rows().size(), 2000);
        QCOMPARE(view.model()->rowCount(), 1);
        // One value per host: the last column holds the 192 values past the first eight.
        const int last = KeyValueModel::MajorityColumn + KeyValueModel::MaxDeviationColumns;
        QCOMPARE(view.model()->columnCount(), last + 1);
        const QList<int> rest = hostsAt(view.model(), 0, last);
        QCOMPARE(rest.size(), 192);
        QCOMPARE(rest.constLast(), 199);
        view.differingOnlyBox()->setChecked(false);
        view.filterEdit()->setText(QStringLiteral("key19"));
        // key19, key190-199, key1900-1999.
        QCOMPARE(view.model()->rowCount(), 1 + 10 + 100);
    }
};

QTEST_MAIN(TestKeyValueView)
#include "tst_keyvalueview.moc"
