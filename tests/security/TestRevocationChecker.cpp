// Revocation against real answers: CRLs signed by the test CA, OCSP responses made by
// `openssl ocsp` (served from a loopback listener, or stapled by `openssl s_server -status_file`).
#include "HandshakeProbe.h"
#include "TestEnvironment.h"
#include "TestPki.h"
#include "TlsTestServers.h"

#include "security/RevocationChecker.h"

#include <QSignalSpy>
#include <QTest>

namespace {
QString path(const QString& dir, const char* name)
{
    return dir + QLatin1Char('/') + QLatin1String(name);
}
} // namespace

class TestRevocationChecker final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void decideFollowsRequireOption();
    void extractsResponderAndDistributionPoints();
    void crlFile();
    void crlFileWithForgedSignature();
    void crlFromDistributionPoint();
    void ocspFromResponderAfterHandshake();
    void ocspResponderDown();
    void ocspResponderSilent();
    void ocspResponseTooLarge();
    void ocspStapledGood();
    void ocspStapledRevokedFailsHandshake();
    void ocspStapleWithoutIssuerFallsBackToResponder();
    void offChecksNothing();
    void hostileInput();

private:
    RevocationResult run(const RevocationRequest& request);
    RevocationRequest request(RevocationMode mode, const TestPki::Credential& leaf,
                              bool required = false) const;
    TestPki::Credential issueWith(const QString& cn, const QString& ocspUrl, const QString& crlUrl = {});

    QString m_dir;
    TestPki::Credential m_ca;
    std::unique_ptr<OcspHttpResponder> m_responder;
    TestPki::Credential m_good, m_revoked, m_downResponder, m_bigResponse, m_silentResponder, m_noAia,
        m_garbage;
    std::unique_ptr<OcspHttpResponder> m_silent;
};

TestPki::Credential TestRevocationChecker::issueWith(const QString& cn, const QString& ocspUrl,
                                                     const QString& crlUrl)
{
    TestPki::CertificateOptions options;
    options.commonName = QStringLiteral("localhost");
    options.organization = cn; // distinct subjects for the index
    options.dnsNames = {QStringLiteral("localhost")};
    options.ocspUrl = ocspUrl;
    options.crlUrl = crlUrl;
    return TestPki::issue(m_ca, options);
}

void TestRevocationChecker::initTestCase()
{
    m_dir = TestEnvironment::freshDir(QStringLiteral("revocation"));
    m_ca = TestPki::makeCa(QStringLiteral("Revocation Test Root"));
    QVERIFY(m_ca.writeCertificate(path(m_dir, "ca.pem")));
    QVERIFY(m_ca.writeKey(path(m_dir, "ca.key")));

    // The responder signs with the CA's own key (the issuer answering for its certificates).
    m_responder = std::make_unique<OcspHttpResponder>(path(m_dir, "index.txt"), path(m_dir, "ca.pem"),
                                                      path(m_dir, "ca.pem"), path(m_dir, "ca.key"));
    QVERIFY(m_responder->listen());
    m_silent = std::make_unique<OcspHttpResponder>(path(m_dir, "index.txt"), path(m_dir, "ca.pem"),
                                                   path(m_dir, "ca.pem"), path(m_dir, "ca.key"));
    m_silent->setSilent(true);
    QVERIFY(m_silent->listen());

    m_good =
        issueWith(QStringLiteral("good"), m_responder->url(), m_responder->url(QStringLiteral("/ca.crl")));
    m_revoked =
        issueWith(QStringLiteral("revoked"), m_responder->url(), m_responder->url(QStringLiteral("/ca.crl")));
    m_downResponder =
        issueWith(QStringLiteral("down"),
                  QStringLiteral("http://127.0.0.1:%1/").arg(TestEnvironment::freeLoopbackPort()));
    m_bigResponse = issueWith(QStringLiteral("big"), m_responder->url(QStringLiteral("/big")));
    m_silentResponder = issueWith(QStringLiteral("silent"), m_silent->url());
    m_noAia = issueWith(QStringLiteral("no-aia"), {});
    m_garbage = issueWith(QStringLiteral("garbage"), m_responder->url(QStringLiteral("/garbage")),
                          m_responder->url(QStringLiteral("/garbage")));

    OcspIndex index;
    index.addValid(m_good);
    index.addRevoked(m_revoked);
    QVERIFY(index.write(path(m_dir, "index.txt")));
    m_responder->addFile(QStringLiteral("/ca.crl"), TestPki::makeCrlDer(m_ca, {m_revoked.serial()}),
                         "application/pkix-crl");
    m_responder->addFile(QStringLiteral("/garbage"), "this is not DER", "application/ocsp-response");
    m_responder->addFile(QStringLiteral("/big"), QByteArray(3 * 1024 * 1024, 'x'),
                         "application/ocsp-response");

    QVERIFY(TestPki::writeFile(path(m_dir, "revoked.crl"), TestPki::makeCrlPem(m_ca, {m_revoked.serial()})));
    for (const auto& [credential, name] : {std::pair{m_good, "good"}, std::pair{m_revoked, "revoked"}}) {
        QVERIFY(credential.writeCertificate(path(m_dir, name) + QStringLiteral(".pem")));
        QVERIFY(credential.writeKey(path(m_dir, name) + QStringLiteral(".key")));
    }
}

