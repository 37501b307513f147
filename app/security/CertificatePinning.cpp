#include "security/CertificatePinning.h"

namespace CertificatePinning {

namespace {
const PinnedCertificate* pinForHost(const SecuritySettings& settings, const QString& host)
{
    for (const PinnedCertificate& pin : settings.pinnedCertificates) {
        if (pin.host.compare(host, Qt::CaseInsensitive) == 0)
            return &pin;
    }
    return nullptr;
}
} // namespace

PinCheck check(const SecuritySettings& settings, const QString& host, const QSslCertificate& peerCertificate)
{
    PinCheck result;
    result.peerSha256 = peerCertificate.digest(QCryptographicHash::Sha256);
    const PinnedCertificate* pin = pinForHost(settings, host);
    if (!pin)
        return result;
    result.pinnedSha256 = pin->sha256;
    result.state = (!peerCertificate.isNull() && pin->sha256 == result.peerSha256) ? PinState::Matches
                                                                                   : PinState::Mismatch;
    return result;
}

QList<QSslError> ignorableErrors(const SecuritySettings& settings, const QString& host,
                                 const QList<QSslCertificate>& peerChain, const QList<QSslError>& reported)
{
    if (peerChain.isEmpty() || check(settings, host, peerChain.first()).state != PinState::Matches)
        return {};
    // The user accepted this exact leaf: its own verification errors, and those about the rest
    // of the chain it came with, are the ones they saw and accepted.
    QList<QSslError> ignorable;
    for (const QSslError& error : reported) {
        if (error.certificate().isNull() || peerChain.contains(error.certificate()))
            ignorable << error;
    }
    return ignorable;
}

PinnedCertificate pinFor(const QString& host, const QSslCertificate& certificate)
{
    PinnedCertificate pin;
    pin.host = host;
    pin.sha256 = certificate.digest(QCryptographicHash::Sha256);
    pin.expiry = certificate.expiryDate().toUTC();
    pin.acceptedAt = QDateTime::currentDateTimeUtc();
    return pin;
}

void addPin(SecuritySettings* settings, const PinnedCertificate& pin)
{
    settings->pinnedCertificates.removeIf(
        [&pin](const PinnedCertificate& p) { return p.host.compare(pin.host, Qt::CaseInsensitive) == 0; });
    settings->pinnedCertificates.append(pin);
}

bool removePin(SecuritySettings* settings, const QString& host, const QByteArray& sha256)
{
    return settings->pinnedCertificates.removeIf([&](const PinnedCertificate& p) {
        return p.host.compare(host, Qt::CaseInsensitive) == 0 && p.sha256 == sha256;
    }) > 0;
}

} // namespace CertificatePinning
