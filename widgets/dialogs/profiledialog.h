#pragma once

#include "model/profiles/profile.h"
#include "model/secrets/secretstore.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace Chorus {

// Edits every field of a host profile, with a "Test connection" button and the profile's
// secrets (password, key passphrase, sudo password), which go to the keychain only when
// "Save secrets to the keychain" is checked. Secrets typed here are never part of the profile.
class ProfileDialog : public QDialog
{
    Q_OBJECT
public:
    ProfileDialog(const Profile &profile, const QStringList &groups, QWidget *parent = nullptr);

    Profile profile() const;
    // Secrets typed in, by kind; empty when none was typed.
    QHash<SecretStore::Kind, QString> secrets() const;
    bool saveSecrets() const;
    // Shows what a connection test found.
    void showTestResult(bool ok, const QString &text);
    // A message naming the first invalid field, or empty.
    QString validate() const;

Q_SIGNALS:
    void testRequested(const Chorus::Profile &profile);

private:
    void updateAuthFields();

    Profile m_original;
    QLineEdit *m_name, *m_hostname, *m_user, *m_keyFile, *m_jump, *m_tags;
    QSpinBox *m_port, *m_connectTimeout, *m_jumpHandshakes;
    QComboBox *m_auth, *m_group, *m_policy;
    QCheckBox *m_sudo, *m_saveSecrets;
    QPlainTextEdit *m_notes;
    QLineEdit *m_password, *m_passphrase, *m_sudoPassword;
    QLabel *m_testResult;
};

} // namespace Chorus
