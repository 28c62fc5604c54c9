#include "model/ssh/hostset.h"

#include "model/core/printable.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace Chorus {

namespace {

// Longer digit runs do not fit a qint64; such names are left alone rather than folded.
constexpr int MaxDigits = 18;

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isNumber(QStringView s)
{
    return !s.isEmpty() && s.size() <= MaxDigits && std::all_of(s.begin(), s.end(), isDigit);
}

bool isPadded(QStringView digits)
{
    return digits.size() > 1 && digits.front() == u'0';
}

// "[::1]" or "[fe80::1%eth0]" as the host part of an item, the way ssh specs spell IPv6 addresses.
// Only that position counts, so a typo such as "web[1::3]" is still reported as a bad range.
bool isIpv6Bracket(QStringView item, qsizetype open, qsizetype close)
{
    const bool hostStart = open == 0 || item[open - 1] == u'@';
    const bool hostEnd = close == item.size() - 1 || item[close + 1] == u':';
    if (!hostStart || !hostEnd)
        return false;
    QStringView addr = item.mid(open + 1, close - open - 1);
    const qsizetype zone = addr.indexOf(u'%');
    if (zone == addr.size() - 1)
        return false;
    if (zone >= 0)
        addr = addr.left(zone);
    int colons = 0;
    for (QChar c : addr) {
        if (c == u':')
            ++colons;
        else if (!isDigit(c) && !(c.toLower() >= u'a' && c.toLower() <= u'f') && c != u'.')
            return false;
    }
    return addr.contains(u"::") || colons == 7;
}

struct RangePart
{
    qint64 start = 0;
    qint64 end = 0;
    qint64 step = 1;
    int width = 0; // 0: no padding
    qint64 count() const { return (end - start) / step + 1; }
};

// Parses the inside of one bracket group. *why says what is wrong, without the "where".
bool parseRangeList(QStringView content, QList<RangePart> *parts, QString *why)
{
    if (content.trimmed().isEmpty()) {
        *why = QCoreApplication::translate("HostSet", "empty range");
        return false;
    }
    for (QStringView raw : content.split(u',')) {
        const QStringView element = raw.trimmed();
        if (element.isEmpty()) {
            *why = QCoreApplication::translate("HostSet", "empty element");
            return false;
        }
        QList<QStringView> fields;
        QStringView stepText;
        if (element.contains(u'-')) {
            QStringView bounds = element;
            const qsizetype slash = element.indexOf(u'/');
            if (slash >= 0) {
                bounds = element.left(slash);
                stepText = element.mid(slash + 1);
            }
            fields = bounds.split(u'-');
        } else if (element.contains(u':')) {
            fields = element.split(u':');
            if (fields.size() == 3)
                stepText = fields.takeLast();
        } else {
            fields = {element};
        }
        if (fields.size() > 2) {
            *why = QCoreApplication::translate("HostSet", "\"%1\" has too many bounds").arg(printable(element));
            return false;
        }
        if (fields.size() == 2 && fields[0].isEmpty()) {
            *why = QCoreApplication::translate("HostSet", "\"%1\" has no start").arg(printable(element));
            return false;
        }
        if (fields.size() == 2 && fields[1].isEmpty()) {
            *why = QCoreApplication::translate("HostSet", "\"%1\" has no end").arg(printable(element));
            return false;
        }
        for (QStringView f : fields) {
            if (!isNumber(f)) {
                *why = f.size() > MaxDigits
                           ? QCoreApplication::translate("HostSet", "\"%1\" is too long a number").arg(printable(f))
                           : QCoreApplication::translate("HostSet", "\"%1\" is not a number").arg(printable(f));
                return false;
            }
        }
        RangePart part;
        part.start = fields[0].toLongLong();
        part.end = fields.size() == 2 ? fields[1].toLongLong() : part.start;
        if (fields.size() == 1) {
            part.width = int(fields[0].size());
        } else if (isPadded(fields[0]) || isPadded(fields[1])) {
            if (fields[0].size() != fields[1].size()) {
                *why = QCoreApplication::translate("HostSet",
                                                   "\"%1\" and \"%2\" are zero-padded to different widths")
                           .arg(printable(fields[0]), printable(fields[1]));
                return false;
            }
            part.width = int(fields[0].size());
        }
        if (!stepText.isNull()) {
            if (!isNumber(stepText) || stepText.toLongLong() < 1) {
                *why = QCoreApplication::translate("HostSet", "step \"%1\" is not a number above 0")
                           .arg(printable(stepText));
                return false;
            }
            part.step = stepText.toLongLong();
        }
        if (part.start > part.end) {
            *why = QCoreApplication::translate("HostSet", "start is greater than end");
            return false;
        }
        parts->append(part);
    }
    return true;
}

// One item (no separators at bracket depth 0) into its names.
bool expandItem(QStringView item, QStringList *names, QString *error)
{
    // Each segment is the list of alternatives at that place; plain text is a single alternative.
    QList<QStringList> segments;
    QList<QList<RangePart>> ranges; // parallel to segments; empty for plain text
    QString literal;
    auto flushLiteral = [&] {
        if (!literal.isEmpty()) {
            segments.append(QStringList{literal});
            ranges.append(QList<RangePart>());
            literal.clear();
        }
    };
    qint64 product = 1;
    for (qsizetype i = 0; i < item.size();) {
        const QChar c = item[i];
        if (c == u']') {
            *error = QCoreApplication::translate("HostSet", "unbalanced \"]\" at character %1 of \"%2\"")
                         .arg(i + 1)
                         .arg(printable(item));
            return false;
        }
        if (c != u'[') {
            literal += c;
            ++i;
            continue;
        }
        const qsizetype close = item.indexOf(u']', i + 1);
        if (close < 0) {
            *error =
                QCoreApplication::translate("HostSet", "unbalanced \"[\" in \"%1\": missing \"]\"").arg(printable(item));
            return false;
        }
        const qsizetype nested = item.indexOf(u'[', i + 1);
        if (nested >= 0 && nested < close) {
            *error = QCoreApplication::translate("HostSet", "nested \"[\" at character %1 of \"%2\"")
                         .arg(nested + 1)
                         .arg(printable(item));
            return false;
        }
        if (isIpv6Bracket(item, i, close)) {
            literal += item.mid(i, close - i + 1);
            i = close + 1;
            continue;
        }
        const QStringView group = item.mid(i, close - i + 1);
        QList<RangePart> parts;
        QString why;
        if (!parseRangeList(group.mid(1, group.size() - 2), &parts, &why)) {
            *error = QCoreApplication::translate("HostSet", "malformed range \"%1\" in \"%2\": %3")
                         .arg(printable(group), printable(item), why);
            return false;
        }
        qint64 count = 0;
        for (const RangePart &p : parts)
            count = std::min(count + p.count(), qint64(1e18)); // bounds have at most 18 digits
        if (count > HostSet::MaxNames) {
            *error = QCoreApplication::translate("HostSet",
                                                 "range \"%1\" in \"%2\" gives %3 names, more than the %4 "
                                                 "allowed (a typo?)")
                         .arg(printable(group), printable(item), QString::number(count), QString::number(HostSet::MaxNames));
            return false;
        }
        product *= count; // both are at most MaxNames here, so this cannot overflow
        if (product > HostSet::MaxNames) {
            *error = QCoreApplication::translate("HostSet",
                                                 "\"%1\" gives %2 names, more than the %3 allowed (a typo?)")
                         .arg(printable(item), QString::number(product), QString::number(HostSet::MaxNames));
            return false;
        }
        flushLiteral();
        segments.append(QStringList());
        ranges.append(parts);
        i = close + 1;
    }
    flushLiteral();

    for (qsizetype s = 0; s < segments.size(); ++s) {
        for (const RangePart &p : std::as_const(ranges[s])) {
            for (qint64 v = p.start; v <= p.end; v += p.step)
                segments[s].append(QString::number(v).rightJustified(p.width, u'0'));
        }
    }
    // Odometer over the segments, last one turning fastest.
    QList<qsizetype> at(segments.size(), 0);
    while (true) {
        QString name;
        for (qsizetype s = 0; s < segments.size(); ++s)
            name += segments[s][at[s]];
        names->append(name);
        qsizetype s = segments.size() - 1;
        while (s >= 0 && ++at[s] == segments[s].size()) {
            at[s] = 0;
            --s;
        }
        if (s < 0)
            break;
    }
    return true;
}

// A name split around the number it folds on.
struct NameParts
{
    QString prefix;
    QString digits;
    QString suffix;
};

bool splitForFolding(const QString &name, NameParts *parts)
{
    if (name.isEmpty() || name.front() == u'@')
        return false;
    for (QChar c : name) {
        if (c == u'[' || c == u']' || c == u',' || c.isSpace())
            return false;
    }
    const qsizetype hostStart = name.lastIndexOf(u'@') + 1;
    const qsizetype colon = name.indexOf(u':', hostStart);
    if (colon >= 0 && name.indexOf(u':', colon + 1) >= 0)
        return false; // an IPv6 address
    const qsizetype hostEnd = colon >= 0 ? colon : name.size();
    qsizetype end = hostEnd;
    while (end > hostStart && !isDigit(name[end - 1]))
        --end;
    if (end == hostStart)
        return false;
    qsizetype begin = end;
    while (begin > hostStart && isDigit(name[begin - 1]))
        --begin;
    if (end - begin > MaxDigits)
        return false;
    parts->prefix = name.left(begin);
    parts->digits = name.mid(begin, end - begin);
    parts->suffix = name.mid(end);
    return true;
}

// The numbers seen for one prefix/suffix pair, by padding width (0: not padded).
using NumbersByWidth = std::map<int, std::set<qint64>>;

QString foldNumbers(const NumbersByWidth &byWidth)
{
    struct Run
    {
        QString start;
        qint64 value;
        QString text;
    };
    QList<Run> runs;
    for (const auto &[width, values] : byWidth) {
        auto format = [width](qint64 v) {
            return QString::number(v).rightJustified(width, u'0');
        };
        for (auto it = values.begin(); it != values.end();) {
            const qint64 first = *it;
            qint64 last = first;
            for (++it; it != values.end() && *it == last + 1; ++it)
                last = *it;
            const QString text = first == last ? format(first) : format(first) + u'-' + format(last);
            runs.append({format(first), first, text});
        }
    }
    // Shorter spellings first, then by value: "a[9,08-10]" like ClusterShell.
    std::sort(runs.begin(), runs.end(), [](const Run &a, const Run &b) {
        if (a.start.size() != b.start.size())
            return a.start.size() < b.start.size();
        return a.value < b.value;
    });
    QStringList texts;
    for (const Run &r : std::as_const(runs))
        texts.append(r.text);
    return texts.join(u',');
}

} // namespace

