#pragma once

#include <QByteArrayView>
#include <QtGlobal>

// Follows libvterm 0.1.4's input parser byte by byte, without parsing anything else, to find each
// REP (CSI Pn b, "repeat the preceding character") that libvterm would run.
//
// libvterm 0.1.4 runs REP as a loop that advances by the width of the last glyph it put: with no
// glyph yet, or one of no width, the loop never ends and a host could freeze Tsunagi with four
// bytes. TerminalModel therefore never lets libvterm run a REP: it runs REP itself. To know which
// bytes libvterm will read as a REP, this scanner keeps the same states as libvterm's parser
// (parser.c): C0 controls inside a sequence are run without ending it, ESC restarts, CAN and SUB
// cancel, ESC [ inside an OSC or DCS string starts a CSI, and the CSI's leader, parameters and
// intermediate bytes are told apart as libvterm's do_string_csi() does. The state carries over
// between calls, as libvterm's does between writes.
class RepeatSequenceScanner final
{
public:
    struct Step
    {
        qsizetype index = -1; // the byte it stopped after, -1 if it reached the end
        int count = 1;        // a REP's Pn, 1 when missing or 0 (as libvterm's CSI_ARG_COUNT)
    };

    // Scans bytes[from, end) and stops after the first REP's final byte.
    Step nextRepeat(QByteArrayView bytes, qsizetype from, qsizetype end)
    {
        return scan(bytes, from, end, false);
    }
    // Scans bytes[from, end) and stops after the byte that ends the current sequence.
    Step nextSequenceEnd(QByteArrayView bytes, qsizetype from, qsizetype end)
    {
        return scan(bytes, from, end, true);
    }

    // Whether the bytes scanned so far end inside an escape or control sequence or a string, and
    // where in the last scanned bytes it began (the ESC).
    bool inSequence() const { return m_state != State::Normal; }
    qsizetype sequenceStart() const { return m_sequenceStart; }
    // Forgets the sequence being read: its bytes will be scanned again, from its start.
    void cancelSequence() { m_state = State::Normal; }

private:
    enum class State : quint8
    {
        Normal,
        Escape,
        Csi,
        Osc,
        Dcs,
        EscapeInOsc,
        EscapeInDcs,
    };
    enum class CsiPart : quint8
    {
        Start,      // nothing read yet: a leader byte (< = > ?) would make it private
        Parameters, // digits, ';' and ':'
        AfterParameters,
        Rest, // decided: what follows cannot make a REP of it any more
    };
    Step scan(QByteArrayView bytes, qsizetype from, qsizetype end, bool untilSequenceEnds);
    void startCsi();
    void csiByte(quint8 c);

    State m_state = State::Normal;
    qsizetype m_sequenceStart = 0;
    CsiPart m_part = CsiPart::Start;
    bool m_plain = true; // no leader and no intermediate byte so far
    bool m_inFirstParameter = true;
    int m_separators = 0;
    qint64 m_firstParameter = -1; // -1: missing
};
