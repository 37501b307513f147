#include "terminal/ScrollbackBuffer.h"

#include <cstddef>
#include <cstring>
#include <vector>

namespace {

// Packed layout: a format byte, then
//   'c' (compact): quint16 cell count, cell count x char16 (0xFFFF: a wide character's
//       continuation), quint16 run count, runs of {quint16 first column, quint32 fg, quint32 bg,
//       quint16 attrs};
//   'p' (plain):   the TerminalCells as they are.
constexpr char16_t kContinuation = 0xFFFF;

template <typename T> void put(char*& out, T value)
{
    std::memcpy(out, &value, sizeof value);
    out += sizeof value;
}

template <typename T> T get(const char*& in)
{
    T value;
    std::memcpy(&value, in, sizeof value);
    in += sizeof value;
    return value;
}

bool sameStyle(const TerminalCell& a, const TerminalCell& b)
{
    // fg and bg side by side compare as one word.
    static_assert(offsetof(TerminalCell, bg) == offsetof(TerminalCell, fg) + 4);
    quint64 styleA, styleB;
    std::memcpy(&styleA, &a.fg, 8);
    std::memcpy(&styleB, &b.fg, 8);
    return styleA == styleB && a.attrs == b.attrs;
}

} // namespace

ScrollbackBuffer::PackedLine ScrollbackBuffer::pack(const TerminalCell* cells, qsizetype n,
                                                    const QMap<int, QString>& clusters)
{
    PackedLine packed;
    packed.clusters = clusters;
    // Every line that scrolls off passes here: the characters and the style runs go to scratch
    // space (a pass each: the loops stay short and branch-free), then the packed line is
    // allocated once at its exact size.
    static thread_local std::vector<char16_t> characters;
    static thread_local std::vector<char> runs;
    bool compact = n <= 0xFFFF;
    if (compact) {
        characters.resize(size_t(n));
        if (runs.size() < size_t(n) * 12)
            runs.resize(size_t(n) * 12); // the most a line can need: a run per cell
        char* runOut = runs.data();
        int runCount = 0;
        char16_t* out = characters.data();
        // The characters, and whether each fits 16 bits with its width told by what follows.
        // Most lines hold only narrow characters of the Basic Multilingual Plane: a plain copy.
        bool narrowOnly = true;
        for (qsizetype i = 0; i < n; ++i) {
            const TerminalCell& c = cells[i];
            narrowOnly &= c.width == 1 && c.ch < kContinuation;
            out[i] = char16_t(c.ch);
        }
        bool representable = narrowOnly;
        if (!narrowOnly) {
            bool unrepresentable = false;
            bool continuationDue = false; // after a wide character
            for (qsizetype i = 0; i < n; ++i) {
                const TerminalCell& c = cells[i];
                const bool continuation = c.width == 0;
                unrepresentable |= continuationDue ? !continuation || c.ch != 0
                                                   : continuation || c.width > 2 || c.ch >= kContinuation;
                continuationDue = c.width == 2;
                out[i] = continuation ? kContinuation : char16_t(c.ch);
            }
            representable = !unrepresentable && !continuationDue;
        }
        // The style runs: a line has few.
        for (qsizetype i = 0; i < n; ++i) {
            const TerminalCell& c = cells[i];
            if (i > 0 && sameStyle(c, cells[i - 1]))
                continue;
            put(runOut, quint16(i));
            put(runOut, c.fg);
            put(runOut, c.bg);
            put(runOut, c.attrs);
            ++runCount;
        }
        const size_t runBytes = size_t(runOut - runs.data());
        compact = representable;
        if (compact) {
            packed.data.resize(1 + 2 + n * 2 + 2 + qsizetype(runBytes));
            char* out = packed.data.data();
            *out++ = 'c';
            put(out, quint16(n));
            if (n > 0) { // an empty line has no characters and no runs (and memcpy no null pointer)
                std::memcpy(out, characters.data(), size_t(n) * 2);
                out += n * 2;
            }
            put(out, quint16(runCount));
            if (runBytes > 0)
                std::memcpy(out, runs.data(), runBytes);
            return packed;
        }
    }
    packed.data.reserve(1 + n * qsizetype(sizeof(TerminalCell)));
    packed.data.append('p');
    packed.data.append(reinterpret_cast<const char*>(cells), n * qsizetype(sizeof(TerminalCell)));
    return packed;
}

