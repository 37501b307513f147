#include "diagnosis/Classifier.h"
#include "diagnosis/ErrorCatalogue.h"

#include "TestPki.h"

#include <QTest>

// Every entry and cause of the catalogue from synthetic evidence, shaped like what Qt 6.4's
// OpenSSL backend really reports (see the loopback tests for the real thing).
class TestClassifier final : public QObject
{
    Q_OBJECT

private:
    static ConnectionRecord tlsRecord(const QString& host = QStringLiteral("host.example.com"),
                                      quint16 port = 992)
    {
        ConnectionRecord r;
        r.typedHost = host;
        r.port = port;
        r.tls = true;
        return r;
    }
    static ConnectionRecord handshakeFailure(
        std::optional<QAbstractSocket::SocketError> error = QAbstractSocket::SslHandshakeFailedError)
    {
        ConnectionRecord r = tlsRecord();
        r.stageReached = ConnectionStage::Handshake;
        r.tcpConnected = true;
        r.socketError = error;
        return r;
    }
    static TlsAlertRecord alert(int type, const char* description, int level = 2)
    {
        return TlsAlertRecord{level, type, QString::fromLatin1(description)};
    }
    static TlsEnvironmentInfo healthyEnvironment()
    {
        TlsEnvironmentInfo env;
        env.tlsBackendAvailable = true;
        env.tlsBackendName = QStringLiteral("openssl");
        env.openSslLoadable = true;
        env.openSslVersion = QStringLiteral("OpenSSL 3.0");
        env.fipsProviderAvailable = true;
        env.systemCaCount = 140;
        return env;
    }
    static QSslCertificate certificateFor(const QStringList& dnsNames, const QStringList& ips = {},
                                          const QString& cn = QStringLiteral("server"))
    {
        TestPki::CertificateOptions options;
        options.commonName = cn;
        options.dnsNames = dnsNames;
        options.ipAddresses = ips;
        return TestPki::makeSelfSigned(options).certificate();
    }

    static void check(const ConnectionRecord& record, const DiagnosisContext& context, const QString& entry,
                      const QString& cause)
    {
        const Diagnosis d = Classifier::classify(record, context);
        QVERIFY2(
            d.entryId == entry && d.causeId == cause,
            qPrintable(QStringLiteral("got %1/%2, want %3/%4\n%5")
                           .arg(d.entryId, d.causeId, entry, cause, d.evidence.join(QLatin1Char('\n')))));
        if (!entry.isEmpty()) {
            const ErrorCatalogue::Entry* e = ErrorCatalogue::find(entry);
            QVERIFY(e);
            if (!cause.isEmpty())
                QVERIFY(e->cause(cause));
            QVERIFY(!d.evidence.isEmpty());
        }
    }

private slots:
    void success()
    {
        ConnectionRecord r = tlsRecord();
        r.stageReached = ConnectionStage::Connected;
        r.tcpConnected = r.encryptedReached = true;
        r.protocol = QStringLiteral("TLSv1.3");
        const Diagnosis d = Classifier::classify(r, {});
        QVERIFY(d.ok());
        QVERIFY(d.causeId.isEmpty());
    }

    void networkEntries()
    {
        ConnectionRecord r = tlsRecord();
        r.stageReached = ConnectionStage::Connecting;
        r.socketError = QAbstractSocket::ConnectionRefusedError;
        check(r, {}, QStringLiteral("connection-refused"), QStringLiteral("port-closed"));

        r.stageReached = ConnectionStage::Resolving;
        r.socketError = QAbstractSocket::HostNotFoundError;
        check(r, {}, QStringLiteral("host-not-found"), QStringLiteral("name-unresolvable"));

        r.stageReached = ConnectionStage::Connecting;
        r.socketError = QAbstractSocket::NetworkError;
        r.socketErrorString = QStringLiteral("Network unreachable");
        check(r, {}, QStringLiteral("network-unreachable"), QStringLiteral("no-route"));

        r.socketError.reset();
        r.connectTimedOut = true;
        check(r, {}, QStringLiteral("connect-timeout"), QStringLiteral("no-answer"));
    }

