#pragma once

#include "terminal/TerminalTypes.h"
#include "ui/session/CellImageCache.h"

#include <QColor>
#include <QElapsedTimer>
#include <QFont>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QRawFont>
#include <QTimer>
#include <QWidget>

#include <array>

class QAction;
class QMenu;
class QScrollBar;
class TerminalModel;

// Paints a TerminalModel and turns keyboard, mouse and input-method events into what the host
// expects. It never touches a socket: text and key sequences come out of the model's output()
// (or sendText() when they must be encoded), and the session sends them.
//
// Repaints are coalesced: the model's damage is collected and painted at most once per frame,
// and only the damaged cells unless lines scrolled.
class TerminalWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalWidget)

public:
    struct ColorScheme
    {
        QColor foreground;
        QColor background;
        std::array<QColor, 16> ansi;
        static ColorScheme named(const QString& name); // "Default" (dark), "Light"
    };

    explicit TerminalWidget(TerminalModel* model, QWidget* parent = nullptr);
    ~TerminalWidget() override;

    TerminalModel* model() const { return m_model; }

    void setTerminalFont(const QString& family, int pointSize);
    QFont terminalFont() const { return m_font; }
    QSize cellSize() const { return QSize(m_cellWidth, m_cellHeight); }
    void setColorScheme(const ColorScheme& scheme);
    void setCopyOnSelect(bool on) { m_copyOnSelect = on; }
    void setConfirmMultiLinePaste(bool on) { m_confirmMultiLinePaste = on; }
    void setInputEnabled(bool on) { m_inputEnabled = on; }

    // The grid that fits the widget, and the size that shows columns x rows.
    int visibleColumns() const;
    int visibleRows() const;
    QSize sizeForGrid(int columns, int rows) const;
    // Whether plain ASCII is drawn as glyphs on the cell grid (see m_asciiGlyphRuns); tests turn it
    // off to compare with text layout.
    bool drawsAsciiGlyphRuns() const { return m_asciiGlyphRuns && m_asciiGlyphs[0].usable; }
    void setAsciiGlyphRunsForTests(bool on)
    {
        m_asciiGlyphRuns = on;
        m_echoCells.clear();
    }
    // Whether a non-ASCII character is drawn from a glyph found once (see cellGlyph()).
    bool drawsAsGlyph(char32_t ch) const { return m_asciiGlyphRuns && cellGlyph(ch, 0).index != 0; }
    // Milliseconds until the cursor next blinks (-1 when it does not blink: no focus, or the
    // desktop's cursor is steady).
    int cursorBlinkRemainingMs() const
    {
        return m_cursorBlinkTimer.isActive() ? m_cursorBlinkTimer.remainingTime() : -1;
    }
    int cursorBlinkIntervalMs() const { return m_cursorBlinkTimer.interval(); }
    // How many blink phases have begun since the widget was made.
    int cursorBlinkPhases() const { return m_cursorBlinkPhases; }
    QSize sizeHint() const override;
    // How many echoes were put on screen by copying cell pictures (paintEchoDirectly()).
    int directEchoes() const { return m_directEchoes; }
    // paintEchoDirectly() for columns [fromColumn, toColumn) of a row, whatever the frame timer says.
    bool paintEchoDirectlyForTests(int row, int fromColumn, int toColumn)
    {
        return paintEchoDirectly(row, fromColumn, toColumn);
    }

    // --- view
    qint64 viewTopLine() const; // absolute line shown in the top row
    bool isFollowingOutput() const { return m_follow; }
    void scrollLines(int delta); // negative: back into the scrollback
    void scrollPages(int delta);
    void scrollToBottom();

    // --- selection and clipboard
    bool hasSelection() const { return m_hasSelection; }
    QString selectedText() const;
    void setSelection(TerminalPosition start, TerminalPosition end);
    void clearSelection();
    void selectAll();
    void copy();
    void paste();                        // from the clipboard
    void pasteText(const QString& text); // asks before several lines, when enabled
    QList<QAction*> contextActions() const { return m_extraActions; }
    void addContextAction(QAction* action) { m_extraActions.append(action); }

    // The cell at a widget position (absolute line), and a cell's rectangle on screen.
    TerminalPosition positionAt(const QPoint& point) const;
    QRect cellRect(int screenColumn, int viewRow) const;

    QString preeditText() const { return m_preedit; }

signals:
    void sizeChanged(int columns, int rows);
    // Text to send in the session's encoding (typed, committed by the input method).
    void textEntered(const QString& text);
    void bell();

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void inputMethodEvent(QInputMethodEvent* event) override;
    QVariant inputMethodQuery(Qt::InputMethodQuery query) const override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    bool focusNextPrevChild(bool next) override;