TerminalLine ScrollbackBuffer::unpack(const PackedLine& packed)
{
    TerminalLine line;
    line.clusters = packed.clusters;
    if (packed.data.isEmpty())
        return line;
    const char* in = packed.data.constData();
    if (*in++ == 'p') {
        const qsizetype n = (packed.data.size() - 1) / qsizetype(sizeof(TerminalCell));
        line.cells.resize(n);
        std::memcpy(static_cast<void*>(line.cells.data()), in, size_t(n) * sizeof(TerminalCell));
        return line;
    }
    const int n = get<quint16>(in);
    line.cells.resize(n);
    TerminalCell* cells = line.cells.data();
    for (int i = 0; i < n; ++i) {
        const char16_t ch = get<char16_t>(in);
        if (ch == kContinuation) {
            cells[i].width = 0;
            if (i > 0)
                cells[i - 1].width = 2;
        } else {
            cells[i].ch = ch;
        }
    }
    const int runs = get<quint16>(in);
    for (int r = 0; r < runs; ++r) {
        const int first = get<quint16>(in);
        const quint32 fg = get<quint32>(in);
        const quint32 bg = get<quint32>(in);
        const quint16 attrs = get<quint16>(in);
        // A run lasts until the next one starts (or the line ends).
        const char* peek = in;
        const int end = r + 1 < runs ? int(get<quint16>(peek)) : n;
        for (int i = first; i < end && i < n; ++i) {
            cells[i].fg = fg;
            cells[i].bg = bg;
            cells[i].attrs = attrs;
        }
    }
    return line;
}

void ScrollbackBuffer::push(TerminalLine&& line)
{
    push(line.cells.constData(), line.cells.size(), line.clusters);
}

void ScrollbackBuffer::push(const TerminalCell* cells, qsizetype count, const QMap<int, QString>& clusters)
{
    if (m_capacity == 0) {
        ++m_dropped;
        return;
    }
    store(pack(cells, count, clusters));
}

void ScrollbackBuffer::store(PackedLine&& packed)
{
    if (m_count < m_capacity) {
        const int index = (m_start + m_count) % m_capacity;
        if (index < int(m_ring.size()))
            m_ring[size_t(index)] = std::move(packed);
        else
            m_ring.push_back(std::move(packed));
        ++m_count;
        return;
    }
    // Full: the newest line takes the oldest line's slot.
    m_ring[size_t(m_start)] = std::move(packed);
    m_start = (m_start + 1) % m_capacity;
    ++m_dropped;
}

bool ScrollbackBuffer::pop(TerminalLine* line)
{
    if (m_count == 0)
        return false;
    const int index = (m_start + m_count - 1) % m_capacity;
    *line = unpack(m_ring[size_t(index)]);
    m_ring[size_t(index)] = PackedLine();
    --m_count;
    return true;
}

TerminalLine ScrollbackBuffer::at(qint64 absoluteLine) const
{
    if (!contains(absoluteLine))
        return {};
    const qint64 offset = absoluteLine - m_dropped;
    return unpack(m_ring[size_t((m_start + offset) % m_capacity)]);
}

void ScrollbackBuffer::setCapacity(int capacity)
{
    capacity = qMax(0, capacity);
    if (capacity == m_capacity)
        return;
    std::vector<PackedLine> kept;
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

qint64 ScrollbackBuffer::bytesUsed() const
{
    qint64 bytes = qint64(m_ring.capacity() * sizeof(PackedLine));
    for (const PackedLine& line : m_ring)
        bytes += line.data.capacity();
    return bytes;
}
