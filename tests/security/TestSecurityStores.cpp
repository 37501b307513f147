// Tsunagi's trust store, the personal (client certificate) store, certificate descriptions,
// pinned certificates and the asynchronous system store loader.
#include "TestEnvironment.h"
#include "TestPki.h"

#include "security/CertificatePinning.h"
#include "security/ClientCertificateStore.h"
#include "security/SystemTrustStore.h"
#include "security/TlsEnvironment.h"
#include "security/TrustStore.h"

#include <QDir>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTest>

class TestSecurityStores final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void trustStoreImportsPemAndDer();
    void trustStoreRefusesLeavesAndGarbage();
    void trustStoreRemoves();
    void certificateInfo();
    void personalStoreImportsPkcs12();
    void pkcs12Errors();
    void pemErrors();
    void pinning();
    void systemStoreLoadsOffThread();

private:
    QString m_dir;
    TestPki::Credential m_root;
    TestPki::Credential m_intermediate;
    TestPki::Credential m_leaf;
};

void TestSecurityStores::initTestCase()
{
    m_dir = TestEnvironment::freshDir(QStringLiteral("stores"));
    QDir(TrustStore::defaultDirectory()).removeRecursively();
    QDir(ClientCertificateStore::personalDirectory()).removeRecursively();
    m_root = TestPki::makeCa(QStringLiteral("Store Root"));
    TestPki::CertificateOptions options;
    options.commonName = QStringLiteral("Store Intermediate");
    options.isCa = true;
    m_intermediate = TestPki::issue(m_root, options);
    m_leaf = TestPki::issueServer(m_intermediate);
}

void TestSecurityStores::trustStoreImportsPemAndDer()
{
    TrustStore store;
    QCOMPARE(store.directory(),
             QDir(qEnvironmentVariable("TSUNAGI_DATA_DIR")).filePath(QStringLiteral("trust")));
    QVERIFY(TestPki::writeFile(m_dir + QStringLiteral("/bundle.pem"),
                               m_root.certificatePem() + m_intermediate.certificatePem()));
    TrustStoreResult result = store.importFile(m_dir + QStringLiteral("/bundle.pem"));
    QVERIFY2(result.ok(), qPrintable(result.detail));
    QCOMPARE(result.imported, 2);
    QCOMPARE(store.certificates().size(), 2);
    QVERIFY(store.contains(m_root.certificate()));

    result = store.importFile(m_dir + QStringLiteral("/bundle.pem"));
    QCOMPARE(result.error, TrustStoreResult::Error::AlreadyPresent);

    const auto derRoot = TestPki::makeCa(QStringLiteral("DER Root"));
    QVERIFY(derRoot.writeCertificateDer(m_dir + QStringLiteral("/root.der")));
    result = store.importFile(m_dir + QStringLiteral("/root.der"));
    QVERIFY2(result.ok(), qPrintable(result.detail));
    QCOMPARE(store.certificates().size(), 3);
    QCOMPARE(store.entries().first().commonName, QStringLiteral("DER Root")); // sorted by name
}

void TestSecurityStores::trustStoreRefusesLeavesAndGarbage()
{
    TrustStore store(TestEnvironment::freshDir(QStringLiteral("trust-refuse")));
    QVERIFY(m_leaf.writeCertificate(m_dir + QStringLiteral("/leaf.pem")));
    QCOMPARE(store.importFile(m_dir + QStringLiteral("/leaf.pem")).error,
             TrustStoreResult::Error::NotCertificateAuthority);
    QVERIFY(TestPki::writeFile(m_dir + QStringLiteral("/garbage.pem"), "not a certificate"));
    QCOMPARE(store.importFile(m_dir + QStringLiteral("/garbage.pem")).error,
             TrustStoreResult::Error::NoCertificate);
    QCOMPARE(store.importFile(m_dir + QStringLiteral("/nope.pem")).error,
             TrustStoreResult::Error::FileUnreadable);
    QVERIFY(store.certificates().isEmpty());
}

void TestSecurityStores::trustStoreRemoves()
{
    TrustStore store(TestEnvironment::freshDir(QStringLiteral("trust-remove")));
    QVERIFY(store.importCertificates({m_root.certificate()}).ok());
    QVERIFY(store.remove(m_root.certificate()).ok());
    QVERIFY(store.certificates().isEmpty());
    QCOMPARE(store.remove(m_root.certificate()).error, TrustStoreResult::Error::NotFound);
}

