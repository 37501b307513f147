#include "ui/mainwindow/QuickConnect.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("QuickConnect", text);
}

QuickConnect::Target failure(const QString& message)
{
    QuickConnect::Target target;
    target.error = message;
    return target;
}

// A host name or an IP address: no spaces, no characters a host name cannot have.
bool isPlausibleHost(const QString& host)
{
    if (host.isEmpty() || host.size() > 253)
        return false;
    QHostAddress address;
    if (address.setAddress(host))
        return true;
    static const QRegularExpression hostName(
        QStringLiteral("^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?\\.?$"));
    return hostName.match(host).hasMatch();
}
} // namespace

namespace QuickConnect {

Target parse(const QString& input, bool tlsChecked)
{
    QString text = input.trimmed();
    if (text.isEmpty())
        return failure(tr("Enter a host name, host:port, or a telnet:// or telnets:// address."));

    Target target;
    target.tls = tlsChecked;

    const int schemeEnd = text.indexOf(QLatin1String("://"));
    if (schemeEnd >= 0) {
        const QString scheme = text.left(schemeEnd).toLower();
        if (scheme == QLatin1String("telnets")) {
            target.tls = true;
        } else if (scheme == QLatin1String("telnet")) {
            target.tls = false;
        } else {
            return failure(
                tr("Quick Connect understands telnet:// and telnets:// addresses, not %1://.").arg(scheme));
        }
        target.schemeGiven = true;
        text = text.mid(schemeEnd + 3);
        // A trailing path ("/") or user part ("user@") carries nothing Quick Connect uses.
        const int slash = text.indexOf(QLatin1Char('/'));
        if (slash >= 0)
            text = text.left(slash);
        const int at = text.lastIndexOf(QLatin1Char('@'));
        if (at >= 0)
            text = text.mid(at + 1);
    }

    QString host = text;
    QString portText;
    bool hasPort = false;
    if (text.startsWith(QLatin1Char('['))) {
        const int close = text.indexOf(QLatin1Char(']'));
        if (close < 0)
            return failure(
                tr("The address \"%1\" has an opening \"[\" but no closing \"]\".").arg(input.trimmed()));
        host = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')))
                return failure(tr("Unexpected text after the address: \"%1\".").arg(rest));
            portText = rest.mid(1);
            hasPort = true;
        }
    } else if (text.count(QLatin1Char(':')) == 1) {
        const int colon = text.indexOf(QLatin1Char(':'));
        host = text.left(colon);
        portText = text.mid(colon + 1);
        hasPort = true;
    } // more than one colon without brackets: a bare IPv6 address, no port

    if (!isPlausibleHost(host))
        return failure(tr("\"%1\" is not a valid host name or IP address.").arg(host));

    if (!hasPort) {
        target.port = Profile::defaultPort(SessionProtocol::Telnet, target.tls);
    } else {
        bool numeric = false;
        const int port = portText.toInt(&numeric);
        if (!numeric || port < 1 || port > 65535)
            return failure(tr("The port must be a number from 1 to 65535."));
        target.port = quint16(port);
    }

    target.host = host;
    target.ok = true;
    return target;
}

Profile toProfile(const Target& target)
{
    Profile profile;
    profile.host = target.host;
    profile.port = target.port;
    profile.protocol = SessionProtocol::Telnet;
    profile.security.tlsEnabled = target.tls;
    const bool ipv6 = target.host.contains(QLatin1Char(':'));
    profile.name = ipv6 ? QStringLiteral("[%1]:%2").arg(target.host).arg(target.port)
                        : QStringLiteral("%1:%2").arg(target.host).arg(target.port);
    return profile;
}

} // namespace QuickConnect
