// Security settings -> QSslConfiguration, field by field, and the local problems found before
// any connection (simulated environments through TlsEnvironment::setOverride).
#include "TestEnvironment.h"
#include "TestPki.h"

#include "security/CertificateFileCache.h"
#include "security/SystemTrustStore.h"
#include "security/TlsConfigurationBuilder.h"
#include "security/TrustStore.h"

#include <QDir>
#include <QFile>
#include <QTest>

using Options = QList<QPair<QByteArray, QByteArray>>;

namespace {
QByteArray option(const TlsBuildResult& tls, const char* name)
{
    return tls.configuration.backendConfiguration().value(QByteArray(name)).toByteArray();
}

TlsEnvironmentInfo healthyEnvironment()
{
    TlsEnvironmentInfo info;
    info.tlsBackendAvailable = true;
    info.tlsBackendName = QStringLiteral("openssl");
    info.openSslLoadable = true;
    info.openSslVersion = QStringLiteral("OpenSSL 3.0 (simulated)");
    info.fipsProviderAvailable = false;
    info.fipsProviderDetail = QStringLiteral("no fips.so (simulated)");
    return info;
}
} // namespace

class TestTlsConfigurationBuilder final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void defaults();
    void versionPinning_data();
    void versionPinning();
    void negotiateAutomatically();
    void encryptionStrengthOptions_data();
    void encryptionStrengthOptions();
    void strengthUnavailable();
    void recommendedNeedsTls12();
    void trustSources();
    void emptySystemStore();
    void extraCaFiles();
    void certificateFilesAreParsedAgainOnlyWhenChanged();
    void hostNameCheckOffToleratesOnlyMismatch();
    void ocspRequestsStapling();
    void clientCertificateErrors();
    void clientCertificateApplied();
    void environmentProblems();
    void fipsMode();
    void realEnvironmentProbe();

private:
    TlsBuildResult build(const SecuritySettings& settings, std::optional<TlsEnvironmentInfo> env = {}) const;
    QString m_dir;
    TestPki::Credential m_ca;
    TestPki::Credential m_systemRoot;
};

void TestTlsConfigurationBuilder::initTestCase()
{
    m_dir = TestEnvironment::freshDir(QStringLiteral("builder"));
    m_ca = TestPki::makeCa(QStringLiteral("App Store Root"));
    m_systemRoot = TestPki::makeCa(QStringLiteral("Pretend System Root"));
    QDir(TrustStore::defaultDirectory()).removeRecursively(); // left by an earlier run
    QVERIFY(TrustStore().importCertificates({m_ca.certificate()}).ok());
    // A known, fast "system store" for these unit tests.
    SystemTrustStore::instance().setCertificatesForTesting({m_systemRoot.certificate()});
}

TlsBuildResult TestTlsConfigurationBuilder::build(const SecuritySettings& settings,
                                                  std::optional<TlsEnvironmentInfo> env) const
{
    TlsBuildContext context;
    context.hostName = QStringLiteral("host.example");
    context.environment = env ? env : std::optional<TlsEnvironmentInfo>(healthyEnvironment());
    return TlsConfigurationBuilder::build(settings, context);
}

void TestTlsConfigurationBuilder::defaults()
{
    const TlsBuildResult tls = build(SecuritySettings());
    QVERIFY2(tls.ok(), qPrintable(tls.detail));
    QCOMPARE(tls.configuration.protocol(), QSsl::TlsV1_2OrLater);
    QCOMPARE(option(tls, "MinProtocol"), QByteArray("TLSv1.2"));
    QCOMPARE(option(tls, "MaxProtocol"), QByteArray("TLSv1.3"));
    // The library's defaults, without the suites Tsunagi never uses; TLS 1.3 suites untouched.
    QCOMPARE(option(tls, "CipherString"), QByteArray("DEFAULT:!aNULL:!eNULL:!PSK:!SRP"));
    QVERIFY(!tls.configuration.backendConfiguration().contains("Ciphersuites"));
    QCOMPARE(tls.configuration.peerVerifyMode(), QSslSocket::VerifyPeer);
    QCOMPARE(tls.peerVerifyName, QStringLiteral("host.example"));
    QVERIFY(tls.toleratedErrors.isEmpty());
    QVERIFY(!tls.configuration.ocspStaplingEnabled());
    QVERIFY(tls.configuration.localCertificate().isNull());
    // Trust "both": the system store and Tsunagi's store.
    QVERIFY(tls.configuration.caCertificates().contains(m_ca.certificate()));
    QVERIFY(tls.configuration.caCertificates().contains(m_systemRoot.certificate()));
    QCOMPARE(tls.configuration.caCertificates().size(), 2);
}

