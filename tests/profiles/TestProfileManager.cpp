#include "ProfileSamples.h"
#include "TestEnvironment.h"

#include "core/AppPaths.h"
#include "profiles/ProfileManager.h"
#include "profiles/ProfileStore.h"

#include <QDir>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QtTest>

using namespace ProfileSamples;

class TestProfileManager final : public QObject
{
    Q_OBJECT

private slots:
    void usesTheConfiguredStoreFile();
    void addSavesAndReloads();
    void emptyFoldersPersist();
    void validationLeavesEverythingUnchanged();
    void updateRenameMoveAndSignals();
    void removeReturnsTheProfileForUndo();
    void duplicateNamesTheCopy();
    void folderRenameMoveAndRemoveWithUndo();
    void findProfileByPathIdOrName();
    void importNeverOverwrites();
    void damagedStoreRefusesToSaveUntilTheUserChooses();
    void backgroundLoadGivesWhatLoadGives();
    void backgroundLoadOutlineComesFirst();
    void anyCallDuringABackgroundLoadWaitsForIt();
    void backgroundLoadOfADamagedOrMissingStore();
    void destroyedWhileLoading();
    void prefetchedOutlineIsTakenForItsFileOnly();
    void backgroundLoadKeepsTheOutlineForTheNextStart();
    void everySaveKeepsTheOutlineOfWhatItWrote();
    void heldFullReadStartsWhenReleasedOrNeeded();

private:
    // A store of a few profiles in nested folders, and an empty folder.
    QString writeSampleStore(const QString& name)
    {
        const QString file = storeIn(name);
        ProfileManager writer(file);
        if (!writer.load().ok())
            return {};
        for (const Profile& p : {everyFieldSet(), simple("web", "Production/Osaka"), simple("Alpha")})
            writer.addProfile(p);
        writer.addFolder("Staging/Empty");
        return file;
    }
    QString storeIn(const QString& name)
    {
        return QDir(TestEnvironment::freshDir(name)).filePath("profiles.json");
    }
};

void TestProfileManager::usesTheConfiguredStoreFile()
{
    // CTest sets TSUNAGI_CONFIG_DIR; --config-dir overrides it.
    ProfileManager fromEnvironment;
    QCOMPARE(fromEnvironment.storeFile(),
             QDir(qEnvironmentVariable("TSUNAGI_CONFIG_DIR")).filePath("profiles.json"));
    const QString dir = TestEnvironment::freshDir("config-override");
    AppPaths::setConfigDirOverride(dir);
    ProfileManager overridden;
    QCOMPARE(overridden.storeFile(), QDir(dir).filePath("profiles.json"));
    AppPaths::setConfigDirOverride({});
}

void TestProfileManager::addSavesAndReloads()
{
    const QString file = storeIn("add");
    ProfileManager manager(file);
    QVERIFY(manager.load().ok());
    QSignalSpy added(&manager, &ProfileManager::profileAdded);
    QSignalSpy folders(&manager, &ProfileManager::foldersChanged);
    const Profile p = everyFieldSet();
    QVERIFY(manager.addProfile(p).ok());
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.first().first().value<QUuid>(), p.id);
    QCOMPARE(folders.size(), 1);
    QCOMPARE(manager.folders(), QStringList({"Production", "Production/Osaka"}));

    ProfileManager reloaded(file);
    QVERIFY(reloaded.load().ok());
    QCOMPARE(reloaded.profiles().size(), 1);
    QVERIFY(reloaded.profiles().first() == p);
    QCOMPARE(reloaded.folders(), manager.folders());
}

void TestProfileManager::emptyFoldersPersist()
{
    const QString file = storeIn("folders");
    ProfileManager manager(file);
    QVERIFY(manager.load().ok());
    QVERIFY(manager.addFolder("Staging/Tokyo").ok());
    QVERIFY(manager.addFolder(" Archive ").ok());
    QCOMPARE(manager.addFolder("Staging").code, ProfileError::Code::FolderExists);
    QCOMPARE(manager.addFolder("/").code, ProfileError::Code::InvalidName);

    ProfileManager reloaded(file);
    QVERIFY(reloaded.load().ok());
    QCOMPARE(reloaded.folders(), QStringList({"Archive", "Staging", "Staging/Tokyo"}));
    QVERIFY(reloaded.profiles().isEmpty());
}

