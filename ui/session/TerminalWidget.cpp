#include "ui/session/TerminalWidget.h"

#include "terminal/TerminalModel.h"
#include "ui/session/TypingFastPath.h"
#include "ui/widgets/MessageBox.h"

#include <QAction>
#include <QApplication>
#include <QBackingStore>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QGlyphRun>
#include <QGraphicsEffect>
#include <QGuiApplication>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QStyleHints>
#include <QTextLayout>
#include <QVarLengthArray>
#include <QWheelEvent>
#include <QWindow>

#include <optional>

namespace {

constexpr int kFrameIntervalMs = 16;
constexpr int kScrollBarIntervalMs = 100;
// Longer than a frame: during a flood the wait is never taken on its own.
constexpr int kBackingStoreWaitDelayMs = 25;
constexpr int kMaxPasteBytes = 1024 * 1024; // more than this is a mistake, not a paste

std::optional<TerminalKey> terminalKey(int key, bool keypad)
{
    if (keypad) {
        switch (key) {
        case Qt::Key_0:
            return TerminalKey::Keypad0;
        case Qt::Key_1:
            return TerminalKey::Keypad1;
        case Qt::Key_2:
            return TerminalKey::Keypad2;
        case Qt::Key_3:
            return TerminalKey::Keypad3;
        case Qt::Key_4:
            return TerminalKey::Keypad4;
        case Qt::Key_5:
            return TerminalKey::Keypad5;
        case Qt::Key_6:
            return TerminalKey::Keypad6;
        case Qt::Key_7:
            return TerminalKey::Keypad7;
        case Qt::Key_8:
            return TerminalKey::Keypad8;
        case Qt::Key_9:
            return TerminalKey::Keypad9;
        case Qt::Key_Asterisk:
            return TerminalKey::KeypadMultiply;
        case Qt::Key_Plus:
            return TerminalKey::KeypadPlus;
        case Qt::Key_Comma:
            return TerminalKey::KeypadComma;
        case Qt::Key_Minus:
            return TerminalKey::KeypadMinus;
        case Qt::Key_Period:
            return TerminalKey::KeypadPeriod;
        case Qt::Key_Slash:
            return TerminalKey::KeypadDivide;
        case Qt::Key_Enter:
            return TerminalKey::KeypadEnter;
        case Qt::Key_Equal:
            return TerminalKey::KeypadEqual;
        default:
            break;
        }
    }
    switch (key) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        return TerminalKey::Enter;
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        return TerminalKey::Tab;
    case Qt::Key_Backspace:
        return TerminalKey::Backspace;
    case Qt::Key_Escape:
        return TerminalKey::Escape;
    case Qt::Key_Up:
        return TerminalKey::Up;
    case Qt::Key_Down:
        return TerminalKey::Down;
    case Qt::Key_Left:
        return TerminalKey::Left;
    case Qt::Key_Right:
        return TerminalKey::Right;
    case Qt::Key_Insert:
        return TerminalKey::Insert;
    case Qt::Key_Delete:
        return TerminalKey::Delete;
    case Qt::Key_Home:
        return TerminalKey::Home;
    case Qt::Key_End:
        return TerminalKey::End;
    case Qt::Key_PageUp:
        return TerminalKey::PageUp;
    case Qt::Key_PageDown:
        return TerminalKey::PageDown;
    default:
        break;
    }
    if (key >= Qt::Key_F1 && key <= Qt::Key_F12)
        return TerminalKey(int(TerminalKey::F1) + (key - Qt::Key_F1));
    return std::nullopt;
}

int terminalModifiers(Qt::KeyboardModifiers modifiers)
{
    int m = TerminalModifier::None;
    if (modifiers & Qt::ShiftModifier)
        m |= TerminalModifier::Shift;
    if (modifiers & Qt::AltModifier)
        m |= TerminalModifier::Alt;
    if (modifiers & Qt::ControlModifier)
        m |= TerminalModifier::Ctrl;
    return m;
}

bool isCtrlShift(const QKeyEvent* e)
{
    const auto mods =
        e->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier | Qt::AltModifier | Qt::MetaModifier);
    return mods == (Qt::ControlModifier | Qt::ShiftModifier);
}

} // namespace

TerminalWidget::ColorScheme TerminalWidget::ColorScheme::named(const QString& name)
{
    ColorScheme s;
    // xterm's 16 colours, slightly softened for the dark default.
    const std::array<QColor, 16> xterm = {
        QColor(0x00, 0x00, 0x00), QColor(0xcd, 0x00, 0x00), QColor(0x00, 0xcd, 0x00),
        QColor(0xcd, 0xcd, 0x00), QColor(0x1e, 0x90, 0xff), QColor(0xcd, 0x00, 0xcd),
        QColor(0x00, 0xcd, 0xcd), QColor(0xe5, 0xe5, 0xe5), QColor(0x7f, 0x7f, 0x7f),
        QColor(0xff, 0x00, 0x00), QColor(0x00, 0xff, 0x00), QColor(0xff, 0xff, 0x00),
        QColor(0x5c, 0x5c, 0xff), QColor(0xff, 0x00, 0xff), QColor(0x00, 0xff, 0xff),
        QColor(0xff, 0xff, 0xff),
    };
    s.ansi = xterm;
    if (name.compare(QLatin1String("Light"), Qt::CaseInsensitive) == 0) {
        s.foreground = QColor(0x20, 0x20, 0x20);
        s.background = QColor(0xff, 0xff, 0xff);
    } else {
        s.foreground = QColor(0xdc, 0xdc, 0xdc);
        s.background = QColor(0x1c, 0x1c, 0x1c);
    }
    return s;
}

