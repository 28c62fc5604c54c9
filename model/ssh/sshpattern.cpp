#include "model/ssh/sshpattern.h"

namespace Chorus {

bool sshPatternMatch(QStringView text, QStringView pattern)
{
    qsizetype t = 0, p = 0, starP = -1, starT = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == u'?' || pattern[p] == text[t])) {
            ++t;
            ++p;
        } else if (p < pattern.size() && pattern[p] == u'*') {
            starP = p++;
            starT = t;
        } else if (starP >= 0) {
            p = starP + 1;
            t = ++starT;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}

int sshPatternListMatch(QStringView text, QStringView list)
{
    int result = 0;
    qsizetype start = 0;
    while (start <= list.size()) {
        qsizetype end = list.indexOf(u',', start);
        if (end < 0)
            end = list.size();
        QStringView pattern = list.mid(start, end - start);
        const bool negated = pattern.startsWith(u'!');
        if (negated)
            pattern = pattern.mid(1);
        if (!pattern.isEmpty() && sshPatternMatch(text, pattern)) {
            if (negated)
                return -1; // a negated match overrides every positive one
            result = 1;
        }
        start = end + 1;
    }
    return result;
}

} // namespace Chorus