void TestProfileManager::validationLeavesEverythingUnchanged()
{
    ProfileManager manager(storeIn("validation"));
    QVERIFY(manager.load().ok());
    QVERIFY(manager.addProfile(simple("web", "A")).ok());
    QSignalSpy any(&manager, &ProfileManager::profileAdded);
    QCOMPARE(manager.addProfile(simple("WEB", "A")).code, ProfileError::Code::DuplicateName);
    QCOMPARE(manager.addProfile(simple("  ", "A")).code, ProfileError::Code::InvalidName);
    QCOMPARE(manager.addProfile(simple("a/b", "A")).code, ProfileError::Code::InvalidName);
    QVERIFY(manager.addProfile(simple("web", "B")).ok()); // same name, other folder
    QCOMPARE(any.size(), 1);
    QCOMPARE(manager.profiles().size(), 2);
    const ProfileError error = manager.addProfile(simple("web", "A"));
    QVERIFY(error.message.contains("web"));
}

void TestProfileManager::updateRenameMoveAndSignals()
{
    const QString file = storeIn("update");
    ProfileManager manager(file);
    QVERIFY(manager.load().ok());
    Profile p = simple("web", "A");
    p.modified = QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
    QVERIFY(manager.addProfile(p).ok());
    QVERIFY(manager.addProfile(simple("db", "B")).ok());
    QSignalSpy changed(&manager, &ProfileManager::profileChanged);

    Profile edited = *manager.profile(p.id);
    edited.host = "new.example.test";
    QVERIFY(manager.updateProfile(edited).ok());
    QCOMPARE(manager.profile(p.id)->host, QString("new.example.test"));
    QVERIFY(manager.profile(p.id)->modified > p.modified);
    QVERIFY(manager.renameProfile(p.id, "web-renamed").ok());
    QVERIFY(manager.moveProfile(p.id, "B/Sub").ok());
    QCOMPARE(changed.size(), 3);
    QCOMPARE(manager.profile(p.id)->path(), QString("B/Sub/web-renamed"));
    QVERIFY(manager.folders().contains("B/Sub"));

    // A move onto a taken name is refused, not merged or overwritten.
    Profile other = simple("db", "C");
    QVERIFY(manager.addProfile(other).ok());
    QCOMPARE(manager.moveProfile(other.id, "B").code, ProfileError::Code::DuplicateName);
    QCOMPARE(manager.profile(other.id)->folder, QString("C"));
    QCOMPARE(manager.renameProfile(QUuid::createUuid(), "x").code, ProfileError::Code::NotFound);

    ProfileManager reloaded(file);
    QVERIFY(reloaded.load().ok());
    QCOMPARE(reloaded.profile(p.id)->path(), QString("B/Sub/web-renamed"));
}

void TestProfileManager::removeReturnsTheProfileForUndo()
{
    const QString file = storeIn("remove");
    ProfileManager manager(file);
    QVERIFY(manager.load().ok());
    const Profile p = everyFieldSet();
    QVERIFY(manager.addProfile(p).ok());
    QSignalSpy removed(&manager, &ProfileManager::profileRemoved);
    const std::optional<Profile> taken = manager.removeProfile(p.id);
    QVERIFY(taken);
    QVERIFY(*taken == p);
    QCOMPARE(removed.size(), 1);
    QVERIFY(manager.profiles().isEmpty());
    QVERIFY(!manager.removeProfile(p.id));
    // Undo: the same profile, same id, comes back.
    QVERIFY(manager.addProfile(*taken).ok());
    ProfileManager reloaded(file);
    QVERIFY(reloaded.load().ok());
    QVERIFY(reloaded.profile(p.id) == p);
}

