#pragma once

#include "app/cli/hostcommand.h"
#include "model/session/transferprogress.h"
#include "sshworker/workerpool.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

namespace Chorus {

// `chorus push` and `chorus pull`: copies files to or from many hosts at once over SFTP, with the
// same host options and exit statuses as `chorus run` (HostCommand::Status). Push sends local files and
// folders into a remote folder on every host; pull fetches a remote file or folder from every host
// into LOCAL_DIR/HOST/. Prints one line per host (or one JSON object with --json) and, when stderr is
// a terminal, one updating progress line. Ctrl+C cancels; copies then in flight leave no file behind.
class TransferCli : public HostCommand
{
    Q_OBJECT
public:
    // argv[1] is "push" or "pull".
    static int main(int argc, char *argv[]);

private:
    explicit TransferCli(TransferDirection direction);
    ~TransferCli() override;

    int exec(const QStringList &arguments);
    bool parse(const QStringList &arguments, QString *error, bool *answered);
    void onHostFinished(RunId run, int host, const HostResult &result);
    void onProgress(RunId run, int host, qint64 done, qint64 total);
    void onRunFinished(RunId run);
    void onInterrupt(int count) override;
    void prepareStderr() override;
    void drawProgress();

    TransferDirection m_direction;
    TransferSpec m_spec;
    QStringList m_warnings;
    int m_stallMs = PoolSettings().transferStallMs;
    bool m_json = false;

    int m_finished = 0;
    int m_failed = 0;
    int m_status = 0;
    TransferProgress m_progress;
    QElapsedTimer m_clock;
    QTimer m_progressTimer;
    bool m_progressEnabled = false;
    bool m_progressShown = false;
};

} // namespace Chorus
