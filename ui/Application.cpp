#include "ui/Application.h"

#include "cli/CommandLine.h"
#include "core/AppPaths.h"
#include "core/Translations.h"
#include "demo/DemoController.h"
#include "demo/DemoLab.h"
#include "profiles/ProfileManager.h"
#include "profiles/ProfileTreeModel.h"
#include "security/SystemTrustStore.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/MessageBox.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDBusConnection>
#include <QDir>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QIcon>
#include <QImageReader>
#include <QScopeGuard>
#include <QSettings>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <dlfcn.h>
#include <future>
#include <memory>

namespace Application {

QString startupLanguage()
{
    const QSettings settings(MainWindow::settingsFile(), QSettings::IniFormat);
    const QString saved = Translations::normalize(settings.value(QStringLiteral("ui/language")).toString());
    return saved.isEmpty() ? Translations::systemLanguage() : saved;
}

// The desktop file starts `tsunagi --connect %u`; launched from the menu, %u expands to nothing.
// A bare --connect (last, or followed by another option) therefore means "no session to open".
QStringList withoutEmptyConnect(QStringList arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--connect") &&
            (i + 1 == arguments.size() || arguments.at(i + 1).startsWith(QLatin1Char('-')))) {
            arguments.removeAt(i--);
        }
    }
    return arguments;
}

GuiOptions parseAndApply(const QStringList& givenArguments)
{
    const QStringList arguments = withoutEmptyConnect(givenArguments);
    QCommandLineParser parser;
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
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QCoreApplication::translate("Application",
                                    "Start the demo lab and add its Demo folder of profiles."));
    parser.addOptions({connect, language, configDir, demo});

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
    // The config folder first: the saved language lives there.
    CommandLine::CommonOptions common;
    if (!CommandLine::applyCommonOptions(arguments, &options.error, &common))
        return options;
    if (common.language.isEmpty())
        Translations::instance().setLanguage(startupLanguage());
    options.connect = parser.value(connect);
    options.demo = parser.isSet(demo);
    return options;
}

bool startDemoLabIfWanted(QWidget* parent, DemoController* demo, bool demoOption, bool hasProfiles)
{
    bool wanted = demoOption || demo->hasDemoFolder();
    if (!wanted && !hasProfiles) {
        QSettings settings(MainWindow::settingsFile(), QSettings::IniFormat);
        if (!settings.value(QStringLiteral("demo/offered")).toBool()) {
            settings.setValue(QStringLiteral("demo/offered"), true);
            wanted = MessageBox::question(
                         parent, QCoreApplication::translate("Application", "Welcome to Tsunagi"),
                         QCoreApplication::translate(
                             "Application",
                             "You have no session profiles yet. Start the demo lab?\n\n"
                             "The demo lab runs demo hosts inside Tsunagi, on this computer only "
                             "(127.0.0.1), and adds a \"Demo\" folder: a working Telnet-over-TLS "
                             "session, and one profile for each connection error Tsunagi explains.\n\n"
                             "Remove the folder to remove the lab; start Tsunagi with --demo to bring "
                             "it back."),
                         QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes) == QMessageBox::Yes;
        }
    }
    if (!wanted)
        return false;
    const bool hadDemoFolder = demo->hasDemoFolder();
    QString error;
    if (demo->start(&error)) {
        if (auto* window = qobject_cast<MainWindow*>(parent); window && !hadDemoFolder)
            window->revealFolder(DemoLab::folder()); // show what the lab just added
        return true;
    }
    MessageBox::Message message;
    message.kind = MessageBox::Kind::Warning;
    message.title = QCoreApplication::translate("Application", "Demo Lab");
    message.text = QCoreApplication::translate("Application", "The demo lab could not start.");
    message.detailedText = error;
    message.buttons = QMessageBox::Ok;
    MessageBox::show(parent, message);
    return false;
}

} // namespace Application

namespace {
// Where the profile store most likely is, from the raw arguments and the environment: worked out
// before QApplication exists, so reading it can start at once. parseAndApply() decides for real.
QString likelyStoreFile(int argc, char** argv)
{
    QString dir;
    for (int i = 1; i < argc; ++i) {
        const QString argument = QString::fromLocal8Bit(argv[i]);
        if (argument == QLatin1String("--config-dir") && i + 1 < argc)
            dir = QString::fromLocal8Bit(argv[i + 1]);
        else if (argument.startsWith(QLatin1String("--config-dir=")))
            dir = argument.mid(int(qstrlen("--config-dir=")));
    }
    if (!dir.isEmpty())
        return QDir(dir).filePath(QStringLiteral("profiles.json"));
    return AppPaths::profileStoreFile();
}

// fontconfig's set-up (its configuration and caches: 19 M instructions, most of the font database's
// start) on a thread of its own before QApplication exists; Qt's own FcInit() then finds it done.
// Looked up at run time: Qt's GUI library links fontconfig, nothing here depends on it otherwise.
std::shared_future<void> startFontconfig()
{
    return std::async(std::launch::async, [] {
        using Init = int (*)();
        if (const auto init = reinterpret_cast<Init>(dlsym(RTLD_DEFAULT, "FcInit")))
            init();
    });
}
} // namespace

