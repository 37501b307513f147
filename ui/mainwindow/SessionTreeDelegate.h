#pragma once

#include <QIcon>
#include <QPointer>
#include <QStyle>
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

    // Folders: Qt's own folder picture (Icons::quickStandardIcon) until this is set, then the
    // style's. The main window sets it once its first frame is painted: the style's icon asks
    // the desktop's icon theme, whose first lookup takes several milliseconds.
    void setStyleIcons(bool style);

    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

private:
    // The style's folder icon, asked for once per style: QStyle::standardIcon() decodes every
    // size of it from PNG (about 1 ms a call), and each painted folder row needs it.
    mutable QPointer<const QStyle> m_folderIconStyle;
    mutable QIcon m_folderIcon;
    mutable QIcon m_quickFolderIcon;
    bool m_styleIcons = false;
};
