#include "profiles/ProfileJson.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <array>
#include <cmath>

namespace {

// Reads fields off one JSON object, remembering the first one of the wrong type. Every key it
// is asked about counts as known; whatever remains is kept as unknown.
class FieldReader
{
public:
    FieldReader(const QJsonObject& object, QString path) : m_object(object), m_path(std::move(path)) {}

    bool failed() const { return !m_errorPath.isEmpty(); }
    QString errorPath() const { return m_errorPath; }
    QString errorMessage() const { return m_errorMessage; }

    void fail(const QString& key, const QString& message)
    {
        if (failed())
            return;
        m_errorPath = m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
        m_errorMessage = message;
    }
    void adoptError(const FieldReader& child)
    {
        if (!failed() && child.failed()) {
            m_errorPath = child.m_errorPath;
            m_errorMessage = child.m_errorMessage;
        }
    }

    QString childPath(const QString& key) const
    {
        return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
    }

    void string(const char* key, QString* out)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined() || v.isNull())
            return;
        if (!v.isString())
            return fail(QLatin1String(key), expected("a text"));
        *out = v.toString();
    }
    void boolean(const char* key, bool* out)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined() || v.isNull())
            return;
        if (!v.isBool())
            return fail(QLatin1String(key), expected("true or false"));
        *out = v.toBool();
    }
    template <typename Int> void integer(const char* key, Int* out, qint64 min, qint64 max)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined() || v.isNull())
            return;
        const double d = v.toDouble();
        // Range first: converting a double outside qint64's range (1e300) is undefined behaviour.
        if (!v.isDouble() || !(d >= double(min) && d <= double(max)) || d != std::trunc(d)) {
            return fail(QLatin1String(key),
                        QCoreApplication::translate("ProfileJson", "expected a whole number from %1 to %2")
                            .arg(min)
                            .arg(max));
        }
        *out = Int(qint64(d));
    }
    void stringList(const char* key, QStringList* out)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined() || v.isNull())
            return;
        if (!v.isArray())
            return fail(QLatin1String(key), expected("a list of texts"));
        QStringList list;
        for (const QJsonValue& item : v.toArray()) {
            if (!item.isString())
                return fail(QLatin1String(key), expected("a list of texts"));
            list.append(item.toString());
        }
        *out = list;
    }
    void dateTime(const char* key, QDateTime* out)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined() || v.isNull())
            return;
        if (!v.isString())
            return fail(QLatin1String(key), expected("a date and time (ISO 8601)"));
        if (v.toString().isEmpty()) {
            *out = QDateTime();
            return;
        }
        const QDateTime parsed = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
        if (!parsed.isValid())
            return fail(QLatin1String(key), expected("a date and time (ISO 8601)"));
        *out = parsed;
    }
    template <typename Enum>
    void enumeration(const char* key, Enum* out, bool (*parse)(const QString&, Enum*))
    {
        const QJsonValue v = take(key);
        if (v.isUndefined() || v.isNull())
            return;
        Enum value{};
        if (!v.isString() || !parse(v.toString(), &value)) {
            return fail(QLatin1String(key), QCoreApplication::translate("ProfileJson", "unknown value \"%1\"")
                                                .arg(v.isString() ? v.toString() : QStringLiteral("…")));
        }
        *out = value;
    }
    // A nested object: returns it (empty when absent) or fails when the value is not an object.
    QJsonObject object(const char* key)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isObject()) {
            fail(QLatin1String(key), expected("an object"));
            return {};
        }
        return v.toObject();
    }
    QJsonArray array(const char* key)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray()) {
            fail(QLatin1String(key), expected("a list"));
            return {};
        }
        return v.toArray();
    }
    // Keys nobody asked for.
    QJsonObject remaining() const
    {
        QJsonObject rest = m_object;
        for (const QString& key : m_known)
            rest.remove(key);
        return rest;
    }

private:
    QJsonValue take(const char* key)
    {
        m_known.append(QLatin1String(key));
        return m_object.value(QLatin1String(key));
    }
    static QString expected(const char* what)
    {
        return QCoreApplication::translate("ProfileJson", "expected %1")
            .arg(QCoreApplication::translate("ProfileJson", what));
    }

    QJsonObject m_object;
    QString m_path;
    QStringList m_known;
    QString m_errorPath;
    QString m_errorMessage;
};

