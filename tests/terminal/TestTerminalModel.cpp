#include "terminal/TerminalModel.h"

#include <QSignalSpy>
#include <QTest>

class TestTerminalModel : public QObject
{
    Q_OBJECT

    static QByteArray outputOf(TerminalModel& model, const std::function<void()>& action)
    {
        QByteArray out;
        auto c = connect(&model, &TerminalModel::output, [&](const QByteArray& b) { out += b; });
        action();
        disconnect(c);
        return out;
    }

private slots:
    void repeatWithoutAGlyphIsIgnored()
    {
        // libvterm 0.1.4 loops forever on REP (CSI Pn b) before any glyph was put: a host could
        // freeze the terminal with four bytes. The model runs REP itself and keeps working.
        TerminalModel model(24, 80);
        model.write(QByteArrayView("\r\n\x1b[1b"));
        model.write(QByteArrayView("ok"));
        QCOMPARE(model.screenText(), QStringLiteral("\nok"));
        // After a glyph, REP repeats it, also when the sequence arrives in pieces.
        model.write(QByteArrayView("x\x1b["));
        model.write(QByteArrayView("3"));
        model.write(QByteArrayView("b!"));
        QCOMPARE(model.screenText(), QStringLiteral("\nokxxxx!"));
        // Other sequences cut across writes still work (SGR bold, then text).
        model.write(QByteArrayView("\x1b[1"));
        model.write(QByteArrayView("mB"));
        QVERIFY(model.screenText().endsWith(QLatin1String("!B")));
    }

    void repeatInsideOtherSequencesIsFoundAsLibvtermFindsIt()
    {
        // libvterm runs C0 controls met inside a sequence without ending it: ESC LF [ CR 1 b is a
        // REP after a line feed and a carriage return (a fuzzer's input that froze the terminal).
        TerminalModel fresh(24, 80);
        fresh.write(QByteArrayView("\x1b\n[\r1b"));
        fresh.write(QByteArrayView("ok"));
        QCOMPARE(fresh.screenText(), QStringLiteral("\nok"));
        QCOMPARE(fresh.cursor(), QPoint(2, 1));

        TerminalModel model(24, 80);
        // ESC [ inside an OSC string starts a CSI in libvterm 0.1.4: this REP repeats the 'a'.
        model.write(QByteArrayView("a\x1b]0;title\x1b[2b|"));
        QCOMPARE(model.screenText(), QStringLiteral("aaa|"));
        // A byte that cannot follow the parameters ends the CSI unrun: the 'b' is text.
        model.write(QByteArrayView("\x1b[1?b"));
        QCOMPARE(model.screenText(), QStringLiteral("aaa|b"));
        // A private leader or an intermediate byte makes it another sequence: nothing repeats.
        model.write(QByteArrayView("\r\nc\x1b[?2b\x1b[2 b|"));
        QCOMPARE(model.screenText(), QStringLiteral("aaa|b\nc|"));
        // Parameters after the first, and bytes libvterm skips, do not change the count.
        model.write(QByteArray("\r\nd\x1b[2;7\x7f") + QByteArray(1, '\0') + QByteArray("b|"));
        QCOMPARE(model.screenText(), QStringLiteral("aaa|b\nc|\nddd|"));
        // CAN cancels the sequence.
        model.write(QByteArrayView("\r\ne\x1b[2\x18"
                                   "b|"));
        QCOMPARE(model.screenText(), QStringLiteral("aaa|b\nc|\nddd|\neb|"));
    }

    void repeatIsBoundedByTheLineWidth()
    {
        // A huge count costs at most one line's width of glyphs; wide glyphs repeat whole.
        TerminalModel model(4, 10);
        model.write(QByteArrayView("\x1b[H\xe6\x97\xa5\x1b[999999999b"));
        QCOMPARE(model.screenText().remove(QLatin1Char('\n')).count(QChar(0x65E5)), 11);
        TerminalModel narrow(4, 10);
        narrow.write(QByteArrayView("y\x1b[4b"));
        QCOMPARE(narrow.screenText(), QStringLiteral("yyyyy"));
    }

    void csiWithTooManyParametersNeverReachesLibvterm()
    {
        // libvterm 0.1.4 does not bound its CSI parameter index: the 16th separator wrote past the
        // parameter array over its own callback pointers (fuzz_terminal: a resize that never
        // reached the model, then a use after free). Such a CSI is dropped whole, in one write or
        // in pieces; fewer separators are still read.
        TerminalModel model(6, 20);
        model.write(QByteArray("a\x1b[") + QByteArray(40, ';') + QByteArray("9mb"));
        model.write(QByteArray("\x1b[1") + QByteArray(15, ';'));
        model.write(QByteArray(20, ';') + QByteArray("1Hc"));
        model.write(QByteArray("\x1b[2") + QByteArray(15, ';') + QByteArray("Hd"));
        QCOMPARE(model.screenText(), QStringLiteral("abc\nd"));
        model.resize(12, 40); // reaches libvterm and the model alike
        QCOMPARE(model.rows(), 12);
        model.write(QByteArrayView("\x1b[12;40Hz"));
        QCOMPARE(model.cell(11, 39).ch, U'z');
    }

