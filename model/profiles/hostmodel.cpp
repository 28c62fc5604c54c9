#include "model/profiles/hostmodel.h"

#include "model/core/modellog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QSet>

#include <functional>
#include <vector>

namespace Chorus {

// A group (with subgroups first, then hosts, as children) or a host. The row is cached because
// parent() is asked for constantly and a group may hold thousands of hosts.
struct HostModel::Node
{
    Node *parent = nullptr;
    int row = 0;
    bool group = false;
    QString name; // groups: the last part of the path
    QString path; // groups: the whole path ("" for the root)
    Profile profile;
    QString search; // hosts: profile.searchText()
    bool checked = false;
    int hosts = 0;        // groups: hosts below, at any depth
    int checkedHosts = 0; // groups: how many of them are checked
    int groupChildren = 0;
    std::vector<std::unique_ptr<Node>> children;

    Qt::CheckState checkState() const
    {
        if (!group)
            return checked ? Qt::Checked : Qt::Unchecked;
        if (checkedHosts == 0)
            return Qt::Unchecked;
        return checkedHosts == hosts ? Qt::Checked : Qt::PartiallyChecked;
    }
};

namespace {

const QString kHostsKey = QStringLiteral("hosts");
const QString kGroupsKey = QStringLiteral("groups");

QString joinPath(const QString &parent, const QString &name)
{
    return parent.isEmpty() ? name : parent + u'/' + name;
}

int compareNames(const QString &a, const QString &b)
{
    const int c = QString::compare(a, b, Qt::CaseInsensitive);
    return c != 0 ? c : QString::compare(a, b, Qt::CaseSensitive);
}

} // namespace

QString HostModel::mimeType()
{
    return QStringLiteral("application/x-chorus-hosts");
}

HostModel::HostModel(QObject *parent) : QAbstractItemModel(parent), m_root(std::make_unique<Node>())
{
    m_root->group = true;
}

HostModel::~HostModel() = default;

HostModel::Node *HostModel::nodeFor(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return m_root.get();
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex HostModel::indexFor(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

QModelIndex HostModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0 || (parent.isValid() && parent.column() != 0))
        return {};
    const Node *p = nodeFor(parent);
    if (row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex HostModel::parent(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    return indexFor(nodeFor(index)->parent);
}

int HostModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int HostModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant HostModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *n = nodeFor(index);
    const Profile &p = n->profile;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (n->group) {
            if (index.column() == NameColumn)
                return n->name;
            // The count per group, where a host shows its address.
            if (index.column() == HostnameColumn && role == Qt::DisplayRole)
                return tr("%n host(s)", nullptr, n->hosts);
            return {};
        }
        switch (index.column()) {
        case NameColumn:
            return p.name;
        case HostnameColumn:
            return p.hostname;
        case PortColumn:
            return int(p.port);
        case UserColumn:
            return p.user;
        case AuthColumn:
            return authMethodName(p.auth);
        case TagsColumn:
            return p.tags.join(QStringLiteral(", "));
        case NotesColumn:
            return p.notes;
        case JumpColumn: {
            if (p.jumpHost.isEmpty())
                return {};
            const Node *jump = m_hosts.value(QUuid::fromString(p.jumpHost), nullptr);
            return jump ? jump->profile.name : p.jumpHost;
        }
        }
        return {};
    case Qt::ToolTipRole:
        if (n->group)
            return tr("%n host(s)", nullptr, n->hosts);
        return p.notes.isEmpty() ? p.address() : p.address() + u'\n' + p.notes;
    case Qt::CheckStateRole:
        return index.column() == NameColumn ? QVariant(int(n->checkState())) : QVariant();
    case ProfileIdRole:
        return n->group ? QVariant() : QVariant::fromValue(p.id);
    case IsGroupRole:
        return n->group;
    case GroupPathRole:
        return n->group ? n->path : p.group;
    case TagsRole:
        return n->group ? QStringList() : p.tags;
    case AddressRole:
        return n->group ? QString() : p.address();
    case HostCountRole:
        return n->group ? n->hosts : 1;
    case CheckedCountRole:
        return n->group ? n->checkedHosts : int(n->checked);
    case SearchTextRole:
        return n->group ? n->path.toLower() : n->search;
    case ProfileRole:
        return n->group ? QVariant() : QVariant::fromValue(p);
    }
    return {};
}

bool HostModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    Node *n = nodeFor(index);
    if (role == Qt::CheckStateRole) {
        if (index.column() != NameColumn)
            return false;
        // A view cycles a group Unchecked -> Checked; PartiallyChecked is never set by a user.
        setChecked(n, Qt::CheckState(value.toInt()) != Qt::Unchecked);
        return true;
    }
    if (role != Qt::EditRole)
        return false;
    if (n->group)
        return index.column() == NameColumn && renameGroup(index, value.toString());

