// A hostile or broken host on the other end of a live session (plain TCP, raw and Telnet): floods,
// endless escape sequences and strings, invalid encodings, answer-back requests. The session must
// keep the event loop responsive, keep memory bounded, never answer with host-chosen text, and
// close when the user closes it.
#include "HostilePeers.h"
#include "session/Session.h"
#include "StunnelServer.h"
#include "terminal/TerminalModel.h"
#include "TestEnvironment.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

namespace {

constexpr int kScrollbackLines = 2000;

Profile plainProfile(quint16 port, SessionProtocol protocol,
                     const QString& encoding = QStringLiteral("UTF-8"))
{
    Profile p;
    p.name = QStringLiteral("hostile");
    p.host = QStringLiteral("127.0.0.1");
    p.port = port;
    p.protocol = protocol;
    p.security.tlsEnabled = false;
    p.terminal.scrollbackLines = kScrollbackLines;
    p.terminal.encoding = encoding;
    return p;
}

// Sends `chunk` `repeat` times (prefix first), then keeps the connection open reading whatever
// the client says, until the client closes.
ThreadedServer::Script flood(QByteArray prefix, QByteArray chunk, qint64 repeat, QByteArray suffix = {})
{
    return [=](ThreadedServer& server) {
        if (!server.send(prefix))
            return;
        for (qint64 i = 0; i < repeat; ++i) {
            if (!server.send(chunk))
                return;
        }
        server.send(suffix);
        server.receiveUntilClosed();
    };
}

// The megabytes a flood sends; FLOOD_MB overrides (the issue's 200 MB: see floodWithoutNewline()).
qint64 floodMegabytes(qint64 fallback)
{
    bool ok = false;
    const qint64 mb = qEnvironmentVariableIntValue("TSUNAGI_HOSTILE_FLOOD_MB", &ok);
    return ok && mb > 0 ? mb : fallback;
}

} // namespace

class TestHostileHosts : public QObject
{
    Q_OBJECT

    // Waits until `total` bytes arrived at the connected session, and checks the event loop
    // never stalled past the bound meanwhile.
    static void receiveWithoutStalling(Session& session, StallWatchdog& watchdog, qint64 total, int timeoutMs)
    {
        watchdog.start();
        QTRY_VERIFY_WITH_TIMEOUT(session.record().bytesReceived >= total, timeoutMs);
        qInfo("%lld MB in, longest event-loop stall %lld ms (bound %lld ms), %d ticks", total >> 20,
              watchdog.longestStallMs(), StallWatchdog::boundMs(), watchdog.ticks());
        QVERIFY(watchdog.ticks() > 0);
        QVERIFY2(watchdog.longestStallMs() <= StallWatchdog::boundMs(),
                 qPrintable(QStringLiteral("event loop blocked for %1 ms").arg(watchdog.longestStallMs())));
    }

    // Opens a session to the server, waits until `total` bytes arrived at the session, checks the
    // event loop never stalled past the bound and the scrollback limit held, then closes.
    void survive(ThreadedServer& server, const Profile& profile, qint64 total, int timeoutMs = 120000)
    {
        Session session(profile);
        StallWatchdog watchdog;
        const qint64 rssBefore = residentKb();
        session.open();
        QTRY_VERIFY_WITH_TIMEOUT(session.isConnected(), 10000);
        receiveWithoutStalling(session, watchdog, total, timeoutMs);
        if (QTest::currentTestFailed())
            return;
        qInfo("RSS %lld -> %lld kB", rssBefore, residentKb());
        TerminalModel* terminal = session.terminal();
        QVERIFY(terminal->scrollbackCount() <= kScrollbackLines);
        QCOMPARE(terminal->scrollbackCapacity(), kScrollbackLines);
        if (!sanitizedBuild()) {
            // Everything that arrived went through; nothing of it may pile up. (The allocator of a
            // sanitizer build keeps freed memory in quarantine, so only plain builds measure.)
            QVERIFY2(residentKb() - rssBefore < 128 * 1024,
                     qPrintable(QStringLiteral("RSS grew by %1 kB").arg(residentKb() - rssBefore)));
        }
        // The user can still close the session, and it really closes.
        session.close();
        QCOMPARE(session.state(), Session::State::Disconnected);
        QTRY_VERIFY_WITH_TIMEOUT(server.peerClosed(), 10000);
    }

private slots:
    void floodWithoutNewline()
    {
        // 50 MB (16 MB in a sanitizer build) rather than the issue's 200 MB: the cost per byte is
        // the same all the way (the line wraps; the 2,000-line scrollback is full after 160 KB and
        // stays full), and 200 MB take minutes under ASan. TSUNAGI_HOSTILE_FLOOD_MB=200 runs it.
        const qint64 megabytes = floodMegabytes(sanitizedBuild() ? 16 : 50);
        ThreadedServer server(flood({}, QByteArray(1024 * 1024, 'A'), megabytes));
        QVERIFY(server.listen());
        survive(server, plainProfile(server.port(), SessionProtocol::Raw), megabytes << 20);
    }

