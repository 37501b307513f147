#include "profiles/ProfileManager.h"

#include "core/AppPaths.h"

#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSet>
#include <QThread>
#include <QWaitCondition>

#include <algorithm>
#include <pthread.h>
#include <sched.h>
#include <thread>

namespace {

QString joinFolder(const QString& parent, const QString& child)
{
    if (parent.isEmpty())
        return child;
    if (child.isEmpty())
        return parent;
    return parent + QLatin1Char('/') + child;
}

bool isInside(const QString& folder, const QString& ancestor)
{
    return folder == ancestor || folder.startsWith(ancestor + QLatin1Char('/'));
}

// "Production" < "Production/Osaka" < "Staging": part by part, case-insensitively.
bool folderLess(const QString& a, const QString& b)
{
    const QStringList pa = a.split(QLatin1Char('/'));
    const QStringList pb = b.split(QLatin1Char('/'));
    for (qsizetype i = 0; i < std::min(pa.size(), pb.size()); ++i) {
        const int c = pa.at(i).compare(pb.at(i), Qt::CaseInsensitive);
        if (c != 0)
            return c < 0;
        const int exact = pa.at(i).compare(pb.at(i));
        if (exact != 0)
            return exact < 0;
    }
    return pa.size() < pb.size();
}

ProfileError makeError(ProfileError::Code code, const QString& message)
{
    ProfileError error;
    error.code = code;
    error.message = message;
    return error;
}

} // namespace

namespace {
// SCHED_IDLE and back. (QThread::setPriority() cannot leave SCHED_IDLE again: it keeps the
// thread's current policy for any priority but IdlePriority.)
void setIdle(pthread_t thread, bool idle)
{
    sched_param param{};
    param.sched_priority = 0;
    pthread_setschedparam(thread, idle ? SCHED_IDLE : SCHED_OTHER, &param);
}
} // namespace

struct ProfileManager::Loading
{
    QThread* thread = nullptr;
    QMutex mutex;
    QWaitCondition outlined;
    bool outlineDone = false; // guarded by mutex
    bool reading = false;     // guarded by mutex: the full read runs at idle priority
    pthread_t reader{};       // guarded by mutex: the worker, while reading
    bool waiting = false;     // guarded by mutex: the UI thread waits for the full read
    bool held = false;        // guarded by mutex: the full read waits for releaseFullRead()
    QWaitCondition released;  // held became false, or waiting true
    std::optional<ProfileStoreOutline> outline;
    ProfileStoreReader::Result result; // the worker's until the thread has finished
    QStringList folders;               // sorted, parents included (as ensureFolder() keeps them)

    // The UI thread needs the result: the full read goes on at normal priority, held or not, and
    // the worker is waited for and deleted.
    void finish()
    {
        {
            QMutexLocker lock(&mutex);
            waiting = true;
            if (reading)
                setIdle(reader, false);
        }
        released.wakeAll();
        thread->wait();
        delete thread;
        thread = nullptr;
    }
};

ProfileManager::ProfileManager(QObject* parent) : ProfileManager(AppPaths::profileStoreFile(), parent) {}

ProfileManager::ProfileManager(const QString& storeFile, QObject* parent)
    : QObject(parent), m_store(storeFile)
{
}

ProfileManager::~ProfileManager()
{
    if (!m_loading)
        return;
    // The worker uses m_store: wait for it, at normal priority (see loadInBackground()).
    m_loading->finish();
}

QString ProfileManager::storeFile() const
{
    return m_store.fileName();
}

namespace {
// Every folder of a loaded store, parents included, sorted once (ensureFolder() per profile
// sorts after each new folder: 5,000 profiles in 100 folders cost 30 ms).
QStringList allFolders(const ProfileStoreData& data)
{
    QSet<QString> set;
    QStringList folders;
    const auto add = [&](const QString& path) {
        for (QString f = ProfileManager::normalizeFolder(path); !f.isEmpty() && !set.contains(f);
             f = ProfileManager::parentFolder(f)) {
            set.insert(f);
            folders.append(f);
        }
    };
    for (const QString& folder : data.folders)
        add(folder);
    for (const Profile& profile : data.profiles)
        add(profile.folder);
    std::sort(folders.begin(), folders.end(), folderLess);
    return folders;
}
} // namespace

ProfileError ProfileManager::load()
{
    waitLoaded();
    const ProfileStoreReader::Result result = m_store.load();
    applyLoaded(result, result.error.ok() ? allFolders(result.data) : QStringList());
    emit reset();
    return result.error;
}

