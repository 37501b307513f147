#include "terminal/TelnetProtocol.h"

#include <QTest>

namespace {
constexpr char IAC = char(255), DONT = char(254), DO = char(253), WONT = char(252), WILL = char(251),
               SB = char(250), SE = char(240);
constexpr char BINARY = 0, ECHO_ = 1, SGA = 3, STATUS = 5, TTYPE = 24, NAWS = 31, LINEMODE = 34,
               NEW_ENVIRON = 39;

QByteArray bytes(std::initializer_list<char> list)
{
    return QByteArray(list.begin(), qsizetype(list.size()));
}
} // namespace

class TestTelnetProtocol : public QObject
{
    Q_OBJECT

    struct Harness
    {
        explicit Harness(TelnetProtocol::Settings settings = {}) : telnet(settings)
        {
            telnet.onData = [this](QByteArrayView b) { data += b.toByteArray(); };
            telnet.onSend = [this](QByteArrayView b) { sent += b.toByteArray(); };
        }
        QByteArray takeSent() { return std::exchange(sent, {}); }
        TelnetProtocol telnet;
        QByteArray data;
        QByteArray sent;
    };

private slots:
    void iacIsDoubledWhenSending()
    {
        Harness h;
        h.telnet.send(QByteArray("a\xff"
                                 "b"));
        QCOMPARE(h.sent, QByteArray("a\xff\xff"
                                    "b"));
    }

    void doubledIacFromHostIsOneDataByte()
    {
        Harness h;
        h.telnet.receive(QByteArray("x\xff\xff"
                                    "y"));
        QCOMPARE(h.data, QByteArray("x\xff"
                                    "y"));
        // Split between two reads.
        h.data.clear();
        h.telnet.receive(QByteArray("1\xff"));
        h.telnet.receive(QByteArray("\xff"
                                    "2"));
        QCOMPARE(h.data, QByteArray("1\xff"
                                    "2"));
    }

    void bareCrIsFollowedByNulOutsideBinaryMode()
    {
        Harness h;
        h.telnet.send(QByteArray("ls\r"));
        QCOMPARE(h.takeSent(), QByteArray("ls\r\0", 4));
        h.telnet.send(QByteArray("a\r\nb"));
        QCOMPARE(h.takeSent(), QByteArray("a\r\nb"));
        // In binary mode bytes go as they are.
        h.telnet.receive(bytes({IAC, DO, BINARY}));
        QVERIFY(h.telnet.binaryToHost());
        h.takeSent();
        h.telnet.send(QByteArray("x\r"));
        QCOMPARE(h.takeSent(), QByteArray("x\r"));
    }

    void crNulFromHostIsABareCrEvenAcrossReads()
    {
        Harness h;
        h.telnet.receive(QByteArray("a\r"));
        h.telnet.receive(QByteArray("\0b", 2));
        h.telnet.receive(QByteArray("\r\n"));
        QCOMPARE(h.data, QByteArray("a\rb\r\n"));
        // Within one read too; a NUL after anything else stays (the terminal ignores it).
        h.data.clear();
        h.telnet.receive(QByteArray("c\r\0d\0e\r", 8));
        h.telnet.receive(QByteArray("f", 1));
        QCOMPARE(h.data, QByteArray("c\rd\0e\rf", 7));
    }

    void startOffersTerminalOptions()
    {
        Harness h;
        h.telnet.start();
        const QByteArray sent = h.takeSent();
        QVERIFY(sent.contains(bytes({IAC, WILL, TTYPE})));
        QVERIFY(sent.contains(bytes({IAC, WILL, NAWS})));
        QVERIFY(sent.contains(bytes({IAC, DO, SGA})));
        QVERIFY(!sent.contains(bytes({IAC, WILL, NEW_ENVIRON}))); // no user set
    }