    Profile p = n->profile;
    const QString text = value.toString().trimmed();
    switch (index.column()) {
    case NameColumn:
        if (text.isEmpty())
            return false;
        p.name = text;
        break;
    case HostnameColumn:
        if (text.isEmpty() || text.contains(u' '))
            return false;
        p.hostname = text;
        break;
    case PortColumn: {
        bool ok = false;
        const int port = value.toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return false;
        p.port = quint16(port);
        break;
    }
    case UserColumn:
        p.user = text;
        break;
    case AuthColumn:
        if (!parseAuthMethod(text, &p.auth))
            return false;
        break;
    case TagsColumn:
        p.tags = Profile::normalizeTags(value.typeId() == QMetaType::QStringList ? value.toStringList()
                                                                                 : text.split(u','));
        break;
    case NotesColumn:
        p.notes = value.toString();
        break;
    default:
        return false;
    }
    if (p == n->profile)
        return true;
    return updateProfile(p);
}

QVariant HostModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case HostnameColumn:
        return tr("Host");
    case PortColumn:
        return tr("Port");
    case UserColumn:
        return tr("User");
    case AuthColumn:
        return tr("Login");
    case TagsColumn:
        return tr("Tags");
    case NotesColumn:
        return tr("Notes");
    case JumpColumn:
        return tr("Via");
    }
    return {};
}

Qt::ItemFlags HostModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled; // dropping on the empty area moves to the top level
    const Node *n = nodeFor(index);
    Qt::ItemFlags f =
        Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
    if (index.column() == NameColumn)
        f |= Qt::ItemIsUserCheckable;
    if (n->group) {
        if (index.column() == NameColumn)
            f |= Qt::ItemIsEditable;
    } else {
        f |= Qt::ItemNeverHasChildren;
        if (index.column() != JumpColumn) // chosen in the host's dialog, from the other hosts
            f |= Qt::ItemIsEditable;
    }
    return f;
}

QHash<int, QByteArray> HostModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(ProfileIdRole, "profileId");
    names.insert(IsGroupRole, "isGroup");
    names.insert(GroupPathRole, "groupPath");
    names.insert(TagsRole, "tags");
    names.insert(AddressRole, "address");
    names.insert(HostCountRole, "hostCount");
    names.insert(CheckedCountRole, "checkedCount");
    names.insert(SearchTextRole, "searchText");
    names.insert(ProfileRole, "profile");
    return names;
}

// --- structure ---------------------------------------------------------------------------------

void HostModel::renumber(Node *parent, int from)
{
    for (size_t i = size_t(from); i < parent->children.size(); ++i)
        parent->children[i]->row = int(i);
}

bool HostModel::isInside(const Node *node, const Node *ancestor)
{
    for (const Node *n = node; n; n = n->parent) {
        if (n == ancestor)
            return true;
    }
    return false;
}

HostModel::Node *HostModel::childGroup(const Node *parent, const QString &name) const
{
    return m_groups.value(joinPath(parent->path, name));
}

