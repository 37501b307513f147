#include "TestEnvironment.h"
#include "TestPki.h"

#include "core/Translations.h"
#include "profiles/Profile.h"
#include "profiles/ProfileJson.h"
#include "profiles/SecretStore.h"
#include "security/CipherPolicy.h"
#include "security/TlsEnvironment.h"
#include "ui/security/PkiConfigurationDialog.h"
#include "ui/security/SecurityPropertiesDialog.h"
#include "ui/widgets/MessageBox.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

// The Security Properties dialog: every control reaches SecuritySettings, the enabled-state rule,
// confirmations, validation, opening at a fix-setting id, and secrets kept out of the settings.
class TestSecurityPropertiesDialog final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void unchangedDialogReturnsTheSettings();
    void eachControlChangesTheSettings();
    void enabledStateFollowsTheSwitches();
    void turningOffTlsAsksAndNoKeepsIt();
    void turningOffTlsAsksAndYesTurnsItOff();
    void tlsOffProfileIsNotAsked();
    void validationBlocksOk_data();
    void validationBlocksOk();
    void unavailableStrengthIsMarked();
    void fipsProviderMissingIsSaidPlainly();
    void focusSettingSslTls_data();
    void focusSettingSslTls();
    void focusSettingPki_data();
    void focusSettingPki();
    void focusSettingUnknownIdIsRefused();
    void pkiDialogEditsMergeOnOk();
    void proxyTokenGoesToTheKeychainNotTheSettings();
    void clientKeyPassphraseGoesToTheKeychainOnOk();
    void keychainFailureKeepsTheDialogOpen();
    void everyControlHasToolTipAndWhatsThis();
    void japaneseUsesTheGlossary();

