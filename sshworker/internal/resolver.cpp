#include "sshworker/internal/resolver.h"

#include <QFile>

#include <condition_variable>
#include <netdb.h>
#include <sys/socket.h>
#include <deque>
#include <mutex>
#include <thread>

namespace Chorus {

struct Resolver::State
{
    struct Lookup
    {
        quint64 ticket = 0;
        QString name;
        Done done;
    };
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<Lookup> queue;
    quint64 nextTicket = 1;
    bool stopping = false;

    // getaddrinfo itself rather than QHostInfo: a thread still inside it when the program ends must
    // not be using Qt's own state then.
    static void resolve(const QString &name, QList<QHostAddress> *addresses, QString *error)
    {
        addrinfo hints{};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        addrinfo *found = nullptr;
        const int rc = ::getaddrinfo(QFile::encodeName(name).constData(), nullptr, &hints, &found);
        if (rc != 0) {
            *error = QString::fromLocal8Bit(gai_strerror(rc));
            return;
        }
        for (const addrinfo *a = found; a; a = a->ai_next) {
            const QHostAddress address(a->ai_addr);
            if (!address.isNull() && !addresses->contains(address))
                addresses->append(address);
        }
        ::freeaddrinfo(found);
    }

    // Shared with the threads, which may outlive the resolver while inside getaddrinfo.
    static void serve(const std::shared_ptr<State> &state)
    {
        for (;;) {
            Lookup lookup;
            {
                std::unique_lock lock(state->mutex);
                state->wake.wait(lock, [&] { return state->stopping || !state->queue.empty(); });
                if (state->stopping)
                    return;
                lookup = std::move(state->queue.front());
                state->queue.pop_front();
            }
            QList<QHostAddress> addresses;
            QString error;
            resolve(lookup.name, &addresses, &error);
            std::lock_guard lock(state->mutex);
            if (!state->stopping) // the answer is dropped once the resolver is gone
                lookup.done(addresses, error);
        }
    }
};

Resolver::Resolver(int threads) : m_state(std::make_shared<State>())
{
    for (int i = 0; i < threads; ++i)
        std::thread(State::serve, m_state).detach();
}

Resolver::~Resolver()
{
    std::lock_guard lock(m_state->mutex);
    m_state->stopping = true;
    m_state->queue.clear();
    m_state->wake.notify_all();
}

quint64 Resolver::lookUp(const QString &name, Done done)
{
    std::lock_guard lock(m_state->mutex);
    const quint64 ticket = m_state->nextTicket++;
    m_state->queue.push_back({ticket, name, std::move(done)});
    m_state->wake.notify_one();
    return ticket;
}

void Resolver::cancel(quint64 ticket)
{
    std::lock_guard lock(m_state->mutex);
    std::erase_if(m_state->queue, [ticket](const State::Lookup &lookup) { return lookup.ticket == ticket; });
}

} // namespace Chorus
