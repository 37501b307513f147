#pragma once

#include "security/SecuritySettings.h"

#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

// Trust decisions: a certificate the user accepted for a profile, after seeing its SHA-256
// fingerprint, is pinned (SecuritySettings::pinnedCertificates). On later connections only the
// errors about that exact certificate are ignored; a different certificate for a pinned host is
// a mismatch (catalogue entry certificate-changed), whatever the CA says.
namespace CertificatePinning {

enum class PinState
{
    NotPinned,
    Matches,
    Mismatch
};

struct PinCheck
{
    PinState state = PinState::NotPinned;
    QByteArray pinnedSha256; // the pin for this host (Mismatch: the old fingerprint)
    QByteArray peerSha256;
};

// host is what the user typed (case-insensitive match on PinnedCertificate::host).
PinCheck check(const SecuritySettings& settings, const QString& host, const QSslCertificate& peerCertificate);

// The errors to ignore because the peer's certificate is pinned for this host: only errors
// whose certificate is that pinned certificate (or that carry no certificate but concern the
// chain it heads, like SelfSignedCertificate / UnableToGetLocalIssuerCertificate for it). Empty
// when not pinned or mismatched.
QList<QSslError> ignorableErrors(const SecuritySettings& settings, const QString& host,
                                 const QList<QSslCertificate>& peerChain, const QList<QSslError>& reported);

// The pin to store when the user accepts a certificate.
PinnedCertificate pinFor(const QString& host, const QSslCertificate& certificate);
// Replaces any pin for host by the new one.
void addPin(SecuritySettings* settings, const PinnedCertificate& pin);
bool removePin(SecuritySettings* settings, const QString& host, const QByteArray& sha256);

} // namespace CertificatePinning
