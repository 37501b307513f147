// A session that uses every secret Tsunagi knows (a client key passphrase and a security-proxy
// token from the keychain, a token from a session link), followed by a failed attempt that is
// diagnosed; then every place text ends up is searched for the secrets: the profile file, the
// session log, `--diagnose` output (text and JSON), "Copy for support", and Tsunagi's own log
// (every qDebug/qInfo/qWarning the process wrote).
#include "cli/DiagnoseCommand.h"
#include "demo/ClientCertificateServer.h"
#include "diagnosis/DiagnosisReport.h"
#include "LoopbackPeers.h"
#include "profiles/ProfileManager.h"
#include "profiles/SecretStore.h"
#include "session/Session.h"
#include "terminal/TerminalModel.h"
#include "TestEnvironment.h"
#include "TestPki.h"

#include <QDirIterator>
#include <QFile>
#include <QMutex>
#include <QTest>

#include <cstdio>
#include <unistd.h>

namespace {

const QByteArray kPassphrase = "Vq7rT2xK9mLp-phrase";
const QByteArray kProxyToken = "Hs4wN8cJ1zQe-token";
const QByteArray kLinkToken = "Gd2yB6fR3tUa-link";

QMutex g_logMutex;
QByteArray g_log; // Tsunagi's own log: everything that went through Qt's message handler
QtMessageHandler g_previous = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log += message.toUtf8() + '\n';
    }
    g_previous(type, context, message);
}

// What the secrets could look like in text: as they are, base64, hex, percent-encoded, and their
// distinctive first 12 characters (a truncated copy).
QList<QByteArray> disguises(const QByteArray& secret)
{
    return {secret, secret.toBase64(), secret.toHex(), secret.toPercentEncoding(), secret.left(12)};
}

// Runs `tsunagi --diagnose ARGS` in this process and returns what it printed on stdout.
QByteArray diagnose(const QStringList& arguments, int* status)
{
    const QString capture =
        TestEnvironment::freshDir(QStringLiteral("diagnose-out")) + QStringLiteral("/stdout");
    fflush(stdout);
    const int saved = dup(STDOUT_FILENO);
    FILE* file = fopen(capture.toLocal8Bit().constData(), "w");
    dup2(fileno(file), STDOUT_FILENO);
    *status = DiagnoseCommand::run(QStringList{QStringLiteral("tsunagi"), QStringLiteral("--diagnose")} +
                                   arguments);
    fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    fclose(file);
    QFile out(capture);
    return out.open(QIODevice::ReadOnly) ? out.readAll() : QByteArray();
}

} // namespace

