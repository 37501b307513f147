#include "security/CertificateInfo.h"

#include <QSslKey>

#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace {
QString distinguishedName(const QSslCertificate& certificate, bool subject)
{
    const QList<QPair<QSslCertificate::SubjectInfo, const char*>> fields{
        {QSslCertificate::CommonName, "CN"},          {QSslCertificate::OrganizationalUnitName, "OU"},
        {QSslCertificate::Organization, "O"},         {QSslCertificate::LocalityName, "L"},
        {QSslCertificate::StateOrProvinceName, "ST"}, {QSslCertificate::CountryName, "C"},
    };
    QStringList parts;
    for (const auto& [field, label] : fields) {
        const QStringList values = subject ? certificate.subjectInfo(field) : certificate.issuerInfo(field);
        for (const QString& value : values)
            parts << QStringLiteral("%1=%2").arg(QLatin1String(label), value);
    }
    return parts.join(QStringLiteral(", "));
}

QString keyDescription(const QSslKey& key)
{
    QString algorithm;
    switch (key.algorithm()) {
    case QSsl::Rsa:
        algorithm = QStringLiteral("RSA");
        break;
    case QSsl::Dsa:
        algorithm = QStringLiteral("DSA");
        break;
    case QSsl::Ec:
        algorithm = QStringLiteral("EC");
        break;
    case QSsl::Dh:
        algorithm = QStringLiteral("DH");
        break;
    case QSsl::Opaque:
        algorithm = QStringLiteral("Opaque");
        break;
    }
    return QStringLiteral("%1 %2 bits").arg(algorithm).arg(key.length());
}
} // namespace

namespace CertificateInfos {

QString formatFingerprint(const QByteArray& digest)
{
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

bool isCertificateAuthority(const QSslCertificate& certificate)
{
    const QByteArray der = certificate.toDer();
    const auto* data = reinterpret_cast<const unsigned char*>(der.constData());
    X509* x509 = d2i_X509(nullptr, &data, long(der.size()));
    if (!x509)
        return false;
    // X509_check_ca: 1 = CA by basicConstraints (or v1 self-signed root), others = not a usable CA.
    const bool ca = X509_check_ca(x509) >= 1 && (X509_get_extension_flags(x509) & EXFLAG_CA);
    const bool v1Root = X509_get_version(x509) == 0 && (X509_get_extension_flags(x509) & EXFLAG_SS);
    X509_free(x509);
    return ca || v1Root;
}

CertificateInfo describe(const QSslCertificate& certificate)
{
    CertificateInfo info;
    if (certificate.isNull())
        return info;
    info.subject = distinguishedName(certificate, true);
    info.issuer = distinguishedName(certificate, false);
    info.commonName = certificate.subjectInfo(QSslCertificate::CommonName).value(0, info.subject);
    info.serialNumber = QString::fromLatin1(certificate.serialNumber());
    info.notBefore = certificate.effectiveDate().toUTC();
    info.notAfter = certificate.expiryDate().toUTC();
    info.sha256 = certificate.digest(QCryptographicHash::Sha256);
    info.sha256Hex = formatFingerprint(info.sha256);
    info.keyDescription = keyDescription(certificate.publicKey());
    info.isCa = isCertificateAuthority(certificate);
    info.selfSigned = certificate.isSelfSigned();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    info.expired = info.notAfter < now;
    info.notYetValid = info.notBefore > now;
    return info;
}

} // namespace CertificateInfos
