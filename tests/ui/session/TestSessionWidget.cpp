#include "ui/session/SessionWidget.h"

#include "LoopbackPeers.h"
#include "session/Session.h"
#include "terminal/TerminalModel.h"
#include "TestEnvironment.h"
#include "TestPki.h"
#include "ui/diagnosis/ErrorDialog.h"
#include "ui/security/CertificateViewerDialog.h"
#include "ui/session/TerminalWidget.h"
#include "ui/widgets/MessageBar.h"
#include "ui/widgets/MessageBox.h"

#include <QAction>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QTcpServer>
#include <QTest>
#include <QToolButton>

class TestSessionWidget : public QObject
{
    Q_OBJECT

    QString m_dir;
    TestPki::Credential m_ca;
    TestPki::Credential m_server;

    Profile profileFor(quint16 port) const
    {
        Profile p;
        p.name = QStringLiteral("Echo");
        p.host = QStringLiteral("localhost");
        p.port = port;
        p.protocol = SessionProtocol::Raw;
        p.security.trustSource = TrustSource::App;
        p.security.extraCaFiles = {m_dir + QStringLiteral("/ca.pem")};
        return p;
    }

    static QString screen(const SessionWidget& w) { return w.session()->terminal()->screenText(); }

private slots:
    void initTestCase()
    {
        m_dir = TestEnvironment::freshDir(QStringLiteral("session-widget"));
        m_ca = TestPki::makeCa(QStringLiteral("Session Widget Test CA"));
        m_server = TestPki::issueServer(m_ca);
        QVERIFY(m_ca.writeCertificate(m_dir + QStringLiteral("/ca.pem")));
    }

    void init() { MessageBox::resetForTests(); }