void ProfileManager::applyLoaded(const ProfileStoreReader::Result& result, const QStringList& folders)
{
    m_profiles.clear();
    m_folders.clear();
    m_unknownTopLevel = {};
    if (result.error.ok()) {
        m_profiles = result.data.profiles;
        m_unknownTopLevel = result.data.unknownFields;
        m_folders = folders;
    }
}

namespace {
struct OutlineRead
{
    std::optional<ProfileStoreOutline> outline;
    ProfileStoreStamp stamp; // the file's when it was opened
    bool scanned = false;    // from the file itself, not from the cache
};

// The outline of a store file, or of nothing when there is no store yet (exact: an empty tree):
// from the outline cache while the file is the one it was taken from, else scanned.
OutlineRead outlineFile(const QString& fileName)
{
    OutlineRead read;
    QFile file(fileName);
    if (!file.exists()) {
        read.outline = ProfileStoreOutline{};
        return read;
    }
    if (!file.open(QIODevice::ReadOnly) || file.size() > kOutlineMaxStoreBytes)
        return read;
    read.stamp = ProfileStoreStamp::ofOpenFile(file.handle());
    read.outline = readOutlineCache(fileName, read.stamp);
    if (!read.outline) {
        read.outline = outlineProfileStore(file.readAll());
        read.scanned = true;
    }
    return read;
}

struct Prefetch
{
    QString file; // absolute
    std::thread thread;
    OutlineRead read; // the thread's until joined
};

std::unique_ptr<Prefetch>& prefetchSlot()
{
    static std::unique_ptr<Prefetch> slot;
    return slot;
}

ProfileManager::OutlinePreparer& preparerSlot()
{
    static ProfileManager::OutlinePreparer preparer;
    return preparer;
}
} // namespace

void ProfileManager::prefetchOutline(const QString& storeFile)
{
    if (prefetchSlot())
        return;
    // Qt takes the first thread that asks for its thread data as the main thread: the caller,
    // not the worker, must be it.
    QThread::currentThread();
    auto prefetch = std::make_unique<Prefetch>();
    prefetch->file = QFileInfo(storeFile).absoluteFilePath();
    Prefetch* p = prefetch.get();
    // A plain thread: this may run before the QCoreApplication exists.
    p->thread = std::thread([p, prepare = preparerSlot()] {
        p->read = outlineFile(p->file);
        if (prepare && p->read.outline)
            p->read.outline->prepared = prepare(*p->read.outline);
    });
    prefetchSlot() = std::move(prefetch);
}

void ProfileManager::setOutlinePreparer(OutlinePreparer preparer)
{
    preparerSlot() = std::move(preparer);
}

void ProfileManager::dropPrefetch()
{
    if (auto prefetch = std::move(prefetchSlot()))
        prefetch->thread.join();
}

void ProfileManager::loadInBackground(FullRead when)
{
    if (m_loading)
        return;
    auto loading = std::make_shared<Loading>();
    loading->held = when == FullRead::AfterRelease;
    m_loading = loading;
    // The worker owns m_store until it has finished; every other member stays on this thread.
    ProfileStore* store = &m_store;
    std::shared_ptr<Prefetch> prefetch = std::move(prefetchSlot());
    loading->thread = QThread::create([loading, store, prefetch] {
        OutlineRead read;
        const QString fileName = store->fileName();
        if (prefetch) {
            prefetch->thread.join();
            if (prefetch->file == QFileInfo(fileName).absoluteFilePath())
                read = std::move(prefetch->read);
            else
                read = outlineFile(fileName);
        } else {
            read = outlineFile(fileName);
        }
        {
            QMutexLocker lock(&loading->mutex);
            loading->outline = read.outline;
            loading->outlineDone = true;
        }
        loading->outlined.wakeAll();
        // The full read yields to the UI thread's first frame: it may be held until released,
        // and runs at idle priority; finishLoading() raises it again when someone waits for it.
        {
            QMutexLocker lock(&loading->mutex);
            while (loading->held && !loading->waiting)
                loading->released.wait(&loading->mutex);
            if (!loading->waiting) {
                loading->reading = true;
                loading->reader = pthread_self();
                setIdle(loading->reader, true);
            }
        }
        loading->result = store->load();
        if (loading->result.error.ok())
            loading->folders = allFolders(loading->result.data);
        // The next start reads this outline back instead of scanning, while the file stays the
        // same (after the first frame: this thread still runs at idle priority).
        if (read.scanned && read.outline && loading->result.error.ok())
            writeOutlineCache(fileName, read.stamp, *read.outline);
        QMutexLocker lock(&loading->mutex);
        loading->reading = false;
    });
    loading->thread->setObjectName(QStringLiteral("ProfileStore load"));
    connect(loading->thread, &QThread::finished, this, &ProfileManager::finishLoading, Qt::QueuedConnection);
    loading->thread->start();
}

