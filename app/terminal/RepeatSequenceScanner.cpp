#include "terminal/RepeatSequenceScanner.h"

#include <cstring>

namespace {
// libvterm 0.1.4 keeps 16 CSI parameters (CSI_ARGS_MAX) and does not check the index: the 16th
// separator writes past them.
constexpr int kLibvtermUnsafeSeparators = 16;
// Larger counts change nothing: a REP never repeats more than a line's width.
constexpr qint64 kCountCeiling = 1 << 20;
} // namespace

RepeatSequenceScanner::Step RepeatSequenceScanner::scan(QByteArrayView bytes, qsizetype from, qsizetype end,
                                                        bool untilSequenceEnds)
{
    for (qsizetype i = from; i < end; ++i) {
        if (m_state == State::Normal) {
            // Between sequences only ESC matters: text is skipped at memchr's speed.
            const void* escape = std::memchr(bytes.data() + i, 0x1B, size_t(end - i));
            if (!escape)
                break;
            i = static_cast<const char*>(escape) - bytes.data();
        }
        const quint8 c = quint8(bytes[i]);
        const State before = m_state;
        if (c == 0x00 || c == 0x7F) // NUL and DEL are skipped everywhere
            continue;
        if (c == 0x18 || c == 0x1A) { // CAN and SUB cancel any sequence
            m_state = State::Normal;
        } else if (c == 0x1B) {
            m_state = m_state == State::String ? State::EscapeInString : State::Escape;
            if (before == State::Normal)
                m_sequenceStart = i;
            continue;
        } else if (c < 0x20 && !(c == 0x07 && m_state == State::String)) {
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
                    m_leader = m_intermediate = false;
                    m_separators = 0;
                    m_firstParameter = -1;
                } else if (c == ']' || c == 'P') {
                    m_state = State::String;
                } else if (c >= 0x30 && c <= 0x7E) {
                    m_state = State::Normal;
                }
                // intermediate bytes and anything else keep the escape sequence open
                break;
            case State::CsiLeader:
                if (c >= 0x3C && c <= 0x3F) {
                    m_leader = true;
                    break;
                }
                m_state = State::CsiParameters;
                [[fallthrough]];
            case State::CsiParameters:
                if (c >= '0' && c <= '9') {
                    if (m_separators == 0)
                        m_firstParameter =
                            qMin(qMax<qint64>(m_firstParameter, 0) * 10 + (c - '0'), kCountCeiling);
                    break;
                }
                if (c == ';' || c == ':') {
                    if (++m_separators >= kLibvtermUnsafeSeparators && !untilSequenceEnds)
                        return {Found::Unsafe, i};
                    break;
                }
                m_state = State::CsiIntermediates;
                [[fallthrough]];
            case State::CsiIntermediates:
                if (c >= 0x20 && c <= 0x2F) {
                    m_intermediate = true;
                    break;
                }
                m_state = State::Normal; // a final byte runs the CSI, anything else ends it unrun
                if (c == 'b' && !m_leader && !m_intermediate && !untilSequenceEnds)
                    return {Found::Repeat, i, m_firstParameter <= 0 ? 1 : int(m_firstParameter)};
                break;
            case State::String:
                if (c == 0x07)
                    m_state = State::Normal;
                break;
            }
        }
        if (untilSequenceEnds && before != State::Normal && m_state == State::Normal)
            return {Found::SequenceEnd, i};
    }
    return {};
}
