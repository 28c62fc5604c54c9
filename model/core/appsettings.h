#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Chorus {

// A saved command with a name the user chose.
struct Snippet
{
    QString name;
    QString command;
    bool operator==(const Snippet &other) const = default;
};

// The one place that knows every setting's key and default. Backed by QSettings, so the
// organisation name decides the file (the demo runs under its own).
class AppSettings
{
public:
    enum Setting
    {
        Fanout,
        CommandTimeoutSec,  // 0: none
        ConnectTimeoutSec,
        Threads,            // 0: one per core
        OutputLimitMiB,     // kept per host and stream by the engine
        DisplayLimitKiB,    // shown per host in an output view
        HostKeyPolicy,      // "strict", "accept-new", "ask"
        KeepaliveSec,
        IdleTimeoutMin,
        Language,           // "" follows the system, or one of Translation::languages(); applies at start
        HistoryDays,        // runs older than this are dropped from the history; 0: kept
        HistoryRuns,        // at most this many runs are kept; 0: no limit
        Theme,              // "" follows the desktop's palette, "light" or "dark"; applies at start
        ConfirmRunAbove,    // a run from the command bar on more hosts than this is confirmed first; 0: never
        TerminalScrollback, // lines a terminal keeps above its screen; 0: none
        TerminalFontPoints, // the terminals' text size; 0: the window's
        SettingCount
    };

    static QVariant value(Setting setting);
    static void setValue(Setting setting, const QVariant &value);
    static QVariant defaultValue(Setting setting);
    static QString key(Setting setting);
    static int intValue(Setting setting) { return value(setting).toInt(); }

    // Commands run, newest first, without duplicates, at most historyLimit.
    static constexpr int HistoryLimit = 200;
    static QStringList commandHistory();
    static void addToHistory(const QString &command);

    static QList<Snippet> snippets();
    static void setSnippets(const QList<Snippet> &snippets);
    // The value last given to a snippet's {{parameter}}, offered again next time.
    static QString snippetParameter(const QString &name);
    static void setSnippetParameter(const QString &name, const QString &value);
};

} // namespace Chorus
