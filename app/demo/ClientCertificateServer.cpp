#include "demo/ClientCertificateServer.h"

#include <QTcpSocket>

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

namespace {
constexpr qint64 kMaxReadBytes = 64 * 1024;

X509* readCertificate(const QByteArray& pem)
{
    BIO* bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    X509* certificate = bio ? PEM_read_bio_X509(bio, nullptr, nullptr, nullptr) : nullptr;
    BIO_free(bio);
    return certificate;
}
} // namespace

struct ClientCertificateServer::Client
{
    QTcpSocket* socket = nullptr;
    SSL* ssl = nullptr;
    bool established = false;

    ~Client() { SSL_free(ssl); } // frees both BIOs

    void flush()
    {
        BIO* out = SSL_get_wbio(ssl);
        char buffer[4096];
        int n = 0;
        while ((n = BIO_read(out, buffer, int(sizeof buffer))) > 0)
            socket->write(buffer, n);
    }
};

ClientCertificateServer::ClientCertificateServer(QObject* parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ClientCertificateServer::onNewConnection);
}

ClientCertificateServer::~ClientCertificateServer()
{
    close();
    SSL_CTX_free(m_context);
}

bool ClientCertificateServer::setCredentials(const QByteArray& certificatePem, const QByteArray& keyPem,
                                             const QByteArray& acceptedIssuerPem)
{
    SSL_CTX_free(m_context);
    m_context = SSL_CTX_new(TLS_server_method());
    if (!m_context)
        return false;
    SSL_CTX_set_min_proto_version(m_context, TLS1_3_VERSION);
    X509* certificate = readCertificate(certificatePem);
    X509* issuer = readCertificate(acceptedIssuerPem);
    BIO* keyBio = BIO_new_mem_buf(keyPem.constData(), int(keyPem.size()));
    EVP_PKEY* key = keyBio ? PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr) : nullptr;
    BIO_free(keyBio);
    bool ok = certificate && issuer && key && SSL_CTX_use_certificate(m_context, certificate) == 1 &&
              SSL_CTX_use_PrivateKey(m_context, key) == 1 &&
              X509_STORE_add_cert(SSL_CTX_get_cert_store(m_context), issuer) == 1 &&
              SSL_CTX_add_client_CA(m_context, issuer) == 1;
    X509_free(certificate);
    X509_free(issuer);
    EVP_PKEY_free(key);
    SSL_CTX_set_verify(m_context, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
    if (!ok) {
        SSL_CTX_free(m_context);
        m_context = nullptr;
    }
    return ok;
}

bool ClientCertificateServer::listen()
{
    return m_context && m_server.listen(QHostAddress::LocalHost, 0);
}

void ClientCertificateServer::close()
{
    m_server.close();
    const auto sockets = findChildren<QTcpSocket*>(Qt::FindDirectChildrenOnly);
    for (QTcpSocket* socket : sockets)
        socket->abort();
}

void ClientCertificateServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        auto* client = new Client;
        client->socket = socket;
        client->ssl = SSL_new(m_context);
        if (!client->ssl) {
            delete client;
            socket->abort();
            socket->deleteLater();
            continue;
        }
        SSL_set_bio(client->ssl, BIO_new(BIO_s_mem()), BIO_new(BIO_s_mem()));
        SSL_set_accept_state(client->ssl);
        socket->setReadBufferSize(kMaxReadBytes);
        connect(socket, &QObject::destroyed, socket, [client] { delete client; });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, client] {
            const QByteArray data = client->socket->readAll();
            BIO_write(SSL_get_rbio(client->ssl), data.constData(), int(data.size()));
            if (!client->established) {
                const int result = SSL_do_handshake(client->ssl);
                const int error = SSL_get_error(client->ssl, result);
                client->flush();
                if (result == 1) {
                    client->established = true;
                    ++m_completed;
                    const QByteArray greeting = "Tsunagi demo host: client certificate accepted\r\n";
                    SSL_write(client->ssl, greeting.constData(), int(greeting.size()));
                    client->flush();
                } else if (error != SSL_ERROR_WANT_READ) {
                    client->socket->disconnectFromHost(); // the alert has gone out with flush()
                }
                return;
            }
            char buffer[4096]; // an established session echoes what it reads
            int n = 0;
            while ((n = SSL_read(client->ssl, buffer, int(sizeof buffer))) > 0)
                SSL_write(client->ssl, buffer, n);
            client->flush();
        });
    }
}
