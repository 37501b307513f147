#include "connection/Connection.h"

#include "security/CertificatePinning.h"
#include "security/RevocationChecker.h"
#include "security/SystemTrustStore.h"
#include "security/TlsConfigurationBuilder.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QHostInfo>
#include <QPointer>
#include <QSslSocket>
#include <QTimer>

namespace {
// A CONNECT reply head larger than this is not a proxy we talk to.
constexpr qsizetype kMaxProxyReplyHead = 8 * 1024;
// Data a plain-text peer may send before established() (e.g. behind the proxy reply).
constexpr qsizetype kMaxEarlyData = 64 * 1024;
constexpr qsizetype kMaxDeliverySlice = 16 * 1024; // host data handed on per event-loop turn
// Data after this long a quiet spell is handed on at once, not in the next event-loop turn.
constexpr qint64 kQuietBeforeDirectDeliveryMs = 16;

TlsAlertRecord alertRecord(QSsl::AlertLevel level, QSsl::AlertType type, const QString& description)
{
    TlsAlertRecord alert;
    alert.level = level == QSsl::AlertLevel::Fatal ? 2 : (level == QSsl::AlertLevel::Warning ? 1 : 0);
    alert.type = int(type);
    alert.description = description;
    return alert;
}

bool isCloseNotify(const TlsAlertRecord& alert)
{
    return alert.type == int(QSsl::AlertType::CloseNotify) && alert.level != 2;
}
} // namespace

class ConnectionPrivate final
{
public:
    explicit ConnectionPrivate(Connection* connection) : q(connection) {}

    void start();
    void startWithTrust(); // the system's CA certificates are in, when the session needs them
    void setStage(ConnectionStage stage);
    void resolve(const QString& host);
    void onResolved(const QHostInfo& info);
    void connectTcp(const QHostAddress& address, quint16 port);
    void onTcpConnected();
    void sendProxyRequest();
    void onReadyRead();
    void scheduleDelivery();
    void deliverSlice();
    void readProxyReply();
    void startHandshake();
    void onSslErrors(const QList<QSslError>& errors);
    void onEncrypted();
    void onRevocationFinished(const RevocationResult& result);
    void onSocketError(QAbstractSocket::SocketError error);
    void onDisconnected();
    void onDeadline();
    void becomeEstablished();
    void deliverData(const QByteArray& data);
    bool deliverPendingData();
    void fail();
    void endAfterEstablished(bool broken);
    void updateElapsed() { m_record.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0; }
    bool checkPin(); // false (and failed) on a mismatch

    Connection* q;
    ConnectionTarget m_target;
    ConnectionRecord m_record;
    ConnectionState m_state = ConnectionState::Idle;
    ConnectionStage m_stage = ConnectionStage::Idle;
    TlsBuildResult m_tls;
    QSslSocket* m_socket = nullptr;
    QTimer* m_deadline = nullptr;
    RevocationChecker* m_revocation = nullptr;
    QElapsedTimer m_clock;
    int m_lookupId = -1;
    QList<QHostAddress> m_addresses; // what the name resolved to, tried in order
    qsizetype m_addressIndex = 0;
    QByteArray m_proxyBuffer;
    QByteArray m_earlyData;       // plain data read with the proxy reply, delivered on established()
    bool m_readQueued = false;    // another slice of host data is due in the next event-loop turn
    QElapsedTimer m_lastDelivery; // when host data was last handed on
    QByteArray m_readBuffer;      // what a slice is read into
    QMetaObject::Connection m_trustStoreWait; // while the system's CA certificates load
};

void ConnectionPrivate::setStage(ConnectionStage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    if (stage != ConnectionStage::Closed)
        m_record.stageReached = stage; // the record keeps how far the pipeline got
    updateElapsed();
    m_record.stageTimeline.append({stage, m_record.elapsedMs});
    emit q->stageChanged(stage);
}

