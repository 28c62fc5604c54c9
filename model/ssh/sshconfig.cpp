#include "model/ssh/sshconfig.h"

#include "model/core/modellog.h"
#include "model/ssh/sshpattern.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QList>
#include <QSet>
#include <QSysInfo>

#include <algorithm>
#include <glob.h>
#include <limits>
#include <optional>
#include <pwd.h>
#include <tuple>
#include <unistd.h>

namespace Chorus {

namespace {

// ssh's READCONF_MAX_DEPTH.
constexpr int MaxIncludeDepth = 16;

enum class Key
{
    HostName,
    User,
    Port,
    IdentityFile,
    IdentitiesOnly,
    ProxyJump,
    ProxyCommand,
    ConnectTimeout,
    StrictHostKeyChecking,
    UserKnownHostsFile,
    HostKeyAlias,
};

enum class Kind
{
    Host,         // args: the patterns
    Match,        // starts a block that never applies
    Option,       // args: the value(s), checked and normalised at load
    IncludeBegin, // an included file starts: it may not change the including file's Host state
    IncludeEnd,
};

struct Entry
{
    Kind kind = Kind::Option;
    Key key = Key::HostName;
    QStringList args;
    QString where; // FILE:LINE
};

const QHash<QString, Key> &ourKeywords()
{
    static const QHash<QString, Key> keys{
        {QStringLiteral("hostname"), Key::HostName},
        {QStringLiteral("user"), Key::User},
        {QStringLiteral("port"), Key::Port},
        {QStringLiteral("identityfile"), Key::IdentityFile},
        {QStringLiteral("identitiesonly"), Key::IdentitiesOnly},
        {QStringLiteral("proxyjump"), Key::ProxyJump},
        {QStringLiteral("proxycommand"), Key::ProxyCommand},
        {QStringLiteral("connecttimeout"), Key::ConnectTimeout},
        {QStringLiteral("stricthostkeychecking"), Key::StrictHostKeyChecking},
        {QStringLiteral("userknownhostsfile"), Key::UserKnownHostsFile},
        {QStringLiteral("hostkeyalias"), Key::HostKeyAlias},
    };
    return keys;
}

// Valid OpenSSH client keywords (including Debian's GSSAPI ones and deprecated ones ssh still
// accepts) that do not change a HostTarget: accepted without a word, as ssh would.
bool isOtherSshKeyword(const QString &keyword)
{
    static const QSet<QString> known = [] {
        const QString names = QStringLiteral(
            "addkeystoagent addressfamily afstokenpassing batchmode bindaddress bindinterface "
            "canonicaldomains canonicalizefallbacklocal canonicalizehostname canonicalizemaxdots "
            "canonicalizepermittedcnames casignaturealgorithms certificatefile "
            "challengeresponseauthentication channeltimeout checkhostip cipher ciphers "
            "clearallforwardings compression compressionlevel connectionattempts controlmaster "
            "controlpath controlpersist dsaauthentication dynamicforward enableescapecommandline "
            "enablesshkeysign escapechar exitonforwardfailure fallbacktorsh fingerprinthash "
            "forkafterauthentication forwardagent forwardx11 forwardx11timeout forwardx11trusted "
            "gatewayports globalknownhostsfile gssapiauthentication gssapiclientidentity "
            "gssapidelegatecredentials gssapikeyexchange gssapikexalgorithms gssapirenewalforcesrekey "
            "gssapiserveridentity gssapitrustdns hashknownhosts hostbasedacceptedalgorithms "
            "hostbasedauthentication hostbasedkeytypes hostkeyalgorithms identityagent ipqos "
            "kbdinteractiveauthentication kbdinteractivedevices kerberosauthentication "
            "kerberostgtpassing kexalgorithms knownhostscommand localcommand localforward loglevel "
            "logverbose macs nohostauthenticationforlocalhost numberofpasswordprompts "
            "obscurekeystroketiming passwordauthentication permitlocalcommand permitremoteopen "
            "pkcs11provider preferredauthentications protocol proxyusefdpass pubkeyacceptedalgorithms "
            "pubkeyacceptedkeytypes pubkeyauthentication rekeylimit remotecommand remoteforward "
            "requesttty requiredrsasize revokedhostkeys rhostsauthentication rhostsrsaauthentication "
            "rsaauthentication securitykeyprovider sendenv serveralivecountmax serveraliveinterval "
            "sessiontype setenv skeyauthentication smartcarddevice stdinnull streamlocalbindmask "
            "streamlocalbindunlink syslogfacility tag tcpkeepalive tisauthentication tunnel tunneldevice "
            "updatehostkeys usekeychain useprivilegedport useroaming usersh verifyhostkeydns "
            "visualhostkey xauthlocation");
        const QStringList list = names.split(u' ', Qt::SkipEmptyParts);
        return QSet<QString>(list.begin(), list.end());
    }();
    return known.contains(keyword);
}

// A Host line applies when one pattern matches and no negated one does.
bool hostLineMatches(const QString &host, const QStringList &patterns)
{
    bool matched = false;
    for (const QString &pattern : patterns) {
        const bool negated = pattern.startsWith(u'!');
        if (sshPatternMatch(host, negated ? QStringView(pattern).mid(1) : QStringView(pattern))) {
            if (negated)
                return false;
            matched = true;
        }
    }
    return matched;
}

// ssh's argv_split(): white space separates, quotes group, backslash escapes quotes, backslash and
// (outside quotes) space, and an unquoted '#' at the start of a word ends the line.
bool splitArguments(QStringView s, QStringList *out)
{
    qsizetype i = 0;
    while (i < s.size()) {
        if (s[i] == u' ' || s[i] == u'\t') {
            ++i;
            continue;
        }
        if (s[i] == u'#')
            break;
        QString arg;
        QChar quote;
        for (; i < s.size(); ++i) {
            const QChar c = s[i];
            if (c == u'\\' && i + 1 < s.size()) {
                const QChar next = s[i + 1];
                if (next == u'\'' || next == u'"' || next == u'\\' || (quote.isNull() && next == u' '))
                    ++i;
                arg += s[i];
            } else if (quote.isNull() && (c == u' ' || c == u'\t')) {
                break;
            } else if (quote.isNull() && (c == u'"' || c == u'\'')) {
                quote = c;
            } else if (!quote.isNull() && c == quote) {
                quote = QChar();
            } else {
                arg += c;
            }
        }
        if (!quote.isNull())
            return false;
        out->append(arg);
    }
    return true;
}

// ssh's convtime(): "90", "1m30s", "1h"; units s m h d w in either case.
bool parseDuration(QStringView s, qint64 *seconds)
{
    if (s.isEmpty())
        return false;
    qint64 total = 0;
    qsizetype i = 0;
    while (i < s.size()) {
        qint64 number = 0;
        const qsizetype digitsStart = i;
        while (i < s.size() && s[i].isDigit() && s[i].unicode() < 128) {
            number = number * 10 + (s[i].unicode() - '0');
            if (number > std::numeric_limits<int>::max())
                return false;
            ++i;
        }
        if (i == digitsStart)
            return false;
        qint64 unit = 1;
        if (i < s.size()) {
            switch (s[i].toLower().unicode()) {
            case 's':
                unit = 1;
                break;
            case 'm':
                unit = 60;
                break;
            case 'h':
                unit = 3600;
                break;
            case 'd':
                unit = 86400;
                break;
            case 'w':
                unit = 604800;
                break;
            default:
                return false;
            }
            ++i;
        }
        total += number * unit;
        if (total > std::numeric_limits<int>::max())
            return false;
    }
    *seconds = total;
    return true;
}

QString homeDir()
{
    return QDir::homePath();
}

QString localUser()
{
    for (const char *var : {"USER", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(var);
        if (!name.isEmpty())
            return name;
    }
    if (const passwd *pw = getpwuid(getuid()))
        return QFile::decodeName(pw->pw_name);
    return {};
}

// "~" and "~/x" are $HOME; "~name/x" is that user's home directory.
QString expandTilde(const QString &path)
{
    if (!path.startsWith(u'~'))
        return path;
    const qsizetype slash = path.indexOf(u'/');
    const QString name = path.mid(1, slash < 0 ? -1 : slash - 1);
    const QString rest = slash < 0 ? QString() : path.mid(slash);
    if (name.isEmpty())
        return homeDir() + rest;
    if (const passwd *pw = getpwnam(QFile::encodeName(name).constData()))
        return QFile::decodeName(pw->pw_dir) + rest;
    qCWarning(lcModel) << "no such user for" << path;
    return path;
}

// Replaces %x tokens from values (and ${VAR} when dollar is set). Returns false, with the offending
// token in *bad, when a token is not in values or a ${ is not closed.
bool expandTokens(QStringView text, const QHash<QChar, QString> &values, bool dollar, QString *out,
                  QString *bad)
{
    QString result;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'%') {
            if (i + 1 >= text.size()) {
                *bad = QStringLiteral("%");
                return false;
            }
            const QChar token = text[++i];
            if (token == u'%') {
                result += u'%';
            } else if (values.contains(token)) {
                result += values.value(token);
            } else {
                *bad = u'%' + QString(token);
                return false;
            }
        } else if (dollar && c == u'$' && i + 1 < text.size() && text[i + 1] == u'{') {
            const qsizetype close = text.indexOf(u'}', i + 2);
            if (close < 0 || close == i + 2) {
                *bad = text.mid(i, close < 0 ? -1 : close - i + 1).toString();
                return false;
            }
            const QString var = text.mid(i + 2, close - i - 2).toString();
            if (!qEnvironmentVariableIsSet(var.toLocal8Bit().constData()))
                qCWarning(lcModel) << "environment variable" << var << "is not set; using an empty value";
            result += qEnvironmentVariable(var.toLocal8Bit().constData());
            i = close;
        } else {
            result += c;
        }
    }
    *out = result;
    return true;
}

QHash<QChar, QString> placeholderTokens(QStringView letters)
{
    QHash<QChar, QString> tokens;
    for (QChar c : letters)
        tokens.insert(c, QString());
    return tokens;
}

const QString FileTokens = QStringLiteral("dhikLlnpru");
const QString ProxyCommandTokens = QStringLiteral("hnpr");
const QString HostNameTokens = QStringLiteral("h");

// Reads config files into a flat list of entries, warning about what it cannot use.
class Loader
{
public:
    Loader(QList<Entry> *entries, QStringList *warnings) : m_entries(entries), m_warnings(warnings) {}

