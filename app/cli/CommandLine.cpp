#include "cli/CommandLine.h"

#include "cli/DiagnoseCommand.h"
#include "cli/ListCommand.h"
#include "core/AppPaths.h"
#include "core/Translations.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstring>

namespace {
bool hasFlag(int argc, char** argv, std::initializer_list<const char*> flags)
{
    for (int i = 1; i < argc; ++i) {
        for (const char* flag : flags) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

// "--name value" or "--name=value"; *found tells whether the option was there at all.
bool optionValue(const QStringList& arguments, const QString& name, QString* value, bool* found,
                 QString* error)
{
    *found = false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == name) {
            *found = true;
            if (i + 1 >= arguments.size() || arguments.at(i + 1).startsWith(QLatin1String("--"))) {
                *error = QCoreApplication::translate("CommandLine", "%1 needs a value.").arg(name);
                return false;
            }
            *value = arguments.at(i + 1);
            ++i;
        } else if (argument.startsWith(name + QLatin1Char('='))) {
            *found = true;
            *value = argument.mid(name.size() + 1);
        }
    }
    if (*found && value->trimmed().isEmpty()) {
        *error = QCoreApplication::translate("CommandLine", "%1 needs a value.").arg(name);
        return false;
    }
    return true;
}
} // namespace

namespace CommandLine {

bool isConsoleCommand(int argc, char** argv)
{
    return hasFlag(argc, argv, {"--list", "--diagnose", "--help", "-h", "--version", "-v"});
}

bool applyCommonOptions(const QStringList& arguments, QString* error, CommonOptions* applied)
{
    QString dummy;
    if (!error)
        error = &dummy;
    CommonOptions options;
    bool hasConfig = false;
    bool hasLanguage = false;
    if (!optionValue(arguments, QStringLiteral("--config-dir"), &options.configDir, &hasConfig, error))
        return false;
    QString language;
    if (!optionValue(arguments, QStringLiteral("--lang"), &language, &hasLanguage, error))
        return false;
    if (hasLanguage) {
        options.language = Translations::normalize(language);
        if (options.language.isEmpty() || language.trimmed().size() != 2) {
            *error = QCoreApplication::translate("CommandLine", "--lang takes ja or en, not \"%1\".")
                         .arg(language);
            return false;
        }
    }
    if (hasConfig)
        AppPaths::setConfigDirOverride(options.configDir);
    if (hasLanguage)
        Translations::instance().setLanguage(options.language);
    if (applied)
        *applied = options;
    return true;
}

int runConsoleCommand(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tsunagi"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TSUNAGI_VERSION));
    // Console output follows the system language unless --lang says otherwise.
    Translations::instance().setLanguage(Translations::systemLanguage());
    QString error;
    if (!applyCommonOptions(app.arguments(), &error)) {
        QTextStream(stderr) << "tsunagi: " << error << '\n';
        return ListCommand::printUsage();
    }
    if (hasFlag(argc, argv, {"--diagnose"}))
        return DiagnoseCommand::run(app.arguments());
    if (hasFlag(argc, argv, {"--list"}))
        return ListCommand::run(app.arguments());
    if (hasFlag(argc, argv, {"--version", "-v"})) {
        QTextStream(stdout) << "tsunagi " << TSUNAGI_VERSION << '\n';
        return 0;
    }
    if (hasFlag(argc, argv, {"--help", "-h"}))
        return ListCommand::printHelp();
    return ListCommand::printUsage();
}

} // namespace CommandLine
