// `tsunagi --diagnose` run as a real process against peers on 127.0.0.1: the JSON of design.md
// with every field, in English and Japanese, and the exit codes 0 / 1 / 2.

#include "profiles/ProfileManager.h"
#include "security/TlsEnvironment.h"

#include "LoopbackPeers.h"
#include "TestEnvironment.h"
#include "TestPki.h"
#include "TlsTestServers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json;
};
} // namespace

class TestDiagnoseCommand final : public QObject
{
    Q_OBJECT

private:
    TestPki::Credential m_ca;
    TestPki::Credential m_server;
    QString m_dir;
    QString m_caFile;

    // Runs tsunagi while this process's event loop keeps the in-process peers serving.
    Run diagnose(const QStringList& arguments,
                 const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
    {
        Run run;
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setProgram(QStringLiteral(TSUNAGI_BINARY));
        process.setArguments(QStringList{QStringLiteral("--diagnose")} + arguments);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start();
        if (!finished.wait(30000)) {
            process.kill();
            process.waitForFinished(5000);
            qWarning("tsunagi --diagnose did not finish");
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        if (arguments.contains(QStringLiteral("--json"))) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
            if (error.error != QJsonParseError::NoError)
                qWarning("not JSON: %s\n%s", qPrintable(error.errorString()), run.out.constData());
            run.json = document.object();
        }
        return run;
    }

    QStringList trustArguments() const
    {
        return {QStringLiteral("--trust"), QStringLiteral("app"), QStringLiteral("--ca-file"), m_caFile};
    }

    // Every field of design.md, with its JSON type.
    static bool hasEveryField(const QJsonObject& json, QString* missing)
    {
        auto need = [missing](bool present, const char* name) {
            if (!present && missing->isEmpty())
                *missing = QString::fromLatin1(name);
            return present;
        };
        bool ok = need(json.value(QLatin1String("ok")).isBool(), "ok");
        const bool success = json.value(QLatin1String("ok")).toBool();
        ok &= need(success ? json.value(QLatin1String("entry")).isNull()
                           : json.value(QLatin1String("entry")).isString(),
                   "entry");
        ok &= need(json.contains(QLatin1String("cause")) && (json.value(QLatin1String("cause")).isString() ||
                                                             json.value(QLatin1String("cause")).isNull()),
                   "cause");
        if (success)
            ok &= need(json.value(QLatin1String("cause")).isNull(), "cause null");
        ok &= need(json.value(QLatin1String("title")).isString(), "title");
        ok &= need(json.value(QLatin1String("summary")).isString(), "summary");
        ok &= need(json.value(QLatin1String("causes")).isArray(), "causes");
        for (const QJsonValue& cause : json.value(QLatin1String("causes")).toArray()) {
            const QJsonObject object = cause.toObject();
            ok &= need(object.value(QLatin1String("id")).isString() &&
                           object.value(QLatin1String("text")).isString() &&
                           object.value(QLatin1String("detected")).isBool(),
                       "causes[].id/text/detected");
        }
        ok &= need(json.value(QLatin1String("remediation")).isArray(), "remediation");
        const QJsonObject details = json.value(QLatin1String("details")).toObject();
        ok &= need(!details.isEmpty(), "details");
        for (const char* key : {"stage", "socketError", "alertSent", "alertReceived", "protocol", "cipher"})
            ok &= need(details.value(QLatin1String(key)).isString(), key);
        for (const char* key : {"sslErrors", "telnetOptions", "suggestedHosts", "peerChain"})
            ok &= need(details.value(QLatin1String(key)).isArray(), key);
        ok &= need(details.value(QLatin1String("bytesReceived")).isDouble(), "bytesReceived");
        ok &= need(details.value(QLatin1String("elapsedMs")).isDouble(), "elapsedMs");
        for (const QJsonValue& certificate : details.value(QLatin1String("peerChain")).toArray()) {
            const QJsonObject object = certificate.toObject();
            for (const char* key : {"subject", "issuer", "notBefore", "notAfter", "sha256"})
                ok &= need(object.value(QLatin1String(key)).isString() &&
                               !object.value(QLatin1String(key)).toString().isEmpty(),
                           key);
        }
        return ok;
    }

    static QString details(const Run& run, const char* key)
    {
        return run.json.value(QLatin1String("details")).toObject().value(QLatin1String(key)).toString();
    }

    static QString explain(const Run& run)
    {
        return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
            .arg(run.exitCode)
            .arg(QString::fromUtf8(run.out), QString::fromUtf8(run.err));
    }

private slots:
    void initTestCase()
    {
        m_dir = TestEnvironment::freshDir(QStringLiteral("diagnose"));
        m_ca = TestPki::makeCa(QStringLiteral("Diagnose Test CA"));
        m_server = TestPki::issueServer(m_ca);
        m_caFile = m_dir + QStringLiteral("/ca.pem");
        QVERIFY(m_ca.writeCertificate(m_caFile));
    }

    void verifiedConnectionExitsZero_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ja") << QStringLiteral("ja");
    }
    void verifiedConnectionExitsZero()
    {
        QFETCH(QString, language);
        TlsTestServer server;
        server.setCredentials(m_server.certificate(), m_server.key());
        QVERIFY(server.listen());
        const Run run =
            diagnose(QStringList{QStringLiteral("localhost:%1").arg(server.port())} + trustArguments() +
                     QStringList{QStringLiteral("--observe"), QStringLiteral("0.3"), QStringLiteral("--json"),
                                 QStringLiteral("--lang"), language});
        QVERIFY2(run.exitCode == 0, qPrintable(explain(run)));
        QString missing;
        QVERIFY2(hasEveryField(run.json, &missing), qPrintable(missing + QLatin1Char('\n') + explain(run)));
        QCOMPARE(run.json.value(QLatin1String("ok")).toBool(), true);
        QCOMPARE(details(run, "protocol"), QStringLiteral("TLSv1.3"));
        QVERIFY(!details(run, "cipher").isEmpty());
        const QJsonArray chain =
            run.json.value(QLatin1String("details")).toObject().value(QLatin1String("peerChain")).toArray();
        QCOMPARE(chain.size(), 1);
        QString sha256 = chain.first().toObject().value(QLatin1String("sha256")).toString();
        QCOMPARE(sha256.remove(QLatin1Char(':')).toLower(), QString::fromLatin1(m_server.sha256().toHex()));
        QVERIFY(run.json.value(QLatin1String("details"))
                    .toObject()
                    .value(QLatin1String("bytesReceived"))
                    .toInt() > 0);
    }

