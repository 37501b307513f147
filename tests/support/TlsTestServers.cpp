#include "TlsTestServers.h"

#include "TestEnvironment.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QPointer>
#include <QTcpSocket>
#include <QtDebug>
#include <QTemporaryDir>
#include <QTimer>

#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/x509.h>

// ---- OpensslServer ---------------------------------------------------------------------------

OpensslServer::OpensslServer(QObject* parent) : QObject(parent) {}

OpensslServer::~OpensslServer()
{
    stop();
}

bool OpensslServer::start(const QString& certificateFile, const QString& keyFile,
                          const QStringList& extraArguments, int timeoutMs)
{
    stop();
    // The port was free a moment ago; another process may take it first, so try a few.
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = TestEnvironment::freeLoopbackPort();
        QStringList arguments{QStringLiteral("s_server"),
                              QStringLiteral("-accept"),
                              QStringLiteral("127.0.0.1:%1").arg(m_port),
                              QStringLiteral("-cert"),
                              certificateFile,
                              QStringLiteral("-key"),
                              keyFile,
                              QStringLiteral("-ign_eof")};
        arguments += extraArguments;
        if (startOnce(arguments, timeoutMs))
            return true;
        const bool portTaken = m_output.contains("in use");
        stop();
        if (!portTaken)
            break;
    }
    qWarning().noquote() << "OpensslServer: openssl" << m_arguments.join(QLatin1Char(' '))
                         << "did not start:\n"
                         << QString::fromLocal8Bit(m_output);
    return false;
}

bool OpensslServer::startOnce(const QStringList& arguments, int timeoutMs)
{
    m_arguments = arguments;
    m_output.clear();
    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    QEventLoop loop;
    bool accepted = false;
    connect(m_process, &QProcess::readyReadStandardOutput, &loop, [this, &loop, &accepted] {
        m_output += m_process->readAllStandardOutput();
        if (!accepted && m_output.contains("ACCEPT")) {
            accepted = true;
            loop.quit();
        }
    });
    connect(m_process, &QProcess::finished, &loop, &QEventLoop::quit);
    connect(m_process, &QProcess::errorOccurred, &loop, [&loop](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    m_process->start(QStringLiteral("openssl"), arguments);
    loop.exec();
    // Keep collecting later output (handshake errors) for output().
    connect(m_process, &QProcess::readyReadStandardOutput, this,
            [this] { m_output += m_process->readAllStandardOutput(); });
    return accepted && m_process->state() == QProcess::Running;
}

void OpensslServer::stop()
{
    if (!m_process)
        return;
    m_process->disconnect(this);
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_output += m_process->readAll();
    delete m_process;
    m_process = nullptr;
}

bool OpensslServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString OpensslServer::output() const
{
    QByteArray out = m_output;
    if (m_process)
        out += m_process->peek(1 << 20);
    return QString::fromLocal8Bit(out);
}

// ---- OcspIndex -------------------------------------------------------------------------------

namespace {
QByteArray indexLine(char status, const TestPki::Credential& credential, const QByteArray& revokedAt)
{
    auto* cert = static_cast<X509*>(credential.x509());
    if (!cert)
        return {};
    ASN1_TIME* notAfter = X509_getm_notAfter(cert);
    struct tm tm = {};
    ASN1_TIME_to_tm(notAfter, &tm);
    char expiry[32];
    strftime(expiry, sizeof expiry, "%y%m%d%H%M%SZ", &tm);

    BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr);
    char* hex = BN_bn2hex(bn);
    QByteArray serial(hex);
    if (serial.size() % 2)
        serial.prepend('0');
    OPENSSL_free(hex);
    BN_free(bn);

    char* subject = X509_NAME_oneline(X509_get_subject_name(cert), nullptr, 0);
    QByteArray line = QByteArray(1, status) + '\t' + expiry + '\t' + revokedAt + '\t' + serial +
                      "\tunknown\t" + subject + '\n';
    OPENSSL_free(subject);
    return line;
}
} // namespace

void OcspIndex::addValid(const TestPki::Credential& certificate)
{
    m_lines += indexLine('V', certificate, {});
}

void OcspIndex::addRevoked(const TestPki::Credential& certificate)
{
    const QByteArray when =
        QDateTime::currentDateTimeUtc().addSecs(-600).toString(QStringLiteral("yyMMddHHmmss")).toLatin1() +
        'Z';
    m_lines += indexLine('R', certificate, when);
}

bool OcspIndex::write(const QString& path) const
{
    return TestPki::writeFile(path, m_lines);
}

// ---- OcspTool --------------------------------------------------------------------------------

namespace OcspTool {
namespace {
bool runOpenssl(const QStringList& arguments, QString* error)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(20000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("openssl %1: %2")
                         .arg(arguments.join(QLatin1Char(' ')), QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

QByteArray makeRequest(const QString& issuerFile, const QString& certificateFile, QString* error)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("req.der"));
    if (!runOpenssl({QStringLiteral("ocsp"), QStringLiteral("-issuer"), issuerFile, QStringLiteral("-cert"),
                     certificateFile, QStringLiteral("-no_nonce"), QStringLiteral("-reqout"), out},
                    error))
        return {};
    return readAll(out);
}

QByteArray respond(const QByteArray& requestDer, const QString& indexFile, const QString& caFile,
                   const QString& responderCertFile, const QString& responderKeyFile, QString* error)
{
    QTemporaryDir dir;
    const QString in = dir.filePath(QStringLiteral("req.der"));
    const QString out = dir.filePath(QStringLiteral("resp.der"));
    if (!TestPki::writeFile(in, requestDer))
        return {};
    if (!runOpenssl({QStringLiteral("ocsp"), QStringLiteral("-index"), indexFile, QStringLiteral("-CA"),
                     caFile, QStringLiteral("-rsigner"), responderCertFile, QStringLiteral("-rkey"),
                     responderKeyFile, QStringLiteral("-ndays"), QStringLiteral("1"),
                     QStringLiteral("-reqin"), in, QStringLiteral("-respout"), out},
                    error))
        return {};
    return readAll(out);
}

QByteArray makeResponse(const QString& indexFile, const QString& caFile, const QString& certificateFile,
                        const QString& responderCertFile, const QString& responderKeyFile, QString* error)
{
    const QByteArray request = makeRequest(caFile, certificateFile, error);
    if (request.isEmpty())
        return {};
    return respond(request, indexFile, caFile, responderCertFile, responderKeyFile, error);
}
} // namespace OcspTool

// ---- OcspHttpResponder -----------------------------------------------------------------------

OcspHttpResponder::OcspHttpResponder(const QString& indexFile, const QString& caFile,
                                     const QString& responderCertFile, const QString& responderKeyFile,
                                     QObject* parent)
    : QObject(parent), m_index(indexFile), m_ca(caFile), m_responderCert(responderCertFile),
      m_responderKey(responderKeyFile)
{
    connect(&m_server, &QTcpServer::newConnection, this, &OcspHttpResponder::onNewConnection);
}

OcspHttpResponder::~OcspHttpResponder() = default;

bool OcspHttpResponder::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QString OcspHttpResponder::url(const QString& path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
}

void OcspHttpResponder::addFile(const QString& path, const QByteArray& body, const QByteArray& contentType)
{
    m_files.insert(path, {body, contentType});
}

void OcspHttpResponder::onNewConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    }
}

