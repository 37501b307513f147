#pragma once

#include "security/SecuritySettings.h"

#include <QList>
#include <QSslCertificate>
#include <QString>

class QWidget;

// The few core services the security dialogs use, in one place: Tsunagi's trust store and
// personal store, the local TLS library's abilities, and confirmations. The dialogs call these
// and nothing else of app/security, so the widgets stay independent of how the core does it.
namespace SecurityBackend {

struct Outcome
{
    bool ok = true;
    QString message; // translated, for the user
    QString detail;  // technical
};

// Tsunagi's trust store (shared by every profile; lives in the app data folder).
QList<QSslCertificate> trustedCertificates();
// Imports every CA certificate of a PEM or DER file; *imported tells how many were new.
Outcome importTrustedCertificates(const QString& path, int* imported);
Outcome removeTrustedCertificate(const QSslCertificate& certificate);

// What the local TLS library can do.
// fips: restricted to FIPS-approved suites, as FIPS mode does.
bool strengthAvailable(EncryptionStrength strength, bool fips);
bool fipsProviderAvailable();

// The client certificate of ClientCertificateSettings, loaded as a connection would.
struct ClientIdentityInfo
{
    Outcome outcome;
    QSslCertificate certificate; // the leaf
};
ClientIdentityInfo loadClientIdentity(const ClientCertificateSettings& settings, const QString& passphrase);
// Copies a PKCS#12 file into Tsunagi's personal store; *storedPath is the copy's path.
Outcome importPkcs12(const QString& path, const QString& passphrase, QString* storedPath);
bool isInPersonalStore(const QString& path);

// A yes/no warning through the project's MessageBox (tests preset the answer); No is the
// default. informativeText says what answering Yes means.
bool confirm(QWidget* parent, const QString& title, const QString& text, const QString& informativeText);

} // namespace SecurityBackend
