#include "widgets/charts/durationchart.h"

#include "model/session/runsession.h"
#include "model/session/sessionstatusmodel.h"
#include "widgets/charts/customplot.h"
#include "widgets/charts/durationticker.h"
#include "widgets/charts/plotexport.h"
#include "widgets/charts/plottheme.h"
#include "widgets/style/outcomepalette.h"

#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QToolTip>
#include <QVBoxLayout>

namespace Chorus {

namespace {

constexpr int OutcomeCount = int(HostOutcome::Cancelled) + 1;
constexpr int LabelledBars = 60; // beyond this, names would overlap: the tooltip names the bar

} // namespace

DurationChart::DurationChart(RunSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_plot(new QCustomPlot(this))
{
    setObjectName(QStringLiteral("durationChart"));
    m_plot->setObjectName(QStringLiteral("durationPlot"));
    m_plot->setAccessibleName(tr("Duration per host"));
    m_plot->yAxis->setTicker(QSharedPointer<DurationTicker>::create());
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    // Above the bars, never over them: the unit on the left, the legend in one row on the right.
    auto *top = new QCPLayoutGrid;
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, top);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    m_unit = new QCPTextElement(m_plot, DurationTicker::unitLabel(0));
    m_unit->setTextFlags(Qt::AlignLeft | Qt::AlignVCenter);
    top->addElement(0, 0, m_unit);
    top->addElement(0, 1, m_plot->legend);
    top->setColumnStretchFactor(0, 1);
    top->setColumnStretchFactor(1, 0.001);
    m_plot->legend->setVisible(true);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    for (int i = 0; i < OutcomeCount; ++i) {
        const QColor color = OutcomePalette::color(HostOutcome(i));
        // Through a jump host, under the host's own connecting: waiting for the jump host, then the
        // channel through it, hatched two ways.
        auto *jump = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        jump->setBrush(QBrush(color, Qt::BDiagPattern));
        jump->setPen(QPen(color.lighter(160)));
        jump->setWidth(0.8);
        jump->removeFromLegend();
        auto *tunnel = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        tunnel->setBrush(QBrush(color, Qt::Dense5Pattern));
        tunnel->setPen(QPen(color.lighter(160)));
        tunnel->setWidth(0.8);
        tunnel->removeFromLegend();
        tunnel->moveAbove(jump);
        auto *connect = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        connect->setBrush(color.lighter(160));
        connect->setPen(Qt::NoPen);
        connect->setWidth(0.8);
        connect->removeFromLegend();
        connect->moveAbove(tunnel);
        auto *command = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        command->setBrush(color);
        command->setPen(Qt::NoPen);
        command->setWidth(0.8);
        command->moveAbove(connect);
        command->setName(SessionStatusModel::outcomeText(HostOutcome(i)));
        m_jump.append(jump);
        m_tunnel.append(tunnel);
        m_connect.append(connect);
        m_command.append(command);
    }
    PlotTheme::apply(m_plot);
    m_plot->installEventFilter(this);
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) {
        const int index = barAt(event->pos());
        if (index >= 0)
            Q_EMIT hostClicked(m_bars.at(index).host);
    });

    auto *note = new QLabel(tr("Light: connecting, dark: the command, hatched: through the jump host (waiting for it, then "
                              "its channel). Drag or wheel to move and zoom."), this);
    note->setEnabled(false);
    auto *save = new QPushButton(tr("Export..."), this);
    save->setObjectName(QStringLiteral("exportChartButton"));
    connect(save, &QPushButton::clicked, this,
            [this] { PlotExport::withDialog(this, m_plot, QStringLiteral("durations.png")); });
    auto *row = new QHBoxLayout;
    row->addWidget(note, 1);
    row->addWidget(save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_plot, 1);

    // Hosts finish in waves: redraw at most four times a second.
    m_rebuild.setSingleShot(true);
    m_rebuild.setInterval(250);
    connect(&m_rebuild, &QTimer::timeout, this, &DurationChart::rebuild);
    connect(session, &RunSession::hostsChanged, &m_rebuild, [this] {
        if (!m_rebuild.isActive())
            m_rebuild.start();
    });
    connect(session, &RunSession::finished, this, &DurationChart::rebuild);
    rebuild();
}