void TestProfileManager::duplicateNamesTheCopy()
{
    ProfileManager manager(storeIn("duplicate"));
    QVERIFY(manager.load().ok());
    const Profile p = everyFieldSet();
    QVERIFY(manager.addProfile(p).ok());
    const QUuid first = manager.duplicateProfile(p.id);
    const QUuid second = manager.duplicateProfile(p.id);
    QVERIFY(!first.isNull() && !second.isNull() && first != p.id && first != second);
    QCOMPARE(manager.profile(first)->name, p.name + " (copy)");
    QCOMPARE(manager.profile(second)->name, p.name + " (copy 2)");
    Profile copy = *manager.profile(first);
    QCOMPARE(copy.folder, p.folder);
    QVERIFY(copy.security == p.security);
    QVERIFY(copy.terminal == p.terminal);
    QVERIFY(manager.duplicateProfile(QUuid::createUuid()).isNull());
}

void TestProfileManager::folderRenameMoveAndRemoveWithUndo()
{
    const QString file = storeIn("folder-ops");
    ProfileManager manager(file);
    QVERIFY(manager.load().ok());
    QVERIFY(manager.addProfile(simple("a", "Prod/Osaka")).ok());
    QVERIFY(manager.addProfile(simple("b", "Prod")).ok());
    QVERIFY(manager.addProfile(simple("c", "Production")).ok()); // a prefix, but not inside
    QVERIFY(manager.addFolder("Prod/Osaka/Empty").ok());

    QVERIFY(manager.renameFolder("Prod", "Live").ok());
    QCOMPARE(manager.folders(), QStringList({"Live", "Live/Osaka", "Live/Osaka/Empty", "Production"}));
    QCOMPARE(manager.findProfile("Live/Osaka/a")->name, QString("a"));
    QCOMPARE(manager.findProfile("Production/c")->name, QString("c"));
    QCOMPARE(manager.renameFolder("Live", "Production").code, ProfileError::Code::FolderExists);

    QCOMPARE(manager.moveFolder("Live", "Live/Osaka").code, ProfileError::Code::InvalidMove);
    QVERIFY(manager.moveFolder("Live/Osaka", "Production").ok());
    QCOMPARE(manager.findProfile("Production/Osaka/a")->name, QString("a"));
    QVERIFY(manager.hasFolder("Production/Osaka/Empty"));

    const auto removed = manager.removeFolder("Production");
    QVERIFY(removed);
    QCOMPARE(removed->profiles.size(), 2);
    QCOMPARE(removed->folders, QStringList({"Production", "Production/Osaka", "Production/Osaka/Empty"}));
    QCOMPARE(manager.folders(), QStringList({"Live"}));
    QCOMPARE(manager.profiles().size(), 1);
    QVERIFY(manager.restoreFolder(*removed).ok());
    QCOMPARE(manager.profiles().size(), 3);
    QVERIFY(manager.hasFolder("Production/Osaka/Empty"));

    ProfileManager reloaded(file);
    QVERIFY(reloaded.load().ok());
    QCOMPARE(reloaded.folders(), manager.folders());
    QCOMPARE(reloaded.profiles().size(), 3);
}

void TestProfileManager::findProfileByPathIdOrName()
{
    ProfileManager manager(storeIn("find"));
    QVERIFY(manager.load().ok());
    const Profile osaka = simple("web", "Production/Osaka");
    const Profile tokyo = simple("web", "Production/Tokyo");
    const Profile db = simple("db 1", "Production/Osaka");
    for (const Profile& p : {osaka, tokyo, db})
        QVERIFY(manager.addProfile(p).ok());

    QCOMPARE(manager.findProfile("Production/Osaka/web")->id, osaka.id);
    QCOMPARE(manager.findProfile("production/tokyo/WEB")->id, tokyo.id);
    QCOMPARE(manager.findProfile(osaka.id.toString())->id, osaka.id);
    QCOMPARE(manager.findProfile(osaka.id.toString(QUuid::WithoutBraces))->id, osaka.id);
    QCOMPARE(manager.findProfile("db 1")->id, db.id);
    ProfileError error;
    QVERIFY(!manager.findProfile("web", &error));
    QCOMPARE(error.code, ProfileError::Code::Ambiguous);
    QVERIFY(!manager.findProfile("Production/web", &error));
    QCOMPARE(error.code, ProfileError::Code::NotFound);
    QVERIFY(error.message.contains("Production/web"));
    QVERIFY(manager.findProfile("db 1", &error));
    QVERIFY(error.ok());
}

