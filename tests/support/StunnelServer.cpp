#include "StunnelServer.h"

#include "TestEnvironment.h"
#include "TestPki.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace {
QString stunnelProgram()
{
    QString p = QStandardPaths::findExecutable(QStringLiteral("stunnel4"));
    if (p.isEmpty())
        p = QStandardPaths::findExecutable(QStringLiteral("stunnel"));
    return p;
}
} // namespace

StunnelServer::StunnelServer(QObject* parent) : QObject(parent) {}

StunnelServer::~StunnelServer()
{
    stop();
}

bool StunnelServer::stunnelAvailable()
{
    return !stunnelProgram().isEmpty();
}

bool StunnelServer::telnetdAvailable()
{
    return stunnelAvailable() && QFileInfo(QStringLiteral("/usr/sbin/telnetd")).isExecutable();
}

bool StunnelServer::startTelnetd(const QString& workDir)
{
    return start(workDir, QStringLiteral("/usr/sbin/telnetd"),
                 {QStringLiteral("telnetd"), QStringLiteral("-h"), QStringLiteral("--accept-env=USER"),
                  QStringLiteral("-E"), QStringLiteral("/bin/sh")});
}

bool StunnelServer::start(const QString& workDir, const QString& program, const QStringList& arguments)
{
    const TestPki::Credential ca = TestPki::makeCa(QStringLiteral("Tsunagi Telnet Test CA"));
    const TestPki::Credential server = TestPki::issueServer(ca);
    m_caFile = workDir + QStringLiteral("/ca.pem");
    const QString certFile = workDir + QStringLiteral("/server.pem");
    const QString keyFile = workDir + QStringLiteral("/server.key");
    if (!ca.writeCertificate(m_caFile) || !server.writeCertificate(certFile) || !server.writeKey(keyFile))
        return false;

    for (int attempt = 0; attempt < 3; ++attempt) {
        m_port = TestEnvironment::freeLoopbackPort();
        const QString config = workDir + QStringLiteral("/stunnel.conf");
        QFile f(config);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        // debug = 7 logs "bound to": the moment the port accepts connections.
        // execArgs starts with the program's own name (its argv[0]).
        f.write(QStringLiteral("foreground = yes\npid =\ndebug = 7\n"
                               "[service]\naccept = 127.0.0.1:%1\ncert = %2\nkey = %3\n"
                               "exec = %4\nexecArgs = %5\n")
                    .arg(m_port)
                    .arg(certFile, keyFile, program, arguments.join(u' '))
                    .toUtf8());
        f.close();

        m_output.clear();
        m_process = new QProcess(this);
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->start(stunnelProgram(), {config});
        if (!m_process->waitForStarted(10000))
            return false;
        const QDeadlineTimer deadline(15000);
        while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
            m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
            m_output += m_process->readAll();
            if (m_output.contains("bound to"))
                return true;
        }
        m_output += m_process->readAll();
        stop(); // the port was taken meanwhile, or stunnel failed: try another port
    }
    return false;
}

void StunnelServer::stop()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
    delete m_process;
    m_process = nullptr;
}
