#pragma once

#include "connection/ConnectionRecord.h" // LocalProblem (header-only use)
#include "security/CipherPolicy.h"
#include "security/SecuritySettings.h"
#include "security/TlsEnvironment.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>

#include <optional>

// Security settings -> QSslConfiguration, in one place. Everything a profile's Security
// Properties mean for the TLS handshake is decided here; the connection only applies it:
//
//   TlsBuildContext context;
//   context.hostName = record.typedHost;
//   context.clientKeyPassphrase = secretFromKeychain;
//   context.systemCaCertificates = SystemTrustStore::instance().certificates(); // when loaded
//   const TlsBuildResult tls = TlsConfigurationBuilder::build(settings, context);
//   if (!tls.ok()) { record.localProblem = tls.problem; record.localProblemDetail = tls.detail; ... }
//   socket->setSslConfiguration(tls.configuration);
//   socket->setPeerVerifyName(tls.peerVerifyName);
//   socket->connectToHostEncrypted(host, port, tls.peerVerifyName);
//   // in sslErrors(errors): socket->ignoreSslErrors(TlsConfigurationBuilder::ignorableErrors(tls, errors,
//   peerChain));
//   // after encrypted(): TlsConfigurationBuilder::checkNegotiated(settings, cipher, peerCert) (FIPS rule)
//
// Versions: minimum..maximum are pinned with SSL_CONF MinProtocol/MaxProtocol. "Negotiate
// automatically" pins nothing: the client offers every version the library allows (TLS 1.0 up
// to 1.3, with the legacy security level those old versions need) and the server picks; the
// Encryption strength still applies. TLS 1.0/1.1 use @SECLEVEL=0 (Debian 12 refuses them otherwise).
//
// Host-name check off: peer verification stays on (QSslSocket::VerifyPeer); the connection
// may ignore exactly QSslError::HostNameMismatch for the certificate the peer sent, nothing else.
//
// Revocation OCSP: a stapled response is requested. When the server staples none, Qt reports
// QSslError::OcspNoResponseFound (or, for a staple it cannot use, OcspResponseCertIdUnknown,
// OcspResponseExpired, ...); those are tolerated because RevocationChecker then asks the
// responder named in the certificate and decides with "require a revocation answer". A stapled
// "revoked" (QSslError::CertificateRevoked) always fails. Qt matches a staple to the leaf through
// the issuer in the chain the server sends; a server that sends only its leaf gets the fallback.
struct TlsBuildContext
{
    QString hostName;               // the target host as the user typed it
    QByteArray clientKeyPassphrase; // from the keychain; never stored
    // The system store's certificates (SystemTrustStore). When absent and the trust source
    // includes the system store, build() reads it synchronously (slow: not on the UI thread).
    std::optional<QList<QSslCertificate>> systemCaCertificates;
    QString trustStoreDirectory;                   // empty = TrustStore::defaultDirectory()
    std::optional<TlsEnvironmentInfo> environment; // empty = TlsEnvironment::info()
};

struct TlsBuildResult
{
    LocalProblem problem = LocalProblem::None;
    QString detail; // technical, English
    bool ok() const { return problem == LocalProblem::None; }

    QSslConfiguration configuration;
    QString peerVerifyName;                     // pass to setPeerVerifyName / connectToHostEncrypted
    CipherPolicy cipherPolicy;                  // what the encryption strength turned into
    QList<QSslError::SslError> toleratedErrors; // the only error kinds ignorableErrors() may return
    QList<QSslCertificate> trustAnchors;        // the CA certificates put on the configuration
    bool fips = false;
    bool revocationViaOcsp = false;
};

namespace TlsConfigurationBuilder {
TlsBuildResult build(const SecuritySettings& settings, const TlsBuildContext& context);

// The SSL_CONF options the settings produce (MinProtocol, MaxProtocol, CipherString,
// Ciphersuites), for tests and "technical details".
QList<QPair<QByteArray, QByteArray>> backendOptions(const SecuritySettings& settings,
                                                    bool fipsAllowed = true);

// Of the errors a handshake reported, the ones the settings allow to be ignored: each must be of
// a tolerated kind (HostNameMismatch when the host-name check is off; the "no usable staple"
// errors when OCSP falls back to the responder), returned as reported (with the peer's certificate), so Qt
// matches exactly those. Pass the result to QSslSocket::ignoreSslErrors(list); it is never
// "all errors": any other error still fails the handshake.
QList<QSslError> ignorableErrors(const TlsBuildResult& build, const QList<QSslError>& reported);

// After encrypted(): the FIPS rule (FipsPolicy) for the negotiated suite and the server key.
// ok=false -> LocalProblem::FipsRequirementsUnmet with detail.
struct NegotiatedCheck
{
    LocalProblem problem = LocalProblem::None;
    QString detail;
    bool ok() const { return problem == LocalProblem::None; }
};
NegotiatedCheck checkNegotiated(const SecuritySettings& settings, const QSslCipher& cipher,
                                const QSslCertificate& serverCertificate);
} // namespace TlsConfigurationBuilder
