#include "terminal/TerminalModel.h"

#include <vterm.h>

#include <QPoint>

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstring>
#include <string_view>

static_assert(TerminalModel::kMaxCharsPerGlyph == VTERM_MAX_CHARS_PER_CELL);

namespace {

constexpr int kMaxTitleLength = 256;
// libvterm 0.1.4 crashes when a double-width character arrives on a one-column screen (a very
// narrow window and a host writing Japanese), so the model is never narrower than one such character.
constexpr int kMinColumns = 2;

quint32 colorCode(const VTermColor& color, bool foreground)
{
    if (foreground ? VTERM_COLOR_IS_DEFAULT_FG(&color) : VTERM_COLOR_IS_DEFAULT_BG(&color))
        return TerminalColor::Default;
    if (VTERM_COLOR_IS_INDEXED(&color))
        return TerminalColor::indexed(color.indexed.idx);
    return TerminalColor::rgb(color.rgb.red, color.rgb.green, color.rgb.blue);
}

VTermKey vtermKey(TerminalKey key)
{
    switch (key) {
    case TerminalKey::Enter:
        return VTERM_KEY_ENTER;
    case TerminalKey::Tab:
        return VTERM_KEY_TAB;
    case TerminalKey::Backspace:
        return VTERM_KEY_BACKSPACE;
    case TerminalKey::Escape:
        return VTERM_KEY_ESCAPE;
    case TerminalKey::Up:
        return VTERM_KEY_UP;
    case TerminalKey::Down:
        return VTERM_KEY_DOWN;
    case TerminalKey::Left:
        return VTERM_KEY_LEFT;
    case TerminalKey::Right:
        return VTERM_KEY_RIGHT;
    case TerminalKey::Insert:
        return VTERM_KEY_INS;
    case TerminalKey::Delete:
        return VTERM_KEY_DEL;
    case TerminalKey::Home:
        return VTERM_KEY_HOME;
    case TerminalKey::End:
        return VTERM_KEY_END;
    case TerminalKey::PageUp:
        return VTERM_KEY_PAGEUP;
    case TerminalKey::PageDown:
        return VTERM_KEY_PAGEDOWN;
    case TerminalKey::KeypadMultiply:
        return VTERM_KEY_KP_MULT;
    case TerminalKey::KeypadPlus:
        return VTERM_KEY_KP_PLUS;
    case TerminalKey::KeypadComma:
        return VTERM_KEY_KP_COMMA;
    case TerminalKey::KeypadMinus:
        return VTERM_KEY_KP_MINUS;
    case TerminalKey::KeypadPeriod:
        return VTERM_KEY_KP_PERIOD;
    case TerminalKey::KeypadDivide:
        return VTERM_KEY_KP_DIVIDE;
    case TerminalKey::KeypadEnter:
        return VTERM_KEY_KP_ENTER;
    case TerminalKey::KeypadEqual:
        return VTERM_KEY_KP_EQUAL;
    default:
        break;
    }
    if (key >= TerminalKey::F1 && key <= TerminalKey::F12)
        return VTermKey(VTERM_KEY_FUNCTION(1 + int(key) - int(TerminalKey::F1)));
    if (key >= TerminalKey::Keypad0 && key <= TerminalKey::Keypad9)
        return VTermKey(VTERM_KEY_KP_0 + (int(key) - int(TerminalKey::Keypad0)));
    return VTERM_KEY_NONE;
}

// Whether a byte 0xC2 followed by `next` is a whole character of U+00A0-00BF (anything else is
// a C1 control or a character cut short: see TerminalModel::write()).
inline bool c2StartsPrintable(quint8 next)
{
    return next >= 0xA0 && next <= 0xBF;
}

// Where text first holds a byte 0xC2 that does not start a printable character, or -1.
qsizetype firstC2ToRewrite(QByteArrayView text)
{
    for (const char *p = text.data(), *end = p + text.size() - 1;
         (p = static_cast<const char*>(std::memchr(p, 0xC2, size_t(qMax<qsizetype>(0, end - p))))) != nullptr;
         ++p) {
        if (!c2StartsPrintable(quint8(p[1])))
            return p - text.data();
    }
    return -1;
}

bool isWordCharacter(const QString& text)
{
    if (text.isEmpty())
        return false;
    const QChar c = text.at(0);
    return c.isLetterOrNumber() || QStringView(u"_-./~:@%+=").contains(c) || c.unicode() > 0x2e80;
}

} // namespace

// libvterm's C callbacks, with access to the model's internals. The model keeps its own screen on
// libvterm's state layer: rows are whole TerminalLines in a vector, so a scroll moves row handles
// (no cell is copied) and a line that leaves the top goes to the scrollback as it is. libvterm's
// screen layer moved every cell of the screen for each line scrolled, and converted every cell
// of a line to push it.
struct TerminalModelCallbacks
{
    static TerminalModel* self(void* user) { return static_cast<TerminalModel*>(user); }

