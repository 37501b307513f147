#include "ProfileSamples.h"
#include "TestEnvironment.h"

#include "profiles/ProfileJson.h"
#include "profiles/ProfileStore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace ProfileSamples;

namespace {
// Counts an aggregate's fields (each AnyField initializes one member), so that a field added to
// a profile value type without being stored fails a test instead of being lost silently.
struct AnyField
{
    template <typename T> operator T() const;
};
template <typename T, typename... Fields> consteval int fieldCount()
{
    if constexpr (requires { T{Fields{}..., AnyField{}}; })
        return fieldCount<T, Fields..., AnyField>();
    else
        return int(sizeof...(Fields));
}
} // namespace

class TestProfileStore final : public QObject
{
    Q_OBJECT

private slots:
    void everyFieldIsKnown();
    void roundTripsEveryField();
    void writesSchemaVersionAndNoSecrets();
    void keepsUnknownFields();
    void migratesVersionOne();
    void migrationKeepsTheOldFileOnFirstSave();
    void missingFileIsAnEmptyStore();
    void damagedStoreIsReportedKeptAndNotOverwritten_data();
    void damagedStoreIsReportedKeptAndNotOverwritten();
    void unreadableStoreIsReportedAndNotOverwritten();
    void startWithEmptyListMovesTheDamagedFileAside();
    void writeIsAtomicAndPrivate();
    void everyTruncationIsReportedNotCrashed();

private:
    QString storeIn(const QString& name)
    {
        return QDir(TestEnvironment::freshDir(name)).filePath("profiles.json");
    }
};

void TestProfileStore::everyFieldIsKnown()
{
    // When one of these fails, a field was added: read and write it in ProfileJson.cpp, set it
    // away from its default in ProfileSamples::everyFieldSet(), then update the count here.
    QCOMPARE(fieldCount<Profile>(), 14);
    QCOMPARE(fieldCount<SecuritySettings>(), 15);
    QCOMPARE(fieldCount<ClientCertificateSettings>(), 3);
    QCOMPARE(fieldCount<PinnedCertificate>(), 4);
    QCOMPARE(fieldCount<SecurityProxySettings>(), 4);
    QCOMPARE(fieldCount<TerminalSettings>(), 13);
    QCOMPARE(fieldCount<LoggingSettings>(), 2);
}

void TestProfileStore::roundTripsEveryField()
{
    const QString file = storeIn("roundtrip");
    ProfileStoreData data;
    data.profiles = {everyFieldSet(), simple("plain")};
    data.folders = {"Empty", "Production", "Production/Osaka"};
    QVERIFY(ProfileStoreWriter::write(file, data).ok());

    const ProfileStoreReader::Result read = ProfileStoreReader::read(file);
    QVERIFY2(read.error.ok(), qPrintable(read.error.message));
    QVERIFY(read.exists);
    QCOMPARE(read.schemaVersion, ProfileStoreReader::kCurrentSchemaVersion);
    QCOMPARE(read.data.profiles.size(), 2);
    const Profile& back = read.data.profiles.first();
    const Profile expected = everyFieldSet();
    // Field groups first, so a failure says which one.
    QCOMPARE(back.security.pinnedCertificates, expected.security.pinnedCertificates);
    QVERIFY(back.security == expected.security);
    QVERIFY(back.terminal == expected.terminal);
    QVERIFY(back.logging == expected.logging);
    QCOMPARE(back.created, expected.created);
    QCOMPARE(back.modified, expected.modified);
    QVERIFY(back == expected);
    QVERIFY(read.data.profiles.at(1) == data.profiles.at(1));
    QCOMPARE(read.data.folders, data.folders);

    // Writing what was read gives the same bytes: nothing drifts on every save.
    QCOMPARE(ProfileStoreWriter::serialize(read.data), readAll(file));
}