void TestProfileManager::importNeverOverwrites()
{
    const QString file = storeIn("import");
    ProfileManager manager(file);
    QVERIFY(manager.load().ok());
    const Profile existing = simple("web", "A", "original.example.test");
    QVERIFY(manager.addProfile(existing).ok());

    Profile sameId = existing; // same id and name, other host
    sameId.host = "imported.example.test";
    Profile sameName = simple("web", "A", "second.example.test");
    Profile fresh = simple("db", "B");
    const ProfileManager::ImportReport report = manager.importProfiles({sameId, sameName, fresh}, {"Empty"});
    QCOMPARE(report.added.size(), 3);
    QCOMPARE(report.renamed.size(), 2);
    QCOMPARE(manager.profile(existing.id)->host, QString("original.example.test"));
    QVERIFY(!report.added.contains(existing.id));
    QCOMPARE(manager.profile(report.added.at(0))->path(), QString("A/web (2)"));
    QCOMPARE(manager.profile(report.added.at(1))->path(), QString("A/web (3)"));
    QCOMPARE(manager.profile(report.added.at(2))->path(), QString("B/db"));
    QVERIFY(manager.hasFolder("Empty"));

    const ProfileManager::ImportReport into = manager.importProfiles({fresh}, {}, "Imported");
    QCOMPARE(manager.profile(into.added.first())->path(), QString("Imported/B/db"));

    ProfileManager reloaded(file);
    QVERIFY(reloaded.load().ok());
    QCOMPARE(reloaded.profiles().size(), 5);
}

void TestProfileManager::damagedStoreRefusesToSaveUntilTheUserChooses()
{
    const QString file = storeIn("damaged");
    const QByteArray damaged = "{\"schemaVersion\": 2, \"profiles\": [";
    QVERIFY(writeAll(file, damaged));
    ProfileManager manager(file);
    const ProfileError error = manager.load();
    QCOMPARE(error.code, ProfileError::Code::StoreParseError);
    QVERIFY(manager.isStoreDamaged());
    QCOMPARE(manager.storeError().code, ProfileError::Code::StoreParseError);
    QVERIFY(manager.profiles().isEmpty());

    QSignalSpy failed(&manager, &ProfileManager::saveFailed);
    QVERIFY(manager.addProfile(simple("typed meanwhile")).ok()); // kept in memory, not saved
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().toString().contains(QDir::toNativeSeparators(file)));
    QCOMPARE(readAll(file), damaged);

    const ProfileError chosen = manager.startWithEmptyList();
    QVERIFY2(chosen.ok(), qPrintable(chosen.message));
    QCOMPARE(readAll(chosen.backupFile), damaged);
    QVERIFY(!manager.isStoreDamaged());
    ProfileManager reloaded(file);
    QVERIFY(reloaded.load().ok());
    QCOMPARE(reloaded.profiles().size(), 1);
    QCOMPARE(reloaded.profiles().first().name, QString("typed meanwhile"));
}

void TestProfileManager::backgroundLoadGivesWhatLoadGives()
{
    const QString file = writeSampleStore("background");
    ProfileManager expected(file);
    QVERIFY(expected.load().ok());

    ProfileManager manager(file);
    QSignalSpy reset(&manager, &ProfileManager::reset);
    QSignalSpy finished(&manager, &ProfileManager::loadFinished);
    manager.loadInBackground();
    QVERIFY(manager.isLoading());
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 1);
    QVERIFY(finished.first().first().value<ProfileError>().ok());
    QCOMPARE(reset.size(), 1);
    QVERIFY(!manager.isLoading());
    QVERIFY(!manager.outline()); // only while loading
    QCOMPARE(manager.profiles(), expected.profiles());
    QCOMPARE(manager.folders(), expected.folders());
    QVERIFY(manager.folders().contains("Staging/Empty"));
    QVERIFY(manager.folders().contains("Staging")); // parents included, as load() keeps them
    QCOMPARE(manager.profileCount(), 3);
    QVERIFY(!manager.isStoreDamaged());
    QCOMPARE(finished.size(), 1); // once
}