void ProfileManager::releaseFullRead()
{
    if (!m_loading)
        return;
    {
        QMutexLocker lock(&m_loading->mutex);
        m_loading->held = false;
    }
    m_loading->released.wakeAll();
}

bool ProfileManager::isLoading() const
{
    return bool(m_loading);
}

std::optional<ProfileStoreOutline> ProfileManager::outline() const
{
    if (!m_loading)
        return std::nullopt;
    QMutexLocker lock(&m_loading->mutex);
    while (!m_loading->outlineDone)
        m_loading->outlined.wait(&m_loading->mutex);
    return m_loading->outline;
}

std::function<std::optional<ProfileStoreOutline>()> ProfileManager::outlineSource() const
{
    if (!m_loading)
        return {};
    // The loading state outlives the load for whoever holds it; the outline is never changed
    // once outlineDone is set.
    return [loading = m_loading]() -> std::optional<ProfileStoreOutline> {
        QMutexLocker lock(&loading->mutex);
        while (!loading->outlineDone)
            loading->outlined.wait(&loading->mutex);
        return loading->outline;
    };
}

qsizetype ProfileManager::profileCount() const
{
    if (const auto quick = outline())
        return quick->profiles.size();
    waitLoaded();
    return m_profiles.size();
}

void ProfileManager::finishLoading()
{
    if (!m_loading)
        return;
    const std::shared_ptr<Loading> loading = std::move(m_loading);
    m_loading.reset();
    loading->finish();
    applyLoaded(loading->result, loading->folders);
    emit reset();
    // Queued: whoever waited for the data (any call above) is not re-entered by the listeners.
    const ProfileError error = m_store.loadError();
    QMetaObject::invokeMethod(
        this, [this, error] { emit loadFinished(error); }, Qt::QueuedConnection);
}

void ProfileManager::waitLoaded() const
{
    if (m_loading)
        const_cast<ProfileManager*>(this)->finishLoading();
}

QList<Profile> ProfileManager::profiles() const
{
    waitLoaded();
    return m_profiles;
}

QStringList ProfileManager::folders() const
{
    waitLoaded();
    return m_folders;
}

bool ProfileManager::isStoreDamaged() const
{
    waitLoaded();
    return m_store.isDamaged();
}

ProfileError ProfileManager::storeError() const
{
    waitLoaded();
    return m_store.loadError();
}

ProfileError ProfileManager::startWithEmptyList()
{
    waitLoaded();
    ProfileError moved = m_store.startWithEmptyList();
    if (!moved.ok())
        return moved;
    const ProfileError saved = m_store.save({m_profiles, m_folders, m_unknownTopLevel});
    if (!saved.ok()) {
        emit saveFailed(saved.message);
        ProfileError error = saved;
        error.backupFile = moved.backupFile;
        return error;
    }
    return moved;
}

std::optional<Profile> ProfileManager::profile(const QUuid& id) const
{
    waitLoaded();
    const int i = indexOf(id);
    if (i < 0)
        return std::nullopt;
    return m_profiles.at(i);
}

