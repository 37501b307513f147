#include "security/TlsConfigurationBuilder.h"

#include "security/CertificateFileCache.h"
#include "security/ClientCertificateStore.h"
#include "security/FipsPolicy.h"
#include "security/SystemTrustStore.h"
#include "security/TrustStore.h"

#include <QMutex>

#include <openssl/provider.h>

namespace {

constexpr qint64 kMaxCaFileBytes = 8 * 1024 * 1024;

int rank(TlsVersion version)
{
    return int(version);
}

QByteArray sslConfName(TlsVersion version)
{
    switch (version) {
    case TlsVersion::Tls1_0:
        return "TLSv1";
    case TlsVersion::Tls1_1:
        return "TLSv1.1";
    case TlsVersion::Tls1_2:
        return "TLSv1.2";
    case TlsVersion::Tls1_3:
        return "TLSv1.3";
    }
    return "TLSv1.2";
}

// The version range the settings produce, after the encryption strength's own limits.
struct VersionRange
{
    TlsVersion minimum = TlsVersion::Tls1_2;
    TlsVersion maximum = TlsVersion::Tls1_3;
    bool legacy = false; // TLS 1.0/1.1 possible: needs @SECLEVEL=0
    bool empty = false;  // the level has no suite for any version of the range
};

VersionRange versionRange(const SecuritySettings& settings)
{
    VersionRange range;
    if (settings.negotiateAutomatically) {
        // No version pinning: offer everything the library can speak; the server chooses.
        range.minimum = TlsVersion::Tls1_0;
        range.maximum = TlsVersion::Tls1_3;
    } else {
        range.minimum = settings.minimumVersion;
        range.maximum = settings.maximumVersion;
        if (rank(range.maximum) < rank(range.minimum)) // an inverted range means "exactly the minimum"
            range.maximum = range.minimum;
    }
    const CipherPolicy shape = CipherPolicies::policy(settings.encryptionStrength, false);
    if (shape.tls12Required && rank(range.minimum) < rank(TlsVersion::Tls1_2)) {
        if (rank(range.maximum) < rank(TlsVersion::Tls1_2))
            range.empty = true;
        range.minimum = TlsVersion::Tls1_2;
    }
    if (!shape.tls13Allowed && rank(range.maximum) > rank(TlsVersion::Tls1_2)) {
        if (rank(range.minimum) > rank(TlsVersion::Tls1_2))
            range.empty = true;
        range.maximum = TlsVersion::Tls1_2;
    }
    range.legacy = rank(range.minimum) < rank(TlsVersion::Tls1_2);
    return range;
}

QSsl::SslProtocol qtProtocol(TlsVersion minimum)
{
    switch (minimum) {
    case TlsVersion::Tls1_3:
        return QSsl::TlsV1_3OrLater;
    case TlsVersion::Tls1_2:
        return QSsl::TlsV1_2OrLater;
    default:
        // Qt 6 has no non-deprecated "1.0 or later"; the SSL_CONF MinProtocol below pins it.
        return QSsl::AnyProtocol;
    }
}

QList<QSslCertificate> readCaFile(const QString& path, QString* error)
{
    // Parsed once while the file stays the same (CertificateFileCache), not on every connect.
    const CertificateFileCache::Result read =
        CertificateFileCache::read(path, CertificateFileCache::Formats::PemOrDer, kMaxCaFileBytes);
    switch (read.error) {
    case CertificateFileCache::Result::Error::None:
        break;
    case CertificateFileCache::Result::Error::Missing:
        *error = QStringLiteral("%1: no such file").arg(path);
        break;
    case CertificateFileCache::Result::Error::Unreadable:
        *error = QStringLiteral("%1: cannot be read").arg(path);
        break;
    case CertificateFileCache::Result::Error::NoCertificate:
        *error = QStringLiteral("%1: no certificate").arg(path);
        break;
    }
    return read.certificates;
}

QString strengthName(EncryptionStrength strength)
{
    return SecuritySettingsNames::encryptionStrength(strength);
}

void loadFipsProviderOnce()
{
    // Process-wide: the FIPS provider's algorithms become available to every TLS context. The
    // cipher policy (FIPS suites only) and the host-key rule are what FIPS mode enforces.
    static QMutex mutex;
    static bool loaded = false;
    QMutexLocker lock(&mutex);
    if (!loaded)
        loaded = OSSL_PROVIDER_load(nullptr, "fips") != nullptr;
}

} // namespace

