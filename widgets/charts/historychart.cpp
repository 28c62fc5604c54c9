#include "widgets/charts/historychart.h"

#include "model/session/sessionstatusmodel.h"
#include "widgets/charts/customplot.h"
#include "widgets/charts/plotexport.h"
#include "widgets/charts/plottheme.h"
#include "widgets/style/outcomepalette.h"

#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPushButton>
#include <QToolTip>
#include <QVBoxLayout>

namespace Chorus {

namespace {

constexpr int OutcomeCount = int(HostOutcome::Cancelled) + 1;
constexpr int PickRadiusPx = 8;

} // namespace

HistoryChart::HistoryChart(RunHistory *history, QWidget *parent)
    : QWidget(parent)
    , m_history(history)
    , m_plot(new QCustomPlot(this))
    , m_title(new QLabel(this))
{
    setObjectName(QStringLiteral("historyChart"));
    m_plot->setObjectName(QStringLiteral("historyPlot"));
    m_plot->setAccessibleName(tr("Duration per run over time"));
    m_plot->setMinimumSize(240, 120);
    m_plot->yAxis->setLabel(tr("milliseconds"));
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerDateTime>::create());
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);

    m_line = m_plot->addGraph();
    m_line->setPen(QPen(palette().color(QPalette::Mid), 1));
    for (int i = 0; i < OutcomeCount; ++i) {
        QCPGraph *graph = m_plot->addGraph();
        graph->setLineStyle(QCPGraph::lsNone);
        const QColor color = OutcomePalette::color(HostOutcome(i));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, color, 8));
        graph->setName(SessionStatusModel::outcomeText(HostOutcome(i)));
        m_outcomeGraphs.append(graph);
    }
    PlotTheme::apply(m_plot);
    m_plot->installEventFilter(this);
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) {
        const int index = pointAt(event->pos());
        if (index >= 0)
            Q_EMIT runClicked(m_points.at(index).run);
    });

    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    auto *save = new QPushButton(tr("Export..."), this);
    save->setObjectName(QStringLiteral("exportHistoryChartButton"));
    connect(save, &QPushButton::clicked, this,
            [this] { PlotExport::withDialog(this, m_plot, QStringLiteral("durations-over-time.png")); });
    auto *row = new QHBoxLayout;
    row->addWidget(m_title, 1);
    row->addWidget(save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_plot, 1);
    clear();
}

void HistoryChart::clear()
{
    showRuns(QString());
}

void HistoryChart::showRuns(const QString &command, const QString &host)
{
    m_command = command;
    m_host = host;
    m_points = command.isEmpty() || !m_history ? QList<RunHistory::TimelinePoint>()
                                                : m_history->timeline(command, host);
    // The title stays within two lines: the whole command is in its tooltip.
    constexpr int ShownChars = 60;
    QString shown = command.simplified();
    if (shown.size() > ShownChars)
        shown = shown.left(ShownChars - 1) + QChar(0x2026);
    m_title->setToolTip(command);
    if (command.isEmpty())
        m_title->setText(tr("Select a run to see how long its command took over time."));
    else if (host.isEmpty())
        m_title->setText(tr("%n run(s) of “%1” over time", nullptr, int(m_points.size())).arg(shown));
    else
        m_title->setText(tr("%n run(s) of “%1” on %2 over time", nullptr, int(m_points.size())).arg(shown, host));

    QVector<double> keys, values;
    QList<QVector<double>> outcomeKeys(OutcomeCount), outcomeValues(OutcomeCount);
    double top = 1;
    for (const RunHistory::TimelinePoint &p : std::as_const(m_points)) {
        const double key = QCPAxisTickerDateTime::dateTimeToKey(p.started);
        keys.append(key);
        values.append(double(p.durationMs));
        outcomeKeys[int(p.outcome)].append(key);
        outcomeValues[int(p.outcome)].append(double(p.durationMs));
        top = qMax(top, double(p.durationMs));
    }
    m_line->setData(keys, values, true);
    for (int o = 0; o < OutcomeCount; ++o)
        m_outcomeGraphs[o]->setData(outcomeKeys[o], outcomeValues[o], true);
    if (keys.isEmpty()) {
        const double now = QCPAxisTickerDateTime::dateTimeToKey(QDateTime::currentDateTime());
        m_plot->xAxis->setRange(now - 3600, now);
    } else {
        // A margin on both sides, and at least a minute, so a single run is not on the edge.
        const double span = qMax(60.0, keys.last() - keys.first());
        m_plot->xAxis->setRange(keys.first() - span * 0.05, keys.last() + span * 0.05);
    }
    // Seconds matter for runs minutes apart, the date for runs days apart.
    const double span = m_plot->xAxis->range().size();
    auto ticker = m_plot->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>();
    ticker->setDateTimeFormat(span < 1800 ? QStringLiteral("HH:mm:ss")
                              : span < 86400 ? QStringLiteral("HH:mm")
                                             : QStringLiteral("MM-dd\nHH:mm"));
    m_plot->yAxis->setRange(0, top * 1.15);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int HistoryChart::pointAt(const QPoint &position) const
{
    int best = -1;
    double bestDistance = PickRadiusPx;
    for (int i = 0; i < m_points.size(); ++i) {
        const RunHistory::TimelinePoint &p = m_points.at(i);
        const double x = m_plot->xAxis->coordToPixel(QCPAxisTickerDateTime::dateTimeToKey(p.started));
        const double y = m_plot->yAxis->coordToPixel(double(p.durationMs));
        const double distance = std::hypot(x - position.x(), y - position.y());
        if (distance <= bestDistance) {
            best = i;
            bestDistance = distance;
        }
    }
    return best;
}

bool HistoryChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot && event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = pointAt(help->pos());
        if (index < 0) {
            QToolTip::hideText();
        } else {
            const RunHistory::TimelinePoint &p = m_points.at(index);
            QToolTip::showText(help->globalPos(),
                               tr("%1: %2, %3").arg(QLocale().toString(p.started, QLocale::ShortFormat),
                                                    SessionStatusModel::durationText(p.durationMs),
                                                    SessionStatusModel::outcomeText(p.outcome)),
                               m_plot);
        }
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Chorus