TerminalWidget::TerminalWidget(TerminalModel* model, QWidget* parent)
    : QWidget(parent), m_model(model), m_scrollBar(new QScrollBar(Qt::Vertical, this)),
      m_scheme(ColorScheme::named(QStringLiteral("Default")))
{
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_InputMethodEnabled);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAttribute(Qt::WA_KeyCompression, false);
    setMouseTracking(false);
    setCursor(Qt::IBeamCursor);
    setAutoFillBackground(false);
    setTerminalFont(QStringLiteral("Monospace"), 11);

    m_scrollBar->setCursor(Qt::ArrowCursor);
    connect(m_scrollBar, &QScrollBar::valueChanged, this, &TerminalWidget::onScrollBarMoved);

    m_frameTimer.setSingleShot(true);
    m_frameTimer.setInterval(kFrameIntervalMs);
    connect(&m_frameTimer, &QTimer::timeout, this, [this] { repaintDamage(false); });
    m_backingStoreWaitTimer.setSingleShot(true);
    m_backingStoreWaitTimer.setInterval(kBackingStoreWaitDelayMs);
    connect(&m_backingStoreWaitTimer, &QTimer::timeout, this, &TerminalWidget::waitForBackingStore);
    m_scrollBarTimer.setSingleShot(true);
    connect(&m_scrollBarTimer, &QTimer::timeout, this, &TerminalWidget::updateScrollBar);
    // The desktop's blink setting, as Qt's own text fields follow it: a flash time of 0 means a
    // steady cursor.
    const auto blinkPhaseMs = [](int flashTime) { return qMax(200, flashTime / 2); };
    QStyleHints* hints = QGuiApplication::styleHints();
    m_cursorBlinkTimer.setInterval(blinkPhaseMs(hints->cursorFlashTime()));
    connect(hints, &QStyleHints::cursorFlashTimeChanged, this, [this, blinkPhaseMs](int flashTime) {
        m_cursorBlinkTimer.setInterval(blinkPhaseMs(flashTime));
        if (flashTime <= 0) {
            m_cursorBlinkTimer.stop();
            showCursorWhileTyping();
        } else if (hasFocus()) {
            m_cursorBlinkTimer.start();
        }
    });
    connect(&m_cursorBlinkTimer, &QTimer::timeout, this, [this] {
        m_cursorBlinkOn = !m_cursorBlinkOn;
        ++m_cursorBlinkPhases;
        // A cursor the host made steady is drawn the same in both phases: nothing to repaint.
        if (m_follow && m_model->cursorBlinks())
            updateCursorCell();
    });
    m_bellTimer.setSingleShot(true);
    m_bellTimer.setInterval(120);
    connect(&m_bellTimer, &QTimer::timeout, this, [this] {
        m_bellFlash = false;
        update();
    });

    TypingFastPath::instance(); // sees key presses from now on (X11 only)
    connect(m_model, &TerminalModel::damaged, this, &TerminalWidget::onModelDamaged);
    connect(m_model, &TerminalModel::bell, this, &TerminalWidget::onBell);
    connect(m_model, &TerminalModel::altScreenChanged, this, [this] { scrollToBottom(); });
    updateScrollBar();
}

TerminalWidget::~TerminalWidget() = default;

void TerminalWidget::setTerminalFont(const QString& family, int pointSize)
{
    QFont font(family.isEmpty() ? QStringLiteral("Monospace") : family);
    font.setStyleHint(QFont::TypeWriter, QFont::PreferDefault);
    font.setFixedPitch(true);
    font.setKerning(false);
    font.setPointSize(qBound(4, pointSize, 72));
    // Japanese glyphs come from a CJK font when the chosen one has none.
    QStringList families{font.family()};
    families << QStringLiteral("Monospace") << QStringLiteral("Noto Sans Mono CJK JP")
             << QStringLiteral("Noto Sans CJK JP") << QStringLiteral("IPAGothic")
             << QStringLiteral("VL Gothic") << QStringLiteral("Takao Gothic")
             << QFontDatabase::systemFont(QFontDatabase::FixedFont).family();
    font.setFamilies(families);
    m_font = font;
    for (int variant = 0; variant < int(m_fonts.size()); ++variant) {
        QFont f = font;
        f.setBold(variant & 1);
        f.setItalic(variant & 2);
        f.setUnderline(variant & 4);
        f.setStrikeOut(variant & 8);
        m_fonts[size_t(variant)] = f;
    }
    const QFontMetrics fm(m_font);
    m_cellWidth = qMax(1, fm.horizontalAdvance(QLatin1Char('M')));
    m_cellHeight = qMax(1, fm.height());
    m_ascent = fm.ascent();
    QString printable;
    for (char16_t c = 0x20; c < 0x7F; ++c)
        printable.append(QChar(c));
    m_cellGlyphs.clear();
    m_echoCells.clear();
    for (int variant = 0; variant < int(m_asciiGlyphs.size()); ++variant) {
        AsciiGlyphs& ascii = m_asciiGlyphs[size_t(variant)];
        ascii.font = QRawFont::fromFont(m_fonts[size_t(variant)]);
        const QList<quint32> glyphs =
            ascii.font.isValid() ? ascii.font.glyphIndexesForString(printable) : QList<quint32>();
        ascii.usable = glyphs.size() == int(ascii.glyphs.size());
        for (qsizetype i = 0; ascii.usable && i < glyphs.size(); ++i) {
            ascii.glyphs[size_t(i)] = glyphs[i];
            ascii.usable = glyphs[i] != 0;
        }
    }
    updateGeometry();
    resizeEvent(nullptr);
    update();
}

void TerminalWidget::setColorScheme(const ColorScheme& scheme)
{
    m_scheme = scheme;
    m_echoCells.clear(); // the cursor's colours
    update();
}

int TerminalWidget::visibleColumns() const
{
    return qMax(1, (width() - m_scrollBar->sizeHint().width()) / m_cellWidth);
}

int TerminalWidget::visibleRows() const
{
    return qMax(1, height() / m_cellHeight);
}

QSize TerminalWidget::sizeForGrid(int columns, int rows) const
{
    return QSize(columns * m_cellWidth + m_scrollBar->sizeHint().width(), rows * m_cellHeight);
}

QSize TerminalWidget::sizeHint() const
{
    return sizeForGrid(m_model->columns(), m_model->rows());
}

int TerminalWidget::modelRows() const
{
    return m_model->rows();
}

qint64 TerminalWidget::viewTopLine() const
{
    if (m_follow)
        return m_model->screenTopLine();
    return qBound(m_model->firstLine(), m_viewTop, m_model->screenTopLine());
}

QRect TerminalWidget::cellRect(int screenColumn, int viewRow) const
{
    return QRect(screenColumn * m_cellWidth, viewRow * m_cellHeight, m_cellWidth, m_cellHeight);
}

TerminalPosition TerminalWidget::positionAt(const QPoint& point) const
{
    const int row = qBound(0, point.y() / m_cellHeight, modelRows() - 1);
    const int column = qBound(0, point.x() / m_cellWidth, m_model->columns() - 1);
    return TerminalPosition{viewTopLine() + row, column};
}

// --- damage and scrolling

void TerminalWidget::onModelDamaged()
{
    // Mode 1003 (any motion) needs move events without a button held.
    const bool tracking = m_model->mouseMode() == 3;
    if (hasMouseTracking() != tracking)
        setMouseTracking(tracking);
    if (m_inResize || m_frameTimer.isActive())
        return;
    // A change after a quiet frame is painted at once (an echoed key shows without waiting a
    // frame); changes that follow within the frame wait for the frame timer, so a flood is still
    // painted at most once per frame however often the host's data arrives.
    const qint64 sinceLastFrame = m_lastFrame.isValid() ? m_lastFrame.elapsed() : kFrameIntervalMs;
    if (sinceLastFrame >= kFrameIntervalMs)
        repaintDamage(true);
    else
        m_frameTimer.start(int(kFrameIntervalMs - sinceLastFrame));
}