private:
    template <typename T> static T* child(QWidget* parent, const char* name)
    {
        T* widget = parent->findChild<T*>(QLatin1String(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }
    static void clickOk(QDialog* dialog)
    {
        // The dialog's own button box (the PKI dialog, a child, has another).
        const auto boxes = dialog->findChildren<QDialogButtonBox*>(QString(), Qt::FindDirectChildrenOnly);
        QVERIFY(!boxes.isEmpty());
        boxes.first()->button(QDialogButtonBox::Ok)->click();
    }
    static QString readSecret(const QUuid& id, SecretStore::Kind kind)
    {
        SecretStore store(SecretStore::Backend::Memory);
        const SecretStore::Result result = store.readBlocking(id, kind);
        return result.ok() ? result.secret : QString();
    }
};

void TestSecurityPropertiesDialog::init()
{
    MessageBox::resetForTests();
    SecretStore::clearMemoryBackend();
    TlsEnvironment::setOverride(std::nullopt);
}

void TestSecurityPropertiesDialog::cleanup()
{
    // An unexpected question must fail the test, not hang it.
    QCOMPARE(MessageBox::pendingAnswers(), 0);
    TlsEnvironment::setOverride(std::nullopt);
}

void TestSecurityPropertiesDialog::unchangedDialogReturnsTheSettings()
{
    SecurityPropertiesDialog defaults(SecuritySettings{}, QUuid::createUuid());
    QCOMPARE(defaults.settings(), SecuritySettings{});
    QCOMPARE(child<QComboBox>(&defaults, "minimumVersion")->currentText(), QStringLiteral("TLS 1.2"));
    QCOMPARE(child<QComboBox>(&defaults, "maximumVersion")->currentText(), QStringLiteral("TLS 1.3"));

    SecuritySettings unusual;
    unusual.encryptionStrength = EncryptionStrength::Bits256;
    unusual.minimumVersion = TlsVersion::Tls1_0;
    unusual.maximumVersion = TlsVersion::Tls1_2;
    unusual.negotiateAutomatically = true;
    unusual.fipsMode = true;
    unusual.trustSource = TrustSource::App;
    unusual.revocation = RevocationMode::Crl;
    unusual.crlFiles = {QStringLiteral("/tmp/x.crl")};
    unusual.verifyHostName = false;
    unusual.proxy = {true, QStringLiteral("proxy.example"), 3128, true};
    SecurityPropertiesDialog dialog(unusual, QUuid::createUuid());
    QCOMPARE(dialog.settings(), unusual);
}

void TestSecurityPropertiesDialog::eachControlChangesTheSettings()
{
    SecurityPropertiesDialog dialog(SecuritySettings{}, QUuid::createUuid());
    auto* strength = child<QComboBox>(&dialog, "encryptionStrength");

    strength->setCurrentIndex(strength->findData(int(EncryptionStrength::Recommended)));
    QCOMPARE(dialog.settings().encryptionStrength, EncryptionStrength::Recommended);
    strength->setCurrentIndex(strength->findData(int(EncryptionStrength::Bits128)));
    QCOMPARE(dialog.settings().encryptionStrength, EncryptionStrength::Bits128);

    child<QComboBox>(&dialog, "minimumVersion")->setCurrentIndex(1);
    QCOMPARE(dialog.settings().minimumVersion, TlsVersion::Tls1_1);
    child<QComboBox>(&dialog, "maximumVersion")->setCurrentIndex(2);
    QCOMPARE(dialog.settings().maximumVersion, TlsVersion::Tls1_2);

    child<QCheckBox>(&dialog, "negotiateAutomatically")->click();
    QVERIFY(dialog.settings().negotiateAutomatically);
    child<QCheckBox>(&dialog, "fipsMode")->click();
    QVERIFY(dialog.settings().fipsMode);

    child<QCheckBox>(&dialog, "useProxy")->click();
    QVERIFY(dialog.settings().proxy.enabled);
    QTest::keyClicks(child<QLineEdit>(&dialog, "proxyHost"), QStringLiteral("proxy.example"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "proxyPort"), QStringLiteral("8443"));
    QCOMPARE(dialog.settings().proxy.host, QStringLiteral("proxy.example"));
    QCOMPARE(dialog.settings().proxy.port, quint16(8443));
    child<QRadioButton>(&dialog, "tokenFromSessionLink")->click();
    QVERIFY(dialog.settings().proxy.tokenFromSessionLink);
    child<QRadioButton>(&dialog, "tokenFromKeychain")->click();
    QVERIFY(!dialog.settings().proxy.tokenFromSessionLink);

    MessageBox::setNextAnswer(QMessageBox::Yes);
    child<QCheckBox>(&dialog, "useTls")->click();
    QVERIFY(!dialog.settings().tlsEnabled);

    QSignalSpy accepted(&dialog, &SecurityPropertiesDialog::settingsAccepted);
    clickOk(&dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(accepted.first().first().value<SecuritySettings>(), dialog.settings());
}

void TestSecurityPropertiesDialog::enabledStateFollowsTheSwitches()
{
    SecuritySettings settings;
    settings.tlsEnabled = false; // no confirmation needed to switch it back and forth
    SecurityPropertiesDialog dialog(settings, QUuid::createUuid());
    auto* useTls = child<QCheckBox>(&dialog, "useTls");
    const QList<QWidget*> tlsDependent = {
        child<QComboBox>(&dialog, "encryptionStrength"), child<QComboBox>(&dialog, "minimumVersion"),
        child<QComboBox>(&dialog, "maximumVersion"),     child<QCheckBox>(&dialog, "negotiateAutomatically"),
        child<QCheckBox>(&dialog, "fipsMode"),           child<QCheckBox>(&dialog, "useProxy"),
        child<QLineEdit>(&dialog, "proxyHost"),          child<QLineEdit>(&dialog, "proxyPort"),
        child<QLineEdit>(&dialog, "proxyToken"),         child<QRadioButton>(&dialog, "tokenFromSessionLink"),
        child<QPushButton>(&dialog, "configurePki")};
    QVERIFY(useTls->isEnabled());
    for (QWidget* widget : tlsDependent)
        QVERIFY2(!widget->isEnabled(), qPrintable(widget->objectName()));

    useTls->click();
    QVERIFY(useTls->isChecked());
    QVERIFY(child<QComboBox>(&dialog, "encryptionStrength")->isEnabled());
    QVERIFY(child<QComboBox>(&dialog, "minimumVersion")->isEnabled());
    QVERIFY(child<QPushButton>(&dialog, "configurePki")->isEnabled());
    // The proxy's fields wait for "Connect through a security proxy".
    QVERIFY(!child<QLineEdit>(&dialog, "proxyHost")->isEnabled());
    child<QCheckBox>(&dialog, "useProxy")->click();
    QVERIFY(child<QLineEdit>(&dialog, "proxyHost")->isEnabled());
    QVERIFY(child<QLineEdit>(&dialog, "proxyPort")->isEnabled());
    QVERIFY(child<QLineEdit>(&dialog, "proxyToken")->isEnabled());
    // The token box is for the keychain token only.
    child<QRadioButton>(&dialog, "tokenFromSessionLink")->click();
    QVERIFY(!child<QLineEdit>(&dialog, "proxyToken")->isEnabled());
    // Negotiating automatically leaves no versions to choose.
    child<QCheckBox>(&dialog, "negotiateAutomatically")->click();
    QVERIFY(!child<QComboBox>(&dialog, "minimumVersion")->isEnabled());
    QVERIFY(!child<QComboBox>(&dialog, "maximumVersion")->isEnabled());

    useTls->click();
    for (QWidget* widget : tlsDependent)
        QVERIFY2(!widget->isEnabled(), qPrintable(widget->objectName()));
    QCOMPARE(MessageBox::messageCount(), 0);
}

void TestSecurityPropertiesDialog::turningOffTlsAsksAndNoKeepsIt()
{
    SecurityPropertiesDialog dialog(SecuritySettings{}, QUuid::createUuid());
    auto* useTls = child<QCheckBox>(&dialog, "useTls");
    MessageBox::setNextAnswer(QMessageBox::No);
    useTls->click();
    QCOMPARE(MessageBox::messageCount(), 1);
    QVERIFY(MessageBox::lastMessage().text.contains(QStringLiteral("will not be encrypted")));
    QCOMPARE(MessageBox::lastMessage().defaultButton, QMessageBox::No);
    QVERIFY(useTls->isChecked());
    QVERIFY(dialog.settings().tlsEnabled);
    QVERIFY(child<QComboBox>(&dialog, "encryptionStrength")->isEnabled());
}

void TestSecurityPropertiesDialog::turningOffTlsAsksAndYesTurnsItOff()
{
    SecurityPropertiesDialog dialog(SecuritySettings{}, QUuid::createUuid());
    MessageBox::setNextAnswer(QMessageBox::Yes);
    child<QCheckBox>(&dialog, "useTls")->click();
    QCOMPARE(MessageBox::messageCount(), 1);
    QVERIFY(!dialog.settings().tlsEnabled);
    QVERIFY(!child<QComboBox>(&dialog, "encryptionStrength")->isEnabled());
}

void TestSecurityPropertiesDialog::tlsOffProfileIsNotAsked()
{
    SecuritySettings settings;
    settings.tlsEnabled = false;
    SecurityPropertiesDialog dialog(settings, QUuid::createUuid());
    auto* useTls = child<QCheckBox>(&dialog, "useTls");
    useTls->click();
    useTls->click();
    QVERIFY(!dialog.settings().tlsEnabled);
    QCOMPARE(MessageBox::messageCount(), 0);
}

void TestSecurityPropertiesDialog::validationBlocksOk_data()
{
    QTest::addColumn<int>("minimum");
    QTest::addColumn<int>("maximum");
    QTest::addColumn<bool>("proxy");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("focused");
    QTest::newRow("min > max") << 3 << 2 << false << QString() << QString() << "minimum TLS version"
                               << "minimumVersion";
    QTest::newRow("proxy host without port") << 2 << 3 << true << "proxy.example" << QString() << "port"
                                             << "proxyPort";
    QTest::newRow("proxy port without host") << 2 << 3 << true << QString() << "8080"
                                             << "host name"
                                             << "proxyHost";
    QTest::newRow("proxy port 0") << 2 << 3 << true << "proxy.example"
                                  << "0"
                                  << "1 to 65535"
                                  << "proxyPort";
    QTest::newRow("proxy host with a space") << 2 << 3 << true << "proxy example"
                                             << "8080"
                                             << "not valid"
                                             << "proxyHost";
}

void TestSecurityPropertiesDialog::validationBlocksOk()
{
    QFETCH(int, minimum);
    QFETCH(int, maximum);
    QFETCH(bool, proxy);
    QFETCH(QString, host);
    QFETCH(QString, port);
    QFETCH(QString, message);
    QFETCH(QString, focused);

    SecurityPropertiesDialog dialog(SecuritySettings{}, QUuid::createUuid());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    child<QComboBox>(&dialog, "minimumVersion")->setCurrentIndex(minimum);
    child<QComboBox>(&dialog, "maximumVersion")->setCurrentIndex(maximum);
    child<QCheckBox>(&dialog, "useProxy")->setChecked(proxy);
    child<QLineEdit>(&dialog, "proxyHost")->setText(host);
    child<QLineEdit>(&dialog, "proxyPort")->setText(port);

    QVERIFY(!dialog.validationError().isEmpty());
    clickOk(&dialog);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    auto* label = child<QLabel>(&dialog, "validationMessage");
    QVERIFY(label->isVisible());
    QVERIFY2(label->text().contains(message), qPrintable(label->text()));
    QCOMPARE(dialog.focusWidget()->objectName(), focused);

    // The same settings under "Negotiate automatically" / without the proxy are fine.
    child<QCheckBox>(&dialog, "negotiateAutomatically")->setChecked(true);
    child<QLineEdit>(&dialog, "proxyHost")->setText(QStringLiteral("proxy.example"));
    child<QLineEdit>(&dialog, "proxyPort")->setText(QStringLiteral("3128"));
    QCOMPARE(dialog.validationError(), QString());
    clickOk(&dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestSecurityPropertiesDialog::unavailableStrengthIsMarked()
{
    SecurityPropertiesDialog dialog(SecuritySettings{}, QUuid::createUuid());
    auto* strength = child<QComboBox>(&dialog, "encryptionStrength");
    QCOMPARE(strength->count(), 5);
    int unavailable = 0;
    for (int i = 0; i < strength->count(); ++i) {
        const auto level = EncryptionStrength(strength->itemData(i).toInt());
        const bool marked = strength->itemText(i).contains(QStringLiteral("not available"));
        QCOMPARE(marked, !CipherPolicies::isAvailable(level, false));
        unavailable += marked;
    }
    // Debian 12's OpenSSL 3 has no 3DES suite; Default always exists.
    QVERIFY(
        strength->itemText(strength->findData(int(EncryptionStrength::Bits168))).contains("not available"));
    QVERIFY(
        !strength->itemText(strength->findData(int(EncryptionStrength::Default))).contains("not available"));

    auto* note = child<QLabel>(&dialog, "encryptionStrengthNote");
    QVERIFY(note->isHidden());
    strength->setCurrentIndex(strength->findData(int(EncryptionStrength::Bits168)));
    QVERIFY(!note->isHidden());
    QVERIFY(note->text().contains(QStringLiteral("cannot provide")));
    strength->setCurrentIndex(strength->findData(int(EncryptionStrength::Recommended)));
    QVERIFY(note->isHidden());

    // FIPS mode narrows what is available; the marks follow it.
    child<QCheckBox>(&dialog, "fipsMode")->click();
    for (int i = 0; i < strength->count(); ++i) {
        const auto level = EncryptionStrength(strength->itemData(i).toInt());
        QCOMPARE(strength->itemText(i).contains(QStringLiteral("not available")),
                 !CipherPolicies::isAvailable(level, true));
    }
    QCOMPARE(note->isHidden(), CipherPolicies::isAvailable(EncryptionStrength::Recommended, true));
}

void TestSecurityPropertiesDialog::fipsProviderMissingIsSaidPlainly()
{
    TlsEnvironmentInfo info = TlsEnvironment::probeSystem();
    info.fipsProviderAvailable = false;
    TlsEnvironment::setOverride(info);
    {
        SecurityPropertiesDialog dialog(SecuritySettings{}, QUuid::createUuid());
        auto* note = child<QLabel>(&dialog, "fipsNote");
        QVERIFY(!note->isHidden());
        QVERIFY(note->text().contains(QStringLiteral("FIPS provider is not installed")));
    }
    info.fipsProviderAvailable = true;
    TlsEnvironment::setOverride(info);
    {
        SecurityPropertiesDialog dialog(SecuritySettings{}, QUuid::createUuid());
        QVERIFY(child<QLabel>(&dialog, "fipsNote")->isHidden());
    }
}

void TestSecurityPropertiesDialog::focusSettingSslTls_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("proxyOn");
    QTest::addColumn<QString>("focused");
    QTest::addColumn<QString>("highlighted");
    QTest::newRow("strength") << "ssl-tls/encryption-strength" << false << "encryptionStrength"
                              << "encryptionStrength";
    QTest::newRow("version") << "ssl-tls/tls-version" << false << "minimumVersion"
                             << "tlsVersionGroup";
    QTest::newRow("use tls") << "ssl-tls/use-tls" << false << "useTls"
                             << "useTls";
    QTest::newRow("fips (catalogue's id)") << "ssl-tls/fips-mode" << false << "fipsMode"
                                           << "fipsMode";
    QTest::newRow("fips") << "ssl-tls/fips" << false << "fipsMode"
                          << "fipsMode";
    QTest::newRow("proxy off") << "ssl-tls/proxy" << false << "useProxy"
                               << "proxyGroup";
    QTest::newRow("proxy on") << "ssl-tls/proxy" << true << "proxyHost"
                              << "proxyGroup";
}

void TestSecurityPropertiesDialog::focusSettingSslTls()
{
    QFETCH(QString, id);
    QFETCH(bool, proxyOn);
    QFETCH(QString, focused);
    QFETCH(QString, highlighted);
    SecuritySettings settings;
    settings.proxy.enabled = proxyOn;
    SecurityPropertiesDialog dialog(settings, QUuid::createUuid());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QVERIFY(dialog.focusSetting(id));
    QCOMPARE(dialog.highlightedSetting(), SecurityPropertiesDialog::canonicalFixSettingId(id));
    QVERIFY(dialog.focusWidget());
    QCOMPARE(dialog.focusWidget()->objectName(), focused);
    QCOMPARE(QApplication::focusWidget(), dialog.focusWidget());
    auto* marked = dialog.findChild<QWidget*>(highlighted);
    QVERIFY(marked);
    QVERIFY(marked->property("fixHighlight").toBool());
    QCOMPARE(dialog.pkiConfigurationDialog(), nullptr);

    // A second id moves the highlight.
    QVERIFY(dialog.focusSetting(QStringLiteral("ssl-tls/fips")));
    if (highlighted != QLatin1String("fipsMode"))
        QVERIFY(!marked->property("fixHighlight").toBool());
}

void TestSecurityPropertiesDialog::focusSettingPki_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("tab");
    QTest::addColumn<QString>("focused");
    QTest::newRow("trust") << "pki/trust"
                           << "trustTab"
                           << "trustSource";
    QTest::newRow("client") << "pki/client-certificate"
                            << "clientCertificateTab"
                            << "clientMode";
    QTest::newRow("revocation") << "pki/revocation"
                                << "revocationTab"
                                << "revocation";
    QTest::newRow("hostname") << "pki/hostname-check"
                              << "hostTab"
                              << "verifyHostName";
    QTest::newRow("pins (catalogue's id)") << "pki/pinned-certificates"
                                           << "hostTab"
                                           << "pinList";
    QTest::newRow("pins") << "pki/pins"
                          << "hostTab"
                          << "pinList";
}

void TestSecurityPropertiesDialog::focusSettingPki()
{
    QFETCH(QString, id);
    QFETCH(QString, tab);
    QFETCH(QString, focused);
    SecurityPropertiesDialog dialog(SecuritySettings{}, QUuid::createUuid());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.focusSetting(id));
    QCOMPARE(dialog.focusWidget()->objectName(), QStringLiteral("configurePki"));
    PkiConfigurationDialog* pki = dialog.pkiConfigurationDialog();
    QVERIFY(pki);
    QVERIFY(pki->isVisible());
    QVERIFY(QTest::qWaitForWindowActive(pki));
    QCOMPARE(pki->highlightedSetting(), SecurityPropertiesDialog::canonicalFixSettingId(id));
    QCOMPARE(pki->findChild<QTabWidget*>()->currentWidget()->objectName(), tab);
    QVERIFY(pki->focusWidget());
    QCOMPARE(pki->focusWidget()->objectName(), focused);
    QTRY_COMPARE(QApplication::focusWidget(), pki->focusWidget());
    QVERIFY(pki->focusWidget()->property("fixHighlight").toBool());
    pki->reject();
}

void TestSecurityPropertiesDialog::focusSettingUnknownIdIsRefused()
{
    SecurityPropertiesDialog dialog(SecuritySettings{}, QUuid::createUuid());
    QVERIFY(!dialog.focusSetting(QStringLiteral("ssl-tls/nothing")));
    QCOMPARE(dialog.highlightedSetting(), QString());
    QVERIFY(!dialog.focusSetting(QStringLiteral("profile/host"))); // the profile editor's
    QCOMPARE(SecurityPropertiesDialog::fixSettingIds().size(), 10);
}

void TestSecurityPropertiesDialog::pkiDialogEditsMergeOnOk()
{
    SecurityPropertiesDialog dialog(SecuritySettings{}, QUuid::createUuid());
    child<QComboBox>(&dialog, "encryptionStrength")->setCurrentIndex(1);

    // Cancel keeps nothing.
    PkiConfigurationDialog* pki = dialog.openPkiConfiguration();
    auto* trust = pki->findChild<QComboBox*>(QStringLiteral("trustSource"));
    trust->setCurrentIndex(trust->findData(int(TrustSource::System)));
    pki->reject();
    QCOMPARE(dialog.settings().trustSource, TrustSource::Both);
    QTRY_COMPARE(dialog.pkiConfigurationDialog(), nullptr); // deleted on close

    pki = dialog.openPkiConfiguration();
    trust = pki->findChild<QComboBox*>(QStringLiteral("trustSource"));
    trust->setCurrentIndex(trust->findData(int(TrustSource::App)));
    auto* revocation = pki->findChild<QComboBox*>(QStringLiteral("revocation"));
    revocation->setCurrentIndex(revocation->findData(int(RevocationMode::Ocsp)));
    pki->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(pki->result(), int(QDialog::Accepted));
    const SecuritySettings merged = dialog.settings();
    QCOMPARE(merged.trustSource, TrustSource::App);
    QCOMPARE(merged.revocation, RevocationMode::Ocsp);
    QCOMPARE(merged.encryptionStrength, EncryptionStrength::Recommended); // this dialog's edit survives
}

void TestSecurityPropertiesDialog::proxyTokenGoesToTheKeychainNotTheSettings()
{
    const QUuid id = QUuid::createUuid();
    const QString token = QStringLiteral("tok-3f9a-secret-value");
    {
        SecurityPropertiesDialog dialog(SecuritySettings{}, id);
        child<QCheckBox>(&dialog, "useProxy")->click();
        child<QLineEdit>(&dialog, "proxyHost")->setText(QStringLiteral("127.0.0.1"));
        child<QLineEdit>(&dialog, "proxyPort")->setText(QStringLiteral("3128"));
        QTest::keyClicks(child<QLineEdit>(&dialog, "proxyToken"), token);
        // Cancel stores nothing.
        dialog.reject();
    }
    QCOMPARE(readSecret(id, SecretStore::Kind::ProxyToken), QString());

    Profile profile;
    profile.id = id;
    SecurityPropertiesDialog dialog(profile.security, id);
    child<QCheckBox>(&dialog, "useProxy")->click();
    child<QLineEdit>(&dialog, "proxyHost")->setText(QStringLiteral("127.0.0.1"));
    child<QLineEdit>(&dialog, "proxyPort")->setText(QStringLiteral("3128"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "proxyToken"), token);
    QSignalSpy finished(&dialog, &QDialog::finished);
    clickOk(&dialog);
    QVERIFY(finished.count() == 1 || finished.wait(5000));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(readSecret(id, SecretStore::Kind::ProxyToken), token);

    profile.security = dialog.settings();
    const QByteArray json = QJsonDocument(ProfileJson::toJson(profile)).toJson();
    QVERIFY(json.contains("3128"));
    QVERIFY(!json.contains(token.toUtf8()));

    // A new dialog shows the stored token (masked) and clearing it removes it.
    SecurityPropertiesDialog again(profile.security, id);
    auto* tokenEdit = child<QLineEdit>(&again, "proxyToken");
    QTRY_COMPARE(tokenEdit->text(), token);
    QCOMPARE(tokenEdit->echoMode(), QLineEdit::Password);
    tokenEdit->selectAll();
    QTest::keyClick(tokenEdit, Qt::Key_Delete);
    QSignalSpy finishedAgain(&again, &QDialog::finished);
    clickOk(&again);
    QVERIFY(finishedAgain.count() == 1 || finishedAgain.wait(5000));
    QCOMPARE(readSecret(id, SecretStore::Kind::ProxyToken), QString());
}

void TestSecurityPropertiesDialog::clientKeyPassphraseGoesToTheKeychainOnOk()
{
    const QString dir = TestEnvironment::freshDir(QStringLiteral("passphrase"));
    const TestPki::Credential ca = TestPki::makeCa(QStringLiteral("Passphrase Test CA"));
    const TestPki::Credential client = TestPki::issueClient(ca, QStringLiteral("Key Owner"));
    const QByteArray passphrase = "correct horse battery";
    QVERIFY(client.writeCertificate(dir + QStringLiteral("/client.pem")));
    QVERIFY(client.writeEncryptedKey(dir + QStringLiteral("/client.key"), passphrase));

    const QUuid id = QUuid::createUuid();
    SecurityPropertiesDialog dialog(SecuritySettings{}, id);
    PkiConfigurationDialog* pki = dialog.openPkiConfiguration(QStringLiteral("pki/client-certificate"));
    auto* mode = pki->findChild<QComboBox*>(QStringLiteral("clientMode"));
    mode->setCurrentIndex(2); // PEM certificate and private key
    pki->findChild<QLineEdit*>(QStringLiteral("certificateFile"))
        ->setText(dir + QStringLiteral("/client.pem"));
    pki->findChild<QLineEdit*>(QStringLiteral("keyFile"))->setText(dir + QStringLiteral("/client.key"));
    QTest::keyClicks(pki->findChild<QLineEdit*>(QStringLiteral("passphrase")), QString::fromUtf8(passphrase));
    pki->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(pki->result(), int(QDialog::Accepted));
    // Not stored until Security Properties is accepted.
    QCOMPARE(readSecret(id, SecretStore::Kind::ClientKeyPassphrase), QString());

    QSignalSpy finished(&dialog, &QDialog::finished);
    clickOk(&dialog);
    QVERIFY(finished.count() == 1 || finished.wait(5000));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(readSecret(id, SecretStore::Kind::ClientKeyPassphrase), QString::fromUtf8(passphrase));
    const SecuritySettings settings = dialog.settings();
    QCOMPARE(settings.clientCertificate.certificateFile, dir + QStringLiteral("/client.pem"));
    QCOMPARE(settings.clientCertificate.keyFile, dir + QStringLiteral("/client.key"));
    Profile profile;
    profile.security = settings;
    QVERIFY(!QJsonDocument(ProfileJson::toJson(profile)).toJson().contains(passphrase));
}

void TestSecurityPropertiesDialog::keychainFailureKeepsTheDialogOpen()
{
    qputenv("TSUNAGI_SECRET_BACKEND", "unavailable");
    SecurityPropertiesDialog dialog(SecuritySettings{}, QUuid::createUuid());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    child<QCheckBox>(&dialog, "useProxy")->click();
    child<QLineEdit>(&dialog, "proxyHost")->setText(QStringLiteral("127.0.0.1"));
    child<QLineEdit>(&dialog, "proxyPort")->setText(QStringLiteral("3128"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "proxyToken"), QStringLiteral("typed-token"));
    clickOk(&dialog);
    auto* label = child<QLabel>(&dialog, "validationMessage");
    QTRY_VERIFY(label->isVisible());
    qputenv("TSUNAGI_SECRET_BACKEND", "memory");
    QVERIFY2(label->text().contains(QStringLiteral("could not be stored in the keychain")),
             qPrintable(label->text()));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    // Nothing typed is lost, and OK can be pressed again.
    QCOMPARE(child<QLineEdit>(&dialog, "proxyToken")->text(), QStringLiteral("typed-token"));
    QVERIFY(dialog.findChild<QDialogButtonBox*>()->isEnabled());
}

void TestSecurityPropertiesDialog::everyControlHasToolTipAndWhatsThis()
{
    SecurityPropertiesDialog dialog(SecuritySettings{}, QUuid::createUuid());
    PkiConfigurationDialog* pki = dialog.openPkiConfiguration();
    int checked = 0;
    for (QWidget* widget : dialog.findChildren<QWidget*>()) {
        const bool control = qobject_cast<QAbstractButton*>(widget) || qobject_cast<QComboBox*>(widget) ||
                             qobject_cast<QLineEdit*>(widget) || qobject_cast<QTreeWidget*>(widget) ||
                             qobject_cast<QListWidget*>(widget);
        // OK/Cancel explain themselves; the tab bar's scroll buttons are Qt's own.
        if (!control || qobject_cast<QDialogButtonBox*>(widget->parentWidget()) ||
            widget->inherits("QToolButton"))
            continue;
        ++checked;
        QVERIFY2(!widget->toolTip().isEmpty(),
                 qPrintable(widget->objectName() + widget->metaObject()->className()));
        QVERIFY2(!widget->whatsThis().isEmpty(),
                 qPrintable(widget->objectName() + widget->metaObject()->className()));
    }
    QVERIFY2(checked >= 30, qPrintable(QString::number(checked))); // both dialogs were walked
    for (QWidget* window : {static_cast<QWidget*>(&dialog), static_cast<QWidget*>(pki)}) {
        const auto actions = window->actions();
        QVERIFY(std::any_of(actions.cbegin(), actions.cend(), [](const QAction* action) {
            return action->shortcut() == QKeySequence(Qt::SHIFT | Qt::Key_F1);
        }));
    }
    pki->reject();
}

void TestSecurityPropertiesDialog::japaneseUsesTheGlossary()
{
    QVERIFY(Translations::instance().setLanguage(QStringLiteral("ja")));
    {
        SecurityPropertiesDialog dialog(SecuritySettings{}, QUuid::createUuid());
        QCOMPARE(dialog.windowTitle(), QStringLiteral("セキュリティのプロパティ"));
        QCOMPARE(child<QCheckBox>(&dialog, "useTls")->text(),
                 QStringLiteral("SSL/TLS セキュリティを使用する(&U)"));
        QCOMPARE(child<QPushButton>(&dialog, "configurePki")->text(), QStringLiteral("PKI の構成(&K)..."));
        QCOMPARE(child<QCheckBox>(&dialog, "negotiateAutomatically")->text(),
                 QStringLiteral("自動でネゴシエートする(&N)"));
        PkiConfigurationDialog* pki = dialog.openPkiConfiguration();
        QCOMPARE(pki->windowTitle(), QStringLiteral("PKI の構成"));
        QCOMPARE(child<QCheckBox>(pki, "verifyHostName")->text(),
                 QStringLiteral("証明書のホスト名が接続先のホスト名と一致することを確認する(&E)"));
        pki->reject();
    }
    QVERIFY(Translations::instance().setLanguage(QStringLiteral("en")));
}

QTEST_MAIN(TestSecurityPropertiesDialog)
#include "TestSecurityPropertiesDialog.moc"
