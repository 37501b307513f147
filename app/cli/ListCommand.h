#pragma once

#include <QStringList>

// `tsunagi --list [--names-only]`, and the general usage text.
//
// --list prints the saved profiles (folder, name, host, port, protocol, SSL/TLS) as a table with
// aligned columns; --names-only prints one "Folder/Name" per line, the form --connect and
// --diagnose --profile accept. Exit status: 0 listed; 1 the profile store could not be read (the
// message names the file and the problem); 2 bad usage.
namespace ListCommand {
int run(const QStringList& arguments);
int printUsage(); // to stderr, returns 2
int printHelp();  // to stdout, returns 0
// Columns a terminal gives the text: 2 for East Asian wide characters, 0 for combining marks.
int displayWidth(const QString& text);
} // namespace ListCommand
