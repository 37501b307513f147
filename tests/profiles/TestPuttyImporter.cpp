#include "ProfileSamples.h"
#include "TestEnvironment.h"

#include "profiles/ProfileExchange.h"
#include "profiles/ProfileManager.h"
#include "profiles/PuttyImporter.h"

#include <QDir>
#include <QStringEncoder>
#include <QtTest>

using namespace ProfileSamples;

class TestPuttyImporter final : public QObject
{
    Q_OBJECT

private slots:
    void fixtureIsUtf16WithByteOrderMark();
    void importsTelnetAndRawSessions();
    void skipsSshSerialAndDefaultsWithTheReason();
    void acceptsUtf8AndReachesTheManager();
    void decodesSessionNames();
    void rejectsWhatIsNotAPuttyExport();
    void truncatedExportsNeverImportWrongly();

private:
    static QString fixture() { return TestEnvironment::sourcePath("fixtures/putty/sessions.reg"); }
    static const Profile* byName(const ImportedProfiles& imported, const QString& path);
};

const Profile* TestPuttyImporter::byName(const ImportedProfiles& imported, const QString& path)
{
    for (const Profile& p : imported.profiles) {
        if (p.path() == path)
            return &p;
    }
    return nullptr;
}

void TestPuttyImporter::fixtureIsUtf16WithByteOrderMark()
{
    const QByteArray bytes = readAll(fixture());
    QVERIFY(bytes.startsWith("\xFF\xFE"));
    QVERIFY(bytes.contains(QByteArray("W\0i\0n\0d\0o\0w\0s\0", 14)));
    QVERIFY(PuttyImporter::looksLikeRegFile(bytes));
}

void TestPuttyImporter::importsTelnetAndRawSessions()
{
    const ImportedProfiles imported = PuttyImporter::readFile(fixture());
    QVERIFY2(imported.ok(), qPrintable(imported.error.message));
    QStringList paths;
    for (const Profile& p : imported.profiles)
        paths.append(p.path());
    QCOMPARE(paths,
             QStringList({"My Telnet Host", "Raw Console", "Production/Osaka Router", "大阪 スイッチ"}));

    const Profile* telnet = byName(imported, "My Telnet Host");
    QCOMPARE(telnet->host, QString("telnet.example.test"));
    QCOMPARE(telnet->port, quint16(23));
    QCOMPARE(telnet->protocol, SessionProtocol::Telnet);
    QCOMPARE(telnet->security.tlsEnabled, false);
    QCOMPARE(telnet->terminal.terminalType, QString("vt220"));
    QCOMPARE(telnet->terminal.columns, 132);
    QCOMPARE(telnet->terminal.rows, 50);
    QCOMPARE(telnet->terminal.scrollbackLines, 2000);
    QCOMPARE(telnet->terminal.encoding, QString("UTF-8"));

    const Profile* raw = byName(imported, "Raw Console");
    QCOMPARE(raw->host, QString("10.0.0.5")); // "operator@" is a login name, not part of the address
    QCOMPARE(raw->port, quint16(2001));
    QCOMPARE(raw->protocol, SessionProtocol::Raw);
    QCOMPARE(raw->security.tlsEnabled, false);
    QCOMPARE(raw->terminal.terminalType, QString("xterm-256color"));

    const Profile* router = byName(imported, "Production/Osaka Router");
    QCOMPARE(router->folder, QString("Production"));
    QCOMPARE(router->terminal.encoding, QString("Shift_JIS"));
    QCOMPARE(byName(imported, "大阪 スイッチ")->terminal.terminalType, QString("vt100"));
}

void TestPuttyImporter::skipsSshSerialAndDefaultsWithTheReason()
{
    const ImportedProfiles imported = PuttyImporter::readFile(fixture());
    QVERIFY(imported.ok());
    QHash<QString, QString> skipped;
    for (const auto& s : imported.skipped)
        skipped.insert(s.name, s.reason);
    QCOMPARE(skipped.size(), 4);
    QVERIFY(skipped.value("Build Server").contains("SSH"));
    QVERIFY(skipped.value("No Protocol").contains("SSH")); // PuTTY's default protocol
    QVERIFY(skipped.value("COM1").contains("Serial"));
    QVERIFY(skipped.contains("Default Settings"));
    QVERIFY(!byName(imported, "Build Server"));
    QVERIFY(!byName(imported, "No Protocol"));
    for (const Profile& p : imported.profiles)
        QVERIFY(p.host != "build.example.test" && p.host != "old.example.test");
}

