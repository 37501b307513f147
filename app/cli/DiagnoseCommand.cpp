#include "cli/DiagnoseCommand.h"

#include "connection/Connection.h"
#include "core/Translations.h"
#include "demo/DemoLab.h"
#include "diagnosis/Classifier.h"
#include "diagnosis/DiagnosisReport.h"
#include "profiles/ProfileManager.h"
#include "profiles/SecretStore.h"
#include "terminal/TelnetProtocol.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimer>

#include <memory>

namespace {

constexpr qint64 kMaxTokenFileBytes = 64 * 1024;

struct Request
{
    ConnectionTarget target;
    SessionProtocol protocol = SessionProtocol::Telnet;
    int observeMs = 2000;
    bool json = false;
    QString language;
    std::shared_ptr<DemoLab> demoLab; // serves a Demo folder profile for the attempt
};

QString usageText()
{
    return QCoreApplication::translate(
        "DiagnoseCommand",
        "Usage: tsunagi --diagnose TARGET [options] [--json] [--lang ja|en]\n"
        "\n"
        "Tries one connection and explains the result. Exit status: 0 connected and verified,\n"
        "1 the connection failed and was diagnosed, 2 bad usage.\n"
        "\n"
        "  TARGET                     HOST[:PORT], telnets://HOST[:PORT], telnet://HOST[:PORT],\n"
        "                             a tsunagi://connect session link, or --profile NAME\n"
        "  --no-tls                   plain TCP\n"
        "  --tls-min V / --tls-max V  V = 1.0 | 1.1 | 1.2 | 1.3\n"
        "  --encryption LEVEL         default | recommended | 256 | 128 | 168\n"
        "  --trust SOURCE             system | app | both\n"
        "  --ca-file FILE             extra trusted CA certificates (PEM), repeatable\n"
        "  --client-cert FILE         PKCS#12 or PEM; --client-key FILE for a separate PEM key\n"
        "                             (passphrase from TSUNAGI_CLIENT_KEY_PASSPHRASE)\n"
        "  --no-hostname-check        do not require the certificate to name the host\n"
        "  --revocation MODE          off | ocsp | crl ;  --crl-file FILE, repeatable\n"
        "  --revocation-required      fail when no revocation answer can be had\n"
        "  --fips                     FIPS mode\n"
        "  --proxy HOST:PORT          security proxy; --proxy-token-file FILE\n"
        "  --timeout SECONDS          connect + handshake limit (default 30)\n"
        "  --observe SECONDS          after the handshake, keep reading this long (default 2)\n"
        "  --json                     print one JSON object\n"
        "  --lang ja|en               language of the report\n");
}

int usageError(const QString& message)
{
    QTextStream err(stderr);
    err << "tsunagi --diagnose: " << message << "\n\n" << usageText();
    return 2;
}

// HOST[:PORT], [V6]:PORT, telnet://HOST[:PORT], telnets://HOST[:PORT], or a tsunagi:// session link.
bool parseTarget(const QString& text, bool noTls, Request* request, QString* error)
{
    ConnectionTarget& target = request->target;
    if (text.contains(QLatin1String("://"))) {
        const SessionLinkResult parsed = SessionLinks::parse(text);
        if (!parsed.ok()) {
            *error = QCoreApplication::translate("DiagnoseCommand", "\"%1\" is not a valid target URL (%2).")
                         .arg(text, parsed.detail);
            return false;
        }
        if (noTls && parsed.link.tls && text.startsWith(QLatin1String("telnets:"), Qt::CaseInsensitive)) {
            *error =
                QCoreApplication::translate("DiagnoseCommand", "--no-tls contradicts the telnets:// target.");
            return false;
        }
        SessionLinks::applyTo(parsed.link, &target);
        if (noTls)
            target.security.tlsEnabled = false;
        return true;
    }
    QString host = text.trimmed();
    int port = -1;
    if (host.startsWith(QLatin1Char('['))) {
        const qsizetype close = host.indexOf(QLatin1Char(']'));
        if (close < 0) {
            *error = QCoreApplication::translate("DiagnoseCommand", "\"%1\" is not a valid host.").arg(text);
            return false;
        }
        const QString rest = host.mid(close + 1);
        host = host.mid(1, close - 1);
        if (!rest.isEmpty()) {
            bool ok = false;
            port = rest.startsWith(QLatin1Char(':')) ? rest.mid(1).toInt(&ok) : -1;
            if (!ok)
                port = 0;
        }
    } else if (host.count(QLatin1Char(':')) == 1) {
        bool ok = false;
        port = host.section(QLatin1Char(':'), 1).toInt(&ok);
        if (!ok)
            port = 0;
        host = host.section(QLatin1Char(':'), 0, 0);
    }
    if (host.isEmpty() || host.contains(QLatin1Char(' ')) || host.contains(QLatin1Char('/'))) {
        *error = QCoreApplication::translate("DiagnoseCommand", "\"%1\" is not a valid host.").arg(text);
        return false;
    }
    if (port == 0 || port > 65535) {
        *error = QCoreApplication::translate("DiagnoseCommand",
                                             "The port in \"%1\" must be a number from 1 to 65535.")
                     .arg(text);
        return false;
    }
    target.host = host;
    target.security.tlsEnabled = !noTls;
    target.port = port > 0 ? quint16(port) : Profile::defaultPort(SessionProtocol::Telnet, !noTls);
    return true;
}

bool parseSeconds(const QString& text, double minimum, double* seconds)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || value < minimum || value > 3600)
        return false;
    *seconds = value;
    return true;
}

