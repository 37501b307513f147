// Every catalogue entry and cause that can happen on this machine, produced for real against
// peers on 127.0.0.1 (QTcpServer, QSslServer, openssl s_server, a silent listener, a listener
// whose backlog is full, a byte-flipping relay, CONNECT proxies), run through the real
// Connection, classified, and checked for entry, cause and the key evidence. What cannot break
// for real here (no TLS backend, no OpenSSL) goes through the injectable environment probe.

#include "connection/Connection.h"
#include "core/Translations.h"
#include "diagnosis/Classifier.h"
#include "diagnosis/DiagnosisReport.h"
#include "security/CipherPolicy.h"
#include "security/TlsEnvironment.h"

#include "LoopbackPeers.h"
#include "TestEnvironment.h"
#include "TestPki.h"
#include "TlsTestServers.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// Accepts TCP and closes at once, before any handshake (a server that refuses the session).
class ClosingServer final : public QObject
{
public:
    explicit ClosingServer(QByteArray banner = {}) : m_banner(std::move(banner))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                if (!m_banner.isEmpty())
                    socket->write(m_banner);
                socket->disconnectFromHost();
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }

private:
    QTcpServer m_server;
    QByteArray m_banner;
};

// A CONNECT proxy that answers every request with one fixed reply (a proxy's own words about a
// token: expired, or issued by a portal it does not trust).
class ScriptedProxy final : public QObject
{
public:
    explicit ScriptedProxy(QByteArray reply) : m_reply(std::move(reply))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                QPointer<QTcpSocket> guard(socket);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_request += socket->readAll().left(8192);
                    if (m_request.contains("\r\n\r\n")) {
                        socket->write(m_reply);
                        socket->disconnectFromHost();
                    }
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    QByteArray request() const { return m_request; }

private:
    QTcpServer m_server;
    QByteArray m_reply;
    QByteArray m_request;
};

// A listener whose accept queue is full: further SYNs to it are dropped by the kernel, so a
// connect() stays pending until the client's own timer gives up (a host that never answers).
class FullBacklogListener final
{
public:
    ~FullBacklogListener()
    {
        qDeleteAll(m_fillers);
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool listen()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof(address);
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
            ::listen(m_fd, 0) != 0 ||
            ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            return false;
        m_port = ntohs(address.sin_port);
        // Fill the queue (backlog 0 holds one completed connection; a few more to be sure).
        for (int i = 0; i < 3; ++i) {
            auto* socket = new QTcpSocket;
            socket->connectToHost(QHostAddress::LocalHost, m_port);
            socket->waitForConnected(200); // the last ones stay pending: that is the point
            m_fillers << socket;
        }
        return true;
    }
    quint16 port() const { return m_port; }

private:
    int m_fd = -1;
    quint16 m_port = 0;
    QList<QTcpSocket*> m_fillers;
};

} // namespace

class TestDiagnosisLoopback final : public QObject
{
    Q_OBJECT

private:
    QString m_dir;
    TestPki::Credential m_ca;
    TestPki::Credential m_otherCa;
    QString m_caFile;

    ConnectionTarget target(quint16 port, const QString& host = QStringLiteral("localhost")) const
    {
        ConnectionTarget t;
        t.host = host;
        t.port = port;
        t.security.trustSource = TrustSource::App;
        t.security.extraCaFiles = {m_caFile};
        t.systemCaCertificates = QList<QSslCertificate>{};
        t.trustStoreDirectory = m_dir + QStringLiteral("/empty-store");
        t.timeoutMs = 10000;
        return t;
    }

    // One attempt as `--diagnose` makes it: after the handshake keep reading a moment, so that
    // failures that only show afterwards (certificate_required, a corrupted record) are seen.
    static ConnectionRecord attempt(const ConnectionTarget& t, int observeMs = 1500)
    {
        Connection connection;
        bool done = false;
        QTimer observe;
        observe.setSingleShot(true);
        QObject::connect(&observe, &QTimer::timeout, [&] { done = true; });
        QObject::connect(&connection, &Connection::established, [&] { observe.start(observeMs); });
        QObject::connect(&connection, &Connection::failed, [&] { done = true; });
        QObject::connect(&connection, &Connection::closed, [&] { done = true; });
        connection.start(t);
        if (!QTest::qWaitFor([&] { return done; }, 30000))
            qWarning("the attempt did not end");
        ConnectionRecord record = connection.record();
        connection.abort();
        return record;
    }

