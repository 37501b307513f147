#include "demo/LoopbackPeers.h"

#include <QHostAddress>
#include <QSslSocket>
#include <QTcpSocket>

namespace {
constexpr qsizetype kMaxHead = 8 * 1024;
constexpr qsizetype kMaxRelayBuffer = 1024 * 1024;

void closeLater(QTcpSocket* socket)
{
    socket->disconnectFromHost();
    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
}
} // namespace

SilentListener::SilentListener(QObject* parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            ++m_accepted;
            // Read and drop what arrives (so the client's ClientHello is taken), answer nothing.
            connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

bool SilentListener::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

PlainTextServer::PlainTextServer(QByteArray banner, QObject* parent)
    : QObject(parent), m_banner(std::move(banner))
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            socket->write(m_banner);
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                const QByteArray data = socket->readAll();
                if (!data.isEmpty() && data.at(0) == 0x16) { // a TLS handshake record: not for us
                    socket->write("\r\nInvalid input\r\n");
                    closeLater(socket);
                }
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

bool PlainTextServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

DemoTlsServer::DemoTlsServer(QObject* parent) : QObject(parent)
{
    connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket* next = m_server.nextPendingConnection()) {
            auto* socket = qobject_cast<QSslSocket*>(next);
            ++m_encrypted;
            if (!m_greeting.isEmpty())
                socket->write(m_greeting);
            connect(socket, &QSslSocket::readyRead, socket, [socket] { socket->write(socket->readAll()); });
            connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    connect(&m_server, &QSslServer::errorOccurred, this,
            [](QSslSocket* socket, QAbstractSocket::SocketError) { socket->deleteLater(); });
}

void DemoTlsServer::setCredentials(const QSslCertificate& certificate, const QSslKey& key,
                                   const QList<QSslCertificate>& chain)
{
    m_certificate = certificate;
    m_key = key;
    m_chain = chain;
}

bool DemoTlsServer::listen()
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(QList<QSslCertificate>{m_certificate} + m_chain);
    configuration.setPrivateKey(m_key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setProtocol(m_protocol);
    if (!m_ciphers.isEmpty())
        configuration.setCiphers(m_ciphers);
    m_server.setSslConfiguration(configuration);
    m_server.setHandshakeTimeout(10000);
    return m_server.listen(QHostAddress::LocalHost, 0);
}

DemoSecurityProxy::DemoSecurityProxy(QByteArray expectedToken, QObject* parent)
    : QObject(parent), m_token(std::move(expectedToken))
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* client = m_server.nextPendingConnection()) {
            connect(client, &QTcpSocket::readyRead, this, [this, client] { onReadyRead(client); });
            connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        }
    });
}

