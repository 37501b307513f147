#include "profiles/ProfileTreeModel.h"

#include "profiles/ProfileManager.h"

#include <QMimeData>

// Skeleton: the tree is filled in by the next commit.
struct ProfileTreeModel::Node
{
    Kind kind = Kind::Folder;
    QString path;
    QUuid id;
    Node* parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
};

ProfileTreeModel::ProfileTreeModel(ProfileManager* manager, QObject* parent)
    : QAbstractItemModel(parent), m_manager(manager), m_root(std::make_unique<Node>())
{
}

ProfileTreeModel::~ProfileTreeModel() = default;

QModelIndex ProfileTreeModel::indexForProfile(const QUuid&) const
{
    return {};
}
QModelIndex ProfileTreeModel::indexForFolder(const QString&) const
{
    return {};
}
QModelIndex ProfileTreeModel::index(int, int, const QModelIndex&) const
{
    return {};
}
QModelIndex ProfileTreeModel::parent(const QModelIndex&) const
{
    return {};
}
int ProfileTreeModel::rowCount(const QModelIndex&) const
{
    return 0;
}
int ProfileTreeModel::columnCount(const QModelIndex&) const
{
    return 1;
}
QVariant ProfileTreeModel::data(const QModelIndex&, int) const
{
    return {};
}
bool ProfileTreeModel::setData(const QModelIndex&, const QVariant&, int)
{
    return false;
}
Qt::ItemFlags ProfileTreeModel::flags(const QModelIndex&) const
{
    return Qt::ItemIsDropEnabled;
}
QHash<int, QByteArray> ProfileTreeModel::roleNames() const
{
    return QAbstractItemModel::roleNames();
}
QStringList ProfileTreeModel::mimeTypes() const
{
    return {QLatin1String(kMimeType)};
}
QMimeData* ProfileTreeModel::mimeData(const QModelIndexList&) const
{
    return nullptr;
}
bool ProfileTreeModel::canDropMimeData(const QMimeData*, Qt::DropAction, int, int, const QModelIndex&) const
{
    return false;
}
bool ProfileTreeModel::dropMimeData(const QMimeData*, Qt::DropAction, int, int, const QModelIndex&)
{
    return false;
}
Qt::DropActions ProfileTreeModel::supportedDragActions() const
{
    return Qt::MoveAction;
}
Qt::DropActions ProfileTreeModel::supportedDropActions() const
{
    return Qt::MoveAction;
}
ProfileTreeModel::Node* ProfileTreeModel::nodeFor(const QModelIndex&) const
{
    return m_root.get();
}
QModelIndex ProfileTreeModel::indexFor(const Node*) const
{
    return {};
}
void ProfileTreeModel::synchronize() {}
void ProfileTreeModel::synchronizeChildren(Node*, const QModelIndex&) {}
QString ProfileTreeModel::dropFolder(const QModelIndex&) const
{
    return {};
}