void TestSecurityStores::certificateInfo()
{
    const CertificateInfo info = CertificateInfos::describe(m_leaf.certificate());
    QCOMPARE(info.commonName, QStringLiteral("localhost"));
    QVERIFY2(info.subject.startsWith(QLatin1String("CN=localhost")), qPrintable(info.subject));
    QVERIFY2(info.issuer.contains(QLatin1String("CN=Store Intermediate")), qPrintable(info.issuer));
    QCOMPARE(info.sha256, m_leaf.sha256());
    QCOMPARE(info.sha256Hex.size(), 32 * 3 - 1);
    QCOMPARE(info.keyDescription, QStringLiteral("EC 256 bits"));
    QVERIFY(!info.isCa && !info.selfSigned && !info.expired && !info.notYetValid);
    QVERIFY(CertificateInfos::describe(m_root.certificate()).isCa);
    QVERIFY(CertificateInfos::describe(m_root.certificate()).selfSigned);

    TestPki::CertificateOptions expired;
    expired.notBeforeOffsetSecs = -7200;
    expired.notAfterOffsetSecs = -60;
    QVERIFY(CertificateInfos::describe(TestPki::issue(m_root, expired).certificate()).expired);
}

void TestSecurityStores::personalStoreImportsPkcs12()
{
    const auto client = TestPki::issueClient(m_root, QStringLiteral("Hanako Yamada"));
    const QString original = m_dir + QStringLiteral("/hanako.p12");
    QVERIFY(client.writePkcs12(original, "secret", {m_root}));
    const PersonalImportResult result = ClientCertificateStore::importPkcs12(original, "secret");
    QVERIFY2(result.ok(), qPrintable(result.detail));
    QVERIFY(ClientCertificateStore::isInPersonalStore(result.storedPath));
    QVERIFY(!ClientCertificateStore::isInPersonalStore(original));
    QCOMPARE(result.info.commonName, QStringLiteral("Hanako Yamada"));
    QVERIFY(QFile::remove(original)); // the profile keeps working from the stored copy
    const ClientIdentity identity = ClientCertificateStore::loadPkcs12(result.storedPath, "secret");
    QVERIFY2(identity.ok(), qPrintable(identity.detail));
    QCOMPARE(identity.certificate, client.certificate());
    QCOMPARE(identity.chain, QList<QSslCertificate>{m_root.certificate()});
    QVERIFY(QFile(result.storedPath).permissions().testFlag(QFileDevice::ReadOwner));
    QVERIFY(!QFile(result.storedPath).permissions().testFlag(QFileDevice::ReadOther));
    QVERIFY(ClientCertificateStore::removeFromPersonalStore(result.storedPath));
    QVERIFY(!QFile::exists(result.storedPath));
}

void TestSecurityStores::pkcs12Errors()
{
    const auto client = TestPki::issueClient(m_root);
    const QString p12 = m_dir + QStringLiteral("/errors.p12");
    QVERIFY(client.writePkcs12(p12, "right"));
    QCOMPARE(ClientCertificateStore::loadPkcs12(p12, "wrong").error, ClientIdentity::Error::WrongPassphrase);
    QCOMPARE(ClientCertificateStore::loadPkcs12(p12, {}).error, ClientIdentity::Error::PassphraseNeeded);
    QCOMPARE(ClientCertificateStore::loadPkcs12(m_dir + QStringLiteral("/missing.p12"), "right").error,
             ClientIdentity::Error::FileMissing);
    QVERIFY(TestPki::writeFile(m_dir + QStringLiteral("/fake.p12"), "PKCS#12? no"));
    QCOMPARE(ClientCertificateStore::loadPkcs12(m_dir + QStringLiteral("/fake.p12"), "x").error,
             ClientIdentity::Error::NoCertificate);
    const PersonalImportResult refused = ClientCertificateStore::importPkcs12(p12, "wrong");
    QCOMPARE(refused.error, ClientIdentity::Error::WrongPassphrase);
    QVERIFY(refused.storedPath.isEmpty());
    QCOMPARE(ClientCertificateStore::load(ClientCertificateSettings(), {}).error,
             ClientIdentity::Error::NotConfigured);
}

