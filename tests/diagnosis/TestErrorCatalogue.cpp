#include "diagnosis/Classifier.h"
#include "diagnosis/DiagnosisReport.h"
#include "diagnosis/ErrorCatalogue.h"

#include "TestPki.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

// The catalogue is complete (design.md's ids), every text has a finished Japanese translation,
// and the report has every field of the `--diagnose --json` contract in both languages.
class TestErrorCatalogue final : public QObject
{
    Q_OBJECT

private:
    static const QRegularExpression& japanese()
    {
        static const QRegularExpression re(QStringLiteral("[\\x{3040}-\\x{30ff}\\x{4e00}-\\x{9fff}]"));
        return re;
    }
    static void checkJapanese(const char* source, const QString& ja, QStringList* problems)
    {
        const QString en = QString::fromUtf8(source);
        if (ja == en || !ja.contains(japanese()))
            *problems << en;
        // Same placeholders in both.
        static const QRegularExpression placeholder(QStringLiteral("%\\d"));
        QStringList a, b;
        for (auto it = placeholder.globalMatch(en); it.hasNext();)
            a << it.next().captured();
        for (auto it = placeholder.globalMatch(ja); it.hasNext();)
            b << it.next().captured();
        if (a != b)
            *problems << QStringLiteral("placeholders differ: ") + en;
        // Japanese punctuation: no ASCII sentence ends after Japanese text.
        if (ja.contains(
                QRegularExpression(QStringLiteral("[\\x{3040}-\\x{30ff}\\x{4e00}-\\x{9fff}]\\.( |$)"))))
            *problems << QStringLiteral("ASCII full stop: ") + ja;
    }

private slots:
    void hasEveryDesignId()
    {
        // design.md's table: entry id -> cause ids (a contract for tests, scripts and --json).
        const QList<QPair<QString, QStringList>> design{
            {QStringLiteral("proxy-token-invalid"),
             {QStringLiteral("token-expired"), QStringLiteral("token-rejected"),
              QStringLiteral("proxy-distrusts-issuer")}},
            {QStringLiteral("proxy-token-missing"),
             {QStringLiteral("no-token-configured"), QStringLiteral("session-not-started-from-link")}},
            {QStringLiteral("handshake-failed"),
             {QStringLiteral("encryption-strength-rejected"), QStringLiteral("server-not-tls"),
              QStringLiteral("protocol-version-unsupported"), QStringLiteral("server-unavailable"),
              QStringLiteral("fips-requirements-unmet")}},
            {QStringLiteral("client-credentials-missing"),
             {QStringLiteral("no-client-certificate"), QStringLiteral("client-certificate-rejected"),
              QStringLiteral("client-key-unusable")}},
            {QStringLiteral("handshake-timeout"),
             {QStringLiteral("server-silent"), QStringLiteral("network-slow")}},
            {QStringLiteral("message-corrupted"), {QStringLiteral("record-integrity-failure")}},
            {QStringLiteral("certificate-untrusted"),
             {QStringLiteral("issuer-not-trusted"), QStringLiteral("self-signed"), QStringLiteral("expired"),
              QStringLiteral("not-yet-valid"), QStringLiteral("revoked"),
              QStringLiteral("revocation-unavailable")}},
            {QStringLiteral("certificate-hostname-mismatch"),
             {QStringLiteral("ip-address-used"), QStringLiteral("short-name-used"),
              QStringLiteral("name-not-in-certificate")}},
            {QStringLiteral("encryption-strength-unavailable"), {QStringLiteral("no-local-cipher-suites")}},
            {QStringLiteral("tls-library-missing"), {QStringLiteral("tls-backend-missing")}},
            {QStringLiteral("crypto-library-missing"), {QStringLiteral("openssl-unavailable")}},
            {QStringLiteral("security-provider-missing"), {QStringLiteral("provider-unavailable")}},
            {QStringLiteral("system-trust-store-missing"), {QStringLiteral("no-system-certificates")}},
            {QStringLiteral("certificate-changed"), {QStringLiteral("pinned-certificate-mismatch")}},
            {QStringLiteral("connection-refused"), {QStringLiteral("port-closed")}},
            {QStringLiteral("host-not-found"), {QStringLiteral("name-unresolvable")}},
            {QStringLiteral("network-unreachable"), {QStringLiteral("no-route")}},
            {QStringLiteral("connect-timeout"), {QStringLiteral("no-answer")}},
            {QStringLiteral("connection-lost"),
             {QStringLiteral("remote-closed"), QStringLiteral("network-error")}},
            {QStringLiteral("proxy-unreachable"),
             {QStringLiteral("proxy-refused"), QStringLiteral("proxy-not-found")}},
        };
        QStringList designIds;
        for (const auto& [entryId, causeIds] : design) {
            designIds << entryId;
            const ErrorCatalogue::Entry* entry = ErrorCatalogue::find(entryId);
            QVERIFY2(entry, qPrintable(entryId));
            QStringList ids;
            for (const ErrorCatalogue::Cause& cause : entry->causes)
                ids << cause.id;
            QCOMPARE(ids, causeIds);
            QVERIFY2(!entry->steps.isEmpty(), qPrintable(entryId));
        }
        QCOMPARE(ErrorCatalogue::entryIds(), designIds);
    }

