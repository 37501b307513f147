#include "profiles/ProfileTreeModel.h"

#include "profiles/ProfileJson.h"
#include "profiles/ProfileManager.h"
#include "profiles/ProfileOutline.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QMutex>
#include <QSet>

#include <algorithm>
#include <functional>

struct ProfileTreeModel::Node
{
    Kind kind = Kind::Folder;
    QString key;            // "f:<path>" or "p:<uuid>": identity across synchronizations
    QString name;           // shown
    QString path;           // a folder's path
    ProfileOutline profile; // what the tree shows of a profile
    Node* parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    int row() const
    {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i) {
            if (parent->children[i].get() == this)
                return int(i);
        }
        return 0;
    }
};

namespace {

// "p:" and the id as QUuid::toString(QUuid::WithoutBraces) writes it, in one allocation: a tree
// of 5,000 profiles made its keys in 5 M instructions through toString() and an append.
QString profileKey(const QUuid& id)
{
    static constexpr char kHex[] = "0123456789abcdef";
    // The id's 16 bytes in RFC 4122 order, as toRfc4122() gives them but without its QByteArray.
    const uchar bytes[16] = {
        uchar(id.data1 >> 24), uchar(id.data1 >> 16), uchar(id.data1 >> 8), uchar(id.data1),
        uchar(id.data2 >> 8),  uchar(id.data2),       uchar(id.data3 >> 8), uchar(id.data3),
        id.data4[0],           id.data4[1],           id.data4[2],          id.data4[3],
        id.data4[4],           id.data4[5],           id.data4[6],          id.data4[7]};
    QString key(2 + 36, Qt::Uninitialized);
    QChar* out = key.data();
    *out++ = QLatin1Char('p');
    *out++ = QLatin1Char(':');
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *out++ = QLatin1Char('-');
        const uchar byte = bytes[i];
        *out++ = QLatin1Char(kHex[byte >> 4]);
        *out++ = QLatin1Char(kHex[byte & 0xf]);
    }
    return key;
}

// What the tree should look like now, built from the manager on every change.
struct Wanted
{
    ProfileTreeModel::Kind kind = ProfileTreeModel::Kind::Folder;
    QString key;
    QString name;
    QString path;
    ProfileOutline profile;
    std::vector<Wanted> children;
};

void sortWanted(Wanted* node)
{
    const auto less = [](const Wanted& a, const Wanted& b) {
        if (a.kind != b.kind)
            return a.kind == ProfileTreeModel::Kind::Folder;
        const int c = a.name.compare(b.name, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a.key < b.key;
    };
    // Stores are mostly kept in order already: one pass to check is cheaper than a sort.
    if (!std::is_sorted(node->children.begin(), node->children.end(), less))
        std::stable_sort(node->children.begin(), node->children.end(), less);
}

Wanted buildWanted(const QStringList& folderList, const QList<ProfileOutline>& profiles)
{
    QHash<QString, QStringList> subFolders; // parent path -> child folder paths
    QHash<QString, QList<const ProfileOutline*>> profilesIn;
    QSet<QString> folders;
    const auto addFolder = [&](QString f) {
        while (!f.isEmpty() && !folders.contains(f)) {
            folders.insert(f);
            subFolders[ProfileManager::parentFolder(f)].append(f);
            f = ProfileManager::parentFolder(f);
        }
    };
    for (const QString& f : folderList)
        addFolder(f);
    // Profiles of a folder mostly follow each other: the folder is looked up once per run.
    QList<const ProfileOutline*>* in = nullptr;
    const QString* inFolder = nullptr;
    for (const ProfileOutline& p : profiles) {
        if (!inFolder || p.folder != *inFolder) {
            addFolder(p.folder);
            in = &profilesIn[p.folder];
            inFolder = &p.folder;
        }
        in->append(&p);
    }
    const std::function<void(Wanted*)> fill = [&](Wanted* node) {
        const QStringList subs = subFolders.value(node->path);
        const QList<const ProfileOutline*> inNode = profilesIn.value(node->path);
        node->children.reserve(size_t(subs.size() + inNode.size()));
        for (const QString& f : subs) {
            Wanted folder;
            folder.key = QStringLiteral("f:") + f;
            folder.name = ProfileManager::folderName(f);
            folder.path = f;
            fill(&folder);
            node->children.push_back(std::move(folder));
        }
        for (const ProfileOutline* p : inNode) {
            Wanted item;
            item.kind = ProfileTreeModel::Kind::Profile;
            item.key = profileKey(p->id);
            item.name = p->name;
            item.profile = *p;
            node->children.push_back(std::move(item));
        }
        sortWanted(node);
    };
    Wanted root;
    fill(&root);
    return root;
}

} // namespace

