// Broken and hostile TLS servers and security proxies: each attempt ends in its catalogue entry
// (through the classifier, as the error dialog and --diagnose show it), never in a hang or crash,
// and the event loop keeps running meanwhile.
#include "connection/Connection.h"
#include "diagnosis/Classifier.h"
#include "diagnosis/ErrorCatalogue.h"
#include "HostilePeers.h"
#include "LoopbackPeers.h"
#include "TestEnvironment.h"
#include "TestPki.h"
#include "TlsTestServers.h"

#include <QFile>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// Connects to 127.0.0.1:port with a blocking socket (for the relay on the server thread).
int connectLoopback(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

enum class RelayMode
{
    StallAfterServerHello, // forwards the server's first record, then nothing more (keeps reading)
    TruncateServerHello,   // forwards half of the server's first record, then closes
};

// A man in the middle in front of a real TLS server: passes the ClientHello on, and spoils the
// server's answer as `mode` says.
ThreadedServer::Script relay(quint16 upstreamPort, RelayMode mode)
{
    return [=](ThreadedServer& server) {
        const int upstream = connectLoopback(upstreamPort);
        if (upstream < 0)
            return;
        QByteArray fromServer;
        QByteArray forwardedToServer;
        while (!server.stopping() && !server.peerClosed()) {
            const QByteArray hello = server.receive(50);
            if (!hello.isEmpty())
                ::send(upstream, hello.constData(), size_t(hello.size()), MSG_NOSIGNAL);
            pollfd readable{upstream, POLLIN, 0};
            if (::poll(&readable, 1, 10) > 0) {
                char buffer[16384];
                const ssize_t n = ::recv(upstream, buffer, sizeof buffer, 0);
                if (n > 0)
                    fromServer.append(buffer, n);
            }
            if (fromServer.size() < 5)
                continue;
            const int recordLength = (quint8(fromServer[3]) << 8) | quint8(fromServer[4]);
            if (fromServer.size() < 5 + recordLength)
                continue;
            if (mode == RelayMode::TruncateServerHello) {
                server.send(fromServer.left(5 + recordLength / 2));
                break; // and close
            }
            server.send(fromServer.left(5 + recordLength));
            server.receiveUntilClosed(); // the rest of the handshake never comes
            break;
        }
        ::close(upstream);
    };
}

} // namespace

class TestHostileTls : public QObject
{
    Q_OBJECT

    QString m_dir;
    QString m_caFile;
    TestPki::Credential m_ca;
    TestPki::Credential m_server;

    ConnectionTarget target(quint16 port, int timeoutMs = 10000) const
    {
        ConnectionTarget t;
        t.host = QStringLiteral("localhost");
        t.port = port;
        t.security.trustSource = TrustSource::App;
        t.security.extraCaFiles = {m_caFile};
        t.systemCaCertificates = QList<QSslCertificate>{};
        t.trustStoreDirectory = m_dir + QStringLiteral("/empty-store");
        t.timeoutMs = timeoutMs;
        return t;
    }

    // Runs the attempt to its end and returns the classified entry ("" when it connected).
    Diagnosis attempt(const ConnectionTarget& t, ConnectionRecord* recordOut = nullptr)
    {
        Connection connection;
        bool ended = false;
        connect(&connection, &Connection::failed, this, [&] { ended = true; });
        connect(&connection, &Connection::established, this, [&] { ended = true; });
        StallWatchdog watchdog;
        watchdog.start();
        connection.start(t);
        // Every attempt must end on its own: by the failure, or at the latest by its timeout.
        [&] { QTRY_VERIFY_WITH_TIMEOUT(ended, t.timeoutMs + 15000); }();
        [&] {
            QVERIFY2(
                watchdog.longestStallMs() <= StallWatchdog::boundMs(),
                qPrintable(QStringLiteral("event loop blocked for %1 ms").arg(watchdog.longestStallMs())));
        }();
        DiagnosisContext context;
        context.settings = t.security;
        context.typedHost = t.host;
        const ConnectionRecord record = connection.record();
        if (recordOut)
            *recordOut = record;
        const Diagnosis diagnosis = Classifier::classify(record, context);
        qInfo("%s / %s; %s", qPrintable(diagnosis.entryId), qPrintable(diagnosis.causeId),
              qPrintable(diagnosis.evidence.join(QLatin1String("; "))));
        return diagnosis;
    }

private slots:
    void initTestCase()
    {
        m_dir = TestEnvironment::freshDir(QStringLiteral("hostile-tls"));
        m_ca = TestPki::makeCa(QStringLiteral("Hostile TLS Test CA"));
        m_server = TestPki::issueServer(m_ca);
        m_caFile = m_dir + QStringLiteral("/ca.pem");
        QVERIFY(m_ca.writeCertificate(m_caFile));
    }

    void resetMidHandshake()
    {
        ThreadedServer server([](ThreadedServer& s) {
            if (!s.receive(5000).isEmpty()) // the ClientHello
                s.resetConnection();
        });
        QVERIFY(server.listen());
        const Diagnosis d = attempt(target(server.port()));
        QCOMPARE(d.entryId, QStringLiteral("handshake-failed"));
    }

    void truncatedRecord()
    {
        TlsTestServer upstream;
        upstream.setCredentials(m_server.certificate(), m_server.key());
        QVERIFY(upstream.listen());
        ThreadedServer server(relay(upstream.port(), RelayMode::TruncateServerHello));
        QVERIFY(server.listen());
        const Diagnosis d = attempt(target(server.port()));
        QCOMPARE(d.entryId, QStringLiteral("handshake-failed"));
    }

