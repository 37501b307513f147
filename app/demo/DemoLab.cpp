#include "demo/DemoLab.h"

#include "core/AppPaths.h"
#include "demo/ClientCertificateServer.h"
#include "demo/DemoPki.h"
#include "demo/DemoTelnetHost.h"
#include "demo/LoopbackPeers.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr qint64 kDay = 24 * 3600;
constexpr int kDemoTimeoutSeconds = 10;
constexpr int kSilentServerTimeoutSeconds = 3; // the handshake-timeout demo should not keep you waiting

// The demo PKI's files, under directory()/pki. Every leaf names "localhost" (never 127.0.0.1,
// so that typing the address shows the host-name error), except where the scenario says.
const QStringList kLeafRoles = {
    QStringLiteral("host"),          QStringLiteral("expired"),     QStringLiteral("not-yet-valid"),
    QStringLiteral("untrusted"),     QStringLiteral("self-signed"), QStringLiteral("full-name"),
    QStringLiteral("pinned-before"), QStringLiteral("pinned-now"),
};

QString pkiDirectory()
{
    return DemoLab::directory() + QStringLiteral("/pki");
}
QString certificatePath(const QString& role)
{
    return pkiDirectory() + QLatin1Char('/') + role + QStringLiteral(".pem");
}
QString keyPath(const QString& role)
{
    return pkiDirectory() + QLatin1Char('/') + role + QStringLiteral(".key");
}

bool writePrivate(const QString& path, const QByteArray& contents, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(contents);
    if (!file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

struct Identity
{
    QSslCertificate certificate;
    QSslKey key;
};

DemoPki::CertificateOptions localhostOptions()
{
    DemoPki::CertificateOptions options;
    options.commonName = QStringLiteral("localhost");
    options.organization = QStringLiteral("Tsunagi Demo");
    options.dnsNames = {QStringLiteral("localhost")};
    options.notBeforeOffsetSecs = -kDay;
    options.notAfterOffsetSecs = 2 * 365 * kDay;
    return options;
}

bool generatePki(QString* error)
{
    if (!QDir().mkpath(pkiDirectory()) || !QDir().mkpath(QFileInfo(DemoLab::trustScopeFile()).path())) {
        *error = QStringLiteral("cannot create %1").arg(DemoLab::directory());
        return false;
    }
    DemoPki::CertificateOptions caOptions;
    caOptions.commonName = QStringLiteral("Tsunagi Demo CA");
    caOptions.organization = QStringLiteral("Tsunagi Demo");
    caOptions.isCa = true;
    caOptions.notBeforeOffsetSecs = -kDay;
    caOptions.notAfterOffsetSecs = 5 * 365 * kDay;
    const DemoPki::Credential ca = DemoPki::makeSelfSigned(caOptions);
    caOptions.commonName = QStringLiteral("Tsunagi Demo Untrusted CA");
    const DemoPki::Credential untrustedCa = DemoPki::makeSelfSigned(caOptions);
    if (ca.isNull() || untrustedCa.isNull()) {
        *error = QStringLiteral("libcrypto could not make the demo certificate authorities");
        return false;
    }

    QHash<QString, DemoPki::Credential> leaves;
    leaves.insert(QStringLiteral("host"), DemoPki::issue(ca, localhostOptions()));
    DemoPki::CertificateOptions options = localhostOptions();
    options.notBeforeOffsetSecs = -60 * kDay;
    options.notAfterOffsetSecs = -30 * kDay;
    leaves.insert(QStringLiteral("expired"), DemoPki::issue(ca, options));
    options = localhostOptions();
    options.notBeforeOffsetSecs = 10 * 365 * kDay;
    options.notAfterOffsetSecs = 11 * 365 * kDay;
    leaves.insert(QStringLiteral("not-yet-valid"), DemoPki::issue(ca, options));
    leaves.insert(QStringLiteral("untrusted"), DemoPki::issue(untrustedCa, localhostOptions()));
    leaves.insert(QStringLiteral("self-signed"), DemoPki::makeSelfSigned(localhostOptions()));
    options = localhostOptions();
    options.commonName = QStringLiteral("localhost.tsunagi.test");
    options.dnsNames = {options.commonName};
    leaves.insert(QStringLiteral("full-name"), DemoPki::issue(ca, options));
    leaves.insert(QStringLiteral("pinned-before"), DemoPki::makeSelfSigned(localhostOptions()));
    leaves.insert(QStringLiteral("pinned-now"), DemoPki::makeSelfSigned(localhostOptions()));

    for (const QString& role : kLeafRoles) {
        const DemoPki::Credential& leaf = leaves.value(role);
        if (leaf.isNull()) {
            *error = QStringLiteral("libcrypto could not make the demo certificate \"%1\"").arg(role);
            return false;
        }
        if (!writePrivate(keyPath(role), leaf.keyPem(), error) ||
            !writePrivate(certificatePath(role), leaf.certificatePem(), error))
            return false;
    }
    // The trust scope last: its presence says the PKI is complete.
    return writePrivate(DemoLab::trustScopeFile(), ca.certificatePem(), error);
}

Identity loadIdentity(const QString& role)
{
    Identity identity;
    identity.certificate = QSslCertificate::fromPath(certificatePath(role)).value(0);
    QFile key(keyPath(role));
    if (key.open(QIODevice::ReadOnly))
        identity.key = QSslKey(key.readAll(), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    return identity;
}

// The kept PKI is usable when every file is there and the valid certificates stay valid for a week.
bool pkiUsable()
{
    const QSslCertificate ca = QSslCertificate::fromPath(DemoLab::trustScopeFile()).value(0);
    const QDateTime soon = QDateTime::currentDateTimeUtc().addDays(7);
    if (ca.isNull() || ca.expiryDate() < soon)
        return false;
    for (const QString& role : kLeafRoles) {
        const Identity identity = loadIdentity(role);
        if (identity.certificate.isNull() || identity.key.isNull())
            return false;
    }
    return loadIdentity(QStringLiteral("host")).certificate.expiryDate() > soon;
}

// A TCP socket bound to a loopback port that never listens: connecting to it is refused, and
// while the lab holds it no other program can take the port.
class ClosedPort final
{
public:
    ~ClosedPort() { close(); }
    bool open()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof(address);
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
            ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
            close();
            return false;
        }
        m_port = ntohs(address.sin_port);
        return true;
    }
    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
        m_port = 0;
    }
    quint16 port() const { return m_port; }

private:
    int m_fd = -1;
    quint16 m_port = 0;
};

} // namespace

