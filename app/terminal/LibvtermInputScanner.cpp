#include "terminal/LibvtermInputScanner.h"

#include <cstring>

namespace {
// libvterm 0.1.4 keeps 16 CSI parameters (CSI_ARGS_MAX) and does not check the index: the 16th
// separator writes past them.
constexpr int kLibvtermUnsafeSeparators = 16;
// Larger values change nothing: a REP never repeats more than a line's width.
constexpr qint64 kParameterCeiling = 1 << 20;
constexpr quint8 kShiftOut = 0x0E;
} // namespace

void LibvtermInputScanner::endParameter()
{
    if (m_parameter == 4)
        m_hasParameter4 = true;
    else if (m_parameter == 69)
        m_hasParameter69 = true;
    m_parameter = -1;
}

void LibvtermInputScanner::escapeEnded(quint8 final)
{
    switch (m_escapeIntermediate) {
    case 0:
        if (final == '8') // DECRC
            m_cursorRestore = true;
        if (final == 'c') // RIS: libvterm resets character sets and modes
            m_plainText = true;
        else if (std::strchr("NOno|}~", final)) // single and locking shifts
            m_plainText = false;
        break;
    case '(': // G0: anything but ASCII
        if (final != 'B')
            m_plainText = false;
        break;
    case '#': // double-height and double-width lines
        if (final == '3' || final == '4' || final == '6')
            m_plainText = false;
        break;
    case '%': // another coding system
        m_plainText = false;
        break;
    default:
        break;
    }
}

void LibvtermInputScanner::csiEnded(quint8 final)
{
    if ((final == 'u' && !m_leader) || (final == 'l' && m_leader == '?')) // SCORC, leaving 1048/1049
        m_cursorRestore = true;
    if (m_intermediate == '"' || m_intermediate == '!') // DECSCA, DECSTR
        m_plainText = false;
    else if (!m_leader && !m_intermediate && final == 'h' && m_hasParameter4) // insert mode
        m_plainText = false;
    else if (m_leader == '?' && final == 'h' && m_hasParameter69) // left and right margins
        m_plainText = false;
}

// Most sequences are a CSI of digits and semicolons (colours, cursor moves): read in one go here,
// with what scan() would have found. Anything else (or one not complete in these bytes) returns
// index -1 and is read byte by byte.
LibvtermInputScanner::Step LibvtermInputScanner::plainCsi(QByteArrayView bytes, qsizetype escape,
                                                          qsizetype end)
{
    const char* const data = bytes.data();
    qsizetype j = escape + 1;
    if (j >= end || data[j] != '[')
        return {};
    ++j;
    quint8 leader = 0;
    if (j < end && quint8(data[j]) >= 0x3C && quint8(data[j]) <= 0x3F)
        leader = quint8(data[j++]);
    int separators = 0;
    qint64 first = -1;
    qint64 parameter = -1;
    bool has4 = false;
    bool has69 = false;
    for (; j < end; ++j) {
        const quint8 c = quint8(data[j]);
        if (c >= '0' && c <= '9') {
            parameter = qMin(qMax<qint64>(parameter, 0) * 10 + (c - '0'), kParameterCeiling);
            if (separators == 0)
                first = parameter;
        } else if (c == ';') {
            has4 |= parameter == 4;
            has69 |= parameter == 69;
            m_parameters[size_t(separators)] = qint32(parameter);
            parameter = -1;
            if (++separators >= kLibvtermUnsafeSeparators)
                return {};
        } else {
            break;
        }
    }
    if (j >= end || quint8(data[j]) < 0x40 || quint8(data[j]) > 0x7E)
        return {};
    const quint8 final = quint8(data[j]);
    m_sequenceStart = escape;
    m_state = State::Normal;
    m_leader = leader;
    m_intermediate = 0;
    m_separators = separators;
    m_firstParameter = first;
    m_parameter = -1;
    m_hasParameter4 = has4 || parameter == 4;
    m_hasParameter69 = has69 || parameter == 69;
    m_parameters[size_t(separators)] = qint32(parameter);
    m_parameterCount = separators + 1;
    csiEnded(final);
    if (final == 'b' && !leader)
        return {Found::Repeat, j, first <= 0 ? 1 : int(first)};
    Step step{Found::SequenceEnd, j, 1, final, leader};
    step.sgr = final == 'm' && !leader;
    return step;
}

