#pragma once

#include "security/CertificateInfo.h"

#include <QList>
#include <QSslCertificate>
#include <QString>

// Tsunagi's own trust store: CA certificates the user imported, shared by every profile, kept
// as one PEM file per certificate (named by SHA-256) in AppPaths::dataDir()/trust.
// Errors are values; nothing here shows a dialog.
struct TrustStoreResult
{
    enum class Error
    {
        None,
        FileUnreadable,          // missing or no permission
        NoCertificate,           // neither PEM nor DER certificate(s) in the file
        NotCertificateAuthority, // a leaf certificate (basicConstraints CA:FALSE or absent)
        AlreadyPresent,          // every certificate in the file was already in the store
        WriteFailed,
        NotFound, // remove: no such certificate in the store
    };
    Error error = Error::None;
    QString detail;   // technical, English
    int imported = 0; // new certificates written
    int skipped = 0;  // already present or not a CA
    bool ok() const { return error == Error::None; }
};

class TrustStore final
{
public:
    explicit TrustStore(const QString& directory = defaultDirectory());
    static QString defaultDirectory(); // AppPaths::dataDir() + "/trust"

    QString directory() const { return m_directory; }
    QList<QSslCertificate> certificates() const; // sorted by common name
    QList<CertificateInfo> entries() const;
    bool contains(const QSslCertificate& certificate) const;

    // Imports every CA certificate of a PEM (one or many) or DER file. Leaves are refused
    // (a trust store holds authorities); pin a leaf on the profile instead.
    TrustStoreResult importFile(const QString& path);
    TrustStoreResult importCertificates(const QList<QSslCertificate>& certificates);
    TrustStoreResult remove(const QSslCertificate& certificate);
    TrustStoreResult removeBySha256(const QByteArray& sha256);

private:
    QString fileFor(const QByteArray& sha256) const;
    QString m_directory;
};