    static int putglyph(VTermGlyphInfo* info, VTermPos pos, void* user)
    {
        auto* m = self(user);
        if (!m->m_settling)
            m->m_combineStale = false;
        m->m_lastGlyphWidth = info->width;
        m->m_lastGlyph[0] = info->chars[0];
        m->m_lastGlyph[1] = info->chars[1];
        for (int i = 2; m->m_lastGlyph[size_t(i - 1)] && i < TerminalModel::kMaxCharsPerGlyph; ++i)
            m->m_lastGlyph[size_t(i)] = info->chars[i]; // a cluster: rare
        m->m_lastGlyphPosition = QPoint(pos.col, pos.row);
        m->m_lastGlyphEndsLine = pos.col + info->width >= m->m_columns;
        if (pos.row < 0 || pos.row >= m->m_rows || pos.col < 0 || pos.col >= m->m_columns)
            return 1;
        TerminalLine& line = m->screenRow(pos.row);
        TerminalCell cell = m->m_pen;
        cell.ch = info->chars[0];
        cell.width = quint8(qBound(1, info->width, 2));
        TerminalCell* cells = line.cells.data();
        cells[pos.col] = cell;
        if (!line.clusters.isEmpty() || info->chars[1]) {
            line.clusters.remove(pos.col);
            if (info->chars[1]) {
                QString cluster;
                for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && info->chars[i]; ++i)
                    cluster.append(QString::fromUcs4(reinterpret_cast<const char32_t*>(&info->chars[i]), 1));
                line.clusters.insert(pos.col, cluster);
            }
        }
        if (cell.width == 2 && pos.col + 1 < m->m_columns) {
            TerminalCell continuation = m->m_pen;
            continuation.width = 0;
            cells[pos.col + 1] = continuation;
            if (!line.clusters.isEmpty())
                line.clusters.remove(pos.col + 1);
        }
        line.written = qMax(line.written, pos.col + 2); // a wide glyph's continuation included
        m->damage(pos.col, pos.row, cell.width, 1);
        return 1;
    }
    static int moveCursor(VTermPos pos, VTermPos oldpos, int, void* user)
    {
        auto* m = self(user);
        m->damage(oldpos.col, oldpos.row, 2, 1);
        m->damage(pos.col, pos.row, 2, 1);
        return 1;
    }
    static int scrollrect(VTermRect rect, int downward, int rightward, void* user)
    {
        auto* m = self(user);
        // Partial-width scrolls (left/right margins) are rare: libvterm does them with moverect
        // and erase.
        if (rightward != 0 || rect.start_col != 0 || rect.end_col != m->m_columns)
            return 0;
        const int top = qBound(0, rect.start_row, m->m_rows);
        const int bottom = qBound(top, rect.end_row, m->m_rows);
        const int height = bottom - top;
        if (height == 0 || downward == 0)
            return 1;
        const int n = qMin(qAbs(downward), height);
        // Lines leaving the top of the main screen go to the scrollback (their used part is
        // copied); the rows themselves are cleared and come back at the other end.
        if (downward > 0 && top == 0 && m->m_buffer == 0) {
            for (int i = 0; i < n; ++i)
                m->pushScrollback(m->screenRow(i));
            m->m_linesScrolled += n;
            m->m_changed = true;
        }
        int& ringTop = m->m_ringTop[m->m_buffer];
        if (height == m->m_rows) {
            // The whole screen: the ring turns, no row moves.
            ringTop = (ringTop + (downward > 0 ? n : m->m_rows - n)) % m->m_rows;
        } else {
            // A scroll region: its rows are moved as handles.
            std::vector<TerminalLine> moved;
            moved.reserve(size_t(height));
            const int shift = downward > 0 ? n : height - n;
            for (int i = 0; i < height; ++i)
                moved.push_back(std::move(m->screenRow(top + (i + shift) % height)));
            for (int i = 0; i < height; ++i)
                m->screenRow(top + i) = std::move(moved[size_t(i)]);
        }
        const int clearFrom = downward > 0 ? bottom - n : top;
        for (int r = clearFrom; r < clearFrom + n; ++r)
            m->clearLine(m->screenRow(r));
        m->damage(QRect(0, top, m->m_columns, height));
        return 1;
    }
    static int moverect(VTermRect dest, VTermRect src, void* user)
    {
        auto* m = self(user);
        // Only what lies on the screen on both sides, whatever libvterm asks (it is driven by
        // the host, and the screen may just have been resized).
        if (src.start_row < 0 || src.start_col < 0 || dest.start_row < 0 || dest.start_col < 0)
            return 1;
        const int height =
            qMin(src.end_row - src.start_row, qMin(m->m_rows - src.start_row, m->m_rows - dest.start_row));
        const int width = qMin(src.end_col - src.start_col,
                               qMin(m->m_columns - src.start_col, m->m_columns - dest.start_col));
        if (height <= 0 || width <= 0)
            return 1;
        // Copy out first: source and destination overlap.
        std::vector<TerminalLine> copied(static_cast<size_t>(height));
        for (int i = 0; i < height; ++i) {
            const TerminalLine& from = m->screenRow(src.start_row + i);
            copied[size_t(i)].cells = from.cells.mid(src.start_col, width);
            for (auto it = from.clusters.constBegin(); it != from.clusters.constEnd(); ++it)
                if (it.key() >= src.start_col && it.key() < src.end_col)
                    copied[size_t(i)].clusters.insert(it.key() - src.start_col, it.value());
        }
        for (int i = 0; i < height; ++i) {
            TerminalLine& to = m->screenRow(dest.start_row + i);
            TerminalCell* cells = to.cells.data();
            const qsizetype count =
                qMin(copied[size_t(i)].cells.size(), to.cells.size() - qsizetype(dest.start_col));
            for (qsizetype c = 0; c < count; ++c)
                cells[dest.start_col + c] = copied[size_t(i)].cells[c];
            to.written = qMax(to.written, dest.start_col + int(count));
            m->dropClusters(to, dest.start_col, dest.start_col + width);
            for (auto it = copied[size_t(i)].clusters.constBegin();
                 it != copied[size_t(i)].clusters.constEnd(); ++it)
                to.clusters.insert(it.key() + dest.start_col, it.value());
        }
        m->damage(QRect(dest.start_col, dest.start_row, width, height));
        return 1;
    }
    static int erase(VTermRect rect, int, void* user)
    {
        auto* m = self(user);
        const TerminalCell blank = m->blankCell();
        const int left = qBound(0, rect.start_col, m->m_columns);
        const int right = qBound(left, rect.end_col, m->m_columns);
        for (int r = qMax(0, rect.start_row); r < qMin(rect.end_row, m->m_rows); ++r) {
            TerminalLine& line = m->screenRow(r);
            TerminalCell* cells = line.cells.data();
            std::fill(cells + left, cells + right, blank);
            if (!(blank == TerminalCell()))
                line.written = qMax(line.written, right);
            m->dropClusters(line, left, right);
        }
        m->damage(QRect(left, rect.start_row, right - left, rect.end_row - rect.start_row));
        return 1;
    }
    static int initpen(void* user)
    {
        self(user)->m_pen = TerminalCell();
        self(user)->m_libvtermPen = TerminalCell();
        return 1;
    }
    // libvterm's pen changes ours, and what the model knows of libvterm's (see syncLibvtermPen()).
    static int setpenattr(VTermAttr attr, VTermValue* val, void* user)
    {
        setPenAttribute(self(user)->m_pen, attr, val);
        setPenAttribute(self(user)->m_libvtermPen, attr, val);
        return 1;
    }
    static void setPenAttribute(TerminalCell& pen, VTermAttr attr, const VTermValue* val)
    {
        auto flag = [&pen](quint16 bit, bool on) { pen.attrs = on ? (pen.attrs | bit) : (pen.attrs & ~bit); };
        switch (attr) {
        case VTERM_ATTR_BOLD:
            flag(TerminalAttr::Bold, val->boolean);
            break;
        case VTERM_ATTR_UNDERLINE:
            flag(TerminalAttr::Underline,
                 val->number != VTERM_UNDERLINE_OFF && val->number != VTERM_UNDERLINE_DOUBLE);
            flag(TerminalAttr::DoubleUnderline, val->number == VTERM_UNDERLINE_DOUBLE);
            break;
        case VTERM_ATTR_ITALIC:
            flag(TerminalAttr::Italic, val->boolean);
            break;
        case VTERM_ATTR_BLINK:
            flag(TerminalAttr::Blink, val->boolean);
            break;
        case VTERM_ATTR_REVERSE:
            flag(TerminalAttr::Reverse, val->boolean);
            break;
        case VTERM_ATTR_STRIKE:
            flag(TerminalAttr::Strike, val->boolean);
            break;
        case VTERM_ATTR_FOREGROUND:
            pen.fg = colorCode(val->color, true);
            break;
        case VTERM_ATTR_BACKGROUND:
            pen.bg = colorCode(val->color, false);
            break;
        default:
            break;
        }
    }
    static int setTermProp(VTermProp prop, VTermValue* val, void* user)
    {
        auto* m = self(user);
        switch (prop) {
        case VTERM_PROP_TITLE: {
            // OSC 0/2. Control characters are dropped so a title cannot smuggle anything anywhere.
            QString title = QString::fromUtf8(val->string).left(kMaxTitleLength);
            title.removeIf([](QChar c) { return c.category() == QChar::Other_Control; });
            if (title != m->m_title) {
                m->m_title = title;
                emit m->titleChanged(title);
            }
            break;
        }
        case VTERM_PROP_CURSORVISIBLE:
            m->m_cursorVisible = val->boolean;
            break;
        case VTERM_PROP_CURSORBLINK:
            m->m_cursorBlink = val->boolean;
            break;
        case VTERM_PROP_CURSORSHAPE:
            m->m_cursorShape = val->number;
            break;
        case VTERM_PROP_ALTSCREEN:
            if (m->m_altScreen != bool(val->boolean)) {
                m->m_altScreen = val->boolean;
                m->m_buffer = m->m_altScreen ? 1 : 0;
                m->damage(QRect(0, 0, m->m_columns, m->m_rows));
                emit m->altScreenChanged(m->m_altScreen);
            }
            break;
        case VTERM_PROP_REVERSE:
            m->m_reverseVideo = val->boolean;
            m->damage(QRect(0, 0, m->m_columns, m->m_rows));
            break;
        case VTERM_PROP_MOUSE:
            m->m_mouseMode = val->number;
            break;
        default:
            break;
        }
        m->m_changed = true;
        return 1;
    }
    static int bell(void* user)
    {
        emit self(user)->bell();
        return 1;
    }
    // As libvterm's screen layer does it: a shorter screen pushes the lines above the cursor into
    // the scrollback (blank lines at the bottom go first); a taller one takes them back.
    static int resize(int rows, int columns, VTermPos* delta, void* user)
    {
        auto* m = self(user);
        const int oldRows = int(m->m_buffers[0].size());
        // Row 0 first in both buffers, then the rows are reshaped as in a plain vector.
        for (int b = 0; b < 2; ++b) {
            std::rotate(m->m_buffers[b].begin(), m->m_buffers[b].begin() + m->m_ringTop[b],
                        m->m_buffers[b].end());
            m->m_ringTop[b] = 0;
        }
        if (m->m_buffer == 0 && rows < oldRows) {
            VTermPos cursor;
            vterm_state_get_cursorpos(m->m_state, &cursor);
            const std::vector<TerminalLine>& main = m->m_buffers[0];
            int r = oldRows - 1;
            for (; r >= rows; --r) {
                const TerminalLine& line = main[size_t(r)];
                const bool blank = std::all_of(line.cells.cbegin(), line.cells.cend(),
                                               [](const TerminalCell& c) { return c.ch == 0; });
                if (!blank || cursor.row == r)
                    break;
            }
            const int push = r + 1 - rows;
            if (push > 0) {
                std::vector<TerminalLine>& buffer = m->m_buffers[0];
                for (int i = 0; i < push; ++i)
                    m->pushScrollback(buffer[size_t(i)]);
                buffer.erase(buffer.begin(), buffer.begin() + push);
                m->m_linesScrolled += push;
                delta->row -= push;
            }
        }
        m->m_rows = rows;
        m->m_columns = columns;
        for (std::vector<TerminalLine>& buffer : m->m_buffers) {
            buffer.resize(size_t(rows));
            for (TerminalLine& line : buffer)
                m->fitLine(line);
        }
        if (m->m_buffer == 0 && rows > oldRows) {
            std::vector<TerminalLine>& buffer = m->m_buffers[0];
            for (int want = rows - oldRows; want > 0; --want) {
                TerminalLine line;
                if (!m->m_scrollback.pop(&line))
                    break;
                m->fitLine(line);
                buffer.pop_back();
                buffer.insert(buffer.begin(), std::move(line));
                ++delta->row;
            }
        }
        m->m_damage = QRect(0, 0, columns, rows);
        m->m_changed = true;
        return 1;
    }
    static int setLineInfo(int, const VTermLineInfo*, const VTermLineInfo*, void*)
    {
        return 1; // double-width and double-height lines are drawn single
    }
    static void output(const char* s, size_t len, void* user)
    {
        auto* m = self(user);
        // Answers produced while parsing are sent once the write is done, in order.
        m->m_pendingOutput.append(s, qsizetype(len));
        if (!m->m_inWrite) {
            const QByteArray bytes = std::exchange(m->m_pendingOutput, {});
            emit m->output(bytes);
        }
    }
};

