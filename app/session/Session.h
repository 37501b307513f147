#pragma once

#include "connection/Connection.h"
#include "connection/ConnectionRecord.h"
#include "diagnosis/Diagnosis.h"
#include "profiles/Profile.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

class SecretStore;
class SessionLogger;
class TelnetProtocol;
class TerminalModel;
class TextCodec;

// A profile's live session: the connection (TLS or plain), Telnet or raw bytes on top of it, the
// character encoding, the terminal model, logging and reconnecting. The terminal model lives as
// long as the session, so a reconnect keeps the scrollback.
class Session final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)

public:
    enum class State
    {
        Idle,         // never opened
        Connecting,   // resolving, connecting, proxy, TLS handshake
        Connected,    // data flows
        Disconnected, // was connected; the host or the network ended it, or the user closed it
        Failed,       // the attempt did not get through
    };
    Q_ENUM(State)

    explicit Session(const Profile& profile, QObject* parent = nullptr);
    ~Session() override;

    const Profile& profile() const { return m_profile; }
    void setProfile(const Profile& profile); // takes effect at the next open()/reconnect()
    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }
    TerminalModel* terminal() const { return m_terminal; }

    // The evidence of the current or last attempt (protocol, cipher, chain, errors).
    ConnectionRecord record() const { return m_record; }
    // The classified failure, when state() is Failed or Disconnected by a failure.
    Diagnosis failure() const { return m_failure; }
    bool closedByUser() const { return m_closedByUser; }
    // Telnet options negotiated so far ("WILL TTYPE", "DO ECHO", "WONT LINEMODE"...).
    QStringList telnetOptions() const;
    QString logError() const { return m_logError; }

    // Seconds until the next automatic reconnect, 0 when none is scheduled.
    int reconnectDelay() const { return m_reconnectDelay; }
    int reconnectAttempts() const { return m_reconnectAttempts; }

    // A token that came with a session link (profiles whose proxy takes it from the link).
    void setSessionLinkToken(const SecretBytes& token, const std::optional<QDateTime>& expiry);

public slots:
    void open();
    void close();     // by the user: no automatic reconnect
    void reconnect(); // close whatever is open and open again, keeping the terminal

    void send(const QByteArray& bytes); // bytes as they are (after the Telnet layer's escaping)
    void sendText(const QString& text); // in the profile's character encoding
    void setWindowSize(int columns, int rows);

signals:
    void progress(); // the connection reached another stage (record() tells which)
    void stateChanged(Session::State state);
    void titleChanged(const QString& title);
    void bell();
    void reconnectScheduled(int seconds);
    void logFailed(const QString& message);

private:
    void setState(State state);
    void startConnection();
    void connectTarget(const ConnectionTarget& target);
    void dropConnection();
    void onConnected();
    void onClosed(bool failedBeforeConnecting);
    void onHostBytes(QByteArrayView bytes);
    void processInbox(qsizetype budget);
    void onHostData(QByteArrayView bytes);
    void onTerminalOutput(const QByteArray& utf8);
    void echoLocally(QStringView typed);
    void writeToNetwork(QByteArrayView bytes);
    void scheduleReconnect();

    Profile m_profile;
    State m_state = State::Idle;
    TerminalModel* m_terminal = nullptr;
    Connection* m_connection = nullptr;
    SecretStore* m_secrets = nullptr;
    quint64 m_attempt = 0;
    SecretBytes m_linkToken;
    std::optional<QDateTime> m_linkTokenExpiry;
    std::unique_ptr<TelnetProtocol> m_telnet;
    std::unique_ptr<TelnetProtocol> m_retiredTelnet; // the last connection's, until the next one
    std::unique_ptr<TextCodec> m_inputCodec;         // host -> terminal
    std::unique_ptr<TextCodec> m_outputCodec;        // keyboard -> host
    std::unique_ptr<SessionLogger> m_logger;
    ConnectionRecord m_record;
    QByteArray m_inbox; // host bytes not parsed yet
    bool m_inboxScheduled = false;
    Diagnosis m_failure;
    QString m_logError;
    bool m_closedByUser = false;
    int m_columns;
    int m_rows;

    QTimer m_reconnectTimer;
    int m_reconnectDelay = 0;
    int m_reconnectAttempts = 0;
};
