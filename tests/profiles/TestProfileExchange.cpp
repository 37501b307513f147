#include "ProfileSamples.h"
#include "TestEnvironment.h"

#include "profiles/ProfileExchange.h"
#include "profiles/ProfileManager.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace ProfileSamples;

class TestProfileExchange final : public QObject
{
    Q_OBJECT

private slots:
    void exportsSelectedProfilesAndWholeFolders();
    void exportImportRoundTrip();
    void importConflictsGetRenamedCopies();
    void importOfAStoreCopy();
    void badImportFilesAreReported_data();
    void badImportFilesAreReported();

private:
    QString dir(const QString& name) { return TestEnvironment::freshDir(name); }
};

void TestProfileExchange::exportsSelectedProfilesAndWholeFolders()
{
    ProfileManager manager(QDir(dir("select")).filePath("profiles.json"));
    QVERIFY(manager.load().ok());
    const Profile a = simple("a", "Prod/Osaka");
    const Profile b = simple("b", "Prod");
    const Profile c = simple("c", "Lab");
    const Profile d = simple("d", "Production"); // same prefix, other folder
    for (const Profile& p : {a, b, c, d})
        QVERIFY(manager.addProfile(p).ok());
    QVERIFY(manager.addFolder("Prod/Empty").ok());

    const ProfileExchange::Selection selection = ProfileExchange::select(manager, {c.id}, {"Prod"});
    QStringList names;
    for (const Profile& p : selection.profiles)
        names.append(p.path());
    names.sort();
    QCOMPARE(names, QStringList({"Lab/c", "Prod/Osaka/a", "Prod/b"}));
    QCOMPARE(selection.folders, QStringList({"Prod", "Prod/Empty", "Prod/Osaka"}));
}

void TestProfileExchange::exportImportRoundTrip()
{
    const QString file = QDir(dir("roundtrip")).filePath("export.json");
    const Profile full = everyFieldSet();
    QVERIFY(
        ProfileExchange::exportToFile(file, {{full, simple("plain")}, {"Production/Osaka", "Empty"}}).ok());
    const QJsonObject top = QJsonDocument::fromJson(readAll(file)).object();
    QCOMPARE(top.value("format").toString(), QString(ProfileExchange::kFormat));
    QCOMPARE(top.value("profiles").toArray().size(), 2);

    const ImportedProfiles imported = ProfileExchange::readFile(file);
    QVERIFY2(imported.ok(), qPrintable(imported.error.message));
    QCOMPARE(imported.profiles.size(), 2);
    QVERIFY(imported.profiles.first() == full);
    QCOMPARE(imported.folders, QStringList({"Production/Osaka", "Empty"}));

    // Into an empty manager: everything arrives as it was, ids included.
    ProfileManager target(QDir(dir("roundtrip-target")).filePath("profiles.json"));
    QVERIFY(target.load().ok());
    const auto report = target.importProfiles(imported.profiles, imported.folders);
    QVERIFY(report.renamed.isEmpty());
    QVERIFY(target.profile(full.id) == full);
    QVERIFY(target.hasFolder("Empty"));
}

void TestProfileExchange::importConflictsGetRenamedCopies()
{
    ProfileManager manager(QDir(dir("conflicts")).filePath("profiles.json"));
    QVERIFY(manager.load().ok());
    Profile mine = simple("web", "Prod", "mine.example.test");
    QVERIFY(manager.addProfile(mine).ok());
    QVERIFY(manager.addProfile(simple("web (2)", "Prod", "also-mine.example.test")).ok());

    // Export what we have, change it elsewhere, import it back: nothing of ours is overwritten.
    const QString file = QDir(dir("conflicts-file")).filePath("export.json");
    Profile theirs = mine;
    theirs.host = "theirs.example.test";
    QVERIFY(ProfileExchange::exportToFile(file, {{theirs}, {}}).ok());
    const ImportedProfiles imported = ProfileExchange::readFile(file);
    QVERIFY(imported.ok());
    const auto report = manager.importProfiles(imported.profiles, imported.folders);
    QCOMPARE(report.added.size(), 1);
    QCOMPARE(report.renamed.size(), 1);
    QVERIFY(report.renamed.first().contains("Prod/web (3)"));
    QCOMPARE(manager.profile(mine.id)->host, QString("mine.example.test"));
    const Profile copy = *manager.profile(report.added.first());
    QCOMPARE(copy.name, QString("web (3)"));
    QCOMPARE(copy.host, QString("theirs.example.test"));
    QVERIFY(copy.id != mine.id);
    QCOMPARE(manager.profiles().size(), 3);
}

void TestProfileExchange::importOfAStoreCopy()
{
    const QString file = QDir(dir("store-copy")).filePath("profiles.json");
    QVERIFY(writeAll(
        file, R"({"schemaVersion":2,"folders":["X"],"profiles":[{"name":"n","host":"h","folder":"X"}]})"));
    const ImportedProfiles imported = ProfileExchange::readFile(file);
    QVERIFY2(imported.ok(), qPrintable(imported.error.message));
    QCOMPARE(imported.profiles.first().path(), QString("X/n"));
}

void TestProfileExchange::badImportFilesAreReported_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty") << QByteArray() << QString("empty");
    QTest::newRow("not json") << QByteArray("hello\nworld") << QString("line 1");
    QTest::newRow("truncated") << QByteArray("{\"format\":\"tsunagi-profile-export\",\n\"profiles\":[{\"na")
                               << QString("line 2");
    QTest::newRow("wrong type") << QByteArray(R"({"profiles":[{"name":5}]})") << QString("profiles[0].name");
    QTest::newRow("other format") << QByteArray(R"({"format":"something-else","profiles":[]})")
                                  << QString("not a Tsunagi profile export");
    QTest::newRow("newer") << QByteArray(R"({"format":"tsunagi-profile-export","schemaVersion":7})")
                           << QString("newer version");
}

void TestProfileExchange::badImportFilesAreReported()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, mentions);
    const QString file = QDir(dir("bad")).filePath(QStringLiteral("%1.json").arg(QTest::currentDataTag()));
    QVERIFY(writeAll(file, bytes));
    const ImportedProfiles imported = ProfileExchange::readFile(file);
    QCOMPARE(imported.error.code, ProfileError::Code::ImportFailed);
    QVERIFY2(imported.error.message.contains(mentions), qPrintable(imported.error.message));
    QVERIFY(imported.error.message.contains(QDir::toNativeSeparators(file)));
    QVERIFY(imported.profiles.isEmpty());
    QCOMPARE(readAll(file), bytes); // an import never touches its source

    const ImportedProfiles missing = ProfileExchange::readFile(file + ".missing");
    QCOMPARE(missing.error.code, ProfileError::Code::ImportFailed);
}

QTEST_GUILESS_MAIN(TestProfileExchange)
#include "TestProfileExchange.moc"
