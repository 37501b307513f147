#include "terminal/ScrollbackBuffer.h"

void ScrollbackBuffer::push(TerminalLine&& line)
{
    if (m_capacity == 0) {
        ++m_dropped;
        return;
    }
    if (m_count < m_capacity) {
        const int index = (m_start + m_count) % m_capacity;
        if (index < int(m_ring.size()))
            m_ring[size_t(index)] = std::move(line);
        else
            m_ring.push_back(std::move(line));
        ++m_count;
        return;
    }
    // Full: the newest line takes the oldest line's slot.
    m_ring[size_t(m_start)] = std::move(line);
    m_start = (m_start + 1) % m_capacity;
    ++m_dropped;
}

bool ScrollbackBuffer::pop(TerminalLine* line)
{
    if (m_count == 0)
        return false;
    const int index = (m_start + m_count - 1) % m_capacity;
    *line = std::move(m_ring[size_t(index)]);
    m_ring[size_t(index)] = TerminalLine();
    --m_count;
    return true;
}

const TerminalLine* ScrollbackBuffer::at(qint64 absoluteLine) const
{
    if (absoluteLine < m_dropped || absoluteLine >= endLine())
        return nullptr;
    const qint64 offset = absoluteLine - m_dropped;
    return &m_ring[size_t((m_start + offset) % m_capacity)];
}

void ScrollbackBuffer::setCapacity(int capacity)
{
    capacity = qMax(0, capacity);
    if (capacity == m_capacity)
        return;
    std::vector<TerminalLine> kept;
    const int keep = qMin(m_count, capacity);
    kept.reserve(size_t(keep));
    for (int i = m_count - keep; i < m_count; ++i)
        kept.push_back(std::move(m_ring[size_t((m_start + i) % m_capacity)]));
    m_dropped += m_count - keep;
    m_ring = std::move(kept);
    m_capacity = capacity;
    m_start = 0;
    m_count = keep;
}

void ScrollbackBuffer::clear()
{
    m_dropped += m_count;
    m_ring.clear();
    m_start = 0;
    m_count = 0;
}
