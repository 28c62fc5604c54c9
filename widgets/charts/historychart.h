#pragma once

#include "model/history/runhistory.h"

#include <QList>
#include <QWidget>

class QCustomPlot;
class QCPGraph;
class QLabel;

namespace Chorus {

// Duration over time across runs (QCustomPlot): for one command, each stored run's duration; for
// one command on one host, that host's duration in each run. A point per run, coloured by outcome
// (the run's worst host, or the host's own), joined by a line; a tooltip gives the time and
// duration, a click opens that run. Exports as PNG and PDF.
class HistoryChart : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryChart(RunHistory *history, QWidget *parent = nullptr);

    // Shows the runs of exactly this command; with a host, that host's part in them.
    void showRuns(const QString &command, const QString &host = QString());
    void clear();
    const QList<RunHistory::TimelinePoint> &points() const { return m_points; }
    QString command() const { return m_command; }
    QString host() const { return m_host; }
    QCustomPlot *plot() const { return m_plot; }
    // The point at a position of the plot, -1 if none.
    int pointAt(const QPoint &position) const;

Q_SIGNALS:
    void runClicked(qint64 run);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    RunHistory *m_history;
    QCustomPlot *m_plot;
    QLabel *m_title;
    QCPGraph *m_line;
    QList<QCPGraph *> m_outcomeGraphs;
    QList<RunHistory::TimelinePoint> m_points;
    QString m_command;
    QString m_host;
};

} // namespace Chorus