void ConnectionPrivate::start()
{
    m_clock.start();
    m_state = ConnectionState::Running;
    m_record = ConnectionRecord();
    m_record.typedHost = m_target.host;
    m_record.port = m_target.port;
    m_record.tls = m_target.security.tlsEnabled;
    const SecurityProxySettings& proxy = m_target.security.proxy;
    m_record.viaProxy = proxy.enabled;

    if (proxy.enabled && m_target.proxyTokenExpiry &&
        *m_target.proxyTokenExpiry <= QDateTime::currentDateTimeUtc()) {
        // A session link's token that has expired is reported without contacting anything.
        m_record.localProblem = LocalProblem::ProxyTokenExpired;
        m_record.localProblemDetail = QStringLiteral("session link token expired at %1")
                                          .arg(m_target.proxyTokenExpiry->toUTC().toString(Qt::ISODate));
        fail();
        return;
    }

    // The system's CA certificates load on a worker thread (100-150 ms at start-up). A session
    // that trusts them and starts before they are in waits for them here, through the event
    // loop: the thread that started it (the UI thread) is never held by the load.
    const SecuritySettings& security = m_target.security;
    SystemTrustStore& systemStore = SystemTrustStore::instance();
    if (security.tlsEnabled && security.trustSource != TrustSource::App && !m_target.systemCaCertificates &&
        !systemStore.isLoaded()) {
        m_trustStoreWait = QObject::connect(&systemStore, &SystemTrustStore::loaded, q, [this] {
            QObject::disconnect(m_trustStoreWait);
            if (m_state == ConnectionState::Running) // not aborted meanwhile
                startWithTrust();
        });
        systemStore.load();
        return;
    }
    startWithTrust();
}

void ConnectionPrivate::startWithTrust()
{
    const SecurityProxySettings& proxy = m_target.security.proxy;
    if (m_target.security.tlsEnabled) {
        TlsBuildContext context;
        context.hostName = m_target.host;
        context.clientKeyPassphrase = m_target.clientKeyPassphrase.reveal();
        context.systemCaCertificates = m_target.systemCaCertificates;
        context.trustStoreDirectory = m_target.trustStoreDirectory;
        m_tls = TlsConfigurationBuilder::build(m_target.security, context);
        if (!m_tls.ok()) {
            m_record.localProblem = m_tls.problem;
            m_record.localProblemDetail = m_tls.detail;
            fail();
            return;
        }
    }

    m_deadline = new QTimer(q);
    m_deadline->setSingleShot(true);
    QObject::connect(m_deadline, &QTimer::timeout, q, [this] { onDeadline(); });
    m_deadline->start(qMax(1, m_target.timeoutMs));

    resolve(proxy.enabled ? proxy.host : m_target.host);
}

void ConnectionPrivate::resolve(const QString& host)
{
    setStage(ConnectionStage::Resolving);
    QHostAddress literal;
    if (literal.setAddress(host)) {
        connectTcp(literal, m_record.viaProxy ? m_target.security.proxy.port : m_target.port);
        return;
    }
    m_lookupId = QHostInfo::lookupHost(host, q, [this](const QHostInfo& info) { onResolved(info); });
}

void ConnectionPrivate::onResolved(const QHostInfo& info)
{
    m_lookupId = -1;
    if (m_state != ConnectionState::Running)
        return;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        m_record.socketError = QAbstractSocket::HostNotFoundError;
        m_record.socketErrorString = info.errorString();
        fail();
        return;
    }
    // The resolver's order; the next address is tried when one refuses or is unreachable
    // ("localhost" may give ::1 first while the server listens on 127.0.0.1 only).
    m_addresses = info.addresses().mid(0, 16);
    m_addressIndex = 0;
    connectTcp(m_addresses.first(), m_record.viaProxy ? m_target.security.proxy.port : m_target.port);
}