struct DemoLab::Servers
{
    DemoTelnetHost telnetHost;
    DemoTlsServer expired;
    DemoTlsServer notYetValid;
    DemoTlsServer untrusted;
    DemoTlsServer selfSigned;
    DemoTlsServer localhostOnly;
    DemoTlsServer fullName;
    ClientCertificateServer clientCertificate;
    DemoTlsServer tls12Only;
    DemoTlsServer oneCipher;
    SilentListener silent;
    DemoTlsServer corruptedUpstream;
    std::unique_ptr<CorruptingRelay> corrupting;
    PlainTextServer plainText{"Welcome to the plain-text demo service (no TLS here)\r\nlogin: "};
    ClosedPort closedPort;
    std::unique_ptr<DemoSecurityProxy> proxy;
    DemoTlsServer pinned;
    QByteArray pinnedBeforeSha256;
    QDateTime pinnedBeforeExpiry;
};

DemoLab::DemoLab(QObject* parent) : QObject(parent) {}

DemoLab::~DemoLab()
{
    stop();
}

QString DemoLab::folder()
{
    return QStringLiteral("Demo");
}

QString DemoLab::directory()
{
    return AppPaths::dataDir() + QStringLiteral("/demo");
}

QString DemoLab::trustScopeFile()
{
    return directory() + QStringLiteral("/trust/demo-ca.pem");
}

QByteArray DemoLab::proxyToken()
{
    return QByteArrayLiteral("tsunagi-demo-token");
}

QByteArray DemoLab::rejectedProxyToken()
{
    return QByteArrayLiteral("tsunagi-demo-token-revoked");
}

