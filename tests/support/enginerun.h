#pragma once

#include "sshworker/workerpool.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QList>
#include <QTimer>

#include <functional>

namespace Chorus {

// Test helper: starts one run on a pool and collects everything the pool reports about it,
// so a test can wait for the run's end and then look at results, output and states.
class EngineRun : public QObject
{
public:
    EngineRun(WorkerPool *pool, const RunRequest &request)
        : m_pool(pool)
        , m_request(request)
    {
        connect(pool, &WorkerPool::hostStateChanged, this, [this](RunId run, int host, HostState state) {
            if (run != m_id)
                return;
            states[host].append(state);
            if (onState)
                onState(host, state);
        });
        connect(pool, &WorkerPool::outputReceived, this, [this](const OutputChunk &chunk) {
            if (chunk.run != m_id)
                return;
            (chunk.isStderr ? err : out)[chunk.host] += chunk.data;
            chunks[chunk.host].append({clock.elapsed(), chunk});
        });
        connect(pool, &WorkerPool::hostFinished, this, [this](RunId run, int host, const HostResult &r) {
            if (run == m_id)
                results.insert(host, r);
        });
        connect(pool, &WorkerPool::runFinished, this, [this](RunId run) {
            if (run == m_id) {
                finished = true;
                m_loop.quit();
            }
        });
        connect(pool, &WorkerPool::hostKeyQuestion, this, [this](const HostKeyQuestion &q) {
            if (q.run == m_id) {
                questions.append(q);
                if (onQuestion)
                    onQuestion(q);
            }
        });
        connect(pool, &WorkerPool::secretRequested, this, [this](const SecretRequest &r) {
            if (r.run == m_id) {
                secretRequests.append(r);
                if (onSecret)
                    onSecret(r);
            }
        });
    }

    RunId start()
    {
        clock.start();
        m_id = m_pool->start(m_request);
        return m_id;
    }
    // Runs the event loop until the run ends or timeoutMs pass; true when it ended.
    bool wait(int timeoutMs = 60000)
    {
        if (!finished) {
            QTimer::singleShot(timeoutMs, &m_loop, &QEventLoop::quit);
            m_loop.exec();
        }
        return finished;
    }
    bool run(int timeoutMs = 60000)
    {
        start();
        return wait(timeoutMs);
    }
    RunId id() const { return m_id; }

    QHash<int, HostResult> results;
    QHash<int, QByteArray> out, err;
    QHash<int, QList<QPair<qint64, OutputChunk>>> chunks;
    QHash<int, QList<HostState>> states;
    QList<HostKeyQuestion> questions;
    QList<SecretRequest> secretRequests;
    std::function<void(const HostKeyQuestion &)> onQuestion;
    std::function<void(const SecretRequest &)> onSecret;
    std::function<void(int, HostState)> onState;
    bool finished = false;
    QElapsedTimer clock;

private:
    WorkerPool *m_pool;
    RunRequest m_request;
    RunId m_id = 0;
    QEventLoop m_loop;
};

} // namespace Chorus