void ConnectionPrivate::connectTcp(const QHostAddress& address, quint16 port)
{
    setStage(ConnectionStage::Connecting);
    m_socket = new QSslSocket(q);
    // Unread data waits in Qt's buffer at most this much; reading pauses until the consumer catches up.
    m_socket->setReadBufferSize(m_target.maxReceiveBufferBytes);
    QObject::connect(m_socket, &QSslSocket::connected, q, [this] { onTcpConnected(); });
    QObject::connect(m_socket, &QSslSocket::readyRead, q, [this] { onReadyRead(); });
    QObject::connect(m_socket, &QSslSocket::errorOccurred, q,
                     [this](QAbstractSocket::SocketError error) { onSocketError(error); });
    QObject::connect(m_socket, &QSslSocket::disconnected, q, [this] { onDisconnected(); });
    QObject::connect(m_socket, &QSslSocket::sslErrors, q,
                     [this](const QList<QSslError>& errors) { onSslErrors(errors); });
    QObject::connect(m_socket, &QSslSocket::encrypted, q, [this] { onEncrypted(); });
    QObject::connect(m_socket, &QSslSocket::alertSent, q,
                     [this](QSsl::AlertLevel level, QSsl::AlertType type, const QString& description) {
                         const TlsAlertRecord alert = alertRecord(level, type, description);
                         if (!isCloseNotify(alert) && m_record.alertsSent.size() < 32)
                             m_record.alertsSent.append(alert);
                     });
    QObject::connect(m_socket, &QSslSocket::alertReceived, q,
                     [this](QSsl::AlertLevel level, QSsl::AlertType type, const QString& description) {
                         if (m_record.alertsReceived.size() < 32)
                             m_record.alertsReceived.append(alertRecord(level, type, description));
                         // The suite the host chose before it failed tells a missing client
                         // certificate (TLS 1.2, alert 40) apart from a suite mismatch (no suite).
                         if (m_record.cipher.isEmpty())
                             m_record.cipher = m_socket->sessionCipher().name();
                     });
    m_socket->connectToHost(address, port);
}

void ConnectionPrivate::onTcpConnected()
{
    m_record.tcpConnected = true;
    // A terminal's writes are small (a key, a Telnet reply): each goes out at once instead of
    // waiting, under Nagle's algorithm, for the previous one to be acknowledged.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_record.viaProxy) {
        sendProxyRequest();
        return;
    }
    if (m_target.security.tlsEnabled)
        startHandshake();
    else
        becomeEstablished();
}

void ConnectionPrivate::sendProxyRequest()
{
    setStage(ConnectionStage::Proxy);
    const QByteArray authority = (QHostAddress(m_target.host).protocol() == QAbstractSocket::IPv6Protocol
                                      ? '[' + m_target.host.toUtf8() + ']'
                                      : m_target.host.toUtf8()) +
                                 ':' + QByteArray::number(m_target.port);
    QByteArray request = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n";
    if (!m_target.proxyToken.isEmpty()) {
        request += "Proxy-Authorization: Bearer " + m_target.proxyToken.reveal() + "\r\n";
        m_record.proxyTokenSent = true;
    }
    request += "\r\n";
    m_socket->write(request);
    if (m_target.proxyReplyTimeoutMs >= 0)
        m_deadline->start(qMax(1, m_target.proxyReplyTimeoutMs));
}

void ConnectionPrivate::onReadyRead()
{
    if (!m_socket)
        return;
    if (m_stage == ConnectionStage::Proxy) {
        readProxyReply();
        return;
    }
    if (m_state != ConnectionState::Established)
        return; // before established() data stays in the socket's (capped) buffer
    // The first data after a quiet spell (a key's echo) is handed on here and now: the trip
    // through the event loop was a measurable part of a keystroke's latency. Whatever follows
    // within the spell waits for its turn, so a flood is still handed on one slice per turn.
    if (!m_readQueued &&
        (!m_lastDelivery.isValid() || m_lastDelivery.elapsed() >= kQuietBeforeDirectDeliveryMs))
        deliverSlice();
    else
        scheduleDelivery();
}

// One slice per event-loop turn, so a host flooding output cannot keep the application from
// painting and answering the user; the rest waits in the socket's capped buffer. Only the first
// data after a quiet spell is read straight from readyRead: QSslSocket emits it for every TLS
// record while it decrypts what has arrived, all within one turn, and a fast host kept that loop
// (and the application) busy for most of a second.
void ConnectionPrivate::scheduleDelivery()
{
    if (m_readQueued)
        return;
    m_readQueued = true;
    QMetaObject::invokeMethod(
        q,
        [this] {
            m_readQueued = false;
            deliverSlice();
        },
        Qt::QueuedConnection);
}

