#include "cli/DiagnoseCommand.h"

#include <QTextStream>

// Placeholder until the connection work lands (issue 3).
namespace DiagnoseCommand {
int run(const QStringList&)
{
    QTextStream(stderr) << "--diagnose is not available in this build\n";
    return 2;
}
} // namespace DiagnoseCommand
