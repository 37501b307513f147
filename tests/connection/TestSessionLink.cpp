#include "connection/Connection.h"

#include <QTest>

class TestSessionLink final : public QObject
{
    Q_OBJECT

private slots:
    void fullLink()
    {
        const SessionLinkResult result = SessionLinks::parse(
            QStringLiteral("tsunagi://"
                           "connect?host=host.example.com&port=2992&tls=1&proxy=proxy.example.com:8443&token="
                           "a%2Bb%3Dc&expires=2026-11-27T19:00:00Z"));
        QVERIFY2(result.ok(), qPrintable(result.detail));
        QCOMPARE(result.link.host, QStringLiteral("host.example.com"));
        QCOMPARE(result.link.port, quint16(2992));
        QVERIFY(result.link.tls);
        QVERIFY(result.link.hasProxy);
        QCOMPARE(result.link.proxyHost, QStringLiteral("proxy.example.com"));
        QCOMPARE(result.link.proxyPort, quint16(8443));
        QCOMPARE(result.link.token.reveal(), QByteArray("a+b=c"));
        QCOMPARE(*result.link.expires, QDateTime(QDate(2026, 11, 27), QTime(19, 0), Qt::UTC));
        QVERIFY(result.link.isExpired(QDateTime(QDate(2026, 11, 27), QTime(19, 0, 1), Qt::UTC)));
        QVERIFY(!result.link.isExpired(QDateTime(QDate(2026, 11, 27), QTime(18, 59), Qt::UTC)));

        ConnectionTarget target;
        SessionLinks::applyTo(result.link, &target);
        QCOMPARE(target.host, QStringLiteral("host.example.com"));
        QVERIFY(target.security.proxy.enabled);
        QVERIFY(target.security.proxy.tokenFromSessionLink);
        QCOMPARE(target.proxyToken.reveal(), QByteArray("a+b=c"));
        QCOMPARE(target.proxyTokenExpiry, result.link.expires);
    }

    void epochExpiryAndDefaults()
    {
        const SessionLinkResult result =
            SessionLinks::parse(QStringLiteral("tsunagi://connect?host=h&tls=0&expires=1800000000"));
        QVERIFY(result.ok());
        QVERIFY(!result.link.tls);
        QCOMPARE(result.link.port, quint16(23));
        QVERIFY(!result.link.hasProxy);
        QCOMPARE(result.link.expires->toSecsSinceEpoch(), 1800000000);
        QCOMPARE(SessionLinks::parse(QStringLiteral("tsunagi://connect?host=h")).link.port, quint16(992));
    }

    void targetUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<bool>("tls");
        QTest::newRow("telnet") << "telnet://host.example"
                                << "host.example" << 23 << false;
        QTest::newRow("telnets") << "telnets://host.example"
                                 << "host.example" << 992 << true;
        QTest::newRow("port") << "telnets://10.0.0.5:2323"
                              << "10.0.0.5" << 2323 << true;
        QTest::newRow("ipv6") << "telnet://[::1]:2323"
                              << "::1" << 2323 << false;
    }
    void targetUrls()
    {
        QFETCH(QString, url);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(bool, tls);
        const SessionLinkResult result = SessionLinks::parse(url);
        QVERIFY2(result.ok(), qPrintable(result.detail));
        QCOMPARE(result.link.host, host);
        QCOMPARE(int(result.link.port), port);
        QCOMPARE(result.link.tls, tls);
    }

    void errorsAreValues_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("error");
        QTest::newRow("other scheme") << "https://example.com" << int(SessionLinkError::NotALink);
        QTest::newRow("other action") << "tsunagi://open?host=h" << int(SessionLinkError::NotALink);
        QTest::newRow("no host") << "tsunagi://connect?port=23" << int(SessionLinkError::MissingHost);
        QTest::newRow("port 0") << "tsunagi://connect?host=h&port=0" << int(SessionLinkError::BadPort);
        QTest::newRow("port too big")
            << "tsunagi://connect?host=h&port=70000" << int(SessionLinkError::BadPort);
        QTest::newRow("port text") << "tsunagi://connect?host=h&port=abc" << int(SessionLinkError::BadPort);
        QTest::newRow("tls") << "tsunagi://connect?host=h&tls=maybe" << int(SessionLinkError::BadTlsValue);
        QTest::newRow("proxy no port")
            << "tsunagi://connect?host=h&proxy=p" << int(SessionLinkError::BadProxy);
        QTest::newRow("proxy bad port")
            << "tsunagi://connect?host=h&proxy=p:x" << int(SessionLinkError::BadProxy);
        QTest::newRow("expiry") << "tsunagi://connect?host=h&expires=tomorrow"
                                << int(SessionLinkError::BadExpiry);
        QTest::newRow("telnet no host") << "telnet://" << int(SessionLinkError::MissingHost);
    }
    void errorsAreValues()
    {
        QFETCH(QString, url);
        QFETCH(int, error);
        const SessionLinkResult result = SessionLinks::parse(url);
        QCOMPARE(int(result.error), error);
        QVERIFY(!result.detail.isEmpty());
    }

    void tokenNeverInDetail()
    {
        const SessionLinkResult result =
            SessionLinks::parse(QStringLiteral("tsunagi://connect?host=h&token=TOPSECRET&expires=never"));
        QVERIFY(!result.ok());
        QVERIFY(!result.detail.contains(QLatin1String("TOPSECRET")));
    }
};

QTEST_GUILESS_MAIN(TestSessionLink)
#include "TestSessionLink.moc"