RevocationRequest TestRevocationChecker::request(RevocationMode mode, const TestPki::Credential& leaf,
                                                 bool required) const
{
    RevocationRequest r;
    r.mode = mode;
    r.required = required;
    r.peerChain = {leaf.certificate()};
    r.trustAnchors = {m_ca.certificate()};
    r.timeoutMs = 5000;
    return r;
}

RevocationResult TestRevocationChecker::run(const RevocationRequest& request)
{
    RevocationChecker checker;
    QSignalSpy finished(&checker, &RevocationChecker::finished);
    checker.start(request);
    if (!finished.wait(request.timeoutMs + 5000) || finished.size() != 1) {
        RevocationResult none;
        none.detail = QStringLiteral("finished() not emitted exactly once");
        return none;
    }
    if (checker.isRunning()) {
        RevocationResult stillRunning;
        stillRunning.detail = QStringLiteral("still running after finished()");
        return stillRunning;
    }
    return finished.first().first().value<RevocationResult>();
}

void TestRevocationChecker::decideFollowsRequireOption()
{
    QVERIFY(RevocationChecker::decide(RevocationStatus::Revoked, {}, false, {}).failsConnection);
    QVERIFY(!RevocationChecker::decide(RevocationStatus::Good, {}, true, {}).failsConnection);
    QVERIFY(!RevocationChecker::decide(RevocationStatus::Unavailable, {}, false, {}).failsConnection);
    QVERIFY(RevocationChecker::decide(RevocationStatus::Unavailable, {}, true, {}).failsConnection);
    QVERIFY(RevocationChecker::decide(RevocationStatus::Unknown, {}, true, {}).failsConnection);
    QVERIFY(!RevocationChecker::decide(RevocationStatus::Unknown, {}, false, {}).failsConnection);
}

void TestRevocationChecker::extractsResponderAndDistributionPoints()
{
    QCOMPARE(RevocationChecker::ocspUrls(m_good.certificate()), QStringList{m_responder->url()});
    QCOMPARE(RevocationChecker::crlDistributionPoints(m_good.certificate()),
             QStringList{m_responder->url(QStringLiteral("/ca.crl"))});
    QVERIFY(RevocationChecker::ocspUrls(m_noAia.certificate()).isEmpty());
}

void TestRevocationChecker::crlFile()
{
    RevocationRequest r = request(RevocationMode::Crl, m_revoked);
    r.crlFiles = {path(m_dir, "revoked.crl")};
    RevocationResult result = run(r);
    QCOMPARE(result.status, RevocationStatus::Revoked);
    QVERIFY(result.failsConnection);
    QVERIFY2(result.source.startsWith(QLatin1String("crl file")), qPrintable(result.detail));

    r = request(RevocationMode::Crl, m_good);
    r.crlFiles = {path(m_dir, "revoked.crl")};
    result = run(r);
    QCOMPARE(result.status, RevocationStatus::Good);
    QVERIFY(!result.failsConnection);
}