void TerminalWidget::repaintDamage(bool now)
{
    const TerminalModel::Damage damage = m_model->takeDamage();
    if (damage.isEmpty())
        return;
    m_lastFrame.start();
    if (damage.linesScrolled == 0 || !m_lastScrollBarUpdate.isValid() ||
        m_lastScrollBarUpdate.elapsed() >= kScrollBarIntervalMs)
        updateScrollBar();
    else if (!m_scrollBarTimer.isActive())
        m_scrollBarTimer.start(int(kScrollBarIntervalMs - m_lastScrollBarUpdate.elapsed()));
    if (damage.linesScrolled > 0 || !m_follow) {
        // Scrolled lines move every row; a view scrolled back only changes if its lower rows
        // show the screen, which a full update covers too.
        // The text area only: the scroll bar (a child) repaints itself when its value changes,
        // at most every kScrollBarIntervalMs, not with every frame of output.
        if (m_follow || viewTopLine() + modelRows() > m_model->screenTopLine()) {
            const QRect text(0, 0, m_scrollBar->x(), height());
            now ? repaint(text) : update(text);
        }
    } else {
        const QRect r = damage.cells;
        const QRect pixels(r.x() * m_cellWidth, r.y() * m_cellHeight, (r.width() + 1) * m_cellWidth,
                           r.height() * m_cellHeight);
        // After a quiet frame the change is painted here and now, not after another trip through
        // the event loop.
        if (!now)
            update(pixels);
        else if (!paintEchoDirectly(r.y(), r.x(), r.x() + r.width() + 1))
            repaint(pixels);
    }
    // After the repaint: an echo's pixels are not held up by the input method.
    updateInputMethodCursor();
}

// An input method shows its candidate window (a Japanese conversion's choices) at the cursor
// rectangle it was last told of: it learns where the cursor went only when told. Told at most
// once per frame, and only when the cursor's cell changed.
void TerminalWidget::updateInputMethodCursor()
{
    if (!hasFocus())
        return;
    const QRect cursor = inputMethodQuery(Qt::ImCursorRectangle).toRect();
    if (cursor == m_inputMethodCursor)
        return;
    m_inputMethodCursor = cursor;
    QGuiApplication::inputMethod()->update(Qt::ImCursorRectangle);
}

void TerminalWidget::updateScrollBar()
{
    m_scrollBarTimer.stop();
    m_lastScrollBarUpdate.start();
    m_updatingScrollBar = true;
    const qint64 first = m_model->firstLine();
    const int maximum = int(m_model->screenTopLine() - first);
    m_scrollBar->setRange(0, maximum);
    m_scrollBar->setPageStep(modelRows());
    m_scrollBar->setSingleStep(1);
    m_scrollBar->setValue(int(viewTopLine() - first));
    m_updatingScrollBar = false;
}

void TerminalWidget::onScrollBarMoved(int value)
{
    if (m_updatingScrollBar)
        return;
    const qint64 top = m_model->firstLine() + value;
    m_follow = top >= m_model->screenTopLine();
    m_viewTop = top;
    update();
}

void TerminalWidget::scrollLines(int delta)
{
    if (m_model->altScreen())
        return;
    const qint64 top = qBound(m_model->firstLine(), viewTopLine() + delta, m_model->screenTopLine());
    m_follow = top >= m_model->screenTopLine();
    m_viewTop = top;
    updateScrollBar();
    update();
}

void TerminalWidget::scrollPages(int delta)
{
    scrollLines(delta * qMax(1, modelRows() - 1));
}

void TerminalWidget::scrollToBottom()
{
    // Every key press lands here: a view that already follows the output needs no repaint (a
    // whole-screen paint per key would delay the echo's own paint).
    const bool wasFollowing = m_follow;
    m_follow = true;
    updateScrollBar();
    if (!wasFollowing)
        update();
}

void TerminalWidget::onBell()
{
    m_bellFlash = true;
    m_bellTimer.start();
    update();
    emit bell();
}

// --- painting

QColor TerminalWidget::resolveColor(quint32 code, bool foreground, bool bold) const
{
    if (TerminalColor::isDefault(code))
        return foreground ? m_scheme.foreground : m_scheme.background;
    if (TerminalColor::isIndexed(code)) {
        int index = int(code & 0xff);
        if (index < 16) {
            if (bold && foreground && index < 8)
                index += 8; // xterm's bold-as-bright
            return m_scheme.ansi[size_t(index)];
        }
        return QColor::fromRgb(QRgb(m_model->paletteRgb(index)));
    }
    return QColor::fromRgb(QRgb(code & 0xffffff));
}

bool TerminalWidget::isSelected(qint64 line, int column) const
{
    if (!m_hasSelection)
        return false;
    if (m_blockSelection) {
        return line >= m_selStart.line && line <= m_selEnd.line &&
               column >= qMin(m_selStart.column, m_selEnd.column) &&
               column <= qMax(m_selStart.column, m_selEnd.column);
    }
    const TerminalPosition p{line, column};
    return m_selStart <= p && p <= m_selEnd;
}

TerminalWidget::CellStyle TerminalWidget::cellStyle(const TerminalCell& cell, bool selected) const
{
    CellStyle st{resolveColor(cell.fg, true, cell.attrs & TerminalAttr::Bold),
                 resolveColor(cell.bg, false, false), cell.attrs};
    bool reverse = (cell.attrs & TerminalAttr::Reverse) != 0;
    if (m_model->reverseVideo() != m_bellFlash)
        reverse = !reverse;
    if (selected)
        reverse = !reverse;
    if (reverse)
        std::swap(st.fg, st.bg);
    return st;
}

const TerminalWidget::CellGlyph& TerminalWidget::cellGlyph(char32_t ch, int variant) const
{
    const quint64 key = quint64(variant & 3) << 32 | ch;
    auto it = m_cellGlyphs.constFind(key);
    if (it != m_cellGlyphs.constEnd())
        return *it;
    if (m_cellGlyphs.size() >= 8192) // a host showing everything Unicode has
        m_cellGlyphs.clear();
    CellGlyph glyph;
    QTextLayout layout(QString::fromUcs4(&ch, 1), m_fonts[size_t(variant & 3)]);
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    const QList<QGlyphRun> runs = layout.glyphRuns();
    if (runs.size() == 1 && runs[0].glyphIndexes().size() == 1 && runs[0].rawFont().isValid()) {
        glyph.font = runs[0].rawFont();
        glyph.index = runs[0].glyphIndexes()[0];
    }
    return *m_cellGlyphs.insert(key, glyph);
}

const QFont& TerminalWidget::fontFor(quint16 attrs) const
{
    int variant = 0;
    if (attrs & TerminalAttr::Bold)
        variant |= 1;
    if (attrs & TerminalAttr::Italic)
        variant |= 2;
    if (attrs & (TerminalAttr::Underline | TerminalAttr::DoubleUnderline))
        variant |= 4;
    if (attrs & TerminalAttr::Strike)
        variant |= 8;
    return m_fonts[size_t(variant)];
}