    void readFile(const QString &path, const QString &includedAt, int depth)
    {
        // How to name the file in a warning: the Include line that pulled it in, if any.
        auto complain = [&](const QString &what) {
            warn(includedAt.isEmpty() ? path + QStringLiteral(": ") + what
                                      : QCoreApplication::translate("SshConfig", "%1: included file %2: %3")
                                            .arg(includedAt, path, what));
        };
        const QFileInfo info(path);
        if (includedAt.isEmpty() && !info.exists()) {
            qCDebug(lcModel) << "no ssh config at" << path;
            return;
        }
        if (depth > MaxIncludeDepth) {
            complain(QCoreApplication::translate("SshConfig", "Include nested more than %1 deep; skipped")
                         .arg(MaxIncludeDepth));
            return;
        }
        const QString canonical = info.canonicalFilePath();
        if (m_reading.contains(canonical)) {
            complain(QCoreApplication::translate("SshConfig", "includes itself; skipped"));
            return;
        }
        if (info.exists() && ((info.ownerId() != 0 && info.ownerId() != uint(getuid())) ||
                              (info.permissions() & (QFile::WriteGroup | QFile::WriteOther)))) {
            complain(QCoreApplication::translate(
                "SshConfig", "bad owner or permissions (others could change it); skipped, as ssh "
                             "would refuse it"));
            return;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            complain(QCoreApplication::translate("SshConfig", "cannot read: %1").arg(file.errorString()));
            return;
        }
        const QByteArray content = file.readAll();
        if (file.error() != QFile::NoError) {
            complain(QCoreApplication::translate("SshConfig", "cannot read: %1").arg(file.errorString()));
            return;
        }
        m_reading.append(canonical);
        const QList<QByteArray> lines = content.split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i)
            parseLine(path, int(i + 1), QString::fromUtf8(lines[i]), depth);
        m_reading.removeLast();
    }

private:
    void warn(const QString &message)
    {
        qCDebug(lcModel).noquote() << "ssh config:" << message;
        if (m_warnings)
            m_warnings->append(message);
    }