void TestTlsConfigurationBuilder::versionPinning_data()
{
    QTest::addColumn<TlsVersion>("minimum");
    QTest::addColumn<TlsVersion>("maximum");
    QTest::addColumn<QByteArray>("minOption");
    QTest::addColumn<QByteArray>("maxOption");
    QTest::addColumn<int>("qtProtocol");
    QTest::addColumn<bool>("secLevelZero");
    QTest::newRow("1.2-1.3") << TlsVersion::Tls1_2 << TlsVersion::Tls1_3 << QByteArray("TLSv1.2")
                             << QByteArray("TLSv1.3") << int(QSsl::TlsV1_2OrLater) << false;
    QTest::newRow("1.3 only") << TlsVersion::Tls1_3 << TlsVersion::Tls1_3 << QByteArray("TLSv1.3")
                              << QByteArray("TLSv1.3") << int(QSsl::TlsV1_3OrLater) << false;
    QTest::newRow("1.2 only") << TlsVersion::Tls1_2 << TlsVersion::Tls1_2 << QByteArray("TLSv1.2")
                              << QByteArray("TLSv1.2") << int(QSsl::TlsV1_2OrLater) << false;
    QTest::newRow("1.0-1.3") << TlsVersion::Tls1_0 << TlsVersion::Tls1_3 << QByteArray("TLSv1")
                             << QByteArray("TLSv1.3") << int(QSsl::AnyProtocol) << true;
    QTest::newRow("1.1-1.2") << TlsVersion::Tls1_1 << TlsVersion::Tls1_2 << QByteArray("TLSv1.1")
                             << QByteArray("TLSv1.2") << int(QSsl::AnyProtocol) << true;
    QTest::newRow("inverted 1.3-1.2 means 1.3")
        << TlsVersion::Tls1_3 << TlsVersion::Tls1_2 << QByteArray("TLSv1.3") << QByteArray("TLSv1.3")
        << int(QSsl::TlsV1_3OrLater) << false;
}

void TestTlsConfigurationBuilder::versionPinning()
{
    QFETCH(TlsVersion, minimum);
    QFETCH(TlsVersion, maximum);
    QFETCH(QByteArray, minOption);
    QFETCH(QByteArray, maxOption);
    QFETCH(int, qtProtocol);
    QFETCH(bool, secLevelZero);
    SecuritySettings settings;
    settings.minimumVersion = minimum;
    settings.maximumVersion = maximum;
    const TlsBuildResult tls = build(settings);
    QVERIFY2(tls.ok(), qPrintable(tls.detail));
    QCOMPARE(option(tls, "MinProtocol"), minOption);
    QCOMPARE(option(tls, "MaxProtocol"), maxOption);
    QCOMPARE(int(tls.configuration.protocol()), qtProtocol);
    QCOMPARE(option(tls, "CipherString").endsWith("@SECLEVEL=0"), secLevelZero);
}

void TestTlsConfigurationBuilder::negotiateAutomatically()
{
    SecuritySettings settings;
    settings.minimumVersion = TlsVersion::Tls1_3;
    settings.maximumVersion = TlsVersion::Tls1_3;
    settings.negotiateAutomatically = true; // overrides the pinned range
    const TlsBuildResult tls = build(settings);
    QCOMPARE(option(tls, "MinProtocol"), QByteArray("TLSv1"));
    QCOMPARE(option(tls, "MaxProtocol"), QByteArray("TLSv1.3"));
    QCOMPARE(option(tls, "CipherString"), QByteArray("DEFAULT:!aNULL:!eNULL:!PSK:!SRP:@SECLEVEL=0"));
    QCOMPARE(tls.configuration.protocol(), QSsl::AnyProtocol);
}

