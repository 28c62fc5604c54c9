#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Chorus {

// How a host's run ended.
enum class HostOutcome
{
    Ok,          // exit status 0
    NonZeroExit, // exit status other than 0, or killed by a signal
    Failed,      // never ran the command to its end: connect, host key, auth, channel or sudo trouble
    TimedOut,    // the connect or command deadline passed
    Cancelled,   // the caller cancelled it
};

QString hostOutcomeName(HostOutcome outcome);

// Where a failure happened, for callers that react differently (a host key dialog, a credential prompt).
enum class FailureKind
{
    None,
    Resolve,
    Connect,
    HostKeyUnknown,
    HostKeyChanged,
    Auth,
    Channel,
    Sudo,
    Protocol,
};

// Timestamps of each phase of one host's run, in microseconds since the run started;
// -1 where the phase was not reached. A reused connection skips resolve to auth.
struct PhaseTimes
{
    qint64 started = -1;       // left the queue
    qint64 resolved = -1;
    qint64 tcpConnected = -1;
    qint64 kexDone = -1;
    qint64 hostKeyChecked = -1;
    qint64 authenticated = -1;
    qint64 channelOpened = -1;
    qint64 execStarted = -1;
    qint64 firstByte = -1;
    qint64 exited = -1;        // exit status (or signal) received
    qint64 finished = -1;      // result complete
    // Through a jump host, in place of resolved and tcpConnected: its connection was ready for this
    // host (the wait for it, or for room among the handshakes through it), then the channel to the
    // host was open.
    qint64 jumpReady = -1;
    qint64 tunnelOpened = -1;
};

// The outcome of one host's run. Output is raw bytes, never decoded by the engine.
struct HostResult
{
    HostOutcome outcome = HostOutcome::Failed;
    FailureKind failure = FailureKind::None;
    int exitStatus = -1;       // -1: none received
    QString exitSignal;        // "TERM", "KILL", ... when the remote process died by a signal
    bool coreDumped = false;
    QByteArray stdoutData;     // at most the request's outputLimit bytes
    QByteArray stderrData;
    qint64 stdoutBytes = 0;    // what the host really sent
    qint64 stderrBytes = 0;
    QString error;             // a sentence for people, empty on success
    PhaseTimes times;
    bool reusedConnection = false;
    // TCP connections made to reach the host: more than one when the server dropped some before
    // authenticating them (sshd's MaxStartups) and the engine tried again.
    int connectAttempts = 0;
    // How the connection went, step by step, for `chorus run -v` and the host's details: the keys
    // offered, what the server refused, the library's own words. Server text in it is made printable.
    QStringList log;
    // What the host did not do of what was asked, though the command ran: a variable the server did not
    // accept. Printable sentences.
    QStringList warnings;
    // Transfers: bytes and files copied, files left alone by the overwrite policy.
    qint64 bytesTransferred = 0;
    int filesTransferred = 0;
    int filesSkipped = 0;

    bool truncated() const { return stdoutBytes > stdoutData.size() || stderrBytes > stderrData.size(); }
    // How the run ended, in words for people: "exit status 2", "killed by signal TERM (core dumped)",
    // the error. The one wording the command line, the compare views and exports share.
    QString endingText() const;
    bool hasExitStatus() const { return exitStatus >= 0; }
    qint64 durationUs() const;
};

} // namespace Chorus

Q_DECLARE_METATYPE(Chorus::HostResult)