void TestProfileManager::backgroundLoadOutlineComesFirst()
{
    const QString file = writeSampleStore("outline");
    ProfileManager expected(file);
    QVERIFY(expected.load().ok());

    ProfileManager manager(file);
    QSignalSpy reset(&manager, &ProfileManager::reset);
    manager.loadInBackground();
    const auto outline = manager.outline(); // waits for the quick scan only
    QVERIFY(outline);
    QCOMPARE(reset.size(), 0); // the full read has not been applied
    QCOMPARE(manager.profileCount(), 3);
    QList<ProfileOutline> profiles;
    for (const Profile& p : expected.profiles())
        profiles.append(ProfileOutline::of(p));
    QCOMPARE(outline->profiles, profiles);
    QVERIFY(outline->folders.contains("Staging/Empty"));
    QTRY_VERIFY(!manager.isLoading());
}

void TestProfileManager::anyCallDuringABackgroundLoadWaitsForIt()
{
    const QString file = writeSampleStore("waits");
    ProfileManager manager(file);
    QSignalSpy reset(&manager, &ProfileManager::reset);
    QSignalSpy finished(&manager, &ProfileManager::loadFinished);
    manager.loadInBackground();
    // A change right away: applied to the loaded list, not lost under it.
    QVERIFY(manager.addProfile(simple("typed at once")).ok());
    QCOMPARE(reset.size(), 1);
    QVERIFY(!manager.isLoading());
    QCOMPARE(manager.profiles().size(), 4);
    QCOMPARE(finished.size(), 0); // queued: listeners are not re-entered from inside the call
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.size(), 1);
    ProfileManager reloaded(file);
    QVERIFY(reloaded.load().ok());
    QCOMPARE(reloaded.profiles().size(), 4);
}

void TestProfileManager::backgroundLoadOfADamagedOrMissingStore()
{
    const QString damagedFile = storeIn("background-damaged");
    QVERIFY(writeAll(damagedFile, "{\"schemaVersion\": 2, \"profiles\": ["));
    ProfileManager damaged(damagedFile);
    QSignalSpy finished(&damaged, &ProfileManager::loadFinished);
    damaged.loadInBackground();
    QVERIFY(!damaged.outline()); // no quick outline: the tree waits for the full read
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().first().value<ProfileError>().code, ProfileError::Code::StoreParseError);
    QVERIFY(damaged.isStoreDamaged());
    QVERIFY(damaged.profiles().isEmpty());

    ProfileManager missing(storeIn("background-missing"));
    QSignalSpy missingFinished(&missing, &ProfileManager::loadFinished);
    missing.loadInBackground();
    const auto outline = missing.outline();
    QVERIFY(outline); // nothing there, and that is exact
    QVERIFY(outline->profiles.isEmpty());
    QVERIFY(missingFinished.wait(5000));
    QVERIFY(missingFinished.first().first().value<ProfileError>().ok());
    QVERIFY(missing.profiles().isEmpty());
}

void TestProfileManager::destroyedWhileLoading()
{
    const QString file = writeSampleStore("destroyed");
    auto manager = std::make_unique<ProfileManager>(file);
    manager->loadInBackground();
    manager.reset();                   // waits for the worker, which uses the manager's store
    QCoreApplication::processEvents(); // nothing queued for the dead manager runs
    ProfileManager after(file);
    QVERIFY(after.load().ok());
    QCOMPARE(after.profiles().size(), 3);
}

