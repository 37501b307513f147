#include "profiles/PuttyImporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QStringDecoder>

#include <optional>

namespace {

const QString kSessionsKey = QStringLiteral("HKEY_CURRENT_USER\\Software\\SimonTatham\\PuTTY\\Sessions\\");

QString decodeText(const QByteArray& bytes)
{
    if (bytes.startsWith("\xFF\xFE"))
        return QStringDecoder(QStringDecoder::Utf16LE)(bytes.mid(2));
    if (bytes.startsWith("\xFE\xFF"))
        return QStringDecoder(QStringDecoder::Utf16BE)(bytes.mid(2));
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return QString::fromUtf8(bytes.mid(3));
    // UTF-16LE without a byte order mark: ASCII text with every second byte zero.
    if (bytes.size() >= 4 && bytes.at(0) != 0 && bytes.at(1) == 0 && bytes.at(3) == 0)
        return QStringDecoder(QStringDecoder::Utf16LE)(bytes);
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8(bytes);
    // REGEDIT4 files are in the Windows code page; Latin-1 at least keeps ASCII names right.
    return utf8.hasError() ? QString::fromLatin1(bytes) : text;
}

// A quoted registry string: "a \"b\" \\c". Returns the text and where parsing stopped.
std::optional<QString> readQuoted(const QString& line, qsizetype* position)
{
    qsizetype i = *position;
    if (i >= line.size() || line.at(i) != QLatin1Char('"'))
        return std::nullopt;
    QString out;
    for (++i; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('\\') && i + 1 < line.size()) {
            out.append(line.at(++i));
        } else if (c == QLatin1Char('"')) {
            *position = i + 1;
            return out;
        } else {
            out.append(c);
        }
    }
    return std::nullopt;
}

struct Value
{
    enum class Type
    {
        String,
        Dword,
        Other
    } type = Type::Other;
    QString text;
    quint32 number = 0;
};

using Session = QHash<QString, Value>; // value names lower-cased

QString terminalTypeFrom(const QString& putty)
{
    const QString t = putty.trimmed().toLower();
    if (t == QLatin1String("vt100") || t == QLatin1String("vt220"))
        return t;
    return QStringLiteral("xterm-256color");
}

QString encodingFrom(const QString& codePage, const QString& fallback)
{
    const QString c = codePage.trimmed().toLower();
    if (c.startsWith(QLatin1String("utf-8")) || c == QLatin1String("utf8"))
        return QStringLiteral("UTF-8");
    if (c.contains(QLatin1String("8859-1:")) || c == QLatin1String("iso-8859-1") ||
        c.contains(QLatin1String("latin-1")))
        return QStringLiteral("ISO-8859-1");
    if (c.contains(QLatin1String("shift_jis")) || c.contains(QLatin1String("shift-jis")) ||
        c.startsWith(QLatin1String("cp932")) || c.startsWith(QLatin1String("win932")))
        return QStringLiteral("Shift_JIS");
    if (c.contains(QLatin1String("euc-jp")))
        return QStringLiteral("EUC-JP");
    return fallback;
}

} // namespace

