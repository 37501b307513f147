#include "security/ClientCertificateStore.h"

#include "core/AppPaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <optional>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

namespace {
constexpr qint64 kMaxFileBytes = 1024 * 1024; // certificates and keys are a few KiB

ClientIdentity failure(ClientIdentity::Error error, const QString& detail)
{
    ClientIdentity identity;
    identity.error = error;
    identity.detail = detail;
    return identity;
}

// Reads a small file; on failure returns the error as an identity.
std::optional<ClientIdentity> readSmallFile(const QString& path, QByteArray* contents)
{
    QFile file(path);
    if (path.isEmpty() || !file.exists())
        return failure(ClientIdentity::Error::FileMissing, QStringLiteral("%1: no such file").arg(path));
    if (file.size() > kMaxFileBytes)
        return failure(ClientIdentity::Error::FileUnreadable,
                       QStringLiteral("%1: %2 bytes is too large").arg(path).arg(file.size()));
    if (!file.open(QIODevice::ReadOnly))
        return failure(ClientIdentity::Error::FileUnreadable,
                       QStringLiteral("%1: %2").arg(path, file.errorString()));
    *contents = file.readAll();
    return std::nullopt;
}

// PKCS#12: tells a wrong passphrase from a file that is not PKCS#12 at all (Qt cannot).
enum class Pkcs12Check
{
    Ok,
    NotPkcs12,
    WrongPassphrase
};
Pkcs12Check checkPkcs12(const QByteArray& der, const QByteArray& passphrase)
{
    BIO* bio = BIO_new_mem_buf(der.constData(), int(der.size()));
    PKCS12* p12 = d2i_PKCS12_bio(bio, nullptr);
    BIO_free(bio);
    if (!p12) {
        ERR_clear_error();
        return Pkcs12Check::NotPkcs12;
    }
    bool macOk = false;
    if (!PKCS12_mac_present(p12))
        macOk = true;
    else if (passphrase.isEmpty())
        macOk = PKCS12_verify_mac(p12, nullptr, 0) || PKCS12_verify_mac(p12, "", 0);
    else
        macOk = PKCS12_verify_mac(p12, passphrase.constData(), int(passphrase.size()));
    PKCS12_free(p12);
    ERR_clear_error();
    return macOk ? Pkcs12Check::Ok : Pkcs12Check::WrongPassphrase;
}

QSslKey readKey(const QByteArray& pem, const QByteArray& passphrase)
{
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey, passphrase);
        if (!key.isNull())
            return key;
    }
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Der, QSsl::PrivateKey, passphrase);
        if (!key.isNull())
            return key;
    }
    return {};
}
} // namespace