namespace {
const VTermStateCallbacks kStateCallbacks = {
    &TerminalModelCallbacks::putglyph,    &TerminalModelCallbacks::moveCursor,
    &TerminalModelCallbacks::scrollrect,  &TerminalModelCallbacks::moverect,
    &TerminalModelCallbacks::erase,       &TerminalModelCallbacks::initpen,
    &TerminalModelCallbacks::setpenattr,  &TerminalModelCallbacks::setTermProp,
    &TerminalModelCallbacks::bell,        &TerminalModelCallbacks::resize,
    &TerminalModelCallbacks::setLineInfo,
};
} // namespace

TerminalCell TerminalModel::blankCell() const
{
    // Erased cells take the pen's colours (background colour erase), not its attributes.
    TerminalCell blank;
    blank.fg = m_pen.fg;
    blank.bg = m_pen.bg;
    return blank;
}

TerminalLine TerminalModel::blankLine() const
{
    TerminalLine line;
    const TerminalCell blank = blankCell();
    line.cells.fill(blank, m_columns);
    line.written = blank == TerminalCell() ? 0 : m_columns;
    return line;
}

void TerminalModel::fitLine(TerminalLine& line) const
{
    if (line.cells.size() != m_columns) {
        line.cells.resize(m_columns);
        dropClusters(line, m_columns, INT_MAX);
    }
}

void TerminalModel::dropClusters(TerminalLine& line, int from, int to)
{
    if (line.clusters.isEmpty())
        return;
    line.clusters.removeIf([from, to](const auto& it) { return it.key() >= from && it.key() < to; });
}

void TerminalModel::clearLine(TerminalLine& line) const
{
    const TerminalCell blank = blankCell();
    const bool plainBlank = blank == TerminalCell();
    if (plainBlank && line.cells.size() == m_columns && line.written < m_columns) {
        TerminalCell* cells = line.cells.data(); // only the start can differ from blank
        std::fill(cells, cells + line.written, blank);
    } else {
        line.cells.fill(blank, m_columns); // in place: no allocation unless shared
    }
    line.written = plainBlank ? 0 : m_columns;
    if (!line.clusters.isEmpty())
        line.clusters.clear();
}

void TerminalModel::pushScrollback(const TerminalLine& line)
{
    // Most lines are short: blank default cells at the end are not kept in the scrollback. Eight
    // cells are compared at a time (a scrolling flood trims ~80 cells per line).
    static const TerminalCell kBlanks[8] = {};
    const TerminalCell* cells = line.cells.constData();
    qsizetype used = qMin<qsizetype>(line.cells.size(), line.written);
    while (used >= 8 && std::memcmp(cells + used - 8, kBlanks, sizeof kBlanks) == 0)
        used -= 8;
    while (used > 0 && cells[used - 1] == TerminalCell())
        --used;
    m_scrollback.push(cells, used, line.clusters);
}

TerminalModel::TerminalModel(int rows, int columns, int scrollbackLines, QObject* parent)
    : QObject(parent), m_rows(qBound(1, rows, 1000)), m_columns(qBound(kMinColumns, columns, 1000)),
      m_scrollback(qBound(0, scrollbackLines, kMaxScrollbackLines))
{
    for (std::vector<TerminalLine>& buffer : m_buffers)
        buffer.assign(size_t(m_rows), blankLine());
    m_vt = vterm_new(m_rows, m_columns);
    vterm_set_utf8(m_vt, 1);
    vterm_output_set_callback(m_vt, &TerminalModelCallbacks::output, this);
    m_state = vterm_obtain_state(m_vt);
    vterm_state_set_callbacks(m_state, &kStateCallbacks, this);
    vterm_state_reset(m_state, 1);
}

TerminalModel::~TerminalModel()
{
    vterm_free(m_vt);
}

void TerminalModel::write(QByteArrayView utf8)
{
    // libvterm 0.1.4 does not keep a character split across two writes (it shows U+FFFD twice),
    // and network reads split anywhere: an incomplete character at the end waits for the rest.
    QByteArray joined;
    if (!m_heldInput.isEmpty()) {
        joined = std::exchange(m_heldInput, {});
        joined.append(utf8);
        utf8 = joined;
    }
    qsizetype keep = utf8.size();
    qsizetype last = utf8.size() - 1;
    while (last >= 0 && utf8.size() - last <= 3 && (quint8(utf8[last]) & 0xC0) == 0x80)
        --last;
    if (last >= 0) {
        const quint8 lead = quint8(utf8[last]);
        const qsizetype length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (utf8.size() - last < length)
            keep = last;
    }
    // A C1 control (U+0080-009F) is a control, as in xterm and PuTTY: libvterm 0.1.4 reads one
    // written as UTF-8 as a glyph of width -1, and a cursor moved left of the screen makes it read
    // and write outside its tab stops. Each becomes its 7-bit form, ESC and a byte 0x40 less, of
    // the same length (so CSI U+009B is ESC [, and ST U+009C ends a string).
    // libvterm's decoder also keeps a character cut short over the controls, sequences and ASCII
    // that come between (it decodes ASCII apart): 0xC2, LF, 0x93 made U+0093 after the line feed.
    // A 0xC2 not followed by the rest of its character is 0xFF, malformed where it stands.
    QByteArray rewritten;
    if (const qsizetype first = firstC2ToRewrite(utf8.first(keep)); first >= 0) {
        rewritten = utf8.toByteArray();
        char* data = rewritten.data();
        for (qsizetype i = first; i + 1 < keep; ++i) {
            const quint8 next = quint8(data[i + 1]);
            if (quint8(data[i]) != 0xC2 || c2StartsPrintable(next))
                continue;
            if (next >= 0x80 && next <= 0x9F) {
                data[i] = '\x1b';
                data[i + 1] = char(next - 0x40);
                ++i;
            } else {
                data[i] = char(0xFF);
            }
        }
        utf8 = rewritten;
    }
    m_inWrite = true;
    const qsizetype held = feedHostBytes(utf8.first(keep));
    m_heldInput = utf8.sliced(held).toByteArray();
    flushCursorMove(); // libvterm's cursor is read between writes (cursor())
    m_inWrite = false;
    if (!m_pendingOutput.isEmpty()) {
        const QByteArray bytes = std::exchange(m_pendingOutput, {});
        emit output(bytes);
    }
    if (m_changed) {
        m_changed = false;
        emit damaged();
    }
}

