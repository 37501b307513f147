#pragma once

#include "profiles/ProfileError.h"
#include "profiles/ProfileStoreData.h"

#include <QByteArray>
#include <QString>

// The profile store file (AppPaths::profileStoreFile(), "profiles.json"):
//   { "schemaVersion": 2, "folders": ["Production", "Production/Osaka"], "profiles": [ … ] }
// (one profile's shape is in ProfileJson.h).
//
// Schema version 1 (Tsunagi 0.0.x) had flat profiles and no folder list:
//   { "schemaVersion": 1, "profiles": [ { "id", "name", "folder", "host", "port", "protocol",
//     "tls": bool, "terminalType", "encoding", "logFile": "pattern or empty", "notes" } ] }
// A file without "schemaVersion" is read as version 1. Reading migrates it in memory; the
// first save writes version 2 after keeping the old file as "profiles.json.schema1.bak".
class ProfileStoreReader final
{
public:
    static constexpr int kCurrentSchemaVersion = 2;

    struct Result
    {
        ProfileError error;
        ProfileStoreData data;
        bool exists = false;   // false: no store yet (first start), data is empty, error ok
        int schemaVersion = 0; // of the file as read
        bool migrated() const { return exists && schemaVersion < kCurrentSchemaVersion; }
    };

    static Result read(const QString& fileName);
    static Result parse(const QByteArray& bytes, const QString& fileName);
};

class ProfileStoreWriter final
{
public:
    static QByteArray serialize(const ProfileStoreData& data);
    // Atomic: QSaveFile, so a crash or full disk leaves the previous file intact. Once written,
    // the file's outline goes to the outline cache for the next start (keepOutlineOfStoreFile();
    // what happens there never makes the save fail).
    static ProfileError write(const QString& fileName, const ProfileStoreData& data);
};

// The store as the manager uses it: remembers whether the file loaded, keeps a backup of a
// damaged file, and refuses to overwrite it until startWithEmptyList().
class ProfileStore final
{
public:
    explicit ProfileStore(QString fileName);

    QString fileName() const { return m_fileName; }

    // Reads the file. On failure the file is left as it is, a copy is kept next to it
    // ("profiles.json.damaged-<content hash>.bak", when it is a readable file, so repeated
    // starts keep one copy) and saving is refused.
    ProfileStoreReader::Result load();
    ProfileError save(const ProfileStoreData& data);

    bool isDamaged() const { return !m_loadError.ok(); }
    ProfileError loadError() const { return m_loadError; }
    // The user's explicit choice after a damaged load: the damaged file is moved aside to a
    // backup name (kept byte for byte, never deleted) and saving is allowed again.
    ProfileError startWithEmptyList();

private:
    QString m_fileName;
    ProfileError m_loadError;
    int m_loadedSchemaVersion = ProfileStoreReader::kCurrentSchemaVersion;
};