namespace TlsConfigurationBuilder {

QList<QPair<QByteArray, QByteArray>> backendOptions(const SecuritySettings& settings, bool fipsAllowed)
{
    const VersionRange range = versionRange(settings);
    const CipherPolicy policy =
        CipherPolicies::policy(settings.encryptionStrength, settings.fipsMode && fipsAllowed, range.legacy);
    QList<QPair<QByteArray, QByteArray>> options;
    options.append({"MinProtocol", sslConfName(range.minimum)});
    options.append({"MaxProtocol", sslConfName(range.maximum)});
    if (!policy.cipherString.isEmpty())
        options.append({"CipherString", policy.cipherString.toLatin1()});
    if (!policy.cipherSuites.isEmpty() && rank(range.maximum) >= rank(TlsVersion::Tls1_3))
        options.append({"Ciphersuites", policy.cipherSuites.toLatin1()});
    return options;
}

TlsBuildResult build(const SecuritySettings& settings, const TlsBuildContext& context)
{
    TlsBuildResult result;
    auto fail = [&result](LocalProblem problem, const QString& detail) {
        result.problem = problem;
        result.detail = detail;
        return result;
    };

    // 1. The local TLS stack.
    const TlsEnvironmentInfo environment =
        context.environment ? *context.environment : TlsEnvironment::info();
    if (!environment.tlsBackendAvailable)
        return fail(
            LocalProblem::TlsBackendMissing,
            QStringLiteral("Qt has no working TLS backend (active: \"%1\")").arg(environment.tlsBackendName));
    if (!environment.openSslLoadable)
        return fail(LocalProblem::OpenSslUnavailable,
                    QStringLiteral("the TLS backend cannot use OpenSSL (libssl/libcrypto) %1")
                        .arg(environment.openSslVersion));
    if (settings.fipsMode) {
        if (!environment.fipsProviderAvailable)
            return fail(
                LocalProblem::ProviderUnavailable,
                environment.fipsProviderDetail.isEmpty()
                    ? QStringLiteral("FIPS mode needs OpenSSL's FIPS provider, which is not installed")
                    : environment.fipsProviderDetail);
        if (!context.environment) // a real environment, not a simulated one
            loadFipsProviderOnce();
    }
    result.fips = settings.fipsMode;

    // 2. Encryption strength and versions, decided before any connection is attempted.
    const VersionRange range = versionRange(settings);
    result.cipherPolicy =
        CipherPolicies::policy(settings.encryptionStrength, settings.fipsMode, range.legacy);
    if (result.cipherPolicy.availableCiphers.isEmpty())
        return fail(LocalProblem::StrengthUnavailable,
                    QStringLiteral("%1 offers no cipher suite for encryption strength %2%3")
                        .arg(environment.openSslVersion, strengthName(settings.encryptionStrength),
                             settings.fipsMode ? QStringLiteral(" in FIPS mode") : QString()));
    if (range.empty)
        return fail(LocalProblem::StrengthUnavailable,
                    QStringLiteral("encryption strength %1 has no cipher suite for TLS %2 to %3")
                        .arg(strengthName(settings.encryptionStrength),
                             SecuritySettingsNames::tlsVersion(settings.minimumVersion),
                             SecuritySettingsNames::tlsVersion(settings.maximumVersion)));

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(qtProtocol(range.minimum));
    for (const auto& [name, value] : backendOptions(settings))
        configuration.setBackendConfigurationOption(name, value);

    // 3. Trust anchors. Setting them explicitly also stops Qt from loading system roots on demand,
    // so "Tsunagi's trust store" alone really excludes the system store.
    QList<QSslCertificate> anchors;
    const bool trustSystem = settings.trustSource != TrustSource::App;
    const bool trustApp = settings.trustSource != TrustSource::System;
    QList<QSslCertificate> system;
    if (trustSystem) {
        system = context.systemCaCertificates ? *context.systemCaCertificates
                                              : SystemTrustStore::instance().certificatesBlocking();
        anchors += system;
    }
    if (trustApp) {
        const TrustStore store(context.trustStoreDirectory.isEmpty() ? TrustStore::defaultDirectory()
                                                                     : context.trustStoreDirectory);
        anchors += store.certificates();
    }
    QStringList caFileErrors;
    for (const QString& path : settings.extraCaFiles) {
        QString error;
        anchors += readCaFile(path, &error);
        if (!error.isEmpty())
            caFileErrors << error;
    }
    // The profile trusts the system store and it gave nothing: a problem when nothing else can
    // anchor the chain (with "both" or extra CA files, those may be all the user needs).
    if (trustSystem && system.isEmpty() && anchors.isEmpty())
        return fail(LocalProblem::SystemTrustStoreEmpty,
                    QStringLiteral("the system certificate store is empty or unreadable"));
    configuration.setCaCertificates(anchors);
    result.trustAnchors = anchors;
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);

