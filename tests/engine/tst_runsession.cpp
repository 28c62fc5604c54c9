// RunSession and the status table models, fed by real runs on a local sshd fleet (and, where a
// test needs a chunk boundary in a precise place, by chunks of real output fed directly).
#include "model/session/runsession.h"
#include "model/session/sessionstatusmodel.h"
#include "model/session/sessionstatusproxy.h"
#include "sshworker/fleet/localfleet.h"
#include "sshworker/workerpool.h"
#include "tests/support/enginerun.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Chorus;

namespace {

// What `seq 1 last` prints.
QByteArray seqOutput(int last)
{
    QByteArray out;
    for (int i = 1; i <= last; ++i)
        out += QByteArray::number(i) + '\n';
    return out;
}

// `kept` is a tail of `all` made of whole lines.
bool expectedTail(const QByteArray &all, const QString &kept)
{
    const QByteArray bytes = kept.toUtf8();
    return !bytes.isEmpty() && all.endsWith(bytes) && all.contains('\n' + bytes);
}

} // namespace

class TestRunSession : public QObject
{
    Q_OBJECT
private:
    LocalFleet m_fleet;
    std::unique_ptr<WorkerPool> m_pool;

    HostTarget target(const FleetHost &host) const { return m_fleet.target(host); }
    HostTarget target(int i) const { return target(m_fleet.hosts().at(i)); }
    QList<HostTarget> targets(int count) const
    {
        QList<HostTarget> list;
        for (int i = 0; i < count; ++i)
            list.append(target(i));
        return list;
    }
    static RunRequest request(const QString &command, const QList<HostTarget> &hosts)
    {
        RunRequest r;
        r.command = command;
        r.hosts = hosts;
        return r;
    }
    // Wires the session to the pool as SessionView does.
    void attach(RunSession *session) const
    {
        WorkerPool *pool = m_pool.get();
        connect(pool, &WorkerPool::hostStateChanged, session, &RunSession::handleHostState);
        connect(pool, &WorkerPool::outputReceived, session, &RunSession::handleOutput);
        connect(pool, &WorkerPool::hostFinished, session, &RunSession::handleHostFinished);
        connect(pool, &WorkerPool::runFinished, session, &RunSession::handleRunFinished);
        connect(session, &RunSession::cancelRequested, pool, &WorkerPool::cancelRun);
        connect(session, &RunSession::hostCancelRequested, pool, &WorkerPool::cancelHost);
    }
    static bool waitFinished(RunSession *session, int timeoutMs = 60000)
    {
        if (session->isFinished())
            return true;
        QEventLoop loop;
        connect(session, &RunSession::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        return session->isFinished();
    }
    // The address the fleet host answers as, which `echo $SSH_CONNECTION | cut -d' ' -f3` prints.
    QString address(int i) const { return m_fleet.hosts().at(i).address; }
    static QString serverAddressCommand() { return QStringLiteral("echo $SSH_CONNECTION | cut -d' ' -f3"); }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        if (!LocalFleet::isAvailable(&why))
            QSKIP(qPrintable(QStringLiteral("no local fleet: %1").arg(why)));
        QString error;
        QVERIFY2(m_fleet.start(4, &error), qPrintable(error));
        PoolSettings settings;
        settings.threads = 2;
        m_pool = std::make_unique<WorkerPool>(settings);
    }

    void cleanupTestCase()
    {
        m_pool.reset();
        m_fleet.stop();
    }

