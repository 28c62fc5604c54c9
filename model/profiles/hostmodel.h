#pragma once

#include "model/profiles/profile.h"
#include "model/profiles/profileimporter.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QUuid>

#include <memory>

namespace Chorus {

// The user's hosts as a tree for the GUI: groups (nested, by Profile::group path) holding subgroups
// first, sorted by name, then host profiles in the order they were added. Every column of a host can
// be edited in place; rows are moved between groups by drag and drop (or moveToGroup()); column 0
// carries a check box per host and a derived one per group (checking a group checks every host in
// it), which is how the user picks the hosts a command runs on.
//
// Rows are never removed through removeRows(): the model deliberately leaves it out, because
// QAbstractItemView removes the dragged rows itself after a move drop, which dropMimeData() has already
// done. Use remove() instead; removed profiles are announced with profilesRemoved() so that their
// secrets can be deleted from the keychain (SecretStore::forgetRemovedProfiles()).
class HostModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        HostnameColumn,
        PortColumn,
        UserColumn,
        AuthColumn,
        TagsColumn,
        NotesColumn,
        JumpColumn, // the jump host a host is reached through (its profile's name, or the spec)
        ColumnCount
    };
    enum Role
    {
        ProfileIdRole = Qt::UserRole + 1, // QUuid; null for groups
        IsGroupRole,                      // bool
        GroupPathRole,                    // QString: a group's own path, a host's group
        TagsRole,                         // QStringList
        AddressRole,                      // QString user@host:port; empty for groups
        HostCountRole,                    // int: hosts in a group and its subgroups; 1 for a host
        CheckedCountRole,                 // int: how many of those are checked
        SearchTextRole,                   // QString: the lower-case text a search matches
        ProfileRole,                      // Profile, for hosts
    };
    Q_ENUM(Column)
    Q_ENUM(Role)

    // What mimeData() produces and dropMimeData() takes: {"hosts": [ids], "groups": [paths]}.
    static QString mimeType();

    explicit HostModel(QObject *parent = nullptr);
    ~HostModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;

    // The whole set, e.g. from ProfileStore. Resets the model; check marks are cleared.
    void setContents(const QList<Profile> &profiles, const QStringList &groups = {});
    // Every profile, in tree order, with its current group.
    QList<Profile> profiles() const;
    // Every group path, empty groups included.
    QStringList groups() const;
    int profileCount() const;

    bool isGroup(const QModelIndex &index) const;
    QModelIndex indexOf(const QUuid &id, int column = 0) const;
    QModelIndex groupIndex(const QString &path, int column = 0) const;
    bool contains(const QUuid &id) const;
    // A default Profile for unknown ids.
    Profile profile(const QUuid &id) const;

    // Creates the group and its missing parents; returns it (the existing one if it is there).
    QModelIndex addGroup(const QString &path);
    // Adds under profile.group (created if needed). A null id, or one already in the model, is
    // replaced by a fresh one. Returns the new row.
    QModelIndex addProfile(const Profile &profile);
    // Replaces the profile with the same id, moving it if its group changed. False if unknown.
    bool updateProfile(const Profile &profile);
    // Moves hosts and whole groups into group (empty: top level). A group moved into a group that
    // already has one of that name is merged into it. False, and nothing moved, if a group would
    // go into itself.
    bool moveToGroup(const QModelIndexList &items, const QString &group);
    // A new name for the group (no '/'); false if empty or a sibling already has it.
    bool renameGroup(const QModelIndex &group, const QString &name);
    // Removes hosts, and groups with everything in them. Announces the removed ids.
    void remove(const QModelIndexList &items);
    bool removeProfiles(const QList<QUuid> &ids);
    // Copies of the selected hosts (groups are skipped) with new ids and " (copy)" names, in the same
    // groups. Secrets are not copied. Returns the new ids.
    QList<QUuid> duplicate(const QModelIndexList &items);

    using MergeStats = ProfileImporter::MergeStats;
    // Adds imported profiles, merging those that match an existing host (Profile::mergeKey()) or
    // one imported earlier in the same list, so that nothing is doubled; also creates `groups`.
    MergeStats importProfiles(const QList<Profile> &profiles, const QStringList &groups = {});

    // The profiles of the given rows; a group stands for every host in it. No repeats.
    QList<Profile> profilesIn(const QModelIndexList &items) const;
    QList<Profile> checkedProfiles() const;
    void setAllChecked(bool checked);

Q_SIGNALS:
    // Profiles that left the model for good (not moves): their secrets should go too.
    void profilesRemoved(const QList<QUuid> &ids);
    // Something that belongs in the saved file changed (not check marks).
    void modified();

private:
    struct Node;
    struct Batch;
    friend struct Batch;

    void notifyModified();
    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(const Node *node, int column = 0) const;
    QList<Node *> nodesFor(const QModelIndexList &items) const;
    Node *ensureGroup(const QString &path);
    std::unique_ptr<Node> hostNode(Profile profile) const;
    int groupInsertPosition(const Node *parent, const QString &name) const;
    Node *childGroup(const Node *parent, const QString &name) const;
    void insertNode(Node *parent, int position, std::unique_ptr<Node> node);
    void removeNode(Node *node, QList<QUuid> *removedIds);
    void moveNode(Node *node, Node *newParent);
    void mergeGroupInto(Node *source, Node *target);
    void repath(Node *group);
    void adjustCounts(Node *from, int hosts, int checked);
    void setChecked(Node *node, bool checked);
    void registerSubtree(Node *node);
    void unregisterSubtree(Node *node, QList<QUuid> *removedIds);
    void emitSubtreeChanged(Node *group);
    static void renumber(Node *parent, int from);
    static void collectHosts(const Node *node, QList<const Node *> *hosts);
    static bool isInside(const Node *node, const Node *ancestor);

    std::unique_ptr<Node> m_root;
    QHash<QUuid, Node *> m_hosts;
    QHash<QString, Node *> m_groups;
    int m_batchDepth = 0;
    bool m_modifiedInBatch = false;
};

} // namespace Chorus
