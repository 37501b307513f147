#pragma once

#include "profiles/Profile.h"
#include "profiles/ProfileManager.h"

#include <QList>
#include <QPointer>
#include <QUndoCommand>

// Deleting profiles and folders from the session tree, undoable (Ctrl+Z brings them back with
// the same ids, folders and settings).
class DeleteProfilesCommand final : public QUndoCommand
{
public:
    DeleteProfilesCommand(ProfileManager* manager, const QList<QUuid>& profileIds, const QStringList& folders,
                          const QString& text);

    void redo() override;
    void undo() override;

    // False when nothing could be removed (everything was already gone).
    bool removedAnything() const { return !m_profiles.isEmpty() || !m_folders.isEmpty(); }

private:
    QPointer<ProfileManager> m_manager;
    QList<QUuid> m_profileIds;
    QStringList m_folderPaths;
    QList<Profile> m_profiles;                      // what redo() removed, in order
    QList<ProfileManager::RemovedFolder> m_folders; // likewise
};