void TestRevocationChecker::crlFileWithForgedSignature()
{
    // Same issuer name, different key: the signature check must reject it.
    const auto impostor = TestPki::makeCa(QStringLiteral("Revocation Test Root"));
    QVERIFY(TestPki::writeFile(path(m_dir, "forged.crl"), TestPki::makeCrlPem(impostor, {})));
    RevocationRequest r = request(RevocationMode::Crl, m_noAia, true);
    r.crlFiles = {path(m_dir, "forged.crl")};
    RevocationResult result = run(r);
    QCOMPARE(result.status, RevocationStatus::Unavailable);
    QVERIFY(result.failsConnection);
    QVERIFY2(result.detail.contains(QLatin1String("signature")), qPrintable(result.detail));

    r.required = false;
    result = run(r);
    QCOMPARE(result.status, RevocationStatus::Unavailable);
    QVERIFY(!result.failsConnection);
}

void TestRevocationChecker::crlFromDistributionPoint()
{
    RevocationResult result = run(request(RevocationMode::Crl, m_revoked));
    QCOMPARE(result.status, RevocationStatus::Revoked);
    QVERIFY2(result.source.contains(QLatin1String("/ca.crl")), qPrintable(result.detail));
    result = run(request(RevocationMode::Crl, m_good));
    QCOMPARE(result.status, RevocationStatus::Good);
}

void TestRevocationChecker::ocspFromResponderAfterHandshake()
{
    SecuritySettings settings;
    settings.trustSource = TrustSource::App;
    settings.extraCaFiles = {path(m_dir, "ca.pem")};
    settings.revocation = RevocationMode::Ocsp;
    TlsBuildContext context;
    context.hostName = QStringLiteral("localhost");
    const TlsBuildResult tls = TlsConfigurationBuilder::build(settings, context);
    QVERIFY2(tls.ok(), qPrintable(tls.detail));
    QVERIFY(tls.configuration.ocspStaplingEnabled());

    for (const auto& [name, expected] :
         {std::pair{"good", RevocationStatus::Good}, std::pair{"revoked", RevocationStatus::Revoked}}) {
        OpensslServer server;
        QVERIFY(server.start(path(m_dir, name) + QStringLiteral(".pem"),
                             path(m_dir, name) + QStringLiteral(".key")));
        const HandshakeOutcome outcome = runHandshake(tls, server.port());
        // No stapled response: Qt reports OcspNoResponseFound, which the settings tolerate.
        QVERIFY2(outcome.succeeded(), qPrintable(outcome.describe()));
        QCOMPARE(outcome.sslErrors.size(), 1);
        QCOMPARE(outcome.sslErrors.first().error(), QSslError::OcspNoResponseFound);

        RevocationRequest r;
        r.mode = RevocationMode::Ocsp;
        r.peerChain = outcome.peerChain;
        r.trustAnchors = tls.trustAnchors;
        r.handshakeErrors = outcome.sslErrors;
        r.stapledResponses = outcome.ocspResponses;
        r.stapleRequested = true;
        const int before = m_responder->requestCount();
        const RevocationResult result = run(r);
        QCOMPARE(result.status, expected);
        QCOMPARE(result.failsConnection, expected == RevocationStatus::Revoked);
        QCOMPARE(m_responder->requestCount(), before + 1);
        QVERIFY2(result.source.startsWith(QLatin1String("ocsp http://127.0.0.1")), qPrintable(result.detail));
    }
}

void TestRevocationChecker::ocspResponderDown()
{
    RevocationResult result = run(request(RevocationMode::Ocsp, m_downResponder, false));
    QCOMPARE(result.status, RevocationStatus::Unavailable);
    QVERIFY(!result.failsConnection);
    QVERIFY2(result.detail.contains(QLatin1String("unreachable")), qPrintable(result.detail));

    result = run(request(RevocationMode::Ocsp, m_downResponder, true));
    QCOMPARE(result.status, RevocationStatus::Unavailable);
    QVERIFY(result.failsConnection);

    result = run(request(RevocationMode::Ocsp, m_noAia, true));
    QCOMPARE(result.status, RevocationStatus::Unavailable);
    QVERIFY(result.failsConnection);
    QVERIFY2(result.detail.contains(QLatin1String("no OCSP responder")), qPrintable(result.detail));
}

