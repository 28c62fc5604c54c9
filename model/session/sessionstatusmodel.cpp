#include "model/session/sessionstatusmodel.h"

#include <QLocale>

namespace Chorus {

SessionStatusModel::SessionStatusModel(RunSession *session, QObject *parent)
    : QAbstractTableModel(parent), m_session(session), m_rows(session ? session->hostCount() : 0)
{
    m_durationTimer.setInterval(DurationRefreshMs);
    connect(&m_durationTimer, &QTimer::timeout, this, &SessionStatusModel::refreshDurations);
    if (!session)
        return;
    connect(session, &RunSession::hostsChanged, this, &SessionStatusModel::hostsChanged);
    connect(session, &RunSession::finished, this, [this] {
        m_durationTimer.stop();
        refreshDurations();
    });
    // A session that goes first leaves an empty table rather than dangling rows.
    connect(session, &QObject::destroyed, this, [this] {
        beginResetModel();
        m_rows = 0;
        endResetModel();
        m_durationTimer.stop();
    });
    updateDurationTimer();
}

void SessionStatusModel::setStatusDecoration(RunSession::HostStatus status, const QVariant &decoration)
{
    m_decorations[size_t(status)] = decoration;
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0, StateColumn), index(m_rows - 1, StateColumn), {Qt::DecorationRole});
}

int SessionStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int SessionStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionStatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_session)
        return {};
    const int host = index.row();
    const RunSession::HostStatus status = m_session->status(host);
    const HostResult &result = m_session->result(host);
    const bool finished = m_session->isHostFinished(host);

    switch (role) {
    case HostIndexRole:
        return host;
    case StatusRole:
        return int(status);
    case ProgressRole:
        if (!m_session->isTransfer() || index.column() != BytesColumn)
            return {};
        if (m_session->transferTotal(host) <= 0)
            return finished && result.outcome == HostOutcome::Ok ? 100 : -1;
        return int(m_session->transferDone(host) * 100 / m_session->transferTotal(host));
    case Qt::TextAlignmentRole:
        if (index.column() == ExitColumn || index.column() == DurationColumn || index.column() == BytesColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::DecorationRole:
        return index.column() == StateColumn ? m_decorations[size_t(status)] : QVariant();
    case Qt::ToolTipRole:
        switch (index.column()) {
        case HostColumn:
            return m_session->target(host).address();
        case ErrorColumn:
            // How the connection went (keys offered, retries), as `chorus run -v` prints it.
            if (result.log.isEmpty())
                return result.error;
            return result.error.isEmpty() ? result.log.join(u'\n') : result.error + QStringLiteral("\n\n") + result.log.join(u'\n');
        case BytesColumn:
            if (m_session->isTransfer())
                return finished ? tr("%n file(s) copied, %1 skipped as the overwrite policy says", nullptr,
                                     result.filesTransferred).arg(result.filesSkipped)
                                : QVariant();
            if (!finished)
                return {};
            return tr("stdout %1 bytes, stderr %2 bytes").arg(result.stdoutBytes).arg(result.stderrBytes);
        default:
            return {};
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case HostColumn:
            return m_session->hostName(host);
        case StateColumn:
            return !finished && m_session->isCancelling(host) ? cancellingText() : statusText(status);
        case ExitColumn:
            return finished ? exitText(result) : QString();
        case DurationColumn:
            return durationText(m_session->durationMs(host));
        case BytesColumn:
            if (m_session->isTransfer()) {
                const qint64 total = m_session->transferTotal(host);
                const QString done = QLocale().formattedDataSize(m_session->transferDone(host), 1);
                return total > 0 ? tr("%1 of %2").arg(done, QLocale().formattedDataSize(total, 1)) : done;
            }
            return QLocale().formattedDataSize(m_session->bytesReceived(host), 1);
        case ErrorColumn:
            // One line in the table; the tooltip has all of it.
            return QString(result.error).replace(u'\n', u' ');
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case HostColumn:
            return m_session->hostName(host);
        case StateColumn:
            return int(status);
        case ExitColumn:
            // Statuses first, then deaths by signal, then hosts that sent neither.
            if (result.hasExitStatus() && finished)
                return result.exitStatus;
            return finished && !result.exitSignal.isEmpty() ? 1000 : 2000;
        case DurationColumn:
            return m_session->durationMs(host);
        case BytesColumn:
            return m_session->isTransfer() ? m_session->transferDone(host) : m_session->bytesReceived(host);
        case ErrorColumn:
            return result.error;
        }
        return {};
    default:
        return {};
    }
}

