#include "widgets/dialogs/credentialdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Chorus {

CredentialDialog::CredentialDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("credentialDialog"));
    setWindowTitle(tr("Credentials needed"));
    setModal(false);
    m_prompt = new QLabel(this);
    m_prompt->setWordWrap(true);
    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("secretEdit"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setAccessibleName(tr("Secret"));
    m_save = new QCheckBox(tr("&Save to the keychain"), this);
    m_save->setObjectName(QStringLiteral("saveToKeychain"));
    m_forAll = new QCheckBox(this);
    m_forAll->setObjectName(QStringLiteral("useForAll"));
    m_forAll->setChecked(true);
    m_forAll->setVisible(false); // until a request shows how many hosts ask the same

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("S&kip this host"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] { finishFirst(true); });
    connect(buttons, &QDialogButtonBox::rejected, this, [this] { finishFirst(false); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_prompt);
    layout->addWidget(m_secret);
    layout->addWidget(m_save);
    layout->addWidget(m_forAll);
    layout->addWidget(buttons);
}

void CredentialDialog::setKeychainAvailable(bool available)
{
    m_save->setEnabled(available);
    m_save->setToolTip(available ? QString() : tr("No keychain is available: the secret is used for this session only."));
    if (!available)
        m_save->setChecked(false);
}

bool CredentialDialog::sameAsk(const SecretRequest &a, const SecretRequest &b)
{
    return a.kind == b.kind && a.user == b.user && a.detail == b.detail && !a.retry && !b.retry;
}

void CredentialDialog::addRequest(const SecretRequest &request)
{
    m_queue.append(request);
    if (m_queue.size() == 1)
        showFirst();
    else
        updateSameCount(); // never clear what the person is typing for the first one
}

void CredentialDialog::updateSameCount()
{
    if (m_queue.isEmpty())
        return;
    int same = 0;
    for (const SecretRequest &other : std::as_const(m_queue))
        same += sameAsk(m_queue.first(), other);
    m_forAll->setText(tr("Use it for the %n host(s) asking the same", nullptr, same));
    m_forAll->setVisible(same > 1);
}

void CredentialDialog::showFirst()
{
    if (m_queue.isEmpty()) {
        hide();
        return;
    }
    const SecretRequest &r = m_queue.first();
    QString what;
    switch (r.kind) {
    case SecretKind::Password:
        what = r.detail.isEmpty() ? tr("the password of %1 on %2").arg(r.user, r.hostName)
                                  : tr("an answer for %1 on %2, which asks: %3").arg(r.user, r.hostName, r.detail);
        break;
    case SecretKind::Passphrase:
        what = tr("the passphrase of the key %1 (for %2)").arg(r.detail, r.hostName);
        break;
    case SecretKind::Sudo:
        what = tr("the sudo password of %1 on %2").arg(r.user, r.hostName);
        break;
    }
    const QString text = r.retry ? tr("That was not accepted. Chorus needs %1.").arg(what)
                                 : tr("Chorus needs %1.").arg(what);
    m_prompt->setText(text);
    updateSameCount();
    m_secret->clear();
    m_secret->setFocus();
    show();
    raise();
}

void CredentialDialog::answer(const QByteArray &secret, bool saveToKeychain, bool forAll)
{
    m_secret->setText(QString::fromUtf8(secret));
    m_save->setChecked(saveToKeychain && m_save->isEnabled());
    m_forAll->setChecked(forAll);
    finishFirst(true);
}

void CredentialDialog::finishFirst(bool given)
{
    if (m_queue.isEmpty())
        return;
    const SecretRequest first = m_queue.takeFirst();
    QByteArray secret = m_secret->text().toUtf8();
    m_secret->clear();
    QList<SecretRequest> served = {first};
    if (m_forAll->isChecked()) {
        for (auto it = m_queue.begin(); it != m_queue.end();) {
            if (sameAsk(first, *it)) {
                served.append(*it);
                it = m_queue.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (const SecretRequest &r : std::as_const(served)) {
        if (given)
            Q_EMIT provided(r, secret, m_save->isChecked());
        else
            Q_EMIT refused(r);
    }
    secret.fill('\0');
    showFirst();
}

} // namespace Chorus
