#pragma once

#include "terminal/TerminalTypes.h"

#include <QByteArray>

#include <vector>

// Lines that scrolled off the top, in a bounded ring: pushing into a full ring overwrites the
// oldest line, and nothing else moves. Lines are numbered absolutely (see TerminalPosition).
//
// Lines are stored packed, because the scrollback is most of a session's memory: a cell's
// character as 16 bits and its colours and attributes once per run of equal style (about 2-3
// bytes a cell for typical text, against 16 for a TerminalCell). Lines with characters outside
// the Basic Multilingual Plane are kept as plain cells.
class ScrollbackBuffer final
{
public:
    explicit ScrollbackBuffer(int capacity) : m_capacity(qMax(0, capacity)) {}

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

    // Heap bytes held for the lines (packed data and the ring), for the memory benchmark.
    qint64 bytesUsed() const;

private:
    struct PackedLine
    {
        QByteArray data;
        QMap<int, QString> clusters;
    };
    static PackedLine pack(const TerminalCell* cells, qsizetype n, const QMap<int, QString>& clusters);
    void store(PackedLine&& packed);
    static TerminalLine unpack(const PackedLine& packed);

    std::vector<PackedLine> m_ring;
    int m_capacity;
    int m_start = 0; // ring index of the oldest line
    int m_count = 0;
    qint64 m_dropped = 0; // lines that ever left the ring at the old end
};
