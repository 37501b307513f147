#include "session/Session.h"

#include "terminal/TerminalModel.h"

#include "TestEnvironment.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

// Session over plain TCP against an in-process host on 127.0.0.1: what goes on the wire in raw
// and Telnet mode, and automatic reconnection.
class TestSession : public QObject
{
    Q_OBJECT

    struct Host
    {
        Host()
        {
            server.listen(QHostAddress::LocalHost);
            QObject::connect(&server, &QTcpServer::newConnection, [this] {
                while (QTcpSocket* s = server.nextPendingConnection()) {
                    ++accepted;
                    socket = s;
                    QObject::connect(s, &QTcpSocket::readyRead, [this, s] { received += s->readAll(); });
                    if (!greeting.isEmpty())
                        s->write(greeting);
                    if (closeAfterGreeting)
                        s->disconnectFromHost();
                }
            });
        }
        QTcpServer server;
        QPointer<QTcpSocket> socket;
        QByteArray greeting;
        QByteArray received;
        bool closeAfterGreeting = false;
        int accepted = 0;
    };

    static Profile plainProfile(quint16 port, SessionProtocol protocol)
    {
        Profile p;
        p.host = QStringLiteral("127.0.0.1");
        p.port = port;
        p.protocol = protocol;
        p.security.tlsEnabled = false;
        return p;
    }

private slots:
    void rawModeSendsBytesAsTheyAre()
    {
        Host host;
        host.greeting = "caf\xe9 \xff\r\n"; // ISO-8859-1, and a byte that would be IAC in Telnet
        Profile p = plainProfile(host.server.serverPort(), SessionProtocol::Raw);
        p.terminal.encoding = QStringLiteral("ISO-8859-1");
        Session session(p);
        session.open();
        QTRY_VERIFY(session.isConnected());
        QTRY_COMPARE(session.terminal()->screenText(), QStringLiteral("café ÿ"));
        session.sendText(QStringLiteral("ÿ\r"));
        QTRY_COMPARE(host.received, QByteArray("\xff\r"));
        QVERIFY(session.telnetOptions().isEmpty());
    }

    void japaneseEncodingsBothWays_data()
    {
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QByteArray>("nihon"); // 日本 in that encoding
        QTest::newRow("Shift_JIS") << QStringLiteral("Shift_JIS") << QByteArray("\x93\xfa\x96\x7b");
        QTest::newRow("EUC-JP") << QStringLiteral("EUC-JP") << QByteArray("\xc6\xfc\xcb\xdc");
        QTest::newRow("UTF-8") << QStringLiteral("UTF-8") << QByteArray("\xe6\x97\xa5\xe6\x9c\xac");
    }
    void japaneseEncodingsBothWays()
    {
        QFETCH(QString, encoding);
        QFETCH(QByteArray, nihon);
        Host host;
        Profile p = plainProfile(host.server.serverPort(), SessionProtocol::Raw);
        p.terminal.encoding = encoding;
        p.logging.mode = LoggingSettings::Mode::Text;
        p.logging.pathPattern =
            TestEnvironment::freshDir(QStringLiteral("log-") + encoding) + QStringLiteral("/log.txt");
        Session session(p);
        session.open();
        QTRY_VERIFY(session.isConnected());
        QTRY_VERIFY(host.socket);
        // The host's bytes arrive in two packets split inside a character.
        host.socket->write(nihon.left(1));
        host.socket->flush();
        QTRY_VERIFY(session.record().bytesReceived >= 1); // the first half was read on its own
        host.socket->write(nihon.mid(1) + "\r\n");
        QTRY_COMPARE(session.terminal()->screenText(), QStringLiteral("日本"));
        // Typed (or input-method) text goes out in the profile's encoding.
        session.sendText(QStringLiteral("日本"));
        QTRY_COMPARE(host.received, nihon);
        // The text log holds what was displayed, in UTF-8, the split character whole.
        session.close();
        QFile log(QFileInfo(p.logging.pathPattern).absoluteFilePath());
        QVERIFY(log.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(log.readAll()), QStringLiteral("日本\n"));
    }