int HostModel::groupInsertPosition(const Node *parent, const QString &name) const
{
    int pos = 0;
    while (pos < parent->groupChildren && compareNames(parent->children[size_t(pos)]->name, name) < 0)
        ++pos;
    return pos;
}

void HostModel::registerSubtree(Node *node)
{
    if (node->group) {
        m_groups.insert(node->path, node);
        for (const auto &c : node->children)
            registerSubtree(c.get());
    } else {
        m_hosts.insert(node->profile.id, node);
    }
}

void HostModel::unregisterSubtree(Node *node, QList<QUuid> *removedIds)
{
    if (node->group) {
        m_groups.remove(node->path);
        for (const auto &c : node->children)
            unregisterSubtree(c.get(), removedIds);
    } else {
        m_hosts.remove(node->profile.id);
        removedIds->append(node->profile.id);
    }
}

void HostModel::adjustCounts(Node *from, int hosts, int checked)
{
    if (hosts == 0 && checked == 0)
        return;
    for (Node *n = from; n; n = n->parent) {
        n->hosts += hosts;
        n->checkedHosts += checked;
        if (n != m_root.get())
            Q_EMIT dataChanged(indexFor(n), indexFor(n, ColumnCount - 1));
    }
}

void HostModel::insertNode(Node *parent, int position, std::unique_ptr<Node> node)
{
    Node *raw = node.get();
    beginInsertRows(indexFor(parent), position, position);
    raw->parent = parent;
    parent->children.insert(parent->children.begin() + position, std::move(node));
    if (raw->group)
        ++parent->groupChildren;
    renumber(parent, position);
    registerSubtree(raw);
    endInsertRows();
    adjustCounts(parent, raw->group ? raw->hosts : 1, raw->group ? raw->checkedHosts : int(raw->checked));
}

void HostModel::removeNode(Node *node, QList<QUuid> *removedIds)
{
    Node *parent = node->parent;
    const int row = node->row;
    const int hosts = node->group ? node->hosts : 1;
    const int checked = node->group ? node->checkedHosts : int(node->checked);
    beginRemoveRows(indexFor(parent), row, row);
    unregisterSubtree(node, removedIds);
    if (node->group)
        --parent->groupChildren;
    parent->children.erase(parent->children.begin() + row);
    renumber(parent, row);
    endRemoveRows();
    adjustCounts(parent, -hosts, -checked);
}

HostModel::Node *HostModel::ensureGroup(const QString &path)
{
    Node *parent = m_root.get();
    for (const QString &part : Profile::normalizeGroup(path).split(u'/', Qt::SkipEmptyParts)) {
        Node *existing = childGroup(parent, part);
        if (!existing) {
            auto node = std::make_unique<Node>();
            node->group = true;
            node->name = part;
            node->path = joinPath(parent->path, part);
            existing = node.get();
            insertNode(parent, groupInsertPosition(parent, part), std::move(node));
        }
        parent = existing;
    }
    return parent;
}

void HostModel::repath(Node *group)
{
    m_groups.remove(group->path);
    group->path = joinPath(group->parent->path, group->name);
    m_groups.insert(group->path, group);
    for (const auto &c : group->children) {
        if (c->group) {
            repath(c.get());
        } else {
            c->profile.group = group->path;
            c->search = c->profile.searchText();
        }
    }
}

void HostModel::emitSubtreeChanged(Node *group)
{
    if (group->children.empty())
        return;
    Q_EMIT dataChanged(indexFor(group->children.front().get()),
                       indexFor(group->children.back().get(), ColumnCount - 1));
    for (const auto &c : group->children) {
        if (c->group)
            emitSubtreeChanged(c.get());
    }
}

