#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

// A real program behind TLS on 127.0.0.1: stunnel4 in server mode with a certificate made at test
// time, running the program for each connection with its standard input and output as the
// connection (inetutils telnetd for a Telnet server, /usr/bin/yes for a host that floods as fast as
// it can). The destructor stops it.
class StunnelServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StunnelServer)

public:
    explicit StunnelServer(QObject* parent = nullptr);
    ~StunnelServer() override;

    static bool stunnelAvailable();
    static bool telnetdAvailable(); // stunnel4 and /usr/sbin/telnetd installed

    // telnetd with /bin/sh instead of login.
    bool startTelnetd(const QString& workDir);
    bool start(const QString& workDir, const QString& program, const QStringList& arguments);
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
