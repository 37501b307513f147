#include "core/AppPaths.h"

#include <QDir>
#include <QStandardPaths>

namespace {
QString& configOverride()
{
    static QString dir;
    return dir;
}

QString explicitConfigDir()
{
    if (!configOverride().isEmpty())
        return configOverride();
    return qEnvironmentVariable("TSUNAGI_CONFIG_DIR");
}
} // namespace

namespace AppPaths {

void setConfigDirOverride(const QString& dir)
{
    configOverride() = dir.isEmpty() ? QString() : QDir(dir).absolutePath();
}

QString configDir()
{
    const QString dir = explicitConfigDir();
    return dir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) : dir;
}

QString dataDir()
{
    const QString env = qEnvironmentVariable("TSUNAGI_DATA_DIR");
    if (!env.isEmpty())
        return env;
    const QString config = explicitConfigDir();
    if (!config.isEmpty())
        return QDir(config).filePath(QStringLiteral("data"));
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString profileStoreFile()
{
    return QDir(configDir()).filePath(QStringLiteral("profiles.json"));
}

} // namespace AppPaths
