#include "cli/ListCommand.h"

#include <QTextStream>

// Placeholder until the profiles work lands (issue 2).
namespace ListCommand {
int run(const QStringList&) { return printUsage(); }
int printUsage()
{
    QTextStream(stderr) << "usage: tsunagi [--connect NAME|ID|URL] [--lang ja|en] [--config-dir DIR] [--list [--names-only]]\n";
    return 2;
}
} // namespace ListCommand