    void parseLine(const QString &file, int lineNumber, const QString &text, int depth)
    {
        const QString where = file + u':' + QString::number(lineNumber);
        auto problem = [&](const QString &what) {
            warn(where + QStringLiteral(": ") + what);
        };

        QStringView line(text);
        while (!line.isEmpty() && (line.back().isSpace()))
            line.chop(1);
        qsizetype i = 0;
        while (i < line.size() && line[i].isSpace())
            ++i;
        if (i == line.size() || line[i] == u'#')
            return;
        // ssh's strdelim(): the keyword ends at white space or '=', and one '=' may follow the space.
        const qsizetype keywordStart = i;
        while (i < line.size() && !line[i].isSpace() && line[i] != u'=')
            ++i;
        const QString keywordAsWritten = line.mid(keywordStart, i - keywordStart).toString();
        const QString keyword = keywordAsWritten.toLower();
        bool sawEquals = i < line.size() && line[i] == u'=';
        if (i < line.size())
            ++i;
        while (i < line.size() && line[i].isSpace())
            ++i;
        if (!sawEquals && i < line.size() && line[i] == u'=') {
            ++i;
            while (i < line.size() && line[i].isSpace())
                ++i;
        }
        const QStringView rest = line.mid(i);
        if (rest.isEmpty()) {
            problem(QCoreApplication::translate("SshConfig", "no value after \"%1\"").arg(keywordAsWritten));
            if (keyword == u"host")
                m_entries->append({Kind::Host, {}, {}, where}); // a block that matches nothing
            return;
        }
        QStringList args;
        if (!splitArguments(rest, &args)) {
            problem(QCoreApplication::translate("SshConfig", "unbalanced quotes"));
            if (keyword == u"host")
                m_entries->append({Kind::Host, {}, {}, where});
            return;
        }

        if (keyword == u"host") {
            // Even a bad Host line starts a new block, so that the lines under it never land in the
            // previous block (and, say, give its ProxyCommand to other hosts).
            if (args.isEmpty() || args.contains(QString()) || args.contains(QStringLiteral("!"))) {
                problem(QCoreApplication::translate("SshConfig",
                                                    "empty Host pattern; this block will match no host"));
                args.clear();
            }
            m_entries->append({Kind::Host, {}, args, where});
            return;
        }
        if (keyword == u"match") {
            problem(QCoreApplication::translate(
                "SshConfig", "Match blocks are not supported; the lines up to the next Host or Match "
                             "are ignored"));
            m_entries->append({Kind::Match, {}, {}, where});
            return;
        }
        if (keyword == u"include") {
            if (args.isEmpty()) {
                problem(QCoreApplication::translate("SshConfig", "Include without a file name"));
                return;
            }
            for (const QString &arg : std::as_const(args))
                include(arg, where, depth);
            return;
        }
        if (keyword == u"ignoreunknown") {
            for (const QString &arg : std::as_const(args))
                m_ignoreUnknown += arg.split(u',', Qt::SkipEmptyParts);
            return;
        }
        const auto found = ourKeywords().constFind(keyword);
        if (found == ourKeywords().constEnd()) {
            if (!isOtherSshKeyword(keyword) && !ignoredUnknown(keyword))
                problem(
                    QCoreApplication::translate("SshConfig", "unknown keyword \"%1\"").arg(keywordAsWritten));
            return;
        }
        if (args.isEmpty() && *found != Key::ProxyCommand) {
            problem(QCoreApplication::translate("SshConfig", "no value after \"%1\"").arg(keywordAsWritten));
            return;
        }
        const bool several = *found == Key::UserKnownHostsFile || *found == Key::ProxyCommand;
        if (!several && args.size() > 1) {
            problem(QCoreApplication::translate("SshConfig", "\"%1\" takes one value, found %2: %3")
                        .arg(keywordAsWritten, QString::number(args.size()), rest.toString()));
            return;
        }
        QString value = args.value(0);
        QString bad;
        QString ignored;
        auto badTokens = [&](const QString &text, const QString &letters, bool dollar) {
            if (expandTokens(text, placeholderTokens(letters), dollar, &ignored, &bad))
                return false;
            problem(
                QCoreApplication::translate("SshConfig", "unknown or incomplete token \"%1\" in %2 \"%3\"")
                    .arg(bad, keywordAsWritten, text));
            return true;
        };
        switch (*found) {
        case Key::HostName:
            if (badTokens(value, HostNameTokens, false))
                return;
            break;
        case Key::User:
        case Key::HostKeyAlias:
            break;
        case Key::Port: {
            bool ok = false;
            const int port = value.toInt(&ok);
            if (!ok || port < 1 || port > 65535 || !value.front().isDigit()) {
                problem(QCoreApplication::translate("SshConfig", "bad port \"%1\"").arg(value));
                return;
            }
            value = QString::number(port);
            break;
        }
        case Key::IdentityFile:
            if (badTokens(value, FileTokens, true))
                return;
            break;
        case Key::IdentitiesOnly: {
            const QString v = value.toLower();
            if (v == u"yes" || v == u"true") {
                value = QStringLiteral("yes");
            } else if (v == u"no" || v == u"false") {
                value = QStringLiteral("no");
            } else {
                problem(QCoreApplication::translate("SshConfig", "bad value \"%1\" for %2 (yes or no)")
                            .arg(value, keywordAsWritten));
                return;
            }
            break;
        }
        case Key::ProxyJump:
            if (value.compare(u"none", Qt::CaseInsensitive) == 0) {
                value = QStringLiteral("none");
            } else if (value.split(u',').contains(QString())) {
                problem(QCoreApplication::translate("SshConfig", "empty jump host in ProxyJump \"%1\"")
                            .arg(value));
                return;
            }
            break;
        case Key::ProxyCommand:
            // ssh hands the rest of the line to the shell untouched: quotes and '#' included.
            value = rest.toString();
            while (!value.isEmpty() && (value.front() == u'=' || value.front().isSpace()))
                value.remove(0, 1);
            if (value.isEmpty()) {
                problem(
                    QCoreApplication::translate("SshConfig", "no value after \"%1\"").arg(keywordAsWritten));
                return;
            }
            if (value != u"none" && badTokens(value, ProxyCommandTokens, false))
                return;
            break;
        case Key::ConnectTimeout: {
            qint64 seconds = 0;
            if (value.compare(u"none", Qt::CaseInsensitive) == 0) {
                seconds = 0;
            } else if (!parseDuration(value, &seconds) || seconds > std::numeric_limits<int>::max() / 1000) {
                problem(QCoreApplication::translate("SshConfig", "bad time \"%1\" for %2")
                            .arg(value, keywordAsWritten));
                return;
            }
            value = QString::number(seconds * 1000);
            break;
        }
        case Key::StrictHostKeyChecking: {
            QString v = value.toLower();
            if (v == u"true")
                v = QStringLiteral("yes");
            else if (v == u"false")
                v = QStringLiteral("no");
            HostKeyPolicy policy;
            if (!parseHostKeyPolicy(v, &policy)) {
                problem(QCoreApplication::translate("SshConfig",
                                                    "bad value \"%1\" for %2 (yes, no, ask or accept-new)")
                            .arg(value, keywordAsWritten));
                return;
            }
            value = hostKeyPolicyName(policy);
            break;
        }
        case Key::UserKnownHostsFile:
            if (args.size() == 1 && args[0] == u"none")
                break;
            for (const QString &arg : std::as_const(args)) {
                if (badTokens(arg, FileTokens, true))
                    return;
            }
            m_entries->append({Kind::Option, *found, args, where});
            return;
        }
        m_entries->append({Kind::Option, *found, {value}, where});
    }