const QList<DemoLab::Scenario>& DemoLab::scenarios()
{
    static const QList<Scenario> list = {
        {QStringLiteral("working-session"),
         {},
         {},
         QT_TRANSLATE_NOOP("DemoLab", "Working session"),
         QT_TRANSLATE_NOOP("DemoLab", "Telnet over TLS to the demo host: a coloured greeting in English and "
                                      "Japanese, and a line editor that echoes what you type.")},
        {QStringLiteral("expired-certificate"), QStringLiteral("certificate-untrusted"),
         QStringLiteral("expired"), QT_TRANSLATE_NOOP("DemoLab", "Expired certificate"),
         QT_TRANSLATE_NOOP("DemoLab", "The host presents a certificate whose validity ended a month ago.")},
        {QStringLiteral("not-yet-valid-certificate"), QStringLiteral("certificate-untrusted"),
         QStringLiteral("not-yet-valid"), QT_TRANSLATE_NOOP("DemoLab", "Certificate not yet valid"),
         QT_TRANSLATE_NOOP("DemoLab",
                           "The host presents a certificate that becomes valid only in ten years.")},
        {QStringLiteral("untrusted-ca"), QStringLiteral("certificate-untrusted"),
         QStringLiteral("issuer-not-trusted"),
         QT_TRANSLATE_NOOP("DemoLab", "Untrusted certificate authority"),
         QT_TRANSLATE_NOOP("DemoLab",
                           "The host's certificate was issued by a CA this profile does not trust.")},
        {QStringLiteral("self-signed"), QStringLiteral("certificate-untrusted"),
         QStringLiteral("self-signed"), QT_TRANSLATE_NOOP("DemoLab", "Self-signed certificate"),
         QT_TRANSLATE_NOOP("DemoLab", "The host's certificate is signed by itself.")},
        {QStringLiteral("host-name-ip-address"), QStringLiteral("certificate-hostname-mismatch"),
         QStringLiteral("ip-address-used"), QT_TRANSLATE_NOOP("DemoLab", "Host name typed as an IP address"),
         QT_TRANSLATE_NOOP("DemoLab", "The profile says 127.0.0.1; the certificate names only localhost.")},
        {QStringLiteral("host-name-short"), QStringLiteral("certificate-hostname-mismatch"),
         QStringLiteral("short-name-used"), QT_TRANSLATE_NOOP("DemoLab", "Host name typed as a short name"),
         QT_TRANSLATE_NOOP("DemoLab",
                           "The profile says localhost; the certificate names only localhost.tsunagi.test.")},
        {QStringLiteral("client-certificate-required"), QStringLiteral("client-credentials-missing"),
         QStringLiteral("no-client-certificate"), QT_TRANSLATE_NOOP("DemoLab", "Client certificate required"),
         QT_TRANSLATE_NOOP("DemoLab", "The host requires a client certificate and the profile has none.")},
        {QStringLiteral("protocol-version-refused"), QStringLiteral("handshake-failed"),
         QStringLiteral("protocol-version-unsupported"),
         QT_TRANSLATE_NOOP("DemoLab", "Protocol version refused"),
         QT_TRANSLATE_NOOP("DemoLab", "The profile allows only TLS 1.3; the host speaks only TLS 1.2.")},
        {QStringLiteral("cipher-suite-mismatch"), QStringLiteral("handshake-failed"),
         QStringLiteral("encryption-strength-rejected"),
         QT_TRANSLATE_NOOP("DemoLab", "Cipher suite mismatch"),
         QT_TRANSLATE_NOOP(
             "DemoLab",
             "The profile asks for 256-bit encryption; the host offers one 128-bit cipher suite.")},
        {QStringLiteral("silent-server"), QStringLiteral("handshake-timeout"),
         QStringLiteral("server-silent"), QT_TRANSLATE_NOOP("DemoLab", "Silent server (handshake timeout)"),
         QT_TRANSLATE_NOOP("DemoLab",
                           "The host accepts the connection and never answers; this profile gives up "
                           "after 3 seconds.")},
        {QStringLiteral("corrupted-record"), QStringLiteral("message-corrupted"),
         QStringLiteral("record-integrity-failure"), QT_TRANSLATE_NOOP("DemoLab", "Corrupted record"),
         QT_TRANSLATE_NOOP("DemoLab",
                           "A relay on the way flips one bit of a TLS record after the handshake.")},
        {QStringLiteral("plain-text-server"), QStringLiteral("handshake-failed"),
         QStringLiteral("server-not-tls"), QT_TRANSLATE_NOOP("DemoLab", "Plain-text server on the TLS port"),
         QT_TRANSLATE_NOOP("DemoLab", "The host answers in plain text, without TLS.")},
        {QStringLiteral("closed-port"), QStringLiteral("connection-refused"), QStringLiteral("port-closed"),
         QT_TRANSLATE_NOOP("DemoLab", "Closed port"),
         QT_TRANSLATE_NOOP("DemoLab", "Nothing listens on this port of 127.0.0.1.")},
        {QStringLiteral("proxy-without-token"), QStringLiteral("proxy-token-missing"),
         QStringLiteral("no-token-configured"),
         QT_TRANSLATE_NOOP("DemoLab", "Security proxy without a token"),
         QT_TRANSLATE_NOOP("DemoLab",
                           "The demo security proxy demands an authorization token; none is set.")},
        {QStringLiteral("proxy-token-rejected"), QStringLiteral("proxy-token-invalid"),
         QStringLiteral("token-rejected"), QT_TRANSLATE_NOOP("DemoLab", "Security proxy rejects the token"),
         QT_TRANSLATE_NOOP("DemoLab",
                           "The profile's authorization token (in the keychain) is not the one the "
                           "demo security proxy accepts.")},
        {QStringLiteral("certificate-changed"), QStringLiteral("certificate-changed"),
         QStringLiteral("pinned-certificate-mismatch"),
         QT_TRANSLATE_NOOP("DemoLab", "Certificate changed after pinning"),
         QT_TRANSLATE_NOOP("DemoLab",
                           "The profile pinned the host's earlier certificate; the host now presents "
                           "another one.")},
        {QStringLiteral("encryption-strength-unavailable"), QStringLiteral("encryption-strength-unavailable"),
         QStringLiteral("no-local-cipher-suites"),
         QT_TRANSLATE_NOOP("DemoLab", "Encryption strength unavailable (168-bit)"),
         QT_TRANSLATE_NOOP("DemoLab", "The profile asks for 168-bit (3DES) encryption, which this computer's "
                                      "TLS library no longer offers.")},
    };
    return list;
}

