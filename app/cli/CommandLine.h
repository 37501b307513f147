#pragma once

#include <QString>
#include <QStringList>

// The console side of the command line: commands that need no display (--list, --diagnose,
// --help, --version). main() asks first; everything else starts the GUI.
namespace CommandLine {
bool isConsoleCommand(int argc, char** argv);
int runConsoleCommand(int argc, char** argv);

// What applyCommonOptions() found: empty when the option was not given.
struct CommonOptions
{
    QString configDir;
    QString language; // "ja" | "en"
};

// --config-dir DIR and --lang ja|en (also written --config-dir=DIR, --lang=ja), for the console
// commands and the GUI alike: sets AppPaths' config override and Translations' language. Needs a
// Q(Core)Application. The language is only set when --lang is given, so a caller with its own
// default (the system language, a saved choice) applies that first or after. Returns false, with
// a translated message in *error, for a missing or bad value; nothing is applied then.
bool applyCommonOptions(const QStringList& arguments, QString* error, CommonOptions* applied = nullptr);
} // namespace CommandLine