namespace {
// libvterm decodes a run of text into a stack array as long as the rest of the write (a VLA in its
// state layer): text reaches it in pieces of about this size. A control sequence or string longer
// than this is no real one (titles are capped far below it; libvterm would copy it onto the stack
// too) and is dropped whole.
constexpr qsizetype kPieceSize = 4096;
// When the host's text is not all well-formed UTF-8, a run's first and last character go through
// libvterm (see feedText()): shorter runs are not worth a cursor sequence.
constexpr qsizetype kMinDirectRunUnclean = 4;

// A character the model may write itself (see feedText()): printable ASCII, or a wide character
// libvterm 0.1.4 gives two columns and never combines with what went before (CJK symbols and
// punctuation, kana, ideographs, Hangul syllables, fullwidth forms; three bytes in UTF-8; not the
// combining marks U+302A-302F and U+3099-309A, nor U+303F, which is narrow).
struct DirectCharacter
{
    int bytes = 0; // 0: not one
    char32_t ch = 0;
    int width = 0;
};

inline bool printableAscii(char c)
{
    return c >= 0x20 && c < 0x7F;
}

// How many bytes from p on are printable ASCII, looked at eight at a time: most of any text is.
inline qsizetype printableAsciiLength(const char* p, const char* end)
{
    constexpr quint64 kOnes = 0x0101010101010101ULL;
    constexpr quint64 kHighBits = 0x8080808080808080ULL;
    const char* q = p;
    for (; end - q >= 8; q += 8) {
        quint64 w;
        std::memcpy(&w, q, 8);
        // A byte below 0x20 sets its high bit in the first term, one of 0x7F and up in the second.
        if ((((w - 0x20 * kOnes) & ~w) | (w + kOnes) | w) & kHighBits)
            break;
    }
    while (q < end && printableAscii(*q))
        ++q;
    return q - p;
}

Q_ALWAYS_INLINE DirectCharacter wideDirectCharacter(const char* p, const char* end)
{
    const quint8 c = quint8(*p);
    if (c < 0xE3 || c > 0xEF || end - p < 3)
        return {};
    const quint8 c1 = quint8(p[1]);
    const quint8 c2 = quint8(p[2]);
    if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80)
        return {};
    const char32_t ch = char32_t((c & 0x0F) << 12 | (c1 & 0x3F) << 6 | (c2 & 0x3F));
    const bool wide = (ch >= 0x3000 && ch <= 0x9FFF && !(ch >= 0x302A && ch <= 0x302F) && ch != 0x303F &&
                       ch != 0x3099 && ch != 0x309A) ||
                      (ch >= 0xAC00 && ch <= 0xD7A3) || (ch >= 0xFF01 && ch <= 0xFF60);
    if (!wide)
        return {};
    return {3, ch, 2};
}

// Sequences after which libvterm's last glyph can still be made the model's (see
// settleCombining()): they move the cursor, erase, scroll, save or restore the cursor, set colours
// or report, and change no mode, character set or margin.
bool keepsSettleable(const LibvtermInputScanner::Step& step)
{
    if (step.escapeFinal)
        return step.escapeFinal == '7' || step.escapeFinal == '8'; // DECSC, DECRC
    // The finals @ A-H J-M P S T X ` a c-f m n, one bit each from 0x40.
    constexpr quint64 kFinals = [] {
        quint64 bits = 0;
        for (const char c : std::string_view("@ABCDEFGHJKLMPSTX`acdefmn"))
            bits |= quint64(1) << (c - 0x40);
        return bits;
    }();
    return step.csiFinal >= 0x40 && step.csiFinal < 0x80 && !step.csiLeader &&
           (kFinals >> (step.csiFinal - 0x40) & 1);
}

inline DirectCharacter directCharacter(const char* p, const char* end)
{
    const quint8 c = quint8(*p);
    if (c >= 0x20 && c < 0x7F) [[likely]]
        return {1, c, 1};
    return wideDirectCharacter(p, end);
}

// The SGR codes that turn one attribute on and off (underline has three states: see applySgr()).
struct SgrSwitch
{
    qint32 on;
    qint32 off;
    quint16 attribute;
};
constexpr SgrSwitch kSgrSwitches[] = {{1, 22, TerminalAttr::Bold},
                                      {3, 23, TerminalAttr::Italic},
                                      {5, 25, TerminalAttr::Blink},
                                      {7, 27, TerminalAttr::Reverse},
                                      {9, 29, TerminalAttr::Strike}};

// The length of the well-formed UTF-8 character (2-4 bytes: a lead byte and its continuation
// bytes, as libvterm's decoder counts them) at p, or 0.
int utf8CharacterLength(const char* p, const char* end)
{
    const quint8 c = quint8(*p);
    const int length = c >= 0xC0 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF8 ? 4 : 0;
    if (length == 0 || end - p < length)
        return 0;
    for (int k = 1; k < length; ++k)
        if ((quint8(p[k]) & 0xC0) != 0x80)
            return 0;
    return length;
}

// Whether every byte from 0x80 up is part of a well-formed character (see utf8CharacterLength()).
bool wellFormedUtf8(QByteArrayView text)
{
    const char* p = text.data();
    const char* const end = p + text.size();
    while (p < end) {
        quint64 w;
        if (end - p >= 8 && (std::memcpy(&w, p, 8), (w & 0x8080808080808080ULL) == 0)) {
            p += 8; // ASCII, eight at a time
            continue;
        }
        if (quint8(*p) < 0x80) {
            ++p;
            continue;
        }
        const int length = utf8CharacterLength(p, end);
        if (length == 0)
            return false;
        p += length;
    }
    return true;
}

} // namespace

// Hands the host's bytes to libvterm so that each write ends where its parser is between
// sequences: libvterm 0.1.4 mishandles some sequences split across two writes (an ESC ending one
// write before the ST of a string). A sequence still open at the end is held back for the next
// write; the returned index is where it starts.
//
// Everything reaches libvterm unchanged but for three things (see LibvtermInputScanner): a REP's
// final byte becomes one libvterm ignores ('~', so its parser ends the sequence as it would have)
// and the REP is run here; a sequence libvterm cannot read safely, or one longer than any real one,
// is dropped from its ESC to its end; and most of a run of text is written here (writeDirect()).
qsizetype TerminalModel::feedHostBytes(QByteArrayView bytes)
{
    const qsizetype end = bytes.size();
    qsizetype fed = 0; // bytes before this reached libvterm (or were dropped)
    qsizetype at = 0;  // bytes before this were scanned
    auto feedUpTo = [this, &bytes, &fed](qsizetype to) {
        if (to > fed)
            toLibvterm(bytes.data() + fed, to - fed);
        fed = qMax(fed, to);
    };
    while (at < end) {
        if (m_droppingSequence) {
            const LibvtermInputScanner::Step over = m_scanner.nextSequenceEnd(bytes, at, end);
            m_droppingSequence = over.found == LibvtermInputScanner::Found::Nothing;
            at = fed = m_droppingSequence ? end : over.index + 1;
            continue;
        }
        if (!m_scanner.inSequence()) {
            // Text up to the next ESC. The complete sequences before it go first.
            const void* escape = std::memchr(bytes.data() + at, 0x1B, size_t(end - at));
            const qsizetype textEnd = escape ? static_cast<const char*>(escape) - bytes.data() : end;
            if (textEnd > at) {
                feedUpTo(at);
                feedText(bytes.sliced(at, textEnd - at));
                at = fed = textEnd;
            }
            if (at == end)
                break;
        }
        const LibvtermInputScanner::Step step = m_scanner.next(bytes, at, end);
        const qsizetype start = m_scanner.sequenceStart();
        switch (step.found) {
        case LibvtermInputScanner::Found::Repeat:
            if (step.index + 1 - start > kPieceSize) {
                at = step.index + 1; // dropped below
                break;
            }
            feedUpTo(step.index); // the glyph to repeat is put first
            toLibvterm("~", 1);
            repeatLastGlyph(step.count);
            at = fed = step.index + 1;
            continue;
        case LibvtermInputScanner::Found::Unsafe:
            feedUpTo(start);
            m_scanner.distrustText();
            m_droppingSequence = true;
            at = fed = step.index + 1;
            continue;
        case LibvtermInputScanner::Found::SequenceEnd:
            if (m_combineStale && !keepsSettleable(step)) {
                feedUpTo(start);
                settleCombining();
            }
            if (m_directText && step.sgr && step.csiFinal == 'm') {
                // SGR: colours and attributes are kept here (what comes before is written with the
                // pen as it was); libvterm's pen follows when it needs it.
                feedUpTo(start);
                if (applySgr(m_scanner.parameters(), m_scanner.parameterCount())) {
                    at = fed = step.index + 1;
                    continue;
                }
            }
            // libvterm's own pen is used when it saves the cursor (DECSC, SCOSC, the alternate
            // screen), reports it (DECRQSS) or changes it: it is brought up to date before any
            // sequence but those that only move the cursor or erase.
            if (!pensAgree() &&
                !(step.csiFinal && !step.csiLeader && std::strchr("@ABCDEFGHJKLMPSTXdf`r", step.csiFinal))) {
                feedUpTo(start);
                syncLibvtermPen();
            }
            if (step.sgr) {
                feedUpTo(start);
                clearLibvtermParameters();
            }
            at = step.index + 1; // fed with what follows, unless it is too long
            if (m_scanner.takeCursorRestore() && at - start <= kPieceSize) {
                feedUpTo(at);
                keepCursorOnScreen();
            }
            break;
        case LibvtermInputScanner::Found::Nothing:
            at = end;
            if (end - start <= kPieceSize) {
                feedUpTo(start);
                m_scanner.cancelSequence(); // scanned again, whole, with the next write
                return start;
            }
            feedUpTo(start);
            m_scanner.distrustText();
            m_droppingSequence = true;
            fed = end;
            continue;
        }
        if (at - start > kPieceSize) { // a complete sequence, but no real one
            feedUpTo(start);
            m_scanner.distrustText();
            fed = at;
        }
    }
    feedUpTo(end);
    return end;
}

