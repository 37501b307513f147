#include "session/Session.h"

#include "StunnelServer.h"

#include "terminal/TerminalModel.h"
#include "TestEnvironment.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

// The whole path against a real Telnet server: TLS through Connection, Telnet negotiation
// through libtelnet, the host's shell through the terminal model.
class TestSessionTelnet : public QObject
{
    Q_OBJECT

    StunnelServer m_server; // telnetd
    QString m_dir;

    Profile profile() const
    {
        Profile p;
        p.name = QStringLiteral("loopback");
        p.host = QStringLiteral("localhost");
        p.port = m_server.port();
        p.protocol = SessionProtocol::Telnet;
        p.security.trustSource = TrustSource::App;
        p.security.extraCaFiles = {m_server.caFile()};
        p.terminal.terminalType = QStringLiteral("vt220");
        p.terminal.columns = 80;
        p.terminal.rows = 24;
        return p;
    }

    static QString screen(const Session& s) { return s.terminal()->screenText(); }

    static bool hasPrompt(const Session& s)
    {
        // sh prints "$ " (or "# " as root) once telnetd has started it; screenText() trims the blank.
        const QString text = screen(s);
        return text.endsWith(QLatin1Char('$')) || text.endsWith(QLatin1Char('#'));
    }

private slots:
    void initTestCase()
    {
        if (!StunnelServer::telnetdAvailable())
            QSKIP("stunnel4 or inetutils-telnetd is not installed (packaging/install-deps.sh installs them)");
        m_dir = TestEnvironment::freshDir(QStringLiteral("telnet"));
        QVERIFY2(m_server.startTelnetd(m_dir), qPrintable(m_server.output()));
    }