    void garbageRecordHeader()
    {
        // A record header claiming 64 KiB of handshake, and then the connection closes.
        ThreadedServer server([](ThreadedServer& s) {
            if (!s.receive(5000).isEmpty())
                s.send(QByteArrayLiteral("\x16\x03\x03\xff\xff\x02\x00\xff\xff") + QByteArray(100, '\0'));
        });
        QVERIFY(server.listen());
        const Diagnosis d = attempt(target(server.port()));
        QCOMPARE(d.entryId, QStringLiteral("handshake-failed"));
    }

    void stallAfterServerHello()
    {
        TlsTestServer upstream;
        upstream.setCredentials(m_server.certificate(), m_server.key());
        QVERIFY(upstream.listen());
        ThreadedServer server(relay(upstream.port(), RelayMode::StallAfterServerHello));
        QVERIFY(server.listen());
        ConnectionRecord record;
        const Diagnosis d = attempt(target(server.port(), 2000), &record);
        QVERIFY(record.handshakeTimedOut);
        QCOMPARE(d.entryId, QStringLiteral("handshake-timeout"));
        QCOMPARE(d.causeId, QStringLiteral("server-silent"));
    }

    void sixteenMegabyteCertificateChain()
    {
        // A chain as long as a TLS Certificate message can be (just under 16 MiB): the CA over and
        // over, sent by openssl s_server (a separate process, so the watchdog measures only us).
        // The client refuses the oversized message; the attempt ends in the handshake entry.
        const QByteArray pem = m_ca.certificatePem();
        const qsizetype each = m_ca.certificateDer().size() + 3;
        const qsizetype count = ((16 << 20) - 64 * 1024) / each;
        const QString chainFile = m_dir + QStringLiteral("/huge-chain.pem");
        {
            QFile chain(chainFile);
            QVERIFY(chain.open(QIODevice::WriteOnly));
            for (qsizetype i = 0; i < count; ++i)
                chain.write(pem);
        }
        QVERIFY(m_server.writeCertificate(m_dir + QStringLiteral("/server.pem")));
        QVERIFY(m_server.writeKey(m_dir + QStringLiteral("/server.key")));
        OpensslServer upstream;
        QVERIFY2(upstream.start(m_dir + QStringLiteral("/server.pem"), m_dir + QStringLiteral("/server.key"),
                                {QStringLiteral("-cert_chain"), chainFile}, 60000),
                 qPrintable(upstream.output()));
        ConnectionRecord record;
        const Diagnosis d = attempt(target(upstream.port()), &record);
        QCOMPARE(d.entryId, QStringLiteral("handshake-failed"));
        QVERIFY(!record.encryptedReached);
    }

    // --- the security proxy misbehaving
    void proxyRepliesGarbage()
    {
        ThreadedServer proxy([](ThreadedServer& s) {
            if (!s.receive(5000).isEmpty())
                s.send(QByteArrayLiteral("\x00\x01\x02garbage\xff\xfe\r\n\r\nmore"));
            s.receiveUntilClosed();
        });
        QVERIFY(proxy.listen());
        ConnectionRecord record;
        const Diagnosis d = attempt(proxied(proxy.port()), &record);
        QVERIFY(!record.succeeded());
        endedAtTheProxy(d, record);
        QVERIFY(!record.proxyReplyHead.contains("secret-proxy-token"));
    }

    void proxyHugeHeader()
    {
        ThreadedServer proxy([](ThreadedServer& s) {
            if (s.receive(5000).isEmpty())
                return;
            s.send("HTTP/1.1 200 Connection established\r\n");
            for (int i = 0; i < 1024 && s.send("X-Padding: " + QByteArray(1000, 'p') + "\r\n"); ++i) {
            }
            s.receiveUntilClosed();
        });
        QVERIFY(proxy.listen());
        ConnectionRecord record;
        const Diagnosis d = attempt(proxied(proxy.port()), &record);
        QVERIFY(record.proxyReplyHead.size() <= 8 * 1024);
        endedAtTheProxy(d, record);
    }

    void proxyClosesEarly()
    {
        ThreadedServer proxy([](ThreadedServer& s) { s.receive(5000); });
        QVERIFY(proxy.listen());
        ConnectionRecord record;
        const Diagnosis d = attempt(proxied(proxy.port()), &record);
        endedAtTheProxy(d, record);
    }

private:
    // The attempt failed at the proxy, with a socket error, and the classifier says the proxy is
    // not usable (no cause marked: it was neither refused nor unknown).
    static void endedAtTheProxy(const Diagnosis& d, const ConnectionRecord& record)
    {
        QVERIFY(!record.succeeded());
        QCOMPARE(record.stageReached, ConnectionStage::Proxy);
        QVERIFY(record.socketError.has_value());
        QVERIFY(!record.encryptedReached);
        QCOMPARE(d.entryId, QStringLiteral("proxy-unreachable"));
        QVERIFY(d.causeId.isEmpty());
    }

    ConnectionTarget proxied(quint16 proxyPort) const
    {
        ConnectionTarget t = target(TestEnvironment::freeLoopbackPort(), 5000);
        t.security.proxy.enabled = true;
        t.security.proxy.host = QStringLiteral("127.0.0.1");
        t.security.proxy.port = proxyPort;
        t.proxyToken = SecretBytes("secret-proxy-token");
        return t;
    }
};

QTEST_GUILESS_MAIN(TestHostileTls)
#include "TestHostileTls.moc"
