// Crashes and hangs that hardening found, each kept as a test in the normal suite.
#include "profiles/ProfileStore.h"
#include "terminal/TerminalModel.h"

#include <QTest>

class TestRegressions : public QObject
{
    Q_OBJECT

private slots:
    void longTextRunDoesNotOverflowTheStack()
    {
        // libvterm turned one write() of text into a stack array as long as the text: 16 MB of
        // plain characters (a host flooding without escape sequences, read in one go) overflowed
        // the 8 MB stack. TerminalModel::write now feeds libvterm in small pieces.
        TerminalModel terminal(24, 80, 100);
        terminal.write(QByteArrayView(QByteArray(16 * 1024 * 1024, 'A')));
        QCOMPARE(terminal.screenLine(0).text().left(3), QStringLiteral("AAA"));
        QCOMPARE(terminal.scrollbackCount(), 100);
        // A multi-byte character split across the pieces' boundary still arrives whole.
        QByteArray text(4095, 'b');
        text += "\xe6\x97\xa5"; // 日 across the 4096-byte boundary
        terminal.write(QByteArrayView("\x1b[2J\x1b[H"));
        TerminalModel fresh(24, 80, 0);
        fresh.write(QByteArrayView(text));
        QVERIFY(fresh.screenText().contains(QStringLiteral("b日")));
    }

    void characterSplitAcrossWrites()
    {
        // Network reads (and the 4 KiB pieces above) split characters anywhere; libvterm 0.1.4
        // showed each half as U+FFFD. The model now keeps an incomplete character for the next write.
        TerminalModel terminal(24, 80, 0);
        terminal.write(QByteArrayView("ab\xe6"));
        terminal.write(QByteArrayView("\x97"));
        terminal.write(QByteArrayView("\xa5\xc3"));
        terminal.write(QByteArrayView("\xa9\xe6\x9c"));
        terminal.write(QByteArrayView("\xac"
                                      "c"));
        QCOMPARE(terminal.screenText(), QStringLiteral("ab\u65E5\u00E9\u672Cc"));
    }

    void wideCharacterOnTheNarrowestScreen()
    {
        // Found by fuzz_terminal: libvterm crashed (null write) on a double-width character in a
        // one-column terminal, e.g. a window dragged very narrow while the host writes Japanese.
        TerminalModel terminal(20, 1, 1);
        terminal.write(QStringView(u"\u5FB9"));
        terminal.resize(5, 1);
        terminal.write(QStringView(u"\u65E5\u672C\u8A9E"));
        QVERIFY(terminal.columns() >= 2);
        QVERIFY(terminal.screenText().contains(QStringLiteral("\u8A9E")));
    }

    void hugeNumberInTheProfileStore()
    {
        // Found by fuzz_profile_store: "port": 9e92 was converted to qint64 before the range
        // check, which is undefined behaviour (UBSan stops there). Now a clear wrong-type error.
        for (const char* number : {"9e92", "-9e92", "1e19", "65536", "22.5"}) {
            const QByteArray store =
                QByteArray(R"({"schemaVersion": 2, "profiles": [{"name": "a", "port": )") + number + "}]}";
            const ProfileStoreReader::Result result =
                ProfileStoreReader::parse(store, QStringLiteral("s.json"));
            QCOMPARE(result.error.code, ProfileError::Code::StoreWrongType);
            QCOMPARE(result.error.jsonPath, QStringLiteral("profiles[0].port"));
        }
        // The same in the schema version ("schemaVersion": 4e90).
        for (const char* number : {"4e90", "-1e300", "2.5", "0"}) {
            const QByteArray store = QByteArray(R"({"schemaVersion": )") + number + R"(, "profiles": []})";
            const ProfileStoreReader::Result result =
                ProfileStoreReader::parse(store, QStringLiteral("s.json"));
            QCOMPARE(result.error.code, ProfileError::Code::StoreWrongType);
        }
    }
};

QTEST_GUILESS_MAIN(TestRegressions)
#include "TestRegressions.moc"