    void failuresExitOneWithTheirEntry_data()
    {
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("cause");
        QTest::newRow("refused") << "refused"
                                 << "connection-refused"
                                 << "port-closed";
        QTest::newRow("plain text") << "plain"
                                    << "handshake-failed"
                                    << "server-not-tls";
        QTest::newRow("silent") << "silent"
                                << "handshake-timeout"
                                << "server-silent";
        QTest::newRow("self-signed") << "self-signed"
                                     << "certificate-untrusted"
                                     << "self-signed";
        QTest::newRow("proxy no token") << "proxy-missing"
                                        << "proxy-token-missing"
                                        << "no-token-configured";
        QTest::newRow("proxy wrong token") << "proxy-wrong"
                                           << "proxy-token-invalid"
                                           << "token-rejected";
        QTest::newRow("corrupted record") << "corrupt"
                                          << "message-corrupted"
                                          << "record-integrity-failure";
        QTest::newRow("tls13 client cert") << "client-cert"
                                           << "client-credentials-missing"
                                           << "no-client-certificate";
    }
    void failuresExitOneWithTheirEntry()
    {
        QFETCH(QString, peer);
        QFETCH(QString, entry);
        QFETCH(QString, cause);

        TlsTestServer tls;
        tls.setCredentials(m_server.certificate(), m_server.key());
        QVERIFY(tls.listen());
        PlainTextServer plain;
        SilentListener silent;
        TestSecurityProxy proxy("right-token");
        CorruptingRelay relay(tls.port());
        TlsTestServer selfSignedServer;
        OpensslServer openssl;

        QStringList arguments = trustArguments();
        quint16 port = tls.port();
        QString target;
        if (peer == QLatin1String("refused")) {
            port = TestEnvironment::freeLoopbackPort();
        } else if (peer == QLatin1String("plain")) {
            QVERIFY(plain.listen());
            port = plain.port();
        } else if (peer == QLatin1String("silent")) {
            QVERIFY(silent.listen());
            port = silent.port();
            arguments << QStringLiteral("--timeout") << QStringLiteral("1");
        } else if (peer == QLatin1String("self-signed")) {
            TestPki::CertificateOptions options;
            options.dnsNames = {QStringLiteral("localhost")};
            const TestPki::Credential selfSigned = TestPki::makeSelfSigned(options);
            selfSignedServer.setCredentials(selfSigned.certificate(), selfSigned.key());
            QVERIFY(selfSignedServer.listen());
            port = selfSignedServer.port();
        } else if (peer == QLatin1String("proxy-expired")) {
            QVERIFY(proxy.listen());
            // A session link whose token expired: reported without contacting the proxy.
            target =
                QStringLiteral(
                    "tsunagi://connect?host=localhost&port=%1&tls=1&proxy=127.0.0.1:%2&token=right-token&"
                    "expires=2026-01-01T00:00:00Z")
                    .arg(port)
                    .arg(proxy.port());
        } else if (peer == QLatin1String("proxy-refused")) {
            arguments << QStringLiteral("--proxy")
                      << QStringLiteral("127.0.0.1:%1").arg(TestEnvironment::freeLoopbackPort());
        } else if (peer.startsWith(QLatin1String("proxy"))) {
            QVERIFY(proxy.listen());
            arguments << QStringLiteral("--proxy") << QStringLiteral("127.0.0.1:%1").arg(proxy.port());
            if (peer != QLatin1String("proxy-missing")) {
                const QString tokenFile = m_dir + QStringLiteral("/token.txt");
                QVERIFY(TestPki::writeFile(
                    tokenFile, peer == QLatin1String("proxy-wrong") ? "wrong-token\n" : "right-token\n"));
                arguments << QStringLiteral("--proxy-token-file") << tokenFile;
            }
            if (peer == QLatin1String("proxy-target-refused"))
                port = TestEnvironment::freeLoopbackPort();
        } else if (peer == QLatin1String("revoked")) {
            TestPki::CertificateOptions options;
            options.dnsNames = {QStringLiteral("localhost")};
            const TestPki::Credential revoked = TestPki::issue(m_ca, options);
            const QString crlFile = m_dir + QStringLiteral("/revoked.crl");
            QVERIFY(TestPki::writeFile(crlFile, TestPki::makeCrlPem(m_ca, {revoked.serial()})));
            selfSignedServer.setCredentials(revoked.certificate(), revoked.key());
            QVERIFY(selfSignedServer.listen());
            port = selfSignedServer.port();
            arguments << QStringLiteral("--revocation") << QStringLiteral("crl")
                      << QStringLiteral("--crl-file") << crlFile;
        } else if (peer == QLatin1String("trust-system")) {
            arguments = QStringList{QStringLiteral("--trust"), QStringLiteral("system")};
        } else if (peer == QLatin1String("ip-typed")) {
            TestPki::CertificateOptions options;
            options.dnsNames = {QStringLiteral("localhost")}; // no IP address in the certificate
            const TestPki::Credential dnsOnly = TestPki::issue(m_ca, options);
            selfSignedServer.setCredentials(dnsOnly.certificate(), dnsOnly.key());
            QVERIFY(selfSignedServer.listen());
            target = QStringLiteral("127.0.0.1:%1").arg(selfSignedServer.port());
        } else if (peer == QLatin1String("168")) {
            arguments << QStringLiteral("--encryption") << QStringLiteral("168");
        } else if (peer == QLatin1String("fips")) {
            if (TlsEnvironment::probeSystem().fipsProviderAvailable)
                QSKIP("this machine has OpenSSL's FIPS provider");
            arguments << QStringLiteral("--fips");
        } else if (peer == QLatin1String("tls12-only")) {
            selfSignedServer.setCredentials(m_server.certificate(), m_server.key());
            selfSignedServer.setProtocol(QSsl::TlsV1_2);
            QVERIFY(selfSignedServer.listen());
            port = selfSignedServer.port();
            arguments << QStringLiteral("--tls-min") << QStringLiteral("1.3");
        } else if (peer == QLatin1String("corrupt")) {
            QVERIFY(relay.listen());
            port = relay.port();
        } else if (peer == QLatin1String("client-cert")) {
            const QString certFile = m_dir + QStringLiteral("/server.pem");
            const QString keyFile = m_dir + QStringLiteral("/server.key");
            QVERIFY(m_server.writeCertificate(certFile));
            QVERIFY(m_server.writeKey(keyFile));
            QVERIFY2(openssl.start(certFile, keyFile,
                                   {QStringLiteral("-tls1_3"), QStringLiteral("-Verify"), QStringLiteral("1"),
                                    QStringLiteral("-CAfile"), m_caFile}),
                     qPrintable(openssl.output()));
            port = openssl.port();
        }

        for (const QString& language : {QStringLiteral("en"), QStringLiteral("ja")}) {
            const Run run =
                diagnose(QStringList{QStringLiteral("localhost:%1").arg(port)} + arguments +
                         QStringList{QStringLiteral("--json"), QStringLiteral("--lang"), language});
            QVERIFY2(run.exitCode == 1, qPrintable(explain(run)));
            QString missing;
            QVERIFY2(hasEveryField(run.json, &missing),
                     qPrintable(missing + QLatin1Char('\n') + explain(run)));
            QCOMPARE(run.json.value(QLatin1String("ok")).toBool(), false);
            QCOMPARE(run.json.value(QLatin1String("entry")).toString(), entry);
            QCOMPARE(run.json.value(QLatin1String("cause")).toString(), cause);
            QVERIFY(!run.json.value(QLatin1String("title")).toString().isEmpty());
            QVERIFY(!run.json.value(QLatin1String("remediation")).toArray().isEmpty());
            QVERIFY(!run.out.contains("right-token") && !run.out.contains("wrong-token")); // no secrets
            if (peer == QLatin1String("ip-typed")) {
                const QJsonArray suggested = run.json.value(QLatin1String("details"))
                                                 .toObject()
                                                 .value(QLatin1String("suggestedHosts"))
                                                 .toArray();
                QCOMPARE(suggested.first().toString(), QStringLiteral("localhost"));
            }
        }
        if (peer == QLatin1String("proxy-expired"))
            QCOMPARE(proxy.requestCount(), 0);
    }