    void statesAndCounters()
    {
        const FleetHost refusing = m_fleet.addRefusingHost();
        QVERIFY(!refusing.address.isEmpty());
        // node02 exits 3, the others sleep a little and say done; the refusing host never runs it.
        const QString command = QStringLiteral("[ \"$(%1)\" = %2 ] && exit 3; sleep 0.5; echo done")
                                    .arg(serverAddressCommand(), address(1));
        QList<HostTarget> hosts = targets(4);
        hosts.append(target(refusing));
        RunSession session(request(command, hosts));
        attach(&session);

        QHash<int, QList<RunSession::HostStatus>> seen;
        int hostsSignals = 0;
        connect(&session, &RunSession::hostsChanged, this, [&](const QList<int> &changed) {
            ++hostsSignals;
            QVERIFY(std::is_sorted(changed.begin(), changed.end()));
            for (int host : changed) {
                if (seen[host].isEmpty() || seen[host].last() != session.status(host))
                    seen[host].append(session.status(host));
            }
        });
        int maxActive = 0;
        connect(&session, &RunSession::countsChanged, this,
                [&] { maxActive = qMax(maxActive, session.counts().active); });
        int engineEvents = 0;
        connect(m_pool.get(), &WorkerPool::hostStateChanged, &session, [&] { ++engineEvents; });
        connect(m_pool.get(), &WorkerPool::outputReceived, &session, [&] { ++engineEvents; });

        QCOMPARE(session.counts().queued, 5);
        QCOMPARE(session.status(0), RunSession::HostStatus::Queued);
        QCOMPARE(session.durationMs(0), -1);
        session.start(m_pool->start(session.request()));
        QVERIFY(waitFinished(&session));

        for (int host : {0, 2, 3}) {
            QCOMPARE(session.status(host), RunSession::HostStatus::Ok);
            // Every host was seen running before it ended, and the last state seen is its end.
            QVERIFY2(seen[host].contains(RunSession::HostStatus::Running), qPrintable(QString::number(host)));
            QCOMPARE(seen[host].last(), RunSession::HostStatus::Ok);
            QVERIFY(seen[host].indexOf(RunSession::HostStatus::Running) <
                    seen[host].indexOf(RunSession::HostStatus::Ok));
            QCOMPARE(session.outputText(host), QStringLiteral("done\n"));
            QCOMPARE(session.bytesReceived(host), 5);
            QVERIFY2(session.durationMs(host) >= 500, qPrintable(QString::number(session.durationMs(host))));
        }
        QCOMPARE(session.status(1), RunSession::HostStatus::NonZeroExit);
        QCOMPARE(session.result(1).exitStatus, 3);
        QCOMPARE(session.bytesReceived(1), 0);
        QCOMPARE(session.status(4), RunSession::HostStatus::Failed);
        QVERIFY2(session.result(4).error.contains(QStringLiteral("refused")),
                 qPrintable(session.result(4).error));

        const RunSession::Counts counts = session.counts();
        QCOMPARE(counts.total, 5);
        QCOMPARE(counts.ok, 3);
        QCOMPARE(counts.nonZeroExit, 1);
        QCOMPARE(counts.failed, 1);
        QCOMPARE(counts.problems(), 2);
        QCOMPARE(counts.active, 0);
        QCOMPARE(counts.queued, 0);
        QVERIFY2(maxActive >= 3, qPrintable(QString::number(maxActive)));
        QVERIFY(session.elapsedMs() >= 500);
        const qint64 elapsed = session.elapsedMs();
        QTest::qWait(100);
        QCOMPARE(session.elapsedMs(), elapsed); // frozen at the end

        // Coalesced: fewer signals than engine events, and no more than one per interval.
        QVERIFY2(hostsSignals < engineEvents,
                 qPrintable(QStringLiteral("%1 vs %2").arg(hostsSignals).arg(engineEvents)));
        QVERIFY2(hostsSignals <= elapsed / RunSession::UpdateIntervalMs + 2,
                 qPrintable(QStringLiteral("%1 signals in %2 ms").arg(hostsSignals).arg(elapsed)));
    }