void TerminalWidget::paintLine(QPainter& painter, int viewRow, const TerminalLine& line, int fromColumn,
                               int toColumn)
{
    const qint64 absolute = viewTopLine() + viewRow;
    const int y = viewRow * m_cellHeight;
    const int n = int(line.cells.size());
    // A wide character damaged in its right half is repainted whole.
    if (fromColumn > 0 && fromColumn < n && line.cells[fromColumn].width == 0)
        --fromColumn;

    using Style = CellStyle;
    auto resolveStyle = [this](const TerminalCell& cell, bool selected) { return cellStyle(cell, selected); };
    auto styleOf = [&](const TerminalCell& cell, int column) {
        return resolveStyle(cell, m_hasSelection && isSelected(absolute, column));
    };
    // Neighbouring cells mostly share colours: the last cell's style is reused while its colour
    // codes, attributes and selection are the same (resolving colours showed in the profile).
    Style lastStyle{};
    int styleSerial = 0; // changes with lastStyle
    TerminalCell lastCell;
    bool lastSelected = false;
    bool haveLast = false;
    auto cachedStyleOf = [&](const TerminalCell& cell, int column) -> const Style& {
        const bool selected = m_hasSelection && isSelected(absolute, column);
        if (!haveLast || cell.fg != lastCell.fg || cell.bg != lastCell.bg || cell.attrs != lastCell.attrs ||
            selected != lastSelected) {
            lastStyle = resolveStyle(cell, selected);
            ++styleSerial;
            lastCell = cell;
            lastSelected = selected;
            haveLast = true;
        }
        return lastStyle;
    };
    // The line's blank background first, in one call: runs in it fill only other colours.
    const QColor lineBackground = styleOf(TerminalCell(), -1).bg;
    if (fromColumn < toColumn)
        painter.fillRect(
            QRect(fromColumn * m_cellWidth, y, (toColumn - fromColumn) * m_cellWidth, m_cellHeight),
            lineBackground);
    auto fillBackground = [&](const QRect& rect, const QColor& color) {
        if (color != lineBackground)
            painter.fillRect(rect, color);
    };
    // Runs of plain ASCII in one style are drawn with one call: the monospace font advances them
    // exactly one cell each. Everything else (wide, combining, other scripts whose glyph may come
    // from a fallback font) is placed cell by cell.
    QVarLengthArray<char16_t, 256> run;
    int runStart = -1;
    Style runStyle{};
    int runSerial = -1;
    auto flush = [&] {
        if (runStart < 0)
            return;
        const QRect rect(runStart * m_cellWidth, y, int(run.size()) * m_cellWidth, m_cellHeight);
        fillBackground(rect, runStyle.bg);
        const QFont& font = fontFor(runStyle.attrs);
        const int variant = int(&font - m_fonts.data());
        const AsciiGlyphs& ascii = m_asciiGlyphs[size_t(variant & 3)];
        if (m_asciiGlyphRuns && ascii.usable) {
            QVarLengthArray<quint32, 256> glyphs;
            QVarLengthArray<QPointF, 256> positions;
            for (qsizetype i = 0; i < run.size(); ++i) {
                const char16_t ch = run[i];
                if (ch == u' ' && !(variant & 12))
                    continue; // a blank needs no glyph, unless it is underlined or struck out
                glyphs.append(ascii.glyphs[size_t(ch - 0x20)]);
                positions.append(QPointF(qreal(i * m_cellWidth), 0));
            }
            if (!glyphs.isEmpty()) {
                QGlyphRun glyphRun;
                glyphRun.setRawFont(ascii.font);
                glyphRun.setRawData(glyphs.constData(), positions.constData(), int(glyphs.size()));
                glyphRun.setUnderline(variant & 4);
                glyphRun.setStrikeOut(variant & 8);
                painter.setPen(runStyle.fg);
                painter.drawGlyphRun(QPointF(rect.x(), y + m_ascent), glyphRun);
            }
        } else if (const QString text = QString(reinterpret_cast<const QChar*>(run.constData()), run.size());
                   !text.trimmed().isEmpty()) {
            painter.setFont(font);
            painter.setPen(runStyle.fg);
            painter.drawText(QPoint(rect.x(), y + m_ascent), text);
        }
        run.clear();
        runStart = -1;
    };
    // Other characters found as glyphs (cellGlyph()): consecutive ones in one style and font are
    // drawn with one call, each placed at its cell.
    QVarLengthArray<quint32, 64> otherGlyphs;
    QVarLengthArray<QPointF, 64> otherPositions;
    int otherStart = -1;
    int otherEnd = -1;
    Style otherStyle{};
    int otherSerial = -1;
    QRawFont otherFont;
    int otherVariant = 0;
    auto flushOther = [&] {
        if (otherStart < 0)
            return;
        const int x = otherStart * m_cellWidth;
        fillBackground(QRect(x, y, (otherEnd - otherStart) * m_cellWidth, m_cellHeight), otherStyle.bg);
        QGlyphRun glyphRun;
        glyphRun.setRawFont(otherFont);
        glyphRun.setRawData(otherGlyphs.constData(), otherPositions.constData(), int(otherGlyphs.size()));
        glyphRun.setUnderline(otherVariant & 4);
        glyphRun.setStrikeOut(otherVariant & 8);
        painter.setPen(otherStyle.fg);
        painter.drawGlyphRun(QPointF(x, y + m_ascent), glyphRun);
        otherGlyphs.clear();
        otherPositions.clear();
        otherStart = -1;
    };
    for (int c = fromColumn; c < toColumn; ++c) {
        const TerminalCell cell = c < n ? line.cells[c] : TerminalCell();
        if (cell.width == 0 && c > fromColumn)
            continue;
        const Style& st = cachedStyleOf(cell, c);
        const bool ascii = cell.width == 1 && cell.ch < 0x7f && !line.clusters.contains(c);
        if (ascii) {
            flushOther();
            if (runStart >= 0 && styleSerial != runSerial)
                flush();
            if (runStart < 0) {
                runStart = c;
                runStyle = st;
                runSerial = styleSerial;
            }
            run.append(cell.ch >= 0x20 ? char16_t(cell.ch) : u' ');
            continue;
        }
        flush();
        const int span = cell.width == 2 ? 2 : 1;
        if (m_asciiGlyphRuns && cell.ch >= 0x80 && cell.width > 0 && !line.clusters.contains(c)) {
            const int variant = int(&fontFor(st.attrs) - m_fonts.data());
            const CellGlyph& glyph = cellGlyph(cell.ch, variant);
            if (glyph.index != 0) {
                if (otherStart >= 0 && (otherEnd != c || styleSerial != otherSerial ||
                                        variant != otherVariant || glyph.font != otherFont))
                    flushOther();
                if (otherStart < 0) {
                    otherStart = c;
                    otherStyle = st;
                    otherSerial = styleSerial;
                    otherFont = glyph.font;
                    otherVariant = variant;
                }
                otherGlyphs.append(glyph.index);
                otherPositions.append(QPointF(qreal((c - otherStart) * m_cellWidth), 0));
                otherEnd = c + span;
                continue;
            }
        }
        flushOther();
        const QRect rect(c * m_cellWidth, y, span * m_cellWidth, m_cellHeight);
        fillBackground(rect, st.bg);
        const QString text = line.cellText(c);
        if (text.isEmpty())
            continue;
        painter.setFont(fontFor(st.attrs));
        painter.setPen(st.fg);
        painter.drawText(QPoint(rect.x(), y + m_ascent), text);
    }
    flush();
    flushOther();
}