// Words for FieldReader::expected(), listed so that lupdate sees them.
[[maybe_unused]] constexpr std::array kExpectedWords{
    QT_TRANSLATE_NOOP("ProfileJson", "a text"),
    QT_TRANSLATE_NOOP("ProfileJson", "true or false"),
    QT_TRANSLATE_NOOP("ProfileJson", "a list of texts"),
    QT_TRANSLATE_NOOP("ProfileJson", "a date and time (ISO 8601)"),
    QT_TRANSLATE_NOOP("ProfileJson", "an object"),
    QT_TRANSLATE_NOOP("ProfileJson", "a list"),
    QT_TRANSLATE_NOOP("ProfileJson", "a text (SHA-256 in hexadecimal)"),
};

QString dateText(const QDateTime& value)
{
    return value.isValid() ? value.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// Merges the unknown fields back: keys we wrote win, nested objects merge.
void mergeUnknown(QJsonObject* known, const QJsonObject& unknown)
{
    for (auto it = unknown.begin(); it != unknown.end(); ++it) {
        const auto existing = known->find(it.key());
        if (existing == known->end()) {
            known->insert(it.key(), it.value());
        } else if (existing->isObject() && it.value().isObject()) {
            QJsonObject merged = existing->toObject();
            mergeUnknown(&merged, it.value().toObject());
            *existing = merged;
        }
    }
}

void putUnknown(QJsonObject* unknown, const QString& key, const QJsonObject& rest)
{
    if (!rest.isEmpty())
        unknown->insert(key, rest);
}

bool parseUuid(const QString& text, QUuid* out)
{
    const QUuid id = QUuid::fromString(text);
    if (id.isNull())
        return false;
    *out = id;
    return true;
}

} // namespace

namespace ProfileJson {

QString protocolName(SessionProtocol protocol)
{
    return protocol == SessionProtocol::Raw ? QStringLiteral("raw") : QStringLiteral("telnet");
}

bool parseProtocol(const QString& text, SessionProtocol* protocol)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("telnet"))
        *protocol = SessionProtocol::Telnet;
    else if (t == QLatin1String("raw"))
        *protocol = SessionProtocol::Raw;
    else
        return false;
    return true;
}

QString loggingModeName(LoggingSettings::Mode mode)
{
    switch (mode) {
    case LoggingSettings::Mode::Off:
        return QStringLiteral("off");
    case LoggingSettings::Mode::Text:
        return QStringLiteral("text");
    case LoggingSettings::Mode::Raw:
        return QStringLiteral("raw");
    }
    return QStringLiteral("off");
}

bool parseLoggingMode(const QString& text, LoggingSettings::Mode* mode)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("off"))
        *mode = LoggingSettings::Mode::Off;
    else if (t == QLatin1String("text"))
        *mode = LoggingSettings::Mode::Text;
    else if (t == QLatin1String("raw"))
        *mode = LoggingSettings::Mode::Raw;
    else
        return false;
    return true;
}

