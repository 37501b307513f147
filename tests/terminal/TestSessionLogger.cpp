#include "session/SessionLogger.h"

#include "TestEnvironment.h"

#include <QFile>
#include <QTest>

class TestSessionLogger : public QObject
{
    Q_OBJECT

    static QByteArray read(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
    }

private slots:
    void patternExpands()
    {
        Profile p;
        p.name = QStringLiteral("Osaka/Prod");
        p.host = QStringLiteral("host.example");
        const QDateTime when(QDate(2026, 11, 27), QTime(9, 8, 7));
        QCOMPARE(SessionLogger::expandPattern(QStringLiteral("/logs/%N-%H-%D-%T.log"), p, when),
                 QStringLiteral("/logs/Osaka_Prod-host.example-2026-11-27-090807.log"));
    }

    void textModeWritesWhatWasDisplayed()
    {
        const QString dir = TestEnvironment::freshDir(QStringLiteral("text"));
        Profile p;
        p.name = QStringLiteral("t");
        p.logging.mode = LoggingSettings::Mode::Text;
        p.logging.pathPattern = dir + QStringLiteral("/sub/%N.log");
        SessionLogger logger;
        QVERIFY2(logger.open(p), qPrintable(logger.errorString()));
        logger.logDisplayedText(u"$ ls\r\n\x1b[01;34mdir\x1b[0m  file\x07\r\n\x1b]0;title\x07日本語\x1b");
        logger.logDisplayedText(u"[K done\r\n");
        logger.logHostBytes("raw bytes are not text mode"); // ignored in text mode
        logger.close();
        QCOMPARE(QString::fromUtf8(read(dir + QStringLiteral("/sub/t.log"))),
                 QStringLiteral("$ ls\ndir  file\n日本語 done\n"));
    }

    void rawModeWritesBytes()
    {
        const QString dir = TestEnvironment::freshDir(QStringLiteral("raw"));
        Profile p;
        p.logging.mode = LoggingSettings::Mode::Raw;
        p.logging.pathPattern = dir + QStringLiteral("/raw.log");
        SessionLogger logger;
        QVERIFY(logger.open(p));
        logger.logHostBytes(QByteArray("\x1b[31m\x93\xfa\r\n"));
        logger.logDisplayedText(u"ignored");
        logger.close();
        QCOMPARE(read(dir + QStringLiteral("/raw.log")), QByteArray("\x1b[31m\x93\xfa\r\n"));
    }

    void unwritableLogIsAnError()
    {
        const QString dir = TestEnvironment::freshDir(QStringLiteral("bad"));
        QFile blocker(dir + QStringLiteral("/file"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        Profile p;
        p.logging.mode = LoggingSettings::Mode::Text;
        p.logging.pathPattern = dir + QStringLiteral("/file/log.txt"); // a file is in the way
        SessionLogger logger;
        QVERIFY(!logger.open(p));
        QVERIFY(!logger.errorString().isEmpty());
        QVERIFY(!logger.isOpen());
    }
};

QTEST_GUILESS_MAIN(TestSessionLogger)
#include "TestSessionLogger.moc"
