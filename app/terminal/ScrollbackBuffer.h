#pragma once

#include "terminal/TerminalTypes.h"

#include <deque>
#include <map>
#include <vector>

// Lines that scrolled off the top, in a bounded ring: pushing into a full ring overwrites the
// oldest line, and nothing else moves. Lines are numbered absolutely (see TerminalPosition).
//
// Lines are stored packed, because the scrollback is most of a session's memory: a cell's
// character as 16 bits and its colours and attributes once per run of equal style (about 2-3
// bytes a cell for typical text, against 16 for a TerminalCell). Lines with characters outside
// the Basic Multilingual Plane are kept as plain cells.
//
// The packed lines lie one after another in large blocks, not in an allocation each: a line that
// leaves a full ring is forgotten without touching its memory (freeing it was a cache miss on
// memory last seen 10,000 lines earlier, for every line of a flood), and a block goes back once
// all of its lines have left.
class ScrollbackBuffer final
{
public:
    explicit ScrollbackBuffer(int capacity) : m_capacity(qMax(0, capacity)) {}
    ~ScrollbackBuffer();
    Q_DISABLE_COPY_MOVE(ScrollbackBuffer)

    int capacity() const { return m_capacity; }
    int count() const { return m_count; }
    qint64 firstLine() const { return m_dropped; }         // absolute number of the oldest line
    qint64 endLine() const { return m_dropped + m_count; } // one past the newest line

    void push(TerminalLine&& line);
    // The first `count` cells of a line (the rest is blank), without building a TerminalLine.
    void push(const TerminalCell* cells, qsizetype count, const QMap<int, QString>& clusters);
    bool pop(TerminalLine* line); // takes the newest line back (the screen grew taller)
    bool contains(qint64 absoluteLine) const { return absoluteLine >= m_dropped && absoluteLine < endLine(); }
    TerminalLine at(qint64 absoluteLine) const; // an empty line when not contained
    void setCapacity(int capacity);
    void clear();

    // Heap bytes held for the lines (blocks, the ring and clusters), for the memory benchmark.
    qint64 bytesUsed() const;

    static constexpr qsizetype kBlockSize = 64 * 1024; // holds any line (at most 1,000 columns)

private:
    struct LineRef
    {
        const char* data = nullptr;
        quint32 size = 0;
    };
    struct Block
    {
        char* bytes = nullptr;
        qsizetype used = 0;
        qint64 lastLine = -1; // the newest line with bytes here
    };
    char* allocate(qsizetype size, qint64 line);
    void dropOldest();
    void releaseBlocks(); // those whose lines have all left
    const LineRef& ref(qint64 absoluteLine) const
    {
        return m_ring[size_t((m_start + (absoluteLine - m_dropped)) % m_capacity)];
    }
    static TerminalLine unpack(const LineRef& packed);

    std::vector<LineRef> m_ring;
    std::deque<Block> m_blocks;   // oldest first; the last one is being filled
    char* m_spareBlock = nullptr; // a released block kept for the next one (a flood needs a new one often)
    // Combining clusters of the few lines that have them, by absolute line number.
    std::map<qint64, QMap<int, QString>> m_clusters;
    int m_capacity;
    int m_start = 0; // ring index of the oldest line
    int m_count = 0;
    qint64 m_dropped = 0; // lines that ever left the ring at the old end
};
