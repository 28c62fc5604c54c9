#pragma once

#include "model/history/runexport.h"

#include <QMenu>

#include <functional>

namespace Chorus {

// "Export" for a finished run: to a folder (HOST.out, HOST.err, HOST.exit), as JSON Lines (the
// objects of `chorus run --json`) or as a CSV summary. Asks where, writes through RunExport, and
// tells the user what went wrong or what the export could not hold (output over the run's limit).
// The run is fetched only when an action is chosen.
class ExportMenu : public QMenu
{
    Q_OBJECT
public:
    using Source = std::function<std::optional<RunExport>()>;

    ExportMenu(const QString &suggestedName, Source source, QWidget *parent = nullptr);

    // Writes without asking where. False with the reason in *message; true with, in *message, what
    // the user should know about the export (output it could not hold), or nothing.
    bool exportTo(RunExport::Format format, const QString &path, QString *message) const;

private:
    void choose(RunExport::Format format);

    QString m_suggestedName;
    Source m_source;
};

} // namespace Chorus
