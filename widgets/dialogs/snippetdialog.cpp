#include "widgets/dialogs/snippetdialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Chorus {

SnippetDialog::SnippetDialog(const QList<Snippet> &snippets, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Snippets"));
    m_table = new QTableWidget(int(snippets.size()), 2, this);
    m_table->setObjectName(QStringLiteral("snippetTable"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Command")});
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Snippets"));
    for (int row = 0; row < snippets.size(); ++row) {
        m_table->setItem(row, 0, new QTableWidgetItem(snippets.at(row).name));
        m_table->setItem(row, 1, new QTableWidgetItem(snippets.at(row).command));
    }
    auto *add = new QPushButton(tr("&Add"), this);
    auto *remove = new QPushButton(tr("Re&move"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(tr("New snippet")));
        m_table->setItem(row, 1, new QTableWidgetItem());
        m_table->editItem(m_table->item(row, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *row = new QHBoxLayout;
    row->addWidget(add);
    row->addWidget(remove);
    row->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addLayout(row);
    layout->addWidget(buttons);
    resize(640, 360);
}

QList<Snippet> SnippetDialog::snippets() const
{
    QList<Snippet> list;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString name = m_table->item(row, 0) ? m_table->item(row, 0)->text().trimmed() : QString();
        const QString command = m_table->item(row, 1) ? m_table->item(row, 1)->text().trimmed() : QString();
        if (!command.isEmpty())
            list.append({name.isEmpty() ? command : name, command});
    }
    return list;
}

} // namespace Chorus