    void include(const QString &arg, const QString &where, int depth)
    {
        // Relative names live in ~/.ssh, as for ssh's own user configuration.
        const QString pattern =
            arg.startsWith(u'/') || arg.startsWith(u'~') ? arg : QStringLiteral("~/.ssh/") + arg;
        glob_t matches{};
        const int rc = glob(QFile::encodeName(pattern).constData(), GLOB_TILDE, nullptr, &matches);
        if (rc == GLOB_NOMATCH) {
            qCDebug(lcModel).noquote() << where << "Include" << pattern << "matched no files";
        } else if (rc != 0) {
            warn(where + QStringLiteral(": ") +
                 QCoreApplication::translate("SshConfig", "cannot list files for Include \"%1\"").arg(arg));
        } else {
            for (size_t i = 0; i < matches.gl_pathc; ++i) {
                m_entries->append({Kind::IncludeBegin, {}, {}, where});
                readFile(QFile::decodeName(matches.gl_pathv[i]), where, depth + 1);
                m_entries->append({Kind::IncludeEnd, {}, {}, where});
            }
        }
        globfree(&matches);
    }

    bool ignoredUnknown(const QString &keyword) const
    {
        bool matched = false;
        for (const QString &pattern : m_ignoreUnknown) {
            const bool negated = pattern.startsWith(u'!');
            if (sshPatternMatch(keyword, (negated ? pattern.mid(1) : pattern).toLower())) {
                if (negated)
                    return false;
                matched = true;
            }
        }
        return matched;
    }

