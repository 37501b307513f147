// The demo lab as a user meets it: the Demo folder is added through the ProfileManager, and each
// of its profiles is opened as a Session (keychain secrets, Connection, Telnet, terminal model,
// Classifier), exactly as a double-click in the main window opens it.

#include "core/Translations.h"
#include "demo/DemoController.h"
#include "demo/DemoLab.h"
#include "profiles/ProfileManager.h"
#include "security/CipherPolicy.h"
#include "session/Session.h"
#include "terminal/TerminalModel.h"

#include "TestEnvironment.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTcpSocket>
#include <QTest>

namespace {

struct ListeningSocket
{
    QString address;   // hex, as the kernel writes it ("0100007F" is 127.0.0.1)
    bool ours = false; // held by this process (another test may reuse a port we gave back)
};

// Listening TCP sockets of this machine from /proc/net/tcp and tcp6, by port.
QMultiHash<quint16, ListeningSocket> listeningSockets()
{
    QSet<QByteArray> ownInodes;
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QFileInfo& fd : fds.entryInfoList(QDir::System | QDir::NoDotAndDotDot)) {
        const QString target = fd.symLinkTarget();
        const QString name = target.section(QLatin1Char('/'), -1);
        if (name.startsWith(QLatin1String("socket:[")))
            ownInodes.insert(name.mid(8).chopped(1).toLatin1());
    }
    QMultiHash<quint16, ListeningSocket> sockets;
    for (const QString& table : {QStringLiteral("/proc/net/tcp"), QStringLiteral("/proc/net/tcp6")}) {
        QFile file(table);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (const QByteArray& line : lines.mid(1)) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            if (fields.size() < 10 || fields.at(3) != "0A") // 0A = LISTEN
                continue;
            const QList<QByteArray> local = fields.at(1).split(':');
            sockets.insert(quint16(local.value(1).toUInt(nullptr, 16)),
                           {QString::fromLatin1(local.value(0)), ownInodes.contains(fields.at(9))});
        }
    }
    return sockets;
}

bool listensHere(const QMultiHash<quint16, ListeningSocket>& sockets, quint16 port)
{
    const QList<ListeningSocket> onPort = sockets.values(port);
    return std::any_of(onPort.cbegin(), onPort.cend(), [](const ListeningSocket& s) { return s.ours; });
}

bool isLoopbackHex(const QString& address)
{
    // IPv4 127.0.0.1 as /proc writes it (little-endian), or IPv6 ::1.
    return address == QLatin1String("0100007F") ||
           address == QLatin1String("00000000000000000000000001000000");
}

} // namespace

class TestDemoLab final : public QObject
{
    Q_OBJECT

private:
    ProfileManager* m_manager = nullptr;
    DemoController* m_demo = nullptr;

    Profile demoProfile(const QString& key) const
    {
        return m_manager->profile(DemoLab::profileId(key)).value_or(Profile{});
    }

    // Opens the profile as the main window does and waits for the attempt to end.
    static std::unique_ptr<Session> openSession(const Profile& profile)
    {
        auto session = std::make_unique<Session>(profile);
        session->open();
        return session;
    }

private slots:
    void initTestCase()
    {
        m_manager = new ProfileManager(
            TestEnvironment::freshDir(QStringLiteral("config")) + QStringLiteral("/profiles.json"), this);
        QVERIFY(m_manager->load().ok());
        m_demo = new DemoController(m_manager, this);
        QVERIFY(!m_demo->hasDemoFolder());
        QString error;
        QVERIFY2(m_demo->start(&error), qPrintable(error));
        QVERIFY(m_demo->hasDemoFolder());
        QCOMPARE(m_manager->profiles().size(), DemoLab::scenarios().size());
    }

    void demoFolderHasEveryScenario()
    {
        for (const DemoLab::Scenario& scenario : DemoLab::scenarios()) {
            const Profile profile = demoProfile(scenario.key);
            QVERIFY2(!profile.name.isEmpty(), qPrintable(scenario.key));
            QCOMPARE(profile.folder, DemoLab::folder());
            QVERIFY(profile.port != 0);
            QVERIFY(profile.host == QLatin1String("localhost") || profile.host == QLatin1String("127.0.0.1"));
            // The demo CA is trusted by the demo profiles alone: never the system store.
            QCOMPARE(profile.security.trustSource, TrustSource::App);
            QCOMPARE(profile.security.extraCaFiles, QStringList{DemoLab::trustScopeFile()});
        }
        QCOMPARE(demoProfile(QStringLiteral("silent-server")).connectTimeoutSeconds, 3);
        // The demo CA is not in Tsunagi's own trust store folder.
        QVERIFY(DemoLab::trustScopeFile().startsWith(DemoLab::directory()));
        QVERIFY(QFile::exists(DemoLab::trustScopeFile()));
    }