void TestTlsConfigurationBuilder::encryptionStrengthOptions_data()
{
    QTest::addColumn<EncryptionStrength>("strength");
    QTest::addColumn<QByteArray>("cipherString");
    QTest::addColumn<QByteArray>("cipherSuites");
    QTest::newRow("recommended")
        << EncryptionStrength::Recommended
        << QByteArray("ECDHE+AESGCM:ECDHE+CHACHA20:DHE+AESGCM:DHE+CHACHA20:!aNULL:!eNULL:!PSK:!SRP")
        << QByteArray("TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256");
    QTest::newRow("256") << EncryptionStrength::Bits256
                         << QByteArray("AES256:CHACHA20:!aNULL:!eNULL:!PSK:!SRP")
                         << QByteArray("TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256");
    QTest::newRow("128") << EncryptionStrength::Bits128 << QByteArray("AES128:!aNULL:!eNULL:!PSK:!SRP")
                         << QByteArray("TLS_AES_128_GCM_SHA256");
}

void TestTlsConfigurationBuilder::encryptionStrengthOptions()
{
    QFETCH(EncryptionStrength, strength);
    QFETCH(QByteArray, cipherString);
    QFETCH(QByteArray, cipherSuites);
    SecuritySettings settings;
    settings.encryptionStrength = strength;
    const TlsBuildResult tls = build(settings);
    QVERIFY2(tls.ok(), qPrintable(tls.detail));
    QCOMPARE(option(tls, "CipherString"), cipherString);
    QCOMPARE(option(tls, "Ciphersuites"), cipherSuites);
    QVERIFY(!tls.cipherPolicy.availableCiphers.isEmpty());
    for (const QSslCipher& cipher : tls.cipherPolicy.availableCiphers)
        QVERIFY2(CipherPolicies::cipherMatches(cipher, strength, false), qPrintable(cipher.name()));
}

void TestTlsConfigurationBuilder::strengthUnavailable()
{
    SecuritySettings settings;
    settings.encryptionStrength = EncryptionStrength::Bits168;
    const CipherPolicy policy = CipherPolicies::policy(EncryptionStrength::Bits168, false);
    QCOMPARE(policy.cipherString, QStringLiteral("3DES:!aNULL:!eNULL:!PSK:!SRP"));
    QVERIFY(!policy.tls13Allowed);
    const TlsBuildResult tls = build(settings);
    if (!policy.availableCiphers.isEmpty())
        QSKIP("this TLS library offers 3DES");
    QCOMPARE(tls.problem, LocalProblem::StrengthUnavailable);
    QVERIFY(!CipherPolicies::isAvailable(EncryptionStrength::Bits168));
    QVERIFY(CipherPolicies::isAvailable(EncryptionStrength::Bits128));
}

void TestTlsConfigurationBuilder::recommendedNeedsTls12()
{
    SecuritySettings settings;
    settings.encryptionStrength = EncryptionStrength::Recommended;
    settings.minimumVersion = TlsVersion::Tls1_0;
    settings.maximumVersion = TlsVersion::Tls1_1;
    QCOMPARE(build(settings).problem, LocalProblem::StrengthUnavailable);
    settings.maximumVersion = TlsVersion::Tls1_3;
    const TlsBuildResult raised = build(settings);
    QVERIFY(raised.ok());
    QCOMPARE(option(raised, "MinProtocol"), QByteArray("TLSv1.2"));
    QVERIFY(!option(raised, "CipherString").contains("SECLEVEL"));
}

void TestTlsConfigurationBuilder::trustSources()
{
    SecuritySettings settings;
    settings.trustSource = TrustSource::App;
    QCOMPARE(build(settings).configuration.caCertificates(), QList<QSslCertificate>{m_ca.certificate()});
    settings.trustSource = TrustSource::System;
    QCOMPARE(build(settings).configuration.caCertificates(),
             QList<QSslCertificate>{m_systemRoot.certificate()});
    // An explicit list also stops Qt from fetching system roots on demand.
    QVERIFY(!build(settings).configuration.caCertificates().contains(m_ca.certificate()));
}

