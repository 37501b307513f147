#pragma once

#include <QSslCertificate>
#include <QSslCipher>
#include <QString>

// The FIPS key-size rule of the host certificate, checked after the handshake against the
// negotiated suite and the server's key:
//
//   shared (bulk) key              host certificate key
//   3DES (168-bit, 112 effective)  RSA or DSA, at least 1024 bits
//   AES-128                        RSA or DSA, at least 3072 bits
//
// The table names RSA/DSA keys; an elliptic-curve key passes when its curve is at least as
// strong as the bulk cipher (P-256 gives 128-bit security). Other ciphers (AES-256) carry no
// host-key requirement in the table. A suite that is not FIPS-approved at all fails.
struct FipsCheckResult
{
    bool ok = true;
    QString detail; // technical, English: what was negotiated and what the rule wanted
};

namespace FipsPolicy {
// Pure rule: bulk cipher family/bits against the host key's algorithm and size.
FipsCheckResult checkKeySize(const QString& encryptionMethod, int cipherBits, QSsl::KeyAlgorithm keyAlgorithm,
                             int keyBits);
// The negotiated suite and the server's leaf certificate.
FipsCheckResult checkNegotiated(const QSslCipher& cipher, const QSslCertificate& serverCertificate);
} // namespace FipsPolicy
