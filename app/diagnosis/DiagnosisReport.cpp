#include "diagnosis/DiagnosisReport.h"

#include "core/Translations.h"
#include "diagnosis/ErrorCatalogue.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSslCipher>
#include <QTimeZone>

namespace DiagnosisReport {
namespace {

constexpr char kContext[] = "DiagnosisReport";

// Labels of the report (the catalogue's own texts are in "ErrorCatalogue").
constexpr const char* kConnected = QT_TRANSLATE_NOOP("DiagnosisReport", "Connected and verified.");
constexpr const char* kDetectedCause = QT_TRANSLATE_NOOP("DiagnosisReport", "Detected cause:");
constexpr const char* kOtherCauses = QT_TRANSLATE_NOOP("DiagnosisReport", "Other possible causes:");
constexpr const char* kPossibleCauses = QT_TRANSLATE_NOOP("DiagnosisReport", "Possible causes:");
constexpr const char* kSteps = QT_TRANSLATE_NOOP("DiagnosisReport", "Steps to fix:");
constexpr const char* kUseInstead = QT_TRANSLATE_NOOP("DiagnosisReport", "Host name to use instead: %1");
constexpr const char* kSettingPlace = QT_TRANSLATE_NOOP("DiagnosisReport", "Setting that fixes it: %1");
constexpr const char* kTechnical = QT_TRANSLATE_NOOP("DiagnosisReport", "Technical details");
constexpr const char* kTarget = QT_TRANSLATE_NOOP("DiagnosisReport", "Host");
constexpr const char* kStage = QT_TRANSLATE_NOOP("DiagnosisReport", "Stage");
constexpr const char* kSocketError = QT_TRANSLATE_NOOP("DiagnosisReport", "Socket error");
constexpr const char* kTlsErrors = QT_TRANSLATE_NOOP("DiagnosisReport", "TLS errors");
constexpr const char* kAlertSent = QT_TRANSLATE_NOOP("DiagnosisReport", "Alert sent");
constexpr const char* kAlertReceived = QT_TRANSLATE_NOOP("DiagnosisReport", "Alert received");
constexpr const char* kProtocol = QT_TRANSLATE_NOOP("DiagnosisReport", "Protocol");
constexpr const char* kCipher = QT_TRANSLATE_NOOP("DiagnosisReport", "Cipher");
constexpr const char* kBytes = QT_TRANSLATE_NOOP("DiagnosisReport", "Bytes received");
constexpr const char* kTelnet = QT_TRANSLATE_NOOP("DiagnosisReport", "Telnet options");
constexpr const char* kElapsed = QT_TRANSLATE_NOOP("DiagnosisReport", "Elapsed");
constexpr const char* kMilliseconds = QT_TRANSLATE_NOOP("DiagnosisReport", "%1 ms");
constexpr const char* kChain = QT_TRANSLATE_NOOP("DiagnosisReport", "Certificate chain");
constexpr const char* kSubject = QT_TRANSLATE_NOOP("DiagnosisReport", "Subject");
constexpr const char* kIssuer = QT_TRANSLATE_NOOP("DiagnosisReport", "Issuer");
constexpr const char* kValidFrom = QT_TRANSLATE_NOOP("DiagnosisReport", "Valid from");
constexpr const char* kValidUntil = QT_TRANSLATE_NOOP("DiagnosisReport", "Valid until");
constexpr const char* kFingerprint = QT_TRANSLATE_NOOP("DiagnosisReport", "SHA-256 fingerprint");
constexpr const char* kEvidence = QT_TRANSLATE_NOOP("DiagnosisReport", "Evidence");
constexpr const char* kNone = QT_TRANSLATE_NOOP("DiagnosisReport", "none");
constexpr const char* kSupportHeader =
    QT_TRANSLATE_NOOP("DiagnosisReport", "Tsunagi connection report (for support)");

QString tr(const QString& language, const char* source)
{
    return Translations::instance().translate(language, kContext, source);
}

QString isoTime(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QString distinguishedName(const QSslCertificate& certificate, bool issuer)
{
    QStringList parts;
    const QList<QByteArray> attributes =
        issuer ? certificate.issuerInfoAttributes() : certificate.subjectInfoAttributes();
    for (const QByteArray& attribute : attributes) {
        const QStringList values =
            issuer ? certificate.issuerInfo(attribute) : certificate.subjectInfo(attribute);
        for (const QString& value : values)
            parts << QStringLiteral("%1=%2").arg(QString::fromLatin1(attribute), value);
    }
    return parts.join(QStringLiteral(", "));
}

QString socketErrorText(const ConnectionRecord& record)
{
    if (!record.socketError)
        return {};
    return record.socketErrorString.isEmpty() ? QStringLiteral("error %1").arg(int(*record.socketError))
                                              : record.socketErrorString;
}

QString alertsText(const QList<TlsAlertRecord>& alerts)
{
    QStringList texts;
    for (const TlsAlertRecord& alert : alerts)
        texts << alertText(alert);
    return texts.join(QStringLiteral("; "));
}

} // namespace

QString sha256Fingerprint(const QSslCertificate& certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

QString alertText(const TlsAlertRecord& alert)
{
    const QString level = alert.level == 2   ? QStringLiteral("fatal")
                          : alert.level == 1 ? QStringLiteral("warning")
                                             : QStringLiteral("level %1").arg(alert.level);
    return QStringLiteral("%1 %2 %3").arg(level).arg(alert.type).arg(alert.description).trimmed();
}

QString technicalDetails(const Diagnosis& diagnosis, const ConnectionRecord& record, const QString& language)
{
    QStringList lines;
    auto field = [&](const char* label, const QString& value) {
        lines << QStringLiteral("%1: %2").arg(tr(language, label),
                                              value.isEmpty() ? tr(language, kNone) : value);
    };
    field(kTarget, QStringLiteral("%1:%2").arg(record.typedHost).arg(record.port));
    field(kStage, connectionStageName(record.stageReached));
    field(kSocketError, socketErrorText(record));
    QStringList sslErrors;
    for (const QSslError& error : record.sslErrors)
        sslErrors << error.errorString();
    field(kTlsErrors, sslErrors.join(QStringLiteral("; ")));
    field(kAlertSent, alertsText(record.alertsSent));
    field(kAlertReceived, alertsText(record.alertsReceived));
    field(kProtocol, record.protocol);
    field(kCipher, record.cipher);
    field(kBytes, QString::number(record.bytesReceived));
    if (!record.telnetOptions.isEmpty())
        field(kTelnet, record.telnetOptions.join(QStringLiteral(", ")));
    field(kElapsed, tr(language, kMilliseconds).arg(record.elapsedMs));
    if (!record.peerChain.isEmpty()) {
        lines << tr(language, kChain) + QLatin1Char(':');
        for (int i = 0; i < record.peerChain.size(); ++i) {
            const QSslCertificate& certificate = record.peerChain.at(i);
            lines << QStringLiteral("  [%1] %2: %3")
                         .arg(i)
                         .arg(tr(language, kSubject), distinguishedName(certificate, false));
            lines << QStringLiteral("      %1: %2")
                         .arg(tr(language, kIssuer), distinguishedName(certificate, true));
            lines << QStringLiteral("      %1: %2")
                         .arg(tr(language, kValidFrom), isoTime(certificate.effectiveDate()));
            lines << QStringLiteral("      %1: %2")
                         .arg(tr(language, kValidUntil), isoTime(certificate.expiryDate()));
            lines << QStringLiteral("      %1: %2")
                         .arg(tr(language, kFingerprint), sha256Fingerprint(certificate));
        }
    }
    if (!diagnosis.evidence.isEmpty()) {
        lines << tr(language, kEvidence) + QLatin1Char(':');
        for (const QString& line : diagnosis.evidence)
            lines << QStringLiteral("  - %1").arg(line);
    }
    return lines.join(QLatin1Char('\n'));
}

QString toText(const Diagnosis& diagnosis, const ConnectionRecord& record, const QString& language)
{
    QStringList out;
    const ErrorCatalogue::Entry* entry = ErrorCatalogue::find(diagnosis.entryId);
    if (diagnosis.ok() || !entry) {
        out << tr(language, kConnected);
    } else {
        out << entry->titleText(language);
        out << QString();
        out << entry->summaryText(language);
        out << QString();
        const ErrorCatalogue::Cause* detected = entry->cause(diagnosis.causeId);
        if (detected) {
            out << tr(language, kDetectedCause);
            out << QStringLiteral("  * %1").arg(detected->causeText(language));
        }
        QStringList others;
        for (const ErrorCatalogue::Cause& cause : entry->causes) {
            if (&cause != detected)
                others << QStringLiteral("  - %1").arg(cause.causeText(language));
        }
        if (!others.isEmpty()) {
            out << tr(language, detected ? kOtherCauses : kPossibleCauses);
            out << others;
        }
        out << QString();
        out << tr(language, kSteps);
        const QStringList steps = entry->stepTexts(language);
        for (int i = 0; i < steps.size(); ++i)
            out << QStringLiteral("  %1. %2").arg(i + 1).arg(steps.at(i));
        const QString place = ErrorCatalogue::fixSettingText(diagnosis.fixSetting(), language);
        if (!diagnosis.suggestedHosts.isEmpty() || !place.isEmpty())
            out << QString();
        if (!diagnosis.suggestedHosts.isEmpty())
            out << tr(language, kUseInstead).arg(diagnosis.suggestedHosts.join(QStringLiteral(", ")));
        if (!place.isEmpty())
            out << tr(language, kSettingPlace).arg(place);
    }
    out << QString() << tr(language, kTechnical) + QLatin1Char(':');
    out << technicalDetails(diagnosis, record, language);
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QJsonObject toJson(const Diagnosis& diagnosis, const ConnectionRecord& record, const QString& language)
{
    QJsonObject object;
    const ErrorCatalogue::Entry* entry = ErrorCatalogue::find(diagnosis.entryId);
    object.insert(QStringLiteral("ok"), diagnosis.ok());
    object.insert(QStringLiteral("entry"), entry ? QJsonValue(entry->id) : QJsonValue(QJsonValue::Null));
    object.insert(QStringLiteral("cause"), entry && entry->cause(diagnosis.causeId)
                                               ? QJsonValue(diagnosis.causeId)
                                               : QJsonValue(QJsonValue::Null));
    object.insert(QStringLiteral("title"), entry ? entry->titleText(language) : tr(language, kConnected));
    object.insert(QStringLiteral("summary"), entry ? entry->summaryText(language) : QString());
    QJsonArray causes;
    QJsonArray remediation;
    if (entry) {
        for (const ErrorCatalogue::Cause& cause : entry->causes) {
            causes.append(QJsonObject{{QStringLiteral("id"), cause.id},
                                      {QStringLiteral("text"), cause.causeText(language)},
                                      {QStringLiteral("detected"), cause.id == diagnosis.causeId}});
        }
        for (const QString& step : entry->stepTexts(language))
            remediation.append(step);
    }
    object.insert(QStringLiteral("causes"), causes);
    object.insert(QStringLiteral("remediation"), remediation);

    QJsonObject details;
    details.insert(QStringLiteral("stage"), connectionStageName(record.stageReached));
    details.insert(QStringLiteral("socketError"), socketErrorText(record));
    QJsonArray sslErrors;
    for (const QSslError& error : record.sslErrors)
        sslErrors.append(error.errorString());
    details.insert(QStringLiteral("sslErrors"), sslErrors);
    details.insert(QStringLiteral("alertSent"), alertsText(record.alertsSent));
    details.insert(QStringLiteral("alertReceived"), alertsText(record.alertsReceived));
    details.insert(QStringLiteral("protocol"), record.protocol);
    details.insert(QStringLiteral("cipher"), record.cipher);
    details.insert(QStringLiteral("bytesReceived"), record.bytesReceived);
    details.insert(QStringLiteral("telnetOptions"), QJsonArray::fromStringList(record.telnetOptions));
    details.insert(QStringLiteral("suggestedHosts"), QJsonArray::fromStringList(diagnosis.suggestedHosts));
    QJsonArray chain;
    for (const QSslCertificate& certificate : record.peerChain) {
        chain.append(QJsonObject{{QStringLiteral("subject"), distinguishedName(certificate, false)},
                                 {QStringLiteral("issuer"), distinguishedName(certificate, true)},
                                 {QStringLiteral("notBefore"), isoTime(certificate.effectiveDate())},
                                 {QStringLiteral("notAfter"), isoTime(certificate.expiryDate())},
                                 {QStringLiteral("sha256"), sha256Fingerprint(certificate)}});
    }
    details.insert(QStringLiteral("peerChain"), chain);
    details.insert(QStringLiteral("elapsedMs"), record.elapsedMs);
    object.insert(QStringLiteral("details"), details);
    return object;
}

QString supportReport(const Diagnosis& diagnosis, const ConnectionRecord& record)
{
    QStringList parts;
    parts << QStringLiteral("%1 / %2").arg(tr(QStringLiteral("en"), kSupportHeader),
                                           tr(QStringLiteral("ja"), kSupportHeader));
    parts << QStringLiteral("entry: %1  cause: %2")
                 .arg(diagnosis.entryId.isEmpty() ? QStringLiteral("-") : diagnosis.entryId,
                      diagnosis.causeId.isEmpty() ? QStringLiteral("-") : diagnosis.causeId);
    parts << QStringLiteral("==== English ====") << toText(diagnosis, record, QStringLiteral("en"));
    parts << QStringLiteral("==== 日本語 ====") << toText(diagnosis, record, QStringLiteral("ja"));
    return parts.join(QLatin1Char('\n'));
}

} // namespace DiagnosisReport
