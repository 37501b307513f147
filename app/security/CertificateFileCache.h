#pragma once

#include <QList>
#include <QSslCertificate>
#include <QString>

// Certificate files parsed once and reused while their contents stay the same. A connection reads
// its CA files and Tsunagi's trust store each time it is built, and OpenSSL 3 takes about a
// millisecond to parse one PEM certificate; reading the bytes again costs microseconds. The
// cache is keyed by the file's path and the SHA-256 of its bytes, so any change to a file (edited
// in place, replaced, removed) is seen at the next read, whatever its timestamps say.
// Thread-safe.
namespace CertificateFileCache {

enum class Formats
{
    Pem,      // PEM only (Tsunagi's trust store)
    PemOrDer, // PEM, else DER (CA files given by the user)
};

struct Result
{
    enum class Error
    {
        None,
        Missing,       // no such file
        Unreadable,    // larger than the limit, or cannot be opened
        NoCertificate, // read, but no certificate in it
    };
    Error error = Error::None;
    QList<QSslCertificate> certificates;
};

Result read(const QString& path, Formats formats, qint64 maxBytes);

// How many times a file was actually parsed (not served from the cache), for tests.
qint64 parseCount();
void clear();

} // namespace CertificateFileCache
