#include "ui/mainwindow/ProfileCommands.h"

DeleteProfilesCommand::DeleteProfilesCommand(ProfileManager* manager, const QList<QUuid>& profileIds,
                                             const QStringList& folders, const QString& text)
    : QUndoCommand(text), m_manager(manager), m_profileIds(profileIds), m_folderPaths(folders)
{
}

void DeleteProfilesCommand::redo()
{
    m_profiles.clear();
    m_folders.clear();
    if (!m_manager)
        return;
    // Folders first would take their profiles with them; profiles outside them go one by one.
    QStringList folders = m_folderPaths;
    // A sub-folder of a folder being deleted goes with its parent.
    std::sort(folders.begin(), folders.end());
    QStringList topMost;
    for (const QString& folder : std::as_const(folders)) {
        const bool insideOther = std::any_of(topMost.cbegin(), topMost.cend(), [&](const QString& parent) {
            return folder.startsWith(parent + QLatin1Char('/'));
        });
        if (!insideOther)
            topMost.append(folder);
    }
    for (const QUuid& id : std::as_const(m_profileIds)) {
        const auto profile = m_manager->profile(id);
        if (!profile)
            continue;
        const bool inDeletedFolder =
            std::any_of(topMost.cbegin(), topMost.cend(), [&](const QString& folder) {
                return profile->folder == folder || profile->folder.startsWith(folder + QLatin1Char('/'));
            });
        if (inDeletedFolder)
            continue;
        if (auto removed = m_manager->removeProfile(id))
            m_profiles.append(*removed);
    }
    for (const QString& folder : std::as_const(topMost)) {
        if (auto removed = m_manager->removeFolder(folder))
            m_folders.append(*removed);
    }
}

void DeleteProfilesCommand::undo()
{
    if (!m_manager)
        return;
    for (auto it = m_folders.crbegin(); it != m_folders.crend(); ++it)
        m_manager->restoreFolder(*it);
    for (auto it = m_profiles.crbegin(); it != m_profiles.crend(); ++it)
        m_manager->addProfile(*it);
}
