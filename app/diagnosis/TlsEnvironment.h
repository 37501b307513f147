#pragma once

#include "security/SecuritySettings.h"

#include <QList>
#include <QString>

// What the local TLS stack can do, as a plain snapshot the classifier reads. It is filled from
// the TLS environment probe (app/security) and injected in tests, so a missing backend, library,
// provider or empty system store can be diagnosed without breaking the machine.
struct TlsEnvironmentFacts
{
    bool tlsBackendAvailable = true;                // Qt's TLS backend plugin ("openssl") loads
    QString tlsBackendName;                         // e.g. "openssl"
    bool opensslAvailable = true;                   // libssl/libcrypto load and work
    QString opensslVersion;                         // e.g. "OpenSSL 3.0.17 1 Jul 2025"
    bool fipsProviderAvailable = true;              // OpenSSL's "fips" provider module loads
    int systemCaCertificates = -1;                  // certificates in the system store; -1 = not probed
    QList<EncryptionStrength> unavailableStrengths; // strengths with no local cipher suite
    QString detail;                                 // the probe's own words (library error text)
};