void TerminalWidget::paintCursor(QPainter& painter)
{
    if (!m_follow || !m_model->cursorVisible())
        return;
    const QPoint cursor = m_model->cursor();
    const TerminalCell cell = m_model->cell(cursor.y(), cursor.x());
    QRect r = cellRect(cursor.x(), cursor.y());
    if (cell.width == 2)
        r.setWidth(2 * m_cellWidth);
    if (!m_preedit.isEmpty()) {
        // The input method's preedit text, shown at the cursor, underlined.
        QFont font = m_font;
        font.setUnderline(true);
        painter.setFont(font);
        const int w = QFontMetrics(font).horizontalAdvance(m_preedit);
        const QRect pr(r.x(), r.y(), qMax(w, m_cellWidth), m_cellHeight);
        painter.fillRect(pr, m_scheme.background);
        painter.setPen(m_scheme.foreground);
        painter.drawText(QPoint(pr.x(), pr.y() + m_ascent), m_preedit);
        return;
    }
    painter.setPen(m_scheme.foreground);
    if (!hasFocus()) {
        painter.drawRect(r.adjusted(0, 0, -1, -1));
        return;
    }
    if (m_model->cursorBlinks() && !m_cursorBlinkOn)
        return;
    switch (m_model->cursorShape()) {
    case 2:
        painter.fillRect(QRect(r.x(), r.bottom() - 1, r.width(), 2), m_scheme.foreground);
        break;
    case 3:
        painter.fillRect(QRect(r.x(), r.y(), 2, r.height()), m_scheme.foreground);
        break;
    default: {
        // A block cursor shows the character under it in reverse.
        painter.fillRect(r, m_scheme.foreground);
        const TerminalLine line = m_model->screenLine(cursor.y());
        const QString text = line.cellText(cursor.x());
        if (!text.isEmpty()) {
            painter.setPen(m_scheme.background);
            painter.setFont(m_font);
            painter.drawText(QPoint(r.x(), r.y() + m_ascent), text);
        }
        break;
    }
    }
}

void TerminalWidget::paintEvent(QPaintEvent* event)
{
    QPainter painter(this);
    painter.setFont(m_font);
    const QRect exposed = event->rect();
    const int gridWidth = m_model->columns() * m_cellWidth;
    const QColor background =
        (m_model->reverseVideo() != m_bellFlash) ? m_scheme.foreground : m_scheme.background;
    // Margins outside the grid.
    painter.fillRect(QRect(gridWidth, 0, width() - gridWidth, height()).intersected(exposed), background);
    painter.fillRect(QRect(0, modelRows() * m_cellHeight, gridWidth, height()).intersected(exposed),
                     background);

    const int firstRow = qMax(0, exposed.top() / m_cellHeight);
    const int lastRow = qMin(modelRows() - 1, exposed.bottom() / m_cellHeight);
    const int firstColumn = qMax(0, exposed.left() / m_cellWidth);
    const int lastColumn = qMin(m_model->columns() - 1, exposed.right() / m_cellWidth);
    const qint64 top = viewTopLine();
    for (int row = firstRow; row <= lastRow; ++row) {
        const TerminalLine line = m_model->line(top + row);
        paintLine(painter, row, line, firstColumn, lastColumn + 1);
    }
    paintCursor(painter);
    handedToBackingStore(exposed);
}

// After pixels went into the backing store (painted or copied): on X11 the store's wait for the
// X server is taken later, while nothing is waiting for it (waitForBackingStore()).
void TerminalWidget::handedToBackingStore(const QRect& pixels)
{
    m_lastPainted = pixels;
    if (QGuiApplication::platformName() == QLatin1String("xcb"))
        m_backingStoreWaitTimer.start();
}

void TerminalWidget::waitForBackingStore()
{
    // Beginning a paint of one pixel it last flushed makes the backing store wait for the X
    // server then and forget what it had flushed; nothing is painted or flushed.
    QBackingStore* store = backingStore();
    if (!store || !isVisible() || m_lastPainted.isEmpty())
        return;
    store->beginPaint(QRegion(QRect(mapTo(window(), m_lastPainted.topLeft()), QSize(1, 1))));
    store->endPaint();
}

// An echo after a quiet frame (the typed character, the cursor moved on) is put on screen by
// copying pictures of its cells into the window's backing store and handing that to the window
// system: no paint event and no QPainter, whose set-up, Qt's repaint bookkeeping and painting the
// row took most of the time from the echo's arrival to its pixels. Only where that gives the very
// pixels a repaint would: one row of plain ASCII cells in the grid, each painting only inside its
// own cell (as checked when its picture is made), nothing on top of them, a raster backing store
// at scale 1, no text being composed. Anything else is repainted as always. On X11 (where it was
// measured) and the offscreen platform, whose backing stores are plain images; other window
// systems repaint. TSUNAGI_NO_DIRECT_ECHO=1 in the environment turns it off.
bool TerminalWidget::paintEchoDirectly(int viewRow, int fromColumn, int toColumn)
{
    static const bool turnedOff = qEnvironmentVariableIsSet("TSUNAGI_NO_DIRECT_ECHO") ||
                                  (QGuiApplication::platformName() != QLatin1String("xcb") &&
                                   QGuiApplication::platformName() != QLatin1String("offscreen"));
    if (turnedOff || !m_follow || !m_preedit.isEmpty() || !m_asciiGlyphRuns || viewRow < 0 ||
        viewRow >= modelRows() || fromColumn < 0 || fromColumn >= toColumn || toColumn > m_model->columns() ||
        !isVisible() || !updatesEnabled() || devicePixelRatio() != 1 || (internalWinId() && !isWindow()))
        return false;
    QWidget* top = window();
    QWindow* handle = top->windowHandle();
    QBackingStore* store = backingStore();
    if (!handle || !handle->isExposed() || handle->surfaceType() != QSurface::RasterSurface || !store ||
        !store->paintDevice() || store->paintDevice()->devType() != QInternal::Image)
        return false;
    const QRect pixels(fromColumn * m_cellWidth, viewRow * m_cellHeight,
                       (toColumn - fromColumn) * m_cellWidth, m_cellHeight);
    const QRect target(mapTo(top, pixels.topLeft()), pixels.size());
    const auto* image = static_cast<const QImage*>(store->paintDevice());
    if (image->depth() < 8 || image->depth() % 8 != 0 || !image->rect().contains(target) ||
        coveredByOtherWidgets(pixels))
        return false;
    m_echoCells.useFormat(image->format());

    const qint64 absolute = viewTopLine() + viewRow;
    const TerminalLine line = m_model->line(absolute);
    const QPoint cursor = m_model->cursor();
    const int look = cursorLook();
    QVarLengthArray<QImage, 8> pictures;
    for (int column = fromColumn; column < toColumn; ++column) {
        const TerminalCell cell = column < line.cells.size() ? line.cells[column] : TerminalCell();
        if (cell.width != 1 || (cell.ch != 0 && (cell.ch < 0x20 || cell.ch >= 0x7f)) ||
            line.clusters.contains(column))
            return false;
        const CellStyle style = cellStyle(cell, m_hasSelection && isSelected(absolute, column));
        const int variant = int(&fontFor(style.attrs) - m_fonts.data());
        if (variant > 3 || !m_asciiGlyphs[size_t(variant)].usable || style.fg.alpha() != 255 ||
            style.bg.alpha() != 255)
            return false;
        const bool withCursor = cursor == QPoint(column, viewRow) && look != 0;
        // Colours, character, bold and italic, the cursor's look: everything the cell's pixels
        // depend on besides the font and the scheme's colours, which empty the cache when changed.
        const quint64 key = quint64(style.fg.rgb() & 0xffffff) | quint64(style.bg.rgb() & 0xffffff) << 24 |
                            quint64(cell.ch) << 48 | quint64(variant) << 55 |
                            quint64(withCursor ? look : 0) << 57;
        std::optional<QImage> picture = m_echoCells.find(key);
        if (!picture) {
            picture = paintCellPicture(line, viewRow, column, withCursor, image->format());
            m_echoCells.insert(key, *picture);
        }
        if (picture->isNull())
            return false;
        pictures.append(*picture);
    }

    store->beginPaint(QRegion(target));
    auto* painted = static_cast<QImage*>(store->paintDevice());
    for (qsizetype i = 0; i < pictures.size(); ++i)
        CellImageCache::copyInto(pictures[i], *painted, target.topLeft() + QPoint(int(i) * m_cellWidth, 0));
    store->endPaint();
    store->flush(QRegion(target), handle);
    handedToBackingStore(pixels);
    ++m_directEchoes;
    return true;
}

