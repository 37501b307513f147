// The classifier and the report on a ConnectionRecord built from arbitrary bytes: every
// combination of evidence ends in one catalogue entry (or success), and the report, the JSON of
// --diagnose and "Copy for support" can be produced for it.
#include "diagnosis/Classifier.h"
#include "diagnosis/DiagnosisReport.h"
#include "diagnosis/ErrorCatalogue.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

namespace {

QString someText(FuzzedDataProvider& input, size_t maxBytes = 64)
{
    return QString::fromStdString(input.ConsumeRandomLengthString(maxBytes));
}

TlsAlertRecord someAlert(FuzzedDataProvider& input)
{
    TlsAlertRecord alert;
    alert.level = input.ConsumeIntegralInRange<int>(0, 3);
    // Mostly real alert codes, sometimes anything.
    static const int kAlerts[] = {0,  10, 20, 21, 22, 40, 42, 43, 44, 45,  46,  47,
                                  48, 49, 50, 51, 70, 71, 80, 86, 90, 109, 112, 116};
    alert.type = input.ConsumeBool() ? input.PickValueInArray(kAlerts) : input.ConsumeIntegral<int>();
    alert.description = someText(input, 16);
    return alert;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    FuzzedDataProvider input(data, size);
    ConnectionRecord record;
    record.typedHost = someText(input, 32);
    record.port = input.ConsumeIntegral<quint16>();
    record.tls = input.ConsumeBool();
    record.viaProxy = input.ConsumeBool();
    record.stageReached = ConnectionStage(input.ConsumeIntegralInRange<int>(0, int(ConnectionStage::Closed)));
    for (int i = input.ConsumeIntegralInRange<int>(0, 4); i > 0; --i)
        record.stageTimeline.append(
            {ConnectionStage(input.ConsumeIntegralInRange<int>(0, int(ConnectionStage::Closed))),
             input.ConsumeIntegral<qint64>()});
    record.tcpConnected = input.ConsumeBool();
    record.encryptedReached = input.ConsumeBool();
    record.connectTimedOut = input.ConsumeBool();
    record.handshakeTimedOut = input.ConsumeBool();
    record.closedByPeer = input.ConsumeBool();
    record.closedByUser = input.ConsumeBool();
    if (input.ConsumeBool())
        record.socketError = QAbstractSocket::SocketError(input.ConsumeIntegralInRange<int>(-1, 24));
    record.socketErrorString = someText(input);
    for (int i = input.ConsumeIntegralInRange<int>(0, 4); i > 0; --i)
        record.sslErrors.append(QSslError(QSslError::SslError(input.ConsumeIntegralInRange<int>(-1, 40))));
    for (int i = input.ConsumeIntegralInRange<int>(0, 2); i > 0; --i)
        record.alertsSent.append(someAlert(input));
    for (int i = input.ConsumeIntegralInRange<int>(0, 2); i > 0; --i)
        record.alertsReceived.append(someAlert(input));
    record.localProblem =
        LocalProblem(input.ConsumeIntegralInRange<int>(0, int(LocalProblem::FipsRequirementsUnmet)));
    record.localProblemDetail = someText(input);
    record.proxyStatus = input.ConsumeIntegralInRange<int>(-1, 999);
    record.proxyReplyHead = QByteArray::fromStdString(input.ConsumeRandomLengthString(256));
    record.proxyTokenSent = input.ConsumeBool();
    record.pinnedCertificateMismatch = input.ConsumeBool();
    record.pinnedSha256 = QByteArray::fromStdString(input.ConsumeRandomLengthString(64));
    record.revocation =
        RevocationStatus(input.ConsumeIntegralInRange<int>(0, int(RevocationStatus::Unavailable)));
    record.revocationDetail = someText(input);
    record.protocol = someText(input, 16);
    record.cipher = someText(input, 32);
    if (input.ConsumeBool()) {
        // A "certificate" from the bytes: mostly garbage DER, which gives a null certificate.
        const std::string der = input.ConsumeRandomLengthString(512);
        record.peerChain.append(QSslCertificate(QByteArray::fromStdString(der), QSsl::Der));
    }
    record.bytesReceived = input.ConsumeIntegral<qint64>();
    for (int i = input.ConsumeIntegralInRange<int>(0, 3); i > 0; --i)
        record.telnetOptions.append(someText(input, 16));
    record.elapsedMs = input.ConsumeIntegral<qint64>();

    DiagnosisContext context;
    context.settings.tlsEnabled = record.tls;
    context.settings.verifyHostName = input.ConsumeBool();
    context.settings.fipsMode = input.ConsumeBool();
    context.settings.proxy.enabled = record.viaProxy;
    context.settings.proxy.tokenFromSessionLink = input.ConsumeBool();
    context.typedHost = input.ConsumeBool() ? someText(input, 32) : QString();
    TlsEnvironmentInfo environment; // injected: the classifier itself does no I/O
    environment.tlsBackendAvailable = input.ConsumeBool();
    environment.openSslLoadable = input.ConsumeBool();
    environment.fipsProviderAvailable = input.ConsumeBool();
    environment.systemCaCount = input.ConsumeIntegralInRange<int>(-1, 200);
    context.environment = environment;
    context.strengthAvailable = input.ConsumeBool();

    const Diagnosis diagnosis = Classifier::classify(record, context);
    if (!diagnosis.ok() && !ErrorCatalogue::find(diagnosis.entryId))
        std::abort(); // an entry the catalogue cannot show
    const QString language = input.ConsumeBool() ? QStringLiteral("ja") : QStringLiteral("en");
    DiagnosisReport::toText(diagnosis, record, language);
    QJsonDocument(DiagnosisReport::toJson(diagnosis, record, language)).toJson();
    DiagnosisReport::supportReport(diagnosis, record);
    return 0;
}
