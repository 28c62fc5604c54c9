#include "widgets/compare/keyvalueview.h"

#include "model/compare/keyvaluemodel.h"
#include "widgets/style/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Chorus {

namespace {

using Format = KeyValueTable::Format;

// Below this share of lines read, the output is something else (a listing, a log) that happens to
// hold a few lines shaped like settings.
constexpr double KeyValueShare = 0.5;
// Fitting the columns measures this many rows, not 2,000 of them.
constexpr int FitRows = 200;
// A long value (a kernel command line) must not push the deviations out of sight.
constexpr int MaxColumnChars = 60;

QString formatName(Format format)
{
    switch (format) {
    case Format::Detect:
        return KeyValueView::tr("Detect");
    case Format::Equals:
        return KeyValueView::tr("key=value");
    case Format::Colon:
        return KeyValueView::tr("key: value");
    case Format::Whitespace:
        return KeyValueView::tr("key value");
    }
    return {};
}

} // namespace

KeyValueView::KeyValueView(QWidget *parent) : QWidget(parent), m_model(new KeyValueModel(this))
{
    setObjectName(QStringLiteral("keyValueView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    auto *formatLabel = new QLabel(tr("Format:"));
    m_format = new QComboBox;
    m_format->setObjectName(QStringLiteral("keyFormatBox"));
    m_format->setAccessibleName(tr("Format of the key/value lines"));
    for (Format format : {Format::Detect, Format::Equals, Format::Colon, Format::Whitespace})
        m_format->addItem(formatName(format), int(format));
    formatLabel->setBuddy(m_format);
    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("keyFilterEdit"));
    m_filter->setAccessibleName(tr("Filter keys and values"));
    m_filter->setPlaceholderText(tr("Filter keys and values"));
    m_filter->setClearButtonEnabled(true);
    m_differingOnly = new QCheckBox(tr("Only keys that differ"));
    m_differingOnly->setObjectName(QStringLiteral("differingKeysOnlyBox"));
    m_differingOnly->setToolTip(tr("Hide the keys that have the same value on every host"));
    m_differingOnly->setChecked(m_model->differingOnly());
    bar->addWidget(formatLabel);
    bar->addWidget(m_format);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_differingOnly);
    layout->addLayout(bar);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("keySummaryLabel"));
    m_summary->setContentsMargins(4, 0, 4, 0);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("keyValueTable"));
    m_table->setAccessibleName(tr("Keys and their values"));
    m_table->setAccessibleDescription(
        tr("One row per key: the value most hosts have, then the others, each with its hosts"));
    m_table->setModel(m_model);
    m_table->setFont(Theme::fixedFont());
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    // One line per row: no height to measure per row of 2,000.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setResizeContentsPrecision(FitRows);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    layout->addWidget(m_table, 1);
    applyColours();

    connect(m_format, &QComboBox::currentIndexChanged, this, &KeyValueView::rebuild);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_model->setFilter(text);
        updateSummary();
    });
    connect(m_differingOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_model->setDifferingOnly(on);
        updateSummary();
    });
    // A click, or Enter on a cell from the keyboard. Where the style activates on a single click,
    // the click comes as both: answer it once.
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (!m_table->style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick, nullptr, m_table))
            selectHostsOf(index);
    });
    connect(m_table, &QTableView::activated, this, &KeyValueView::selectHostsOf);
    updateSummary();
}

KeyValueView::~KeyValueView()
{
    cancelBuild();
}

void KeyValueView::setColumns(const QList<LineMatrix::Column> &columns, const QStringList &hostNames)
{
    m_columns = columns;
    m_hostNames = hostNames;
    rebuild();
}

void KeyValueView::rebuild()
{
    cancelBuild();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const auto format = Format(m_format->currentData().toInt());
    m_watcher = new QFutureWatcher<KeyValueTable>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &KeyValueView::showResult);
    // The task owns copies of what it reads (the outputs are shared, not copied) and of the flag, so
    // it may run on after a newer build or this view is gone; its result then goes nowhere.
    m_watcher->setFuture(QtConcurrent::run([columns = m_columns, format, cancel = m_cancel] {
        return KeyValueTable::build(columns, format, cancel.get());
    }));
    updateSummary();
}

void KeyValueView::cancelBuild()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_watcher->deleteLater();
        m_watcher = nullptr;
    }
}

void KeyValueView::showResult()
{
    const KeyValueTable table = m_watcher->result();
    m_watcher->deleteLater();
    m_watcher = nullptr;
    m_cancel.reset();
    m_model->setTable(table, m_hostNames);
    fitColumns();
    updateSummary();
    Q_EMIT built();
}

void KeyValueView::updateSummary()
{
    if (isBuilding()) {
        m_summary->setText(tr("Reading the keys and values…"));
        return;
    }
    const KeyValueTable &table = m_model->table();
    const bool anyOutput =
        std::any_of(m_columns.cbegin(), m_columns.cend(), [](const LineMatrix::Column &column) {
            return !column.hosts.isEmpty() && !column.output.isEmpty();
        });
    QString text;
    if (!anyOutput) {
        text = tr("There is no output to read keys and values from.");
    } else if (table.parsedShare() < KeyValueShare) {
        text = tr("This output does not look like key/value lines: only %1% of its lines read as %2. "
                  "Choose another format if it is one.")
                   .arg(qRound(table.parsedShare() * 100))
                   .arg(formatName(table.format()));
    } else {
        const qsizetype keys = table.rows().size();
        const qsizetype differing = table.differingRowCount();
        text = differing == 0
                   ? tr("All %n key(s) have the same value on every host (format: %1).", nullptr, int(keys))
                         .arg(formatName(table.format()))
                   : tr("%n of %1 keys differ (format: %2).", nullptr, int(differing))
                         .arg(keys)
                         .arg(formatName(table.format()));
        if (!m_model->filter().isEmpty())
            text += QLatin1Char(' ') + tr("%n key(s) match the filter.", nullptr, m_model->rowCount());
    }
    m_summary->setText(text);
}

void KeyValueView::applyColours()
{
    // The view's own: on a palette change it is told before the table inherits the new one.
    const QPalette palette = this->palette();
    // The majority keeps the table's own (alternating) base; what differs from it is tinted.
    m_model->setKindBackground(KeyValueModel::Kind::Majority, {});
    m_model->setKindBackground(KeyValueModel::Kind::Deviation,
                               QVariant::fromValue(Theme::warningBackground(palette)));
    m_model->setKindBackground(KeyValueModel::Kind::Absent,
                               QVariant::fromValue(Theme::fillerBackground(palette)));
}

void KeyValueView::fitColumns()
{
    m_table->resizeColumnsToContents();
    const int widest = m_table->fontMetrics().averageCharWidth() * MaxColumnChars;
    for (int column = 0; column < m_model->columnCount(); ++column) {
        if (m_table->columnWidth(column) > widest)
            m_table->setColumnWidth(column, widest);
    }
}

void KeyValueView::selectHostsOf(const QModelIndex &index)
{
    const QList<int> hosts = index.data(KeyValueModel::HostsRole).value<QList<int>>();
    if (!hosts.isEmpty())
        Q_EMIT hostsSelected(hosts);
}

void KeyValueView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColours();
}

} // namespace Chorus
