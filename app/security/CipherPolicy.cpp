#include "security/CipherPolicy.h"

#include <QSslConfiguration>

namespace {
// Suites no interactive client should offer whatever the level: no authentication, no
// encryption, pre-shared keys and SRP (Tsunagi never configures those).
const QLatin1String kExclusions(":!aNULL:!eNULL:!PSK:!SRP");
const QLatin1String kFipsExclusions(":!CHACHA20:!CAMELLIA:!ARIA:!SEED:!IDEA:!RC4:!MD5");

bool isPskOrSrp(const QSslCipher& cipher)
{
    const QString kx = cipher.keyExchangeMethod();
    const QString au = cipher.authenticationMethod();
    return kx.contains(QLatin1String("PSK")) || kx.contains(QLatin1String("SRP")) ||
           au.contains(QLatin1String("PSK")) || au.contains(QLatin1String("SRP"));
}

bool isTls13(const QSslCipher& cipher)
{
    return cipher.protocol() == QSsl::TlsV1_3 || cipher.name().startsWith(QLatin1String("TLS_"));
}

bool isAead(const QSslCipher& cipher)
{
    const QString enc = cipher.encryptionMethod();
    return enc.startsWith(QLatin1String("AESGCM")) || enc.startsWith(QLatin1String("CHACHA20")) ||
           enc.startsWith(QLatin1String("AESCCM"));
}

bool isForwardSecret(const QSslCipher& cipher)
{
    const QString kx = cipher.keyExchangeMethod();
    return isTls13(cipher) || kx == QLatin1String("ECDH") || kx == QLatin1String("DH");
}

bool is3Des(const QSslCipher& cipher)
{
    return cipher.encryptionMethod().contains(QLatin1String("3DES")) || cipher.usedBits() == 168 ||
           cipher.name().contains(QLatin1String("DES-CBC3"));
}

bool isAes(const QSslCipher& cipher)
{
    return cipher.encryptionMethod().startsWith(QLatin1String("AES"));
}
} // namespace

namespace CipherPolicies {

bool isFipsApproved(const QSslCipher& cipher)
{
    if (cipher.isNull() || isPskOrSrp(cipher))
        return false;
    // AES (GCM, CCM, CBC) and 3DES are FIPS-approved bulk ciphers; ChaCha20, Camellia and the
    // rest are not. Key exchange ECDHE/DHE/RSA and SHA-1/SHA-2 MACs all have approved forms.
    return isAes(cipher) || is3Des(cipher);
}

bool cipherMatches(const QSslCipher& cipher, EncryptionStrength strength, bool fips)
{
    if (cipher.isNull() || isPskOrSrp(cipher))
        return false;
    if (fips && !isFipsApproved(cipher))
        return false;
    switch (strength) {
    case EncryptionStrength::Default:
        return true;
    case EncryptionStrength::Recommended:
        return isAead(cipher) && isForwardSecret(cipher) &&
               (isTls13(cipher) || cipher.protocol() == QSsl::TlsV1_2 ||
                cipher.protocolString() == QLatin1String("TLSv1.2"));
    case EncryptionStrength::Bits256:
        return cipher.usedBits() == 256 &&
               (isAes(cipher) || cipher.encryptionMethod().startsWith(QLatin1String("CHACHA20")));
    case EncryptionStrength::Bits128:
        return cipher.usedBits() == 128 && isAes(cipher);
    case EncryptionStrength::Bits168:
        return is3Des(cipher);
    }
    return false;
}

CipherPolicy policy(EncryptionStrength strength, bool fips, bool allowLegacyVersions)
{
    CipherPolicy result;
    QString base;
    switch (strength) {
    case EncryptionStrength::Default:
        // The library's own choice; FIPS narrows it to AES and 3DES.
        if (fips) {
            base = QStringLiteral("AES:3DES");
            result.cipherSuites = QStringLiteral("TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256");
        } else {
            // OpenSSL's DEFAULT, minus what Tsunagi never uses (Qt's own list would include PSK).
            base = QStringLiteral("DEFAULT");
        }
        break;
    case EncryptionStrength::Recommended:
        base = QStringLiteral("ECDHE+AESGCM:ECDHE+CHACHA20:DHE+AESGCM:DHE+CHACHA20");
        result.cipherSuites = fips ? QStringLiteral("TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256")
                                   : QStringLiteral("TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:"
                                                    "TLS_AES_128_GCM_SHA256");
        result.tls12Required = true;
        break;
    case EncryptionStrength::Bits256:
        base = QStringLiteral("AES256:CHACHA20");
        result.cipherSuites = fips ? QStringLiteral("TLS_AES_256_GCM_SHA384")
                                   : QStringLiteral("TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256");
        break;
    case EncryptionStrength::Bits128:
        base = QStringLiteral("AES128");
        result.cipherSuites = QStringLiteral("TLS_AES_128_GCM_SHA256");
        break;
    case EncryptionStrength::Bits168:
        base = QStringLiteral("3DES");
        result.tls13Allowed = false; // TLS 1.3 has no 3DES suite
        break;
    }
    if (!base.isEmpty()) {
        result.cipherString = base + kExclusions;
        if (fips)
            result.cipherString += kFipsExclusions;
        if (allowLegacyVersions && !result.tls12Required)
            result.cipherString += QStringLiteral(":@SECLEVEL=0");
    }
    for (const QSslCipher& cipher : QSslConfiguration::supportedCiphers()) {
        if (cipherMatches(cipher, strength, fips))
            result.availableCiphers << cipher;
    }
    return result;
}

bool isAvailable(EncryptionStrength strength, bool fips)
{
    return !policy(strength, fips).availableCiphers.isEmpty();
}

} // namespace CipherPolicies
