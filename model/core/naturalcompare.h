#pragma once

#include <QStringView>

namespace Chorus {

// "web2" before "web10": runs of digits compare as numbers (leading zeros do not make a number
// bigger), the rest case-insensitively; names equal but for case or leading zeros still get a fixed
// order. Our own because QCollator ignores numeric mode in the C locale, which scripts and CI run
// with. Sorts the host panel and the session status table alike.
int naturalCompare(QStringView a, QStringView b);

} // namespace Chorus