std::optional<Profile> ProfileManager::findProfile(const QString& pathIdOrName, ProfileError* error) const
{
    waitLoaded();
    const QString text = pathIdOrName.trimmed();
    const auto fail = [&](ProfileError::Code code, const QString& message) -> std::optional<Profile> {
        if (error)
            *error = makeError(code, message);
        return std::nullopt;
    };
    if (error)
        *error = {};

    const QUuid id = QUuid::fromString(text);
    if (!id.isNull()) {
        if (const auto found = profile(id))
            return found;
    }

    // Exact path first, then the same ignoring case; then a plain name anywhere.
    const auto unique = [&](auto&& predicate) -> std::pair<int, int> { // (count, first index)
        int count = 0;
        int first = -1;
        for (int i = 0; i < m_profiles.size(); ++i) {
            if (predicate(m_profiles.at(i))) {
                if (first < 0)
                    first = i;
                ++count;
            }
        }
        return {count, first};
    };
    const QString wantedPath = joinFolder(normalizeFolder(parentFolder(text)), folderName(text).trimmed());
    for (const Qt::CaseSensitivity cs : {Qt::CaseSensitive, Qt::CaseInsensitive}) {
        const auto [count, first] =
            unique([&](const Profile& p) { return p.path().compare(wantedPath, cs) == 0; });
        if (count == 1)
            return m_profiles.at(first);
        if (count > 1) {
            return fail(ProfileError::Code::Ambiguous,
                        tr("More than one profile is called \"%1\". Name it with its folder, or use its id.")
                            .arg(text));
        }
    }
    if (!text.contains(QLatin1Char('/'))) {
        for (const Qt::CaseSensitivity cs : {Qt::CaseSensitive, Qt::CaseInsensitive}) {
            const auto [count, first] =
                unique([&](const Profile& p) { return p.name.compare(text, cs) == 0; });
            if (count == 1)
                return m_profiles.at(first);
            if (count > 1) {
                return fail(ProfileError::Code::Ambiguous,
                            tr("More than one profile is called \"%1\". Name it with its folder, as "
                               "\"Folder/%1\", or use its id.")
                                .arg(text));
            }
        }
    }
    return fail(ProfileError::Code::NotFound, tr("There is no profile called \"%1\".").arg(text));
}

ProfileError ProfileManager::addProfile(const Profile& newProfile)
{
    waitLoaded();
    Profile p = newProfile;
    p.name = p.name.trimmed();
    p.folder = normalizeFolder(p.folder);
    if (const ProfileError error = validateName(p.name); !error.ok())
        return error;
    if (indexOf(p.id) >= 0)
        return makeError(ProfileError::Code::DuplicateName, tr("A profile with this id already exists."));
    if (nameTaken(p.folder, p.name)) {
        return makeError(ProfileError::Code::DuplicateName,
                         tr("A profile called \"%1\" already exists in this folder.").arg(p.name));
    }
    const bool foldersChangedNow = ensureFolder(p.folder);
    m_profiles.append(p);
    if (foldersChangedNow)
        emit foldersChanged();
    emit profileAdded(p.id);
    save();
    return {};
}

ProfileError ProfileManager::updateProfile(const Profile& changed)
{
    waitLoaded();
    const int i = indexOf(changed.id);
    if (i < 0)
        return makeError(ProfileError::Code::NotFound, tr("The profile no longer exists."));
    Profile p = changed;
    p.name = p.name.trimmed();
    p.folder = normalizeFolder(p.folder);
    if (const ProfileError error = validateName(p.name); !error.ok())
        return error;
    if (nameTaken(p.folder, p.name, p.id)) {
        return makeError(ProfileError::Code::DuplicateName,
                         tr("A profile called \"%1\" already exists in this folder.").arg(p.name));
    }
    p.modified = QDateTime::currentDateTimeUtc();
    const bool foldersChangedNow = ensureFolder(p.folder);
    m_profiles[i] = p;
    if (foldersChangedNow)
        emit foldersChanged();
    emit profileChanged(p.id);
    save();
    return {};
}

std::optional<Profile> ProfileManager::removeProfile(const QUuid& id)
{
    waitLoaded();
    const int i = indexOf(id);
    if (i < 0)
        return std::nullopt;
    Profile removed = m_profiles.takeAt(i);
    emit profileRemoved(id);
    save();
    return removed;
}

QUuid ProfileManager::duplicateProfile(const QUuid& id)
{
    waitLoaded();
    const auto original = profile(id);
    if (!original)
        return {};
    Profile copy = *original;
    copy.id = QUuid::createUuid();
    copy.created = QDateTime::currentDateTimeUtc();
    copy.modified = copy.created;
    copy.name = tr("%1 (copy)").arg(original->name);
    for (int n = 2; nameTaken(copy.folder, copy.name); ++n)
        copy.name = tr("%1 (copy %2)").arg(original->name).arg(n);
    return addProfile(copy).ok() ? copy.id : QUuid();
}

ProfileError ProfileManager::renameProfile(const QUuid& id, const QString& newName)
{
    waitLoaded();
    auto p = profile(id);
    if (!p)
        return makeError(ProfileError::Code::NotFound, tr("The profile no longer exists."));
    if (p->name == newName.trimmed())
        return {};
    p->name = newName;
    return updateProfile(*p);
}

