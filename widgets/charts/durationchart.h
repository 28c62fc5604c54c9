#pragma once

#include "model/session/durationseries.h"

#include <QList>
#include <QTimer>
#include <QWidget>

class QCustomPlot;
class QCPBars;
class QCPTextElement;

namespace Chorus {

class RunSession;

// The run's duration chart (QCustomPlot): one bar per finished host, connecting stacked under
// the command, coloured by outcome, longest first; it follows the run as hosts finish. The
// horizontal axis drags and zooms for runs of hundreds of hosts; a tooltip names each bar and a
// click opens that host's output. Exports as PNG and PDF.
class DurationChart : public QWidget
{
    Q_OBJECT
public:
    explicit DurationChart(RunSession *session, QWidget *parent = nullptr);

    const QList<DurationSeries::Bar> &bars() const { return m_bars; }
    QCustomPlot *plot() const { return m_plot; }
    bool exportPng(const QString &path) const;
    bool exportPdf(const QString &path) const;
    // The bar at a point of the plot, -1 if none (for tooltips, clicks and tests).
    int barAt(const QPoint &position) const;
    void rebuild();
    // The unit of the vertical axis ("seconds"), written level above it: a rotated title is hard to
    // read in Chinese.
    QString unitText() const;

Q_SIGNALS:
    void hostClicked(int host);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    RunSession *m_session;
    QCustomPlot *m_plot;
    QList<DurationSeries::Bar> m_bars;
    QList<QCPBars *> m_jump; // one per outcome, so each bar can take its outcome's colour
    QList<QCPBars *> m_tunnel;
    QList<QCPBars *> m_connect;
    QList<QCPBars *> m_command;
    QCPTextElement *m_unit;
    QTimer m_rebuild;
};

} // namespace Chorus
