#pragma once

#include <QSortFilterProxyModel>

// Filters the session tree as the user types: a profile shows when its name or host contains
// the text, a folder when its name (or path, if the text has a '/') does. The folders of a
// matching profile stay visible, and a matching folder shows everything in it. Case-insensitive.
class ProfileFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileFilterProxyModel)

public:
    explicit ProfileFilterProxyModel(QObject* parent = nullptr);

    QString filterText() const { return m_text; }
    void setFilterText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool matches(const QModelIndex& sourceIndex) const;
    QString m_text;
};
