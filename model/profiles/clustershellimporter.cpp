#include "model/profiles/clustershellimporter.h"

#include "model/ssh/hostset.h"
#include "model/ssh/sshconfig.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <yaml-cpp/yaml.h>

namespace Chorus {

namespace {

struct GroupDef
{
    QString source;
    QString name;
    QString spec;
    int line = 0;
    QString key() const { return source + u':' + name; }
};

class Builder
{
public:
    Builder(const QString &path, ProfileImporter::Result *result) : m_path(path), m_result(result) {}

    // False if the group is already defined (reported).
    bool add(const GroupDef &def)
    {
        if (m_defs.contains(def.key())) {
            problem(def.line, QCoreApplication::translate(
                                  "ClusterShellImporter",
                                  "group \"%1\" is defined again (first on line %2); this one is ignored")
                                  .arg(def.name)
                                  .arg(m_defs.value(def.key()).line));
            return false;
        }
        m_defs.insert(def.key(), def);
        m_order.append(def.key());
        m_sources.insert(def.source);
        return true;
    }

    void build()
    {
        QStringList nodeOrder;
        QHash<QString, QStringList> memberships; // node -> group paths, file order
        for (const QString &key : std::as_const(m_order)) {
            const GroupDef &def = m_defs[key];
            const QStringList nodes = resolve(key);
            const bool isAll = def.name == u"all";
            if (!isAll && !m_result->groups.contains(path(def)))
                m_result->groups.append(path(def));
            for (const QString &node : nodes) {
                if (!memberships.contains(node)) {
                    nodeOrder.append(node);
                    memberships.insert(node, {});
                }
                if (!isAll && !memberships[node].contains(path(def)))
                    memberships[node].append(path(def));
            }
        }
        for (const QString &node : std::as_const(nodeOrder)) {
            Profile p = Profile::create();
            p.name = node;
            p.hostname = node;
            const QStringList groups = memberships.value(node);
            if (!groups.isEmpty()) {
                p.group = groups.constFirst();
                for (qsizetype i = 1; i < groups.size(); ++i)
                    p.tags.append(groups.at(i).section(u'/', -1));
                p.tags = Profile::normalizeTags(p.tags);
            }
            m_result->profiles.append(p);
        }
    }

    void problem(int line, const QString &reason)
    {
        m_result->problems.append(ProfileImporter::problem(m_path, line, reason));
    }

private:
    QString path(const GroupDef &def) const
    {
        return m_sources.size() > 1 ? def.source + u'/' + def.name : def.name;
    }

    // The nodes of a group, following @references; each bad part is reported once, on its line.
    QStringList resolve(const QString &key)
    {
        if (m_resolved.contains(key))
            return m_resolved.value(key);
        const GroupDef &def = m_defs[key];
        if (m_resolving.contains(key)) {
            problem(def.line,
                    QCoreApplication::translate("ClusterShellImporter", "group \"%1\" includes itself")
                        .arg(def.name));
            return {};
        }
        m_resolving.insert(key);
        QStringList nodes;
        if (def.spec.contains(u'!') || def.spec.contains(u'&') || def.spec.contains(u'^')) {
            problem(def.line, QCoreApplication::translate(
                                  "ClusterShellImporter",
                                  "set operators (!, &, ^) are not supported; group \"%1\" imported empty")
                                  .arg(def.name));
        } else {
            QStringList items;
            QString error;
            if (!HostSet::expand(def.spec, &items, &error)) {
                problem(def.line, error);
            }
            for (const QString &item : std::as_const(items)) {
                if (item.startsWith(u'@')) {
                    const QString ref = item.mid(1);
                    const QString refKey = ref.contains(u':') ? ref : def.source + u':' + ref;
                    if (!m_defs.contains(refKey)) {
                        problem(def.line,
                                QCoreApplication::translate("ClusterShellImporter", "unknown group \"%1\"")
                                    .arg(item));
                        continue;
                    }
                    for (const QString &n : resolve(refKey)) {
                        if (!nodes.contains(n))
                            nodes.append(n);
                    }
                    continue;
                }
                QString user;
                QString host;
                int port = 0;
                if (!SshConfig::parseSpec(item, &user, &host, &port, &error) || !user.isEmpty() || port) {
                    problem(def.line,
                            QCoreApplication::translate("ClusterShellImporter", "bad node name \"%1\"")
                                .arg(item));
                    continue;
                }
                if (!nodes.contains(item))
                    nodes.append(item);
            }
        }
        m_resolving.remove(key);
        m_resolved.insert(key, nodes);
        return nodes;
    }

