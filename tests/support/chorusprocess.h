#pragma once

// The built `chorus` run as a user runs it: arguments, optionally bytes on its stdin (else stdin is
// at its end at once, so nothing waits for input), a time limit; what it printed and how it ended.
#include <QElapsedTimer>
#include <QProcess>
#include <QStringList>

#include <optional>

namespace Chorus {

struct ChorusRun
{
    bool finished = false;
    int status = -1; // -1: killed by a signal (a crash), or never finished
    QByteArray out;
    QByteArray err;
    qint64 ms = 0;
};

inline ChorusRun runChorus(const QString &program, const QStringList &args,
                           const std::optional<QByteArray> &input = std::nullopt, int timeoutMs = 60000)
{
    ChorusRun ran;
    QProcess p;
    QElapsedTimer timer;
    timer.start();
    p.start(program, args);
    if (!p.waitForStarted())
        return ran;
    if (input) {
        p.write(*input);
        // Written as chorus reads it: a large input does not sit whole in QProcess's buffer.
        while (p.bytesToWrite() > 0 && p.state() == QProcess::Running && timer.elapsed() < timeoutMs)
            p.waitForBytesWritten(1000);
    }
    p.closeWriteChannel();
    // It may have ended already, while its input was still being written (waitForFinished is then false).
    ran.finished = p.state() == QProcess::NotRunning
        || p.waitForFinished(int(qMax<qint64>(1, timeoutMs - timer.elapsed())));
    if (!ran.finished) {
        p.kill();
        p.waitForFinished();
    }
    ran.ms = timer.elapsed();
    ran.status = ran.finished && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    ran.out = p.readAllStandardOutput();
    ran.err = p.readAllStandardError();
    return ran;
}

} // namespace Chorus
