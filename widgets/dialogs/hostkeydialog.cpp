#include "widgets/dialogs/hostkeydialog.h"

#include "widgets/style/theme.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Chorus {

namespace {

enum Column
{
    HostColumn,
    TypeColumn,
    FingerprintColumn,
};

} // namespace

HostKeyDialog::HostKeyDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("hostKeyDialog"));
    setWindowTitle(tr("Unknown host keys"));
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("hostKeyList"));
    m_list->setHeaderLabels({tr("Host"), tr("Key type"), tr("SHA256 fingerprint")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(FingerprintColumn, QHeaderView::Stretch);
    m_list->setAccessibleName(tr("Host keys to confirm"));
    connect(m_list, &QTreeWidget::itemChanged, this, &HostKeyDialog::updateButtons);

    m_changed = new QLabel(this);
    m_changed->setObjectName(QStringLiteral("changedKeyWarning"));
    m_changed->setWordWrap(true);
    m_changed->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_changed->setStyleSheet(
        QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(Theme::errorText(palette()).name()));
    m_changed->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_accept = buttons->addButton(tr("&Accept selected"), QDialogButtonBox::AcceptRole);
    m_accept->setObjectName(QStringLiteral("acceptSelected"));
    m_reject = buttons->addButton(tr("&Reject all"), QDialogButtonBox::RejectRole);
    m_reject->setObjectName(QStringLiteral("rejectAll"));
    connect(m_accept, &QPushButton::clicked, this, [this] { answerAll(true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { answerAll(false); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_list);
    layout->addWidget(m_changed);
    layout->addWidget(buttons);
    resize(820, 360);
    updateButtons();
}

void HostKeyDialog::addQuestion(const HostKeyQuestion &question)
{
    m_questions.append(question);
    auto *item = new QTreeWidgetItem(m_list, {question.hostName, question.keyType, question.fingerprint});
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(HostColumn, Qt::Checked);
    item->setFont(FingerprintColumn, Theme::fixedFont());
    item->setToolTip(HostColumn, question.lookupName);
    updateButtons();
}

void HostKeyDialog::addChangedKey(const QString &host, const QString &message)
{
    m_changedText.append(tr("%1: %2").arg(host, message));
    m_changed->setText(tr("These hosts offered a key that differs from the one known for them. They were "
                          "refused; this could be an attack. If the change is expected, use "
                          "Tools > Forget host key first.\n\n")
                       + m_changedText.join(u'\n'));
    m_changed->show();
}

void HostKeyDialog::setChecked(const QString &hostName, bool checked)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->text(HostColumn) == hostName)
            item->setCheckState(HostColumn, checked ? Qt::Checked : Qt::Unchecked);
    }
}

void HostKeyDialog::answerAll(bool acceptChecked)
{
    const QList<HostKeyQuestion> questions = m_questions;
    QList<bool> accepted;
    for (int i = 0; i < questions.size(); ++i)
        accepted.append(acceptChecked && m_list->topLevelItem(i)->checkState(HostColumn) == Qt::Checked);
    m_questions.clear();
    m_list->clear();
    m_changedText.clear();
    m_changed->hide();
    for (int i = 0; i < questions.size(); ++i)
        Q_EMIT answered(questions.at(i), accepted.at(i));
    updateButtons();
    hide();
}

void HostKeyDialog::updateButtons()
{
    int checked = 0;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        checked += m_list->topLevelItem(i)->checkState(HostColumn) == Qt::Checked;
    m_intro->setText(tr("%n host(s) offered a key that is not in known_hosts. Compare the fingerprints with "
                        "what the hosts' administrators published before accepting.",
                        nullptr, int(m_questions.size())));
    m_accept->setText(tr("&Accept selected (%1)").arg(checked));
    m_accept->setEnabled(!m_questions.isEmpty());
    m_reject->setEnabled(!m_questions.isEmpty());
}

} // namespace Chorus