LibvtermInputScanner::Step LibvtermInputScanner::scan(QByteArrayView bytes, qsizetype from, qsizetype end,
                                                      bool report)
{
    for (qsizetype i = from; i < end; ++i) {
        if (m_state == State::Normal) {
            // Between sequences only ESC matters here (TerminalModel handles the text itself and
            // calls with an ESC first): anything before the next one is skipped.
            const void* escape = std::memchr(bytes.data() + i, 0x1B, size_t(end - i));
            if (!escape)
                break;
            i = static_cast<const char*>(escape) - bytes.data();
            if (report) {
                const Step step = plainCsi(bytes, i, end);
                if (step.index >= 0)
                    return step;
            }
        }
        const quint8 c = quint8(bytes[i]);
        const State before = m_state;
        if (c == 0x00 || c == 0x7F) // NUL and DEL are skipped everywhere
            continue;
        if (c == 0x18 || c == 0x1A) { // CAN and SUB cancel any sequence
            m_state = State::Normal;
        } else if (c == 0x1B) {
            m_state = m_state == State::String ? State::EscapeInString : State::Escape;
            m_escapeIntermediate = 0;
            if (before == State::Normal)
                m_sequenceStart = i;
            continue;
        } else if (c < 0x20 && !(c == 0x07 && m_state == State::String)) {
            if (c == kShiftOut && report)
                m_plainText = false;
            continue; // other C0 controls run without ending a sequence
        } else {
            switch (m_state) {
            case State::Normal:
                continue;
            case State::EscapeInString:
                if (c == '\\') { // ST ends the string
                    m_state = State::Normal;
                    break;
                }
                m_state = State::Escape;
                [[fallthrough]];
            case State::Escape:
                if (c == '[') {
                    m_state = State::CsiLeader;
                    m_leader = m_intermediate = 0;
                    m_separators = 0;
                    m_firstParameter = m_parameter = -1;
                    m_hasParameter4 = m_hasParameter69 = false;
                } else if (c == ']' || c == 'P') {
                    m_state = State::String;
                } else if (c >= 0x20 && c <= 0x2F) {
                    if (!m_escapeIntermediate)
                        m_escapeIntermediate = c;
                } else if (c >= 0x30 && c <= 0x7E) {
                    m_state = State::Normal;
                    if (report)
                        escapeEnded(c);
                }
                // anything else keeps the escape sequence open
                break;
            case State::CsiLeader:
                if (c >= 0x3C && c <= 0x3F) {
                    if (!m_leader)
                        m_leader = c;
                    break;
                }
                m_state = State::CsiParameters;
                [[fallthrough]];
            case State::CsiParameters:
                if (c >= '0' && c <= '9') {
                    m_parameter = qMin(qMax<qint64>(m_parameter, 0) * 10 + (c - '0'), kParameterCeiling);
                    if (m_separators == 0)
                        m_firstParameter = m_parameter;
                    break;
                }
                if (c == ';' || c == ':') {
                    endParameter();
                    if (++m_separators >= kLibvtermUnsafeSeparators && report)
                        return {Found::Unsafe, i};
                    break;
                }
                endParameter();
                m_state = State::CsiIntermediates;
                [[fallthrough]];
            case State::CsiIntermediates:
                if (c >= 0x20 && c <= 0x2F) {
                    if (!m_intermediate)
                        m_intermediate = c;
                    break;
                }
                m_state = State::Normal; // a final byte runs the CSI, anything else ends it unrun
                if (c >= 0x40 && c <= 0x7E && report) {
                    csiEnded(c);
                    m_sgrEnded = c == 'm' && !m_leader && !m_intermediate;
                    if (c == 'b' && !m_leader && !m_intermediate && report)
                        return {Found::Repeat, i, m_firstParameter <= 0 ? 1 : int(m_firstParameter)};
                }
                break;
            case State::String:
                if (c == 0x07)
                    m_state = State::Normal;
                break;
            }
        }
        if (before != State::Normal && m_state == State::Normal) {
            Step step{Found::SequenceEnd, i};
            if (before == State::Escape && i == m_sequenceStart + 1 && c >= 0x30)
                step.escapeFinal = c;
            step.sgr = std::exchange(m_sgrEnded, false);
            return step;
        }
    }
    return {};
}
