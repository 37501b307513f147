#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QtGlobal>

#include <climits>

// Colours as stored in cells: the default colour, a palette index (0-255) or 24-bit RGB. The
// palette is applied when painting, so a colour-scheme change recolours what is already there.
namespace TerminalColor {
constexpr quint32 Default = 0;
constexpr quint32 IndexedFlag = 0x01000000;
constexpr quint32 RgbFlag = 0x02000000;
constexpr quint32 indexed(int index)
{
    return IndexedFlag | quint32(index & 0xff);
}
constexpr quint32 rgb(int r, int g, int b)
{
    return RgbFlag | quint32((r & 0xff) << 16 | (g & 0xff) << 8 | (b & 0xff));
}
constexpr bool isDefault(quint32 c)
{
    return c == Default;
}
constexpr bool isIndexed(quint32 c)
{
    return (c & IndexedFlag) != 0;
}
constexpr bool isRgb(quint32 c)
{
    return (c & RgbFlag) != 0;
}
} // namespace TerminalColor

namespace TerminalAttr {
enum : quint16
{
    Bold = 1 << 0,
    Italic = 1 << 1,
    Underline = 1 << 2,
    DoubleUnderline = 1 << 3,
    Blink = 1 << 4,
    Reverse = 1 << 5,
    Strike = 1 << 6,
};
}

// One cell, kept small because scrollback holds many of them (16 bytes).
struct TerminalCell
{
    char32_t ch = 0; // 0: empty (shown as a space)
    quint32 fg = TerminalColor::Default;
    quint32 bg = TerminalColor::Default;
    quint16 attrs = 0;
    quint8 width = 1; // 2: East Asian wide (the next cell is its continuation, width 0)
    quint8 reserved = 0;

    friend bool operator==(const TerminalCell&, const TerminalCell&) = default;
};

struct TerminalLine
{
    QList<TerminalCell> cells;
    // Columns whose character has combining marks: the whole grapheme, base included.
    QMap<int, QString> clusters;
    // The terminal model's hint: no cell at or after this column differs from TerminalCell(), so
    // clearing and trimming a mostly empty line (a scrolling flood) touches only its start.
    // INT_MAX: not known.
    int written = INT_MAX;

    // The text of the columns [from, to), wide continuations skipped, trailing blanks kept.
    QString text(int from = 0, int to = -1) const;
    // The text shown in one cell (grapheme cluster), "" for an empty cell or a continuation.
    QString cellText(int column) const;
};

struct TerminalPosition
{
    qint64 line = 0; // absolute line number: stable while lines scroll into the scrollback
    int column = 0;
    friend bool operator==(const TerminalPosition&, const TerminalPosition&) = default;
    friend bool operator<(const TerminalPosition& a, const TerminalPosition& b)
    {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    }
    friend bool operator<=(const TerminalPosition& a, const TerminalPosition& b) { return !(b < a); }
};
