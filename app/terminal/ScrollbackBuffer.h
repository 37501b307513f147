#pragma once

#include "terminal/TerminalTypes.h"

#include <vector>

// Lines that scrolled off the top, in a bounded ring: pushing into a full ring overwrites the
// oldest line, and nothing else moves. Lines are numbered absolutely (see TerminalPosition).
class ScrollbackBuffer final
{
public:
    explicit ScrollbackBuffer(int capacity) : m_capacity(qMax(0, capacity)) {}

    int capacity() const { return m_capacity; }
    int count() const { return m_count; }
    qint64 firstLine() const { return m_dropped; }         // absolute number of the oldest line
    qint64 endLine() const { return m_dropped + m_count; } // one past the newest line

    void push(TerminalLine&& line);
    bool pop(TerminalLine* line); // takes the newest line back (the screen grew taller)
    const TerminalLine* at(qint64 absoluteLine) const;
    void setCapacity(int capacity);
    void clear();

private:
    std::vector<TerminalLine> m_ring;
    int m_capacity;
    int m_start = 0; // ring index of the oldest line
    int m_count = 0;
    qint64 m_dropped = 0; // lines that ever left the ring at the old end
};
