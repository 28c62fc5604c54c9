#include "app/cli/hostcommand.h"

#include "app/cli/clioutput.h"
#include "app/cli/terminalprompt.h"
#include "app/interrupthandler.h"
#include "model/core/printable.h"
#include "sshworker/workerpool.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QMutex>

#include <algorithm>
#include <unistd.h>

namespace Chorus {

namespace {

QMutex g_stderrMutex;
QByteArray g_messagePrefix; // "chorus run: "
bool g_stderrIsTerminal = false;

// The engine logs a few things worth seeing (a recorded host key), from any thread. They read like the
// rest of our messages and do not land in the middle of a progress line.
void printMessage(QtMsgType type, const QMessageLogContext &, const QString &text)
{
    QByteArray line = g_stderrIsTerminal ? CliOutput::clearLine() : QByteArray();
    line += g_messagePrefix;
    const bool warning = type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg;
    line += (warning ? QCoreApplication::translate("HostCommand", "warning: %1").arg(text) : text).toLocal8Bit() +
            '\n';
    HostCommand::writeStderr(line);
}

// Whole sentences per kind of secret, so that a translation never has to fit a word into one.
QString noSecretGiven(const SecretRequest &request, bool couldAsk)
{
    switch (request.kind) {
    case SecretKind::Password:
        return couldAsk ? QCoreApplication::translate("HostCommand", "%1: a password is needed and none was given")
                              .arg(request.hostName)
                        : QCoreApplication::translate("HostCommand", "%1: a password is needed and none was given "
                                                                "(stdin is not a terminal to ask on)")
                              .arg(request.hostName);
    case SecretKind::Passphrase:
        return couldAsk
                   ? QCoreApplication::translate("HostCommand", "%1: a passphrase is needed and none was given")
                         .arg(request.hostName)
                   : QCoreApplication::translate("HostCommand", "%1: a passphrase is needed and none was given "
                                                           "(stdin is not a terminal to ask on)")
                         .arg(request.hostName);
    case SecretKind::Sudo:
        return QCoreApplication::translate("HostCommand", "%1: a sudo password is needed and none was given")
            .arg(request.hostName);
    }
    return {};
}

} // namespace

HostCommand::Status HostCommand::statusOf(const HostResult &result)
{
    switch (result.outcome) {
    case HostOutcome::Ok:
        return HostCommand::AllOk;
    case HostOutcome::NonZeroExit:
        return HostCommand::CommandFailed;
    case HostOutcome::Failed:
    case HostOutcome::TimedOut:
    case HostOutcome::Cancelled:
        break;
    }
    return HostCommand::HostFailed;
}

HostCommand::HostCommand(const QString &name)
    : m_name(name)
    , m_fanoutOption({QStringLiteral("f"), QStringLiteral("fanout")},
                     QCoreApplication::translate("HostCommand", "Hosts in flight at once (default 64)."),
                     QStringLiteral("N"))
    , m_threadsOption(QStringLiteral("threads"),
                      QCoreApplication::translate("HostCommand", "SSH worker threads (default: one per CPU core)."),
                      QStringLiteral("N"))
    , m_verboseOption({QStringLiteral("v"), QStringLiteral("verbose")},
                      QCoreApplication::translate("HostCommand",
                                                  "Say how each host's connection went, as ssh -v does: the keys "
                                                  "offered, what the server refused, retries."))
{
    g_messagePrefix = "chorus " + name.toLocal8Bit() + ": ";
    g_stderrIsTerminal = ::isatty(STDERR_FILENO) == 1;
}

HostCommand::~HostCommand()
{
    // The pool goes first: it may still deliver results to this object while shutting down.
    m_pool.reset();
    qInstallMessageHandler(nullptr);
    if (m_sudoPasswordFromStdin)
        m_sudoPasswordFromStdin->fill(0);
}

void HostCommand::writeStderr(const QByteArray &data)
{
    QMutexLocker lock(&g_stderrMutex);
    CliOutput::writeAll(STDERR_FILENO, data);
}

bool HostCommand::stderrIsTerminal()
{
    return g_stderrIsTerminal;
}

bool HostCommand::parseCount(const QString &text, int minimum, int maximum, int *value)
{
    bool ok = false;
    const int n = text.trimmed().toInt(&ok);
    if (!ok || n < minimum || n > maximum)
        return false;
    *value = n;
    return true;
}

void HostCommand::addCommonOptions(QCommandLineParser *parser) const
{
    parser->addHelpOption();
    // --version only: -v is --verbose here, as in ssh (whose version flag is -V).
    parser->addOption(QCommandLineOption(QStringLiteral("version"),
                                         QCoreApplication::translate("HostCommand", "Displays version information.")));
    m_hostOptions.addTo(parser);
    parser->addOption(m_fanoutOption);
    parser->addOption(m_threadsOption);
    parser->addOption(m_verboseOption);
}

bool HostCommand::readCommonOptions(const QCommandLineParser &parser, const QString &usage, QString *error,
                                    bool *answered)
{
    if (parser.isSet(QStringLiteral("help"))) {
        QString help = parser.helpText();
        // The parser names the program by its path; this is a subcommand.
        help.replace(0, help.indexOf(u'\n'), usage);
        CliOutput::writeAll(STDOUT_FILENO, help.toLocal8Bit());
        *answered = true;
        return true;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        CliOutput::writeAll(STDOUT_FILENO, QByteArrayLiteral("chorus ") + CHORUS_VERSION + '\n');
        *answered = true;
        return true;
    }
    m_verbose = parser.isSet(m_verboseOption);
    if (parser.isSet(m_fanoutOption) && !parseCount(parser.value(m_fanoutOption), 1, 1'000'000, &m_fanout)) {
        *error = QCoreApplication::translate("HostCommand", "--fanout: %1 is not a whole number of at least 1")
                     .arg(CliOutput::quoted(parser.value(m_fanoutOption)));
        return false;
    }
    if (parser.isSet(m_threadsOption) && !parseCount(parser.value(m_threadsOption), 1, 256, &m_threads)) {
        *error = QCoreApplication::translate("HostCommand", "--threads: %1 is not a whole number from 1 to 256")
                     .arg(CliOutput::quoted(parser.value(m_threadsOption)));
        return false;
    }
    return true;
}

void HostCommand::startPool(const PoolSettings &settings)
{
    qInstallMessageHandler(printMessage);
    auto *interrupts = new InterruptHandler(this);
    m_pool = interrupts->startPool(settings);
    connect(interrupts, &InterruptHandler::interrupted, this, &HostCommand::onInterrupt);
    connect(m_pool.get(), &WorkerPool::secretRequested, this, &HostCommand::onSecretRequested);
    connect(m_pool.get(), &WorkerPool::hostKeyQuestion, this, &HostCommand::onHostKeyQuestion);
}

void HostCommand::describeConnection(const QString &host, const HostResult &result)
{
    if (!m_verbose)
        return;
    QByteArray text;
    for (const QString &line : result.log)
        text += g_messagePrefix + host.toLocal8Bit() + ": debug: " + line.toLocal8Bit() + '\n';
    if (result.connectAttempts > 1)
        text += g_messagePrefix + host.toLocal8Bit() + ": debug: "
                + QCoreApplication::translate("HostCommand", "connected on attempt %1").arg(result.connectAttempts).toLocal8Bit()
                + '\n';
    if (!text.isEmpty()) {
        prepareStderr();
        writeStderr(text);
    }
}

void HostCommand::message(const QString &text)
{
    prepareStderr();
    writeStderr(g_messagePrefix + text.toLocal8Bit() + '\n');
}

void HostCommand::onSecretRequested(const SecretRequest &request)
{
    if (request.run != m_run)
        return;
    QByteArray secret;
    bool got = false;
    if (m_secrets.find(request, &secret, &got)) {
        m_pool->provideSecret(request.run, request.host, secret, got);
        return;
    }
    if (!m_interrupted) {
        prepareStderr();
        got = askSecret(request, &secret);
    }
    if (!got && !m_interrupted) {
        message(noSecretGiven(request, TerminalPrompt::isInteractive()));
    }
    // Refused (null) answers are not asked again for the rest of the run; an empty answer is an answer.
    secret = m_secrets.store(request, secret, got);
    m_pool->provideSecret(request.run, request.host, secret, got);
}

bool HostCommand::readSudoPasswordFromStdin()
{
    if (TerminalPrompt::isInteractive() || TerminalPrompt::useAskPass())
        return true; // asked when sudo asks
    QByteArray line;
    if (!TerminalPrompt::readLine(&line))
        return false;
    m_sudoPasswordFromStdin = line;
    line.fill(0);
    return true;
}

// As ssh asks: on the terminal, or through $SSH_ASKPASS where ssh would use it (no terminal, or
// SSH_ASKPASS_REQUIRE=force). A password is asked once per user for the whole run (SecretCache), so
// the prompt says for how many hosts it will be used.
bool HostCommand::askSecret(const SecretRequest &request, QByteArray *secret) const
{
    const int sameUser = int(std::count_if(m_targets.cbegin(), m_targets.cend(),
                                           [&request](const HostTarget &t) { return t.user == request.user; }));
    const bool askPass = TerminalPrompt::useAskPass();
    const auto ask = [&](const QString &prompt) {
        if (askPass)
            return TerminalPrompt::askPass(prompt, secret);
        return TerminalPrompt::isInteractive() && TerminalPrompt::readSecret(prompt, secret);
    };
    switch (request.kind) {
    case SecretKind::Sudo:
        if (m_sudoPasswordFromStdin) {
            *secret = *m_sudoPasswordFromStdin;
            return true;
        }
        if (TerminalPrompt::isInteractive() || askPass)
            return ask(QCoreApplication::translate("HostCommand", "[sudo] password for %1 on the hosts: ").arg(request.user));
        return TerminalPrompt::readLine(secret);
    case SecretKind::Password: {
        // The server's own prompt (keyboard-interactive) is its text: made printable first.
        const QString serverPrompt = printable(request.detail.trimmed(), 120);
        QString prompt;
        if (sameUser > 1) {
            prompt = serverPrompt.isEmpty()
                         ? QCoreApplication::translate("HostCommand", "%1@%2's password (used for %1 on %n host(s)): ",
                                                       nullptr, sameUser)
                               .arg(request.user, request.hostName)
                         : QCoreApplication::translate("HostCommand", "%1@%2: %3 (used for %1 on %n host(s)) ", nullptr,
                                                       sameUser)
                               .arg(request.user, request.hostName, serverPrompt);
        } else {
            prompt = serverPrompt.isEmpty()
                         ? QCoreApplication::translate("HostCommand", "%1@%2's password: ").arg(request.user, request.hostName)
                         : QStringLiteral("%1@%2: %3 ").arg(request.user, request.hostName, serverPrompt);
        }
        if (request.retry)
            prompt = QCoreApplication::translate("HostCommand", "that was refused; %1").arg(prompt);
        return ask(prompt);
    }
    case SecretKind::Passphrase: {
        const QString prompt =
            request.retry ? QCoreApplication::translate("HostCommand", "that was refused; Enter passphrase for key '%1': ")
                          : QCoreApplication::translate("HostCommand", "Enter passphrase for key '%1': ");
        return ask(prompt.arg(request.detail));
    }
    }
    return false;
}

bool HostCommand::askHostKey(const HostKeyQuestion &question)
{
    if (!TerminalPrompt::isInteractive())
        return false;
    QByteArray answer;
    const QString prompt =
        QCoreApplication::translate("HostCommand", "The authenticity of host '%1' can't be established.\n%2 key "
                                              "fingerprint is %3.\nRecord it in %4 and connect (yes/no)? ")
            .arg(question.lookupName, question.keyType, question.fingerprint, question.knownHostsFile);
    return TerminalPrompt::readAnswer(prompt, &answer) && answer.trimmed() == "yes";
}

// Only reachable through an ssh config that says "StrictHostKeyChecking ask": then ask like ssh does.
void HostCommand::onHostKeyQuestion(const HostKeyQuestion &question)
{
    if (question.run != m_run)
        return;
    bool accept = false;
    if (!m_interrupted && TerminalPrompt::isInteractive()) {
        prepareStderr();
        accept = askHostKey(question);
    }
    m_pool->answerHostKey(question.run, question.host, accept);
}

} // namespace Chorus