QVariant SessionStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case HostColumn:
        return tr("Host");
    case StateColumn:
        return tr("State");
    case ExitColumn:
        return tr("Exit");
    case DurationColumn:
        return tr("Duration");
    case BytesColumn:
        return m_session && m_session->isTransfer() ? tr("Copied") : tr("Received");
    case ErrorColumn:
        return tr("Error");
    }
    return {};
}

QHash<int, QByteArray> SessionStatusModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(HostIndexRole, "hostIndex");
    names.insert(StatusRole, "status");
    names.insert(SortRole, "sortValue");
    names.insert(ProgressRole, "progress");
    return names;
}

QString SessionStatusModel::outcomeText(HostOutcome outcome)
{
    // The finished statuses follow HostOutcome's order.
    static_assert(int(RunSession::HostStatus::Cancelled) - int(RunSession::HostStatus::Ok) == int(HostOutcome::Cancelled));
    return statusText(RunSession::HostStatus(int(RunSession::HostStatus::Ok) + int(outcome)));
}

QString SessionStatusModel::cancellingText()
{
    return tr("cancelling…");
}

QString SessionStatusModel::statusText(RunSession::HostStatus status)
{
    using S = RunSession::HostStatus;
    switch (status) {
    case S::Queued:
        return tr("queued");
    case S::Connecting:
        return tr("connecting");
    case S::AwaitingHostKey:
        return tr("host key?");
    case S::Authenticating:
        return tr("authenticating");
    case S::AwaitingSecret:
        return tr("password?");
    case S::Running:
        return tr("running");
    case S::Ok:
        return tr("ok");
    case S::NonZeroExit:
        return tr("non-zero exit");
    case S::Failed:
        return tr("failed");
    case S::TimedOut:
        return tr("timed out");
    case S::Cancelled:
        return tr("cancelled");
    }
    return {};
}

QString SessionStatusModel::exitText(const HostResult &result)
{
    if (result.hasExitStatus())
        return QString::number(result.exitStatus);
    if (result.exitSignal.isEmpty())
        return {};
    const QString name = QStringLiteral("SIG") + result.exitSignal;
    return result.coreDumped ? tr("%1 (core dumped)").arg(name) : name;
}

QString SessionStatusModel::durationText(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    if (ms < 60 * 1000)
        return tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
    return clockText(ms);
}

QString SessionStatusModel::clockText(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    const QChar zero(u'0');
    if (seconds < 3600)
        return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, zero);
    return QStringLiteral("%1:%2:%3")
        .arg(seconds / 3600)
        .arg(seconds / 60 % 60, 2, 10, zero)
        .arg(seconds % 60, 2, 10, zero);
}

void SessionStatusModel::hostsChanged(const QList<int> &hosts)
{
    // Neighbouring rows go out as one range: a wave of 500 hosts is a handful of signals.
    qsizetype i = 0;
    while (i < hosts.size()) {
        qsizetype j = i;
        while (j + 1 < hosts.size() && hosts[j + 1] == hosts[j] + 1)
            ++j;
        // The host column never changes: leaving it out spares a proxy sorted by host a
        // re-sort on every wave (hundreds of rows, many times a second).
        if (hosts[i] >= 0 && hosts[j] < m_rows)
            Q_EMIT dataChanged(index(hosts[i], HostColumn + 1), index(hosts[j], ColumnCount - 1));
        i = j + 1;
    }
    updateDurationTimer();
}

void SessionStatusModel::refreshDurations()
{
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0, DurationColumn), index(m_rows - 1, DurationColumn),
                           {Qt::DisplayRole, SortRole});
    updateDurationTimer();
}

void SessionStatusModel::updateDurationTimer()
{
    const bool ticking = m_session && m_session->isStarted() && !m_session->isFinished();
    if (ticking && !m_durationTimer.isActive())
        m_durationTimer.start();
    else if (!ticking)
        m_durationTimer.stop();
}

} // namespace Chorus