void TestProfileStore::writesSchemaVersionAndNoSecrets()
{
    const QByteArray bytes = ProfileStoreWriter::serialize({{everyFieldSet()}, {}, {}});
    const QJsonObject top = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(top.value("schemaVersion").toInt(), 2);
    const QJsonObject profile = top.value("profiles").toArray().first().toObject();
    QCOMPARE(profile.value("protocol").toString(), QString("raw"));
    QCOMPARE(profile.value("security").toObject().value("encryptionStrength").toString(), QString("256"));
    QCOMPARE(profile.value("security").toObject().value("minimumVersion").toString(), QString("1.1"));
    QCOMPARE(profile.value("security").toObject().value("trustSource").toString(), QString("app"));
    QCOMPARE(profile.value("security").toObject().value("revocation").toString(), QString("crl"));
    for (const char* secretish : {"passphrase", "password", "token\""})
        QVERIFY2(!bytes.contains(secretish), secretish);
}

void TestProfileStore::keepsUnknownFields()
{
    const QString file = storeIn("unknown");
    QJsonObject profile = ProfileJson::toJson(simple("web"));
    profile.insert("futureTopLevel", QJsonArray{1, 2, 3});
    QJsonObject security = profile.value("security").toObject();
    security.insert("futureSecurity", "x");
    QJsonObject proxy = security.value("proxy").toObject();
    proxy.insert("futureProxy", true);
    security.insert("proxy", proxy);
    profile.insert("security", security);
    QJsonObject terminal = profile.value("terminal").toObject();
    terminal.insert("cursorShape", "block");
    profile.insert("terminal", terminal);
    const QJsonObject top{{"schemaVersion", 2},
                          {"profiles", QJsonArray{profile}},
                          {"folders", QJsonArray{}},
                          {"windowState", QJsonObject{{"a", 1}}}};
    QVERIFY(writeAll(file, QJsonDocument(top).toJson()));

    ProfileStore store(file);
    const ProfileStoreReader::Result read = store.load();
    QVERIFY2(read.error.ok(), qPrintable(read.error.message));
    QCOMPARE(read.data.unknownFields.value("windowState").toObject().value("a").toInt(), 1);
    Profile p = read.data.profiles.first();
    QVERIFY(p.unknownFields.contains("futureTopLevel"));
    p.name = "renamed"; // a change, then a save
    ProfileStoreData data = read.data;
    data.profiles = {p};
    QVERIFY(store.save(data).ok());

    const QJsonObject written = QJsonDocument::fromJson(readAll(file)).object();
    QCOMPARE(written.value("windowState").toObject().value("a").toInt(), 1);
    const QJsonObject writtenProfile = written.value("profiles").toArray().first().toObject();
    QCOMPARE(writtenProfile.value("name").toString(), QString("renamed"));
    QCOMPARE(writtenProfile.value("futureTopLevel").toArray().size(), 3);
    const QJsonObject writtenSecurity = writtenProfile.value("security").toObject();
    QCOMPARE(writtenSecurity.value("futureSecurity").toString(), QString("x"));
    QCOMPARE(writtenSecurity.value("proxy").toObject().value("futureProxy").toBool(), true);
    QCOMPARE(writtenSecurity.value("proxy").toObject().value("enabled").toBool(), false);
    QCOMPARE(writtenProfile.value("terminal").toObject().value("cursorShape").toString(), QString("block"));
    QCOMPARE(writtenProfile.value("terminal").toObject().value("columns").toInt(), 80);
}