    void fixSettingsAreKnownPlaces()
    {
        for (const ErrorCatalogue::Entry& entry : ErrorCatalogue::entries()) {
            QStringList settings{entry.fixSetting};
            for (const ErrorCatalogue::Cause& cause : entry.causes)
                settings << cause.fixSetting;
            for (const QString& setting : settings) {
                if (setting.isEmpty())
                    continue;
                QVERIFY2(!ErrorCatalogue::fixSettingText(setting, QStringLiteral("en")).isEmpty(),
                         qPrintable(setting));
            }
        }
        QCOMPARE(ErrorCatalogue::fixSettingFor(QStringLiteral("handshake-failed"),
                                               QStringLiteral("server-not-tls")),
                 QStringLiteral("profile/port"));
        QCOMPARE(ErrorCatalogue::fixSettingFor(QStringLiteral("handshake-failed"), QString()),
                 QStringLiteral("ssl-tls/encryption-strength"));
        QCOMPARE(
            ErrorCatalogue::fixSettingFor(QStringLiteral("certificate-untrusted"), QStringLiteral("revoked")),
            QStringLiteral("pki/revocation"));
    }

    void everyTextHasFinishedJapanese()
    {
        const QString ja = QStringLiteral("ja");
        QStringList problems;
        int texts = 0;
        for (const ErrorCatalogue::Entry& entry : ErrorCatalogue::entries()) {
            checkJapanese(entry.title, entry.titleText(ja), &problems);
            checkJapanese(entry.summary, entry.summaryText(ja), &problems);
            for (const ErrorCatalogue::Cause& cause : entry.causes)
                checkJapanese(cause.text, cause.causeText(ja), &problems);
            for (const char* step : entry.steps)
                checkJapanese(step, ErrorCatalogue::translate(ja, step), &problems);
            texts += 2 + entry.causes.size() + entry.steps.size();
        }
        QVERIFY(texts > 100);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        // The glossary's words, where they appear.
        QVERIFY(ErrorCatalogue::find(QStringLiteral("handshake-failed"))
                    ->titleText(ja)
                    .contains(QStringLiteral("ハンドシェイク")));
        QCOMPARE(ErrorCatalogue::fixSettingText(QStringLiteral("ssl-tls/encryption-strength"), ja),
                 QStringLiteral("セキュリティのプロパティ > SSL/TLS > 暗号化レベル"));
    }

