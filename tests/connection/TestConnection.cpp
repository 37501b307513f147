// The connection pipeline against real peers on 127.0.0.1: what it records for each failure
// the classifier has to tell apart, trust decisions (pins, host-name check off), and the
// security proxy.

#include "connection/Connection.h"
#include "security/CertificatePinning.h"
#include "security/SystemTrustStore.h"
#include "security/TlsEnvironment.h"

#include "LoopbackPeers.h"
#include "TestEnvironment.h"
#include "TestPki.h"
#include "TlsTestServers.h"

#include <QAtomicInt>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace {
bool hasSslError(const ConnectionRecord& record, QSslError::SslError kind)
{
    return std::any_of(record.sslErrors.cbegin(), record.sslErrors.cend(),
                       [kind](const QSslError& e) { return e.error() == kind; });
}
bool hasAlert(const QList<TlsAlertRecord>& alerts, int type)
{
    return std::any_of(alerts.cbegin(), alerts.cend(),
                       [type](const TlsAlertRecord& a) { return a.type == type; });
}
} // namespace

class TestConnection final : public QObject
{
    Q_OBJECT

private:
    TestPki::Credential m_ca;
    TestPki::Credential m_server;
    QString m_caFile;
    QString m_dir;

    ConnectionTarget tlsTarget(quint16 port, const QString& host = QStringLiteral("localhost")) const
    {
        ConnectionTarget target;
        target.host = host;
        target.port = port;
        target.security.trustSource = TrustSource::App;
        target.security.extraCaFiles = {m_caFile};
        target.systemCaCertificates = QList<QSslCertificate>{};
        target.trustStoreDirectory = m_dir + QStringLiteral("/empty-store");
        target.timeoutMs = 10000;
        return target;
    }

    // Runs one attempt to its end (established, failed or closed).
    struct Outcome
    {
        bool established = false;
        bool failed = false;
        QByteArray data;
    };
    Outcome run(Connection& connection, const ConnectionTarget& target, bool waitForData = false)
    {
        Outcome outcome;
        QObject guard; // the connections below end with this function
        QObject::connect(&connection, &Connection::established, &guard, [&] { outcome.established = true; });
        QObject::connect(&connection, &Connection::failed, &guard, [&] { outcome.failed = true; });
        QObject::connect(&connection, &Connection::dataReceived, &guard,
                         [&](const QByteArray& d) { outcome.data += d; });
        connection.start(target);
        const bool ended = QTest::qWaitFor(
            [&] { return outcome.failed || (waitForData ? !outcome.data.isEmpty() : outcome.established); },
            15000);
        if (!ended)
            qWarning("the connection neither failed nor delivered in time");
        return outcome;
    }

private slots:
    void initTestCase()
    {
        m_dir = TestEnvironment::freshDir(QStringLiteral("connection"));
        m_ca = TestPki::makeCa(QStringLiteral("Connection Test CA"));
        m_server = TestPki::issueServer(m_ca);
        m_caFile = m_dir + QStringLiteral("/ca.pem");
        QVERIFY(m_ca.writeCertificate(m_caFile));
    }

    void verifiedTlsSessionRecordsWhatWasNegotiated()
    {
        TlsTestServer server;
        server.setCredentials(m_server.certificate(), m_server.key());
        QVERIFY(server.listen());
        Connection connection;
        QList<ConnectionStage> stages;
        connect(&connection, &Connection::stageChanged, [&](ConnectionStage s) { stages.append(s); });
        const Outcome outcome = run(connection, tlsTarget(server.port()), true);
        QVERIFY(outcome.established);
        QVERIFY(!outcome.failed);
        QCOMPARE(outcome.data, QByteArray("hello over TLS\r\n"));
        const ConnectionRecord& record = connection.record();
        QVERIFY(record.succeeded());
        QVERIFY(record.encryptedReached);
        QCOMPARE(record.protocol, QStringLiteral("TLSv1.3"));
        QVERIFY(!record.cipher.isEmpty());
        QCOMPARE(record.peerChain.value(0), m_server.certificate());
        QCOMPARE(record.bytesReceived, qint64(outcome.data.size()));
        QCOMPARE(stages, (QList<ConnectionStage>{ConnectionStage::Resolving, ConnectionStage::Connecting,
                                                 ConnectionStage::Handshake, ConnectionStage::Verifying,
                                                 ConnectionStage::Connected}));
        QCOMPARE(record.stageTimeline.size(), stages.size());
        QCOMPARE(record.stageTimeline.last().first, ConnectionStage::Connected);
        QVERIFY(record.stageTimeline.last().second <= record.elapsedMs);
        QSignalSpy closed(&connection, &Connection::closed);
        connection.close();
        QVERIFY(closed.wait(5000));
        QCOMPARE(connection.state(), ConnectionState::Closed);
    }

