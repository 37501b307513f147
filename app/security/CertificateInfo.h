#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QSslCertificate>
#include <QString>

// What the dialogs show about one certificate (trust store, client certificate, chain viewer).
struct CertificateInfo
{
    QString subject; // "CN=Test Root, O=Example" (most specific first: CN, O, OU, C)
    QString issuer;
    QString commonName;     // subject CN, or the subject when there is none
    QString serialNumber;   // "1a:2b:..."
    QDateTime notBefore;    // UTC
    QDateTime notAfter;     // UTC
    QByteArray sha256;      // raw digest of the DER certificate
    QString sha256Hex;      // "AB:CD:..." (upper case, colon separated)
    QString keyDescription; // "RSA 2048 bits", "EC 256 bits"
    bool isCa = false;      // basicConstraints CA:TRUE
    bool selfSigned = false;
    bool expired = false;
    bool notYetValid = false;
};

namespace CertificateInfos {
CertificateInfo describe(const QSslCertificate& certificate);
QString formatFingerprint(const QByteArray& digest); // "AB:CD:..."
bool isCertificateAuthority(const QSslCertificate& certificate);
} // namespace CertificateInfos