    // 4. Client certificate.
    if (settings.clientCertificate.isSet()) {
        const ClientIdentity identity =
            ClientCertificateStore::load(settings.clientCertificate, context.clientKeyPassphrase);
        if (!identity.ok())
            return fail(LocalProblem::ClientCertificateUnusable, identity.detail);
        configuration.setLocalCertificateChain(QList<QSslCertificate>{identity.certificate} + identity.chain);
        configuration.setPrivateKey(identity.privateKey);
    }

    // 5. Revocation and host name: the only errors the connection may ignore.
    if (settings.revocation == RevocationMode::Ocsp) {
        configuration.setOcspStaplingEnabled(true);
        result.revocationViaOcsp = true;
        // No usable stapled answer (none, or one Qt cannot match or trust): RevocationChecker
        // then asks the responder itself and verifies that answer. A stapled "revoked"
        // (CertificateRevoked) is never tolerated.
        result.toleratedErrors << QSslError::OcspNoResponseFound << QSslError::OcspMalformedResponse
                               << QSslError::OcspResponseCannotBeTrusted
                               << QSslError::OcspResponseCertIdUnknown << QSslError::OcspResponseExpired
                               << QSslError::OcspStatusUnknown << QSslError::OcspTryLater
                               << QSslError::OcspInternalError;
    }
    if (!settings.verifyHostName)
        result.toleratedErrors << QSslError::HostNameMismatch;

    result.peerVerifyName = context.hostName;
    result.configuration = configuration;
    if (!caFileErrors.isEmpty())
        result.detail = caFileErrors.join(QStringLiteral("; "));
    return result;
}

QList<QSslError> ignorableErrors(const TlsBuildResult& build, const QList<QSslError>& reported)
{
    QList<QSslError> ignorable;
    for (const QSslError& error : reported) {
        if (build.toleratedErrors.contains(error.error()))
            ignorable << error;
    }
    return ignorable;
}

NegotiatedCheck checkNegotiated(const SecuritySettings& settings, const QSslCipher& cipher,
                                const QSslCertificate& serverCertificate)
{
    NegotiatedCheck check;
    if (!settings.fipsMode)
        return check;
    const FipsCheckResult fips = FipsPolicy::checkNegotiated(cipher, serverCertificate);
    if (!fips.ok) {
        check.problem = LocalProblem::FipsRequirementsUnmet;
        check.detail = fips.detail;
    }
    return check;
}

} // namespace TlsConfigurationBuilder