    QList<Entry> *m_entries;
    QStringList *m_warnings;
    QStringList m_reading; // canonical paths of the files being read, outermost first
    QStringList m_ignoreUnknown;
};

// What the config says about one host; unset means it is silent.
struct Settings
{
    std::optional<QString> hostName;
    std::optional<QString> user;
    std::optional<int> port;
    std::optional<QStringList> identityFiles;
    std::optional<bool> identitiesOnly;
    std::optional<QString> proxyJump;
    std::optional<QString> proxyCommand;
    std::optional<int> connectTimeoutMs;
    std::optional<HostKeyPolicy> hostKeyPolicy;
    std::optional<QStringList> knownHostsFiles;
    std::optional<QString> hostKeyAlias;
};

template <typename T> void setOnce(std::optional<T> &slot, const T &value)
{
    if (!slot)
        slot = value;
}

void apply(const Entry &e, Settings *s)
{
    const QString &value = e.args.constFirst();
    switch (e.key) {
    case Key::HostName:
        setOnce(s->hostName, value);
        break;
    case Key::User:
        setOnce(s->user, value);
        break;
    case Key::Port:
        setOnce(s->port, value.toInt());
        break;
    case Key::IdentityFile:
        if (!s->identityFiles)
            s->identityFiles = QStringList();
        s->identityFiles->append(value);
        break;
    case Key::IdentitiesOnly:
        setOnce(s->identitiesOnly, value == u"yes");
        break;
    case Key::ProxyJump:
        // As ssh's parse_jump(): either setting blocks a later ProxyJump, and a real jump host also
        // blocks a later ProxyCommand; "ProxyJump none" leaves ProxyCommand free.
        if (s->proxyJump || s->proxyCommand)
            break;
        s->proxyJump = value;
        if (value != u"none")
            s->proxyCommand = QStringLiteral("none");
        break;
    case Key::ProxyCommand:
        setOnce(s->proxyCommand, value);
        break;
    case Key::ConnectTimeout:
        setOnce(s->connectTimeoutMs, value.toInt());
        break;
    case Key::StrictHostKeyChecking: {
        HostKeyPolicy policy;
        parseHostKeyPolicy(value, &policy);
        setOnce(s->hostKeyPolicy, policy);
        break;
    }
    case Key::UserKnownHostsFile:
        setOnce(s->knownHostsFiles, e.args);
        break;
    case Key::HostKeyAlias:
        setOnce(s->hostKeyAlias, value);
        break;
    }
}

