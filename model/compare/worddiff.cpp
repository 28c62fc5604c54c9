#include "model/compare/worddiff.h"

#include "model/compare/unifieddiff.h"

#include <QHash>

namespace Chorus {

namespace {

enum class Kind
{
    Word,
    Space,
    Other
};

Kind kindOf(QChar c)
{
    if (c.isLetterOrNumber() || c == u'_')
        return Kind::Word;
    if (c.isSpace())
        return Kind::Space;
    return Kind::Other;
}

struct Token
{
    int start;
    int length;
};

QList<Token> cut(const QString &line)
{
    QList<Token> out;
    int i = 0;
    const int n = int(line.size());
    while (i < n) {
        const Kind kind = kindOf(line.at(i));
        int end = i + 1;
        // A surrogate pair is one character.
        if (line.at(i).isHighSurrogate() && end < n && line.at(end).isLowSurrogate())
            ++end;
        if (kind != Kind::Other) {
            while (end < n && kindOf(line.at(end)) == kind)
                ++end;
        }
        out.append({i, end - i});
        i = end;
    }
    return out;
}

// Changed token ranges [first, last) become character ranges; changes separated only by white
// space join up.
QList<WordDiff::Range> toRanges(const QString &line, const QList<Token> &tokens,
                                const QList<std::pair<int, int>> &changed)
{
    QList<WordDiff::Range> out;
    for (const auto &[first, last] : changed) {
        if (first == last)
            continue;
        const int start = tokens[first].start;
        const int end = tokens[last - 1].start + tokens[last - 1].length;
        if (!out.isEmpty()) {
            WordDiff::Range &previous = out.last();
            const int gapStart = previous.start + previous.length;
            bool onlySpace = true;
            for (int c = gapStart; c < start && onlySpace; ++c)
                onlySpace = line.at(c).isSpace();
            if (onlySpace) {
                previous.length = end - previous.start;
                continue;
            }
        }
        out.append({start, end - start});
    }
    return out;
}

} // namespace

QStringList WordDiff::tokens(const QString &line)
{
    QStringList out;
    for (const Token &token : cut(line))
        out.append(line.mid(token.start, token.length));
    return out;
}

WordDiff::Result WordDiff::diff(const QString &from, const QString &to)
{
    if (from == to)
        return {};
    Result result;
    if (from.size() > MaxLineChars || to.size() > MaxLineChars) {
        if (!from.isEmpty())
            result.removed.append({0, int(from.size())});
        if (!to.isEmpty())
            result.added.append({0, int(to.size())});
        return result;
    }
    const QList<Token> a = cut(from);
    const QList<Token> b = cut(to);
    QHash<QStringView, int> ids;
    const auto idsOf = [&ids](const QString &line, const QList<Token> &tokens) {
        QList<int> out;
        out.reserve(tokens.size());
        for (const Token &token : tokens) {
            const QStringView text = QStringView(line).mid(token.start, token.length);
            auto it = ids.find(text);
            if (it == ids.end())
                it = ids.insert(text, int(ids.size()));
            out.append(it.value());
        }
        return out;
    };
    const QList<int> aIds = idsOf(from, a);
    const QList<int> bIds = idsOf(to, b);
    QList<std::pair<int, int>> removed;
    QList<std::pair<int, int>> added;
    for (const UnifiedDiff::Change &change : UnifiedDiff::changes(aIds, bIds)) {
        removed.append({change.fromStart, change.fromEnd});
        added.append({change.toStart, change.toEnd});
    }
    result.removed = toRanges(from, a, removed);
    result.added = toRanges(to, b, added);
    return result;
}

} // namespace Chorus
