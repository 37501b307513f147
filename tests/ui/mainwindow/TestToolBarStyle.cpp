#include "ui/widgets/ToolBarStyle.h"

#include <QAction>
#include <QLineEdit>
#include <QMainWindow>
#include <QStyleFactory>
#include <QTest>
#include <QToolBar>

// ToolBarStyle paints a piece of the bar and repeats it: the bars must look exactly as their
// base style paints them, pixel for pixel, wherever they sit.
class TestToolBarStyle final : public QObject
{
    Q_OBJECT

private slots:
    void barsLookExactlyAsTheBaseStylePaintsThem_data();
    void barsLookExactlyAsTheBaseStylePaintsThem();
    void aRepaintAfterAPaletteChangeShowsTheNewPalette();

private:
    // A main window like Tsunagi's: two bars on one line (the first and the last of the line are
    // drawn differently), wide and narrow, and a third bar on its own line or on the left.
    struct Window
    {
        QMainWindow window;
        QList<QToolBar*> bars;
    };
    static void build(Window* w, QStyle* barStyle, Qt::ToolBarArea thirdArea);
};

void TestToolBarStyle::build(Window* w, QStyle* barStyle, Qt::ToolBarArea thirdArea)
{
    w->window.resize(700, 400);
    QToolBar* first = w->window.addToolBar(QStringLiteral("first"));
    first->addAction(QStringLiteral("New"));
    first->addAction(QStringLiteral("Open"));
    QToolBar* second = w->window.addToolBar(QStringLiteral("second"));
    auto* field = new QLineEdit(second);
    field->setMinimumWidth(300);
    field->setFocusPolicy(Qt::NoFocus); // the same in the window that has the focus and the other
    second->addWidget(field);
    auto* third = new QToolBar(QStringLiteral("third"), &w->window);
    third->addAction(QStringLiteral("Edit"));
    if (thirdArea == Qt::TopToolBarArea)
        w->window.addToolBarBreak();
    w->window.addToolBar(thirdArea, third);
    w->bars = {first, second, third};
    for (QToolBar* bar : w->bars)
        bar->setStyle(barStyle);
    w->window.show();
}

void TestToolBarStyle::barsLookExactlyAsTheBaseStylePaintsThem_data()
{
    QTest::addColumn<QString>("baseStyle");
    QTest::addColumn<int>("thirdArea");
    QTest::addColumn<qreal>("ratio");
    for (const QString& style : QStyleFactory::keys()) {
        QTest::addRow("%s, top", qPrintable(style)) << style << int(Qt::TopToolBarArea) << 1.0;
        QTest::addRow("%s, left", qPrintable(style)) << style << int(Qt::LeftToolBarArea) << 1.0;
    }
    QTest::addRow("Fusion, top, scaled") << QStringLiteral("Fusion") << int(Qt::TopToolBarArea) << 2.0;
}

void TestToolBarStyle::barsLookExactlyAsTheBaseStylePaintsThem()
{
    QFETCH(QString, baseStyle);
    QFETCH(int, thirdArea);
    QFETCH(qreal, ratio);
    const std::unique_ptr<QStyle> plain(QStyleFactory::create(baseStyle));
    QVERIFY(plain);
    ToolBarStyle quick(QStyleFactory::create(baseStyle));
    Window expected;
    Window actual;
    build(&expected, plain.get(), Qt::ToolBarArea(thirdArea));
    build(&actual, &quick, Qt::ToolBarArea(thirdArea));
    QVERIFY(QTest::qWaitForWindowExposed(&expected.window));
    QVERIFY(QTest::qWaitForWindowExposed(&actual.window));
    for (int i = 0; i < expected.bars.size(); ++i) {
        QToolBar* want = expected.bars.at(i);
        QToolBar* got = actual.bars.at(i);
        QCOMPARE(got->geometry(), want->geometry());
        QVERIFY2(got->width() > 16 && got->height() > 16, "a bar longer than the piece it repeats");
        // Painted into an image, at the scale of a high-density screen where asked.
        auto paint = [ratio](QToolBar* bar) {
            QImage image(bar->size() * ratio, QImage::Format_ARGB32_Premultiplied);
            image.setDevicePixelRatio(ratio);
            image.fill(Qt::magenta);
            bar->render(&image);
            return image;
        };
        QCOMPARE(paint(got), paint(want));
    }
}

void TestToolBarStyle::aRepaintAfterAPaletteChangeShowsTheNewPalette()
{
    const std::unique_ptr<QStyle> plain(QStyleFactory::create(QStringLiteral("Fusion")));
    ToolBarStyle quick(QStyleFactory::create(QStringLiteral("Fusion")));
    Window expected;
    Window actual;
    build(&expected, plain.get(), Qt::TopToolBarArea);
    build(&actual, &quick, Qt::TopToolBarArea);
    QToolBar* want = expected.bars.constFirst();
    QToolBar* got = actual.bars.constFirst();
    const QImage before = got->grab().toImage();
    QCOMPARE(before, want->grab().toImage());
    QPalette palette = got->palette();
    palette.setColor(QPalette::Window, QColor(0x30, 0x60, 0x90));
    want->setPalette(palette);
    got->setPalette(palette);
    const QImage after = got->grab().toImage();
    QCOMPARE(after, want->grab().toImage());
    QVERIFY(after != before); // the palette shows: a picture kept from before would fail here
}

QTEST_MAIN(TestToolBarStyle)
#include "TestToolBarStyle.moc"
