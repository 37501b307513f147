#pragma once

#include "connection/ConnectionRecord.h"
#include "security/SecuritySettings.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

// The connection pipeline: resolve -> TCP -> (security proxy: HTTP CONNECT with a bearer token)
// -> TLS handshake against the name the user typed -> trust decisions (pins, host-name check)
// -> revocation and FIPS checks -> established(). Everything seen on the way is written into a
// ConnectionRecord for the classifier (app/diagnosis); the connection itself interprets nothing.
//
//   Connection connection;
//   connect(&connection, &Connection::established, ...);
//   connect(&connection, &Connection::failed, [&] { Classifier::classify(connection.record(), ...); });
//   connection.start(target);

// A secret held in memory only: never logged, never written into a record or a file.
// (The type exists so that a debug print of a target cannot leak it by accident.)
class SecretBytes final
{
public:
    SecretBytes() = default;
    explicit SecretBytes(QByteArray value) : m_value(std::move(value)) {}
    const QByteArray& reveal() const { return m_value; }
    bool isEmpty() const { return m_value.isEmpty(); }
    friend bool operator==(const SecretBytes&, const SecretBytes&) = default;

private:
    QByteArray m_value;
};

struct ConnectionTarget
{
    QString host; // exactly as the user typed it; TLS verifies against this name
    quint16 port = 0;
    SecuritySettings security; // security.tlsEnabled false = plain TCP

    // Security proxy: security.proxy.enabled/host/port say where; the token is a secret.
    SecretBytes proxyToken;
    std::optional<QDateTime> proxyTokenExpiry; // from a session link; expired -> reported without trying

    SecretBytes clientKeyPassphrase; // for an encrypted client key (from the keychain)

    // Trust material for the TLS configuration builder. When systemCaCertificates is not given
    // and the trust source includes the system store, SystemTrustStore's certificates are used;
    // start() waits for them through the event loop while they load (never on its thread).
    std::optional<QList<QSslCertificate>> systemCaCertificates;
    QString trustStoreDirectory; // empty = Tsunagi's default trust store folder

    int timeoutMs = 30000;                          // connect + proxy + handshake limit
    int proxyReplyTimeoutMs = -1;                   // -1 = the remaining connect+handshake time
    qint64 maxReceiveBufferBytes = 4 * 1024 * 1024; // unread application data kept before pausing
};

enum class ConnectionState
{
    Idle,
    Running,
    Established,
    Failed,
    Closed
};

class QAbstractSocket;
class ConnectionPrivate;

class Connection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Connection)
public:
    explicit Connection(QObject* parent = nullptr);
    ~Connection() override;

    // Starts one attempt. A Connection is used once: start() on a non-idle one is ignored.
    void start(const ConnectionTarget& target);
    // Sends application data (after established()); returns false when not established.
    bool write(const QByteArray& data);
    // Closes gracefully; closed() follows. Safe in any state.
    void close();
    // Aborts at once (no close_notify); closed() follows when it was established.
    void abort();

    const ConnectionRecord& record() const;
    ConnectionState state() const;
    ConnectionStage stage() const;
    const ConnectionTarget& target() const;

signals:
    void stageChanged(ConnectionStage stage);
    void established(); // TLS verified and checked, or plain TCP connected
    void dataReceived(const QByteArray& data);
    void failed(); // record() holds the evidence; emitted at most once
    void closed(); // after established(): by the peer or close()

private:
    friend class ConnectionPrivate;
    std::unique_ptr<ConnectionPrivate> d;
};

// "Trust this certificate for this profile": the pin a failed record's certificate would get.
// Empty when the record has no peer certificate. The caller shows the fingerprint first, then
// stores the pin with CertificatePinning::addPin().
std::optional<PinnedCertificate> pinForFailedRecord(const ConnectionRecord& record);

// Session links and target URLs.
//   tsunagi://connect?host=H&port=P&tls=1|0|true|false&proxy=HOST:PORT&token=T&expires=ISO8601|EPOCH
//   telnet://HOST[:PORT]   (plain, default port 23)
//   telnets://HOST[:PORT]  (TLS, default port 992)
enum class SessionLinkError
{
    None,
    NotALink, // unknown scheme or malformed URL
    MissingHost,
    BadPort,
    BadTlsValue,
    BadProxy,
    BadExpiry,
};

struct SessionLink
{
    QString host;
    quint16 port = 0;
    bool tls = true;
    bool hasProxy = false;
    QString proxyHost;
    quint16 proxyPort = 0;
    SecretBytes token;
    std::optional<QDateTime> expires; // UTC

    bool isExpired(const QDateTime& now = QDateTime::currentDateTimeUtc()) const
    {
        return expires && *expires <= now;
    }
};

struct SessionLinkResult
{
    SessionLinkError error = SessionLinkError::None;
    QString detail; // technical, English
    SessionLink link;
    bool ok() const { return error == SessionLinkError::None; }
};

namespace SessionLinks {
SessionLinkResult parse(const QString& url);
// Applies a link to a target: host, port, TLS on/off, proxy and token (token from session link).
void applyTo(const SessionLink& link, ConnectionTarget* target);
constexpr quint16 defaultTelnetPort = 23;
constexpr quint16 defaultTelnetsPort = 992;
} // namespace SessionLinks