    void connectionLost()
    {
        ConnectionRecord r = tlsRecord();
        r.stageReached = ConnectionStage::Closed;
        r.tcpConnected = r.encryptedReached = true;
        r.socketError = QAbstractSocket::RemoteHostClosedError;
        r.closedByPeer = true;
        check(r, {}, QStringLiteral("connection-lost"), QStringLiteral("remote-closed"));

        r.closedByPeer = false;
        r.socketError = QAbstractSocket::NetworkError;
        check(r, {}, QStringLiteral("connection-lost"), QStringLiteral("network-error"));
    }

    void proxyEntries()
    {
        DiagnosisContext context;
        context.settings.proxy.enabled = true;
        ConnectionRecord r = tlsRecord();
        r.viaProxy = true;
        r.stageReached = ConnectionStage::Connecting;
        r.socketError = QAbstractSocket::ConnectionRefusedError;
        check(r, context, QStringLiteral("proxy-unreachable"), QStringLiteral("proxy-refused"));
        r.socketError = QAbstractSocket::HostNotFoundError;
        check(r, context, QStringLiteral("proxy-unreachable"), QStringLiteral("proxy-not-found"));

        r.socketError.reset();
        r.tcpConnected = true;
        r.stageReached = ConnectionStage::Proxy;
        r.proxyStatus = 407;
        r.proxyReplyHead = "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Bearer\r\n";
        check(r, context, QStringLiteral("proxy-token-missing"), QStringLiteral("no-token-configured"));
        context.settings.proxy.tokenFromSessionLink = true;
        check(r, context, QStringLiteral("proxy-token-missing"),
              QStringLiteral("session-not-started-from-link"));

        r.proxyTokenSent = true;
        r.proxyReplyHead = "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Bearer "
                           "error=\"invalid_token\", error_description=\"token expired\"\r\n";
        check(r, context, QStringLiteral("proxy-token-invalid"), QStringLiteral("token-expired"));
        r.proxyStatus = 403;
        r.proxyReplyHead = "HTTP/1.1 403 Forbidden\r\nProxy-Authenticate: Bearer error=\"invalid_token\", "
                           "error_description=\"token issuer not trusted\"\r\n";
        check(r, context, QStringLiteral("proxy-token-invalid"), QStringLiteral("proxy-distrusts-issuer"));
        r.proxyReplyHead = "HTTP/1.1 403 Forbidden\r\n";
        check(r, context, QStringLiteral("proxy-token-invalid"), QStringLiteral("token-rejected"));

        // Told before even trying: the session link's token had expired; no token at all.
        ConnectionRecord local = tlsRecord();
        local.viaProxy = true;
        local.localProblem = LocalProblem::ProxyTokenExpired;
        check(local, context, QStringLiteral("proxy-token-invalid"), QStringLiteral("token-expired"));
        local.localProblem = LocalProblem::ProxyTokenMissing;
        check(local, context, QStringLiteral("proxy-token-missing"),
              QStringLiteral("session-not-started-from-link"));
    }

    void handshakeFailures()
    {
        DiagnosisContext context;
        ConnectionRecord r = handshakeFailure();
        r.socketErrorString = QStringLiteral("error:0A00010B:SSL routines::wrong version number");
        check(r, context, QStringLiteral("handshake-failed"), QStringLiteral("server-not-tls"));
        r.port = 23;
        QVERIFY(
            Classifier::classify(r, context).evidence.join(QLatin1Char('\n')).contains(QLatin1String("992")));

        r = handshakeFailure();
        r.alertsReceived << alert(70, "protocol version");
        check(r, context, QStringLiteral("handshake-failed"), QStringLiteral("protocol-version-unsupported"));

        r = handshakeFailure();
        r.alertsReceived << alert(40, "handshake failure");
        context.settings.encryptionStrength = EncryptionStrength::Bits256;
        check(r, context, QStringLiteral("handshake-failed"), QStringLiteral("encryption-strength-rejected"));
        // With the default strength and no suite chosen, no cause of the catalogue is certain.
        context.settings.encryptionStrength = EncryptionStrength::Default;
        check(r, context, QStringLiteral("handshake-failed"), QString());
        // TLS 1.2: the host chose a suite (ServerHello) and then refused: it wants a certificate.
        r.cipher = QStringLiteral("ECDHE-ECDSA-AES256-GCM-SHA384");
        check(r, context, QStringLiteral("client-credentials-missing"),
              QStringLiteral("no-client-certificate"));

        r = handshakeFailure(QAbstractSocket::RemoteHostClosedError);
        check(r, context, QStringLiteral("handshake-failed"), QStringLiteral("server-unavailable"));

        r = handshakeFailure();
        r.localProblem = LocalProblem::FipsRequirementsUnmet;
        check(r, context, QStringLiteral("handshake-failed"), QStringLiteral("fips-requirements-unmet"));
    }

