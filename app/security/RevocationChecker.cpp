#include "security/RevocationChecker.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

#include <openssl/err.h>
#include <openssl/ocsp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace {

constexpr qint64 kMaxCrlFileBytes = 16 * 1024 * 1024;

struct X509Free
{
    void operator()(X509* x) const { X509_free(x); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;

X509Ptr toX509(const QSslCertificate& certificate)
{
    const QByteArray der = certificate.toDer();
    const auto* data = reinterpret_cast<const unsigned char*>(der.constData());
    return X509Ptr(d2i_X509(nullptr, &data, long(der.size())));
}

QString opensslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (!code)
        return QStringLiteral("unknown error");
    char text[256] = {};
    ERR_error_string_n(code, text, sizeof text);
    return QString::fromLatin1(text);
}

// The certificate among candidates that issued subject (name match and signature), or null.
X509Ptr findIssuer(X509* subject, const QList<QSslCertificate>& candidates)
{
    for (const QSslCertificate& candidate : candidates) {
        X509Ptr issuer = toX509(candidate);
        if (issuer && X509_check_issued(issuer.get(), subject) == X509_V_OK) {
            EVP_PKEY* key = X509_get0_pubkey(issuer.get());
            if (key && X509_verify(subject, key) == 1)
                return issuer;
        }
    }
    ERR_clear_error();
    return nullptr;
}

X509_CRL* parseCrl(const QByteArray& data)
{
    BIO* bio = BIO_new_mem_buf(data.constData(), int(data.size()));
    X509_CRL* crl = PEM_read_bio_X509_CRL(bio, nullptr, nullptr, nullptr);
    if (!crl) {
        ERR_clear_error();
        BIO_free(bio);
        bio = BIO_new_mem_buf(data.constData(), int(data.size()));
        crl = d2i_X509_CRL_bio(bio, nullptr);
    }
    BIO_free(bio);
    ERR_clear_error();
    return crl;
}

// The verdict of one CRL about leaf: Good, Revoked, or NotChecked when the CRL does not apply
// (another issuer); Unavailable with a reason when it applies but cannot be trusted.
RevocationStatus checkCrl(X509_CRL* crl, X509* leaf, const QList<QSslCertificate>& issuers, QString* why)
{
    if (X509_NAME_cmp(X509_CRL_get_issuer(crl), X509_get_issuer_name(leaf)) != 0)
        return RevocationStatus::NotChecked;
    X509Ptr issuer = findIssuer(leaf, issuers);
    if (!issuer) {
        *why = QStringLiteral("the issuer of the certificate is not available to verify the CRL");
        return RevocationStatus::Unavailable;
    }
    if (X509_CRL_verify(crl, X509_get0_pubkey(issuer.get())) != 1) {
        *why =
            QStringLiteral("the CRL signature does not verify against the issuer (%1)").arg(opensslError());
        return RevocationStatus::Unavailable;
    }
    const ASN1_TIME* next = X509_CRL_get0_nextUpdate(crl);
    if (next && X509_cmp_current_time(next) < 0) {
        *why = QStringLiteral("the CRL is out of date (nextUpdate has passed)");
        return RevocationStatus::Unavailable;
    }
    X509_REVOKED* revoked = nullptr;
    if (X509_CRL_get0_by_cert(crl, &revoked, leaf) == 1)
        return RevocationStatus::Revoked;
    return RevocationStatus::Good;
}

QString statusName(RevocationStatus status)
{
    switch (status) {
    case RevocationStatus::NotChecked:
        return QStringLiteral("not checked");
    case RevocationStatus::Good:
        return QStringLiteral("good");
    case RevocationStatus::Revoked:
        return QStringLiteral("revoked");
    case RevocationStatus::Unknown:
        return QStringLiteral("unknown");
    case RevocationStatus::Unavailable:
        return QStringLiteral("unavailable");
    }
    return {};
}

} // namespace

RevocationChecker::RevocationChecker(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<RevocationResult>();
}

RevocationChecker::~RevocationChecker()
{
    abort();
}

void RevocationChecker::setNetworkAccessManager(QNetworkAccessManager* manager)
{
    m_manager = manager;
}

