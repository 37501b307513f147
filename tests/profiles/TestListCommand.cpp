#include "ProfileSamples.h"
#include "TestEnvironment.h"

#include "cli/ListCommand.h"
#include "profiles/ProfileStore.h"

#include <QDir>
#include <QProcess>
#include <QtTest>

using namespace ProfileSamples;

// Runs the real tsunagi binary, as a user or a script would.
class TestListCommand final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listsProfilesAsAnAlignedTable();
    void namesOnlyPrintsPaths();
    void configDirFromTheEnvironment();
    void japaneseHeaders();
    void emptyStore();
    void badUsageExitsTwo_data();
    void badUsageExitsTwo();
    void damagedStoreExitsOneAndIsKept();
    void displayWidthCountsWideCharacters();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList& arguments, const QProcessEnvironment& environment = {}) const;
    QString m_configDir;
};

TestListCommand::Run TestListCommand::run(const QStringList& arguments,
                                          const QProcessEnvironment& environment) const
{
    QProcess process;
    QProcessEnvironment env = environment.isEmpty() ? QProcessEnvironment::systemEnvironment() : environment;
    // No display of any kind: --list must not need one.
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    env.remove("QT_QPA_PLATFORM");
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(TSUNAGI_BINARY), arguments);
    Run result;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void TestListCommand::initTestCase()
{
    QVERIFY(QFileInfo(QStringLiteral(TSUNAGI_BINARY)).isExecutable());
    m_configDir = TestEnvironment::freshDir("list-config");
    Profile web = simple("web", "Production/Osaka", "web01.osaka.example.test");
    Profile router = simple("大阪 ルーター", "Production/Osaka", "192.0.2.1");
    router.port = 23;
    router.security.tlsEnabled = false;
    Profile console = simple("Console", "", "console.example.test");
    console.port = 2001;
    console.protocol = SessionProtocol::Raw;
    console.security.tlsEnabled = false;
    QVERIFY(ProfileStoreWriter::write(QDir(m_configDir).filePath("profiles.json"),
                                      {{web, router, console}, {"Empty"}, {}})
                .ok());
}

void TestListCommand::listsProfilesAsAnAlignedTable()
{
    const Run r = run({"--list", "--config-dir", m_configDir, "--lang", "en"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.at(0).startsWith("Folder"));
    for (const char* header : {"Name", "Host", "Port", "Protocol", "SSL/TLS"})
        QVERIFY2(lines.at(0).contains(header), header);
    // Sorted: top level first, then by folder and name.
    QVERIFY(lines.at(1).contains("Console"));
    QVERIFY(lines.at(2).contains("web01.osaka.example.test"));
    QVERIFY(lines.at(3).contains("大阪 ルーター"));
    QVERIFY(lines.at(1).contains("2001") && lines.at(1).contains("raw") && lines.at(1).endsWith("off"));
    QVERIFY(lines.at(2).contains("992") && lines.at(2).contains("telnet") && lines.at(2).endsWith("on"));
    // Aligned: the host column starts at the same screen column on every line, wide characters
    // counting two.
    const auto hostColumn = [](const QString& line, const QString& host) {
        return ListCommand::displayWidth(line.left(line.indexOf(host)));
    };
    const int column = hostColumn(lines.at(0), "Host");
    QCOMPARE(hostColumn(lines.at(1), "console.example.test"), column);
    QCOMPARE(hostColumn(lines.at(2), "web01.osaka.example.test"), column);
    QCOMPARE(hostColumn(lines.at(3), "192.0.2.1"), column);
}

void TestListCommand::namesOnlyPrintsPaths()
{
    const Run r = run({"--list", "--names-only", "--config-dir=" + m_configDir});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QString("Console\nProduction/Osaka/web\nProduction/Osaka/大阪 ルーター\n"));
}

void TestListCommand::configDirFromTheEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("TSUNAGI_CONFIG_DIR", m_configDir);
    const Run r = run({"--list", "--names-only"}, env);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.count('\n'), 3);
}

