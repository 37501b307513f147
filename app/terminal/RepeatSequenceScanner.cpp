#include "terminal/RepeatSequenceScanner.h"

namespace {
// libvterm keeps at most this many CSI parameters: reading stops after the last separator.
constexpr int kLibvtermCsiArgsMax = 16;
// Larger counts change nothing: a REP never repeats more than a line's width.
constexpr qint64 kCountCeiling = 1 << 20;
} // namespace

void RepeatSequenceScanner::startCsi()
{
    m_state = State::Csi;
    m_part = CsiPart::Start;
    m_plain = true;
    m_inFirstParameter = true;
    m_separators = 0;
    m_firstParameter = -1;
}

void RepeatSequenceScanner::csiByte(quint8 c)
{
    if (m_part == CsiPart::Start) {
        if (c >= 0x3C && c <= 0x3F) { // a private leader
            m_plain = false;
            m_part = CsiPart::Rest;
            return;
        }
        m_part = CsiPart::Parameters;
    }
    if (m_part == CsiPart::Parameters) {
        if (c >= '0' && c <= '9') {
            if (m_inFirstParameter)
                m_firstParameter = qMin(qMax<qint64>(m_firstParameter, 0) * 10 + (c - '0'), kCountCeiling);
            return;
        }
        if (c == ';' || c == ':') {
            m_inFirstParameter = false;
            if (++m_separators >= kLibvtermCsiArgsMax)
                m_part = CsiPart::AfterParameters;
            return;
        }
        m_part = CsiPart::AfterParameters;
    }
    if (m_part == CsiPart::AfterParameters) {
        if ((c & 0xF0) == 0x20) // an intermediate byte
            m_plain = false;
        m_part = CsiPart::Rest;
    }
}

RepeatSequenceScanner::Step RepeatSequenceScanner::scan(QByteArrayView bytes, qsizetype from, qsizetype end,
                                                        bool untilSequenceEnds)
{
    for (qsizetype i = from; i < end; ++i) {
        const quint8 c = quint8(bytes[i]);
        const State before = m_state;
        if (c == 0x00 || c == 0x7F) // NUL and DEL are skipped everywhere
            continue;
        if (c == 0x18 || c == 0x1A) { // CAN and SUB cancel any sequence
            m_state = State::Normal;
        } else if (c == 0x1B) {
            m_state = m_state == State::Osc   ? State::EscapeInOsc
                      : m_state == State::Dcs ? State::EscapeInDcs
                                              : State::Escape;
            if (before == State::Normal)
                m_sequenceStart = i;
            continue;
        } else if (c < 0x20 && !(c == 0x07 && (m_state == State::Osc || m_state == State::Dcs))) {
            continue; // other C0 controls run without ending a sequence
        } else {
            switch (m_state) {
            case State::Normal:
                continue; // text, or a C1 byte: libvterm reads C1 only outside UTF-8 mode
            case State::EscapeInOsc:
            case State::EscapeInDcs:
                if (c == '\\') { // ST ends the string
                    m_state = State::Normal;
                    break;
                }
                m_state = State::Escape;
                [[fallthrough]];
            case State::Escape:
                if (c == '[')
                    startCsi();
                else if (c == ']')
                    m_state = State::Osc;
                else if (c == 'P')
                    m_state = State::Dcs;
                else if (c >= 0x30 && c <= 0x7E)
                    m_state = State::Normal;
                // intermediate bytes and anything else keep the escape sequence open
                break;
            case State::Csi:
                if (c >= 0x40 && c <= 0x7E) {
                    m_state = State::Normal;
                    // The final byte ends the parameters: ``CSI 3 b`` has no intermediate byte.
                    if (c == 'b' && m_plain && !untilSequenceEnds)
                        return {i, m_firstParameter <= 0 ? 1 : int(m_firstParameter)};
                } else {
                    csiByte(c);
                }
                break;
            case State::Osc:
            case State::Dcs:
                if (c == 0x07)
                    m_state = State::Normal;
                break;
            }
        }
        if (untilSequenceEnds && before != State::Normal && m_state == State::Normal)
            return {i, 1};
    }
    return {};
}
