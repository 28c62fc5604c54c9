#include "widgets/compare/compareview.h"

#include "model/ssh/hostset.h"
#include "widgets/compare/diffview.h"
#include "widgets/compare/keyvalueview.h"
#include "widgets/compare/linematrixview.h"
#include "widgets/style/theme.h"
#include "widgets/style/uilog.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Chorus {

namespace {

constexpr int PatternDelayMs = 300;
constexpr int TableDelayMs = 250;
constexpr int PreviewChars = 200;

// Lines without their newline and a '\r' before it, as the groups compare them.
QList<QByteArrayView> splitLines(const QByteArray &data)
{
    QList<QByteArrayView> lines;
    qsizetype start = 0;
    while (start < data.size()) {
        qsizetype end = data.indexOf('\n', start);
        if (end < 0)
            end = data.size();
        QByteArrayView line(data.constData() + start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        lines.append(line);
        start = end + 1;
    }
    return lines;
}

QString shown(QByteArrayView line)
{
    return QString::fromUtf8(line.first(qMin(line.size(), qsizetype(4 * PreviewChars)))).trimmed().left(PreviewChars);
}

// The first line where one output parts from another.
QString firstLine(const QByteArray &data)
{
    for (QByteArrayView line : splitLines(data)) {
        if (!shown(line).isEmpty())
            return shown(line);
    }
    return {};
}

QString firstDifference(const QByteArray &data, const QByteArray &other)
{
    const QList<QByteArrayView> mine = splitLines(data);
    const QList<QByteArrayView> theirs = splitLines(other);
    for (qsizetype i = 0; i < mine.size(); ++i) {
        if (i >= theirs.size() || mine.at(i) != theirs.at(i))
            return shown(mine.at(i)).isEmpty() ? CompareView::tr("(blank line %1)").arg(i + 1) : shown(mine.at(i));
    }
    return mine.isEmpty() ? CompareView::tr("(no output)") : CompareView::tr("(ends after line %1)").arg(mine.size());
}

} // namespace

CompareView::CompareView(RunSession *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("compareView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto *options = new QHBoxLayout;
    options->setContentsMargins(4, 2, 4, 2);
    m_whitespace = new QCheckBox(tr("Ignore white space changes"));
    m_whitespace->setObjectName(QStringLiteral("ignoreWhitespaceBox"));
    m_stdoutOnly = new QCheckBox(tr("Compare stdout only"));
    m_stdoutOnly->setObjectName(QStringLiteral("stdoutOnlyBox"));
    m_stdoutOnly->setToolTip(tr("Group hosts by their standard output alone, whatever their stderr"));
    auto *patternLabel = new QLabel(tr("Ignore lines matching:"));
    m_pattern = new QLineEdit;
    m_pattern->setAccessibleName(tr("Ignore lines matching"));
    m_pattern->setObjectName(QStringLiteral("ignorePatternEdit"));
    m_pattern->setPlaceholderText(tr("regular expression, e.g. ^Date:|\\d+ ms"));
    m_pattern->setClearButtonEnabled(true);
    patternLabel->setBuddy(m_pattern);
    m_patternError = new QLabel;
    m_patternError->setObjectName(QStringLiteral("patternErrorLabel"));
    m_patternError->hide();
    options->addWidget(m_whitespace);
    options->addWidget(m_stdoutOnly);
    options->addWidget(patternLabel);
    options->addWidget(m_pattern, 1);
    options->addWidget(m_patternError);
    layout->addLayout(options);

    auto *actions = new QHBoxLayout;
    actions->setContentsMargins(4, 0, 4, 0);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_rerunOutliers = new QPushButton(tr("Run again on the outliers"));
    m_rerunOutliers->setObjectName(QStringLiteral("rerunOutliersButton"));
    m_rerunFailed = new QPushButton(tr("Run again on the failed"));
    m_rerunFailed->setObjectName(QStringLiteral("rerunFailedButton"));
    actions->addWidget(m_summary, 1);
    actions->addWidget(m_rerunOutliers);
    actions->addWidget(m_rerunFailed);
    layout->addLayout(actions);

    m_views = new QTabWidget;
    m_views->setObjectName(QStringLiteral("compareViews"));
    m_views->setDocumentMode(true);
    auto *splitter = new QSplitter(Qt::Vertical);
    m_tree = new QTreeWidget;
    m_tree->setAccessibleName(tr("Groups of identical output"));
    m_tree->setAccessibleDescription(tr("The reference group first, then the outliers"));
    m_tree->setObjectName(QStringLiteral("groupList"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Role"), tr("Hosts"), tr("Host set"), tr("Ending"), tr("Output")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setStretchLastSection(true);
    // A header and two groups at least, not a scroll area's default (see DiffView).
    m_tree->setMinimumHeight(m_tree->header()->sizeHint().height() + 2 * (m_tree->fontMetrics().height() + 4) + 4);
    m_diff = new DiffView;
    m_diff->setIgnoredLines([this](QByteArrayView line) { return m_normalizer.ignoresLine(line); });
    splitter->addWidget(m_tree);
    splitter->addWidget(m_diff);
    splitter->setStretchFactor(1, 3);
    m_views->addTab(splitter, tr("&Groups"));
    m_matrix = new LineMatrixView;
    m_views->addTab(m_matrix, tr("&Lines"));
    m_views->setTabToolTip(1, tr("Every distinct line against the groups: which lines are missing where"));
    m_keys = new KeyValueView;
    m_views->addTab(m_keys, tr("Key Val&ues"));
    m_views->setTabToolTip(2, tr("Settings-shaped output (key=value, key: value, key value): each key's values "
                                 "and the hosts that have them"));
    layout->addWidget(m_views, 1);

    // The tables are made only while they are shown, and again a moment after the groups last
    // changed (hosts finish in bursts).
    m_tableTimer.setSingleShot(true);
    m_tableTimer.setInterval(TableDelayMs);
    connect(&m_tableTimer, &QTimer::timeout, this, &CompareView::rebuildShownTable);
    connect(m_views, &QTabWidget::currentChanged, this, &CompareView::rebuildShownTable);
    connect(m_matrix, &LineMatrixView::hostsSelected, this, &CompareView::hostsSelected);
    connect(m_keys, &KeyValueView::hostsSelected, this, &CompareView::hostsSelected);

    m_patternTimer.setSingleShot(true);
    m_patternTimer.setInterval(PatternDelayMs);
    connect(&m_patternTimer, &QTimer::timeout, this, &CompareView::applyPattern);
    connect(m_pattern, &QLineEdit::textChanged, &m_patternTimer, qOverload<>(&QTimer::start));
    connect(m_pattern, &QLineEdit::editingFinished, this, &CompareView::applyPattern);
    connect(m_whitespace, &QCheckBox::toggled, this, &CompareView::setIgnoreWhitespace);
    connect(m_stdoutOnly, &QCheckBox::toggled, this, &CompareView::setStdoutOnly);
    connect(m_rerunOutliers, &QPushButton::clicked, this, [this] {
        const QList<int> hosts = outliers();
        if (!hosts.isEmpty())
            Q_EMIT rerunRequested(hosts);
    });
    connect(m_rerunFailed, &QPushButton::clicked, this, [this] {
        const QList<int> hosts = failedHosts();
        if (!hosts.isEmpty())
            Q_EMIT rerunRequested(hosts);
    });
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, [this] {
        showDiff();
        const int index = selectedGroup();
        if (index >= 0)
            Q_EMIT hostsSelected(m_list.at(index).members);
    });
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QTreeWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        QTreeWidgetItem *item = m_tree->itemAt(position);
        const int index = item ? m_tree->indexOfTopLevelItem(item) : -1;
        if (index < 0 || index >= m_list.size())
            return;
        QMenu menu(this);
        QAction *check = menu.addAction(tr("Check Hosts Like These"));
        check->setObjectName(QStringLiteral("checkGroupAction"));
        check->setToolTip(tr("Check exactly this group's hosts in the host panel, for the next command"));
        connect(check, &QAction::triggered, this, [this, index] { Q_EMIT checkRequested(m_list.at(index).members); });
        menu.exec(m_tree->viewport()->mapToGlobal(position));
    });
    // Clicking the chosen group again selects its hosts again (the user may have picked others
    // in the meantime), though the list's selection does not change.
    m_tree->viewport()->installEventFilter(this);
    connect(m_tree, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        const int index = m_tree->indexOfTopLevelItem(item);
        if (index >= 0 && index == m_selectedAtPress && index < m_list.size())
            Q_EMIT hostsSelected(m_list.at(index).members);
    });

