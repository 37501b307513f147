// Every TLS setting against real `openssl s_server` peers on 127.0.0.1: the configuration built by
// TlsConfigurationBuilder, applied to a bare QSslSocket, must connect where it should and fail in
// the handshake where it should.
#include "HandshakeProbe.h"
#include "TestEnvironment.h"
#include "TestPki.h"
#include "TlsTestServers.h"

#include "security/CertificatePinning.h"
#include "security/ClientCertificateStore.h"
#include "security/SystemTrustStore.h"
#include "security/TrustStore.h"

#include <QTest>

namespace {
QString file(const QString& dir, const char* name)
{
    return dir + QLatin1Char('/') + QLatin1String(name);
}
} // namespace

class TestTlsHandshakes final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void encryptionStrengths_data();
    void encryptionStrengths();
    void strength168UnavailableBeforeConnecting();
    void versions_data();
    void versions();
    void legacyTls10WithSecurityLevelZero();
    void trustSource();
    void hostNameCheck();
    void selfSignedUntilPinned();
    void clientCertificatePkcs12();
    void clientCertificatePem();
    void clientCertificateMissing();

private:
    SecuritySettings appTrust() const;
    TlsBuildResult build(const SecuritySettings& settings, const QString& host = QStringLiteral("localhost"),
                         const QByteArray& passphrase = {}) const;

    QString m_dir;
    TestPki::Credential m_ca;
    TestPki::Credential m_ecServer;
    TestPki::Credential m_rsaServer;
    TestPki::Credential m_otherName;
    TestPki::Credential m_client;
};

void TestTlsHandshakes::initTestCase()
{
    m_dir = TestEnvironment::freshDir(QStringLiteral("pki"));
    m_ca = TestPki::makeCa(QStringLiteral("Tsunagi Test Root"));
    m_ecServer = TestPki::issueServer(m_ca);
    m_rsaServer = TestPki::issueServer(m_ca, QStringLiteral("localhost"), TestPki::KeyType::Rsa2048);
    m_otherName = TestPki::issueServer(m_ca, QStringLiteral("other.example"));
    m_client = TestPki::issueClient(m_ca);
    QVERIFY(m_ca.writeCertificate(file(m_dir, "ca.pem")));
    QVERIFY(m_ecServer.writeCertificate(file(m_dir, "ec.pem")));
    QVERIFY(m_ecServer.writeKey(file(m_dir, "ec.key")));
    QVERIFY(m_rsaServer.writeCertificate(file(m_dir, "rsa.pem")));
    QVERIFY(m_rsaServer.writeKey(file(m_dir, "rsa.key")));
    QVERIFY(m_otherName.writeCertificate(file(m_dir, "other.pem")));
    QVERIFY(m_otherName.writeKey(file(m_dir, "other.key")));
    QVERIFY(m_client.writePkcs12(file(m_dir, "client.p12"), "p12-pass", {m_ca}));
    QVERIFY(m_client.writeCertificate(file(m_dir, "client.pem")));
    QVERIFY(m_client.writeEncryptedKey(file(m_dir, "client.key"), "pem-pass"));

    // The private CA lives in Tsunagi's own trust store, as a user would import it.
    QVERIFY(TrustStore().importFile(file(m_dir, "ca.pem")).ok());
}

SecuritySettings TestTlsHandshakes::appTrust() const
{
    SecuritySettings settings;
    settings.trustSource = TrustSource::App;
    return settings;
}

TlsBuildResult TestTlsHandshakes::build(const SecuritySettings& settings, const QString& host,
                                        const QByteArray& passphrase) const
{
    TlsBuildContext context;
    context.hostName = host;
    context.clientKeyPassphrase = passphrase;
    return TlsConfigurationBuilder::build(settings, context);
}