void TestTlsConfigurationBuilder::emptySystemStore()
{
    SecuritySettings settings;
    settings.trustSource = TrustSource::System;
    TlsBuildContext context;
    context.environment = healthyEnvironment();
    context.systemCaCertificates = QList<QSslCertificate>();
    QCOMPARE(TlsConfigurationBuilder::build(settings, context).problem, LocalProblem::SystemTrustStoreEmpty);
    // "Both" still works from Tsunagi's store alone.
    settings.trustSource = TrustSource::Both;
    QVERIFY(TlsConfigurationBuilder::build(settings, context).ok());
    // ...but not when that is empty too.
    context.trustStoreDirectory = TestEnvironment::freshDir(QStringLiteral("empty-trust"));
    QCOMPARE(TlsConfigurationBuilder::build(settings, context).problem, LocalProblem::SystemTrustStoreEmpty);
    settings.trustSource = TrustSource::App;
    QVERIFY(TlsConfigurationBuilder::build(settings, context).ok());
}

void TestTlsConfigurationBuilder::extraCaFiles()
{
    const auto extra = TestPki::makeCa(QStringLiteral("Extra Root"));
    QVERIFY(extra.writeCertificate(m_dir + QStringLiteral("/extra.pem")));
    SecuritySettings settings;
    settings.trustSource = TrustSource::App;
    settings.extraCaFiles = {m_dir + QStringLiteral("/extra.pem"), m_dir + QStringLiteral("/missing.pem")};
    const TlsBuildResult tls = build(settings);
    QVERIFY(tls.ok());
    QVERIFY(tls.configuration.caCertificates().contains(extra.certificate()));
    QVERIFY2(tls.detail.contains(QLatin1String("missing.pem")), qPrintable(tls.detail));
}

void TestTlsConfigurationBuilder::certificateFilesAreParsedAgainOnlyWhenChanged()
{
    // The configuration is built for every connect; its CA files and Tsunagi's trust store are
    // parsed again only when their contents change.
    const QString path = m_dir + QStringLiteral("/cached.pem");
    const auto first = TestPki::makeCa(QStringLiteral("Cached Root One"));
    const auto second = TestPki::makeCa(QStringLiteral("Cached Root Two"));
    QVERIFY(first.writeCertificate(path));
    SecuritySettings settings;
    settings.trustSource = TrustSource::App;
    settings.extraCaFiles = {path};
    QVERIFY(build(settings).configuration.caCertificates().contains(first.certificate()));
    const qint64 parses = CertificateFileCache::parseCount();
    for (int i = 0; i < 3; ++i)
        QVERIFY(build(settings).configuration.caCertificates().contains(first.certificate()));
    QCOMPARE(CertificateFileCache::parseCount(), parses);

    // Rewritten in place with a certificate of the same size, at once: the contents decide.
    QVERIFY(second.writeCertificate(path));
    QList<QSslCertificate> anchors = build(settings).configuration.caCertificates();
    QVERIFY(anchors.contains(second.certificate()));
    QVERIFY(!anchors.contains(first.certificate()));
    QCOMPARE(CertificateFileCache::parseCount(), parses + 1);

    // Removed: reported as before, and nothing from it is trusted.
    QVERIFY(QFile::remove(path));
    const TlsBuildResult removed = build(settings);
    QVERIFY(!removed.configuration.caCertificates().contains(second.certificate()));
    QVERIFY2(removed.detail.contains(QLatin1String("no such file")), qPrintable(removed.detail));

    // Tsunagi's trust store: an imported certificate is trusted at the next build, a removed one
    // no longer is.
    const auto stored = TestPki::makeCa(QStringLiteral("Stored Root"));
    TrustStore store;
    QVERIFY(store.importCertificates({stored.certificate()}).ok());
    QVERIFY(build(settings).configuration.caCertificates().contains(stored.certificate()));
    const qint64 storeParses = CertificateFileCache::parseCount();
    anchors = build(settings).configuration.caCertificates();
    QVERIFY(anchors.contains(stored.certificate()));
    QVERIFY(anchors.contains(m_ca.certificate()));
    QCOMPARE(CertificateFileCache::parseCount(), storeParses);
    QVERIFY(store.remove(stored.certificate()).ok());
    anchors = build(settings).configuration.caCertificates();
    QVERIFY(!anchors.contains(stored.certificate()));
    QVERIFY(anchors.contains(m_ca.certificate()));
}