// Text between sequences: printable ASCII, C0 controls, UTF-8, stray bytes; no ESC.
void TerminalModel::feedText(QByteArrayView text)
{
    // libvterm gets the text in pieces of at most kPieceSize, cut at fixed places (the character
    // boundary at or before each multiple of kPieceSize): where the cuts fall must not depend on
    // what was written directly (see below).
    auto cutAt = [&text](qsizetype k) {
        qsizetype boundary = k * kPieceSize;
        if (boundary >= text.size())
            return text.size();
        for (int back = 0; back < 3 && (quint8(text[boundary]) & 0xC0) == 0x80; ++back)
            --boundary;
        return boundary;
    };
    auto cutAfter = [&cutAt](qsizetype position) {
        const qsizetype k = position / kPieceSize + 1;
        const qsizetype cut = cutAt(k);
        return cut > position ? cut : cutAt(k + 1);
    };
    auto cutAtOrBefore = [&cutAt](qsizetype position) {
        const qsizetype k = position / kPieceSize;
        const qsizetype next = cutAt(k + 1);
        return next <= position ? next : k > 0 ? cutAt(k) : 0;
    };
    qsizetype fed = 0;
    auto feedUpTo = [this, &text, &fed, &cutAfter](qsizetype to) {
        while (fed < to) {
            const qsizetype pieceEnd = qMin(cutAfter(fed), to);
            writeText(text.sliced(fed, pieceEnd - fed));
            fed = pieceEnd;
        }
    };
    // libvterm decodes each stretch of text between controls (and piece cuts) with one of two
    // decoders, chosen by the stretch's first byte: ASCII goes to the one for G0, anything else to
    // its UTF-8 decoder, which keeps an unfinished character from one stretch to the next. As long
    // as every character so far was well-formed UTF-8 (m_utf8Clean), that decoder has nothing
    // pending and which decoder reads a character changes nothing: a run of printable ASCII and
    // wide characters is then written here, as far as it fits before the last column, its last
    // character too where the stretch ends (libvterm keeps the last glyph it wrote for a combining
    // character that may start the next stretch, and is shown the model's before that can matter:
    // see settleCombining()). Otherwise only ASCII is written here,
    // inside a stretch that starts with ASCII, and its first character goes through libvterm too
    // (fuzz_terminal compares both ways). A malformed character anywhere in the text changes how libvterm
    // decodes the text around it (fuzz_terminal): checked before anything is written.
    if (m_utf8Clean && !wellFormedUtf8(text)) {
        m_utf8Clean = false;
        settleCombining(); // no glyph is written here from now on but in the middle of a run
    }
    const char* const data = text.data();
    const char* const dataEnd = data + text.size();
    qsizetype stretchStart = 0;
    for (qsizetype i = 0; i < text.size();) {
        const quint8 c = quint8(text[i]);
        if (c < 0x20 || c == 0x7F) {
            if (c == 0x0E) // SO: G1 in GL
                m_scanner.distrustText();
            stretchStart = ++i;
            continue;
        }
        const DirectCharacter first = directCharacter(data + i, dataEnd);
        if (first.bytes == 0 || (first.bytes > 1 && !m_utf8Clean)) {
            i += qMax(1, utf8CharacterLength(data + i, dataEnd));
            continue;
        }
        qsizetype runEnd = i + first.bytes;
        qsizetype lastStart = i;
        qsizetype characters = 1;
        while (runEnd < text.size()) {
            if (const qsizetype ascii = printableAsciiLength(data + runEnd, dataEnd)) { // most of any text
                runEnd += ascii;
                lastStart = runEnd - 1;
                characters += ascii;
                continue;
            }
            const DirectCharacter next = wideDirectCharacter(data + runEnd, dataEnd);
            if (next.bytes == 0 || (next.bytes > 1 && !m_utf8Clean))
                break;
            lastStart = runEnd;
            runEnd += next.bytes;
            ++characters;
        }
        if (m_directText && m_scanner.textIsPlain()) {
            if (m_utf8Clean) {
                // The last character too, unless libvterm would read what follows with it: a
                // combining character joins it there, and makes it wider.
                const bool stretchEnds = runEnd == text.size() || quint8(text[runEnd]) < 0x20 ||
                                         text[runEnd] == 0x7F || cutAtOrBefore(runEnd) == runEnd;
                feedUpTo(i);
                fed += writeDirect(text.sliced(i, (stretchEnds ? runEnd : lastStart) - i));
            } else if (characters >= kMinDirectRunUnclean &&
                       quint8(text[qMax(stretchStart, cutAtOrBefore(i))]) < 0x80) {
                // libvterm writes the first character (finishing a line end pending from the last
                // column, and anything its decoder kept).
                feedUpTo(i + 1);
                fed += writeDirect(text.sliced(i + 1, lastStart - i - 1));
            }
        }
        i = runEnd;
    }
    feedUpTo(text.size());
}

// Writes a run of direct characters (see directCharacter()) at the cursor, as libvterm's
// putglyph() would, while they fit before the last column: libvterm handles the line end, also one
// still pending. The cursor move after them goes to libvterm with the text that follows. Returns
// the bytes written.
qsizetype TerminalModel::writeDirect(QByteArrayView run)
{
    const QPoint at = cursorPosition();
    const VTermPos cursor{at.y(), at.x()};
    if (cursor.row < 0 || cursor.row >= m_rows || cursor.col < 0)
        return 0;
    // A glyph that reached the last column leaves the cursor on itself with the line end pending
    // (a wide one one column before the last), which libvterm does not tell: when the cursor is
    // still there, libvterm writes the next character.
    if (m_lastGlyphEndsLine && m_lastGlyphPosition == at)
        return 0;
    TerminalLine& line = screenRow(cursor.row);
    if (line.cells.size() < m_columns)
        return 0;
    TerminalCell* cells = line.cells.data();
    const char* p = run.data();
    const char* const end = p + run.size();
    TerminalCell cell = m_pen;
    TerminalCell continuation = m_pen;
    continuation.width = 0;
    int column = cursor.col;
    const int lastColumn = m_columns - 1;
    while (p < end) {
        // ASCII first, a stretch at a time.
        const int ascii = int(printableAsciiLength(p, p + qMin<qsizetype>(end - p, lastColumn - column)));
        cell.width = 1;
        TerminalCell* to = cells + column;
        for (int j = 0; j < ascii; ++j) {
            std::memcpy(static_cast<void*>(to + j), &cell, sizeof cell); // one 16-byte store
            to[j].ch = char32_t(quint8(p[j]));
        }
        const int k = ascii;
        column += k;
        p += k;
        m_directCharacters += k;
        if (p == end || printableAscii(*p))
            break; // the end, or the column before the last reached
        const DirectCharacter d = wideDirectCharacter(p, end);
        // libvterm would set a pending line end once a character reaches the last column.
        if (d.bytes == 0 || column + d.width >= m_columns)
            break;
        cell.ch = d.ch;
        cell.width = quint8(d.width);
        cells[column] = cell;
        if (d.width == 2)
            cells[column + 1] = continuation;
        column += d.width;
        p += d.bytes;
        ++m_directCharacters;
    }
    if (column == cursor.col)
        return 0;
    dropClusters(line, cursor.col, column);
    line.written = qMax(line.written, column);
    // The cell the cursor moves to as well: libvterm may not be told the move (see writeTextNow()).
    damage(cursor.col, cursor.row, column + 1 - cursor.col, 1);
    // The last character is the glyph a combining character joins, and what REP repeats.
    const TerminalCell& last = cells[column - 1].width == 0 ? cells[column - 2] : cells[column - 1];
    m_combineStale = true;
    m_lastGlyph.fill(0);
    m_lastGlyph[0] = last.ch;
    m_lastGlyphWidth = last.width;
    m_lastGlyphPosition = QPoint(column - last.width, cursor.row);
    m_lastGlyphEndsLine = false; // never the last column
    // libvterm is told when it next needs the cursor (see writeTextNow()).
    m_pendingColumn = column;
    return p - run.data();
}

