#pragma once

#include <QStringList>

// `tsunagi --diagnose TARGET [options] [--json] [--lang ja|en]`: see design.md.
namespace DiagnoseCommand {
int run(const QStringList& arguments);
} // namespace DiagnoseCommand
