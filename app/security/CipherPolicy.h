#pragma once

#include "security/SecuritySettings.h"

#include <QList>
#include <QSslCipher>
#include <QString>

// The explicit cipher-suite policy of each Encryption strength, in OpenSSL's own terms (the
// SSL_CONF commands "CipherString" for TLS 1.2 and below and "Ciphersuites" for TLS 1.3, which
// QSslConfiguration::setBackendConfigurationOption passes through unchanged).
//
//  Default      the TLS library's defaults: OpenSSL's DEFAULT list and its TLS 1.3 suites
//  Recommended  TLS 1.2+ only; ECDHE/DHE key exchange (forward secrecy) with AEAD ciphers
//               (AES-GCM, ChaCha20-Poly1305); all TLS 1.3 suites (all are forward-secret AEAD)
//  256-bit      256-bit bulk ciphers only: AES-256 (GCM, CBC) and ChaCha20-Poly1305
//  128-bit      128-bit AES only (GCM, CBC)
//  168-bit      3DES (legacy, TLS 1.2 and below only); OpenSSL 3 on Debian 12 has none
//
// Every CipherString ends in ":!aNULL:!eNULL:!PSK:!SRP": no unauthenticated or unencrypted
// suites, and none of the pre-shared-key/SRP suites Tsunagi never configures.
//
// FIPS mode intersects the level with FIPS-approved algorithms: AES (GCM/CBC) or 3DES with
// ECDHE/DHE/RSA key exchange and SHA-2 (or SHA-1 HMAC in TLS 1.2 CBC suites), never ChaCha20.
struct CipherPolicy
{
    QString cipherString;       // SSL_CONF "CipherString"; empty = library default
    QString cipherSuites;       // SSL_CONF "Ciphersuites" (TLS 1.3); empty = library default
    bool tls13Allowed = true;   // false: the level has no TLS 1.3 suite (168-bit)
    bool tls12Required = false; // the level needs TLS 1.2 or later (Recommended)

    // The local library's suites that satisfy the policy (QSslConfiguration::supportedCiphers()
    // filtered); empty means the level cannot be provided here.
    QList<QSslCipher> availableCiphers;
};

namespace CipherPolicies {
// The policy of a level, optionally restricted to FIPS-approved suites. When the connection may
// use TLS 1.0/1.1 (allowLegacyVersions), the CipherString ends in @SECLEVEL=0, which those
// versions need on Debian 12 (their handshake signatures use SHA-1/MD5).
CipherPolicy policy(EncryptionStrength strength, bool fips, bool allowLegacyVersions = false);
// Whether the local TLS library has at least one suite for the level.
bool isAvailable(EncryptionStrength strength, bool fips = false);
// Whether one cipher belongs to the level (and to the FIPS set when fips).
bool cipherMatches(const QSslCipher& cipher, EncryptionStrength strength, bool fips);
bool isFipsApproved(const QSslCipher& cipher);
} // namespace CipherPolicies