    void everyProfileShowsItsEntry_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("cause");
        // Over the Demo folder as the profile list has it, not over the lab's own table.
        for (const Profile& profile : m_manager->profiles()) {
            if (profile.folder != DemoLab::folder())
                continue;
            const auto& scenarios = DemoLab::scenarios();
            const auto scenario = std::find_if(scenarios.cbegin(), scenarios.cend(), [&](const auto& s) {
                return DemoLab::profileId(s.key) == profile.id;
            });
            QVERIFY2(scenario != scenarios.cend(), qPrintable(profile.name));
            if (scenario->entry.isEmpty())
                continue; // the working session has its own test
            QTest::newRow(qPrintable(scenario->key)) << scenario->key << scenario->entry << scenario->cause;
        }
    }

    void everyProfileShowsItsEntry()
    {
        QFETCH(QString, key);
        QFETCH(QString, entry);
        QFETCH(QString, cause);
        if (key == QLatin1String("encryption-strength-unavailable") &&
            CipherPolicies::isAvailable(EncryptionStrength::Bits168))
            QSKIP("this OpenSSL still offers 3DES, so 168-bit is available here");
        const std::unique_ptr<Session> session = openSession(demoProfile(key));
        QTRY_VERIFY_WITH_TIMEOUT(session->state() == Session::State::Failed ||
                                     session->state() == Session::State::Disconnected,
                                 20000);
        const Diagnosis failure = session->failure();
        QVERIFY2(
            failure.entryId == entry && failure.causeId == cause,
            qPrintable(QStringLiteral("got %1/%2\n%3")
                           .arg(failure.entryId, failure.causeId, failure.evidence.join(QLatin1Char('\n')))));
    }

    void workingSessionGreetsAndEchoes()
    {
        const std::unique_ptr<Session> session = openSession(demoProfile(QStringLiteral("working-session")));
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::State::Connected, 15000);
        TerminalModel* terminal = session->terminal();
        QTRY_VERIFY_WITH_TIMEOUT(terminal->screenText().contains(QStringLiteral("demo>")), 10000);
        const QString greeting = terminal->screenText();
        QVERIFY2(greeting.contains(QStringLiteral("Tsunagi demo host")), qPrintable(greeting));
        QVERIFY(greeting.contains(QStringLiteral("ようこそ。")));
        QVERIFY(greeting.contains(QStringLiteral("TLSv1.3")));
        QVERIFY(session->telnetOptions().join(QLatin1Char(' ')).contains(QStringLiteral("ECHO")));

        session->sendText(QStringLiteral("hello つなぎ"));
        // The host echoes as it is typed (it has the ECHO option), then answers the line.
        QTRY_VERIFY_WITH_TIMEOUT(terminal->screenText().contains(QStringLiteral("demo> hello つなぎ")),
                                 10000);
        session->sendText(QStringLiteral("\r"));
        QTRY_VERIFY_WITH_TIMEOUT(terminal->screenText().contains(QStringLiteral("echo: hello つなぎ")),
                                 10000);
        // Backspace erases on the host's side too.
        session->sendText(QStringLiteral("abcx"));
        session->send(QByteArray(1, '\x7f'));
        session->sendText(QStringLiteral("\r"));
        QTRY_VERIFY_WITH_TIMEOUT(terminal->screenText().contains(QStringLiteral("echo: abc\n")), 10000);
        session->close();
    }

    void keepsItsPkiAcrossStarts()
    {
        const QByteArray ca = QSslCertificate::fromPath(DemoLab::trustScopeFile()).value(0).toDer();
        QVERIFY(!ca.isEmpty());
        const quint16 before = demoProfile(QStringLiteral("working-session")).port;
        m_demo->stop();
        QVERIFY(m_demo->start());
        QCOMPARE(QSslCertificate::fromPath(DemoLab::trustScopeFile()).value(0).toDer(), ca);
        // Ports are chosen again and the profiles follow.
        const Profile working = demoProfile(QStringLiteral("working-session"));
        QCOMPARE(working.port, m_demo->lab()->profile(QStringLiteral("working-session")).port);
        Q_UNUSED(before);
    }

    void listensOnLoopbackOnlyAndStopsCompletely()
    {
        const QList<DemoLab::Endpoint> endpoints = m_demo->lab()->endpoints();
        QVERIFY(endpoints.size() >= 15);
        QMultiHash<quint16, ListeningSocket> listening = listeningSockets();
        QVERIFY2(!listening.isEmpty(), "cannot read /proc/net/tcp");
        // Every socket this process listens on (the lab is all that listens here) is on loopback.
        for (const ListeningSocket& socket : std::as_const(listening)) {
            if (socket.ours)
                QVERIFY2(isLoopbackHex(socket.address), qPrintable(socket.address));
        }
        for (const DemoLab::Endpoint& endpoint : endpoints) {
            QCOMPARE(endpoint.address, QHostAddress(QHostAddress::LocalHost));
            if (endpoint.server == QLatin1String("closed-port")) {
                QVERIFY(!listensHere(listening, endpoint.port)); // bound, never listening
                continue;
            }
            QVERIFY2(listensHere(listening, endpoint.port), qPrintable(endpoint.server));
        }
        // A working session is open while the lab stops: it ends too.
        const std::unique_ptr<Session> session = openSession(demoProfile(QStringLiteral("working-session")));
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::State::Connected, 15000);

        m_demo->stop();
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::State::Disconnected, 10000);
        listening = listeningSockets();
        for (const DemoLab::Endpoint& endpoint : endpoints)
            QVERIFY2(!listensHere(listening, endpoint.port), qPrintable(endpoint.server));
        QVERIFY(m_demo->lab()->endpoints().isEmpty());
        QVERIFY(m_demo->start());
    }

    void removingTheFolderRemovesProfilesAndTrustScope()
    {
        QVERIFY(m_demo->isRunning());
        QSignalSpy removed(m_demo, &DemoController::removed);
        const auto taken = m_manager->removeFolder(DemoLab::folder());
        QVERIFY(taken.has_value());
        QCOMPARE(removed.size(), 1);
        QVERIFY(!m_demo->isRunning());
        QVERIFY(!QFile::exists(DemoLab::trustScopeFile()));
        QVERIFY(!QDir(DemoLab::directory()).exists());
        QVERIFY(m_manager->profiles().isEmpty());

        // `--demo` brings everything back (with a new PKI, since the old one is gone).
        QVERIFY(m_demo->start());
        QCOMPARE(m_manager->profiles().size(), DemoLab::scenarios().size());
        QVERIFY(QFile::exists(DemoLab::trustScopeFile()));
        const std::unique_ptr<Session> session = openSession(demoProfile(QStringLiteral("working-session")));
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::State::Connected, 15000);
        session->close();
    }

    void profilesAreNamedInTheAppLanguage()
    {
        // A fresh Demo folder made while the application speaks Japanese.
        ProfileManager manager(TestEnvironment::freshDir(QStringLiteral("ja")) +
                               QStringLiteral("/profiles.json"));
        QVERIFY(manager.load().ok());
        DemoController demo(&manager);
        Translations::instance().setLanguage(QStringLiteral("ja"));
        const bool started = demo.start();
        Translations::instance().setLanguage(QStringLiteral("en"));
        QVERIFY(started);
        const Profile working =
            manager.profile(DemoLab::profileId(QStringLiteral("working-session"))).value();
        QCOMPARE(working.name, QStringLiteral("動作するセッション"));
        QVERIFY(working.notes.contains(QStringLiteral("デモホスト")));
        QCOMPARE(working.folder, QStringLiteral("Demo")); // a stable path, the same in every language
    }

    void undoingTheRemovalRestartsTheLab()
    {
        const auto taken = m_manager->removeFolder(DemoLab::folder());
        QVERIFY(taken.has_value());
        QVERIFY(!m_demo->isRunning());
        QVERIFY(m_manager->restoreFolder(*taken).ok());
        QVERIFY(m_demo->isRunning());
        QVERIFY(QFile::exists(DemoLab::trustScopeFile()));
        const std::unique_ptr<Session> session = openSession(demoProfile(QStringLiteral("working-session")));
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::State::Connected, 15000);
        session->close();
    }

    void quittingStopsEveryServer()
    {
        // The application owns the controller; when it quits, the controller goes and so does
        // every demo server and every session they served.
        QVERIFY(m_demo->isRunning());
        const QList<DemoLab::Endpoint> endpoints = m_demo->lab()->endpoints();
        const std::unique_ptr<Session> session = openSession(demoProfile(QStringLiteral("working-session")));
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::State::Connected, 15000);
        delete m_demo;
        m_demo = nullptr;
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::State::Disconnected, 10000);
        const QMultiHash<quint16, ListeningSocket> listening = listeningSockets();
        for (const ListeningSocket& socket : listening)
            QVERIFY2(!socket.ours, qPrintable(socket.address)); // nothing of the lab is left
        for (const DemoLab::Endpoint& endpoint : endpoints)
            QVERIFY2(!listensHere(listening, endpoint.port), qPrintable(endpoint.server));
    }
};

QTEST_GUILESS_MAIN(TestDemoLab)
#include "TestDemoLab.moc"
