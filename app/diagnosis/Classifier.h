#pragma once

#include "connection/ConnectionRecord.h"
#include "diagnosis/Diagnosis.h"
#include "security/SecuritySettings.h"
#include "security/TlsEnvironment.h"

#include <optional>

// Everything the classifier knows besides the record itself.
struct DiagnosisContext
{
    SecuritySettings settings; // the profile's Security Properties
    QString typedHost;         // what the user typed (record.typedHost when empty)
    // From the TLS environment probe (TlsEnvironment::info()); tests inject their own.
    std::optional<TlsEnvironmentInfo> environment;
    // Whether the local TLS library has a cipher suite for settings.encryptionStrength.
    std::optional<bool> strengthAvailable;
};

// Turns what a connection recorded into one catalogue entry and, where it can tell, the cause.
// Pure: no I/O, so every rule is unit-testable from a synthetic ConnectionRecord.
namespace Classifier {
Diagnosis classify(const ConnectionRecord& record, const DiagnosisContext& context);

// A context with the real environment probe and cipher availability filled in.
DiagnosisContext probedContext(const SecuritySettings& settings, const QString& typedHost);

// Helpers the UI and tests share.
bool isIpAddress(const QString& host);
// Names a certificate is valid for (DNS SANs, else the CN), in certificate order.
QStringList certificateNames(const QSslCertificate& certificate);
} // namespace Classifier