    void promptCommandsTerminalTypeAndWindowSize()
    {
        Session session(profile());
        session.setWindowSize(80, 24);
        session.open();
        QTRY_VERIFY_WITH_TIMEOUT(session.state() != Session::State::Connecting, 20000);
        QVERIFY2(session.isConnected(), qPrintable(session.failure().evidence.join(u'\n')));
        QVERIFY(session.record().encryptedReached);
        QTRY_VERIFY2_WITH_TIMEOUT(hasPrompt(session),
                                  qPrintable(screen(session) + session.telnetOptions().join(u',')), 20000);

        session.sendText(QStringLiteral("echo T=$TERM R=$((6*7))\r"));
        QTRY_VERIFY_WITH_TIMEOUT(screen(session).contains(QLatin1String("T=vt220 R=42")), 10000);

        session.sendText(QStringLiteral("stty size\r"));
        QTRY_VERIFY_WITH_TIMEOUT(screen(session).contains(QLatin1String("\n24 80")), 10000);
        session.setWindowSize(100, 30);
        QCOMPARE(session.terminal()->columns(), 100);
        session.sendText(QStringLiteral("stty size\r"));
        QTRY_VERIFY_WITH_TIMEOUT(screen(session).contains(QLatin1String("\n30 100")), 10000);

        const QStringList options = session.telnetOptions();
        QVERIFY2(options.contains(QStringLiteral("WILL TTYPE")), qPrintable(options.join(u',')));
        QVERIFY(options.contains(QStringLiteral("WILL NAWS")));

        // The host ends the session: the terminal keeps what it showed.
        QSignalSpy state(&session, &Session::stateChanged);
        session.sendText(QStringLiteral("exit\r"));
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::State::Disconnected, 10000);
        QVERIFY(!session.closedByUser());
        QVERIFY(screen(session).contains(QLatin1String("T=vt220 R=42")));
        QVERIFY(session.record().telnetOptions.contains(QStringLiteral("WILL TTYPE")));
    }

    void shiftJisFromTheHostAndTextLog()
    {
        Profile p = profile();
        p.terminal.encoding = QStringLiteral("Shift_JIS");
        p.logging.mode = LoggingSettings::Mode::Text;
        p.logging.pathPattern = m_dir + QStringLiteral("/%N.log");
        Session session(p);
        session.open();
        QTRY_VERIFY_WITH_TIMEOUT(session.isConnected(), 20000);
        QTRY_VERIFY2_WITH_TIMEOUT(hasPrompt(session),
                                  qPrintable(screen(session) + session.telnetOptions().join(u',')), 20000);
        // printf's octal escapes are the Shift_JIS bytes of 日本: the host sends Shift_JIS.
        session.sendText(QStringLiteral("printf 'J=\\223\\372\\226\\173\\n'\r"));
        QTRY_VERIFY_WITH_TIMEOUT(screen(session).contains(QStringLiteral("J=日本")), 10000);
        session.close();
        QCOMPARE(session.state(), Session::State::Disconnected);
        QVERIFY(session.closedByUser());
        QFile log(m_dir + QStringLiteral("/loopback.log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QString logged = QString::fromUtf8(log.readAll());
        QVERIFY2(logged.contains(QStringLiteral("J=日本\n")), qPrintable(logged));
        QVERIFY(!logged.contains(QLatin1Char('\x1b')));
    }

    void reconnectKeepsTheTerminal()
    {
        Session session(profile());
        session.open();
        QTRY_VERIFY_WITH_TIMEOUT(session.isConnected(), 20000);
        QTRY_VERIFY2_WITH_TIMEOUT(hasPrompt(session),
                                  qPrintable(screen(session) + session.telnetOptions().join(u',')), 20000);
        session.sendText(QStringLiteral("echo first-$((1+1))\r"));
        QTRY_VERIFY_WITH_TIMEOUT(screen(session).contains(QLatin1String("first-2")), 10000);
        session.reconnect();
        QTRY_VERIFY_WITH_TIMEOUT(session.isConnected(), 20000);
        session.sendText(QStringLiteral("echo second-$((2+2))\r"));
        QTRY_VERIFY_WITH_TIMEOUT(screen(session).contains(QLatin1String("second-4")), 10000);
        QVERIFY(screen(session).contains(QLatin1String("first-2")));
    }

    void userIsSentThroughNewEnviron()
    {
        Profile p = profile();
        p.terminal.userName = QStringLiteral("tsunagi-user");
        Session session(p);
        session.open();
        QTRY_VERIFY_WITH_TIMEOUT(session.isConnected(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(hasPrompt(session), 20000);
        QVERIFY2(session.telnetOptions().contains(QStringLiteral("WILL NEW-ENVIRON")),
                 qPrintable(session.telnetOptions().join(u',')));
        session.sendText(QStringLiteral("echo U=$USER\r"));
        QTRY_VERIFY2_WITH_TIMEOUT(screen(session).contains(QLatin1String("U=tsunagi-user")),
                                  qPrintable(screen(session)), 10000);
    }

    void fullScreenProgramUsesTheAlternateScreen()
    {
        Profile p = profile();
        p.terminal.terminalType = QStringLiteral("xterm-256color");
        Session session(p);
        session.setWindowSize(100, 30);
        session.open();
        QTRY_VERIFY_WITH_TIMEOUT(session.isConnected(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(hasPrompt(session), 20000);
        session.sendText(QStringLiteral("echo before-less\r"));
        QTRY_VERIFY_WITH_TIMEOUT(screen(session).contains(QLatin1String("\nbefore-less")), 10000);
        session.sendText(QStringLiteral("seq -f 'row %g' 1 500 | less\r"));
        QTRY_VERIFY2_WITH_TIMEOUT(session.terminal()->altScreen(), qPrintable(screen(session)), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(screen(session).contains(QLatin1String("row 20\n")), 10000);
        // less reads the keys the terminal sends in its (application) cursor mode.
        session.terminal()->sendKey(TerminalKey::PageDown);
        QTRY_VERIFY_WITH_TIMEOUT(screen(session).contains(QLatin1String("row 50\n")), 10000);
        QVERIFY(!screen(session).contains(QLatin1String("row 20\n")));
        session.sendText(QStringLiteral("q"));
        QTRY_VERIFY_WITH_TIMEOUT(!session.terminal()->altScreen(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(hasPrompt(session), 10000);
        QVERIFY(screen(session).contains(QLatin1String("\nbefore-less")));
        QVERIFY(!screen(session).contains(QLatin1String("row 50\n")));
    }

    void failureIsClassified()
    {
        Profile p = profile();
        p.security.extraCaFiles.clear(); // the test CA is not trusted
        Session session(p);
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::State::Failed, 20000);
        QCOMPARE(session.failure().entryId, QStringLiteral("certificate-untrusted"));
    }
};

QTEST_GUILESS_MAIN(TestSessionTelnet)
#include "TestSessionTelnet.moc"