RevocationResult RevocationChecker::decide(RevocationStatus status, const QString& detail, bool required,
                                           const QString& source)
{
    RevocationResult result;
    result.status = status;
    result.source = source;
    switch (status) {
    case RevocationStatus::Revoked:
        result.failsConnection = true;
        break;
    case RevocationStatus::Unknown:
    case RevocationStatus::Unavailable:
        result.failsConnection = required;
        break;
    case RevocationStatus::Good:
    case RevocationStatus::NotChecked:
        result.failsConnection = false;
        break;
    }
    result.detail = QStringLiteral("revocation %1").arg(statusName(status));
    if (!source.isEmpty())
        result.detail += QStringLiteral(" (%1)").arg(source);
    if (!detail.isEmpty())
        result.detail += QStringLiteral(": ") + detail;
    if ((status == RevocationStatus::Unknown || status == RevocationStatus::Unavailable) && !required)
        result.detail += QStringLiteral("; a revocation answer is not required, so the connection continues");
    return result;
}

QStringList RevocationChecker::ocspUrls(const QSslCertificate& certificate)
{
    QStringList urls;
    X509Ptr x509 = toX509(certificate);
    if (!x509)
        return urls;
    STACK_OF(OPENSSL_STRING)* list = X509_get1_ocsp(x509.get());
    for (int i = 0; i < sk_OPENSSL_STRING_num(list); ++i)
        urls << QString::fromLatin1(sk_OPENSSL_STRING_value(list, i));
    X509_email_free(list);
    return urls;
}

QStringList RevocationChecker::crlDistributionPoints(const QSslCertificate& certificate)
{
    QStringList urls;
    X509Ptr x509 = toX509(certificate);
    if (!x509)
        return urls;
    auto* points = static_cast<STACK_OF(DIST_POINT)*>(
        X509_get_ext_d2i(x509.get(), NID_crl_distribution_points, nullptr, nullptr));
    for (int i = 0; i < sk_DIST_POINT_num(points); ++i) {
        DIST_POINT* point = sk_DIST_POINT_value(points, i);
        if (!point->distpoint || point->distpoint->type != 0)
            continue;
        GENERAL_NAMES* names = point->distpoint->name.fullname;
        for (int j = 0; j < sk_GENERAL_NAME_num(names); ++j) {
            GENERAL_NAME* name = sk_GENERAL_NAME_value(names, j);
            if (name->type == GEN_URI) {
                const ASN1_IA5STRING* uri = name->d.uniformResourceIdentifier;
                urls << QString::fromLatin1(reinterpret_cast<const char*>(ASN1_STRING_get0_data(uri)),
                                            ASN1_STRING_length(uri));
            }
        }
    }
    sk_DIST_POINT_pop_free(points, DIST_POINT_free);
    return urls;
}

void RevocationChecker::start(const RevocationRequest& request)
{
    abort();
    m_request = request;
    m_result = {};
    m_failures.clear();
    m_running = true;

    if (request.mode == RevocationMode::Off)
        return finish(decide(RevocationStatus::NotChecked, {}, false, {}));
    if (request.peerChain.isEmpty() || !toX509(request.peerChain.first()))
        return finish(decide(RevocationStatus::Unavailable, QStringLiteral("no peer certificate"),
                             request.required, {}));

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        m_failures << QStringLiteral("no answer within %1 ms").arg(m_request.timeoutMs);
        finish(decide(RevocationStatus::Unavailable, m_failures.join(QStringLiteral("; ")),
                      m_request.required, {}));
    });
    m_timer->start(request.timeoutMs);

    if (request.mode == RevocationMode::Ocsp) {
        // The stapled answer, verified by the TLS library during the handshake, decides when present.
        for (const QSslError& error : request.handshakeErrors) {
            if (error.error() == QSslError::CertificateRevoked)
                return finish(decide(RevocationStatus::Revoked, error.errorString(), request.required,
                                     QStringLiteral("stapled")));
        }
        // A staple Qt could not use (OcspResponseCertIdUnknown, expired, untrusted...) decides nothing.
        bool stapleUsable = true;
        for (const QSslError& error : request.handshakeErrors) {
            if (error.error() >= QSslError::OcspNoResponseFound &&
                error.error() <= QSslError::OcspStatusUnknown)
                stapleUsable = false;
        }
        for (const QOcspResponse& response :
             stapleUsable ? request.stapledResponses : QList<QOcspResponse>()) {
            if (response.subject() != request.peerChain.first())
                continue;
            if (response.certificateStatus() == QOcspCertificateStatus::Revoked)
                return finish(
                    decide(RevocationStatus::Revoked, {}, request.required, QStringLiteral("stapled")));
            if (response.certificateStatus() == QOcspCertificateStatus::Good)
                return finish(
                    decide(RevocationStatus::Good, {}, request.required, QStringLiteral("stapled")));
        }
        // No usable stapled answer: note why (for the details) and ask the responder.
        for (const QSslError& error : request.handshakeErrors) {
            if (error.error() > QSslError::OcspNoResponseFound &&
                error.error() <= QSslError::OcspStatusUnknown)
                m_failures << QStringLiteral("stapled response: %1").arg(error.errorString());
        }
        return startOcspQuery();
    }
    startCrlDownloads();
}