void TestTlsConfigurationBuilder::hostNameCheckOffToleratesOnlyMismatch()
{
    SecuritySettings settings;
    settings.verifyHostName = false;
    const TlsBuildResult tls = build(settings);
    QCOMPARE(tls.configuration.peerVerifyMode(), QSslSocket::VerifyPeer);
    const QSslCertificate peer = m_ca.certificate();
    const QList<QSslError> reported{QSslError(QSslError::HostNameMismatch, peer),
                                    QSslError(QSslError::CertificateExpired, peer),
                                    QSslError(QSslError::SelfSignedCertificate, peer)};
    const QList<QSslError> ignorable = TlsConfigurationBuilder::ignorableErrors(tls, reported);
    QCOMPARE(ignorable, QList<QSslError>{QSslError(QSslError::HostNameMismatch, peer)});
    // With the check on, nothing is ignorable.
    QVERIFY(TlsConfigurationBuilder::ignorableErrors(build(SecuritySettings()), reported).isEmpty());
}

void TestTlsConfigurationBuilder::ocspRequestsStapling()
{
    SecuritySettings settings;
    settings.revocation = RevocationMode::Ocsp;
    const TlsBuildResult tls = build(settings);
    QVERIFY(tls.configuration.ocspStaplingEnabled());
    QVERIFY(tls.revocationViaOcsp);
    QVERIFY(tls.toleratedErrors.contains(QSslError::OcspNoResponseFound));
    QVERIFY(tls.toleratedErrors.contains(QSslError::OcspResponseCertIdUnknown));
    // A stapled "revoked" and every certificate error still fail.
    QVERIFY(!tls.toleratedErrors.contains(QSslError::CertificateRevoked));
    QVERIFY(!tls.toleratedErrors.contains(QSslError::HostNameMismatch));
    QVERIFY(!tls.toleratedErrors.contains(QSslError::UnableToGetLocalIssuerCertificate));
    settings.revocation = RevocationMode::Crl;
    QVERIFY(!build(settings).configuration.ocspStaplingEnabled());
}

void TestTlsConfigurationBuilder::clientCertificateErrors()
{
    const auto client = TestPki::issueClient(m_ca);
    const auto other = TestPki::issueClient(m_ca, QStringLiteral("Someone Else"));
    QVERIFY(client.writeCertificate(m_dir + QStringLiteral("/client.pem")));
    QVERIFY(other.writeKey(m_dir + QStringLiteral("/other.key")));
    QVERIFY(client.writePkcs12(m_dir + QStringLiteral("/client.p12"), "right"));

    SecuritySettings settings;
    settings.clientCertificate.pkcs12File = m_dir + QStringLiteral("/absent.p12");
    TlsBuildResult tls = build(settings);
    QCOMPARE(tls.problem, LocalProblem::ClientCertificateUnusable);
    QVERIFY2(tls.detail.contains(QLatin1String("absent.p12")), qPrintable(tls.detail));

    settings.clientCertificate.pkcs12File = m_dir + QStringLiteral("/client.p12");
    TlsBuildContext context;
    context.environment = healthyEnvironment();
    context.clientKeyPassphrase = "wrong";
    tls = TlsConfigurationBuilder::build(settings, context);
    QCOMPARE(tls.problem, LocalProblem::ClientCertificateUnusable);
    QVERIFY2(tls.detail.contains(QLatin1String("passphrase")), qPrintable(tls.detail));

    settings.clientCertificate = {};
    settings.clientCertificate.certificateFile = m_dir + QStringLiteral("/client.pem");
    settings.clientCertificate.keyFile = m_dir + QStringLiteral("/other.key");
    tls = build(settings);
    QCOMPARE(tls.problem, LocalProblem::ClientCertificateUnusable);
    QVERIFY2(tls.detail.contains(QLatin1String("does not hold the private key")), qPrintable(tls.detail));
}

void TestTlsConfigurationBuilder::clientCertificateApplied()
{
    const auto client = TestPki::issueClient(m_ca);
    QVERIFY(client.writePkcs12(m_dir + QStringLiteral("/applied.p12"), "pw", {m_ca}));
    SecuritySettings settings;
    settings.clientCertificate.pkcs12File = m_dir + QStringLiteral("/applied.p12");
    TlsBuildContext context;
    context.environment = healthyEnvironment();
    context.clientKeyPassphrase = "pw";
    const TlsBuildResult tls = TlsConfigurationBuilder::build(settings, context);
    QVERIFY2(tls.ok(), qPrintable(tls.detail));
    QCOMPARE(tls.configuration.localCertificate(), client.certificate());
    QCOMPARE(tls.configuration.localCertificateChain(),
             (QList<QSslCertificate>{client.certificate(), m_ca.certificate()}));
    QVERIFY(!tls.configuration.privateKey().isNull());
}

