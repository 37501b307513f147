#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

#include <memory>

// Certificates made with libcrypto: certificate authorities, intermediates, server and client
// certificates, self-signed leaves, encrypted keys, PKCS#12 bundles and CRLs. The demo lab makes
// its PKI with it at first use; the tests use it (as TestPki) to make fresh material at test
// time. Nothing is committed and nothing shells out.
//
//   auto ca = DemoPki::makeCa(QStringLiteral("Example Root CA"));
//   DemoPki::CertificateOptions opts;
//   opts.commonName = QStringLiteral("localhost");
//   opts.dnsNames = {QStringLiteral("localhost")};
//   opts.ipAddresses = {QStringLiteral("127.0.0.1")};
//   auto server = DemoPki::issue(ca, opts);
//   server.writeCertificate(dir + "/server.pem");
//   server.writeKey(dir + "/server.key");
namespace DemoPki {

enum class KeyType
{
    EcP256,
    Rsa1024,
    Rsa2048,
    Rsa3072
};

struct CertificateOptions
{
    QString commonName = QStringLiteral("localhost");
    QString organization = QStringLiteral("Tsunagi");
    QStringList dnsNames;    // subjectAltName DNS entries
    QStringList ipAddresses; // subjectAltName IP entries ("127.0.0.1", "::1")
    // Validity relative to now, in seconds: negative notAfter makes an expired certificate,
    // positive notBefore a not-yet-valid one.
    qint64 notBeforeOffsetSecs = -3600;
    qint64 notAfterOffsetSecs = 30LL * 24 * 3600;
    KeyType keyType = KeyType::EcP256;
    bool isCa = false;
    int pathLength = -1;                                // CA only; -1 = unlimited
    bool serverAuth = true;                             // extendedKeyUsage serverAuth (leaves only)
    bool clientAuth = false;                            // extendedKeyUsage clientAuth (leaves only)
    qint64 serial = 0;                                  // 0 = next unique serial
    QString ocspUrl;                                    // authorityInfoAccess OCSP URL
    QString crlUrl;                                     // CRL distribution point URI
    QString signatureDigest = QStringLiteral("sha256"); // "sha1" makes a weakly-signed certificate
};

// A certificate with its private key. Cheap to copy (shares the libcrypto objects).
class Credential
{
public:
    Credential();
    ~Credential();
    Credential(const Credential&);
    Credential& operator=(const Credential&);

    bool isNull() const;
    QSslCertificate certificate() const;
    QSslKey key() const;
    QByteArray certificatePem() const;
    QByteArray certificateDer() const;
    QByteArray keyPem() const;                                      // PKCS#8, unencrypted
    QByteArray encryptedKeyPem(const QByteArray& passphrase) const; // PKCS#8, AES-256-CBC
    qint64 serial() const;
    QByteArray sha256() const; // raw digest of the DER certificate

    // PKCS#12 with the key, this certificate and the given CA chain, protected by passphrase.
    QByteArray pkcs12(const QByteArray& passphrase, const QList<Credential>& chain = {}) const;

    // All write* return false (and leave a warning) when the file cannot be written.
    bool writeCertificate(const QString& path) const;
    bool writeCertificateDer(const QString& path) const;
    bool writeKey(const QString& path) const;
    bool writeEncryptedKey(const QString& path, const QByteArray& passphrase) const;
    // This certificate followed by the chain, PEM (what a server sends).
    bool writeChain(const QString& path, const QList<Credential>& chain) const;
    bool writePkcs12(const QString& path, const QByteArray& passphrase,
                     const QList<Credential>& chain = {}) const;

    // libcrypto handles (X509*, EVP_PKEY*), for helpers that sign (CRLs, OCSP responses).
    void* x509() const;
    void* privateKey() const;

private:
    friend Credential makeSelfSigned(const CertificateOptions&);
    friend Credential issue(const Credential&, const CertificateOptions&);
    struct Data;
    std::shared_ptr<Data> d;
};

// A self-signed root CA (isCa forced on).
Credential makeCa(const QString& commonName, KeyType keyType = KeyType::EcP256);
// A self-signed certificate with the given options (a self-signed leaf unless options.isCa).
Credential makeSelfSigned(const CertificateOptions& options);
// A certificate signed by issuer. For an intermediate CA set options.isCa.
Credential issue(const Credential& issuer, const CertificateOptions& options);
// Shorthands: a server certificate for "localhost" + 127.0.0.1, and a client certificate.
Credential issueServer(const Credential& issuer, const QString& commonName = QStringLiteral("localhost"),
                       KeyType keyType = KeyType::EcP256);
Credential issueClient(const Credential& issuer, const QString& commonName = QStringLiteral("Test User"));

// A CRL signed by issuer listing the revoked serials, valid from an hour ago for nextUpdate seconds.
QByteArray makeCrlPem(const Credential& issuer, const QList<qint64>& revokedSerials,
                      qint64 nextUpdateOffsetSecs = 7LL * 24 * 3600);
QByteArray makeCrlDer(const Credential& issuer, const QList<qint64>& revokedSerials,
                      qint64 nextUpdateOffsetSecs = 7LL * 24 * 3600);

bool writeFile(const QString& path, const QByteArray& contents);

} // namespace DemoPki