// A cell's picture, painted as paintEvent() paints it, three cells wide on a colour nothing in
// the cell has: a cell whose glyph or cursor reaches outside it (an overhang a repaint of the row
// would show over its neighbours) gets no picture. Painted twice, on two colours, so that a
// painted pixel of exactly that colour cannot pass for untouched.
QImage TerminalWidget::paintCellPicture(const TerminalLine& line, int viewRow, int column, bool withCursor,
                                        QImage::Format format)
{
    QImage wide(3 * m_cellWidth, m_cellHeight, format);
    for (const QRgb untouched : {qRgb(0x13, 0x57, 0x9b), qRgb(0xec, 0xa8, 0x64)}) {
        wide.fill(untouched);
        QPainter painter(&wide);
        painter.translate(-(column - 1) * m_cellWidth, -viewRow * m_cellHeight);
        painter.setFont(m_font);
        paintLine(painter, viewRow, line, column, column + 1);
        if (withCursor)
            paintCursor(painter);
        painter.end();
        if (!CellImageCache::onlyMiddleCellChanged(wide, untouched))
            return QImage();
    }
    return wide.copy(m_cellWidth, 0, m_cellWidth, m_cellHeight);
}

// How paintCursor() shows the cursor now: 0 not at all, 1 a hollow box (no focus), 2 a block,
// 3 an underline, 4 a bar.
int TerminalWidget::cursorLook() const
{
    if (!m_follow || !m_model->cursorVisible())
        return 0;
    if (!hasFocus())
        return 1;
    if (m_model->cursorBlinks() && !m_cursorBlinkOn)
        return 0;
    switch (m_model->cursorShape()) {
    case 2:
        return 3;
    case 3:
        return 4;
    default:
        return 2;
    }
}

// Whether anything a repaint would paint over this widget touches `rect` (in its coordinates):
// one of its own children, a widget stacked above it or an ancestor, an ancestor's edge or a
// graphics effect.
bool TerminalWidget::coveredByOtherWidgets(const QRect& rect) const
{
    auto touches = [](const QObjectList& widgets, qsizetype from, const QRect& area) {
        for (qsizetype i = from; i < widgets.size(); ++i) {
            const auto* widget = qobject_cast<const QWidget*>(widgets[i]);
            if (widget && !widget->isWindow() && widget->isVisible() && widget->geometry().intersects(area))
                return true;
        }
        return false;
    };
    if (touches(children(), 0, rect))
        return true;
    QRect area = rect;
    for (const QWidget* widget = this; !widget->isWindow(); widget = widget->parentWidget()) {
        const QWidget* parent = widget->parentWidget();
        area.translate(widget->pos());
        if (widget->graphicsEffect() || !parent->rect().contains(area))
            return true;
        const QObjectList& siblings = parent->children();
        if (touches(siblings, siblings.indexOf(widget) + 1, area))
            return true;
    }
    return window()->graphicsEffect() != nullptr;
}

void TerminalWidget::resizeEvent(QResizeEvent*)
{
    const int barWidth = m_scrollBar->sizeHint().width();
    m_scrollBar->setGeometry(width() - barWidth, 0, barWidth, height());
    const int columns = visibleColumns();
    const int rows = visibleRows();
    if (columns != m_model->columns() || rows != m_model->rows()) {
        // The resized widget is repainted whole anyway. The model's damage from the new grid is
        // no frame of output: painting it here would only make the next change (a session's
        // first output once its tab has settled) wait for the frame timer.
        m_inResize = true;
        emit sizeChanged(columns, rows);
        m_inResize = false;
        m_model->takeDamage();
        update();
    }
    updateScrollBar();
    updateInputMethodCursor(); // a new cell size moves the cursor's rectangle
}

// --- keyboard

bool TerminalWidget::event(QEvent* event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // The host gets Ctrl, Alt and plain keys; Ctrl+Shift combinations stay shortcuts.
        auto* key = static_cast<QKeyEvent*>(event);
        if (!isCtrlShift(key) && !(key->modifiers() & Qt::MetaModifier)) {
            event->accept();
            return true;
        }
    }
    return QWidget::event(event);
}

bool TerminalWidget::focusNextPrevChild(bool)
{
    return false; // Tab belongs to the host
}

bool TerminalWidget::handleShortcutKey(QKeyEvent* event)
{
    const auto mods = event->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier | Qt::AltModifier);
    if (isCtrlShift(event)) {
        switch (event->key()) {
        case Qt::Key_C:
            copy();
            return true;
        case Qt::Key_V:
            paste();
            return true;
        default:
            break;
        }
    }
    if (mods == Qt::ControlModifier && event->key() == Qt::Key_Insert) {
        copy();
        return true;
    }
    if (mods == Qt::ShiftModifier) {
        switch (event->key()) {
        case Qt::Key_PageUp:
            scrollPages(-1);
            return true;
        case Qt::Key_PageDown:
            scrollPages(1);
            return true;
        case Qt::Key_Insert:
            paste();
            return true;
        default:
            break;
        }
    }
    return false;
}

