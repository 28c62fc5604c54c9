#pragma once

#include "sshworker/internal/enginebuild.h"

#include <QHostAddress>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace Chorus {

// Name resolution for the engine, off the worker threads (getaddrinfo blocks). A fixed number of
// threads take lookups from a queue; cancel() takes a lookup off the queue, and destroying the
// resolver drops everything queued and waits for nothing: a lookup already inside getaddrinfo ends on
// its own, and its answer goes nowhere. So cancelling a run, or quitting, never waits for thousands
// of names that do not resolve, where Qt's global thread pool made quitting wait for every one.
class Resolver
{
public:
    using Done = std::function<void(const QList<QHostAddress> &addresses, const QString &error)>;

    explicit Resolver(int threads = 8);
    ~Resolver();
    Resolver(const Resolver &) = delete;
    Resolver &operator=(const Resolver &) = delete;

    // done runs on a resolver thread (never after the resolver is gone); returns a ticket for cancel().
    quint64 lookUp(const QString &name, Done done);
    void cancel(quint64 ticket);

private:
    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace Chorus
