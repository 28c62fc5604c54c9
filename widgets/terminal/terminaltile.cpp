#include "widgets/terminal/terminaltile.h"

#include "model/core/printable.h"
#include "widgets/session/findbar.h"
#include "widgets/style/theme.h"
#include "widgets/terminal/terminalview.h"

#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Chorus {

namespace {

constexpr int BorderWidth = 3; // thick enough to see at a glance on every tile of a full screen

} // namespace

TerminalTile::TerminalTile(const QString &hostName, const HostTarget &target, QWidget *parent)
    : QFrame(parent)
    , m_hostName(hostName)
    , m_target(target)
{
    setObjectName(QStringLiteral("terminalTile"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(BorderWidth, BorderWidth, BorderWidth, BorderWidth);
    layout->setSpacing(0);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(4, 1, 1, 1);
    header->setSpacing(2);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("tileTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setMinimumWidth(1); // a long host name is cut, the buttons stay
    header->addWidget(m_title, 1);

    m_receives = new QToolButton(this);
    m_receives->setObjectName(QStringLiteral("receivesButton"));
    m_receives->setCheckable(true);
    m_receives->setChecked(true);
    m_receives->setText(tr("Receives"));
    m_receives->setToolTip(tr("Typing to all reaches this terminal"));
    m_receives->setAccessibleName(tr("Receives typing to all: %1").arg(hostName));
    m_receives->setFocusPolicy(Qt::NoFocus); // focus stays in the terminals
    connect(m_receives, &QToolButton::toggled, this, [this](bool on) {
        update();
        Q_EMIT receivesChanged(on);
    });
    header->addWidget(m_receives);

    m_logButton = new QToolButton(this);
    m_logButton->setObjectName(QStringLiteral("logButton"));
    m_logButton->setText(tr("Log"));
    m_logButton->setToolTip(tr("Write what this host sends to a file"));
    m_logButton->setAccessibleName(tr("Session log: %1").arg(hostName));
    m_logButton->setFocusPolicy(Qt::NoFocus);
    m_logButton->setPopupMode(QToolButton::InstantPopup);
    auto *logMenu = new QMenu(m_logButton);
    logMenu->addAction(tr("Log as Plain Text..."), this, [this] { chooseLog(SessionLog::Format::Plain); });
    logMenu->addAction(tr("Log Raw, with Escape Sequences..."), this, [this] { chooseLog(SessionLog::Format::Raw); });
    QAction *stop = logMenu->addAction(tr("Stop Logging"), this, &TerminalTile::stopLog);
    connect(logMenu, &QMenu::aboutToShow, this, [this, stop] { stop->setEnabled(isLogging()); });
    m_logButton->setMenu(logMenu);
    header->addWidget(m_logButton);

    m_maximize = new QToolButton(this);
    m_maximize->setObjectName(QStringLiteral("maximizeButton"));
    m_maximize->setFocusPolicy(Qt::NoFocus);
    m_maximize->setAccessibleName(tr("Maximise: %1").arg(hostName));
    connect(m_maximize, &QToolButton::clicked, this, &TerminalTile::maximizeRequested);
    header->addWidget(m_maximize);
    layout->addLayout(header);

    m_banner = new QWidget(this);
    m_banner->setObjectName(QStringLiteral("endBanner"));
    auto *banner = new QHBoxLayout(m_banner);
    banner->setContentsMargins(4, 2, 2, 2);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setTextFormat(Qt::PlainText);
    m_bannerText->setWordWrap(true);
    banner->addWidget(m_bannerText, 1);
    m_reconnect = new QPushButton(tr("Reconnect"), m_banner);
    m_reconnect->setObjectName(QStringLiteral("reconnectButton"));
    m_reconnect->setAccessibleName(tr("Reconnect: %1").arg(hostName));
    connect(m_reconnect, &QPushButton::clicked, this, &TerminalTile::reconnectRequested);
    banner->addWidget(m_reconnect);
    m_banner->hide();
    layout->addWidget(m_banner);

    m_view = new TerminalView(this);
    m_view->setAccessibleName(tr("Terminal: %1").arg(hostName));
    m_view->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_view, 1);
    m_findBar = new FindBar(m_view, this);
    m_findBar->setObjectName(QStringLiteral("terminalFindBar"));
    layout->addWidget(m_findBar);
    connect(m_view, &TerminalView::titleChanged, this, &TerminalTile::updateHeader);
    setFocusProxy(m_view);
    setMaximized(false);
    updateHeader();
}

QString TerminalTile::statusText() const
{
    switch (m_state) {
    case State::Connecting:
        switch (m_hostState) {
        case HostState::AwaitingHostKey:
            return tr("%1: waiting for the host key to be accepted").arg(m_hostName);
        case HostState::Authenticating:
            return tr("%1: authenticating").arg(m_hostName);
        case HostState::AwaitingSecret:
            return tr("%1: waiting for a password").arg(m_hostName);
        default:
            return tr("%1: connecting").arg(m_hostName);
        }
    case State::Open: {
        const QString title = m_view->title();
        return title.isEmpty() ? m_hostName : tr("%1: %2").arg(m_hostName, title);
    }
    case State::Closed:
        return tr("%1: %2").arg(m_hostName, m_ending);
    }
    return m_hostName;
}

void TerminalTile::setStarted(RunId run)
{
    m_run = run;
    m_state = State::Connecting;
    m_hostState = HostState::Queued;
    m_ending.clear();
    m_banner->hide();
    updateHeader();
}

void TerminalTile::setHostState(HostState state)
{
    m_hostState = state;
    if (state == HostState::Running && m_state == State::Connecting)
        m_state = State::Open;
    updateHeader();
}

void TerminalTile::setFinished(const HostResult &result)
{
    m_state = State::Closed;
    if (result.outcome == HostOutcome::Cancelled)
        m_ending = tr("closed");
    else if (!result.exitSignal.isEmpty())
        m_ending = tr("the shell was killed by signal %1").arg(result.exitSignal);
    else if (result.exitStatus >= 0)
        m_ending = tr("the shell ended with exit status %1").arg(result.exitStatus);
    else
        m_ending = printable(result.error); // from the engine, about the server: made printable
    m_bannerText->setText(m_ending);
    m_banner->show();
    updateHeader();
}

void TerminalTile::output(const QByteArray &data)
{
    if (m_log.isOpen() && !m_log.write(data))
        QMessageBox::warning(this, tr("Session log"), m_log.error());
    m_view->feed(data);
}

bool TerminalTile::receives() const
{
    return m_receives->isChecked();
}

void TerminalTile::setReceives(bool receives)
{
    m_receives->setChecked(receives);
}

void TerminalTile::setBroadcasting(bool broadcasting)
{
    m_broadcasting = broadcasting;
    m_receives->setVisible(broadcasting);
    update();
}

void TerminalTile::setMaximized(bool maximized)
{
    m_maximize->setText(maximized ? tr("Restore") : tr("Maximise"));
    m_maximize->setToolTip(maximized ? tr("Show every terminal of the group again (Ctrl+Shift+Enter)")
                                     : tr("Show only this terminal (Ctrl+Shift+Enter)"));
}

bool TerminalTile::startLog(const QString &path, SessionLog::Format format, QString *error)
{
    const bool ok = m_log.open(path, format, error);
    updateHeader();
    return ok;
}

void TerminalTile::stopLog()
{
    m_log.close();
    updateHeader();
}

void TerminalTile::chooseLog(SessionLog::Format format)
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Session log for %1").arg(m_hostName),
                                                      m_hostName + QStringLiteral(".log"), QString(), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    QString error;
    if (!startLog(path, format, &error))
        QMessageBox::warning(this, tr("Session log"), error);
}

void TerminalTile::updateHeader()
{
    QString text = statusText();
    if (isLogging())
        text = tr("%1 (logging)").arg(text);
    m_title->setText(text);
    m_title->setToolTip(isLogging() ? tr("Logging to %1").arg(logPath()) : QString());
    QPalette palette = m_title->palette();
    palette.setColor(QPalette::WindowText, m_state == State::Closed ? Theme::errorText(this->palette())
                                                                     : this->palette().color(QPalette::WindowText));
    m_title->setPalette(palette);
}

void TerminalTile::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    QPainter painter(this);
    QColor color;
    if (isHighlighted())
        color = Theme::warningText(palette());
    else if (m_view->hasFocus())
        color = palette().color(QPalette::Highlight);
    else
        color = palette().color(QPalette::Mid);
    const int width = isHighlighted() ? BorderWidth : 1;
    painter.setPen(QPen(color, width));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(rect()).adjusted(width / 2.0, width / 2.0, -width / 2.0, -width / 2.0));
}

void TerminalTile::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateHeader();
}

} // namespace Chorus
