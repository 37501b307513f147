#pragma once

#include <QHash>
#include <QImage>

#include <optional>

// Pictures of single terminal cells exactly as the terminal widget paints them, so that an echoed
// character can be put on screen by copying pixels instead of painting (see
// TerminalWidget::paintEchoDirectly). A picture is kept only for a cell whose painting stays
// inside the cell; for the others the cache remembers that they must be painted.
class CellImageCache final
{
public:
    CellImageCache() = default;
    Q_DISABLE_COPY_MOVE(CellImageCache)

    // Pictures are in one pixel format: a different one forgets them all.
    void useFormat(QImage::Format format);
    void clear() { m_cells.clear(); }

    // The picture kept for key (a null image for a cell that paints outside itself); nothing if
    // the key was not seen yet. Pictures are returned by value: an insert may move those kept.
    std::optional<QImage> find(quint64 key) const;
    // Keeps a cell's picture; a null image marks a cell that paints outside itself.
    void insert(quint64 key, const QImage& picture);

    // Whether a picture three cells wide, filled with `untouched` before a cell was painted in its
    // middle, is still `untouched` left and right of the middle cell.
    static bool onlyMiddleCellChanged(const QImage& wide, QRgb untouched);

    // Copies a cell's picture into target with its top left corner at `at` (inside target).
    static void copyInto(const QImage& cell, QImage& target, QPoint at);

private:
    static constexpr qsizetype kMaxCells = 4096; // colours times characters a screen shows
    QHash<quint64, QImage> m_cells;              // a null image: paints outside its cell
    QImage::Format m_format = QImage::Format_Invalid;
};