    void socketSendsSmallWritesAtOnce()
    {
        // TCP_NODELAY: a key press or a Telnet reply is not held back behind an unacknowledged write.
        for (const bool tls : {true, false}) {
            PlainTextServer plain("banner\r\n");
            TlsTestServer secure;
            secure.setCredentials(m_server.certificate(), m_server.key());
            QVERIFY(tls ? secure.listen() : plain.listen());
            ConnectionTarget target = tlsTarget(tls ? secure.port() : plain.port());
            target.security.tlsEnabled = tls;
            Connection connection;
            QVERIFY(run(connection, target).established);
            auto* socket = connection.findChild<QAbstractSocket*>();
            QVERIFY(socket);
            QCOMPARE(socket->socketOption(QAbstractSocket::LowDelayOption).toInt(), 1);
        }
    }

    void nothingToPinWithoutACertificate()
    {
        QVERIFY(!pinForFailedRecord(ConnectionRecord()));
        Connection connection;
        QVERIFY(!connection.write("too early"));
    }

    void connectionRefused()
    {
        Connection connection;
        ConnectionTarget target = tlsTarget(TestEnvironment::freeLoopbackPort(), QStringLiteral("127.0.0.1"));
        const Outcome outcome = run(connection, target);
        QVERIFY(outcome.failed);
        QCOMPARE(connection.record().socketError, QAbstractSocket::ConnectionRefusedError);
        QCOMPARE(connection.record().stageReached, ConnectionStage::Connecting);
        QVERIFY(!connection.record().tcpConnected);
    }

    void plainTextServerOnTlsPort()
    {
        PlainTextServer server;
        QVERIFY(server.listen());
        Connection connection;
        const Outcome outcome = run(connection, tlsTarget(server.port()));
        QVERIFY(outcome.failed);
        const ConnectionRecord& record = connection.record();
        QCOMPARE(record.stageReached, ConnectionStage::Handshake);
        QVERIFY(record.tcpConnected);
        QVERIFY(!record.encryptedReached);
        QCOMPARE(record.socketError, QAbstractSocket::SslHandshakeFailedError);
        QVERIFY2(record.socketErrorString.contains(QLatin1String("wrong version number")),
                 qPrintable(record.socketErrorString));
    }

    void plainTcpSessionWithoutTls()
    {
        PlainTextServer server("banner\r\n");
        QVERIFY(server.listen());
        ConnectionTarget target = tlsTarget(server.port());
        target.security.tlsEnabled = false;
        Connection connection;
        const Outcome outcome = run(connection, target, true);
        QVERIFY(outcome.established);
        QCOMPARE(outcome.data, QByteArray("banner\r\n"));
        QVERIFY(connection.record().protocol.isEmpty());
    }

    void silentServerTimesOutInTheHandshake()
    {
        SilentListener server;
        QVERIFY(server.listen());
        ConnectionTarget target = tlsTarget(server.port());
        target.timeoutMs = 1500;
        Connection connection;
        const Outcome outcome = run(connection, target);
        QVERIFY(outcome.failed);
        const ConnectionRecord& record = connection.record();
        QVERIFY(record.handshakeTimedOut);
        QVERIFY(!record.connectTimedOut);
        QVERIFY(record.tcpConnected);
        QCOMPARE(record.stageReached, ConnectionStage::Handshake);
        QVERIFY(!record.socketError); // Qt itself says nothing: the timer is the evidence
        QCOMPARE(server.acceptedCount(), 1);
    }

