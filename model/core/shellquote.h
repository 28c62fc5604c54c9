#pragma once

#include <QString>

namespace Chorus {

// Quotes text as one word for a POSIX shell: 'it'\''s', 'two words'; a word with nothing special
// in it (/usr/bin/env, -s, a=b) stays as it is.
QString shellQuote(const QString &text);

} // namespace Chorus