ProfileError ProfileManager::moveProfile(const QUuid& id, const QString& folder)
{
    waitLoaded();
    auto p = profile(id);
    if (!p)
        return makeError(ProfileError::Code::NotFound, tr("The profile no longer exists."));
    if (p->folder == normalizeFolder(folder))
        return {};
    p->folder = folder;
    return updateProfile(*p);
}

bool ProfileManager::hasFolder(const QString& path) const
{
    waitLoaded();
    return m_folders.contains(normalizeFolder(path));
}

ProfileError ProfileManager::addFolder(const QString& path)
{
    waitLoaded();
    const QString folder = normalizeFolder(path);
    if (folder.isEmpty())
        return makeError(ProfileError::Code::InvalidName, tr("A folder needs a name."));
    if (m_folders.contains(folder))
        return makeError(ProfileError::Code::FolderExists,
                         tr("The folder \"%1\" already exists.").arg(folder));
    ensureFolder(folder);
    emit foldersChanged();
    save();
    return {};
}

ProfileError ProfileManager::renameFolder(const QString& path, const QString& newName)
{
    waitLoaded();
    const QString folder = normalizeFolder(path);
    if (!m_folders.contains(folder))
        return makeError(ProfileError::Code::NotFound, tr("The folder \"%1\" no longer exists.").arg(folder));
    if (const ProfileError error = validateName(newName.trimmed()); !error.ok())
        return error;
    const QString target = joinFolder(parentFolder(folder), newName.trimmed());
    if (target == folder)
        return {};
    if (m_folders.contains(target))
        return makeError(ProfileError::Code::FolderExists,
                         tr("The folder \"%1\" already exists.").arg(target));

    relocateFolder(folder, target);
    return {};
}

ProfileError ProfileManager::moveFolder(const QString& path, const QString& newParent)
{
    waitLoaded();
    const QString folder = normalizeFolder(path);
    const QString parent = normalizeFolder(newParent);
    if (!m_folders.contains(folder))
        return makeError(ProfileError::Code::NotFound, tr("The folder \"%1\" no longer exists.").arg(folder));
    if (isInside(parent, folder)) {
        return makeError(ProfileError::Code::InvalidMove,
                         tr("The folder \"%1\" cannot be moved into itself.").arg(folder));
    }
    const QString target = joinFolder(parent, folderName(folder));
    if (target == folder)
        return {};
    if (m_folders.contains(target))
        return makeError(ProfileError::Code::FolderExists,
                         tr("The folder \"%1\" already exists.").arg(target));

    ensureFolder(parent);
    relocateFolder(folder, target);
    return {};
}

// Renaming and moving a folder both give it and everything inside it a new path.
void ProfileManager::relocateFolder(const QString& folder, const QString& target)
{
    QList<QUuid> moved;
    for (QString& f : m_folders) {
        if (isInside(f, folder))
            f = target + f.mid(folder.size());
    }
    for (Profile& p : m_profiles) {
        if (isInside(p.folder, folder)) {
            p.folder = target + p.folder.mid(folder.size());
            moved.append(p.id);
        }
    }
    std::sort(m_folders.begin(), m_folders.end(), folderLess);
    emit foldersChanged();
    for (const QUuid& id : moved)
        emit profileChanged(id);
    save();
}

std::optional<ProfileManager::RemovedFolder> ProfileManager::removeFolder(const QString& path)
{
    waitLoaded();
    const QString folder = normalizeFolder(path);
    if (!m_folders.contains(folder))
        return std::nullopt;
    RemovedFolder removed;
    removed.path = folder;
    for (qsizetype i = m_profiles.size() - 1; i >= 0; --i) {
        if (isInside(m_profiles.at(i).folder, folder))
            removed.profiles.prepend(m_profiles.takeAt(i));
    }
    for (qsizetype i = m_folders.size() - 1; i >= 0; --i) {
        if (isInside(m_folders.at(i), folder))
            removed.folders.prepend(m_folders.takeAt(i));
    }
    for (const Profile& p : std::as_const(removed.profiles))
        emit profileRemoved(p.id);
    emit foldersChanged();
    save();
    return removed;
}

ProfileError ProfileManager::restoreFolder(const RemovedFolder& removed)
{
    waitLoaded();
    for (const QString& folder : removed.folders)
        ensureFolder(folder);
    QList<QUuid> added;
    for (Profile p : removed.profiles) {
        if (indexOf(p.id) >= 0)
            continue; // already back
        if (nameTaken(p.folder, p.name))
            p.name = uniqueName(p.folder, p.name);
        ensureFolder(p.folder);
        m_profiles.append(p);
        added.append(p.id);
    }
    emit foldersChanged();
    for (const QUuid& id : added)
        emit profileAdded(id);
    save();
    return {};
}