void TestProfileManager::prefetchedOutlineIsTakenForItsFileOnly()
{
    const QString file = writeSampleStore("prefetch");
    const QString other = writeSampleStore("prefetch-other");
    ProfileManager otherWriter(other);
    QVERIFY(otherWriter.load().ok());
    QVERIFY(otherWriter.addProfile(simple("only in the other store")).ok());

    // Its own file: the load takes the prefetched outline over.
    ProfileManager::prefetchOutline(file);
    ProfileManager manager(file);
    QSignalSpy finished(&manager, &ProfileManager::loadFinished);
    manager.loadInBackground();
    const auto outline = manager.outline();
    QVERIFY(outline);
    QCOMPARE(outline->profiles.size(), 3);
    QVERIFY(finished.wait(5000));
    QCOMPARE(manager.profiles().size(), 3);

    // Another file: the prefetch is dropped, the load outlines its own file.
    ProfileManager::prefetchOutline(file);
    ProfileManager elsewhere(other);
    QSignalSpy elsewhereFinished(&elsewhere, &ProfileManager::loadFinished);
    elsewhere.loadInBackground();
    const auto otherOutline = elsewhere.outline();
    QVERIFY(otherOutline);
    QCOMPARE(otherOutline->profiles.size(), 4);
    QVERIFY(elsewhereFinished.wait(5000));
    QCOMPARE(elsewhere.profiles().size(), 4);

    ProfileManager::prefetchOutline(file);
    ProfileManager::dropPrefetch(); // nobody took it: joined
}

