#include "ProfileSamples.h"
#include "TestEnvironment.h"

#include "profiles/ProfileOutline.h"
#include "profiles/ProfileStore.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QScopeGuard>
#include <QtTest>

#include <algorithm>

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
    void saveKeepsTheScanOfTheSavedFile();
    void saveWithoutAQuickOutlineLeavesNoCache();
    void cacheThatCannotBeWrittenNeverFailsTheSave();
    void cacheOfASaveIsRefusedOnceTheFileChanges();

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

namespace {
// A store with something of everything the outline holds: folders written out of order, one
// twice, one to normalise and empty ones; names with escapes and non-ASCII; both protocols, TLS
// on and off, ports at both ends; a top-level field from a newer version.
ProfileStoreData variedStore()
{
    ProfileStoreData data;
    Profile plain = simple(QStringLiteral("Alpha"), QString(), QStringLiteral("alpha.example.test"));
    plain.port = 23;
    plain.security.tlsEnabled = false;
    Profile escaped = simple(QStringLiteral("quote \" slash \\ tab\t nl\n \u00e9\u3042 \U0001F600"),
                             QStringLiteral("Production/Osaka"), QStringLiteral("[::1]"));
    escaped.port = 65535;
    Profile raw = simple(QStringLiteral("raw"), QStringLiteral("  Staging / Web "), QString());
    raw.protocol = SessionProtocol::Raw;
    raw.port = 1;
    data.profiles = {everyFieldSet(), plain, escaped, raw};
    for (int i = 0; i < 200; ++i) {
        Profile p = simple(QStringLiteral("host-%1").arg(i, 3, 10, QLatin1Char('0')),
                           QStringLiteral("Site %1/Rack %2").arg(i / 50).arg(i % 7),
                           QStringLiteral("host-%1.example.test").arg(i));
        p.port = quint16(1000 + i);
        p.security.tlsEnabled = i % 3 != 0;
        p.protocol = i % 5 == 0 ? SessionProtocol::Raw : SessionProtocol::Telnet;
        data.profiles.append(p);
    }
    data.folders = {QStringLiteral("Zeta"), QStringLiteral("Staging/Empty"), QStringLiteral("Zeta"),
                    QStringLiteral(" Alpha / Beta "), QStringLiteral("大阪")};
    data.unknownFields.insert(QStringLiteral("futureTopLevel"), QJsonObject{{"a", QJsonArray{1, "]}"}}});
    return data;
}
} // namespace

