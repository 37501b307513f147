#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <functional>

struct telnet_t;
union telnet_event_t;

// Telnet (RFC 854) on top of libtelnet: option negotiation, IAC escaping and the NVT end-of-line
// rules. Bytes from the network go into receive(); what the host sent as data comes out through
// onData, and everything that has to go to the network comes out through onSend.
//
// Supported: BINARY, ECHO (host echoes), SGA, TTYPE, NAWS, NEW-ENVIRON (USER). libtelnet's
// RFC 1143 state machine refuses every other option the host asks for.
class TelnetProtocol final
{
public:
    struct Settings
    {
        QByteArray terminalType = QByteArrayLiteral("xterm-256color");
        QByteArray user; // NEW-ENVIRON USER; not sent when empty
        int columns = 80;
        int rows = 24;
    };

    explicit TelnetProtocol(const Settings& settings);
    ~TelnetProtocol();
    Q_DISABLE_COPY_MOVE(TelnetProtocol)

    std::function<void(QByteArrayView)> onData; // host data with the Telnet layer removed
    std::function<void(QByteArrayView)> onSend; // bytes for the network
    std::function<void(const QString&)> onWarning;

    // Sends our initial offers (WILL TTYPE, WILL NAWS, DO SGA, ...). Call once connected.
    void start();
    void receive(QByteArrayView bytes);
    // User data: IAC doubled; outside BINARY mode a bare CR becomes CR NUL (RFC 854).
    void send(QByteArrayView bytes);
    // Remembers the size and sends NAWS when the host agreed to it.
    void setWindowSize(int columns, int rows);

    bool hostEchoes() const { return m_remoteEcho; }
    bool binaryToHost() const { return m_localBinary; }
    bool binaryFromHost() const { return m_remoteBinary; }
    bool nawsEnabled() const { return m_localNaws; }
    // "WILL TTYPE", "DO ECHO", "refused DO 39"...: what was negotiated, for the connection record.
    QStringList negotiatedOptions() const { return m_log; }

    static QString optionName(int option);

private:
    static void eventTrampoline(telnet_t* telnet, telnet_event_t* event, void* user);
    void handleEvent(telnet_event_t* event);
    void handleData(QByteArrayView bytes);
    void sendNaws();
    void sendEnvironment(const telnet_event_t* event);
    void note(const QString& entry);

    Settings m_settings;
    telnet_t* m_telnet = nullptr;
    bool m_localBinary = false;
    bool m_remoteBinary = false;
    bool m_remoteEcho = false;
    bool m_localNaws = false;
    bool m_pendingCr = false; // the last data byte from the host was a CR
    QStringList m_log;
};
