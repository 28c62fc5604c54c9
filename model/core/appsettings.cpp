#include "model/core/appsettings.h"

#include <QSettings>

namespace Chorus {

namespace {

struct Entry
{
    const char *key;
    QVariant defaultValue;
};

const Entry &entry(AppSettings::Setting setting)
{
    static const Entry table[AppSettings::SettingCount] = {
        {"run/fanout", 64},
        {"run/commandTimeoutSec", 0},
        {"run/connectTimeoutSec", 10},
        {"engine/threads", 0},
        {"engine/outputLimitMiB", 8},
        {"view/displayLimitKiB", 1024},
        {"ssh/hostKeyPolicy", QStringLiteral("ask")},
        {"ssh/keepaliveSec", 30},
        {"ssh/idleTimeoutMin", 10},
        {"ui/language", QString()},
        {"history/days", 90},
        {"history/runs", 1000},
        {"ui/theme", QString()},
        {"run/confirmAbove", 50},
        {"terminal/scrollbackLines", 5000},
        {"terminal/fontPoints", 0},
    };
    return table[setting];
}

const QString historyKey = QStringLiteral("run/history");
const QString snippetsKey = QStringLiteral("run/snippets");

} // namespace

QString AppSettings::key(Setting setting)
{
    return QString::fromLatin1(entry(setting).key);
}

QVariant AppSettings::defaultValue(Setting setting)
{
    return entry(setting).defaultValue;
}

QVariant AppSettings::value(Setting setting)
{
    return QSettings().value(key(setting), defaultValue(setting));
}

void AppSettings::setValue(Setting setting, const QVariant &value)
{
    QSettings settings;
    if (value == defaultValue(setting))
        settings.remove(key(setting));
    else
        settings.setValue(key(setting), value);
}

QStringList AppSettings::commandHistory()
{
    return QSettings().value(historyKey).toStringList();
}

void AppSettings::addToHistory(const QString &command)
{
    const QString trimmed = command.trimmed();
    if (trimmed.isEmpty())
        return;
    QStringList history = commandHistory();
    history.removeAll(trimmed);
    history.prepend(trimmed);
    while (history.size() > HistoryLimit)
        history.removeLast();
    QSettings().setValue(historyKey, history);
}

QList<Snippet> AppSettings::snippets()
{
    QSettings settings;
    QList<Snippet> list;
    const int count = settings.beginReadArray(snippetsKey);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        list.append({settings.value(QStringLiteral("name")).toString(), settings.value(QStringLiteral("command")).toString()});
    }
    settings.endArray();
    return list;
}

void AppSettings::setSnippets(const QList<Snippet> &snippets)
{
    QSettings settings;
    settings.remove(snippetsKey);
    settings.beginWriteArray(snippetsKey, int(snippets.size()));
    for (int i = 0; i < snippets.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), snippets.at(i).name);
        settings.setValue(QStringLiteral("command"), snippets.at(i).command);
    }
    settings.endArray();
}

QString AppSettings::snippetParameter(const QString &name)
{
    return QSettings().value(QStringLiteral("snippetParameters/") + name).toString();
}

void AppSettings::setSnippetParameter(const QString &name, const QString &value)
{
    QSettings().setValue(QStringLiteral("snippetParameters/") + name, value);
}

} // namespace Chorus
