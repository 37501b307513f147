#include "terminal/ScrollbackBuffer.h"
#include "terminal/TerminalModel.h"

#include <QRandomGenerator>
#include <QtTest>

#include <deque>

// The scrollback stores lines packed; what comes back must be the line that went in.
class TestScrollbackBuffer final : public QObject
{
    Q_OBJECT

    static TerminalCell cell(char32_t ch, quint32 fg = TerminalColor::Default,
                             quint32 bg = TerminalColor::Default, quint16 attrs = 0, quint8 width = 1)
    {
        TerminalCell c;
        c.ch = ch;
        c.fg = fg;
        c.bg = bg;
        c.attrs = attrs;
        c.width = width;
        return c;
    }

    static void roundTrip(const TerminalLine& line)
    {
        ScrollbackBuffer buffer(4);
        TerminalLine copy = line;
        buffer.push(std::move(copy));
        const TerminalLine back = buffer.at(buffer.firstLine());
        QCOMPARE(back.cells, line.cells);
        QCOMPARE(back.clusters, line.clusters);
        TerminalLine popped;
        QVERIFY(buffer.pop(&popped));
        QCOMPARE(popped.cells, line.cells);
    }

private slots:
    void plainStyledWideAndCombiningLinesComeBackWhole()
    {
        TerminalLine plain;
        for (char32_t c : U"plain text")
            if (c)
                plain.cells.append(cell(c));
        roundTrip(plain);

        TerminalLine styled;
        styled.cells = {
            cell(U'a', TerminalColor::indexed(1)), cell(U'b', TerminalColor::indexed(1)),
            cell(U'c', TerminalColor::rgb(1, 2, 3), TerminalColor::indexed(200), TerminalAttr::Bold),
            cell(0, TerminalColor::Default, TerminalColor::indexed(4)), cell(U'd')};
        roundTrip(styled);

        TerminalLine wide; // 日本 + a continuation cell each, then a combining cluster
        wide.cells = {cell(U'日', 0, 0, 0, 2), cell(0, 0, 0, 0, 0),
                      cell(U'本', TerminalColor::indexed(2), 0, 0, 2),
                      cell(0, TerminalColor::indexed(2), 0, 0, 0), cell(U'e')};
        wide.clusters.insert(4, QStringLiteral("e\u0301"));
        roundTrip(wide);

        TerminalLine astral; // outside the BMP: kept as plain cells
        astral.cells = {cell(U'\U0001F600', 0, 0, 0, 2), cell(0, 0, 0, 0, 0), cell(U'x')};
        roundTrip(astral);

        roundTrip(TerminalLine());
    }

    void ringKeepsTheNewestLines()
    {
        ScrollbackBuffer buffer(3);
        for (int i = 0; i < 5; ++i) {
            TerminalLine line;
            line.cells = {cell(char32_t(U'0' + i))};
            buffer.push(std::move(line));
        }
        QCOMPARE(buffer.count(), 3);
        QCOMPARE(buffer.firstLine(), qint64(2));
        QCOMPARE(buffer.at(2).cells.value(0).ch, char32_t(U'2'));
        QCOMPARE(buffer.at(4).cells.value(0).ch, char32_t(U'4'));
        QVERIFY(buffer.at(1).cells.isEmpty());
        buffer.setCapacity(2);
        QCOMPARE(buffer.at(3).cells.value(0).ch, char32_t(U'3'));
        QVERIFY(!buffer.contains(2));
    }