    static Diagnosis diagnose(const ConnectionTarget& t, ConnectionRecord* recordOut = nullptr,
                              int observeMs = 1500)
    {
        const ConnectionRecord record = attempt(t, observeMs);
        if (recordOut)
            *recordOut = record;
        return Classifier::classify(record, Classifier::probedContext(t.security, t.host));
    }

    static bool expect(const Diagnosis& d, const QString& entry, const QString& cause,
                       const QString& evidence = {})
    {
        const QString all = d.evidence.join(QLatin1Char('\n'));
        if (d.entryId == entry && d.causeId == cause &&
            (evidence.isEmpty() || all.contains(evidence, Qt::CaseInsensitive)))
            return true;
        qWarning("got %s/%s, want %s/%s with evidence \"%s\"\n%s", qPrintable(d.entryId),
                 qPrintable(d.causeId), qPrintable(entry), qPrintable(cause), qPrintable(evidence),
                 qPrintable(all));
        return false;
    }

    TestPki::Credential serverCredential(const TestPki::CertificateOptions& options,
                                         const TestPki::Credential* issuer = nullptr)
    {
        return TestPki::issue(issuer ? *issuer : m_ca, options);
    }

    static TestPki::CertificateOptions localhostOptions()
    {
        TestPki::CertificateOptions options;
        options.commonName = QStringLiteral("localhost");
        options.dnsNames = {QStringLiteral("localhost")};
        options.ipAddresses = {QStringLiteral("127.0.0.1")};
        return options;
    }

    static void serve(TlsTestServer* server, const TestPki::Credential& credential)
    {
        server->setCredentials(credential.certificate(), credential.key());
        QVERIFY(server->listen());
    }

    // openssl s_server with a certificate of our CA for localhost (RSA unless told).
    bool startOpenssl(OpensslServer* server, const QStringList& arguments, TestPki::KeyType keyType)
    {
        TestPki::CertificateOptions options = localhostOptions();
        options.keyType = keyType;
        const TestPki::Credential credential = TestPki::issue(m_ca, options);
        const QString base = m_dir + QStringLiteral("/s_server-%1").arg(int(keyType));
        if (!credential.writeCertificate(base + QStringLiteral(".pem")) ||
            !credential.writeKey(base + QStringLiteral(".key")))
            return false;
        const bool started =
            server->start(base + QStringLiteral(".pem"), base + QStringLiteral(".key"), arguments);
        if (!started)
            qWarning("%s", qPrintable(server->output()));
        return started;
    }

private slots:
    void initTestCase()
    {
        m_dir = TestEnvironment::freshDir(QStringLiteral("diagnosis"));
        m_ca = TestPki::makeCa(QStringLiteral("Diagnosis Test CA"));
        m_otherCa = TestPki::makeCa(QStringLiteral("Some Other CA"));
        m_caFile = m_dir + QStringLiteral("/ca.pem");
        QVERIFY(m_ca.writeCertificate(m_caFile));
        TlsEnvironment::setOverride(std::nullopt);
    }
    void cleanup() { TlsEnvironment::setOverride(std::nullopt); }

    void success()
    {
        TlsTestServer server;
        serve(&server, TestPki::issueServer(m_ca));
        ConnectionRecord record;
        const Diagnosis d = diagnose(target(server.port()), &record, 300);
        QVERIFY2(d.ok(), qPrintable(d.entryId + QLatin1Char(' ') + d.evidence.join(QLatin1Char('\n'))));
        const QJsonObject json = DiagnosisReport::toJson(d, record, QStringLiteral("en"));
        QVERIFY(json.value(QStringLiteral("ok")).toBool());
        QVERIFY(json.value(QStringLiteral("details"))
                    .toObject()
                    .value(QStringLiteral("protocol"))
                    .toString()
                    .startsWith(QLatin1String("TLSv1.")));
    }

