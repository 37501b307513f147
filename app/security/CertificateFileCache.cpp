#include "security/CertificateFileCache.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QMutex>

namespace {

// More distinct files than a user configures; past it the cache starts over.
constexpr qsizetype kMaxEntries = 256;

struct Entry
{
    QByteArray sha256;
    CertificateFileCache::Formats formats;
    QList<QSslCertificate> certificates;
};

QMutex g_mutex;
QHash<QString, Entry> g_entries;
qint64 g_parses = 0;

} // namespace

namespace CertificateFileCache {

Result read(const QString& path, Formats formats, qint64 maxBytes)
{
    Result result;
    QFile file(path);
    if (!file.exists()) {
        result.error = Result::Error::Missing;
        return result;
    }
    if (file.size() > maxBytes || !file.open(QIODevice::ReadOnly)) {
        result.error = Result::Error::Unreadable;
        return result;
    }
    const QByteArray data = file.readAll();
    if (data.size() > maxBytes) { // grew after the size check
        result.error = Result::Error::Unreadable;
        return result;
    }
    const QByteArray sha256 = QCryptographicHash::hash(data, QCryptographicHash::Sha256);
    {
        QMutexLocker lock(&g_mutex);
        const auto it = g_entries.constFind(path);
        if (it != g_entries.cend() && it->sha256 == sha256 && it->formats == formats) {
            result.certificates = it->certificates;
            if (result.certificates.isEmpty())
                result.error = Result::Error::NoCertificate;
            return result;
        }
    }
    // Parsed outside the lock: other threads' reads of other files need not wait for it.
    result.certificates = QSslCertificate::fromData(data, QSsl::Pem);
    if (result.certificates.isEmpty() && formats == Formats::PemOrDer)
        result.certificates = QSslCertificate::fromData(data, QSsl::Der);
    if (result.certificates.isEmpty())
        result.error = Result::Error::NoCertificate;
    QMutexLocker lock(&g_mutex);
    ++g_parses;
    if (g_entries.size() >= kMaxEntries && !g_entries.contains(path))
        g_entries.clear();
    g_entries.insert(path, Entry{sha256, formats, result.certificates});
    return result;
}

qint64 parseCount()
{
    QMutexLocker lock(&g_mutex);
    return g_parses;
}

void clear()
{
    QMutexLocker lock(&g_mutex);
    g_entries.clear();
}

} // namespace CertificateFileCache