namespace PuttyImporter {

bool looksLikeRegFile(const QByteArray& bytes)
{
    const QString head = decodeText(bytes.left(256)).trimmed();
    return head.startsWith(QLatin1String("Windows Registry Editor")) ||
           head.startsWith(QLatin1String("REGEDIT4"));
}

QString decodeSessionName(const QString& encoded)
{
    return QString::fromUtf8(QByteArray::fromPercentEncoding(encoded.toUtf8()));
}

ImportedProfiles readFile(const QString& fileName)
{
    ImportedProfiles result;
    QFile file(fileName);
    if (QFileInfo(fileName).isDir() || !file.open(QIODevice::ReadOnly)) {
        result.error.code = ProfileError::Code::ImportFailed;
        result.error.file = fileName;
        result.error.detail = file.errorString();
        result.error.message = QCoreApplication::translate("PuttyImporter", "The file %1 cannot be read: %2")
                                   .arg(QDir::toNativeSeparators(fileName), file.errorString());
        return result;
    }
    return parse(file.read(64 * 1024 * 1024), fileName);
}

ImportedProfiles parse(const QByteArray& bytes, const QString& fileName)
{
    ImportedProfiles result;
    const QString shown = QDir::toNativeSeparators(fileName);
    const auto fail = [&](const QString& message) {
        result.error.code = ProfileError::Code::ImportFailed;
        result.error.file = fileName;
        result.error.message = message;
        return result;
    };

    const QString text = decodeText(bytes);
    QStringList lines = text.split(QLatin1Char('\n'));
    // Join continuation lines (long hex values end a line with a backslash).
    QStringList joined;
    for (QString line : lines) {
        line = line.trimmed();
        if (!joined.isEmpty() && joined.last().endsWith(QLatin1Char('\\')) &&
            !joined.last().startsWith(QLatin1Char('[')) && joined.last().contains(QLatin1Char('='))) {
            joined.last().chop(1);
            joined.last().append(line);
            continue;
        }
        joined.append(line);
    }
    const auto firstLine =
        std::find_if(joined.cbegin(), joined.cend(), [](const QString& l) { return !l.isEmpty(); });
    if (firstLine == joined.cend() || !(firstLine->startsWith(QLatin1String("Windows Registry Editor")) ||
                                        firstLine->startsWith(QLatin1String("REGEDIT4")))) {
        return fail(
            QCoreApplication::translate(
                "PuttyImporter",
                "The file %1 is not a registry export (it should start with \"Windows Registry Editor\").")
                .arg(shown));
    }

    QList<QPair<QString, Session>> sessions; // in file order
    Session* current = nullptr;
    for (const QString& line : std::as_const(joined)) {
        if (line.isEmpty() || line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1Char('['))) {
            current = nullptr;
            const QString key = line.mid(1, line.lastIndexOf(QLatin1Char(']')) - 1);
            if (key.startsWith(QLatin1Char('-')) || !key.startsWith(kSessionsKey, Qt::CaseInsensitive))
                continue;
            const QString encodedName = key.mid(kSessionsKey.size());
            if (encodedName.isEmpty() || encodedName.contains(QLatin1Char('\\')))
                continue; // the Sessions key itself, or a sub-key of a session
            sessions.append({encodedName, Session()});
            current = &sessions.last().second;
            continue;
        }
        if (!current)
            continue;
        qsizetype position = 0;
        const std::optional<QString> name = readQuoted(line, &position);
        if (!name || position >= line.size() || line.at(position) != QLatin1Char('='))
            continue; // the default value (@=) or something we do not need
        const QString data = line.mid(position + 1);
        Value value;
        if (data.startsWith(QLatin1Char('"'))) {
            qsizetype p = 0;
            if (const auto s = readQuoted(data, &p)) {
                value.type = Value::Type::String;
                value.text = *s;
            }
        } else if (data.startsWith(QLatin1String("dword:"), Qt::CaseInsensitive)) {
            bool ok = false;
            value.number = data.mid(6).trimmed().toUInt(&ok, 16);
            if (ok)
                value.type = Value::Type::Dword;
        }
        current->insert(name->toLower(), value);
    }

    if (sessions.isEmpty()) {
        return fail(QCoreApplication::translate(
                        "PuttyImporter",
                        "The file %1 holds no PuTTY saved sessions. Export the key "
                        "HKEY_CURRENT_USER\\Software\\SimonTatham\\PuTTY\\Sessions with the Registry Editor.")
                        .arg(shown));
    }