bool isBadNameChar(QChar c)
{
    return c.isSpace() || c.category() == QChar::Other_Control ||
           QStringView(u"'`\"$\\;&<>|(){}[]").contains(c);
}

// As ssh's valid_hostname(), and the same rule for user names: these reach a shell through %h and %r.
bool isSafeName(const QString &name)
{
    return !name.startsWith(u'-') && std::none_of(name.begin(), name.end(), isBadNameChar);
}

} // namespace

struct SshConfig::Data
{
    QList<Entry> entries;
    QString path;
};

SshConfig SshConfig::load(const QString &path, QStringList *warnings)
{
    auto data = std::make_shared<Data>();
    Loader loader(&data->entries, warnings);
    loader.readFile(path, QString(), 0);
    data->path = path;
    SshConfig config;
    config.m_data = std::move(data);
    return config;
}

QString SshConfig::defaultPath()
{
    return homeDir() + QStringLiteral("/.ssh/config");
}

bool SshConfig::parseSpec(const QString &spec, QString *user, QString *host, int *port, QString *error)
{
    auto fail = [&](const QString &message) {
        *error = message;
        return false;
    };
    QString s = spec.trimmed();
    if (s.startsWith(u"ssh://")) {
        s.remove(0, 6);
        if (s.endsWith(u'/'))
            s.chop(1);
    }
    if (s.isEmpty())
        return fail(QCoreApplication::translate("SshConfig", "no host in \"%1\"").arg(spec));
    QString u;
    QString rest = s;
    const qsizetype at = s.lastIndexOf(u'@');
    if (at >= 0) {
        u = s.left(at);
        rest = s.mid(at + 1);
        if (u.isEmpty())
            return fail(
                QCoreApplication::translate("SshConfig", "empty user name before \"@\" in \"%1\"").arg(spec));
        if (!isSafeName(u))
            return fail(
                QCoreApplication::translate("SshConfig", "bad user name \"%1\" in \"%2\"").arg(u, spec));
    }
    QString h;
    QString portText;
    bool hasPort = false;
    if (rest.startsWith(u'[')) {
        const qsizetype close = rest.indexOf(u']');
        if (close < 0)
            return fail(QCoreApplication::translate("SshConfig", "missing \"]\" in \"%1\"").arg(spec));
        h = rest.mid(1, close - 1);
        const QString after = rest.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(u':'))
                return fail(
                    QCoreApplication::translate("SshConfig", "unexpected \"%1\" after \"]\" in \"%2\"")
                        .arg(after, spec));
            portText = after.mid(1);
            hasPort = true;
        }
    } else if (rest.count(u':') == 1) {
        const qsizetype colon = rest.indexOf(u':');
        h = rest.left(colon);
        portText = rest.mid(colon + 1);
        hasPort = true;
    } else {
        h = rest; // no colon, or an IPv6 address, which cannot carry a port without brackets
    }
    if (h.isEmpty())
        return fail(QCoreApplication::translate("SshConfig", "no host in \"%1\"").arg(spec));
    if (!isSafeName(h))
        return fail(QCoreApplication::translate("SshConfig", "bad host name \"%1\" in \"%2\"").arg(h, spec));
    int p = 0;
    if (hasPort) {
        bool ok = false;
        p = portText.toInt(&ok);
        const bool digitsOnly =
            !portText.isEmpty() &&
            std::all_of(portText.begin(), portText.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
        if (!ok || !digitsOnly || p < 1 || p > 65535)
            return fail(
                QCoreApplication::translate("SshConfig", "bad port \"%1\" in \"%2\"").arg(portText, spec));
    }
    *user = u;
    *host = h;
    *port = p;
    return true;
}