int runGuiApplication(int argc, char** argv)
{
    // Same application name as the console commands, so both find the same profile store.
    QApplication::setApplicationName(QStringLiteral("tsunagi"));
    ProfileTreeModel::buildOnPrefetch();
    ProfileManager::prefetchOutline(likelyStoreFile(argc, argv));
    const auto prefetchJoined = qScopeGuard([] { ProfileManager::dropPrefetch(); });
    const std::shared_future<void> fontconfigReady = startFontconfig(); // waits for it when it goes
    QApplication app(argc, argv);
    Icons::prefetchQuickStandardIcons(); // the window takes them at the end of its constructor
    QApplication::setApplicationDisplayName(QStringLiteral("Tsunagi"));
    QApplication::setApplicationVersion(QStringLiteral(TSUNAGI_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("tsunagi"));

    // The platform's accessibility bridge connects to the session bus the first time a widget
    // asks whether accessibility is active (while the window is built), and the UI thread waits
    // for that connection: 5-10 ms where the bus has to be found first. A worker starts it now,
    // so it is there (or known missing) by then.
    std::unique_ptr<QThread> sessionBus;
    if (QGuiApplication::platformName() != QLatin1String("offscreen") &&
        QGuiApplication::platformName() != QLatin1String("minimal")) {
        sessionBus.reset(QThread::create([] { QDBusConnection::sessionBus(); }));
        sessionBus->start();
    }
    const auto sessionBusJoined = qScopeGuard([&sessionBus] {
        if (sessionBus)
            sessionBus->wait();
    });

    // The menu bar asks the style for an icon, and Qt asks every image format plugin about the
    // style's PNG before reading it itself: loading them all (and libjpeg) is a few milliseconds,
    // which a worker spends now. Qt hands the plugins to the UI thread.
    const std::unique_ptr<QThread> imagePlugins(
        QThread::create([] { QImageReader::supportedImageFormats(); }));
    imagePlugins->start();
    const auto imagePluginsJoined = qScopeGuard([&imagePlugins] { imagePlugins->wait(); });

    const Application::GuiOptions options = Application::parseAndApply(QApplication::arguments());
    if (!options.error.isEmpty()) {
        QTextStream(stderr) << "tsunagi: " << options.error << '\n';
        return 2;
    }

    // The store is read on a worker thread while the window is built; the tree starts from the
    // store's quick outline, so the first frame does not wait for the full read (5,000 profiles:
    // about 250 ms). What needs the profiles themselves runs once the read has finished.
    ProfileManager manager;
    manager.loadInBackground(ProfileManager::FullRead::AfterRelease); // see below
    // The font database (fontconfig: about 30 M instructions) fills on a worker thread while the
    // window is built; the first text layout on the UI thread waits for it under Qt's lock.
    // Then it loads the application font once: its engine is this thread's own, but fontconfig's
    // list of fallback fonts for it (FcFontSort: 1.5 M instructions) is kept for every thread.
    const std::unique_ptr<QThread> fonts(QThread::create([fontconfigReady] {
        fontconfigReady.wait();
        QFontDatabase::families();
        QFontMetrics(QGuiApplication::font()).height();
    }));
    fonts->start();
    const auto fontsJoined = qScopeGuard([&fonts] { fonts->wait(); });

    MainWindow window(&manager);
    window.restoreSettings();
    DemoController demo(&manager); // the lab stops when the application quits
    QObject::connect(&manager, &ProfileManager::loadFinished, &window,
                     [&window, &demo, &manager, options](const ProfileError& loadError) {
                         // Off the UI thread, now the window is up: TLS sessions need the system's
                         // CA certificates, which take 100-150 ms to load.
                         SystemTrustStore::instance().load();
                         if (!loadError.ok())
                             window.showStoreError(loadError);
                         else
                             Application::startDemoLabIfWanted(&window, &demo, options.demo,
                                                               !manager.profiles().isEmpty());
                         if (!options.connect.isEmpty())
                             window.connectTo(options.connect);
                     });
    // The full read (5,000 profiles: 1.2 G instructions) starts once the first frame is painted:
    // before it, it only took memory bandwidth and the second core from the UI thread. At the
    // latest after a second (a window that is never painted).
    QObject::connect(&window, &MainWindow::startupFinished, &manager, &ProfileManager::releaseFullRead);
    // The icon, too, once the first frame is painted: whether Qt can read SVG is known only by
    // loading every image format plugin (a few milliseconds), and no frame shows it.
    QObject::connect(&window, &MainWindow::startupFinished, &app,
                     [] { QApplication::setWindowIcon(Icons::application()); });
    QTimer::singleShot(1000, &manager, &ProfileManager::releaseFullRead);
    window.show();

    return app.exec();
}
