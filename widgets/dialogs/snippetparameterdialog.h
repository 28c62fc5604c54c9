#pragma once

#include <QDialog>
#include <QHash>
#include <QStringList>

class QLineEdit;

namespace Chorus {

// Asks for the values of a snippet's {{parameters}}, each offered with the value it was last given,
// and shows the command as it will be.
class SnippetParameterDialog : public QDialog
{
    Q_OBJECT
public:
    SnippetParameterDialog(const QString &snippet, QWidget *parent = nullptr);

    QHash<QString, QString> values() const;
    QString command() const; // the snippet filled with values()
    // Keeps the values to offer next time.
    void rememberValues() const;

private:
    QString m_snippet;
    QStringList m_names;
    QList<QLineEdit *> m_edits;
};

} // namespace Chorus
