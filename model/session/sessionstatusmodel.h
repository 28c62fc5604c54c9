#pragma once

#include "model/session/runsession.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QTimer>
#include <QVariant>

#include <array>

namespace Chorus {

// The status table of a session: one row per host of the run, in the request's order, with its
// state, exit status or signal, duration, bytes received and error. Follows the RunSession's
// coalesced change signals; while hosts run, the Duration column is refreshed once a second.
//
// QtCore only, so the state icons are handed in (setStatusDecoration) by the widgets that know
// the style; without them the State column is text only.
class SessionStatusModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        HostColumn,
        StateColumn,
        ExitColumn,
        DurationColumn,
        BytesColumn,
        ErrorColumn,
        ColumnCount
    };
    enum Role
    {
        HostIndexRole = Qt::UserRole + 1, // int: the host's index in the run
        StatusRole,                       // int: RunSession::HostStatus
        SortRole,                         // what the column sorts by: numbers for numbers
        ProgressRole,                     // int 0-100 on a transfer's Copied column; -1 while unknown
    };
    Q_ENUM(Column)
    Q_ENUM(Role)

    static constexpr int DurationRefreshMs = 1000;

    explicit SessionStatusModel(RunSession *session, QObject *parent = nullptr);

    RunSession *session() const { return m_session; }
    // Decoration (normally a QIcon) shown in the State column for hosts in that status.
    void setStatusDecoration(RunSession::HostStatus status, const QVariant &decoration);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString statusText(RunSession::HostStatus status);
    // What State says of a host asked to stop that has not stopped yet.
    static QString cancellingText();
    // How a host ended, for people: the same words as the State column.
    static QString outcomeText(HostOutcome outcome);
    // "0", "3", "SIGKILL", "SIGSEGV (core dumped)"; empty when the host sent neither.
    static QString exitText(const HostResult &result);
    // "850 ms", "12.4 s", "3:07", "1:02:03"; empty for a negative duration.
    static QString durationText(qint64 ms);
    // "0:07", "3:07", "1:02:03": whole seconds as a clock shows them.
    static QString clockText(qint64 ms);

private:
    void hostsChanged(const QList<int> &hosts);
    void refreshDurations();
    void updateDurationTimer();

    QPointer<RunSession> m_session;
    int m_rows = 0;
    std::array<QVariant, RunSession::HostStatusCount> m_decorations;
    QTimer m_durationTimer;
};

} // namespace Chorus
