#include "cli/CommandLine.h"
#include "ui/Application.h"

int main(int argc, char** argv)
{
    if (CommandLine::isConsoleCommand(argc, argv))
        return CommandLine::runConsoleCommand(argc, argv);
    return runGuiApplication(argc, argv);
}