QUuid DemoLab::profileId(const QString& key)
{
    static const QUuid demoNamespace(QStringLiteral("{6f1b7c5e-2a0d-4c8e-9d3f-5b1e7a9c4d20}"));
    return QUuid::createUuidV5(demoNamespace, key);
}

QString DemoLab::displayName(const Scenario& scenario)
{
    return QCoreApplication::translate("DemoLab", scenario.name);
}

bool DemoLab::removeFiles(QString* error)
{
    QDir dir(directory());
    if (!dir.exists() || dir.removeRecursively())
        return true;
    if (error)
        *error = QStringLiteral("cannot remove %1").arg(directory());
    return false;
}

bool DemoLab::isRunning() const
{
    return m_servers != nullptr;
}

bool DemoLab::start(QString* error)
{
    if (m_servers)
        return true;
    QString problem;
    if (!pkiUsable() && !generatePki(&problem)) {
        if (error)
            *error = problem;
        return false;
    }
    if (!startServers(&problem)) {
        stop();
        if (error)
            *error = problem;
        return false;
    }
    return true;
}

bool DemoLab::startServers(QString* error)
{
    m_servers = std::make_unique<Servers>();
    Servers& s = *m_servers;
    const Identity host = loadIdentity(QStringLiteral("host"));
    const QSslCertificate ca = QSslCertificate::fromPath(trustScopeFile()).value(0);

    auto tls = [](DemoTlsServer* server, const Identity& identity) {
        server->setGreeting("Tsunagi demo host\r\n");
        server->setCredentials(identity.certificate, identity.key);
    };
    s.telnetHost.setCredentials(host.certificate, host.key);
    tls(&s.expired, loadIdentity(QStringLiteral("expired")));
    tls(&s.notYetValid, loadIdentity(QStringLiteral("not-yet-valid")));
    tls(&s.untrusted, loadIdentity(QStringLiteral("untrusted")));
    tls(&s.selfSigned, loadIdentity(QStringLiteral("self-signed")));
    tls(&s.localhostOnly, host);
    tls(&s.fullName, loadIdentity(QStringLiteral("full-name")));
    // TLS 1.3: the host asks for a certificate and answers its absence with certificate_required.
    const bool clientCertificateReady =
        s.clientCertificate.setCredentials(host.certificate.toPem(), host.key.toPem(), ca.toPem());
    tls(&s.tls12Only, host);
    s.tls12Only.setProtocol(QSsl::TlsV1_2);
    tls(&s.oneCipher, host);
    s.oneCipher.setProtocol(QSsl::TlsV1_2);
    s.oneCipher.setCiphers(QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256"));
    tls(&s.corruptedUpstream, host);
    tls(&s.pinned, loadIdentity(QStringLiteral("pinned-now")));
    const QSslCertificate before = loadIdentity(QStringLiteral("pinned-before")).certificate;
    s.pinnedBeforeSha256 = before.digest(QCryptographicHash::Sha256);
    s.pinnedBeforeExpiry = before.expiryDate();

    const QList<std::pair<const char*, bool>> started = {
        {"telnet-host", s.telnetHost.listen()},
        {"expired", s.expired.listen()},
        {"not-yet-valid", s.notYetValid.listen()},
        {"untrusted", s.untrusted.listen()},
        {"self-signed", s.selfSigned.listen()},
        {"localhost-only", s.localhostOnly.listen()},
        {"full-name", s.fullName.listen()},
        {"client-certificate", clientCertificateReady && s.clientCertificate.listen()},
        {"tls12-only", s.tls12Only.listen()},
        {"one-cipher", s.oneCipher.listen()},
        {"silent", s.silent.listen()},
        {"corrupted-upstream", s.corruptedUpstream.listen()},
        {"plain-text", s.plainText.listen()},
        {"closed-port", s.closedPort.open()},
        {"pinned", s.pinned.listen()},
    };
    for (const auto& [name, ok] : started) {
        if (!ok) {
            *error = QStringLiteral("the demo server \"%1\" could not listen on 127.0.0.1")
                         .arg(QLatin1String(name));
            return false;
        }
    }
    s.corrupting = std::make_unique<CorruptingRelay>(s.corruptedUpstream.port());
    s.proxy = std::make_unique<DemoSecurityProxy>(proxyToken());
    if (!s.corrupting->listen() || !s.proxy->listen()) {
        *error = QStringLiteral("the demo relay or proxy could not listen on 127.0.0.1");
        return false;
    }
    return true;
}

void DemoLab::stop()
{
    // Destroying the servers closes every listening socket and every connection they accepted.
    m_servers.reset();
}

QList<DemoLab::Endpoint> DemoLab::endpoints() const
{
    QList<Endpoint> list;
    if (!m_servers)
        return list;
    const Servers& s = *m_servers;
    auto add = [&list](const char* name, const QHostAddress& address, quint16 port) {
        list.append({QLatin1String(name), address, port});
    };
    add("telnet-host", s.telnetHost.serverAddress(), s.telnetHost.port());
    add("expired", s.expired.serverAddress(), s.expired.port());
    add("not-yet-valid", s.notYetValid.serverAddress(), s.notYetValid.port());
    add("untrusted", s.untrusted.serverAddress(), s.untrusted.port());
    add("self-signed", s.selfSigned.serverAddress(), s.selfSigned.port());
    add("localhost-only", s.localhostOnly.serverAddress(), s.localhostOnly.port());
    add("full-name", s.fullName.serverAddress(), s.fullName.port());
    add("client-certificate", s.clientCertificate.serverAddress(), s.clientCertificate.port());
    add("tls12-only", s.tls12Only.serverAddress(), s.tls12Only.port());
    add("one-cipher", s.oneCipher.serverAddress(), s.oneCipher.port());
    add("silent", s.silent.serverAddress(), s.silent.port());
    add("corrupted-upstream", s.corruptedUpstream.serverAddress(), s.corruptedUpstream.port());
    add("corrupting-relay", s.corrupting->serverAddress(), s.corrupting->port());
    add("plain-text", s.plainText.serverAddress(), s.plainText.port());
    add("closed-port", QHostAddress(QHostAddress::LocalHost), s.closedPort.port());
    add("proxy", s.proxy->serverAddress(), s.proxy->port());
    add("pinned", s.pinned.serverAddress(), s.pinned.port());
    return list;
}

Profile DemoLab::profile(const QString& key) const
{
    Profile p;
    const auto& list = scenarios();
    const auto found =
        std::find_if(list.cbegin(), list.cend(), [&key](const Scenario& s) { return s.key == key; });
    if (found == list.cend() || !m_servers)
        return p;
    const Servers& s = *m_servers;
    p.id = profileId(key);
    p.name = displayName(*found);
    p.folder = folder();
    p.notes = QCoreApplication::translate("DemoLab", found->note);
    p.host = QStringLiteral("localhost");
    p.protocol = SessionProtocol::Telnet;
    p.connectTimeoutSeconds = kDemoTimeoutSeconds;
    // The demo trust scope: the demo CA as an extra anchor of these profiles only, next to
    // Tsunagi's own store (never the system store, which the demo does not need).
    p.security.trustSource = TrustSource::App;
    p.security.extraCaFiles = {trustScopeFile()};

    if (key == QLatin1String("working-session")) {
        p.port = s.telnetHost.port();
    } else if (key == QLatin1String("expired-certificate")) {
        p.port = s.expired.port();
    } else if (key == QLatin1String("not-yet-valid-certificate")) {
        p.port = s.notYetValid.port();
    } else if (key == QLatin1String("untrusted-ca")) {
        p.port = s.untrusted.port();
    } else if (key == QLatin1String("self-signed")) {
        p.port = s.selfSigned.port();
    } else if (key == QLatin1String("host-name-ip-address")) {
        p.host = QStringLiteral("127.0.0.1");
        p.port = s.localhostOnly.port();
    } else if (key == QLatin1String("host-name-short")) {
        p.port = s.fullName.port();
    } else if (key == QLatin1String("client-certificate-required")) {
        p.port = s.clientCertificate.port();
    } else if (key == QLatin1String("protocol-version-refused")) {
        p.port = s.tls12Only.port();
        p.security.minimumVersion = TlsVersion::Tls1_3;
        p.security.maximumVersion = TlsVersion::Tls1_3;
    } else if (key == QLatin1String("cipher-suite-mismatch")) {
        p.port = s.oneCipher.port();
        p.security.encryptionStrength = EncryptionStrength::Bits256;
    } else if (key == QLatin1String("silent-server")) {
        p.port = s.silent.port();
        p.connectTimeoutSeconds = kSilentServerTimeoutSeconds;
    } else if (key == QLatin1String("corrupted-record")) {
        p.port = s.corrupting->port();
    } else if (key == QLatin1String("plain-text-server")) {
        p.port = s.plainText.port();
    } else if (key == QLatin1String("closed-port")) {
        p.host = QStringLiteral("127.0.0.1");
        p.port = s.closedPort.port();
    } else if (key == QLatin1String("proxy-without-token") || key == QLatin1String("proxy-token-rejected")) {
        p.port = s.telnetHost.port();
        p.security.proxy.enabled = true;
        p.security.proxy.host = QStringLiteral("127.0.0.1");
        p.security.proxy.port = s.proxy->port();
    } else if (key == QLatin1String("certificate-changed")) {
        p.port = s.pinned.port();
        PinnedCertificate pin;
        pin.host = p.host;
        pin.sha256 = s.pinnedBeforeSha256;
        pin.expiry = s.pinnedBeforeExpiry;
        pin.acceptedAt = QDateTime::currentDateTimeUtc().addDays(-1);
        p.security.pinnedCertificates = {pin};
    } else if (key == QLatin1String("encryption-strength-unavailable")) {
        p.port = s.telnetHost.port();
        p.security.encryptionStrength = EncryptionStrength::Bits168;
    }
    return p;
}

QList<Profile> DemoLab::profiles() const
{
    QList<Profile> list;
    if (!m_servers)
        return list;
    for (const Scenario& scenario : scenarios())
        list.append(profile(scenario.key));
    return list;
}