void TestListCommand::japaneseHeaders()
{
    const Run en = run({"--list", "--config-dir", m_configDir, "--lang", "en"});
    const Run ja = run({"--list", "--config-dir", m_configDir, "--lang", "ja"});
    QCOMPARE(ja.exitCode, 0);
    const QString header = ja.out.section('\n', 0, 0);
    QVERIFY2(header.contains("フォルダー") && header.contains("ホスト名") && header.contains("ポート"),
             qPrintable(header));
    // The same cells, still aligned with the wider Japanese headers.
    const QStringList jaLines = ja.out.split('\n', Qt::SkipEmptyParts);
    const QStringList enLines = en.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(jaLines.size(), enLines.size());
    const int hostColumn = ListCommand::displayWidth(header.left(header.indexOf("ホスト名")));
    for (qsizetype i = 1; i < jaLines.size(); ++i) {
        QStringList jaCells = jaLines.at(i).split(' ', Qt::SkipEmptyParts);
        QStringList enCells = enLines.at(i).split(' ', Qt::SkipEmptyParts);
        QCOMPARE(jaCells.takeLast(), enCells.takeLast() == "on" ? QString("有効") : QString("無効"));
        QCOMPARE(jaCells, enCells);
        const QString host = enCells.at(enCells.size() - 3);
        QCOMPARE(ListCommand::displayWidth(jaLines.at(i).left(jaLines.at(i).indexOf(host))), hostColumn);
    }
}

void TestListCommand::emptyStore()
{
    const QString dir = TestEnvironment::freshDir("list-empty");
    const Run r = run({"--list", "--config-dir", dir, "--lang", "en"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.count('\n'), 1); // the header only
    QVERIFY(r.err.contains("No profiles"));
    QVERIFY(!QFileInfo::exists(QDir(dir).filePath("profiles.json"))); // listing writes nothing
    const Run names = run({"--list", "--names-only", "--config-dir", dir});
    QCOMPARE(names.exitCode, 0);
    QVERIFY(names.out.isEmpty());
}

void TestListCommand::badUsageExitsTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("unknown option") << QStringList{"--list", "--bogus"};
    QTest::newRow("stray argument") << QStringList{"--list", "extra"};
    QTest::newRow("bad language") << QStringList{"--list", "--lang", "fr"};
    QTest::newRow("missing config dir") << QStringList{"--list", "--config-dir"};
    QTest::newRow("missing language") << QStringList{"--list", "--lang"};
}

void TestListCommand::badUsageExitsTwo()
{
    QFETCH(QStringList, arguments);
    const Run r = run(arguments + QStringList{"--config-dir=" + m_configDir});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("Usage: tsunagi"), qPrintable(r.err));
}

void TestListCommand::damagedStoreExitsOneAndIsKept()
{
    const QString dir = TestEnvironment::freshDir("list-damaged");
    const QString file = QDir(dir).filePath("profiles.json");
    const QByteArray damaged = "{\n  \"schemaVersion\": 2,\n  \"profiles\": [ {\"name\": \"cut";
    QVERIFY(writeAll(file, damaged));
    const Run r = run({"--list", "--config-dir", dir, "--lang", "en"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(file) && r.err.contains("line 3"), qPrintable(r.err));
    QCOMPARE(readAll(file), damaged);

    const Run wrong = run({"--list", "--names-only", "--config-dir", dir + "/sub"});
    QCOMPARE(wrong.exitCode, 0); // a folder with no store yet is simply empty
    QVERIFY(QDir(dir).mkpath("typed/profiles.json"));
    const Run unreadable = run({"--list", "--config-dir", dir + "/typed", "--lang", "en"});
    QCOMPARE(unreadable.exitCode, 1);
    QVERIFY2(unreadable.err.contains("folder, not a file"), qPrintable(unreadable.err));
}

void TestListCommand::displayWidthCountsWideCharacters()
{
    QCOMPARE(ListCommand::displayWidth("abc"), 3);
    QCOMPARE(ListCommand::displayWidth("大阪"), 4);
    QCOMPARE(ListCommand::displayWidth("ｱｲ"), 2);                           // half-width katakana
    QCOMPARE(ListCommand::displayWidth("Ｈｏｓｔ"), 8);                     // full-width Latin
    QCOMPARE(ListCommand::displayWidth(QString::fromUtf8("e\xCC\x81")), 1); // e + combining acute
}

QTEST_GUILESS_MAIN(TestListCommand)
#include "TestListCommand.moc"
