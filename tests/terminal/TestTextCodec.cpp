#include "terminal/TextCodec.h"

#include <QTest>

class TestTextCodec : public QObject
{
    Q_OBJECT

private slots:
    void roundTripSplitAtEveryByte_data()
    {
        QTest::addColumn<QString>("encoding");
        QTest::newRow("UTF-8") << QStringLiteral("UTF-8");
        QTest::newRow("Shift_JIS") << QStringLiteral("Shift_JIS");
        QTest::newRow("EUC-JP") << QStringLiteral("EUC-JP");
    }
    void roundTripSplitAtEveryByte()
    {
        QFETCH(QString, encoding);
        QVERIFY(TextCodec::isSupported(encoding));
        const QString text = QStringLiteral("ログイン: 日本語テスト ｶﾀｶﾅ ~\\ abc 表示");
        TextCodec out(encoding);
        QVERIFY(out.isValid());
        QCOMPARE(out.name(), encoding);
        const QByteArray encoded = out.encode(text);
        QVERIFY(encoded.size() > text.size()); // really multi-byte
        // Every split point: the first read ends inside a character.
        for (int split = 1; split < encoded.size(); ++split) {
            TextCodec in(encoding);
            QString decoded = in.decode(QByteArrayView(encoded).first(split));
            decoded += in.decode(QByteArrayView(encoded).sliced(split));
            QCOMPARE(decoded, text);
        }
        // One byte per read.
        TextCodec in(encoding);
        QString decoded;
        for (char c : encoded)
            decoded += in.decode(QByteArrayView(&c, 1));
        QCOMPARE(decoded, text);
    }

    void knownBytes()
    {
        TextCodec sjis(QStringLiteral("shift_jis")); // names are case-insensitive
        QCOMPARE(sjis.name(), QStringLiteral("Shift_JIS"));
        QCOMPARE(sjis.encode(u"日本"), QByteArray("\x93\xfa\x96\x7b"));
        TextCodec euc(QStringLiteral("EUC-JP"));
        QCOMPARE(euc.encode(u"日本"), QByteArray("\xc6\xfc\xcb\xdc"));
        TextCodec latin(QStringLiteral("ISO-8859-1"));
        QCOMPARE(latin.decode(QByteArray("caf\xe9")), QStringLiteral("café"));
        QCOMPARE(latin.encode(u"café"), QByteArray("caf\xe9"));
    }

    void unknownEncodingFallsBackToUtf8()
    {
        QVERIFY(!TextCodec::isSupported(QStringLiteral("KOI8-R-nonsense")));
        TextCodec codec(QStringLiteral("nonsense"));
        QVERIFY(codec.isUtf8());
    }
};

QTEST_GUILESS_MAIN(TestTextCodec)
#include "TestTextCodec.moc"
