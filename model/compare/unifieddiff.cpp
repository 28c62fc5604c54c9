#include "model/compare/unifieddiff.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>

#include <algorithm>
#include <vector>

namespace Chorus {

namespace {

// Lines keep their '\n', so a last line without one differs from the same text with one.
QList<QByteArrayView> splitLines(const QByteArray &data)
{
    QList<QByteArrayView> lines;
    qsizetype start = 0;
    while (start < data.size()) {
        qsizetype end = data.indexOf('\n', start);
        end = end < 0 ? data.size() : end + 1;
        lines.append(QByteArrayView(data.constData() + start, end - start));
        start = end;
    }
    return lines;
}

// Myers' O(ND) diff in linear space over line ids: finds a point on an optimal edit path by
// searching from both ends at once, then solves the two halves. Marks removed lines of a and
// added lines of b; every line left unmarked is part of a longest common subsequence.
class Differ
{
public:
    Differ(const std::vector<int> &a, const std::vector<int> &b, std::vector<char> *removed,
           std::vector<char> *added)
        : m_a(a), m_b(b), m_removed(*removed), m_added(*added)
    {}

    void run() { compare(0, int(m_a.size()), 0, int(m_b.size())); }

private:
    void compare(int a0, int a1, int b0, int b1)
    {
        while (a0 < a1 && b0 < b1 && m_a[a0] == m_b[b0]) {
            ++a0;
            ++b0;
        }
        while (a0 < a1 && b0 < b1 && m_a[a1 - 1] == m_b[b1 - 1]) {
            --a1;
            --b1;
        }
        if (a0 == a1 || b0 == b1) {
            markAll(a0, a1, b0, b1);
            return;
        }
        int x = 0;
        int y = 0;
        // A split at a corner would recurse on the same problem; it cannot happen once the common
        // ends are stripped, but a wrong guess here must not hang the caller.
        if (!bisect(a0, a1 - a0, b0, b1 - b0, &x, &y) || (x == 0 && y == 0) ||
            (x == a1 - a0 && y == b1 - b0)) {
            markAll(a0, a1, b0, b1);
            return;
        }
        compare(a0, a0 + x, b0, b0 + y);
        compare(a0 + x, a1, b0 + y, b1);
    }

    void markAll(int a0, int a1, int b0, int b1)
    {
        std::fill(m_removed.begin() + a0, m_removed.begin() + a1, 1);
        std::fill(m_added.begin() + b0, m_added.begin() + b1, 1);
    }

