#include "connection/ConnectionRecord.h"

QString connectionStageName(ConnectionStage stage)
{
    switch (stage) {
    case ConnectionStage::Idle:
        return QStringLiteral("idle");
    case ConnectionStage::Resolving:
        return QStringLiteral("resolving");
    case ConnectionStage::Connecting:
        return QStringLiteral("tcp-connect");
    case ConnectionStage::Proxy:
        return QStringLiteral("proxy");
    case ConnectionStage::Handshake:
        return QStringLiteral("tls-handshake");
    case ConnectionStage::Verifying:
        return QStringLiteral("verifying");
    case ConnectionStage::Connected:
        return QStringLiteral("connected");
    case ConnectionStage::Closed:
        return QStringLiteral("closed");
    }
    return {};
}