bool DemoSecurityProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void DemoSecurityProxy::onReadyRead(QTcpSocket* client)
{
    if (client->property("tunnel").toBool())
        return; // the relay has taken over this socket
    QByteArray head = client->property("head").toByteArray() + client->read(kMaxHead);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() >= kMaxHead) {
            client->write("HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\n\r\n");
            closeLater(client);
        } else {
            client->setProperty("head", head);
        }
        return;
    }
    ++m_requests;
    const QByteArray rest = head.mid(end + 4);
    const QList<QByteArray> lines = head.left(end).split('\n');
    m_lastRequestLine = lines.value(0).trimmed();
    m_lastAuthorization.clear();
    for (const QByteArray& raw : lines.mid(1)) {
        const QByteArray line = raw.trimmed();
        if (line.toLower().startsWith("proxy-authorization:"))
            m_lastAuthorization = line.mid(int(strlen("proxy-authorization:"))).trimmed();
    }
    auto reply = [client](const QByteArray& status, const QByteArray& extra = {}) {
        client->write("HTTP/1.1 " + status + "\r\n" + extra +
                      "Content-Length: 0\r\nConnection: close\r\n\r\n");
        closeLater(client);
    };
    const QList<QByteArray> request = m_lastRequestLine.split(' ');
    if (request.size() != 3 || request.at(0) != "CONNECT") {
        reply("405 Method Not Allowed");
        return;
    }
    if (m_lastAuthorization.isEmpty()) {
        reply("407 Proxy Authentication Required", "Proxy-Authenticate: Bearer realm=\"tsunagi\"\r\n");
        return;
    }
    if (m_lastAuthorization != "Bearer " + m_token) {
        reply(m_rejectStatus == 407 ? QByteArray("407 Proxy Authentication Required")
                                    : QByteArray("403 Forbidden"),
              "Proxy-Authenticate: Bearer error=\"invalid_token\"\r\n");
        return;
    }
    const QByteArray authority = request.at(1);
    const qsizetype colon = authority.lastIndexOf(':');
    const QByteArray host = authority.left(colon);
    const quint16 port = quint16(authority.mid(colon + 1).toUInt());
    if (host != "127.0.0.1" && host != "localhost") {
        reply("403 Forbidden");
        return;
    }
    auto* upstream = new QTcpSocket(client);
    client->setProperty("tunnel", true);
    connect(upstream, &QTcpSocket::connected, this, [this, client, upstream, rest] {
        ++m_tunnels;
        client->write("HTTP/1.1 200 Connection established\r\n\r\n");
        if (!rest.isEmpty())
            upstream->write(rest);
        connect(client, &QTcpSocket::readyRead, upstream,
                [client, upstream] { upstream->write(client->readAll()); });
        connect(upstream, &QTcpSocket::readyRead, client,
                [client, upstream] { client->write(upstream->readAll()); });
        connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
        connect(client, &QTcpSocket::disconnected, upstream, [upstream] { upstream->disconnectFromHost(); });
        if (client->bytesAvailable() > 0)
            upstream->write(client->readAll());
    });
    connect(upstream, &QTcpSocket::errorOccurred, this, [client, upstream](QAbstractSocket::SocketError) {
        if (upstream->state() != QAbstractSocket::ConnectedState && !client->property("replied").toBool()) {
            client->setProperty("replied", true);
            client->write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
            closeLater(client);
        }
    });
    upstream->connectToHost(QHostAddress::LocalHost, port);
}

struct CorruptingRelay::Pair
{
    QTcpSocket* client = nullptr;
    QTcpSocket* server = nullptr;
    QByteArray fromServer;
    QByteArray fromClient;
    bool clientSentApplicationData = false;
    bool corrupted = false; // one record per connection
};

CorruptingRelay::CorruptingRelay(quint16 upstreamPort, QObject* parent)
    : QObject(parent), m_upstreamPort(upstreamPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* client = m_server.nextPendingConnection()) {
            auto* pair = new Pair;
            pair->client = client;
            pair->server = new QTcpSocket(client);
            connect(client, &QObject::destroyed, this, [pair] { delete pair; });
            connect(pair->server, &QTcpSocket::readyRead, client,
                    [this, pair] { forwardRecords(pair, true); });
            connect(client, &QTcpSocket::readyRead, client, [this, pair] {
                if (pair->server->state() == QAbstractSocket::ConnectedState)
                    forwardRecords(pair, false);
            });
            connect(pair->server, &QTcpSocket::connected, client,
                    [this, pair] { forwardRecords(pair, false); });
            connect(pair->server, &QTcpSocket::disconnected, client,
                    [client] { client->disconnectFromHost(); });
            connect(client, &QTcpSocket::disconnected, client, [pair, client] {
                pair->server->disconnectFromHost();
                client->deleteLater();
            });
            pair->server->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
        }
    });
}

bool CorruptingRelay::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void CorruptingRelay::forwardRecords(Pair* pair, bool fromServer)
{
    QTcpSocket* source = fromServer ? pair->server : pair->client;
    QTcpSocket* sink = fromServer ? pair->client : pair->server;
    QByteArray& buffer = fromServer ? pair->fromServer : pair->fromClient;
    buffer += source->read(kMaxRelayBuffer - buffer.size());
    // Forward whole records only, so one can be changed before it leaves.
    while (buffer.size() >= 5) {
        const int type = quint8(buffer.at(0));
        const int length = (quint8(buffer.at(3)) << 8) | quint8(buffer.at(4));
        if (buffer.size() < 5 + length)
            break;
        QByteArray record = buffer.left(5 + length);
        buffer.remove(0, 5 + length);
        if (type == 23) {
            if (!fromServer) {
                pair->clientSentApplicationData = true;
            } else if (pair->clientSentApplicationData && !pair->corrupted && length > 0) {
                record[record.size() - 1] = char(record.at(record.size() - 1) ^ 0x01);
                pair->corrupted = true;
                m_corrupted = true;
            }
        }
        sink->write(record);
    }
}
