#include "terminal/TerminalModel.h"

#include <vterm.h>

#include <QPoint>

namespace {

constexpr uint32_t kContinuation = 0xffffffffu;
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

VTermColor vtermColor(VTermState* state, quint32 code, bool foreground)
{
    VTermColor color;
    if (TerminalColor::isDefault(code)) {
        VTermColor fg, bg;
        vterm_state_get_default_colors(state, &fg, &bg);
        color = foreground ? fg : bg;
        color.type |= foreground ? VTERM_COLOR_DEFAULT_FG : VTERM_COLOR_DEFAULT_BG;
    } else if (TerminalColor::isIndexed(code)) {
        vterm_color_indexed(&color, uint8_t(code & 0xff));
    } else {
        vterm_color_rgb(&color, uint8_t(code >> 16), uint8_t(code >> 8), uint8_t(code));
    }
    return color;
}

TerminalCell convertCell(const VTermScreenCell& in, QString* cluster)
{
    TerminalCell out;
    if (in.chars[0] == kContinuation) {
        out.width = 0;
    } else {
        out.ch = in.chars[0];
        out.width = quint8(qBound(1, int(in.width), 2));
        if (cluster && in.chars[0] && in.chars[1]) {
            for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && in.chars[i]; ++i)
                cluster->append(QString::fromUcs4(reinterpret_cast<const char32_t*>(&in.chars[i]), 1));
        }
    }
    out.fg = colorCode(in.fg, true);
    out.bg = colorCode(in.bg, false);
    quint16 a = 0;
    if (in.attrs.bold)
        a |= TerminalAttr::Bold;
    if (in.attrs.italic)
        a |= TerminalAttr::Italic;
    if (in.attrs.underline == VTERM_UNDERLINE_DOUBLE)
        a |= TerminalAttr::DoubleUnderline;
    else if (in.attrs.underline)
        a |= TerminalAttr::Underline;
    if (in.attrs.blink)
        a |= TerminalAttr::Blink;
    if (in.attrs.reverse)
        a |= TerminalAttr::Reverse;
    if (in.attrs.strike)
        a |= TerminalAttr::Strike;
    out.attrs = a;
    return out;
}

TerminalLine convertLine(int cols, const VTermScreenCell* cells)
{
    TerminalLine line;
    line.cells.resize(cols);
    for (int c = 0; c < cols; ++c) {
        QString cluster;
        line.cells[c] = convertCell(cells[c], &cluster);
        if (!cluster.isEmpty())
            line.clusters.insert(c, cluster);
    }
    return line;
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

bool isWordCharacter(const QString& text)
{
    if (text.isEmpty())
        return false;
    const QChar c = text.at(0);
    return c.isLetterOrNumber() || QStringView(u"_-./~:@%+=").contains(c) || c.unicode() > 0x2e80;
}

} // namespace

// libvterm's C callbacks, with access to the model's internals.
struct TerminalModelCallbacks
{
    static TerminalModel* self(void* user) { return static_cast<TerminalModel*>(user); }

