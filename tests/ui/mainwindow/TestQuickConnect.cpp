#include "ui/mainwindow/QuickConnect.h"

#include <QTest>

class TestQuickConnect final : public QObject
{
    Q_OBJECT

private slots:
    void parsesTargets_data();
    void parsesTargets();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void profileForTarget();
};

void TestQuickConnect::parsesTargets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("tlsChecked");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("tls");

    QTest::newRow("host, TLS box on") << "host.example" << true << "host.example" << 992 << true;
    QTest::newRow("host, TLS box off") << "host.example" << false << "host.example" << 23 << false;
    QTest::newRow("host:port") << "host.example:2323" << true << "host.example" << 2323 << true;
    QTest::newRow("spaces trimmed") << "  10.0.0.5:24  " << false << "10.0.0.5" << 24 << false;
    QTest::newRow("telnets URL default port") << "telnets://h.example" << false << "h.example" << 992 << true;
    QTest::newRow("telnets URL with port")
        << "telnets://h.example:8992/" << false << "h.example" << 8992 << true;
    QTest::newRow("telnet URL overrides box") << "telnet://h.example" << true << "h.example" << 23 << false;
    QTest::newRow("scheme is case-insensitive")
        << "TELNET://h.example:99" << true << "h.example" << 99 << false;
    QTest::newRow("user part ignored")
        << "telnet://me@h.example:2300" << true << "h.example" << 2300 << false;
    QTest::newRow("bracketed IPv6 with port")
        << "[2001:db8::1]:992" << false << "2001:db8::1" << 992 << false;
    QTest::newRow("bare IPv6") << "2001:db8::1" << true << "2001:db8::1" << 992 << true;
    QTest::newRow("IPv6 URL") << "telnets://[::1]:1992" << false << "::1" << 1992 << true;
}

void TestQuickConnect::parsesTargets()
{
    QFETCH(QString, text);
    QFETCH(bool, tlsChecked);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(bool, tls);
    const QuickConnect::Target target = QuickConnect::parse(text, tlsChecked);
    QVERIFY2(target.ok, qPrintable(target.error));
    QVERIFY(target.error.isEmpty());
    QCOMPARE(target.host, host);
    QCOMPARE(int(target.port), port);
    QCOMPARE(target.tls, tls);
}

void TestQuickConnect::rejectsBadInput_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("blank") << "   ";
    QTest::newRow("port zero") << "h.example:0";
    QTest::newRow("port too large") << "h.example:65536";
    QTest::newRow("port not a number") << "h.example:telnet";
    QTest::newRow("empty port") << "h.example:";
    QTest::newRow("space in host") << "my host";
    QTest::newRow("other scheme") << "ssh://h.example";
    QTest::newRow("unclosed bracket") << "[::1:23";
    QTest::newRow("URL without host") << "telnets://";
    QTest::newRow("URL with bad port") << "telnet://h.example:99999";
}

void TestQuickConnect::rejectsBadInput()
{
    QFETCH(QString, text);
    const QuickConnect::Target target = QuickConnect::parse(text, true);
    QVERIFY(!target.ok);
    QVERIFY(!target.error.isEmpty());
}

void TestQuickConnect::profileForTarget()
{
    const QuickConnect::Target target = QuickConnect::parse(QStringLiteral("telnet://h.example:2323"), true);
    const Profile profile = QuickConnect::toProfile(target);
    QCOMPARE(profile.host, QStringLiteral("h.example"));
    QCOMPARE(profile.port, quint16(2323));
    QCOMPARE(profile.security.tlsEnabled, false);
    QCOMPARE(profile.name, QStringLiteral("h.example:2323"));

    const Profile v6 = QuickConnect::toProfile(QuickConnect::parse(QStringLiteral("[::1]:992"), true));
    QCOMPARE(v6.name, QStringLiteral("[::1]:992"));
    QVERIFY(v6.security.tlsEnabled);
}

QTEST_GUILESS_MAIN(TestQuickConnect)
#include "TestQuickConnect.moc"
