// Proves the test helpers themselves: generated certificates verify as intended and
// OpensslServer really serves them on 127.0.0.1.
#include "TestEnvironment.h"
#include "TestPki.h"
#include "TlsTestServers.h"

#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTest>

class TestTestPki final : public QObject
{
    Q_OBJECT
private slots:
    void chainVerifies();
    void validityOffsets();
    void encryptedKeyAndPkcs12();
    void crlListsSerials();
    void opensslServerServesChain();
    void ocspResponseIsMade();
};

void TestTestPki::chainVerifies()
{
    const auto root = TestPki::makeCa(QStringLiteral("Root"));
    TestPki::CertificateOptions inter;
    inter.commonName = QStringLiteral("Intermediate");
    inter.isCa = true;
    const auto intermediate = TestPki::issue(root, inter);
    const auto server = TestPki::issueServer(intermediate);
    const QList<QSslError> errors = QSslCertificate::verify(
        {server.certificate(), intermediate.certificate(), root.certificate()}, QStringLiteral("localhost"));
    // The root is not in the system store: only the untrusted-root error is expected.
    QVERIFY(!errors.isEmpty());
    for (const QSslError& e : errors)
        QVERIFY2(e.error() == QSslError::SelfSignedCertificateInChain, qPrintable(e.errorString()));
    QCOMPARE(server.certificate().issuerInfo(QSslCertificate::CommonName).value(0),
             QStringLiteral("Intermediate"));
    QVERIFY(server.certificate()
                .subjectAlternativeNames()
                .values(QSsl::IpAddressEntry)
                .contains(QStringLiteral("127.0.0.1")));
}

void TestTestPki::validityOffsets()
{
    const auto root = TestPki::makeCa(QStringLiteral("Root"));
    TestPki::CertificateOptions expired;
    expired.notBeforeOffsetSecs = -7200;
    expired.notAfterOffsetSecs = -3600;
    QVERIFY(TestPki::issue(root, expired).certificate().expiryDate() < QDateTime::currentDateTimeUtc());
    TestPki::CertificateOptions future;
    future.notBeforeOffsetSecs = 3600;
    QVERIFY(TestPki::issue(root, future).certificate().effectiveDate() > QDateTime::currentDateTimeUtc());
    TestPki::CertificateOptions rsa;
    rsa.keyType = TestPki::KeyType::Rsa2048;
    rsa.serial = 4242;
    const auto rsaCert = TestPki::issue(root, rsa);
    QCOMPARE(rsaCert.certificate().publicKey().length(), 2048);
    QCOMPARE(rsaCert.serial(), 4242);
}

void TestTestPki::encryptedKeyAndPkcs12()
{
    const auto root = TestPki::makeCa(QStringLiteral("Root"));
    const auto client = TestPki::issueClient(root);
    const QSslKey key(client.encryptedKeyPem("secret"), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey, "secret");
    QVERIFY(!key.isNull());
    QVERIFY(
        QSslKey(client.encryptedKeyPem("secret"), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey, "wrong").isNull());

    const QString dir = TestEnvironment::freshDir(QStringLiteral("p12"));
    QVERIFY(client.writePkcs12(dir + QStringLiteral("/client.p12"), "pass", {root}));
    QFile file(dir + QStringLiteral("/client.p12"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QSslKey importedKey;
    QSslCertificate importedCert;
    QList<QSslCertificate> importedChain;
    QVERIFY(QSslCertificate::importPkcs12(&file, &importedKey, &importedCert, &importedChain, "pass"));
    QCOMPARE(importedCert, client.certificate());
    QCOMPARE(importedChain.value(0), root.certificate());
}

void TestTestPki::crlListsSerials()
{
    const auto root = TestPki::makeCa(QStringLiteral("Root"));
    const QByteArray crl = TestPki::makeCrlPem(root, {77, 78});
    QVERIFY(crl.startsWith("-----BEGIN X509 CRL-----"));
    QVERIFY(!TestPki::makeCrlDer(root, {}).isEmpty());
}

void TestTestPki::opensslServerServesChain()
{
    const QString dir = TestEnvironment::freshDir(QStringLiteral("server"));
    const auto root = TestPki::makeCa(QStringLiteral("Root"));
    const auto server = TestPki::issueServer(root);
    QVERIFY(server.writeCertificate(dir + QStringLiteral("/server.pem")));
    QVERIFY(server.writeKey(dir + QStringLiteral("/server.key")));

    OpensslServer peer;
    QVERIFY(peer.start(dir + QStringLiteral("/server.pem"), dir + QStringLiteral("/server.key"),
                       {QStringLiteral("-tls1_3")}));
    QVERIFY(peer.port() != 0);

    QSslSocket socket;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates({root.certificate()});
    socket.setSslConfiguration(config);
    QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), peer.port(), QStringLiteral("localhost"));
    QVERIFY2(encrypted.wait(10000), qPrintable(socket.errorString() + QLatin1Char('\n') + peer.output()));
    QCOMPARE(socket.sessionProtocol(), QSsl::TlsV1_3);
    QCOMPARE(socket.peerCertificate(), server.certificate());
}

void TestTestPki::ocspResponseIsMade()
{
    const QString dir = TestEnvironment::freshDir(QStringLiteral("ocsp"));
    const auto root = TestPki::makeCa(QStringLiteral("Root"));
    const auto good = TestPki::issueServer(root);
    QVERIFY(root.writeCertificate(dir + QStringLiteral("/ca.pem")));
    QVERIFY(root.writeKey(dir + QStringLiteral("/ca.key")));
    QVERIFY(good.writeCertificate(dir + QStringLiteral("/good.pem")));
    OcspIndex index;
    index.addValid(good);
    QVERIFY(index.write(dir + QStringLiteral("/index.txt")));
    QString error;
    const QByteArray response =
        OcspTool::makeResponse(dir + QStringLiteral("/index.txt"), dir + QStringLiteral("/ca.pem"),
                               dir + QStringLiteral("/good.pem"), dir + QStringLiteral("/ca.pem"),
                               dir + QStringLiteral("/ca.key"), &error);
    QVERIFY2(!response.isEmpty(), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestTestPki)
#include "TestTestPki.moc"