void HostModel::moveNode(Node *node, Node *newParent)
{
    Node *oldParent = node->parent;
    if (oldParent == newParent || isInside(newParent, node))
        return;
    if (node->group) {
        if (Node *same = childGroup(newParent, node->name)) {
            mergeGroupInto(node, same);
            return;
        }
    }
    const int row = node->row;
    const int to = node->group ? groupInsertPosition(newParent, node->name) : int(newParent->children.size());
    const int hosts = node->group ? node->hosts : 1;
    const int checked = node->group ? node->checkedHosts : int(node->checked);
    if (!beginMoveRows(indexFor(oldParent), row, row, indexFor(newParent), to))
        return;
    std::unique_ptr<Node> owned = std::move(oldParent->children[size_t(row)]);
    oldParent->children.erase(oldParent->children.begin() + row);
    if (node->group)
        --oldParent->groupChildren;
    renumber(oldParent, row);
    newParent->children.insert(newParent->children.begin() + to, std::move(owned));
    if (node->group)
        ++newParent->groupChildren;
    renumber(newParent, to);
    node->parent = newParent;
    if (node->group) {
        repath(node);
    } else {
        node->profile.group = newParent->path;
        node->search = node->profile.searchText();
    }
    endMoveRows();
    adjustCounts(oldParent, -hosts, -checked);
    adjustCounts(newParent, hosts, checked);
    // Paths changed: lets a filtering proxy look at the moved rows again.
    Q_EMIT dataChanged(indexFor(node), indexFor(node, ColumnCount - 1));
    if (node->group)
        emitSubtreeChanged(node);
}

void HostModel::mergeGroupInto(Node *source, Node *target)
{
    while (!source->children.empty()) {
        Node *child = source->children.front().get();
        moveNode(child, target);
    }
    QList<QUuid> none;
    removeNode(source, &none);
}

void HostModel::setChecked(Node *node, bool checked)
{
    if (!node->group) {
        if (node->checked == checked)
            return;
        node->checked = checked;
        Q_EMIT dataChanged(indexFor(node), indexFor(node), {Qt::CheckStateRole, CheckedCountRole});
        adjustCounts(node->parent, 0, checked ? 1 : -1);
        return;
    }
    // Set every host below, then fix the counts bottom-up once.
    std::function<int(Node *)> apply = [&](Node *g) {
        int count = 0;
        for (const auto &c : g->children) {
            if (c->group)
                count += apply(c.get());
            else {
                c->checked = checked;
                count += int(checked);
            }
        }
        g->checkedHosts = count;
        return count;
    };
    const int before = node->checkedHosts;
    apply(node);
    emitSubtreeChanged(node);
    Q_EMIT dataChanged(indexFor(node), indexFor(node, ColumnCount - 1));
    if (node->parent)
        adjustCounts(node->parent, 0, node->checkedHosts - before);
}

// --- public edits ------------------------------------------------------------------------------

// One modified() for an edit made of many: a GUI that saves on modified() saves once per import.
struct HostModel::Batch
{
    explicit Batch(HostModel *model) : m_model(model) { ++m_model->m_batchDepth; }
    ~Batch()
    {
        if (--m_model->m_batchDepth == 0 && m_model->m_modifiedInBatch) {
            m_model->m_modifiedInBatch = false;
            Q_EMIT m_model->modified();
        }
    }
    HostModel *m_model;
};

void HostModel::notifyModified()
{
    if (m_batchDepth > 0)
        m_modifiedInBatch = true;
    else
        Q_EMIT modified();
}

