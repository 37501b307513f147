#include "demo/DemoPki.h"

#include <QAtomicInteger>
#include <QFile>
#include <QHostAddress>
#include <QtDebug>

#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace DemoPki {

namespace {

QAtomicInteger<qint64> g_nextSerial(1000);

struct X509Deleter
{
    void operator()(X509* x) const { X509_free(x); }
};
struct KeyDeleter
{
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct BioDeleter
{
    void operator()(BIO* b) const { BIO_free(b); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

QByteArray bioContents(BIO* bio)
{
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(length));
}

EVP_PKEY* generateKey(KeyType type)
{
    switch (type) {
    case KeyType::EcP256:
        return EVP_EC_gen("P-256");
    case KeyType::Rsa1024:
        return EVP_RSA_gen(1024);
    case KeyType::Rsa2048:
        return EVP_RSA_gen(2048);
    case KeyType::Rsa3072:
        return EVP_RSA_gen(3072);
    }
    return nullptr;
}

bool addExtension(X509* cert, X509* issuer, int nid, const QByteArray& value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData());
    if (!ext) {
        qWarning() << "DemoPki: bad extension" << OBJ_nid2sn(nid) << value;
        return false;
    }
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
    return true;
}

void addName(X509_NAME* name, const char* field, const QString& value)
{
    if (value.isEmpty())
        return;
    const QByteArray utf8 = value.toUtf8();
    X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(utf8.constData()), int(utf8.size()), -1,
                               0);
}

const EVP_MD* digestNamed(const QString& name)
{
    const EVP_MD* md = EVP_get_digestbyname(name.toLatin1().constData());
    return md ? md : EVP_sha256();
}

} // namespace

struct Credential::Data
{
    std::unique_ptr<X509, X509Deleter> cert;
    std::unique_ptr<EVP_PKEY, KeyDeleter> key;
};

Credential::Credential() = default;
Credential::~Credential() = default;
Credential::Credential(const Credential&) = default;
Credential& Credential::operator=(const Credential&) = default;

bool Credential::isNull() const
{
    return !d || !d->cert;
}

void* Credential::x509() const
{
    return d ? d->cert.get() : nullptr;
}

void* Credential::privateKey() const
{
    return d ? d->key.get() : nullptr;
}

QByteArray Credential::certificatePem() const
{
    if (isNull())
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), d->cert.get());
    return bioContents(bio.get());
}

QByteArray Credential::certificateDer() const
{
    if (isNull())
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    i2d_X509_bio(bio.get(), d->cert.get());
    return bioContents(bio.get());
}

QByteArray Credential::keyPem() const
{
    if (isNull())
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), d->key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    return bioContents(bio.get());
}

QByteArray Credential::encryptedKeyPem(const QByteArray& passphrase) const
{
    if (isNull())
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PKCS8PrivateKey(bio.get(), d->key.get(), EVP_aes_256_cbc(), passphrase.constData(),
                                  int(passphrase.size()), nullptr, nullptr);
    return bioContents(bio.get());
}

QSslCertificate Credential::certificate() const
{
    return QSslCertificate(certificatePem(), QSsl::Pem);
}

QSslKey Credential::key() const
{
    if (isNull())
        return {};
    const QSsl::KeyAlgorithm algorithm =
        EVP_PKEY_get_base_id(d->key.get()) == EVP_PKEY_EC ? QSsl::Ec : QSsl::Rsa;
    return QSslKey(keyPem(), algorithm, QSsl::Pem, QSsl::PrivateKey);
}

qint64 Credential::serial() const
{
    if (isNull())
        return 0;
    int64_t value = 0;
    ASN1_INTEGER_get_int64(&value, X509_get0_serialNumber(d->cert.get()));
    return value;
}

QByteArray Credential::sha256() const
{
    return certificate().digest(QCryptographicHash::Sha256);
}

QByteArray Credential::pkcs12(const QByteArray& passphrase, const QList<Credential>& chain) const
{
    if (isNull())
        return {};
    STACK_OF(X509)* cas = sk_X509_new_null();
    for (const Credential& c : chain) {
        if (!c.isNull())
            sk_X509_push(cas, c.d->cert.get());
    }
    PKCS12* p12 = PKCS12_create(passphrase.constData(), "Tsunagi test", d->key.get(), d->cert.get(), cas, 0,
                                0, 0, 0, 0);
    sk_X509_free(cas); // the certificates stay owned by their credentials
    if (!p12) {
        qWarning() << "DemoPki: PKCS12_create failed";
        return {};
    }
    BioPtr bio(BIO_new(BIO_s_mem()));
    i2d_PKCS12_bio(bio.get(), p12);
    PKCS12_free(p12);
    return bioContents(bio.get());
}