    void restoredCursorStaysOnAResizedScreen()
    {
        // libvterm 0.1.4 restores a saved cursor unchecked, also off a screen made smaller since,
        // and then wrote its line attributes past their array (fuzz_terminal). It is put back on
        // the screen at once: the next character shows in the last row and column.
        for (const QByteArray& restore : {QByteArray("\x1b"
                                                     "8"),
                                          QByteArray("\x1b[u"), QByteArray("\x1b[?1049l")}) {
            TerminalModel model(30, 100);
            model.write(QByteArrayView(restore == "\x1b[?1049l" ? "\x1b[20;70H\x1b[?1049h"
                                                                : "\x1b[20;70H\x1b"
                                                                  "7"));
            model.resize(5, 20);
            model.write(restore + "x");
            QCOMPARE(model.cursor(), QPoint(19, 4));
            QCOMPARE(model.cell(4, 19).ch, U'x');
        }
    }

    void c1ControlsAreControlsAndKeepTheCursorOnTheScreen()
    {
        // libvterm 0.1.4 takes U+0080-009F written as UTF-8 for glyphs of width -1: each moved the
        // cursor one column left, off the screen, and a tab there read outside libvterm's tab stops
        // (fuzz_terminal, under valgrind). They are the C1 controls they are.
        TerminalModel model(5, 15);
        model.write(QByteArray("ab") + QByteArray(200, '\0').replace('\0', "\xc2\x94") + "\tc");
        QCOMPARE(model.cursor(), QPoint(9, 0));
        QCOMPARE(model.screenText(), QStringLiteral("ab      c"));
        // CSI, NEL, RI, OSC and ST, written as UTF-8; the same as their 7-bit forms.
        model.write(QByteArrayView("\xc2\x9b"
                                   "2;3Hx\xc2\x85y\xc2\x8dz\xc2\x9d"
                                   "2;c1 title\xc2\x9c"));
        QCOMPARE(model.title(), QStringLiteral("c1 title"));
        QCOMPARE(model.cell(1, 2).ch, U'x');
        QCOMPARE(model.cell(2, 0).ch, U'y');
        QCOMPARE(model.cell(1, 1).ch, U'z');
        QCOMPARE(model.cursor(), QPoint(2, 1));
        // A C1 control split between two writes, and one in text decoded from an 8-bit character set.
        model.write(QByteArrayView("\xc2"));
        model.write(QByteArrayView("\x9b"
                                   "5;1Hsplit"));
        QCOMPARE(model.cursor(), QPoint(5, 4));
        model.write(QStringView(u"\u009b1;1Hdecoded"));
        QCOMPARE(model.cell(0, 0).ch, U'd');
        // libvterm's decoder keeps an unfinished character over controls, sequences and ASCII it
        // decodes apart (fuzz_terminal: 0xC2, LF, 0x93 made U+0093). A 0xC2 that does not start a
        // whole character is one malformed character where it stands.
        for (const QByteArray& cut : {QByteArray("\xc2\n\x93"), QByteArray("\xc2\x1b[31m\x93"),
                                      QByteArray("\xc2\r\n.\x93"), QByteArray("\xc2\xc2\n\x8f")}) {
            TerminalModel cutModel(3, 15);
            cutModel.write(QByteArray("\x1b[2;1H") + cut + "\tz");
            QVERIFY2(cutModel.cursor().x() >= 0, cut.toPercentEncoding().constData());
            QCOMPARE(cutModel.cell(1, 0).ch, U'\ufffd');
            QVERIFY(cutModel.screenText().contains(u'z'));
        }
    }

    void sequencesCutAcrossWritesReachLibvtermWhole()
    {
        // libvterm 0.1.4 mishandles some sequences split between two writes: an open sequence
        // waits for the rest of it. The ST of a title split after its ESC:
        TerminalModel model(24, 80);
        model.write(QByteArrayView("\x1b]0;split title\x1b"));
        model.write(QByteArrayView("\\after"));
        QCOMPARE(model.title(), QStringLiteral("split title"));
        QCOMPARE(model.screenText(), QStringLiteral("after"));
        // Byte by byte, a CSI and a title still work.
        for (const char c : QByteArray("\x1b[2;3H\x1b]2;byte\x07x"))
            model.write(QByteArrayView(&c, 1));
        QCOMPARE(model.title(), QStringLiteral("byte"));
        QCOMPARE(model.cursor(), QPoint(3, 1));
    }

    void overlongSequencesAreDroppedWhole()
    {
        // A string far longer than any real one is dropped up to its end, whatever the pieces; the
        // text after it is shown as text, and none of the string is.
        TerminalModel model(24, 80);
        model.write(QByteArrayView("before "));
        model.write(QByteArrayView("\x1b]0;"));
        const QByteArray filler(64 * 1024, 'A');
        for (qsizetype i = 0; i < filler.size(); i += 1000)
            model.write(QByteArrayView(filler).sliced(i, qMin<qsizetype>(1000, filler.size() - i)));
        model.write(QByteArrayView("\x07"
                                   "after"));
        QCOMPARE(model.screenText(), QStringLiteral("before after"));
        QVERIFY(model.title().size() < 1000);
        // The same in one write.
        model.write(QByteArray("\x1b]0;") + filler + QByteArray("\x07!"));
        QCOMPARE(model.screenText(), QStringLiteral("before after!"));
    }