    void otherSuccesses_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("through the security proxy") << "proxy";
        QTest::newRow("plain Telnet with --no-tls") << "plain";
        QTest::newRow("--no-hostname-check") << "no-hostname-check";
        QTest::newRow("PEM --client-cert and --client-key") << "client-pem";
        QTest::newRow("PKCS#12 --client-cert") << "client-p12";
        QTest::newRow("--crl-file, not revoked") << "crl-good";
    }
    void otherSuccesses()
    {
        QFETCH(QString, kind);
        TestPki::Credential otherName;
        TlsTestServer otherNameServer;
        OpensslServer openssl;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        TlsTestServer tls;
        tls.setCredentials(m_server.certificate(), m_server.key());
        QVERIFY(tls.listen());
        TestSecurityProxy proxy("right-token");
        QVERIFY(proxy.listen());
        PlainTextServer plain("\xff\xfb\x01\xff\xfb\x03login: ");
        QVERIFY(plain.listen());
        QStringList arguments{QStringLiteral("--json"), QStringLiteral("--observe"), QStringLiteral("0.5")};
        if (kind == QLatin1String("proxy")) {
            const QString tokenFile = m_dir + QStringLiteral("/right-token.txt");
            QVERIFY(TestPki::writeFile(tokenFile, "right-token\n"));
            arguments << QStringLiteral("localhost:%1").arg(tls.port()) << trustArguments()
                      << QStringLiteral("--proxy") << QStringLiteral("127.0.0.1:%1").arg(proxy.port())
                      << QStringLiteral("--proxy-token-file") << tokenFile;
        } else if (kind == QLatin1String("no-hostname-check")) {
            TestPki::CertificateOptions options;
            options.commonName = QStringLiteral("other.example");
            options.dnsNames = {QStringLiteral("other.example")};
            otherName = TestPki::issue(m_ca, options);
            otherNameServer.setCredentials(otherName.certificate(), otherName.key());
            QVERIFY(otherNameServer.listen());
            arguments << QStringLiteral("localhost:%1").arg(otherNameServer.port()) << trustArguments()
                      << QStringLiteral("--no-hostname-check");
        } else if (kind.startsWith(QLatin1String("client-"))) {
            const QString certFile = m_dir + QStringLiteral("/server.pem");
            const QString keyFile = m_dir + QStringLiteral("/server.key");
            QVERIFY(m_server.writeCertificate(certFile));
            QVERIFY(m_server.writeKey(keyFile));
            QVERIFY2(openssl.start(certFile, keyFile,
                                   {QStringLiteral("-tls1_3"), QStringLiteral("-Verify"), QStringLiteral("1"),
                                    QStringLiteral("-CAfile"), m_caFile}),
                     qPrintable(openssl.output()));
            const TestPki::Credential client = TestPki::issueClient(m_ca);
            arguments << QStringLiteral("localhost:%1").arg(openssl.port()) << trustArguments();
            if (kind == QLatin1String("client-pem")) {
                QVERIFY(client.writeCertificate(m_dir + QStringLiteral("/client.pem")));
                QVERIFY(client.writeKey(m_dir + QStringLiteral("/client.key")));
                arguments << QStringLiteral("--client-cert") << m_dir + QStringLiteral("/client.pem")
                          << QStringLiteral("--client-key") << m_dir + QStringLiteral("/client.key");
            } else {
                QVERIFY(client.writePkcs12(m_dir + QStringLiteral("/client.p12"), "p12-pass"));
                arguments << QStringLiteral("--client-cert") << m_dir + QStringLiteral("/client.p12");
                environment.insert(QStringLiteral("TSUNAGI_CLIENT_KEY_PASSPHRASE"),
                                   QStringLiteral("p12-pass"));
            }
        } else if (kind == QLatin1String("crl-good")) {
            const QString crlFile = m_dir + QStringLiteral("/empty.crl");
            QVERIFY(TestPki::writeFile(crlFile, TestPki::makeCrlPem(m_ca, {})));
            arguments << QStringLiteral("localhost:%1").arg(tls.port()) << trustArguments()
                      << QStringLiteral("--crl-file") << crlFile << QStringLiteral("--revocation-required");
        } else {
            arguments << QStringLiteral("telnet://127.0.0.1:%1").arg(plain.port());
        }
        const Run run = diagnose(arguments, environment);
        QVERIFY2(run.exitCode == 0, qPrintable(explain(run)));
        QString missing;
        QVERIFY2(hasEveryField(run.json, &missing), qPrintable(missing));
        if (kind == QLatin1String("proxy")) {
            QCOMPARE(proxy.tunnelCount(), 1);
            QCOMPARE(details(run, "protocol"), QStringLiteral("TLSv1.3"));
            QVERIFY(!run.out.contains("right-token"));
        } else if (kind != QLatin1String("plain")) {
            QCOMPARE(details(run, "protocol"), QStringLiteral("TLSv1.3"));
        } else {
            QCOMPARE(details(run, "protocol"), QString());
            // The host's WILL ECHO / WILL SGA were negotiated during --observe.
            const QJsonArray options = run.json.value(QLatin1String("details"))
                                           .toObject()
                                           .value(QLatin1String("telnetOptions"))
                                           .toArray();
            QVERIFY2(!options.isEmpty(), run.out.constData());
        }
    }

    void japaneseAndEnglishTextsDiffer()
    {
        const quint16 port = TestEnvironment::freeLoopbackPort();
        const QStringList arguments{QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--json")};
        const Run english = diagnose(arguments + QStringList{QStringLiteral("--lang"), QStringLiteral("en")});
        const Run japanese =
            diagnose(arguments + QStringList{QStringLiteral("--lang"), QStringLiteral("ja")});
        QCOMPARE(english.exitCode, 1);
        QCOMPARE(japanese.exitCode, 1);
        QCOMPARE(japanese.json.value(QLatin1String("entry")), english.json.value(QLatin1String("entry")));
        QVERIFY2(japanese.json.value(QLatin1String("title")) != english.json.value(QLatin1String("title")),
                 qPrintable(japanese.json.value(QLatin1String("title")).toString()));
        // Plain output (no --json) is the report a person reads.
        const Run text = diagnose(
            {QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--lang"), QStringLiteral("en")});
        QCOMPARE(text.exitCode, 1);
        QVERIFY(text.out.contains(english.json.value(QLatin1String("title")).toString().toUtf8()));
    }

    void profileTarget()
    {
        TlsTestServer server;
        server.setCredentials(m_server.certificate(), m_server.key());
        QVERIFY(server.listen());
        {
            ProfileManager profiles; // the store in TSUNAGI_CONFIG_DIR, which the child inherits
            QVERIFY(profiles.load().ok());
            Profile profile;
            profile.name = QStringLiteral("Diagnose me");
            profile.folder = QStringLiteral("Tests");
            profile.host = QStringLiteral("localhost");
            profile.port = server.port();
            profile.security.trustSource = TrustSource::App;
            profile.security.extraCaFiles = {m_caFile};
            // The scratch folder outlives a run: replace the profile a previous run left.
            if (const std::optional<Profile> previous = profiles.findProfile(profile.path()))
                profiles.removeProfile(previous->id);
            QVERIFY(profiles.addProfile(profile).ok());
        }
        const Run run =
            diagnose({QStringLiteral("--profile"), QStringLiteral("Tests/Diagnose me"),
                      QStringLiteral("--json"), QStringLiteral("--observe"), QStringLiteral("0")});
        QVERIFY2(run.exitCode == 0, qPrintable(explain(run)));
        QCOMPARE(run.json.value(QLatin1String("ok")).toBool(), true);

        const Run unknown = diagnose({QStringLiteral("--profile"), QStringLiteral("No such profile")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(!unknown.err.isEmpty());
    }

    void helpListsEveryOption()
    {
        const Run run = diagnose({QStringLiteral("--help"), QStringLiteral("--lang"), QStringLiteral("en")});
        QCOMPARE(run.exitCode, 0);
        for (const char* option : {"--no-tls",      "--tls-min",    "--tls-max",
                                   "--encryption",  "--trust",      "--ca-file",
                                   "--client-cert", "--client-key", "--no-hostname-check",
                                   "--revocation",  "--crl-file",   "--revocation-required",
                                   "--fips",        "--proxy",      "--proxy-token-file",
                                   "--timeout",     "--observe",    "--json",
                                   "--lang",        "--profile"})
            QVERIFY2(run.out.contains(option), option);
        const Run japanese =
            diagnose({QStringLiteral("--help"), QStringLiteral("--lang"), QStringLiteral("ja")});
        QCOMPARE(japanese.exitCode, 0);
        QVERIFY2(japanese.out.contains("使い方"), japanese.out.constData());
    }

    void badUsageExitsTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no target") << QStringList{};
        QTest::newRow("two targets") << QStringList{"a", "b"};
        QTest::newRow("unknown option") << QStringList{"h", "--frobnicate"};
        QTest::newRow("bad port") << QStringList{"h:99999"};
        QTest::newRow("bad tls-min") << QStringList{"h", "--tls-min", "2.0"};
        QTest::newRow("min above max") << QStringList{"h", "--tls-min", "1.3", "--tls-max", "1.2"};
        QTest::newRow("bad encryption") << QStringList{"h", "--encryption", "512"};
        QTest::newRow("bad trust") << QStringList{"h", "--trust", "everyone"};
        QTest::newRow("missing ca file") << QStringList{"h", "--ca-file", "/nonexistent/ca.pem"};
        QTest::newRow("bad revocation") << QStringList{"h", "--revocation", "maybe"};
        QTest::newRow("bad proxy") << QStringList{"h", "--proxy", "nohostport"};
        QTest::newRow("token without proxy") << QStringList{"h", "--proxy-token-file", "/dev/null"};
        QTest::newRow("bad timeout") << QStringList{"h", "--timeout", "soon"};
        QTest::newRow("bad observe") << QStringList{"h", "--observe", "-1"};
        QTest::newRow("bad lang") << QStringList{"h", "--lang", "xx"};
        QTest::newRow("telnets and no-tls") << QStringList{"telnets://h", "--no-tls"};
        QTest::newRow("value missing") << QStringList{"h", "--timeout"};
    }
    void badUsageExitsTwo()
    {
        QFETCH(QStringList, arguments);
        const Run run = diagnose(arguments);
        QVERIFY2(run.exitCode == 2, qPrintable(explain(run)));
        QVERIFY(!run.err.isEmpty());
        QVERIFY(run.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDiagnoseCommand)
#include "TestDiagnoseCommand.moc"