    // The forward and the reverse search advance one edit at a time until their furthest
    // reaching paths overlap; the overlap's forward end splits the problem in two.
    bool bisect(int a0, int n, int b0, int m, int *splitX, int *splitY)
    {
        const int maxD = (n + m + 1) / 2;
        const int offset = maxD;
        const int length = 2 * maxD + 2;
        m_forward.assign(size_t(length), -1);
        m_reverse.assign(size_t(length), -1);
        int *v1 = m_forward.data();
        int *v2 = m_reverse.data();
        v1[offset + 1] = 0;
        v2[offset + 1] = 0;
        const int delta = n - m;
        const bool front = delta % 2 != 0; // odd: the forward search sees the overlap first
        const int *a = m_a.data() + a0;
        const int *b = m_b.data() + b0;
        // Diagonals that ran off the grid are skipped from then on.
        int k1start = 0;
        int k1end = 0;
        int k2start = 0;
        int k2end = 0;
        for (int d = 0; d < maxD; ++d) {
            for (int k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
                const int k1off = offset + k1;
                int x1 = (k1 == -d || (k1 != d && v1[k1off - 1] < v1[k1off + 1])) ? v1[k1off + 1]
                                                                                  : v1[k1off - 1] + 1;
                int y1 = x1 - k1;
                while (x1 < n && y1 < m && a[x1] == b[y1]) {
                    ++x1;
                    ++y1;
                }
                v1[k1off] = x1;
                if (x1 > n) {
                    k1end += 2;
                } else if (y1 > m) {
                    k1start += 2;
                } else if (front) {
                    const int k2off = offset + delta - k1;
                    if (k2off >= 0 && k2off < length && v2[k2off] != -1 && x1 >= n - v2[k2off]) {
                        *splitX = x1;
                        *splitY = y1;
                        return true;
                    }
                }
            }
            for (int k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
                const int k2off = offset + k2;
                int x2 = (k2 == -d || (k2 != d && v2[k2off - 1] < v2[k2off + 1])) ? v2[k2off + 1]
                                                                                  : v2[k2off - 1] + 1;
                int y2 = x2 - k2;
                while (x2 < n && y2 < m && a[n - x2 - 1] == b[m - y2 - 1]) {
                    ++x2;
                    ++y2;
                }
                v2[k2off] = x2;
                if (x2 > n) {
                    k2end += 2;
                } else if (y2 > m) {
                    k2start += 2;
                } else if (!front) {
                    const int k1off = offset + delta - k2;
                    if (k1off >= 0 && k1off < length && v1[k1off] != -1) {
                        const int x1 = v1[k1off];
                        if (x1 >= n - x2) {
                            *splitX = x1;
                            *splitY = x1 - (k1off - offset);
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    const std::vector<int> &m_a;
    const std::vector<int> &m_b;
    std::vector<char> &m_removed;
    std::vector<char> &m_added;
    std::vector<int> m_forward;
    std::vector<int> m_reverse;
};

struct Block
{
    int a0, a1, b0, b1; // removed a[a0, a1), added b[b0, b1)
};

// Equal lines get equal ids, so the search compares ints instead of bytes. Ids are shared between
// the two sides through one table, so they are filled in one after the other.
class LineIds
{
public:
    std::vector<int> operator()(const QList<QByteArrayView> &lines)
    {
        std::vector<int> out(size_t(lines.size()));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            auto it = m_ids.find(lines[i]);
            if (it == m_ids.end())
                it = m_ids.insert(lines[i], int(m_ids.size()));
            out[size_t(i)] = it.value();
        }
        return out;
    }

private:
    QHash<QByteArrayView, int> m_ids;
};

// The changed blocks between two id sequences, in order.
QList<Block> changedBlocks(const std::vector<int> &aIds, const std::vector<int> &bIds)
{
    const int n = int(aIds.size());
    const int m = int(bIds.size());
    int maxId = -1;
    for (int id : aIds)
        maxId = qMax(maxId, id);
    for (int id : bIds)
        maxId = qMax(maxId, id);
    std::vector<char> inA(size_t(maxId + 1), 0);
    std::vector<char> inB(size_t(maxId + 1), 0);
    for (int id : aIds)
        inA[size_t(id)] = 1;
    for (int id : bIds)
        inB[size_t(id)] = 1;

    // A line that the other side lacks is certainly removed or added. Setting those aside keeps
    // the LCS the same and D small when most lines differ (two unrelated outputs).
    std::vector<char> removed(static_cast<size_t>(n), 1);
    std::vector<char> added(static_cast<size_t>(m), 1);
    std::vector<int> keptA;
    std::vector<int> keptB;
    std::vector<int> keptAIds;
    std::vector<int> keptBIds;
    for (int i = 0; i < n; ++i) {
        if (inB[size_t(aIds[size_t(i)])]) {
            keptA.push_back(i);
            keptAIds.push_back(aIds[size_t(i)]);
        }
    }
    for (int j = 0; j < m; ++j) {
        if (inA[size_t(bIds[size_t(j)])]) {
            keptB.push_back(j);
            keptBIds.push_back(bIds[size_t(j)]);
        }
    }
    std::vector<char> keptRemoved(keptA.size(), 0);
    std::vector<char> keptAdded(keptB.size(), 0);
    Differ(keptAIds, keptBIds, &keptRemoved, &keptAdded).run();
    for (size_t k = 0; k < keptA.size(); ++k)
        removed[size_t(keptA[k])] = keptRemoved[k];
    for (size_t k = 0; k < keptB.size(); ++k)
        added[size_t(keptB[k])] = keptAdded[k];

    QList<Block> blocks;
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && !removed[size_t(i)] && !added[size_t(j)]) {
            ++i;
            ++j;
            continue;
        }
        Block block{i, i, j, j};
        while (i < n && removed[size_t(i)])
            ++i;
        while (j < m && added[size_t(j)])
            ++j;
        if (i == block.a0 && j == block.b0) { // unmatched leftovers: cannot happen, never loop on them
            i = n;
            j = m;
        }
        block.a1 = i;
        block.b1 = j;
        blocks.append(block);
    }
    return blocks;
}

QList<UnifiedDiff::Change> toChanges(const QList<Block> &blocks)
{
    QList<UnifiedDiff::Change> out;
    out.reserve(blocks.size());
    for (const Block &block : blocks)
        out.append({block.a0, block.a1, block.b0, block.b1});
    return out;
}

QByteArray range(int start, int length)
{
    if (length == 1)
        return QByteArray::number(start + 1);
    // An empty range names the line before it, as diff does ("-0,0" for an empty file).
    return QByteArray::number(length == 0 ? start : start + 1) + ',' + QByteArray::number(length);
}

void appendLine(QByteArray *out, char prefix, QByteArrayView line)
{
    out->append(prefix);
    out->append(line);
    if (!line.endsWith('\n'))
        out->append("\n\\ No newline at end of file\n");
}

} // namespace

QByteArray UnifiedDiff::diff(const QByteArray &from, const QByteArray &to, const QString &fromLabel,
                             const QString &toLabel, int context)
{
    const QByteArray body = hunks(from, to, context);
    if (body.isEmpty())
        return {};
    return "--- " + fromLabel.toUtf8() + "\n+++ " + toLabel.toUtf8() + '\n' + body;
}

QByteArray UnifiedDiff::hunks(const QByteArray &from, const QByteArray &to, int context)
{
    if (from == to)
        return {};
    context = qMax(0, context);
    const QList<QByteArrayView> a = splitLines(from);
    const QList<QByteArrayView> b = splitLines(to);
    const int n = int(a.size());
    LineIds lineIds;

    const QList<Block> blocks = changedBlocks(lineIds(a), lineIds(b));

    QByteArray out;
    for (qsizetype k = 0; k < blocks.size();) {
        qsizetype last = k;
        while (last + 1 < blocks.size() && blocks[last + 1].a0 - blocks[last].a1 <= 2 * context)
            ++last;
        const int aStart = qMax(0, blocks[k].a0 - context);
        const int bStart = blocks[k].b0 - (blocks[k].a0 - aStart);
        const int aEnd = qMin(n, blocks[last].a1 + context);
        const int bEnd = blocks[last].b1 + (aEnd - blocks[last].a1);
        out += "@@ -" + range(aStart, aEnd - aStart) + " +" + range(bStart, bEnd - bStart) + " @@\n";
        int at = aStart;
        for (qsizetype q = k; q <= last; ++q) {
            const Block &block = blocks[q];
            for (; at < block.a0; ++at)
                appendLine(&out, ' ', a[at]);
            for (int r = block.a0; r < block.a1; ++r)
                appendLine(&out, '-', a[r]);
            for (int s = block.b0; s < block.b1; ++s)
                appendLine(&out, '+', b[s]);
            at = block.a1;
        }
        for (; at < aEnd; ++at)
            appendLine(&out, ' ', a[at]);
        k = last + 1;
    }
    return out;
}

QList<UnifiedDiff::Change> UnifiedDiff::changes(const QByteArray &from, const QByteArray &to)
{
    if (from == to)
        return {};
    LineIds lineIds;
    const std::vector<int> a = lineIds(splitLines(from));
    const std::vector<int> b = lineIds(splitLines(to));
    return toChanges(changedBlocks(a, b));
}

QList<UnifiedDiff::Change> UnifiedDiff::changes(const QList<int> &fromIds, const QList<int> &toIds)
{
    if (fromIds == toIds)
        return {};
    for (int id : fromIds + toIds) {
        if (id < 0)
            return {{0, int(fromIds.size()), 0, int(toIds.size())}}; // not ids this can index
    }
    return toChanges(changedBlocks(std::vector<int>(fromIds.begin(), fromIds.end()),
                                   std::vector<int>(toIds.begin(), toIds.end())));
}

QList<QByteArrayView> UnifiedDiff::lines(const QByteArray &data)
{
    return splitLines(data);
}

} // namespace Chorus
