#include "ui/Application.h"

#include "core/AppPaths.h"
#include "core/Translations.h"
#include "profiles/ProfileManager.h"
#include "ui/mainwindow/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>
#include <QTextStream>

namespace {
struct GuiOptions
{
    QString connect;
    QString language;
    QString configDir;
    QString error; // bad usage, in English and the chosen language alike: printed to stderr
};

GuiOptions parseOptions(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("Application", "Terminal connection manager"));
    const QCommandLineOption connect(QStringLiteral("connect"),
                                     QCoreApplication::translate("Application",
                                                                 "Open a session at start: a profile "
                                                                 "(Folder/Name, id or name) or a telnet://, "
                                                                 "telnets:// or tsunagi:// address."),
                                     QStringLiteral("target"));
    const QCommandLineOption language(QStringLiteral("lang"),
                                      QCoreApplication::translate("Application", "Language: ja or en."),
                                      QStringLiteral("language"));
    const QCommandLineOption configDir(
        QStringLiteral("config-dir"),
        QCoreApplication::translate("Application", "Folder for the profile store and settings."),
        QStringLiteral("dir"));
    parser.addOptions({connect, language, configDir});

    GuiOptions options;
    if (!parser.parse(arguments)) {
        options.error = parser.errorText();
        return options;
    }
    if (!parser.positionalArguments().isEmpty()) {
        options.error = QCoreApplication::translate("Application", "Unexpected argument: %1")
                            .arg(parser.positionalArguments().first());
        return options;
    }
    options.connect = parser.value(connect);
    options.configDir = parser.value(configDir);
    if (parser.isSet(language)) {
        options.language = Translations::normalize(parser.value(language));
        if (options.language.isEmpty())
            options.error =
                QCoreApplication::translate("Application", "Unknown language \"%1\": use ja or en.")
                    .arg(parser.value(language));
    }
    return options;
}
} // namespace

int runGuiApplication(int argc, char** argv)
{
    QApplication app(argc, argv);
    // Same application name as the console commands, so both find the same profile store.
    QApplication::setApplicationName(QStringLiteral("tsunagi"));
    QApplication::setApplicationDisplayName(QStringLiteral("Tsunagi"));
    QApplication::setApplicationVersion(QStringLiteral(TSUNAGI_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("tsunagi"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/tsunagi.svg")));

    const GuiOptions options = parseOptions(QApplication::arguments());
    if (!options.error.isEmpty()) {
        QTextStream(stderr) << "tsunagi: " << options.error << '\n';
        return 2;
    }
    if (!options.configDir.isEmpty())
        AppPaths::setConfigDirOverride(options.configDir);

    // --lang, else the language last chosen in the Language menu, else the system's.
    QString language = options.language;
    if (language.isEmpty()) {
        const QSettings settings(MainWindow::settingsFile(), QSettings::IniFormat);
        language = Translations::normalize(settings.value(QStringLiteral("ui/language")).toString());
    }
    if (language.isEmpty())
        language = Translations::systemLanguage();
    Translations::instance().setLanguage(language);

    ProfileManager manager;
    const ProfileError loadError = manager.load();

    MainWindow window(&manager);
    window.restoreSettings();
    window.show();
    if (!loadError.ok())
        window.showStoreError(loadError);
    if (!options.connect.isEmpty())
        window.connectTo(options.connect);

    return app.exec();
}