// A first fill built on the prefetch thread; the first model to take it owns it.
struct ProfileTreeModel::Prebuilt
{
    QMutex mutex;
    std::unique_ptr<Node> root;
};

void ProfileTreeModel::buildOnPrefetch()
{
    ProfileManager::setOutlinePreparer([](const ProfileStoreOutline& outline) -> std::any {
        auto prebuilt = std::make_shared<Prebuilt>();
        prebuilt->root = buildTree(outline.folders, outline.profiles);
        return prebuilt;
    });
}

ProfileTreeModel::ProfileTreeModel(ProfileManager* manager, QObject* parent)
    : QAbstractItemModel(parent), m_manager(manager), m_root(std::make_unique<Node>())
{
    if (!m_manager)
        return;
    connect(m_manager, &ProfileManager::profileAdded, this, &ProfileTreeModel::synchronize);
    connect(m_manager, &ProfileManager::profileRemoved, this, &ProfileTreeModel::synchronize);
    connect(m_manager, &ProfileManager::profileChanged, this, &ProfileTreeModel::synchronize);
    connect(m_manager, &ProfileManager::foldersChanged, this, &ProfileTreeModel::synchronize);
    connect(m_manager, &ProfileManager::reset, this, &ProfileTreeModel::synchronize);
    if (auto source = m_manager->outlineSource()) {
        // Start-up: the store is still being read. Its outline has everything the tree shows;
        // the tree (5,000 profiles: 16 M instructions) is built off the UI thread meanwhile.
        m_pendingFill =
            std::async(std::launch::async, [source = std::move(source)]() -> std::unique_ptr<Node> {
                const auto outline = source();
                if (!outline)
                    return nullptr;
                if (const auto* prebuilt = std::any_cast<std::shared_ptr<Prebuilt>>(&outline->prepared)) {
                    QMutexLocker lock(&(*prebuilt)->mutex);
                    if ((*prebuilt)->root)
                        return std::move((*prebuilt)->root);
                }
                return buildTree(outline->folders, outline->profiles);
            });
        return;
    }
    synchronize();
}

std::unique_ptr<ProfileTreeModel::Node> ProfileTreeModel::buildTree(const QStringList& folders,
                                                                    const QList<ProfileOutline>& profiles)
{
    // The nodes straight from the wanted tree, not a row insert per profile.
    const std::function<void(Node*, Wanted &&)> adopt = [&adopt](Node* node, Wanted&& want) {
        node->children.reserve(want.children.size());
        for (Wanted& w : want.children) {
            auto child = std::make_unique<Node>();
            child->kind = w.kind;
            child->key = std::move(w.key);
            child->name = std::move(w.name);
            child->path = std::move(w.path);
            child->profile = std::move(w.profile);
            child->parent = node;
            adopt(child.get(), std::move(w));
            node->children.push_back(std::move(child));
        }
    };
    auto root = std::make_unique<Node>();
    adopt(root.get(), buildWanted(folders, profiles));
    return root;
}

ProfileTreeModel::Node* ProfileTreeModel::root() const
{
    if (m_pendingFill.valid()) {
        // Nothing has seen the empty root yet: no view, no index, no signal.
        if (std::unique_ptr<Node> built = m_pendingFill.get()) {
            m_root = std::move(built);
            m_filled = true;
        } else {
            // No quick outline of this store: the fill waits for the full read.
            const_cast<ProfileTreeModel*>(this)->synchronize();
        }
    }
    return m_root.get();
}

