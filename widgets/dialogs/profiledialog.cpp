#include "widgets/dialogs/profiledialog.h"

#include "widgets/style/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace Chorus {

namespace {

QLineEdit *secretEdit(QWidget *parent, const QString &objectName)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    edit->setPlaceholderText(ProfileDialog::tr("unchanged"));
    return edit;
}

} // namespace

ProfileDialog::ProfileDialog(const Profile &profile, const QStringList &groups, QWidget *parent)
    : QDialog(parent)
    , m_original(profile)
{
    setObjectName(QStringLiteral("profileDialog"));
    setWindowTitle(profile.name.isEmpty() ? tr("New host") : tr("Edit %1").arg(profile.name));

    m_name = new QLineEdit(profile.name, this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_hostname = new QLineEdit(profile.hostname, this);
    m_hostname->setObjectName(QStringLiteral("hostnameEdit"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(1, 65535);
    m_port->setValue(profile.port);
    m_user = new QLineEdit(profile.user, this);
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_user->setPlaceholderText(tr("from ssh_config, or your user name"));

    m_auth = new QComboBox(this);
    m_auth->setObjectName(QStringLiteral("authCombo"));
    m_auth->addItem(tr("SSH agent"), int(AuthMethod::Agent));
    m_auth->addItem(tr("Key file"), int(AuthMethod::KeyFile));
    m_auth->addItem(tr("Password"), int(AuthMethod::Password));
    m_auth->addItem(tr("Keyboard-interactive"), int(AuthMethod::KeyboardInteractive));
    m_auth->setCurrentIndex(m_auth->findData(int(profile.auth)));
    connect(m_auth, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateAuthFields);

    m_keyFile = new QLineEdit(profile.keyFile, this);
    m_keyFile->setObjectName(QStringLiteral("keyFileEdit"));
    // In a row with its browse button, so the form's label is not its buddy.
    m_keyFile->setAccessibleName(tr("Private key file"));
    auto *browse = new QToolButton(this);
    browse->setText(tr("..."));
    browse->setAccessibleName(tr("Choose a key file"));
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Private key"), QDir::homePath() + QStringLiteral("/.ssh"));
        if (!file.isEmpty())
            m_keyFile->setText(file);
    });
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyFile);
    keyRow->addWidget(browse);

    m_jump = new QLineEdit(profile.jumpHost, this);
    m_jump->setObjectName(QStringLiteral("jumpEdit"));
    m_jump->setPlaceholderText(tr("[user@]host[:port], optional"));
    m_group = new QComboBox(this);
    m_group->setObjectName(QStringLiteral("groupCombo"));
    m_group->setEditable(true);
    m_group->addItems(groups);
    m_group->setEditText(profile.group);
    m_tags = new QLineEdit(profile.tags.join(QStringLiteral(", ")), this);
    m_tags->setObjectName(QStringLiteral("tagsEdit"));
    m_tags->setPlaceholderText(tr("comma-separated"));
    m_sudo = new QCheckBox(tr("Run commands with &sudo"), this);
    m_sudo->setChecked(profile.useSudo);
    m_connectTimeout = new QSpinBox(this);
    m_connectTimeout->setObjectName(QStringLiteral("connectTimeoutSpin"));
    m_connectTimeout->setRange(0, 600);
    m_connectTimeout->setSuffix(tr(" s"));
    m_connectTimeout->setSpecialValueText(tr("default"));
    m_connectTimeout->setValue(profile.connectTimeoutMs ? *profile.connectTimeoutMs / 1000 : 0);
    m_jumpHandshakes = new QSpinBox(this);
    m_jumpHandshakes->setObjectName(QStringLiteral("jumpHandshakesSpin"));
    m_jumpHandshakes->setRange(0, 1000);
    m_jumpHandshakes->setSpecialValueText(tr("default (32)"));
    m_jumpHandshakes->setValue(profile.jumpHandshakes.value_or(0));
    m_jumpHandshakes->setToolTip(tr("When other hosts are reached through this one: how many may be connecting "
                                    "through it at once"));
    m_jumpHandshakes->setAccessibleName(tr("Hosts connecting through this jump host at once"));
    m_policy = new QComboBox(this);
    m_policy->setObjectName(QStringLiteral("policyCombo"));
    m_policy->addItem(tr("Default"), QString());
    m_policy->addItem(tr("Ask"), QStringLiteral("ask"));
    m_policy->addItem(tr("Accept new keys"), QStringLiteral("accept-new"));
    m_policy->addItem(tr("Strict"), QStringLiteral("strict"));
    if (profile.hostKeyPolicy)
        m_policy->setCurrentIndex(m_policy->findData(hostKeyPolicyName(*profile.hostKeyPolicy)));
    m_notes = new QPlainTextEdit(profile.notes, this);
    m_notes->setObjectName(QStringLiteral("notesEdit"));
    m_notes->setMaximumHeight(80);

    m_password = secretEdit(this, QStringLiteral("passwordEdit"));
    m_passphrase = secretEdit(this, QStringLiteral("passphraseEdit"));
    m_sudoPassword = secretEdit(this, QStringLiteral("sudoPasswordEdit"));
    m_saveSecrets = new QCheckBox(tr("Sa&ve secrets to the keychain"), this);
    m_saveSecrets->setObjectName(QStringLiteral("saveSecretsCheck"));
    m_saveSecrets->setChecked(true);
    QString why;
    if (!SecretStore::probeBackend(&why)) {
        m_saveSecrets->setChecked(false);
        m_saveSecrets->setEnabled(false);
        m_saveSecrets->setToolTip(why);
    }

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Host:"), m_hostname);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Authentication:"), m_auth);
    // A row of several widgets gets no buddy from the form: without one the '&' would show as text.
    auto *keyLabel = new QLabel(tr("&Key file:"), this);
    keyLabel->setBuddy(m_keyFile);
    form->addRow(keyLabel, keyRow);
    form->addRow(tr("K&ey passphrase:"), m_passphrase);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(tr("&Jump host:"), m_jump);
    form->addRow(tr("&Group:"), m_group);
    form->addRow(tr("&Tags:"), m_tags);
    form->addRow(QString(), m_sudo);
    form->addRow(tr("Sudo passwo&rd:"), m_sudoPassword);
    form->addRow(tr("&Connect timeout:"), m_connectTimeout);
    form->addRow(tr("As a jump host, at &most:"), m_jumpHandshakes);
    form->addRow(tr("Unknown host ke&ys:"), m_policy);
    form->addRow(tr("N&otes:"), m_notes);
    form->addRow(QString(), m_saveSecrets);

    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    QPushButton *test = buttons->addButton(tr("Test connect&ion"), QDialogButtonBox::ActionRole);
    test->setObjectName(QStringLiteral("testButton"));
    connect(test, &QPushButton::clicked, this, [this] {
        if (const QString problem = validate(); !problem.isEmpty()) {
            showTestResult(false, problem);
            return;
        }
        m_testResult->setText(tr("Connecting..."));
        Q_EMIT testRequested(this->profile());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (const QString problem = validate(); !problem.isEmpty()) {
            showTestResult(false, problem);
            return;
        }
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_testResult);
    layout->addWidget(buttons);
    updateAuthFields();
}

