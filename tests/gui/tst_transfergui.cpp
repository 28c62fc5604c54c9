// Copying files from the main window, as a person does against a real sshd fleet: the transfer
// dialog says what is missing, a push and a pull run as session tabs with a progress column, and
// the files arrive byte for byte (every fleet host is this machine, so both ends can be checked).
#include "app/guiapp.h"
#include "model/history/historymodel.h"
#include "model/history/runhistory.h"
#include "model/profiles/hostmodel.h"
#include "model/session/runsession.h"
#include "model/session/sessionstatusmodel.h"
#include "sshworker/fleet/localfleet.h"
#include "tests/support/testfiles.h"
#include "widgets/dialogs/transferdialog.h"
#include "widgets/history/historypanel.h"
#include "widgets/mainwindow/mainwindow.h"
#include "widgets/session/sessionview.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Chorus;
using namespace Chorus::TestFiles;

class TestTransferGui : public QObject
{
    Q_OBJECT

    LocalFleet m_fleet;
    QTemporaryDir m_tmp;
    std::unique_ptr<GuiApp> m_gui;
    MainWindow *m_window = nullptr;

    QString cell(SessionView *session, int host, int column, int role = Qt::DisplayRole) const
    {
        SessionStatusModel *model = session->statusModel();
        return model->index(host, column).data(role).toString();
    }
    SessionView *transfer(const TransferSpec &spec)
    {
        m_window->hostModel()->setAllChecked(true);
        TransferDialog *dialog = m_window->showTransferDialog(m_window->hostModel()->checkedProfiles());
        if (!dialog)
            return nullptr;
        dialog->setSpec(spec);
        if (!dialog->okButton()->isEnabled()) {
            qWarning() << dialog->problem();
            return nullptr;
        }
        const int tabs = m_window->sessionTabs()->count();
        dialog->okButton()->click();
        if (m_window->sessionTabs()->count() != tabs + 1)
            return nullptr;
        SessionView *session = m_window->currentSession();
        const bool ended = QTest::qWaitFor([session] { return !session->isRunning(); }, 60000);
        return ended ? session : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        if (!LocalFleet::isAvailable(&why))
            QSKIP(qPrintable(why));
        QVERIFY2(QSettings().fileName().startsWith(QDir::homePath()), "run through tests/testenv.sh");
        QString error;
        QVERIFY2(m_fleet.start(3, &error), qPrintable(error));
        m_gui = std::make_unique<GuiApp>();
        m_window = m_gui->window();
        QList<HostTarget> targets;
        for (const FleetHost &h : m_fleet.hosts())
            targets += m_fleet.target(h);
        m_window->setHosts(QStringLiteral("Fleet"), targets);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }
    void cleanupTestCase()
    {
        m_gui.reset();
        m_fleet.stop();
    }