    void tlsFloodFromAFastHost()
    {
        // `yes` behind stunnel: a host that sends as fast as TLS goes. QSslSocket signals
        // readyRead for every TLS record while it decrypts what has arrived, all in one turn of
        // the event loop; reading there kept the loop busy for most of a second at a time.
        if (!StunnelServer::stunnelAvailable())
            QSKIP("stunnel4 is not installed (packaging/install-deps.sh installs it)");
        StunnelServer server;
        QVERIFY2(server.start(TestEnvironment::freshDir(QStringLiteral("tls-flood")),
                              QStringLiteral("/usr/bin/yes"), {QStringLiteral("yes")}),
                 qPrintable(server.output()));
        Profile profile = plainProfile(server.port(), SessionProtocol::Raw);
        profile.host = QStringLiteral("localhost");
        profile.security.tlsEnabled = true;
        profile.security.trustSource = TrustSource::App;
        profile.security.extraCaFiles = {server.caFile()};
        Session session(profile);
        StallWatchdog watchdog;
        session.open();
        QTRY_VERIFY_WITH_TIMEOUT(session.state() != Session::State::Connecting, 20000);
        QVERIFY2(session.isConnected(), qPrintable(session.failure().evidence.join(u'\n')));
        receiveWithoutStalling(session, watchdog, (sanitizedBuild() ? 8 : 32) << 20, 120000);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(session.terminal()->screenText().endsWith(QLatin1Char('y')));
        session.close();
        QCOMPARE(session.state(), Session::State::Disconnected);
    }

    void millionEscapeSequences()
    {
        // 1,000,000 SGR sequences and cursor moves with a character each, no newline.
        QByteArray block;
        for (int i = 0; i < 1000; ++i)
            block += QByteArray("\x1b[1;3") + char('0' + i % 8) + "m\x1b[" + QByteArray::number(i % 24 + 1) +
                     ";" + QByteArray::number(i % 80 + 1) + "Hx\x1b[0m";
        const QByteArray chunk = block;
        ThreadedServer server(flood({}, chunk, 1000));
        QVERIFY(server.listen());
        survive(server, plainProfile(server.port(), SessionProtocol::Raw), chunk.size() * 1000);
    }

    void invalidUtf8()
    {
        QByteArray garbage(1024 * 1024, Qt::Uninitialized);
        QRandomGenerator random(8);
        for (char& c : garbage)
            c = char(0x80 | random.bounded(0x80)); // continuation bytes and lead bytes without followers
        const int megabytes = sanitizedBuild() ? 4 : 10; // the cost per byte does not change with size
        ThreadedServer server(flood("\xf4\x90\x80\x80\xed\xa0\x80\xc0\xaf", garbage, megabytes));
        QVERIFY(server.listen());
        survive(server, plainProfile(server.port(), SessionProtocol::Raw), 9 + garbage.size() * megabytes);
    }

    void invalidShiftJis()
    {
        QByteArray garbage(1024 * 1024, Qt::Uninitialized);
        QRandomGenerator random(9);
        for (char& c : garbage) // lead bytes followed by bytes that cannot trail, and stray trail bytes
            c = char(random.bounded(2) ? 0x81 + random.bounded(0x1f) : random.bounded(0x40));
        const int megabytes = sanitizedBuild() ? 4 : 10;
        ThreadedServer server(flood({}, garbage, megabytes, "\x82"));
        QVERIFY(server.listen());
        survive(server, plainProfile(server.port(), SessionProtocol::Raw, QStringLiteral("Shift_JIS")),
                garbage.size() * megabytes + 1);
    }

