#include "ui/session/CellImageCache.h"

#include <QTest>

class TestCellImageCache : public QObject
{
    Q_OBJECT

    static QImage cell(QRgb color)
    {
        QImage image(8, 16, QImage::Format_RGB32);
        image.fill(color);
        return image;
    }

private slots:
    void aPictureIsFoundByItsKey()
    {
        CellImageCache cache;
        cache.useFormat(QImage::Format_RGB32);
        QVERIFY(!cache.find(1));
        cache.insert(1, cell(qRgb(1, 2, 3)));
        const std::optional<QImage> kept = cache.find(1);
        QVERIFY(kept && !kept->isNull());
        QCOMPARE(kept->pixel(7, 15), qRgb(1, 2, 3));
    }

    void aCellThatPaintsOutsideItselfIsKnownWithoutAPicture()
    {
        CellImageCache cache;
        cache.insert(2, QImage());
        const std::optional<QImage> kept = cache.find(2);
        QVERIFY(kept);
        QVERIFY(kept->isNull());
    }

    void anotherPixelFormatForgetsEveryPicture()
    {
        CellImageCache cache;
        cache.useFormat(QImage::Format_RGB32);
        cache.insert(1, cell(qRgb(1, 2, 3)));
        cache.useFormat(QImage::Format_RGB32);
        QVERIFY(cache.find(1));
        cache.useFormat(QImage::Format_ARGB32_Premultiplied);
        QVERIFY(!cache.find(1));
    }

    void aFullCacheStartsOver()
    {
        // However many colours a host uses, the cache stays bounded.
        CellImageCache cache;
        const QImage picture = cell(qRgb(9, 9, 9));
        for (quint64 key = 0; key < 10000; ++key)
            cache.insert(key, picture);
        QVERIFY(!cache.find(0));
        QVERIFY(cache.find(9999));
    }

    void onlyTheMiddleCellMayChange()
    {
        const QRgb untouched = qRgb(0x13, 0x57, 0x9b);
        QImage wide(3 * 8, 16, QImage::Format_RGB32);
        wide.fill(untouched);
        for (int y = 0; y < 16; ++y)
            for (int x = 8; x < 16; ++x)
                wide.setPixel(x, y, qRgb(200, 100, 0));
        QVERIFY(CellImageCache::onlyMiddleCellChanged(wide, untouched));
        // One pixel of overhang on either side is enough to refuse the cell.
        QImage left = wide;
        left.setPixel(7, 15, qRgb(0, 0, 0));
        QVERIFY(!CellImageCache::onlyMiddleCellChanged(left, untouched));
        QImage right = wide;
        right.setPixel(16, 0, qRgb(0, 0, 0));
        QVERIFY(!CellImageCache::onlyMiddleCellChanged(right, untouched));
    }

    void aPictureIsCopiedToItsPlaceAndNowhereElse()
    {
        QImage target(40, 40, QImage::Format_RGB32);
        target.fill(qRgb(0, 0, 0));
        CellImageCache::copyInto(cell(qRgb(10, 20, 30)), target, QPoint(16, 8));
        for (int y = 0; y < 40; ++y) {
            for (int x = 0; x < 40; ++x) {
                const bool inside = x >= 16 && x < 24 && y >= 8 && y < 24;
                QCOMPARE(target.pixel(x, y), inside ? qRgb(10, 20, 30) : qRgb(0, 0, 0));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCellImageCache)
#include "TestCellImageCache.moc"
