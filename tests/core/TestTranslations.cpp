#include "core/Translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

// The Japanese translation stays complete: every message in tsunagi_ja.ts is finished, none is
// vanished (a source string that no longer exists), and the .qm built into the binary loads.
class TestTranslations final : public QObject
{
    Q_OBJECT

private slots:
    void japaneseIsComplete()
    {
        QFile file(QString::fromLocal8Bit(qgetenv("TSUNAGI_SOURCE_DIR")) + QStringLiteral("/translations/tsunagi_ja.ts"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QXmlStreamReader xml(&file);
        QString context;
        QString source;
        int messages = 0;
        QStringList problems;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("source"))
                source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                ++messages;
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (!type.isEmpty() || text.trimmed().isEmpty())
                    problems << QStringLiteral("%1: \"%2\" (%3)").arg(context, source, type.isEmpty() ? QStringLiteral("empty") : type);
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 0);
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 Japanese entries not finished:\n").arg(problems.size()) + problems.join(QLatin1Char('\n'))));
    }

    void japaneseLoadsAndTranslates()
    {
        QVERIFY(Translations::instance().setLanguage(QStringLiteral("ja")));
        QCOMPARE(Translations::instance().language(), QStringLiteral("ja"));
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/tsunagi_ja.qm")));
        QVERIFY(Translations::instance().setLanguage(QStringLiteral("en")));
    }

    void normalizesLanguageNames()
    {
        QCOMPARE(Translations::normalize(QStringLiteral("ja_JP.UTF-8")), QStringLiteral("ja"));
        QCOMPARE(Translations::normalize(QStringLiteral("EN")), QStringLiteral("en"));
        QCOMPARE(Translations::normalize(QStringLiteral("fr")), QString());
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "TestTranslations.moc"