    void dialogSaysWhatIsMissing()
    {
        TransferDialog dialog(3);
        QVERIFY(dialog.windowTitle().contains(QStringLiteral("3")));
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(dialog.problem().contains(QStringLiteral("Add the files")));

        TransferSpec push;
        push.localPaths = {m_tmp.filePath(QStringLiteral("not-there.conf"))};
        push.remotePath = QStringLiteral("/tmp");
        dialog.setSpec(push);
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY2(dialog.problem().contains(QStringLiteral("not-there.conf")), qPrintable(dialog.problem()));
        QVERIFY(writeFile(push.localPaths.first(), "x"));
        dialog.setSpec(push);
        QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problem()));
        dialog.remoteFolder()->clear();
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(dialog.problem().contains(QStringLiteral("remote folder")));

        // Pull: a file where the local folder should be is refused before anything runs.
        dialog.pullButton()->setChecked(true);
        dialog.remotePath()->setText(QStringLiteral("/etc/hostname"));
        dialog.localFolder()->setText(push.localPaths.first());
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY2(dialog.problem().contains(QStringLiteral("not a folder")), qPrintable(dialog.problem()));
        dialog.localFolder()->setText(m_tmp.filePath(QStringLiteral("collect")));
        QVERIFY(dialog.okButton()->isEnabled());
        const TransferSpec pull = dialog.spec();
        QCOMPARE(pull.direction, TransferDirection::Pull);
        QCOMPARE(pull.remotePath, QStringLiteral("/etc/hostname"));
        QCOMPARE(pull.localPaths, QStringList{m_tmp.filePath(QStringLiteral("collect"))});
    }

    void pushShowsProgressAndDelivers()
    {
        const QByteArray data = randomBytes(3 * 1024 * 1024);
        const QString local = m_tmp.filePath(QStringLiteral("payload.bin"));
        QVERIFY(writeFile(local, data));
        const QString remote = m_tmp.filePath(QStringLiteral("remote"));
        QVERIFY(QDir().mkpath(remote));
        const int runsBefore = m_window->history()->runs().size();

        TransferSpec spec;
        spec.localPaths = {local};
        spec.remotePath = remote;
        spec.verifyChecksum = true;
        SessionView *session = transfer(spec);
        QVERIFY(session);
        QVERIFY(session->session()->isTransfer());
        QVERIFY(!session->isRunning());
        QCOMPARE(session->session()->counts().ok, 3);
        QCOMPARE(readFile(remote + QStringLiteral("/payload.bin")), data);
        QCOMPARE(session->statusModel()->headerData(SessionStatusModel::BytesColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Copied"));
        for (int host = 0; host < 3; ++host) {
            QCOMPARE(session->session()->transferDone(host), qint64(data.size()));
            QCOMPARE(cell(session, host, SessionStatusModel::BytesColumn, SessionStatusModel::ProgressRole),
                     QStringLiteral("100"));
            QCOMPARE(cell(session, host, SessionStatusModel::BytesColumn), QStringLiteral("3.0 MiB of 3.0 MiB"));
            QCOMPARE(session->session()->result(host).filesTransferred, 1);
        }
        QVERIFY2(session->summaryText().contains(QStringLiteral("9.0 MiB of 9.0 MiB copied")),
                 qPrintable(session->summaryText()));
        // A copy is not a command: the history keeps commands only.
        QCOMPARE(m_window->history()->runs().size(), runsBefore);
    }

    void pullCollectsOneFolderPerHost()
    {
        const QString source = m_tmp.filePath(QStringLiteral("app.log"));
        QVERIFY(writeFile(source, "line 1\nline 2\n"));
        const QString into = m_tmp.filePath(QStringLiteral("collected"));
        TransferSpec spec;
        spec.direction = TransferDirection::Pull;
        spec.remotePath = source;
        spec.localPaths = {into};
        SessionView *session = transfer(spec);
        QVERIFY(session);
        QCOMPARE(session->session()->counts().ok, 3);
        for (const FleetHost &h : m_fleet.hosts())
            QCOMPARE(readFile(QDir(into).filePath(h.name + QStringLiteral("/app.log"))), QByteArray("line 1\nline 2\n"));
    }

    void aMissingRemotePathFailsThatHostClearly()
    {
        TransferSpec spec;
        spec.direction = TransferDirection::Pull;
        spec.remotePath = m_tmp.filePath(QStringLiteral("no-such-file"));
        spec.localPaths = {m_tmp.filePath(QStringLiteral("nothing"))};
        SessionView *session = transfer(spec);
        QVERIFY(session);
        QCOMPARE(session->session()->counts().failed, 3);
        const QString error = cell(session, 0, SessionStatusModel::ErrorColumn);
        QVERIFY2(error.contains(QStringLiteral("no-such-file")) && error.contains(QStringLiteral("No such file"), Qt::CaseInsensitive),
                 qPrintable(error));
    }

    // Last: it closes the window. Quitting while a copy runs asks first; "keep" keeps it going, and
    // quitting stops it without a file under its final name.
    void quittingAsksWhileACopyRuns()
    {
        const QString local = m_tmp.filePath(QStringLiteral("big.bin"));
        QVERIFY(writeFile(local, randomBytes(32 * 1024 * 1024)));
        const QString remote = m_tmp.filePath(QStringLiteral("remote-quit"));
        QVERIFY(QDir().mkpath(remote));
        m_window->hostModel()->setAllChecked(true);
        TransferDialog *dialog = m_window->showTransferDialog(m_window->hostModel()->checkedProfiles());
        QVERIFY(dialog);
        TransferSpec spec;
        spec.localPaths = {local};
        spec.remotePath = remote;
        dialog->setSpec(spec);
        dialog->okButton()->click();
        SessionView *session = m_window->currentSession();
        QVERIFY(session && session->session()->isTransfer());
        // The servers stop answering at once (32 MiB takes far longer than that to copy), so the copy
        // is still running when the window closes.
        QVERIFY(m_fleet.pauseServer(0));
        QCOMPARE(m_window->runningTransfers(), 1);

        const auto answer = [](const QString &button) {
            QTimer::singleShot(0, [button] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                QVERIFY(box);
                QCOMPARE(box->objectName(), QStringLiteral("confirmQuitBox"));
                for (QAbstractButton *b : box->buttons()) {
                    if (b->text().remove(u'&').startsWith(button))
                        b->click();
                }
            });
        };
        answer(QStringLiteral("Keep"));
        QVERIFY(!m_window->close());
        QVERIFY(m_window->isVisible());
        QVERIFY(session->isRunning());

        answer(QStringLiteral("Quit"));
        QVERIFY(m_window->close());
        QVERIFY(m_fleet.resumeServer(0));
        m_gui.reset(); // stops the copies
        QVERIFY(!QFileInfo::exists(remote + QStringLiteral("/big.bin")));
    }
};

QTEST_MAIN(TestTransferGui)
#include "tst_transfergui.moc"