    void handshakeTimeout()
    {
        ConnectionRecord r = handshakeFailure(std::nullopt);
        r.handshakeTimedOut = true;
        r.bytesReceived = 0;
        check(r, {}, QStringLiteral("handshake-timeout"), QStringLiteral("server-silent"));
        r.bytesReceived = 1200;
        check(r, {}, QStringLiteral("handshake-timeout"), QStringLiteral("network-slow"));
    }

    void clientCertificates()
    {
        DiagnosisContext context;
        // TLS 1.3: encrypted() first, then certificate_required.
        ConnectionRecord r = tlsRecord();
        r.tcpConnected = r.encryptedReached = true;
        r.stageReached = ConnectionStage::Connected;
        r.protocol = QStringLiteral("TLSv1.3");
        r.alertsReceived << alert(116, "certificate required");
        r.socketError = QAbstractSocket::SslInternalError;
        check(r, context, QStringLiteral("client-credentials-missing"),
              QStringLiteral("no-client-certificate"));

        // TLS 1.2: a certificate was configured and sent, the host refused it.
        context.settings.clientCertificate.certificateFile = QStringLiteral("/tmp/client.pem");
        r = handshakeFailure();
        r.alertsReceived << alert(48, "unknown CA");
        check(r, context, QStringLiteral("client-credentials-missing"),
              QStringLiteral("client-certificate-rejected"));
        r.alertsReceived = {alert(40, "handshake failure")};
        check(r, context, QStringLiteral("client-credentials-missing"),
              QStringLiteral("client-certificate-rejected"));

        r = handshakeFailure();
        r.localProblem = LocalProblem::ClientCertificateUnusable;
        check(r, context, QStringLiteral("client-credentials-missing"),
              QStringLiteral("client-key-unusable"));
        r.localProblem = LocalProblem::ClientCertificateMissing;
        check(r, context, QStringLiteral("client-credentials-missing"),
              QStringLiteral("no-client-certificate"));
    }

    void corruptedRecord()
    {
        ConnectionRecord r = tlsRecord();
        r.tcpConnected = r.encryptedReached = true;
        r.stageReached = ConnectionStage::Closed;
        r.alertsSent << alert(20, "bad record mac");
        check(r, {}, QStringLiteral("message-corrupted"), QStringLiteral("record-integrity-failure"));
    }