    void resizeBelowTheScrollingRegionResetsIt()
    {
        // libvterm 0.1.4 kept a scrolling region taller than the resized screen, and the next line
        // feed moved a negative number of rows (fuzz_terminal, under AddressSanitizer). As in
        // xterm, a resize makes the whole screen the region again; the cursor stays.
        TerminalModel model(28, 80);
        model.write(QByteArrayView("\x1b[5;20r\x1b[3;4Hx"));
        model.resize(1, 49);
        QCOMPARE(model.cursor(), QPoint(4, 0));
        model.write(QByteArrayView("\n\nok"));
        QCOMPARE(model.screenText(), QStringLiteral("    ok"));
        model.resize(10, 40);
        model.write(QByteArrayView("\x1b[10;1H\nlast"));
        QCOMPARE(model.cursor(), QPoint(4, 9));
        QVERIFY(model.screenText().endsWith(QLatin1String("\nlast")));
    }

    void scrolledLinesKeepEveryWrittenCell()
    {
        // The model clears and trims only the written start of a line; whatever wrote a cell
        // (a character, an erase in colour, a shift of the line) must keep it in the scrollback.
        TerminalModel model(3, 20, 100);
        model.write(QByteArrayView("ab\x1b[41m\x1b[K\x1b[m\r\n"));     // red to the end of the line
        model.write(QByteArrayView("xyz\r\x1b[5@\r\n"));               // "xyz" shifted right by 5
        model.write(QByteArrayView("\x1b[19G\xe6\x97\xa5\r\n"));       // a wide character at the end
        model.write(QByteArrayView("\x1b[44m\r\n\r\n\x1b[m\r\n\r\n")); // blue lines scrolled in and out
        QCOMPARE(model.scrollbackCount(), 5);
        const qint64 first = model.firstLine();
        const TerminalLine red = model.line(first);
        QCOMPARE(red.cells.size(), 20);
        QCOMPARE(red.cells[19].bg, TerminalColor::indexed(1));
        QCOMPARE(model.line(first + 1).text(), QStringLiteral("     xyz"));
        const TerminalLine wide = model.line(first + 2);
        QCOMPARE(wide.cells.size(), 20);
        QCOMPARE(wide.cells[18].ch, U'\u65e5');
        // A line cleared with the default pen leaves nothing behind; one scrolled in while the
        // pen was blue is blue to its end (background colour erase).
        QCOMPARE(model.line(first + 3).cells.size(), 0);
        QCOMPARE(model.line(first + 4).cells.size(), 20);
        QCOMPARE(model.line(first + 4).cells[19].bg, TerminalColor::indexed(4));
    }

