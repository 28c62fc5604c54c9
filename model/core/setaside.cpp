#include "model/core/setaside.h"

#include <QDateTime>
#include <QFileInfo>

namespace Chorus {

QString setAsideName(const QString &path, const QString &why)
{
    const QString base =
        path + u'.' + why + u'-' + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString name = base;
    for (int n = 2; QFileInfo::exists(name); ++n)
        name = base + u'-' + QString::number(n);
    return name;
}

} // namespace Chorus