void RevocationChecker::abort()
{
    m_running = false;
    for (const QPointer<QNetworkReply>& reply : std::as_const(m_replies)) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
    m_replies.clear();
    if (m_timer) {
        m_timer->stop();
        m_timer->deleteLater();
        m_timer = nullptr;
    }
}

void RevocationChecker::finish(const RevocationResult& result)
{
    if (!m_running)
        return;
    m_result = result;
    abort(); // stops the timer and any download; m_running becomes false
    // Always asynchronous, so callers can connect after start() and never re-enter.
    QMetaObject::invokeMethod(
        this, [this, result] { emit finished(result); }, Qt::QueuedConnection);
}

QNetworkReply* RevocationChecker::get(const QUrl& url, const QByteArray& postBody)
{
    if (!m_manager) {
        if (!m_ownManager)
            m_ownManager = new QNetworkAccessManager(this);
        m_manager = m_ownManager;
    }
    QNetworkRequest request(url);
    request.setMaximumRedirectsAllowed(3);
    request.setTransferTimeout(m_request.timeoutMs);
    QNetworkReply* reply = nullptr;
    if (postBody.isNull()) {
        reply = m_manager->get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/ocsp-request"));
        reply = m_manager->post(request, postBody);
    }
    m_replies << reply;
    // A hostile or broken server cannot make us buffer more than the cap.
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64 received, qint64 total) {
        if (received > m_request.maxResponseBytes || total > m_request.maxResponseBytes) {
            reply->setProperty("tooLarge", true);
            reply->abort();
        }
    });
    return reply;
}

void RevocationChecker::startOcspQuery()
{
    const QSslCertificate& leafCertificate = m_request.peerChain.first();
    QStringList urls = ocspUrls(leafCertificate);
    urls.erase(std::remove_if(urls.begin(), urls.end(),
                              [](const QString& u) {
                                  const QString scheme = QUrl(u).scheme();
                                  return scheme != QLatin1String("http") && scheme != QLatin1String("https");
                              }),
               urls.end());
    if (urls.isEmpty()) {
        m_failures << QStringLiteral("no stapled response and the certificate names no OCSP responder");
        return finish(decide(RevocationStatus::Unavailable, m_failures.join(QStringLiteral("; ")),
                             m_request.required, {}));
    }
    X509Ptr leaf = toX509(leafCertificate);
    X509Ptr issuer = findIssuer(leaf.get(), m_request.peerChain.mid(1) + m_request.trustAnchors);
    if (!leaf || !issuer) {
        m_failures << QStringLiteral(
            "the issuer of the certificate is unknown, so no OCSP request can be made");
        return finish(decide(RevocationStatus::Unavailable, m_failures.join(QStringLiteral("; ")),
                             m_request.required, {}));
    }
    OCSP_CERTID* id = OCSP_cert_to_id(EVP_sha1(), leaf.get(), issuer.get());
    OCSP_REQUEST* request = OCSP_REQUEST_new();
    OCSP_request_add0_id(request, id);
    OCSP_request_add1_nonce(request, nullptr, -1);
    unsigned char* der = nullptr;
    const int length = i2d_OCSP_REQUEST(request, &der);
    m_ocspRequestDer = QByteArray(reinterpret_cast<const char*>(der), qMax(length, 0));
    OPENSSL_free(der);
    OCSP_REQUEST_free(request);

    m_pendingUrls = urls; // responders still to try
    QNetworkReply* reply = get(QUrl(m_pendingUrls.takeFirst()), m_ocspRequestDer);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onOcspReply(reply); });
}