void TestRevocationChecker::ocspResponderSilent()
{
    RevocationRequest r = request(RevocationMode::Ocsp, m_silentResponder, true);
    r.timeoutMs = 1000;
    const RevocationResult result = run(r);
    QCOMPARE(result.status, RevocationStatus::Unavailable);
    QVERIFY(result.failsConnection);
    QVERIFY(m_silent->requestCount() >= 1);
}

void TestRevocationChecker::ocspResponseTooLarge()
{
    RevocationRequest r = request(RevocationMode::Ocsp, m_bigResponse, true);
    r.maxResponseBytes = 64 * 1024;
    const RevocationResult result = run(r);
    QCOMPARE(result.status, RevocationStatus::Unavailable);
    QVERIFY2(result.detail.contains(QLatin1String("larger than")), qPrintable(result.detail));
}

void TestRevocationChecker::ocspStapledGood()
{
    QString error;
    const QByteArray response =
        OcspTool::makeResponse(path(m_dir, "index.txt"), path(m_dir, "ca.pem"), path(m_dir, "good.pem"),
                               path(m_dir, "ca.pem"), path(m_dir, "ca.key"), &error);
    QVERIFY2(!response.isEmpty(), qPrintable(error));
    QVERIFY(TestPki::writeFile(path(m_dir, "good.ocsp"), response));
    OpensslServer server;
    QVERIFY(server.start(path(m_dir, "good.pem"), path(m_dir, "good.key"),
                         {QStringLiteral("-status_file"), path(m_dir, "good.ocsp"),
                          QStringLiteral("-cert_chain"), path(m_dir, "ca.pem")}));

    SecuritySettings settings;
    settings.trustSource = TrustSource::App;
    settings.extraCaFiles = {path(m_dir, "ca.pem")};
    settings.revocation = RevocationMode::Ocsp;
    settings.revocationRequired = true;
    TlsBuildContext context;
    context.hostName = QStringLiteral("localhost");
    const TlsBuildResult tls = TlsConfigurationBuilder::build(settings, context);
    const HandshakeOutcome outcome = runHandshake(tls, server.port());
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.describe() + server.output()));
    QVERIFY2(outcome.sslErrors.isEmpty(), qPrintable(outcome.describe()));
    QCOMPARE(outcome.ocspResponses.size(), 1);

    RevocationRequest r;
    r.mode = RevocationMode::Ocsp;
    r.required = true;
    r.peerChain = outcome.peerChain;
    r.trustAnchors = tls.trustAnchors;
    r.stapledResponses = outcome.ocspResponses;
    r.stapleRequested = true;
    const int before = m_responder->requestCount();
    const RevocationResult result = run(r);
    QCOMPARE(result.status, RevocationStatus::Good);
    QCOMPARE(result.source, QStringLiteral("stapled"));
    QCOMPARE(m_responder->requestCount(), before); // the responder was not asked
}

void TestRevocationChecker::ocspStapledRevokedFailsHandshake()
{
    QString error;
    const QByteArray response =
        OcspTool::makeResponse(path(m_dir, "index.txt"), path(m_dir, "ca.pem"), path(m_dir, "revoked.pem"),
                               path(m_dir, "ca.pem"), path(m_dir, "ca.key"), &error);
    QVERIFY2(!response.isEmpty(), qPrintable(error));
    QVERIFY(TestPki::writeFile(path(m_dir, "revoked.ocsp"), response));
    OpensslServer server;
    QVERIFY(server.start(path(m_dir, "revoked.pem"), path(m_dir, "revoked.key"),
                         {QStringLiteral("-status_file"), path(m_dir, "revoked.ocsp"),
                          QStringLiteral("-cert_chain"), path(m_dir, "ca.pem")}));
    SecuritySettings settings;
    settings.trustSource = TrustSource::App;
    settings.extraCaFiles = {path(m_dir, "ca.pem")};
    settings.revocation = RevocationMode::Ocsp;
    TlsBuildContext context;
    context.hostName = QStringLiteral("localhost");
    const HandshakeOutcome outcome =
        runHandshake(TlsConfigurationBuilder::build(settings, context), server.port());
    QVERIFY2(!outcome.encrypted, qPrintable(outcome.describe()));
    bool revoked = false;
    for (const QSslError& e : outcome.sslErrors)
        revoked = revoked || e.error() == QSslError::CertificateRevoked;
    QVERIFY2(revoked, qPrintable(outcome.describe()));
}

