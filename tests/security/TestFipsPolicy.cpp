// FIPS mode: the host-key size rule, the FIPS-approved suite restriction against real servers
// (with the provider's presence simulated, since Debian 12 ships none), and the plain report
// that the provider is missing.
#include "HandshakeProbe.h"
#include "TestEnvironment.h"
#include "TestPki.h"
#include "TlsTestServers.h"

#include "security/FipsPolicy.h"

#include <QTest>

class TestFipsPolicy final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void keySizeRule_data();
    void keySizeRule();
    void nonFipsSuiteFails();
    void negotiatedAgainstRealServers_data();
    void negotiatedAgainstRealServers();
    void providerAbsentIsReported();
    void checkNegotiatedIgnoredOutsideFipsMode();

private:
    QString m_dir;
};

void TestFipsPolicy::initTestCase()
{
    // RSA 3072 keys take a while to generate: make the two server keys once.
    m_dir = TestEnvironment::freshDir(QStringLiteral("fips"));
    const auto ca = TestPki::makeCa(QStringLiteral("FIPS Root"));
    QVERIFY(ca.writeCertificate(m_dir + QStringLiteral("/ca.pem")));
    for (const auto& [type, name] :
         {std::pair{TestPki::KeyType::Rsa2048, "rsa2048"}, std::pair{TestPki::KeyType::Rsa3072, "rsa3072"}}) {
        const auto server = TestPki::issueServer(ca, QStringLiteral("localhost"), type);
        QVERIFY(
            server.writeCertificate(m_dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".pem")));
        QVERIFY(server.writeKey(m_dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".key")));
    }
}

void TestFipsPolicy::keySizeRule_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<int>("bits");
    QTest::addColumn<int>("algorithm");
    QTest::addColumn<int>("keyBits");
    QTest::addColumn<bool>("ok");
    QTest::newRow("3DES, RSA 1024") << "3DES(168)" << 168 << int(QSsl::Rsa) << 1024 << true;
    QTest::newRow("3DES, RSA 768") << "3DES(168)" << 168 << int(QSsl::Rsa) << 768 << false;
    QTest::newRow("3DES, DSA 1024") << "3DES(168)" << 168 << int(QSsl::Dsa) << 1024 << true;
    QTest::newRow("AES-128, RSA 2048") << "AESGCM(128)" << 128 << int(QSsl::Rsa) << 2048 << false;
    QTest::newRow("AES-128, RSA 3072") << "AESGCM(128)" << 128 << int(QSsl::Rsa) << 3072 << true;
    QTest::newRow("AES-128 CBC, DSA 3071") << "AES(128)" << 128 << int(QSsl::Dsa) << 3071 << false;
    QTest::newRow("AES-128, RSA 4096") << "AES(128)" << 128 << int(QSsl::Rsa) << 4096 << true;
    QTest::newRow("AES-128, EC P-256") << "AESGCM(128)" << 128 << int(QSsl::Ec) << 256 << true;
    QTest::newRow("AES-128, EC 224") << "AESGCM(128)" << 128 << int(QSsl::Ec) << 224 << false;
    QTest::newRow("AES-256, RSA 2048 (no rule)") << "AESGCM(256)" << 256 << int(QSsl::Rsa) << 2048 << true;
}

void TestFipsPolicy::keySizeRule()
{
    QFETCH(QString, method);
    QFETCH(int, bits);
    QFETCH(int, algorithm);
    QFETCH(int, keyBits);
    QFETCH(bool, ok);
    const FipsCheckResult result =
        FipsPolicy::checkKeySize(method, bits, QSsl::KeyAlgorithm(algorithm), keyBits);
    QCOMPARE(result.ok, ok);
    QVERIFY(!result.detail.isEmpty());
}

void TestFipsPolicy::nonFipsSuiteFails()
{
    QSslCipher chacha;
    for (const QSslCipher& c : QSslConfiguration::supportedCiphers()) {
        if (c.name() == QLatin1String("TLS_CHACHA20_POLY1305_SHA256"))
            chacha = c;
    }
    QVERIFY(!chacha.isNull());
    QVERIFY(!CipherPolicies::isFipsApproved(chacha));
    const auto ca = TestPki::makeCa(QStringLiteral("Root"));
    const FipsCheckResult result = FipsPolicy::checkNegotiated(chacha, ca.certificate());
    QVERIFY(!result.ok);
    QVERIFY2(result.detail.contains(QLatin1String("not a FIPS-approved")), qPrintable(result.detail));
}