void OcspHttpResponder::onReadyRead(QTcpSocket* socket)
{
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    socket->setProperty("buffer", buffer);
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    const QByteArray head = buffer.left(headerEnd);
    qsizetype contentLength = 0;
    for (const QByteArray& line : head.split('\n')) {
        if (line.toLower().startsWith("content-length:"))
            contentLength = line.mid(15).trimmed().toLongLong();
    }
    const QByteArray body = buffer.mid(headerEnd + 4);
    if (body.size() < contentLength)
        return;
    socket->setProperty("buffer", QByteArray());
    ++m_requests;
    if (m_silent)
        return;
    const QList<QByteArray> requestLine = head.left(head.indexOf('\r')).split(' ');
    const QString method = QString::fromLatin1(requestLine.value(0));
    const QString path = QString::fromLatin1(requestLine.value(1));
    if (m_files.contains(path)) {
        reply(socket, 200, m_files.value(path).first, m_files.value(path).second);
        return;
    }
    if (method != QLatin1String("POST")) {
        reply(socket, 404, "not found", "text/plain");
        return;
    }
    QString error;
    const QByteArray response =
        OcspTool::respond(body.left(contentLength), m_index, m_ca, m_responderCert, m_responderKey, &error);
    if (response.isEmpty()) {
        qWarning().noquote() << "OcspHttpResponder:" << error;
        reply(socket, 500, error.toUtf8(), "text/plain");
        return;
    }
    reply(socket, 200, response, "application/ocsp-response");
}

void OcspHttpResponder::reply(QTcpSocket* socket, int status, const QByteArray& body,
                              const QByteArray& contentType)
{
    QByteArray out = "HTTP/1.0 " + QByteArray::number(status) + (status == 200 ? " OK" : " Error") +
                     "\r\nContent-Type: " + contentType +
                     "\r\nContent-Length: " + QByteArray::number(body.size()) +
                     "\r\nConnection: close\r\n\r\n" + body;
    socket->write(out);
    socket->disconnectFromHost();
}