bool readableFile(const QString& path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isReadable();
}

// Builds the request from the command line; a message in *error means exit status 2.
bool buildRequest(const QStringList& arguments, Request* request, QString* error)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption diagnose(QStringLiteral("diagnose"));
    const QCommandLineOption profile(QStringLiteral("profile"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption noTls(QStringLiteral("no-tls"));
    const QCommandLineOption tlsMin(QStringLiteral("tls-min"), QString(), QStringLiteral("V"));
    const QCommandLineOption tlsMax(QStringLiteral("tls-max"), QString(), QStringLiteral("V"));
    const QCommandLineOption encryption(QStringLiteral("encryption"), QString(), QStringLiteral("LEVEL"));
    const QCommandLineOption trust(QStringLiteral("trust"), QString(), QStringLiteral("SOURCE"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption clientCert(QStringLiteral("client-cert"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption clientKey(QStringLiteral("client-key"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption noHostnameCheck(QStringLiteral("no-hostname-check"));
    const QCommandLineOption revocation(QStringLiteral("revocation"), QString(), QStringLiteral("MODE"));
    const QCommandLineOption crlFile(QStringLiteral("crl-file"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption revocationRequired(QStringLiteral("revocation-required"));
    const QCommandLineOption fips(QStringLiteral("fips"));
    const QCommandLineOption proxy(QStringLiteral("proxy"), QString(), QStringLiteral("HOST:PORT"));
    const QCommandLineOption proxyTokenFile(QStringLiteral("proxy-token-file"), QString(),
                                            QStringLiteral("FILE"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), QString(), QStringLiteral("SECONDS"));
    const QCommandLineOption observe(QStringLiteral("observe"), QString(), QStringLiteral("SECONDS"));
    const QCommandLineOption json(QStringLiteral("json"));
    const QCommandLineOption lang(QStringLiteral("lang"), QString(), QStringLiteral("LANG"));
    const QCommandLineOption configDir(QStringLiteral("config-dir"), QString(), QStringLiteral("DIR"));
    parser.addOptions(
        {diagnose,       profile,   noTls,           tlsMin,     tlsMax,  encryption,         trust, caFile,
         clientCert,     clientKey, noHostnameCheck, revocation, crlFile, revocationRequired, fips,  proxy,
         proxyTokenFile, timeout,   observe,         json,       lang,    configDir});
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    const QStringList positional = parser.positionalArguments();
    ConnectionTarget& target = request->target;

    // The target: a profile, or what was typed.
    if (parser.isSet(profile)) {
        if (!positional.isEmpty()) {
            *error = QCoreApplication::translate("DiagnoseCommand",
                                                 "Give either a TARGET or --profile NAME, not both.");
            return false;
        }
        ProfileManager profiles;
        const ProfileError loadError = profiles.load();
        if (!loadError.ok()) {
            *error = loadError.message;
            return false;
        }
        ProfileError findError;
        const std::optional<Profile> found = profiles.findProfile(parser.value(profile), &findError);
        if (!found) {
            *error = findError.message.isEmpty()
                         ? QCoreApplication::translate("DiagnoseCommand", "No profile named \"%1\".")
                               .arg(parser.value(profile))
                         : findError.message;
            return false;
        }
        target.host = found->host;
        target.port = found->port;
        target.security = found->security;
        target.timeoutMs = found->connectTimeoutSeconds * 1000; // --timeout still overrides
        request->protocol = found->protocol;
        // A Demo folder profile: its hosts live in the demo lab, started here on this run's ports.
        const auto& scenarios = DemoLab::scenarios();
        const auto demo =
            std::find_if(scenarios.cbegin(), scenarios.cend(), [&found](const DemoLab::Scenario& s) {
                return DemoLab::profileId(s.key) == found->id;
            });
        if (demo != scenarios.cend()) {
            request->demoLab = std::make_shared<DemoLab>();
            QString demoError;
            if (!request->demoLab->start(&demoError)) {
                *error = QCoreApplication::translate("DiagnoseCommand", "The demo lab could not start: %1")
                             .arg(demoError);
                return false;
            }
            const Profile served = request->demoLab->profile(demo->key);
            target.host = served.host;
            target.port = served.port;
            target.security = served.security;
            target.timeoutMs = served.connectTimeoutSeconds * 1000;
        }
        // Secrets come from the keychain; a missing one is simply not sent (the proxy says so).
        SecretStore secrets;
        if (found->security.proxy.enabled && !found->security.proxy.tokenFromSessionLink) {
            const SecretStore::Result token = secrets.readBlocking(found->id, SecretStore::Kind::ProxyToken);
            if (token.ok())
                target.proxyToken = SecretBytes(token.secret.toUtf8());
        }
        if (found->security.clientCertificate.isSet()) {
            const SecretStore::Result passphrase =
                secrets.readBlocking(found->id, SecretStore::Kind::ClientKeyPassphrase);
            if (passphrase.ok())
                target.clientKeyPassphrase = SecretBytes(passphrase.secret.toUtf8());
        }
        if (parser.isSet(noTls))
            target.security.tlsEnabled = false;
    } else {
        if (positional.isEmpty()) {
            *error = QCoreApplication::translate("DiagnoseCommand", "No TARGET given.");
            return false;
        }
        if (positional.size() > 1) {
            *error = QCoreApplication::translate("DiagnoseCommand",
                                                 "Only one TARGET can be diagnosed at a time (got \"%1\").")
                         .arg(positional.join(QLatin1Char(' ')));
            return false;
        }
        if (!parseTarget(positional.first(), parser.isSet(noTls), request, error))
            return false;
    }

    SecuritySettings& security = target.security;
    if (parser.isSet(tlsMin) &&
        !SecuritySettingsNames::parseTlsVersion(parser.value(tlsMin), &security.minimumVersion)) {
        *error = QCoreApplication::translate("DiagnoseCommand",
                                             "--tls-min takes 1.0, 1.1, 1.2 or 1.3, not \"%1\".")
                     .arg(parser.value(tlsMin));
        return false;
    }
    if (parser.isSet(tlsMax) &&
        !SecuritySettingsNames::parseTlsVersion(parser.value(tlsMax), &security.maximumVersion)) {
        *error = QCoreApplication::translate("DiagnoseCommand",
                                             "--tls-max takes 1.0, 1.1, 1.2 or 1.3, not \"%1\".")
                     .arg(parser.value(tlsMax));
        return false;
    }
    if (int(security.minimumVersion) > int(security.maximumVersion)) {
        *error = QCoreApplication::translate("DiagnoseCommand",
                                             "The minimum TLS version is higher than the maximum.");
        return false;
    }
    if (parser.isSet(encryption) && !SecuritySettingsNames::parseEncryptionStrength(
                                        parser.value(encryption), &security.encryptionStrength)) {
        *error =
            QCoreApplication::translate(
                "DiagnoseCommand", "--encryption takes default, recommended, 256, 128 or 168, not \"%1\".")
                .arg(parser.value(encryption));
        return false;
    }
    if (parser.isSet(trust) &&
        !SecuritySettingsNames::parseTrustSource(parser.value(trust), &security.trustSource)) {
        *error =
            QCoreApplication::translate("DiagnoseCommand", "--trust takes system, app or both, not \"%1\".")
                .arg(parser.value(trust));
        return false;
    }
    for (const QString& file : parser.values(caFile)) {
        if (!readableFile(file)) {
            *error =
                QCoreApplication::translate("DiagnoseCommand", "Cannot read the CA file \"%1\".").arg(file);
            return false;
        }
        security.extraCaFiles.append(QFileInfo(file).absoluteFilePath());
    }
    if (parser.isSet(clientCert)) {
        const QString file = parser.value(clientCert);
        if (!readableFile(file)) {
            *error =
                QCoreApplication::translate("DiagnoseCommand", "Cannot read the client certificate \"%1\".")
                    .arg(file);
            return false;
        }
        QFile in(file);
        const bool pem = in.open(QIODevice::ReadOnly) && in.read(64 * 1024).contains("-----BEGIN");
        security.clientCertificate = {};
        if (pem)
            security.clientCertificate.certificateFile = QFileInfo(file).absoluteFilePath();
        else
            security.clientCertificate.pkcs12File = QFileInfo(file).absoluteFilePath();
        // Not a command-line argument (it would show in the process list): from the environment.
        const QByteArray passphrase = qgetenv("TSUNAGI_CLIENT_KEY_PASSPHRASE");
        if (!passphrase.isEmpty())
            target.clientKeyPassphrase = SecretBytes(passphrase);
    }
    if (parser.isSet(clientKey)) {
        const QString file = parser.value(clientKey);
        if (!parser.isSet(clientCert) && security.clientCertificate.certificateFile.isEmpty()) {
            *error = QCoreApplication::translate("DiagnoseCommand",
                                                 "--client-key needs --client-cert with a PEM certificate.");
            return false;
        }
        if (!readableFile(file)) {
            *error = QCoreApplication::translate("DiagnoseCommand", "Cannot read the client key \"%1\".")
                         .arg(file);
            return false;
        }
        security.clientCertificate.keyFile = QFileInfo(file).absoluteFilePath();
    }
    if (parser.isSet(noHostnameCheck))
        security.verifyHostName = false;
    if (parser.isSet(revocation) &&
        !SecuritySettingsNames::parseRevocationMode(parser.value(revocation), &security.revocation)) {
        *error =
            QCoreApplication::translate("DiagnoseCommand", "--revocation takes off, ocsp or crl, not \"%1\".")
                .arg(parser.value(revocation));
        return false;
    }
    for (const QString& file : parser.values(crlFile)) {
        if (!readableFile(file)) {
            *error =
                QCoreApplication::translate("DiagnoseCommand", "Cannot read the CRL file \"%1\".").arg(file);
            return false;
        }
        security.crlFiles.append(QFileInfo(file).absoluteFilePath());
        if (!parser.isSet(revocation) && security.revocation == RevocationMode::Off)
            security.revocation = RevocationMode::Crl;
    }
    if (parser.isSet(revocationRequired))
        security.revocationRequired = true;
    if (parser.isSet(fips))
        security.fipsMode = true;
    if (parser.isSet(proxy)) {
        const QString value = parser.value(proxy);
        const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const uint port = colon > 0 ? value.mid(colon + 1).toUInt(&ok) : 0;
        QString host = value.left(colon);
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        if (!ok || port == 0 || port > 65535 || host.isEmpty()) {
            *error = QCoreApplication::translate("DiagnoseCommand", "--proxy takes HOST:PORT, not \"%1\".")
                         .arg(value);
            return false;
        }
        security.proxy.enabled = true;
        security.proxy.host = host;
        security.proxy.port = quint16(port);
    }
    if (parser.isSet(proxyTokenFile)) {
        QFile file(parser.value(proxyTokenFile));
        if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxTokenFileBytes) {
            *error =
                QCoreApplication::translate("DiagnoseCommand", "Cannot read the proxy token file \"%1\".")
                    .arg(parser.value(proxyTokenFile));
            return false;
        }
        target.proxyToken = SecretBytes(file.read(kMaxTokenFileBytes).trimmed());
        target.proxyTokenExpiry.reset();
        if (!security.proxy.enabled) {
            *error = QCoreApplication::translate(
                "DiagnoseCommand", "--proxy-token-file needs --proxy (or a profile with a security proxy).");
            return false;
        }
    }
    if (parser.isSet(timeout)) {
        double seconds = 0;
        if (!parseSeconds(parser.value(timeout), 0.1, &seconds)) {
            *error = QCoreApplication::translate(
                         "DiagnoseCommand", "--timeout takes a number of seconds greater than 0, not \"%1\".")
                         .arg(parser.value(timeout));
            return false;
        }
        target.timeoutMs = int(seconds * 1000);
    }
    if (parser.isSet(observe)) {
        double seconds = 0;
        if (!parseSeconds(parser.value(observe), 0, &seconds)) {
            *error = QCoreApplication::translate(
                         "DiagnoseCommand", "--observe takes a number of seconds (0 or more), not \"%1\".")
                         .arg(parser.value(observe));
            return false;
        }
        request->observeMs = int(seconds * 1000);
    }
    request->json = parser.isSet(json);
    const QString language = Translations::normalize(parser.value(lang));
    request->language = language.isEmpty() ? Translations::systemLanguage() : language;
    return true;
}

// One attempt, then --observe seconds of reading; returns the record with Telnet options added.
ConnectionRecord runAttempt(const Request& request)
{
    Connection connection;
    QEventLoop loop;
    QTimer observeTimer;
    observeTimer.setSingleShot(true);
    std::unique_ptr<TelnetProtocol> telnet;
    if (request.protocol == SessionProtocol::Telnet) {
        telnet = std::make_unique<TelnetProtocol>(TelnetProtocol::Settings{});
        telnet->onData = [](QByteArrayView) {};
        telnet->onSend = [&connection](QByteArrayView bytes) { connection.write(bytes.toByteArray()); };
    }
    QObject::connect(&connection, &Connection::established, &loop, [&] {
        if (telnet)
            telnet->start();
        observeTimer.start(request.observeMs);
    });
    QObject::connect(&connection, &Connection::dataReceived, &loop, [&](const QByteArray& data) {
        if (telnet)
            telnet->receive(data);
    });
    QObject::connect(&connection, &Connection::failed, &loop, &QEventLoop::quit);
    QObject::connect(&connection, &Connection::closed, &loop, &QEventLoop::quit);
    QObject::connect(&observeTimer, &QTimer::timeout, &loop, &QEventLoop::quit);
    connection.start(request.target);
    if (connection.state() == ConnectionState::Running || connection.state() == ConnectionState::Failed)
        loop.exec();
    ConnectionRecord record = connection.record();
    if (telnet)
        record.telnetOptions = telnet->negotiatedOptions();
    connection.abort();
    return record;
}

} // namespace

namespace DiagnoseCommand {

int run(const QStringList& arguments)
{
    if (arguments.contains(QLatin1String("--help")) || arguments.contains(QLatin1String("-h"))) {
        QTextStream(stdout) << usageText();
        return 0;
    }
    Request request;
    QString error;
    if (!buildRequest(arguments, &request, &error))
        return usageError(error);

    const ConnectionRecord record = runAttempt(request);
    const DiagnosisContext context = Classifier::probedContext(request.target.security, request.target.host);
    const Diagnosis diagnosis = Classifier::classify(record, context);

    QTextStream out(stdout);
    out.setEncoding(QStringConverter::Utf8);
    if (request.json)
        out << QJsonDocument(DiagnosisReport::toJson(diagnosis, record, request.language))
                   .toJson(QJsonDocument::Indented);
    else
        out << DiagnosisReport::toText(diagnosis, record, request.language) << '\n';
    out.flush();
    return diagnosis.ok() ? 0 : 1;
}

} // namespace DiagnoseCommand