    void nawsIsSentWhenAgreedAndOnEveryResize()
    {
        TelnetProtocol::Settings s;
        s.columns = 255; // 255 is IAC: must be doubled inside the subnegotiation
        s.rows = 24;
        Harness h(s);
        h.telnet.start();
        h.takeSent();
        h.telnet.receive(bytes({IAC, DO, NAWS}));
        QVERIFY(h.telnet.nawsEnabled());
        QCOMPARE(h.takeSent(), bytes({IAC, SB, NAWS, 0, IAC, IAC, 0, 24, IAC, SE}));
        h.telnet.setWindowSize(100, 40);
        QCOMPARE(h.takeSent(), bytes({IAC, SB, NAWS, 0, 100, 0, 40, IAC, SE}));
        h.telnet.setWindowSize(100, 40); // unchanged: nothing sent
        QCOMPARE(h.takeSent(), QByteArray());
    }

    void terminalTypeIsTheProfiles()
    {
        TelnetProtocol::Settings s;
        s.terminalType = "vt220";
        Harness h(s);
        h.telnet.start();
        h.telnet.receive(bytes({IAC, DO, TTYPE}));
        h.takeSent();
        h.telnet.receive(bytes({IAC, SB, TTYPE, 1, IAC, SE}));
        QCOMPARE(h.takeSent(), QByteArray("\xff\xfa\x18\x00vt220\xff\xf0", 11));
    }

    void newEnvironSendsUser()
    {
        TelnetProtocol::Settings s;
        s.user = "taro";
        Harness h(s);
        h.telnet.start();
        QVERIFY(h.takeSent().contains(bytes({IAC, WILL, NEW_ENVIRON})));
        h.telnet.receive(bytes({IAC, DO, NEW_ENVIRON}));
        h.takeSent();
        QByteArray request = bytes({IAC, SB, NEW_ENVIRON, 1, 0});
        request += "USER";
        request += bytes({IAC, SE});
        h.telnet.receive(request);
        const QByteArray sent = h.takeSent();
        QByteArray expected = bytes({IAC, SB, NEW_ENVIRON, 0, 0});
        expected += "USER";
        expected += char(1);
        expected += "taro";
        expected += bytes({IAC, SE});
        QCOMPARE(sent, expected);
    }

    void hostEchoAndSgaAreAccepted()
    {
        Harness h;
        h.telnet.receive(bytes({IAC, WILL, ECHO_}));
        QCOMPARE(h.takeSent(), bytes({IAC, DO, ECHO_}));
        QVERIFY(h.telnet.hostEchoes());
        h.telnet.receive(bytes({IAC, WILL, SGA}));
        QCOMPARE(h.takeSent(), bytes({IAC, DO, SGA}));
        QVERIFY(h.telnet.negotiatedOptions().contains(QStringLiteral("DO ECHO")));
    }

    void unsupportedOptionsAreRefused()
    {
        Harness h;
        h.telnet.receive(bytes({IAC, DO, LINEMODE}));
        QCOMPARE(h.takeSent(), bytes({IAC, WONT, LINEMODE}));
        h.telnet.receive(bytes({IAC, WILL, STATUS}));
        QCOMPARE(h.takeSent(), bytes({IAC, DONT, STATUS}));
        // We do not echo for the host either.
        h.telnet.receive(bytes({IAC, DO, ECHO_}));
        QCOMPARE(h.takeSent(), bytes({IAC, WONT, ECHO_}));
        const QStringList options = h.telnet.negotiatedOptions();
        QVERIFY2(options.contains(QStringLiteral("WONT LINEMODE")), qPrintable(options.join(u',')));
        QVERIFY(options.contains(QStringLiteral("DONT STATUS")));
        // Data after refused negotiation still flows.
        h.telnet.receive(QByteArray("ok"));
        QCOMPARE(h.data, QByteArray("ok"));
    }
};

QTEST_GUILESS_MAIN(TestTelnetProtocol)
#include "TestTelnetProtocol.moc"
