#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>

class QTcpSocket;

// In-process peers on 127.0.0.1, shared by the demo lab and the tests (tests/support names them
// TlsTestServer and TestSecurityProxy), so that what the demo shows and what the tests check
// cannot drift apart. Each listens on a free loopback port chosen by the system (port() after
// listen()); nothing listens on or is sent to any other address.

// Accepts TCP connections and never sends a byte (a server that hangs the handshake).
class SilentListener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SilentListener)
public:
    explicit SilentListener(QObject* parent = nullptr);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    bool isListening() const { return m_server.isListening(); }
    QHostAddress serverAddress() const { return m_server.serverAddress(); }
    void close() { m_server.close(); }
    int acceptedCount() const { return m_accepted; }

private:
    QTcpServer m_server;
    int m_accepted = 0;
};

// A plain-text server: sends a banner on connect and closes after reading anything that looks
// like a TLS ClientHello (as a Telnet server on the TLS port would, once its line buffer fills).
class PlainTextServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlainTextServer)
public:
    explicit PlainTextServer(QByteArray banner = "Welcome to a plain-text service\r\nlogin: ",
                             QObject* parent = nullptr);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    bool isListening() const { return m_server.isListening(); }
    QHostAddress serverAddress() const { return m_server.serverAddress(); }
    void close() { m_server.close(); }

private:
    QTcpServer m_server;
    QByteArray m_banner;
};

// A TLS server on QSslServer: presents the given certificate chain; optionally requires a
// client certificate; writes `greeting` once the handshake is done and echoes what it reads.
class DemoTlsServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoTlsServer)
public:
    explicit DemoTlsServer(QObject* parent = nullptr);
    void setCredentials(const QSslCertificate& certificate, const QSslKey& key,
                        const QList<QSslCertificate>& chain = {});
    void setGreeting(const QByteArray& greeting) { m_greeting = greeting; }
    void setProtocol(QSsl::SslProtocol protocol) { m_protocol = protocol; }
    // OpenSSL cipher names, colon-separated ("TLS_AES_128_GCM_SHA256"); empty = Qt's defaults.
    void setCiphers(const QString& ciphers) { m_ciphers = ciphers; }
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    bool isListening() const { return m_server.isListening(); }
    QHostAddress serverAddress() const { return m_server.serverAddress(); }
    void close() { m_server.close(); }
    int encryptedCount() const { return m_encrypted; }

private:
    QSslServer m_server;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QList<QSslCertificate> m_chain;
    QByteArray m_greeting = "hello over TLS\r\n";
    QSsl::SslProtocol m_protocol = QSsl::TlsV1_2OrLater;
    QString m_ciphers;
    int m_encrypted = 0;
};

// The security proxy: an HTTP CONNECT proxy that demands "Proxy-Authorization: Bearer <token>".
// No header -> 407 with Proxy-Authenticate: Bearer; a wrong token -> `rejectStatus` (403 by
// default, 407 possible); the right token -> 200 and a byte relay to the target, which must be
// 127.0.0.1 or localhost (anything else gets 403: the proxy never leaves the loopback).
class DemoSecurityProxy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoSecurityProxy)
public:
    explicit DemoSecurityProxy(QByteArray expectedToken, QObject* parent = nullptr);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    bool isListening() const { return m_server.isListening(); }
    QHostAddress serverAddress() const { return m_server.serverAddress(); }
    void close() { m_server.close(); }
    void setRejectStatus(int status) { m_rejectStatus = status; }
    int requestCount() const { return m_requests; }
    int tunnelCount() const { return m_tunnels; }
    QByteArray lastAuthorization() const { return m_lastAuthorization; }
    QByteArray lastRequestLine() const { return m_lastRequestLine; }

private:
    void onReadyRead(QTcpSocket* client);

    QTcpServer m_server;
    QByteArray m_token;
    int m_rejectStatus = 403;
    int m_requests = 0;
    int m_tunnels = 0;
    QByteArray m_lastAuthorization;
    QByteArray m_lastRequestLine;
};

// A TCP relay to a TLS server on 127.0.0.1 that corrupts one TLS record per connection after the handshake:
// in the server-to-client direction it flips the last byte (part of the AEAD tag) of the first
// application_data record that follows the client's first application_data record (TLS 1.3:
// the client's Finished). Records are parsed from their 5-byte headers; everything else passes
// through unchanged.
class CorruptingRelay final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CorruptingRelay)
public:
    explicit CorruptingRelay(quint16 upstreamPort, QObject* parent = nullptr);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    bool isListening() const { return m_server.isListening(); }
    QHostAddress serverAddress() const { return m_server.serverAddress(); }
    void close() { m_server.close(); }
    bool corrupted() const { return m_corrupted; } // in any connection so far

private:
    struct Pair;
    void forwardRecords(Pair* pair, bool fromServer);

    QTcpServer m_server;
    quint16 m_upstreamPort;
    bool m_corrupted = false;
};
