#include "model/compare/keyvaluemodel.h"

#include "model/core/printable.h"
#include "model/ssh/hostset.h"

#include <algorithm>

namespace Chorus {

namespace {

// Tooltips are not wrapped by Qt unless they are rich text: a 200-host list gets line breaks.
constexpr int ToolTipLineChars = 100;

bool isBidiFormatting(QChar c)
{
    switch (c.direction()) {
    case QChar::DirLRE:
    case QChar::DirLRO:
    case QChar::DirRLE:
    case QChar::DirRLO:
    case QChar::DirPDF:
    case QChar::DirLRI:
    case QChar::DirRLI:
    case QChar::DirFSI:
    case QChar::DirPDI:
        return true;
    default:
        return false;
    }
}

// Server bytes as the cell shows them. A cell holds the value and then its hosts, so an override
// the server left open would run on into the host set and reorder it: the explicit bidi controls
// are spelt out instead (and two values that differ only by one do not look alike).
QString cellText(const QByteArray &bytes)
{
    const QString text = displayText(bytes);
    if (std::none_of(text.cbegin(), text.cend(), isBidiFormatting))
        return text;
    QString out;
    out.reserve(text.size() + 16);
    for (QChar c : text) {
        if (isBidiFormatting(c))
            out += QStringLiteral("\\u{%1}").arg(uint(c.unicode()), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

} // namespace

KeyValueModel::KeyValueModel(QObject *parent) : QAbstractTableModel(parent) {}

void KeyValueModel::setTable(const KeyValueTable &table, const QStringList &hostNames)
{
    beginResetModel();
    m_table = table;
    m_hostNames = hostNames;
    m_texts.clear();
    m_texts.reserve(m_table.rows().size());
    for (const KeyValueTable::Row &row : m_table.rows()) {
        QStringList texts;
        texts.reserve(row.values.size() + 1);
        texts.append(cellText(row.key));
        for (const KeyValueTable::Value &value : row.values)
            texts.append(value.absent ? tr("(absent)") : cellText(value.text));
        m_texts.append(texts);
    }
    // Every row's values, absent included, cover every host of the table: the first row says
    // which they are.
    m_allHosts.clear();
    if (!m_table.rows().isEmpty()) {
        for (const KeyValueTable::Value &value : m_table.rows().constFirst().values)
            m_allHosts += value.hosts;
        std::sort(m_allHosts.begin(), m_allHosts.end());
    }
    refilter();
    endResetModel();
}

void KeyValueModel::setFilter(const QString &text)
{
    if (text == m_filter)
        return;
    beginResetModel();
    m_filter = text;
    refilter();
    endResetModel();
}

void KeyValueModel::setDifferingOnly(bool on)
{
    if (on == m_differingOnly)
        return;
    beginResetModel();
    m_differingOnly = on;
    refilter();
    endResetModel();
}

void KeyValueModel::refilter()
{
    m_visible.clear();
    qsizetype widest = 1;
    const QList<KeyValueTable::Row> &rows = m_table.rows();
    for (int i = 0; i < rows.size(); ++i) {
        if (m_differingOnly && !rows.at(i).differs())
            continue;
        if (!m_filter.isEmpty()) {
            const QStringList &texts = m_texts.at(i);
            if (std::none_of(texts.cbegin(), texts.cend(), [this](const QString &text) {
                    return text.contains(m_filter, Qt::CaseInsensitive);
                }))
                continue;
        }
        m_visible.append(i);
        widest = std::max(widest, rows.at(i).values.size());
    }
    // As many deviation columns as the rows shown need, so a filter down to a few keys drops the
    // columns only a hidden key filled.
    m_anyRest = widest > 1 + MaxDeviationColumns;
    m_columns = MajorityColumn + int(std::min<qsizetype>(widest, 1 + MaxDeviationColumns));
}

void KeyValueModel::setKindBackground(Kind kind, const QVariant &background)
{
    m_backgrounds[size_t(kind)] = background;
    if (!m_visible.isEmpty())
        Q_EMIT dataChanged(index(0, MajorityColumn), index(rowCount() - 1, columnCount() - 1),
                           {Qt::BackgroundRole});
}

QString KeyValueModel::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Majority:
        return QStringLiteral("majority");
    case Kind::Deviation:
        return QStringLiteral("deviation");
    case Kind::Absent:
        return QStringLiteral("absent");
    case Kind::Count:
        break;
    }
    return {};
}

int KeyValueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int KeyValueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columns;
}

bool KeyValueModel::isRest(const QModelIndex &index) const
{
    const KeyValueTable::Row &row = m_table.rows().at(m_visible.at(index.row()));
    return index.column() == MajorityColumn + MaxDeviationColumns &&
           row.values.size() > 1 + MaxDeviationColumns;
}

QVariant KeyValueModel::restData(const QModelIndex &index, int role) const
{
    const int tableRow = m_visible.at(index.row());
    const KeyValueTable::Row &row = m_table.rows().at(tableRow);
    const qsizetype from = MaxDeviationColumns;
    QList<int> hosts;
    for (qsizetype i = from; i < row.values.size(); ++i)
        hosts += row.values.at(i).hosts;
    std::sort(hosts.begin(), hosts.end());
    const int count = int(row.values.size() - from);
    switch (role) {
    case Qt::DisplayRole:
        //: The values of a key past the last column, folded into one cell: how many, the hosts that
        //: have them (a folded host set) and how many hosts, e.g. "187 more values — web[010-196] (187)".
        return tr("%n more value(s) — %1 (%2)", nullptr, count)
            .arg(HostSet::fold(namesOf(hosts)), QString::number(hosts.size()));
    case Qt::ToolTipRole: {
        // Each value with its hosts, as many as a tooltip can hold.
        constexpr qsizetype MaxLines = 20;
        QStringList lines;
        for (qsizetype i = from; i < row.values.size() && lines.size() < MaxLines; ++i)
            lines.append(tr("%1 — %2").arg(m_texts.at(tableRow).at(i + 1),
                                           HostSet::fold(namesOf(row.values.at(i).hosts))));
        if (row.values.size() - from > MaxLines)
            lines.append(tr("and %n more", nullptr, int(row.values.size() - from - MaxLines)));
        return lines.join(u'\n');
    }
    case HostsRole:
        return QVariant::fromValue(hosts);
    case KindRole:
        return kindName(Kind::Deviation);
    case Qt::BackgroundRole:
        return m_backgrounds[size_t(Kind::Deviation)];
    default:
        return {};
    }
}

const KeyValueTable::Value *KeyValueModel::value(const QModelIndex &index) const
{
    if (index.column() < MajorityColumn)
        return nullptr;
    const KeyValueTable::Row &row = m_table.rows().at(m_visible.at(index.row()));
    const qsizetype at = index.column() - MajorityColumn;
    return at < row.values.size() ? &row.values.at(at) : nullptr;
}

KeyValueModel::Kind KeyValueModel::kind(const QModelIndex &index) const
{
    if (value(index)->absent)
        return Kind::Absent;
    return index.column() == MajorityColumn ? Kind::Majority : Kind::Deviation;
}

QVariant KeyValueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int tableRow = m_visible.at(index.row());
    if (index.column() == KeyColumn) {
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
            return m_texts.at(tableRow).constFirst();
        case HostsRole:
            return QVariant::fromValue(m_allHosts);
        default:
            return {};
        }
    }
    if (isRest(index))
        return restData(index, role);
    const KeyValueTable::Value *cell = value(index);
    if (!cell)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        //: A value of a key, the hosts that have it (a folded host set) and how many they are,
        //: e.g. "yes — web[01-40,43] (41)".
        return tr("%1 — %2 (%3)")
            .arg(m_texts.at(tableRow).at(index.column()), HostSet::fold(namesOf(cell->hosts)),
                 QString::number(cell->hosts.size()));
    case Qt::ToolTipRole:
        return tr("%n host(s): %1", nullptr, int(cell->hosts.size())).arg(hostNamesText(cell->hosts));
    case HostsRole:
        return QVariant::fromValue(cell->hosts);
    case KindRole:
        return kindName(kind(index));
    case Qt::BackgroundRole:
        return m_backgrounds[size_t(kind(index))];
    default:
        return {};
    }
}

QVariant KeyValueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case MajorityColumn:
        return tr("Majority");
    default:
        //: The last deviation column when some key has more values than columns.
        if (m_anyRest && section == MajorityColumn + MaxDeviationColumns)
            return tr("Deviation %1 and more").arg(section - MajorityColumn);
        return tr("Deviation %1").arg(section - MajorityColumn);
    }
}

QStringList KeyValueModel::namesOf(const QList<int> &hosts) const
{
    QStringList names;
    names.reserve(hosts.size());
    for (int host : hosts)
        names.append(host >= 0 && host < m_hostNames.size() ? m_hostNames.at(host)
                                                            : QStringLiteral("#%1").arg(host));
    return names;
}

QString KeyValueModel::hostNamesText(const QList<int> &hosts) const
{
    QString text;
    qsizetype lineStart = 0;
    for (const QString &name : namesOf(hosts)) {
        if (!text.isEmpty()) {
            text += u',';
            if (text.size() - lineStart + name.size() > ToolTipLineChars) {
                text += u'\n';
                lineStart = text.size();
            } else {
                text += u' ';
            }
        }
        text += name;
    }
    return text;
}

} // namespace Chorus
