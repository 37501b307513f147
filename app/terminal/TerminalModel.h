#pragma once

#include "terminal/LibvtermInputScanner.h"
#include "terminal/ScrollbackBuffer.h"
#include "terminal/TerminalTypes.h"

#include <QByteArray>
#include <QObject>
#include <QPoint>
#include <QRect>
#include <QString>

#include <array>
#include <cstdint>

struct VTerm;
struct VTermState;

enum class TerminalKey
{
    Enter,
    Tab,
    Backspace,
    Escape,
    Up,
    Down,
    Left,
    Right,
    Insert,
    Delete,
    Home,
    End,
    PageUp,
    PageDown,
    F1,
    F2,
    F3,
    F4,
    F5,
    F6,
    F7,
    F8,
    F9,
    F10,
    F11,
    F12,
    Keypad0,
    Keypad1,
    Keypad2,
    Keypad3,
    Keypad4,
    Keypad5,
    Keypad6,
    Keypad7,
    Keypad8,
    Keypad9,
    KeypadMultiply,
    KeypadPlus,
    KeypadComma,
    KeypadMinus,
    KeypadPeriod,
    KeypadDivide,
    KeypadEnter,
    KeypadEqual,
};

namespace TerminalModifier {
enum : int
{
    None = 0,
    Shift = 1,
    Alt = 2,
    Ctrl = 4
};
}

// The terminal's state: libvterm parses the host's output and keeps the cursor and modes (its state
// layer); this class keeps the screen (rows that move as handles when they scroll), the scrollback ring, the
// damage since the last repaint, the title, and turns key presses into the bytes the host expects. No
// widgets: the terminal widget paints what this holds.
//
// Line numbers are absolute (see TerminalPosition): the oldest retained scrollback line is
// firstLine(), the top screen row is screenTopLine(). A line keeps its number when it scrolls
// into the scrollback, so a view or a selection stays on its text while output arrives.
//
// Bytes in and out are UTF-8; the session converts from and to the profile's encoding.
class TerminalModel final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalModel)

public:
    static constexpr int kMaxScrollbackLines = 1000000;
    static constexpr int kMaxCharsPerGlyph = 6; // libvterm's VTERM_MAX_CHARS_PER_CELL

    explicit TerminalModel(int rows = 24, int columns = 80, int scrollbackLines = 10000,
                           QObject* parent = nullptr);
    ~TerminalModel() override;

    // --- input from the host
    void write(QByteArrayView utf8);
    void write(QStringView text) { write(QByteArrayView(text.toUtf8())); }

    // Most of a run of printable ASCII is written by the model itself rather than by libvterm,
    // which gives the same cells (tests and fuzz_terminal compare both ways); off, everything
    // goes through libvterm. directCharacters() counts what was written directly.
    void setDirectText(bool on) { m_directText = on; }
    qint64 directCharacters() const { return m_directCharacters; }

    // --- geometry
    int rows() const { return m_rows; }
    int columns() const { return m_columns; }
    void resize(int rows, int columns);

    // --- content
    qint64 firstLine() const { return m_scrollback.firstLine(); }
    qint64 screenTopLine() const { return m_scrollback.endLine(); }
    qint64 endLine() const { return screenTopLine() + m_rows; } // one past the last screen row
    int scrollbackCount() const { return m_scrollback.count(); }
    int scrollbackCapacity() const { return m_scrollback.capacity(); }
    void setScrollbackCapacity(int lines);
    void clearScrollback();
    TerminalLine line(qint64 absoluteLine) const; // empty line when out of range
    TerminalLine screenLine(int row) const;
    TerminalCell cell(int row, int column) const; // on screen
    QString screenText() const;                   // screen rows, trailing blanks trimmed, '\n'-joined
    // Text from start to end (inclusive, in reading order); rectangular when block.
    QString text(TerminalPosition start, TerminalPosition end, bool block = false) const;
    // The word around pos (for a double click): letters, digits and a few path characters.
    QPair<TerminalPosition, TerminalPosition> wordAt(TerminalPosition pos) const;

    // --- state
    QPoint cursor() const; // x = column, y = screen row
    bool cursorVisible() const { return m_cursorVisible; }
    bool cursorBlinks() const { return m_cursorBlink; }
    int cursorShape() const { return m_cursorShape; } // 1 block, 2 underline, 3 bar
    bool altScreen() const { return m_altScreen; }
    bool reverseVideo() const { return m_reverseVideo; }
    int mouseMode() const { return m_mouseMode; } // 0 none, 1 click, 2 drag, 3 move
    QString title() const { return m_title; }

    // The palette a cell colour code refers to (xterm's 256 colours; 0-15 from the scheme).
    quint32 paletteRgb(int index) const;

    // Cells changed since the last takeDamage(), in screen coordinates (x = column, y = row);
    // linesScrolled counts lines that scrolled off the top into the scrollback meanwhile.
    struct Damage
    {
        QRect cells;
        int linesScrolled = 0;
        bool isEmpty() const { return cells.isEmpty() && linesScrolled == 0; }
    };
    Damage takeDamage();

    // --- keyboard and paste (bytes come out of output())
    void setBackspaceSendsDelete(bool del) { m_backspaceSendsDelete = del; }
    void sendKey(TerminalKey key, int modifiers = TerminalModifier::None);
    void sendText(const QString& text, int modifiers = TerminalModifier::None);
    // Line breaks become CR; bracketed when the host enabled bracketed paste (mode 2004).
    void paste(const QString& text);
    bool bracketedPaste() const { return m_bracketedPaste; }
    void mouseMove(int row, int column, int modifiers);
    void mouseButton(int button, bool pressed, int modifiers);