    if (m_session) {
        m_grouped.assign(size_t(m_session->hostCount()), false);
        connect(m_session, &RunSession::hostsChanged, this, &CompareView::hostsChanged);
    }
    regroup();
}

QList<int> CompareView::outliers() const
{
    QList<int> hosts;
    for (qsizetype i = 1; i < m_list.size(); ++i)
        hosts += m_list.at(i).members;
    std::sort(hosts.begin(), hosts.end());
    return hosts;
}

QList<int> CompareView::failedHosts() const
{
    return m_session ? m_session->failedHosts() : QList<int>{};
}

void CompareView::setIgnoreWhitespace(bool on)
{
    if (m_whitespace->isChecked() != on)
        m_whitespace->setChecked(on); // comes back here through toggled
    if (m_normalizer.ignoreWhitespace() == on)
        return;
    m_normalizer.setIgnoreWhitespace(on);
    regroup();
}

void CompareView::setStdoutOnly(bool on)
{
    if (m_stdoutOnly->isChecked() != on)
        m_stdoutOnly->setChecked(on);
    if (m_normalizer.stdoutOnly() == on)
        return;
    m_normalizer.setStdoutOnly(on);
    regroup();
}

bool CompareView::setIgnorePattern(const QString &pattern)
{
    if (m_pattern->text() != pattern) {
        const QSignalBlocker blocker(m_pattern);
        m_pattern->setText(pattern);
    }
    m_patternTimer.stop();
    if (pattern == m_normalizer.ignorePattern() && m_patternError->isHidden())
        return true;
    QString error;
    if (!m_normalizer.setIgnorePattern(pattern, &error)) {
        m_patternError->setText(tr("Not a valid pattern: %1").arg(error));
        m_patternError->show();
        m_pattern->setToolTip(m_patternError->text());
        return false;
    }
    m_patternError->hide();
    m_pattern->setToolTip(QString());
    m_diffKey.clear(); // the same two hosts, but other lines to grey
    regroup();
    return true;
}