void TestPuttyImporter::acceptsUtf8AndReachesTheManager()
{
    // The same export as UTF-8 (what a text editor may save it as), with LF line ends.
    const QByteArray utf16 = readAll(fixture());
    const QString text = QStringDecoder(QStringDecoder::Utf16LE)(utf16.mid(2));
    const QString file = QDir(TestEnvironment::freshDir("utf8")).filePath("putty-utf8.reg");
    QVERIFY(writeAll(file, QString(text).remove(QLatin1Char('\r')).toUtf8()));

    // Through the general import entry point, which recognises a registry export.
    const ImportedProfiles imported = ProfileExchange::readFile(file);
    QVERIFY2(imported.ok(), qPrintable(imported.error.message));
    QCOMPARE(imported.profiles.size(), 4);
    QCOMPARE(imported.skipped.size(), 4);
    QVERIFY(byName(imported, "大阪 スイッチ"));

    ProfileManager manager(QDir(TestEnvironment::freshDir("utf8-manager")).filePath("profiles.json"));
    QVERIFY(manager.load().ok());
    QVERIFY(manager.addProfile(simple("Raw Console", "PuTTY")).ok());
    const auto report = manager.importProfiles(imported.profiles, imported.folders, "PuTTY");
    QCOMPARE(report.added.size(), 4);
    QCOMPARE(report.renamed.size(), 1);
    QVERIFY(manager.findProfile("PuTTY/Raw Console (2)"));
    QVERIFY(manager.findProfile("PuTTY/Production/Osaka Router"));
}

void TestPuttyImporter::decodesSessionNames()
{
    QCOMPARE(PuttyImporter::decodeSessionName("My%20Host"), QString("My Host"));
    QCOMPARE(PuttyImporter::decodeSessionName("100%25%20up"), QString("100% up"));
    QCOMPARE(PuttyImporter::decodeSessionName("plain"), QString("plain"));
}

void TestPuttyImporter::rejectsWhatIsNotAPuttyExport()
{
    const ImportedProfiles other = PuttyImporter::parse(
        "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\Other]\r\n\"a\"=\"b\"\r\n",
        "other.reg");
    QCOMPARE(other.error.code, ProfileError::Code::ImportFailed);
    QVERIFY(other.error.message.contains("no PuTTY saved sessions"));
    const ImportedProfiles text = PuttyImporter::parse("just text", "x.reg");
    QCOMPARE(text.error.code, ProfileError::Code::ImportFailed);
    // Hostile values cannot produce a bad profile: out-of-range port is skipped with the reason.
    const ImportedProfiles bad = PuttyImporter::parse(
        "REGEDIT4\n[HKEY_CURRENT_USER\\Software\\SimonTatham\\PuTTY\\Sessions\\x]\n\"HostName\"=\"h\"\n"
        "\"Protocol\"=\"telnet\"\n\"PortNumber\"=dword:00100000\n",
        "bad.reg");
    QVERIFY(bad.ok());
    QVERIFY(bad.profiles.isEmpty());
    QCOMPARE(bad.skipped.size(), 1);
    QVERIFY(bad.skipped.first().reason.contains("1048576"));
}

void TestPuttyImporter::truncatedExportsNeverImportWrongly()
{
    // Cut anywhere, the file gives fewer sessions or an error, never a crash or an SSH session.
    const QByteArray bytes = readAll(fixture());
    for (qsizetype length = 0; length < bytes.size(); length += 7) {
        const ImportedProfiles imported = PuttyImporter::parse(bytes.left(length), "cut.reg");
        for (const Profile& p : imported.profiles) {
            QVERIFY(!p.host.isEmpty());
            QVERIFY(p.host != "build.example.test" && p.host != "old.example.test");
            QVERIFY(!p.security.tlsEnabled);
        }
    }
}

QTEST_GUILESS_MAIN(TestPuttyImporter)
#include "TestPuttyImporter.moc"
