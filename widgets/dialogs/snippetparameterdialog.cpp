#include "widgets/dialogs/snippetparameterdialog.h"

#include "model/core/appsettings.h"
#include "model/core/snippettemplate.h"
#include "widgets/style/theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Chorus {

SnippetParameterDialog::SnippetParameterDialog(const QString &snippet, QWidget *parent)
    : QDialog(parent), m_snippet(snippet), m_names(SnippetTemplate::parameters(snippet))
{
    setObjectName(QStringLiteral("snippetParameterDialog"));
    setWindowTitle(tr("Snippet Parameters"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    for (const QString &name : std::as_const(m_names)) {
        auto *edit = new QLineEdit(AppSettings::snippetParameter(name), this);
        edit->setObjectName(QStringLiteral("parameter_") + name);
        edit->setAccessibleName(name);
        edit->setToolTip(tr("Put in the command as typed: quote it yourself if it has spaces that are not meant "
                            "to split words"));
        form->addRow(name + QStringLiteral(":"), edit);
        m_edits.append(edit);
    }
    layout->addLayout(form);
    auto *preview = new QLabel(this);
    preview->setObjectName(QStringLiteral("snippetPreview"));
    preview->setFont(Theme::fixedFont());
    preview->setTextFormat(Qt::PlainText);
    preview->setWordWrap(true);
    preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(preview);
    auto update = [this, preview] { preview->setText(command()); };
    for (QLineEdit *edit : std::as_const(m_edits))
        connect(edit, &QLineEdit::textChanged, this, update);
    update();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    if (!m_edits.isEmpty())
        m_edits.first()->selectAll();
}

QHash<QString, QString> SnippetParameterDialog::values() const
{
    QHash<QString, QString> values;
    for (int i = 0; i < m_names.size(); ++i)
        values.insert(m_names.at(i), m_edits.at(i)->text());
    return values;
}

QString SnippetParameterDialog::command() const
{
    return SnippetTemplate::fill(m_snippet, values());
}

void SnippetParameterDialog::rememberValues() const
{
    const QHash<QString, QString> given = values();
    for (auto it = given.cbegin(); it != given.cend(); ++it)
        AppSettings::setSnippetParameter(it.key(), it.value());
}

} // namespace Chorus
