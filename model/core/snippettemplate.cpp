#include "model/core/snippettemplate.h"

#include <QRegularExpression>

namespace Chorus {

namespace {

const QRegularExpression &placeholder()
{
    static const QRegularExpression re(QStringLiteral("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*\\}\\}"));
    return re;
}

} // namespace

QStringList SnippetTemplate::parameters(const QString &text)
{
    QStringList names;
    for (const QRegularExpressionMatch &match : placeholder().globalMatch(text)) {
        if (!names.contains(match.captured(1)))
            names.append(match.captured(1));
    }
    return names;
}

QString SnippetTemplate::fill(const QString &text, const QHash<QString, QString> &values)
{
    QString result;
    qsizetype at = 0;
    for (const QRegularExpressionMatch &match : placeholder().globalMatch(text)) {
        result += QStringView(text).mid(at, match.capturedStart() - at);
        const auto value = values.constFind(match.captured(1));
        result += value == values.constEnd() ? match.captured() : *value;
        at = match.capturedEnd();
    }
    result += QStringView(text).mid(at);
    return result;
}

} // namespace Chorus