    static int damage(VTermRect rect, void* user)
    {
        self(user)->damage(QRect(rect.start_col, rect.start_row, rect.end_col - rect.start_col,
                                 rect.end_row - rect.start_row));
        return 1;
    }
    static int moveCursor(VTermPos pos, VTermPos oldpos, int, void* user)
    {
        auto* m = self(user);
        m->damage(QRect(oldpos.col, oldpos.row, 2, 1));
        m->damage(QRect(pos.col, pos.row, 2, 1));
        return 1;
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
            m->m_altScreen = val->boolean;
            emit m->altScreenChanged(m->m_altScreen);
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
    static int pushLine(int cols, const VTermScreenCell* cells, void* user)
    {
        auto* m = self(user);
        // Most lines are short: blank default cells at the end are not kept in the scrollback
        // (and not converted either).
        int used = cols;
        while (used > 0 && convertCell(cells[used - 1], nullptr) == TerminalCell())
            --used;
        m->m_scrollback.push(convertLine(used, cells));
        ++m->m_linesScrolled;
        m->m_changed = true;
        return 1;
    }
    static int popLine(int cols, VTermScreenCell* cells, void* user)
    {
        auto* m = self(user);
        TerminalLine line;
        if (!m->m_scrollback.pop(&line))
            return 0;
        for (int c = 0; c < cols; ++c) {
            VTermScreenCell& out = cells[c];
            out = VTermScreenCell();
            const TerminalCell in = c < line.cells.size() ? line.cells[c] : TerminalCell();
            if (in.width == 0 && c > 0) {
                out.chars[0] = kContinuation;
            } else if (const auto it = line.clusters.constFind(c); it != line.clusters.constEnd()) {
                const QList<uint> ucs = it->toUcs4();
                for (int i = 0; i < qMin(int(ucs.size()), VTERM_MAX_CHARS_PER_CELL - 1); ++i)
                    out.chars[i] = ucs[i];
            } else {
                out.chars[0] = in.ch;
            }
            out.width = char(qMax<int>(1, in.width));
            out.attrs.bold = (in.attrs & TerminalAttr::Bold) != 0;
            out.attrs.italic = (in.attrs & TerminalAttr::Italic) != 0;
            out.attrs.underline = (in.attrs & TerminalAttr::DoubleUnderline) ? VTERM_UNDERLINE_DOUBLE
                                  : (in.attrs & TerminalAttr::Underline)     ? VTERM_UNDERLINE_SINGLE
                                                                             : VTERM_UNDERLINE_OFF;
            out.attrs.blink = (in.attrs & TerminalAttr::Blink) != 0;
            out.attrs.reverse = (in.attrs & TerminalAttr::Reverse) != 0;
            out.attrs.strike = (in.attrs & TerminalAttr::Strike) != 0;
            out.fg = vtermColor(m->m_state, in.fg, true);
            out.bg = vtermColor(m->m_state, in.bg, false);
        }
        m->m_changed = true;
        return 1;
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
const VTermScreenCallbacks kScreenCallbacks = {
    &TerminalModelCallbacks::damage,     nullptr, // moverect: libvterm damages the destination
    &TerminalModelCallbacks::moveCursor, &TerminalModelCallbacks::setTermProp,
    &TerminalModelCallbacks::bell,       nullptr, // resize
    &TerminalModelCallbacks::pushLine,   &TerminalModelCallbacks::popLine,
};
} // namespace

TerminalModel::TerminalModel(int rows, int columns, int scrollbackLines, QObject* parent)
    : QObject(parent), m_rows(qBound(1, rows, 1000)), m_columns(qBound(kMinColumns, columns, 1000)),
      m_scrollback(qBound(0, scrollbackLines, kMaxScrollbackLines))
{
    m_vt = vterm_new(m_rows, m_columns);
    vterm_set_utf8(m_vt, 1);
    vterm_output_set_callback(m_vt, &TerminalModelCallbacks::output, this);
    m_screen = vterm_obtain_screen(m_vt);
    m_state = vterm_obtain_state(m_vt);
    vterm_screen_set_callbacks(m_screen, &kScreenCallbacks, this);
    vterm_screen_set_damage_merge(m_screen, VTERM_DAMAGE_SCROLL);
    vterm_screen_enable_altscreen(m_screen, 1);
    vterm_screen_reset(m_screen, 1);
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
    if (!m_utf8Tail.isEmpty()) {
        joined = std::exchange(m_utf8Tail, {});
        joined.append(utf8);
        utf8 = joined;
    }
    qsizetype last = utf8.size() - 1;
    while (last >= 0 && utf8.size() - last <= 3 && (quint8(utf8[last]) & 0xC0) == 0x80)
        --last;
    if (last >= 0) {
        const quint8 lead = quint8(utf8[last]);
        const qsizetype length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (utf8.size() - last < length) {
            m_utf8Tail = utf8.sliced(last).toByteArray();
            utf8 = utf8.first(last);
        }
    }
    if (utf8.isEmpty())
        return;
    m_inWrite = true;
    // libvterm decodes a run of text into a stack array as long as the run (a VLA in its state
    // layer), so a host sending megabytes without an escape sequence would overflow the stack.
    // Small pieces keep that array small. The parser carries over between them, the UTF-8 decoder
    // does not: each piece ends before the first byte of a character.
    constexpr qsizetype kPiece = 4096;
    for (qsizetype offset = 0; offset < utf8.size();) {
        qsizetype end = qMin(offset + kPiece, utf8.size());
        for (int back = 0; back < 3 && end < utf8.size() && (quint8(utf8[end]) & 0xC0) == 0x80; ++back)
            --end;
        vterm_input_write(m_vt, utf8.data() + offset, size_t(end - offset));
        offset = end;
    }
    vterm_screen_flush_damage(m_screen);
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

void TerminalModel::damage(const QRect& cells)
{
    m_damage |= cells.intersected(QRect(0, 0, m_columns, m_rows));
    m_changed = true;
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
    m_rows = rows;
    m_columns = columns;
    m_inWrite = true;
    vterm_set_size(m_vt, rows, columns);
    vterm_screen_flush_damage(m_screen);
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
    VTermScreenCell in;
    if (!vterm_screen_get_cell(m_screen, VTermPos{row, column}, &in))
        return {};
    QString ignored;
    return convertCell(in, &ignored);
}

TerminalLine TerminalModel::screenLine(int row) const
{
    TerminalLine line;
    if (row < 0 || row >= m_rows)
        return line;
    line.cells.resize(m_columns);
    for (int c = 0; c < m_columns; ++c) {
        VTermScreenCell in;
        vterm_screen_get_cell(m_screen, VTermPos{row, c}, &in);
        QString cluster;
        line.cells[c] = convertCell(in, &cluster);
        if (!cluster.isEmpty())
            line.clusters.insert(c, cluster);
    }
    return line;
}

TerminalLine TerminalModel::line(qint64 absoluteLine) const
{
    if (absoluteLine >= screenTopLine())
        return screenLine(int(absoluteLine - screenTopLine()));
    if (const TerminalLine* l = m_scrollback.at(absoluteLine))
        return *l;
    return {};
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
