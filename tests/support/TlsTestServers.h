#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTcpServer>

#include "TestPki.h"

class QTcpSocket;

// Third-party TLS peers for tests, always on 127.0.0.1.

// `openssl s_server` on 127.0.0.1 and a free port. start() returns once the server accepts
// connections (it waits for s_server's "ACCEPT" line, not for a fixed time); the destructor
// kills it. Extra arguments restrict it: {"-tls1_3"}, {"-cipher", "AES128-SHA"},
// {"-Verify", "1", "-CAfile", ca}, {"-status_file", ocspResponse}. Do not pass -quiet (it hides
// the "ACCEPT" line). stdin stays open so s_server does not exit.
class OpensslServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpensslServer)
public:
    explicit OpensslServer(QObject* parent = nullptr);
    ~OpensslServer() override;

    // To send intermediates (or the root, which Qt needs to check a stapled OCSP response), add
    // {"-cert_chain", chainFile} to the extra arguments.
    bool start(const QString& certificateFile, const QString& keyFile, const QStringList& extraArguments = {},
               int timeoutMs = 15000);
    void stop();
    bool isRunning() const;
    quint16 port() const { return m_port; }
    // Everything s_server printed (stdout and stderr), to explain a failed test.
    QString output() const;
    QStringList arguments() const { return m_arguments; }

private:
    bool startOnce(const QStringList& arguments, int timeoutMs);
    QProcess* m_process = nullptr;
    QByteArray m_output;
    QStringList m_arguments;
    quint16 m_port = 0;
};

// The OCSP "index" (the CA database format `openssl ocsp -index` reads): one line per certificate.
class OcspIndex final
{
public:
    void addValid(const TestPki::Credential& certificate);
    void addRevoked(const TestPki::Credential& certificate);
    bool write(const QString& path) const;

private:
    QByteArray m_lines;
};

// Makes OCSP requests and responses with the real `openssl ocsp` (no network: -reqout/-reqin/-respout).
namespace OcspTool {
// A DER OCSP request for certificate issued by issuer.
QByteArray makeRequest(const QString& issuerFile, const QString& certificateFile, QString* error = nullptr);
// A DER response to requestDer signed by the CA itself (responderCert/Key = the CA), from index.
QByteArray respond(const QByteArray& requestDer, const QString& indexFile, const QString& caFile,
                   const QString& responderCertFile, const QString& responderKeyFile,
                   QString* error = nullptr);
// Both in one: the response a server would staple (-status_file) for certificateFile.
QByteArray makeResponse(const QString& indexFile, const QString& caFile, const QString& certificateFile,
                        const QString& responderCertFile, const QString& responderKeyFile,
                        QString* error = nullptr);
} // namespace OcspTool

// An OCSP responder over HTTP on 127.0.0.1: each POSTed request is answered by running
// `openssl ocsp -reqin ... -respout ...` against the index (so the answer is real and fresh).
// Also serves fixed bodies for other paths (e.g. a CRL at "/ca.crl") via addFile().
// setSilent(true) makes it accept and never answer (a responder that hangs).
class OcspHttpResponder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OcspHttpResponder)
public:
    OcspHttpResponder(const QString& indexFile, const QString& caFile, const QString& responderCertFile,
                      const QString& responderKeyFile, QObject* parent = nullptr);
    ~OcspHttpResponder() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString& path = QStringLiteral("/")) const;
    void addFile(const QString& path, const QByteArray& body, const QByteArray& contentType);
    void setSilent(bool silent) { m_silent = silent; }
    int requestCount() const { return m_requests; }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void reply(QTcpSocket* socket, int status, const QByteArray& body, const QByteArray& contentType);

    QTcpServer m_server;
    QString m_index, m_ca, m_responderCert, m_responderKey;
    QHash<QString, QPair<QByteArray, QByteArray>> m_files;
    bool m_silent = false;
    int m_requests = 0;
};
