#pragma once

// The console side of the command line: commands that need no display (--list, --diagnose,
// --help, --version). main() asks first; everything else starts the GUI.
namespace CommandLine {
bool isConsoleCommand(int argc, char** argv);
int runConsoleCommand(int argc, char** argv);
} // namespace CommandLine
