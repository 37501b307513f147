#include "security/TrustStore.h"

#include "core/AppPaths.h"
#include "security/CertificateFileCache.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <algorithm>

namespace {
constexpr qint64 kMaxImportFileBytes = 4 * 1024 * 1024; // a CA bundle, not a disk image

TrustStoreResult failure(TrustStoreResult::Error error, const QString& detail)
{
    TrustStoreResult result;
    result.error = error;
    result.detail = detail;
    return result;
}
} // namespace

TrustStore::TrustStore(const QString& directory) : m_directory(directory) {}

QString TrustStore::defaultDirectory()
{
    return QDir(AppPaths::dataDir()).filePath(QStringLiteral("trust"));
}

QString TrustStore::fileFor(const QByteArray& sha256) const
{
    return QDir(m_directory).filePath(QString::fromLatin1(sha256.toHex()) + QStringLiteral(".pem"));
}

QList<QSslCertificate> TrustStore::certificates() const
{
    QList<QSslCertificate> result;
    const QDir dir(m_directory);
    const QStringList files = dir.entryList({QStringLiteral("*.pem")}, QDir::Files, QDir::Name);
    for (const QString& name : files) // parsed again only when a file changed
        result += CertificateFileCache::read(dir.filePath(name), CertificateFileCache::Formats::Pem,
                                             kMaxImportFileBytes)
                      .certificates;
    std::sort(result.begin(), result.end(), [](const QSslCertificate& a, const QSslCertificate& b) {
        return a.subjectInfo(QSslCertificate::CommonName)
                   .value(0)
                   .localeAwareCompare(b.subjectInfo(QSslCertificate::CommonName).value(0)) < 0;
    });
    return result;
}

QList<CertificateInfo> TrustStore::entries() const
{
    QList<CertificateInfo> result;
    for (const QSslCertificate& certificate : certificates())
        result << CertificateInfos::describe(certificate);
    return result;
}

bool TrustStore::contains(const QSslCertificate& certificate) const
{
    return QFile::exists(fileFor(certificate.digest(QCryptographicHash::Sha256)));
}

TrustStoreResult TrustStore::importFile(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return failure(TrustStoreResult::Error::FileUnreadable, QStringLiteral("%1: no such file").arg(path));
    if (file.size() > kMaxImportFileBytes)
        return failure(
            TrustStoreResult::Error::NoCertificate,
            QStringLiteral("%1: %2 bytes is too large for a certificate file").arg(path).arg(file.size()));
    if (!file.open(QIODevice::ReadOnly))
        return failure(TrustStoreResult::Error::FileUnreadable,
                       QStringLiteral("%1: %2").arg(path, file.errorString()));
    const QByteArray data = file.readAll();
    QList<QSslCertificate> certificates = QSslCertificate::fromData(data, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(data, QSsl::Der);
    if (certificates.isEmpty())
        return failure(TrustStoreResult::Error::NoCertificate,
                       QStringLiteral("%1: no PEM or DER certificate found").arg(path));
    return importCertificates(certificates);
}

TrustStoreResult TrustStore::importCertificates(const QList<QSslCertificate>& certificates)
{
    TrustStoreResult result;
    int leaves = 0;
    int present = 0;
    for (const QSslCertificate& certificate : certificates) {
        if (certificate.isNull())
            continue;
        if (!CertificateInfos::isCertificateAuthority(certificate)) {
            ++leaves;
            ++result.skipped;
            continue;
        }
        if (contains(certificate)) {
            ++present;
            ++result.skipped;
            continue;
        }
        if (!QDir().mkpath(m_directory))
            return failure(TrustStoreResult::Error::WriteFailed,
                           QStringLiteral("cannot create %1").arg(m_directory));
        QSaveFile out(fileFor(certificate.digest(QCryptographicHash::Sha256)));
        if (!out.open(QIODevice::WriteOnly) || out.write(certificate.toPem()) < 0 || !out.commit())
            return failure(TrustStoreResult::Error::WriteFailed,
                           QStringLiteral("%1: %2").arg(out.fileName(), out.errorString()));
        ++result.imported;
    }
    if (result.imported == 0) {
        if (leaves > 0 && present == 0)
            return failure(TrustStoreResult::Error::NotCertificateAuthority,
                           QStringLiteral("%1 certificate(s) are not certificate authorities").arg(leaves));
        if (present > 0)
            return failure(TrustStoreResult::Error::AlreadyPresent,
                           QStringLiteral("%1 certificate(s) already in the trust store").arg(present));
        return failure(TrustStoreResult::Error::NoCertificate, QStringLiteral("no certificate to import"));
    }
    result.detail = QStringLiteral("imported %1, skipped %2").arg(result.imported).arg(result.skipped);
    return result;
}

TrustStoreResult TrustStore::remove(const QSslCertificate& certificate)
{
    return removeBySha256(certificate.digest(QCryptographicHash::Sha256));
}

TrustStoreResult TrustStore::removeBySha256(const QByteArray& sha256)
{
    const QString path = fileFor(sha256);
    if (!QFile::exists(path))
        return failure(
            TrustStoreResult::Error::NotFound,
            QStringLiteral("%1 is not in the trust store").arg(QString::fromLatin1(sha256.toHex())));
    if (!QFile::remove(path))
        return failure(TrustStoreResult::Error::WriteFailed, QStringLiteral("cannot remove %1").arg(path));
    return {};
}