void RevocationChecker::onOcspReply(QNetworkReply* reply)
{
    reply->deleteLater();
    m_replies.removeAll(reply);
    if (!m_running)
        return;
    const QString source = QStringLiteral("ocsp %1").arg(reply->url().toString());
    auto tryNextOrFail = [this](const QString& why) {
        m_failures << why;
        if (!m_pendingUrls.isEmpty()) {
            QNetworkReply* next = get(QUrl(m_pendingUrls.takeFirst()), m_ocspRequestDer);
            connect(next, &QNetworkReply::finished, this, [this, next] { onOcspReply(next); });
            return;
        }
        finish(decide(RevocationStatus::Unavailable, m_failures.join(QStringLiteral("; ")),
                      m_request.required, {}));
    };
    if (reply->property("tooLarge").toBool())
        return tryNextOrFail(
            QStringLiteral("%1: response larger than %2 bytes").arg(source).arg(m_request.maxResponseBytes));
    if (reply->error() != QNetworkReply::NoError)
        return tryNextOrFail(
            QStringLiteral("%1: responder unreachable: %2").arg(source, reply->errorString()));
    const QByteArray body = reply->read(m_request.maxResponseBytes + 1);
    if (body.size() > m_request.maxResponseBytes)
        return tryNextOrFail(QStringLiteral("%1: response too large").arg(source));

    const auto* data = reinterpret_cast<const unsigned char*>(body.constData());
    OCSP_RESPONSE* response = d2i_OCSP_RESPONSE(nullptr, &data, long(body.size()));
    if (!response)
        return tryNextOrFail(QStringLiteral("%1: malformed OCSP response").arg(source));
    std::unique_ptr<OCSP_RESPONSE, decltype(&OCSP_RESPONSE_free)> responseGuard(response, OCSP_RESPONSE_free);
    const int responseStatus = OCSP_response_status(response);
    if (responseStatus != OCSP_RESPONSE_STATUS_SUCCESSFUL)
        return tryNextOrFail(QStringLiteral("%1: responder answered %2")
                                 .arg(source, QString::fromLatin1(OCSP_response_status_str(responseStatus))));
    OCSP_BASICRESP* basic = OCSP_response_get1_basic(response);
    if (!basic)
        return tryNextOrFail(QStringLiteral("%1: no basic OCSP response").arg(source));
    std::unique_ptr<OCSP_BASICRESP, decltype(&OCSP_BASICRESP_free)> basicGuard(basic, OCSP_BASICRESP_free);

    // Verify the signature: the responder must chain to a trust anchor and be the issuer or
    // delegated by it (OCSP_basic_verify checks both).
    X509_STORE* store = X509_STORE_new();
    STACK_OF(X509)* untrusted = sk_X509_new_null();
    for (const QSslCertificate& anchor : m_request.trustAnchors) {
        X509Ptr x = toX509(anchor);
        if (x)
            X509_STORE_add_cert(store, x.get());
    }
    for (const QSslCertificate& certificate : m_request.peerChain) {
        if (X509* x = toX509(certificate).release())
            sk_X509_push(untrusted, x);
    }
    const int verified = OCSP_basic_verify(basic, untrusted, store, 0);
    const QString verifyError = verified == 1 ? QString() : opensslError();
    sk_X509_pop_free(untrusted, X509_free);
    X509_STORE_free(store);
    if (verified != 1)
        return tryNextOrFail(
            QStringLiteral("%1: the response signature does not verify (%2)").arg(source, verifyError));

    // The request's nonce must come back when the responder echoes one (replay protection).
    {
        const auto* reqData = reinterpret_cast<const unsigned char*>(m_ocspRequestDer.constData());
        OCSP_REQUEST* sent = d2i_OCSP_REQUEST(nullptr, &reqData, long(m_ocspRequestDer.size()));
        const int nonce = sent ? OCSP_check_nonce(sent, basic) : -1;
        OCSP_REQUEST_free(sent);
        if (nonce == 0)
            return tryNextOrFail(
                QStringLiteral("%1: the response nonce does not match the request").arg(source));
    }

    X509Ptr leaf = toX509(m_request.peerChain.first());
    X509Ptr issuer = findIssuer(leaf.get(), m_request.peerChain.mid(1) + m_request.trustAnchors);
    if (!leaf || !issuer)
        return tryNextOrFail(QStringLiteral("%1: the issuer of the certificate is unknown").arg(source));
    OCSP_CERTID* id = OCSP_cert_to_id(EVP_sha1(), leaf.get(), issuer.get());
    int status = -1, reason = -1;
    ASN1_GENERALIZEDTIME *revokedAt = nullptr, *thisUpdate = nullptr, *nextUpdate = nullptr;
    const int found =
        OCSP_resp_find_status(basic, id, &status, &reason, &revokedAt, &thisUpdate, &nextUpdate);
    OCSP_CERTID_free(id);
    if (found != 1)
        return tryNextOrFail(QStringLiteral("%1: the response does not cover this certificate").arg(source));
    if (OCSP_check_validity(thisUpdate, nextUpdate, 300, -1) != 1) {
        ERR_clear_error();
        return tryNextOrFail(QStringLiteral("%1: the response is outside its validity period").arg(source));
    }
    switch (status) {
    case V_OCSP_CERTSTATUS_GOOD:
        return finish(decide(RevocationStatus::Good, {}, m_request.required, source));
    case V_OCSP_CERTSTATUS_REVOKED:
        return finish(
            decide(RevocationStatus::Revoked,
                   QStringLiteral("reason %1").arg(QString::fromLatin1(OCSP_crl_reason_str(reason))),
                   m_request.required, source));
    default:
        return finish(decide(RevocationStatus::Unknown,
                             QStringLiteral("the responder does not know the certificate"),
                             m_request.required, source));
    }
}

