#pragma once

#include <QPixmap>
#include <QProxyStyle>

// The main window's tool bars, drawn exactly as the application style draws them, but quicker
// where that style is Fusion. Fusion draws a main window tool bar as a gradient with a
// semi-transparent line along each long edge; Qt 6.4's raster engine blends such a line one
// pixel per span, in batches handed to its thread pool while the UI thread waits for them: for
// the two tool bars of the main window's first frame, 42 hand-overs, each a pool thread woken
// and waited for. The picture does not change along the bar, so a short piece of it is painted
// the style's own way and repeated over the whole bar (where one pixel is one device pixel;
// scaled, the style paints).
class ToolBarStyle final : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;

    void drawControl(ControlElement element, const QStyleOption* option, QPainter* painter,
                     const QWidget* widget = nullptr) const override;

private:
    mutable QString m_pieceKey; // what m_piece was painted for
    mutable QPixmap m_piece;
};