void TestTlsHandshakes::encryptionStrengths_data()
{
    QTest::addColumn<QStringList>("serverArgs");
    QTest::addColumn<bool>("rsa");
    QTest::addColumn<EncryptionStrength>("strength");
    QTest::addColumn<bool>("connects");

    const QStringList aes128Gcm12{"-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256"};
    const QStringList aes256Cbc12{"-tls1_2", "-cipher", "ECDHE-ECDSA-AES256-SHA384"};
    const QStringList rsaKx128{"-tls1_2", "-cipher", "AES128-SHA"};
    const QStringList aes256Tls13{"-tls1_3", "-ciphersuites", "TLS_AES_256_GCM_SHA384"};
    const QStringList chachaTls13{"-tls1_3", "-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256"};
    const QStringList aes128Tls13{"-tls1_3", "-ciphersuites", "TLS_AES_128_GCM_SHA256"};

    QTest::newRow("1.2 ECDHE AES128-GCM, default")
        << aes128Gcm12 << false << EncryptionStrength::Default << true;
    QTest::newRow("1.2 ECDHE AES128-GCM, recommended")
        << aes128Gcm12 << false << EncryptionStrength::Recommended << true;
    QTest::newRow("1.2 ECDHE AES128-GCM, 128") << aes128Gcm12 << false << EncryptionStrength::Bits128 << true;
    QTest::newRow("1.2 ECDHE AES128-GCM, 256")
        << aes128Gcm12 << false << EncryptionStrength::Bits256 << false;
    QTest::newRow("1.2 ECDHE AES256-CBC, 256") << aes256Cbc12 << false << EncryptionStrength::Bits256 << true;
    QTest::newRow("1.2 ECDHE AES256-CBC, 128")
        << aes256Cbc12 << false << EncryptionStrength::Bits128 << false;
    QTest::newRow("1.2 ECDHE AES256-CBC, recommended (not AEAD)")
        << aes256Cbc12 << false << EncryptionStrength::Recommended << false;
    QTest::newRow("1.2 RSA AES128-CBC, 128") << rsaKx128 << true << EncryptionStrength::Bits128 << true;
    QTest::newRow("1.2 RSA AES128-CBC, recommended (no forward secrecy)")
        << rsaKx128 << true << EncryptionStrength::Recommended << false;
    QTest::newRow("1.3 AES256-GCM, 256") << aes256Tls13 << false << EncryptionStrength::Bits256 << true;
    QTest::newRow("1.3 AES256-GCM, 128") << aes256Tls13 << false << EncryptionStrength::Bits128 << false;
    QTest::newRow("1.3 AES256-GCM, recommended")
        << aes256Tls13 << false << EncryptionStrength::Recommended << true;
    QTest::newRow("1.3 CHACHA20, 256") << chachaTls13 << false << EncryptionStrength::Bits256 << true;
    QTest::newRow("1.3 CHACHA20, 128") << chachaTls13 << false << EncryptionStrength::Bits128 << false;
    QTest::newRow("1.3 AES128-GCM, 128") << aes128Tls13 << false << EncryptionStrength::Bits128 << true;
    QTest::newRow("1.3 AES128-GCM, 256") << aes128Tls13 << false << EncryptionStrength::Bits256 << false;
    QTest::newRow("1.3 AES128-GCM, default") << aes128Tls13 << false << EncryptionStrength::Default << true;
}

void TestTlsHandshakes::encryptionStrengths()
{
    QFETCH(QStringList, serverArgs);
    QFETCH(bool, rsa);
    QFETCH(EncryptionStrength, strength);
    QFETCH(bool, connects);

    OpensslServer server;
    QVERIFY(server.start(rsa ? file(m_dir, "rsa.pem") : file(m_dir, "ec.pem"),
                         rsa ? file(m_dir, "rsa.key") : file(m_dir, "ec.key"), serverArgs));
    SecuritySettings settings = appTrust();
    settings.encryptionStrength = strength;
    const TlsBuildResult tls = build(settings);
    QVERIFY2(tls.ok(), qPrintable(tls.detail));
    const HandshakeOutcome outcome = runHandshake(tls, server.port());
    QVERIFY2(outcome.succeeded() == connects,
             qPrintable(outcome.describe() + QLatin1Char('\n') + server.output()));
    if (connects) {
        QVERIFY(CipherPolicies::cipherMatches(outcome.cipher, strength, false));
    } else {
        QVERIFY(!outcome.encrypted);
        QCOMPARE(outcome.socketError, QAbstractSocket::SslHandshakeFailedError);
        QVERIFY2(outcome.alertsReceived.contains(40), qPrintable(outcome.describe())); // handshake_failure
    }
}

