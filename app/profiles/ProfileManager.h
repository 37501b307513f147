#pragma once

#include "profiles/Profile.h"
#include "profiles/ProfileError.h"
#include "profiles/ProfileOutline.h"
#include "profiles/ProfileStore.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QUuid>

#include <functional>
#include <memory>
#include <optional>

// Owns the saved profiles and the folder list, and saves through the store after every change.
//
// Validation errors come back as values and leave everything unchanged. A save that fails
// (disk full, or the store is damaged and the user has not yet chosen to start over) keeps the
// change in memory, so nothing typed is lost, and emits saveFailed().
//
// Folder paths use '/' ("Production/Osaka"); the top level is the empty string. A folder in
// the list implies its parents. Profile names are unique within a folder and contain no '/'.
class ProfileManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileManager)

public:
    // What removeFolder() took away, so the UI can undo with restoreFolder().
    struct RemovedFolder
    {
        QString path;
        QStringList folders;     // the folder and its sub-folders
        QList<Profile> profiles; // every profile that was in them
    };

    struct ImportReport
    {
        QList<QUuid> added;
        QStringList renamed; // "Old name → New name" for every conflict, for the UI to list
    };

    // The store file defaults to AppPaths::profileStoreFile().
    explicit ProfileManager(QObject* parent = nullptr);
    explicit ProfileManager(const QString& storeFile, QObject* parent = nullptr);
    ~ProfileManager() override;

    QString storeFile() const;

    // Reads the store. On error the list stays empty, the error names the file and the problem,
    // a backup copy is kept, and nothing is saved until startWithEmptyList().
    ProfileError load();
    // The same read on a worker thread, for start-up: returns at once and emits loadFinished()
    // (queued) when done. Until then outline() gives the tree what it shows, and every other call
    // below waits for the read to finish (and emits reset() first, as load() does).
    // AfterRelease (start-up): the full read starts only when releaseFullRead() is called (or
    // anything waits for it); the outline is read at once either way.
    enum class FullRead
    {
        AtOnce,
        AfterRelease,
    };
    void loadInBackground(FullRead when = FullRead::AtOnce);
    void releaseFullRead();
    // Start-up, before the QApplication exists (it takes 10-20 ms to reach the display): starts
    // outlining the store file where it most likely is on a thread of its own. The next
    // loadInBackground() whose store is that file takes the outline over instead of scanning
    // again. dropPrefetch() joins an outline nobody took (call it before leaving). Call both from
    // the main thread.
    static void prefetchOutline(const QString& storeFile);
    static void dropPrefetch();
    // Start-up: work done on the prefetched outline right on the prefetch thread, as soon as it
    // is read; its result travels with the outline (ProfileStoreOutline::prepared). Set it before
    // prefetchOutline(). The session tree builds its first fill there (ProfileTreeModel).
    using OutlinePreparer = std::function<std::any(const ProfileStoreOutline&)>;
    static void setOutlinePreparer(OutlinePreparer preparer);
    bool isLoading() const;
    // While loadInBackground() runs: the store's outline, waiting only for the quick scan
    // (outlineProfileStore). nullopt when nothing is loading or the store has no quick outline.
    std::optional<ProfileStoreOutline> outline() const;
    // While loadInBackground() runs: a function that waits for that outline as outline() does,
    // callable from any thread (also after the load has finished), for work on it off the UI
    // thread. Empty when nothing is loading.
    std::function<std::optional<ProfileStoreOutline>()> outlineSource() const;
    // How many profiles there are; while loading, from the outline when it has one.
    qsizetype profileCount() const;
    bool isStoreDamaged() const;
    ProfileError storeError() const;
    // The user's explicit choice after a damaged load: move the damaged file aside (kept byte for
    // byte) and save the current list (empty, plus anything added since) from now on. On success
    // the returned value is ok() and its backupFile says where the damaged file went.
    ProfileError startWithEmptyList();

    QList<Profile> profiles() const;
    std::optional<Profile> profile(const QUuid& id) const;
    // "Folder/Sub/Name", a UUID (with or without braces), or a plain name that only one profile has.
    std::optional<Profile> findProfile(const QString& pathIdOrName, ProfileError* error = nullptr) const;

    ProfileError addProfile(const Profile& profile);    // keeps profile.id; creates its folders
    ProfileError updateProfile(const Profile& profile); // by id; sets modified
    std::optional<Profile> removeProfile(const QUuid& id);
    // A copy named "Name (copy)" ("Name (copy 2)", … when taken) in the same folder; null on failure.
    QUuid duplicateProfile(const QUuid& id);
    ProfileError renameProfile(const QUuid& id, const QString& newName);
    ProfileError moveProfile(const QUuid& id, const QString& folder);

    // Every folder, sorted, parents included.
    QStringList folders() const;
    bool hasFolder(const QString& path) const;
    ProfileError addFolder(const QString& path);
    // Renames the last part of the path; sub-folders and profiles follow.
    ProfileError renameFolder(const QString& path, const QString& newName);
    // Moves the folder (with everything in it) under newParent ("" = top level).
    ProfileError moveFolder(const QString& path, const QString& newParent);
    std::optional<RemovedFolder> removeFolder(const QString& path);
    ProfileError restoreFolder(const RemovedFolder& removed);

    // Adds profiles from an import. Nothing is overwritten: a profile whose id exists gets a new
    // id, a name taken in its folder becomes "Name (2)", "Name (3)"… intoFolder prefixes folders.
    ImportReport importProfiles(const QList<Profile>& profiles, const QStringList& folders = {},
                                const QString& intoFolder = {});

    // A name not yet used in folder: base, else "base (2)", "base (3)"…
    QString uniqueName(const QString& folder, const QString& base) const;

    static QString normalizeFolder(const QString& path); // trims parts, drops empty ones
    static QString parentFolder(const QString& path);
    static QString folderName(const QString& path); // last part

signals:
    void profileAdded(const QUuid& id);
    void profileRemoved(const QUuid& id);
    void profileChanged(const QUuid& id);
    void foldersChanged();
    void saveFailed(const QString& message);
    void reset();                                 // after load(): everything may have changed
    void loadFinished(const ProfileError& error); // after loadInBackground(), once

private:
    struct Loading;
    void applyLoaded(const ProfileStoreReader::Result& result, const QStringList& folders);
    void finishLoading();
    void waitLoaded() const; // finishes a background load first, if one runs
    void relocateFolder(const QString& folder, const QString& target);
    int indexOf(const QUuid& id) const;
    ProfileError validateName(const QString& name) const;
    bool nameTaken(const QString& folder, const QString& name, const QUuid& except = {}) const;
    bool ensureFolder(const QString& path); // true when the list changed
    void save();

    ProfileStore m_store;
    QList<Profile> m_profiles;
    QStringList m_folders;
    QJsonObject m_unknownTopLevel;
    std::shared_ptr<Loading> m_loading; // while loadInBackground() runs
};