int TerminalModel::cursorMove(char* out) const
{
    char* end = out;
    *end++ = '\x1b';
    *end++ = '[';
    end = std::to_chars(end, end + 8, m_pendingColumn + 1).ptr;
    *end++ = 'G';
    return int(end - out);
}

void TerminalModel::flushCursorMove()
{
    if (m_pendingColumn < 0)
        return;
    char move[16];
    const int length = cursorMove(move);
    m_pendingColumn = -1;
    vterm_input_write(m_vt, move, size_t(length));
}

QPoint TerminalModel::cursorPosition() const
{
    VTermPos cursor;
    vterm_state_get_cursorpos(m_state, &cursor);
    return QPoint(m_pendingColumn >= 0 ? m_pendingColumn : cursor.col, cursor.row);
}

// Sequences reach libvterm here, after the cursor move it is owed. The callers settle libvterm's
// last glyph first (settleCombining()) where the bytes may change what it would do with it.
void TerminalModel::toLibvterm(const char* bytes, qsizetype size)
{
    flushCursorMove();
    vterm_input_write(m_vt, bytes, size_t(size));
}

// Makes libvterm's last glyph the one the model wrote last (m_lastGlyph), as if libvterm had
// written it: libvterm writes it again where it is, and the cells, the cursor and what REP repeats
// are put back as they were. Only text and the model's own cursor moves reached libvterm since the
// model wrote it, and sequences that only move the cursor, erase, scroll or report (anything else,
// and any control but CR, LF, BS, HT, VT, FF and BEL, is preceded by this): the scrolling region,
// the origin mode and the character sets are as they were then, and relative moves reach its row.
void TerminalModel::settleCombining()
{
    if (!m_combineStale)
        return;
    m_combineStale = false;
    flushCursorMove();
    VTermPos cursor;
    vterm_state_get_cursorpos(m_state, &cursor);
    struct
    {
        char32_t ch;
        int width;
        int row;
        int column;
    } const g{m_lastGlyph[0], m_lastGlyphWidth, m_lastGlyphPosition.y(), m_lastGlyphPosition.x()};
    // A direct write never reaches the last column, nor leaves the cursor off the screen.
    if (cursor.row < 0 || cursor.row >= m_rows || cursor.col < 0 || cursor.col >= m_columns || g.row < 0 ||
        g.row >= m_rows || g.column < 0 || g.column + g.width >= m_columns)
        return;
    TerminalLine& line = screenRow(g.row);
    std::array<TerminalCell, 2> cells{};
    std::copy_n(line.cells.constData() + g.column, g.width, cells.begin());
    const int written = line.written;
    // Cells moved since (DCH, ICH) may have brought a cluster there, which putglyph() drops.
    QMap<int, QString> clusters;
    for (int c = g.column; c < g.column + g.width && !line.clusters.isEmpty(); ++c) {
        if (const auto it = line.clusters.constFind(c); it != line.clusters.constEnd())
            clusters.insert(c, *it);
    }
    const std::array<uint32_t, kMaxCharsPerGlyph> lastGlyph = m_lastGlyph;
    const int lastGlyphWidth = m_lastGlyphWidth;
    const QPoint lastGlyphPosition = m_lastGlyphPosition;
    const bool lastGlyphEndsLine = m_lastGlyphEndsLine;

    char sequence[64];
    char* out = sequence;
    auto move = [&out](int count, char final) {
        if (count == 0)
            return;
        *out++ = '\x1b';
        *out++ = '[';
        out = std::to_chars(out, out + 8, count).ptr;
        *out++ = final;
    };
    const int up = cursor.row - g.row;
    move(qAbs(up), up > 0 ? 'A' : 'B');
    move(g.column + 1, 'G');
    if (g.ch < 0x80) {
        *out++ = char(g.ch);
    } else { // a wide direct character: three bytes in UTF-8
        *out++ = char(0xE0 | (g.ch >> 12));
        *out++ = char(0x80 | ((g.ch >> 6) & 0x3F));
        *out++ = char(0x80 | (g.ch & 0x3F));
    }
    move(qAbs(up), up > 0 ? 'B' : 'A');
    move(cursor.col + 1, 'G');
    m_settling = true;
    vterm_input_write(m_vt, sequence, size_t(out - sequence));
    m_settling = false;

    std::copy_n(cells.begin(), g.width, line.cells.data() + g.column);
    line.written = written;
    for (auto it = clusters.constBegin(); it != clusters.constEnd(); ++it)
        line.clusters.insert(it.key(), it.value());
    m_lastGlyph = lastGlyph;
    m_lastGlyphWidth = lastGlyphWidth;
    m_lastGlyphPosition = lastGlyphPosition;
    m_lastGlyphEndsLine = lastGlyphEndsLine;
}

// Where in text (on its way to libvterm) libvterm's last glyph starts to matter: a control that may
// change how text is read (any but NUL, BEL, BS, HT, LF, VT, FF and CR), or a character that may be
// a combining one at the start of a stretch of text (after a control, or the text's start). -1 if
// nowhere.
qsizetype TerminalModel::firstCombiningRisk(QByteArrayView text) const
{
    const char* const data = text.data();
    const char* const end = data + text.size();
    bool stretchStart = true;
    for (const char* p = data; p < end; ++p) {
        const quint8 c = quint8(*p);
        if (c < 0x20 || c == 0x7F) {
            if (c != 0 && (c < 0x07 || c > 0x0D))
                return p - data;
            stretchStart = true;
            continue;
        }
        if (stretchStart && c >= 0x80 && !(m_utf8Clean && wideDirectCharacter(p, end).bytes > 0))
            return p - data;
        stretchStart = false;
    }
    return -1;
}

// SGR as libvterm 0.1.4 runs it (src/pen.c), for what it shares with the model's pen: reset, bold,
// italic, underline (single, double, off), blink, reverse, strike-out, the 8 + 8 colours, 256
// colours and RGB (38/48;5;n and 38/48;2;r;g;b, each in range); values libvterm ignores are ignored.
// Anything else (fonts, colons, values out of range) is left to libvterm whole: returns false and
// changes nothing.
bool TerminalModel::applySgr(const qint32* parameters, int count)
{
    auto inByteRange = [](qint32 v) { return v >= 0 && v <= 255; };
    for (int i = 0; i < count; ++i) {
        const qint32 v = parameters[i];
        if ((v >= 10 && v <= 19) || v > 107)
            return false;
        if (v == 38 || v == 48) {
            if (i + 2 < count && parameters[i + 1] == 5 && inByteRange(parameters[i + 2])) {
                i += 2;
            } else if (i + 4 < count && parameters[i + 1] == 2 && inByteRange(parameters[i + 2]) &&
                       inByteRange(parameters[i + 3]) && inByteRange(parameters[i + 4])) {
                i += 4;
            } else {
                return false;
            }
        }
    }
    TerminalCell& pen = m_pen;
    auto flag = [&pen](quint16 bit, bool on) { pen.attrs = on ? (pen.attrs | bit) : (pen.attrs & ~bit); };
    for (int i = 0; i < count; ++i) {
        const qint32 v = parameters[i];
        switch (v) {
        case -1:
        case 0:
            pen.attrs = 0;
            pen.fg = pen.bg = TerminalColor::Default;
            break;
        case 4:
            flag(TerminalAttr::Underline, true);
            flag(TerminalAttr::DoubleUnderline, false);
            break;
        case 21:
            flag(TerminalAttr::Underline, false);
            flag(TerminalAttr::DoubleUnderline, true);
            break;
        case 24:
            flag(TerminalAttr::Underline, false);
            flag(TerminalAttr::DoubleUnderline, false);
            break;
        case 38:
        case 48: {
            const quint32 color =
                parameters[i + 1] == 5
                    ? TerminalColor::indexed(parameters[i + 2])
                    : TerminalColor::rgb(parameters[i + 2], parameters[i + 3], parameters[i + 4]);
            (v == 38 ? pen.fg : pen.bg) = color;
            i += parameters[i + 1] == 5 ? 2 : 4;
            break;
        }
        case 39:
            pen.fg = TerminalColor::Default;
            break;
        case 49:
            pen.bg = TerminalColor::Default;
            break;
        default:
            for (const SgrSwitch& sw : kSgrSwitches) {
                if (v == sw.on || v == sw.off)
                    flag(sw.attribute, v == sw.on);
            }
            if (v >= 30 && v <= 37)
                pen.fg = TerminalColor::indexed(v - 30);
            else if (v >= 40 && v <= 47)
                pen.bg = TerminalColor::indexed(v - 40);
            else if (v >= 90 && v <= 97)
                pen.fg = TerminalColor::indexed(v - 90 + 8);
            else if (v >= 100 && v <= 107)
                pen.bg = TerminalColor::indexed(v - 100 + 8);
            break; // anything else: libvterm ignores it too
        }
    }
    return true;
}