void RevocationChecker::startCrlDownloads()
{
    X509Ptr leaf = toX509(m_request.peerChain.first());
    const QList<QSslCertificate> issuers = m_request.peerChain.mid(1) + m_request.trustAnchors;
    for (const QString& path : std::as_const(m_request.crlFiles)) {
        QFile file(path);
        if (file.size() > kMaxCrlFileBytes || !file.open(QIODevice::ReadOnly)) {
            m_failures << QStringLiteral("crl file %1: cannot be read").arg(path);
            continue;
        }
        X509_CRL* crl = parseCrl(file.readAll());
        if (!crl) {
            m_failures << QStringLiteral("crl file %1: not a CRL").arg(path);
            continue;
        }
        QString why;
        const RevocationStatus status = checkCrl(crl, leaf.get(), issuers, &why);
        X509_CRL_free(crl);
        if (status == RevocationStatus::Good || status == RevocationStatus::Revoked)
            return finish(decide(status, {}, m_request.required, QStringLiteral("crl file %1").arg(path)));
        if (!why.isEmpty())
            m_failures << QStringLiteral("crl file %1: %2").arg(path, why);
    }
    m_pendingUrls = crlDistributionPoints(m_request.peerChain.first());
    m_pendingUrls.erase(std::remove_if(m_pendingUrls.begin(), m_pendingUrls.end(),
                                       [](const QString& u) {
                                           const QString scheme = QUrl(u).scheme();
                                           return scheme != QLatin1String("http") &&
                                                  scheme != QLatin1String("https");
                                       }),
                        m_pendingUrls.end());
    if (m_pendingUrls.isEmpty()) {
        if (m_request.crlFiles.isEmpty())
            m_failures << QStringLiteral(
                "no CRL file configured and the certificate names no distribution point");
        else
            m_failures << QStringLiteral("no configured CRL covers the certificate's issuer");
        return finish(decide(RevocationStatus::Unavailable, m_failures.join(QStringLiteral("; ")),
                             m_request.required, {}));
    }
    QNetworkReply* reply = get(QUrl(m_pendingUrls.takeFirst()), QByteArray());
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onCrlReply(reply); });
}

void RevocationChecker::onCrlReply(QNetworkReply* reply)
{
    reply->deleteLater();
    m_replies.removeAll(reply);
    if (!m_running)
        return;
    const QString source = QStringLiteral("crl %1").arg(reply->url().toString());
    QString why;
    RevocationStatus status = RevocationStatus::Unavailable;
    if (reply->property("tooLarge").toBool()) {
        why = QStringLiteral("larger than %1 bytes").arg(m_request.maxResponseBytes);
    } else if (reply->error() != QNetworkReply::NoError) {
        why = QStringLiteral("unreachable: %1").arg(reply->errorString());
    } else {
        X509_CRL* crl = parseCrl(reply->read(m_request.maxResponseBytes));
        if (!crl) {
            why = QStringLiteral("not a CRL");
        } else {
            X509Ptr leaf = toX509(m_request.peerChain.first());
            status = checkCrl(crl, leaf.get(), m_request.peerChain.mid(1) + m_request.trustAnchors, &why);
            if (status == RevocationStatus::NotChecked)
                why = QStringLiteral("the CRL is from another issuer");
            X509_CRL_free(crl);
        }
    }
    if (status == RevocationStatus::Good || status == RevocationStatus::Revoked)
        return finish(decide(status, {}, m_request.required, source));
    m_failures << QStringLiteral("%1: %2").arg(source, why);
    if (!m_pendingUrls.isEmpty()) {
        QNetworkReply* next = get(QUrl(m_pendingUrls.takeFirst()), QByteArray());
        connect(next, &QNetworkReply::finished, this, [this, next] { onCrlReply(next); });
        return;
    }
    finish(
        decide(RevocationStatus::Unavailable, m_failures.join(QStringLiteral("; ")), m_request.required, {}));
}