void HostModel::setContents(const QList<Profile> &profiles, const QStringList &groups)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_root->group = true;
    m_hosts.clear();
    m_groups.clear();

    // Built without signals; groups sorted in place at the end.
    std::function<Node *(const QString &)> group = [&](const QString &path) -> Node * {
        if (path.isEmpty())
            return m_root.get();
        if (Node *g = m_groups.value(path))
            return g;
        const qsizetype slash = path.lastIndexOf(u'/');
        Node *parent = group(slash < 0 ? QString() : path.left(slash));
        auto node = std::make_unique<Node>();
        node->group = true;
        node->name = path.mid(slash + 1);
        node->path = path;
        node->parent = parent;
        m_groups.insert(path, node.get());
        parent->children.insert(parent->children.begin() + parent->groupChildren, std::move(node));
        ++parent->groupChildren;
        return m_groups.value(path);
    };
    for (const QString &g : groups)
        group(Profile::normalizeGroup(g));
    for (const Profile &p : profiles) {
        auto node = hostNode(p);
        Node *parent = group(node->profile.group);
        node->parent = parent;
        m_hosts.insert(node->profile.id, node.get());
        parent->children.push_back(std::move(node));
    }
    std::function<int(Node *)> finish = [&](Node *g) {
        std::sort(g->children.begin(), g->children.begin() + g->groupChildren,
                  [](const auto &a, const auto &b) { return compareNames(a->name, b->name) < 0; });
        renumber(g, 0);
        int hosts = 0;
        for (const auto &c : g->children)
            hosts += c->group ? finish(c.get()) : 1;
        g->hosts = hosts;
        g->checkedHosts = 0;
        return hosts;
    };
    finish(m_root.get());
    endResetModel();
}

QList<Profile> HostModel::profiles() const
{
    QList<const Node *> hosts;
    collectHosts(m_root.get(), &hosts);
    QList<Profile> out;
    out.reserve(hosts.size());
    for (const Node *n : std::as_const(hosts))
        out.append(n->profile);
    return out;
}

QStringList HostModel::groups() const
{
    QStringList out(m_groups.keyBegin(), m_groups.keyEnd());
    out.sort();
    return out;
}

int HostModel::profileCount() const
{
    return int(m_hosts.size());
}

void HostModel::collectHosts(const Node *node, QList<const Node *> *hosts)
{
    for (const auto &c : node->children) {
        if (c->group)
            collectHosts(c.get(), hosts);
        else
            hosts->append(c.get());
    }
}

bool HostModel::isGroup(const QModelIndex &index) const
{
    return index.isValid() && nodeFor(index)->group;
}

QModelIndex HostModel::indexOf(const QUuid &id, int column) const
{
    return indexFor(m_hosts.value(id), column);
}

QModelIndex HostModel::groupIndex(const QString &path, int column) const
{
    return indexFor(m_groups.value(Profile::normalizeGroup(path)), column);
}

bool HostModel::contains(const QUuid &id) const
{
    return m_hosts.contains(id);
}

Profile HostModel::profile(const QUuid &id) const
{
    const Node *n = m_hosts.value(id);
    return n ? n->profile : Profile();
}

QModelIndex HostModel::addGroup(const QString &path)
{
    if (Profile::normalizeGroup(path).isEmpty())
        return {};
    Node *g = ensureGroup(path);
    notifyModified();
    return indexFor(g);
}

// A host node for the profile, in the one spelling the model keeps: a fresh id when it has none
// or one already taken, normalised group and tags.
std::unique_ptr<HostModel::Node> HostModel::hostNode(Profile p) const
{
    if (p.id.isNull() || m_hosts.contains(p.id))
        p.id = QUuid::createUuid();
    p.group = Profile::normalizeGroup(p.group);
    p.tags = Profile::normalizeTags(p.tags);
    auto node = std::make_unique<Node>();
    node->profile = p;
    node->search = p.searchText();
    return node;
}

QModelIndex HostModel::addProfile(const Profile &profile)
{
    auto node = hostNode(profile);
    Node *parent = ensureGroup(node->profile.group);
    Node *raw = node.get();
    insertNode(parent, int(parent->children.size()), std::move(node));
    notifyModified();
    return indexFor(raw);
}

bool HostModel::updateProfile(const Profile &profile)
{
    Node *n = m_hosts.value(profile.id);
    if (!n)
        return false;
    Profile p = profile;
    p.group = Profile::normalizeGroup(p.group);
    p.tags = Profile::normalizeTags(p.tags);
    if (p.group != n->profile.group)
        moveNode(n, ensureGroup(p.group));
    n->profile = p;
    n->search = p.searchText();
    Q_EMIT dataChanged(indexFor(n), indexFor(n, ColumnCount - 1));
    notifyModified();
    return true;
}