void DurationChart::rebuild()
{
    m_bars = DurationSeries::fromSession(*m_session);
    QList<QVector<double>> keys(OutcomeCount), jumpMs(OutcomeCount), tunnelMs(OutcomeCount),
        connectMs(OutcomeCount), commandMs(OutcomeCount);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    double top = 1;
    for (int i = 0; i < m_bars.size(); ++i) {
        const DurationSeries::Bar &bar = m_bars.at(i);
        const int o = int(bar.outcome);
        keys[o].append(i);
        jumpMs[o].append(bar.jumpMs);
        tunnelMs[o].append(bar.tunnelMs);
        connectMs[o].append(bar.connectMs);
        commandMs[o].append(bar.commandMs);
        top = qMax(top, bar.totalMs());
        if (m_bars.size() <= LabelledBars)
            ticker->addTick(i, bar.name);
    }
    // The legend names only the outcomes that occurred, in a fixed order.
    m_plot->legend->clearItems();
    for (int o = 0; o < OutcomeCount; ++o) {
        m_jump[o]->setData(keys[o], jumpMs[o], true);
        m_tunnel[o]->setData(keys[o], tunnelMs[o], true);
        m_connect[o]->setData(keys[o], connectMs[o], true);
        m_command[o]->setData(keys[o], commandMs[o], true);
        if (!keys[o].isEmpty())
            m_command[o]->addToLegend();
    }
    if (m_bars.size() <= LabelledBars) {
        m_plot->xAxis->setTicker(ticker);
        m_plot->xAxis->setTickLabelRotation(m_bars.size() > 12 ? 60 : 0);
    } else {
        m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        m_plot->xAxis->setTickLabelRotation(0);
    }
    m_plot->xAxis->setRange(-0.7, qMax<qsizetype>(1, m_bars.size()) - 0.3);
    m_plot->yAxis->setRange(0, top * 1.1);
    m_unit->setText(DurationTicker::unitLabel(top * 1.1));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int DurationChart::barAt(const QPoint &position) const
{
    if (!m_plot->axisRect()->rect().contains(position))
        return -1;
    const double key = m_plot->xAxis->pixelToCoord(position.x());
    const int index = qRound(key);
    if (index < 0 || index >= m_bars.size() || qAbs(key - index) > 0.4)
        return -1;
    const double value = m_plot->yAxis->pixelToCoord(position.y());
    return value >= 0 && value <= m_bars.at(index).totalMs() ? index : -1;
}

bool DurationChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot && event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = barAt(help->pos());
        if (index < 0) {
            QToolTip::hideText();
        } else {
            const DurationSeries::Bar &bar = m_bars.at(index);
            QString text = tr("%1: %2\nconnecting %3 ms, command %4 ms, total %5 ms")
                               .arg(bar.name, SessionStatusModel::outcomeText(bar.outcome))
                               .arg(bar.connectMs, 0, 'f', 0)
                               .arg(bar.commandMs, 0, 'f', 0)
                               .arg(bar.totalMs(), 0, 'f', 0);
            if (bar.jumpMs + bar.tunnelMs > 0)
                text += u'\n' + tr("through the jump host: waiting %1 ms, channel %2 ms")
                                    .arg(bar.jumpMs, 0, 'f', 0)
                                    .arg(bar.tunnelMs, 0, 'f', 0);
            QToolTip::showText(help->globalPos(), text,
                               m_plot);
        }
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

QString DurationChart::unitText() const
{
    return m_unit->text();
}

bool DurationChart::exportPng(const QString &path) const
{
    return m_plot->savePng(path, PlotExport::Width, PlotExport::Height);
}

bool DurationChart::exportPdf(const QString &path) const
{
    return m_plot->savePdf(path, PlotExport::Width, PlotExport::Height);
}

} // namespace Chorus