    QString m_path;
    ProfileImporter::Result *m_result;
    QHash<QString, GroupDef> m_defs;
    QStringList m_order;
    QSet<QString> m_sources;
    QHash<QString, QStringList> m_resolved;
    QSet<QString> m_resolving;
};

QString scalarText(const YAML::Node &node)
{
    return QString::fromStdString(node.Scalar());
}

void readYaml(const QByteArray &data, Builder *builder)
{
    YAML::Node root;
    try {
        root = YAML::Load(data.toStdString());
    } catch (const YAML::Exception &e) {
        builder->problem(e.mark.is_null() ? 0 : e.mark.line + 1,
                         QCoreApplication::translate("ClusterShellImporter", "not valid YAML: %1")
                             .arg(QString::fromStdString(e.msg)));
        return;
    }
    if (root.IsNull())
        return;
    if (!root.IsMap()) {
        builder->problem(root.Mark().line + 1,
                         QCoreApplication::translate("ClusterShellImporter",
                                                     "expected group sources (\"source: {group: nodes}\")"));
        return;
    }
    for (const auto &source : root) {
        const int sourceLine = source.first.Mark().line + 1;
        if (!source.first.IsScalar() || !source.second.IsMap()) {
            builder->problem(sourceLine, QCoreApplication::translate(
                                             "ClusterShellImporter",
                                             "expected a group source holding \"group: nodes\" entries"));
            continue;
        }
        for (const auto &group : source.second) {
            GroupDef def;
            def.source = scalarText(source.first);
            def.line = group.first.Mark().line + 1;
            if (!group.first.IsScalar()) {
                builder->problem(def.line, QCoreApplication::translate("ClusterShellImporter",
                                                                       "a group name must be text"));
                continue;
            }
            def.name = scalarText(group.first);
            const YAML::Node &value = group.second;
            if (value.IsScalar()) {
                def.spec = scalarText(value);
            } else if (value.IsSequence()) {
                QStringList parts;
                bool ok = true;
                for (const auto &item : value) {
                    ok = ok && item.IsScalar();
                    if (item.IsScalar())
                        parts.append(scalarText(item));
                }
                if (!ok)
                    builder->problem(def.line,
                                     QCoreApplication::translate("ClusterShellImporter",
                                                                 "group \"%1\": only node sets can be listed")
                                         .arg(def.name));
                def.spec = parts.join(u',');
            } else if (!value.IsNull()) {
                builder->problem(def.line, QCoreApplication::translate("ClusterShellImporter",
                                                                       "group \"%1\": expected a node set")
                                               .arg(def.name));
                continue;
            }
            builder->add(def);
        }
    }
}

void readFlat(const QByteArray &data, Builder *builder)
{
    const QStringList lines = QString::fromUtf8(data).split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        const qsizetype hash = line.indexOf(u'#');
        if (hash >= 0)
            line.truncate(hash);
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(u':');
        GroupDef def;
        def.line = int(i + 1);
        def.name = colon > 0 ? line.left(colon).trimmed() : QString();
        if (def.name.isEmpty() || def.name.contains(u' ')) {
            builder->problem(
                def.line, QCoreApplication::translate("ClusterShellImporter", "expected \"group: nodes\""));
            continue;
        }
        def.spec = line.mid(colon + 1).trimmed();
        builder->add(def);
    }
}

} // namespace

ProfileImporter::Result ClusterShellImporter::import(const QString &path)
{
    ProfileImporter::Result result;
    QByteArray data;
    if (!ProfileImporter::readFile(path, &data, &result))
        return result;
    Builder builder(path, &result);
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"yaml" || suffix == u"yml")
        readYaml(data, &builder);
    else
        readFlat(data, &builder);
    builder.build();
    return result;
}

} // namespace Chorus