QJsonObject toJson(const Profile& p)
{
    const SecuritySettings& s = p.security;
    QJsonArray pins;
    for (const PinnedCertificate& pin : s.pinnedCertificates) {
        pins.append(QJsonObject{
            {QStringLiteral("host"), pin.host},
            {QStringLiteral("sha256"), QString::fromLatin1(pin.sha256.toHex())},
            {QStringLiteral("expiry"), dateText(pin.expiry)},
            {QStringLiteral("acceptedAt"), dateText(pin.acceptedAt)},
        });
    }
    const QJsonObject security{
        {QStringLiteral("tls"), s.tlsEnabled},
        {QStringLiteral("encryptionStrength"),
         SecuritySettingsNames::encryptionStrength(s.encryptionStrength)},
        {QStringLiteral("minimumVersion"), SecuritySettingsNames::tlsVersion(s.minimumVersion)},
        {QStringLiteral("maximumVersion"), SecuritySettingsNames::tlsVersion(s.maximumVersion)},
        {QStringLiteral("negotiateAutomatically"), s.negotiateAutomatically},
        {QStringLiteral("fipsMode"), s.fipsMode},
        {QStringLiteral("trustSource"), SecuritySettingsNames::trustSource(s.trustSource)},
        {QStringLiteral("extraCaFiles"), QJsonArray::fromStringList(s.extraCaFiles)},
        {QStringLiteral("clientCertificate"),
         QJsonObject{
             {QStringLiteral("pkcs12File"), s.clientCertificate.pkcs12File},
             {QStringLiteral("certificateFile"), s.clientCertificate.certificateFile},
             {QStringLiteral("keyFile"), s.clientCertificate.keyFile},
         }},
        {QStringLiteral("revocation"), SecuritySettingsNames::revocationMode(s.revocation)},
        {QStringLiteral("crlFiles"), QJsonArray::fromStringList(s.crlFiles)},
        {QStringLiteral("revocationRequired"), s.revocationRequired},
        {QStringLiteral("verifyHostName"), s.verifyHostName},
        {QStringLiteral("pinnedCertificates"), pins},
        {QStringLiteral("proxy"),
         QJsonObject{
             {QStringLiteral("enabled"), s.proxy.enabled},
             {QStringLiteral("host"), s.proxy.host},
             {QStringLiteral("port"), int(s.proxy.port)},
             {QStringLiteral("tokenFromSessionLink"), s.proxy.tokenFromSessionLink},
         }},
    };
    const TerminalSettings& t = p.terminal;
    const QJsonObject terminal{
        {QStringLiteral("terminalType"), t.terminalType},
        {QStringLiteral("columns"), t.columns},
        {QStringLiteral("rows"), t.rows},
        {QStringLiteral("fontFamily"), t.fontFamily},
        {QStringLiteral("fontSize"), t.fontSize},
        {QStringLiteral("scrollbackLines"), t.scrollbackLines},
        {QStringLiteral("encoding"), t.encoding},
        {QStringLiteral("colorScheme"), t.colorScheme},
        {QStringLiteral("backspaceSendsDelete"), t.backspaceSendsDelete},
        {QStringLiteral("userName"), t.userName},
        {QStringLiteral("autoReconnect"), t.autoReconnect},
        {QStringLiteral("copyOnSelect"), t.copyOnSelect},
        {QStringLiteral("confirmMultiLinePaste"), t.confirmMultiLinePaste},
    };
    QJsonObject object{
        {QStringLiteral("id"), p.id.toString(QUuid::WithoutBraces)},
        {QStringLiteral("name"), p.name},
        {QStringLiteral("folder"), p.folder},
        {QStringLiteral("host"), p.host},
        {QStringLiteral("port"), int(p.port)},
        {QStringLiteral("protocol"), protocolName(p.protocol)},
        {QStringLiteral("connectTimeoutSeconds"), p.connectTimeoutSeconds},
        {QStringLiteral("security"), security},
        {QStringLiteral("terminal"), terminal},
        {QStringLiteral("logging"),
         QJsonObject{
             {QStringLiteral("mode"), loggingModeName(p.logging.mode)},
             {QStringLiteral("pathPattern"), p.logging.pathPattern},
         }},
        {QStringLiteral("notes"), p.notes},
        {QStringLiteral("created"), dateText(p.created)},
        {QStringLiteral("modified"), dateText(p.modified)},
    };
    mergeUnknown(&object, p.unknownFields);
    return object;
}