    // ---- network -------------------------------------------------------------------------
    void connectionRefused()
    {
        const quint16 port = TestEnvironment::freeLoopbackPort();
        QVERIFY(expect(diagnose(target(port, QStringLiteral("127.0.0.1"))),
                       QStringLiteral("connection-refused"), QStringLiteral("port-closed"),
                       QStringLiteral("socket error 0")));
    }

    void hostNotFound()
    {
        // Not a valid name at all, so nothing is asked of any name server.
        QVERIFY(expect(diagnose(target(992, QStringLiteral("no-such-host..invalid"))),
                       QStringLiteral("host-not-found"), QStringLiteral("name-unresolvable"),
                       QStringLiteral("socket error 2")));
    }

    void connectTimeout()
    {
        FullBacklogListener listener;
        QVERIFY(listener.listen());
        ConnectionTarget t = target(listener.port(), QStringLiteral("127.0.0.1"));
        t.timeoutMs = 1500;
        QVERIFY(expect(diagnose(t), QStringLiteral("connect-timeout"), QStringLiteral("no-answer"),
                       QStringLiteral("connect timer expired")));
    }

    void connectionLostAfterTheSessionWasUp()
    {
        ClosingServer server("login: ");
        QVERIFY(server.listen());
        ConnectionTarget t = target(server.port(), QStringLiteral("127.0.0.1"));
        t.security.tlsEnabled = false;
        QVERIFY(expect(diagnose(t), QStringLiteral("connection-lost"), QStringLiteral("remote-closed"),
                       QStringLiteral("stage reached: connected")));
    }

    // ---- security proxy ------------------------------------------------------------------
    void proxyUnreachable()
    {
        ConnectionTarget t = target(992);
        t.security.proxy.enabled = true;
        t.security.proxy.host = QStringLiteral("127.0.0.1");
        t.security.proxy.port = TestEnvironment::freeLoopbackPort();
        QVERIFY(expect(diagnose(t), QStringLiteral("proxy-unreachable"), QStringLiteral("proxy-refused"),
                       QStringLiteral("via security proxy")));
        t.security.proxy.host = QStringLiteral("no-such-proxy..invalid");
        QVERIFY(expect(diagnose(t), QStringLiteral("proxy-unreachable"), QStringLiteral("proxy-not-found")));
    }

    void proxyTokens()
    {
        TlsTestServer server;
        serve(&server, TestPki::issueServer(m_ca));
        TestSecurityProxy proxy("right-token");
        QVERIFY(proxy.listen());
        ConnectionTarget t = target(server.port());
        t.security.proxy.enabled = true;
        t.security.proxy.host = QStringLiteral("127.0.0.1");
        t.security.proxy.port = proxy.port();

        QVERIFY(expect(diagnose(t), QStringLiteral("proxy-token-missing"),
                       QStringLiteral("no-token-configured"), QStringLiteral("proxy replied 407")));
        t.security.proxy.tokenFromSessionLink = true;
        QVERIFY(expect(diagnose(t), QStringLiteral("proxy-token-missing"),
                       QStringLiteral("session-not-started-from-link")));

        t.proxyToken = SecretBytes("wrong-token");
        ConnectionRecord record;
        QVERIFY(expect(diagnose(t, &record), QStringLiteral("proxy-token-invalid"),
                       QStringLiteral("token-rejected"), QStringLiteral("token sent: yes")));
        QVERIFY(!DiagnosisReport::supportReport(Classifier::classify(record, {}), record)
                     .contains(QLatin1String("wrong-token")));

        // A session link whose token expired is reported without contacting the proxy.
        const int before = proxy.requestCount();
        t.proxyToken = SecretBytes("right-token");
        t.proxyTokenExpiry = QDateTime::currentDateTimeUtc().addSecs(-60);
        QVERIFY(expect(diagnose(t), QStringLiteral("proxy-token-invalid"), QStringLiteral("token-expired"),
                       QStringLiteral("expired")));
        QCOMPARE(proxy.requestCount(), before);

        t.proxyTokenExpiry.reset();
        QVERIFY(diagnose(t, nullptr, 300).ok());
    }

