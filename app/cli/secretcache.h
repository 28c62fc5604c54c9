#pragma once

#include "model/core/hostevents.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace Chorus {

// The answers given on the terminal during one command-line run, so a thousand hosts asking for the
// same password ask the person once: passwords and sudo passwords per user, passphrases per key
// file. A refusal is remembered too (not asked again). Secrets are wiped from memory when replaced
// and when the cache goes.
class SecretCache
{
public:
    SecretCache() = default;
    ~SecretCache();
    SecretCache(const SecretCache &) = delete;
    SecretCache &operator=(const SecretCache &) = delete;

    // True when the request is answered already: *secret and *given are what to provide. A retry (the
    // server refused the answer) is asked again, unless the person gave none.
    bool find(const SecretRequest &request, QByteArray *secret, bool *given) const;
    // Remembers what the person answered (given=false: nothing) and returns what to provide: a null
    // array for nothing, an empty but non-null one for an empty answer.
    QByteArray store(const SecretRequest &request, const QByteArray &secret, bool given);

private:
    static QString keyOf(const SecretRequest &request);

    QHash<QString, QByteArray> m_secrets; // a null answer: refused
};

} // namespace Chorus