namespace ClientCertificateStore {

QString personalDirectory()
{
    return QDir(AppPaths::dataDir()).filePath(QStringLiteral("personal"));
}

bool isInPersonalStore(const QString& path)
{
    if (path.isEmpty())
        return false;
    const QString dir = QFileInfo(personalDirectory()).absoluteFilePath();
    return QFileInfo(path).absolutePath() == dir;
}

bool keyMatchesCertificate(const QSslKey& key, const QSslCertificate& certificate)
{
    if (key.isNull() || certificate.isNull())
        return false;
    const QByteArray keyPem = key.toPem();
    const QByteArray der = certificate.toDer();
    BIO* bio = BIO_new_mem_buf(keyPem.constData(), int(keyPem.size()));
    EVP_PKEY* pkey = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    const auto* data = reinterpret_cast<const unsigned char*>(der.constData());
    X509* x509 = d2i_X509(nullptr, &data, long(der.size()));
    const bool matches = pkey && x509 && X509_check_private_key(x509, pkey) == 1;
    EVP_PKEY_free(pkey);
    X509_free(x509);
    ERR_clear_error();
    return matches;
}

ClientIdentity loadPkcs12(const QString& path, const QByteArray& passphrase)
{
    QByteArray der;
    if (auto error = readSmallFile(path, &der))
        return *error;
    switch (checkPkcs12(der, passphrase)) {
    case Pkcs12Check::NotPkcs12:
        return failure(ClientIdentity::Error::NoCertificate,
                       QStringLiteral("%1: not a PKCS#12 file").arg(path));
    case Pkcs12Check::WrongPassphrase:
        return failure(passphrase.isEmpty() ? ClientIdentity::Error::PassphraseNeeded
                                            : ClientIdentity::Error::WrongPassphrase,
                       passphrase.isEmpty()
                           ? QStringLiteral("%1: the PKCS#12 file is protected by a passphrase").arg(path)
                           : QStringLiteral("%1: the passphrase does not open the PKCS#12 file").arg(path));
    case Pkcs12Check::Ok:
        break;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(ClientIdentity::Error::FileUnreadable,
                       QStringLiteral("%1: %2").arg(path, file.errorString()));
    ClientIdentity identity;
    if (!QSslCertificate::importPkcs12(&file, &identity.privateKey, &identity.certificate, &identity.chain,
                                       passphrase))
        return failure(
            ClientIdentity::Error::NoPrivateKey,
            QStringLiteral("%1: the PKCS#12 file holds no certificate with a usable private key").arg(path));
    if (identity.certificate.isNull())
        return failure(ClientIdentity::Error::NoCertificate, QStringLiteral("%1: no certificate").arg(path));
    if (identity.privateKey.isNull())
        return failure(ClientIdentity::Error::NoPrivateKey, QStringLiteral("%1: no private key").arg(path));
    if (!keyMatchesCertificate(identity.privateKey, identity.certificate))
        return failure(ClientIdentity::Error::KeyMismatch,
                       QStringLiteral("%1: the private key does not belong to the certificate").arg(path));
    identity.detail = QStringLiteral("PKCS#12 %1").arg(path);
    return identity;
}

ClientIdentity loadPem(const QString& certificateFile, const QString& keyFile, const QByteArray& passphrase)
{
    QByteArray certificateData;
    if (auto error = readSmallFile(certificateFile, &certificateData))
        return *error;
    QList<QSslCertificate> certificates = QSslCertificate::fromData(certificateData, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(certificateData, QSsl::Der);
    if (certificates.isEmpty())
        return failure(ClientIdentity::Error::NoCertificate,
                       QStringLiteral("%1: no PEM or DER certificate").arg(certificateFile));

    const QString keyPath = keyFile.isEmpty() ? certificateFile : keyFile; // a combined PEM holds both
    QByteArray keyData;
    if (auto error = readSmallFile(keyPath, &keyData))
        return *error;
    const bool encrypted = keyData.contains("ENCRYPTED");
    const QSslKey key = readKey(keyData, passphrase);
    if (key.isNull()) {
        if (encrypted && passphrase.isEmpty())
            return failure(
                ClientIdentity::Error::PassphraseNeeded,
                QStringLiteral("%1: the private key is encrypted and no passphrase was given").arg(keyPath));
        if (encrypted)
            return failure(
                ClientIdentity::Error::WrongPassphrase,
                QStringLiteral("%1: the passphrase does not decrypt the private key").arg(keyPath));
        return failure(ClientIdentity::Error::NoPrivateKey,
                       QStringLiteral("%1: no private key").arg(keyPath));
    }
    ClientIdentity identity;
    identity.certificate = certificates.takeFirst();
    identity.chain = certificates;
    identity.privateKey = key;
    if (!keyMatchesCertificate(identity.privateKey, identity.certificate))
        return failure(
            ClientIdentity::Error::KeyMismatch,
            QStringLiteral("%1 does not hold the private key of %2").arg(keyPath, certificateFile));
    identity.detail = QStringLiteral("PEM %1 + %2").arg(certificateFile, keyPath);
    return identity;
}

ClientIdentity load(const ClientCertificateSettings& settings, const QByteArray& passphrase)
{
    if (!settings.pkcs12File.isEmpty())
        return loadPkcs12(settings.pkcs12File, passphrase);
    if (!settings.certificateFile.isEmpty())
        return loadPem(settings.certificateFile, settings.keyFile, passphrase);
    return failure(ClientIdentity::Error::NotConfigured, QStringLiteral("no client certificate configured"));
}

PersonalImportResult importPkcs12(const QString& path, const QByteArray& passphrase,
                                  const QString& personalDir)
{
    PersonalImportResult result;
    const ClientIdentity identity = loadPkcs12(path, passphrase);
    if (!identity.ok()) {
        result.error = identity.error;
        result.detail = identity.detail;
        return result;
    }
    QFile source(path);
    if (!source.open(QIODevice::ReadOnly) || !QDir().mkpath(personalDir)) {
        result.error = ClientIdentity::Error::FileUnreadable;
        result.detail = QStringLiteral("cannot copy %1 into %2").arg(path, personalDir);
        return result;
    }
    // Named by the certificate's fingerprint: importing the same identity twice keeps one copy.
    const QString stored =
        QDir(personalDir)
            .filePath(QString::fromLatin1(identity.certificate.digest(QCryptographicHash::Sha256).toHex()) +
                      QStringLiteral(".p12"));
    QSaveFile out(stored);
    if (!out.open(QIODevice::WriteOnly) || out.write(source.readAll()) < 0 || !out.commit()) {
        result.error = ClientIdentity::Error::FileUnreadable;
        result.detail = QStringLiteral("%1: %2").arg(stored, out.errorString());
        return result;
    }
    QFile::setPermissions(stored, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    result.storedPath = stored;
    result.info = CertificateInfos::describe(identity.certificate);
    result.detail = QStringLiteral("stored as %1").arg(stored);
    return result;
}

bool removeFromPersonalStore(const QString& storedPath)
{
    return isInPersonalStore(storedPath) && QFile::remove(storedPath);
}

} // namespace ClientCertificateStore