    void untrustedCertificates_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("cause");
        QTest::newRow("expired") << int(QSslError::CertificateExpired) << QStringLiteral("expired");
        QTest::newRow("not yet valid")
            << int(QSslError::CertificateNotYetValid) << QStringLiteral("not-yet-valid");
        QTest::newRow("self-signed") << int(QSslError::SelfSignedCertificate)
                                     << QStringLiteral("self-signed");
        QTest::newRow("untrusted root")
            << int(QSslError::SelfSignedCertificateInChain) << QStringLiteral("issuer-not-trusted");
        QTest::newRow("unknown issuer")
            << int(QSslError::UnableToGetLocalIssuerCertificate) << QStringLiteral("issuer-not-trusted");
        QTest::newRow("revoked") << int(QSslError::CertificateRevoked) << QStringLiteral("revoked");
        QTest::newRow("ocsp unknown")
            << int(QSslError::OcspStatusUnknown) << QStringLiteral("revocation-unavailable");
    }

    void untrustedCertificates()
    {
        QFETCH(int, error);
        QFETCH(QString, cause);
        const QSslCertificate leaf = certificateFor({QStringLiteral("host.example.com")});
        ConnectionRecord r = handshakeFailure();
        r.sslErrors << QSslError(QSslError::SslError(error), leaf);
        r.peerChain << leaf;
        check(r, {}, QStringLiteral("certificate-untrusted"), cause);
    }

    void revocationFromRecord()
    {
        ConnectionRecord r = tlsRecord();
        r.tcpConnected = true;
        r.stageReached = ConnectionStage::Verifying;
        r.revocation = RevocationStatus::Revoked;
        r.revocationDetail = QStringLiteral("CRL lists serial 5");
        check(r, {}, QStringLiteral("certificate-untrusted"), QStringLiteral("revoked"));

        DiagnosisContext required;
        required.settings.revocation = RevocationMode::Ocsp;
        required.settings.revocationRequired = true;
        r.revocation = RevocationStatus::Unavailable;
        r.socketError = QAbstractSocket::SslHandshakeFailedError;
        check(r, required, QStringLiteral("certificate-untrusted"), QStringLiteral("revocation-unavailable"));
    }

    void hostNameMismatch()
    {
        const QSslCertificate leaf =
            certificateFor({QStringLiteral("myhost.domain.example"), QStringLiteral("alias.domain.example")});
        auto record = [&](const QString& typed) {
            ConnectionRecord r = handshakeFailure();
            r.typedHost = typed;
            r.sslErrors << QSslError(QSslError::HostNameMismatch, leaf);
            r.peerChain << leaf;
            return r;
        };
        DiagnosisContext context;
        Diagnosis d = Classifier::classify(record(QStringLiteral("127.0.0.1")), context);
        QCOMPARE(d.entryId, QStringLiteral("certificate-hostname-mismatch"));
        QCOMPARE(d.causeId, QStringLiteral("ip-address-used"));
        QCOMPARE(d.suggestedHosts, (QStringList{QStringLiteral("myhost.domain.example"),
                                                QStringLiteral("alias.domain.example")}));
        QCOMPARE(d.fixSetting(), QStringLiteral("profile/host"));

        d = Classifier::classify(record(QStringLiteral("myhost")), context);
        QCOMPARE(d.causeId, QStringLiteral("short-name-used"));
        QCOMPARE(d.suggestedHosts, QStringList{QStringLiteral("myhost.domain.example")});

        d = Classifier::classify(record(QStringLiteral("other.example.org")), context);
        QCOMPARE(d.causeId, QStringLiteral("name-not-in-certificate"));
        QVERIFY(d.suggestedHosts.isEmpty());
        QCOMPARE(d.fixSetting(), QStringLiteral("pki/hostname-check"));

        // The typed host of the context wins over the record's (the profile's own words).
        context.typedHost = QStringLiteral("alias");
        d = Classifier::classify(record(QStringLiteral("ignored")), context);
        QCOMPARE(d.causeId, QStringLiteral("short-name-used"));
        QCOMPARE(d.suggestedHosts, QStringList{QStringLiteral("alias.domain.example")});

        // A wildcard certificate completes a short name.
        const QSslCertificate wildcard = certificateFor({QStringLiteral("*.corp.example")});
        ConnectionRecord w = handshakeFailure();
        w.typedHost = QStringLiteral("db");
        w.sslErrors << QSslError(QSslError::HostNameMismatch, wildcard);
        d = Classifier::classify(w, {});
        QCOMPARE(d.causeId, QStringLiteral("short-name-used"));
        QCOMPARE(d.suggestedHosts, QStringList{QStringLiteral("db.corp.example")});
    }

    void untrustedAndMisnamed()
    {
        // A self-signed certificate reached by IP address: trust comes first, the name to use is kept.
        const QSslCertificate leaf = certificateFor({QStringLiteral("box.example.com")});
        ConnectionRecord r = handshakeFailure();
        r.typedHost = QStringLiteral("192.0.2.7");
        r.sslErrors << QSslError(QSslError::SelfSignedCertificate, leaf)
                    << QSslError(QSslError::HostNameMismatch, leaf);
        r.peerChain << leaf;
        const Diagnosis d = Classifier::classify(r, {});
        QCOMPARE(d.entryId, QStringLiteral("certificate-untrusted"));
        QCOMPARE(d.causeId, QStringLiteral("self-signed"));
        QCOMPARE(d.suggestedHosts, QStringList{QStringLiteral("box.example.com")});
    }

    void pinnedCertificateChanged()
    {
        const QSslCertificate leaf = certificateFor({QStringLiteral("host.example.com")});
        ConnectionRecord r = handshakeFailure();
        r.pinnedCertificateMismatch = true;
        r.pinnedSha256 = QByteArray(32, '\x11');
        r.peerChain << leaf;
        r.sslErrors << QSslError(QSslError::SelfSignedCertificate, leaf);
        check(r, {}, QStringLiteral("certificate-changed"), QStringLiteral("pinned-certificate-mismatch"));
        const Diagnosis d = Classifier::classify(r, {});
        QVERIFY(d.evidence.join(QLatin1Char('\n')).contains(QLatin1String("11:11:11")));
    }

    void localStack()
    {
        // What the connection found itself.
        ConnectionRecord r = tlsRecord();
        r.localProblem = LocalProblem::StrengthUnavailable;
        check(r, {}, QStringLiteral("encryption-strength-unavailable"),
              QStringLiteral("no-local-cipher-suites"));
        r.localProblem = LocalProblem::TlsBackendMissing;
        check(r, {}, QStringLiteral("tls-library-missing"), QStringLiteral("tls-backend-missing"));
        r.localProblem = LocalProblem::OpenSslUnavailable;
        check(r, {}, QStringLiteral("crypto-library-missing"), QStringLiteral("openssl-unavailable"));
        r.localProblem = LocalProblem::ProviderUnavailable;
        check(r, {}, QStringLiteral("security-provider-missing"), QStringLiteral("provider-unavailable"));
        r.localProblem = LocalProblem::SystemTrustStoreEmpty;
        check(r, {}, QStringLiteral("system-trust-store-missing"), QStringLiteral("no-system-certificates"));
    }

    void injectedEnvironment()
    {
        // The probe explains a failure the wire does not: nothing was even sent.
        ConnectionRecord r = tlsRecord();
        r.stageReached = ConnectionStage::Handshake;
        r.socketError = QAbstractSocket::SslInternalError;
        r.socketErrorString = QStringLiteral("TLS initialization failed");
        DiagnosisContext context;
        context.environment = healthyEnvironment();
        context.environment->tlsBackendAvailable = false;
        check(r, context, QStringLiteral("tls-library-missing"), QStringLiteral("tls-backend-missing"));
        context.environment = healthyEnvironment();
        context.environment->openSslLoadable = false;
        check(r, context, QStringLiteral("crypto-library-missing"), QStringLiteral("openssl-unavailable"));
        context.environment = healthyEnvironment();
        context.environment->fipsProviderAvailable = false;
        check(r, context, QStringLiteral("handshake-failed"), QString()); // not in FIPS mode: irrelevant
        context.settings.fipsMode = true;
        check(r, context, QStringLiteral("security-provider-missing"),
              QStringLiteral("provider-unavailable"));
        context.settings.fipsMode = false;
        context.environment = healthyEnvironment();
        context.settings.encryptionStrength = EncryptionStrength::Bits168;
        context.strengthAvailable = false;
        check(r, context, QStringLiteral("encryption-strength-unavailable"),
              QStringLiteral("no-local-cipher-suites"));

        // An empty system store turns "issuer not trusted" into the store's own entry...
        const QSslCertificate leaf = certificateFor({QStringLiteral("host.example.com")});
        ConnectionRecord untrusted = handshakeFailure();
        untrusted.sslErrors << QSslError(QSslError::UnableToGetLocalIssuerCertificate, leaf);
        DiagnosisContext empty;
        empty.environment = healthyEnvironment();
        empty.environment->systemCaCount = 0;
        check(untrusted, empty, QStringLiteral("system-trust-store-missing"),
              QStringLiteral("no-system-certificates"));
        // ...unless the profile trusts only Tsunagi's store.
        empty.settings.trustSource = TrustSource::App;
        check(untrusted, empty, QStringLiteral("certificate-untrusted"),
              QStringLiteral("issuer-not-trusted"));

        // A network failure is never blamed on the environment.
        ConnectionRecord refused = tlsRecord();
        refused.socketError = QAbstractSocket::ConnectionRefusedError;
        context.environment->tlsBackendAvailable = false;
        check(refused, context, QStringLiteral("connection-refused"), QStringLiteral("port-closed"));
    }

    void everyCatalogueCauseIsReachable()
    {
        // The test functions above cover every cause id; keep them in step with the catalogue.
        QStringList all;
        for (const ErrorCatalogue::Entry& entry : ErrorCatalogue::entries()) {
            for (const ErrorCatalogue::Cause& cause : entry.causes)
                all << entry.id + QLatin1Char('/') + cause.id;
        }
        QCOMPARE(all.size(), 39);
    }
};

QTEST_GUILESS_MAIN(TestClassifier)
#include "TestClassifier.moc"
