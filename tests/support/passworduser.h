#pragma once

#include <QFile>
#include <QProcess>
#include <QString>

#include <unistd.h>

namespace Chorus {

// A throwaway local user with a password and sudo rights, for the fleet's password hosts:
// password, keyboard-interactive and sudo need a real account with a real password. Only
// root can make one (CI runs as root); remove() deletes it once its sessions are gone.
class PasswordUser
{
public:
    // One per test process, so suites running side by side (ctest -j) never share or remove each
    // other's user.
    static QString name() { return QStringLiteral("chorus-pw%1").arg(::getpid()); }
    static QByteArray secret() { return QByteArrayLiteral("Correct-Horse-42"); }
    static bool canCreate() { return ::getuid() == 0; }
    static QString whyNot()
    {
        return QStringLiteral("password, keyboard-interactive and sudo need a user with a password: "
                              "the test creates one only when run as root (CI is root)");
    }

    // Returns an error message, empty on success.
    QString create()
    {
        if (m_made)
            return {};
        QProcess::execute(QStringLiteral("userdel"), {name()});
        if (QProcess::execute(QStringLiteral("useradd"), {QStringLiteral("-M"), QStringLiteral("-s"), QStringLiteral("/bin/sh"),
                                                          QStringLiteral("-d"), QStringLiteral("/"), name()})
            != 0)
            return QStringLiteral("useradd failed");
        m_made = true;
        QProcess chpasswd;
        chpasswd.start(QStringLiteral("chpasswd"));
        chpasswd.write(name().toUtf8() + ':' + secret() + '\n');
        chpasswd.closeWriteChannel();
        if (!chpasswd.waitForFinished() || chpasswd.exitCode() != 0)
            return QStringLiteral("chpasswd failed");
        QFile sudoers(sudoersFile());
        if (!sudoers.open(QIODevice::WriteOnly))
            return QStringLiteral("cannot write ") + sudoersFile();
        sudoers.write(name().toUtf8() + " ALL=(ALL) ALL\nDefaults:" + name().toUtf8() + " !lecture\n");
        sudoers.close();
        sudoers.setPermissions(QFile::ReadOwner | QFile::ReadGroup);
        return {};
    }
    void remove()
    {
        if (!m_made)
            return;
        QProcess::execute(QStringLiteral("userdel"), {name()});
        QFile::remove(sudoersFile());
        m_made = false;
    }

private:
    static QString sudoersFile() { return QStringLiteral("/etc/sudoers.d/") + name(); }
    bool m_made = false;
};

} // namespace Chorus