void ConnectionPrivate::deliverSlice()
{
    if (!m_socket || m_state != ConnectionState::Established)
        return;
    m_lastDelivery.start();
    // Into the same buffer every time: a fresh 16 KiB per slice showed as page faults.
    if (m_readBuffer.size() < kMaxDeliverySlice)
        m_readBuffer.resize(kMaxDeliverySlice);
    const qint64 n = m_socket->read(m_readBuffer.data(), kMaxDeliverySlice);
    if (n > 0) {
        m_readBuffer.truncate(n);
        deliverData(m_readBuffer);
        m_readBuffer.resize(kMaxDeliverySlice); // keeps its capacity unless a receiver kept it
    }
    if (m_socket && m_socket->bytesAvailable() > 0)
        scheduleDelivery();
}

void ConnectionPrivate::readProxyReply()
{
    m_proxyBuffer += m_socket->read(kMaxProxyReplyHead + 1 - m_proxyBuffer.size());
    const qsizetype end = m_proxyBuffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_proxyBuffer.size() > kMaxProxyReplyHead) {
            m_record.proxyReplyHead = m_proxyBuffer.left(kMaxProxyReplyHead);
            m_record.socketError = QAbstractSocket::ProxyProtocolError;
            m_record.socketErrorString =
                QStringLiteral("proxy reply head exceeds %1 bytes").arg(kMaxProxyReplyHead);
            fail();
        }
        return;
    }
    m_record.proxyReplyHead = m_proxyBuffer.left(end);
    // Plain sessions keep what the host sent right behind the reply; under TLS nothing may come
    // before the handshake, so such bytes are not application data and are dropped.
    if (!m_target.security.tlsEnabled)
        m_earlyData = m_proxyBuffer.mid(end + 4).left(kMaxEarlyData);
    m_proxyBuffer.clear();

    const qsizetype lineEnd = m_record.proxyReplyHead.indexOf("\r\n");
    const QByteArray statusLine =
        lineEnd < 0 ? m_record.proxyReplyHead : m_record.proxyReplyHead.left(lineEnd);
    const QList<QByteArray> parts = statusLine.split(' ');
    bool numeric = false;
    const int status =
        parts.size() >= 2 && parts.first().startsWith("HTTP/") ? parts.at(1).toInt(&numeric) : 0;
    m_record.proxyStatus = numeric ? status : 0;
    if (!numeric) {
        m_record.socketError = QAbstractSocket::ProxyProtocolError;
        m_record.socketErrorString = QStringLiteral("malformed proxy reply");
        fail();
        return;
    }
    if (status / 100 != 2) {
        if (status == 407 && !m_record.proxyTokenSent) {
            m_record.localProblem = LocalProblem::ProxyTokenMissing;
            m_record.localProblemDetail =
                QStringLiteral("the proxy requires a token and none was configured");
        }
        fail();
        return;
    }
    // The tunnel is up: the same deadline now covers the handshake.
    if (m_target.proxyReplyTimeoutMs >= 0)
        m_deadline->start(qMax(1, m_target.timeoutMs - int(m_clock.elapsed())));
    if (m_target.security.tlsEnabled)
        startHandshake();
    else
        becomeEstablished();
}

void ConnectionPrivate::startHandshake()
{
    setStage(ConnectionStage::Handshake);
    m_socket->setSslConfiguration(m_tls.configuration);
    // Connected to an address (or through the proxy): verify against the name the user typed.
    const QString verifyName = m_tls.peerVerifyName.isEmpty() ? m_target.host : m_tls.peerVerifyName;
    m_socket->setPeerVerifyName(verifyName);
    m_socket->startClientEncryption();
}

bool ConnectionPrivate::checkPin()
{
    const QList<QSslCertificate> chain = m_socket->peerCertificateChain();
    if (chain.isEmpty())
        return true;
    const CertificatePinning::PinCheck pin =
        CertificatePinning::check(m_target.security, m_target.host, chain.first());
    if (pin.state != CertificatePinning::PinState::Mismatch)
        return true;
    m_record.pinnedCertificateMismatch = true;
    m_record.pinnedSha256 = pin.pinnedSha256;
    m_record.peerChain = chain;
    fail();
    return false;
}

