#pragma once

#include <QStringList>

// `tsunagi --list [--names-only]`, and the general usage text.
namespace ListCommand {
int run(const QStringList& arguments);
int printUsage();
} // namespace ListCommand