    void connectsShowsOutputAndReconnectKeepsScrollback()
    {
        TlsTestServer server;
        server.setCredentials(m_server.certificate(), m_server.key());
        server.setGreeting("greeting from the host\r\n");
        QVERIFY(server.listen());

        SessionWidget widget(profileFor(server.port()));
        widget.resize(800, 500);
        widget.show();
        // The lock's icon says whether the session is encrypted (the icons are shared by all tabs).
        auto* lock = widget.findChild<QToolButton*>(QStringLiteral("sessionLock"));
        QVERIFY(lock);
        const auto iconImage = [](const QIcon& icon) { return icon.pixmap(16, 16).toImage(); };
        const QIcon secureIcon = widget.style()->standardIcon(QStyle::SP_DialogApplyButton);
        const QIcon openIcon = widget.style()->standardIcon(QStyle::SP_MessageBoxWarning);
        QVERIFY(iconImage(secureIcon) != iconImage(openIcon));
        QCOMPARE(iconImage(lock->icon()), iconImage(openIcon));
        QSignalSpy state(&widget, &SessionWidget::connectionStateChanged);
        widget.start();
        QTRY_VERIFY_WITH_TIMEOUT(widget.isConnected(), 15000);
        QCOMPARE(iconImage(lock->icon()), iconImage(secureIcon));
        SessionWidget secondTab(profileFor(server.port()));
        SessionWidget thirdTab(profileFor(server.port()));
        QCOMPARE(secondTab.findChild<QToolButton*>(QStringLiteral("sessionLock"))->icon().cacheKey(),
                 thirdTab.findChild<QToolButton*>(QStringLiteral("sessionLock"))->icon().cacheKey());
        QTRY_VERIFY(screen(widget).contains(QLatin1String("greeting from the host")));
        QVERIFY(widget.statusText().contains(QStringLiteral("localhost:%1").arg(server.port())));
        QVERIFY(widget.statusText().contains(QLatin1String("TLSv1.")));
        QVERIFY(!widget.messageBar()->isVisible());

        // Typed text goes to the host (which echoes it).
        QTest::keyClicks(widget.terminalWidget(), QStringLiteral("typed-text"));
        QTRY_VERIFY(screen(widget).contains(QLatin1String("typed-text")));
        if (qEnvironmentVariableIsSet("TSUNAGI_SAVE_GRAB")) // for looking at it by eye
            widget.grab().save(qEnvironmentVariable("TSUNAGI_SAVE_GRAB"));

        // Fill the scrollback, then reconnect with Ctrl+Shift+R: the scrollback stays.
        TerminalModel* model = widget.session()->terminal();
        for (int i = 0; i < 200; ++i)
            model->write(QByteArrayView(QStringLiteral("old line %1\r\n").arg(i).toUtf8()));
        const int scrollback = model->scrollbackCount();
        QVERIFY(scrollback > 100);
        QVERIFY(widget.reconnectAction()->isEnabled());
        QTest::keyClick(widget.terminalWidget(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(widget.isConnected(), 15000);
        QTRY_COMPARE(server.encryptedCount(), 2);
        QVERIFY(model->scrollbackCount() >= scrollback);
        QCOMPARE(model->line(model->firstLine()).text().trimmed(), QStringLiteral("greeting from the host"));
        QTRY_VERIFY(screen(widget).contains(QLatin1String("greeting from the host")));

        // The lock shows the host's certificate chain.
        QVERIFY(lock->isEnabled());
        lock->click();
        auto* viewer = widget.findChild<CertificateViewerDialog*>();
        QVERIFY(viewer);
        QTRY_VERIFY(viewer->isVisible());
        viewer->close();
        // Closing a live tab asks; "No" keeps it.
        MessageBox::setNextAnswer(QMessageBox::No);
        QVERIFY(!widget.confirmClose());
        QCOMPARE(MessageBox::messageCount(), 1);
        SessionWidget::setConfirmCloseLiveSession(false);
        QVERIFY(widget.confirmClose());
        SessionWidget::setConfirmCloseLiveSession(true);
    }

    void droppedConnectionOffersReconnect()
    {
        TlsTestServer server;
        server.setCredentials(m_server.certificate(), m_server.key());
        server.setGreeting("short-lived\r\n");
        QVERIFY(server.listen());
        SessionWidget widget(profileFor(server.port()));
        widget.show();
        widget.start();
        QTRY_VERIFY_WITH_TIMEOUT(widget.isConnected(), 15000);
        QTRY_VERIFY(screen(widget).contains(QLatin1String("short-lived")));
        widget.session()->close();
        QCOMPARE(widget.session()->state(), Session::State::Disconnected);
        QVERIFY(widget.messageBar()->isVisible());
        bool hasReconnect = false;
        for (QPushButton* b : widget.messageBar()->actionButtons())
            hasReconnect |= b->text() == QLatin1String("Reconnect");
        QVERIFY(hasReconnect);
        QVERIFY(screen(widget).contains(QLatin1String("short-lived"))); // shown in place
        QVERIFY(widget.confirmClose());                                 // not connected: no question
        QCOMPARE(MessageBox::messageCount(), 0);
    }

    void failureShowsTheCatalogueEntryInline()
    {
        // A port where nothing listens.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        SessionWidget widget(profileFor(port));
        widget.show();
        widget.start();
        QTRY_COMPARE_WITH_TIMEOUT(widget.session()->state(), Session::State::Failed, 15000);
        QCOMPARE(widget.session()->failure().entryId, QStringLiteral("connection-refused"));
        QVERIFY(widget.messageBar()->isVisible());
        QCOMPARE(widget.messageBar()->type(), MessageBar::Type::Error);
        QStringList buttons;
        for (QPushButton* b : widget.messageBar()->actionButtons())
            buttons << b->text();
        QVERIFY2(buttons.contains(QStringLiteral("Details…")), qPrintable(buttons.join(u',')));
        QVERIFY(buttons.contains(QStringLiteral("Retry")));
        // An edited profile applies to the open tab.
        Profile edited = widget.profile();
        edited.name = QStringLiteral("Renamed");
        edited.terminal.fontSize = 17;
        QSignalSpy title(&widget, &SessionWidget::titleChanged);
        widget.applyProfile(edited);
        QCOMPARE(widget.terminalWidget()->terminalFont().pointSize(), 17);
        QCOMPARE(title.count(), 1);
        QCOMPARE(title.at(0).at(0).toString(), QStringLiteral("Renamed"));
        // "Details…" opens the error dialog with the same diagnosis.
        for (QPushButton* b : widget.messageBar()->actionButtons()) {
            if (b->text() == QStringLiteral("Details…"))
                b->click();
        }
        auto* dialog = widget.findChild<ErrorDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->diagnosis().entryId, QStringLiteral("connection-refused"));
        // Retry from the dialog tries again in the same tab.
        QSignalSpy state(widget.session(), &Session::stateChanged);
        emit dialog->retryRequested();
        QVERIFY(state.count() >= 1);
        QTRY_COMPARE_WITH_TIMEOUT(widget.session()->state(), Session::State::Failed, 15000);
    }

    void failureOpensTheErrorDialogBySetting()
    {
        // A failed connection explains itself at once (the setting's default), and only then.
        for (const bool show : {true, false}) {
            SessionWidget::setShowErrorDialogOnFailure(show);
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            const quint16 port = probe.serverPort();
            probe.close();
            SessionWidget widget(profileFor(port));
            widget.show();
            widget.start();
            QTRY_COMPARE_WITH_TIMEOUT(widget.session()->state(), Session::State::Failed, 15000);
            auto* dialog = widget.findChild<ErrorDialog*>();
            if (show) {
                QVERIFY(dialog);
                QTRY_VERIFY(dialog->isVisible());
                QCOMPARE(dialog->diagnosis().entryId, QStringLiteral("connection-refused"));
                dialog->close();
            } else {
                QVERIFY(!dialog || !dialog->isVisible());
            }
            QVERIFY(widget.messageBar()->isVisible()); // the inline result stays either way
        }
        SessionWidget::setShowErrorDialogOnFailure(true);
    }

    void connectingBarWaitsForASlowConnection()
    {
        // A connection made at once shows no "Connecting to" bar (it would flash and resize the
        // terminal twice before the host's first output); one that takes time shows it.
        SilentListener server; // takes the TCP connection, never answers the handshake
        QVERIFY(server.listen());
        SessionWidget widget(profileFor(server.port()));
        widget.show();
        widget.start();
        QCOMPARE(widget.session()->state(), Session::State::Connecting);
        QVERIFY(widget.messageBar()->isHidden());
        QTRY_VERIFY(widget.messageBar()->isVisible());
        QCOMPARE(widget.session()->state(), Session::State::Connecting);
        QCOMPARE(widget.messageBar()->text(),
                 QStringLiteral("Connecting to localhost:%1…").arg(server.port()));
        QCOMPARE(widget.messageBar()->type(), MessageBar::Type::Information);
        QVERIFY(widget.messageBar()->actionButtons().isEmpty());
        // A bar that already shows (the result of the last attempt) says it at once.
        widget.session()->close();
        QVERIFY(widget.messageBar()->isVisible());
        widget.reconnect();
        QCOMPARE(widget.messageBar()->text(),
                 QStringLiteral("Connecting to localhost:%1…").arg(server.port()));
        QVERIFY(widget.messageBar()->actionButtons().isEmpty());
        widget.session()->close();
    }

    void hostEndingTheSessionOpensNoDialog()
    {
        TlsTestServer server;
        server.setCredentials(m_server.certificate(), m_server.key());
        server.setGreeting("bye\r\n");
        QVERIFY(server.listen());
        SessionWidget widget(profileFor(server.port()));
        widget.show();
        widget.start();
        QTRY_VERIFY_WITH_TIMEOUT(widget.isConnected(), 15000);
        widget.session()->close();
        QCOMPARE(widget.session()->state(), Session::State::Disconnected);
        auto* dialog = widget.findChild<ErrorDialog*>();
        QVERIFY(!dialog || !dialog->isVisible());
    }
};

QTEST_MAIN(TestSessionWidget)
#include "TestSessionWidget.moc"
