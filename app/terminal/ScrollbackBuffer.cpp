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

ScrollbackBuffer::~ScrollbackBuffer()
{
    for (const Block& block : m_blocks)
        delete[] block.bytes;
    delete[] m_spareBlock;
}

char* ScrollbackBuffer::allocate(qsizetype size, qint64 line)
{
    Q_ASSERT(size <= kBlockSize);
    if (m_blocks.empty() || kBlockSize - m_blocks.back().used < size) {
        Block block;
        block.bytes = m_spareBlock ? std::exchange(m_spareBlock, nullptr) : new char[kBlockSize];
        m_blocks.push_back(block);
    }
    Block& block = m_blocks.back();
    char* out = block.bytes + block.used;
    block.used += size;
    block.lastLine = line;
    return out;
}

void ScrollbackBuffer::dropOldest()
{
    m_start = (m_start + 1) % m_capacity;
    --m_count;
    ++m_dropped;
    if (!m_clusters.empty() && m_clusters.begin()->first < m_dropped)
        m_clusters.erase(m_clusters.begin());
    releaseBlocks();
}

void ScrollbackBuffer::releaseBlocks()
{
    // A block's lines are numbered up to its lastLine (lines are pushed in order, and pop() takes
    // only the newest), so it is free once the oldest line kept is past that.
    while (!m_blocks.empty() && m_blocks.front().lastLine < m_dropped) {
        char* bytes = m_blocks.front().bytes;
        m_blocks.pop_front();
        if (m_spareBlock)
            delete[] bytes;
        else
            m_spareBlock = bytes;
    }
}

void ScrollbackBuffer::push(TerminalLine&& line)
{
    push(line.cells.constData(), line.cells.size(), line.clusters);
}

void ScrollbackBuffer::push(const TerminalCell* cells, qsizetype n, const QMap<int, QString>& clusters)
{
    if (m_capacity == 0) {
        ++m_dropped;
        return;
    }
    if (m_count == m_capacity)
        dropOldest(); // its slot takes the new line
    const qint64 number = endLine();
    // Every line that scrolls off passes here: the characters and the style runs go to scratch
    // space, then the packed line is written to its block at its exact size.
    static thread_local std::vector<char16_t> characters;
    static thread_local std::vector<char> runs;
    LineRef ref;
    bool compact = n <= 0xFFFF;
    if (compact) {
        characters.resize(size_t(n));
        if (runs.size() < size_t(n) * 12)
            runs.resize(size_t(n) * 12); // the most a line can need: a run per cell
        char* runOut = runs.data();
        int runCount = 0;
        char16_t* out = characters.data();
        // One pass: the characters, whether each fits 16 bits with its width told by what follows
        // (most lines hold only narrow characters of the Basic Multilingual Plane), and the style
        // runs (a line has few).
        bool narrowOnly = true;
        for (qsizetype i = 0; i < n; ++i) {
            const TerminalCell& c = cells[i];
            narrowOnly &= c.width == 1 && c.ch < kContinuation;
            out[i] = char16_t(c.ch);
            if (i > 0 && sameStyle(c, cells[i - 1])) [[likely]]
                continue;
            put(runOut, quint16(i));
            put(runOut, c.fg);
            put(runOut, c.bg);
            put(runOut, c.attrs);
            ++runCount;
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
        const size_t runBytes = size_t(runOut - runs.data());
        compact = representable;
        if (compact) {
            ref.size = quint32(1 + 2 + n * 2 + 2 + qsizetype(runBytes));
            char* to = allocate(ref.size, number);
            ref.data = to;
            *to++ = 'c';
            put(to, quint16(n));
            if (n > 0) { // an empty line has no characters and no runs (and memcpy no null pointer)
                std::memcpy(to, characters.data(), size_t(n) * 2);
                to += n * 2;
            }
            put(to, quint16(runCount));
            if (runBytes > 0)
                std::memcpy(to, runs.data(), runBytes);
        }
    }
    if (!compact) {
        ref.size = quint32(1 + n * qsizetype(sizeof(TerminalCell)));
        char* to = allocate(ref.size, number);
        ref.data = to;
        *to++ = 'p';
        std::memcpy(to, static_cast<const void*>(cells), size_t(n) * sizeof(TerminalCell));
    }
    const int index = (m_start + m_count) % m_capacity;
    if (index < int(m_ring.size()))
        m_ring[size_t(index)] = ref;
    else
        m_ring.push_back(ref);
    ++m_count;
    if (!clusters.isEmpty())
        m_clusters.emplace_hint(m_clusters.end(), number, clusters);
}

TerminalLine ScrollbackBuffer::unpack(const LineRef& packed)
{
    TerminalLine line;
    if (packed.size == 0)
        return line;
    const char* in = packed.data;
    if (*in++ == 'p') {
        const qsizetype n = qsizetype(packed.size - 1) / qsizetype(sizeof(TerminalCell));
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

bool ScrollbackBuffer::pop(TerminalLine* line)
{
    if (m_count == 0)
        return false;
    const qint64 number = endLine() - 1;
    const LineRef packed = ref(number);
    *line = unpack(packed);
    if (const auto it = m_clusters.find(number); it != m_clusters.end()) {
        line->clusters = std::move(it->second);
        m_clusters.erase(it);
    }
    // Its bytes are given back when they end the block being filled (a resize pops several).
    if (!m_blocks.empty()) {
        Block& block = m_blocks.back();
        if (packed.data + packed.size == block.bytes + block.used)
            block.used -= packed.size;
    }
    --m_count;
    return true;
}

TerminalLine ScrollbackBuffer::at(qint64 absoluteLine) const
{
    if (!contains(absoluteLine))
        return {};
    TerminalLine line = unpack(ref(absoluteLine));
    if (!m_clusters.empty()) {
        if (const auto it = m_clusters.find(absoluteLine); it != m_clusters.end())
            line.clusters = it->second;
    }
    return line;
}

void ScrollbackBuffer::setCapacity(int capacity)
{
    capacity = qMax(0, capacity);
    if (capacity == m_capacity)
        return;
    while (m_count > capacity)
        dropOldest();
    std::vector<LineRef> kept;
    kept.reserve(size_t(m_count));
    for (int i = 0; i < m_count; ++i)
        kept.push_back(m_ring[size_t((m_start + i) % m_capacity)]);
    m_ring = std::move(kept);
    m_capacity = capacity;
    m_start = 0;
}

void ScrollbackBuffer::clear()
{
    m_dropped += m_count;
    m_ring = std::vector<LineRef>(); // its memory too
    m_start = 0;
    m_count = 0;
    m_clusters.clear();
    for (const Block& block : m_blocks)
        delete[] block.bytes;
    m_blocks.clear();
    delete[] std::exchange(m_spareBlock, nullptr);
}

qint64 ScrollbackBuffer::bytesUsed() const
{
    constexpr qint64 kClusterLineBytes = 96; // a map node and a small QMap, roughly
    return qint64(m_ring.capacity() * sizeof(LineRef)) +
           qint64(m_blocks.size() + (m_spareBlock ? 1 : 0)) * kBlockSize +
           qint64(m_clusters.size()) * kClusterLineBytes;
}
