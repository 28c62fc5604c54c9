#include "widgets/compare/linematrixview.h"

#include "model/compare/linematrixmodel.h"
#include "model/history/runexport.h"
#include "widgets/style/uilog.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Chorus {

LineMatrixView::LineMatrixView(QWidget *parent) : QWidget(parent), m_model(new LineMatrixModel(this))
{
    setObjectName(QStringLiteral("lineMatrixView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("matrixFilterEdit"));
    m_filter->setPlaceholderText(tr("Filter lines"));
    m_filter->setAccessibleName(tr("Filter lines"));
    m_filter->setClearButtonEnabled(true);
    m_differingOnly = new QCheckBox(tr("Only lines that differ"));
    m_differingOnly->setObjectName(QStringLiteral("differingOnlyBox"));
    m_differingOnly->setToolTip(tr("Hide the lines every host printed"));
    m_differingOnly->setChecked(true);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("matrixSummaryLabel"));
    m_export = new QPushButton(tr("Export CSV…"));
    m_export->setObjectName(QStringLiteral("matrixExportButton"));
    m_export->setToolTip(tr("Save the lines and which groups printed them as a spreadsheet"));
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_differingOnly);
    bar->addWidget(m_summary);
    bar->addWidget(m_export);
    layout->addLayout(bar);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("matrixTable"));
    m_table->setAccessibleName(tr("Lines and the groups that printed them"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    layout->addWidget(m_table, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_model->setFilter(text);
        updateSummary();
    });
    connect(m_differingOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_model->setDifferingOnly(on);
        updateSummary();
    });
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &index) {
        const QList<int> hosts = index.data(LineMatrixModel::HostsRole).value<QList<int>>();
        if (!hosts.isEmpty())
            Q_EMIT hostsSelected(hosts);
    });
    connect(m_export, &QPushButton::clicked, this, &LineMatrixView::chooseExportFile);
    connect(&m_watcher, &QFutureWatcher<LineMatrix>::finished, this, &LineMatrixView::showBuilt);
    updateSummary();
}

LineMatrixView::~LineMatrixView()
{
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.waitForFinished();
}

void LineMatrixView::setColumns(const QList<LineMatrix::Column> &columns, const QStringList &groupNames)
{
    if (m_cancel)
        m_cancel->store(true); // its result is dropped in showBuilt
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_pendingNames = groupNames;
    // The flag is the task's own (shared), so cancelling never touches a freed one.
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    m_watcher.setFuture(QtConcurrent::run([columns, cancel] { return LineMatrix::build(columns, cancel.get()); }));
    updateSummary();
}

void LineMatrixView::showBuilt()
{
    // Only the newest build shows; an older one finishing late (cancelled or not) is dropped.
    if (!m_watcher.future().isValid() || m_watcher.isRunning() || !m_cancel || m_cancel->load())
        return;
    m_model->setMatrix(m_watcher.result(), m_pendingNames);
    m_table->resizeColumnToContents(LineMatrixModel::HostsColumn);
    for (int c = LineMatrixModel::FirstGroupColumn; c < m_model->columnCount(); ++c)
        m_table->setColumnWidth(c, qMin(m_table->horizontalHeader()->sectionSizeHint(c), 24 * fontMetrics().averageCharWidth()));
    m_table->setColumnWidth(LineMatrixModel::LineColumn, 48 * fontMetrics().averageCharWidth());
    updateSummary();
    qCDebug(lcUi) << "line matrix:" << m_model->matrix().rows().size() << "lines," << m_model->matrix().columns().size() << "groups";
    Q_EMIT built();
}

void LineMatrixView::updateSummary()
{
    const LineMatrix &matrix = m_model->matrix();
    if (isBuilding()) {
        m_summary->setText(tr("Comparing lines…"));
    } else {
        m_summary->setText(tr("%1 of %n line(s) differ", nullptr, int(matrix.rows().size()))
                               .arg(matrix.differingRowCount()));
    }
    m_export->setEnabled(!isBuilding() && !matrix.rows().isEmpty());
}

Result<void> LineMatrixView::exportCsv(const QString &path) const
{
    return RunExport::save(path, m_model->matrix().toCsv(m_model->groupNames(), m_model->differingOnly()));
}

void LineMatrixView::chooseExportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Lines"), QDir::home().filePath(QStringLiteral("lines.csv")),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const Result<void> written = exportCsv(path);
    if (!written)
        QMessageBox::warning(this, tr("Export Lines"), written.error().message);
}

} // namespace Chorus
