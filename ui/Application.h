#pragma once

// Starts the GUI: QApplication, language, the profile store, the main window, --connect.
// Returns the exit code (2 for bad command-line usage).
int runGuiApplication(int argc, char** argv);
