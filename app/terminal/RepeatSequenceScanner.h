#pragma once

#include <QByteArrayView>
#include <QtGlobal>

// Follows libvterm 0.1.4's input parser (src/parser.c) byte by byte, without parsing anything
// else, so that TerminalModel can keep two of its defects from being reached by a host:
//
// - REP (CSI Pn b, "repeat the preceding character") runs as a loop that advances by the width of
//   the last glyph: with no glyph yet, or one of no width, it never ends, and four bytes would
//   freeze Tsunagi. TerminalModel runs REP itself; the scanner finds each one libvterm would run.
// - The CSI parameter index has no bound: a CSI with 16 or more separators writes past the
//   parameter array over the parser's own callback pointers. Such a sequence is reported as
//   unsafe and never reaches libvterm.
//
// It also tells where a sequence starts and ends, so that libvterm gets whole sequences (it
// mishandles some split between two writes). The states are libvterm's: C0 controls inside a
// sequence run without ending it, ESC restarts one (or, inside a string, may end it with ST),
// CAN and SUB cancel, a byte that cannot follow in a CSI ends it unrun. The state carries over
// between calls, as libvterm's does between writes.
class RepeatSequenceScanner final
{
public:
    enum class Found : quint8
    {
        Nothing,     // reached the end
        Repeat,      // a REP's final byte
        Unsafe,      // a byte that makes the current sequence unsafe for libvterm
        SequenceEnd, // the byte that ended the current sequence
    };
    struct Step
    {
        Found found = Found::Nothing;
        qsizetype index = -1; // the byte it stopped after
        int count = 1;        // a REP's Pn, 1 when missing or 0 (as libvterm's CSI_ARG_COUNT)
    };

    // Scans bytes[from, end) and stops after a REP's final byte or an unsafe byte.
    Step next(QByteArrayView bytes, qsizetype from, qsizetype end) { return scan(bytes, from, end, false); }
    // Scans bytes[from, end) and stops after the byte that ends the current sequence.
    Step nextSequenceEnd(QByteArrayView bytes, qsizetype from, qsizetype end)
    {
        return scan(bytes, from, end, true);
    }

    // Whether the bytes scanned so far end inside an escape or control sequence or a string, and
    // where in the last scanned bytes it began (the ESC that left the text).
    bool inSequence() const { return m_state != State::Normal; }
    qsizetype sequenceStart() const { return m_sequenceStart; }
    // Forgets the sequence being read: its bytes will be scanned again, from its start.
    void cancelSequence() { m_state = State::Normal; }

private:
    enum class State : quint8
    {
        Normal,
        Escape,
        CsiLeader,
        CsiParameters,
        CsiIntermediates,
        String, // OSC or DCS
        EscapeInString,
    };
    Step scan(QByteArrayView bytes, qsizetype from, qsizetype end, bool untilSequenceEnds);

    State m_state = State::Normal;
    qsizetype m_sequenceStart = 0;
    // The CSI being read.
    bool m_leader = false;
    bool m_intermediate = false;
    int m_separators = 0;
    qint64 m_firstParameter = -1; // -1: missing
};
