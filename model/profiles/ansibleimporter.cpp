#include "model/profiles/ansibleimporter.h"

#include "model/ssh/hostset.h"
#include "model/ssh/sshconfig.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <optional>
#include <yaml-cpp/yaml.h>

namespace Chorus {

namespace {

struct Var
{
    QString value;
    int line = 0;
};
using Vars = QHash<QString, Var>;

struct HostEntry
{
    QString name;
    Vars vars;
    QStringList groups; // directly listed in, in file order
};

struct GroupEntry
{
    QString name;
    QStringList children;
    QStringList parents;
    Vars vars;
};

bool isImplicit(const QString &group)
{
    return group == u"all" || group == u"ungrouped";
}

// The first value found under any of the names.
std::optional<Var> lookup(const Vars &vars, std::initializer_list<const char16_t *> names)
{
    for (const char16_t *name : names) {
        const auto it = vars.constFind(QString::fromUtf16(name));
        if (it != vars.constEnd())
            return it.value();
    }
    return std::nullopt;
}

bool isTrue(const QString &value)
{
    const QString v = value.trimmed().toLower();
    return v == u"true" || v == u"yes" || v == u"1" || v == u"on";
}

class Inventory
{
public:
    Inventory(const QString &path, ProfileImporter::Result *result) : m_path(path), m_result(result) {}

    void problem(int line, const QString &reason)
    {
        m_result->problems.append(ProfileImporter::problem(m_path, line, reason));
    }

    GroupEntry &group(const QString &name)
    {
        if (!m_groups.contains(name)) {
            m_groups.insert(name, GroupEntry{name, {}, {}, {}});
            m_groupOrder.append(name);
        }
        return m_groups[name];
    }

    void addChild(const QString &parent, const QString &child)
    {
        group(child);
        GroupEntry &p = group(parent);
        if (!p.children.contains(child))
            p.children.append(child);
        GroupEntry &c = group(child);
        if (!c.parents.contains(parent))
            c.parents.append(parent);
    }

    // pattern: "name", "web[01:20].example.com", "name:2222". False (reported) if it cannot be used.
    bool addHosts(const QString &groupName, const QString &pattern, Vars vars, int line)
    {
        QString hostPart = pattern;
        const qsizetype colon = pattern.lastIndexOf(u':');
        const qsizetype bracket = pattern.lastIndexOf(u']');
        if (colon > bracket && colon > 0 &&
            pattern.count(u':') - pattern.left(bracket + 1).count(u':') == 1) {
            const QString port = pattern.mid(colon + 1);
            bool ok = false;
            const int number = port.toInt(&ok);
            if (!ok || number < 1 || number > 65535) {
                problem(line, QCoreApplication::translate("AnsibleImporter", "bad port \"%1\" in \"%2\"")
                                  .arg(port, pattern));
                return false;
            }
            hostPart = pattern.left(colon);
            if (!vars.contains(QStringLiteral("ansible_port")))
                vars.insert(QStringLiteral("ansible_port"), Var{port, line});
        }
        QStringList names;
        QString error;
        if (!HostSet::expand(hostPart, &names, &error)) {
            problem(line, error);
            return false;
        }
        if (names.size() != 1 && hostPart.contains(u',')) {
            problem(line,
                    QCoreApplication::translate("AnsibleImporter", "a host name cannot hold a comma: \"%1\"")
                        .arg(hostPart));
            return false;
        }
        group(groupName);
        for (const QString &name : std::as_const(names)) {
            if (!m_hosts.contains(name)) {
                m_hosts.insert(name, HostEntry{name, {}, {}});
                m_hostOrder.append(name);
                m_hostLines.insert(name, line);
            }
            HostEntry &h = m_hosts[name];
            for (auto it = vars.cbegin(); it != vars.cend(); ++it)
                h.vars.insert(it.key(), it.value());
            if (!h.groups.contains(groupName))
                h.groups.append(groupName);
        }
        return true;
    }

