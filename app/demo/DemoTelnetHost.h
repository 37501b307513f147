#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>

class QSslSocket;

// The demo lab's "Working session" host: Telnet over TLS on 127.0.0.1. It negotiates ECHO and
// SUPPRESS-GO-AHEAD through libtelnet, greets with a coloured screen (English and Japanese), and
// runs a small line editor: typed characters are echoed, Backspace erases, Enter sends the line
// back; "help", "colors", "date" and "quit" are commands. Input is capped per line and per read, so
// a misbehaving client cannot make it grow without bound.
class DemoTelnetHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoTelnetHost)
public:
    explicit DemoTelnetHost(QObject* parent = nullptr);
    ~DemoTelnetHost() override;

    void setCredentials(const QSslCertificate& certificate, const QSslKey& key);
    bool listen(); // 127.0.0.1, a free port
    void close();
    bool isListening() const { return m_server.isListening(); }
    quint16 port() const { return m_server.serverPort(); }
    QHostAddress serverAddress() const { return m_server.serverAddress(); }
    int sessionCount() const { return m_sessions; }

    // The greeting, for tests that look for it on the screen.
    static QByteArray greeting(const QString& protocol, const QString& cipher);

private:
    struct Client;
    void onEncrypted(QSslSocket* socket);

    QSslServer m_server;
    QSslCertificate m_certificate;
    QSslKey m_key;
    int m_sessions = 0;
};
