#include "core/AppPaths.h"
#include "core/Translations.h"
#include "demo/DemoController.h"
#include "demo/DemoLab.h"
#include "profiles/ProfileFilterProxyModel.h"
#include "profiles/ProfileManager.h"
#include "profiles/ProfileTreeModel.h"
#include "ui/Application.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/widgets/MessageBox.h"

#include "TestEnvironment.h"

#include <QDir>
#include <QSettings>
#include <QTest>
#include <QTreeView>

class TestApplication final : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void languageOption();
    void savedLanguageUnlessForced();
    void configDirAndConnect();
    void menuLaunchWithEmptyConnect();
    void badUsage_data();
    void badUsage();
    void demoFolderShownWhenTheLabAddsIt();
};

void TestApplication::cleanup()
{
    AppPaths::setConfigDirOverride(QString());
    Translations::instance().setLanguage(QStringLiteral("en"));
}

void TestApplication::languageOption()
{
    Application::GuiOptions options = Application::parseAndApply(
        {QStringLiteral("tsunagi"), QStringLiteral("--lang"), QStringLiteral("ja")});
    QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
    QCOMPARE(Translations::instance().language(), QStringLiteral("ja"));

    options = Application::parseAndApply({QStringLiteral("tsunagi"), QStringLiteral("--lang=en")});
    QVERIFY(options.error.isEmpty());
    QCOMPARE(Translations::instance().language(), QStringLiteral("en"));
}

void TestApplication::savedLanguageUnlessForced()
{
    const QString dir = TestEnvironment::freshDir(QStringLiteral("saved-language"));
    {
        QSettings settings(QDir(dir).filePath(QStringLiteral("tsunagi.conf")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("ui/language"), QStringLiteral("ja"));
    }
    // The test environment's locale is C: the system language is English.
    QCOMPARE(Translations::systemLanguage(), QStringLiteral("en"));

    Application::GuiOptions options =
        Application::parseAndApply({QStringLiteral("tsunagi"), QStringLiteral("--config-dir"), dir});
    QVERIFY(options.error.isEmpty());
    QCOMPARE(Translations::instance().language(), QStringLiteral("ja")); // the Language menu's choice

    options = Application::parseAndApply({QStringLiteral("tsunagi"), QStringLiteral("--config-dir"), dir,
                                          QStringLiteral("--lang"), QStringLiteral("en")});
    QVERIFY(options.error.isEmpty());
    QCOMPARE(Translations::instance().language(), QStringLiteral("en")); // --lang wins

    // Nothing saved: the system language.
    const QString empty = TestEnvironment::freshDir(QStringLiteral("no-saved-language"));
    Translations::instance().setLanguage(QStringLiteral("ja"));
    options = Application::parseAndApply({QStringLiteral("tsunagi"), QStringLiteral("--config-dir"), empty});
    QVERIFY(options.error.isEmpty());
    QCOMPARE(Translations::instance().language(), QStringLiteral("en"));
}

void TestApplication::configDirAndConnect()
{
    const QString dir = TestEnvironment::freshDir(QStringLiteral("config-dir"));
    const Application::GuiOptions options =
        Application::parseAndApply({QStringLiteral("tsunagi"), QStringLiteral("--config-dir"), dir,
                                    QStringLiteral("--connect"), QStringLiteral("Production/web")});
    QVERIFY(options.error.isEmpty());
    QCOMPARE(options.connect, QStringLiteral("Production/web"));
    QCOMPARE(QDir(AppPaths::configDir()), QDir(dir));
    QCOMPARE(QFileInfo(MainWindow::settingsFile()).dir(), QDir(dir));
    QCOMPARE(QFileInfo(AppPaths::profileStoreFile()).dir(), QDir(dir));
}

void TestApplication::menuLaunchWithEmptyConnect()
{
    // The desktop file's `Exec=tsunagi --connect %u` with no link: start normally, open nothing.
    Application::GuiOptions options =
        Application::parseAndApply({QStringLiteral("tsunagi"), QStringLiteral("--connect")});
    QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
    QVERIFY(options.connect.isEmpty());
    options = Application::parseAndApply({QStringLiteral("tsunagi"), QStringLiteral("--connect"),
                                          QStringLiteral("--lang"), QStringLiteral("en")});
    QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
    QVERIFY(options.connect.isEmpty());
    options = Application::parseAndApply(
        {QStringLiteral("tsunagi"), QStringLiteral("--connect"), QStringLiteral("telnets://host.example")});
    QCOMPARE(options.connect, QStringLiteral("telnets://host.example"));
}

void TestApplication::badUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("unknown language") << QStringList{QStringLiteral("--lang"), QStringLiteral("fr")};
    QTest::newRow("missing language") << QStringList{QStringLiteral("--lang")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")};
    QTest::newRow("stray argument") << QStringList{QStringLiteral("host.example")};
}

void TestApplication::badUsage()
{
    QFETCH(QStringList, arguments);
    arguments.prepend(QStringLiteral("tsunagi"));
    const Application::GuiOptions options = Application::parseAndApply(arguments);
    QVERIFY(!options.error.isEmpty());
    QCOMPARE(Translations::instance().language(), QStringLiteral("en")); // nothing applied
}

void TestApplication::demoFolderShownWhenTheLabAddsIt()
{
    const QString dir = TestEnvironment::freshDir(QStringLiteral("demo-folder"));
    AppPaths::setConfigDirOverride(dir);
    MessageBox::resetForTests();
    ProfileManager manager(QDir(dir).filePath(QStringLiteral("profiles.json")));
    QVERIFY(manager.load().ok());
    MainWindow window(&manager);
    window.show();
    DemoController demo(&manager);
    auto demoIndex = [&] {
        return window.filterModel()->mapFromSource(window.treeModel()->indexForFolder(DemoLab::folder()));
    };

    // First start: the offer is accepted, the lab adds the Demo folder, and the tree opens it.
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QVERIFY(Application::startDemoLabIfWanted(&window, &demo, false, false));
    QVERIFY(demoIndex().isValid());
    QVERIFY(window.sessionTree()->isExpanded(demoIndex()));

    // A later start finds the folder already there: the user's choice to collapse it stands.
    window.sessionTree()->collapse(demoIndex());
    demo.stop();
    QVERIFY(Application::startDemoLabIfWanted(&window, &demo, false, true));
    QVERIFY(demoIndex().isValid());
    QVERIFY(!window.sessionTree()->isExpanded(demoIndex()));
    MessageBox::resetForTests();
}

QTEST_MAIN(TestApplication)
#include "TestApplication.moc"