// Gives libvterm an SGR for what differs between the model's pen and libvterm's (only that: what
// libvterm's pen holds beyond the model's, a font or a curly underline, stays as it is).
void TerminalModel::syncLibvtermPen()
{
    if (pensAgree())
        return;
    const TerminalCell& want = m_pen;
    const TerminalCell& have = m_libvtermPen;
    QByteArray sgr = "\x1b[";
    auto add = [&sgr](int value) {
        sgr += QByteArray::number(value);
        sgr += ';';
    };
    auto attributeChanged = [&](quint16 bit) { return (want.attrs & bit) != (have.attrs & bit); };
    auto on = [&](quint16 bit) { return (want.attrs & bit) != 0; };
    for (const SgrSwitch& sw : kSgrSwitches) {
        if (attributeChanged(sw.attribute))
            add(on(sw.attribute) ? sw.on : sw.off);
    }
    if (attributeChanged(TerminalAttr::Underline) || attributeChanged(TerminalAttr::DoubleUnderline))
        add(on(TerminalAttr::DoubleUnderline) ? 21 : on(TerminalAttr::Underline) ? 4 : 24);
    auto color = [&](quint32 c, int base) {
        if (TerminalColor::isDefault(c)) {
            add(base + 1);
        } else if (TerminalColor::isIndexed(c)) {
            add(base);
            add(5);
            add(int(c & 0xff));
        } else {
            add(base);
            add(2);
            add(int(c >> 16 & 0xff));
            add(int(c >> 8 & 0xff));
            add(int(c & 0xff));
        }
    };
    if (want.fg != have.fg)
        color(want.fg, 38);
    if (want.bg != have.bg)
        color(want.bg, 48);
    sgr.back() = 'm';
    toLibvterm(sgr.constData(), sgr.size()); // libvterm's setpenattr() records it
}

// libvterm 0.1.4 reads a colour's values (SGR 38 and 48) past the parameters it was given, from
// those earlier sequences left behind: "CSI 38 m" took its colour from whatever came before
// (fuzz_terminal: the direct and libvterm-only models differed, as they feed libvterm different
// SGRs). Before any SGR libvterm runs, all of its parameter places are made empty by a CSI of
// sixteen missing parameters whose final byte it ignores; a colour cut short then changes nothing.
void TerminalModel::clearLibvtermParameters()
{
    static constexpr char kEmptyParameters[] = "\x1b[;;;;;;;;;;;;;;;~";
    static_assert(sizeof kEmptyParameters - 4 == LibvtermInputScanner::kMaxParameters - 1);
    toLibvterm(kEmptyParameters, sizeof kEmptyParameters - 1);
}

// libvterm 0.1.4 restores a saved cursor without checking it against the screen, which a resize
// may have made smaller since; it then writes its line attributes past their array (fuzz_terminal:
// two terminals fed the same bytes ended up apart). The cursor is put back on the screen at once.
void TerminalModel::keepCursorOnScreen()
{
    VTermPos cursor;
    vterm_state_get_cursorpos(m_state, &cursor);
    if (cursor.row >= 0 && cursor.row < m_rows && cursor.col >= 0 && cursor.col < m_columns)
        return;
    const QByteArray move = "\x1b[" + QByteArray::number(qBound(0, cursor.row, m_rows - 1) + 1) + ';' +
                            QByteArray::number(qBound(0, cursor.col, m_columns - 1) + 1) + 'H';
    toLibvterm(move.constData(), move.size());
}

// As xterm does: the last character is written again `count` times, wrapping like any text, at
// most a line's width (so four bytes from a host cannot become a screenful of work).
void TerminalModel::repeatLastGlyph(int count)
{
    if (m_lastGlyphWidth <= 0 || !m_lastGlyph[0])
        return;
    const qsizetype length = std::find(m_lastGlyph.begin(), m_lastGlyph.end(), 0u) - m_lastGlyph.begin();
    const QByteArray glyph =
        QString::fromUcs4(reinterpret_cast<const char32_t*>(m_lastGlyph.data()), length).toUtf8();
    writeText(glyph.repeated(qMin(count, m_columns)));
}

// libvterm 0.1.4 decodes text into a stack array with one place per byte up to the end of the
// write, but a character left unfinished by an earlier write makes the next ASCII byte two
// characters (U+FFFD and itself): text that ends a write can then be stored one place past the
// array (fuzz_terminal saw a glyph made of what lay beyond). Text is therefore never the end of
// a write: a NUL follows it, which libvterm's parser skips and its decoder stops at.
void TerminalModel::writeText(QByteArrayView text)
{
    if (text.isEmpty())
        return;
    if (m_combineStale) {
        const qsizetype risk = firstCombiningRisk(text);
        if (risk >= 0) {
            writeTextNow(text.first(risk));
            settleCombining();
            text = text.sliced(risk);
        }
    }
    writeTextNow(text);
}

void TerminalModel::writeTextNow(QByteArrayView text)
{
    if (text.isEmpty())
        return;
    // A cursor move left by writeDirect() goes first, in the same write; before a CR only the
    // row counts, and libvterm has it.
    char cursorMoveBytes[16];
    const qsizetype move = m_pendingColumn >= 0 && text[0] != '\r' ? cursorMove(cursorMoveBytes) : 0;
    m_pendingColumn = -1;
    m_textBuffer.resize(move + text.size() + 1);
    char* out = m_textBuffer.data();
    std::memcpy(out, cursorMoveBytes, size_t(move));
    std::memcpy(out + move, text.data(), size_t(text.size()));
    out[move + text.size()] = '\0';
    vterm_input_write(m_vt, m_textBuffer.constData(), size_t(m_textBuffer.size()));
}

void TerminalModel::damage(const QRect& cells)
{
    damage(cells.x(), cells.y(), cells.width(), cells.height());
}

void TerminalModel::damage(int left, int top, int width, int height)
{
    // Called for every character: plain integer bounds rather than QRect unions, and most
    // characters of a busy screen land inside what is already damaged.
    m_changed = true;
    if (left >= m_damage.left() && top >= m_damage.top() && left + width - 1 <= m_damage.right() &&
        top + height - 1 <= m_damage.bottom())
        return;
    const int right = qMin(left + width, m_columns) - 1;
    const int bottom = qMin(top + height, m_rows) - 1;
    left = qMax(0, left);
    top = qMax(0, top);
    if (right < left || bottom < top)
        return;
    if (m_damage.isEmpty()) {
        m_damage.setCoords(left, top, right, bottom);
        return;
    }
    m_damage.setCoords(qMin(m_damage.left(), left), qMin(m_damage.top(), top), qMax(m_damage.right(), right),
                       qMax(m_damage.bottom(), bottom));
}

TerminalModel::Damage TerminalModel::takeDamage()
{
    Damage d{m_damage, m_linesScrolled};
    m_damage = QRect();
    m_linesScrolled = 0;
    return d;
}

