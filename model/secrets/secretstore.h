#pragma once

#include "model/core/hostevents.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QUuid>

#include <functional>

namespace Chorus {

class HostModel;

// Where the secrets of host profiles live: passwords, key passphrases and sudo passwords, in the OS
// keychain through QtKeychain (the Secret Service on Linux: gnome-keyring, KWallet...). Entries are
// under the service "chorus" and keyed "<profile id>/<kind>", so deleting a profile can delete all
// of its secrets. Nothing here ever writes a secret to a file, a setting or a log: QtKeychain's
// insecure plain-text fallback is switched off on every job.
//
// Every operation is asynchronous and reports once through finished() (and the optional callback),
// never from inside the call. With no keychain to talk to (no D-Bus session, no Secret Service) the
// result is Status::NoBackend with a message for the user; there is no silent plain-text fallback.
// The caller may then offer to use the secret for this session only and, if the user agrees, call
// setSessionFallback(true): writes the keychain refuses are then kept in this object's memory for
// the rest of the session (Result::sessionOnly) and forgotten when it goes.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Kind
    {
        Password,
        KeyPassphrase,
        SudoPassword,
    };
    Q_ENUM(Kind)
    // Where the secret the engine asks for is kept.
    static Kind kindOf(SecretKind kind);
    enum class Status
    {
        Ok,
        NotFound,  // read only: no such secret
        NoBackend, // no keychain reachable; see Result::error
        Failed,    // the keychain answered with an error (locked, refused...); see Result::error
    };
    Q_ENUM(Status)
    enum class Operation
    {
        Read,
        Write,
        Remove,
    };
    Q_ENUM(Operation)

    struct Result
    {
        int request = 0;
        Operation operation = Operation::Read;
        QUuid profile;
        Kind kind = Kind::Password;
        Status status = Status::Failed;
        QString secret;           // what was read
        QString error;            // for the user, when status is NoBackend or Failed
        bool sessionOnly = false; // served from (or kept in) memory, not the keychain
    };
    using Callback = std::function<void(const Result &)>;

    static QString defaultService(); // "chorus"
    // Tests pass a service of their own so they never meet the user's entries.
    explicit SecretStore(QObject *parent = nullptr, const QString &service = defaultService());
    ~SecretStore() override;

    QString service() const { return m_service; }
    static QString kindName(Kind kind); // "password", "key-passphrase", "sudo-password"
    static QString keyFor(const QUuid &profile, Kind kind);

    // Each returns the request number that finished() carries.
    int read(const QUuid &profile, Kind kind, Callback done = {});
    int write(const QUuid &profile, Kind kind, const QString &secret, Callback done = {});
    int remove(const QUuid &profile, Kind kind, Callback done = {});
    // Every kind of secret of the profile: one finished() with operation Remove; status Ok when all
    // are gone (or were never there), else the first failure.
    int removeAll(const QUuid &profile, Callback done = {});

    // Deletes the secrets of profiles the model removes.
    void forgetRemovedProfiles(HostModel *model);

    bool sessionFallback() const { return m_sessionFallback; }
    void setSessionFallback(bool enabled);
    // Whether a keychain is reachable right now (a quick look at the session bus, no job); if not,
    // *why says, for the user, what is missing.
    static bool probeBackend(QString *why = nullptr);

Q_SIGNALS:
    void finished(const Chorus::SecretStore::Result &result);

private:
    void deliver(Result result, const Callback &done);
    void forgetSession();

    QString m_service;
    bool m_sessionFallback = false;
    QHash<QString, QString> m_session; // key -> secret, only with the session fallback
    int m_nextRequest = 1;
};

} // namespace Chorus

Q_DECLARE_METATYPE(Chorus::SecretStore::Result)