bool SshConfig::resolve(const QString &spec, HostTarget *target, QString *error) const
{
    return resolve(spec, HostTarget(), target, error);
}

bool SshConfig::resolve(const QString &spec, const HostTarget &defaults, HostTarget *target,
                        QString *error) const
{
    QString specUser;
    QString host;
    int specPort = 0;
    if (!parseSpec(spec, &specUser, &host, &specPort, error))
        return false;

    // Walk the entries as ssh reads its files: Host lines switch blocks on and off, and an
    // included file starts with the including block's state and cannot change it.
    Settings s;
    if (m_data) {
        bool active = true;
        bool neverMatch = false;
        QList<std::pair<bool, bool>> saved;
        for (const Entry &e : m_data->entries) {
            switch (e.kind) {
            case Kind::Host:
                active = !neverMatch && hostLineMatches(host, e.args);
                break;
            case Kind::Match:
                active = false;
                break;
            case Kind::IncludeBegin:
                saved.append({active, neverMatch});
                neverMatch = neverMatch || !active;
                break;
            case Kind::IncludeEnd:
                std::tie(active, neverMatch) = saved.takeLast();
                break;
            case Kind::Option:
                if (active)
                    apply(e, &s);
                break;
            }
        }
    }

    HostTarget t;
    t.name = host;
    QString hostName = host;
    if (s.hostName) {
        QString bad;
        expandTokens(*s.hostName, {{u'h', host}}, false, &hostName, &bad);
    }
    t.hostname = hostName.toLower();
    t.port = quint16(specPort ? specPort : s.port.value_or(defaults.port));
    t.user = !specUser.isEmpty()        ? specUser
             : s.user                   ? *s.user
             : !defaults.user.isEmpty() ? defaults.user
                                        : localUser();
    t.hostKeyAlias = s.hostKeyAlias.value_or(defaults.hostKeyAlias);
    t.identitiesOnly = s.identitiesOnly.value_or(defaults.identitiesOnly);
    t.connectTimeoutMs = s.connectTimeoutMs.value_or(defaults.connectTimeoutMs);
    t.hostKeyPolicy = s.hostKeyPolicy.value_or(defaults.hostKeyPolicy);

    const QString localHost = QSysInfo::machineHostName();
    const QHash<QChar, QString> fileTokens{
        {u'd', homeDir()},
        {u'h', t.hostname},
        {u'i', QString::number(getuid())},
        {u'k', t.hostKeyAlias.isEmpty() ? host : t.hostKeyAlias},
        {u'L', localHost.section(u'.', 0, 0)},
        {u'l', localHost},
        {u'n', host},
        {u'p', QString::number(t.port)},
        {u'r', t.user},
        {u'u', localUser()},
    };
    // Tokens were checked at load, so expansion cannot fail here.
    auto expandFile = [&](const QString &path) {
        QString out;
        QString bad;
        expandTokens(expandTilde(path), fileTokens, true, &out, &bad);
        return out;
    };

    if (s.proxyJump || s.proxyCommand) {
        t.proxyJump = s.proxyJump && *s.proxyJump != u"none" ? *s.proxyJump : QString();
        if (s.proxyCommand && *s.proxyCommand != u"none") {
            QString bad;
            expandTokens(*s.proxyCommand,
                         {{u'h', t.hostname}, {u'n', host}, {u'p', QString::number(t.port)}, {u'r', t.user}},
                         false, &t.proxyCommand, &bad);
        }
    } else {
        t.proxyJump = defaults.proxyJump;
        t.proxyCommand = defaults.proxyCommand;
    }
    // The jump hosts are reached by OpenSSH `ssh -W`, which must read the same file.
    if (!t.proxyJump.isEmpty() && m_data && QFileInfo::exists(m_data->path))
        t.configFile = m_data->path;

    if (s.identityFiles) {
        for (const QString &file : std::as_const(*s.identityFiles)) {
            if (file != u"none")
                t.identityFiles.append(expandFile(file));
        }
    } else if (!defaults.identityFiles.isEmpty()) {
        t.identityFiles = defaults.identityFiles;
    } else {
        for (const char *name : {"id_rsa", "id_ecdsa", "id_ed25519"}) {
            const QString path = homeDir() + QStringLiteral("/.ssh/") + QLatin1StringView(name);
            if (QFileInfo::exists(path))
                t.identityFiles.append(path);
        }
    }

    if (s.knownHostsFiles) {
        if (*s.knownHostsFiles != QStringList{QStringLiteral("none")}) {
            for (const QString &file : std::as_const(*s.knownHostsFiles))
                t.knownHostsFiles.append(expandFile(file));
        }
    } else if (!defaults.knownHostsFiles.isEmpty()) {
        t.knownHostsFiles = defaults.knownHostsFiles;
    } else {
        t.knownHostsFiles = {homeDir() + QStringLiteral("/.ssh/known_hosts")};
    }

    *target = t;
    return true;
}

QStringList SshConfig::concreteHosts() const
{
    QStringList hosts;
    if (!m_data)
        return hosts;
    for (const Entry &e : m_data->entries) {
        if (e.kind != Kind::Host)
            continue;
        for (const QString &pattern : e.args) {
            if (pattern.startsWith(u'!') || pattern.contains(u'*') || pattern.contains(u'?'))
                continue;
            if (!hosts.contains(pattern))
                hosts.append(pattern);
        }
    }
    return hosts;
}

} // namespace Chorus
