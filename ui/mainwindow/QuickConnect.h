#pragma once

#include "profiles/Profile.h"

#include <QString>

// What the Quick Connect field accepts:
//   host            host:port          [2001:db8::1]:992     2001:db8::1
//   telnet://host[:port][/]            (plain Telnet; default port 23)
//   telnets://host[:port][/]           (Telnet over TLS; default port 992)
// Without a scheme the TLS check box decides, and the port defaults to 992 (TLS) or 23.
// A scheme overrides the check box.
namespace QuickConnect {

struct Target
{
    bool ok = false;
    QString error; // translated, shown inline next to the field
    QString host;
    quint16 port = 0;
    bool tls = true;
    bool schemeGiven = false; // telnet:// or telnets:// decided TLS, not the check box
};

Target parse(const QString& text, bool tlsChecked);

// An unsaved profile for the target: named "host:port", default settings otherwise.
Profile toProfile(const Target& target);

} // namespace QuickConnect
