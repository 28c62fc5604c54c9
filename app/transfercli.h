#pragma once

#include "hostevents.h"
#include "hostresult.h"
#include "runrequest.h"
#include "secretcache.h"
#include "transferprogress.h"
#include "workerpool.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

namespace Chorus {

// `chorus push` and `chorus pull`: copies files to or from many hosts at once over SFTP, with the
// same host options and exit statuses as `chorus run` (RunCli::Status). Push sends local files and
// folders into a remote folder on every host; pull fetches a remote file or folder from every host
// into LOCAL_DIR/HOST/. Prints one line per host (or one JSON object with --json) and, when stderr is
// a terminal, one updating progress line. Ctrl+C cancels; copies then in flight leave no file behind.
class TransferCli : public QObject
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
    void onSecretRequested(const SecretRequest &request);
    void onHostKeyQuestion(const HostKeyQuestion &question);
    void onInterrupt();
    void drawProgress();
    void clearProgress();
    void message(const QString &text);
    QString name() const;

    TransferDirection m_direction;
    TransferSpec m_spec;
    QList<HostTarget> m_targets;
    QStringList m_warnings;
    int m_fanout = 64;
    int m_threads = 0;
    int m_stallMs = PoolSettings().transferStallMs;
    bool m_json = false;

    std::unique_ptr<WorkerPool> m_pool;
    RunId m_run = 0;
    int m_finished = 0;
    int m_failed = 0;
    int m_status = 0;
    bool m_interrupted = false;
    SecretCache m_secrets;
    TransferProgress m_progress;
    QElapsedTimer m_clock;
    QTimer m_progressTimer;
    bool m_progressEnabled = false;
    bool m_progressShown = false;
};

} // namespace Chorus
