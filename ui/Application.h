#pragma once

// Starts the GUI: QApplication, translations, the main window. Returns the exit code.
int runGuiApplication(int argc, char** argv);