ReadResult fromJson(const QJsonObject& object)
{
    ReadResult result;
    Profile& p = result.profile;
    QJsonObject unknown;

    FieldReader r(object, QString());
    {
        const QJsonValue idValue = object.value(QLatin1String("id"));
        if (!idValue.isUndefined() && !idValue.isNull()) {
            if (!idValue.isString() || !parseUuid(idValue.toString(), &p.id))
                r.fail(QStringLiteral("id"), QCoreApplication::translate("ProfileJson", "expected a UUID"));
        }
    }
    r.string("name", &p.name);
    r.string("folder", &p.folder);
    r.string("host", &p.host);
    r.integer("port", &p.port, 1, 65535);
    r.enumeration("protocol", &p.protocol, &parseProtocol);
    r.integer("connectTimeoutSeconds", &p.connectTimeoutSeconds, 1, 600);
    r.string("notes", &p.notes);
    r.dateTime("created", &p.created);
    r.dateTime("modified", &p.modified);

    SecuritySettings& s = p.security;
    {
        FieldReader sr(r.object("security"), r.childPath(QStringLiteral("security")));
        sr.boolean("tls", &s.tlsEnabled);
        sr.enumeration("encryptionStrength", &s.encryptionStrength,
                       &SecuritySettingsNames::parseEncryptionStrength);
        sr.enumeration("minimumVersion", &s.minimumVersion, &SecuritySettingsNames::parseTlsVersion);
        sr.enumeration("maximumVersion", &s.maximumVersion, &SecuritySettingsNames::parseTlsVersion);
        sr.boolean("negotiateAutomatically", &s.negotiateAutomatically);
        sr.boolean("fipsMode", &s.fipsMode);
        sr.enumeration("trustSource", &s.trustSource, &SecuritySettingsNames::parseTrustSource);
        sr.stringList("extraCaFiles", &s.extraCaFiles);
        sr.enumeration("revocation", &s.revocation, &SecuritySettingsNames::parseRevocationMode);
        sr.stringList("crlFiles", &s.crlFiles);
        sr.boolean("revocationRequired", &s.revocationRequired);
        sr.boolean("verifyHostName", &s.verifyHostName);

        QJsonObject securityUnknown;
        {
            FieldReader cr(sr.object("clientCertificate"), sr.childPath(QStringLiteral("clientCertificate")));
            cr.string("pkcs12File", &s.clientCertificate.pkcs12File);
            cr.string("certificateFile", &s.clientCertificate.certificateFile);
            cr.string("keyFile", &s.clientCertificate.keyFile);
            sr.adoptError(cr);
            putUnknown(&securityUnknown, QStringLiteral("clientCertificate"), cr.remaining());
        }
        {
            FieldReader pr(sr.object("proxy"), sr.childPath(QStringLiteral("proxy")));
            pr.boolean("enabled", &s.proxy.enabled);
            pr.string("host", &s.proxy.host);
            pr.integer("port", &s.proxy.port, 0, 65535);
            pr.boolean("tokenFromSessionLink", &s.proxy.tokenFromSessionLink);
            sr.adoptError(pr);
            putUnknown(&securityUnknown, QStringLiteral("proxy"), pr.remaining());
        }
        const QJsonArray pins = sr.array("pinnedCertificates");
        for (qsizetype i = 0; i < pins.size(); ++i) {
            const QString pinPath = sr.childPath(QStringLiteral("pinnedCertificates[%1]").arg(i));
            if (!pins.at(i).isObject()) {
                sr.fail(QStringLiteral("pinnedCertificates[%1]").arg(i),
                        QCoreApplication::translate("ProfileJson", "expected %1")
                            .arg(QCoreApplication::translate("ProfileJson", "an object")));
                break;
            }
            FieldReader pin(pins.at(i).toObject(), pinPath);
            PinnedCertificate certificate;
            pin.string("host", &certificate.host);
            QString hex;
            pin.string("sha256", &hex);
            certificate.sha256 = QByteArray::fromHex(hex.toLatin1());
            if (certificate.sha256.toHex() != hex.toLatin1().toLower()) {
                pin.fail(
                    QStringLiteral("sha256"),
                    QCoreApplication::translate("ProfileJson", "expected %1")
                        .arg(QCoreApplication::translate("ProfileJson", "a text (SHA-256 in hexadecimal)")));
            }
            pin.dateTime("expiry", &certificate.expiry);
            pin.dateTime("acceptedAt", &certificate.acceptedAt);
            sr.adoptError(pin);
            s.pinnedCertificates.append(certificate);
        }
        QJsonObject rest = sr.remaining();
        mergeUnknown(&rest, securityUnknown);
        putUnknown(&unknown, QStringLiteral("security"), rest);
        r.adoptError(sr);
    }
    {
        TerminalSettings& t = p.terminal;
        FieldReader tr(r.object("terminal"), r.childPath(QStringLiteral("terminal")));
        tr.string("terminalType", &t.terminalType);
        tr.integer("columns", &t.columns, 1, 10000);
        tr.integer("rows", &t.rows, 1, 10000);
        tr.string("fontFamily", &t.fontFamily);
        tr.integer("fontSize", &t.fontSize, 1, 400);
        tr.integer("scrollbackLines", &t.scrollbackLines, 0, 10000000);
        tr.string("encoding", &t.encoding);
        tr.string("colorScheme", &t.colorScheme);
        tr.boolean("backspaceSendsDelete", &t.backspaceSendsDelete);
        tr.string("userName", &t.userName);
        tr.boolean("autoReconnect", &t.autoReconnect);
        tr.boolean("copyOnSelect", &t.copyOnSelect);
        tr.boolean("confirmMultiLinePaste", &t.confirmMultiLinePaste);
        r.adoptError(tr);
        putUnknown(&unknown, QStringLiteral("terminal"), tr.remaining());
    }
    {
        FieldReader lr(r.object("logging"), r.childPath(QStringLiteral("logging")));
        lr.enumeration("mode", &p.logging.mode, &parseLoggingMode);
        lr.string("pathPattern", &p.logging.pathPattern);
        r.adoptError(lr);
        putUnknown(&unknown, QStringLiteral("logging"), lr.remaining());
    }

    QJsonObject rest = r.remaining();
    rest.remove(QStringLiteral("id"));
    mergeUnknown(&rest, unknown);
    p.unknownFields = rest;

    if (object.value(QLatin1String("modified")).isUndefined())
        p.modified = p.created;
    result.errorPath = r.errorPath();
    result.errorMessage = r.errorMessage();
    return result;
}

} // namespace ProfileJson