ProfileManager::ImportReport ProfileManager::importProfiles(const QList<Profile>& profiles,
                                                            const QStringList& folders,
                                                            const QString& intoFolder)
{
    waitLoaded();
    ImportReport report;
    const QString into = normalizeFolder(intoFolder);
    bool foldersChangedNow = false;
    for (const QString& folder : folders)
        foldersChangedNow |= ensureFolder(joinFolder(into, normalizeFolder(folder)));
    for (Profile p : profiles) {
        p.folder = joinFolder(into, normalizeFolder(p.folder));
        p.name = p.name.trimmed().replace(QLatin1Char('/'), QLatin1Char('-'));
        if (p.name.isEmpty())
            p.name = p.host.isEmpty() ? tr("Imported profile") : p.host;
        if (indexOf(p.id) >= 0 || p.id.isNull())
            p.id = QUuid::createUuid();
        if (nameTaken(p.folder, p.name)) {
            const QString renamed = uniqueName(p.folder, p.name);
            report.renamed.append(
                tr("%1 → %2").arg(joinFolder(p.folder, p.name), joinFolder(p.folder, renamed)));
            p.name = renamed;
        }
        foldersChangedNow |= ensureFolder(p.folder);
        m_profiles.append(p);
        report.added.append(p.id);
    }
    if (foldersChangedNow)
        emit foldersChanged();
    for (const QUuid& id : std::as_const(report.added))
        emit profileAdded(id);
    if (foldersChangedNow || !report.added.isEmpty())
        save();
    return report;
}

QString ProfileManager::uniqueName(const QString& folder, const QString& base) const
{
    waitLoaded();
    const QString f = normalizeFolder(folder);
    if (!nameTaken(f, base))
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1 (%2)").arg(base).arg(n);
        if (!nameTaken(f, candidate))
            return candidate;
    }
}

QString ProfileManager::normalizeFolder(const QString& path)
{
    // Most paths are normal already (this runs for every profile of a store being read).
    const auto isSpace = [](QChar c) { return c.isSpace(); };
    bool normal = !path.startsWith(QLatin1Char('/')) && !path.endsWith(QLatin1Char('/')) &&
                  !path.contains(QLatin1String("//"));
    for (qsizetype i = 0; normal && i < path.size(); ++i) {
        if (isSpace(path.at(i)) && (i == 0 || i + 1 == path.size() || path.at(i - 1) == QLatin1Char('/') ||
                                    path.at(i + 1) == QLatin1Char('/')))
            normal = false;
    }
    if (normal)
        return path;
    QStringList parts;
    for (const QString& part : path.split(QLatin1Char('/'))) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            parts.append(trimmed);
    }
    return parts.join(QLatin1Char('/'));
}

QString ProfileManager::parentFolder(const QString& path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : path.left(slash);
}

QString ProfileManager::folderName(const QString& path)
{
    return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
}

int ProfileManager::indexOf(const QUuid& id) const
{
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).id == id)
            return i;
    }
    return -1;
}

ProfileError ProfileManager::validateName(const QString& name) const
{
    if (name.trimmed().isEmpty())
        return makeError(ProfileError::Code::InvalidName, tr("The name cannot be empty."));
    if (name.contains(QLatin1Char('/')))
        return makeError(ProfileError::Code::InvalidName, tr("The name cannot contain \"/\"."));
    return {};
}

bool ProfileManager::nameTaken(const QString& folder, const QString& name, const QUuid& except) const
{
    return std::any_of(m_profiles.cbegin(), m_profiles.cend(), [&](const Profile& p) {
        return p.id != except && p.folder == folder && p.name.compare(name, Qt::CaseInsensitive) == 0;
    });
}

bool ProfileManager::ensureFolder(const QString& path)
{
    bool changed = false;
    QString folder = normalizeFolder(path);
    while (!folder.isEmpty()) {
        if (!m_folders.contains(folder)) {
            m_folders.append(folder);
            changed = true;
        }
        folder = parentFolder(folder);
    }
    if (changed)
        std::sort(m_folders.begin(), m_folders.end(), folderLess);
    return changed;
}

void ProfileManager::save()
{
    const ProfileError error = m_store.save({m_profiles, m_folders, m_unknownTopLevel});
    if (!error.ok())
        emit saveFailed(error.message);
}