void TestTlsHandshakes::strength168UnavailableBeforeConnecting()
{
    SecuritySettings settings = appTrust();
    settings.encryptionStrength = EncryptionStrength::Bits168;
    // OpenSSL 3 on Debian 12 has no 3DES suite; a library that had one would make this connect.
    bool has3Des = false;
    for (const QSslCipher& cipher : QSslConfiguration::supportedCiphers())
        has3Des = has3Des || cipher.encryptionMethod().contains(QLatin1String("3DES"));
    const TlsBuildResult tls = build(settings);
    if (has3Des)
        QSKIP("this TLS library offers 3DES");
    QCOMPARE(tls.problem, LocalProblem::StrengthUnavailable);
    QVERIFY2(tls.detail.contains(QLatin1String("168")), qPrintable(tls.detail));
}

void TestTlsHandshakes::versions_data()
{
    QTest::addColumn<QString>("serverVersion");
    QTest::addColumn<TlsVersion>("minimum");
    QTest::addColumn<TlsVersion>("maximum");
    QTest::addColumn<bool>("automatic");
    QTest::addColumn<int>("expected"); // QSsl::SslProtocol, or -1 for a handshake failure

    QTest::newRow("server 1.2, client 1.2-1.3")
        << "-tls1_2" << TlsVersion::Tls1_2 << TlsVersion::Tls1_3 << false << int(QSsl::TlsV1_2);
    QTest::newRow("server 1.3, client 1.2-1.3")
        << "-tls1_3" << TlsVersion::Tls1_2 << TlsVersion::Tls1_3 << false << int(QSsl::TlsV1_3);
    QTest::newRow("server 1.2, client 1.3 only")
        << "-tls1_2" << TlsVersion::Tls1_3 << TlsVersion::Tls1_3 << false << -1;
    QTest::newRow("server 1.3, client 1.2 only")
        << "-tls1_3" << TlsVersion::Tls1_2 << TlsVersion::Tls1_2 << false << -1;
    QTest::newRow("server 1.2, client 1.0-1.1")
        << "-tls1_2" << TlsVersion::Tls1_0 << TlsVersion::Tls1_1 << false << -1;
    QTest::newRow("server 1.2, automatic")
        << "-tls1_2" << TlsVersion::Tls1_3 << TlsVersion::Tls1_3 << true << int(QSsl::TlsV1_2);
    QTest::newRow("server 1.3, automatic")
        << "-tls1_3" << TlsVersion::Tls1_2 << TlsVersion::Tls1_2 << true << int(QSsl::TlsV1_3);
}

void TestTlsHandshakes::versions()
{
    QFETCH(QString, serverVersion);
    QFETCH(TlsVersion, minimum);
    QFETCH(TlsVersion, maximum);
    QFETCH(bool, automatic);
    QFETCH(int, expected);

    OpensslServer server;
    QVERIFY(server.start(file(m_dir, "ec.pem"), file(m_dir, "ec.key"), {serverVersion}));
    SecuritySettings settings = appTrust();
    settings.minimumVersion = minimum;
    settings.maximumVersion = maximum;
    settings.negotiateAutomatically = automatic;
    const TlsBuildResult tls = build(settings);
    QVERIFY2(tls.ok(), qPrintable(tls.detail));
    const HandshakeOutcome outcome = runHandshake(tls, server.port());
    if (expected < 0) {
        QVERIFY2(!outcome.encrypted, qPrintable(outcome.describe()));
        QCOMPARE(outcome.socketError, QAbstractSocket::SslHandshakeFailedError);
        QVERIFY2(outcome.alertsReceived.contains(70) || outcome.alertsSent.contains(70) ||
                     outcome.errorString.contains(QLatin1String("version"), Qt::CaseInsensitive),
                 qPrintable(outcome.describe()));
    } else {
        QVERIFY2(outcome.succeeded(), qPrintable(outcome.describe() + QLatin1Char('\n') + server.output()));
        QCOMPARE(int(outcome.protocol), expected);
    }
}

void TestTlsHandshakes::legacyTls10WithSecurityLevelZero()
{
    // TLS 1.0 only works on Debian 12 at security level 0, on both ends.
    OpensslServer server;
    QVERIFY(server.start(file(m_dir, "rsa.pem"), file(m_dir, "rsa.key"),
                         {"-tls1", "-cipher", "DEFAULT:@SECLEVEL=0"}));
    SecuritySettings settings = appTrust();
    settings.minimumVersion = TlsVersion::Tls1_0;
    settings.maximumVersion = TlsVersion::Tls1_0;
    const TlsBuildResult tls = build(settings);
    QVERIFY2(tls.ok(), qPrintable(tls.detail));
    const HandshakeOutcome outcome = runHandshake(tls, server.port());
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.describe() + QLatin1Char('\n') + server.output()));
    QCOMPARE(outcome.protocol, QSsl::TlsV1_0);

    // The default range (1.2-1.3) refuses that server.
    const HandshakeOutcome refused = runHandshake(build(appTrust()), server.port());
    QVERIFY2(!refused.encrypted, qPrintable(refused.describe()));
}