    void proxyExplainsItsRejection()
    {
        ScriptedProxy expired("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Bearer "
                              "error=\"invalid_token\", error_description=\"the token expired\"\r\n"
                              "Content-Length: 0\r\n\r\n");
        QVERIFY(expired.listen());
        ConnectionTarget t = target(992);
        t.security.proxy.enabled = true;
        t.security.proxy.host = QStringLiteral("127.0.0.1");
        t.security.proxy.port = expired.port();
        t.proxyToken = SecretBytes("stale-token");
        QVERIFY(expect(diagnose(t), QStringLiteral("proxy-token-invalid"), QStringLiteral("token-expired")));
        QVERIFY(expired.request().contains("Bearer stale-token"));

        ScriptedProxy distrusts(
            "HTTP/1.1 403 Forbidden\r\nProxy-Authenticate: Bearer error=\"invalid_token\", "
            "error_description=\"token issuer not trusted\"\r\nContent-Length: 0\r\n\r\n");
        QVERIFY(distrusts.listen());
        t.security.proxy.port = distrusts.port();
        QVERIFY(expect(diagnose(t), QStringLiteral("proxy-token-invalid"),
                       QStringLiteral("proxy-distrusts-issuer"), QStringLiteral("proxy replied 403")));
    }

    // ---- the handshake -------------------------------------------------------------------
    void plainTextServerOnTheTlsPort()
    {
        PlainTextServer server;
        QVERIFY(server.listen());
        QVERIFY(expect(diagnose(target(server.port())), QStringLiteral("handshake-failed"),
                       QStringLiteral("server-not-tls"), QStringLiteral("wrong version number")));
    }

    void classifiedTheSameInJapanese()
    {
        // With the application in Japanese, Qt's own error texts are translated; the classifier
        // must not depend on them.
        Translations::instance().setLanguage(QStringLiteral("ja"));
        PlainTextServer plain;
        QVERIFY(plain.listen());
        const Diagnosis notTls = diagnose(target(plain.port()));
        OpensslServer server;
        QVERIFY(startOpenssl(&server, {QStringLiteral("-tls1_2")}, TestPki::KeyType::EcP256));
        ConnectionTarget t = target(server.port());
        t.security.minimumVersion = TlsVersion::Tls1_3;
        const Diagnosis version = diagnose(t);
        const Diagnosis refused =
            diagnose(target(TestEnvironment::freeLoopbackPort(), QStringLiteral("127.0.0.1")));
        Translations::instance().setLanguage(QStringLiteral("en"));
        QVERIFY(expect(notTls, QStringLiteral("handshake-failed"), QStringLiteral("server-not-tls")));
        QVERIFY(expect(version, QStringLiteral("handshake-failed"),
                       QStringLiteral("protocol-version-unsupported")));
        QVERIFY(expect(refused, QStringLiteral("connection-refused"), QStringLiteral("port-closed")));
    }

    void noSharedSuiteWithDefaultStrength()
    {
        // The host offers only a suite this OpenSSL does not offer by default: the handshake fails,
        // and no single cause of the catalogue is certain, so all are listed as possible.
        OpensslServer server;
        QVERIFY(startOpenssl(
            &server,
            {QStringLiteral("-tls1_2"), QStringLiteral("-cipher"), QStringLiteral("ECDHE-ECDSA-AES128-CCM8")},
            TestPki::KeyType::EcP256));
        QVERIFY(expect(diagnose(target(server.port())), QStringLiteral("handshake-failed"), QString(),
                       QStringLiteral("no cipher suite in common")));
    }

    void serverClosesDuringTheHandshake()
    {
        ClosingServer server;
        QVERIFY(server.listen());
        QVERIFY(expect(diagnose(target(server.port())), QStringLiteral("handshake-failed"),
                       QStringLiteral("server-unavailable"), QStringLiteral("socket error 1")));
    }

