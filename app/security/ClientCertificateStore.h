#pragma once

#include "security/CertificateInfo.h"
#include "security/SecuritySettings.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

// Client certificates: a PKCS#12 file (copied into Tsunagi's personal store,
// AppPaths::dataDir()/personal, so the profile keeps working when the original moves) or a PEM
// certificate plus a PEM key (optionally encrypted). Passphrases come from the caller (the
// keychain) and are never stored here. Every failure is a value with a reason.
struct ClientIdentity
{
    enum class Error
    {
        None,
        NotConfigured, // no client certificate in the settings
        FileMissing,   // the PKCS#12, certificate or key file does not exist
        FileUnreadable,
        WrongPassphrase,  // PKCS#12 MAC or encrypted key did not open with the passphrase
        PassphraseNeeded, // encrypted and no passphrase given
        NoCertificate,    // no certificate in the file
        NoPrivateKey,     // no usable private key in the file
        KeyMismatch,      // the key does not belong to the certificate
    };
    Error error = Error::None;
    QString detail; // technical, English (file name, what failed)
    QSslCertificate certificate;
    QSslKey privateKey;
    QList<QSslCertificate> chain; // extra certificates of a PKCS#12 (sent after the leaf)
    bool ok() const { return error == Error::None; }
};

struct PersonalImportResult
{
    ClientIdentity::Error error = ClientIdentity::Error::None;
    QString detail;
    QString storedPath; // the copy in the personal store (goes into ClientCertificateSettings::pkcs12File)
    CertificateInfo info;
    bool ok() const { return error == ClientIdentity::Error::None; }
};

namespace ClientCertificateStore {
QString personalDirectory(); // AppPaths::dataDir() + "/personal"
bool isInPersonalStore(const QString& path);

// Loads what the settings name, as a connection would.
ClientIdentity load(const ClientCertificateSettings& settings, const QByteArray& passphrase);
ClientIdentity loadPkcs12(const QString& path, const QByteArray& passphrase);
ClientIdentity loadPem(const QString& certificateFile, const QString& keyFile, const QByteArray& passphrase);

// Checks the file opens with the passphrase, then copies it into the personal store.
PersonalImportResult importPkcs12(const QString& path, const QByteArray& passphrase,
                                  const QString& personalDir = personalDirectory());
bool removeFromPersonalStore(const QString& storedPath);

// Whether the key belongs to the certificate (libcrypto X509_check_private_key).
bool keyMatchesCertificate(const QSslKey& key, const QSslCertificate& certificate);
} // namespace ClientCertificateStore