void ProfileDialog::updateAuthFields()
{
    const auto auth = AuthMethod(m_auth->currentData().toInt());
    m_keyFile->setEnabled(auth == AuthMethod::KeyFile);
    m_passphrase->setEnabled(auth == AuthMethod::KeyFile);
    m_password->setEnabled(auth == AuthMethod::Password || auth == AuthMethod::KeyboardInteractive);
}

QString ProfileDialog::validate() const
{
    if (m_name->text().trimmed().isEmpty() && m_hostname->text().trimmed().isEmpty())
        return tr("A host needs a name or a host name.");
    if (m_hostname->text().trimmed().contains(u' '))
        return tr("The host name \"%1\" contains a space.").arg(m_hostname->text().trimmed());
    if (AuthMethod(m_auth->currentData().toInt()) == AuthMethod::KeyFile && m_keyFile->text().trimmed().isEmpty())
        return tr("Key file authentication needs a key file.");
    return {};
}

Profile ProfileDialog::profile() const
{
    Profile p = m_original;
    p.hostname = m_hostname->text().trimmed();
    p.name = m_name->text().trimmed().isEmpty() ? p.hostname : m_name->text().trimmed();
    p.port = quint16(m_port->value());
    p.user = m_user->text().trimmed();
    p.auth = AuthMethod(m_auth->currentData().toInt());
    p.keyFile = m_keyFile->text().trimmed();
    p.jumpHost = m_jump->text().trimmed();
    p.group = Profile::normalizeGroup(m_group->currentText());
    p.tags = Profile::normalizeTags(m_tags->text().split(u','));
    p.useSudo = m_sudo->isChecked();
    p.notes = m_notes->toPlainText();
    p.connectTimeoutMs = m_connectTimeout->value() > 0 ? std::optional<int>(m_connectTimeout->value() * 1000) : std::nullopt;
    p.jumpHandshakes = m_jumpHandshakes->value() > 0 ? std::optional<int>(m_jumpHandshakes->value()) : std::nullopt;
    HostKeyPolicy policy;
    p.hostKeyPolicy = parseHostKeyPolicy(m_policy->currentData().toString(), &policy) ? std::optional(policy) : std::nullopt;
    return p;
}

QHash<SecretStore::Kind, QString> ProfileDialog::secrets() const
{
    QHash<SecretStore::Kind, QString> map;
    if (!m_password->text().isEmpty() && m_password->isEnabled())
        map.insert(SecretStore::Kind::Password, m_password->text());
    if (!m_passphrase->text().isEmpty() && m_passphrase->isEnabled())
        map.insert(SecretStore::Kind::KeyPassphrase, m_passphrase->text());
    if (!m_sudoPassword->text().isEmpty())
        map.insert(SecretStore::Kind::SudoPassword, m_sudoPassword->text());
    return map;
}

bool ProfileDialog::saveSecrets() const
{
    return m_saveSecrets->isChecked();
}

void ProfileDialog::showTestResult(bool ok, const QString &text)
{
    m_testResult->setText(text);
    const QColor color = ok ? Theme::successText(palette()) : Theme::errorText(palette());
    m_testResult->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(color.name()));
}

} // namespace Chorus
