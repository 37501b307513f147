#pragma once

#include <QString>

#include <optional>

// What the local TLS stack can do, probed once and cached. Injectable so classifier tests can
// simulate a missing Qt TLS backend, a missing OpenSSL or a missing FIPS provider without
// breaking the machine:  TlsEnvironment::setOverride(info);  ...  TlsEnvironment::setOverride({});
struct TlsEnvironmentInfo
{
    bool tlsBackendAvailable = false;   // Qt's TLS backend plugin ("openssl") loads
    QString tlsBackendName;             // QSslSocket::activeBackend()
    bool openSslLoadable = false;       // libssl/libcrypto usable by that backend
    QString openSslVersion;             // QSslSocket::sslLibraryVersionString()
    bool fipsProviderAvailable = false; // OpenSSL's "fips" provider module can be loaded
    QString fipsProviderDetail;         // why not, in plain words (technical)
    int systemCaCount = -1;             // -1: not loaded yet (see SystemTrustStore)
};

namespace TlsEnvironment {
// The current environment: the override when one is set, otherwise the real probe (cached;
// systemCaCount is filled from SystemTrustStore when it has loaded).
TlsEnvironmentInfo info();
// The real probe, uncached (tests compare with it).
TlsEnvironmentInfo probeSystem();
// Tests only: replace what info() returns; std::nullopt restores the real probe.
void setOverride(const std::optional<TlsEnvironmentInfo>& info);
// Whether the FIPS provider of the default OpenSSL set-up can be loaded (tried in a private
// library context, so probing changes nothing for the process).
bool fipsProviderLoadable(QString* detail = nullptr);
} // namespace TlsEnvironment