bool writeFile(const QString& path, const QByteArray& contents)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(contents) != contents.size()) {
        qWarning() << "DemoPki: cannot write" << path << file.errorString();
        return false;
    }
    return true;
}

bool Credential::writeCertificate(const QString& path) const
{
    return writeFile(path, certificatePem());
}

bool Credential::writeCertificateDer(const QString& path) const
{
    return writeFile(path, certificateDer());
}

bool Credential::writeKey(const QString& path) const
{
    return writeFile(path, keyPem());
}

bool Credential::writeEncryptedKey(const QString& path, const QByteArray& passphrase) const
{
    return writeFile(path, encryptedKeyPem(passphrase));
}

bool Credential::writeChain(const QString& path, const QList<Credential>& chain) const
{
    QByteArray pem = certificatePem();
    for (const Credential& c : chain)
        pem += c.certificatePem();
    return writeFile(path, pem);
}

bool Credential::writePkcs12(const QString& path, const QByteArray& passphrase,
                             const QList<Credential>& chain) const
{
    const QByteArray der = pkcs12(passphrase, chain);
    return !der.isEmpty() && writeFile(path, der);
}

namespace {

// Builds and signs a certificate; issuer null means self-signed.
void build(const CertificateOptions& options, X509* issuerCert, EVP_PKEY* issuerKey, EVP_PKEY** keyOut,
           X509** certOut)
{
    EVP_PKEY* key = generateKey(options.keyType);
    X509* cert = X509_new();
    X509_set_version(cert, 2);
    const qint64 serial = options.serial ? options.serial : g_nextSerial.fetchAndAddRelaxed(1);
    ASN1_INTEGER_set_int64(X509_get_serialNumber(cert), serial);
    X509_gmtime_adj(X509_getm_notBefore(cert), long(options.notBeforeOffsetSecs));
    X509_gmtime_adj(X509_getm_notAfter(cert), long(options.notAfterOffsetSecs));
    X509_set_pubkey(cert, key);

    X509_NAME* name = X509_get_subject_name(cert);
    addName(name, "O", options.organization);
    addName(name, "CN", options.commonName);
    const bool selfSigned = issuerCert == nullptr;
    X509_set_issuer_name(cert, selfSigned ? name : X509_get_subject_name(issuerCert));
    X509* signer = selfSigned ? cert : issuerCert;

    if (options.isCa) {
        QByteArray bc = "critical,CA:TRUE";
        if (options.pathLength >= 0)
            bc += ",pathlen:" + QByteArray::number(options.pathLength);
        addExtension(cert, signer, NID_basic_constraints, bc);
        addExtension(cert, signer, NID_key_usage, "critical,keyCertSign,cRLSign,digitalSignature");
    } else {
        addExtension(cert, signer, NID_basic_constraints, "critical,CA:FALSE");
        const bool ec = options.keyType == KeyType::EcP256;
        addExtension(cert, signer, NID_key_usage,
                     ec ? "critical,digitalSignature,keyAgreement"
                        : "critical,digitalSignature,keyEncipherment");
        QByteArrayList eku;
        if (options.serverAuth)
            eku << "serverAuth";
        if (options.clientAuth)
            eku << "clientAuth";
        if (!eku.isEmpty())
            addExtension(cert, signer, NID_ext_key_usage, eku.join(','));
    }
    addExtension(cert, signer, NID_subject_key_identifier, "hash");
    if (!selfSigned)
        addExtension(cert, signer, NID_authority_key_identifier, "keyid:always");

    QByteArrayList san;
    for (const QString& dns : options.dnsNames)
        san << "DNS:" + dns.toUtf8();
    for (const QString& ip : options.ipAddresses)
        san << "IP:" + ip.toUtf8();
    if (!san.isEmpty())
        addExtension(cert, signer, NID_subject_alt_name, san.join(','));
    if (!options.ocspUrl.isEmpty())
        addExtension(cert, signer, NID_info_access, "OCSP;URI:" + options.ocspUrl.toUtf8());
    if (!options.crlUrl.isEmpty())
        addExtension(cert, signer, NID_crl_distribution_points, "URI:" + options.crlUrl.toUtf8());

    if (!X509_sign(cert, selfSigned ? key : issuerKey, digestNamed(options.signatureDigest)))
        qWarning() << "DemoPki: signing failed for" << options.commonName;
    *keyOut = key;
    *certOut = cert;
}

} // namespace

