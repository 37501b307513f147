#pragma once

#include "profiles/ProfileOutline.h"

#include <QAbstractItemModel>
#include <QPointer>
#include <QUuid>

#include <future>
#include <memory>
#include <vector>

class ProfileManager;

// The session tree: folders (nested) and profiles, over a ProfileManager. Folders come first,
// then profiles, each sorted by name. Changes in the manager arrive as row inserts, removals
// and moves (not resets), so a view keeps its expanded folders and selection.
//
// Drag and drop moves profiles and folders between folders (kMimeType carries their ids).
// Editing the display role renames.
class ProfileTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileTreeModel)

public:
    enum class Kind
    {
        Folder,
        Profile
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1, // QUuid of a profile; null for a folder
        KindRole,                  // int(Kind)
        HostRole,                  // QString, profiles only
        PortRole,                  // int, profiles only
        ProtocolRole,              // "telnet" | "raw", profiles only
        TlsRole,                   // bool, profiles only
        PathRole,                  // folder path, or "Folder/Name" of a profile
        FolderRole,                // the folder a profile is in, or a folder's own path
    };
    // JSON: {"profiles": ["uuid", …], "folders": ["path", …]}
    static constexpr const char* kMimeType = "application/x-tsunagi-profile-ids";

    // While the manager loads in the background, the first fill is built on a worker thread from
    // the store's outline, and the model takes it over when first used (or changed).
    explicit ProfileTreeModel(ProfileManager* manager, QObject* parent = nullptr);
    // Start-up, before ProfileManager::prefetchOutline(): the first fill is built on the prefetch
    // thread right after the outline is read (10 ms or more earlier than a model could start it),
    // and the first model over that outline takes it.
    static void buildOnPrefetch();
    ~ProfileTreeModel() override;

    QModelIndex indexForProfile(const QUuid& id) const;
    QModelIndex indexForFolder(const QString& path) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QHash<int, QByteArray> roleNames() const override;

    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;
    Qt::DropActions supportedDragActions() const override;
    Qt::DropActions supportedDropActions() const override;

signals:
    // A rename or a drop the manager refused (e.g. the name is taken in the target folder).
    void operationFailed(const QString& message);

private:
    struct Node;
    struct Prebuilt;
    static std::unique_ptr<Node> buildTree(const QStringList& folders, const QList<ProfileOutline>& profiles);
    Node* root() const; // takes the first fill over when it was built on a worker
    Node* nodeFor(const QModelIndex& index) const;
    QModelIndex indexFor(const Node* node) const;
    void synchronize();
    QString dropFolder(const QModelIndex& parent) const;

    QPointer<ProfileManager> m_manager;
    mutable std::unique_ptr<Node> m_root;
    mutable std::future<std::unique_ptr<Node>> m_pendingFill; // the worker's first fill
    mutable bool m_filled = false;
};
