#pragma once

#include "profiles/Profile.h"
#include "profiles/ProfileError.h"

#include <QList>
#include <QStringList>
#include <QUuid>

class ProfileManager;

// Profiles read from a file to import: a Tsunagi export, a copy of a profile store, or a
// PuTTY .reg export. Nothing is added to the manager until ProfileManager::importProfiles().
struct ImportedProfiles
{
    struct Skipped
    {
        QString name;   // as the source calls it
        QString reason; // translated
    };

    ProfileError error; // the file as a whole could not be read
    QList<Profile> profiles;
    QStringList folders; // folders the file had, empty ones included
    QList<Skipped> skipped;
    bool ok() const { return error.ok(); }
};

// Export of selected profiles and whole folders, and import of such a file.
//
// The export file is the store's JSON with a marker and without anything secret (secrets are
// never in profiles anyway):
//   { "format": "tsunagi-profile-export", "schemaVersion": 2, "folders": [...], "profiles": [...] }
// Folders keep their full paths ("Production/Osaka"), so an import recreates the same tree.
namespace ProfileExchange {

inline constexpr const char* kFormat = "tsunagi-profile-export";

// The profiles with the given ids, plus every folder given with all its sub-folders and profiles.
struct Selection
{
    QList<Profile> profiles;
    QStringList folders;
};
Selection select(const ProfileManager& manager, const QList<QUuid>& profileIds, const QStringList& folders);

QByteArray serialize(const Selection& selection);
ProfileError exportToFile(const QString& fileName, const Selection& selection);

// Reads a Tsunagi export (or a profile store); a PuTTY .reg file goes to PuttyImporter.
ImportedProfiles readFile(const QString& fileName);
ImportedProfiles parse(const QByteArray& bytes, const QString& fileName);

} // namespace ProfileExchange
