#include "core/AppPaths.h"
#include "core/Translations.h"
#include "ui/Application.h"
#include "ui/mainwindow/MainWindow.h"

#include "TestEnvironment.h"

#include <QDir>
#include <QSettings>
#include <QTest>

class TestApplication final : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void languageOption();
    void savedLanguageUnlessForced();
    void configDirAndConnect();
    void badUsage_data();
    void badUsage();
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

void TestApplication::badUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("unknown language") << QStringList{QStringLiteral("--lang"), QStringLiteral("fr")};
    QTest::newRow("missing language") << QStringList{QStringLiteral("--lang")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")};
    QTest::newRow("stray argument") << QStringList{QStringLiteral("host.example")};
    QTest::newRow("missing connect target") << QStringList{QStringLiteral("--connect")};
}

void TestApplication::badUsage()
{
    QFETCH(QStringList, arguments);
    arguments.prepend(QStringLiteral("tsunagi"));
    const Application::GuiOptions options = Application::parseAndApply(arguments);
    QVERIFY(!options.error.isEmpty());
    QCOMPARE(Translations::instance().language(), QStringLiteral("en")); // nothing applied
}

QTEST_MAIN(TestApplication)
#include "TestApplication.moc"
