#include "ProfileSamples.h"
#include "TestEnvironment.h"

#include "profiles/ProfileOutline.h"
#include "profiles/ProfileStore.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace ProfileSamples;

// The outline must say exactly what the full reader says, or give up.
class TestProfileOutline final : public QObject
{
    Q_OBJECT

private slots:
    void matchesTheFullReader();
    void matchesTheFullReaderOnEscapesAndOddSpacing();
    void emptyStore();
    void givesUpWhenTheFullReaderDecides_data();
    void givesUpWhenTheFullReaderDecides();
    void cacheGivesBackTheOutlineOfTheSameFileOnly();

private:
    static QList<ProfileOutline> fullOutline(const QByteArray& bytes, QStringList* folders = nullptr);
};

QList<ProfileOutline> TestProfileOutline::fullOutline(const QByteArray& bytes, QStringList* folders)
{
    const ProfileStoreReader::Result result =
        ProfileStoreReader::parse(bytes, QStringLiteral("profiles.json"));
    if (!result.error.ok())
        return {};
    if (folders)
        *folders = result.data.folders;
    QList<ProfileOutline> outlines;
    for (const Profile& p : result.data.profiles)
        outlines.append(ProfileOutline::of(p));
    return outlines;
}

void TestProfileOutline::matchesTheFullReader()
{
    Profile top = simple(QStringLiteral("Alpha"), QString(), QStringLiteral("alpha.example.test"));
    top.port = 23;
    top.security.tlsEnabled = false;
    Profile raw = everyFieldSet(); // raw protocol, TLS off, port 2992, Japanese name
    Profile web = simple(QStringLiteral("web"), QStringLiteral("Production/Osaka"));
    ProfileStoreData data;
    data.profiles = {top, raw, web};
    data.folders = {QStringLiteral("Production"), QStringLiteral("Staging/Empty")};
    data.unknownFields.insert(QStringLiteral("futureTopLevel"), QJsonObject{{"a", QJsonArray{1, "]}"}}});
    const QByteArray bytes = ProfileStoreWriter::serialize(data);

    const auto outline = outlineProfileStore(bytes);
    QVERIFY(outline);
    QStringList folders;
    const QList<ProfileOutline> expected = fullOutline(bytes, &folders);
    QCOMPARE(expected.size(), 3);
    QCOMPARE(outline->profiles, expected);
    QCOMPARE(outline->folders, folders);
    QCOMPARE(outline->profiles.at(1).protocol, SessionProtocol::Raw);
    QVERIFY(!outline->profiles.at(1).tls);
    QCOMPARE(outline->profiles.at(1).name, raw.name);
}

void TestProfileOutline::matchesTheFullReaderOnEscapesAndOddSpacing()
{
    // Hand-written: escapes in the outlined texts, keys in another order, fields left out
    // (defaults), null values, a folder to normalise, nested objects with brackets in strings.
    const QByteArray bytes = R"({"profiles":[
        {"name":"quote \" slash \\ tab\t \u00e9\u3042","id":"6f1c2a44-8d1b-4c36-9a50-2f7c3e1d9b01",
         "security":{"proxy":{"host":"x}]"},"tls":false,"extraCaFiles":["a]","{b"]},
         "folder":"  Production / Osaka/ ","host":null,"notes":"{[\"]}"},
        {"id":"{7f1c2a44-8d1b-4c36-9a50-2f7c3e1d9b02}","port":2323,"protocol":" RAW ","name":null}
      ],
      "schemaVersion" : 2 ,
      "folders":["A/ B"]}
    )";
    const auto outline = outlineProfileStore(bytes);
    QVERIFY(outline);
    QStringList folders;
    const QList<ProfileOutline> expected = fullOutline(bytes, &folders);
    QCOMPARE(expected.size(), 2);
    QCOMPARE(outline->profiles, expected);
    QCOMPARE(outline->folders, folders);
    QCOMPARE(outline->profiles.first().name, QStringLiteral("quote \" slash \\ tab\t \u00e9\u3042"));
    QCOMPARE(outline->profiles.first().folder, QStringLiteral("Production/Osaka"));
}

void TestProfileOutline::emptyStore()
{
    const auto outline = outlineProfileStore(ProfileStoreWriter::serialize({}));
    QVERIFY(outline);
    QVERIFY(outline->profiles.isEmpty());
    QVERIFY(outline->folders.isEmpty());
}