    void build()
    {
        for (const QString &g : std::as_const(m_groupOrder)) {
            if (!isImplicit(g))
                m_result->groups.append(path(g));
        }
        QSet<QPair<int, QString>> reportedSecrets;
        for (const QString &name : std::as_const(m_hostOrder)) {
            const HostEntry &h = m_hosts[name];
            const int line = m_hostLines.value(name);

            // Groups in order of precedence: those listed directly, then their ancestors, "all" last.
            QStringList chain;
            for (const QString &g : h.groups) {
                if (!isImplicit(g) && !chain.contains(g))
                    chain.append(g);
            }
            for (qsizetype i = 0; i < chain.size(); ++i) {
                for (const QString &parent : m_groups[chain.at(i)].parents) {
                    if (!isImplicit(parent) && !chain.contains(parent))
                        chain.append(parent);
                }
            }
            Vars vars = h.vars;
            QStringList withAll = chain;
            withAll.append(QStringLiteral("all"));
            for (const QString &g : std::as_const(withAll)) {
                const Vars &gv = m_groups.value(g).vars;
                for (auto it = gv.cbegin(); it != gv.cend(); ++it) {
                    if (!vars.contains(it.key()))
                        vars.insert(it.key(), it.value());
                }
            }

            for (const char16_t *secret : {u"ansible_password", u"ansible_ssh_pass", u"ansible_ssh_password",
                                           u"ansible_become_password", u"ansible_become_pass",
                                           u"ansible_sudo_pass", u"ansible_ssh_private_key_passphrase"}) {
                const auto v = lookup(vars, {secret});
                if (v && !reportedSecrets.contains({v->line, QString::fromUtf16(secret)})) {
                    reportedSecrets.insert({v->line, QString::fromUtf16(secret)});
                    problem(v->line,
                            QCoreApplication::translate("AnsibleImporter",
                                                        "%1 is a secret and is not imported; Chorus keeps "
                                                        "passwords in the keychain")
                                .arg(QString::fromUtf16(secret)));
                }
            }
            if (const auto c = lookup(vars, {u"ansible_connection"})) {
                const QString kind = c->value.trimmed().toLower();
                if (kind != u"ssh" && kind != u"paramiko" && kind != u"smart" && kind != u"paramiko_ssh") {
                    problem(line,
                            QCoreApplication::translate(
                                "AnsibleImporter", "host \"%1\" uses ansible_connection=%2, not SSH; skipped")
                                .arg(name, c->value));
                    continue;
                }
            }

            Profile p = Profile::create();
            p.name = name;
            p.hostname = name;
            if (const auto v = lookup(vars, {u"ansible_host", u"ansible_ssh_host"}))
                p.hostname = v->value.trimmed();
            if (const auto v = lookup(vars, {u"ansible_user", u"ansible_ssh_user"}))
                p.user = v->value.trimmed();
            if (const auto v = lookup(vars, {u"ansible_port", u"ansible_ssh_port"})) {
                bool ok = false;
                const int port = v->value.trimmed().toInt(&ok);
                if (!ok || port < 1 || port > 65535) {
                    problem(v->line, QCoreApplication::translate("AnsibleImporter",
                                                                 "host \"%1\": bad port \"%2\"; skipped")
                                         .arg(name, v->value));
                    continue;
                }
                p.port = quint16(port);
            }
            QString user;
            QString host;
            int port = 0;
            QString error;
            if (!SshConfig::parseSpec(p.user.isEmpty() ? p.hostname : p.user + u'@' + p.hostname, &user,
                                      &host, &port, &error) ||
                port) {
                problem(line, error.isEmpty()
                                  ? QCoreApplication::translate("AnsibleImporter",
                                                                "host \"%1\": bad host name; skipped")
                                        .arg(name)
                                  : QCoreApplication::translate("AnsibleImporter", "host \"%1\": %2; skipped")
                                        .arg(name, error));
                continue;
            }
            if (const auto v = lookup(vars, {u"ansible_ssh_private_key_file", u"ansible_private_key_file"})) {
                p.auth = AuthMethod::KeyFile;
                p.keyFile = v->value.trimmed();
            }
            if (const auto v = lookup(vars, {u"ansible_become"}))
                p.useSudo = isTrue(v->value);
            for (const char16_t *args : {u"ansible_ssh_common_args", u"ansible_ssh_extra_args"}) {
                static const QRegularExpression jump(
                    QStringLiteral("(?:ProxyJump[= ]\\s*|-J\\s*)([^\\s'\"]+)"),
                    QRegularExpression::CaseInsensitiveOption);
                if (const auto v = lookup(vars, {args})) {
                    const QRegularExpressionMatch m = jump.match(v->value);
                    if (m.hasMatch() && p.jumpHost.isEmpty())
                        p.jumpHost = m.captured(1);
                }
            }
            if (!chain.isEmpty()) {
                p.group = path(chain.constFirst());
                const QStringList onPath = p.group.split(u'/');
                for (const QString &g : std::as_const(chain)) {
                    if (!onPath.contains(g))
                        p.tags.append(g);
                }
            }
            m_result->profiles.append(p);
        }
    }

private:
    // "parent/child" along the first parent of each group, "all" left out.
    QString path(const QString &name)
    {
        if (m_paths.contains(name))
            return m_paths.value(name);
        if (m_visiting.contains(name))
            return name; // a loop of children: stop nesting here
        m_visiting.insert(name);
        QString result = name;
        for (const QString &parent : m_groups[name].parents) {
            if (!isImplicit(parent)) {
                result = path(parent) + u'/' + name;
                break;
            }
        }
        m_visiting.remove(name);
        m_paths.insert(name, result);
        return result;
    }

