#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace Chorus {

// {{name}} placeholders in a snippet ("systemctl restart {{service}}"), asked for once before the
// snippet is used. A name is a word (letters, digits, _ and -, not starting with a digit), so
// Go templates such as docker's '{{.State.Running}}' or '{{json .Config}}' stay as they are.
class SnippetTemplate
{
public:
    // The distinct names, in the order they first appear.
    static QStringList parameters(const QString &text);
    // Every placeholder replaced by its value as typed (no quoting: "nginx php-fpm" is two words
    // on purpose); names without a value are left as they are.
    static QString fill(const QString &text, const QHash<QString, QString> &values);
};

} // namespace Chorus
