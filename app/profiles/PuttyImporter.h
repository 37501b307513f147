#pragma once

#include "profiles/ProfileExchange.h"

#include <QByteArray>
#include <QString>

// Reads PuTTY saved sessions from a regedit export of
// HKEY_CURRENT_USER\Software\SimonTatham\PuTTY\Sessions (File > Export in regedit, or
// `reg export HKCU\Software\SimonTatham\PuTTY\Sessions putty.reg`).
//
// regedit writes UTF-16LE with a byte order mark; UTF-8 (and REGEDIT4's 8-bit text) are accepted
// too. Session names are URL-encoded by PuTTY ("My%20Host"); a '/' in a name makes folders
// ("Production/web" becomes the profile "web" in the folder "Production").
// Telnet and raw sessions become plain (SSL/TLS off) profiles with their host, port, terminal
// type, size, scrollback and character set. SSH, serial, rlogin and any other kind are listed
// as skipped with the reason, never imported as something they are not.
namespace PuttyImporter {

bool looksLikeRegFile(const QByteArray& bytes);
ImportedProfiles readFile(const QString& fileName);
ImportedProfiles parse(const QByteArray& bytes, const QString& fileName);
// "My%20Host" -> "My Host"
QString decodeSessionName(const QString& encoded);

} // namespace PuttyImporter