void TestTlsHandshakes::trustSource()
{
    OpensslServer server;
    QVERIFY(server.start(file(m_dir, "ec.pem"), file(m_dir, "ec.key")));

    SecuritySettings settings;
    settings.trustSource = TrustSource::App;
    QVERIFY2(runHandshake(build(settings), server.port()).succeeded(), "private CA in Tsunagi's store");
    settings.trustSource = TrustSource::Both;
    QVERIFY2(runHandshake(build(settings), server.port()).succeeded(), "both stores");

    settings.trustSource = TrustSource::System;
    const HandshakeOutcome outcome = runHandshake(build(settings), server.port());
    QVERIFY2(!outcome.encrypted, qPrintable(outcome.describe()));
    bool untrusted = false;
    for (const QSslError& e : outcome.sslErrors)
        untrusted = untrusted || e.error() == QSslError::UnableToGetLocalIssuerCertificate ||
                    e.error() == QSslError::SelfSignedCertificateInChain;
    QVERIFY2(untrusted, qPrintable(outcome.describe()));

    // --ca-file: the same CA as an extra file, with only the system store otherwise.
    settings.extraCaFiles = {file(m_dir, "ca.pem")};
    QVERIFY(runHandshake(build(settings), server.port()).succeeded());
}

void TestTlsHandshakes::hostNameCheck()
{
    OpensslServer server;
    QVERIFY(server.start(file(m_dir, "other.pem"), file(m_dir, "other.key")));

    SecuritySettings settings = appTrust();
    HandshakeOutcome outcome = runHandshake(build(settings), server.port());
    QVERIFY(!outcome.encrypted);
    QCOMPARE(outcome.sslErrors.size(), 1);
    QCOMPARE(outcome.sslErrors.first().error(), QSslError::HostNameMismatch);

    settings.verifyHostName = false;
    const TlsBuildResult tls = build(settings);
    QCOMPARE(tls.toleratedErrors, QList<QSslError::SslError>{QSslError::HostNameMismatch});
    QCOMPARE(tls.configuration.peerVerifyMode(), QSslSocket::VerifyPeer);
    outcome = runHandshake(tls, server.port());
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.describe()));

    // Only the name is tolerated: an untrusted chain still fails with the check off.
    settings.trustSource = TrustSource::System;
    outcome = runHandshake(build(settings), server.port());
    QVERIFY2(!outcome.encrypted, qPrintable(outcome.describe()));
}

void TestTlsHandshakes::selfSignedUntilPinned()
{
    TestPki::CertificateOptions options;
    options.dnsNames = {QStringLiteral("localhost")};
    const auto selfSigned = TestPki::makeSelfSigned(options);
    const auto replacement = TestPki::makeSelfSigned(options);
    QVERIFY(selfSigned.writeCertificate(file(m_dir, "self.pem")));
    QVERIFY(selfSigned.writeKey(file(m_dir, "self.key")));
    QVERIFY(replacement.writeCertificate(file(m_dir, "replacement.pem")));
    QVERIFY(replacement.writeKey(file(m_dir, "replacement.key")));

    SecuritySettings settings; // trust both stores: neither knows this certificate
    const QString host = QStringLiteral("localhost");
    auto pins = [&settings, host](const QList<QSslError>& errors, const QList<QSslCertificate>& chain) {
        return CertificatePinning::ignorableErrors(settings, host, chain, errors);
    };
    OpensslServer server;
    QVERIFY(server.start(file(m_dir, "self.pem"), file(m_dir, "self.key")));
    HandshakeOutcome outcome = runHandshake(build(settings), server.port(), {}, 10000, pins);
    QVERIFY2(!outcome.encrypted, qPrintable(outcome.describe()));
    QCOMPARE(outcome.sslErrors.value(0).error(), QSslError::SelfSignedCertificate);

    // The user saw the fingerprint and accepted this certificate for this profile.
    CertificatePinning::addPin(&settings, CertificatePinning::pinFor(host, selfSigned.certificate()));
    outcome = runHandshake(build(settings), server.port(), {}, 10000, pins);
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.describe()));
    QCOMPARE(outcome.peerChain.value(0), selfSigned.certificate());

    // The host now presents another certificate: the pin does not cover it.
    OpensslServer changed;
    QVERIFY(changed.start(file(m_dir, "replacement.pem"), file(m_dir, "replacement.key")));
    outcome = runHandshake(build(settings), changed.port(), {}, 10000, pins);
    QVERIFY2(!outcome.encrypted, qPrintable(outcome.describe()));
    const auto check =
        CertificatePinning::check(settings, host, outcome.peerChain.value(0, replacement.certificate()));
    QCOMPARE(check.state, CertificatePinning::PinState::Mismatch);
    QCOMPARE(check.pinnedSha256, selfSigned.sha256());
}

