#include "profiles/ProfileManager.h"
#include "ui/mainwindow/ProfileEditorDialog.h"
#include "ui/security/SecurityPropertiesDialog.h"
#include "ui/widgets/MessageBar.h"
#include "ui/widgets/MessageBox.h"

#include "TestEnvironment.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>

class TestProfileEditorDialog final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void validatesInlineBeforeOk();
    void duplicateNameOnlyInSameFolder();
    void portFollowsProtocolAndTls();
    void turningTlsOffAsks();
    void editsACopyAndReturnsEveryField();
    void showsEveryFieldAndReturnsItUnchanged();
    void focusesTheFieldAFixNames();
    void securityPropertiesButtonEditsTheCopy();

private:
    template <typename T> T* field(ProfileEditorDialog& dialog, const char* name)
    {
        T* widget = dialog.findChild<T*>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no field %s", name);
        return widget;
    }
    static void retype(QLineEdit* edit, const QString& text)
    {
        edit->selectAll();
        if (text.isEmpty())
            QTest::keyClick(edit, Qt::Key_Backspace);
        else
            QTest::keyClicks(edit, text);
    }
    static QString shownMessage(ProfileEditorDialog& dialog)
    {
        auto* bar = dialog.findChild<MessageBar*>(QStringLiteral("validationMessage"));
        return bar && bar->isVisible() ? bar->text() : QString();
    }

    std::unique_ptr<ProfileManager> m_manager;
};

void TestProfileEditorDialog::init()
{
    MessageBox::resetForTests();
    const QString dir = TestEnvironment::freshDir(QString::fromLatin1(QTest::currentTestFunction()));
    m_manager = std::make_unique<ProfileManager>(QDir(dir).filePath(QStringLiteral("profiles.json")));
    QVERIFY(m_manager->load().ok());
}

void TestProfileEditorDialog::cleanup()
{
    QCOMPARE(MessageBox::pendingAnswers(), 0); // every preset answer was asked for
    m_manager.reset();
}

