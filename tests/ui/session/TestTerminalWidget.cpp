#include "ui/session/TerminalWidget.h"

#include "terminal/TerminalModel.h"
#include "ui/widgets/MessageBox.h"

#include "EventCounter.h"

#include <QApplication>
#include <QBackingStore>
#include <QClipboard>
#include <QImage>
#include <QInputMethod>
#include <QInputMethodEvent>
#include <QPainter>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStyleHints>
#include <QTest>

class TestTerminalWidget : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        Fixture() : model(24, 80, 1000), widget(&model)
        {
            QObject::connect(&model, &TerminalModel::output, [this](const QByteArray& b) { output += b; });
            QObject::connect(&widget, &TerminalWidget::textEntered, [this](const QString& t) { typed += t; });
            QObject::connect(&widget, &TerminalWidget::sizeChanged, &widget,
                             [this](int columns, int rows) { model.resize(rows, columns); });
            widget.resize(widget.sizeForGrid(80, 24));
            widget.show();
            widget.setFocus();
        }
        QByteArray takeOutput() { return std::exchange(output, {}); }
        // The pixels of a row of cells as the window's backing store holds them.
        QImage backingStoreRow(int row) const
        {
            const auto* image = static_cast<const QImage*>(widget.backingStore()->paintDevice());
            const QRect cells(widget.cellRect(0, row).topLeft(),
                              QSize(80 * widget.cellSize().width(), widget.cellSize().height()));
            return image->copy(QRect(widget.mapTo(widget.window(), cells.topLeft()), cells.size()));
        }
        // Makes a row's pixels in the backing store something no terminal paints.
        void scribbleOverBackingStoreRow(int row)
        {
            QBackingStore* store = widget.backingStore();
            const QRect cells(widget.mapTo(widget.window(), widget.cellRect(0, row).topLeft()),
                              QSize(80 * widget.cellSize().width(), widget.cellSize().height()));
            store->beginPaint(QRegion(cells));
            QPainter painter(store->paintDevice());
            painter.fillRect(cells, QColor(0x13, 0x57, 0x9b));
            painter.end();
            store->endPaint();
        }
        QPoint cellCenter(int column, int row) const { return widget.cellRect(column, row).center(); }
        // The block cursor at the top left fills its cell; a blank cell shows the background.
        bool cursorShown()
        {
            const QImage image = widget.grab().toImage();
            return image.pixelColor(cellCenter(0, 0)) != image.pixelColor(cellCenter(5, 5));
        }
        TerminalModel model;
        TerminalWidget widget;
        QByteArray output;
        QString typed;
    };

