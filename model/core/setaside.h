#pragma once

#include <QString>

namespace Chorus {

// Where a file Chorus could not read is kept, untouched, before a fresh one replaces it (the host
// list, the run history): path.<why>-20261121-120301, with -2, -3... if that name is taken (two bad
// loads in one second).
QString setAsideName(const QString &path, const QString &why);

} // namespace Chorus