    void directTextGivesTheCellsLibvtermGives_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("direct"); // whether any of it may be written directly
        const QByteArray line = "The quick brown fox jumps over the lazy dog 0123456789";
        QTest::newRow("lines that wrap and scroll")
            << (line + line + "\r\n" + line + "\r\n").repeated(4) << true;
        QTest::newRow("colours mid-line") << QByteArray("ab\x1b[1;31mred text here\x1b[0;44m blue background "
                                                        "text\x1b[m plain again and again")
                                          << true;
        QTest::newRow("to the last column, then more")
            << QByteArray("\x1b[1;60H") + line + "\r\nnext line here" << true;
        QTest::newRow("over wide characters and clusters")
            << QByteArray("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e e\xcc\x81\r") + line << true;
        QTest::newRow("a combining mark after a run") << line + "\xcc\x81 and more text" << true;
        QTest::newRow("REP after a run") << line + "\x1b[5b tail" << true;
        // libvterm decodes a stretch of text that starts with ASCII and one that does not with two
        // decoders, each keeping its own unfinished character: only the first kind is written
        // directly (fuzz_terminal found the second).
        QTest::newRow("unfinished UTF-8 in a stretch that starts with ASCII")
            << QByteArray("ab\xe3\x81") + line + "\r\n\xe6\x97" + line << true;
        QTest::newRow("unfinished UTF-8 at the start of a stretch") << QByteArray("\xe3\x81") + line << false;
        QTest::newRow("a lead byte before a run, then more")
            << QByteArray("\xff\xff+\xdc\xbe\xf6") + "DDDDDDDD" + "\x1b[m\xf7\xf7" << false;
        QTest::newRow("a run followed by a stray byte, after an unfinished character")
            << QByteArray("}mm\xfa\r\n") + "sbGDDDDA\xbe" + "\r\n"
            << true;
        // Wide characters are written directly too while all UTF-8 so far was well-formed.
        const QByteArray japanese = QStringLiteral("日本語の端末で表示する全角文字、テスト。").toUtf8();
        QTest::newRow("Japanese text that wraps and scrolls")
            << (japanese + " ascii " + japanese + "\r\n").repeated(4) << true;
        QTest::newRow("a wide character that does not fit at the line end")
            << QByteArray("\x1b[1;35H") + japanese + "\x1b[1;36H" + japanese << true;
        // A wide character in the last two columns leaves the cursor on itself, the line end
        // pending: what follows starts the next line.
        QTest::newRow("text after a wide character that reached the last column")
            << QByteArray("\x1b[1;39H\xe6\x97\xa5\x1b[1m"
                          "abcdefgh\x1b[2;39H\xe6\x97\xa5\x1b[m") +
                   japanese + "\r\n" + japanese
            << true;
        QTest::newRow("a voiced sound mark after a run of kana")
            << QStringLiteral("かきくけこか\u3099 さしすせそ\u309a").toUtf8() << true;
        // The last character of a run is written directly too; libvterm is shown it before
        // anything could join a combining character to it, or to an older glyph of libvterm's.
        QTest::newRow("a combining mark after a run and a colour")
            << QByteArray("abcd\x1b[1m\xcc\x81 bold\x1b[m") << true;
        QTest::newRow("a combining mark after the cursor went away and came back")
            << QByteArray("abcdef\x1b[3D\x1b[3C\xcc\x81") << true;
        QTest::newRow("a combining mark back on the row above")
            << QByteArray("abc\r\n\x1b[A\x1b[4G\xcc\x81") << true;
        QTest::newRow("a combining mark where libvterm's older glyph ended")
            << QByteArray("ab\x1b[3G") + line + "\x1b[3G\xcc\x81" << true;
        QTest::newRow("a combining mark after a character set change")
            << QByteArray("abcd\x1b(0\x1b[5G\xcc\x81\x1b(B") << true;
        QTest::newRow("a combining mark after shift out and in")
            << QByteArray("abcd\x0e\x0f\xcc\x81") << true;
        QTest::newRow("a voiced sound mark after a colour")
            << QStringLiteral("日本\x1b[m\u3099").toUtf8() << true;
        QTest::newRow("a combining mark after a carriage return") << QByteArray("abcd\r\xcc\x81") << true;
        QTest::newRow("a combining mark after a scroll")
            << QByteArray("\x1b[6;1Habcd\n\x1b[5G\xcc\x81") << true;
        QTest::newRow("REP after a short run") << QByteArray("x\x1b[3b\x1b[m") << true;
        QTest::newRow("a combining mark after the cursor was saved and restored")
            << QByteArray("abcd\x1b"
                          "7\x1b[3;3Hxy\x1b"
                          "8\xcc\x81")
            << true;
        QTest::newRow("wide characters over half of others")
            << japanese + "\r a" + japanese + "\r\x1b[3Cxyzwvu" << true;
        QTest::newRow("fullwidth forms and Hangul")
            << QStringLiteral("ＡＢＣ１２３한국어 텍스트").toUtf8() << true;
        QTest::newRow("wide characters after a stray byte") << QByteArray("\xff") + japanese << false;
        // SGR is run by the model; libvterm's pen follows where libvterm uses it.
        QTest::newRow("colours saved and restored with the cursor")
            << QByteArray("\x1b[1;31mred\x1b"
                          "7\x1b[0;44;4mblue\x1b"
                          "8 back to red \x1b[s\x1b[m\x1b[u red again") +
                   line
            << true;
        QTest::newRow("256 colours and RGB, then the alternate screen")
            << QByteArray("\x1b[38;5;208;48;2;1;2;3mcolours\x1b[?1049h\x1b[7;9malt\x1b[?1049l after ") + line
            << true;
        QTest::newRow("what the model leaves to libvterm: fonts, colons, values out of range")
            << QByteArray("\x1b[1;12mfont\x1b[4:3mcurly\x1b[38;5;300mbad\x1b[38;2;1;2mshort\x1b[9;22;108m ") +
                   line
            << true;
        // A leading empty parameter is a reset; 38 and 48 without a colour are left to libvterm,
        // whose pen must first be the one the model set (fuzz_terminal).
        QTest::newRow("an empty parameter, then a colour without its value")
            << QByteArray("\x1b[;5m\x1b[38mI\x1b[1;;4mJ\x1b[48;mK\x1b[38;5mL") + line << true;
        QTest::newRow("the pen reported to the host")
            << QByteArray(
                   "\x1b[1;3;21;5;7;9;95;104mall\x1bP$qm\x1b\\\x1b[22;23;24;25;27;29;39;49m\x1bP$qm\x1b\\") +
                   line
            << true;
        // C1 controls in UTF-8 (fuzz_terminal): U+0081 (ESC A, which means nothing) and NEL.
        QTest::newRow("an SGR after a C1 control")
            << QByteArray("\x1b[31mred\r\xc2\x81\x1b[mx\r\n\x1b[1mbold\r\xc2\x85\x1b[6n\r\n") + line << true;
        QTest::newRow("a run before an unfinished character in the same stretch")
            << QByteArray(";31\xe5\xad\xb9\xe3") + QByteArray(1, '\0') + "D\r\n" + line << true;
        QTest::newRow("pieces of a long text")
            << QByteArray(5000, 'x') + "\xe6\x97\xa5" + QByteArray(5000, 'y') << true;
        QTest::newRow("tabs and backspaces")
            << QByteArray("abcdefghij\tklmnopqrstu\x08\x08vwxyzABCDEFG") << true;
        QTest::newRow("insert mode") << QByteArray("\x1b[4h0123\r") + line << false;
        QTest::newRow("DEC line drawing") << QByteArray("\x1b(0lqqqqqqqqqqqqqqk\x1b(B") + line << false;
        QTest::newRow("shift out") << QByteArray("\x0e") + line + "\x0f" + line << false;
        QTest::newRow("double-width line") << QByteArray("\x1b#6") + line << false;
        QTest::newRow("left and right margins")
            << QByteArray("\x1b[?69h\x1b[5;30s\x1b[1;5H") + line + line << false;
        QTest::newRow("full reset writes directly again")
            << QByteArray("\x1b[4h\x1b(0\x1b") + "c" + line + line << true;
    }

    void directTextGivesTheCellsLibvtermGives()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, direct);
        TerminalModel viaLibvterm(6, 40, 100);
        viaLibvterm.setDirectText(false);
        TerminalModel model(6, 40, 100);
        QByteArray answers;
        QByteArray libvtermAnswers;
        connect(&model, &TerminalModel::output, this, [&answers](const QByteArray& b) { answers += b; });
        connect(&viaLibvterm, &TerminalModel::output, this,
                [&libvtermAnswers](const QByteArray& b) { libvtermAnswers += b; });
        // Whole, then in pieces of every size: the result is the same. Whether text was written
        // directly is checked after the whole input (a piece that starts a write starts a stretch).
        qint64 directWhole = -1;
        for (const int piece : {int(input.size()), 1, 3, 7}) {
            for (qsizetype i = 0; i < input.size(); i += piece) {
                viaLibvterm.write(QByteArrayView(input).sliced(i, qMin<qsizetype>(piece, input.size() - i)));
                model.write(QByteArrayView(input).sliced(i, qMin<qsizetype>(piece, input.size() - i)));
            }
            QCOMPARE(model.cursor(), viaLibvterm.cursor());
            QCOMPARE(model.scrollbackCount(), viaLibvterm.scrollbackCount());
            for (qint64 l = model.firstLine(); l < model.endLine(); ++l) {
                const TerminalLine a = model.line(l);
                const TerminalLine b = viaLibvterm.line(l);
                QCOMPARE(a.cells, b.cells);
                QCOMPARE(a.clusters, b.clusters);
            }
            if (directWhole < 0)
                directWhole = model.directCharacters();
        }
        QCOMPARE(viaLibvterm.directCharacters(), 0);
        QCOMPARE(directWhole > 0, direct);
        QCOMPARE(answers, libvtermAnswers);
    }

    void plainTextAndCursor()
    {
        TerminalModel model(24, 80);
        model.write(QByteArrayView("hello\r\nworld"));
        QCOMPARE(model.screenText(), QStringLiteral("hello\nworld"));
        QCOMPARE(model.cursor(), QPoint(5, 1));
    }

    void colours()
    {
        TerminalModel model(24, 80);
        model.write(
            QByteArrayView("\x1b[31mR\x1b[38;5;200mI\x1b[38;2;1;2;3mT\x1b[0;44mB\x1b[48;2;9;8;7mb\x1b[0mD"));
        QCOMPARE(model.cell(0, 0).fg, TerminalColor::indexed(1));
        QCOMPARE(model.cell(0, 1).fg, TerminalColor::indexed(200));
        QCOMPARE(model.cell(0, 2).fg, TerminalColor::rgb(1, 2, 3));
        QCOMPARE(model.cell(0, 3).bg, TerminalColor::indexed(4));
        QCOMPARE(model.cell(0, 3).fg, TerminalColor::Default);
        QCOMPARE(model.cell(0, 4).bg, TerminalColor::rgb(9, 8, 7));
        QCOMPARE(model.cell(0, 5).fg, TerminalColor::Default);
        QCOMPARE(model.cell(0, 5).bg, TerminalColor::Default);
        // The 256-colour palette is xterm's: 196 is pure red, 232 the darkest grey.
        QCOMPARE(model.paletteRgb(196), 0xff0000u);
        QCOMPARE(model.paletteRgb(232), 0x080808u);
    }

    // libvterm 0.1.4 took the colour of a cut-short 38 or 48 from the parameters of an earlier
    // sequence; a colour without its values changes nothing, with or without direct text.
    void colourWithoutItsValuesChangesNothing()
    {
        for (const bool direct : {true, false}) {
            TerminalModel model(24, 80);
            model.setDirectText(direct);
            model.write(QByteArrayView("\x1b[38;5;196;48;2;1;2;3mA\x1b[0m\x1b[38mB\x1b[1;48mC\x1b[38;5mD"
                                       "\x1b[4:3;48:5mE"));
            QCOMPARE(model.cell(0, 0).fg, TerminalColor::indexed(196));
            for (int column = 1; column < 5; ++column) {
                QCOMPARE(model.cell(0, column).fg, TerminalColor::Default);
                QCOMPARE(model.cell(0, column).bg, TerminalColor::Default);
            }
            QCOMPARE(model.cell(0, 2).attrs, quint16(TerminalAttr::Bold));
        }
    }

    void attributes()
    {
        TerminalModel model(24, 80);
        model.write(QByteArrayView("\x1b[1mb\x1b[0;3mi\x1b[0;4mu\x1b[0;7mr\x1b[0;9ms\x1b[0;21md\x1b[0mn"));
        QCOMPARE(model.cell(0, 0).attrs, quint16(TerminalAttr::Bold));
        QCOMPARE(model.cell(0, 1).attrs, quint16(TerminalAttr::Italic));
        QCOMPARE(model.cell(0, 2).attrs, quint16(TerminalAttr::Underline));
        QCOMPARE(model.cell(0, 3).attrs, quint16(TerminalAttr::Reverse));
        QCOMPARE(model.cell(0, 4).attrs, quint16(TerminalAttr::Strike));
        QCOMPARE(model.cell(0, 5).attrs, quint16(TerminalAttr::DoubleUnderline));
        QCOMPARE(model.cell(0, 6).attrs, quint16(0));
    }

    void wideAndCombiningCharacters()
    {
        TerminalModel model(24, 80);
        model.write(QStringView(u"日本x"));
        QCOMPARE(model.cell(0, 0).ch, char32_t(U'日'));
        QCOMPARE(model.cell(0, 0).width, quint8(2));
        QCOMPARE(model.cell(0, 1).width, quint8(0)); // continuation
        QCOMPARE(model.cell(0, 2).ch, char32_t(U'本'));
        QCOMPARE(model.cell(0, 4).ch, char32_t(U'x'));
        QCOMPARE(model.cursor(), QPoint(5, 0));
        QCOMPARE(model.screenText(), QStringLiteral("日本x"));

        model.write(QStringView(u"\r\ne\u0301!")); // e + combining acute accent: one cell
        const TerminalLine line = model.screenLine(1);
        QCOMPARE(line.cellText(0), QStringLiteral("e\u0301"));
        QCOMPARE(line.cellText(1), QStringLiteral("!"));
        QCOMPARE(model.cursor(), QPoint(2, 1));

        // A wide character at the last column wraps to the next line whole.
        TerminalModel narrow(3, 5);
        narrow.write(QStringView(u"abcd漢"));
        QCOMPARE(narrow.screenText(), QStringLiteral("abcd\n漢"));
    }

    void alternateScreen()
    {
        TerminalModel model(5, 20, 100);
        QSignalSpy alt(&model, &TerminalModel::altScreenChanged);
        model.write(QByteArrayView("main screen"));
        model.write(QByteArrayView("\x1b[?1049h"));
        QVERIFY(model.altScreen());
        QCOMPARE(alt.count(), 1);
        QCOMPARE(model.screenText(), QString());
        model.write(QByteArrayView("full-screen program\r\n1\r\n2\r\n3\r\n4\r\n5\r\n6"));
        QCOMPARE(model.scrollbackCount(), 0); // the alternate screen does not scroll into history
        model.write(QByteArrayView("\x1b[?1049l"));
        QVERIFY(!model.altScreen());
        QCOMPARE(model.screenText(), QStringLiteral("main screen"));
    }

    void scrollbackIsBounded()
    {
        TerminalModel model(5, 20, 100);
        QCOMPARE(model.scrollbackCapacity(), 100);
        for (int i = 0; i < 300; ++i)
            model.write(QByteArrayView(QStringLiteral("line %1\r\n").arg(i).toUtf8()));
        // 296 lines scrolled off (0..295); the newest 100 are kept.
        QCOMPARE(model.scrollbackCount(), 100);
        QCOMPARE(model.firstLine(), qint64(196));
        QCOMPARE(model.screenTopLine(), qint64(296));
        QCOMPARE(model.line(model.firstLine()).text().trimmed(), QStringLiteral("line 196"));
        QCOMPARE(model.line(model.screenTopLine() - 1).text().trimmed(), QStringLiteral("line 295"));
        QCOMPARE(model.line(model.screenTopLine()).text().trimmed(), QStringLiteral("line 296"));
        QVERIFY(model.line(10).cells.isEmpty()); // dropped long ago
        // Lines keep their number: text at line 250 is still "line 250" after more output.
        model.write(QByteArrayView("more\r\n"));
        QCOMPARE(model.line(250).text().trimmed(), QStringLiteral("line 250"));
        // Colours survive the trip into the scrollback.
        model.write(QByteArrayView("\x1b[32mgreen\x1b[0m\r\n\r\n\r\n\r\n\r\n"));
        const TerminalLine green = model.line(model.screenTopLine() - 1);
        QCOMPARE(green.text().trimmed(), QStringLiteral("green"));
        QCOMPARE(green.cells[0].fg, TerminalColor::indexed(2));

        model.setScrollbackCapacity(10);
        QCOMPARE(model.scrollbackCount(), 10);
        model.clearScrollback();
        QCOMPARE(model.scrollbackCount(), 0);
    }

    void scrollbackComesBackWhenTheScreenGrows()
    {
        TerminalModel model(3, 10, 100);
        model.write(QByteArrayView("a\r\nb\r\nc\r\nd\r\ne"));
        QCOMPARE(model.scrollbackCount(), 2);
        model.resize(5, 10);
        QCOMPARE(model.scrollbackCount(), 0);
        QCOMPARE(model.screenText(), QStringLiteral("a\nb\nc\nd\ne"));
    }

    void selectionText()
    {
        TerminalModel model(5, 20, 100);
        model.write(QStringView(u"first line\r\n日本語 text\r\nthird"));
        const qint64 top = model.screenTopLine();
        QCOMPARE(model.text({top, 6}, {top + 1, 3}), QStringLiteral("line\n日本"));
        QCOMPARE(model.text({top + 1, 0}, {top + 1, 5}), QStringLiteral("日本語")); // end on a wide char
        QCOMPARE(model.text({top + 2, 4}, {top, 0}),
                 QStringLiteral("first line\n日本語 text\nthird")); // reversed
        QCOMPARE(model.text({top, 0}, {top + 2, 2}, true),
                 QStringLiteral("fir\n日本\nthi")); // block: a wide character counts whole
        const auto word = model.wordAt({top, 8});
        QCOMPARE(model.text(word.first, word.second), QStringLiteral("line"));
        // Selection across the scrollback boundary.
        for (int i = 0; i < 5; ++i)
            model.write(QByteArrayView("\r\n"));
        QVERIFY(model.screenTopLine() > top + 1);
        QCOMPARE(model.text({top, 0}, {top + 1, 19}), QStringLiteral("first line\n日本語 text"));
    }

    void keySequences_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("modifiers");
        QTest::addColumn<QByteArray>("normal");
        QTest::addColumn<QByteArray>("application");
        using K = TerminalKey;
        const int none = TerminalModifier::None;
        QTest::newRow("Up") << int(K::Up) << none << QByteArray("\x1b[A") << QByteArray("\x1bOA");
        QTest::newRow("Down") << int(K::Down) << none << QByteArray("\x1b[B") << QByteArray("\x1bOB");
        QTest::newRow("Right") << int(K::Right) << none << QByteArray("\x1b[C") << QByteArray("\x1bOC");
        QTest::newRow("Left") << int(K::Left) << none << QByteArray("\x1b[D") << QByteArray("\x1bOD");
        QTest::newRow("Home") << int(K::Home) << none << QByteArray("\x1b[H") << QByteArray("\x1bOH");
        QTest::newRow("End") << int(K::End) << none << QByteArray("\x1b[F") << QByteArray("\x1bOF");
        QTest::newRow("Ctrl+Up") << int(K::Up) << int(TerminalModifier::Ctrl) << QByteArray("\x1b[1;5A")
                                 << QByteArray("\x1b[1;5A");
        QTest::newRow("Insert") << int(K::Insert) << none << QByteArray("\x1b[2~") << QByteArray("\x1b[2~");
        QTest::newRow("Delete") << int(K::Delete) << none << QByteArray("\x1b[3~") << QByteArray("\x1b[3~");
        QTest::newRow("PageUp") << int(K::PageUp) << none << QByteArray("\x1b[5~") << QByteArray("\x1b[5~");
        QTest::newRow("PageDown") << int(K::PageDown) << none << QByteArray("\x1b[6~")
                                  << QByteArray("\x1b[6~");
        QTest::newRow("F1") << int(K::F1) << none << QByteArray("\x1bOP") << QByteArray("\x1bOP");
        QTest::newRow("F4") << int(K::F4) << none << QByteArray("\x1bOS") << QByteArray("\x1bOS");
        QTest::newRow("F5") << int(K::F5) << none << QByteArray("\x1b[15~") << QByteArray("\x1b[15~");
        QTest::newRow("F12") << int(K::F12) << none << QByteArray("\x1b[24~") << QByteArray("\x1b[24~");
        QTest::newRow("Enter") << int(K::Enter) << none << QByteArray("\r") << QByteArray("\r");
        QTest::newRow("Tab") << int(K::Tab) << none << QByteArray("\t") << QByteArray("\t");
        QTest::newRow("Shift+Tab") << int(K::Tab) << int(TerminalModifier::Shift) << QByteArray("\x1b[Z")
                                   << QByteArray("\x1b[Z");
        QTest::newRow("Escape") << int(K::Escape) << none << QByteArray("\x1b") << QByteArray("\x1b");
        QTest::newRow("Keypad 1") << int(K::Keypad1) << none << QByteArray("1") << QByteArray("\x1bOq");
        QTest::newRow("Keypad Enter")
            << int(K::KeypadEnter) << none << QByteArray("\r") << QByteArray("\x1bOM");
    }
    void keySequences()
    {
        QFETCH(int, key);
        QFETCH(int, modifiers);
        QFETCH(QByteArray, normal);
        QFETCH(QByteArray, application);
        TerminalModel model(24, 80);
        QCOMPARE(outputOf(model, [&] { model.sendKey(TerminalKey(key), modifiers); }), normal);
        // DECCKM (application cursor keys) and DECKPAM (application keypad).
        model.write(QByteArrayView("\x1b[?1h\x1b="));
        QCOMPARE(outputOf(model, [&] { model.sendKey(TerminalKey(key), modifiers); }), application);
    }

    void backspaceAndControlCharacters()
    {
        TerminalModel model(24, 80);
        QCOMPARE(outputOf(model, [&] { model.sendKey(TerminalKey::Backspace); }), QByteArray("\x7f"));
        model.setBackspaceSendsDelete(false);
        QCOMPARE(outputOf(model, [&] { model.sendKey(TerminalKey::Backspace); }), QByteArray("\x08"));
        QCOMPARE(outputOf(model, [&] { model.sendText(QStringLiteral("c"), TerminalModifier::Ctrl); }),
                 QByteArray("\x03"));
        QCOMPARE(outputOf(model, [&] { model.sendText(QStringLiteral("x"), TerminalModifier::Alt); }),
                 QByteArray("\x1bx"));
        QCOMPARE(outputOf(model, [&] { model.sendText(QStringLiteral("日本")); }),
                 QStringLiteral("日本").toUtf8());
    }

    void titleAndBell()
    {
        TerminalModel model(24, 80);
        QSignalSpy title(&model, &TerminalModel::titleChanged);
        QSignalSpy bell(&model, &TerminalModel::bell);
        model.write(QByteArrayView("\x1b]0;first title\x07"));
        QCOMPARE(model.title(), QStringLiteral("first title"));
        model.write(QByteArrayView("\x1b]2;second\x1b\\"));
        QCOMPARE(model.title(), QStringLiteral("second"));
        QCOMPARE(title.count(), 2);
        model.write(QByteArrayView("\x07"));
        QCOMPARE(bell.count(), 1);
    }

    void answerBackRequestsAreIgnored()
    {
        TerminalModel model(24, 80);
        model.write(QByteArrayView("\x1b]2;rm -rf ~\x07"));
        // Requests that would make us type host-chosen text: title reports, OSC 52 clipboard read, ENQ.
        for (const char* request : {"\x1b[21t", "\x1b[20t", "\x1b]52;c;?\x07", "\x1b]52;p;?\x1b\\", "\x05",
                                    "\x1b]l\x1b\\", "\x1b]L\x1b\\"}) {
            QCOMPARE(outputOf(model, [&] { model.write(QByteArrayView(request)); }), QByteArray());
        }
        // ... while harmless status requests still get their fixed answers (proves the output path).
        QCOMPARE(outputOf(model, [&] { model.write(QByteArrayView("\x1b[6n")); }), QByteArray("\x1b[1;1R"));
        QVERIFY(outputOf(model, [&] { model.write(QByteArrayView("\x1b[c")); }).startsWith("\x1b[?"));
    }

    void pasteIsBracketedWhenTheHostAsks()
    {
        TerminalModel model(24, 80);
        QCOMPARE(outputOf(model, [&] { model.paste(QStringLiteral("a\nb\r\nc")); }), QByteArray("a\rb\rc"));
        QVERIFY(!model.bracketedPaste());
        model.write(QByteArrayView("\x1b[?2004h"));
        QCOMPARE(outputOf(model, [&] { model.paste(QStringLiteral("ls\x1b[201~\nrm")); }),
                 QByteArray("\x1b[200~ls\rrm\x1b[201~"));
        QVERIFY(model.bracketedPaste());
    }

    void damageIsCollected()
    {
        TerminalModel model(24, 80);
        QSignalSpy damaged(&model, &TerminalModel::damaged);
        model.takeDamage();
        model.write(QByteArrayView("\x1b[5;10Hxy"));
        QCOMPARE(damaged.count(), 1);
        const TerminalModel::Damage d = model.takeDamage();
        QVERIFY(d.cells.contains(QPoint(9, 4)));
        QVERIFY(d.cells.contains(QPoint(10, 4)));
        QVERIFY(!d.cells.contains(QPoint(40, 10)));
        QCOMPARE(d.linesScrolled, 0);
        QVERIFY(model.takeDamage().isEmpty());
        model.write(QByteArrayView("\x1b[24;1H\r\n\r\n"));
        QCOMPARE(model.takeDamage().linesScrolled, 2);
    }

    // A model made one column wide is two, as one resized to one column is: on a double-width
    // line libvterm 0.1.4 left the cursor at column -1 of a one-column screen (fuzz_terminal).
    void narrowestModelIsTwoColumnsFromTheStart()
    {
        TerminalModel model(42, 1, 31);
        QCOMPARE(model.columns(), 2);
        TerminalModel viaLibvterm(42, 1, 31);
        viaLibvterm.setDirectText(false);
        for (const char c : QByteArrayView("\x1b#4\x1b[m")) {
            model.write(QByteArrayView(&c, 1));
            viaLibvterm.write(QByteArrayView(&c, 1));
        }
        QCOMPARE(model.cursor(), QPoint(0, 0));
        QCOMPARE(viaLibvterm.cursor(), QPoint(0, 0));
    }

    void hostileInputDoesNotCrash()
    {
        TerminalModel model(24, 80, 50);
        QByteArray junk;
        for (int i = 0; i < 20000; ++i)
            junk.append(char((i * 7919) & 0xff));
        model.write(junk);
        model.write(QByteArrayView("\x1b[99999;99999H\x1b[99999M\x1b[?1049h\x1b[?1049l\x1b]0;"));
        model.write(QByteArray(100000, 'x'));
        model.resize(1, 1);
        model.resize(50, 200);
        QVERIFY(model.scrollbackCount() <= 50);
    }
};

QTEST_GUILESS_MAIN(TestTerminalModel)
#include "TestTerminalModel.moc"