private slots:
    void init() { MessageBox::resetForTests(); }

    void asciiTextStaysOnTheCellGrid()
    {
        // Printable ASCII is drawn as glyphs placed on the cell grid. Laid-out text advances by
        // the font's own width, which may be a fraction of a pixel narrower than a cell: over a
        // line the text drifted off its cells (7.5 px glyphs on 8 px cells ended 40 px short).
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.widget));
        QVERIFY(f.widget.drawsAsciiGlyphRuns());
        f.model.write(QByteArrayView(QByteArray(80, 'M') + "\r\n\x1b[1m" + QByteArray(80, 'M') +
                                     "\x1b[m\r\n\x1b[4m" + QByteArray(79, 'M') + "\x1b[m"));
        const QImage image = f.widget.grab().toImage();
        auto ink = [&](int column, int row) {
            const QRect cell = f.widget.cellRect(column, row);
            const QColor background = image.pixelColor(cell.topLeft());
            int pixels = 0;
            for (int y = cell.top(); y <= cell.bottom(); ++y)
                for (int x = cell.left(); x <= cell.right(); ++x)
                    pixels += image.pixelColor(x, y) != background;
            return pixels;
        };
        for (int row = 0; row < 3; ++row) {
            const int last = row == 2 ? 78 : 79;
            QVERIFY2(ink(0, row) > 0, qPrintable(QStringLiteral("row %1").arg(row)));
            QVERIFY2(ink(last, row) > 0, qPrintable(QStringLiteral("row %1").arg(row)));
            // The same glyph in the first and the last cell: the same ink.
            QCOMPARE(ink(last, row), ink(0, row));
        }
    }

    void typingKeepsTheCursorShown()
    {
        // A key press shows the cursor and starts its blink afresh, so it never vanishes just after
        // a key, and keys typed faster than it blinks find it shown and unrepainted.
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.widget));
        QVERIFY(f.model.cursorBlinks());
        const int interval = f.widget.cursorBlinkIntervalMs();
        QVERIFY(interval > 0);
        auto cursorShown = [&f] { return f.cursorShown(); };
        // Blinked off, and halfway into that phase.
        QTRY_VERIFY_WITH_TIMEOUT(!cursorShown() && f.widget.cursorBlinkRemainingMs() < interval / 2,
                                 20 * interval);
        QTest::keyClick(&f.widget, Qt::Key_A);
        QCOMPARE(f.typed, QStringLiteral("a"));
        QVERIFY(cursorShown());
        QVERIFY2(f.widget.cursorBlinkRemainingMs() > interval / 2,
                 qPrintable(QString::number(f.widget.cursorBlinkRemainingMs())));
        // Committed input method text (Japanese) counts as typing too.
        QTRY_VERIFY_WITH_TIMEOUT(!cursorShown() && f.widget.cursorBlinkRemainingMs() < interval / 2,
                                 20 * interval);
        QInputMethodEvent commit;
        commit.setCommitString(QStringLiteral("日本"));
        QApplication::sendEvent(&f.widget, &commit);
        QVERIFY(cursorShown());
        QVERIFY(f.widget.cursorBlinkRemainingMs() > interval / 2);
    }

    void aDesktopWithASteadyCursorGetsOne()
    {
        // A flash time of 0 is the desktop's "do not blink", which Qt's own text fields follow,
        // and so does the terminal, also when it changes while a session is open.
        QStyleHints* hints = QGuiApplication::styleHints();
        const int flashTime = hints->cursorFlashTime();
        const auto restore = qScopeGuard([hints, flashTime] { hints->setCursorFlashTime(flashTime); });
        hints->setCursorFlashTime(0);
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.widget));
        QTRY_VERIFY(f.widget.hasFocus());
        QCOMPARE(f.widget.cursorBlinkRemainingMs(), -1);
        QVERIFY(f.cursorShown());
        hints->setCursorFlashTime(1000);
        QVERIFY(f.widget.cursorBlinkRemainingMs() > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!f.cursorShown(), 20 * f.widget.cursorBlinkIntervalMs());
        hints->setCursorFlashTime(0);
        QVERIFY(f.cursorShown());
        QCOMPARE(f.widget.cursorBlinkRemainingMs(), -1);
    }

    void aSteadyCursorIsNotRepaintedAtEachBlink()
    {
        // A host can make the cursor steady (DECSCUSR 2: a steady block). The blink phases go on
        // but draw the same, so they repaint nothing: a repaint there could only delay an echo.
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.widget));
        QTRY_VERIFY(f.widget.cursorBlinkRemainingMs() > 0);
        f.model.write(QByteArrayView("\x1b[2 q"));
        QVERIFY(!f.model.cursorBlinks());
        EventCounter count(QEvent::Paint);
        // From the next phase on (after the DECSCUSR repaint, if any), two whole phases.
        const int start = f.widget.cursorBlinkPhases();
        QTRY_VERIFY_WITH_TIMEOUT(f.widget.cursorBlinkPhases() > start, 4 * f.widget.cursorBlinkIntervalMs());
        f.widget.installEventFilter(&count);
        QTRY_VERIFY_WITH_TIMEOUT(f.widget.cursorBlinkPhases() > start + 2,
                                 8 * f.widget.cursorBlinkIntervalMs());
        f.widget.removeEventFilter(&count);
        QCOMPARE(count.count, 0);
        QVERIFY(f.cursorShown());
    }

    void otherCharactersAreDrawnAsTheirGlyphs()
    {
        // Wide and other non-ASCII characters are drawn from glyphs found once per character
        // (text layout looked their fallback font up on every repaint): the same pixels as laid-out
        // text, each at its cell, in its colours.
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.widget));
        f.model.write(
            QStringLiteral("日本語の端末、é ü \x1b[1;31m全角\x1b[m テスト\x1b[4m下線\x1b[m").toUtf8());
        QVERIFY(f.widget.drawsAsGlyph(U'日'));
        QVERIFY(f.widget.drawsAsGlyph(U'é'));
        const QRect area = f.widget.cellRect(0, 0).united(f.widget.cellRect(40, 0));
        const QImage asGlyphs = f.widget.grab(area).toImage();
        f.widget.setAsciiGlyphRunsForTests(false);
        const QImage asText = f.widget.grab(area).toImage();
        if (qEnvironmentVariableIsSet("TSUNAGI_SAVE_GRAB")) {
            asGlyphs.save(qEnvironmentVariable("TSUNAGI_SAVE_GRAB") + QStringLiteral("-glyphs.png"));
            asText.save(qEnvironmentVariable("TSUNAGI_SAVE_GRAB") + QStringLiteral("-text.png"));
        }
        const TerminalWidget::ColorScheme scheme =
            TerminalWidget::ColorScheme::named(QStringLiteral("Default"));
        QCOMPARE(asGlyphs.size(), asText.size());
        int ink = 0;
        int differ = 0;
        for (int y = 0; y < asGlyphs.height(); ++y) {
            for (int x = 0; x < asGlyphs.width(); ++x) {
                ink += asGlyphs.pixelColor(x, y) != scheme.background;
                differ += asGlyphs.pixelColor(x, y) != asText.pixelColor(x, y);
            }
        }
        QVERIFY(ink > 500);
        // An underline may end a pixel apart (the glyph run's font's metrics, not the text's).
        QVERIFY2(differ <= 4, qPrintable(QString::number(differ)));
    }

    void outputRendersIntoCells()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.widget));
        QCOMPARE(f.model.columns(), 80);
        QCOMPARE(f.model.rows(), 24);
        f.model.write(
            QByteArrayView("\x1b[41m    \x1b[0m \x1b[48;2;0;0;255m  \x1b[0m\r\n\x1b[1;32mOK\x1b[0m 日本"));
        QCOMPARE(f.model.screenText(), QStringLiteral("\nOK 日本"));
        // The frame timer paints what changed; the grabbed image shows the colours in the cells.
        const TerminalWidget::ColorScheme scheme =
            TerminalWidget::ColorScheme::named(QStringLiteral("Default"));
        QTRY_COMPARE(f.widget.grab().toImage().pixelColor(f.cellCenter(1, 0)), scheme.ansi[1]);
        const QImage image = f.widget.grab().toImage();
        if (qEnvironmentVariableIsSet("TSUNAGI_SAVE_GRAB")) // for looking at it by eye
            image.save(qEnvironmentVariable("TSUNAGI_SAVE_GRAB"));
        QCOMPARE(image.pixelColor(f.cellCenter(6, 0)), QColor(0, 0, 255));
        QCOMPARE(image.pixelColor(f.cellCenter(40, 5)), scheme.background);
        // Bold green text: some pixels of the cell are bright green (bold brightens), none elsewhere.
        int greenPixels = 0;
        const QRect cell = f.widget.cellRect(0, 1);
        for (int y = cell.top(); y <= cell.bottom(); ++y)
            for (int x = cell.left(); x <= cell.right(); ++x)
                greenPixels += image.pixelColor(x, y) == scheme.ansi[10];
        QVERIFY(greenPixels > 0);
        // A wide character paints across two cells: pixels of the glyph lie in its right half too.
        const QRect wide = f.widget.cellRect(5, 1).united(f.widget.cellRect(6, 1));
        int inRightHalf = 0;
        for (int y = wide.top(); y <= wide.bottom(); ++y)
            for (int x = wide.center().x() + 1; x <= wide.right(); ++x)
                inRightHalf += image.pixelColor(x, y) != scheme.background;
        QVERIFY(inRightHalf > 0);
    }

    void keysReachTheHost()
    {
        Fixture f;
        QTest::keyClick(&f.widget, Qt::Key_Up);
        QCOMPARE(f.takeOutput(), QByteArray("\x1b[A"));
        f.model.write(QByteArrayView("\x1b[?1h")); // application cursor keys
        QTest::keyClick(&f.widget, Qt::Key_Up);
        QCOMPARE(f.takeOutput(), QByteArray("\x1bOA"));
        QTest::keyClick(&f.widget, Qt::Key_F5);
        QCOMPARE(f.takeOutput(), QByteArray("\x1b[15~"));
        QTest::keyClick(&f.widget, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(f.takeOutput(), QByteArray("\x03"));
        QTest::keyClick(&f.widget, Qt::Key_Backspace);
        QCOMPARE(f.takeOutput(), QByteArray("\x7f"));
        QTest::keyClick(&f.widget, Qt::Key_Tab);
        QCOMPARE(f.takeOutput(), QByteArray("\t"));
        QTest::keyClick(&f.widget, Qt::Key_X, Qt::AltModifier, 0);
        QCOMPARE(f.takeOutput(), QByteArray("\x1bx"));
        QTest::keyClicks(&f.widget, QStringLiteral("ls"));
        QCOMPARE(f.typed, QStringLiteral("ls"));
    }

    void inputMethodPreeditAndCommit()
    {
        Fixture f;
        QVERIFY(f.widget.testAttribute(Qt::WA_InputMethodEnabled));
        QInputMethodEvent preedit(QStringLiteral("にほん"), {});
        QApplication::sendEvent(&f.widget, &preedit);
        QCOMPARE(f.widget.preeditText(), QStringLiteral("にほん"));
        QCOMPARE(static_cast<QWidget&>(f.widget).inputMethodQuery(Qt::ImCursorRectangle).toRect(),
                 f.widget.cellRect(0, 0));
        QInputMethodEvent commit;
        commit.setCommitString(QStringLiteral("日本"));
        QApplication::sendEvent(&f.widget, &commit);
        QCOMPARE(f.widget.preeditText(), QString());
        QCOMPARE(f.typed, QStringLiteral("日本"));
    }

    void inputMethodIsToldWhereTheCursorWent()
    {
        // A Japanese input method shows its candidate window at the cursor rectangle it was last
        // told of: output that moves the cursor tells it, output that leaves it in place does not.
        Fixture f;
        f.widget.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&f.widget));
        QTRY_VERIFY(f.widget.hasFocus());
        QInputMethod* inputMethod = QGuiApplication::inputMethod();
        QSignalSpy told(inputMethod, &QInputMethod::cursorRectangleChanged);

        f.model.write(QByteArrayView("$ ls"));
        QTRY_VERIFY(!told.isEmpty());
        QCOMPARE(inputMethod->cursorRectangle().toRect(), f.widget.cellRect(4, 0));

        told.clear();
        f.model.write(QByteArrayView("\r\n\x1b[5;10H"));
        QTRY_VERIFY(!told.isEmpty());
        QCOMPARE(inputMethod->cursorRectangle().toRect(), f.widget.cellRect(9, 4));

        // Text written elsewhere, the cursor put back: repainted, nothing to tell.
        told.clear();
        EventCounter counter(QEvent::Paint);
        f.widget.installEventFilter(&counter);
        f.model.write(QByteArrayView("\x1b[20;1Hother\x1b[5;10H"));
        QTRY_VERIFY(counter.count > 0);
        f.widget.removeEventFilter(&counter);
        QCOMPARE(told.count(), 0);
    }

    void copyAndPaste()
    {
        Fixture f;
        f.model.write(QByteArrayView("alpha beta\r\ngamma"));
        const qint64 top = f.model.screenTopLine();
        f.widget.setSelection({top, 6}, {top + 1, 2});
        QTest::keyClick(&f.widget, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("beta\ngam"));
        QCOMPARE(f.takeOutput(), QByteArray()); // copying sends nothing

        // Double click selects a word, triple click the line.
        QTest::mouseDClick(&f.widget, Qt::LeftButton, {}, f.cellCenter(2, 0));
        QCOMPARE(f.widget.selectedText(), QStringLiteral("alpha"));
        QTest::mouseClick(&f.widget, Qt::LeftButton, {}, f.cellCenter(2, 0));
        QCOMPARE(f.widget.selectedText(), QStringLiteral("alpha beta"));

        QApplication::clipboard()->setText(QStringLiteral("echo one"));
        QTest::keyClick(&f.widget, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(f.takeOutput(), QByteArray("echo one"));

        // Several lines: asked first; "No" sends nothing.
        QApplication::clipboard()->setText(QStringLiteral("echo 1\necho 2\n"));
        MessageBox::setNextAnswer(QMessageBox::No);
        QTest::keyClick(&f.widget, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(MessageBox::messageCount(), 1);
        QCOMPARE(f.takeOutput(), QByteArray());
        MessageBox::setNextAnswer(QMessageBox::Yes);
        f.model.write(QByteArrayView("\x1b[?2004h")); // the host asks for bracketed paste
        QTest::keyClick(&f.widget, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(f.takeOutput(), QByteArray("\x1b[200~echo 1\recho 2\r\x1b[201~"));
    }

    void viewStaysPutWhileScrolledBack()
    {
        Fixture f;
        for (int i = 0; i < 100; ++i)
            f.model.write(QByteArrayView(QStringLiteral("line %1\r\n").arg(i).toUtf8()));
        QTRY_VERIFY(f.widget.isFollowingOutput());
        QCOMPARE(f.widget.viewTopLine(), f.model.screenTopLine());
        QTest::keyClick(&f.widget, Qt::Key_PageUp, Qt::ShiftModifier);
        QVERIFY(!f.widget.isFollowingOutput());
        const qint64 top = f.widget.viewTopLine();
        QCOMPARE(top, f.model.screenTopLine() - 23);
        QCOMPARE(f.takeOutput(), QByteArray()); // Shift+PgUp scrolls, it is not sent
        for (int i = 0; i < 10; ++i)
            f.model.write(QByteArrayView("more output\r\n"));
        // Once the frame timer has run, the scroll bar knows the new lines; the view did not move.
        auto* bar = f.widget.findChild<QScrollBar*>();
        QTRY_COMPARE(qint64(bar->maximum()), f.model.screenTopLine() - f.model.firstLine());
        QCOMPARE(f.widget.viewTopLine(), top);
        QWheelEvent wheel(f.cellCenter(1, 1), f.widget.mapToGlobal(f.cellCenter(1, 1)), {}, QPoint(0, 120),
                          Qt::NoButton, {}, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&f.widget, &wheel);
        QCOMPARE(f.widget.viewTopLine(), top - 3);
        // Typing returns to the live screen.
        QTest::keyClick(&f.widget, Qt::Key_A);
        QVERIFY(f.widget.isFollowingOutput());
    }

    void hostCannotReadTheClipboardOrMakeUsTypeItsTitle()
    {
        Fixture f;
        QApplication::clipboard()->setText(QStringLiteral("secret"));
        f.model.write(QByteArrayView("\x1b]2;evil\x07\x1b[21t\x1b]52;c;?\x07\x1b]52;c;cm0gLXJm\x07"));
        QCOMPARE(f.takeOutput(), QByteArray());
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("secret"));
        QCOMPARE(f.model.title(), QStringLiteral("evil"));
    }

    void mouseGoesToProgramsThatAskShiftStillSelects()
    {
        Fixture f;
        f.model.write(QByteArrayView("some text here\x1b[?1000h")); // X11 mouse reporting
        QTest::mouseClick(&f.widget, Qt::LeftButton, {}, f.cellCenter(2, 0));
        // Press and release at column 3, row 1 (1-based, offset by 32).
        QCOMPARE(f.takeOutput(), QByteArray("\x1b[M #!\x1b[M##!"));
        QVERIFY(!f.widget.hasSelection());
        QTest::mouseDClick(&f.widget, Qt::LeftButton, Qt::ShiftModifier, f.cellCenter(6, 0));
        QCOMPARE(f.widget.selectedText(), QStringLiteral("text"));
        f.model.write(QByteArrayView("\x1b[?1000l"));
        f.takeOutput();
        QTest::mouseClick(&f.widget, Qt::LeftButton, {}, f.cellCenter(2, 0));
        QCOMPARE(f.takeOutput(), QByteArray());
    }

    void bellIsSignalled()
    {
        Fixture f;
        QSignalSpy bell(&f.widget, &TerminalWidget::bell);
        f.model.write(QByteArrayView("\x07"));
        QCOMPARE(bell.count(), 1);
    }

    void firstOutputAfterAResizeIsPaintedAtOnce()
    {
        // A new grid is no frame of output: the next change (a session's first output right after
        // its tab was laid out) is painted before the event loop runs again, not by the frame timer.
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.widget));
        f.widget.resize(f.widget.sizeForGrid(100, 30));
        QCOMPARE(f.model.columns(), 100);
        QCOMPARE(f.model.rows(), 30);
        EventCounter counter(QEvent::Paint);
        f.widget.installEventFilter(&counter);
        const int directBefore = f.widget.directEchoes();
        f.model.write(QByteArrayView("X"));
        // Painted, or its cells' pictures copied to the screen (paintEchoDirectly()).
        QVERIFY(counter.count > 0 || f.widget.directEchoes() > directBefore);
        f.widget.removeEventFilter(&counter);
    }

    void anEchoIsCopiedToTheScreenNotPainted()
    {
        // A change after a quiet frame that touches a few plain cells (an echoed key) is put on
        // screen by copying pictures of its cells into the backing store: no paint event.
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.widget));
        EventCounter counter(QEvent::Paint);
        f.widget.installEventFilter(&counter);
        f.model.write(QByteArrayView("a"));
        QCOMPARE(f.widget.directEchoes(), 1);
        QCOMPARE(counter.count, 0);
        f.widget.removeEventFilter(&counter);
        // The copy is what a repaint paints there.
        const QImage copied = f.backingStoreRow(0);
        f.widget.repaint();
        QCOMPARE(f.backingStoreRow(0), copied);
    }

    void anEchoIsPaintedWhereACopyCouldBeWrong()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.widget));
        f.model.write(QByteArrayView("abc \xe6\x97\xa5 e\xcc\x81"));
        QVERIFY(f.widget.paintEchoDirectlyForTests(0, 0, 4));
        QVERIFY(!f.widget.paintEchoDirectlyForTests(0, 3, 6));   // a wide character
        QVERIFY(!f.widget.paintEchoDirectlyForTests(0, 7, 8));   // a combining mark
        QVERIFY(!f.widget.paintEchoDirectlyForTests(0, 79, 81)); // past the grid
        // Something on top of the cells: a child widget, then text being composed.
        QWidget cover(&f.widget);
        cover.setGeometry(f.widget.cellRect(1, 0));
        cover.show();
        QVERIFY(!f.widget.paintEchoDirectlyForTests(0, 0, 4));
        QVERIFY(f.widget.paintEchoDirectlyForTests(0, 2, 4));
        cover.hide();
        QVERIFY(f.widget.paintEchoDirectlyForTests(0, 0, 4));
        QInputMethodEvent preedit(QStringLiteral("にほん"), {});
        QApplication::sendEvent(&f.widget, &preedit);
        QVERIFY(!f.widget.paintEchoDirectlyForTests(0, 0, 4));
    }

    void copiedCellsAreTheVeryPixelsARepaintGives()
    {
        // Every printable ASCII character in several colours and attributes, selected and not,
        // under each look of the cursor, on a normal and a reversed screen: a row put on screen
        // as copies of its cells' pictures (or repainted where a cell has no picture) equals the
        // same row repainted, pixel for pixel. Pieces of three cells, as echoes come.
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.widget));
        const char* const styles[] = {"",
                                      "\x1b[1m",
                                      "\x1b[3m",
                                      "\x1b[31m",
                                      "\x1b[1;32m",
                                      "\x1b[38;5;200m",
                                      "\x1b[48;2;10;20;30;38;2;250;240;5m",
                                      "\x1b[7m",
                                      "\x1b[44;1;3m"};
        QByteArray printable;
        for (char c = 0x20; c < 0x7f; ++c)
            printable.append(c);
        QByteArray screen = "\x1b[2J";
        int row = 0;
        for (const char* style : styles) {
            for (const QByteArray& half : {printable.left(48), printable.mid(48)})
                screen += "\x1b[" + QByteArray::number(++row) + ";1H" + style + half + "\x1b[m";
        }
        f.model.write(QByteArrayView(screen));
        const int rows = row;
        const TerminalPosition top{f.widget.viewTopLine(), 0};
        f.widget.setSelection({top.line + 2, 10}, {top.line + 5, 30});

        int direct = 0;
        int pieces = 0;
        auto compareRows = [&](const char* what) {
            if (QTest::currentTestFailed())
                return;
            const int w = f.widget.cellSize().width();
            const int h = f.widget.cellSize().height();
            for (int r = 0; r < rows; ++r) {
                // Repainted piece by piece, as the copies are made.
                for (int c = 0; c < 80; c += 3)
                    f.widget.repaint(QRect(c * w, r * h, (qMin(80, c + 3) - c) * w, h));
                const QImage repainted = f.backingStoreRow(r);
                f.scribbleOverBackingStoreRow(r);
                for (int c = 0; c < 80; c += 3) {
                    ++pieces;
                    if (f.widget.paintEchoDirectlyForTests(r, c, qMin(80, c + 3)))
                        ++direct;
                    else
                        f.widget.repaint(QRect(c * w, r * h, (qMin(80, c + 3) - c) * w, h));
                }
                if (f.backingStoreRow(r) != repainted) {
                    QFAIL(qPrintable(QStringLiteral("%1, row %2 differs").arg(QLatin1String(what)).arg(r)));
                }
            }
        };
        compareRows("no cursor in the text");
        for (const char* shape : {"\x1b[2 q", "\x1b[4 q", "\x1b[6 q"}) {
            f.model.write(QByteArrayView(QByteArray(shape) + "\x1b[2;6H")); // on the "U" of row 2
            compareRows(shape);
        }
        f.widget.clearFocus();
        QTRY_VERIFY(!f.widget.hasFocus());
        compareRows("a hollow cursor");
        f.widget.setFocus();
        f.model.write(QByteArrayView("\x1b[?5h\x1b[2 q")); // the whole screen reversed
        compareRows("reversed screen");
        if (QTest::currentTestFailed())
            return; // compareRows() said where
        // Most pieces are copies: the copy is no corner case that a test could miss.
        QVERIFY2(direct * 10 >= pieces * 6, qPrintable(QStringLiteral("%1 of %2").arg(direct).arg(pieces)));
    }
};

QTEST_MAIN(TestTerminalWidget)
#include "TestTerminalWidget.moc"