bool HostSet::expand(const QString &spec, QStringList *hosts, QString *error)
{
    hosts->clear();
    if (spec.trimmed().isEmpty())
        return true;

    // Pieces between commas outside brackets, with where each starts.
    QList<std::pair<qsizetype, QStringView>> pieces;
    int depth = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= spec.size(); ++i) {
        if (i == spec.size() || (spec[i] == u',' && depth == 0)) {
            pieces.append({start, QStringView(spec).mid(start, i - start)});
            start = i + 1;
        } else if (spec[i] == u'[') {
            ++depth;
        } else if (spec[i] == u']') {
            depth = std::max(0, depth - 1);
        }
    }

    QSet<QString> seen;
    for (qsizetype p = 0; p < pieces.size(); ++p) {
        const auto [offset, piece] = pieces[p];
        if (piece.trimmed().isEmpty()) {
            // Point at the comma next to the hole, which is what the user has to look at.
            const qsizetype comma = p + 1 < pieces.size() ? offset + piece.size() : offset - 1;
            *error = QCoreApplication::translate("HostSet",
                                                 "empty item next to the comma at character %1 of \"%2\"")
                         .arg(comma + 1)
                         .arg(printable(spec));
            hosts->clear();
            return false;
        }
        // White space separates items too, again only outside brackets.
        QList<QStringView> items;
        depth = 0;
        qsizetype itemStart = -1;
        for (qsizetype i = 0; i <= piece.size(); ++i) {
            const bool space = i < piece.size() && piece[i].isSpace() && depth == 0;
            if (i == piece.size() || space) {
                if (itemStart >= 0)
                    items.append(piece.mid(itemStart, i - itemStart));
                itemStart = -1;
                continue;
            }
            if (itemStart < 0)
                itemStart = i;
            if (piece[i] == u'[')
                ++depth;
            else if (piece[i] == u']')
                depth = std::max(0, depth - 1);
        }
        for (QStringView item : std::as_const(items)) {
            QStringList names;
            if (item.front() == u'@') {
                names.append(item.toString());
            } else if (!expandItem(item, &names, error)) {
                hosts->clear();
                return false;
            }
            for (QString &name : names) {
                if (!seen.contains(name)) {
                    seen.insert(name);
                    hosts->append(std::move(name));
                }
            }
            if (hosts->size() > MaxNames) {
                // Not counted to the end: past the limit it is a typo whatever the total.
                *error = QCoreApplication::translate("HostSet",
                                                     "\"%1\" gives more than the %2 names allowed (a typo?)")
                             .arg(printable(spec), QString::number(MaxNames));
                hosts->clear();
                return false;
            }
        }
    }
    return true;
}

