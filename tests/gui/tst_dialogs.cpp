// The dialogs on their own, as a person fills them in (offscreen).
#include "model/core/appsettings.h"
#include "widgets/dialogs/credentialdialog.h"
#include "widgets/dialogs/hostkeydialog.h"
#include "widgets/dialogs/profiledialog.h"
#include "widgets/dialogs/settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace Chorus;

class TestDialogs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("chorus"));
        QVERIFY2(QSettings().fileName().startsWith(QDir::homePath()), "run through tests/testenv.sh");
    }

    void profileDialogKeepsWhatItWasGiven()
    {
        Profile p = Profile::create();
        p.name = QStringLiteral("web1");
        p.hostname = QStringLiteral("10.0.0.5");
        p.port = 2222;
        p.user = QStringLiteral("deploy");
        p.auth = AuthMethod::KeyFile;
        p.keyFile = QStringLiteral("/home/x/.ssh/id_ed25519");
        p.jumpHost = QStringLiteral("bastion");
        p.tags = {QStringLiteral("web"), QStringLiteral("eu")};
        p.group = QStringLiteral("prod/web");
        p.notes = QStringLiteral("front door");
        p.useSudo = true;
        p.connectTimeoutMs = 5000;
        p.hostKeyPolicy = HostKeyPolicy::AcceptNew;
        ProfileDialog dialog(p, {QStringLiteral("prod/web")});
        QCOMPARE(dialog.profile(), p);
        QVERIFY(dialog.secrets().isEmpty());
        QVERIFY(dialog.validate().isEmpty());
    }

    void profileDialogEditsAndSecrets()
    {
        ProfileDialog dialog(Profile::create(), {});
        dialog.findChild<QLineEdit *>(QStringLiteral("hostnameEdit"))->setText(QStringLiteral("db.example.com"));
        auto *auth = dialog.findChild<QComboBox *>(QStringLiteral("authCombo"));
        auth->setCurrentIndex(auth->findData(int(AuthMethod::KeyFile)));
        // A key file login without a key file is refused, naming the field.
        QVERIFY(dialog.validate().contains(QStringLiteral("key file")));
        auth->setCurrentIndex(auth->findData(int(AuthMethod::Password)));
        QVERIFY(dialog.validate().isEmpty());
        dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(QStringLiteral("s3cret"));
        dialog.findChild<QLineEdit *>(QStringLiteral("tagsEdit"))->setText(QStringLiteral(" db, DB , eu,"));
        const Profile p = dialog.profile();
        QCOMPARE(p.name, QStringLiteral("db.example.com")); // the host name when no name is given
        QCOMPARE(p.auth, AuthMethod::Password);
        QCOMPARE(p.tags, (QStringList{QStringLiteral("db"), QStringLiteral("eu")}));
        QCOMPARE(dialog.secrets().value(SecretStore::Kind::Password), QStringLiteral("s3cret"));
        // The password field is for password logins only: a passphrase is not taken from it.
        QVERIFY(!dialog.secrets().contains(SecretStore::Kind::KeyPassphrase));
    }

    void settingsDialogSavesThroughAppSettings()
    {
        QSettings().clear();
        SettingsDialog dialog;
        auto *fanout = dialog.findChild<QSpinBox *>(AppSettings::key(AppSettings::Fanout).replace(u'/', u'_'));
        QVERIFY(fanout);
        QCOMPARE(fanout->value(), 64);
        fanout->setValue(12);
        auto *policy = dialog.findChild<QComboBox *>(QStringLiteral("hostKeyPolicyCombo"));
        policy->setCurrentIndex(policy->findData(QStringLiteral("strict")));
        auto *scrollback =
            dialog.findChild<QSpinBox *>(AppSettings::key(AppSettings::TerminalScrollback).replace(u'/', u'_'));
        auto *textSize =
            dialog.findChild<QSpinBox *>(AppSettings::key(AppSettings::TerminalFontPoints).replace(u'/', u'_'));
        QVERIFY(scrollback && textSize);
        QCOMPARE(scrollback->value(), 5000);
        QCOMPARE(textSize->text(), tr("as the window")); // 0
        scrollback->setValue(20000);
        textSize->setValue(13);
        dialog.save();
        QCOMPARE(AppSettings::intValue(AppSettings::TerminalScrollback), 20000);
        QCOMPARE(AppSettings::intValue(AppSettings::TerminalFontPoints), 13);
        QCOMPARE(AppSettings::intValue(AppSettings::Fanout), 12);
        QCOMPARE(AppSettings::value(AppSettings::HostKeyPolicy).toString(), QStringLiteral("strict"));
        // Defaults are not written: a later default change reaches the user.
        QVERIFY(!QSettings().contains(AppSettings::key(AppSettings::Threads)));
    }

    void hostKeyDialogAnswersEachQuestion()
    {
        HostKeyDialog dialog;
        QSignalSpy answered(&dialog, &HostKeyDialog::answered);
        dialog.addQuestion({1, 0, QStringLiteral("a"), QStringLiteral("a"), QStringLiteral("ssh-ed25519"), QStringLiteral("SHA256:x"), {}});
        dialog.addQuestion({1, 1, QStringLiteral("b"), QStringLiteral("b"), QStringLiteral("ssh-ed25519"), QStringLiteral("SHA256:y"), {}});
        QCOMPARE(dialog.pendingCount(), 2);
        dialog.setChecked(QStringLiteral("b"), false);
        dialog.findChild<QPushButton *>(QStringLiteral("acceptSelected"))->click();
        QCOMPARE(answered.size(), 2);
        QCOMPARE(answered[0][0].value<HostKeyQuestion>().hostName, QStringLiteral("a"));
        QCOMPARE(answered[0][1].toBool(), true);
        QCOMPARE(answered[1][1].toBool(), false);
        QCOMPARE(dialog.pendingCount(), 0);
        dialog.addQuestion({2, 0, QStringLiteral("c"), QStringLiteral("c"), QStringLiteral("ssh-ed25519"), QStringLiteral("SHA256:z"), {}});
        dialog.findChild<QPushButton *>(QStringLiteral("rejectAll"))->click();
        QCOMPARE(answered.last()[1].toBool(), false);
    }

    void credentialDialogServesTheSameAskOnce()
    {
        CredentialDialog dialog;
        QSignalSpy provided(&dialog, &CredentialDialog::provided);
        QSignalSpy refused(&dialog, &CredentialDialog::refused);
        const SecretRequest a{1, 0, QStringLiteral("web1"), QStringLiteral("ops"), SecretKind::Sudo, {}, false};
        const SecretRequest b{1, 1, QStringLiteral("web2"), QStringLiteral("ops"), SecretKind::Sudo, {}, false};
        const SecretRequest c{1, 2, QStringLiteral("db1"), QStringLiteral("dba"), SecretKind::Password, {}, false};
        dialog.addRequest(a);
        dialog.addRequest(b);
        dialog.addRequest(c);
        QCOMPARE(dialog.pendingCount(), 3);
        dialog.answer("pw", false, true); // "use it for every host asking the same"
        QCOMPARE(provided.size(), 2);
        QCOMPARE(provided[1][0].value<SecretRequest>().host, 1);
        QCOMPARE(provided[0][1].toByteArray(), QByteArray("pw"));
        QCOMPARE(dialog.pendingCount(), 1); // another user's password is asked separately
        QMetaObject::invokeMethod(dialog.findChild<QDialogButtonBox *>(), "rejected");
        QCOMPARE(refused.size(), 1);
        QCOMPARE(dialog.pendingCount(), 0);
        QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("secretEdit"))->text().isEmpty()); // not kept
    }
};

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
