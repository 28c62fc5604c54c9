#pragma once

#include "sshworker/internal/enginebuild.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <thread>

namespace Chorus {

// A key an ssh-agent holds: the public key blob (a plain key or a certificate) and its comment.
struct AgentKey
{
    QByteArray blob;
    QString comment;
};

// Stands between libssh and the user's ssh-agent so that keys are offered in OpenSSH's order.
// libssh 0.10 offers every agent key in the agent's own order and exports no way to pick one; with
// seven keys loaded, sshd's MaxAuthTries (6) ends the connection before the key that IdentityFile
// names is reached, where ssh offers that one first. So libssh is given one end of a socket pair
// (ssh_set_agent_socket) and this relay answers on the other: its list of identities is the subset,
// in the order, the connection sets with show(); signing requests go to the real agent unchanged.
//
// One thread serves every link of the pool. libssh talks to an agent with blocking reads, so it
// cannot be answered from the worker thread that is inside the libssh call.
class AgentRelay
{
public:
    AgentRelay();
    ~AgentRelay();
    AgentRelay(const AgentRelay &) = delete;
    AgentRelay &operator=(const AgentRelay &) = delete;

    // The keys of the agent listening at socketPath, in its order; blocks for at most about two
    // seconds. Empty, with *error, when no agent answers there.
    static QList<AgentKey> listKeys(const QString &socketPath, QString *error);

    // A new link to the agent at socketPath: returns the descriptor to hand libssh (which closes it
    // when the session is freed), or -1. *link names it for show().
    int open(const QString &socketPath, quint64 *link);
    // What the link lists from now on, in this order; signing still goes to the real agent, which
    // refuses keys it does not hold.
    void show(quint64 link, const QList<AgentKey> &keys);

private:
    struct Link
    {
        int fd = -1;      // our end of the socket pair
        int agentFd = -1; // the real agent, connected when first needed
        QString socketPath;
        QList<AgentKey> shown;
    };
    void run();
    void serve(quint64 id);
    void drop(quint64 id);

    QMutex m_mutex; // guards m_links and m_nextLink
    QHash<quint64, Link> m_links;
    quint64 m_nextLink = 1;
    int m_wakeFd = -1;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace Chorus
