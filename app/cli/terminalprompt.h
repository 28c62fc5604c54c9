#pragma once

#include <QByteArray>
#include <QString>

namespace Chorus {

// Asks the person at the terminal for a secret (a password, a passphrase) without echoing what they
// type, the way ssh and sudo do: the prompt and the answer go through /dev/tty, so they work while
// stdout and stderr are redirected. Blocks the calling thread until Enter; a signal (Ctrl+C) ends the
// question unanswered.
class TerminalPrompt
{
public:
    // True when stdin is a terminal, so there is someone to ask.
    static bool isInteractive();
    // Shows prompt and reads one line with echo off. False when there is no terminal, at end of
    // input or when a signal interrupted the reading; *secret then stays empty.
    static bool readSecret(const QString &prompt, QByteArray *secret);
    // Same with echo on, for questions such as "accept this host key (yes/no)?".
    static bool readAnswer(const QString &prompt, QByteArray *answer);
    // Reads one line from stdin as it is (without its newline), for secrets piped in as `sudo -S`
    // takes them. False at end of input.
    static bool readLine(QByteArray *line);
    // OpenSSH's SSH_ASKPASS: the program asks instead of the terminal when SSH_ASKPASS names one and
    // either there is no terminal but a display (DISPLAY or WAYLAND_DISPLAY), or
    // SSH_ASKPASS_REQUIRE=force; SSH_ASKPASS_REQUIRE=never turns it off.
    static bool useAskPass();
    // Runs $SSH_ASKPASS with the prompt as its argument and takes the first line it prints. False when
    // it cannot run, exits non-zero (the person cancelled) or prints nothing.
    static bool askPass(const QString &prompt, QByteArray *answer);

private:
    static bool ask(const QString &prompt, bool echo, QByteArray *answer);
};

} // namespace Chorus
