#include "model/core/shellquote.h"

#include <algorithm>

namespace Chorus {

QString shellQuote(const QString &text)
{
    // Words no shell treats specially stay bare, so commands read as a person would type them.
    const bool plain = !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c.unicode() < 128 && c.isLetterOrNumber()) || QStringView(u"_@%+=:,./-").contains(c);
    });
    if (plain)
        return text;
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

} // namespace Chorus
