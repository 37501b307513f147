#include "cli/CommandLine.h"

#include "cli/DiagnoseCommand.h"
#include "cli/ListCommand.h"

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
} // namespace

namespace CommandLine {

bool isConsoleCommand(int argc, char** argv)
{
    return hasFlag(argc, argv, {"--list", "--diagnose", "--help", "-h", "--version", "-v"});
}

int runConsoleCommand(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tsunagi"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TSUNAGI_VERSION));
    if (hasFlag(argc, argv, {"--diagnose"}))
        return DiagnoseCommand::run(app.arguments());
    if (hasFlag(argc, argv, {"--list"}))
        return ListCommand::run(app.arguments());
    if (hasFlag(argc, argv, {"--version", "-v"})) {
        QTextStream(stdout) << "tsunagi " << TSUNAGI_VERSION << '\n';
        return 0;
    }
    return ListCommand::printUsage();
}

} // namespace CommandLine
