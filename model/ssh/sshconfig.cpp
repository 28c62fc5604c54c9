#include "model/ssh/sshconfig.h"

#include "model/core/modellog.h"
#include "model/ssh/sshpattern.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QList>
#include <QProcess>
#include <QSet>
#include <QSysInfo>

#include <algorithm>
#include <glob.h>
#include <limits>
#include <netdb.h>
#include <optional>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <tuple>
#include <unistd.h>

namespace Chorus {

namespace {

// ssh's READCONF_MAX_DEPTH.
constexpr int MaxIncludeDepth = 16;
// Far beyond any real configuration. ssh stops at the first file that includes itself (16 levels
// down, fatally); we skip such files instead, and nine files that each include their own folder
// then still have a million orders to be read in: these caps keep that to a warning and a moment.
constexpr int MaxFilesPerLoad = 512;
constexpr qsizetype MaxEntriesPerLoad = 100000;
// A Match exec is the user's own command, but a hung one must not hang every connection.
constexpr int ExecTimeoutMs = 10000;

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
    GlobalKnownHostsFile,
    IdentityAgent,
    CertificateFile,
    CanonicalizeHostname,
    CanonicalDomains,
    CanonicalizeMaxDots,
    CanonicalizeFallbackLocal,
    CanonicalizePermittedCNAMEs,
    AddressFamily,
    BatchMode,
    NumberOfPasswordPrompts,
    PreferredAuthentications,
    PubkeyAuthentication,
    PasswordAuthentication,
    KbdInteractiveAuthentication,
};

enum class Kind
{
    Host,         // args: the patterns
    Match,        // criteria: what must hold; none for a line that matches no host
    Option,       // args: the value(s), checked and normalised at load
    IncludeBegin, // an included file starts: it may not change the including file's Host state
    IncludeEnd,
    FileStart, // a top-level file starts (the system file after the user's): every host applies
};

struct MatchCriterion
{
    enum class Type
    {
        All,
        Canonical,
        Final,
        Exec,
        Host,
        OriginalHost,
        User,
        LocalUser,
        Unsupported, // a criterion of a newer OpenSSH: never holds
    };
    Type type = Type::All;
    bool negated = false;
    QString arg;
};

struct Entry
{
    Kind kind = Kind::Option;
    Key key = Key::HostName;
    // From the system file: ssh keeps its IdentityFile and CertificateFile lines apart from the
    // user's when it drops repeats.
    bool system = false;
    QStringList args;
    QString where; // FILE:LINE
    QList<MatchCriterion> criteria;
};

const QHash<QString, Key> &ourKeywords()
{
    static const QHash<QString, Key> keys{
        {QStringLiteral("hostname"), Key::HostName},
        {QStringLiteral("user"), Key::User},
        {QStringLiteral("port"), Key::Port},
        {QStringLiteral("identityfile"), Key::IdentityFile},
        {QStringLiteral("identityfile2"), Key::IdentityFile},
        {QStringLiteral("identitiesonly"), Key::IdentitiesOnly},
        {QStringLiteral("proxyjump"), Key::ProxyJump},
        {QStringLiteral("proxycommand"), Key::ProxyCommand},
        {QStringLiteral("connecttimeout"), Key::ConnectTimeout},
        {QStringLiteral("stricthostkeychecking"), Key::StrictHostKeyChecking},
        {QStringLiteral("userknownhostsfile"), Key::UserKnownHostsFile},
        {QStringLiteral("hostkeyalias"), Key::HostKeyAlias},
        {QStringLiteral("globalknownhostsfile"), Key::GlobalKnownHostsFile},
        {QStringLiteral("identityagent"), Key::IdentityAgent},
        {QStringLiteral("certificatefile"), Key::CertificateFile},
        {QStringLiteral("canonicalizehostname"), Key::CanonicalizeHostname},
        {QStringLiteral("canonicaldomains"), Key::CanonicalDomains},
        {QStringLiteral("canonicalizemaxdots"), Key::CanonicalizeMaxDots},
        {QStringLiteral("canonicalizefallbacklocal"), Key::CanonicalizeFallbackLocal},
        {QStringLiteral("canonicalizepermittedcnames"), Key::CanonicalizePermittedCNAMEs},
        {QStringLiteral("addressfamily"), Key::AddressFamily},
        {QStringLiteral("batchmode"), Key::BatchMode},
        {QStringLiteral("numberofpasswordprompts"), Key::NumberOfPasswordPrompts},
        {QStringLiteral("preferredauthentications"), Key::PreferredAuthentications},
        {QStringLiteral("pubkeyauthentication"), Key::PubkeyAuthentication},
        {QStringLiteral("dsaauthentication"), Key::PubkeyAuthentication},
        {QStringLiteral("passwordauthentication"), Key::PasswordAuthentication},
        {QStringLiteral("kbdinteractiveauthentication"), Key::KbdInteractiveAuthentication},
        {QStringLiteral("challengeresponseauthentication"), Key::KbdInteractiveAuthentication},
        {QStringLiteral("skeyauthentication"), Key::KbdInteractiveAuthentication},
        {QStringLiteral("tisauthentication"), Key::KbdInteractiveAuthentication},
    };
    return keys;
}

// Valid OpenSSH client keywords (including Debian's GSSAPI ones, newer and deprecated ones ssh still
// accepts) that do not change a resolution: accepted without a word, as ssh would. The header's
// table says what Chorus does instead.
bool isOtherSshKeyword(const QString &keyword)
{
    static const QSet<QString> known = [] {
        const QString names = QStringLiteral(
            "addkeystoagent afstokenpassing bindaddress bindinterface casignaturealgorithms "
            "channeltimeout checkhostip cipher ciphers clearallforwardings compression compressionlevel "
            "connectionattempts controlmaster controlpath controlpersist dynamicforward "
            "enableescapecommandline enablesshkeysign escapechar exitonforwardfailure fallbacktorsh "
            "fingerprinthash forkafterauthentication forwardagent forwardx11 forwardx11timeout "
            "forwardx11trusted gatewayports globalknownhostsfile2 gssapiauthentication "
            "gssapiclientidentity gssapidelegatecredentials gssapikeyexchange gssapikexalgorithms "
            "gssapirenewalforcesrekey gssapiserveridentity gssapitrustdns hashknownhosts "
            "hostbasedacceptedalgorithms hostbasedauthentication hostbasedkeytypes hostkeyalgorithms "
            "ipqos kbdinteractivedevices kerberosauthentication kerberostgtpassing kexalgorithms "
            "knownhostscommand localcommand localforward loglevel logverbose macs "
            "nohostauthenticationforlocalhost obscurekeystroketiming permitlocalcommand permitremoteopen "
            "pkcs11provider protocol proxyusefdpass pubkeyacceptedalgorithms pubkeyacceptedkeytypes "
            "rekeylimit remotecommand remoteforward requesttty requiredrsasize revokedhostkeys "
            "rhostsauthentication rhostsrsaauthentication rsaauthentication securitykeyprovider sendenv "
            "serveralivecountmax serveraliveinterval sessiontype setenv smartcarddevice stdinnull "
            "streamlocalbindmask streamlocalbindunlink syslogfacility tag tcpkeepalive tunnel "
            "tunneldevice updatehostkeys usekeychain useprivilegedport useroaming userknownhostsfile2 "
            "usersh verifyhostkeydns visualhostkey xauthlocation");
        const QStringList list = names.split(u' ', Qt::SkipEmptyParts);
        return QSet<QString>(list.begin(), list.end());
    }();
    return known.contains(keyword);
}

// Match criteria of newer OpenSSH releases: known, so named in the warning, but never holding.
bool isNewerMatchCriterion(const QString &name)
{
    static const QSet<QString> names{QStringLiteral("localnetwork"), QStringLiteral("tagged"),
                                     QStringLiteral("version"),      QStringLiteral("sessiontype"),
                                     QStringLiteral("command"),      QStringLiteral("localport"),
                                     QStringLiteral("rdomain")};
    return names.contains(name);
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

// ssh 9.2 splits Match lines with strdelim(), not argv_split(): white space or one '=' ends a word
// ("host=web" is "host" "web"), and a '"' starts a part running to the next '"'; single quotes and
// backslashes are ordinary characters. Ported as it is so that the same line means the same thing.
class MatchWords
{
public:
    explicit MatchWords(const QString &line) : m_text(line) {}

    // nullopt where strdelim() returns NULL: after the end, or at a quote that is not closed.
    std::optional<QString> next()
    {
        if (m_pos < 0)
            return std::nullopt;
        const qsizetype start = m_pos;
        qsizetype i = start;
        while (i < m_text.size() && !QStringView(u" \t\r\n\"=").contains(m_text[i]))
            ++i;
        if (i == m_text.size()) {
            m_pos = -1;
            return m_text.mid(start);
        }
        if (m_text[i] == u'"') {
            m_text.remove(i, 1);
            const qsizetype close = m_text.indexOf(u'"', i);
            if (close < 0) {
                m_pos = -1;
                return std::nullopt;
            }
            m_pos = skipSpace(close + 1);
            return m_text.mid(start, close - start);
        }
        const bool equals = m_text[i] == u'=';
        const QString word = m_text.mid(start, i - start);
        qsizetype p = skipSpace(i + 1);
        if (!equals && p < m_text.size() && m_text[p] == u'=')
            p = skipSpace(p + 1);
        m_pos = p;
        return word;
    }

private:
    qsizetype skipSpace(qsizetype p) const
    {
        while (p < m_text.size() && QStringView(u" \t\r\n").contains(m_text[p]))
            ++p;
        return p;
    }

    QString m_text;
    qsizetype m_pos = 0; // -1: strdelim's NULL
};

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

// ssh 9.2's DEFAULT_CLIENT_PERCENT_EXPAND_ARGS, and what Match exec and the others take.
const QString FileTokens = QStringLiteral("CdhikLlnpru");
const QString ExecTokens = QStringLiteral("CdhikLlnpru");
const QString ProxyCommandTokens = QStringLiteral("hnpr");
const QString HostNameTokens = QStringLiteral("h");

// ssh's valid_env_name(), for IdentityAgent's "$NAME" form.
bool isValidEnvName(QStringView name)
{
    return !name.isEmpty() && std::all_of(name.begin(), name.end(), [](QChar c) {
        return c == u'_' || (c.unicode() < 128 && c.isLetterOrNumber());
    });
}

// ssh's valid_domain(): letters, digits, '-', '_' and single dots, starting with a letter or digit.
bool isValidDomain(QStringView name)
{
    if (name.isEmpty() || name[0].unicode() >= 128 || !name[0].isLetterOrNumber())
        return false;
    QChar last;
    for (QChar c : name) {
        if (last == u'.' && c == u'.')
            return false;
        if (c != u'.' && c != u'-' && c != u'_' && !(c.unicode() < 128 && c.isLetterOrNumber()))
            return false;
        last = c;
    }
    return true;
}

// Reads config files (or -o option lines) into a flat list of entries, warning about what it cannot
// use.
class Loader
{
public:
    Loader(QList<Entry> *entries, QStringList *warnings) : m_entries(entries), m_warnings(warnings) {}

    // The system file's Include paths are relative to /etc/ssh and may not start with '~', as in ssh.
    void setSystem(bool system) { m_system = system; }
    // Option lines (withOptions()): no Host, Match or Include.
    void setCommandLine(bool commandLine) { m_commandLine = commandLine; }

    void startTopLevelFile() { m_entries->append({Kind::FileStart, {}, m_system, {}, {}, {}}); }

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
            // Once per Include line: the same line is reached again through every other path.
            if (!warnedOnce(includedAt))
                complain(QCoreApplication::translate("SshConfig", "Include nested more than %1 deep; skipped")
                             .arg(MaxIncludeDepth));
            return;
        }
        const QString canonical = info.canonicalFilePath();
        if (m_reading.contains(canonical)) {
            if (!warnedOnce(includedAt))
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
        if (m_filesRead >= MaxFilesPerLoad) {
            if (!m_tooManyFiles) {
                m_tooManyFiles = true;
                warn((includedAt.isEmpty() ? path : includedAt) + QStringLiteral(": ") +
                     QCoreApplication::translate(
                         "SshConfig", "more than %1 files read for one configuration; this Include and "
                                      "every later one are skipped (does a file include its own folder?)")
                         .arg(MaxFilesPerLoad));
            }
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
        ++m_filesRead;
        m_reading.append(canonical);
        const QList<QByteArray> lines = content.split('\n');
        for (qsizetype i = 0; i < lines.size() && !m_tooManyEntries; ++i)
            parseLine(path + u':' + QString::number(i + 1), QString::fromUtf8(lines[i]), depth);
        m_reading.removeLast();
    }

    void parseLine(const QString &where, const QString &text, int depth)
    {
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
        const bool startsBlock = keyword == u"host" || keyword == u"match";
        if (m_commandLine && (startsBlock || keyword == u"include")) {
            problem(QCoreApplication::translate("SshConfig", "%1 cannot be given as an option")
                        .arg(keywordAsWritten));
            return;
        }
        const QStringView rest = line.mid(i);
        if (rest.isEmpty()) {
            problem(QCoreApplication::translate("SshConfig", "no value after \"%1\"").arg(keywordAsWritten));
            if (startsBlock)
                neverMatchingBlock(keyword, where); // a block that matches nothing
            return;
        }
        QStringList args;
        if (!splitArguments(rest, &args)) {
            problem(QCoreApplication::translate("SshConfig", "unbalanced quotes"));
            if (startsBlock)
                neverMatchingBlock(keyword, where);
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
            add({Kind::Host, {}, false, args, where, {}}, where);
            return;
        }
        if (keyword == u"match") {
            parseMatch(rest.toString(), where, problem);
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
        const Key key = *found;
        if (args.isEmpty() && key != Key::ProxyCommand) {
            problem(QCoreApplication::translate("SshConfig", "no value after \"%1\"").arg(keywordAsWritten));
            return;
        }
        const bool several = key == Key::UserKnownHostsFile || key == Key::ProxyCommand ||
                             key == Key::GlobalKnownHostsFile || key == Key::CanonicalDomains ||
                             key == Key::CanonicalizePermittedCNAMEs;
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
        // One of ssh's multistate tables: the accepted words (lower case) and how we store each.
        auto oneOf = [&](const QList<std::pair<QStringView, QString>> &table, const QString &expected) {
            const QString v = value.toLower();
            for (const auto &[word, stored] : table) {
                if (v == word) {
                    value = stored;
                    return true;
                }
            }
            problem(QCoreApplication::translate("SshConfig", "bad value \"%1\" for %2 (%3)")
                        .arg(value, keywordAsWritten, expected));
            return false;
        };
        auto flag = [&] {
            return oneOf({{u"yes", QStringLiteral("yes")},
                          {u"true", QStringLiteral("yes")},
                          {u"no", QStringLiteral("no")},
                          {u"false", QStringLiteral("no")}},
                         QStringLiteral("yes or no"));
        };
        // "none" may only stand alone (ssh's parse_char_array).
        auto noneAlone = [&] {
            if (args.size() > 1 && args.contains(QStringLiteral("none"), Qt::CaseInsensitive)) {
                problem(QCoreApplication::translate("SshConfig", "\"none\" must stand alone in %1")
                            .arg(keywordAsWritten));
                return false;
            }
            return true;
        };
        switch (key) {
        case Key::HostName:
            if (badTokens(value, HostNameTokens, false))
                return;
            break;
        case Key::User:
        case Key::HostKeyAlias:
        case Key::PreferredAuthentications:
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
        case Key::CertificateFile:
            if (badTokens(value, FileTokens, true))
                return;
            break;
        case Key::IdentityAgent:
            if (value.startsWith(u'$') && !value.startsWith(u"${") &&
                !isValidEnvName(QStringView(value).mid(1))) {
                problem(QCoreApplication::translate("SshConfig", "bad environment variable name in %1 \"%2\"")
                            .arg(keywordAsWritten, value));
                return;
            }
            if (value != u"SSH_AUTH_SOCK" && value != u"none" && badTokens(value, FileTokens, true))
                return;
            break;
        case Key::IdentitiesOnly:
        case Key::CanonicalizeFallbackLocal:
        case Key::BatchMode:
        case Key::PasswordAuthentication:
        case Key::KbdInteractiveAuthentication:
            if (!flag())
                return;
            break;
        case Key::CanonicalizeHostname:
            if (!oneOf({{u"yes", QStringLiteral("true")},
                        {u"true", QStringLiteral("true")},
                        {u"no", QStringLiteral("false")},
                        {u"false", QStringLiteral("false")},
                        {u"always", QStringLiteral("always")}},
                       QStringLiteral("yes, no or always")))
                return;
            break;
        case Key::AddressFamily:
            if (!oneOf({{u"any", QStringLiteral("any")},
                        {u"inet", QStringLiteral("inet")},
                        {u"inet6", QStringLiteral("inet6")}},
                       QStringLiteral("any, inet or inet6")))
                return;
            break;
        case Key::PubkeyAuthentication:
            if (!oneOf({{u"yes", QStringLiteral("true")},
                        {u"true", QStringLiteral("true")},
                        {u"no", QStringLiteral("false")},
                        {u"false", QStringLiteral("false")},
                        {u"unbound", QStringLiteral("unbound")},
                        {u"host-bound", QStringLiteral("host-bound")}},
                       QStringLiteral("yes, no, unbound or host-bound")))
                return;
            break;
        case Key::CanonicalizeMaxDots:
        case Key::NumberOfPasswordPrompts: {
            bool ok = false;
            const int number = value.toInt(&ok);
            if (!ok) {
                problem(QCoreApplication::translate("SshConfig", "bad number \"%1\" for %2")
                            .arg(value, keywordAsWritten));
                return;
            }
            value = QString::number(number);
            break;
        }
        case Key::CanonicalDomains:
            if (!noneAlone())
                return;
            for (QString &domain : args) {
                if (domain.compare(u"none", Qt::CaseInsensitive) == 0) {
                    domain = QStringLiteral("none");
                    continue;
                }
                if (!isValidDomain(domain)) {
                    problem(QCoreApplication::translate("SshConfig", "bad domain name \"%1\" in %2")
                                .arg(domain, keywordAsWritten));
                    return;
                }
                domain = domain.toLower();
                if (domain.endsWith(u'.'))
                    domain.chop(1);
            }
            add({Kind::Option, key, false, args, where, {}}, where);
            return;
        case Key::CanonicalizePermittedCNAMEs:
            if (!noneAlone())
                return;
            for (QString &rule : args) {
                if (rule.compare(u"none", Qt::CaseInsensitive) == 0) {
                    rule = QStringLiteral("none");
                } else if (rule == u"*") {
                    rule = QStringLiteral("*:*");
                } else {
                    rule = rule.toLower();
                    const qsizetype colon = rule.indexOf(u':');
                    if (colon < 0 || colon == rule.size() - 1) {
                        problem(QCoreApplication::translate("SshConfig",
                                                            "bad rule \"%1\" in %2 (SOURCES:TARGETS)")
                                    .arg(rule, keywordAsWritten));
                        return;
                    }
                }
            }
            add({Kind::Option, key, false, args, where, {}}, where);
            return;
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
                value = QStringLiteral("none");
                break;
            }
            if (!parseDuration(value, &seconds) || seconds > std::numeric_limits<int>::max() / 1000) {
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
            add({Kind::Option, key, false, args, where, {}}, where);
            return;
        case Key::GlobalKnownHostsFile:
            // ssh only expands "~" in these: no tokens to check.
            if (!noneAlone())
                return;
            if (args.size() == 1 && args[0].compare(u"none", Qt::CaseInsensitive) == 0)
                args = {QStringLiteral("none")};
            add({Kind::Option, key, false, args, where, {}}, where);
            return;
        }
        add({Kind::Option, key, false, {value}, where, {}}, where);
    }

private:
    void warn(const QString &message)
    {
        qCDebug(lcModel).noquote() << "ssh config:" << message;
        if (m_warnings)
            m_warnings->append(message);
    }

    // True when a warning about this place was given already.
    bool warnedOnce(const QString &where)
    {
        if (m_warnedAt.contains(where))
            return true;
        m_warnedAt.insert(where);
        return false;
    }

    void add(Entry entry, const QString &where)
    {
        if (m_entries->size() >= MaxEntriesPerLoad) {
            if (!m_tooManyEntries) {
                m_tooManyEntries = true;
                warn(where + QStringLiteral(": ") +
                     QCoreApplication::translate("SshConfig", "more than %1 settings in one configuration; "
                                                              "this line and every later one are skipped")
                         .arg(MaxEntriesPerLoad));
            }
            return;
        }
        entry.system = m_system;
        m_entries->append(std::move(entry));
    }

    void neverMatchingBlock(const QString &keyword, const QString &where)
    {
        add({keyword == u"host" ? Kind::Host : Kind::Match, {}, false, {}, where, {}}, where);
    }

    template <typename Problem> void parseMatch(const QString &line, const QString &where, Problem problem)
    {
        // Every bad line still starts a block, so the lines under it never land in the previous one.
        auto bad = [&](const QString &what) {
            problem(what);
            neverMatchingBlock(QStringLiteral("match"), where);
        };
        MatchWords words(line);
        QList<MatchCriterion> criteria;
        QStringList unsupported;
        int attributes = 0;
        bool sawAll = false;
        while (const std::optional<QString> word = words.next()) {
            if (word->isEmpty() || word->startsWith(u'#'))
                break;
            MatchCriterion criterion;
            QString name = *word;
            criterion.negated = name.startsWith(u'!');
            if (criterion.negated)
                name.remove(0, 1);
            const QString lower = name.toLower();
            if (lower == u"all") {
                // ssh: "all" stands alone, or last after at most one other criterion.
                const std::optional<QString> after = words.next();
                if (attributes > 1 || (after && !after->isEmpty() && !after->startsWith(u'#'))) {
                    bad(QCoreApplication::translate(
                            "SshConfig", "Match \"%1\" cannot be combined with other criteria; this block "
                                         "will match no host")
                            .arg(*word));
                    return;
                }
                criterion.type = MatchCriterion::Type::All;
                criteria.append(criterion);
                sawAll = true;
                break;
            }
            ++attributes;
            if (lower == u"canonical" || lower == u"final") {
                criterion.type =
                    lower == u"final" ? MatchCriterion::Type::Final : MatchCriterion::Type::Canonical;
                criteria.append(criterion);
                continue;
            }
            if (lower == u"host") {
                criterion.type = MatchCriterion::Type::Host;
            } else if (lower == u"originalhost") {
                criterion.type = MatchCriterion::Type::OriginalHost;
            } else if (lower == u"user") {
                criterion.type = MatchCriterion::Type::User;
            } else if (lower == u"localuser") {
                criterion.type = MatchCriterion::Type::LocalUser;
            } else if (lower == u"exec") {
                criterion.type = MatchCriterion::Type::Exec;
            } else if (isNewerMatchCriterion(lower)) {
                criterion.type = MatchCriterion::Type::Unsupported;
                unsupported.append(lower);
            } else {
                bad(QCoreApplication::translate(
                        "SshConfig", "unknown Match criterion \"%1\"; this block will match no host")
                        .arg(name));
                return;
            }
            const std::optional<QString> arg = words.next();
            if (!arg || arg->isEmpty() || arg->startsWith(u'#')) {
                bad(QCoreApplication::translate("SshConfig",
                                                "Match \"%1\" needs a value; this block will match no host")
                        .arg(*word));
                return;
            }
            criterion.arg = *arg;
            if (criterion.type == MatchCriterion::Type::Exec) {
                QString badToken;
                QString ignored;
                if (!expandTokens(criterion.arg, placeholderTokens(ExecTokens), false, &ignored, &badToken)) {
                    bad(QCoreApplication::translate(
                            "SshConfig", "unknown or incomplete token \"%1\" in Match exec \"%2\"; "
                                         "this block will match no host")
                            .arg(badToken, criterion.arg));
                    return;
                }
            }
            criteria.append(criterion);
        }
        if (attributes == 0 && !sawAll) {
            bad(QCoreApplication::translate("SshConfig",
                                            "Match without criteria; this block will match no host"));
            return;
        }
        for (const QString &name : std::as_const(unsupported)) {
            problem(QCoreApplication::translate(
                        "SshConfig", "Match criterion \"%1\" is not supported by Chorus; this block will "
                                     "match no host")
                        .arg(name));
        }
        add({Kind::Match, {}, false, {}, where, criteria}, where);
    }

    void include(const QString &arg, const QString &where, int depth)
    {
        if (m_tooManyFiles)
            return;
        if (m_system && arg.startsWith(u'~')) {
            warn(where + QStringLiteral(": ") +
                 QCoreApplication::translate("SshConfig", "the system configuration may not Include \"%1\"; "
                                                          "skipped, as ssh would refuse it")
                     .arg(arg));
            return;
        }
        // Relative names live in ~/.ssh, or in /etc/ssh for the system file, as in ssh.
        const QString pattern = arg.startsWith(u'/') || arg.startsWith(u'~') ? arg
                                : m_system ? QStringLiteral("/etc/ssh/") + arg
                                           : QStringLiteral("~/.ssh/") + arg;
        glob_t matches{};
        const int rc = glob(QFile::encodeName(pattern).constData(), GLOB_TILDE, nullptr, &matches);
        if (rc == GLOB_NOMATCH) {
            qCDebug(lcModel).noquote() << where << "Include" << pattern << "matched no files";
        } else if (rc != 0) {
            warn(where + QStringLiteral(": ") +
                 QCoreApplication::translate("SshConfig", "cannot list files for Include \"%1\"").arg(arg));
        } else {
            for (size_t i = 0; i < matches.gl_pathc && !m_tooManyFiles && !m_tooManyEntries; ++i) {
                // Not counted against the cap on entries: each pair is bounded by the cap on files,
                // and an unpaired Begin would leave the rest of the file in the included file's state.
                m_entries->append({Kind::IncludeBegin, {}, m_system, {}, where, {}});
                readFile(QFile::decodeName(matches.gl_pathv[i]), where, depth + 1);
                m_entries->append({Kind::IncludeEnd, {}, m_system, {}, where, {}});
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
    QSet<QString> m_warnedAt;
    bool m_system = false;
    bool m_commandLine = false;
    int m_filesRead = 0;
    bool m_tooManyFiles = false;
    bool m_tooManyEntries = false;
};

// A file named by IdentityFile or CertificateFile, as written: ssh drops a repeat of the same text
// from the same kind of file (user or system), which also makes the second pass add nothing new.
struct FileRef
{
    QString path;
    bool system = false;
    bool operator==(const FileRef &) const = default;
};

// What the config says about one host; unset means it is silent.
struct Settings
{
    std::optional<QString> hostName;
    std::optional<QString> user;
    std::optional<int> port;
    std::optional<QList<FileRef>> identityFiles;
    QList<FileRef> certificateFiles;
    std::optional<bool> identitiesOnly;
    std::optional<QString> proxyJump;
    std::optional<QString> proxyCommand;
    std::optional<int> connectTimeoutMs;
    bool connectTimeoutNone = false;
    std::optional<HostKeyPolicy> hostKeyPolicy;
    std::optional<QStringList> knownHostsFiles;
    std::optional<QStringList> globalKnownHostsFiles;
    std::optional<QString> hostKeyAlias;
    std::optional<QString> identityAgent;
    std::optional<QString> canonicalizeHostname; // false, true, always
    std::optional<QStringList> canonicalDomains;
    std::optional<int> canonicalizeMaxDots;
    std::optional<bool> canonicalizeFallbackLocal;
    std::optional<QStringList> permittedCNAMEs;
    std::optional<QString> addressFamily;
    std::optional<bool> batchMode;
    std::optional<int> numberOfPasswordPrompts;
    std::optional<QString> preferredAuthentications;
    std::optional<QString> pubkeyAuthentication;
    std::optional<bool> passwordAuthentication;
    std::optional<bool> kbdInteractiveAuthentication;
};

template <typename T> void setOnce(std::optional<T> &slot, const T &value)
{
    if (!slot)
        slot = value;
}

void apply(const Entry &e, Settings *s)
{
    const QString &value = e.args.constFirst();
    const bool yes = value == u"yes";
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
    case Key::IdentityFile: {
        if (!s->identityFiles)
            s->identityFiles = QList<FileRef>();
        const FileRef file{value, e.system};
        if (!s->identityFiles->contains(file))
            s->identityFiles->append(file);
        break;
    }
    case Key::CertificateFile: {
        const FileRef file{value, e.system};
        if (!s->certificateFiles.contains(file))
            s->certificateFiles.append(file);
        break;
    }
    case Key::IdentitiesOnly:
        setOnce(s->identitiesOnly, yes);
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
        // ssh stores "none" as its "not set yet", so a later line still sets a timeout.
        if (value == u"none")
            s->connectTimeoutNone = true;
        else
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
    case Key::GlobalKnownHostsFile:
        setOnce(s->globalKnownHostsFiles, e.args);
        break;
    case Key::HostKeyAlias:
        setOnce(s->hostKeyAlias, value);
        break;
    case Key::IdentityAgent:
        setOnce(s->identityAgent, value);
        break;
    case Key::CanonicalizeHostname:
        setOnce(s->canonicalizeHostname, value);
        break;
    case Key::CanonicalDomains:
        setOnce(s->canonicalDomains, e.args);
        break;
    case Key::CanonicalizeMaxDots:
        // -1 is ssh's "not set yet": it leaves the value open for a later line.
        if (value != u"-1")
            setOnce(s->canonicalizeMaxDots, value.toInt());
        break;
    case Key::CanonicalizeFallbackLocal:
        setOnce(s->canonicalizeFallbackLocal, yes);
        break;
    case Key::CanonicalizePermittedCNAMEs:
        setOnce(s->permittedCNAMEs, e.args);
        break;
    case Key::AddressFamily:
        setOnce(s->addressFamily, value);
        break;
    case Key::BatchMode:
        setOnce(s->batchMode, yes);
        break;
    case Key::NumberOfPasswordPrompts:
        if (value != u"-1")
            setOnce(s->numberOfPasswordPrompts, value.toInt());
        break;
    case Key::PreferredAuthentications:
        setOnce(s->preferredAuthentications, value);
        break;
    case Key::PubkeyAuthentication:
        setOnce(s->pubkeyAuthentication, value);
        break;
    case Key::PasswordAuthentication:
        setOnce(s->passwordAuthentication, yes);
        break;
    case Key::KbdInteractiveAuthentication:
        setOnce(s->kbdInteractiveAuthentication, yes);
        break;
    }
}

QString expandHostName(const QString &hostName, const QString &host)
{
    QString out;
    QString bad;
    expandTokens(hostName, {{u'h', host}}, false, &out, &bad); // checked at load
    return out;
}

// ssh's %C (9.2): the SHA-1 of the local host name, host, port and user, in hex.
QString connectionHash(const QString &localHost, const QString &host, int port, const QString &user)
{
    const QByteArray input = (localHost + host + QString::number(port) + user).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(input, QCryptographicHash::Sha1).toHex());
}

// The values of ssh's client tokens for a host, user and port.
QHash<QChar, QString> clientTokens(const QString &host, const QString &original, const QString &keyAlias,
                                   int port, const QString &user)
{
    const QString localHost = QSysInfo::machineHostName();
    return {
        {u'C', connectionHash(localHost, host, port, user)},
        {u'd', homeDir()},
        {u'h', host},
        {u'i', QString::number(getuid())},
        {u'k', keyAlias},
        {u'L', localHost.section(u'.', 0, 0)},
        {u'l', localHost},
        {u'n', original},
        {u'p', QString::number(port)},
        {u'r', user},
        {u'u', localUser()},
    };
}

// Runs a Match exec command as ssh's execute_in_shell() does ($SHELL -c, stdin and stdout on
// /dev/null, stderr passed through), but for at most ExecTimeoutMs. True when it exits with 0.
bool runMatchExec(const QString &command, const QString &where, QStringList *warnings)
{
    QString shell = qEnvironmentVariable("SHELL");
    if (shell.isEmpty())
        shell = QStringLiteral("/bin/sh");
    auto warn = [&](const QString &what) {
        warnings->append(where + QStringLiteral(": ") + what);
    };
    QProcess process;
    process.setProgram(shell);
    process.setArguments({QStringLiteral("-c"), command});
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // A group of its own, so that a timeout also ends what the command started.
    process.setChildProcessModifier([] { ::setpgid(0, 0); });
    process.start();
    if (!process.waitForStarted()) {
        warn(QCoreApplication::translate("SshConfig",
                                         "Match exec \"%1\" could not be started with %2 (%3); the block "
                                         "does not match")
                 .arg(command, shell, process.errorString()));
        return false;
    }
    if (!process.waitForFinished(ExecTimeoutMs)) {
        ::kill(-pid_t(process.processId()), SIGKILL);
        process.waitForFinished();
        warn(QCoreApplication::translate("SshConfig",
                                         "Match exec \"%1\" did not finish within %2 seconds; the block "
                                         "does not match")
                 .arg(command)
                 .arg(ExecTimeoutMs / 1000));
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit) {
        warn(QCoreApplication::translate("SshConfig", "Match exec \"%1\" ended abnormally; the block does "
                                                      "not match")
                 .arg(command));
        return false;
    }
    return process.exitCode() == 0;
}

// One walk over the entries per pass, as ssh reads its files: Host and Match lines switch blocks on
// and off, and an included file starts with the including block's state and cannot change it.
class Walker
{
public:
    Walker(Settings *settings, const QString &original, QStringList *warnings)
        : m_s(settings), m_original(original), m_warnings(warnings)
    {}

    // host: what Host lines see (the name as typed, then the final name); wantFinal: set when a
    // Match asks for the final pass (null in that pass).
    void run(const QList<Entry> &entries, const QString &host, bool finalPass, bool *wantFinal)
    {
        bool active = true;
        bool neverMatch = false;
        QList<std::pair<bool, bool>> saved;
        for (const Entry &e : entries) {
            switch (e.kind) {
            case Kind::FileStart:
                active = true;
                neverMatch = false;
                saved.clear();
                break;
            case Kind::Host:
                active = !neverMatch && hostLineMatches(host, e.args);
                break;
            case Kind::Match: {
                // Evaluated even where it cannot apply, as ssh does: "final" still asks for a pass.
                const bool matched = matches(e, host, finalPass, wantFinal);
                active = !neverMatch && matched;
                break;
            }
            case Kind::IncludeBegin:
                saved.append({active, neverMatch});
                neverMatch = neverMatch || !active;
                break;
            case Kind::IncludeEnd:
                if (!saved.isEmpty())
                    std::tie(active, neverMatch) = saved.takeLast();
                break;
            case Kind::Option:
                if (active)
                    apply(e, m_s);
                break;
            }
        }
    }

private:
    // ssh's match_cfg_line().
    bool matches(const Entry &e, const QString &host, bool finalPass, bool *wantFinal)
    {
        if (e.criteria.isEmpty())
            return false;
        // The name known so far: in the first pass HostName (if any) expanded over the name as typed.
        const QString matchHost = finalPass || !m_s->hostName ? host : expandHostName(*m_s->hostName, host);
        const QString remoteUser = m_s->user ? *m_s->user : localUser();
        bool result = true;
        for (const MatchCriterion &c : e.criteria) {
            bool holds = false;
            switch (c.type) {
            case MatchCriterion::Type::All:
                return result && !c.negated;
            case MatchCriterion::Type::Final:
                if (wantFinal)
                    *wantFinal = true;
                holds = finalPass;
                break;
            case MatchCriterion::Type::Canonical:
                holds = finalPass;
                break;
            case MatchCriterion::Type::Host:
                holds = sshPatternListMatch(matchHost.toLower(), c.arg.toLower()) == 1;
                break;
            case MatchCriterion::Type::OriginalHost:
                holds = sshPatternListMatch(m_original.toLower(), c.arg.toLower()) == 1;
                break;
            case MatchCriterion::Type::User:
                holds = sshPatternListMatch(remoteUser, c.arg) == 1;
                break;
            case MatchCriterion::Type::LocalUser:
                holds = sshPatternListMatch(localUser(), c.arg) == 1;
                break;
            case MatchCriterion::Type::Exec: {
                if (!result)
                    continue; // as ssh: a command is not run once an earlier criterion failed
                const int port = m_s->port.value_or(22);
                QString command;
                QString bad;
                expandTokens(c.arg,
                             clientTokens(matchHost, m_original, m_s->hostKeyAlias.value_or(matchHost), port,
                                          remoteUser),
                             false, &command, &bad); // checked at load
                holds = exec(command, e.where);
                break;
            }
            case MatchCriterion::Type::Unsupported:
                result = false;
                continue;
            }
            if (holds == c.negated)
                result = false;
        }
        return result;
    }

    bool exec(const QString &command, const QString &where)
    {
        const auto cached = m_execCache.constFind(command);
        if (cached != m_execCache.constEnd())
            return *cached;
        const bool holds = runMatchExec(command, where, m_warnings);
        m_execCache.insert(command, holds);
        return holds;
    }

    Settings *m_s;
    QString m_original;
    QStringList *m_warnings;
    QHash<QString, bool> m_execCache; // expanded command -> matched, for this resolve
};

int addressFamilyOf(const Settings &s)
{
    const QString family = s.addressFamily.value_or(QString());
    return family == u"inet" ? AF_INET : family == u"inet6" ? AF_INET6 : AF_UNSPEC;
}

// ssh's is_addr_fast(): looks like an address, so it is neither lower-cased nor looked up.
bool looksLikeAddress(const QString &name)
{
    return name.contains(u'%') || name.contains(u':') || std::all_of(name.begin(), name.end(), [](QChar c) {
               return c == u'.' || (c >= u'0' && c <= u'9');
           });
}

// ssh's resolve_addr(): a numeric address (no lookup) in its canonical form; empty if name is none.
QString numericAddress(const QString &name, int family)
{
    addrinfo hints{};
    hints.ai_family = family;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
    addrinfo *found = nullptr;
    if (getaddrinfo(QFile::encodeName(name).constData(), "22", &hints, &found) != 0 || !found)
        return {};
    QString canonical;
    char text[NI_MAXHOST];
    if (!found->ai_next &&
        getnameinfo(found->ai_addr, found->ai_addrlen, text, sizeof text, nullptr, 0, NI_NUMERICHOST) == 0)
        canonical = QString::fromLatin1(text);
    freeaddrinfo(found);
    return canonical;
}

// getaddrinfo() blocks, for as long as the resolver takes; it only runs for names the user's config
// asked to canonicalise, as ssh itself would look them up.
bool nameResolves(const QString &name, int family)
{
    addrinfo hints{};
    hints.ai_family = family;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    const int rc = getaddrinfo(QFile::encodeName(name).constData(), "22", &hints, &found);
    if (found)
        freeaddrinfo(found);
    return rc == 0;
}

// ssh.c's resolve_canonicalize(), without following CNAMEs. Returns an error message when there is no
// name and CanonicalizeFallbackLocal forbids going on with the one given.
std::optional<QString> canonicalize(QString *name, const Settings &s)
{
    const int family = addressFamilyOf(s);
    const QString numeric = numericAddress(*name, family);
    if (!numeric.isEmpty()) {
        if (numeric.compare(*name, Qt::CaseInsensitive) != 0)
            *name = numeric;
        return std::nullopt;
    }
    if (name->isEmpty() || looksLikeAddress(*name))
        return std::nullopt;
    const QString mode = s.canonicalizeHostname.value_or(QStringLiteral("false"));
    if (mode == u"false")
        return std::nullopt;
    // A name a proxy or jump host will resolve is left to it, unless "always". As in ssh 9.2, even
    // "ProxyJump none" counts as one here.
    const bool direct =
        (!s.proxyCommand || s.proxyCommand->compare(u"none", Qt::CaseInsensitive) == 0) && !s.proxyJump;
    if (!direct && mode != u"always")
        return std::nullopt;
    const QStringList domains = s.canonicalDomains.value_or(QStringList());
    if (name->endsWith(u'.')) {
        if (nameResolves(*name, family)) {
            name->chop(1);
            return std::nullopt;
        }
    } else {
        if (name->count(u'.') > s.canonicalizeMaxDots.value_or(1))
            return std::nullopt;
        for (const QString &domain : domains) {
            if (domain == u"none")
                break;
            // The trailing dot keeps the resolver's own search list out of it.
            if (nameResolves(*name + u'.' + domain + u'.', family)) {
                *name = *name + u'.' + domain;
                return std::nullopt;
            }
        }
    }
    if (s.canonicalizeFallbackLocal.value_or(true))
        return std::nullopt;
    return QCoreApplication::translate("SshConfig",
                                       "cannot resolve host \"%1\": it has no name in CanonicalDomains (%2), "
                                       "and CanonicalizeFallbackLocal is no")
        .arg(*name, domains.isEmpty() ? QStringLiteral("none") : domains.join(u' '));
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
    QList<Entry> overrides; // withOptions(): applied before every file
    QList<Entry> entries;
    QString path; // the file passed on to ssh for jump hosts; empty for ssh's own default files
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

SshConfig SshConfig::loadDefault(QStringList *warnings, const QString &systemFile)
{
    auto data = std::make_shared<Data>();
    Loader loader(&data->entries, warnings);
    loader.readFile(defaultPath(), QString(), 0);
    // ssh reads the system file after the user's, starting every host afresh, with the same options
    // (so the user's values win).
    loader.setSystem(true);
    loader.startTopLevelFile();
    loader.readFile(systemFile, QString(), 0);
    // Jump hosts are reached by `ssh -W`, which reads its default files from the passwd entry's home.
    // Only when $HOME points elsewhere (a sandbox) is it handed the file read here instead.
    const passwd *pw = getpwuid(getuid());
    if (!pw || QFileInfo(QFile::decodeName(pw->pw_dir)).canonicalFilePath() !=
                   QFileInfo(homeDir()).canonicalFilePath())
        data->path = defaultPath();
    SshConfig config;
    config.m_data = std::move(data);
    return config;
}

QString SshConfig::defaultPath()
{
    return homeDir() + QStringLiteral("/.ssh/config");
}

QString SshConfig::systemPath()
{
    return QStringLiteral("/etc/ssh/ssh_config");
}

Result<SshConfig> SshConfig::withOptions(const QStringList &optionLines) const
{
    auto data = m_data ? std::make_shared<Data>(*m_data) : std::make_shared<Data>();
    QStringList problems;
    QList<Entry> entries;
    Loader loader(&entries, &problems);
    loader.setCommandLine(true);
    for (const QString &line : optionLines) {
        loader.parseLine(QCoreApplication::translate("SshConfig", "option \"%1\"").arg(line), line, 0);
        if (!problems.isEmpty())
            return fail(Error::Kind::BadInput, problems.constFirst());
    }
    data->overrides += entries;
    SshConfig config;
    config.m_data = std::move(data);
    return config;
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
    const Result<SshResolution> resolved = resolveHost(spec, defaults);
    if (!resolved) {
        *error = resolved.message();
        return false;
    }
    for (const QString &warning : resolved.value().warnings)
        qCWarning(lcModel).noquote() << "ssh config:" << warning;
    *target = resolved.value().target;
    return true;
}

Result<SshResolution> SshConfig::resolveHost(const QString &spec, const HostTarget &defaults) const
{
    QString specUser;
    QString host;
    int specPort = 0;
    QString error;
    if (!parseSpec(spec, &specUser, &host, &specPort, &error))
        return fail(Error::Kind::BadInput, error);

    SshResolution resolution;
    Settings s;
    // As ssh: -o options first, then user@ and -p, then the files; the first value set wins, and
    // Match user sees what is set by then.
    if (m_data) {
        for (const Entry &e : m_data->overrides)
            apply(e, &s);
    }
    if (!specUser.isEmpty())
        setOnce(s.user, specUser);
    if (specPort)
        setOnce(s.port, specPort);

    static const QList<Entry> noEntries;
    const QList<Entry> &entries = m_data ? m_data->entries : noEntries;
    Walker walker(&s, host, &resolution.warnings);
    bool wantFinal = false;
    walker.run(entries, host, false, &wantFinal);

    // Between the passes, as ssh.c: HostName expanded, the name lower-cased unless it is an address,
    // then canonicalised (addresses always, to their canonical form).
    QString name = s.hostName ? expandHostName(*s.hostName, host) : host;
    const bool wasAddress = looksLikeAddress(name) || !numericAddress(name, addressFamilyOf(s)).isEmpty();
    if (!wasAddress)
        name = name.toLower();
    const bool canonicalizing = s.canonicalizeHostname.value_or(QStringLiteral("false")) != u"false";
    if (canonicalizing || wasAddress) {
        if (const std::optional<QString> failure = canonicalize(&name, s))
            return fail(Error::Kind::NotFound, *failure);
    }
    if (canonicalizing)
        wantFinal = true;
    if (wantFinal) {
        s.hostName = name;
        walker.run(entries, name, true, nullptr);
    }

    HostTarget t;
    t.name = host;
    t.hostname = name;
    t.port = quint16(s.port.value_or(defaults.port));
    t.user = s.user ? *s.user : !defaults.user.isEmpty() ? defaults.user : localUser();
    t.hostKeyAlias = s.hostKeyAlias ? s.hostKeyAlias->toLower() : defaults.hostKeyAlias;
    t.identitiesOnly = s.identitiesOnly.value_or(defaults.identitiesOnly);
    t.connectTimeoutMs = s.connectTimeoutMs     ? *s.connectTimeoutMs
                         : s.connectTimeoutNone ? 0
                                                : defaults.connectTimeoutMs;
    t.hostKeyPolicy = s.hostKeyPolicy.value_or(defaults.hostKeyPolicy);

    // Tokens were checked at load, so expansion cannot fail here.
    const QHash<QChar, QString> fileTokens =
        clientTokens(t.hostname, host, t.hostKeyAlias.isEmpty() ? host : t.hostKeyAlias, t.port, t.user);
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
    if (!t.proxyJump.isEmpty() && m_data && !m_data->path.isEmpty() && QFileInfo::exists(m_data->path))
        t.configFile = m_data->path;

    if (s.identityFiles) {
        for (const FileRef &file : std::as_const(*s.identityFiles)) {
            if (file.path.compare(u"none", Qt::CaseInsensitive) != 0)
                t.identityFiles.append(expandFile(file.path));
        }
    } else if (!defaults.identityFiles.isEmpty()) {
        t.identityFiles = defaults.identityFiles;
    } else {
        // OpenSSH 9.2's defaults, in its order; only the ones there, since ssh skips missing ones.
        for (const char *name :
             {"id_rsa", "id_ecdsa", "id_ecdsa_sk", "id_ed25519", "id_ed25519_sk", "id_xmss", "id_dsa"}) {
            const QString path = homeDir() + QStringLiteral("/.ssh/") + QLatin1StringView(name);
            if (QFileInfo::exists(path))
                t.identityFiles.append(path);
        }
    }
    if (!s.certificateFiles.isEmpty()) {
        for (const FileRef &file : std::as_const(s.certificateFiles))
            t.certificateFiles.append(expandFile(file.path));
    } else {
        t.certificateFiles = defaults.certificateFiles;
    }

    if (s.identityAgent) {
        const QString &agent = *s.identityAgent;
        if (agent == u"SSH_AUTH_SOCK") {
            t.identityAgent.clear();
        } else if (agent == u"none") {
            t.identityAgent = agent;
        } else if (agent.startsWith(u'$') && !agent.startsWith(u"${")) {
            // ssh's older form: the socket named by that variable, no agent when it is unset.
            const QString socket = qEnvironmentVariable(QStringView(agent).mid(1).toLatin1().constData());
            t.identityAgent = socket.isEmpty() ? QStringLiteral("none") : socket;
        } else {
            t.identityAgent = expandFile(agent);
        }
    } else {
        t.identityAgent = defaults.identityAgent;
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
    if (s.globalKnownHostsFiles) {
        if (*s.globalKnownHostsFiles != QStringList{QStringLiteral("none")}) {
            for (const QString &file : std::as_const(*s.globalKnownHostsFiles))
                t.globalKnownHostsFiles.append(expandTilde(file));
        }
    } else if (!defaults.globalKnownHostsFiles.isEmpty()) {
        t.globalKnownHostsFiles = defaults.globalKnownHostsFiles;
    } else {
        t.globalKnownHostsFiles = {QStringLiteral("/etc/ssh/ssh_known_hosts"),
                                   QStringLiteral("/etc/ssh/ssh_known_hosts2")};
    }
    resolution.target = t;

    if (s.addressFamily)
        resolution.addressFamily = *s.addressFamily;
    resolution.batchMode = s.batchMode.value_or(resolution.batchMode);
    resolution.numberOfPasswordPrompts =
        s.numberOfPasswordPrompts.value_or(resolution.numberOfPasswordPrompts);
    resolution.preferredAuthentications = s.preferredAuthentications.value_or(QString());
    if (s.pubkeyAuthentication)
        resolution.pubkeyAuthentication = *s.pubkeyAuthentication;
    resolution.passwordAuthentication = s.passwordAuthentication.value_or(resolution.passwordAuthentication);
    resolution.kbdInteractiveAuthentication =
        s.kbdInteractiveAuthentication.value_or(resolution.kbdInteractiveAuthentication);
    if (s.canonicalizeHostname)
        resolution.canonicalizeHostname = *s.canonicalizeHostname;
    resolution.canonicalDomains = s.canonicalDomains.value_or(QStringList());
    resolution.canonicalizeMaxDots = s.canonicalizeMaxDots.value_or(resolution.canonicalizeMaxDots);
    resolution.canonicalizeFallbackLocal =
        s.canonicalizeFallbackLocal.value_or(resolution.canonicalizeFallbackLocal);
    resolution.canonicalizePermittedCNAMEs = s.permittedCNAMEs.value_or(QStringList());
    return resolution;
}

QStringList SshConfig::concreteHosts() const
{
    QStringList hosts;
    if (!m_data)
        return hosts;
    QSet<QString> seen;
    for (const Entry &e : m_data->entries) {
        if (e.kind != Kind::Host)
            continue;
        for (const QString &pattern : e.args) {
            if (pattern.startsWith(u'!') || pattern.contains(u'*') || pattern.contains(u'?'))
                continue;
            if (!seen.contains(pattern)) {
                seen.insert(pattern);
                hosts.append(pattern);
            }
        }
    }
    return hosts;
}

} // namespace Chorus