    void tenMegabyteOscString()
    {
        // A title that never stops (OSC 2), then a clipboard write (OSC 52) just as long.
        ThreadedServer server(flood("\x1b]2;", QByteArray(1024 * 1024, 'T'), 10,
                                    QByteArray("\x07\x1b]52;c;") + QByteArray(10 << 20, 'Q') + "\x07"));
        QVERIFY(server.listen());
        Session session(plainProfile(server.port(), SessionProtocol::Raw));
        StallWatchdog watchdog;
        session.open();
        QTRY_VERIFY_WITH_TIMEOUT(session.isConnected(), 10000);
        watchdog.start();
        const qint64 total = 4 + (10 << 20) + 7 + (10 << 20) + 1;
        QTRY_VERIFY_WITH_TIMEOUT(session.record().bytesReceived >= total, 120000);
        QVERIFY2(watchdog.longestStallMs() <= StallWatchdog::boundMs(),
                 qPrintable(QStringLiteral("event loop blocked for %1 ms").arg(watchdog.longestStallMs())));
        QVERIFY(session.terminal()->title().size() <= 256);
        session.close();
        QCOMPARE(session.state(), Session::State::Disconnected);
    }

    void telnetSubnegotiationThatNeverEnds()
    {
        // IAC SB TTYPE and then 10 MB without IAC SE: libtelnet's buffer is capped, the rest is dropped.
        const int megabytes = sanitizedBuild() ? 4 : 10;
        ThreadedServer server(flood("\xff\xfa\x18", QByteArray(1024 * 1024, 'x'), megabytes));
        QVERIFY(server.listen());
        survive(server, plainProfile(server.port(), SessionProtocol::Telnet), 3 + (megabytes << 20));
    }

    void answerBackNeverCarriesHostText()
    {
        // The host sets a title and a clipboard, then asks for them back in every way a terminal
        // might answer: title and icon reports, OSC 52 query, DECRQSS, ENQ answer-back, plus the
        // harmless status reports (DA, cursor position) that prove answers do flow.
        const QByteArray requests =
            QByteArray("\x1b]2;EVIL-TITLE\x07\x1b]1;EVIL-ICON\x07"
                       "\x1b]52;c;RVZJTC1DTElQ\x07") +
            "\x1b[21t\x1b[20t\x1b]52;c;?\x07\x1b]l\x1b]L"          // reports
            "\x1bP$qEVIL\x1b\\\x1bP$q\"p\x1b\\\x1bP+q45564c\x1b\\" // DECRQSS, XTGETTCAP
            "\x05"                                                 // ENQ
            "\x1b[c\x1b[>c\x1b[6n\x1b[5n"                          // DA, CPR, status
            "answer-back test done\r\n";
        ThreadedServer server([&](ThreadedServer& s) {
            s.send(requests);
            s.receiveUntilClosed();
        });
        QVERIFY(server.listen());
        Session session(plainProfile(server.port(), SessionProtocol::Raw));
        session.open();
        QTRY_VERIFY_WITH_TIMEOUT(session.isConnected(), 10000);
        QTRY_VERIFY(session.terminal()->screenText().contains(QLatin1String("answer-back test done")));
        // The cursor position report is an answer the host may have: it arrives, so answers flow.
        QTRY_VERIFY(server.received().contains("R"));
        session.close();
        QTRY_VERIFY_WITH_TIMEOUT(server.peerClosed(), 10000);
        const QByteArray answers = server.received();
        qInfo("answers: %s", answers.toHex(' ').constData());
        for (const char* hostText : {"EVIL", "RVZJ", "ICON", "TITLE", "45564c", "EVIL-CLIP"})
            QVERIFY2(!answers.contains(hostText), hostText);
        QCOMPARE(session.terminal()->title(), QStringLiteral("EVIL-TITLE")); // shown, never sent
    }
};

QTEST_GUILESS_MAIN(TestHostileHosts)
#include "TestHostileHosts.moc"
