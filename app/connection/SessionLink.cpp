#include "connection/Connection.h"

#include <QHostAddress>
#include <QUrlQuery>

namespace {
SessionLinkResult failure(SessionLinkError error, const QString& detail)
{
    SessionLinkResult result;
    result.error = error;
    result.detail = detail;
    return result;
}

bool parsePort(const QString& text, quint16* port)
{
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value == 0 || value > 65535)
        return false;
    *port = quint16(value);
    return true;
}

// "host:port", "[v6]:port"
bool parseHostPort(const QString& text, QString* host, quint16* port)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString name = text.left(colon);
    if (name.startsWith(QLatin1Char('[')) && name.endsWith(QLatin1Char(']')))
        name = name.mid(1, name.size() - 2);
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.contains(QLatin1Char(' ')))
        return false;
    if (!parsePort(text.mid(colon + 1), port))
        return false;
    *host = name;
    return true;
}

std::optional<QDateTime> parseExpiry(const QString& text)
{
    bool numeric = false;
    const qint64 epoch = text.toLongLong(&numeric);
    if (numeric)
        return QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC);
    QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!when.isValid())
        when = QDateTime::fromString(text, Qt::ISODate);
    if (!when.isValid())
        return std::nullopt;
    return when.toUTC();
}
} // namespace

namespace SessionLinks {

SessionLinkResult parse(const QString& text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid())
        return failure(SessionLinkError::NotALink,
                       QStringLiteral("malformed URL: %1").arg(url.errorString()));
    const QString scheme = url.scheme().toLower();

    if (scheme == QLatin1String("telnet") || scheme == QLatin1String("telnets")) {
        SessionLinkResult result;
        result.link.tls = scheme == QLatin1String("telnets");
        result.link.host = url.host();
        if (result.link.host.isEmpty())
            return failure(SessionLinkError::MissingHost, QStringLiteral("no host in %1 URL").arg(scheme));
        const int port = url.port(-1);
        if (port == 0)
            return failure(SessionLinkError::BadPort, QStringLiteral("port 0"));
        result.link.port =
            port > 0 ? quint16(port) : (result.link.tls ? defaultTelnetsPort : defaultTelnetPort);
        return result;
    }

    if (scheme != QLatin1String("tsunagi") ||
        url.host().compare(QLatin1String("connect"), Qt::CaseInsensitive) != 0)
        return failure(SessionLinkError::NotALink, QStringLiteral("not a tsunagi://connect link"));

    const QUrlQuery query(url);
    SessionLinkResult result;
    SessionLink& link = result.link;
    link.host = query.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded).trimmed();
    if (link.host.isEmpty() || link.host.contains(QLatin1Char('/')) || link.host.contains(QLatin1Char(' ')))
        return failure(SessionLinkError::MissingHost, QStringLiteral("missing or invalid host"));

    const QString tls = query.queryItemValue(QStringLiteral("tls")).toLower();
    if (tls.isEmpty() || tls == QLatin1String("1") || tls == QLatin1String("true") ||
        tls == QLatin1String("yes"))
        link.tls = true;
    else if (tls == QLatin1String("0") || tls == QLatin1String("false") || tls == QLatin1String("no"))
        link.tls = false;
    else
        return failure(SessionLinkError::BadTlsValue, QStringLiteral("tls must be 1/0/true/false"));

    const QString port = query.queryItemValue(QStringLiteral("port"));
    if (port.isEmpty())
        link.port = link.tls ? defaultTelnetsPort : defaultTelnetPort;
    else if (!parsePort(port, &link.port))
        return failure(SessionLinkError::BadPort, QStringLiteral("invalid port"));

    const QString proxy = query.queryItemValue(QStringLiteral("proxy"), QUrl::FullyDecoded);
    if (!proxy.isEmpty()) {
        if (!parseHostPort(proxy, &link.proxyHost, &link.proxyPort))
            return failure(SessionLinkError::BadProxy, QStringLiteral("proxy must be HOST:PORT"));
        link.hasProxy = true;
    }
    // The token is kept as given (percent-decoded), never echoed in a detail.
    link.token = SecretBytes(query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded).toUtf8());

    const QString expires = query.queryItemValue(QStringLiteral("expires"), QUrl::FullyDecoded);
    if (!expires.isEmpty()) {
        link.expires = parseExpiry(expires);
        if (!link.expires)
            return failure(SessionLinkError::BadExpiry,
                           QStringLiteral("expires must be ISO 8601 or seconds since the epoch"));
    }
    return result;
}

void applyTo(const SessionLink& link, ConnectionTarget* target)
{
    target->host = link.host;
    target->port = link.port;
    target->security.tlsEnabled = link.tls;
    if (link.hasProxy) {
        target->security.proxy.enabled = true;
        target->security.proxy.host = link.proxyHost;
        target->security.proxy.port = link.proxyPort;
    }
    // A token without a proxy in the link is for the profile's own security proxy.
    if (!link.token.isEmpty() || link.hasProxy) {
        target->security.proxy.tokenFromSessionLink = true;
        target->proxyToken = link.token;
        target->proxyTokenExpiry = link.expires;
    }
}

} // namespace SessionLinks
