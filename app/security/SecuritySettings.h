#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

// A profile's Security Properties, as a plain value. Defaults are the secure ones of design.md:
// TLS on, TLS 1.2 minimum, host-name check on, trust both stores, nothing ignored.
// JSON names of the enums (used by the profile file and --diagnose) are in SecuritySettingsNames.

enum class EncryptionStrength
{
    Default,
    Recommended,
    Bits256,
    Bits128,
    Bits168
};
enum class TlsVersion
{
    Tls1_0,
    Tls1_1,
    Tls1_2,
    Tls1_3
};
enum class TrustSource
{
    System,
    App,
    Both
};
enum class RevocationMode
{
    Off,
    Ocsp,
    Crl
};

struct ClientCertificateSettings
{
    // Either a PKCS#12 file (imported into Tsunagi's personal store; this is the stored copy's
    // path) or a PEM certificate plus a PEM key. The passphrase lives in the keychain.
    QString pkcs12File;
    QString certificateFile;
    QString keyFile;

    bool isSet() const { return !pkcs12File.isEmpty() || !certificateFile.isEmpty(); }
    friend bool operator==(const ClientCertificateSettings&, const ClientCertificateSettings&) = default;
};

// A certificate the user accepted for this profile after seeing its fingerprint.
struct PinnedCertificate
{
    QString host;
    QByteArray sha256; // raw digest of the DER certificate
    QDateTime expiry;
    QDateTime acceptedAt;
    friend bool operator==(const PinnedCertificate&, const PinnedCertificate&) = default;
};

// The security proxy: an HTTP CONNECT proxy that wants "Proxy-Authorization: Bearer <token>".
// The token itself is a secret (keychain) or comes from a session link, never from here.
struct SecurityProxySettings
{
    bool enabled = false;
    QString host;
    quint16 port = 0;
    bool tokenFromSessionLink = false;
    friend bool operator==(const SecurityProxySettings&, const SecurityProxySettings&) = default;
};

struct SecuritySettings
{
    bool tlsEnabled = true;
    EncryptionStrength encryptionStrength = EncryptionStrength::Default;
    TlsVersion minimumVersion = TlsVersion::Tls1_2;
    TlsVersion maximumVersion = TlsVersion::Tls1_3;
    bool negotiateAutomatically = false; // no version-specific handshake: whatever both sides support
    bool fipsMode = false;

    // PKI configuration
    TrustSource trustSource = TrustSource::Both;
    QStringList extraCaFiles; // more trusted CA certificates (PEM), e.g. from --ca-file
    ClientCertificateSettings clientCertificate;
    RevocationMode revocation = RevocationMode::Off;
    QStringList crlFiles;
    bool revocationRequired = false; // fail when no revocation answer can be had
    bool verifyHostName = true;
    QList<PinnedCertificate> pinnedCertificates;

    SecurityProxySettings proxy;

    friend bool operator==(const SecuritySettings&, const SecuritySettings&) = default;
};

// Stable names used in files and on the command line.
namespace SecuritySettingsNames {
QString encryptionStrength(EncryptionStrength value); // default|recommended|256|128|168
bool parseEncryptionStrength(const QString& text, EncryptionStrength* value);
QString tlsVersion(TlsVersion value); // 1.0|1.1|1.2|1.3
bool parseTlsVersion(const QString& text, TlsVersion* value);
QString trustSource(TrustSource value); // system|app|both
bool parseTrustSource(const QString& text, TrustSource* value);
QString revocationMode(RevocationMode value); // off|ocsp|crl
bool parseRevocationMode(const QString& text, RevocationMode* value);
} // namespace SecuritySettingsNames
