#pragma once

#include "connection/ConnectionRecord.h" // RevocationStatus (header-only use)
#include "security/SecuritySettings.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QOcspResponse>
#include <QPointer>
#include <QSslCertificate>
#include <QSslError>
#include <QStringList>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

// Revocation checking after the handshake, before the session is declared connected.
//
//  OCSP: the stapled response Qt verified during the handshake decides when there is one
//        (QSslSocket::ocspResponses(), CertificateRevoked in sslErrors). When none was stapled
//        (OcspNoResponseFound), the responder named in the leaf's Authority Information Access is
//        asked over HTTP; libcrypto builds the request and verifies the signed answer against the
//        issuer / trust anchors.
//  CRL:  the configured CRL files, then the leaf's CRL distribution points (HTTP), each
//        signature verified against the issuer; the leaf's serial looked up.
//
// "Require a revocation answer": when no answer can be had (no responder, unreachable, timeout,
// malformed or unverifiable answer), the result is Unavailable/Unknown and failsConnection is
// true only when required. Revoked always fails. Downloads are capped (maxResponseBytes) and
// time-limited (timeoutMs).
struct RevocationRequest
{
    RevocationMode mode = RevocationMode::Off;
    bool required = false;
    QStringList crlFiles;
    QList<QSslCertificate> peerChain;      // leaf first, as QSslSocket::peerCertificateChain()
    QList<QSslCertificate> trustAnchors;   // CA certificates trusted for this connection
    QList<QSslError> handshakeErrors;      // what sslErrors() reported (stapling verdicts)
    QList<QOcspResponse> stapledResponses; // QSslSocket::ocspResponses()
    bool stapleRequested = false;          // the configuration enabled OCSP stapling
    int timeoutMs = 10000;
    qint64 maxResponseBytes = 1024 * 1024;
};

struct RevocationResult
{
    RevocationStatus status = RevocationStatus::NotChecked;
    QString detail; // technical, English: where the answer came from, or why none
    bool failsConnection = false;
    QString source; // "stapled", "ocsp http://...", "crl file ...", "crl http://..."
};

class RevocationChecker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RevocationChecker)
public:
    explicit RevocationChecker(QObject* parent = nullptr);
    ~RevocationChecker() override;

    // Uses this manager for HTTP (else its own). Set before start().
    void setNetworkAccessManager(QNetworkAccessManager* manager);

    // Starts the check; finished() is always emitted exactly once, possibly queued right away
    // (mode Off, a stapled answer, a CRL file that decides).
    void start(const RevocationRequest& request);
    void abort(); // emits nothing further
    bool isRunning() const { return m_running; }
    RevocationResult result() const { return m_result; }

    // Pure helpers (unit-tested without a network).
    static RevocationResult decide(RevocationStatus status, const QString& detail, bool required,
                                   const QString& source);
    static QStringList ocspUrls(const QSslCertificate& certificate);
    static QStringList crlDistributionPoints(const QSslCertificate& certificate);

signals:
    void finished(const RevocationResult& result);

private:
    struct Pending;
    void finish(const RevocationResult& result);
    void startOcspQuery();
    void startCrlDownloads();
    void onOcspReply(QNetworkReply* reply);
    void onCrlReply(QNetworkReply* reply);
    QNetworkReply* get(const QUrl& url, const QByteArray& postBody);

    RevocationRequest m_request;
    RevocationResult m_result;
    QNetworkAccessManager* m_manager = nullptr;
    QNetworkAccessManager* m_ownManager = nullptr;
    QTimer* m_timer = nullptr;
    QList<QPointer<QNetworkReply>> m_replies;
    QByteArray m_ocspRequestDer;
    QStringList m_pendingUrls;
    QStringList m_failures;
    bool m_running = false;
};

Q_DECLARE_METATYPE(RevocationResult)
