#pragma once

#include "model/core/hostevents.h"
#include "model/core/hostresult.h"
#include "model/core/hosttarget.h"
#include "model/core/runrequest.h"
#include "widgets/terminal/sessionlog.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace Chorus {

class FindBar;
class TerminalView;

// One host's terminal in a terminal group: a header naming the host and the shell's state, the
// "receives" switch (whether typing to all reaches it), the session log and maximise buttons; the
// terminal; and when the shell has ended, how it ended and a Reconnect button. A tile that typing
// to all reaches has a thick border in the warning colour, so nobody types into it unawares.
class TerminalTile : public QFrame
{
    Q_OBJECT
public:
    enum class State
    {
        Connecting,
        Open,
        Closed,
    };

    TerminalTile(const QString &hostName, const HostTarget &target, QWidget *parent = nullptr);

    TerminalView *view() const { return m_view; }
    // Under the terminal, hidden until Ctrl+Shift+F (TerminalGroup): finds in its scrollback.
    FindBar *findBar() const { return m_findBar; }
    QString hostName() const { return m_hostName; }
    const HostTarget &target() const { return m_target; }
    RunId runId() const { return m_run; }
    State state() const { return m_state; }
    // What the header says: the host and its state ("web01: exit status 3").
    QString statusText() const;

    // A new shell is starting for this tile.
    void setStarted(RunId run);
    void setHostState(HostState state);
    void setFinished(const HostResult &result);
    // Output from the host: to the session log, if one is open, and to the terminal.
    void output(const QByteArray &data);

    bool receives() const;
    void setReceives(bool receives);
    // The group types to all: this tile shows whether it is reached.
    void setBroadcasting(bool broadcasting);
    bool isHighlighted() const { return m_broadcasting && receives(); }
    void setMaximized(bool maximized);

    bool startLog(const QString &path, SessionLog::Format format, QString *error);
    void stopLog();
    bool isLogging() const { return m_log.isOpen(); }
    QString logPath() const { return m_log.path(); }

Q_SIGNALS:
    void reconnectRequested();
    void maximizeRequested();
    void receivesChanged(bool receives);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void chooseLog(SessionLog::Format format);
    void updateHeader();

    QString m_hostName;
    HostTarget m_target;
    RunId m_run = 0;
    State m_state = State::Connecting;
    HostState m_hostState = HostState::Queued;
    QString m_ending; // how the shell ended, for the header and the banner
    bool m_broadcasting = false;
    QLabel *m_title = nullptr;
    QToolButton *m_receives = nullptr;
    QToolButton *m_logButton = nullptr;
    QToolButton *m_maximize = nullptr;
    QWidget *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_reconnect = nullptr;
    TerminalView *m_view = nullptr;
    FindBar *m_findBar = nullptr;
    SessionLog m_log;
};

} // namespace Chorus