    void selfSignedFailsUntilPinnedThenOnlyThatCertificatePasses()
    {
        TestPki::CertificateOptions options;
        options.dnsNames = {QStringLiteral("localhost")};
        const TestPki::Credential selfSigned = TestPki::makeSelfSigned(options);
        TlsTestServer server;
        server.setCredentials(selfSigned.certificate(), selfSigned.key());
        QVERIFY(server.listen());

        ConnectionTarget target = tlsTarget(server.port());
        {
            Connection connection;
            const Outcome outcome = run(connection, target);
            QVERIFY(outcome.failed);
            QVERIFY(hasSslError(connection.record(), QSslError::SelfSignedCertificate));
            QCOMPARE(connection.record().socketError, QAbstractSocket::SslHandshakeFailedError);
            // "Trust this certificate for this profile" pins exactly what was shown.
            const std::optional<PinnedCertificate> pin = pinForFailedRecord(connection.record());
            QVERIFY(pin);
            QCOMPARE(pin->sha256, selfSigned.sha256());
            QCOMPARE(pin->host, QStringLiteral("localhost"));
            CertificatePinning::addPin(&target.security, *pin);
        }
        {
            Connection connection;
            const Outcome outcome = run(connection, target, true);
            QVERIFY2(outcome.established, qPrintable(connection.record().socketErrorString));
            QVERIFY(connection.record().succeeded());
            QVERIFY(hasSslError(connection.record(), QSslError::SelfSignedCertificate)); // seen, then ignored
        }
        // The pin is for "localhost": the same certificate reached as 127.0.0.1 is not pinned.
        {
            Connection connection;
            const Outcome outcome = run(connection, tlsTarget(server.port(), QStringLiteral("127.0.0.1")));
            QVERIFY(outcome.failed);
        }
    }

    void changedCertificateFailsAsCertificateChanged()
    {
        TestPki::CertificateOptions options;
        options.dnsNames = {QStringLiteral("localhost")};
        const TestPki::Credential pinned = TestPki::makeSelfSigned(options);
        const TestPki::Credential replacement = TestPki::makeSelfSigned(options);
        ConnectionTarget target;
        // A replacement that is self-signed, and one the configured CA vouches for: both fail.
        for (const TestPki::Credential& presented : {replacement, m_server}) {
            TlsTestServer server;
            server.setCredentials(presented.certificate(), presented.key());
            QVERIFY(server.listen());
            target = tlsTarget(server.port());
            CertificatePinning::addPin(
                &target.security,
                CertificatePinning::pinFor(QStringLiteral("localhost"), pinned.certificate()));
            Connection connection;
            const Outcome outcome = run(connection, target);
            QVERIFY(outcome.failed);
            QVERIFY(!outcome.established);
            const ConnectionRecord& record = connection.record();
            QVERIFY(record.pinnedCertificateMismatch);
            QCOMPARE(record.pinnedSha256, pinned.sha256());
            QCOMPARE(record.peerChain.value(0).digest(QCryptographicHash::Sha256), presented.sha256());
        }
    }

    void hostNameCheckOffToleratesOnlyTheNameMismatch()
    {
        TestPki::CertificateOptions options;
        options.commonName = QStringLiteral("other.example");
        options.dnsNames = {QStringLiteral("other.example")};
        const TestPki::Credential otherName = TestPki::issue(m_ca, options);
        TlsTestServer server;
        server.setCredentials(otherName.certificate(), otherName.key());
        QVERIFY(server.listen());

        ConnectionTarget target = tlsTarget(server.port());
        {
            Connection connection;
            QVERIFY(run(connection, target).failed);
            QVERIFY(hasSslError(connection.record(), QSslError::HostNameMismatch));
        }
        target.security.verifyHostName = false;
        {
            Connection connection;
            QVERIFY(run(connection, target).established);
        }
        // Off does not excuse anything else: an untrusted issuer still fails.
        target.security.extraCaFiles.clear();
        {
            Connection connection;
            QVERIFY(run(connection, target).failed);
            QVERIFY(!hasSslError(connection.record(), QSslError::HostNameMismatch) ||
                    connection.record().sslErrors.size() > 1);
        }
    }