void ConnectionPrivate::onSslErrors(const QList<QSslError>& errors)
{
    for (const QSslError& error : errors) {
        if (m_record.sslErrors.size() < 64)
            m_record.sslErrors.append(error);
    }
    m_record.peerChain = m_socket->peerCertificateChain();
    if (!checkPin())
        return;

    // Only errors a trust decision covers may be ignored, and only when they cover them all:
    // errors about the pinned certificate, and HostNameMismatch when the host-name check is off.
    QList<QSslError> ignorable =
        CertificatePinning::ignorableErrors(m_target.security, m_target.host, m_record.peerChain, errors);
    for (const QSslError& error : TlsConfigurationBuilder::ignorableErrors(m_tls, errors)) {
        if (!ignorable.contains(error))
            ignorable.append(error);
    }
    for (const QSslError& error : errors) {
        if (!ignorable.contains(error))
            return; // the handshake fails with Qt's SslHandshakeFailedError
    }
    if (!ignorable.isEmpty())
        m_socket->ignoreSslErrors(ignorable);
}

void ConnectionPrivate::onEncrypted()
{
    if (m_state != ConnectionState::Running)
        return;
    m_deadline->stop();
    m_record.encryptedReached = true;
    const QSslCipher cipher = m_socket->sessionCipher();
    m_record.cipher = cipher.name();
    m_record.protocol = cipher.protocolString();
    m_record.peerChain = m_socket->peerCertificateChain();
    setStage(ConnectionStage::Verifying);
    if (!checkPin())
        return;

    if (m_target.security.fipsMode && !m_record.peerChain.isEmpty()) {
        const TlsConfigurationBuilder::NegotiatedCheck check =
            TlsConfigurationBuilder::checkNegotiated(m_target.security, cipher, m_record.peerChain.first());
        if (!check.ok()) {
            m_record.localProblem = check.problem;
            m_record.localProblemDetail = check.detail;
            fail();
            return;
        }
    }

    if (m_target.security.revocation == RevocationMode::Off) {
        becomeEstablished();
        return;
    }
    RevocationRequest request;
    request.mode = m_target.security.revocation;
    request.required = m_target.security.revocationRequired;
    request.crlFiles = m_target.security.crlFiles;
    request.peerChain = m_record.peerChain;
    request.trustAnchors = m_tls.trustAnchors;
    request.handshakeErrors = m_record.sslErrors;
    request.stapledResponses = m_socket->ocspResponses();
    request.stapleRequested = m_tls.revocationViaOcsp;
    request.timeoutMs = qBound(1000, m_target.timeoutMs, 10000);
    m_revocation = new RevocationChecker(q);
    QObject::connect(m_revocation, &RevocationChecker::finished, q,
                     [this](const RevocationResult& result) { onRevocationFinished(result); });
    m_revocation->start(request);
}

void ConnectionPrivate::onRevocationFinished(const RevocationResult& result)
{
    if (m_state != ConnectionState::Running)
        return;
    m_record.revocation = result.status;
    m_record.revocationDetail =
        result.source.isEmpty() ? result.detail : result.source + QStringLiteral(": ") + result.detail;
    if (result.failsConnection || result.status == RevocationStatus::Revoked) {
        fail();
        return;
    }
    becomeEstablished();
}

void ConnectionPrivate::becomeEstablished()
{
    if (m_deadline)
        m_deadline->stop();
    m_state = ConnectionState::Established;
    setStage(ConnectionStage::Connected);
    QMetaObject::invokeMethod(
        q,
        [this] {
            if (m_state != ConnectionState::Established)
                return;
            emit q->established();
            if (!m_earlyData.isEmpty())
                deliverData(std::exchange(m_earlyData, {}));
            if (m_socket && m_socket->bytesAvailable() > 0)
                onReadyRead();
        },
        Qt::QueuedConnection);
}

