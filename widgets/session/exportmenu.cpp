#include "widgets/session/exportmenu.h"

#include <QDir>
#include <QFileDialog>
#include <QMessageBox>

namespace Chorus {

ExportMenu::ExportMenu(const QString &suggestedName, Source source, QWidget *parent)
    : QMenu(tr("Export"), parent)
    , m_suggestedName(suggestedName)
    , m_source(std::move(source))
{
    setObjectName(QStringLiteral("exportMenu"));
    addAction(tr("To a &folder (HOST.out, HOST.err, HOST.exit)..."), this,
              [this] { choose(RunExport::Format::Folder); })
        ->setObjectName(QStringLiteral("exportFolderAction"));
    addAction(tr("As &JSON..."), this, [this] { choose(RunExport::Format::Json); })
        ->setObjectName(QStringLiteral("exportJsonAction"));
    addAction(tr("As &CSV summary..."), this, [this] { choose(RunExport::Format::Csv); })
        ->setObjectName(QStringLiteral("exportCsvAction"));
}

void ExportMenu::choose(RunExport::Format format)
{
    QWidget *parent = parentWidget();
    QString path;
    switch (format) {
    case RunExport::Format::Folder:
        path = QFileDialog::getExistingDirectory(parent, tr("Export the run to a folder"));
        if (!path.isEmpty())
            path = QDir(path).filePath(m_suggestedName);
        break;
    case RunExport::Format::Json:
        path = QFileDialog::getSaveFileName(parent, tr("Export the run as JSON"), m_suggestedName + QStringLiteral(".json"),
                                            tr("JSON Lines (*.json *.jsonl)"));
        break;
    case RunExport::Format::Csv:
        path = QFileDialog::getSaveFileName(parent, tr("Export a summary as CSV"), m_suggestedName + QStringLiteral(".csv"),
                                            tr("CSV (*.csv)"));
        break;
    }
    if (path.isEmpty())
        return;
    QString message;
    if (!exportTo(format, path, &message))
        QMessageBox::warning(parent, tr("Export"), message);
    else if (!message.isEmpty())
        QMessageBox::information(parent, tr("Export"), message);
}

bool ExportMenu::exportTo(RunExport::Format format, const QString &path, QString *message) const
{
    message->clear();
    const std::optional<RunExport> run = m_source();
    if (!run) {
        *message = tr("The run is no longer available.");
        return false;
    }
    if (const Result<void> written = run->write(format, path); !written) {
        *message = written.message();
        return false;
    }
    const QStringList truncated = run->truncatedHosts();
    if (!truncated.isEmpty() && format != RunExport::Format::Csv) {
        *message = tr("Saved to %1. The output of %n host(s) was longer than the run kept, so only its start is in "
                      "the export: %2. To keep every byte, run with chorus run -o DIR.",
                      nullptr, int(truncated.size()))
                       .arg(QDir::toNativeSeparators(path), truncated.join(QStringLiteral(", ")));
    }
    return true;
}

} // namespace Chorus
