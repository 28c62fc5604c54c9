#pragma once

#include "model/core/hosttarget.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace Chorus {

class SshConfig;

// The command-line options that say which hosts to reach and how, shared by the subcommands that
// talk to hosts (`run`, `push` and `pull`), so they all read host lists the same way:
// -w/--hosts, -H/--hosts-file, -x/--exclude, --pick, -F/--ssh-config, -O/--option, -l/--user,
// --connect-timeout and --host-keys. Turns them into engine targets without touching the network, so
// bad input is refused before any connection.
class HostOptions
{
public:
    HostOptions();
    void addTo(QCommandLineParser *parser) const;

    // After parsing: every host named, resolved through the ssh config, in the order given, without
    // repeats. False with *error one line saying what is wrong (not prefixed with the command).
    // Config problems that ssh would also only warn about go to *warnings.
    bool resolve(const QCommandLineParser &parser, QList<HostTarget> *targets, QString *error,
                 QStringList *warnings) const;

    // Parses a number of seconds ("10", "1.5"); false unless it is finite and at least zero.
    static bool parseSeconds(const QString &text, int *milliseconds);

private:
    bool readHostsFile(const QString &path, QStringList *specs, QString *error) const;
    bool exclude(const QCommandLineParser &parser, const SshConfig &config, QList<HostTarget> *targets,
                 QStringList *typed, QString *error, QStringList *warnings) const;

    QCommandLineOption m_hosts;
    QCommandLineOption m_hostsFile;
    QCommandLineOption m_sshConfig;
    QCommandLineOption m_connectTimeout;
    QCommandLineOption m_hostKeys;
    QCommandLineOption m_exclude;
    QCommandLineOption m_pick;
    QCommandLineOption m_user;
    QCommandLineOption m_option;
};

} // namespace Chorus
