#include "model/secrets/secretstore.h"

#include "model/profiles/hostmodel.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusError>
#include <QLoggingCategory>
#include <QMetaObject>

#include <qt6keychain/keychain.h>

#include <memory>

Q_LOGGING_CATEGORY(lcSecrets, "chorus.secrets", QtInfoMsg)

namespace Chorus {

SecretStore::Kind SecretStore::kindOf(SecretKind kind)
{
    switch (kind) {
    case SecretKind::Passphrase:
        return Kind::KeyPassphrase;
    case SecretKind::Sudo:
        return Kind::SudoPassword;
    case SecretKind::Password:
        break;
    }
    return Kind::Password;
}

namespace {

// What QtKeychain's error means for the user. The libsecret backend reports a missing bus or
// Secret Service as OtherError, so those are told apart by looking at the bus ourselves.
SecretStore::Status classify(QKeychain::Error error, const QString &jobError, QString *message)
{
    QString why;
    if (error == QKeychain::NoBackendAvailable ||
        ((error == QKeychain::OtherError || error == QKeychain::NotImplemented) &&
         !SecretStore::probeBackend(&why))) {
        if (why.isEmpty())
            why = jobError;
        *message = SecretStore::tr("No keychain is available to keep passwords in: %1.").arg(why);
        return SecretStore::Status::NoBackend;
    }
    if (error == QKeychain::AccessDeniedByUser || error == QKeychain::AccessDenied)
        *message = SecretStore::tr("The keychain refused access: %1").arg(jobError);
    else
        *message = SecretStore::tr("The keychain reported an error: %1").arg(jobError);
    return SecretStore::Status::Failed;
}

} // namespace

QString SecretStore::defaultService()
{
    return QStringLiteral("chorus");
}

SecretStore::SecretStore(QObject *parent, const QString &service) : QObject(parent), m_service(service)
{
    qRegisterMetaType<Chorus::SecretStore::Result>();
}

SecretStore::~SecretStore()
{
    forgetSession();
}

QString SecretStore::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Password:
        return QStringLiteral("password");
    case Kind::KeyPassphrase:
        return QStringLiteral("key-passphrase");
    case Kind::SudoPassword:
        return QStringLiteral("sudo-password");
    }
    return {};
}

QString SecretStore::keyFor(const QUuid &profile, Kind kind)
{
    return profile.toString(QUuid::WithoutBraces) + u'/' + kindName(kind);
}

void SecretStore::deliver(Result result, const Callback &done)
{
    // Only the key and the outcome are logged, never the secret.
    qCDebug(lcSecrets).noquote() << "secret" << keyFor(result.profile, result.kind) << int(result.operation)
                            << "->" << int(result.status) << (result.sessionOnly ? "(session)" : "");
    if (done)
        done(result);
    Q_EMIT finished(result);
}

int SecretStore::read(const QUuid &profile, Kind kind, Callback done)
{
    Result result;
    result.request = m_nextRequest++;
    result.operation = Operation::Read;
    result.profile = profile;
    result.kind = kind;
    const QString key = keyFor(profile, kind);

    if (m_session.contains(key)) {
        result.status = Status::Ok;
        result.secret = m_session.value(key);
        result.sessionOnly = true;
        QMetaObject::invokeMethod(
            this, [this, result, done] { deliver(result, done); }, Qt::QueuedConnection);
        return result.request;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, result, done]() mutable {
        if (job->error() == QKeychain::NoError) {
            result.status = Status::Ok;
            result.secret = job->textData();
        } else if (job->error() == QKeychain::EntryNotFound) {
            result.status = Status::NotFound;
        } else {
            result.status = classify(job->error(), job->errorString(), &result.error);
        }
        deliver(result, done);
    });
    job->start();
    return result.request;
}