QList<HostModel::Node *> HostModel::nodesFor(const QModelIndexList &items) const
{
    // One node per row (a selection has every column), and none whose group is in the list too.
    QList<Node *> nodes;
    QSet<Node *> seen;
    for (const QModelIndex &i : items) {
        if (!i.isValid() || i.model() != this)
            continue;
        Node *n = nodeFor(i);
        if (!seen.contains(n)) {
            seen.insert(n);
            nodes.append(n);
        }
    }
    QList<Node *> out;
    for (Node *n : std::as_const(nodes)) {
        bool covered = false;
        for (Node *p = n->parent; p && !covered; p = p->parent)
            covered = seen.contains(p);
        if (!covered)
            out.append(n);
    }
    return out;
}

bool HostModel::moveToGroup(const QModelIndexList &items, const QString &group)
{
    const QList<Node *> nodes = nodesFor(items);
    const QString path = Profile::normalizeGroup(group);
    for (const Node *n : nodes) {
        if (n->group && (path == n->path || path.startsWith(n->path + u'/')))
            return false;
    }
    // Persistent pointers: merging groups deletes nodes, so look each one up again by identity.
    QList<QUuid> hostIds;
    QStringList groupPaths;
    for (const Node *n : nodes) {
        if (n->group)
            groupPaths.append(n->path);
        else
            hostIds.append(n->profile.id);
    }
    const Batch batch(this);
    Node *target = ensureGroup(path);
    for (const QString &g : std::as_const(groupPaths)) {
        if (Node *n = m_groups.value(g))
            moveNode(n, target);
    }
    for (const QUuid &id : std::as_const(hostIds)) {
        if (Node *n = m_hosts.value(id))
            moveNode(n, target);
    }
    notifyModified();
    return true;
}

bool HostModel::renameGroup(const QModelIndex &group, const QString &name)
{
    Node *n = nodeFor(group);
    const QString newName = name.trimmed();
    if (!group.isValid() || !n->group || newName.isEmpty() || newName.contains(u'/'))
        return false;
    if (newName == n->name)
        return true;
    if (childGroup(n->parent, newName))
        return false;
    n->name = newName;
    repath(n);
    Q_EMIT dataChanged(indexFor(n), indexFor(n, ColumnCount - 1));
    emitSubtreeChanged(n);
    notifyModified();
    return true;
}

void HostModel::remove(const QModelIndexList &items)
{
    const QList<Node *> nodes = nodesFor(items);
    if (nodes.isEmpty())
        return;
    QList<QUuid> removed;
    for (Node *n : nodes)
        removeNode(n, &removed);
    notifyModified();
    if (!removed.isEmpty())
        Q_EMIT profilesRemoved(removed);
}

bool HostModel::removeProfiles(const QList<QUuid> &ids)
{
    QModelIndexList items;
    for (const QUuid &id : ids) {
        const QModelIndex i = indexOf(id);
        if (i.isValid())
            items.append(i);
    }
    remove(items);
    return items.size() == ids.size();
}

QList<QUuid> HostModel::duplicate(const QModelIndexList &items)
{
    const Batch batch(this);
    QList<QUuid> ids;
    const QList<Node *> nodes = nodesFor(items);
    QList<Profile> copies;
    for (const Node *n : nodes) {
        if (n->group)
            continue;
        Profile p = n->profile;
        p.id = QUuid::createUuid();
        p.name = tr("%1 (copy)").arg(p.name);
        copies.append(p);
    }
    for (const Profile &p : std::as_const(copies))
        ids.append(addProfile(p).data(ProfileIdRole).toUuid());
    return ids;
}

