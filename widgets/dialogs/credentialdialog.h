#pragma once

#include "model/core/hostevents.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace Chorus {

// Asks for a password, a key passphrase or a sudo password when the engine needs one.
// Not modal: other hosts keep running while it is open. Requests for the same user and
// kind queue behind the first, and one answer can serve them all.
class CredentialDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CredentialDialog(QWidget *parent = nullptr);

    void addRequest(const SecretRequest &request);
    int pendingCount() const { return int(m_queue.size()); }
    // Whether a keychain is there to offer "save to keychain" at all.
    void setKeychainAvailable(bool available);

    // For tests: fill in and answer as a person would.
    void answer(const QByteArray &secret, bool saveToKeychain, bool forAll);

Q_SIGNALS:
    void provided(const Chorus::SecretRequest &request, const QByteArray &secret, bool saveToKeychain);
    void refused(const Chorus::SecretRequest &request);

private:
    void showFirst();
    void updateSameCount();
    void finishFirst(bool given);
    static bool sameAsk(const SecretRequest &a, const SecretRequest &b);

    QLabel *m_prompt;
    QLineEdit *m_secret;
    QCheckBox *m_save;
    QCheckBox *m_forAll;
    QList<SecretRequest> m_queue;
};

} // namespace Chorus