// A save leaves the outline of the file it wrote in the cache, under that file's stamp: what the
// next start reads back is exactly what it would have scanned from the file.
void TestProfileOutline::saveKeepsTheScanOfTheSavedFile()
{
    const QString file =
        QDir(TestEnvironment::freshDir(QStringLiteral("save-keeps"))).filePath("profiles.json");
    ProfileStoreData data = variedStore();
    QVERIFY(ProfileStoreWriter::write(file, data).ok());
    const QString cache = outlineCacheFile(file);
    QVERIFY(QFile::exists(cache));
    QCOMPARE(QFile::permissions(cache) &
                 (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());

    StartView view = startView(file);
    QVERIFY(view.stamped);
    QVERIFY(view.scanned);
    QVERIFY(view.cached);
    QCOMPARE(view.cached->folders, view.scanned->folders);
    QCOMPARE(view.cached->profiles, view.scanned->profiles); // id, name, folder, host, port, protocol, TLS
    // And both say what the full reader says, in the store's order.
    QStringList folders;
    QCOMPARE(view.cached->profiles, fullOutline(readAll(file), &folders));
    QCOMPARE(view.cached->folders, folders);
    QCOMPARE(view.cached->profiles.size(), data.profiles.size());
    for (qsizetype i = 0; i < data.profiles.size(); ++i)
        QCOMPARE(view.cached->profiles.at(i).id, data.profiles.at(i).id);
    QCOMPARE(view.cached->profiles.at(2).name, data.profiles.at(2).name);
    QCOMPARE(view.cached->profiles.at(2).port, quint16(65535));
    QCOMPARE(view.cached->profiles.at(3).folder, QStringLiteral("Staging/Web"));
    QCOMPARE(view.cached->profiles.at(3).protocol, SessionProtocol::Raw);
    QVERIFY(!view.cached->profiles.at(1).tls);
    QVERIFY(view.cached->profiles.at(4).tls == false && view.cached->profiles.at(5).tls);
    QCOMPARE(view.cached->folders,
             (QStringList{"Zeta", "Staging/Empty", "Alpha/Beta", QStringLiteral("大阪")}));

    // The next save (another order, fewer profiles, changed values) replaces it.
    std::reverse(data.profiles.begin(), data.profiles.end());
    data.profiles.removeLast();
    data.profiles.first().security.tlsEnabled = !data.profiles.first().security.tlsEnabled;
    data.profiles.first().port = 2;
    data.folders.removeFirst();
    QVERIFY(ProfileStoreWriter::write(file, data).ok());
    view = startView(file);
    QVERIFY(view.scanned);
    QVERIFY(view.cached);
    QCOMPARE(view.cached->folders, view.scanned->folders);
    QCOMPARE(view.cached->profiles, view.scanned->profiles);
    QCOMPARE(view.cached->profiles.size(), data.profiles.size());
    QCOMPARE(view.cached->profiles.first().port, quint16(2));

    // An empty store too.
    QVERIFY(ProfileStoreWriter::write(file, {}).ok());
    view = startView(file);
    QVERIFY(view.cached);
    QVERIFY(view.cached->profiles.isEmpty() && view.cached->folders.isEmpty());
    QCOMPARE(view.cached->profiles, view.scanned->profiles);
}

// A store the quick scan gives up on (a port of 0 is the full reader's to judge) gets no cache,
// and the cache of the file it replaced is gone: a start scans, gives up and waits for the full read.
void TestProfileOutline::saveWithoutAQuickOutlineLeavesNoCache()
{
    const QString file =
        QDir(TestEnvironment::freshDir(QStringLiteral("save-no-outline"))).filePath("profiles.json");
    ProfileStoreData data;
    data.profiles = {simple(QStringLiteral("a"))};
    QVERIFY(ProfileStoreWriter::write(file, data).ok());
    QVERIFY(QFile::exists(outlineCacheFile(file)));
    data.profiles.first().port = 0;
    QVERIFY(ProfileStoreWriter::write(file, data).ok());
    QCOMPARE(readAll(file), ProfileStoreWriter::serialize(data));
    const StartView view = startView(file);
    QVERIFY(view.stamped);
    QVERIFY(!view.scanned);
    QVERIFY(!view.cached);
    QVERIFY(!QFile::exists(outlineCacheFile(file)));
}

// The cache folder cannot be made, or the cache's name is taken by a folder: the save succeeds
// all the same, and no outline is kept.
void TestProfileOutline::cacheThatCannotBeWrittenNeverFailsTheSave()
{
    const QString dir = TestEnvironment::freshDir(QStringLiteral("save-cache-fails"));
    const QString file = QDir(dir).filePath("profiles.json");
    const QByteArray cacheHome = qgetenv("XDG_CACHE_HOME");
    const auto restore = qScopeGuard([&cacheHome] { qputenv("XDG_CACHE_HOME", cacheHome); });
    ProfileStoreData data = variedStore();

    QVERIFY(writeAll(QDir(dir).filePath("a-file"), "not a folder"));
    qputenv("XDG_CACHE_HOME", QDir(dir).filePath("a-file/cache").toLocal8Bit());
    QVERIFY(!outlineCacheFile(file).isEmpty());
    QVERIFY(ProfileStoreWriter::write(file, data).ok());
    QCOMPARE(readAll(file), ProfileStoreWriter::serialize(data));
    QVERIFY(!startView(file).cached);

    qputenv("XDG_CACHE_HOME", QDir(dir).filePath("cache").toLocal8Bit());
    QVERIFY(QDir().mkpath(outlineCacheFile(file))); // a folder where the cache file goes
    data.profiles.removeFirst();
    QVERIFY(ProfileStoreWriter::write(file, data).ok());
    QCOMPARE(readAll(file), ProfileStoreWriter::serialize(data));
    QVERIFY(!startView(file).cached);
    QVERIFY(QDir().rmdir(outlineCacheFile(file)));
    QVERIFY(ProfileStoreWriter::write(file, data).ok());
    QVERIFY(startView(file).cached);
}

// The cache a save left is for that file state only: a store changed afterwards by anything
// else (replaced, or rewritten in place to another size) is scanned again.
void TestProfileOutline::cacheOfASaveIsRefusedOnceTheFileChanges()
{
    const QString file =
        QDir(TestEnvironment::freshDir(QStringLiteral("save-then-changed"))).filePath("profiles.json");
    ProfileStoreData data = variedStore();
    QVERIFY(ProfileStoreWriter::write(file, data).ok());
    QVERIFY(startView(file).cached);
    const QByteArray cacheBytes = readAll(outlineCacheFile(file));

    data.profiles.first().name = QStringLiteral("renamed elsewhere");
    {
        QSaveFile other(file); // another program replaces the file
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write(ProfileStoreWriter::serialize(data));
        QVERIFY(other.commit());
    }
    StartView view = startView(file);
    QVERIFY(view.scanned);
    QVERIFY(!view.cached);
    QCOMPARE(readAll(outlineCacheFile(file)), cacheBytes); // only read, never rewritten by a start

    QFile inPlace(file); // another program rewrites it in place
    QVERIFY(inPlace.open(QIODevice::WriteOnly | QIODevice::Truncate));
    inPlace.write(ProfileStoreWriter::serialize({}));
    inPlace.close();
    view = startView(file);
    QVERIFY(view.scanned && view.scanned->profiles.isEmpty());
    QVERIFY(!view.cached);
}

QTEST_GUILESS_MAIN(TestProfileOutline)
#include "TestProfileOutline.moc"
