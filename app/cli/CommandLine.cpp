#include "cli/CommandLine.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstring>

namespace CommandLine {

bool isConsoleCommand(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char* flag : {"--list", "--diagnose", "--help", "-h", "--version", "-v"}) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

int runConsoleCommand(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTextStream(stdout) << "tsunagi " << TSUNAGI_VERSION << '\n';
    return 0;
}

} // namespace CommandLine
