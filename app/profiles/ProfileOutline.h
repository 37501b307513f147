#pragma once

#include "profiles/Profile.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <any>
#include <optional>

// What the session tree shows of a profile: enough to list, filter and describe it.
struct ProfileOutline
{
    QUuid id;
    QString name;
    QString folder;
    QString host;
    quint16 port = 0;
    SessionProtocol protocol = SessionProtocol::Telnet;
    bool tls = true;

    QString path() const { return folder.isEmpty() ? name : folder + QLatin1Char('/') + name; }
    static ProfileOutline of(const Profile& profile);
    friend bool operator==(const ProfileOutline&, const ProfileOutline&) = default;
};

// The outline of a whole store: its folder list (as written) and every profile's outline.
struct ProfileStoreOutline
{
    QStringList folders;
    QList<ProfileOutline> profiles;
    // Start-up: what ProfileManager's outline preparer made of it on the prefetch thread (the
    // session tree's first fill), for whoever shows it. Empty otherwise.
    std::any prepared;
};

// Reads the outline straight off the store's bytes, without building a JSON document: about ten
// times faster than ProfileStoreReader::parse(), so the window can show the tree at start-up
// while the full read goes on. It gives up (nullopt) on anything but a plain store of the current
// schema whose outlined fields hold what ProfileStoreReader would read the same way (a missing
// id, a duplicate id or key, an unusual number, a value of another type, broken JSON…): the
// caller then waits for the full read, which decides.
std::optional<ProfileStoreOutline> outlineProfileStore(const QByteArray& bytes);

// A store file's state as the file system tells it: which file (device, inode), its size and its
// modification and change times to the nanosecond (a change time cannot be set back by hand).
struct ProfileStoreStamp
{
    quint64 device = 0;
    quint64 inode = 0;
    qint64 size = -1;
    qint64 modifiedSec = 0;
    qint64 modifiedNsec = 0;
    qint64 changedSec = 0;
    qint64 changedNsec = 0;

    static ProfileStoreStamp ofOpenFile(int fd); // invalid when fstat() fails
    bool isValid() const { return size >= 0; }
    friend bool operator==(const ProfileStoreStamp&, const ProfileStoreStamp&) = default;
};

// The outline of a store, kept in the user's cache folder for the next start: read back (5,000
// profiles: 600 KB) instead of scanning the store again (10 MB) while the store file is the very
// same (its stamp). Every save writes it for the file it wrote; a background load that had to
// scan writes it for the file it scanned. Anything else (no cache, another stamp, another store path, a
// damaged or foreign cache file) gives nullopt, and the caller scans. The full read always follows and
// decides what the profiles are; the outline only lets the tree show them sooner.
QString outlineCacheFile(const QString& storeFile); // the cache folder, named after the store's path
std::optional<ProfileStoreOutline> readOutlineCache(const QString& storeFile, const ProfileStoreStamp& stamp);
bool writeOutlineCache(const QString& storeFile, const ProfileStoreStamp& stamp,
                       const ProfileStoreOutline& outline);
// A store file larger than this is not outlined (nor cached): the full read alone decides.
constexpr qint64 kOutlineMaxStoreBytes = 64 * 1024 * 1024;
// After a save: the store file as it now is gets its outline into the cache, so that the next
// start reads it back instead of scanning. It is taken as a start would take it: the file is
// opened, stamped (fstat) and read, and those very bytes are scanned (outlineProfileStore).
// False when nothing was kept (the file is gone or unreadable, or has no quick outline, or the
// cache could not be written); any cache left for the store is removed then, so an older outline
// cannot come back. The store file itself is only read.
bool keepOutlineOfStoreFile(const QString& storeFile);
