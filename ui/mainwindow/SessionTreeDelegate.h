#pragma once

#include <QStyledItemDelegate>

// Draws the session tree's icons (folders; sessions with a closed lock for SSL/TLS and an open
// one without) and answers tool tips with the host, port, protocol and security. The model is
// core code without QtGui icons, so the view side adds them here.
class SessionTreeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionTreeDelegate)

public:
    explicit SessionTreeDelegate(QObject* parent = nullptr);

    // "host:port · Telnet · SSL/TLS" for a profile, empty for a folder.
    static QString toolTip(const QModelIndex& index);

    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};
