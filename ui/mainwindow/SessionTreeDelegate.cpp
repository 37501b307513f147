#include "ui/mainwindow/SessionTreeDelegate.h"

#include "profiles/ProfileTreeModel.h"
#include "ui/widgets/Icons.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QStyle>
#include <QToolTip>

SessionTreeDelegate::SessionTreeDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

void SessionTreeDelegate::setStyleIcons(bool style)
{
    m_styleIcons = style;
}

void SessionTreeDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const auto kind = ProfileTreeModel::Kind(index.data(ProfileTreeModel::KindRole).toInt());
    option->features |= QStyleOptionViewItem::HasDecoration;
    if (kind == ProfileTreeModel::Kind::Folder) {
        if (!m_styleIcons) {
            if (m_quickFolderIcon.isNull())
                m_quickFolderIcon = Icons::quickStandardIcon(QStyle::SP_DirIcon);
            if (!m_quickFolderIcon.isNull()) {
                option->icon = m_quickFolderIcon;
                return;
            }
        }
        const QStyle* style = option->widget ? option->widget->style() : QApplication::style();
        if (m_folderIconStyle != style) {
            m_folderIcon = style->standardIcon(QStyle::SP_DirIcon);
            m_folderIconStyle = style;
        }
        option->icon = m_folderIcon;
    } else {
        static const QIcon tls = Icons::session(true);
        static const QIcon plain = Icons::session(false);
        option->icon = index.data(ProfileTreeModel::TlsRole).toBool() ? tls : plain;
    }
}

QString SessionTreeDelegate::toolTip(const QModelIndex& index)
{
    if (ProfileTreeModel::Kind(index.data(ProfileTreeModel::KindRole).toInt()) !=
        ProfileTreeModel::Kind::Profile)
        return QString();
    const QString host = index.data(ProfileTreeModel::HostRole).toString();
    const int port = index.data(ProfileTreeModel::PortRole).toInt();
    const bool raw = index.data(ProfileTreeModel::ProtocolRole).toString() == QLatin1String("raw");
    const QString address = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(host).arg(port)
                                                            : QStringLiteral("%1:%2").arg(host).arg(port);
    const QString protocol = raw ? tr("Raw TCP") : tr("Telnet");
    return index.data(ProfileTreeModel::TlsRole).toBool()
               ? tr("%1 · %2 · SSL/TLS").arg(address, protocol)
               : tr("%1 · %2 · not encrypted").arg(address, protocol);
}

bool SessionTreeDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view,
                                    const QStyleOptionViewItem& option, const QModelIndex& index)
{
    if (event->type() == QEvent::ToolTip) {
        const QString text = toolTip(index);
        if (!text.isEmpty()) {
            QToolTip::showText(event->globalPos(), text, view);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}