bool CompareView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree->viewport() && event->type() == QEvent::MouseButtonPress)
        m_selectedAtPress = selectedGroup();
    return QWidget::eventFilter(watched, event);
}

void CompareView::applyPattern()
{
    setIgnorePattern(m_pattern->text());
}

int CompareView::selectedGroup() const
{
    const QList<QTreeWidgetItem *> items = m_tree->selectedItems();
    return items.isEmpty() ? -1 : m_tree->indexOfTopLevelItem(items.first());
}

void CompareView::selectGroup(int index)
{
    if (index < 0 || index >= m_tree->topLevelItemCount())
        return;
    m_tree->setCurrentItem(m_tree->topLevelItem(index));
}

void CompareView::hostsChanged(const QList<int> &hosts)
{
    bool changed = false;
    for (int host : hosts)
        changed = addHost(host) || changed;
    if (changed)
        rebuildList();
    else
        m_rerunFailed->setEnabled(!failedHosts().isEmpty());
}

bool CompareView::addHost(int host)
{
    if (!m_session || host < 0 || size_t(host) >= m_grouped.size() || m_grouped[size_t(host)] ||
        !m_session->isHostFinished(host))
        return false;
    const HostResult &result = m_session->result(host);
    m_groups.add(host, m_normalizer.normalizeStdout(result.stdoutData),
                 m_normalizer.normalizeStderr(result.stderrData), result.endingText());
    m_grouped[size_t(host)] = true;
    return true;
}