void TestSecurityStores::pemErrors()
{
    const auto client = TestPki::issueClient(m_root);
    const auto other = TestPki::issueClient(m_root, QStringLiteral("Other"));
    const QString cert = m_dir + QStringLiteral("/pem-client.pem");
    QVERIFY(client.writeCertificate(cert));
    QVERIFY(client.writeEncryptedKey(m_dir + QStringLiteral("/pem-client.key"), "pw"));
    QVERIFY(client.writeKey(m_dir + QStringLiteral("/pem-plain.key")));
    QVERIFY(other.writeKey(m_dir + QStringLiteral("/pem-other.key")));

    QVERIFY(ClientCertificateStore::loadPem(cert, m_dir + QStringLiteral("/pem-client.key"), "pw").ok());
    QVERIFY(ClientCertificateStore::loadPem(cert, m_dir + QStringLiteral("/pem-plain.key"), {}).ok());
    QCOMPARE(ClientCertificateStore::loadPem(cert, m_dir + QStringLiteral("/pem-client.key"), {}).error,
             ClientIdentity::Error::PassphraseNeeded);
    QCOMPARE(ClientCertificateStore::loadPem(cert, m_dir + QStringLiteral("/pem-client.key"), "bad").error,
             ClientIdentity::Error::WrongPassphrase);
    QCOMPARE(ClientCertificateStore::loadPem(cert, m_dir + QStringLiteral("/pem-other.key"), {}).error,
             ClientIdentity::Error::KeyMismatch);
    QCOMPARE(ClientCertificateStore::loadPem(cert, {}, {}).error, ClientIdentity::Error::NoPrivateKey);
    // A combined file (certificate + key) works without a separate key file.
    QVERIFY(TestPki::writeFile(m_dir + QStringLiteral("/combined.pem"),
                               client.certificatePem() + client.keyPem()));
    QVERIFY(ClientCertificateStore::loadPem(m_dir + QStringLiteral("/combined.pem"), {}, {}).ok());
}

void TestSecurityStores::pinning()
{
    SecuritySettings settings;
    const QSslCertificate accepted = m_leaf.certificate();
    const QSslCertificate changed = TestPki::issueServer(m_intermediate).certificate();
    QCOMPARE(CertificatePinning::check(settings, QStringLiteral("host"), accepted).state,
             CertificatePinning::PinState::NotPinned);

    CertificatePinning::addPin(&settings, CertificatePinning::pinFor(QStringLiteral("Host"), accepted));
    QCOMPARE(settings.pinnedCertificates.size(), 1);
    QCOMPARE(settings.pinnedCertificates.first().sha256, m_leaf.sha256());
    QCOMPARE(CertificatePinning::check(settings, QStringLiteral("host"), accepted).state,
             CertificatePinning::PinState::Matches);
    const auto mismatch = CertificatePinning::check(settings, QStringLiteral("host"), changed);
    QCOMPARE(mismatch.state, CertificatePinning::PinState::Mismatch);
    QCOMPARE(mismatch.pinnedSha256, m_leaf.sha256());

    const QList<QSslError> errors{QSslError(QSslError::UnableToGetLocalIssuerCertificate, accepted),
                                  QSslError(QSslError::UnableToVerifyFirstCertificate, accepted)};
    QCOMPARE(CertificatePinning::ignorableErrors(settings, QStringLiteral("host"), {accepted}, errors),
             errors);
    QVERIFY(CertificatePinning::ignorableErrors(settings, QStringLiteral("host"), {changed},
                                                {QSslError(QSslError::SelfSignedCertificate, changed)})
                .isEmpty());
    QVERIFY(
        CertificatePinning::ignorableErrors(settings, QStringLiteral("other"), {accepted}, errors).isEmpty());

    // Accepting again replaces the pin; removing deletes it.
    CertificatePinning::addPin(&settings, CertificatePinning::pinFor(QStringLiteral("host"), changed));
    QCOMPARE(settings.pinnedCertificates.size(), 1);
    QVERIFY(CertificatePinning::removePin(&settings, QStringLiteral("HOST"),
                                          changed.digest(QCryptographicHash::Sha256)));
    QVERIFY(settings.pinnedCertificates.isEmpty());
}

void TestSecurityStores::systemStoreLoadsOffThread()
{
    SystemTrustStore& store = SystemTrustStore::instance();
    store.resetForTesting();
    QVERIFY(!store.isLoaded());
    QSignalSpy loaded(&store, &SystemTrustStore::loaded);
    store.load();
    store.load(); // a second call while loading starts nothing more
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.size(), 1);
    QVERIFY(store.isLoaded());
    QCOMPARE(loaded.first().first().toInt(), int(QSslConfiguration::systemCaCertificates().size()));
    QCOMPARE(store.certificates().size(), QSslConfiguration::systemCaCertificates().size());
    QCOMPARE(TlsEnvironment::info().systemCaCount, int(store.certificates().size()));

    store.load(); // already loaded: answers again, asynchronously
    QVERIFY(loaded.wait(5000));
    QCOMPARE(loaded.size(), 2);

    store.setCertificatesForTesting({});
    QVERIFY(store.isLoaded());
    QVERIFY(store.certificatesBlocking().isEmpty());
}

QTEST_GUILESS_MAIN(TestSecurityStores)
#include "TestSecurityStores.moc"
