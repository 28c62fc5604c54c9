#include "model/ssh/knownhosts.h"

#include "model/core/modellog.h"
#include "model/ssh/sshpattern.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QMutexLocker>
#include <QSaveFile>
#include <QSet>
#include <QtEndian>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <iterator>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace Chorus {

namespace KnownHostsDetail {

enum class Marker : quint8
{
    None,
    Revoked,
    CertAuthority,
};

// How an entry's host field is matched against a name.
enum class Hosts : quint8
{
    Literal,  // plain names only: found through Segment::literal without looking at other lines
    Patterns, // with '*', '?' or '!': tried line by line with sshPatternListMatch
    Hashed,   // |1|salt|hash: tried line by line, one HMAC-SHA1 each
};

struct Entry
{
    QByteArray text;       // the line as written, without its line end
    QString keyType;       // the type the key blob names: ssh-rsa for an rsa-sha2-512 line
    QString hosts;         // Literal and Patterns: the host field, ASCII lower-cased, one QChar per byte
    QByteArray salt, hash; // Hashed
    int line = 0;
    int keyPos = 0;
    int keyLength = 0;
    Marker marker = Marker::None;
    Hosts kind = Hosts::Literal;

    QByteArray key() const { return text.mid(keyPos, keyLength); }
};

QByteArray asciiLower(QByteArray bytes)
{
    // match.c lower-cases with tolower() in the C locale: ASCII letters only.
    for (char &c : bytes) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return bytes;
}

// A name to look up, in the forms matching needs. Patterns are matched byte by byte as match.c does
// (a '?' is one byte even in a UTF-8 name), hence one QChar per byte.
struct Name
{
    explicit Name(const QString &name)
        : given(name), utf8(name.toUtf8()), raw(QString::fromLatin1(utf8)),
          lower(QString::fromLatin1(asciiLower(utf8)))
    {}
    QString given;
    QByteArray utf8; // hashed names are the HMAC of the name as given, not lower-cased (hostfile.c)
    QString raw;     // the cache key
    QString lower;   // what patterns are matched against (match_hostname lower-cases both sides)
    bool isEmpty() const { return given.isEmpty(); }
};

// HMAC-SHA1 (RFC 2104) of one name under many salts, with one hasher reused and nothing allocated per
// line: QMessageAuthenticationCode::hash sets up a new object each time, which made up most of the cost
// of scanning a big hashed file for a name it does not hold. Cross-checked by the tests against
// ssh-keygen -H and QMessageAuthenticationCode.
class HashedNameTest
{
public:
    explicit HashedNameTest(const QByteArray &name) : m_name(name) {}
    bool matches(const QByteArray &salt, const QByteArray &expected)
    {
        // A salt is 20 bytes, shorter than SHA-1's 64-byte block: the key is the salt padded with zeros.
        const QByteArrayView inner = digest(salt, 0x36, m_name);
        std::memcpy(m_inner, inner.data(), sizeof m_inner);
        return digest(salt, 0x5c, QByteArrayView(m_inner, sizeof m_inner)) == QByteArrayView(expected);
    }

private:
    QByteArrayView digest(const QByteArray &salt, char padByte, QByteArrayView message)
    {
        std::memset(m_pad, padByte, sizeof m_pad);
        for (qsizetype i = 0; i < salt.size() && i < qsizetype(sizeof m_pad); ++i)
            m_pad[i] = char(m_pad[i] ^ salt.at(i));
        m_hash.reset();
        m_hash.addData(QByteArrayView(m_pad, sizeof m_pad));
        m_hash.addData(message);
        return m_hash.resultView();
    }
    QByteArray m_name;
    QCryptographicHash m_hash{QCryptographicHash::Sha1};
    char m_pad[64] = {};
    char m_inner[20] = {};
};

bool entryMatches(const Entry &entry, const Name &name, HashedNameTest &hashed)
{
    switch (entry.kind) {
    case Hosts::Literal:
        return entry.hosts.split(u',').contains(name.lower);
    case Hosts::Patterns:
        return sshPatternListMatch(name.lower, entry.hosts) == 1;
    case Hosts::Hashed:
        return hashed.matches(entry.salt, entry.hash);
    }
    return false;
}

// Consecutive lines of one file, parsed and indexed. Never changed once published (except its cache,
// which has its own lock), so threads match against it without holding anything.
struct Segment
{
    QList<Entry> entries;               // in line order
    QHash<QString, QList<int>> literal; // a lower-case name: the Literal entries listing it
    QList<int> scanned;                 // the Patterns and Hashed entries