void TerminalWidget::keyPressEvent(QKeyEvent* event)
{
    TypingFastPath* fastPath = TypingFastPath::instance();
    if (fastPath)
        fastPath->keyDelivered(*event);
    if (handleShortcutKey(event))
        return;
    if (!m_inputEnabled) {
        event->ignore();
        return;
    }
    const int mods = terminalModifiers(event->modifiers());
    const bool keypad = (event->modifiers() & Qt::KeypadModifier) != 0;
    // Modifier keys alone send nothing and leave the view where it is.
    if (event->key() == Qt::Key_Shift || event->key() == Qt::Key_Control || event->key() == Qt::Key_Alt ||
        event->key() == Qt::Key_Meta || event->key() == Qt::Key_AltGr)
        return;
    clearSelection();
    scrollToBottom();
    showCursorWhileTyping();

    if (const auto key = terminalKey(event->key(), keypad)) {
        int keyMods = mods;
        if (event->key() == Qt::Key_Backtab)
            keyMods |= TerminalModifier::Shift;
        // Keypad digits are text unless the host switched the keypad to application mode;
        // libvterm decides that.
        m_model->sendKey(*key, keyMods);
        return;
    }
    if (mods & TerminalModifier::Ctrl) {
        // Ctrl+letter and friends: the key itself, not the text Qt made of it.
        const int k = event->key();
        if (k >= Qt::Key_A && k <= Qt::Key_Z) {
            m_model->sendText(QString(QChar(u'a' + (k - Qt::Key_A))), mods);
            return;
        }
        if (k >= Qt::Key_Space && k <= Qt::Key_AsciiTilde) {
            m_model->sendText(QString(QChar(k)), mods & ~TerminalModifier::Shift);
            return;
        }
    }
    const QString text = event->text();
    if (text.isEmpty())
        return;
    if (mods & TerminalModifier::Alt) {
        m_model->sendText(text, TerminalModifier::Alt); // ESC prefix
        return;
    }
    if (fastPath && !keypad)
        fastPath->typedAsText(*event, text);
    emit textEntered(text);
}

bool TerminalWidget::acceptsFastTyping() const
{
    return m_inputEnabled && m_preedit.isEmpty() && isVisible() && hasFocus();
}

// A key press the typing fast path recognised as plain text: what keyPressEvent() does with one,
// the text sent first.
void TerminalWidget::typeText(const QString& text)
{
    emit textEntered(text);
    clearSelection();
    scrollToBottom();
    showCursorWhileTyping();
}

void TerminalWidget::inputMethodEvent(QInputMethodEvent* event)
{
    if (!event->commitString().isEmpty() && m_inputEnabled) {
        scrollToBottom();
        showCursorWhileTyping();
        emit textEntered(event->commitString());
    }
    m_preedit = event->preeditString();
    const QPoint c = m_model->cursor();
    update(QRect(0, c.y() * m_cellHeight, width(), m_cellHeight));
    event->accept();
}

