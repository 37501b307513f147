#include "cli/ListCommand.h"

#include "profiles/ProfileJson.h"
#include "profiles/ProfileManager.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

#include <algorithm>

namespace {

bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x20000 && c <= 0x3FFFD);
}

QString padded(const QString& text, int width)
{
    return text + QString(std::max(0, width - ListCommand::displayWidth(text)), QLatin1Char(' '));
}

// One line per cell: control characters in a name or host would break the table.
QString cell(QString text)
{
    for (QChar& c : text) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    }
    return text;
}

} // namespace

namespace ListCommand {

int displayWidth(const QString& text)
{
    int width = 0;
    for (const char32_t c : text.toUcs4()) {
        const QChar::Category category = QChar::category(c);
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing ||
            category == QChar::Other_Format)
            continue;
        width += isWide(c) ? 2 : 1;
    }
    return width;
}

int printUsage()
{
    QTextStream(stderr) << QCoreApplication::translate(
        "ListCommand", "Usage: tsunagi [--connect NAME|ID|URL] [--lang ja|en] [--config-dir DIR] "
                       "[--list [--names-only]]\n"
                       "       tsunagi --diagnose TARGET [options] [--json] [--lang ja|en]\n"
                       "Run tsunagi --help for more.\n");
    return 2;
}

int printHelp()
{
    QTextStream(stdout) << QCoreApplication::translate(
        "ListCommand",
        "Usage: tsunagi [--connect NAME|ID|URL] [--lang ja|en] [--config-dir DIR] [--list [--names-only]]\n"
        "       tsunagi --diagnose TARGET [options] [--json] [--lang ja|en]\n"
        "\n"
        "  --connect NAME|ID|URL  open a session: a profile's Folder/Name, its id, or a\n"
        "                         telnet:// or telnets:// URL\n"
        "  --list                 print the saved profiles as a table\n"
        "  --names-only           with --list: print one Folder/Name per line\n"
        "  --config-dir DIR       keep the profile store and settings in DIR\n"
        "  --lang ja|en           language of the window and of messages\n"
        "  --demo                 start the demo lab and add its Demo folder of profiles\n"
        "  --diagnose TARGET      try one connection and explain the result\n"
        "  --version              print the version\n"
        "  --help                 print this help\n");
    return 0;
}

int run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption list(QStringLiteral("list"));
    const QCommandLineOption namesOnly(QStringLiteral("names-only"));
    const QCommandLineOption configDir(QStringLiteral("config-dir"), QString(), QStringLiteral("dir"));
    const QCommandLineOption language(QStringLiteral("lang"), QString(), QStringLiteral("language"));
    parser.addOptions({list, namesOnly, configDir, language});
    if (!parser.parse(arguments) || !parser.positionalArguments().isEmpty() || !parser.isSet(list)) {
        const QString problem = !parser.errorText().isEmpty()
                                    ? parser.errorText()
                                    : QCoreApplication::translate("ListCommand", "Unexpected argument: %1")
                                          .arg(parser.positionalArguments().value(0));
        QTextStream(stderr) << "tsunagi: " << problem << '\n';
        return printUsage();
    }

    ProfileManager manager;
    const ProfileError error = manager.load();
    if (!error.ok()) {
        QTextStream(stderr) << "tsunagi: " << error.message << '\n';
        return 1;
    }

    QList<Profile> profiles = manager.profiles();
    std::sort(profiles.begin(), profiles.end(), [](const Profile& a, const Profile& b) {
        const QStringList pa = a.folder.split(QLatin1Char('/'));
        const QStringList pb = b.folder.split(QLatin1Char('/'));
        for (qsizetype i = 0; i < std::min(pa.size(), pb.size()); ++i) {
            if (const int c = pa.at(i).compare(pb.at(i), Qt::CaseInsensitive); c != 0)
                return c < 0;
        }
        if (pa.size() != pb.size())
            return pa.size() < pb.size();
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });

    QTextStream out(stdout);
    if (parser.isSet(namesOnly)) {
        for (const Profile& p : std::as_const(profiles))
            out << cell(p.path()) << '\n';
        return 0;
    }

    QList<QStringList> rows;
    rows.append({QCoreApplication::translate("ListCommand", "Folder"),
                 QCoreApplication::translate("ListCommand", "Name"),
                 QCoreApplication::translate("ListCommand", "Host"),
                 QCoreApplication::translate("ListCommand", "Port"),
                 QCoreApplication::translate("ListCommand", "Protocol"),
                 QCoreApplication::translate("ListCommand", "SSL/TLS")});
    for (const Profile& p : std::as_const(profiles)) {
        rows.append({cell(p.folder), cell(p.name), cell(p.host), QString::number(p.port),
                     ProfileJson::protocolName(p.protocol),
                     p.security.tlsEnabled ? QCoreApplication::translate("ListCommand", "on")
                                           : QCoreApplication::translate("ListCommand", "off")});
    }
    QList<int> widths(rows.first().size(), 0);
    for (const QStringList& row : std::as_const(rows)) {
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], displayWidth(row.at(c)));
    }
    for (const QStringList& row : std::as_const(rows)) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c) {
            const bool last = c == row.size() - 1;
            // Numbers right-aligned, the rest left-aligned; no trailing blanks.
            if (c == 3 && &row != &rows.first())
                line += QString(widths[c] - displayWidth(row.at(c)), QLatin1Char(' ')) + row.at(c);
            else
                line += last ? row.at(c) : padded(row.at(c), widths[c]);
            if (!last)
                line += QLatin1String("  ");
        }
        out << line << '\n';
    }
    if (profiles.isEmpty()) {
        out.flush();
        QTextStream(stderr) << QCoreApplication::translate("ListCommand", "No profiles are saved in %1.")
                                   .arg(QDir::toNativeSeparators(manager.storeFile()))
                            << '\n';
    }
    return 0;
}

} // namespace ListCommand
