#pragma once

#include <QObject>
#include <QProcess>
#include <QString>

// A real Telnet server behind TLS on 127.0.0.1: stunnel4 in server mode with a certificate made
// at test time, running inetutils telnetd (with /bin/sh instead of login) for each connection.
// The destructor stops it.
class TelnetServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TelnetServer)

public:
    explicit TelnetServer(QObject* parent = nullptr);
    ~TelnetServer() override;

    static bool toolsAvailable(); // stunnel4 and /usr/sbin/telnetd installed

    // tls false: stunnel is left out and telnetd... is not used; only TLS is supported here.
    bool start(const QString& workDir);
    void stop();
    quint16 port() const { return m_port; }
    QString caFile() const { return m_caFile; }
    QString output() const { return QString::fromLocal8Bit(m_output); }

private:
    QProcess* m_process = nullptr;
    QByteArray m_output;
    QString m_caFile;
    quint16 m_port = 0;
};