void CompareView::regroup()
{
    m_groups.clear();
    std::fill(m_grouped.begin(), m_grouped.end(), false);
    if (m_session) {
        for (int host = 0; host < m_session->hostCount(); ++host)
            addHost(host);
    }
    rebuildList();
}

QString CompareView::groupLabel(const OutputGroups::Group &group) const
{
    QStringList names;
    names.reserve(group.members.size());
    for (int host : group.members)
        names.append(m_session ? m_session->hostName(host) : QString::number(host));
    return HostSet::fold(names);
}

void CompareView::rebuildList()
{
    // The selection follows its hosts: the group holding the first host chosen stays chosen.
    const int selected = selectedGroup();
    const int anchor = selected >= 0 ? m_list.at(selected).members.first() : -1;

    m_list = m_groups.groups();
    // The reference is what the others are measured against: the largest group that succeeded
    // (largest first, ties in the run's order, as groups() lists them); a failing group only when
    // none succeeded. Four hosts that failed must not be the reference for four that did not.
    const auto succeeded = std::find_if(m_list.cbegin(), m_list.cend(), [this](const OutputGroups::Group &group) {
        return m_session && m_session->result(group.members.first()).outcome == HostOutcome::Ok;
    });
    if (succeeded != m_list.cend() && succeeded != m_list.cbegin())
        std::rotate(m_list.begin(), m_list.begin() + (succeeded - m_list.cbegin()), m_list.begin() + (succeeded - m_list.cbegin()) + 1);
    {
        const QSignalBlocker blocker(m_tree);
        m_tree->clear();
        QList<QTreeWidgetItem *> items;
        for (qsizetype i = 0; i < m_list.size(); ++i) {
            const OutputGroups::Group &group = m_list.at(i);
            auto *item = new QTreeWidgetItem;
            item->setText(RoleColumn, i == 0 ? tr("Reference") : tr("Outlier"));
            item->setText(CountColumn, QString::number(group.members.size()));
            item->setTextAlignment(CountColumn, Qt::AlignRight | Qt::AlignVCenter);
            const QString label = groupLabel(group);
            item->setText(HostsColumn, label);
            item->setToolTip(HostsColumn, label);
            item->setText(EndingColumn, group.status);
            item->setText(OutputColumn, outputPreview(int(i)));
            if (i == 0) {
                QFont bold = item->font(RoleColumn);
                bold.setBold(true);
                item->setFont(RoleColumn, bold);
            } else {
                item->setForeground(RoleColumn, Theme::warningText(m_tree->palette()));
            }
            items.append(item);
        }
        m_tree->addTopLevelItems(items);
        for (qsizetype i = 0; anchor >= 0 && i < m_list.size(); ++i) {
            if (m_list.at(i).members.contains(anchor))
                m_tree->setCurrentItem(m_tree->topLevelItem(int(i)));
        }
    }
    for (int c = 0; c < OutputColumn; ++c)
        m_tree->resizeColumnToContents(c);

    const int finished = m_groups.hostCount();
    const int total = m_session ? m_session->hostCount() : 0;
    QString summary = m_list.size() == 1 ? tr("1 group of identical output")
                                         : tr("%1 groups of identical output").arg(m_list.size());
    if (finished < total)
        summary += tr(", %1 of %2 hosts finished").arg(finished).arg(total);
    m_summary->setText(summary);
    m_rerunOutliers->setEnabled(m_list.size() > 1);
    m_rerunFailed->setEnabled(!failedHosts().isEmpty());
    showDiff();
    m_stale = {m_matrix, m_keys};
    if (m_stale.contains(m_views->currentWidget()))
        m_tableTimer.start();
}

