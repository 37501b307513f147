#pragma once

#include <QAbstractSocket>
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QStringList>

#include <optional>

// What a connection attempt saw: the evidence the classifier (app/diagnosis) turns into a
// catalogue entry and cause, and what "technical details" show. The connection fills it as it
// goes; nothing here is interpreted.

enum class ConnectionStage
{
    Idle,
    Resolving,
    Connecting,
    Proxy,
    Handshake,
    Verifying,
    Connected,
    Closed
};

struct TlsAlertRecord
{
    int level = 0; // 1 warning, 2 fatal
    int type = 0;  // RFC 8446 AlertDescription: 20 bad_record_mac, 40 handshake_failure, 70 protocol_version,
                   // 116 certificate_required ...
    QString description;
};

// Something the connection found before or outside the TLS library's verdict.
enum class LocalProblem
{
    None,
    StrengthUnavailable, // no local cipher suite for the chosen encryption strength
    TlsBackendMissing,   // Qt's TLS backend plugin not loadable
    OpenSslUnavailable,  // libssl/libcrypto missing or unusable
    ProviderUnavailable, // an OpenSSL provider the settings need (FIPS) cannot be loaded
    SystemTrustStoreEmpty,
    ClientCertificateUnusable, // file missing, wrong passphrase, key does not match
    ClientCertificateMissing,  // required by the host, none configured
    ProxyTokenMissing,         // proxy configured, no token to send
    ProxyTokenExpired,         // the session link's token expired before we tried
    FipsRequirementsUnmet,     // negotiated suite / server key do not meet the FIPS key-size rule
};

enum class RevocationStatus
{
    NotChecked,
    Good,
    Revoked,
    Unknown,
    Unavailable
};

struct ConnectionRecord
{
    // What the user asked for
    QString typedHost;
    quint16 port = 0;
    bool tls = true;
    bool viaProxy = false;

    // How far it got
    ConnectionStage stageReached = ConnectionStage::Idle; // the last stage entered
    QList<QPair<ConnectionStage, qint64>> stageTimeline;  // each stage entered, ms after start
    bool tcpConnected = false;
    bool encryptedReached = false; // QSslSocket::encrypted() fired
    bool connectTimedOut = false;
    bool handshakeTimedOut = false;
    bool closedByPeer = false;
    bool closedByUser = false;

    // Errors
    std::optional<QAbstractSocket::SocketError> socketError;
    QString socketErrorString;
    QList<QSslError> sslErrors;
    QList<TlsAlertRecord> alertsSent;
    QList<TlsAlertRecord> alertsReceived;
    LocalProblem localProblem = LocalProblem::None;
    QString localProblemDetail;

    // Security proxy
    int proxyStatus = 0;       // HTTP status of the CONNECT reply, 0 when none
    QByteArray proxyReplyHead; // status line and headers, capped
    bool proxyTokenSent = false;

    // Trust decisions
    bool pinnedCertificateMismatch = false;
    QByteArray pinnedSha256; // the pinned fingerprint that no longer matches
    RevocationStatus revocation = RevocationStatus::NotChecked;
    QString revocationDetail;

    // What was negotiated and seen
    QString protocol; // "TLSv1.3"
    QString cipher;
    QList<QSslCertificate> peerChain;
    qint64 bytesReceived = 0;
    QStringList telnetOptions;
    qint64 elapsedMs = 0;

    bool succeeded() const
    {
        return stageReached == ConnectionStage::Connected && !socketError && alertsSent.isEmpty() &&
               localProblem == LocalProblem::None && !pinnedCertificateMismatch &&
               revocation != RevocationStatus::Revoked;
    }
};

QString
connectionStageName(ConnectionStage stage); // "resolving", "tls-handshake", ... (stable, for --diagnose)
