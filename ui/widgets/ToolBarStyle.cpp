#include "ui/widgets/ToolBarStyle.h"

#include <QPainter>
#include <QStyleOptionToolBar>

namespace {
// Long enough for the lines to be drawn as lines, short enough to stay on the UI thread.
constexpr int kPieceLength = 16;
} // namespace

void ToolBarStyle::drawControl(ControlElement element, const QStyleOption* option, QPainter* painter,
                               const QWidget* widget) const
{
    const auto* bar = qstyleoption_cast<const QStyleOptionToolBar*>(option);
    // Repeated pixels are the style's own only where one pixel is one pixel of the device (the
    // device transform holds the screen's scale too, and that of a redirected paint).
    const bool unscaled = painter->deviceTransform().type() <= QTransform::TxTranslate;
    if (element != CE_ToolBar || !bar || !unscaled || option->rect.isEmpty() ||
        baseStyle()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0) {
        QProxyStyle::drawControl(element, option, painter, widget);
        return;
    }
    QStyleOptionToolBar piece = *bar;
    piece.rect = (option->state & State_Horizontal) ? QRect(0, 0, kPieceLength, option->rect.height())
                                                    : QRect(0, 0, option->rect.width(), kPieceLength);
    const QString key = QStringLiteral("%1x%2:%3:%4:%5:%6")
                            .arg(piece.rect.width())
                            .arg(piece.rect.height())
                            .arg(int(option->state))
                            .arg(int(bar->toolBarArea))
                            .arg(int(bar->positionOfLine))
                            .arg(option->palette.cacheKey());
    if (key != m_pieceKey) {
        QImage image(piece.rect.size(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter piecePainter(&image);
        QProxyStyle::drawControl(element, &piece, &piecePainter, widget);
        piecePainter.end();
        m_piece = QPixmap::fromImage(image);
        m_pieceKey = key;
    }
    painter->drawTiledPixmap(option->rect, m_piece);
}
