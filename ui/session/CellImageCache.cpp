#include "ui/session/CellImageCache.h"

#include <cstring>

void CellImageCache::useFormat(QImage::Format format)
{
    if (format != m_format) {
        m_cells.clear();
        m_format = format;
    }
}

std::optional<QImage> CellImageCache::find(quint64 key) const
{
    const auto it = m_cells.constFind(key);
    if (it == m_cells.cend())
        return std::nullopt;
    return *it;
}

void CellImageCache::insert(quint64 key, const QImage& picture)
{
    if (m_cells.size() >= kMaxCells)
        m_cells.clear();
    m_cells.insert(key, picture);
}

bool CellImageCache::onlyMiddleCellChanged(const QImage& wide, QRgb untouched)
{
    const int cellWidth = wide.width() / 3;
    for (int y = 0; y < wide.height(); ++y) {
        for (int x = 0; x < wide.width(); ++x) {
            if (x == cellWidth)
                x = 2 * cellWidth; // past the cell itself
            if (wide.pixel(x, y) != untouched)
                return false;
        }
    }
    return true;
}

void CellImageCache::copyInto(const QImage& cell, QImage& target, QPoint at)
{
    const qsizetype rowBytes = qsizetype(cell.width()) * (cell.depth() / 8);
    const qsizetype offset = qsizetype(at.x()) * (target.depth() / 8);
    for (int y = 0; y < cell.height(); ++y)
        std::memcpy(target.scanLine(at.y() + y) + offset, cell.constScanLine(y), size_t(rowBytes));
}