    void floodIsParsedWhole()
    {
        Host host;
        QByteArray flood;
        for (int i = 0; flood.size() < 3 * 1024 * 1024; ++i)
            flood += "flood line " + QByteArray::number(i) + "\r\n";
        host.greeting = flood + "END-OF-FLOOD";
        host.closeAfterGreeting = true;
        Profile p = plainProfile(host.server.serverPort(), SessionProtocol::Raw);
        p.terminal.scrollbackLines = 1000;
        Session session(p);
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::State::Disconnected, 30000);
        QVERIFY2(session.terminal()->screenText().endsWith(QLatin1String("END-OF-FLOOD")),
                 qPrintable(QStringLiteral("received %1 of %2")
                                .arg(session.record().bytesReceived)
                                .arg(host.greeting.size())));
        QCOMPARE(session.terminal()->scrollbackCount(), 1000);
        QCOMPARE(session.record().bytesReceived, qint64(host.greeting.size()));
    }

    void telnetModeEscapesIacAndCr()
    {
        Host host;
        Profile p = plainProfile(host.server.serverPort(), SessionProtocol::Telnet);
        p.terminal.encoding = QStringLiteral("ISO-8859-1");
        Session session(p);
        session.open();
        QTRY_VERIFY(session.isConnected());
        QTRY_VERIFY(host.received.contains("\xff\xfb\x18")); // WILL TTYPE offered at once
        host.received.clear();
        session.sendText(QStringLiteral("ÿ\r"));
        QTRY_COMPARE(host.received, QByteArray("\xff\xff\r\0", 4));
        // From the host: IAC IAC is one data byte, negotiation is not shown.
        host.socket->write("\xff\xfd\x22x\xff\xffy");
        QTRY_COMPARE(session.terminal()->screenText(), QStringLiteral("ÿ\nxÿy")); // ÿ: local echo
        QTRY_VERIFY(host.received.contains("\xff\xfc\x22"));                      // WONT LINEMODE
    }

    void telnetEchoesLocallyUntilTheHostEchoes()
    {
        Host host;
        Session session(plainProfile(host.server.serverPort(), SessionProtocol::Telnet));
        session.open();
        QTRY_VERIFY(session.isConnected());
        QTRY_VERIFY(host.socket);
        // The host has not offered to echo: typing shows locally (RFC 854's default).
        session.sendText(QStringLiteral("abx"));
        session.terminal()->sendKey(TerminalKey::Backspace);
        session.sendText(QStringLiteral("c"));
        session.terminal()->sendKey(TerminalKey::Up); // a key sequence is not shown
        session.terminal()->sendKey(TerminalKey::Enter);
        QCOMPARE(session.terminal()->screenText(), QStringLiteral("abc"));
        QCOMPARE(session.terminal()->cursor(), QPoint(0, 1));
        // Once the host echoes, nothing is shown twice.
        host.socket->write("\xff\xfb\x01"); // WILL ECHO
        QTRY_VERIFY(session.telnetOptions().contains(QStringLiteral("DO ECHO")));
        session.sendText(QStringLiteral("hidden"));
        QCOMPARE(session.terminal()->screenText(), QStringLiteral("abc"));
        QTRY_VERIFY(host.received.endsWith("hidden"));
    }

    void autoReconnectWithBackoff()
    {
        Host host;
        host.greeting = "bye\r\n";
        host.closeAfterGreeting = true;
        Profile p = plainProfile(host.server.serverPort(), SessionProtocol::Raw);
        p.terminal.autoReconnect = true;
        Session session(p);
        QSignalSpy scheduled(&session, &Session::reconnectScheduled);
        session.open();
        QTRY_VERIFY_WITH_TIMEOUT(scheduled.count() >= 1, 10000);
        QCOMPARE(scheduled.at(0).at(0).toInt(), 1); // first retry after one second
        QCOMPARE(session.state(), Session::State::Disconnected);
        QTRY_VERIFY_WITH_TIMEOUT(host.accepted >= 2, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(scheduled.count() >= 2, 10000);
        QCOMPARE(scheduled.at(1).at(0).toInt(), 1); // it connected, so the backoff started over
        // The user closing stops it.
        session.close();
        QCOMPARE(session.reconnectDelay(), 0);
        QVERIFY(session.closedByUser());
    }

    void backoffGrowsWhileTheHostIsDown()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        Profile p = plainProfile(port, SessionProtocol::Raw);
        p.terminal.autoReconnect = true;
        Session session(p);
        QSignalSpy scheduled(&session, &Session::reconnectScheduled);
        session.open();
        QTRY_VERIFY_WITH_TIMEOUT(scheduled.count() >= 2, 10000);
        QCOMPARE(session.state(), Session::State::Failed);
        QCOMPARE(session.failure().entryId, QStringLiteral("connection-refused"));
        QCOMPARE(scheduled.at(0).at(0).toInt(), 1);
        QCOMPARE(scheduled.at(1).at(0).toInt(), 2);
        session.close();
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "TestSession.moc"