// A background load that had to scan the store leaves its outline in the cache; the next start
// reads that instead while the store file is the same, and scans again once it changed.
void TestProfileManager::backgroundLoadKeepsTheOutlineForTheNextStart()
{
    const QString file = writeSampleStore("outline-cache");
    const QString cache = outlineCacheFile(file);
    QVERIFY(!cache.isEmpty());
    QFile::remove(cache); // from an earlier run of this test
    QVERIFY(!QFile::exists(cache));
    {
        ProfileManager first(file);
        QSignalSpy finished(&first, &ProfileManager::loadFinished);
        first.loadInBackground();
        QVERIFY(finished.wait(5000));
    }
    QVERIFY(QFile::exists(cache));
    QCOMPARE(QFile::permissions(cache) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

    // Proof that it is read: an outline planted for this very file state is what the next load
    // outlines (the full read then decides, and the tree follows it).
    QFile store(file);
    QVERIFY(store.open(QIODevice::ReadOnly));
    const ProfileStoreStamp stamp = ProfileStoreStamp::ofOpenFile(store.handle());
    store.close();
    ProfileStoreOutline planted;
    ProfileOutline marker = ProfileOutline::of(simple("from the cache"));
    planted.profiles = {marker};
    QVERIFY(writeOutlineCache(file, stamp, planted));
    {
        ProfileManager second(file);
        QSignalSpy finished(&second, &ProfileManager::loadFinished);
        second.loadInBackground();
        const auto outline = second.outline();
        QVERIFY(outline);
        QCOMPARE(outline->profiles, QList<ProfileOutline>{marker});
        QVERIFY(finished.wait(5000));
        QCOMPARE(second.profiles().size(), 3); // the full read's
        // A save replaces the file and the planted outline with the new file's own.
        QVERIFY(second.addProfile(simple("added")).ok());
    }
    const StartView view = startView(file);
    QVERIFY(view.cached);
    QVERIFY(view.scanned);
    QCOMPARE(view.cached->profiles, view.scanned->profiles);
    QCOMPARE(view.cached->folders, view.scanned->folders);
    QVERIFY(!view.cached->profiles.contains(marker));
    ProfileManager third(file);
    QSignalSpy finished(&third, &ProfileManager::loadFinished);
    third.loadInBackground();
    const auto outline = third.outline();
    QVERIFY(outline);
    QCOMPARE(outline->profiles.size(), 4); // the new file's, from the cache the save left
    QCOMPARE(outline->profiles, view.cached->profiles);
    QVERIFY(finished.wait(5000));
    QCOMPARE(third.profiles().size(), 4);
}

// Every change the manager saves leaves the outline of the file it wrote in the cache, equal to
// a scan of that file; a cache that cannot be written is no save failure.
void TestProfileManager::everySaveKeepsTheOutlineOfWhatItWrote()
{
    const QString file = storeIn("every-save");
    ProfileManager manager(file);
    QVERIFY(manager.load().ok());
    QSignalSpy failed(&manager, &ProfileManager::saveFailed);
    const auto keptIsScan = [&file](qsizetype profiles) {
        const StartView view = startView(file);
        return view.cached && view.scanned && view.cached->profiles == view.scanned->profiles &&
               view.cached->folders == view.scanned->folders && view.cached->profiles.size() == profiles;
    };
    QVERIFY(manager.addProfile(everyFieldSet()).ok());
    QVERIFY(keptIsScan(1));
    QVERIFY(manager.addFolder("Staging/Empty").ok());
    QVERIFY(keptIsScan(1));
    Profile tls = simple("web", "Production/Osaka");
    tls.port = 992;
    QVERIFY(manager.addProfile(tls).ok());
    QVERIFY(keptIsScan(2));
    tls.security.tlsEnabled = false;
    tls.port = 23;
    QVERIFY(manager.updateProfile(tls).ok());
    QVERIFY(keptIsScan(2));
    QVERIFY(manager.renameFolder("Production", "Prod").ok());
    QVERIFY(keptIsScan(2));
    QCOMPARE(startView(file).cached->profiles.at(1).folder, QString("Prod/Osaka"));
    QVERIFY(!startView(file).cached->profiles.at(1).tls);
    manager.importProfiles({simple("one"), simple("two", "Imported")}, {"Imported/Empty"});
    QVERIFY(keptIsScan(4));
    const auto removed = manager.removeFolder("Imported");
    QVERIFY(removed);
    QVERIFY(keptIsScan(3));
    QVERIFY(manager.removeProfile(tls.id));
    QVERIFY(keptIsScan(2));

    // No cache folder to be had: saves go on all the same.
    const QByteArray cacheHome = qgetenv("XDG_CACHE_HOME");
    const auto restore = qScopeGuard([&cacheHome] { qputenv("XDG_CACHE_HOME", cacheHome); });
    const QString blocker = QDir(QFileInfo(file).absolutePath()).filePath("a-file");
    QVERIFY(writeAll(blocker, "not a folder"));
    qputenv("XDG_CACHE_HOME", (blocker + "/cache").toLocal8Bit());
    QVERIFY(manager.addProfile(simple("while the cache is out of reach")).ok());
    QVERIFY(!startView(file).cached);
    QCOMPARE(failed.size(), 0);
    ProfileManager reloaded(file);
    QVERIFY(reloaded.load().ok());
    QCOMPARE(reloaded.profiles(), manager.profiles());

    // After a damaged load, the user's choice to start over saves, and keeps the outline too.
    qputenv("XDG_CACHE_HOME", cacheHome);
    QVERIFY(writeAll(file, "{\"schemaVersion\": 2, \"profiles\": ["));
    ProfileManager damaged(file);
    QVERIFY(!damaged.load().ok());
    QVERIFY(!startView(file).cached);
    QVERIFY(damaged.startWithEmptyList().ok());
    QVERIFY(keptIsScan(0));
    QCOMPARE(failed.size(), 0);
}

// Start-up holds the full read until the window's first frame: the outline comes at once, the
// full read when released, or at once for anyone who needs the profiles (and the destructor).
void TestProfileManager::heldFullReadStartsWhenReleasedOrNeeded()
{
    const QString file = writeSampleStore("held");
    {
        ProfileManager manager(file);
        QSignalSpy finished(&manager, &ProfileManager::loadFinished);
        manager.loadInBackground(ProfileManager::FullRead::AfterRelease);
        const auto outline = manager.outline();
        QVERIFY(outline);
        QCOMPARE(outline->profiles.size(), 3);
        QVERIFY(manager.isLoading());
        manager.releaseFullRead();
        QVERIFY(finished.wait(5000));
        QCOMPARE(manager.profiles().size(), 3);
        manager.releaseFullRead(); // nothing loading: nothing happens
    }
    {
        ProfileManager manager(file);
        QSignalSpy finished(&manager, &ProfileManager::loadFinished);
        manager.loadInBackground(ProfileManager::FullRead::AfterRelease);
        QCOMPARE(manager.profiles().size(), 3); // needed now: read now, never released
        QVERIFY(!manager.isLoading());
        QVERIFY(finished.wait(5000));
    }
    {
        ProfileManager manager(file);
        manager.loadInBackground(ProfileManager::FullRead::AfterRelease);
        QVERIFY(manager.outline());
    } // destroyed while held: joins without a release
}

QTEST_GUILESS_MAIN(TestProfileManager)
#include "TestProfileManager.moc"