    // Against a plain list of lines, through pushes past the capacity, pops (a taller screen),
    // capacity changes and clear(): the packed lines share large blocks, which must be given
    // back as their lines leave and never while one of their lines is kept.
    void agreesWithAPlainListThroughEveryOperation()
    {
        QRandomGenerator rng(7);
        auto randomLine = [&rng]() {
            TerminalLine line;
            const int length = rng.bounded(0, 200);
            for (int c = 0; c < length; ++c) {
                const int kind = rng.bounded(0, 20);
                const quint32 fg = rng.bounded(0, 3) == 0 ? TerminalColor::indexed(rng.bounded(0, 256)) : 0;
                if (kind == 0 && c + 1 < length) {
                    line.cells.append(cell(U'日', fg, 0, 0, 2));
                    line.cells.append(cell(0, fg, 0, 0, 0));
                    ++c;
                } else if (kind == 1) {
                    line.cells.append(cell(U'\U0001F600', fg));
                } else {
                    line.cells.append(cell(char32_t(U'a' + rng.bounded(0, 26)), fg));
                }
            }
            if (length > 0 && rng.bounded(0, 10) == 0)
                line.clusters.insert(0, QStringLiteral("e\u0301"));
            return line;
        };
        ScrollbackBuffer buffer(300);
        std::deque<TerminalLine> expected;
        int capacity = 300;
        qint64 first = 0;
        for (int step = 0; step < 20000; ++step) {
            const int what = rng.bounded(0, 1000);
            if (what < 900) {
                TerminalLine line = randomLine();
                expected.push_back(line);
                buffer.push(std::move(line));
            } else if (what < 990) {
                TerminalLine popped;
                QCOMPARE(buffer.pop(&popped), !expected.empty());
                if (!expected.empty()) {
                    QCOMPARE(popped.cells, expected.back().cells);
                    QCOMPARE(popped.clusters, expected.back().clusters);
                    expected.pop_back();
                }
            } else if (what < 998) {
                capacity = rng.bounded(0, 600);
                buffer.setCapacity(capacity);
            } else {
                first += qint64(expected.size());
                expected.clear();
                buffer.clear();
            }
            while (int(expected.size()) > capacity) {
                expected.pop_front();
                ++first;
            }
            QCOMPARE(buffer.count(), int(expected.size()));
            QCOMPARE(buffer.firstLine(), first);
            if (!expected.empty()) {
                const int i = rng.bounded(0, int(expected.size()));
                const TerminalLine back = buffer.at(first + i);
                QCOMPARE(back.cells, expected[size_t(i)].cells);
                QCOMPARE(back.clusters, expected[size_t(i)].clusters);
            }
            // Blocks of lines that left are given back: what is held stays near what is kept.
            const qint64 packedBound = 4 * ScrollbackBuffer::kBlockSize + qint64(capacity) * 200 * 16;
            QVERIFY2(buffer.bytesUsed() <= packedBound, qPrintable(QString::number(buffer.bytesUsed())));
        }
        for (size_t i = 0; i < expected.size(); ++i)
            QCOMPARE(buffer.at(first + qint64(i)).cells, expected[i].cells);
    }

    // A flood through a full ring: the blocks in use stay what the kept lines need.
    void floodingAFullRingHoldsNoMoreBlocks()
    {
        ScrollbackBuffer buffer(1000);
        TerminalLine line;
        for (int c = 0; c < 80; ++c)
            line.cells.append(cell(U'x'));
        for (int i = 0; i < 1000; ++i)
            buffer.push(TerminalLine(line));
        const qint64 full = buffer.bytesUsed();
        for (int i = 0; i < 100000; ++i)
            buffer.push(TerminalLine(line));
        QCOMPARE(buffer.count(), 1000);
        QVERIFY2(buffer.bytesUsed() <= full + 2 * ScrollbackBuffer::kBlockSize,
                 qPrintable(QStringLiteral("%1 then %2").arg(full).arg(buffer.bytesUsed())));
        buffer.clear();
        QCOMPARE(buffer.bytesUsed(), qint64(0));
    }

    void modelScrollbackKeepsWideCharactersAndColours()
    {
        TerminalModel model(2, 10, 10);
        model.write(QByteArrayView("\x1b[31m"));
        model.write(QStringView(u"日本\r\n\x1b[0m\x1b[1;44mbold\r\n\r\n"));
        const TerminalLine first = model.line(model.firstLine());
        QCOMPARE(first.text().trimmed(), QStringLiteral("日本"));
        QCOMPARE(first.cells[0].width, quint8(2));
        QCOMPARE(first.cells[1].width, quint8(0));
        QCOMPARE(first.cells[0].fg, TerminalColor::indexed(1));
        const TerminalLine second = model.line(model.firstLine() + 1);
        QCOMPARE(second.text().trimmed(), QStringLiteral("bold"));
        QCOMPARE(second.cells[0].bg, TerminalColor::indexed(4));
        QVERIFY(second.cells[0].attrs & TerminalAttr::Bold);
    }

    void scrollRegionMovesOnlyItsRows()
    {
        TerminalModel model(5, 10, 10);
        model.write(QByteArrayView("1\r\n2\r\n3\r\n4\r\n5"));
        // Rows 2-4 scroll up by one: "2" leaves the region, not into the scrollback.
        model.write(QByteArrayView("\x1b[2;4r\x1b[4;1H\n"));
        QCOMPARE(model.screenText(), QStringLiteral("1\n3\n4\n\n5"));
        QCOMPARE(model.scrollbackCount(), 0);
        // Reverse index at the top of the region scrolls it down.
        model.write(QByteArrayView("\x1b[2;1H\x1bM"));
        QCOMPARE(model.screenText(), QStringLiteral("1\n\n3\n4\n5"));
    }
};

QTEST_GUILESS_MAIN(TestScrollbackBuffer)
#include "TestScrollbackBuffer.moc"