ProfileTreeModel::~ProfileTreeModel() = default;

void ProfileTreeModel::synchronize()
{
    if (!m_manager)
        return;
    root(); // a first fill from a worker first
    QStringList folders;
    QList<ProfileOutline> profiles;
    if (const auto outline = m_manager->outline()) {
        // Start-up: the store is still being read; its outline has everything the tree shows.
        folders = outline->folders;
        profiles = outline->profiles;
    } else {
        const QList<Profile> all = m_manager->profiles();
        profiles.reserve(all.size());
        for (const Profile& p : all)
            profiles.append(ProfileOutline::of(p));
        folders = m_manager->folders();
    }
    if (!m_filled) {
        // The first fill (no view yet) builds the nodes directly.
        m_filled = true;
        m_root = buildTree(folders, profiles);
        return;
    }
    const Wanted wanted = buildWanted(folders, profiles);
    std::function<void(Node*, const QModelIndex&, const Wanted&)> sync =
        [&](Node* node, const QModelIndex& nodeIndex, const Wanted& want) {
            QSet<QString> wantedKeys;
            for (const Wanted& child : want.children)
                wantedKeys.insert(child.key);
            // 1. Remove what is gone, in runs from the end.
            for (int last = int(node->children.size()) - 1; last >= 0;) {
                if (wantedKeys.contains(node->children[size_t(last)]->key)) {
                    --last;
                    continue;
                }
                int first = last;
                while (first > 0 && !wantedKeys.contains(node->children[size_t(first - 1)]->key))
                    --first;
                beginRemoveRows(nodeIndex, first, last);
                node->children.erase(node->children.begin() + first, node->children.begin() + last + 1);
                endRemoveRows();
                last = first - 1;
            }
            // 2. Put every wanted child at its place: keep, move up, or insert.
            for (int i = 0; i < int(want.children.size()); ++i) {
                const Wanted& w = want.children[size_t(i)];
                int found = -1;
                for (int j = i; j < int(node->children.size()); ++j) {
                    if (node->children[size_t(j)]->key == w.key) {
                        found = j;
                        break;
                    }
                }
                if (found < 0) {
                    beginInsertRows(nodeIndex, i, i);
                    auto child = std::make_unique<Node>();
                    child->kind = w.kind;
                    child->key = w.key;
                    child->name = w.name;
                    child->path = w.path;
                    child->profile = w.profile;
                    child->parent = node;
                    node->children.insert(node->children.begin() + i, std::move(child));
                    endInsertRows();
                } else {
                    if (found != i) {
                        beginMoveRows(nodeIndex, found, found, nodeIndex, i);
                        auto moving = std::move(node->children[size_t(found)]);
                        node->children.erase(node->children.begin() + found);
                        node->children.insert(node->children.begin() + i, std::move(moving));
                        endMoveRows();
                    }
                    Node* child = node->children[size_t(i)].get();
                    if (child->name != w.name || child->path != w.path || !(child->profile == w.profile)) {
                        child->name = w.name;
                        child->path = w.path;
                        child->profile = w.profile;
                        const QModelIndex changed = createIndex(i, 0, child);
                        emit dataChanged(changed, changed);
                    }
                }
                Node* child = node->children[size_t(i)].get();
                sync(child, createIndex(i, 0, child), w);
            }
        };
    sync(root(), QModelIndex(), wanted);
}

ProfileTreeModel::Node* ProfileTreeModel::nodeFor(const QModelIndex& index) const
{
    if (!index.isValid())
        return root();
    return static_cast<Node*>(index.internalPointer());
}

QModelIndex ProfileTreeModel::indexFor(const Node* node) const
{
    if (!node || node == root())
        return {};
    return createIndex(node->row(), 0, const_cast<Node*>(node));
}