int SecretStore::write(const QUuid &profile, Kind kind, const QString &secret, Callback done)
{
    Result result;
    result.request = m_nextRequest++;
    result.operation = Operation::Write;
    result.profile = profile;
    result.kind = kind;
    const QString key = keyFor(profile, kind);

    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, job, result, key, secret, done]() mutable {
        if (job->error() == QKeychain::NoError) {
            result.status = Status::Ok;
            m_session.remove(key); // the keychain's copy is the one that counts now
        } else {
            result.status = classify(job->error(), job->errorString(), &result.error);
            // A user who said no to the keychain's prompt said no: no way around it.
            if (m_sessionFallback && job->error() != QKeychain::AccessDeniedByUser) {
                m_session.insert(key, secret);
                result.status = Status::Ok;
                result.sessionOnly = true;
            }
        }
        deliver(result, done);
    });
    job->start();
    return result.request;
}

int SecretStore::remove(const QUuid &profile, Kind kind, Callback done)
{
    Result result;
    result.request = m_nextRequest++;
    result.operation = Operation::Remove;
    result.profile = profile;
    result.kind = kind;
    const QString key = keyFor(profile, kind);
    m_session.remove(key);

    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, result, done]() mutable {
        if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound)
            result.status = Status::Ok;
        else
            result.status = classify(job->error(), job->errorString(), &result.error);
        deliver(result, done);
    });
    job->start();
    return result.request;
}

int SecretStore::removeAll(const QUuid &profile, Callback done)
{
    struct Pending
    {
        int left = 3;
        Result result;
    };
    auto pending = std::make_shared<Pending>();
    pending->result.request = m_nextRequest++;
    pending->result.operation = Operation::Remove;
    pending->result.profile = profile;
    pending->result.status = Status::Ok;
    for (Kind kind : {Kind::Password, Kind::KeyPassphrase, Kind::SudoPassword}) {
        const QString key = keyFor(profile, kind);
        m_session.remove(key);
        auto *job = new QKeychain::DeletePasswordJob(m_service, this);
        job->setInsecureFallback(false);
        job->setKey(key);
        connect(job, &QKeychain::Job::finished, this, [this, job, kind, pending, done] {
            if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound &&
                pending->result.status == Status::Ok) {
                pending->result.kind = kind;
                pending->result.status = classify(job->error(), job->errorString(), &pending->result.error);
            }
            if (--pending->left == 0)
                deliver(pending->result, done);
        });
        job->start();
    }
    return pending->result.request;
}

void SecretStore::forgetRemovedProfiles(HostModel *model)
{
    connect(model, &HostModel::profilesRemoved, this, [this](const QList<QUuid> &ids) {
        for (const QUuid &id : ids) {
            removeAll(id, [](const Result &r) {
                if (r.status != Status::Ok)
                    qCWarning(lcSecrets).noquote() << "could not delete the secrets of a removed host:" << r.error;
            });
        }
    });
}

void SecretStore::setSessionFallback(bool enabled)
{
    m_sessionFallback = enabled;
    if (!enabled)
        forgetSession();
}

void SecretStore::forgetSession()
{
    m_session.clear();
}

bool SecretStore::probeBackend(QString *why)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        if (why) {
            *why = SecretStore::tr("there is no D-Bus session bus to reach a keychain through (%1)")
                       .arg(bus.lastError().message());
        }
        return false;
    }
    QDBusConnectionInterface *iface = bus.interface();
    const QStringList services{QStringLiteral("org.freedesktop.secrets"), QStringLiteral("org.kde.kwalletd6"),
                               QStringLiteral("org.kde.kwalletd5"), QStringLiteral("org.kde.kwalletd")};
    const QStringList activatable = iface ? iface->activatableServiceNames().value() : QStringList();
    for (const QString &service : services) {
        if ((iface && iface->isServiceRegistered(service).value()) || activatable.contains(service))
            return true;
    }
    if (why) {
        *why =
            SecretStore::tr("no keychain service (a Secret Service such as gnome-keyring, or KWallet) is running "
                        "on the D-Bus session bus");
    }
    return false;
}

} // namespace Chorus
