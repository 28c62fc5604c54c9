#pragma once

#include "model/core/appsettings.h"

#include <QDialog>

class QTableWidget;

namespace Chorus {

// Edits the saved snippets: a name and a command each.
class SnippetDialog : public QDialog
{
    Q_OBJECT
public:
    SnippetDialog(const QList<Snippet> &snippets, QWidget *parent = nullptr);
    QList<Snippet> snippets() const;

private:
    QTableWidget *m_table;
};

} // namespace Chorus
