#include "TestEnvironment.h"

#include <QDir>
#include <QHostAddress>
#include <QTcpServer>

namespace TestEnvironment {

QString freshDir(const QString& name)
{
    QString base = qEnvironmentVariable("TSUNAGI_TEST_SCRATCH");
    if (base.isEmpty())
        base = QDir::temp().filePath(QStringLiteral("tsunagi-test"));
    QDir dir(QDir(base).filePath(name));
    dir.removeRecursively();
    dir.mkpath(QStringLiteral("."));
    return dir.absolutePath();
}

quint16 freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

QString sourcePath(const QString& relative)
{
    return QDir(qEnvironmentVariable("TSUNAGI_SOURCE_DIR")).filePath(QStringLiteral("tests/") + relative);
}

} // namespace TestEnvironment