Credential makeSelfSigned(const CertificateOptions& options)
{
    EVP_PKEY* key = nullptr;
    X509* cert = nullptr;
    build(options, nullptr, nullptr, &key, &cert);
    Credential result;
    result.d = std::make_shared<Credential::Data>();
    result.d->cert.reset(cert);
    result.d->key.reset(key);
    return result;
}

Credential issue(const Credential& issuer, const CertificateOptions& options)
{
    if (issuer.isNull())
        return {};
    EVP_PKEY* key = nullptr;
    X509* cert = nullptr;
    build(options, issuer.d->cert.get(), issuer.d->key.get(), &key, &cert);
    Credential result;
    result.d = std::make_shared<Credential::Data>();
    result.d->cert.reset(cert);
    result.d->key.reset(key);
    return result;
}

Credential makeCa(const QString& commonName, KeyType keyType)
{
    CertificateOptions options;
    options.commonName = commonName;
    options.keyType = keyType;
    options.isCa = true;
    options.notAfterOffsetSecs = 365LL * 24 * 3600;
    return makeSelfSigned(options);
}

Credential issueServer(const Credential& issuer, const QString& commonName, KeyType keyType)
{
    CertificateOptions options;
    options.commonName = commonName;
    options.dnsNames = {commonName};
    if (commonName == QLatin1String("localhost"))
        options.ipAddresses = {QStringLiteral("127.0.0.1")};
    options.keyType = keyType;
    return issue(issuer, options);
}

Credential issueClient(const Credential& issuer, const QString& commonName)
{
    CertificateOptions options;
    options.commonName = commonName;
    options.serverAuth = false;
    options.clientAuth = true;
    return issue(issuer, options);
}

namespace {
X509_CRL* buildCrl(const Credential& issuer, const QList<qint64>& revokedSerials, qint64 nextUpdateOffsetSecs)
{
    auto* issuerCert = static_cast<X509*>(issuer.x509());
    auto* issuerKey = static_cast<EVP_PKEY*>(issuer.privateKey());
    if (!issuerCert || !issuerKey)
        return nullptr;
    X509_CRL* crl = X509_CRL_new();
    X509_CRL_set_version(crl, 1);
    X509_CRL_set_issuer_name(crl, X509_get_subject_name(issuerCert));
    ASN1_TIME* last = X509_gmtime_adj(nullptr, -3600);
    ASN1_TIME* next = X509_gmtime_adj(nullptr, long(nextUpdateOffsetSecs));
    X509_CRL_set1_lastUpdate(crl, last);
    X509_CRL_set1_nextUpdate(crl, next);
    for (qint64 serial : revokedSerials) {
        X509_REVOKED* revoked = X509_REVOKED_new();
        ASN1_INTEGER* number = ASN1_INTEGER_new();
        ASN1_INTEGER_set_int64(number, serial);
        X509_REVOKED_set_serialNumber(revoked, number);
        X509_REVOKED_set_revocationDate(revoked, last);
        ASN1_INTEGER_free(number);
        X509_CRL_add0_revoked(crl, revoked);
    }
    ASN1_TIME_free(last);
    ASN1_TIME_free(next);
    X509_CRL_sort(crl);
    X509_CRL_sign(crl, issuerKey, EVP_sha256());
    return crl;
}
} // namespace

QByteArray makeCrlPem(const Credential& issuer, const QList<qint64>& revokedSerials,
                      qint64 nextUpdateOffsetSecs)
{
    X509_CRL* crl = buildCrl(issuer, revokedSerials, nextUpdateOffsetSecs);
    if (!crl)
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509_CRL(bio.get(), crl);
    X509_CRL_free(crl);
    return bioContents(bio.get());
}

QByteArray makeCrlDer(const Credential& issuer, const QList<qint64>& revokedSerials,
                      qint64 nextUpdateOffsetSecs)
{
    X509_CRL* crl = buildCrl(issuer, revokedSerials, nextUpdateOffsetSecs);
    if (!crl)
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    i2d_X509_CRL_bio(bio.get(), crl);
    X509_CRL_free(crl);
    return bioContents(bio.get());
}

} // namespace DemoPki