void TestTlsConfigurationBuilder::environmentProblems()
{
    TlsEnvironmentInfo noBackend = healthyEnvironment();
    noBackend.tlsBackendAvailable = false;
    noBackend.tlsBackendName = QStringLiteral("cert-only");
    QCOMPARE(build(SecuritySettings(), noBackend).problem, LocalProblem::TlsBackendMissing);

    TlsEnvironmentInfo noOpenSsl = healthyEnvironment();
    noOpenSsl.openSslLoadable = false;
    QCOMPARE(build(SecuritySettings(), noOpenSsl).problem, LocalProblem::OpenSslUnavailable);

    // The process-wide override is what the classifier tests use.
    TlsEnvironment::setOverride(noOpenSsl);
    TlsBuildContext context;
    QCOMPARE(TlsConfigurationBuilder::build(SecuritySettings(), context).problem,
             LocalProblem::OpenSslUnavailable);
    TlsEnvironment::setOverride(std::nullopt);
    QVERIFY(TlsConfigurationBuilder::build(SecuritySettings(), context).ok());
}

void TestTlsConfigurationBuilder::fipsMode()
{
    SecuritySettings settings;
    settings.fipsMode = true;
    const TlsBuildResult missing = build(settings);
    QCOMPARE(missing.problem, LocalProblem::ProviderUnavailable);
    QVERIFY2(missing.detail.contains(QLatin1String("simulated")), qPrintable(missing.detail));

    TlsEnvironmentInfo withProvider = healthyEnvironment();
    withProvider.fipsProviderAvailable = true;
    TlsBuildResult tls = build(settings, withProvider);
    QVERIFY2(tls.ok(), qPrintable(tls.detail));
    QCOMPARE(option(tls, "CipherString"),
             QByteArray("AES:3DES:!aNULL:!eNULL:!PSK:!SRP:!CHACHA20:!CAMELLIA:!ARIA:!SEED:!IDEA:!RC4:!MD5"));
    QCOMPARE(option(tls, "Ciphersuites"), QByteArray("TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256"));
    for (const QSslCipher& cipher : tls.cipherPolicy.availableCiphers)
        QVERIFY2(CipherPolicies::isFipsApproved(cipher), qPrintable(cipher.name()));

    settings.encryptionStrength = EncryptionStrength::Bits256;
    tls = build(settings, withProvider);
    QCOMPARE(option(tls, "Ciphersuites"), QByteArray("TLS_AES_256_GCM_SHA384"));
    QVERIFY(option(tls, "CipherString").contains("!CHACHA20"));
}

void TestTlsConfigurationBuilder::realEnvironmentProbe()
{
    const TlsEnvironmentInfo info = TlsEnvironment::probeSystem();
    QVERIFY(info.tlsBackendAvailable);
    QCOMPARE(info.tlsBackendName, QStringLiteral("openssl"));
    QVERIFY(info.openSslLoadable);
    QVERIFY(info.openSslVersion.startsWith(QLatin1String("OpenSSL 3")));
    // Debian 12 ships no FIPS provider module; the probe must say so, not pretend.
    const bool moduleInstalled =
        QFile::exists(QStringLiteral("/usr/lib/x86_64-linux-gnu/ossl-modules/fips.so"));
    QCOMPARE(info.fipsProviderAvailable, moduleInstalled);
    if (!moduleInstalled) {
        QVERIFY2(info.fipsProviderDetail.contains(QLatin1String("FIPS provider")),
                 qPrintable(info.fipsProviderDetail));
        SecuritySettings settings;
        settings.fipsMode = true;
        TlsBuildContext context;
        context.systemCaCertificates = QList<QSslCertificate>{m_systemRoot.certificate()};
        QCOMPARE(TlsConfigurationBuilder::build(settings, context).problem,
                 LocalProblem::ProviderUnavailable);
    }
}

QTEST_GUILESS_MAIN(TestTlsConfigurationBuilder)
#include "TestTlsConfigurationBuilder.moc"