void TestFipsPolicy::negotiatedAgainstRealServers_data()
{
    QTest::addColumn<TestPki::KeyType>("keyType");
    QTest::addColumn<QStringList>("serverArgs");
    QTest::addColumn<bool>("handshake");
    QTest::addColumn<bool>("ruleMet");
    const QStringList aes128{"-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256"};
    QTest::newRow("AES-128, RSA 2048: key too small") << TestPki::KeyType::Rsa2048 << aes128 << true << false;
    QTest::newRow("AES-128, RSA 3072") << TestPki::KeyType::Rsa3072 << aes128 << true << true;
    QTest::newRow("TLS 1.3 AES-256, RSA 2048")
        << TestPki::KeyType::Rsa2048 << QStringList{"-tls1_3", "-ciphersuites", "TLS_AES_256_GCM_SHA384"}
        << true << true;
    QTest::newRow("ChaCha20 only: refused by the FIPS suite list")
        << TestPki::KeyType::Rsa2048
        << QStringList{"-tls1_3", "-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256"} << false << false;
}

void TestFipsPolicy::negotiatedAgainstRealServers()
{
    QFETCH(TestPki::KeyType, keyType);
    QFETCH(QStringList, serverArgs);
    QFETCH(bool, handshake);
    QFETCH(bool, ruleMet);

    const QString name =
        keyType == TestPki::KeyType::Rsa3072 ? QStringLiteral("rsa3072") : QStringLiteral("rsa2048");
    OpensslServer peer;
    QVERIFY(peer.start(m_dir + QLatin1Char('/') + name + QStringLiteral(".pem"),
                       m_dir + QLatin1Char('/') + name + QStringLiteral(".key"), serverArgs));

    SecuritySettings settings;
    settings.fipsMode = true;
    settings.trustSource = TrustSource::App;
    settings.extraCaFiles = {m_dir + QStringLiteral("/ca.pem")};
    TlsBuildContext context;
    context.hostName = QStringLiteral("localhost");
    TlsEnvironmentInfo environment = TlsEnvironment::probeSystem();
    environment.fipsProviderAvailable = true; // simulated: Debian 12 has no FIPS provider
    context.environment = environment;
    const TlsBuildResult tls = TlsConfigurationBuilder::build(settings, context);
    QVERIFY2(tls.ok(), qPrintable(tls.detail));

    const HandshakeOutcome outcome = runHandshake(tls, peer.port());
    QCOMPARE(outcome.succeeded(), handshake);
    if (!handshake)
        return;
    const auto check =
        TlsConfigurationBuilder::checkNegotiated(settings, outcome.cipher, outcome.peerChain.value(0));
    QVERIFY2(check.ok() == ruleMet, qPrintable(check.detail));
    if (!ruleMet) {
        QCOMPARE(check.problem, LocalProblem::FipsRequirementsUnmet);
        QVERIFY2(check.detail.contains(QLatin1String("3072")), qPrintable(check.detail));
    }
}

void TestFipsPolicy::providerAbsentIsReported()
{
    QString detail;
    const bool loadable = TlsEnvironment::fipsProviderLoadable(&detail);
    if (loadable)
        QSKIP("this machine has an OpenSSL FIPS provider");
    QVERIFY2(detail.contains(QLatin1String("no loadable FIPS provider")), qPrintable(detail));
    // Probing did not load anything into the process: a normal connection still works.
    QVERIFY(QSslSocket::supportsSsl());
    SecuritySettings settings;
    settings.fipsMode = true;
    TlsBuildContext context;
    context.systemCaCertificates = QList<QSslCertificate>{TestPki::makeCa(QStringLiteral("x")).certificate()};
    const TlsBuildResult tls = TlsConfigurationBuilder::build(settings, context);
    QCOMPARE(tls.problem, LocalProblem::ProviderUnavailable);
    QVERIFY2(tls.detail.contains(QLatin1String("FIPS provider")), qPrintable(tls.detail));
}

void TestFipsPolicy::checkNegotiatedIgnoredOutsideFipsMode()
{
    const auto ca = TestPki::makeCa(QStringLiteral("Root"), TestPki::KeyType::Rsa1024);
    QVERIFY(
        TlsConfigurationBuilder::checkNegotiated(SecuritySettings(), QSslCipher(), ca.certificate()).ok());
}

QTEST_GUILESS_MAIN(TestFipsPolicy)
#include "TestFipsPolicy.moc"