    QString m_path;
    ProfileImporter::Result *m_result;
    QHash<QString, HostEntry> m_hosts;
    QStringList m_hostOrder;
    QHash<QString, int> m_hostLines;
    QHash<QString, GroupEntry> m_groups;
    QStringList m_groupOrder;
    QHash<QString, QString> m_paths;
    QSet<QString> m_visiting;
};

// Splits an INI host line the way Ansible's shlex does: blanks separate, quotes group, and a '#'
// at the start of a word starts a comment.
QStringList splitWords(const QString &line, bool *unterminated)
{
    QStringList words;
    QString word;
    bool inWord = false;
    QChar quote;
    *unterminated = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else
                word += c;
            continue;
        }
        if (c.isSpace()) {
            if (inWord)
                words.append(word);
            word.clear();
            inWord = false;
        } else if (c == u'#' && !inWord) {
            break;
        } else if (c == u'"' || c == u'\'') {
            quote = c;
            inWord = true;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (!quote.isNull())
        *unterminated = true;
    if (inWord)
        words.append(word);
    return words;
}

void readIni(const QByteArray &data, Inventory *inventory)
{
    enum class Kind
    {
        Hosts,
        Children,
        Vars
    };
    QString current = QStringLiteral("ungrouped");
    Kind kind = Kind::Hosts;
    const QStringList lines = QString::fromUtf8(data).split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = int(i + 1);
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        if (line.startsWith(u'[')) {
            const qsizetype close = line.indexOf(u']');
            if (close < 0) {
                inventory->problem(
                    lineNo, QCoreApplication::translate("AnsibleImporter", "section header without \"]\""));
                current.clear();
                continue;
            }
            const QString header = line.mid(1, close - 1).trimmed();
            const QString rest = line.mid(close + 1).trimmed();
            if (!rest.isEmpty() && !rest.startsWith(u'#') && !rest.startsWith(u';')) {
                inventory->problem(lineNo,
                                   QCoreApplication::translate("AnsibleImporter",
                                                               "unexpected \"%1\" after the section header")
                                       .arg(rest));
            }
            const qsizetype colon = header.indexOf(u':');
            const QString name = colon < 0 ? header : header.left(colon);
            const QString suffix = colon < 0 ? QString() : header.mid(colon + 1);
            if (name.isEmpty() || name.contains(u' ')) {
                inventory->problem(lineNo,
                                   QCoreApplication::translate("AnsibleImporter",
                                                               "bad group name \"%1\"; its lines are skipped")
                                       .arg(name));
                current.clear();
                continue;
            }
            if (suffix.isEmpty() || suffix == u"hosts") {
                kind = Kind::Hosts;
            } else if (suffix == u"children") {
                kind = Kind::Children;
            } else if (suffix == u"vars") {
                kind = Kind::Vars;
            } else {
                inventory->problem(lineNo, QCoreApplication::translate(
                                               "AnsibleImporter",
                                               "unknown section type \":%1\" (expected :children or :vars); "
                                               "its lines are skipped")
                                               .arg(suffix));
                current.clear();
                continue;
            }
            current = name;
            inventory->group(name);
            continue;
        }
        if (current.isEmpty())
            continue; // inside a section already reported
        if (kind == Kind::Vars) {
            const qsizetype eq = line.indexOf(u'=');
            if (eq <= 0) {
                inventory->problem(lineNo, QCoreApplication::translate("AnsibleImporter",
                                                                       "expected \"name=value\" in [%1:vars]")
                                               .arg(current));
                continue;
            }
            QString value = line.mid(eq + 1).trimmed();
            if (value.size() >= 2 && (value.front() == u'"' || value.front() == u'\'') &&
                value.back() == value.front())
                value = value.mid(1, value.size() - 2);
            inventory->group(current).vars.insert(line.left(eq).trimmed(), Var{value, lineNo});
            continue;
        }
        bool unterminated = false;
        const QStringList words = splitWords(line, &unterminated);
        if (unterminated) {
            inventory->problem(
                lineNo, QCoreApplication::translate("AnsibleImporter", "unterminated quote; line skipped"));
            continue;
        }
        if (words.isEmpty())
            continue;
        if (kind == Kind::Children) {
            if (words.size() != 1) {
                inventory->problem(lineNo, QCoreApplication::translate(
                                               "AnsibleImporter", "expected one group name in [%1:children]")
                                               .arg(current));
                continue;
            }
            inventory->addChild(current, words.constFirst());
            continue;
        }
        Vars vars;
        bool ok = true;
        for (qsizetype w = 1; w < words.size(); ++w) {
            const qsizetype eq = words.at(w).indexOf(u'=');
            if (eq <= 0) {
                inventory->problem(lineNo, QCoreApplication::translate(
                                               "AnsibleImporter",
                                               "expected \"name=value\" after the host, found \"%1\"; line "
                                               "skipped")
                                               .arg(words.at(w)));
                ok = false;
                break;
            }
            vars.insert(words.at(w).left(eq), Var{words.at(w).mid(eq + 1), lineNo});
        }
        if (ok)
            inventory->addHosts(current, words.constFirst(), vars, lineNo);
    }
}

int lineOf(const YAML::Node &node)
{
    return node.Mark().is_null() ? 0 : node.Mark().line + 1;
}

QString text(const YAML::Node &node)
{
    return QString::fromStdString(node.Scalar());
}

// notMap: the whole sentence to report when the node holds something other than variables.
Vars readVars(const YAML::Node &node, const QString &notMap, Inventory *inventory)
{
    Vars vars;
    if (node.IsNull())
        return vars;
    if (!node.IsMap()) {
        inventory->problem(lineOf(node), notMap);
        return vars;
    }
    for (const auto &kv : node) {
        if (kv.first.IsScalar() && kv.second.IsScalar())
            vars.insert(text(kv.first), Var{text(kv.second), lineOf(kv.first)});
        // Lists and maps are valid Ansible variables, but none of those Chorus reads.
    }
    return vars;
}

void readYamlGroup(const QString &name, const YAML::Node &node, int line, Inventory *inventory)
{
    inventory->group(name);
    if (node.IsNull())
        return;
    if (!node.IsMap()) {
        inventory->problem(line, QCoreApplication::translate("AnsibleImporter",
                                                             "group \"%1\": expected hosts, children or vars")
                                     .arg(name));
        return;
    }
    for (const auto &entry : node) {
        const QString key = text(entry.first);
        const int keyLine = lineOf(entry.first);
        const YAML::Node &value = entry.second;
        if (key == u"hosts") {
            if (value.IsNull())
                continue;
            if (!value.IsMap()) {
                inventory->problem(
                    keyLine, QCoreApplication::translate("AnsibleImporter",
                                                         "group \"%1\": \"hosts\" must map host names to "
                                                         "their variables")
                                 .arg(name));
                continue;
            }
            for (const auto &host : value) {
                if (!host.first.IsScalar()) {
                    inventory->problem(
                        lineOf(host.first),
                        QCoreApplication::translate("AnsibleImporter", "a host name must be text"));
                    continue;
                }
                const QString pattern = text(host.first);
                inventory->addHosts(
                    name, pattern,
                    readVars(host.second,
                             QCoreApplication::translate("AnsibleImporter",
                                                         "host \"%1\": expected \"name: value\" variables")
                                 .arg(pattern),
                             inventory),
                    lineOf(host.first));
            }
        } else if (key == u"children") {
            if (value.IsNull())
                continue;
            if (!value.IsMap()) {
                inventory->problem(keyLine, QCoreApplication::translate(
                                                "AnsibleImporter",
                                                "group \"%1\": \"children\" must map group names to groups")
                                                .arg(name));
                continue;
            }
            for (const auto &child : value) {
                const QString childName = text(child.first);
                inventory->addChild(name, childName);
                readYamlGroup(childName, child.second, lineOf(child.first), inventory);
            }
        } else if (key == u"vars") {
            const Vars vars =
                readVars(value,
                         QCoreApplication::translate("AnsibleImporter",
                                                     "group \"%1\": expected \"name: value\" variables")
                             .arg(name),
                         inventory);
            GroupEntry &g = inventory->group(name);
            for (auto it = vars.cbegin(); it != vars.cend(); ++it)
                g.vars.insert(it.key(), it.value());
        } else {
            inventory->problem(
                keyLine, QCoreApplication::translate("AnsibleImporter",
                                                     "unknown key \"%1\" in group \"%2\" (expected hosts, "
                                                     "children or vars)")
                             .arg(key, name));
        }
    }
}

void readYaml(const QByteArray &data, Inventory *inventory)
{
    YAML::Node root;
    try {
        root = YAML::Load(data.toStdString());
    } catch (const YAML::Exception &e) {
        inventory->problem(e.mark.is_null() ? 0 : e.mark.line + 1,
                           QCoreApplication::translate("AnsibleImporter", "not valid YAML: %1")
                               .arg(QString::fromStdString(e.msg)));
        return;
    }
    if (root.IsNull())
        return;
    if (!root.IsMap()) {
        inventory->problem(lineOf(root), QCoreApplication::translate(
                                             "AnsibleImporter", "expected groups at the top (\"all:\")"));
        return;
    }
    for (const auto &group : root)
        readYamlGroup(text(group.first), group.second, lineOf(group.first), inventory);
}

} // namespace

ProfileImporter::Result AnsibleImporter::import(const QString &path)
{
    ProfileImporter::Result result;
    QByteArray data;
    if (!ProfileImporter::readFile(path, &data, &result))
        return result;
    Inventory inventory(path, &result);
    const QString suffix = QFileInfo(path).suffix().toLower();
    static const QRegularExpression yamlStart(QStringLiteral("^(---\\s*$|[A-Za-z0-9_.-]+:\\s*$)"),
                                              QRegularExpression::MultilineOption);
    QString firstLine;
    for (const QString &line : QString::fromUtf8(data).split(u'\n')) {
        const QString t = line.trimmed();
        if (!t.isEmpty() && !t.startsWith(u'#')) {
            firstLine = t;
            break;
        }
    }
    if (suffix == u"yml" || suffix == u"yaml" || yamlStart.match(firstLine).hasMatch())
        readYaml(data, &inventory);
    else
        readIni(data, &inventory);
    inventory.build();
    return result;
}

} // namespace Chorus