HostModel::MergeStats HostModel::importProfiles(const QList<Profile> &profiles, const QStringList &groups)
{
    const Batch batch(this);
    MergeStats stats;
    for (const QString &g : groups)
        ensureGroup(g);
    QHash<QString, QUuid> byKey;
    for (auto it = m_hosts.cbegin(); it != m_hosts.cend(); ++it)
        byKey.insert(it.value()->profile.mergeKey(), it.key());
    for (const Profile &incoming : profiles) {
        const QString key = incoming.mergeKey();
        if (byKey.contains(key)) {
            Profile existing = profile(byKey.value(key));
            if (existing.absorb(incoming))
                updateProfile(existing);
            ++stats.merged;
        } else {
            byKey.insert(key, addProfile(incoming).data(ProfileIdRole).toUuid());
            ++stats.added;
        }
    }
    notifyModified();
    return stats;
}

QList<Profile> HostModel::profilesIn(const QModelIndexList &items) const
{
    QList<Profile> out;
    QSet<QUuid> seen;
    for (const Node *n : nodesFor(items)) {
        QList<const Node *> hosts;
        if (n->group)
            collectHosts(n, &hosts);
        else
            hosts.append(n);
        for (const Node *h : std::as_const(hosts)) {
            if (!seen.contains(h->profile.id)) {
                seen.insert(h->profile.id);
                out.append(h->profile);
            }
        }
    }
    return out;
}

QList<Profile> HostModel::checkedProfiles() const
{
    QList<const Node *> hosts;
    collectHosts(m_root.get(), &hosts);
    QList<Profile> out;
    for (const Node *n : std::as_const(hosts)) {
        if (n->checked)
            out.append(n->profile);
    }
    return out;
}

void HostModel::setAllChecked(bool checked)
{
    for (const auto &c : m_root->children)
        setChecked(c.get(), checked);
}

// --- drag and drop -----------------------------------------------------------------------------

QStringList HostModel::mimeTypes() const
{
    return {mimeType()};
}

QMimeData *HostModel::mimeData(const QModelIndexList &indexes) const
{
    const QList<Node *> nodes = nodesFor(indexes);
    if (nodes.isEmpty())
        return nullptr;
    QJsonArray hosts;
    QJsonArray groups;
    QStringList addresses;
    for (const Node *n : nodes) {
        if (n->group) {
            groups.append(n->path);
        } else {
            hosts.append(n->profile.id.toString(QUuid::WithoutBraces));
            addresses.append(n->profile.address());
        }
    }
    auto *data = new QMimeData;
    data->setData(mimeType(), QJsonDocument(QJsonObject{{kHostsKey, hosts}, {kGroupsKey, groups}}).toJson());
    // Dropped on a terminal or an editor, a selection of hosts is their addresses.
    data->setText(addresses.join(u'\n'));
    return data;
}

bool HostModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                const QModelIndex &parent) const
{
    if (action != Qt::MoveAction || !data || !data->hasFormat(mimeType()))
        return false;
    const Node *target = nodeFor(parent);
    if (!target->group)
        target = target->parent;
    const QJsonObject o = QJsonDocument::fromJson(data->data(mimeType())).object();
    for (const QJsonValue &g : o.value(kGroupsKey).toArray()) {
        const Node *group = m_groups.value(g.toString());
        if (group && isInside(target, group))
            return false;
    }
    return true;
}

bool HostModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                             const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const Node *target = nodeFor(parent);
    if (!target->group)
        target = target->parent;
    const QJsonObject o = QJsonDocument::fromJson(data->data(mimeType())).object();
    QModelIndexList items;
    for (const QJsonValue &g : o.value(kGroupsKey).toArray())
        items.append(groupIndex(g.toString()));
    for (const QJsonValue &h : o.value(kHostsKey).toArray())
        items.append(indexOf(QUuid::fromString(h.toString())));
    items.removeAll(QModelIndex());
    if (items.isEmpty())
        return false;
    return moveToGroup(items, target->path);
}

Qt::DropActions HostModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions HostModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

} // namespace Chorus
