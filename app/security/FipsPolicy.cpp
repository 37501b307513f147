#include "security/FipsPolicy.h"

#include "security/CipherPolicy.h"

#include <QSslKey>

namespace {
QString algorithmName(QSsl::KeyAlgorithm algorithm)
{
    switch (algorithm) {
    case QSsl::Rsa:
        return QStringLiteral("RSA");
    case QSsl::Dsa:
        return QStringLiteral("DSA");
    case QSsl::Ec:
        return QStringLiteral("EC");
    case QSsl::Dh:
        return QStringLiteral("DH");
    case QSsl::Opaque:
        break;
    }
    return QStringLiteral("opaque");
}

// Security strength in bits of an elliptic-curve key of the given field size (NIST SP 800-57).
int ecStrength(int keyBits)
{
    return keyBits / 2;
}
} // namespace

namespace FipsPolicy {

FipsCheckResult checkKeySize(const QString& encryptionMethod, int cipherBits, QSsl::KeyAlgorithm keyAlgorithm,
                             int keyBits)
{
    FipsCheckResult result;
    const bool tripleDes = encryptionMethod.contains(QLatin1String("3DES")) || cipherBits == 168;
    const bool aes128 = encryptionMethod.startsWith(QLatin1String("AES")) && cipherBits == 128;
    const QString key = QStringLiteral("%1 %2-bit").arg(algorithmName(keyAlgorithm)).arg(keyBits);

    int requiredRsaDsaBits = 0;
    int requiredEcStrength = 0;
    if (tripleDes) {
        requiredRsaDsaBits = 1024;
        requiredEcStrength = 80;
    } else if (aes128) {
        requiredRsaDsaBits = 3072;
        requiredEcStrength = 128;
    }
    if (requiredRsaDsaBits == 0) {
        result.detail = QStringLiteral("%1 (%2 bits): no host-key size requirement; host key %3")
                            .arg(encryptionMethod)
                            .arg(cipherBits)
                            .arg(key);
        return result;
    }
    if (keyAlgorithm == QSsl::Rsa || keyAlgorithm == QSsl::Dsa) {
        result.ok = keyBits >= requiredRsaDsaBits;
        result.detail =
            QStringLiteral("%1 (%2 bits) needs an RSA or DSA host key of at least %3 bits; host key %4")
                .arg(encryptionMethod)
                .arg(cipherBits)
                .arg(requiredRsaDsaBits)
                .arg(key);
    } else if (keyAlgorithm == QSsl::Ec) {
        result.ok = ecStrength(keyBits) >= requiredEcStrength;
        result.detail =
            QStringLiteral("%1 (%2 bits) needs a host key of at least %3-bit strength; host key %4")
                .arg(encryptionMethod)
                .arg(cipherBits)
                .arg(requiredEcStrength)
                .arg(key);
    } else {
        result.ok = false;
        result.detail = QStringLiteral("%1 (%2 bits): host key %3 cannot be checked against the FIPS rule")
                            .arg(encryptionMethod)
                            .arg(cipherBits)
                            .arg(key);
    }
    return result;
}

FipsCheckResult checkNegotiated(const QSslCipher& cipher, const QSslCertificate& serverCertificate)
{
    if (cipher.isNull())
        return {false, QStringLiteral("no negotiated cipher suite")};
    if (!CipherPolicies::isFipsApproved(cipher))
        return {false, QStringLiteral("%1 (%2) is not a FIPS-approved cipher suite")
                           .arg(cipher.name(), cipher.encryptionMethod())};
    const QSslKey key = serverCertificate.publicKey();
    if (serverCertificate.isNull() || key.isNull())
        return {false, QStringLiteral("%1: the server's certificate key is unavailable").arg(cipher.name())};
    FipsCheckResult result =
        checkKeySize(cipher.encryptionMethod(), cipher.usedBits(), key.algorithm(), key.length());
    result.detail = cipher.name() + QStringLiteral(": ") + result.detail;
    return result;
}

} // namespace FipsPolicy
