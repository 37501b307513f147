#pragma once

#include "security/SecuritySettings.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

enum class SessionProtocol
{
    Telnet,
    Raw
};

struct TerminalSettings
{
    QString terminalType = QStringLiteral("xterm-256color"); // xterm-256color | vt220 | vt100
    int columns = 80;
    int rows = 24;
    QString fontFamily = QStringLiteral("Monospace");
    int fontSize = 11;
    int scrollbackLines = 10000;
    QString encoding = QStringLiteral("UTF-8"); // UTF-8 | Shift_JIS | EUC-JP | ISO-8859-1
    QString colorScheme = QStringLiteral("Default");
    bool backspaceSendsDelete = true;  // DEL (0x7f) or ^H
    QString userName;                  // sent as Telnet NEW-ENVIRON USER when set
    bool autoReconnect = false;        // reconnect with backoff after the connection drops
    bool copyOnSelect = false;         // selecting text copies it
    bool confirmMultiLinePaste = true; // ask before pasting several lines
    friend bool operator==(const TerminalSettings&, const TerminalSettings&) = default;
};

struct LoggingSettings
{
    enum class Mode
    {
        Off,
        Text,
        Raw
    };
    Mode mode = Mode::Off;
    // Placeholders: %D date (yyyy-MM-dd), %T time (HHmmss), %N profile name, %H host.
    QString pathPattern;
    friend bool operator==(const LoggingSettings&, const LoggingSettings&) = default;
};

// A saved session profile: a plain value. The store reads and writes it; the manager owns the list.
struct Profile
{
    QUuid id = QUuid::createUuid();
    QString name;
    QString folder; // "Production/Osaka"; empty for the top level
    QString host;
    quint16 port = 992;
    SessionProtocol protocol = SessionProtocol::Telnet;
    int connectTimeoutSeconds = 30; // connect + proxy + TLS handshake limit
    SecuritySettings security;
    TerminalSettings terminal;
    LoggingSettings logging;
    QString notes;
    QDateTime created = QDateTime::currentDateTimeUtc();
    QDateTime modified = created;
    // Fields a newer Tsunagi wrote that this one does not know: written back unchanged.
    QJsonObject unknownFields;

    // "Folder/Sub/Name", the path --list --names-only prints and --connect accepts.
    QString path() const { return folder.isEmpty() ? name : folder + QLatin1Char('/') + name; }

    // Telnet over TLS 992, plain Telnet 23; raw has no well-known port, so it follows Telnet's.
    static quint16 defaultPort(SessionProtocol protocol, bool tls)
    {
        Q_UNUSED(protocol);
        return tls ? 992 : 23;
    }

    friend bool operator==(const Profile&, const Profile&) = default;
};