void TerminalModel::resize(int rows, int columns)
{
    rows = qBound(1, rows, 1000);
    columns = qBound(kMinColumns, columns, 1000);
    if (rows == m_rows && columns == m_columns)
        return;
    m_inWrite = true;
    settleCombining(); // a line the glyph is on may leave the screen
    flushCursorMove();
    vterm_set_size(m_vt, rows, columns); // the resize callback reshapes the screen
    m_rows = rows;
    m_columns = columns;
    // libvterm 0.1.4 keeps the scrolling region (DECSTBM) across a resize, also when the screen is
    // now shorter than the region, and the next line feed then moves a negative number of rows
    // (found by fuzz_terminal). As xterm does, a resize resets the region to the whole screen; the
    // cursor stays where it was. libvterm's parser is between sequences here (see feedHostBytes()).
    VTermPos cursor;
    vterm_state_get_cursorpos(m_state, &cursor);
    const QByteArray reset =
        "\x1b[r\x1b[" + QByteArray::number(cursor.row + 1) + ';' + QByteArray::number(cursor.col + 1) + 'H';
    vterm_input_write(m_vt, reset.constData(), size_t(reset.size()));
    m_inWrite = false;
    m_damage = QRect(0, 0, m_columns, m_rows);
    m_changed = false;
    emit damaged();
}

void TerminalModel::setScrollbackCapacity(int lines)
{
    m_scrollback.setCapacity(qBound(0, lines, kMaxScrollbackLines));
}

void TerminalModel::clearScrollback()
{
    m_scrollback.clear();
    m_linesScrolled += 1; // forces a full repaint of any scrolled view
    emit damaged();
}

TerminalCell TerminalModel::cell(int row, int column) const
{
    if (row < 0 || row >= m_rows || column < 0 || column >= m_columns)
        return {};
    return screenRow(row).cells[column];
}

TerminalLine TerminalModel::screenLine(int row) const
{
    if (row < 0 || row >= m_rows)
        return {};
    return screenRow(row); // shares the cells (implicitly shared list)
}

TerminalLine TerminalModel::line(qint64 absoluteLine) const
{
    if (absoluteLine >= screenTopLine())
        return screenLine(int(absoluteLine - screenTopLine()));
    return m_scrollback.at(absoluteLine);
}

QString TerminalLine::cellText(int column) const
{
    if (column < 0 || column >= cells.size())
        return {};
    const TerminalCell& c = cells[column];
    if (c.width == 0 || c.ch == 0)
        return {};
    if (const auto it = clusters.constFind(column); it != clusters.constEnd())
        return *it;
    return QString::fromUcs4(&c.ch, 1);
}

QString TerminalLine::text(int from, int to) const
{
    if (to < 0 || to > cells.size())
        to = int(cells.size());
    QString out;
    for (int c = qMax(0, from); c < to; ++c) {
        if (cells[c].width == 0)
            continue;
        const QString t = cellText(c);
        out += t.isEmpty() ? QStringLiteral(" ") : t;
    }
    return out;
}

QString TerminalModel::screenText() const
{
    QStringList rows;
    for (int r = 0; r < m_rows; ++r) {
        QString t = screenLine(r).text();
        while (t.endsWith(QLatin1Char(' ')))
            t.chop(1);
        rows.append(t);
    }
    while (!rows.isEmpty() && rows.last().isEmpty())
        rows.removeLast();
    return rows.join(QLatin1Char('\n'));
}

QString TerminalModel::text(TerminalPosition start, TerminalPosition end, bool block) const
{
    if (end < start)
        std::swap(start, end);
    start.line = qMax(start.line, firstLine());
    end.line = qMin(end.line, endLine() - 1);
    QStringList lines;
    for (qint64 l = start.line; l <= end.line; ++l) {
        const TerminalLine ln = line(l);
        int from = 0;
        int to = int(ln.cells.size());
        if (block) {
            from = qMin(start.column, end.column);
            to = qMax(start.column, end.column) + 1;
        } else {
            if (l == start.line)
                from = start.column;
            if (l == end.line)
                to = qMin(to, end.column + 1);
        }
        QString t = ln.text(from, to);
        while (t.endsWith(QLatin1Char(' ')))
            t.chop(1);
        lines.append(t);
    }
    return lines.join(QLatin1Char('\n'));
}

QPair<TerminalPosition, TerminalPosition> TerminalModel::wordAt(TerminalPosition pos) const
{
    const TerminalLine ln = line(pos.line);
    const int n = int(ln.cells.size());
    if (pos.column < 0 || pos.column >= n)
        return {pos, pos};
    auto cellAt = [&](int c) {
        while (c > 0 && ln.cells[c].width == 0)
            --c;
        return c;
    };
    int c = cellAt(pos.column);
    if (!isWordCharacter(ln.cellText(c)))
        return {TerminalPosition{pos.line, c},
                TerminalPosition{pos.line, c + qMax<int>(1, ln.cells[c].width) - 1}};
    int from = c;
    while (from > 0 && isWordCharacter(ln.cellText(cellAt(from - 1))))
        from = cellAt(from - 1);
    int to = c;
    while (true) {
        int next = to + qMax<int>(1, ln.cells[to].width);
        if (next >= n || !isWordCharacter(ln.cellText(next)))
            break;
        to = next;
    }
    to += qMax<int>(1, ln.cells[to].width) - 1;
    return {TerminalPosition{pos.line, from}, TerminalPosition{pos.line, to}};
}

QPoint TerminalModel::cursor() const
{
    VTermPos pos;
    vterm_state_get_cursorpos(m_state, &pos);
    return QPoint(pos.col, pos.row);
}

quint32 TerminalModel::paletteRgb(int index) const
{
    index = qBound(0, index, 255);
    if (index < 16) {
        VTermColor color;
        vterm_state_get_palette_color(m_state, index, &color);
        vterm_state_convert_color_to_rgb(m_state, &color);
        return quint32(color.rgb.red) << 16 | quint32(color.rgb.green) << 8 | color.rgb.blue;
    }
    if (index < 232) { // xterm's 6x6x6 colour cube
        static constexpr quint32 kLevels[6] = {0, 95, 135, 175, 215, 255};
        const int i = index - 16;
        return kLevels[i / 36] << 16 | kLevels[(i / 6) % 6] << 8 | kLevels[i % 6];
    }
    const quint32 grey = quint32(8 + 10 * (index - 232)); // the grey ramp
    return grey << 16 | grey << 8 | grey;
}

void TerminalModel::sendKey(TerminalKey key, int modifiers)
{
    if (key == TerminalKey::Backspace && !(modifiers & TerminalModifier::Ctrl)) {
        QByteArray bytes = (modifiers & TerminalModifier::Alt) ? QByteArrayLiteral("\x1b") : QByteArray();
        bytes.append(m_backspaceSendsDelete ? '\x7f' : '\x08');
        emit output(bytes);
        return;
    }
    const VTermKey k = vtermKey(key);
    if (k == VTERM_KEY_NONE)
        return;
    m_inWrite = true; // collect the sequence
    vterm_keyboard_key(m_vt, k, VTermModifier(modifiers));
    m_inWrite = false;
    QByteArray bytes = std::exchange(m_pendingOutput, {});
    // libvterm sends LF for keypad Enter outside application keypad mode; terminals send CR.
    if (key == TerminalKey::KeypadEnter && bytes == "\n")
        bytes = "\r";
    if (!bytes.isEmpty())
        emit output(bytes);
}

void TerminalModel::sendText(const QString& text, int modifiers)
{
    if (modifiers == TerminalModifier::None || modifiers == TerminalModifier::Shift) {
        // Plain text: one chunk, so the session converts it to its encoding in one piece.
        emit output(text.toUtf8());
        return;
    }
    for (const char32_t c : text.toUcs4())
        vterm_keyboard_unichar(m_vt, c, VTermModifier(modifiers & ~TerminalModifier::Shift));
}

void TerminalModel::paste(const QString& text)
{
    QString body = text;
    body.replace(QLatin1String("\r\n"), QLatin1String("\r"));
    body.replace(QLatin1Char('\n'), QLatin1Char('\r'));
    // Pasted text must not be able to end the bracket early and run as typed commands.
    body.remove(QLatin1String("\x1b[201~"));
    m_inWrite = true; // collect the brackets and the body into one output
    vterm_keyboard_start_paste(m_vt);
    m_bracketedPaste = !m_pendingOutput.isEmpty();
    m_pendingOutput.append(body.toUtf8());
    vterm_keyboard_end_paste(m_vt);
    m_inWrite = false;
    const QByteArray bytes = std::exchange(m_pendingOutput, {});
    if (!bytes.isEmpty())
        emit output(bytes);
}

void TerminalModel::mouseMove(int row, int column, int modifiers)
{
    vterm_mouse_move(m_vt, row, column, VTermModifier(modifiers));
}

void TerminalModel::mouseButton(int button, bool pressed, int modifiers)
{
    vterm_mouse_button(m_vt, button, pressed, VTermModifier(modifiers));
}