void TestProfileEditorDialog::validatesInlineBeforeOk()
{
    Profile profile;
    ProfileEditorDialog dialog(profile, ProfileEditorDialog::Mode::Create, m_manager.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    // Nothing typed yet: no name.
    QVERIFY(!dialog.isOkEnabled());
    QVERIFY(shownMessage(dialog).contains(QStringLiteral("name")));

    QTest::keyClicks(field<QLineEdit>(dialog, "name"), QStringLiteral("web"));
    QVERIFY(!dialog.isOkEnabled());
    QVERIFY2(shownMessage(dialog).contains(QStringLiteral("host")), qPrintable(shownMessage(dialog)));

    QTest::keyClicks(field<QLineEdit>(dialog, "host"), QStringLiteral("web.example"));
    QVERIFY(dialog.isOkEnabled());
    QVERIFY(shownMessage(dialog).isEmpty());

    auto* port = field<QLineEdit>(dialog, "port");
    for (const QString& bad :
         {QStringLiteral("70000"), QStringLiteral("0"), QStringLiteral("x"), QString()}) {
        retype(port, bad);
        QVERIFY2(!dialog.isOkEnabled(), qPrintable(bad));
        QVERIFY2(shownMessage(dialog).contains(QStringLiteral("65535")), qPrintable(shownMessage(dialog)));
    }
    retype(port, QStringLiteral("2323"));
    QVERIFY(dialog.isOkEnabled());

    retype(field<QLineEdit>(dialog, "host"), QString());
    QVERIFY(!dialog.isOkEnabled());
    // Pressing Enter (accept) with an error keeps the dialog open.
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void TestProfileEditorDialog::duplicateNameOnlyInSameFolder()
{
    Profile existing;
    existing.name = QStringLiteral("db");
    existing.folder = QStringLiteral("Production/Osaka");
    existing.host = QStringLiteral("db.example");
    QVERIFY(m_manager->addProfile(existing).ok());

    Profile profile;
    profile.host = QStringLiteral("other.example");
    ProfileEditorDialog dialog(profile, ProfileEditorDialog::Mode::Create, m_manager.get());
    dialog.show();
    QTest::keyClicks(field<QLineEdit>(dialog, "name"), QStringLiteral("db"));
    QVERIFY(dialog.isOkEnabled()); // top level: no clash

    auto* folder = field<QComboBox>(dialog, "folder");
    folder->setEditText(QStringLiteral("Production/Osaka"));
    QVERIFY(!dialog.isOkEnabled());
    QVERIFY2(shownMessage(dialog).contains(QStringLiteral("Production/Osaka")),
             qPrintable(shownMessage(dialog)));

    folder->setEditText(QStringLiteral("Production"));
    QVERIFY(dialog.isOkEnabled());

    // Editing the existing profile itself is no clash.
    ProfileEditorDialog edit(existing, ProfileEditorDialog::Mode::Edit, m_manager.get());
    QVERIFY(edit.isOkEnabled());
}

void TestProfileEditorDialog::portFollowsProtocolAndTls()
{
    Profile profile;
    profile.name = QStringLiteral("p");
    profile.host = QStringLiteral("h.example");
    ProfileEditorDialog dialog(profile, ProfileEditorDialog::Mode::Create, m_manager.get());
    dialog.show();
    auto* port = field<QLineEdit>(dialog, "port");
    auto* tls = field<QCheckBox>(dialog, "tls");
    QCOMPARE(port->text(), QStringLiteral("992"));

    MessageBox::setNextAnswer(QMessageBox::Yes);
    tls->click();
    QVERIFY(!tls->isChecked());
    QCOMPARE(port->text(), QStringLiteral("23"));
    tls->click();
    QCOMPARE(port->text(), QStringLiteral("992"));

    // A port the user typed stays.
    retype(port, QStringLiteral("8992"));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    tls->click();
    QCOMPARE(port->text(), QStringLiteral("8992"));
    QCOMPARE(dialog.profile().port, quint16(8992));
    QCOMPARE(dialog.profile().security.tlsEnabled, false);
}

void TestProfileEditorDialog::turningTlsOffAsks()
{
    Profile profile;
    ProfileEditorDialog dialog(profile, ProfileEditorDialog::Mode::Create, m_manager.get());
    dialog.show();
    auto* tls = field<QCheckBox>(dialog, "tls");
    QVERIFY(tls->isChecked());

    MessageBox::setNextAnswer(QMessageBox::No);
    tls->click();
    QVERIFY(tls->isChecked()); // the user kept TLS
    QCOMPARE(MessageBox::lastMessage().kind, MessageBox::Kind::Warning);
    QVERIFY(MessageBox::lastMessage().text.contains(QStringLiteral("unencrypted")));
    QVERIFY(dialog.profile().security.tlsEnabled);

    MessageBox::setNextAnswer(QMessageBox::Yes);
    tls->click();
    QVERIFY(!tls->isChecked());
    // Turning it back on asks nothing.
    const int asked = MessageBox::messageCount();
    tls->click();
    QVERIFY(tls->isChecked());
    QCOMPARE(MessageBox::messageCount(), asked);
}

void TestProfileEditorDialog::editsACopyAndReturnsEveryField()
{
    Profile original;
    original.name = QStringLiteral("orig");
    original.host = QStringLiteral("orig.example");
    original.security.minimumVersion = TlsVersion::Tls1_3; // not on this dialog: must survive
    ProfileEditorDialog dialog(original, ProfileEditorDialog::Mode::Edit, m_manager.get());
    dialog.show();

    retype(field<QLineEdit>(dialog, "name"), QStringLiteral("renamed"));
    field<QComboBox>(dialog, "folder")->setEditText(QStringLiteral(" Lab / Rack 1 "));
    retype(field<QLineEdit>(dialog, "host"), QStringLiteral("lab.example"));
    auto* protocol = field<QComboBox>(dialog, "protocol");
    protocol->setCurrentIndex(protocol->findData(int(SessionProtocol::Raw)));
    auto* terminalType = field<QComboBox>(dialog, "terminalType");
    terminalType->setCurrentIndex(terminalType->findData(QStringLiteral("vt220")));
    field<QSpinBox>(dialog, "columns")->setValue(132);
    field<QSpinBox>(dialog, "rows")->setValue(50);
    field<QSpinBox>(dialog, "fontSize")->setValue(14);
    field<QSpinBox>(dialog, "scrollback")->setValue(5000);
    auto* encoding = field<QComboBox>(dialog, "encoding");
    encoding->setCurrentIndex(encoding->findData(QStringLiteral("Shift_JIS")));
    auto* scheme = field<QComboBox>(dialog, "colorScheme");
    scheme->setCurrentIndex(scheme->findData(QStringLiteral("Dark")));
    auto* backspace = field<QComboBox>(dialog, "backspace");
    backspace->setCurrentIndex(backspace->findData(false));
    auto* logging = field<QComboBox>(dialog, "loggingMode");
    logging->setCurrentIndex(logging->findData(int(LoggingSettings::Mode::Text)));
    QVERIFY(!dialog.isOkEnabled()); // logging on needs a file name
    QTest::keyClicks(field<QLineEdit>(dialog, "loggingPattern"), QStringLiteral("/tmp/%N-%D.log"));
    field<QPlainTextEdit>(dialog, "notes")->setPlainText(QStringLiteral("rack 1, left"));
    field<QSpinBox>(dialog, "connectTimeout")->setValue(90);
    QTest::keyClicks(field<QLineEdit>(dialog, "userName"), QStringLiteral("operator"));
    field<QCheckBox>(dialog, "autoReconnect")->setChecked(true);
    field<QCheckBox>(dialog, "copyOnSelect")->setChecked(true);
    field<QCheckBox>(dialog, "confirmMultiLinePaste")->setChecked(false);
    QVERIFY2(dialog.isOkEnabled(), qPrintable(dialog.validationError()));

    const Profile edited = dialog.profile();
    QCOMPARE(edited.id, original.id);
    QCOMPARE(edited.name, QStringLiteral("renamed"));
    QCOMPARE(edited.folder, QStringLiteral("Lab/Rack 1"));
    QCOMPARE(edited.host, QStringLiteral("lab.example"));
    QCOMPARE(edited.protocol, SessionProtocol::Raw);
    QCOMPARE(edited.terminal.terminalType, QStringLiteral("vt220"));
    QCOMPARE(edited.terminal.columns, 132);
    QCOMPARE(edited.terminal.rows, 50);
    QCOMPARE(edited.terminal.fontSize, 14);
    QCOMPARE(edited.terminal.scrollbackLines, 5000);
    QCOMPARE(edited.terminal.encoding, QStringLiteral("Shift_JIS"));
    QCOMPARE(edited.terminal.colorScheme, QStringLiteral("Dark"));
    QCOMPARE(edited.terminal.backspaceSendsDelete, false);
    QCOMPARE(edited.logging.mode, LoggingSettings::Mode::Text);
    QCOMPARE(edited.logging.pathPattern, QStringLiteral("/tmp/%N-%D.log"));
    QCOMPARE(edited.notes, QStringLiteral("rack 1, left"));
    QCOMPARE(edited.connectTimeoutSeconds, 90);
    QCOMPARE(edited.terminal.userName, QStringLiteral("operator"));
    QCOMPARE(edited.terminal.autoReconnect, true);
    QCOMPARE(edited.terminal.copyOnSelect, true);
    QCOMPARE(edited.terminal.confirmMultiLinePaste, false);
    QCOMPARE(edited.security.minimumVersion, TlsVersion::Tls1_3);
    QCOMPARE(original.name, QStringLiteral("orig")); // the original is untouched

    dialog.reject();
    QCOMPARE(m_manager->profiles().size(), 0); // the dialog itself commits nothing
}

void TestProfileEditorDialog::showsEveryFieldAndReturnsItUnchanged()
{
    // Every field away from its default: what the dialog shows is what it gives back.
    Profile original;
    original.name = QStringLiteral("all fields");
    original.folder = QStringLiteral("Lab/Rack 2");
    original.host = QStringLiteral("all.example");
    original.port = 2992;
    original.protocol = SessionProtocol::Raw;
    original.connectTimeoutSeconds = 600;
    original.security.tlsEnabled = true;
    original.terminal.terminalType = QStringLiteral("vt100");
    original.terminal.columns = 100;
    original.terminal.rows = 40;
    original.terminal.fontSize = 13;
    original.terminal.scrollbackLines = 20000;
    original.terminal.encoding = QStringLiteral("EUC-JP");
    original.terminal.colorScheme = QStringLiteral("Light");
    original.terminal.backspaceSendsDelete = false;
    original.terminal.userName = QStringLiteral("taro");
    original.terminal.autoReconnect = true;
    original.terminal.copyOnSelect = true;
    original.terminal.confirmMultiLinePaste = false;
    original.logging.mode = LoggingSettings::Mode::Raw;
    original.logging.pathPattern = QStringLiteral("/tmp/%H.raw");
    original.notes = QStringLiteral("every field");
    ProfileEditorDialog dialog(original, ProfileEditorDialog::Mode::Edit, m_manager.get());
    dialog.show();

    QCOMPARE(field<QSpinBox>(dialog, "connectTimeout")->value(), 600);
    QCOMPARE(field<QLineEdit>(dialog, "userName")->text(), QStringLiteral("taro"));
    QVERIFY(field<QCheckBox>(dialog, "autoReconnect")->isChecked());
    QVERIFY(field<QCheckBox>(dialog, "copyOnSelect")->isChecked());
    QVERIFY(!field<QCheckBox>(dialog, "confirmMultiLinePaste")->isChecked());
    QCOMPARE(dialog.profile(), original);

    // The timeout stays within 1 to 600 seconds.
    auto* timeout = field<QSpinBox>(dialog, "connectTimeout");
    timeout->setValue(0);
    QCOMPARE(dialog.profile().connectTimeoutSeconds, 1);
    timeout->setValue(601);
    QCOMPARE(dialog.profile().connectTimeoutSeconds, 600);

    // A new profile starts with the defaults.
    ProfileEditorDialog fresh(Profile(), ProfileEditorDialog::Mode::Create, m_manager.get());
    QCOMPARE(field<QSpinBox>(fresh, "connectTimeout")->value(), 30);
    QVERIFY(field<QLineEdit>(fresh, "userName")->text().isEmpty());
    QVERIFY(!field<QCheckBox>(fresh, "autoReconnect")->isChecked());
    QVERIFY(!field<QCheckBox>(fresh, "copyOnSelect")->isChecked());
    QVERIFY(field<QCheckBox>(fresh, "confirmMultiLinePaste")->isChecked());
}

void TestProfileEditorDialog::focusesTheFieldAFixNames()
{
    Profile profile;
    profile.name = QStringLiteral("p");
    profile.host = QStringLiteral("h.example");
    ProfileEditorDialog dialog(profile, ProfileEditorDialog::Mode::Edit, m_manager.get());
    dialog.show();
    auto* tabs = dialog.findChild<QTabWidget*>();
    QVERIFY(tabs);
    tabs->setCurrentIndex(2);
    dialog.focusSetting(QStringLiteral("profile/port"));
    QCOMPARE(tabs->currentIndex(), 0);
    QCOMPARE(dialog.focusWidget(), field<QLineEdit>(dialog, "port"));
    dialog.focusSetting(QStringLiteral("profile/host"));
    QCOMPARE(dialog.focusWidget(), field<QLineEdit>(dialog, "host"));
    QVERIFY(field<QLineEdit>(dialog, "host")->hasSelectedText());
}

void TestProfileEditorDialog::securityPropertiesButtonEditsTheCopy()
{
    Profile profile;
    profile.name = QStringLiteral("p");
    profile.host = QStringLiteral("h.example");
    ProfileEditorDialog dialog(profile, ProfileEditorDialog::Mode::Edit, m_manager.get());
    dialog.show();
    field<QPushButton>(dialog, "securityProperties")->click();
    auto* security = dialog.findChild<SecurityPropertiesDialog*>();
    QVERIFY(security);
    QCOMPARE(security->profileId(), profile.id);
    auto* minimum = security->findChild<QComboBox*>(QStringLiteral("minimumVersion"));
    QVERIFY(minimum);
    minimum->setCurrentIndex(minimum->findData(int(TlsVersion::Tls1_3)));
    const SecuritySettings edited = security->settings();
    QVERIFY(edited != profile.security);
    security->accept();
    QCOMPARE(dialog.profile().security, edited);
    QCOMPARE(dialog.profile().terminal.fontFamily, profile.terminal.fontFamily); // untouched font kept
}

QTEST_MAIN(TestProfileEditorDialog)
#include "TestProfileEditorDialog.moc"