signals:
    void output(const QByteArray& utf8); // keys, paste, and the answers the host may ask for
    void damaged();                      // once per write() that changed something
    void titleChanged(const QString& title);
    void bell();
    void altScreenChanged(bool on);
    void cursorChanged();

private:
    friend struct TerminalModelCallbacks;

    void damage(const QRect& cells);
    void damage(int left, int top, int width, int height);

    // Screen row r of the active buffer: the buffer is a ring starting at m_ringTop.
    TerminalLine& screenRow(int r)
    {
        int index = m_ringTop[m_buffer] + r;
        if (index >= m_rows)
            index -= m_rows;
        return m_buffers[m_buffer][size_t(index)];
    }
    const TerminalLine& screenRow(int r) const { return const_cast<TerminalModel*>(this)->screenRow(r); }
    TerminalCell blankCell() const;
    TerminalLine blankLine() const;
    void fitLine(TerminalLine& line) const; // to the current width
    static void dropClusters(TerminalLine& line, int from, int to);
    void clearLine(TerminalLine& line) const;
    void pushScrollback(const TerminalLine& line);

    VTerm* m_vt = nullptr;
    VTermState* m_state = nullptr;
    // The screen, on libvterm's state layer: the main and the alternate buffer, one line a row.
    std::vector<TerminalLine> m_buffers[2];
    int m_ringTop[2] = {0, 0}; // index of screen row 0 in each buffer
    int m_buffer = 0;
    TerminalCell m_pen; // colours and attributes of the next character
    // libvterm's pen as the model last saw it: SGR is run by the model (applySgr()), and libvterm's
    // pen is brought up to date only when libvterm needs it (syncLibvtermPen()).
    TerminalCell m_libvtermPen;
    bool applySgr(const qint32* parameters, int count);
    void syncLibvtermPen();
    void clearLibvtermParameters();
    bool pensAgree() const
    {
        return m_pen.fg == m_libvtermPen.fg && m_pen.bg == m_libvtermPen.bg &&
               m_pen.attrs == m_libvtermPen.attrs;
    }
    int m_rows;
    int m_columns;
    ScrollbackBuffer m_scrollback;
    QRect m_damage;
    int m_linesScrolled = 0;
    bool m_changed = false;
    bool m_inWrite = false;
    // What the last write() could not hand to libvterm yet: an incomplete UTF-8 character or an
    // incomplete control sequence (see feedHostBytes()).
    QByteArray m_heldInput;
    // The scanner follows libvterm's parser (see LibvtermInputScanner): where sequences start and
    // end, each REP (CSI Pn b), run here, never by libvterm, and whether text may be written here.
    LibvtermInputScanner m_scanner;
    bool m_droppingSequence = false; // an unsafe or overlong one, up to its end
    bool m_directText = true;
    qint64 m_directCharacters = 0;
    std::array<uint32_t, kMaxCharsPerGlyph> m_lastGlyph{}; // what REP repeats, 0-terminated if shorter
    int m_lastGlyphWidth = 0;
    QPoint m_lastGlyphPosition{-1, -1}; // where libvterm put it (x = column, y = row)
    bool m_lastGlyphEndsLine = false;   // it reached the last column
    qsizetype feedHostBytes(QByteArrayView bytes);
    void feedText(QByteArrayView text);
    qsizetype writeDirect(QByteArrayView run);
    void flushCursorMove();
    void toLibvterm(const char* bytes, qsizetype size); // anything but text (see settleCombining())
    // libvterm joins a combining character that starts a text with the last glyph *it* wrote,
    // when the cursor is right after it. While the last glyph (m_lastGlyph) is one the model wrote
    // itself (m_combineStale), libvterm is shown it before it reads anything that could tell the
    // difference (see settleCombining()).
    bool m_combineStale = false;
    bool m_settling = false;
    void settleCombining();
    qsizetype firstCombiningRisk(QByteArrayView text) const;
    void writeTextNow(QByteArrayView text);
    QPoint cursorPosition() const; // libvterm's (x = column), with the cursor move still to give it
    // The column libvterm's cursor is owed a move to (CSI G, see writeDirect()), -1 if none.
    int m_pendingColumn = -1;
    int cursorMove(char* out) const; // writes that CSI G, returns its length
    // False once the host sent a byte that is not part of well-formed UTF-8 (see feedText()).
    bool m_utf8Clean = true;
    void repeatLastGlyph(int count);
    void writeText(QByteArrayView text);
    void keepCursorOnScreen();
    QByteArray m_textBuffer; // text and the NUL after it (see writeText())
    QByteArray m_pendingOutput;

    QString m_title;
    bool m_cursorVisible = true;
    bool m_cursorBlink = true;
    int m_cursorShape = 1;
    bool m_altScreen = false;
    bool m_reverseVideo = false;
    int m_mouseMode = 0;
    bool m_bracketedPaste = false;
    bool m_backspaceSendsDelete = true;
};