private:
    friend class TypingFastPath;
    bool acceptsFastTyping() const;
    void typeText(const QString& text);
    void onModelDamaged();
    void repaintDamage(bool now);
    void updateInputMethodCursor();
    void updateScrollBar();
    void onScrollBarMoved(int value);
    void onBell();
    bool handleShortcutKey(QKeyEvent* event);
    bool mouseReportingActive(Qt::KeyboardModifiers modifiers) const;
    void reportMouse(QMouseEvent* event, bool pressed, bool release);
    void selectionChangedByUser();
    QColor resolveColor(quint32 code, bool foreground, bool bold) const;
    struct CellStyle
    {
        QColor fg;
        QColor bg;
        quint16 attrs;
    };
    CellStyle cellStyle(const TerminalCell& cell, bool selected) const;
    bool paintEchoDirectly(int viewRow, int fromColumn, int toColumn);
    QImage paintCellPicture(const TerminalLine& line, int viewRow, int column, bool withCursor,
                            QImage::Format format);
    int cursorLook() const;
    bool coveredByOtherWidgets(const QRect& rect) const;
    void paintLine(QPainter& painter, int viewRow, const TerminalLine& line, int fromColumn, int toColumn);
    void paintCursor(QPainter& painter);
    const QFont& fontFor(quint16 attrs) const;
    bool isSelected(qint64 line, int column) const;
    int modelRows() const;

    TerminalModel* m_model;
    QScrollBar* m_scrollBar;
    QFont m_font;
    std::array<QFont, 16> m_fonts; // bold, italic, underline, strike-out combinations
    // Printable ASCII is drawn as glyphs placed on the cell grid, without text layout: a flood
    // repaints the whole screen every frame, and laid-out text advances by the font's own width,
    // which may be a fraction of a pixel off the cell's. One raw font per weight and slant
    // (underline and strike-out are drawn with the glyphs), used when it has every printable
    // ASCII glyph.
    struct AsciiGlyphs
    {
        QRawFont font;
        std::array<quint32, 95> glyphs{};
        bool usable = false;
    };
    std::array<AsciiGlyphs, 4> m_asciiGlyphs; // bold, italic combinations
    bool m_asciiGlyphRuns = true;             // tests compare with text layout
    // Other characters (a Japanese screen) are drawn as glyphs too, from the font text layout
    // picks for each (often a fallback font): laying out each character on every repaint looked
    // the fallback font up again and again. Found once per character and weight and slant.
    struct CellGlyph
    {
        QRawFont font;
        quint32 index = 0; // 0: drawn as text
    };
    const CellGlyph& cellGlyph(char32_t ch, int variant) const;
    mutable QHash<quint64, CellGlyph> m_cellGlyphs;
    int m_cellWidth = 8;
    int m_cellHeight = 16;
    int m_ascent = 12;
    ColorScheme m_scheme;

    QTimer m_frameTimer;       // coalesces damage to one repaint per frame
    QElapsedTimer m_lastFrame; // since the last repaint of damage
    // While output scrolls, the scroll bar is updated at most every 100 ms: each
    // update repainted it, every frame of a flood.
    QTimer m_scrollBarTimer;
    QElapsedTimer m_lastScrollBarUpdate;
    bool m_inResize = false; // the model follows the widget's new grid: no frame of its own
    // Qt's X11 shared-memory backing store waits for a round trip to the X server before it
    // paints over pixels it has handed to the server. Once the screen has been quiet a moment,
    // that wait is taken then, so the next echoed key is painted without it.
    QTimer m_backingStoreWaitTimer;
    QRect m_lastPainted;
    CellImageCache m_echoCells;
    int m_directEchoes = 0;
    void waitForBackingStore();
    void handedToBackingStore(const QRect& pixels);
    void showCursorWhileTyping();
    void updateCursorCell();   // the cursor's cell and the one after it (a wide character's second half)
    QRect m_inputMethodCursor; // the cursor rectangle the input method was last told of
    QTimer m_cursorBlinkTimer;
    QTimer m_bellTimer;
    bool m_cursorBlinkOn = true;
    int m_cursorBlinkPhases = 0;
    bool m_bellFlash = false;
    bool m_follow = true;
    qint64 m_viewTop = 0; // when not following
    bool m_updatingScrollBar = false;

    bool m_hasSelection = false;
    bool m_selecting = false;
    bool m_blockSelection = false;
    TerminalPosition m_selAnchor;
    TerminalPosition m_selStart;
    TerminalPosition m_selEnd;
    QElapsedTimer m_lastDoubleClick;
    QPoint m_pressPos;
    bool m_lineSelection = false;
    bool m_wordSelection = false;
    QPair<TerminalPosition, TerminalPosition> m_anchorRange;

    bool m_copyOnSelect = false;
    bool m_confirmMultiLinePaste = true;
    bool m_inputEnabled = true;
    QString m_preedit;
    int m_wheelRemainder = 0;
    QList<QAction*> m_extraActions;
};
