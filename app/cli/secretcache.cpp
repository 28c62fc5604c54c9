#include "app/cli/secretcache.h"

namespace Chorus {

SecretCache::~SecretCache()
{
    for (QByteArray &secret : m_secrets)
        secret.fill(0);
}

QString SecretCache::keyOf(const SecretRequest &request)
{
    // Passphrases differ per key file; passwords and sudo are asked once per user.
    return QString::number(int(request.kind)) + u' ' + request.user +
           (request.kind == SecretKind::Passphrase ? u' ' + request.detail : QString());
}

bool SecretCache::find(const SecretRequest &request, QByteArray *secret, bool *given) const
{
    const auto cached = m_secrets.constFind(keyOf(request));
    if (cached == m_secrets.cend() || (request.retry && !cached->isNull()))
        return false;
    *secret = *cached;
    *given = !cached->isNull();
    return true;
}

QByteArray SecretCache::store(const SecretRequest &request, const QByteArray &secret, bool given)
{
    QByteArray answer = !given ? QByteArray() : secret.isNull() ? QByteArray("") : secret;
    const QString key = keyOf(request);
    const auto old = m_secrets.find(key);
    if (old != m_secrets.end())
        old->fill(0);
    m_secrets.insert(key, answer);
    return answer;
}

} // namespace Chorus