void TestProfileOutline::givesUpWhenTheFullReaderDecides_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray id = R"("id":"6f1c2a44-8d1b-4c36-9a50-2f7c3e1d9b01")";
    const auto store = [&](const QByteArray& profile) {
        return R"({"schemaVersion":2,"profiles":[)" + profile + "]}";
    };
    QTest::newRow("not JSON") << QByteArray("not json");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("schema 1 (migrated)") << QByteArray(R"({"profiles":[]})");
    QTest::newRow("newer schema") << QByteArray(R"({"schemaVersion":3,"profiles":[]})");
    QTest::newRow("no id (a new one each read)") << store(R"({"name":"a"})");
    QTest::newRow("bad id") << store(R"({"id":"nope"})");
    QTest::newRow("duplicate id") << store("{" + id + "},{" + id + "}");
    QTest::newRow("duplicate key") << store("{" + id + R"(,"name":"a","name":"b"})");
    QTest::newRow("port as fraction") << store("{" + id + R"(,"port":22.0})");
    QTest::newRow("port out of range") << store("{" + id + R"(,"port":70000})");
    QTest::newRow("port as text") << store("{" + id + R"(,"port":"22"})");
    QTest::newRow("unknown protocol") << store("{" + id + R"(,"protocol":"ssh"})");
    QTest::newRow("tls as text") << store("{" + id + R"(,"security":{"tls":"yes"}})");
    QTest::newRow("name as number") << store("{" + id + R"(,"name":5})");
    QTest::newRow("lone surrogate") << store("{" + id + R"(,"name":"\ud800"})");
    QTest::newRow("cut short") << store("{" + id + R"(,"name":"a)");
    QTest::newRow("trailing garbage") << store("{" + id + "}") + "x";
}

void TestProfileOutline::givesUpWhenTheFullReaderDecides()
{
    QFETCH(QByteArray, bytes);
    QVERIFY(!outlineProfileStore(bytes));
}

// The outline cache: what was written for a store file state comes back for that state only;
// another state, another store path or a damaged cache file gives nothing.
void TestProfileOutline::cacheGivesBackTheOutlineOfTheSameFileOnly()
{
    const QString dir = TestEnvironment::freshDir(QStringLiteral("outline-cache"));
    const QString file = QDir(dir).filePath(QStringLiteral("profiles.json"));
    ProfileStoreData data;
    data.profiles = {everyFieldSet(), simple(QStringLiteral("web"), QStringLiteral("Production/Osaka"))};
    data.folders = {QStringLiteral("Staging/Empty")};
    const QByteArray bytes = ProfileStoreWriter::serialize(data);
    QVERIFY(writeAll(file, bytes));
    const auto outline = outlineProfileStore(bytes);
    QVERIFY(outline);
    QFile store(file);
    QVERIFY(store.open(QIODevice::ReadOnly));
    const ProfileStoreStamp stamp = ProfileStoreStamp::ofOpenFile(store.handle());
    store.close();
    QVERIFY(stamp.isValid());
    QCOMPARE(stamp.size, bytes.size());

    QVERIFY(!readOutlineCache(file, stamp)); // none yet
    QVERIFY(writeOutlineCache(file, stamp, *outline));
    const auto cached = readOutlineCache(file, stamp);
    QVERIFY(cached);
    QCOMPARE(cached->profiles, outline->profiles);
    QCOMPARE(cached->folders, outline->folders);
    QCOMPARE(cached->profiles.at(0).name, everyFieldSet().name); // not ASCII

    ProfileStoreStamp later = stamp;
    later.changedNsec += 1;
    QVERIFY(!readOutlineCache(file, later));
    ProfileStoreStamp replaced = stamp;
    replaced.inode += 1;
    QVERIFY(!readOutlineCache(file, replaced));
    QVERIFY(!readOutlineCache(QDir(dir).filePath(QStringLiteral("other.json")), stamp));

    // Damage: every shorter file, a changed count, foreign bytes.
    QFile cacheFile(outlineCacheFile(file));
    QVERIFY(cacheFile.open(QIODevice::ReadOnly));
    const QByteArray good = cacheFile.readAll();
    cacheFile.close();
    for (qsizetype size = 0; size < good.size(); size += qMax<qsizetype>(1, good.size() / 97)) {
        QVERIFY(writeAll(cacheFile.fileName(), good.left(size)));
        QVERIFY(!readOutlineCache(file, stamp));
    }
    QByteArray longer = good + QByteArray(40, '\0');
    QVERIFY(writeAll(cacheFile.fileName(), longer));
    QVERIFY(!readOutlineCache(file, stamp));
    QByteArray flipped = good;
    flipped[flipped.size() - 1] = char(7); // tls is 0 or 1
    QVERIFY(writeAll(cacheFile.fileName(), flipped));
    QVERIFY(!readOutlineCache(file, stamp));
    QVERIFY(writeAll(cacheFile.fileName(), QByteArray(4096, '\xff')));
    QVERIFY(!readOutlineCache(file, stamp));
    QVERIFY(writeAll(cacheFile.fileName(), good));
    QVERIFY(readOutlineCache(file, stamp));
}

QTEST_GUILESS_MAIN(TestProfileOutline)
#include "TestProfileOutline.moc"
