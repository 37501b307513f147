#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <array>
#include <utility>

// Follows libvterm 0.1.4's input parser (src/parser.c) byte by byte, without parsing anything
// else, so that TerminalModel can keep libvterm's defects out of a host's reach and write plain
// text without it:
//
// - REP (CSI Pn b, "repeat the preceding character") runs as a loop that advances by the width of
//   the last glyph: with no glyph yet, or one of no width, it never ends, and four bytes would
//   freeze Tsunagi. TerminalModel runs REP itself; the scanner finds each one libvterm would run.
// - The CSI parameter index has no bound: a CSI with 16 or more separators writes past the
//   parameter array over the parser's own callback pointers. Such a sequence is reported as
//   unsafe and never reaches libvterm.
// - Where each sequence starts and ends, so that libvterm gets whole sequences (it mishandles
//   some split between two writes) and text between them can be told apart.
// - Whether printable ASCII is written as it is: not after a sequence that changes how text is
//   written (a character set other than ASCII in G0, a shift, insert mode, left and right margins,
//   double-width lines, protected characters, a soft reset), until a full reset (RIS).
//
// The states are libvterm's: C0 controls inside a sequence run without ending it, ESC restarts
// one (or, inside a string, may end it with ST), CAN and SUB cancel, a byte that cannot follow in
// a CSI ends it unrun. The state carries over between calls, as libvterm's does between writes.
class LibvtermInputScanner final
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
        // A sequence that ended as a plain CSI (digits and semicolons, at most a private leader,
        // no intermediates): its final byte and leader (0 if none); its parameters are
        // parameters(). 0 for anything else.
        quint8 csiFinal = 0;
        quint8 csiLeader = 0;
        // A sequence that was ESC and one final byte, nothing between: the final byte. 0 otherwise.
        quint8 escapeFinal = 0;
        // Whether the sequence was an SGR (CSI ... m, no leader, no intermediate), colons or not.
        bool sgr = false;
    };
    static constexpr int kMaxParameters = 16;

    // Scans bytes[from, end) from an ESC or inside a sequence, and stops after the byte that ends
    // the sequence, after a REP's final byte or after a byte that makes the sequence unsafe.
    Step next(QByteArrayView bytes, qsizetype from, qsizetype end) { return scan(bytes, from, end, true); }
    // Scans bytes[from, end) and stops after the byte that ends the current sequence (reporting
    // nothing else: the sequence is being dropped).
    Step nextSequenceEnd(QByteArrayView bytes, qsizetype from, qsizetype end)
    {
        return scan(bytes, from, end, false);
    }

    // Whether the bytes scanned so far end inside an escape or control sequence or a string, and
    // where in the last scanned bytes it began (the ESC that left the text).
    bool inSequence() const { return m_state != State::Normal; }
    qsizetype sequenceStart() const { return m_sequenceStart; }
    // Forgets the sequence being read: its bytes will be scanned again, from its start.
    void cancelSequence() { m_state = State::Normal; }

    // Whether printable ASCII between sequences can be written without libvterm (see above).
    bool textIsPlain() const { return m_plainText; }
    // Text goes through libvterm until the next full reset: SO met in the text, or a sequence
    // dropped (whatever it would have done is not known to libvterm).
    void distrustText() { m_plainText = false; }

    // Whether the sequence that just ended may restore a saved cursor (DECRC, SCORC, leaving the
    // alternate screen): libvterm 0.1.4 restores it unchecked, also where a resize has put it off
    // the screen. Reading it clears it.
    bool takeCursorRestore() { return std::exchange(m_cursorRestore, false); }

    // The parameters of the last plain CSI (see Step::csiFinal): -1 for a missing one, values
    // above 2^20 as 2^20.
    const qint32* parameters() const { return m_parameters.data(); }
    int parameterCount() const { return m_parameterCount; }

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
    Step scan(QByteArrayView bytes, qsizetype from, qsizetype end, bool report);
    Step plainCsi(QByteArrayView bytes, qsizetype escape, qsizetype end);
    void endParameter();
    void escapeEnded(quint8 final);
    void csiEnded(quint8 final);

    State m_state = State::Normal;
    qsizetype m_sequenceStart = 0;
    bool m_plainText = true;
    quint8 m_escapeIntermediate = 0; // the first, 0 if none
    // The CSI being read.
    quint8 m_leader = 0;       // the first leader byte, 0 if none
    quint8 m_intermediate = 0; // the first intermediate byte, 0 if none
    int m_separators = 0;
    qint64 m_firstParameter = -1; // -1: missing
    qint64 m_parameter = -1;      // the one being read
    bool m_hasParameter4 = false;
    bool m_hasParameter69 = false;
    bool m_cursorRestore = false;
    bool m_sgrEnded = false; // the CSI that just ended was an SGR
    std::array<qint32, kMaxParameters> m_parameters{};
    int m_parameterCount = 0;
};
