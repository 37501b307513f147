#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QTcpServer>

typedef struct ssl_ctx_st SSL_CTX;

// A TLS 1.3 host on 127.0.0.1 that requires a client certificate and answers its absence the way
// real hosts do, with a certificate_required alert. QSslServer cannot: Qt's server asks for the
// certificate but lets the handshake finish without one, then drops the connection. So this host
// drives libssl directly over memory BIOs on a QTcpSocket.
class ClientCertificateServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientCertificateServer)
public:
    explicit ClientCertificateServer(QObject* parent = nullptr);
    ~ClientCertificateServer() override;

    // PEM host certificate and key, and the CA whose client certificates are accepted.
    bool setCredentials(const QByteArray& certificatePem, const QByteArray& keyPem,
                        const QByteArray& acceptedIssuerPem);
    bool listen();
    void close();
    bool isListening() const { return m_server.isListening(); }
    quint16 port() const { return m_server.serverPort(); }
    QHostAddress serverAddress() const { return m_server.serverAddress(); }
    int handshakesCompleted() const { return m_completed; }

private:
    struct Client;
    void onNewConnection();

    QTcpServer m_server;
    SSL_CTX* m_context = nullptr;
    int m_completed = 0;
};