    void protocolVersionAlert()
    {
        OpensslServer server;
        QVERIFY(startOpenssl(&server, {QStringLiteral("-tls1_2")}, TestPki::KeyType::EcP256));
        ConnectionTarget t = target(server.port());
        t.security.minimumVersion = TlsVersion::Tls1_3;
        QVERIFY(expect(diagnose(t), QStringLiteral("handshake-failed"),
                       QStringLiteral("protocol-version-unsupported"),
                       QStringLiteral("alert received: fatal 70")));
    }

    void encryptionStrengthRejected()
    {
        OpensslServer server;
        QVERIFY(startOpenssl(&server,
                             {QStringLiteral("-tls1_2"), QStringLiteral("-cipher"),
                              QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256")},
                             TestPki::KeyType::EcP256));
        ConnectionTarget t = target(server.port());
        t.security.encryptionStrength = EncryptionStrength::Bits256;
        QVERIFY(expect(diagnose(t), QStringLiteral("handshake-failed"),
                       QStringLiteral("encryption-strength-rejected"),
                       QStringLiteral("alert received: fatal 40")));
        // The same server with the library's default suites connects.
        t.security.encryptionStrength = EncryptionStrength::Default;
        QVERIFY(diagnose(t, nullptr, 300).ok());
    }

    void fipsHostKeyTooSmall()
    {
        // AES-128 needs an RSA host key of at least 3072 bits under FIPS: a 2048-bit key fails.
        TlsEnvironmentInfo environment = TlsEnvironment::probeSystem();
        if (!environment.tlsBackendAvailable)
            QSKIP("no TLS backend");
        environment.fipsProviderAvailable = true; // the rule is Tsunagi's own, provider or not
        TlsEnvironment::setOverride(environment);
        OpensslServer server;
        QVERIFY(startOpenssl(&server,
                             {QStringLiteral("-tls1_2"), QStringLiteral("-cipher"),
                              QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256")},
                             TestPki::KeyType::Rsa2048));
        ConnectionTarget t = target(server.port());
        t.security.fipsMode = true;
        QVERIFY(expect(diagnose(t), QStringLiteral("handshake-failed"),
                       QStringLiteral("fips-requirements-unmet"), QStringLiteral("3072")));
    }

    void silentServer()
    {
        SilentListener server;
        QVERIFY(server.listen());
        ConnectionTarget t = target(server.port());
        t.timeoutMs = 1500;
        QVERIFY(expect(diagnose(t), QStringLiteral("handshake-timeout"), QStringLiteral("server-silent"),
                       QStringLiteral("handshake timer expired")));
    }

    void corruptedRecord()
    {
        TlsTestServer server;
        serve(&server, TestPki::issueServer(m_ca));
        CorruptingRelay relay(server.port());
        QVERIFY(relay.listen());
        QVERIFY(expect(diagnose(target(relay.port())), QStringLiteral("message-corrupted"),
                       QStringLiteral("record-integrity-failure"), QStringLiteral("alert sent: fatal 20")));
        QVERIFY(relay.corrupted());
    }

    // ---- client certificates -------------------------------------------------------------
    void clientCertificates()
    {
        OpensslServer server;
        QVERIFY(startOpenssl(&server,
                             {QStringLiteral("-tls1_3"), QStringLiteral("-Verify"), QStringLiteral("1"),
                              QStringLiteral("-verify_return_error"), QStringLiteral("-CAfile"), m_caFile},
                             TestPki::KeyType::EcP256));
        ConnectionTarget t = target(server.port());
        // TLS 1.3: the request for a certificate comes after encrypted().
        QVERIFY(expect(diagnose(t), QStringLiteral("client-credentials-missing"),
                       QStringLiteral("no-client-certificate"), QStringLiteral("alert received: fatal 116")));

        // A certificate the host does not trust (another CA) is sent and rejected.
        const TestPki::Credential stranger = TestPki::issueClient(m_otherCa, QStringLiteral("Stranger"));
        const QString certFile = m_dir + QStringLiteral("/stranger.pem");
        const QString keyFile = m_dir + QStringLiteral("/stranger.key");
        QVERIFY(stranger.writeCertificate(certFile));
        QVERIFY(stranger.writeKey(keyFile));
        t.security.clientCertificate.certificateFile = certFile;
        t.security.clientCertificate.keyFile = keyFile;
        QVERIFY(expect(diagnose(t), QStringLiteral("client-credentials-missing"),
                       QStringLiteral("client-certificate-rejected"),
                       QStringLiteral("alert received: fatal")));

        // A key that cannot be read is found before connecting.
        t.security.clientCertificate.keyFile = m_dir + QStringLiteral("/missing.key");
        QVERIFY(expect(diagnose(t), QStringLiteral("client-credentials-missing"),
                       QStringLiteral("client-key-unusable"), QStringLiteral("local problem")));

        // A certificate of the right CA connects.
        const TestPki::Credential user = TestPki::issueClient(m_ca);
        QVERIFY(user.writeCertificate(m_dir + QStringLiteral("/user.pem")));
        QVERIFY(user.writeKey(m_dir + QStringLiteral("/user.key")));
        t.security.clientCertificate.certificateFile = m_dir + QStringLiteral("/user.pem");
        t.security.clientCertificate.keyFile = m_dir + QStringLiteral("/user.key");
        QVERIFY(diagnose(t, nullptr, 500).ok());
    }

    void tls12ClientCertificateRequired()
    {
        // TLS 1.2 refuses a client without a certificate with handshake_failure (40), the same alert
        // as a suite mismatch; what tells them apart is that the host had already chosen a suite.
        OpensslServer server;
        QVERIFY(startOpenssl(&server,
                             {QStringLiteral("-tls1_2"), QStringLiteral("-Verify"), QStringLiteral("1"),
                              QStringLiteral("-verify_return_error"), QStringLiteral("-CAfile"), m_caFile},
                             TestPki::KeyType::EcP256));
        ConnectionRecord record;
        const Diagnosis d = diagnose(target(server.port()), &record);
        QVERIFY(std::any_of(record.alertsReceived.cbegin(), record.alertsReceived.cend(),
                            [](const TlsAlertRecord& a) { return a.type == 40; }));
        QVERIFY2(!record.cipher.isEmpty(), "the suite the host chose is recorded");
        QVERIFY(expect(d, QStringLiteral("client-credentials-missing"),
                       QStringLiteral("no-client-certificate"), QStringLiteral("alert received: fatal 40")));
    }

    // ---- the server's certificate --------------------------------------------------------
    void untrustedCertificates_data()
    {
        QTest::addColumn<QString>("cause");
        QTest::addColumn<QString>("evidence");
        QTest::newRow("issuer-not-trusted")
            << QStringLiteral("issuer-not-trusted") << QStringLiteral("TLS error");
        QTest::newRow("self-signed") << QStringLiteral("self-signed") << QStringLiteral("self-signed");
        QTest::newRow("expired") << QStringLiteral("expired") << QStringLiteral("expired");
        QTest::newRow("not-yet-valid") << QStringLiteral("not-yet-valid") << QStringLiteral("not yet valid");
    }

    void untrustedCertificates()
    {
        QFETCH(QString, cause);
        QFETCH(QString, evidence);
        TestPki::CertificateOptions options = localhostOptions();
        TestPki::Credential credential;
        if (cause == QLatin1String("issuer-not-trusted")) {
            credential = TestPki::issue(m_otherCa, options);
        } else if (cause == QLatin1String("self-signed")) {
            credential = TestPki::makeSelfSigned(options);
        } else if (cause == QLatin1String("expired")) {
            options.notBeforeOffsetSecs = -7200;
            options.notAfterOffsetSecs = -3600;
            credential = TestPki::issue(m_ca, options);
        } else {
            options.notBeforeOffsetSecs = 3600;
            credential = TestPki::issue(m_ca, options);
        }
        TlsTestServer server;
        serve(&server, credential);
        ConnectionRecord record;
        const Diagnosis d = diagnose(target(server.port()), &record);
        QVERIFY(expect(d, QStringLiteral("certificate-untrusted"), cause, evidence));
        // Technical details name the chain with its fingerprint.
        QVERIFY(!record.peerChain.isEmpty());
        QVERIFY(DiagnosisReport::toText(d, record, QStringLiteral("en"))
                    .contains(DiagnosisReport::sha256Fingerprint(credential.certificate())));
    }

    void weakCertificate()
    {
        // A 1024-bit RSA leaf (the host allows it; this client does not): OpenSSL rejects it as too
        // weak, Qt says only "Unknown error".
        OpensslServer server;
        QVERIFY(startOpenssl(&server, {QStringLiteral("-cipher"), QStringLiteral("DEFAULT:@SECLEVEL=0")},
                             TestPki::KeyType::Rsa1024));
        QVERIFY(expect(diagnose(target(server.port())), QStringLiteral("certificate-untrusted"), QString(),
                       QStringLiteral("too weak")));
    }

    void revokedByCrl()
    {
        const TestPki::Credential credential = TestPki::issue(m_ca, localhostOptions());
        const QString crlFile = m_dir + QStringLiteral("/revoked.crl");
        QVERIFY(TestPki::writeFile(crlFile, TestPki::makeCrlPem(m_ca, {credential.serial()})));
        TlsTestServer server;
        serve(&server, credential);
        ConnectionTarget t = target(server.port());
        t.security.revocation = RevocationMode::Crl;
        t.security.crlFiles = {crlFile};
        QVERIFY(expect(diagnose(t), QStringLiteral("certificate-untrusted"), QStringLiteral("revoked"),
                       QStringLiteral("revocation:")));
    }

    void revocationUnavailable()
    {
        // The certificate names an OCSP responder that nothing answers; an answer is required.
        TestPki::CertificateOptions options = localhostOptions();
        options.ocspUrl = QStringLiteral("http://127.0.0.1:%1/").arg(TestEnvironment::freeLoopbackPort());
        const TestPki::Credential credential = TestPki::issue(m_ca, options);
        TlsTestServer server;
        serve(&server, credential);
        ConnectionTarget t = target(server.port());
        t.security.revocation = RevocationMode::Ocsp;
        t.security.revocationRequired = true;
        QVERIFY(expect(diagnose(t), QStringLiteral("certificate-untrusted"),
                       QStringLiteral("revocation-unavailable"), QStringLiteral("revocation:")));
    }

    void hostNameMismatch()
    {
        auto serveNames = [this](TlsTestServer* server, const QStringList& names) {
            TestPki::CertificateOptions options;
            options.commonName = names.first();
            options.dnsNames = names;
            serve(server, TestPki::issue(m_ca, options));
        };
        // An IP address typed; the certificate names the host.
        TlsTestServer byName;
        serveNames(&byName, {QStringLiteral("localhost")});
        Diagnosis d = diagnose(target(byName.port(), QStringLiteral("127.0.0.1")));
        QVERIFY(expect(d, QStringLiteral("certificate-hostname-mismatch"), QStringLiteral("ip-address-used"),
                       QStringLiteral("certificate names: localhost")));
        QCOMPARE(d.suggestedHosts, QStringList{QStringLiteral("localhost")});
        // ...and the suggested name connects.
        QVERIFY(diagnose(target(byName.port(), d.suggestedHosts.first()), nullptr, 300).ok());

        // A short name typed; the certificate has the full one.
        TlsTestServer fullName;
        serveNames(&fullName, {QStringLiteral("localhost.tsunagi.test")});
        d = diagnose(target(fullName.port(), QStringLiteral("localhost")));
        QVERIFY(
            expect(d, QStringLiteral("certificate-hostname-mismatch"), QStringLiteral("short-name-used")));
        QCOMPARE(d.suggestedHosts, QStringList{QStringLiteral("localhost.tsunagi.test")});

        // A name the certificate does not have at all.
        TlsTestServer other;
        serveNames(&other, {QStringLiteral("other.example")});
        d = diagnose(target(other.port()));
        QVERIFY(expect(d, QStringLiteral("certificate-hostname-mismatch"),
                       QStringLiteral("name-not-in-certificate"),
                       QStringLiteral("certificate names: other.example")));
        QVERIFY(d.suggestedHosts.isEmpty());
    }

    void pinnedCertificateChanged()
    {
        const TestPki::Credential presented = TestPki::makeSelfSigned(localhostOptions());
        const TestPki::Credential pinned = TestPki::makeSelfSigned(localhostOptions());
        TlsTestServer server;
        serve(&server, presented);
        ConnectionTarget t = target(server.port());
        PinnedCertificate pin;
        pin.host = QStringLiteral("localhost");
        pin.sha256 = pinned.sha256();
        pin.expiry = pinned.certificate().expiryDate();
        pin.acceptedAt = QDateTime::currentDateTimeUtc();
        t.security.pinnedCertificates = {pin};
        const Diagnosis d = diagnose(t);
        QVERIFY(expect(d, QStringLiteral("certificate-changed"),
                       QStringLiteral("pinned-certificate-mismatch"),
                       DiagnosisReport::sha256Fingerprint(presented.certificate())));
        QVERIFY(d.evidence.join(QLatin1Char('\n'))
                    .contains(QString::fromLatin1(pinned.sha256().toHex(':').toUpper())));
    }

    // ---- the local TLS stack -------------------------------------------------------------
    void strengthUnavailableHere()
    {
        if (CipherPolicies::isAvailable(EncryptionStrength::Bits168))
            QSKIP("this OpenSSL still offers 3DES");
        ConnectionTarget t = target(TestEnvironment::freeLoopbackPort());
        t.security.encryptionStrength = EncryptionStrength::Bits168;
        QVERIFY(expect(diagnose(t), QStringLiteral("encryption-strength-unavailable"),
                       QStringLiteral("no-local-cipher-suites"), QStringLiteral("168")));
    }

    void fipsProviderMissingHere()
    {
        QString detail;
        if (TlsEnvironment::fipsProviderLoadable(&detail))
            QSKIP("this machine has OpenSSL's FIPS provider");
        ConnectionTarget t = target(TestEnvironment::freeLoopbackPort());
        t.security.fipsMode = true;
        QVERIFY(expect(diagnose(t), QStringLiteral("security-provider-missing"),
                       QStringLiteral("provider-unavailable"), QStringLiteral("local problem")));
    }

    void systemTrustStoreEmpty()
    {
        TlsTestServer server;
        serve(&server, TestPki::issueServer(m_ca));
        ConnectionTarget t = target(server.port());
        t.security.trustSource = TrustSource::System;
        t.security.extraCaFiles.clear();
        t.systemCaCertificates = QList<QSslCertificate>{}; // what an empty /etc/ssl/certs gives
        QVERIFY(expect(diagnose(t), QStringLiteral("system-trust-store-missing"),
                       QStringLiteral("no-system-certificates"), QStringLiteral("system certificate store")));
    }

    void libraryProblemsThroughTheProbe_data()
    {
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("cause");
        QTest::newRow("backend") << QStringLiteral("tls-library-missing")
                                 << QStringLiteral("tls-backend-missing");
        QTest::newRow("openssl") << QStringLiteral("crypto-library-missing")
                                 << QStringLiteral("openssl-unavailable");
        QTest::newRow("provider") << QStringLiteral("security-provider-missing")
                                  << QStringLiteral("provider-unavailable");
    }

    void libraryProblemsThroughTheProbe()
    {
        QFETCH(QString, entry);
        QFETCH(QString, cause);
        TlsEnvironmentInfo environment = TlsEnvironment::probeSystem();
        environment.tlsBackendAvailable = entry != QLatin1String("tls-library-missing");
        environment.openSslLoadable = entry != QLatin1String("crypto-library-missing");
        environment.fipsProviderAvailable = false;
        TlsEnvironment::setOverride(environment);
        TlsTestServer server;
        serve(&server, TestPki::issueServer(m_ca));
        ConnectionTarget t = target(server.port());
        t.security.fipsMode = entry == QLatin1String("security-provider-missing");
        QVERIFY(expect(diagnose(t), entry, cause, QStringLiteral("local problem")));
        QCOMPARE(server.encryptedCount(), 0); // nothing was even tried
    }
};

QTEST_GUILESS_MAIN(TestDiagnosisLoopback)
#include "TestDiagnosisLoopback.moc"