void TestProfileStore::migratesVersionOne()
{
    const QByteArray v1 = R"({
  "schemaVersion": 1,
  "profiles": [
    { "id": "0f6c7d1e-1111-4222-8333-944455556666", "name": "Router", "folder": "Lab/Rack 2",
      "host": "192.0.2.10", "port": 23, "protocol": "telnet", "tls": false,
      "terminalType": "vt100", "encoding": "EUC-JP", "logFile": "/var/log/tsunagi/%N.log",
      "notes": "old", "legacyColour": "green" },
    { "name": "Secure", "host": "secure.example.test", "port": 992, "tls": true }
  ],
  "lastUsed": "Router"
})";
    const ProfileStoreReader::Result read = ProfileStoreReader::parse(v1, "v1.json");
    QVERIFY2(read.error.ok(), qPrintable(read.error.message));
    QVERIFY(read.migrated());
    QCOMPARE(read.schemaVersion, 1);
    QCOMPARE(read.data.profiles.size(), 2);
    const Profile& router = read.data.profiles.at(0);
    QCOMPARE(router.id, QUuid::fromString(QStringLiteral("0f6c7d1e-1111-4222-8333-944455556666")));
    QCOMPARE(router.folder, QString("Lab/Rack 2"));
    QCOMPARE(router.host, QString("192.0.2.10"));
    QCOMPARE(router.port, quint16(23));
    QCOMPARE(router.security.tlsEnabled, false);
    QCOMPARE(router.terminal.terminalType, QString("vt100"));
    QCOMPARE(router.terminal.encoding, QString("EUC-JP"));
    QCOMPARE(router.logging.mode, LoggingSettings::Mode::Text);
    QCOMPARE(router.logging.pathPattern, QString("/var/log/tsunagi/%N.log"));
    QCOMPARE(router.unknownFields.value("legacyColour").toString(), QString("green"));
    const Profile& secure = read.data.profiles.at(1);
    QVERIFY(!secure.id.isNull());
    QCOMPARE(secure.security.tlsEnabled, true);
    QCOMPARE(secure.security.minimumVersion, TlsVersion::Tls1_2); // secure default, not older
    QCOMPARE(read.data.unknownFields.value("lastUsed").toString(), QString("Router"));

    // A file without any schemaVersion is the oldest layout too.
    const ProfileStoreReader::Result unversioned =
        ProfileStoreReader::parse(R"({"profiles":[{"name":"x","host":"h","tls":true}]})", "old.json");
    QVERIFY(unversioned.error.ok());
    QCOMPARE(unversioned.schemaVersion, 1);
    QCOMPARE(unversioned.data.profiles.first().security.tlsEnabled, true);
}

void TestProfileStore::migrationKeepsTheOldFileOnFirstSave()
{
    const QString file = storeIn("migration-save");
    const QByteArray v1 = R"({"schemaVersion":1,"profiles":[{"name":"a","host":"h","tls":false}]})";
    QVERIFY(writeAll(file, v1));
    ProfileStore store(file);
    const ProfileStoreReader::Result read = store.load();
    QVERIFY(read.error.ok());
    QVERIFY(store.save(read.data).ok());
    QCOMPARE(readAll(file + ".schema1.bak"), v1);
    const ProfileStoreReader::Result again = ProfileStoreReader::read(file);
    QCOMPARE(again.schemaVersion, 2);
    QCOMPARE(again.data.profiles.first().name, QString("a"));
    QCOMPARE(again.data.profiles.first().security.tlsEnabled, false);
}

void TestProfileStore::missingFileIsAnEmptyStore()
{
    const QString file = storeIn("missing");
    ProfileStore store(file);
    const ProfileStoreReader::Result read = store.load();
    QVERIFY(read.error.ok());
    QVERIFY(!read.exists);
    QVERIFY(read.data.profiles.isEmpty());
    QVERIFY(!store.isDamaged());
    QVERIFY(store.save({{simple("first")}, {}, {}}).ok());
    QVERIFY(QFileInfo::exists(file));
}