    mutable QMutex cacheMutex;
    mutable QHash<QString, QList<int>> scanCache; // Name::raw: the scanned entries it matches

    void add(Entry entry)
    {
        const int index = int(entries.size());
        if (entry.kind == Hosts::Literal) {
            QStringList names = entry.hosts.split(u',');
            names.removeDuplicates();
            for (const QString &name : std::as_const(names))
                literal[name].append(index);
        } else {
            scanned.append(index);
        }
        entries.append(std::move(entry));
    }

    // Indices of the entries whose host field matches, in line order.
    QList<int> matching(const Name &name) const
    {
        QList<int> hits = literal.value(name.lower);
        if (scanned.isEmpty())
            return hits;
        // Hashed names cost an HMAC per line per name (a microsecond or two each): with Debian's
        // HashKnownHosts a big file is mostly those, and one connection asks for its name several
        // times (key types, check, append), so a big segment remembers what it found.
        const bool remember = scanned.size() >= 64;
        QList<int> found;
        bool known = false;
        if (remember) {
            QMutexLocker lock(&cacheMutex);
            const auto it = scanCache.constFind(name.raw);
            if (it != scanCache.cend()) {
                found = *it;
                known = true;
            }
        }
        if (!known) {
            HashedNameTest hashed(name.utf8);
            for (int i : scanned) {
                if (entryMatches(entries.at(i), name, hashed))
                    found.append(i);
            }
            if (remember) {
                QMutexLocker lock(&cacheMutex);
                if (scanCache.size() >= 4096)
                    scanCache.clear(); // a bound for a long-running GUI, not a policy
                scanCache.insert(name.raw, found);
            }
        }
        if (found.isEmpty())
            return hits;
        if (hits.isEmpty())
            return found;
        QList<int> merged;
        merged.reserve(hits.size() + found.size());
        std::merge(hits.cbegin(), hits.cend(), found.cbegin(), found.cend(), std::back_inserter(merged));
        return merged;
    }
};

// What a file looked like when it was read: a different stamp means read it again (or its tail).
struct Stamp
{
    bool exists = false;
    quint64 device = 0;
    quint64 inode = 0;
    qint64 size = 0;
    qint64 modifiedNs = 0;
    qint64 changedNs = 0; // ctime also moves on chmod: an unreadable file becoming readable
    friend bool operator==(const Stamp &, const Stamp &) = default;
};

Stamp stampOf(const struct stat &st)
{
    return Stamp{true,
                 quint64(st.st_dev),
                 quint64(st.st_ino),
                 qint64(st.st_size),
                 qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
                 qint64(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec};
}

// stat() rather than QFileInfo: no time zone conversion (glibc's tzset is not safe beside setenv in
// other threads), and the inode catches a file replaced by rename.
Stamp stampOfPath(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return stampOf(st);
}

struct Snapshot
{
    Stamp stamp;
    qint64 parsedBytes = 0; // where the last complete line ends
    int parsedLines = 0;
    // The first bytes of the file and those just before parsedBytes (up to 64 each): a file that grew
    // but no longer starts with them was rewritten in place, not appended to, and is parsed again.
    QByteArray head;
    QByteArray tail;
    QList<std::shared_ptr<const Segment>> segments; // the complete lines, in order
    // A last line without its newline yet: in use as ssh uses it, and read again when the file grows.
    QByteArray partialBytes;
    std::shared_ptr<const Segment> partial;
};

constexpr qsizetype SampleBytes = 64;

const QHash<QByteArray, QString> &keyTypes()
{
    // The key type names ssh's sshkey_read accepts at the start of a key (peek_type_nid), each with
    // the type its key blob names: a line that is neither is ignored by ssh, so it is ignored here.
    static const QHash<QByteArray, QString> types = [] {
        QHash<QByteArray, QString> t;
        for (const char *name :
             {"ssh-ed25519", "ssh-ed25519-cert-v01@openssh.com", "sk-ssh-ed25519@openssh.com",
              "sk-ssh-ed25519-cert-v01@openssh.com", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
              "ecdsa-sha2-nistp521", "ecdsa-sha2-nistp256-cert-v01@openssh.com",
              "ecdsa-sha2-nistp384-cert-v01@openssh.com", "ecdsa-sha2-nistp521-cert-v01@openssh.com",
              "sk-ecdsa-sha2-nistp256@openssh.com", "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com", "ssh-rsa",
              "ssh-rsa-cert-v01@openssh.com", "ssh-dss", "ssh-dss-cert-v01@openssh.com"})
            t.insert(name, QString::fromLatin1(name));
        const QString rsa = QStringLiteral("ssh-rsa");
        const QString rsaCert = QStringLiteral("ssh-rsa-cert-v01@openssh.com");
        t.insert("rsa-sha2-256", rsa);
        t.insert("rsa-sha2-512", rsa);
        t.insert("rsa-sha2-256-cert-v01@openssh.com", rsaCert);
        t.insert("rsa-sha2-512-cert-v01@openssh.com", rsaCert);
        t.insert("webauthn-sk-ecdsa-sha2-nistp256@openssh.com",
                 QStringLiteral("sk-ecdsa-sha2-nistp256@openssh.com"));
        t.insert("webauthn-sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
                 QStringLiteral("sk-ecdsa-sha2-nistp256-cert-v01@openssh.com"));
        return t;
    }();
    return types;
}

QByteArray decodeBase64(const QByteArray &base64)
{
    const auto decoded = QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
    return decoded ? decoded.decoded : QByteArray();
}

// The type a key blob names (its first SSH string), or empty when it cannot be a key.
QByteArray blobType(const QByteArray &blob)
{
    if (blob.size() < 4)
        return {};
    const qint64 length = qFromBigEndian<quint32>(blob.constData());
    if (length == 0 || 4 + length >= blob.size()) // key material must follow the type
        return {};
    return blob.mid(4, length);
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// hostfile.c's extract_salt and host_hash: "|1|" base64(salt) "|" base64(HMAC-SHA1(salt, name)),
// compared as text, so only the canonical base64 ssh writes can ever match.
bool parseHashed(const QByteArray &field, Entry *entry)
{
    if (!field.startsWith("|1|"))
        return false;
    const qsizetype bar = field.indexOf('|', 3);
    if (bar < 0 || bar == 3 || bar - 3 > 1024)
        return false;
    const QByteArray salt = decodeBase64(field.mid(3, bar - 3));
    if (salt.size() != 20 || field.left(bar) != "|1|" + salt.toBase64())
        return false;
    const QByteArray hashText = field.mid(bar + 1);
    const QByteArray hash = decodeBase64(hashText);
    if (hash.size() != 20 || hash.toBase64() != hashText)
        return false;
    entry->salt = salt;
    entry->hash = hash;
    entry->kind = Hosts::Hashed;
    return true;
}

enum class LineKind
{
    Nothing, // blank, a comment, or an entry that can never match anything
    Entry,
    Malformed, // ssh ignores it too
};

// One line as hostfile.c's hostkeys_foreach_file and sshkey_read read it.
LineKind parseLine(const QByteArray &line, int lineNo, Entry *entry)
{
    qsizetype end = line.size();
    // CRLF files: ssh's base64 decoder skips the '\r', so ssh reads such lines; so do we.
    while (end > 0 && line.at(end - 1) == '\r')
        --end;
    qsizetype i = 0;
    auto skipBlanks = [&] {
        while (i < end && isBlank(line.at(i)))
            ++i;
    };
    auto wordEnd = [&](qsizetype from) {
        while (from < end && !isBlank(line.at(from)))
            ++from;
        return from;
    };
    skipBlanks();
    if (i == end || line.at(i) == '#')
        return LineKind::Nothing;

    Marker marker = Marker::None;
    if (line.at(i) == '@') {
        // ssh's check_markers ends a marker at the line's first space even when a tab comes before
        // it, so it silently ignores "@revoked<TAB>host type key". Here a marker ends at its first
        // blank: reading such a line as the revocation it says it is can only refuse more.
        const qsizetype stop = wordEnd(i);
        if (stop == end)
            return LineKind::Malformed;
        const QByteArray word = line.mid(i, stop - i);
        if (word == "@cert-authority")
            marker = Marker::CertAuthority;
        else if (word == "@revoked")
            marker = Marker::Revoked;
        else
            return LineKind::Malformed;
        i = stop;
        skipBlanks();
        if (i < end && line.at(i) == '@')
            return LineKind::Malformed; // one marker only
    }

    const qsizetype hostsEnd = wordEnd(i);
    if (hostsEnd == end)
        return LineKind::Malformed;
    const QByteArray hosts = line.mid(i, hostsEnd - i);
    i = hostsEnd;
    skipBlanks();
    if (i == end || line.at(i) == '#')
        return LineKind::Malformed;
    const qsizetype typeEnd = wordEnd(i);
    if (typeEnd == end)
        return LineKind::Malformed;
    const QString keyType = keyTypes().value(line.mid(i, typeEnd - i));
    if (keyType.isEmpty())
        return LineKind::Malformed;
    i = typeEnd;
    skipBlanks();
    if (i == end)
        return LineKind::Malformed;
    const qsizetype keyEnd = wordEnd(i);
    if (blobType(decodeBase64(line.mid(i, keyEnd - i))) != keyType.toLatin1())
        return LineKind::Malformed;

    entry->text = line.left(end);
    entry->keyType = keyType;
    entry->line = lineNo;
    entry->keyPos = int(i);
    entry->keyLength = int(keyEnd - i);
    entry->marker = marker;
    if (hosts.startsWith('|'))
        return parseHashed(hosts, entry) ? LineKind::Entry : LineKind::Malformed;
    bool literal = true;
    for (QByteArray pattern : hosts.split(',')) {
        const bool negated = pattern.startsWith('!');
        if (negated)
            pattern.remove(0, 1);
        // match_pattern_list copies each pattern into a 1024-byte buffer and fails the whole list,
        // however the rest would match, when one does not fit.
        if (pattern.size() >= 1023)
            return LineKind::Nothing;
        if (negated || pattern.contains('*') || pattern.contains('?'))
            literal = false;
    }
    entry->hosts = QString::fromLatin1(asciiLower(hosts));
    entry->kind = literal ? Hosts::Literal : Hosts::Patterns;
    return LineKind::Entry;
}

// Parses complete lines (and possibly one last line without its newline), numbering from firstLine.
std::shared_ptr<Segment> parseLines(const QByteArray &bytes, int firstLine, const QString &path)
{
    auto segment = std::make_shared<Segment>();
    int lineNo = firstLine - 1;
    int malformed = 0;
    int firstMalformed = 0;
    qsizetype start = 0;
    while (start < bytes.size()) {
        qsizetype stop = bytes.indexOf('\n', start);
        if (stop < 0)
            stop = bytes.size();
        ++lineNo;
        Entry entry;
        switch (parseLine(bytes.mid(start, stop - start), lineNo, &entry)) {
        case LineKind::Entry:
            segment->add(std::move(entry));
            break;
        case LineKind::Malformed:
            if (malformed++ == 0)
                firstMalformed = lineNo;
            break;
        case LineKind::Nothing:
            break;
        }
        start = stop + 1;
    }
    if (malformed > 0) {
        // One warning per read, not one per line: a big file with many odd lines would flood the log.
        qCWarning(lcModel).nospace() << "known_hosts " << path << ": " << malformed
                                     << " malformed line(s) ignored, the first at line " << firstMalformed;
    }
    return segment;
}

std::shared_ptr<const Segment> merged(const Segment &older, const Segment &newer)
{
    auto segment = std::make_shared<Segment>();
    segment->entries.reserve(older.entries.size() + newer.entries.size());
    for (const Segment *s : {&older, &newer}) {
        for (const Entry &e : s->entries)
            segment->add(e);
    }
    return segment;
}

void pushSegment(Snapshot &snapshot, std::shared_ptr<const Segment> segment)
{
    if (segment->entries.isEmpty())
        return;
    QList<std::shared_ptr<const Segment>> &segments = snapshot.segments;
    segments.append(std::move(segment));
    // Merge the newest two while the older is no bigger: appends one line at a time then keep about
    // log2(n) segments for a lookup to visit and copy each entry about log2(n) times, and the big first
    // parse is not copied until as many lines have been appended after it.
    while (segments.size() >= 2 &&
           segments.at(segments.size() - 2)->entries.size() <= segments.last()->entries.size()) {
        const auto newer = segments.takeLast();
        const auto older = segments.takeLast();
        segments.append(merged(*older, *newer));
    }
}

// Adds the file's bytes from snapshot.parsedBytes on (which include the partial line, if any).
void appendBytes(Snapshot &snapshot, const QByteArray &bytes, const QString &path)
{
    snapshot.partial.reset();
    snapshot.partialBytes.clear();
    const qsizetype completeEnd = bytes.lastIndexOf('\n') + 1;
    if (completeEnd > 0) {
        const QByteArray complete = bytes.left(completeEnd);
        pushSegment(snapshot, parseLines(complete, snapshot.parsedLines + 1, path));
        snapshot.parsedLines += int(complete.count('\n'));
        snapshot.parsedBytes += completeEnd;
        if (snapshot.head.size() < SampleBytes)
            snapshot.head = (snapshot.head + complete).left(SampleBytes);
        snapshot.tail = (snapshot.tail + complete).right(SampleBytes);
    }
    if (completeEnd < bytes.size()) {
        snapshot.partialBytes = bytes.mid(completeEnd);
        snapshot.partial = parseLines(snapshot.partialBytes, snapshot.parsedLines + 1, path);
    }
}

// Reads length bytes at offset, fewer if the file is shorter.
bool readAt(int fd, qint64 offset, qint64 length, QByteArray *out)
{
    out->resize(qsizetype(std::max<qint64>(length, 0)));
    qint64 done = 0;
    while (done < length) {
        const ssize_t n = ::pread(fd, out->data() + done, size_t(length - done), off_t(offset + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        if (n == 0)
            break;
        done += n;
    }
    out->resize(qsizetype(done));
    return true;
}

bool sameBytesAt(int fd, qint64 offset, const QByteArray &expected)
{
    QByteArray actual;
    return expected.isEmpty() || (readAt(fd, offset, expected.size(), &actual) && actual == expected);
}

bool writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

// The snapshot of fd (whose stamp is given), from previous when the file only grew since.
std::shared_ptr<const Snapshot> refreshed(const std::shared_ptr<const Snapshot> &previous, int fd,
                                          const Stamp &stamp, const QString &path)
{
    if (previous && previous->stamp.exists && previous->stamp.device == stamp.device &&
        previous->stamp.inode == stamp.inode && stamp.size >= previous->stamp.size &&
        previous->parsedBytes <= stamp.size && sameBytesAt(fd, 0, previous->head) &&
        sameBytesAt(fd, previous->parsedBytes - previous->tail.size(), previous->tail)) {
        QByteArray bytes;
        if (readAt(fd, previous->parsedBytes, stamp.size - previous->parsedBytes, &bytes)) {
            auto next = std::make_shared<Snapshot>(*previous);
            next->stamp = stamp;
            appendBytes(*next, bytes, path);
            return next;
        }
    }
    auto next = std::make_shared<Snapshot>();
    next->stamp = stamp;
    QByteArray bytes;
    if (!readAt(fd, 0, stamp.size, &bytes)) {
        qCWarning(lcModel) << "cannot read known_hosts" << path << QString::fromLocal8Bit(strerror(errno));
        return next;
    }
    appendBytes(*next, bytes, path);
    return next;
}

struct Found
{
    QString path;
    const Entry *entry; // owned by a snapshot the caller holds
};

using FileView = std::pair<QString, std::shared_ptr<const Snapshot>>;

// Every entry whose host field matches name, file by file, in line order.
QList<Found> findAll(const QList<FileView> &files, const Name &name)
{
    QList<Found> found;
    if (name.isEmpty())
        return found;
    for (const FileView &file : files) {
        auto visit = [&](const Segment &segment) {
            for (int i : segment.matching(name))
                found.append(Found{file.first, &segment.entries.at(i)});
        };
        for (const auto &segment : file.second->segments)
            visit(*segment);
        if (file.second->partial)
            visit(*file.second->partial);
    }
    return found;
}

bool sameKey(const Entry &entry, const QByteArray &blob)
{
    return !blob.isEmpty() && decodeBase64(entry.key()) == blob;
}

// A name ssh would read back as exactly this one name (sshconnect.c refuses to record names with
// pattern characters in them): no blanks or control characters, no list or pattern characters, and not
// taken for a marker, a comment, a negation or a hashed name.
bool recordable(const QByteArray &name)
{
    if (name.isEmpty() || name.startsWith('!') || name.startsWith('|') || name.startsWith('@') ||
        name.startsWith('#'))
        return false;
    for (char c : name) {
        const auto u = uchar(c);
        if (u <= 0x20 || u == 0x7f || c == ',' || c == '*' || c == '?')
            return false;
    }
    return true;
}

bool makeFolderOf(const QString &file)
{
    // As ssh makes ~/.ssh: for its owner only.
    const QByteArray folder = QFile::encodeName(QFileInfo(file).absolutePath());
    struct stat st = {};
    if (::stat(folder.constData(), &st) == 0)
        return true;
    for (qsizetype i = 1; i <= folder.size(); ++i) {
        if (i < folder.size() && folder.at(i) != '/')
            continue;
        if (::mkdir(folder.left(i).constData(), 0700) != 0 && errno != EEXIST)
            return false;
    }
    return true;
}

// Opens path and takes its flock, the lock other Chorus processes take too (ssh itself takes none).
// Returns 0 or an errno.
int openLocked(const QByteArray &native, int flags, int *fdOut)
{
    for (int attempt = 0; attempt < 100; ++attempt) {
        const int fd = ::open(native.constData(), flags | O_CLOEXEC, 0600);
        if (fd < 0)
            return errno;
        int rc = 0;
        while ((rc = ::flock(fd, LOCK_EX)) != 0 && errno == EINTR) {
        }
        if (rc != 0) {
            const int error = errno;
            ::close(fd);
            return error;
        }
        // remove() replaces the file by rename while it holds the lock on the old one: a line written
        // to the old one after waiting for its lock would go to a file nobody reads any more.
        struct stat held = {};
        struct stat named = {};
        if (::fstat(fd, &held) == 0 && ::stat(native.constData(), &named) == 0 &&
            held.st_dev == named.st_dev && held.st_ino == named.st_ino) {
            *fdOut = fd;
            return 0;
        }
        ::close(fd);
    }
    return EAGAIN;
}

// Closing the descriptor also drops its flock.
struct FdCloser
{
    int fd;
    ~FdCloser() { ::close(fd); }
};

QString errnoText(int error)
{
    return QString::fromLocal8Bit(strerror(error));
}

} // namespace KnownHostsDetail

using namespace KnownHostsDetail;

KnownHosts::KnownHosts() = default;
KnownHosts::~KnownHosts() = default;

KnownHosts &KnownHosts::instance()
{
    static KnownHosts hosts;
    return hosts;
}

std::shared_ptr<QMutex> KnownHosts::loaderFor(const QString &path)
{
    QMutexLocker lock(&m_mutex);
    std::shared_ptr<QMutex> &loader = m_loaders[path];
    if (!loader)
        loader = std::make_shared<QMutex>();
    return loader;
}

std::shared_ptr<const Snapshot> KnownHosts::current(const QString &path)
{
    QMutexLocker lock(&m_mutex);
    return m_files.value(path);
}

void KnownHosts::install(const QString &path, const std::shared_ptr<const Snapshot> &snapshot)
{
    QMutexLocker lock(&m_mutex);
    m_files.insert(path, snapshot);
}

void KnownHosts::forget(const QString &path)
{
    QMutexLocker lock(&m_mutex);
    m_files.remove(path);
}

std::shared_ptr<const Snapshot> KnownHosts::snapshot(const QString &path)
{
    // The common case takes m_mutex just long enough to copy a pointer. Reading and parsing happen
    // under the file's loader lock only, into a new snapshot that is then swapped in: a thread
    // parsing a 50,000-line file delays only the threads that need that same file's new lines.
    if (const auto known = current(path); known && known->stamp == stampOfPath(path))
        return known;
    const std::shared_ptr<QMutex> loader = loaderFor(path);
    QMutexLocker loading(loader.get());
    const std::shared_ptr<const Snapshot> previous = current(path);
    if (previous && previous->stamp == stampOfPath(path))
        return previous; // another thread read it while this one waited
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        auto none = std::make_shared<Snapshot>();
        if (error != ENOENT) {
            qCWarning(lcModel) << "cannot read known_hosts" << path << errnoText(error);
            none->stamp = stampOfPath(path); // not again until it changes
        }
        install(path, none);
        return none;
    }
    FdCloser closer{fd};
    struct stat st = {};
    if (::fstat(fd, &st) != 0)
        return std::make_shared<Snapshot>();
    const std::shared_ptr<const Snapshot> next = refreshed(previous, fd, stampOf(st), path);
    install(path, next);
    return next;
}

KnownHosts::Verdict KnownHosts::check(const QStringList &files, const QString &lookupName,
                                      const QString &fallbackName, const QString &keyType,
                                      const QByteArray &keyBase64)
{
    QList<FileView> views;
    for (const QString &path : files)
        views.append({path, snapshot(path)});
    const Name primary(lookupName);
    const Name fallback(fallbackName == lookupName ? QString() : fallbackName);
    const QList<Found> underPrimary = findAll(views, primary);
    const QList<Found> underFallback = findAll(views, fallback);
    const QByteArray offered = decodeBase64(keyBase64);
    const QString offeredType = keyTypes().value(keyType.toLatin1(), keyType);

    auto verdict = [](Match match, const Name &name, const Found &found) {
        Verdict v;
        v.match = match;
        v.matchedName = name.given;
        v.knownKeyType = found.entry->keyType;
        v.knownFingerprint = fingerprint(found.entry->key());
        v.file = found.path;
        v.line = found.entry->line;
        v.lineText = QString::fromUtf8(found.entry->text);
        return v;
    };

    // Revocation first and under both names: it overrides every other line, in every file.
    for (const auto &[name, list] :
         {std::pair{&primary, &underPrimary}, std::pair{&fallback, &underFallback}}) {
        for (const Found &found : *list) {
            if (found.entry->marker == Marker::Revoked && sameKey(*found.entry, offered))
                return verdict(Match::Revoked, *name, found);
        }
    }
    // check_key_in_hostkeys: a plain line with this key is Ok; otherwise any plain line is a changed
    // key. The line of the offered key's type is the one worth showing, when there is one.
    const Found *changed = nullptr;
    for (const Found &found : underPrimary) {
        if (found.entry->marker != Marker::None)
            continue;
        if (sameKey(*found.entry, offered))
            return verdict(Match::Ok, primary, found);
        if (!changed || (changed->entry->keyType != offeredType && found.entry->keyType == offeredType))
            changed = &found;
    }
    if (changed)
        return verdict(Match::Changed, primary, *changed);
    // sshconnect.c, HOST_NEW: "checking without port identifier", where only the same key counts.
    for (const Found &found : underFallback) {
        if (found.entry->marker == Marker::None && sameKey(*found.entry, offered))
            return verdict(Match::Ok, fallback, found);
    }
    Verdict unknown;
    for (const QList<Found> *list : {&underPrimary, &underFallback}) {
        for (const Found &found : *list) {
            if (found.entry->marker == Marker::CertAuthority) {
                unknown.certAuthority = true;
                unknown.certAuthorityFile = found.path;
                unknown.certAuthorityLine = found.entry->line;
                return unknown;
            }
        }
    }
    return unknown;
}

QStringList KnownHosts::keyTypesFor(const QStringList &files, const QString &lookupName,
                                    const QString &fallbackName)
{
    QList<FileView> views;
    for (const QString &path : files)
        views.append({path, snapshot(path)});
    QStringList types;
    for (const QString &name : {lookupName, fallbackName}) {
        for (const Found &found : findAll(views, Name(name))) {
            if (found.entry->marker == Marker::None && !types.contains(found.entry->keyType))
                types.append(found.entry->keyType);
        }
    }
    return types;
}

Result<void> KnownHosts::append(const QString &path, const QString &lookupName, const QString &keyType,
                                const QByteArray &keyBase64)
{
    const QByteArray name = lookupName.toUtf8();
    const QByteArray type = keyType.toUtf8();
    const QByteArray blob = decodeBase64(keyBase64);
    const QString blobTypeWanted = keyTypes().value(type);
    if (!recordable(name) || blobTypeWanted.isEmpty() || blobType(blob) != blobTypeWanted.toLatin1()) {
        return fail(Error::Kind::BadInput,
                    QCoreApplication::translate("KnownHosts",
                                                "cannot record the key of %1 in %2: the name, key type or "
                                                "key is not one known_hosts can hold")
                        .arg(lookupName, path));
    }
    const QByteArray native = QFile::encodeName(path);
    int fd = -1;
    const int openError = makeFolderOf(path) ? openLocked(native, O_RDWR | O_APPEND | O_CREAT, &fd) : errno;
    if (openError != 0) {
        return fail(Error::Kind::Io,
                    QCoreApplication::translate("KnownHosts", "cannot open %1 for writing: %2")
                        .arg(path, errnoText(openError)));
    }
    FdCloser closer{fd};
    // Lock order: the file's flock, then its loader lock; snapshot() takes only the latter.
    const std::shared_ptr<QMutex> loader = loaderFor(path);
    QMutexLocker loading(loader.get());
    struct stat st = {};
    if (::fstat(fd, &st) != 0) {
        return fail(
            Error::Kind::Io,
            QCoreApplication::translate("KnownHosts", "cannot read %1: %2").arg(path, errnoText(errno)));
    }
    const Stamp before = stampOf(st);
    std::shared_ptr<const Snapshot> known = current(path);
    if (!known || !(known->stamp == before))
        known = refreshed(known, fd, before, path); // only what others appended since, as a rule
    install(path, known);

    // Under the lock, the file as it is now: another thread or process may have recorded this host
    // between our check() and here.
    const QList<Found> listed = findAll({{path, known}}, Name(lookupName));
    for (const Found &found : listed) {
        if (found.entry->marker == Marker::Revoked && sameKey(*found.entry, blob)) {
            return fail(Error::Kind::Conflict,
                        QCoreApplication::translate("KnownHosts",
                                                    "the key for %1 is marked @revoked in %2 line "
                                                    "%3; refused")
                            .arg(lookupName, path, QString::number(found.entry->line)));
        }
    }
    for (const Found &found : listed) {
        if (found.entry->marker == Marker::None && sameKey(*found.entry, blob))
            return {}; // someone recorded the same key meanwhile: nothing to add
    }
    for (const Found &found : listed) {
        if (found.entry->marker == Marker::None) {
            return fail(Error::Kind::Conflict,
                        QCoreApplication::translate(
                            "KnownHosts", "another key for %1 was recorded in %2 line %3 meanwhile; "
                                          "refused")
                            .arg(lookupName, path, QString::number(found.entry->line)));
        }
    }

    QByteArray line;
    char last = '\n';
    if (before.size > 0 && ::pread(fd, &last, 1, off_t(before.size - 1)) == 1 && last != '\n')
        line += '\n'; // never glue our line onto a last line that lacks its newline
    line += name + ' ' + type + ' ' + keyBase64 + '\n';
    if (!writeAll(fd, line)) {
        const int error = errno;
        // Nothing half-written: a disk that filled up mid-line leaves the file as it was.
        if (::ftruncate(fd, off_t(before.size)) != 0)
            qCWarning(lcModel) << "cannot cut" << path << "back after a failed write" << errnoText(errno);
        forget(path);
        return fail(
            Error::Kind::Io,
            QCoreApplication::translate("KnownHosts", "cannot write to %1: %2").arg(path, errnoText(error)));
    }
    struct stat after = {};
    if (::fstat(fd, &after) != 0) {
        forget(path);
        return {};
    }
    const Stamp written = stampOf(after);
    if (written.inode == before.inode && written.size == before.size + line.size() &&
        known->parsedBytes + known->partialBytes.size() == before.size) {
        // Our line is all that changed: add it to the entries in memory, no parse of the rest.
        auto next = std::make_shared<Snapshot>(*known);
        next->stamp = written;
        appendBytes(*next, known->partialBytes + line, path);
        install(path, next);
    } else {
        // Someone wrote without the lock meanwhile (ssh takes none): read what is there now.
        install(path, refreshed(known, fd, written, path));
    }
    return {};
}

bool KnownHosts::remove(const QString &path, const QString &lookupName, int *removed, QString *error)
{
    *removed = 0;
    int fd = -1;
    if (const int openError = openLocked(QFile::encodeName(path), O_RDONLY, &fd)) {
        if (openError == ENOENT)
            return true;
        *error =
            QCoreApplication::translate("KnownHosts", "cannot read %1: %2").arg(path, errnoText(openError));
        return false;
    }
    FdCloser closer{fd};
    struct stat st = {};
    QByteArray original;
    if (::fstat(fd, &st) != 0 || !readAt(fd, 0, qint64(st.st_size), &original)) {
        *error = QCoreApplication::translate("KnownHosts", "cannot read %1: %2").arg(path, errnoText(errno));
        return false;
    }
    auto parsed = std::make_shared<Snapshot>();
    appendBytes(*parsed, original, path);
    QSet<int> goneLines;
    for (const Found &found : findAll({{path, parsed}}, Name(lookupName.toLower()))) {
        if (found.entry->marker == Marker::None)
            goneLines.insert(found.entry->line);
    }
    if (goneLines.isEmpty())
        return true;
    QList<QByteArray> lines = original.split('\n');
    const bool endedWithNewline = original.endsWith('\n');
    if (endedWithNewline)
        lines.removeLast();
    QList<QByteArray> keptLines;
    for (int i = 0; i < lines.size(); ++i) {
        if (!goneLines.contains(i + 1))
            keptLines.append(lines.at(i));
    }
    QByteArray kept = keptLines.join('\n');
    if (endedWithNewline && !keptLines.isEmpty())
        kept += '\n';
    QFile::remove(path + QStringLiteral(".old"));
    if (!QFile::copy(path, path + QStringLiteral(".old"))) {
        *error = QCoreApplication::translate("KnownHosts", "cannot keep a copy of %1 as %1.old").arg(path);
        return false;
    }
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(kept) != kept.size() || !out.commit()) {
        *error =
            QCoreApplication::translate("KnownHosts", "cannot write %1: %2").arg(path, out.errorString());
        return false;
    }
    *removed = int(goneLines.size());
    forget(path);
    return true;
}

QString KnownHosts::lookupName(const QString &host, quint16 port)
{
    if (port == 22 || port == 0)
        return host.toLower();
    return QStringLiteral("[%1]:%2").arg(host.toLower()).arg(port);
}

QString KnownHosts::fingerprint(const QByteArray &keyBase64)
{
    const QByteArray digest =
        QCryptographicHash::hash(QByteArray::fromBase64(keyBase64), QCryptographicHash::Sha256);
    return QStringLiteral("SHA256:") + QString::fromLatin1(digest.toBase64(QByteArray::OmitTrailingEquals));
}

} // namespace Chorus
