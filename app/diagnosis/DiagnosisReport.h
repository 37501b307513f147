#pragma once

#include "connection/ConnectionRecord.h"
#include "diagnosis/Diagnosis.h"

#include <QJsonObject>
#include <QString>

// The report of a diagnosed connection, in a given language ("en" or "ja"). The error dialog,
// "Copy for support" and `tsunagi --diagnose` all show the same thing.
namespace DiagnosisReport {

// What a person reads: title, explanation, detected cause, other possible causes, numbered steps,
// names to use instead, technical details (stage, errors, alerts, chain with SHA-256).
QString toText(const Diagnosis& diagnosis, const ConnectionRecord& record, const QString& language);

// Only the "technical details" part of toText (labels translated, values as recorded).
QString technicalDetails(const Diagnosis& diagnosis, const ConnectionRecord& record, const QString& language);

// The `--diagnose --json` object of design.md: ok, entry, cause, title, summary,
// causes[{id,text,detected}], remediation[], details{stage, socketError, sslErrors, alertSent,
// alertReceived, protocol, cipher, bytesReceived, telnetOptions, suggestedHosts, peerChain[
// {subject, issuer, notBefore, notAfter, sha256}], elapsedMs}. On success entry and cause are null.
QJsonObject toJson(const Diagnosis& diagnosis, const ConnectionRecord& record, const QString& language);

// The plain-text report in English and Japanese, for support (no secrets are recorded, so none
// can leak; proxy replies are reduced to their status line).
QString supportReport(const Diagnosis& diagnosis, const ConnectionRecord& record);

// "AB:CD:..." SHA-256 of a certificate.
QString sha256Fingerprint(const QSslCertificate& certificate);
// "fatal 70 protocol version"
QString alertText(const TlsAlertRecord& alert);

} // namespace DiagnosisReport