    void factsOfTheReferenceCarryOver()
    {
        auto allText = [](const QString& language) {
            QStringList texts;
            for (const ErrorCatalogue::Entry& entry : ErrorCatalogue::entries()) {
                texts << entry.titleText(language) << entry.summaryText(language)
                      << entry.stepTexts(language);
                for (const ErrorCatalogue::Cause& cause : entry.causes)
                    texts << cause.causeText(language);
            }
            return texts.join(QLatin1Char('\n'));
        };
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("ja")}) {
            const QString text = allText(language);
            // Default ports, the FIPS host-key table, the version-agnostic handshake, the libraries.
            for (const char* fact : {"992", "23", "1024", "3072", "112", "168", "3DES", "AES", "libssl3",
                                     "ca-certificates", "libqt6network6", "update-ca-certificates", "fips"})
                QVERIFY2(text.contains(QLatin1String(fact)),
                         qPrintable(language + QLatin1Char(' ') + QLatin1String(fact)));
        }
        QVERIFY(allText(QStringLiteral("en")).contains(QLatin1String("Negotiate automatically")));
        QVERIFY(allText(QStringLiteral("ja")).contains(QStringLiteral("自動でネゴシエートする")));
    }

    void jsonHasEveryFieldInBothLanguages()
    {
        TestPki::CertificateOptions options;
        options.dnsNames = {QStringLiteral("host.example")};
        const QSslCertificate leaf = TestPki::makeSelfSigned(options).certificate();
        ConnectionRecord record;
        record.typedHost = QStringLiteral("host.example");
        record.port = 992;
        record.tcpConnected = true;
        record.stageReached = ConnectionStage::Handshake;
        record.socketError = QAbstractSocket::SslHandshakeFailedError;
        record.socketErrorString = QStringLiteral("The certificate has expired");
        record.sslErrors << QSslError(QSslError::CertificateExpired, leaf);
        record.peerChain << leaf;
        record.elapsedMs = 12;
        const Diagnosis diagnosis = Classifier::classify(record, {});
        QCOMPARE(diagnosis.causeId, QStringLiteral("expired"));

        QString englishTitle;
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("ja")}) {
            // Round trip through text, as `--diagnose --json` prints it.
            const QJsonObject json =
                QJsonDocument::fromJson(
                    QJsonDocument(DiagnosisReport::toJson(diagnosis, record, language)).toJson())
                    .object();
            for (const char* key :
                 {"ok", "entry", "cause", "title", "summary", "causes", "remediation", "details"})
                QVERIFY2(json.contains(QLatin1String(key)), key);
            QCOMPARE(json.value(QStringLiteral("ok")).toBool(true), false);
            QCOMPARE(json.value(QStringLiteral("entry")).toString(), QStringLiteral("certificate-untrusted"));
            QCOMPARE(json.value(QStringLiteral("cause")).toString(), QStringLiteral("expired"));
            const QJsonArray causes = json.value(QStringLiteral("causes")).toArray();
            QCOMPARE(causes.size(), 6);
            int detected = 0;
            for (const QJsonValue& cause : causes) {
                const QJsonObject c = cause.toObject();
                QVERIFY(c.contains(QStringLiteral("id")) && c.contains(QStringLiteral("text")) &&
                        c.value(QStringLiteral("detected")).isBool());
                detected += c.value(QStringLiteral("detected")).toBool() ? 1 : 0;
            }
            QCOMPARE(detected, 1);
            QVERIFY(!json.value(QStringLiteral("remediation")).toArray().isEmpty());
            const QJsonObject details = json.value(QStringLiteral("details")).toObject();
            for (const char* key :
                 {"stage", "socketError", "sslErrors", "alertSent", "alertReceived", "protocol", "cipher",
                  "bytesReceived", "telnetOptions", "suggestedHosts", "peerChain", "elapsedMs"})
                QVERIFY2(details.contains(QLatin1String(key)), key);
            QCOMPARE(details.value(QStringLiteral("stage")).toString(), QStringLiteral("tls-handshake"));
            QCOMPARE(details.value(QStringLiteral("elapsedMs")).toInt(), 12);
            const QJsonObject first = details.value(QStringLiteral("peerChain")).toArray().first().toObject();
            for (const char* key : {"subject", "issuer", "notBefore", "notAfter", "sha256"})
                QVERIFY2(!first.value(QLatin1String(key)).toString().isEmpty(), key);
            QCOMPARE(first.value(QStringLiteral("sha256")).toString(),
                     DiagnosisReport::sha256Fingerprint(leaf));
            const QString title = json.value(QStringLiteral("title")).toString();
            if (language == QLatin1String("en"))
                englishTitle = title;
            else
                QVERIFY(title != englishTitle && title.contains(japanese()));
        }

        // Success: entry and cause are null, details still carry what was negotiated.
        ConnectionRecord ok;
        ok.typedHost = QStringLiteral("host.example");
        ok.tcpConnected = ok.encryptedReached = true;
        ok.stageReached = ConnectionStage::Connected;
        ok.protocol = QStringLiteral("TLSv1.3");
        ok.cipher = QStringLiteral("TLS_AES_256_GCM_SHA384");
        const QJsonObject json =
            DiagnosisReport::toJson(Classifier::classify(ok, {}), ok, QStringLiteral("en"));
        QVERIFY(json.value(QStringLiteral("ok")).toBool());
        QVERIFY(json.value(QStringLiteral("entry")).isNull());
        QVERIFY(json.value(QStringLiteral("cause")).isNull());
        QCOMPARE(
            json.value(QStringLiteral("details")).toObject().value(QStringLiteral("protocol")).toString(),
            QStringLiteral("TLSv1.3"));
    }

    void textReportMatchesTheDialog()
    {
        ConnectionRecord record;
        record.typedHost = QStringLiteral("10.0.0.5");
        record.port = 992;
        record.tcpConnected = true;
        record.stageReached = ConnectionStage::Handshake;
        TestPki::CertificateOptions options;
        options.dnsNames = {QStringLiteral("host.example")};
        const QSslCertificate leaf = TestPki::makeSelfSigned(options).certificate();
        record.sslErrors << QSslError(QSslError::HostNameMismatch, leaf);
        record.peerChain << leaf;
        const Diagnosis diagnosis = Classifier::classify(record, {});
        const QString en = DiagnosisReport::toText(diagnosis, record, QStringLiteral("en"));
        QVERIFY(en.contains(QLatin1String("Detected cause:")));
        QVERIFY(en.contains(QLatin1String("Other possible causes:")));
        QVERIFY(en.contains(QLatin1String("  1. ")));
        QVERIFY(en.contains(QLatin1String("Host name to use instead: host.example")));
        QVERIFY(en.contains(QLatin1String("SHA-256")));
        const QString ja = DiagnosisReport::toText(diagnosis, record, QStringLiteral("ja"));
        QVERIFY(ja.contains(QStringLiteral("検出された原因:")));
        QVERIFY(ja.contains(QStringLiteral("対処方法:")));
        QVERIFY(ja.contains(QStringLiteral("技術的な詳細")));
        const QString both = DiagnosisReport::supportReport(diagnosis, record);
        QVERIFY(both.contains(en.trimmed()) && both.contains(ja.trimmed()));
    }
};

QTEST_GUILESS_MAIN(TestErrorCatalogue)
#include "TestErrorCatalogue.moc"