class TestSecretsNeverLeak : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { g_previous = qInstallMessageHandler(captureMessage); }
    void cleanupTestCase() { qInstallMessageHandler(g_previous); }

    void noSecretAnywhereAfterASessionThatUsedThemAll()
    {
        const QString dir = TestEnvironment::freshDir(QStringLiteral("secrets"));
        const TestPki::Credential ca = TestPki::makeCa(QStringLiteral("Secrets Test CA"));
        const TestPki::Credential server = TestPki::issueServer(ca);
        TestPki::CertificateOptions clientOptions;
        clientOptions.commonName = QStringLiteral("operator");
        clientOptions.dnsNames = {};
        clientOptions.serverAuth = false;
        clientOptions.clientAuth = true;
        const TestPki::Credential client = TestPki::issue(ca, clientOptions);
        QVERIFY(ca.writeCertificate(dir + QStringLiteral("/ca.pem")));
        QVERIFY(client.writeCertificate(dir + QStringLiteral("/client.pem")));
        {
            QFile key(dir + QStringLiteral("/client.key"));
            QVERIFY(key.open(QIODevice::WriteOnly));
            key.write(client.encryptedKeyPem(kPassphrase));
        }

        ClientCertificateServer host; // TLS 1.3, demands a client certificate from our CA, echoes
        QVERIFY(host.setCredentials(server.certificatePem(), server.keyPem(), ca.certificatePem()));
        QVERIFY(host.listen());
        TestSecurityProxy proxy(kProxyToken);
        QVERIFY(proxy.listen());
        TestSecurityProxy linkProxy(kLinkToken);
        QVERIFY(linkProxy.listen());

        // The profile, saved where the application keeps it; the secrets in the keychain.
        Profile profile;
        profile.name = QStringLiteral("Secret session");
        profile.host = QStringLiteral("localhost");
        profile.port = host.port();
        profile.protocol = SessionProtocol::Raw;
        profile.security.trustSource = TrustSource::App;
        profile.security.extraCaFiles = {dir + QStringLiteral("/ca.pem")};
        profile.security.clientCertificate.certificateFile = dir + QStringLiteral("/client.pem");
        profile.security.clientCertificate.keyFile = dir + QStringLiteral("/client.key");
        profile.security.proxy.enabled = true;
        profile.security.proxy.host = QStringLiteral("127.0.0.1");
        profile.security.proxy.port = proxy.port();
        profile.logging.mode = LoggingSettings::Mode::Raw;
        profile.logging.pathPattern = dir + QStringLiteral("/logs/%N-raw.log");
        QFile::remove(ProfileManager().storeFile()); // a fresh store on every run
        ProfileManager profiles;
        QVERIFY(profiles.load().ok());
        QVERIFY(profiles.addProfile(profile).ok());
        SecretStore secrets;
        QVERIFY(secrets
                    .writeBlocking(profile.id, SecretStore::Kind::ClientKeyPassphrase,
                                   QString::fromUtf8(kPassphrase))
                    .ok());
        QVERIFY(
            secrets.writeBlocking(profile.id, SecretStore::Kind::ProxyToken, QString::fromUtf8(kProxyToken))
                .ok());

        QByteArrayList places; // name, then text
        auto collect = [&](const QString& name, const QByteArray& text) { places << name.toUtf8() << text; };

        // 1. The session through the proxy with the token, the encrypted client key, a raw log.
        {
            Session session(profile);
            session.open();
            QTRY_VERIFY_WITH_TIMEOUT(session.isConnected(), 20000);
            QTRY_VERIFY(
                session.terminal()->screenText().contains(QLatin1String("client certificate accepted")));
            QCOMPARE(proxy.tunnelCount(), 1);
            QCOMPARE(host.handshakesCompleted(), 1); // the encrypted client key was unlocked
            session.sendText(QStringLiteral("typed by the user\r"));
            QTRY_VERIFY(session.terminal()->screenText().contains(QLatin1String("typed by the user")));
            collect(QStringLiteral("support report (connected)"),
                    DiagnosisReport::supportReport(session.failure(), session.record()).toUtf8());
            session.close();
        }
        // A text log too.
        profile.logging.mode = LoggingSettings::Mode::Text;
        profile.logging.pathPattern = dir + QStringLiteral("/logs/%N-text.log");
        QVERIFY(profiles.updateProfile(profile).ok());
        {
            Session session(profile);
            session.open();
            QTRY_VERIFY_WITH_TIMEOUT(session.isConnected(), 20000);
            QTRY_VERIFY(
                session.terminal()->screenText().contains(QLatin1String("client certificate accepted")));
            session.close();
        }

        // 2. A session link's token, through a proxy that rejects it: a failure to diagnose.
        {
            Profile linked = profile;
            linked.id = QUuid::createUuid();
            linked.security.proxy.port = linkProxy.port();
            linked.security.proxy.tokenFromSessionLink = true;
            linked.logging.mode = LoggingSettings::Mode::Off;
            QVERIFY(secrets
                        .writeBlocking(linked.id, SecretStore::Kind::ClientKeyPassphrase,
                                       QString::fromUtf8(kPassphrase))
                        .ok());
            Session session(linked);
            session.setSessionLinkToken(SecretBytes(kLinkToken + "-wrong"), std::nullopt);
            session.open();
            QTRY_VERIFY_WITH_TIMEOUT(session.state() == Session::State::Failed, 20000);
            QCOMPARE(session.failure().entryId, QStringLiteral("proxy-token-invalid"));
            const QByteArray report =
                DiagnosisReport::supportReport(session.failure(), session.record()).toUtf8();
            collect(QStringLiteral("support report (rejected link token)"), report);
            collect(
                QStringLiteral("error dialog text (ja)"),
                DiagnosisReport::toText(session.failure(), session.record(), QStringLiteral("ja")).toUtf8());
            QVERIFY(!report.contains("-wrong"));
        }

        // 3. --diagnose on the profile (it reads both secrets from the keychain), text and JSON.
        int status = -1;
        collect(QStringLiteral("--diagnose"), diagnose({QStringLiteral("--profile"), profile.name}, &status));
        QCOMPARE(status, 0);
        collect(QStringLiteral("--diagnose --json"),
                diagnose({QStringLiteral("--profile"), profile.name, QStringLiteral("--json")}, &status));
        QCOMPARE(status, 0);
        // ... and a failing one: the proxy refuses a token file's token.
        {
            QFile tokenFile(dir + QStringLiteral("/token.txt"));
            QVERIFY(tokenFile.open(QIODevice::WriteOnly));
            tokenFile.write(kLinkToken + "-x\n");
        }
        collect(QStringLiteral("--diagnose (token rejected)"),
                diagnose({QStringLiteral("localhost:%1").arg(host.port()), QStringLiteral("--trust"),
                          QStringLiteral("app"), QStringLiteral("--ca-file"), dir + QStringLiteral("/ca.pem"),
                          QStringLiteral("--proxy"), QStringLiteral("127.0.0.1:%1").arg(linkProxy.port()),
                          QStringLiteral("--proxy-token-file"), dir + QStringLiteral("/token.txt"),
                          QStringLiteral("--json")},
                         &status));
        QCOMPARE(status, 1);

        // 4. The files: the profile store, the logs, everything else in the config and data folders.
        int logFiles = 0;
        for (const QString& root :
             {qEnvironmentVariable("TSUNAGI_CONFIG_DIR"), qEnvironmentVariable("TSUNAGI_DATA_DIR"),
              dir + QStringLiteral("/logs")}) {
            QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString file = it.next();
                QFile f(file);
                QVERIFY(f.open(QIODevice::ReadOnly));
                collect(file, f.readAll());
                logFiles += file.endsWith(QLatin1String(".log"));
            }
        }
        QCOMPARE(logFiles, 2);
        {
            QMutexLocker lock(&g_logMutex);
            collect(QStringLiteral("Tsunagi's own log"), g_log);
        }

        // The search itself must be able to fail: the greeting is in the log, the profile in the
        // store, and every report really was written.
        for (qsizetype i = 0; i < places.size(); i += 2)
            QVERIFY2(!places.at(i + 1).isEmpty() || places.at(i).startsWith("Tsunagi's own log"),
                     places.at(i).constData());
        const QByteArray everything = places.join('\n');
        QVERIFY(everything.contains("client certificate accepted"));
        QVERIFY(everything.contains("Secret session"));
        for (qsizetype i = 0; i < places.size(); i += 2) {
            for (const QByteArray& secret : {kPassphrase, kProxyToken, kLinkToken}) {
                for (const QByteArray& form : disguises(secret))
                    QVERIFY2(!places.at(i + 1).contains(form),
                             qPrintable(QStringLiteral("%1 contains %2")
                                            .arg(QString::fromUtf8(places.at(i)), QString::fromUtf8(form))));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestSecretsNeverLeak)
#include "TestSecretsNeverLeak.moc"