    void securityProxy_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<bool>("expired");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("established");
        QTest::newRow("missing token") << QByteArray() << false << 407 << false;
        QTest::newRow("wrong token") << QByteArray("not-the-token") << false << 403 << false;
        QTest::newRow("right token") << QByteArray("s3cret-token") << false << 200 << true;
        QTest::newRow("expired link") << QByteArray("s3cret-token") << true << 0 << false;
    }
    void securityProxy()
    {
        QFETCH(QByteArray, token);
        QFETCH(bool, expired);
        QFETCH(int, status);
        QFETCH(bool, established);

        TlsTestServer server;
        server.setCredentials(m_server.certificate(), m_server.key());
        QVERIFY(server.listen());
        TestSecurityProxy proxy("s3cret-token");
        QVERIFY(proxy.listen());

        const QString link =
            QStringLiteral(
                "tsunagi://connect?host=localhost&port=%1&tls=1&proxy=127.0.0.1:%2&token=%3&expires=%4")
                .arg(server.port())
                .arg(proxy.port())
                .arg(QString::fromUtf8(token))
                .arg(expired ? QStringLiteral("2026-01-01T00:00:00Z")
                             : QString::number(QDateTime::currentSecsSinceEpoch() + 3600));
        const SessionLinkResult parsed = SessionLinks::parse(link);
        QVERIFY2(parsed.ok(), qPrintable(parsed.detail));
        ConnectionTarget target = tlsTarget(0);
        SessionLinks::applyTo(parsed.link, &target);
        QCOMPARE(target.port, server.port());

        Connection connection;
        const Outcome outcome = run(connection, target, established);
        const ConnectionRecord& record = connection.record();
        QVERIFY2(outcome.established == established,
                 qPrintable(QStringLiteral("stage %1, socket error %2, proxy %3")
                                .arg(connectionStageName(record.stageReached), record.socketErrorString,
                                     QString::fromLatin1(record.proxyReplyHead))));
        QVERIFY(record.viaProxy);
        QCOMPARE(record.proxyStatus, status);
        QCOMPARE(record.proxyTokenSent, !token.isEmpty() && !expired);
        if (expired) {
            QCOMPARE(record.localProblem, LocalProblem::ProxyTokenExpired);
            QCOMPARE(proxy.requestCount(), 0); // not even tried
            return;
        }
        QCOMPARE(proxy.requestCount(), 1);
        QCOMPARE(proxy.lastRequestLine(),
                 QByteArray("CONNECT localhost:") + QByteArray::number(server.port()) + " HTTP/1.1");
        QVERIFY(record.proxyReplyHead.startsWith("HTTP/1.1 " + QByteArray::number(status)));
        if (token.isEmpty())
            QCOMPARE(record.localProblem, LocalProblem::ProxyTokenMissing);
        else
            QCOMPARE(proxy.lastAuthorization(), "Bearer " + token);
        if (established) {
            QCOMPARE(outcome.data, QByteArray("hello over TLS\r\n"));
            QCOMPARE(record.protocol, QStringLiteral("TLSv1.3"));
            QVERIFY(!record.proxyReplyHead.contains(token)); // the secret is not in the record
        }
    }

    void proxyThatNeverAnswersIsTimed()
    {
        SilentListener silentProxy;
        QVERIFY(silentProxy.listen());
        ConnectionTarget target = tlsTarget(443);
        target.security.proxy.enabled = true;
        target.security.proxy.host = QStringLiteral("127.0.0.1");
        target.security.proxy.port = silentProxy.port();
        target.proxyToken = SecretBytes("t");
        target.timeoutMs = 1500;
        Connection connection;
        QVERIFY(run(connection, target).failed);
        QCOMPARE(connection.record().stageReached, ConnectionStage::Proxy);
        QVERIFY(connection.record().handshakeTimedOut);
    }

    void hostileProxyReplyIsCapped()
    {
        // A "proxy" that answers CONNECT with an endless head: the reply is capped, not buffered.
        QTcpServer flood;
        QVERIFY(flood.listen(QHostAddress::LocalHost, 0));
        connect(&flood, &QTcpServer::newConnection, this, [&flood] {
            QTcpSocket* socket = flood.nextPendingConnection();
            socket->write("HTTP/1.1 200 OK\r\n" + QByteArray(256 * 1024, 'X'));
        });
        ConnectionTarget target = tlsTarget(443);
        target.security.proxy = {true, QStringLiteral("127.0.0.1"), flood.serverPort(), false};
        target.proxyToken = SecretBytes("t");
        Connection connection;
        QVERIFY(run(connection, target).failed);
        const ConnectionRecord& record = connection.record();
        QCOMPARE(record.socketError, QAbstractSocket::ProxyProtocolError);
        QVERIFY(record.proxyReplyHead.size() <= 8 * 1024);
        QVERIFY(record.proxyReplyHead.startsWith("HTTP/1.1 200 OK"));
    }

    void revocationWithACrlFile()
    {
        TestPki::CertificateOptions options;
        options.dnsNames = {QStringLiteral("localhost")};
        const TestPki::Credential revoked = TestPki::issue(m_ca, options);
        const QString crlFile = m_dir + QStringLiteral("/ca.crl");
        QVERIFY(TestPki::writeFile(crlFile, TestPki::makeCrlPem(m_ca, {revoked.serial()})));
        for (const TestPki::Credential& presented : {revoked, m_server}) {
            const bool isRevoked = presented.serial() == revoked.serial();
            TlsTestServer server;
            server.setCredentials(presented.certificate(), presented.key());
            QVERIFY(server.listen());
            ConnectionTarget target = tlsTarget(server.port());
            target.security.revocation = RevocationMode::Crl;
            target.security.crlFiles = {crlFile};
            Connection connection;
            const Outcome outcome = run(connection, target);
            QCOMPARE(outcome.established, !isRevoked);
            const ConnectionRecord& record = connection.record();
            QVERIFY(record.encryptedReached);
            QCOMPARE(record.revocation, isRevoked ? RevocationStatus::Revoked : RevocationStatus::Good);
            QVERIFY(!record.revocationDetail.isEmpty());
            if (isRevoked)
                QCOMPARE(record.stageReached, ConnectionStage::Verifying);
        }
    }

    void fipsModeWithoutTheProviderIsReportedBeforeConnecting()
    {
        if (TlsEnvironment::probeSystem().fipsProviderAvailable)
            QSKIP("this machine has OpenSSL's FIPS provider");
        SilentListener server;
        QVERIFY(server.listen());
        ConnectionTarget target = tlsTarget(server.port());
        target.security.fipsMode = true;
        Connection connection;
        QVERIFY(run(connection, target).failed);
        QCOMPARE(connection.record().localProblem, LocalProblem::ProviderUnavailable);
        QCOMPARE(connection.record().stageReached, ConnectionStage::Idle);
        QCOMPARE(server.acceptedCount(), 0);
    }

    void fipsKeySizeRuleIsCheckedAfterTheHandshake()
    {
        // AES-128 needs an RSA host key of at least 3072 bits; this host has 2048.
        TlsEnvironmentInfo environment = TlsEnvironment::probeSystem();
        environment.fipsProviderAvailable = true; // as on a machine that has the provider
        TlsEnvironment::setOverride(environment);
        const auto restore = qScopeGuard([] { TlsEnvironment::setOverride(std::nullopt); });
        const TestPki::Credential rsa2048 =
            TestPki::issueServer(m_ca, QStringLiteral("localhost"), TestPki::KeyType::Rsa2048);
        TlsTestServer server;
        server.setCredentials(rsa2048.certificate(), rsa2048.key());
        server.setCiphers(QStringLiteral("TLS_AES_128_GCM_SHA256"));
        QVERIFY(server.listen());
        ConnectionTarget target = tlsTarget(server.port());
        target.security.fipsMode = true;
        Connection connection;
        const Outcome outcome = run(connection, target);
        QVERIFY(outcome.failed);
        const ConnectionRecord& record = connection.record();
        QVERIFY2(record.encryptedReached, qPrintable(record.socketErrorString + record.localProblemDetail));
        QCOMPARE(record.cipher, QStringLiteral("TLS_AES_128_GCM_SHA256"));
        QCOMPARE(record.localProblem, LocalProblem::FipsRequirementsUnmet);
        QVERIFY(!record.localProblemDetail.isEmpty());
    }

    void tls13ClientCertificateRequiredArrivesAfterEncrypted()
    {
        const QString certFile = m_dir + QStringLiteral("/server.pem");
        const QString keyFile = m_dir + QStringLiteral("/server.key");
        QVERIFY(m_server.writeCertificate(certFile));
        QVERIFY(m_server.writeKey(keyFile));
        OpensslServer server;
        QVERIFY2(server.start(certFile, keyFile,
                              {QStringLiteral("-tls1_3"), QStringLiteral("-Verify"), QStringLiteral("1"),
                               QStringLiteral("-CAfile"), m_caFile}),
                 qPrintable(server.output()));
        Connection connection;
        bool established = false;
        QSignalSpy failed(&connection, &Connection::failed);
        connect(&connection, &Connection::established, [&] { established = true; });
        connection.start(tlsTarget(server.port()));
        QVERIFY(failed.wait(15000));
        const ConnectionRecord& record = connection.record();
        QVERIFY(record.encryptedReached);
        QVERIFY(hasAlert(record.alertsReceived, 116)); // certificate_required
        QCOMPARE(record.protocol, QStringLiteral("TLSv1.3"));
        QVERIFY(!record.succeeded() || connection.state() == ConnectionState::Failed);
        QCOMPARE(connection.state(), ConnectionState::Failed);
    }

    void corruptedRecordAfterTheHandshake()
    {
        TlsTestServer server;
        server.setCredentials(m_server.certificate(), m_server.key());
        QVERIFY(server.listen());
        CorruptingRelay relay(server.port());
        QVERIFY(relay.listen());
        Connection connection;
        QSignalSpy failed(&connection, &Connection::failed);
        QSignalSpy closed(&connection, &Connection::closed);
        connection.start(tlsTarget(relay.port()));
        QVERIFY(failed.wait(15000));
        QVERIFY(relay.corrupted());
        const ConnectionRecord& record = connection.record();
        QVERIFY(record.encryptedReached);
        QVERIFY2(hasAlert(record.alertsSent, 20), "bad_record_mac sent"); // bad_record_mac
        QTRY_COMPARE(closed.size(), 1);
    }

    // A session that trusts the system store and starts while it loads (at start-up) waits for it
    // through the event loop: start() returns before the store is read, and the session goes on
    // once it is in. An abort while waiting ends the session for good.
    void systemStoreLoadingNeverHoldsTheStartingThread()
    {
        SystemTrustStore& store = SystemTrustStore::instance();
        QSemaphore release;
        QAtomicInt reads;
        const QSslCertificate ca = m_ca.certificate();
        store.resetForTesting();
        store.setReaderForTesting([&release, &reads, ca] {
            reads.fetchAndAddOrdered(1);
            release.tryAcquire(1, 30000); // until the test lets it finish (bounded: never hangs)
            return QList<QSslCertificate>{ca};
        });
        const auto restore = qScopeGuard([&store] {
            store.setReaderForTesting({});
            store.resetForTesting();
        });

        TlsTestServer server;
        server.setCredentials(m_server.certificate(), m_server.key());
        QVERIFY(server.listen());
        ConnectionTarget target = tlsTarget(server.port());
        target.security.trustSource = TrustSource::System;
        target.security.extraCaFiles.clear();
        target.systemCaCertificates.reset(); // SystemTrustStore's

        Connection aborted;
        QSignalSpy abortedFailed(&aborted, &Connection::failed);
        QSignalSpy abortedEstablished(&aborted, &Connection::established);
        aborted.start(target);
        QCOMPARE(aborted.state(), ConnectionState::Running);
        aborted.abort();

        Connection connection;
        QList<ConnectionStage> stages;
        connect(&connection, &Connection::stageChanged, [&](ConnectionStage s) { stages.append(s); });
        QSignalSpy established(&connection, &Connection::established);
        connection.start(target);
        QVERIFY(!store.isLoaded()); // start() did not wait for the load
        QCOMPARE(connection.state(), ConnectionState::Running);
        QTRY_COMPARE(reads.loadRelaxed(), 1); // one load, on its worker
        QVERIFY(stages.isEmpty());            // nothing is tried before the trust anchors are in

        release.release();
        QVERIFY(established.wait(15000));
        QVERIFY(store.isLoaded());
        QVERIFY(connection.record().succeeded()); // verified against the store's only CA
        QCOMPARE(stages.first(), ConnectionStage::Resolving);
        QCOMPARE(abortedFailed.size() + abortedEstablished.size(), 0);
        QCOMPARE(aborted.state(), ConnectionState::Closed);
        QCOMPARE(reads.loadRelaxed(), 1);
    }
};

QTEST_GUILESS_MAIN(TestConnection)
#include "TestConnection.moc"
