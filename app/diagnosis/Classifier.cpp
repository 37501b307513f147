#include "diagnosis/Classifier.h"

#include "diagnosis/DiagnosisReport.h"
#include "diagnosis/ErrorCatalogue.h"
#include "security/CipherPolicy.h"

#include <QHostAddress>
#include <QSslCertificate>

#include <algorithm>

// The rules, in the order they are tried. Earlier rules explain later symptoms: a missing TLS
// library makes every handshake fail, a pinned-certificate change shows as an untrusted
// certificate, a proxy that refused the token never lets the handshake start.

namespace Classifier {
namespace {

using SE = QAbstractSocket::SocketError;

// TLS alert descriptions (RFC 8446 section 6).
enum Alert
{
    BadRecordMac = 20,
    DecryptionFailed = 21,
    HandshakeFailure = 40,
    BadCertificate = 42,
    UnsupportedCertificate = 43,
    CertificateRevoked = 44,
    CertificateExpired = 45,
    CertificateUnknown = 46,
    UnknownCa = 48,
    AccessDenied = 49,
    DecryptError = 51,
    ProtocolVersion = 70,
    InsufficientSecurity = 71,
    CertificateRequired = 116,
};

const TlsAlertRecord* findAlert(const QList<TlsAlertRecord>& alerts, std::initializer_list<int> types)
{
    for (const TlsAlertRecord& alert : alerts) {
        for (int type : types) {
            if (alert.type == type)
                return &alert;
        }
    }
    return nullptr;
}

bool hasSslError(const ConnectionRecord& record, std::initializer_list<QSslError::SslError> errors)
{
    for (const QSslError& error : record.sslErrors) {
        for (QSslError::SslError wanted : errors) {
            if (error.error() == wanted)
                return true;
        }
    }
    return false;
}

bool errorTextContains(const ConnectionRecord& record, std::initializer_list<const char*> needles)
{
    QStringList texts{record.socketErrorString, record.localProblemDetail};
    for (const QSslError& error : record.sslErrors)
        texts << error.errorString();
    for (const QString& text : texts) {
        for (const char* needle : needles) {
            if (text.contains(QLatin1String(needle), Qt::CaseInsensitive))
                return true;
        }
    }
    return false;
}

bool socketErrorIs(const ConnectionRecord& record, std::initializer_list<SE> errors)
{
    if (!record.socketError)
        return false;
    for (SE error : errors) {
        if (*record.socketError == error)
            return true;
    }
    return false;
}

Diagnosis make(const QString& entry, const QString& cause)
{
    Diagnosis d;
    d.entryId = entry;
    d.causeId = cause;
    return d;
}

// Lower-case, without a trailing dot.
QString canonicalName(QString name)
{
    name = name.trimmed().toLower();
    while (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    return name;
}

// Evidence every diagnosis carries: what was asked, how far it got, what the libraries said.
QStringList baseEvidence(const ConnectionRecord& record)
{
    QStringList lines;
    lines << QStringLiteral("target: %1:%2 (%3%4)")
                 .arg(record.typedHost)
                 .arg(record.port)
                 .arg(record.tls ? QStringLiteral("TLS") : QStringLiteral("plain TCP"),
                      record.viaProxy ? QStringLiteral(", via security proxy") : QString());
    lines << QStringLiteral("stage reached: %1%2%3")
                 .arg(connectionStageName(record.stageReached),
                      record.tcpConnected ? QStringLiteral(", TCP connected") : QString(),
                      record.encryptedReached ? QStringLiteral(", encrypted") : QString());
    if (record.socketError)
        lines << QStringLiteral("socket error %1: %2")
                     .arg(int(*record.socketError))
                     .arg(record.socketErrorString);
    for (const QSslError& error : record.sslErrors)
        lines << QStringLiteral("TLS error %1: %2").arg(int(error.error())).arg(error.errorString());
    for (const TlsAlertRecord& alert : record.alertsSent)
        lines << QStringLiteral("alert sent: %1").arg(DiagnosisReport::alertText(alert));
    for (const TlsAlertRecord& alert : record.alertsReceived)
        lines << QStringLiteral("alert received: %1").arg(DiagnosisReport::alertText(alert));
    if (record.connectTimedOut)
        lines << QStringLiteral("connect timer expired");
    if (record.handshakeTimedOut)
        lines << QStringLiteral("handshake timer expired after %1 ms, %2 bytes received")
                     .arg(record.elapsedMs)
                     .arg(record.bytesReceived);
    if (record.proxyStatus != 0) {
        // Only the status line: headers could echo something sensitive.
        const QByteArray statusLine =
            record.proxyReplyHead.left(record.proxyReplyHead.indexOf('\n')).trimmed();
        lines << QStringLiteral("proxy replied %1: %2 (token sent: %3)")
                     .arg(record.proxyStatus)
                     .arg(QString::fromLatin1(statusLine.left(200)),
                          record.proxyTokenSent ? QStringLiteral("yes") : QStringLiteral("no"));
    }
    if (!record.localProblemDetail.isEmpty())
        lines << QStringLiteral("local problem: %1").arg(record.localProblemDetail);
    if (!record.revocationDetail.isEmpty())
        lines << QStringLiteral("revocation: %1").arg(record.revocationDetail);
    if (!record.protocol.isEmpty())
        lines << QStringLiteral("negotiated: %1 %2").arg(record.protocol, record.cipher);
    return lines;
}

Diagnosis fromLocalProblem(const ConnectionRecord& record, const DiagnosisContext& context)
{
    switch (record.localProblem) {
    case LocalProblem::None:
        break;
    case LocalProblem::StrengthUnavailable:
        return make(QStringLiteral("encryption-strength-unavailable"),
                    QStringLiteral("no-local-cipher-suites"));
    case LocalProblem::TlsBackendMissing:
        return make(QStringLiteral("tls-library-missing"), QStringLiteral("tls-backend-missing"));
    case LocalProblem::OpenSslUnavailable:
        return make(QStringLiteral("crypto-library-missing"), QStringLiteral("openssl-unavailable"));
    case LocalProblem::ProviderUnavailable:
        return make(QStringLiteral("security-provider-missing"), QStringLiteral("provider-unavailable"));
    case LocalProblem::SystemTrustStoreEmpty:
        return make(QStringLiteral("system-trust-store-missing"), QStringLiteral("no-system-certificates"));
    case LocalProblem::ClientCertificateUnusable:
        return make(QStringLiteral("client-credentials-missing"), QStringLiteral("client-key-unusable"));
    case LocalProblem::ClientCertificateMissing:
        return make(QStringLiteral("client-credentials-missing"), QStringLiteral("no-client-certificate"));
    case LocalProblem::ProxyTokenMissing:
        return make(QStringLiteral("proxy-token-missing"),
                    context.settings.proxy.tokenFromSessionLink
                        ? QStringLiteral("session-not-started-from-link")
                        : QStringLiteral("no-token-configured"));
    case LocalProblem::ProxyTokenExpired:
        return make(QStringLiteral("proxy-token-invalid"), QStringLiteral("token-expired"));
    case LocalProblem::FipsRequirementsUnmet:
        return make(QStringLiteral("handshake-failed"), QStringLiteral("fips-requirements-unmet"));
    }
    return {};
}

// What the injected TLS environment says, for a failed TLS connection.
Diagnosis fromEnvironment(const ConnectionRecord& record, const DiagnosisContext& context,
                          QStringList* evidence)
{
    if (!context.environment || !record.tls)
        return {};
    // Only a failure the TLS stack could have caused: nothing on the wire explains it.
    const bool networkExplains =
        socketErrorIs(record, {SE::HostNotFoundError, SE::ConnectionRefusedError, SE::SocketTimeoutError,
                               SE::NetworkError, SE::RemoteHostClosedError, SE::ProxyConnectionRefusedError,
                               SE::ProxyNotFoundError}) ||
        record.connectTimedOut || record.handshakeTimedOut || record.proxyStatus >= 300;
    if (networkExplains || !record.sslErrors.isEmpty() || !record.alertsReceived.isEmpty() ||
        !record.alertsSent.isEmpty() || record.encryptedReached)
        return {};
    const TlsEnvironmentInfo& env = *context.environment;
    auto note = [&](const QString& line) {
        *evidence << line;
        if (!env.openSslVersion.isEmpty())
            *evidence << QStringLiteral("TLS library: %1").arg(env.openSslVersion);
    };
    if (!env.openSslLoadable) {
        note(QStringLiteral("TLS environment: OpenSSL libraries (libssl/libcrypto) not usable"));
        return make(QStringLiteral("crypto-library-missing"), QStringLiteral("openssl-unavailable"));
    }
    if (!env.tlsBackendAvailable) {
        note(QStringLiteral("TLS environment: Qt TLS backend plugin \"%1\" not loadable")
                 .arg(env.tlsBackendName.isEmpty() ? QStringLiteral("openssl") : env.tlsBackendName));
        return make(QStringLiteral("tls-library-missing"), QStringLiteral("tls-backend-missing"));
    }
    if (context.settings.fipsMode && !env.fipsProviderAvailable) {
        note(QStringLiteral("TLS environment: FIPS mode is on and OpenSSL's fips provider cannot be loaded%1")
                 .arg(env.fipsProviderDetail.isEmpty() ? QString()
                                                       : QStringLiteral(": ") + env.fipsProviderDetail));
        return make(QStringLiteral("security-provider-missing"), QStringLiteral("provider-unavailable"));
    }
    if (context.strengthAvailable == false &&
        context.settings.encryptionStrength != EncryptionStrength::Default) {
        note(QStringLiteral("TLS environment: no local cipher suite for encryption strength \"%1\"")
                 .arg(SecuritySettingsNames::encryptionStrength(context.settings.encryptionStrength)));
        return make(QStringLiteral("encryption-strength-unavailable"),
                    QStringLiteral("no-local-cipher-suites"));
    }
    return {};
}

// The certificate failed to verify: which of the catalogue's causes.
QString untrustedCause(const ConnectionRecord& record, const DiagnosisContext& context)
{
    if (record.revocation == RevocationStatus::Revoked ||
        hasSslError(record, {QSslError::CertificateRevoked}))
        return QStringLiteral("revoked");
    if (hasSslError(record, {QSslError::CertificateExpired}))
        return QStringLiteral("expired");
    if (hasSslError(record, {QSslError::CertificateNotYetValid}))
        return QStringLiteral("not-yet-valid");
    if (hasSslError(record, {QSslError::SelfSignedCertificate}))
        return QStringLiteral("self-signed");
    if (hasSslError(record,
                    {QSslError::SelfSignedCertificateInChain, QSslError::UnableToGetLocalIssuerCertificate,
                     QSslError::UnableToVerifyFirstCertificate, QSslError::UnableToGetIssuerCertificate,
                     QSslError::CertificateUntrusted, QSslError::CertificateRejected,
                     QSslError::InvalidCaCertificate, QSslError::UnableToDecryptCertificateSignature,
                     QSslError::CertificateSignatureFailed, QSslError::PathLengthExceeded,
                     QSslError::InvalidPurpose, QSslError::AuthorityIssuerSerialNumberMismatch,
                     QSslError::SubjectIssuerMismatch, QSslError::NoPeerCertificate}))
        return QStringLiteral("issuer-not-trusted");
    const bool revocationUnanswered =
        record.revocation == RevocationStatus::Unavailable || record.revocation == RevocationStatus::Unknown;
    if ((revocationUnanswered && context.settings.revocationRequired) ||
        hasSslError(record, {QSslError::OcspNoResponseFound, QSslError::OcspMalformedRequest,
                             QSslError::OcspMalformedResponse, QSslError::OcspInternalError,
                             QSslError::OcspTryLater, QSslError::OcspSigRequred, QSslError::OcspUnauthorized,
                             QSslError::OcspResponseCannotBeTrusted, QSslError::OcspResponseCertIdUnknown,
                             QSslError::OcspResponseExpired, QSslError::OcspStatusUnknown}))
        return QStringLiteral("revocation-unavailable");
    return {};
}

bool isUntrustedFailure(const ConnectionRecord& record, const DiagnosisContext& context)
{
    if (!untrustedCause(record, context).isEmpty())
        return true;
    // SHA-1 signed or RSA-1024 leaves: OpenSSL's "too weak" is not mapped by Qt.
    return hasSslError(record, {QSslError::UnspecifiedError}) && !record.peerChain.isEmpty();
}

Diagnosis hostnameMismatch(const ConnectionRecord& record, const DiagnosisContext& context)
{
    Diagnosis d =
        make(QStringLiteral("certificate-hostname-mismatch"), QStringLiteral("name-not-in-certificate"));
    const QString typed = canonicalName(context.typedHost.isEmpty() ? record.typedHost : context.typedHost);
    QSslCertificate leaf;
    for (const QSslError& error : record.sslErrors) {
        if (error.error() == QSslError::HostNameMismatch && !error.certificate().isNull())
            leaf = error.certificate();
    }
    if (leaf.isNull() && !record.peerChain.isEmpty())
        leaf = record.peerChain.first();
    const QStringList names = certificateNames(leaf);
    d.evidence << QStringLiteral("typed host: %1").arg(typed);
    d.evidence << QStringLiteral("certificate names: %1")
                      .arg(names.isEmpty() ? QStringLiteral("(none)") : names.join(QStringLiteral(", ")));

    if (isIpAddress(typed)) {
        d.causeId = QStringLiteral("ip-address-used");
        for (const QString& name : names) {
            if (!name.contains(QLatin1Char('*')) && !isIpAddress(name))
                d.suggestedHosts << name;
        }
        return d;
    }
    if (!typed.contains(QLatin1Char('.'))) {
        // A short alias: full names that start with it, or a wildcard one label below.
        QStringList full;
        const QString prefix = typed + QLatin1Char('.');
        for (const QString& raw : names) {
            const QString name = canonicalName(raw);
            if (name.startsWith(prefix))
                full << name;
            else if (name.startsWith(QLatin1String("*.")) && name.count(QLatin1Char('.')) >= 2)
                full << typed + name.mid(1);
        }
        full.removeDuplicates();
        if (!full.isEmpty()) {
            d.causeId = QStringLiteral("short-name-used");
            d.suggestedHosts = full;
        }
    }
    return d;
}

} // namespace

bool isIpAddress(const QString& host)
{
    QString h = host.trimmed();
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2);
    QHostAddress address;
    return address.setAddress(h);
}

QStringList certificateNames(const QSslCertificate& certificate)
{
    if (certificate.isNull())
        return {};
    QStringList names;
    const auto alternatives = certificate.subjectAlternativeNames();
    // QMultiMap hands back equal keys newest first; the certificate's order is the reverse.
    for (QSsl::AlternativeNameEntryType type : {QSsl::DnsEntry, QSsl::IpAddressEntry}) {
        const QStringList values = alternatives.values(type);
        for (auto it = values.crbegin(); it != values.crend(); ++it)
            names << *it;
    }
    if (names.isEmpty())
        names << certificate.subjectInfo(QSslCertificate::CommonName);
    names.removeAll(QString());
    names.removeDuplicates();
    return names;
}

DiagnosisContext probedContext(const SecuritySettings& settings, const QString& typedHost)
{
    DiagnosisContext context;
    context.settings = settings;
    context.typedHost = typedHost;
    context.environment = TlsEnvironment::info();
    if (settings.tlsEnabled && context.environment->tlsBackendAvailable)
        context.strengthAvailable =
            CipherPolicies::isAvailable(settings.encryptionStrength, settings.fipsMode);
    return context;
}

Diagnosis classify(const ConnectionRecord& record, const DiagnosisContext& context)
{
    const QStringList evidence = baseEvidence(record);
    auto finish = [&](Diagnosis d) {
        d.evidence = evidence + d.evidence;
        return d;
    };

    // 1. What the connection found before or outside the TLS library.
    if (record.localProblem != LocalProblem::None)
        return finish(fromLocalProblem(record, context));

    if (record.succeeded() && !record.closedByPeer && !record.socketError)
        return finish(Diagnosis{});

    // 2. The local TLS stack itself (from the injected probe).
    {
        QStringList envEvidence;
        Diagnosis d = fromEnvironment(record, context, &envEvidence);
        if (!d.ok()) {
            d.evidence = envEvidence;
            return finish(d);
        }
    }

    // 3. A pinned certificate that no longer matches.
    if (record.pinnedCertificateMismatch) {
        Diagnosis d =
            make(QStringLiteral("certificate-changed"), QStringLiteral("pinned-certificate-mismatch"));
        d.evidence << QStringLiteral("pinned SHA-256: %1")
                          .arg(QString::fromLatin1(record.pinnedSha256.toHex(':').toUpper()));
        if (!record.peerChain.isEmpty())
            d.evidence << QStringLiteral("presented SHA-256: %1")
                              .arg(DiagnosisReport::sha256Fingerprint(record.peerChain.first()));
        return finish(d);
    }

    // 4. The security proxy.
    if (record.viaProxy && !record.tcpConnected) {
        if (socketErrorIs(record, {SE::HostNotFoundError}))
            return finish(make(QStringLiteral("proxy-unreachable"), QStringLiteral("proxy-not-found")));
        if (socketErrorIs(record, {SE::ConnectionRefusedError, SE::ProxyConnectionRefusedError}))
            return finish(make(QStringLiteral("proxy-unreachable"), QStringLiteral("proxy-refused")));
        if (socketErrorIs(record, {SE::ProxyNotFoundError}))
            return finish(make(QStringLiteral("proxy-unreachable"), QStringLiteral("proxy-not-found")));
    }
    if (record.viaProxy &&
        (record.proxyStatus == 407 || record.proxyStatus == 401 || record.proxyStatus == 403)) {
        if (!record.proxyTokenSent) {
            return finish(make(QStringLiteral("proxy-token-missing"),
                               context.settings.proxy.tokenFromSessionLink
                                   ? QStringLiteral("session-not-started-from-link")
                                   : QStringLiteral("no-token-configured")));
        }
        const QByteArray head = record.proxyReplyHead.toLower();
        if (head.contains("expired"))
            return finish(make(QStringLiteral("proxy-token-invalid"), QStringLiteral("token-expired")));
        if (head.contains("issuer") || head.contains("not trusted") || head.contains("untrusted"))
            return finish(
                make(QStringLiteral("proxy-token-invalid"), QStringLiteral("proxy-distrusts-issuer")));
        return finish(make(QStringLiteral("proxy-token-invalid"), QStringLiteral("token-rejected")));
    }
    if (record.viaProxy && record.proxyStatus >= 500) {
        // The proxy reached out to the host for us and reports how that went.
        if (record.proxyStatus == 504)
            return finish(make(QStringLiteral("connect-timeout"), QStringLiteral("no-answer")));
        return finish(make(QStringLiteral("connection-refused"), QStringLiteral("port-closed")));
    }
    // The proxy took the TCP connection but never opened the tunnel: no answer in time, a reply
    // that is not HTTP or is too large, or a close before replying. It is not usable as a proxy;
    // neither cause (refused, not found) is what happened, so none is marked.
    if (record.viaProxy && record.stageReached == ConnectionStage::Proxy)
        return finish(make(QStringLiteral("proxy-unreachable"), QString()));

    // 5. Reaching the host over TCP.
    if (!record.tcpConnected) {
        if (socketErrorIs(record, {SE::HostNotFoundError}))
            return finish(make(QStringLiteral("host-not-found"), QStringLiteral("name-unresolvable")));
        if (socketErrorIs(record, {SE::ConnectionRefusedError}))
            return finish(make(QStringLiteral("connection-refused"), QStringLiteral("port-closed")));
        if (record.connectTimedOut || socketErrorIs(record, {SE::SocketTimeoutError}))
            return finish(make(QStringLiteral("connect-timeout"), QStringLiteral("no-answer")));
        if (socketErrorIs(record, {SE::NetworkError, SE::SocketAccessError,
                                   SE::SocketAddressNotAvailableError, SE::UnsupportedSocketOperationError}))
            return finish(make(QStringLiteral("network-unreachable"), QStringLiteral("no-route")));
    }

    if (record.tls) {
        // 6. Integrity: a record failed its MAC, during the session or the handshake.
        if (findAlert(record.alertsSent, {BadRecordMac, DecryptionFailed}) ||
            findAlert(record.alertsReceived, {BadRecordMac, DecryptionFailed}) ||
            errorTextContains(record, {"bad record mac", "decryption failed"})) {
            return finish(
                make(QStringLiteral("message-corrupted"), QStringLiteral("record-integrity-failure")));
        }

        // 7. Client certificates. TLS 1.3 asks for one after the client already saw "encrypted".
        const bool clientCertificateSet = context.settings.clientCertificate.isSet();
        if (findAlert(record.alertsReceived, {CertificateRequired}) ||
            errorTextContains(record, {"certificate required"})) {
            Diagnosis d = make(QStringLiteral("client-credentials-missing"),
                               clientCertificateSet ? QStringLiteral("client-key-unusable")
                                                    : QStringLiteral("no-client-certificate"));
            if (record.encryptedReached)
                d.evidence << QStringLiteral(
                    "the host asked for a client certificate after the handshake (TLS 1.3)");
            return finish(d);
        }
        if (clientCertificateSet &&
            findAlert(record.alertsReceived,
                      {BadCertificate, UnsupportedCertificate, CertificateRevoked, CertificateExpired,
                       CertificateUnknown, UnknownCa, AccessDenied, DecryptError, HandshakeFailure})) {
            return finish(make(QStringLiteral("client-credentials-missing"),
                               QStringLiteral("client-certificate-rejected")));
        }

        // 8. The server's certificate.
        if (!record.encryptedReached && !record.sslErrors.isEmpty()) {
            const QString cause = untrustedCause(record, context);
            const bool systemTrusted = context.settings.trustSource != TrustSource::App;
            if (cause == QLatin1String("issuer-not-trusted") && systemTrusted && context.environment &&
                context.environment->systemCaCount == 0) {
                Diagnosis d = make(QStringLiteral("system-trust-store-missing"),
                                   QStringLiteral("no-system-certificates"));
                d.evidence << QStringLiteral(
                    "TLS environment: the system certificate store has no certificates");
                return finish(d);
            }
            if (!cause.isEmpty()) {
                Diagnosis d = make(QStringLiteral("certificate-untrusted"), cause);
                if (hasSslError(record, {QSslError::HostNameMismatch})) {
                    // Trust is the first problem; the name the certificate uses is still worth knowing.
                    const Diagnosis names = hostnameMismatch(record, context);
                    d.suggestedHosts = names.suggestedHosts;
                    d.evidence << QStringLiteral("the certificate does not name the typed host either")
                               << names.evidence;
                }
                return finish(d);
            }
            if (hasSslError(record, {QSslError::HostNameMismatch}))
                return finish(hostnameMismatch(record, context));
            if (isUntrustedFailure(record, context)) {
                Diagnosis d = make(QStringLiteral("certificate-untrusted"), QString());
                d.evidence << QStringLiteral("the certificate was rejected without a specific reason: its "
                                             "key or signature may be too weak "
                                             "(RSA below 2048 bits, SHA-1)");
                return finish(d);
            }
        }
        if (record.revocation == RevocationStatus::Revoked)
            return finish(make(QStringLiteral("certificate-untrusted"), QStringLiteral("revoked")));
        if ((record.revocation == RevocationStatus::Unavailable ||
             record.revocation == RevocationStatus::Unknown) &&
            context.settings.revocationRequired)
            return finish(
                make(QStringLiteral("certificate-untrusted"), QStringLiteral("revocation-unavailable")));

        // 9. The handshake itself.
        if (!record.encryptedReached) {
            if (record.handshakeTimedOut ||
                (record.tcpConnected && socketErrorIs(record, {SE::SocketTimeoutError}))) {
                // A server that sent nothing at all is silent; one that started and stalled is slow.
                return finish(make(QStringLiteral("handshake-timeout"),
                                   record.bytesReceived == 0 ? QStringLiteral("server-silent")
                                                             : QStringLiteral("network-slow")));
            }
            if (findAlert(record.alertsReceived, {ProtocolVersion}) ||
                errorTextContains(record,
                                  {"unsupported protocol", "no protocols available", "protocol version"})) {
                return finish(
                    make(QStringLiteral("handshake-failed"), QStringLiteral("protocol-version-unsupported")));
            }
            if (errorTextContains(record,
                                  {"wrong version number", "packet length too long", "unknown protocol",
                                   "http request", "record layer failure", "unexpected eof"}) &&
                !findAlert(record.alertsReceived, {HandshakeFailure})) {
                Diagnosis d = make(QStringLiteral("handshake-failed"), QStringLiteral("server-not-tls"));
                if (record.port == 23)
                    d.evidence << QStringLiteral(
                        "port 23 is the plain Telnet port; Telnet over TLS normally uses port 992");
                return finish(d);
            }
            if (findAlert(record.alertsReceived, {HandshakeFailure, InsufficientSecurity}) ||
                errorTextContains(record,
                                  {"no shared cipher", "no ciphers available", "handshake failure"})) {
                // A suite was already chosen (ServerHello came) when the host gave up: not a suite
                // mismatch but the TLS 1.2 way of refusing a client without a certificate.
                if (!record.cipher.isEmpty() && findAlert(record.alertsReceived, {HandshakeFailure})) {
                    Diagnosis d = make(QStringLiteral("client-credentials-missing"),
                                       QStringLiteral("no-client-certificate"));
                    d.evidence
                        << QStringLiteral(
                               "handshake_failure after the host chose %1: it wants a client certificate")
                               .arg(record.cipher);
                    return finish(d);
                }
                if (context.settings.encryptionStrength != EncryptionStrength::Default)
                    return finish(make(QStringLiteral("handshake-failed"),
                                       QStringLiteral("encryption-strength-rejected")));
                // The library's default suites and still none in common: no cause of the catalogue is
                // certain (the host may offer only suites this OpenSSL no longer has).
                Diagnosis d = make(QStringLiteral("handshake-failed"), QString());
                d.evidence << QStringLiteral("handshake_failure before a cipher suite was chosen, with the "
                                             "default encryption strength: no cipher suite in common");
                return finish(d);
            }
            if (socketErrorIs(record, {SE::RemoteHostClosedError}) || record.closedByPeer) {
                Diagnosis d = make(QStringLiteral("handshake-failed"), QStringLiteral("server-unavailable"));
                if (record.bytesReceived == 0)
                    d.evidence << QStringLiteral(
                        "the host closed the connection before answering the handshake");
                return finish(d);
            }
            if (record.socketError || !record.alertsReceived.isEmpty() || !record.alertsSent.isEmpty())
                return finish(make(QStringLiteral("handshake-failed"), QString()));
        }
    }

    // 10. An established session that ended.
    if (record.tcpConnected && !record.closedByUser) {
        if (socketErrorIs(record, {SE::RemoteHostClosedError}) || record.closedByPeer)
            return finish(make(QStringLiteral("connection-lost"), QStringLiteral("remote-closed")));
        if (record.socketError)
            return finish(make(QStringLiteral("connection-lost"), QStringLiteral("network-error")));
    }

    const bool fatalAlert = std::any_of(record.alertsSent.cbegin(), record.alertsSent.cend(),
                                        [](const TlsAlertRecord& a) { return a.level == 2; }) ||
                            std::any_of(record.alertsReceived.cbegin(), record.alertsReceived.cend(),
                                        [](const TlsAlertRecord& a) { return a.level == 2; });
    if (record.succeeded() || (record.tcpConnected && (record.encryptedReached || !record.tls) &&
                               !record.socketError && !fatalAlert))
        return finish(Diagnosis{});

    // Nothing matched: still a failure; the evidence says what was seen.
    if (!record.tcpConnected)
        return finish(make(QStringLiteral("network-unreachable"), QString()));
    return finish(
        make(record.tls ? QStringLiteral("handshake-failed") : QStringLiteral("connection-lost"), QString()));
}

} // namespace Classifier

QString Diagnosis::fixSetting() const
{
    return ErrorCatalogue::fixSettingFor(entryId, causeId);
}
