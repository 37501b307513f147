// `tsunagi --diagnose --profile "Demo/<name>"` as a help desk runs it: the command starts the demo
// lab in its own process, on that run's ports, and prints the profile's intended entry and cause.

#include "demo/DemoController.h"
#include "demo/DemoLab.h"
#include "profiles/ProfileManager.h"
#include "security/CipherPolicy.h"

#include "TestEnvironment.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestDemoDiagnose final : public QObject
{
    Q_OBJECT

private:
    QString m_configDir;

private slots:
    void initTestCase()
    {
        // The Demo folder as the application leaves it; its lab is gone, so its ports are stale.
        m_configDir = TestEnvironment::freshDir(QStringLiteral("config"));
        ProfileManager manager(m_configDir + QStringLiteral("/profiles.json"));
        QVERIFY(manager.load().ok());
        DemoController demo(&manager);
        QVERIFY(demo.start());
    }

    void diagnosesEveryDemoProfile_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("cause");
        for (const DemoLab::Scenario& scenario : DemoLab::scenarios()) {
            // The rejected token lives in the keychain of the process that stored it; this test's
            // keychain is in memory, so the command's own process has none.
            if (scenario.key == QLatin1String("proxy-token-rejected"))
                continue;
            QTest::newRow(qPrintable(scenario.key))
                << QString::fromLatin1(scenario.name) << scenario.entry << scenario.cause;
        }
    }

    void diagnosesEveryDemoProfile()
    {
        QFETCH(QString, name);
        QFETCH(QString, entry);
        QFETCH(QString, cause);
        if (entry == QLatin1String("encryption-strength-unavailable") &&
            CipherPolicies::isAvailable(EncryptionStrength::Bits168))
            QSKIP("this OpenSSL still offers 3DES");
        QProcess process;
        process.setProgram(QStringLiteral(TSUNAGI_BINARY));
        process.setArguments({QStringLiteral("--diagnose"), QStringLiteral("--profile"),
                              DemoLab::folder() + QLatin1Char('/') + name, QStringLiteral("--json"),
                              QStringLiteral("--observe"), QStringLiteral("1"), QStringLiteral("--lang"),
                              QStringLiteral("en"), QStringLiteral("--config-dir"), m_configDir});
        process.start();
        QVERIFY(process.waitForFinished(30000));
        const QByteArray output = process.readAllStandardOutput();
        const QJsonObject json = QJsonDocument::fromJson(output).object();
        QVERIFY2(!json.isEmpty(), output.constData());
        if (entry.isEmpty()) {
            QCOMPARE(process.exitCode(), 0);
            QVERIFY(json.value(QStringLiteral("ok")).toBool());
            return;
        }
        QCOMPARE(process.exitCode(), 1);
        QCOMPARE(json.value(QStringLiteral("entry")).toString(), entry);
        QCOMPARE(json.value(QStringLiteral("cause")).toString(), cause);
    }
};

QTEST_GUILESS_MAIN(TestDemoDiagnose)
#include "TestDemoDiagnose.moc"
