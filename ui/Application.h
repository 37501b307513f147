#pragma once

#include <QString>
#include <QStringList>

class DemoController;
class QWidget;

// Starts the GUI: QApplication, language, the profile store, the main window, --connect.
// Returns the exit code (2 for bad command-line usage).
int runGuiApplication(int argc, char** argv);

namespace Application {

// The GUI's command line: tsunagi [--connect NAME|ID|URL] [--lang ja|en] [--config-dir DIR]
// (Qt's own options, such as -platform, are taken out by QApplication before this sees them.)
struct GuiOptions
{
    QString connect;
    bool demo = false; // --demo: start the demo lab and bring back its Demo folder
    QString error;     // bad usage, translated; printed to stderr with exit status 2
};

// Parses the arguments and applies --config-dir and --lang (CommandLine::applyCommonOptions,
// shared with the console commands). Without --lang, the language is the one last chosen in the
// Language menu, else the system's. Needs a Q(Core)Application.
GuiOptions parseAndApply(const QStringList& arguments);

// The language to start in when --lang is not given: the saved choice, else the system's.
QString startupLanguage();

// Starts the demo lab when --demo asks, when the Demo folder exists (its profiles need this run's
// ports), or on the first run without profiles when the user accepts the offer (asked once, through
// MessageBox so tests can answer). Returns whether the lab runs; a failure is shown to the user.
bool startDemoLabIfWanted(QWidget* parent, DemoController* demo, bool demoOption, bool hasProfiles);

} // namespace Application