void TestRevocationChecker::ocspStapleWithoutIssuerFallsBackToResponder()
{
    // The server staples an answer but sends only its leaf: Qt cannot match the staple
    // (OcspResponseCertIdUnknown). The settings tolerate that one and the responder is asked.
    // Qt still reports a stapled "revoked" as CertificateRevoked, which is never tolerated.
    SecuritySettings settings;
    settings.trustSource = TrustSource::App;
    settings.extraCaFiles = {path(m_dir, "ca.pem")};
    settings.revocation = RevocationMode::Ocsp;
    TlsBuildContext context;
    context.hostName = QStringLiteral("localhost");
    const TlsBuildResult tls = TlsConfigurationBuilder::build(settings, context);

    for (const char* name : {"good", "revoked"}) {
        const bool good = QByteArray(name) == "good";
        QString error;
        const QByteArray response = OcspTool::makeResponse(
            path(m_dir, "index.txt"), path(m_dir, "ca.pem"), path(m_dir, name) + QStringLiteral(".pem"),
            path(m_dir, "ca.pem"), path(m_dir, "ca.key"), &error);
        QVERIFY2(!response.isEmpty(), qPrintable(error));
        const QString staple = path(m_dir, name) + QStringLiteral("-leaf-only.ocsp");
        QVERIFY(TestPki::writeFile(staple, response));
        OpensslServer server;
        QVERIFY(server.start(path(m_dir, name) + QStringLiteral(".pem"),
                             path(m_dir, name) + QStringLiteral(".key"),
                             {QStringLiteral("-status_file"), staple}));
        const HandshakeOutcome outcome = runHandshake(tls, server.port());
        bool certIdUnknown = false;
        bool revokedInHandshake = false;
        for (const QSslError& e : outcome.sslErrors) {
            certIdUnknown = certIdUnknown || e.error() == QSslError::OcspResponseCertIdUnknown;
            revokedInHandshake = revokedInHandshake || e.error() == QSslError::CertificateRevoked;
        }
        QVERIFY2(certIdUnknown, qPrintable(outcome.describe()));
        if (!good) {
            QVERIFY2(!outcome.encrypted && revokedInHandshake, qPrintable(outcome.describe()));
            continue;
        }
        QVERIFY2(outcome.succeeded(), qPrintable(outcome.describe()));

        RevocationRequest r;
        r.mode = RevocationMode::Ocsp;
        r.required = true;
        r.peerChain = outcome.peerChain;
        r.trustAnchors = tls.trustAnchors;
        r.handshakeErrors = outcome.sslErrors;
        r.stapledResponses = outcome.ocspResponses;
        r.stapleRequested = true;
        const int before = m_responder->requestCount();
        const RevocationResult result = run(r);
        QCOMPARE(result.status, RevocationStatus::Good);
        QVERIFY(!result.failsConnection);
        QCOMPARE(m_responder->requestCount(), before + 1);
    }
}

void TestRevocationChecker::offChecksNothing()
{
    const RevocationResult result = run(request(RevocationMode::Off, m_revoked, true));
    QCOMPARE(result.status, RevocationStatus::NotChecked);
    QVERIFY(!result.failsConnection);
}

void TestRevocationChecker::hostileInput()
{
    RevocationResult result = run(request(RevocationMode::Ocsp, m_garbage, true));
    QCOMPARE(result.status, RevocationStatus::Unavailable);
    QVERIFY2(result.detail.contains(QLatin1String("malformed")), qPrintable(result.detail));
    result = run(request(RevocationMode::Crl, m_garbage, true));
    QCOMPARE(result.status, RevocationStatus::Unavailable);
    QVERIFY2(result.detail.contains(QLatin1String("not a CRL")), qPrintable(result.detail));

    RevocationRequest empty = request(RevocationMode::Crl, m_good, true);
    empty.peerChain = {QSslCertificate()};
    result = run(empty);
    QCOMPARE(result.status, RevocationStatus::Unavailable);
    QVERIFY(result.failsConnection);
    empty.peerChain.clear();
    QCOMPARE(run(empty).status, RevocationStatus::Unavailable);
}

QTEST_GUILESS_MAIN(TestRevocationChecker)
#include "TestRevocationChecker.moc"
