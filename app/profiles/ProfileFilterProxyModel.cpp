#include "profiles/ProfileFilterProxyModel.h"

#include "profiles/ProfileTreeModel.h"

ProfileFilterProxyModel::ProfileFilterProxyModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    // A folder stays when anything below it matches.
    setRecursiveFilteringEnabled(true);
}

void ProfileFilterProxyModel::setFilterText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

bool ProfileFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    // A matching folder shows everything in it: accept when this row or any folder above matches.
    for (QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent); index.isValid();
         index = index.parent()) {
        if (matches(index))
            return true;
    }
    return false;
}

bool ProfileFilterProxyModel::matches(const QModelIndex& index) const
{
    const auto contains = [this](const QVariant& value) {
        return value.toString().contains(m_text, Qt::CaseInsensitive);
    };
    if (contains(index.data(Qt::DisplayRole)))
        return true;
    const auto kind = ProfileTreeModel::Kind(index.data(ProfileTreeModel::KindRole).toInt());
    if (kind == ProfileTreeModel::Kind::Profile)
        return contains(index.data(ProfileTreeModel::HostRole));
    // "Production/Osaka" typed in full matches the folder by its path.
    return m_text.contains(QLatin1Char('/')) && contains(index.data(ProfileTreeModel::PathRole));
}