void TestProfileStore::damagedStoreIsReportedKeptAndNotOverwritten_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("line"); // 0: no position expected
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("jsonPath");

    const QByteArray good = ProfileStoreWriter::serialize({{everyFieldSet(), simple("b")}, {"X"}, {}});
    const int parse = int(ProfileError::Code::StoreParseError);
    const int wrong = int(ProfileError::Code::StoreWrongType);
    // Cut inside the second line: "  \"folders\": [" is line 2.
    QTest::newRow("truncated") << good.left(good.size() / 2) << parse << -1 << -1 << QString();
    QTest::newRow("empty") << QByteArray() << parse << 0 << 0 << QString();
    QTest::newRow("invalid json") << QByteArray("{\n  \"schemaVersion\": 2,\n  \"profiles\": [ }\n") << parse
                                  << 3 << 17 << QString(); // the '}'; Qt may point just past it
    QTest::newRow("not an object") << QByteArray("[1, 2]") << wrong << 0 << 0 << QString("(top level)");
    QTest::newRow("profiles not a list")
        << QByteArray(R"({"schemaVersion":2,"profiles":{"a":1}})") << wrong << 0 << 0 << QString("profiles");
    QTest::newRow("port is text")
        << QByteArray(R"({"schemaVersion":2,"profiles":[{"name":"a"},{"name":"b","port":"23"}]})") << wrong
        << 0 << 0 << QString("profiles[1].port");
    QTest::newRow("port out of range")
        << QByteArray(R"({"schemaVersion":2,"profiles":[{"name":"a","port":70000}]})") << wrong << 0 << 0
        << QString("profiles[0].port");
    QTest::newRow("nested wrong type")
        << QByteArray(
               R"({"schemaVersion":2,"profiles":[{"name":"a","security":{"proxy":{"enabled":"yes"}}}]})")
        << wrong << 0 << 0 << QString("profiles[0].security.proxy.enabled");
    QTest::newRow("unknown enum value")
        << QByteArray(R"({"schemaVersion":2,"profiles":[{"name":"a","security":{"minimumVersion":"0.9"}}]})")
        << wrong << 0 << 0 << QString("profiles[0].security.minimumVersion");
    QTest::newRow("schemaVersion is text")
        << QByteArray(R"({"schemaVersion":"2"})") << wrong << 0 << 0 << QString("schemaVersion");
    QTest::newRow("newer schema") << QByteArray(R"({"schemaVersion":99,"profiles":[]})")
                                  << int(ProfileError::Code::StoreNewerVersion) << 0 << 0 << QString();
}

void TestProfileStore::damagedStoreIsReportedKeptAndNotOverwritten()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, code);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, jsonPath);

    const QString file = storeIn(QStringLiteral("damaged-%1").arg(QTest::currentDataTag()).replace(' ', '-'));
    QVERIFY(writeAll(file, bytes));

    ProfileStore store(file);
    const ProfileStoreReader::Result read = store.load();
    QCOMPARE(int(read.error.code), code);
    QVERIFY(store.isDamaged());
    QCOMPARE(read.error.file, file);
    QVERIFY2(read.error.message.contains(QDir::toNativeSeparators(file)), qPrintable(read.error.message));
    if (line > 0) {
        QCOMPARE(read.error.line, line);
        QVERIFY2(read.error.column == column || read.error.column == column + 1,
                 qPrintable(QString::number(read.error.column)));
        QVERIFY(read.error.offset >= 0);
        QVERIFY2(read.error.message.contains(QStringLiteral("line %1").arg(line)),
                 qPrintable(read.error.message));
    } else if (line < 0) {
        QVERIFY(read.error.line >= 1);
        QVERIFY(read.error.offset > 0);
    }
    if (!jsonPath.isEmpty()) {
        QCOMPARE(read.error.jsonPath, jsonPath);
        QVERIFY2(read.error.message.contains(jsonPath), qPrintable(read.error.message));
    }

    // A backup copy is kept, byte for byte.
    QVERIFY(!read.error.backupFile.isEmpty());
    QCOMPARE(readAll(read.error.backupFile), bytes);
    QVERIFY(read.error.message.contains(QDir::toNativeSeparators(read.error.backupFile)));

    // A later save is refused and the file is untouched.
    const ProfileError saved = store.save({{simple("new")}, {}, {}});
    QCOMPARE(saved.code, ProfileError::Code::StoreDamaged);
    QVERIFY(!saved.message.isEmpty());
    QCOMPARE(readAll(file), bytes);

    // Loading again (the next start) does not pile up copies.
    ProfileStore again(file);
    QCOMPARE(again.load().error.backupFile, read.error.backupFile);
    QCOMPARE(QDir(QFileInfo(file).absolutePath()).entryList(QDir::Files).size(), 2);
}