void CompareView::rebuildShownTable()
{
    QWidget *shown = m_views->currentWidget();
    if (!m_stale.contains(shown))
        return;
    m_tableTimer.stop();
    m_stale.remove(shown);
    QList<LineMatrix::Column> columns;
    QStringList names;
    for (const OutputGroups::Group &group : std::as_const(m_list)) {
        columns.append({group.members, group.stdoutData}); // the grouping key: normalised, shared
        names.append(groupLabel(group));
    }
    if (shown == m_matrix) {
        m_matrix->setColumns(columns, names);
        return;
    }
    QStringList hostNames;
    for (int host = 0; m_session && host < m_session->hostCount(); ++host)
        hostNames.append(m_session->hostName(host));
    m_keys->setColumns(columns, hostNames);
}

// For the list: where a group's output parts from the reference's (for the reference, from the
// largest outlier's), so groups whose output begins alike still tell apart at a glance.
QString CompareView::outputPreview(int index) const
{
    const OutputGroups::Group &group = m_list.at(index);
    if (m_list.size() == 1) {
        const QString line = firstLine(group.stdoutData.isEmpty() ? group.stderrData : group.stdoutData);
        return line.isEmpty() ? tr("(no output)") : line;
    }
    const OutputGroups::Group &other = m_list.at(index == 0 ? 1 : 0);
    if (group.stdoutData != other.stdoutData)
        return firstDifference(group.stdoutData, other.stdoutData);
    if (group.stderrData != other.stderrData)
        return tr("stderr: %1").arg(firstDifference(group.stderrData, other.stderrData));
    return tr("(same output, %1)").arg(group.status);
}

QByteArray CompareView::diffText(int host) const
{
    const HostResult &result = m_session->result(host);
    QByteArray text = result.stdoutData;
    const auto section = [&text](const QString &title) {
        if (!text.isEmpty() && !text.endsWith('\n'))
            text += '\n';
        text += QStringLiteral("──── %1 ────").arg(title).toUtf8() + '\n';
    };
    if (!m_normalizer.stdoutOnly() && !result.stderrData.isEmpty()) {
        section(tr("stderr"));
        text += result.stderrData;
    }
    // The ending is part of the answer: hosts that printed the same but exited differently must
    // not read "No differences".
    section(result.endingText());
    return text;
}

void CompareView::showDiff()
{
    if (!m_session || m_list.isEmpty()) {
        if (!m_diffKey.isEmpty())
            m_diff->clear();
        m_diffKey.clear();
        return;
    }
    // The reference against the chosen group; with the reference chosen (or nothing), against the
    // largest outlier.
    int other = selectedGroup();
    if (other <= 0)
        other = m_list.size() > 1 ? 1 : 0;
    const OutputGroups::Group &reference = m_list.first();
    const OutputGroups::Group &group = m_list.at(other);
    const QString fromLabel = tr("Reference: %1").arg(groupLabel(reference));
    const QString toLabel = other == 0 ? fromLabel : tr("Outlier: %1").arg(groupLabel(group));
    const QList<int> key{reference.members.first(), group.members.first(), m_normalizer.stdoutOnly()};
    if (key == m_diffKey) {
        // The same two hosts: only the group sizes may have changed, not the diff.
        m_diff->setLabels(fromLabel, toLabel);
        return;
    }
    m_diffKey = key;
    m_diff->setTexts(diffText(reference.members.first()), diffText(group.members.first()), fromLabel,
                     toLabel);
    qCDebug(lcUi) << "compare: diffing host" << key[0] << "against host" << key[1];
}

} // namespace Chorus
