#pragma once

#include "profiles/Profile.h"

#include <QJsonObject>
#include <QString>

// The JSON form of one profile, shared by the store and by import/export.
//
// Schema version 2 (current), one profile:
//   { "id": "0f6c…", "name": "web", "folder": "Production/Osaka", "host": "h", "port": 992,
//     "protocol": "telnet" | "raw",
//     "security": { "tls": true, "encryptionStrength": "default", "minimumVersion": "1.2",
//                   "maximumVersion": "1.3", "negotiateAutomatically": false, "fipsMode": false,
//                   "trustSource": "both", "extraCaFiles": [], "revocation": "off", "crlFiles": [],
//                   "revocationRequired": false, "verifyHostName": true,
//                   "clientCertificate": { "pkcs12File": "", "certificateFile": "", "keyFile": "" },
//                   "pinnedCertificates": [ { "host": "", "sha256": "hex", "expiry": "ISO",
//                                             "acceptedAt": "ISO" } ],
//                   "proxy": { "enabled": false, "host": "", "port": 0, "tokenFromSessionLink": false } },
//     "terminal": { "terminalType": "xterm-256color", "columns": 80, "rows": 24, "fontFamily": "Monospace",
//                   "fontSize": 11, "scrollbackLines": 10000, "encoding": "UTF-8",
//                   "colorScheme": "Default", "backspaceSendsDelete": true,
//                   "userName": "", "autoReconnect": false, "copyOnSelect": false,
//                   "confirmMultiLinePaste": true },
//     "logging": { "mode": "off" | "text" | "raw", "pathPattern": "" },
//     "notes": "", "created": "ISO 8601 UTC", "modified": "ISO 8601 UTC" }
// Missing fields take their defaults; a present field of the wrong type is an error.
// Fields this version does not know, at any level, land in Profile::unknownFields (nested objects
// keep the same shape: {"security": {"newThing": 1}}) and are merged back on writing.
namespace ProfileJson {

struct ReadResult
{
    Profile profile;
    QString errorPath;    // "port" (relative to the profile) when a field is wrong, else empty
    QString errorMessage; // translated: what was expected there
    bool ok() const { return errorPath.isEmpty(); }
};

QJsonObject toJson(const Profile& profile);
ReadResult fromJson(const QJsonObject& object);

QString protocolName(SessionProtocol protocol); // telnet|raw
bool parseProtocol(const QString& text, SessionProtocol* protocol);
QString loggingModeName(LoggingSettings::Mode mode); // off|text|raw
bool parseLoggingMode(const QString& text, LoggingSettings::Mode* mode);

} // namespace ProfileJson