QModelIndex ProfileTreeModel::indexForProfile(const QUuid& id) const
{
    const QString key = profileKey(id);
    std::function<const Node*(const Node*)> find = [&](const Node* node) -> const Node* {
        for (const auto& child : node->children) {
            if (child->key == key)
                return child.get();
            if (const Node* found = find(child.get()))
                return found;
        }
        return nullptr;
    };
    return indexFor(find(root()));
}

QModelIndex ProfileTreeModel::indexForFolder(const QString& path) const
{
    const Node* node = root();
    QString sofar;
    for (const QString& part :
         ProfileManager::normalizeFolder(path).split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        sofar = sofar.isEmpty() ? part : sofar + QLatin1Char('/') + part;
        const QString key = QStringLiteral("f:") + sofar;
        const auto it = std::find_if(node->children.begin(), node->children.end(),
                                     [&](const std::unique_ptr<Node>& child) { return child->key == key; });
        if (it == node->children.end())
            return {};
        node = it->get();
    }
    return indexFor(node);
}

QModelIndex ProfileTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    const Node* node = nodeFor(parent);
    if (column != 0 || row < 0 || !node || row >= int(node->children.size()))
        return {};
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex ProfileTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    return indexFor(nodeFor(child)->parent);
}

int ProfileTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return 0;
    const Node* node = nodeFor(parent);
    return node ? int(node->children.size()) : 0;
}

int ProfileTreeModel::columnCount(const QModelIndex&) const
{
    return 1;
}

QVariant ProfileTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const Node* node = nodeFor(index);
    const bool isProfile = node->kind == Kind::Profile;
    const ProfileOutline& p = node->profile;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return node->name;
    case Qt::ToolTipRole:
        if (!isProfile)
            return node->path;
        return tr("%1, port %2, %3").arg(p.host).arg(p.port).arg(p.tls ? tr("SSL/TLS") : tr("no SSL/TLS"));
    case IdRole:
        return isProfile ? QVariant::fromValue(p.id) : QVariant::fromValue(QUuid());
    case KindRole:
        return int(node->kind);
    case HostRole:
        return isProfile ? QVariant(p.host) : QVariant();
    case PortRole:
        return isProfile ? QVariant(int(p.port)) : QVariant();
    case ProtocolRole:
        return isProfile ? QVariant(ProfileJson::protocolName(p.protocol)) : QVariant();
    case TlsRole:
        return isProfile ? QVariant(p.tls) : QVariant();
    case PathRole:
        return isProfile ? p.path() : node->path;
    case FolderRole:
        return isProfile ? p.folder : node->path;
    default:
        return {};
    }
}

bool ProfileTreeModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || !m_manager)
        return false;
    const Node* node = nodeFor(index);
    const QString newName = value.toString();
    const ProfileError error = node->kind == Kind::Profile
                                   ? m_manager->renameProfile(node->profile.id, newName)
                                   : m_manager->renameFolder(node->path, newName);
    if (!error.ok()) {
        emit operationFailed(error.message);
        return false;
    }
    return true;
}

Qt::ItemFlags ProfileTreeModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable | Qt::ItemIsDragEnabled;
    if (nodeFor(index)->kind == Kind::Folder)
        f |= Qt::ItemIsDropEnabled;
    else
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QHash<int, QByteArray> ProfileTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(KindRole, "kind");
    names.insert(HostRole, "host");
    names.insert(PortRole, "port");
    names.insert(ProtocolRole, "protocol");
    names.insert(TlsRole, "tls");
    names.insert(PathRole, "path");
    names.insert(FolderRole, "folder");
    return names;
}

QStringList ProfileTreeModel::mimeTypes() const
{
    return {QLatin1String(kMimeType)};
}