void ConnectionPrivate::deliverData(const QByteArray& data)
{
    m_record.bytesReceived += data.size();
    updateElapsed();
    emit q->dataReceived(data);
}

// What the host sent before closing is still due: onReadyRead hands data on in slices, so some
// may wait in the socket when the close is reported. False when delivering ended the connection.
bool ConnectionPrivate::deliverPendingData()
{
    if (m_socket && m_socket->bytesAvailable() > 0)
        deliverData(m_socket->readAll());
    return m_state == ConnectionState::Established;
}

void ConnectionPrivate::onSocketError(QAbstractSocket::SocketError error)
{
    if (m_state == ConnectionState::Running && m_stage == ConnectionStage::Connecting &&
        !m_record.tcpConnected && m_addressIndex + 1 < m_addresses.size() &&
        (error == QAbstractSocket::ConnectionRefusedError || error == QAbstractSocket::NetworkError ||
         error == QAbstractSocket::SocketAccessError ||
         error == QAbstractSocket::UnsupportedSocketOperationError)) {
        const QHostAddress next = m_addresses.at(++m_addressIndex);
        const quint16 port = m_record.viaProxy ? m_target.security.proxy.port : m_target.port;
        QMetaObject::invokeMethod(
            q,
            [this, next, port] {
                if (m_state == ConnectionState::Running && m_socket) {
                    m_socket->abort();
                    m_socket->connectToHost(next, port);
                }
            },
            Qt::QueuedConnection);
        return;
    }
    // The first error is the telling one (later ones are the consequence: closed, aborted).
    if (!m_record.socketError) {
        m_record.socketError = error;
        m_record.socketErrorString = m_socket ? m_socket->errorString() : QString();
    }
    if (m_state == ConnectionState::Running) {
        if (error == QAbstractSocket::RemoteHostClosedError)
            m_record.closedByPeer = true;
        fail();
    } else if (m_state == ConnectionState::Established) {
        // The error can come before the host's last bytes were handed on (they go in slices).
        if (!deliverPendingData())
            return;
        const bool peerClosed = error == QAbstractSocket::RemoteHostClosedError;
        m_record.closedByPeer = peerClosed;
        endAfterEstablished(!peerClosed || !m_record.alertsSent.isEmpty() ||
                            std::any_of(m_record.alertsReceived.cbegin(), m_record.alertsReceived.cend(),
                                        [](const TlsAlertRecord& a) { return a.level == 2; }));
    }
}

void ConnectionPrivate::onDisconnected()
{
    if (m_state == ConnectionState::Running) {
        m_record.closedByPeer = true;
        fail();
    } else if (m_state == ConnectionState::Established) {
        if (!deliverPendingData())
            return;
        // A corrupted record: Qt sends bad_record_mac and disconnects, often with no error.
        m_record.closedByPeer = !m_record.closedByUser;
        const bool broken = !m_record.alertsSent.isEmpty() ||
                            std::any_of(m_record.alertsReceived.cbegin(), m_record.alertsReceived.cend(),
                                        [](const TlsAlertRecord& a) { return a.level == 2; });
        endAfterEstablished(broken);
    }
}

void ConnectionPrivate::onDeadline()
{
    if (m_state != ConnectionState::Running)
        return;
    if (m_stage == ConnectionStage::Resolving || m_stage == ConnectionStage::Connecting) {
        m_record.connectTimedOut = true;
        if (!m_record.socketError) {
            m_record.socketError = QAbstractSocket::SocketTimeoutError;
            m_record.socketErrorString =
                QStringLiteral("connect timed out after %1 ms").arg(m_clock.elapsed());
        }
    } else {
        // Qt reports nothing for a peer that accepts TCP and never answers: this timer is the evidence.
        m_record.handshakeTimedOut = true;
    }
    fail();
}