void TestTlsHandshakes::clientCertificatePkcs12()
{
    OpensslServer server;
    QVERIFY(server.start(file(m_dir, "ec.pem"), file(m_dir, "ec.key"),
                         {"-Verify", "1", "-CAfile", file(m_dir, "ca.pem"), "-www"}));
    const PersonalImportResult imported =
        ClientCertificateStore::importPkcs12(file(m_dir, "client.p12"), "p12-pass");
    QVERIFY2(imported.ok(), qPrintable(imported.detail));
    QVERIFY(ClientCertificateStore::isInPersonalStore(imported.storedPath));

    SecuritySettings settings = appTrust();
    settings.clientCertificate.pkcs12File = imported.storedPath;
    const TlsBuildResult tls = build(settings, QStringLiteral("localhost"), "p12-pass");
    QVERIFY2(tls.ok(), qPrintable(tls.detail));
    const HandshakeOutcome outcome = runHandshake(tls, server.port(), "GET / HTTP/1.0\r\n\r\n");
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.describe() + QLatin1Char('\n') + server.output()));
    QVERIFY2(outcome.reply.contains("200 ok"), outcome.reply.constData());
    QVERIFY2(outcome.reply.contains("Test User"), outcome.reply.constData()); // s_server saw our certificate

    QCOMPARE(build(settings, QStringLiteral("localhost"), "wrong").problem,
             LocalProblem::ClientCertificateUnusable);
}

void TestTlsHandshakes::clientCertificatePem()
{
    OpensslServer server;
    QVERIFY(server.start(file(m_dir, "ec.pem"), file(m_dir, "ec.key"),
                         {"-Verify", "1", "-CAfile", file(m_dir, "ca.pem"), "-www"}));
    SecuritySettings settings = appTrust();
    settings.clientCertificate.certificateFile = file(m_dir, "client.pem");
    settings.clientCertificate.keyFile = file(m_dir, "client.key");
    const TlsBuildResult tls = build(settings, QStringLiteral("localhost"), "pem-pass");
    QVERIFY2(tls.ok(), qPrintable(tls.detail));
    const HandshakeOutcome outcome = runHandshake(tls, server.port(), "GET / HTTP/1.0\r\n\r\n");
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.describe() + QLatin1Char('\n') + server.output()));
    QVERIFY2(outcome.reply.contains("Test User"), outcome.reply.constData());

    const TlsBuildResult noPassphrase = build(settings);
    QCOMPARE(noPassphrase.problem, LocalProblem::ClientCertificateUnusable);
}

void TestTlsHandshakes::clientCertificateMissing()
{
    for (const char* version : {"-tls1_2", "-tls1_3"}) {
        OpensslServer server;
        QVERIFY(server.start(file(m_dir, "ec.pem"), file(m_dir, "ec.key"),
                             {version, "-Verify", "1", "-CAfile", file(m_dir, "ca.pem"), "-www"}));
        const HandshakeOutcome outcome =
            runHandshake(build(appTrust()), server.port(), "GET / HTTP/1.0\r\n\r\n");
        QVERIFY2(outcome.failed, qPrintable(outcome.describe()));
        QVERIFY2(!outcome.reply.contains("200 ok"), outcome.reply.constData());
        // TLS 1.2: handshake_failure (40); TLS 1.3: certificate_required (116) after encrypted().
        QVERIFY2(outcome.alertsReceived.contains(40) || outcome.alertsReceived.contains(116),
                 qPrintable(outcome.describe()));
    }
}

QTEST_GUILESS_MAIN(TestTlsHandshakes)
#include "TestTlsHandshakes.moc"