QMimeData* ProfileTreeModel::mimeData(const QModelIndexList& indexes) const
{
    QJsonArray profiles;
    QJsonArray folders;
    QSet<QString> seen;
    for (const QModelIndex& index : indexes) {
        if (!index.isValid() || index.model() != this)
            continue;
        const Node* node = nodeFor(index);
        if (seen.contains(node->key))
            continue;
        seen.insert(node->key);
        if (node->kind == Kind::Profile)
            profiles.append(node->profile.id.toString(QUuid::WithoutBraces));
        else
            folders.append(node->path);
    }
    if (profiles.isEmpty() && folders.isEmpty())
        return nullptr;
    auto* mime = new QMimeData;
    const QJsonObject payload{{QStringLiteral("profiles"), profiles}, {QStringLiteral("folders"), folders}};
    mime->setData(QLatin1String(kMimeType), QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return mime;
}

namespace {
struct DragPayload
{
    QList<QUuid> profiles;
    QStringList folders;
};

DragPayload readPayload(const QMimeData* data)
{
    DragPayload payload;
    if (!data || !data->hasFormat(QLatin1String(ProfileTreeModel::kMimeType)))
        return payload;
    const QJsonObject object =
        QJsonDocument::fromJson(data->data(QLatin1String(ProfileTreeModel::kMimeType))).object();
    for (const QJsonValue& v : object.value(QLatin1String("profiles")).toArray()) {
        const QUuid id = QUuid::fromString(v.toString());
        if (!id.isNull())
            payload.profiles.append(id);
    }
    for (const QJsonValue& v : object.value(QLatin1String("folders")).toArray()) {
        const QString folder = ProfileManager::normalizeFolder(v.toString());
        if (!folder.isEmpty())
            payload.folders.append(folder);
    }
    return payload;
}

bool inside(const QString& folder, const QString& ancestor)
{
    return folder == ancestor || folder.startsWith(ancestor + QLatin1Char('/'));
}
} // namespace

QString ProfileTreeModel::dropFolder(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return {};
    const Node* node = nodeFor(parent);
    return node->kind == Kind::Folder ? node->path : node->profile.folder;
}

bool ProfileTreeModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int, int,
                                       const QModelIndex& parent) const
{
    if (action != Qt::MoveAction)
        return false;
    const DragPayload payload = readPayload(data);
    if (payload.profiles.isEmpty() && payload.folders.isEmpty())
        return false;
    const QString target = dropFolder(parent);
    return std::none_of(payload.folders.cbegin(), payload.folders.cend(),
                        [&](const QString& folder) { return inside(target, folder); });
}

bool ProfileTreeModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                                    const QModelIndex& parent)
{
    if (!m_manager || !canDropMimeData(data, action, row, column, parent))
        return false;
    const DragPayload payload = readPayload(data);
    const QString target = dropFolder(parent);
    QStringList errors;
    bool moved = false;
    // Outermost folders only: a dragged sub-folder travels with its dragged parent.
    for (const QString& folder : payload.folders) {
        const bool coveredByAnother =
            std::any_of(payload.folders.cbegin(), payload.folders.cend(),
                        [&](const QString& other) { return other != folder && inside(folder, other); });
        if (coveredByAnother || ProfileManager::parentFolder(folder) == target)
            continue;
        const ProfileError error = m_manager->moveFolder(folder, target);
        if (error.ok())
            moved = true;
        else
            errors.append(error.message);
    }
    for (const QUuid& id : payload.profiles) {
        const auto p = m_manager->profile(id);
        if (!p || p->folder == target)
            continue;
        const bool travelsWithFolder =
            std::any_of(payload.folders.cbegin(), payload.folders.cend(),
                        [&](const QString& folder) { return inside(p->folder, folder); });
        if (travelsWithFolder)
            continue;
        const ProfileError error = m_manager->moveProfile(id, target);
        if (error.ok())
            moved = true;
        else
            errors.append(error.message);
    }
    if (!errors.isEmpty())
        emit operationFailed(errors.join(QLatin1Char('\n')));
    return moved;
}

Qt::DropActions ProfileTreeModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions ProfileTreeModel::supportedDropActions() const
{
    return Qt::MoveAction;
}