    for (const auto& [encodedName, values] : std::as_const(sessions)) {
        // `values = values`: clang before 16 cannot capture a structured binding directly.
        const QString fullName = decodeSessionName(encodedName);
        const auto string = [&values = values](const char* key) {
            const Value v = values.value(QLatin1String(key));
            return v.type == Value::Type::String ? v.text : QString();
        };
        const auto dword = [&values = values](const char* key) -> std::optional<quint32> {
            const Value v = values.value(QLatin1String(key));
            return v.type == Value::Type::Dword ? std::optional<quint32>(v.number) : std::nullopt;
        };
        const auto skip = [&](const QString& reason) { result.skipped.append({fullName, reason}); };

        if (encodedName == QLatin1String("Default%20Settings")) {
            skip(QCoreApplication::translate("PuttyImporter",
                                             "PuTTY's default settings, not a saved session."));
            continue;
        }
        // PuTTY's own default protocol is SSH: a session without one is an SSH session.
        const QString protocol = values.contains(QStringLiteral("protocol"))
                                     ? string("protocol").trimmed().toLower()
                                     : QStringLiteral("ssh");
        SessionProtocol sessionProtocol = SessionProtocol::Telnet;
        if (protocol == QLatin1String("telnet")) {
            sessionProtocol = SessionProtocol::Telnet;
        } else if (protocol == QLatin1String("raw")) {
            sessionProtocol = SessionProtocol::Raw;
        } else if (protocol == QLatin1String("ssh") || protocol == QLatin1String("ssh-connection")) {
            skip(QCoreApplication::translate("PuttyImporter",
                                             "SSH session: Tsunagi connects with Telnet or raw TCP only."));
            continue;
        } else if (protocol == QLatin1String("serial")) {
            skip(QCoreApplication::translate("PuttyImporter",
                                             "Serial line session: Tsunagi connects over the network only."));
            continue;
        } else {
            skip(QCoreApplication::translate("PuttyImporter",
                                             "%1 session: Tsunagi connects with Telnet or raw TCP only.")
                     .arg(protocol));
            continue;
        }

        QString host = string("hostname").trimmed();
        // PuTTY accepts "user@host"; the user part is for the login, not the address.
        if (host.contains(QLatin1Char('@')))
            host = host.mid(host.lastIndexOf(QLatin1Char('@')) + 1);
        if (host.isEmpty()) {
            skip(QCoreApplication::translate("PuttyImporter", "No host name."));
            continue;
        }
        const std::optional<quint32> port = dword("portnumber");
        if (port && (*port == 0 || *port > 65535)) {
            skip(QCoreApplication::translate("PuttyImporter", "Port %1 is out of range.").arg(*port));
            continue;
        }

        Profile profile;
        const qsizetype slash = fullName.lastIndexOf(QLatin1Char('/'));
        profile.name = (slash < 0 ? fullName : fullName.mid(slash + 1)).trimmed();
        profile.folder = slash < 0 ? QString() : fullName.left(slash);
        if (profile.name.isEmpty())
            profile.name = host;
        profile.host = host;
        profile.protocol = sessionProtocol;
        profile.security.tlsEnabled = false; // PuTTY's Telnet and raw are plain text
        profile.port = port ? quint16(*port) : Profile::defaultPort(sessionProtocol, false);
        if (values.contains(QStringLiteral("terminaltype")))
            profile.terminal.terminalType = terminalTypeFrom(string("terminaltype"));
        if (const auto columns = dword("termwidth"); columns && *columns >= 10 && *columns <= 1000)
            profile.terminal.columns = int(*columns);
        if (const auto rows = dword("termheight"); rows && *rows >= 2 && *rows <= 1000)
            profile.terminal.rows = int(*rows);
        if (const auto lines = dword("scrollbacklines"); lines && *lines <= 1000000)
            profile.terminal.scrollbackLines = int(*lines);
        profile.terminal.encoding = encodingFrom(string("linecodepage"), profile.terminal.encoding);
        result.profiles.append(profile);
    }
    return result;
}

} // namespace PuttyImporter