    void largeOutputIsCapped()
    {
        const int last = 300000;
        const QByteArray expected = seqOutput(last);
        RunSession session(request(QStringLiteral("seq 1 %1").arg(last), {target(0)}));
        const qint64 limit = 64 * 1024;
        session.setDisplayLimit(limit);
        session.setAllHostsDisplayLimit(2 * limit);
        attach(&session);
        session.start(m_pool->start(session.request()));
        QVERIFY(waitFinished(&session));
        QCOMPARE(session.status(0), RunSession::HostStatus::Ok);

        QCOMPARE(session.bytesReceived(0), expected.size());
        // Kept: at most the limit, less only by the part of a line cut to start on a whole one.
        QVERIFY2(session.bytesShown(0) <= limit && session.bytesShown(0) > limit - 8,
                 qPrintable(QString::number(session.bytesShown(0))));
        QCOMPARE(session.bytesShown(0) + session.bytesNotShown(0), expected.size());
        QVERIFY(session.outputStart(0) > 0);
        QCOMPARE(session.outputEnd(0) - session.outputStart(0),
                 session.bytesShown(0)); // ASCII: chars are bytes
        // What is kept is the tail, whole lines in order.
        const QString kept = session.outputText(0);
        QVERIFY(kept.endsWith(QStringLiteral("\n299999\n300000\n")));
        QVERIFY(expected.endsWith(kept.toLatin1()));
        QVERIFY(expected.contains('\n' + kept.toLatin1()));

        // "All hosts": prefixed lines, capped the same way.
        const QString prefix = session.hostName(0) + QStringLiteral(": ");
        QVERIFY(session.bytesShown(RunSession::AllHosts) <= 2 * limit);
        QVERIFY(session.bytesNotShown(RunSession::AllHosts) > 0);
        const QStringList lines = session.outputText(RunSession::AllHosts).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(lines.size() > 1000);
        int previous = -1;
        for (const QString &line : lines) {
            QVERIFY2(line.startsWith(prefix), qPrintable(line));
            const int n = line.mid(prefix.size()).toInt();
            QVERIFY2(previous < 0 || n == previous + 1, qPrintable(line));
            previous = n;
        }
        QCOMPARE(previous, last);

        // The full output stays for saving: byte for byte what seq printed.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("node.out"));
        QString error;
        QVERIFY2(session.saveOutput(0, false, path, &error), qPrintable(error));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), expected);
    }

    void utf8SplitAcrossChunks()
    {
        // Real bytes from a host, then fed back split at every position, as the engine's
        // chunking may split them.
        EngineRun run(
            m_pool.get(),
            request(QStringLiteral("printf 'caf\\303\\251 \\342\\202\\254 \\360\\237\\230\\200\\n'"),
                    {target(0)}));
        QVERIFY(run.run());
        const QByteArray bytes = run.out[0];
        const QString expected = QStringLiteral("café € \U0001F600\n");
        QCOMPARE(QString::fromUtf8(bytes), expected);
        const RunId id = 77;
        for (int cut = 1; cut < bytes.size(); ++cut) {
            RunSession session(request(QStringLiteral("printf"), {target(0), target(1)}));
            session.start(id);
            session.handleOutput({id, 0, false, bytes.left(cut)});
            session.flush();
            // Nothing half-decoded shows, not even a replacement character.
            QVERIFY2(!session.outputText(0).contains(QChar::ReplacementCharacter),
                     qPrintable(QString::number(cut)));
            // The other stream has its own decoder: stderr between the halves does not disturb them.
            session.handleOutput({id, 0, true, QByteArray("e\n")});
            session.handleOutput({id, 0, false, bytes.mid(cut)});
            session.flush();
            QCOMPARE(session.outputText(0).remove(QStringLiteral("e\n")), expected);
            const QString prefix = session.hostName(0) + QStringLiteral(": ");
            QCOMPARE(session.outputText(RunSession::AllHosts),
                     prefix + QStringLiteral("e\n") + prefix + expected);
            QCOMPARE(session.bytesReceived(0), bytes.size() + 2);
        }
    }

    void escapeSequencesAreNotCut()
    {
        const RunId id = 5;
        RunSession session(request(QStringLiteral("x"), {target(0)}));
        session.start(id);
        session.handleOutput({id, 0, false, QByteArray("plain \x1b[3")});
        session.flush();
        QCOMPARE(session.outputText(0), QStringLiteral("plain "));
        session.handleOutput({id, 0, false, QByteArray("1mred\x1b[0m\n\x1b]0;title")});
        session.flush();
        QCOMPARE(session.outputText(0), QStringLiteral("plain \x1b[31mred\x1b[0m\n"));
        session.handleOutput({id, 0, false, QByteArray("\x07tail\n")});
        session.flush();
        QCOMPARE(session.outputText(0), QStringLiteral("plain \x1b[31mred\x1b[0m\n\x1b]0;title\x07tail\n"));
        // Events of another run are not this session's.
        session.handleOutput({id + 1, 0, false, QByteArray("other run\n")});
        session.handleHostState(id + 1, 0, HostState::Running);
        QCOMPARE(
            session.bytesReceived(0),
            qsizetype(strlen("plain \x1b[3") + strlen("1mred\x1b[0m\n\x1b]0;title") + strlen("\x07tail\n")));
        QCOMPARE(session.status(0), RunSession::HostStatus::Queued);
    }

    void partialLinesWaitForTheirNewline()
    {
        const RunId id = 9;
        RunSession session(request(QStringLiteral("x"), {target(0), target(1)}));
        session.start(id);
        const QString a = session.hostName(0) + QStringLiteral(": ");
        const QString b = session.hostName(1) + QStringLiteral(": ");
        QSignalSpy output(&session, &RunSession::outputChanged);
        session.handleOutput({id, 0, false, QByteArray("par")});
        session.handleOutput({id, 1, false, QByteArray("whole\nhalf")});
        session.handleOutput({id, 0, true, QByteArray("err")});
        session.handleOutput({id, 0, false, QByteArray("tial\n")});
        QCOMPARE(session.outputText(0), QString()); // worked through at the next update, or now:
        session.flush();
        // Each host's own view shows the partial text at once; "All hosts" whole lines only.
        QCOMPARE(session.outputText(0), QStringLiteral("parerrtial\n"));
        QCOMPARE(session.outputText(1), QStringLiteral("whole\nhalf"));
        QCOMPARE(session.outputText(RunSession::AllHosts),
                 b + QStringLiteral("whole\n") + a + QStringLiteral("partial\n"));
        QCOMPARE(output.size(), 1);
        QCOMPARE(output.first().first().value<QList<int>>(), (QList<int>{RunSession::AllHosts, 0, 1}));

        // A host's end completes its unfinished lines, each stream on its own line.
        HostResult result;
        result.outcome = HostOutcome::Ok;
        result.exitStatus = 0;
        session.handleHostFinished(id, 1, result);
        session.handleHostFinished(id, 0, result);
        session.flush();
        QCOMPARE(session.outputText(RunSession::AllHosts),
                 b + QStringLiteral("whole\n") + a + QStringLiteral("partial\n") + b +
                     QStringLiteral("half\n") + a + QStringLiteral("err\n"));
        session.handleRunFinished(id);
        QVERIFY(session.isFinished());
        QCOMPARE(session.counts().ok, 2);
    }

    void outputFallenBehindIsSkipped()
    {
        // As when the GUI thread was busy: lots of output queued before the session gets to it.
        const RunId id = 3;
        RunSession session(request(QStringLiteral("seq"), {target(0), target(1)}));
        session.setDisplayLimit(1000);
        session.setAllHostsDisplayLimit(3000);
        session.start(id);
        const QByteArray data = seqOutput(20000);
        for (qsizetype at = 0; at < data.size(); at += 97) { // cut anywhere, mid-line mostly
            session.handleOutput({id, 0, false, data.mid(at, 97)});
            session.handleOutput({id, 1, false, data.mid(at, 97)});
        }
        session.flush();
        for (int host : {0, 1}) {
            QCOMPARE(session.bytesReceived(host), data.size());
            QVERIFY2(session.bytesShown(host) <= 1000 && session.bytesShown(host) > 900,
                     qPrintable(QString::number(session.bytesShown(host))));
            QCOMPARE(session.bytesShown(host) + session.bytesNotShown(host), data.size());
            const QString kept = session.outputText(host);
            QVERIFY(expectedTail(data, kept));
        }
        // "All hosts": whole lines, each host's in order, ending with both hosts' last line.
        const QStringList lines = session.outputText(RunSession::AllHosts).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(lines.size() > 100);
        QHash<QString, int> previous;
        for (const QString &line : lines) {
            const QStringList parts = line.split(QStringLiteral(": "));
            QCOMPARE(parts.size(), 2);
            const int n = parts[1].toInt();
            QVERIFY2(!previous.contains(parts[0]) || n == previous[parts[0]] + 1, qPrintable(line));
            previous[parts[0]] = n;
        }
        QCOMPARE(previous.value(session.hostName(0)), 20000);
        QCOMPARE(previous.value(session.hostName(1)), 20000);
        QVERIFY(session.bytesNotShown(RunSession::AllHosts) > 0);
    }

    void linesNeverMixBetweenHosts()
    {
        // Both hosts print half a line, wait, finish it; their chunks arrive interleaved.
        const QString command = QStringLiteral("t=$(%1); for i in $(seq 1 12); do printf \"$t-$i-start \"; "
                                               "sleep 0.07; printf \"$t-$i-end\\n\"; sleep 0.03; done")
                                    .arg(serverAddressCommand());
        RunSession session(request(command, {target(0), target(1)}));
        attach(&session);
        bool sawPartial = false;
        connect(&session, &RunSession::outputChanged, this, [&] {
            for (int host : {0, 1}) {
                const QString text = session.outputText(host);
                if (!text.isEmpty() && !text.endsWith(u'\n'))
                    sawPartial = true;
            }
        });
        session.start(m_pool->start(session.request()));
        QVERIFY(waitFinished(&session));
        QVERIFY2(sawPartial, "no partial line ever reached a host's view: the test proves nothing");

        const QHash<QString, QString> addressOf{{session.hostName(0), address(0)},
                                                {session.hostName(1), address(1)}};
        const QStringList lines = session.outputText(RunSession::AllHosts).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 24);
        static const QRegularExpression shape(QStringLiteral("^(\\w+): ([0-9.]+)-(\\d+)-start \\2-\\3-end$"));
        QHash<QString, int> next;
        int switches = 0;
        QString previousHost;
        for (const QString &line : lines) {
            const QRegularExpressionMatch m = shape.match(line);
            QVERIFY2(m.hasMatch(), qPrintable(line));
            QCOMPARE(m.captured(2), addressOf.value(m.captured(1)));
            QCOMPARE(m.captured(3).toInt(), ++next[m.captured(1)]);
            if (!previousHost.isEmpty() && previousHost != m.captured(1))
                ++switches;
            previousHost = m.captured(1);
        }
        QVERIFY2(switches >= 2, qPrintable(lines.join(u'\n'))); // they did interleave
    }

    void cancelHostThenRun()
    {
        RunSession session(request(QStringLiteral("sleep 30"), targets(2)));
        attach(&session);
        session.start(m_pool->start(session.request()));
        QTRY_VERIFY_WITH_TIMEOUT(session.status(0) == RunSession::HostStatus::Running &&
                                     session.status(1) == RunSession::HostStatus::Running,
                                 20000);
        QElapsedTimer clock;
        clock.start();
        session.cancelHost(0);
        QTRY_COMPARE_WITH_TIMEOUT(session.status(0), RunSession::HostStatus::Cancelled, 10000);
        QCOMPARE(session.status(1), RunSession::HostStatus::Running);
        QTRY_COMPARE(session.counts().cancelled, 1);
        QCOMPARE(session.counts().active, 1);
        session.cancel();
        QVERIFY(waitFinished(&session, 15000));
        QVERIFY2(clock.elapsed() < 15000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(session.status(1), RunSession::HostStatus::Cancelled);
        QCOMPARE(session.counts().cancelled, 2);
        // Nothing left to cancel: no request goes out.
        QSignalSpy requests(&session, &RunSession::cancelRequested);
        session.cancel();
        QCOMPARE(requests.size(), 0);
    }

    void statusTable()
    {
        const QString command =
            QStringLiteral(
                "[ \"$(%1)\" = %2 ] && kill -KILL $$; [ \"$(%1)\" = %3 ] && { echo boom >&2; exit 7; }; "
                "echo fine")
                .arg(serverAddressCommand(), address(2), address(3));
        RunSession session(request(command, targets(4)));
        SessionStatusModel model(&session);
        SessionStatusProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        attach(&session);

        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(SessionStatusModel::ColumnCount));
        QCOMPARE(model.headerData(SessionStatusModel::ExitColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Exit"));
        QCOMPARE(model.index(0, SessionStatusModel::StateColumn).data().toString(), QStringLiteral("queued"));
        session.start(m_pool->start(session.request()));
        QVERIFY(waitFinished(&session));
        QVERIFY(!changed.isEmpty());

        auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
            return model.index(row, column).data(role);
        };
        for (int row : {0, 1}) {
            QCOMPARE(cell(row, SessionStatusModel::HostColumn).toString(), m_fleet.hosts().at(row).name);
            QCOMPARE(cell(row, SessionStatusModel::StateColumn).toString(), QStringLiteral("ok"));
            QCOMPARE(cell(row, SessionStatusModel::ExitColumn).toString(), QStringLiteral("0"));
            QCOMPARE(cell(row, SessionStatusModel::BytesColumn, SessionStatusModel::SortRole).toLongLong(),
                     5);
            QVERIFY(!cell(row, SessionStatusModel::DurationColumn).toString().isEmpty());
            QVERIFY(cell(row, SessionStatusModel::ErrorColumn).toString().isEmpty());
        }
        QCOMPARE(cell(2, SessionStatusModel::StateColumn).toString(), QStringLiteral("non-zero exit"));
        QCOMPARE(cell(2, SessionStatusModel::ExitColumn).toString(), QStringLiteral("SIGKILL"));
        QCOMPARE(cell(3, SessionStatusModel::ExitColumn).toString(), QStringLiteral("7"));
        QCOMPARE(cell(3, SessionStatusModel::BytesColumn, SessionStatusModel::SortRole).toLongLong(), 5);
        QCOMPARE(cell(3, 0, SessionStatusModel::StatusRole).toInt(),
                 int(RunSession::HostStatus::NonZeroExit));
        QCOMPARE(cell(3, 0, SessionStatusModel::HostIndexRole).toInt(), 3);

        // Icons come from the widgets; any value handed in is what the State column shows.
        model.setStatusDecoration(RunSession::HostStatus::Ok, QStringLiteral("ok-icon"));
        QCOMPARE(cell(0, SessionStatusModel::StateColumn, Qt::DecorationRole).toString(),
                 QStringLiteral("ok-icon"));
        QVERIFY(!cell(2, SessionStatusModel::StateColumn, Qt::DecorationRole).isValid());

        // Sorting by exit: statuses by number, then deaths by signal.
        proxy.sort(SessionStatusModel::ExitColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, SessionStatusModel::HostColumn).data().toString(),
                 m_fleet.hosts().at(2).name);
        QCOMPARE(proxy.index(1, SessionStatusModel::HostColumn).data().toString(),
                 m_fleet.hosts().at(3).name);
        proxy.sort(SessionStatusModel::HostColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, SessionStatusModel::HostColumn).data().toString(),
                 m_fleet.hosts().at(0).name);

        proxy.setStatusFilter(SessionStatusProxy::StatusFilter::Problems);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setStatusFilter(SessionStatusProxy::StatusFilter::Ok);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setStatusFilter(SessionStatusProxy::StatusFilter::Unfinished);
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setStatusFilter(SessionStatusProxy::StatusFilter::All);
        proxy.setTextFilter(m_fleet.hosts().at(1).name.toUpper());
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(SessionStatusModel::HostIndexRole).toInt(), 1);
        proxy.setTextFilter({});
        QCOMPARE(proxy.rowCount(), 4);
    }

    void naturalHostOrder()
    {
        QList<HostTarget> hosts;
        for (const QString &name :
             {QStringLiteral("web10"), QStringLiteral("web2"), QStringLiteral("Web1")}) {
            HostTarget t;
            t.name = name;
            t.hostname = QStringLiteral("127.0.0.1");
            hosts.append(t);
        }
        RunSession session(request(QStringLiteral("true"), hosts));
        SessionStatusModel model(&session);
        SessionStatusProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(SessionStatusModel::HostColumn);
        QStringList order;
        for (int row = 0; row < proxy.rowCount(); ++row)
            order.append(proxy.index(row, 0).data().toString());
        QCOMPARE(order,
                 (QStringList{QStringLiteral("Web1"), QStringLiteral("web2"), QStringLiteral("web10")}));
    }

    void textForPeople()
    {
        QCOMPARE(SessionStatusModel::durationText(-1), QString());
        QCOMPARE(SessionStatusModel::durationText(850), QStringLiteral("850 ms"));
        QCOMPARE(SessionStatusModel::durationText(12400), QStringLiteral("12.4 s"));
        QCOMPARE(SessionStatusModel::durationText(187000), QStringLiteral("3:07"));
        QCOMPARE(SessionStatusModel::durationText(3723000), QStringLiteral("1:02:03"));
        HostResult r;
        QCOMPARE(SessionStatusModel::exitText(r), QString());
        r.exitSignal = QStringLiteral("SEGV");
        r.coreDumped = true;
        QCOMPARE(SessionStatusModel::exitText(r), QStringLiteral("SIGSEGV (core dumped)"));
    }
};

QTEST_GUILESS_MAIN(TestRunSession)
#include "tst_runsession.moc"