void TestProfileStore::unreadableStoreIsReportedAndNotOverwritten()
{
    // Tests run as root, so permissions cannot make a file unreadable: a folder in the way can.
    const QString file = storeIn("unreadable");
    QVERIFY(QDir().mkpath(file));
    QVERIFY(writeAll(file + "/inside.txt", "keep me"));

    ProfileStore store(file);
    const ProfileStoreReader::Result read = store.load();
    QCOMPARE(read.error.code, ProfileError::Code::StoreUnreadable);
    QVERIFY(read.error.message.contains(QDir::toNativeSeparators(file)));
    QVERIFY(store.isDamaged());
    QCOMPARE(store.save({{simple("new")}, {}, {}}).code, ProfileError::Code::StoreDamaged);
    QVERIFY(QFileInfo(file).isDir());
    QCOMPARE(readAll(file + "/inside.txt"), QByteArray("keep me"));
}

void TestProfileStore::startWithEmptyListMovesTheDamagedFileAside()
{
    const QString file = storeIn("start-empty");
    const QByteArray damaged = "{\"schemaVersion\": 2, \"profiles\": [ {\"name\": \"cut";
    QVERIFY(writeAll(file, damaged));
    ProfileStore store(file);
    QVERIFY(!store.load().error.ok());

    const ProfileError chosen = store.startWithEmptyList();
    QVERIFY2(chosen.ok(), qPrintable(chosen.message));
    QVERIFY(!chosen.backupFile.isEmpty());
    QCOMPARE(readAll(chosen.backupFile), damaged);
    QVERIFY(!store.isDamaged());
    QVERIFY(store.save({{simple("fresh")}, {}, {}}).ok());
    QCOMPARE(ProfileStoreReader::read(file).data.profiles.first().name, QString("fresh"));
    QCOMPARE(readAll(chosen.backupFile), damaged);

    // The same for a folder in the way.
    const QString dirFile = storeIn("start-empty-dir");
    QVERIFY(QDir().mkpath(dirFile));
    ProfileStore dirStore(dirFile);
    QVERIFY(!dirStore.load().error.ok());
    const ProfileError moved = dirStore.startWithEmptyList();
    QVERIFY2(moved.ok(), qPrintable(moved.message));
    QVERIFY(QFileInfo(moved.backupFile).isDir());
    QVERIFY(dirStore.save({}).ok());
    QVERIFY(QFileInfo(dirFile).isFile());
}

void TestProfileStore::writeIsAtomicAndPrivate()
{
    const QString file = storeIn("atomic");
    QVERIFY(ProfileStoreWriter::write(file, {{simple("a")}, {}, {}}).ok());
    QCOMPARE(QFileInfo(file).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());
    // A file that cannot be written leaves the old one in place: make the target a read-only path.
    const QString blocked = QDir(TestEnvironment::freshDir("atomic-blocked")).filePath("sub/profiles.json");
    QVERIFY(writeAll(QFileInfo(blocked).absolutePath(), "a file where the folder should be"));
    const ProfileError error = ProfileStoreWriter::write(blocked, {{simple("a")}, {}, {}});
    QCOMPARE(error.code, ProfileError::Code::WriteFailed);
    QVERIFY(error.message.contains(QDir::toNativeSeparators(blocked)));
    // The other file was not touched, and no temporary files were left behind.
    QCOMPARE(QDir(QFileInfo(file).absolutePath()).entryList(QDir::Files), QStringList{"profiles.json"});
}

void TestProfileStore::everyTruncationIsReportedNotCrashed()
{
    // A file cut at any byte (a crash of some other writer, a full disk) gives an error with a
    // position, never a crash and never a silently shorter list.
    const QByteArray good = ProfileStoreWriter::serialize({{everyFieldSet(), simple("b")}, {"X"}, {}});
    for (qsizetype length = 0; length < good.size(); ++length) {
        const ProfileStoreReader::Result read = ProfileStoreReader::parse(good.left(length), "cut.json");
        if (read.error.ok()) {
            // Only cutting trailing white space may leave a complete document.
            QVERIFY2(good.mid(length).trimmed().isEmpty(), qPrintable(QString::number(length)));
            continue;
        }
        QVERIFY(read.error.code == ProfileError::Code::StoreParseError);
        QVERIFY(read.error.line >= 1);
    }
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "TestProfileStore.moc"