QString HostSet::fold(const QStringList &hosts)
{
    // Sorted by pattern: prefix, then suffix; a name kept as it is sorts before a folded group with
    // the same prefix ("a,a[1-2]").
    using Pattern = std::tuple<QString, QString, int>;
    std::map<Pattern, NumbersByWidth> groups;
    std::map<Pattern, QString> plain;
    std::map<std::pair<QString, QString>, QList<NameParts>> unpadded;

    QSet<QString> seen;
    for (const QString &name : hosts) {
        if (name.isEmpty() || seen.contains(name))
            continue;
        seen.insert(name);
        NameParts parts;
        if (!splitForFolding(name, &parts)) {
            plain[{name, QString(), 0}] = name;
            continue;
        }
        if (isPadded(parts.digits))
            groups[{parts.prefix, parts.suffix, 1}][int(parts.digits.size())].insert(
                parts.digits.toLongLong());
        else
            unpadded[{parts.prefix, parts.suffix}].append(parts);
    }
    // An unpadded number as wide as a padded range is spelled the same inside it ("08-10").
    for (const auto &[key, list] : unpadded) {
        NumbersByWidth &numbers = groups[{key.first, key.second, 1}];
        for (const NameParts &parts : list) {
            const int width = int(parts.digits.size());
            const bool joins = width > 1 && numbers.count(width) && !numbers[width].empty();
            numbers[joins ? width : 0].insert(parts.digits.toLongLong());
        }
    }

    std::map<Pattern, QString> out = plain;
    for (const auto &[pattern, numbers] : groups) {
        qsizetype total = 0;
        for (const auto &[width, values] : numbers)
            total += values.size();
        const QString inner = foldNumbers(numbers);
        const QString &prefix = std::get<0>(pattern);
        const QString &suffix = std::get<1>(pattern);
        out[pattern] = total == 1 ? prefix + inner + suffix : prefix + u'[' + inner + u']' + suffix;
    }
    QStringList parts;
    for (const auto &[pattern, text] : out)
        parts.append(text);
    return parts.join(u',');
}

} // namespace Chorus
