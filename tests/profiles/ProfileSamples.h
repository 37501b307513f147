#pragma once

#include "profiles/Profile.h"
#include "profiles/ProfileOutline.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonObject>

#include <optional>

// Test data shared by the profile tests.
namespace ProfileSamples {

// Every field away from its default, so a round trip that drops one fails.
inline Profile everyFieldSet()
{
    Profile p;
    p.id = QUuid::fromString(QStringLiteral("{6f1c2a44-8d1b-4c36-9a50-2f7c3e1d9b01}"));
    p.name = QStringLiteral("大阪 web");
    p.folder = QStringLiteral("Production/Osaka");
    p.host = QStringLiteral("web01.osaka.example.test");
    p.port = 2992;
    p.connectTimeoutSeconds = 7;
    p.protocol = SessionProtocol::Raw;

    SecuritySettings& s = p.security;
    s.tlsEnabled = false;
    s.encryptionStrength = EncryptionStrength::Bits256;
    s.minimumVersion = TlsVersion::Tls1_1;
    s.maximumVersion = TlsVersion::Tls1_2;
    s.negotiateAutomatically = true;
    s.fipsMode = true;
    s.trustSource = TrustSource::App;
    s.extraCaFiles = {QStringLiteral("/etc/ca/one.pem"), QStringLiteral("/etc/ca/two.pem")};
    s.clientCertificate.pkcs12File = QStringLiteral("/home/u/.local/share/tsunagi/personal/me.p12");
    s.clientCertificate.certificateFile = QStringLiteral("/home/u/me.crt");
    s.clientCertificate.keyFile = QStringLiteral("/home/u/me.key");
    s.revocation = RevocationMode::Crl;
    s.crlFiles = {QStringLiteral("/etc/ca/list.crl")};
    s.revocationRequired = true;
    s.verifyHostName = false;
    PinnedCertificate pin;
    pin.host = QStringLiteral("web01.osaka.example.test");
    pin.sha256 = QCryptographicHash::hash("certificate", QCryptographicHash::Sha256);
    pin.expiry = QDateTime(QDate(2027, 3, 1), QTime(12, 0), Qt::UTC);
    pin.acceptedAt = QDateTime(QDate(2026, 11, 1), QTime(9, 30, 15, 250), Qt::UTC);
    s.pinnedCertificates = {pin};
    s.proxy.enabled = true;
    s.proxy.host = QStringLiteral("proxy.example.test");
    s.proxy.port = 8443;
    s.proxy.tokenFromSessionLink = true;

    TerminalSettings& t = p.terminal;
    t.terminalType = QStringLiteral("vt220");
    t.columns = 132;
    t.rows = 50;
    t.fontFamily = QStringLiteral("Noto Sans Mono CJK JP");
    t.fontSize = 14;
    t.scrollbackLines = 50000;
    t.encoding = QStringLiteral("Shift_JIS");
    t.colorScheme = QStringLiteral("Solarized Dark");
    t.backspaceSendsDelete = false;
    t.userName = QStringLiteral("operator");
    t.autoReconnect = true;
    t.copyOnSelect = true;
    t.confirmMultiLinePaste = false;

    p.logging.mode = LoggingSettings::Mode::Raw;
    p.logging.pathPattern = QStringLiteral("~/logs/%D-%N.log");
    p.notes = QStringLiteral("Line one\nLine two \"quoted\"");
    p.created = QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
    p.modified = QDateTime(QDate(2026, 6, 7), QTime(8, 9, 10, 11), Qt::UTC);
    return p;
}

inline Profile simple(const QString& name, const QString& folder = {},
                      const QString& host = QStringLiteral("h.example.test"))
{
    Profile p;
    p.name = name;
    p.folder = folder;
    p.host = host;
    return p;
}

inline QByteArray readAll(const QString& fileName)
{
    QFile file(fileName);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline bool writeAll(const QString& fileName, const QByteArray& bytes)
{
    QFile file(fileName);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// What a start finds for a store file as it is now: the outline cache's entry for the file's
// stamp (nullopt when there is none), and the scan of the file's bytes under that same stamp.
struct StartView
{
    bool stamped = false;
    std::optional<ProfileStoreOutline> cached;
    std::optional<ProfileStoreOutline> scanned;
};
inline StartView startView(const QString& fileName)
{
    StartView view;
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return view;
    const ProfileStoreStamp stamp = ProfileStoreStamp::ofOpenFile(file.handle());
    view.stamped = stamp.isValid();
    view.cached = readOutlineCache(fileName, stamp);
    view.scanned = outlineProfileStore(file.readAll());
    return view;
}

} // namespace ProfileSamples