QVariant TerminalWidget::inputMethodQuery(Qt::InputMethodQuery query) const
{
    const QPoint c = m_model->cursor();
    switch (query) {
    case Qt::ImEnabled:
        return m_inputEnabled;
    case Qt::ImCursorRectangle:
        return cellRect(c.x(), c.y());
    case Qt::ImFont:
        return m_font;
    case Qt::ImCursorPosition:
        return c.x();
    case Qt::ImSurroundingText:
        return m_model->screenLine(c.y()).text();
    case Qt::ImCurrentSelection:
        return selectedText();
    case Qt::ImHints:
        return int(Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    default:
        return QWidget::inputMethodQuery(query);
    }
}

// --- mouse and selection

bool TerminalWidget::mouseReportingActive(Qt::KeyboardModifiers modifiers) const
{
    // Shift always selects, as in xterm.
    return m_model->mouseMode() != 0 && !(modifiers & Qt::ShiftModifier) && m_inputEnabled;
}

void TerminalWidget::reportMouse(QMouseEvent* event, bool pressed, bool release)
{
    const QPoint p = event->position().toPoint();
    const int row = qBound(0, p.y() / m_cellHeight, modelRows() - 1);
    const int column = qBound(0, p.x() / m_cellWidth, m_model->columns() - 1);
    const int mods = terminalModifiers(event->modifiers());
    m_model->mouseMove(row, column, mods);
    if (!pressed && !release)
        return;
    int button = 0;
    switch (event->button()) {
    case Qt::LeftButton:
        button = 1;
        break;
    case Qt::MiddleButton:
        button = 2;
        break;
    case Qt::RightButton:
        button = 3;
        break;
    default:
        return;
    }
    m_model->mouseButton(button, pressed, mods);
}

void TerminalWidget::mousePressEvent(QMouseEvent* event)
{
    setFocus(Qt::MouseFocusReason);
    if (mouseReportingActive(event->modifiers())) {
        reportMouse(event, true, false);
        return;
    }
    if (event->button() == Qt::MiddleButton) {
        const QClipboard* clipboard = QGuiApplication::clipboard();
        const QString text =
            clipboard->supportsSelection() ? clipboard->text(QClipboard::Selection) : clipboard->text();
        pasteText(text);
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    const TerminalPosition pos = positionAt(event->position().toPoint());
    m_pressPos = event->position().toPoint();
    const bool triple =
        m_lastDoubleClick.isValid() &&
        m_lastDoubleClick.elapsed() < QGuiApplication::styleHints()->mouseDoubleClickInterval();
    m_lastDoubleClick.invalidate();
    m_selecting = true;
    m_wordSelection = false;
    m_lineSelection = triple;
    m_blockSelection = (event->modifiers() & Qt::AltModifier) != 0;
    if (triple) {
        m_anchorRange = {TerminalPosition{pos.line, 0}, TerminalPosition{pos.line, m_model->columns() - 1}};
        setSelection(m_anchorRange.first, m_anchorRange.second);
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier && m_hasSelection) {
        m_selEnd = pos; // extend
        setSelection(m_selAnchor, pos);
        return;
    }
    m_selAnchor = pos;
    clearSelection();
}

void TerminalWidget::mouseMoveEvent(QMouseEvent* event)
{
    if (mouseReportingActive(event->modifiers()) && !m_selecting) {
        reportMouse(event, false, false);
        return;
    }
    if (!m_selecting || !(event->buttons() & Qt::LeftButton))
        return;
    QPoint p = event->position().toPoint();
    // Dragging past the edge scrolls the scrollback.
    if (p.y() < 0)
        scrollLines(-1);
    else if (p.y() >= modelRows() * m_cellHeight)
        scrollLines(1);
    const TerminalPosition pos = positionAt(p);
    if (m_lineSelection) {
        const TerminalPosition a = qMin(m_anchorRange.first, TerminalPosition{pos.line, 0});
        const TerminalPosition b =
            qMax(m_anchorRange.second, TerminalPosition{pos.line, m_model->columns() - 1});
        setSelection(a, b);
    } else if (m_wordSelection) {
        const auto word = m_model->wordAt(pos);
        setSelection(qMin(m_anchorRange.first, word.first), qMax(m_anchorRange.second, word.second));
    } else if (m_hasSelection || (p - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
        setSelection(m_selAnchor, pos);
    }
}

void TerminalWidget::mouseReleaseEvent(QMouseEvent* event)
{
    if (mouseReportingActive(event->modifiers()) && !m_selecting) {
        reportMouse(event, false, true);
        return;
    }
    if (m_selecting && event->button() == Qt::LeftButton) {
        m_selecting = false;
        if (m_hasSelection)
            selectionChangedByUser();
    }
}

void TerminalWidget::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (mouseReportingActive(event->modifiers()) || event->button() != Qt::LeftButton) {
        mousePressEvent(event);
        return;
    }
    const TerminalPosition pos = positionAt(event->position().toPoint());
    m_anchorRange = m_model->wordAt(pos);
    m_wordSelection = true;
    m_lineSelection = false;
    m_selecting = true;
    setSelection(m_anchorRange.first, m_anchorRange.second);
    m_lastDoubleClick.start();
}

void TerminalWidget::setSelection(TerminalPosition start, TerminalPosition end)
{
    m_selStart = qMin(start, end);
    m_selEnd = qMax(start, end);
    if (!m_blockSelection) {
        m_selAnchor = start;
    }
    m_hasSelection = true;
    update();
}

void TerminalWidget::clearSelection()
{
    if (!m_hasSelection)
        return;
    m_hasSelection = false;
    update();
}

void TerminalWidget::selectAll()
{
    m_blockSelection = false;
    setSelection(TerminalPosition{m_model->firstLine(), 0},
                 TerminalPosition{m_model->endLine() - 1, m_model->columns() - 1});
    selectionChangedByUser();
}

QString TerminalWidget::selectedText() const
{
    if (!m_hasSelection)
        return {};
    return m_model->text(m_selStart, m_selEnd, m_blockSelection);
}

void TerminalWidget::selectionChangedByUser()
{
    QClipboard* clipboard = QGuiApplication::clipboard();
    const QString text = selectedText();
    if (clipboard->supportsSelection())
        clipboard->setText(text, QClipboard::Selection);
    if (m_copyOnSelect)
        clipboard->setText(text, QClipboard::Clipboard);
}

void TerminalWidget::copy()
{
    if (m_hasSelection)
        QGuiApplication::clipboard()->setText(selectedText(), QClipboard::Clipboard);
}

void TerminalWidget::paste()
{
    pasteText(QGuiApplication::clipboard()->text(QClipboard::Clipboard));
}

void TerminalWidget::pasteText(const QString& text)
{
    if (text.isEmpty() || !m_inputEnabled)
        return;
    if (text.size() > kMaxPasteBytes) {
        MessageBox::warning(
            this, tr("Paste"),
            tr("The clipboard holds %1 characters, more than can be pasted into a terminal at once.")
                .arg(text.size()));
        return;
    }
    const QString& body = text;
    const int lines = int(body.count(QLatin1Char('\n'))) + (body.endsWith(QLatin1Char('\n')) ? 0 : 1);
    if (m_confirmMultiLinePaste && lines > 1) {
        const auto answer = MessageBox::question(
            this, tr("Paste"),
            tr("The text to paste has %n line(s). Each line may run as a command on the host. Paste it?",
               nullptr, lines),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
    }
    scrollToBottom();
    m_model->paste(body);
}

void TerminalWidget::wheelEvent(QWheelEvent* event)
{
    if (mouseReportingActive(event->modifiers()) && event->angleDelta().y() != 0) {
        // Wheel "buttons" 4 (up) and 5 (down) for programs that track the mouse.
        const QPoint p = event->position().toPoint();
        m_model->mouseMove(qBound(0, p.y() / m_cellHeight, modelRows() - 1),
                           qBound(0, p.x() / m_cellWidth, m_model->columns() - 1),
                           terminalModifiers(event->modifiers()));
        m_model->mouseButton(event->angleDelta().y() > 0 ? 4 : 5, true,
                             terminalModifiers(event->modifiers()));
        event->accept();
        return;
    }
    if (m_model->altScreen()) {
        // Full-screen programs (less, vi) get arrow keys, as in xterm's alternate scroll.
        const int steps = event->angleDelta().y() / 40;
        for (int i = 0; i < qAbs(steps); ++i)
            m_model->sendKey(steps > 0 ? TerminalKey::Up : TerminalKey::Down);
        event->accept();
        return;
    }
    m_wheelRemainder += event->angleDelta().y();
    const int lines = m_wheelRemainder / 40; // three lines per notch of 120
    m_wheelRemainder -= lines * 40;
    if (lines)
        scrollLines(-lines);
    event->accept();
}

void TerminalWidget::contextMenuEvent(QContextMenuEvent* event)
{
    if (mouseReportingActive(event->modifiers()) && event->reason() == QContextMenuEvent::Mouse)
        return;
    QMenu menu(this);
    QAction* copyAction = menu.addAction(tr("&Copy"), this, &TerminalWidget::copy);
    copyAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+C")));
    copyAction->setEnabled(m_hasSelection);
    QAction* pasteAction = menu.addAction(tr("&Paste"), this, &TerminalWidget::paste);
    pasteAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+V")));
    pasteAction->setEnabled(m_inputEnabled && !QGuiApplication::clipboard()->text().isEmpty());
    menu.addAction(tr("Select &All"), this, &TerminalWidget::selectAll);
    menu.addSeparator();
    menu.addAction(tr("C&lear Scrollback"), this, [this] {
        clearSelection();
        m_model->clearScrollback();
        scrollToBottom();
    });
    if (!m_extraActions.isEmpty()) {
        menu.addSeparator();
        menu.addActions(m_extraActions);
    }
    menu.exec(event->globalPos());
}

void TerminalWidget::updateCursorCell()
{
    const QPoint c = m_model->cursor();
    update(cellRect(c.x(), c.y()).adjusted(0, 0, m_cellWidth, 0));
}

// While keys come the cursor stays shown, and blinks again a whole phase after the last one (as
// xterm, VTE and Konsole do): it never vanishes just after a key, and no blink repaint lands
// between keys typed faster than it blinks, where the echo would have had to wait for the X server
// to take that repaint's pixels (see waitForBackingStore()).
void TerminalWidget::showCursorWhileTyping()
{
    if (!m_cursorBlinkOn) {
        m_cursorBlinkOn = true;
        updateCursorCell();
    }
    if (m_cursorBlinkTimer.isActive())
        m_cursorBlinkTimer.start();
}

void TerminalWidget::focusInEvent(QFocusEvent* event)
{
    // Input methods ask where the cursor is when focus arrives; what this widget told one before
    // it lost focus is no guide to what the input method knows now.
    m_inputMethodCursor = QRect();
    m_cursorBlinkOn = true;
    if (QGuiApplication::styleHints()->cursorFlashTime() > 0)
        m_cursorBlinkTimer.start();
    update();
    QWidget::focusInEvent(event);
}

void TerminalWidget::focusOutEvent(QFocusEvent* event)
{
    m_cursorBlinkTimer.stop();
    update();
    QWidget::focusOutEvent(event);
}