void ConnectionPrivate::fail()
{
    if (m_state != ConnectionState::Running && m_state != ConnectionState::Idle)
        return;
    m_state = ConnectionState::Failed;
    if (m_deadline)
        m_deadline->stop();
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    if (m_revocation)
        m_revocation->abort();
    if (m_socket && m_record.peerChain.isEmpty())
        m_record.peerChain = m_socket->peerCertificateChain();
    if (m_socket) {
        m_socket->disconnect(q);
        // Alerts raised while aborting are still evidence; errors are not.
        m_socket->abort();
    }
    updateElapsed();
    QMetaObject::invokeMethod(
        q, [this] { emit q->failed(); }, Qt::QueuedConnection);
}

void ConnectionPrivate::endAfterEstablished(bool broken)
{
    if (m_state != ConnectionState::Established)
        return;
    m_state = broken ? ConnectionState::Failed : ConnectionState::Closed;
    m_socket->disconnect(q);
    m_socket->abort();
    updateElapsed();
    m_stage = ConnectionStage::Closed;
    emit q->stageChanged(ConnectionStage::Closed);
    QMetaObject::invokeMethod(
        q,
        [this, broken] {
            if (broken)
                emit q->failed();
            emit q->closed();
        },
        Qt::QueuedConnection);
}

Connection::Connection(QObject* parent) : QObject(parent), d(std::make_unique<ConnectionPrivate>(this)) {}

Connection::~Connection()
{
    if (d->m_lookupId >= 0)
        QHostInfo::abortHostLookup(d->m_lookupId);
    if (d->m_socket)
        d->m_socket->disconnect(this);
}

void Connection::start(const ConnectionTarget& target)
{
    if (d->m_state != ConnectionState::Idle)
        return;
    d->m_target = target;
    d->start();
}

bool Connection::write(const QByteArray& data)
{
    if (d->m_state != ConnectionState::Established || !d->m_socket)
        return false;
    const bool written = d->m_socket->write(data) == data.size();
    // QSslSocket encrypts and sends what was written on its next turn of the event loop; a key
    // press is sent now, before anything else the loop has to do (painting, other sessions).
    d->m_socket->flush();
    return written;
}

void Connection::close()
{
    if (d->m_state == ConnectionState::Established) {
        d->m_record.closedByUser = true;
        d->m_state = ConnectionState::Closed;
        d->m_socket->disconnect(this);
        d->m_socket->disconnectFromHost(); // sends close_notify for TLS
        d->updateElapsed();
        d->m_stage = ConnectionStage::Closed;
        emit stageChanged(ConnectionStage::Closed);
        QMetaObject::invokeMethod(
            this, [this] { emit closed(); }, Qt::QueuedConnection);
    } else if (d->m_state == ConnectionState::Running) {
        d->m_record.closedByUser = true;
        abort();
    }
}

void Connection::abort()
{
    if (d->m_state != ConnectionState::Running && d->m_state != ConnectionState::Established)
        return;
    d->m_record.closedByUser = true;
    d->m_state = ConnectionState::Closed;
    if (d->m_deadline)
        d->m_deadline->stop();
    if (d->m_lookupId >= 0) {
        QHostInfo::abortHostLookup(d->m_lookupId);
        d->m_lookupId = -1;
    }
    if (d->m_revocation)
        d->m_revocation->abort();
    if (d->m_socket) {
        d->m_socket->disconnect(this);
        d->m_socket->abort();
    }
    d->updateElapsed();
    d->m_stage = ConnectionStage::Closed;
    emit stageChanged(ConnectionStage::Closed);
    QMetaObject::invokeMethod(
        this, [this] { emit closed(); }, Qt::QueuedConnection);
}

const ConnectionRecord& Connection::record() const
{
    if (d->m_state == ConnectionState::Running || d->m_state == ConnectionState::Established)
        d->updateElapsed();
    return d->m_record;
}

ConnectionState Connection::state() const
{
    return d->m_state;
}
ConnectionStage Connection::stage() const
{
    return d->m_stage;
}
const ConnectionTarget& Connection::target() const
{
    return d->m_target;
}

std::optional<PinnedCertificate> pinForFailedRecord(const ConnectionRecord& record)
{
    if (record.peerChain.isEmpty() || record.peerChain.first().isNull())
        return std::nullopt;
    return CertificatePinning::pinFor(record.typedHost, record.peerChain.first());
}
