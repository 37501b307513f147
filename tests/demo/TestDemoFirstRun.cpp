// The first-run choice and --demo, as Application starts them: the offer appears once, only when
// there are no profiles; its answer decides; --demo and an existing Demo folder start the lab
// without asking.

#include "demo/DemoController.h"
#include "demo/DemoLab.h"
#include "profiles/ProfileManager.h"
#include "ui/Application.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/widgets/MessageBox.h"

#include "TestEnvironment.h"

#include <QFile>
#include <QTest>

class TestDemoFirstRun final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ProfileManager> m_manager;
    std::unique_ptr<DemoController> m_demo;

private slots:
    void init()
    {
        MessageBox::resetForTests();
        QFile::remove(MainWindow::settingsFile());
        m_manager = std::make_unique<ProfileManager>(TestEnvironment::freshDir(QStringLiteral("store")) +
                                                     QStringLiteral("/profiles.json"));
        QVERIFY(m_manager->load().ok());
        m_demo = std::make_unique<DemoController>(m_manager.get());
    }
    void cleanup()
    {
        m_demo.reset();
        m_manager.reset();
        MessageBox::resetForTests();
    }

    void firstRunOfferAccepted()
    {
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QVERIFY(Application::startDemoLabIfWanted(nullptr, m_demo.get(), false, false));
        QCOMPARE(MessageBox::messageCount(), 1);
        QCOMPARE(MessageBox::lastMessage().kind, MessageBox::Kind::Question);
        QVERIFY(MessageBox::lastMessage().text.contains(QStringLiteral("demo lab")));
        QVERIFY(m_demo->isRunning());
        QVERIFY(m_manager->hasFolder(DemoLab::folder()));
        QCOMPARE(m_manager->profiles().size(), DemoLab::scenarios().size());
    }

    void firstRunOfferDeclinedIsNotRepeated()
    {
        MessageBox::setNextAnswer(QMessageBox::No);
        QVERIFY(!Application::startDemoLabIfWanted(nullptr, m_demo.get(), false, false));
        QCOMPARE(MessageBox::messageCount(), 1);
        QVERIFY(!m_demo->isRunning());
        QVERIFY(m_manager->profiles().isEmpty());
        // The next start asks no more.
        QVERIFY(!Application::startDemoLabIfWanted(nullptr, m_demo.get(), false, false));
        QCOMPARE(MessageBox::messageCount(), 1);
    }

    void noOfferWhenThereAreProfiles()
    {
        QVERIFY(!Application::startDemoLabIfWanted(nullptr, m_demo.get(), false, true));
        QCOMPARE(MessageBox::messageCount(), 0);
        QVERIFY(!m_demo->isRunning());
    }

    void demoOptionStartsWithoutAsking()
    {
        QVERIFY(Application::startDemoLabIfWanted(nullptr, m_demo.get(), true, true));
        QCOMPARE(MessageBox::messageCount(), 0);
        QVERIFY(m_demo->isRunning());
        QVERIFY(m_manager->hasFolder(DemoLab::folder()));
    }

    void existingDemoFolderStartsTheLab()
    {
        QVERIFY(m_manager->addFolder(DemoLab::folder()).ok());
        QVERIFY(Application::startDemoLabIfWanted(nullptr, m_demo.get(), false, true));
        QCOMPARE(MessageBox::messageCount(), 0);
        QVERIFY(m_demo->isRunning());
    }

    void commandLineKnowsDemo()
    {
        const Application::GuiOptions options =
            Application::parseAndApply({QStringLiteral("tsunagi"), QStringLiteral("--demo")});
        QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
        QVERIFY(options.demo);
        QVERIFY(!Application::parseAndApply({QStringLiteral("tsunagi")}).demo);
    }
};

QTEST_MAIN(TestDemoFirstRun)
#include "TestDemoFirstRun.moc"
