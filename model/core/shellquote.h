#pragma once

#include <QString>

namespace Chorus {

// Quotes text as one word for a POSIX shell: 'it'\''s'.
QString shellQuote(const QString &text);

} // namespace Chorus
