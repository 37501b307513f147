#include "TestEnvironment.h"
#include "TestPki.h"

#include "security/ClientCertificateStore.h"
#include "security/TrustStore.h"
#include "ui/security/CertificateViewerDialog.h"
#include "ui/security/PkiConfigurationDialog.h"
#include "ui/widgets/MessageBox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QTimeZone>
#include <QTreeWidget>

// The PKI Configuration dialog: every control reaches SecuritySettings, Tsunagi's trust store is
// managed through it (with certificates made at test time), client certificates are checked and
// imported, the host-name check asks before turning off, and validation blocks OK.
class TestPkiConfigurationDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void unchangedDialogReturnsTheSettings();
    void trustSourceChangesTheSettings();
    void trustStoreImportViewAndRemove();
    void trustStoreImportsDerAndRefusesLeaves();
    void trustStoreRemoveAnsweredNoKeepsIt();
    void revocationControlsChangeTheSettings();
    void hostNameCheckAnsweredNoStaysOn();
    void hostNameCheckAnsweredYesTurnsOff();
    void pinnedCertificatesAreListedAndRemovable();
    void pkcs12IsImportedIntoThePersonalStore();
    void pkcs12WithWrongPassphraseIsRefused();
    void pemCertificateWithoutKeyIsRefused();
    void pemCertificateWithKeyShowsItsDetails();
    void focusSettingSelectsTabAndControl();

private:
    template <typename T> static T* child(QWidget* parent, const char* name)
    {
        T* widget = parent->findChild<T*>(QLatin1String(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }
    static QPushButton* okButton(QDialog* dialog)
    {
        return dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    }

    QString m_dir;
    TestPki::Credential m_ca;
    TestPki::Credential m_client;
};

void TestPkiConfigurationDialog::initTestCase()
{
    m_dir = TestEnvironment::freshDir(QStringLiteral("pki"));
    m_ca = TestPki::makeCa(QStringLiteral("Tsunagi Dialog Test CA"));
    m_client = TestPki::issueClient(m_ca, QStringLiteral("Dialog Test User"));
    QVERIFY(m_ca.writeCertificate(m_dir + QStringLiteral("/ca.pem")));
    QVERIFY(m_ca.writeCertificateDer(m_dir + QStringLiteral("/ca.der")));
    QVERIFY(m_client.writeCertificate(m_dir + QStringLiteral("/client.pem")));
    QVERIFY(m_client.writeEncryptedKey(m_dir + QStringLiteral("/client.key"), "key-pass"));
    QVERIFY(m_client.writePkcs12(m_dir + QStringLiteral("/client.p12"), "p12-pass", {m_ca}));
}

void TestPkiConfigurationDialog::init()
{
    MessageBox::resetForTests();
    // Every test starts with an empty trust store.
    TrustStore store;
    for (const QSslCertificate& certificate : store.certificates())
        QVERIFY(store.remove(certificate).ok());
}

void TestPkiConfigurationDialog::cleanup()
{
    QCOMPARE(MessageBox::pendingAnswers(), 0);
}

void TestPkiConfigurationDialog::unchangedDialogReturnsTheSettings()
{
    SecuritySettings settings;
    settings.trustSource = TrustSource::System;
    settings.revocation = RevocationMode::Crl;
    settings.crlFiles = {m_dir + QStringLiteral("/a.crl")};
    settings.revocationRequired = true;
    settings.verifyHostName = false;
    settings.clientCertificate.certificateFile = m_dir + QStringLiteral("/client.pem");
    settings.clientCertificate.keyFile = m_dir + QStringLiteral("/client.key");
    PkiConfigurationDialog dialog(settings, QUuid::createUuid());
    QCOMPARE(dialog.settings(), settings);
    QCOMPARE(MessageBox::messageCount(), 0); // loading a cleared check asks nothing

    PkiConfigurationDialog defaults(SecuritySettings{}, QUuid::createUuid());
    QCOMPARE(defaults.settings(), SecuritySettings{});
    QCOMPARE(child<QComboBox>(&defaults, "trustSource")->currentData().toInt(), int(TrustSource::Both));
    QVERIFY(child<QCheckBox>(&defaults, "verifyHostName")->isChecked());
}

void TestPkiConfigurationDialog::trustSourceChangesTheSettings()
{
    PkiConfigurationDialog dialog(SecuritySettings{}, QUuid::createUuid());
    auto* source = child<QComboBox>(&dialog, "trustSource");
    for (TrustSource value : {TrustSource::System, TrustSource::App, TrustSource::Both}) {
        source->setCurrentIndex(source->findData(int(value)));
        QCOMPARE(dialog.settings().trustSource, value);
    }
}

void TestPkiConfigurationDialog::trustStoreImportViewAndRemove()
{
    PkiConfigurationDialog dialog(SecuritySettings{}, QUuid::createUuid());
    QCOMPARE(dialog.trustedCertificateCount(), 0);
    QVERIFY(!child<QPushButton>(&dialog, "removeTrusted")->isEnabled());

    QVERIFY(dialog.importTrustedCertificateFile(m_dir + QStringLiteral("/ca.pem")));
    QCOMPARE(dialog.trustedCertificateCount(), 1);
    QVERIFY(dialog.trustStoreMessage().contains(QStringLiteral("1 certificate")));
    QCOMPARE(TrustStore().certificates(), QList<QSslCertificate>{m_ca.certificate()});
    auto* list = child<QTreeWidget>(&dialog, "trustList");
    QVERIFY(list->topLevelItem(0)->text(0).contains(QStringLiteral("Tsunagi Dialog Test CA")));
    QVERIFY(list->topLevelItem(0)->text(3).startsWith(
        QString::fromLatin1(m_ca.sha256().toHex(':').toUpper().left(8))));

    // Importing it again adds nothing and says so.
    QVERIFY(!dialog.importTrustedCertificateFile(m_dir + QStringLiteral("/ca.pem")));
    QVERIFY(dialog.trustStoreMessage().contains(QStringLiteral("already")));
    QCOMPARE(dialog.trustedCertificateCount(), 1);

    dialog.selectTrustedCertificate(0);
    QVERIFY(child<QPushButton>(&dialog, "viewTrusted")->isEnabled());
    QVERIFY(child<QPushButton>(&dialog, "removeTrusted")->isEnabled());

    // View opens the certificate viewer on that certificate.
    child<QPushButton>(&dialog, "viewTrusted")->click();
    auto* viewer = dialog.findChild<CertificateViewerDialog*>();
    QVERIFY(viewer);
    QTRY_VERIFY(viewer->isVisible());
    QCOMPARE(viewer->chain(), QList<QSslCertificate>{m_ca.certificate()});
    QVERIFY(viewer->subjectText().contains(QStringLiteral("Tsunagi Dialog Test CA")));
    viewer->close();

    MessageBox::setNextAnswer(QMessageBox::Yes);
    QVERIFY(dialog.removeSelectedTrustedCertificate());
    QCOMPARE(MessageBox::messageCount(), 1);
    QVERIFY(MessageBox::lastMessage().text.contains(QStringLiteral("Tsunagi Dialog Test CA")));
    QCOMPARE(dialog.trustedCertificateCount(), 0);
    QVERIFY(TrustStore().certificates().isEmpty());
}

void TestPkiConfigurationDialog::trustStoreImportsDerAndRefusesLeaves()
{
    PkiConfigurationDialog dialog(SecuritySettings{}, QUuid::createUuid());
    QVERIFY(dialog.importTrustedCertificateFile(m_dir + QStringLiteral("/ca.der")));
    QCOMPARE(dialog.trustedCertificateCount(), 1);

    QVERIFY(!dialog.importTrustedCertificateFile(m_dir + QStringLiteral("/client.pem")));
    QVERIFY(dialog.trustStoreMessage().contains(QStringLiteral("not a certificate authority")));
    QVERIFY(!dialog.importTrustedCertificateFile(m_dir + QStringLiteral("/missing.pem")));
    QVERIFY(!dialog.importTrustedCertificateFile(m_dir + QStringLiteral("/client.key")));
    QCOMPARE(dialog.trustedCertificateCount(), 1);
}

void TestPkiConfigurationDialog::trustStoreRemoveAnsweredNoKeepsIt()
{
    PkiConfigurationDialog dialog(SecuritySettings{}, QUuid::createUuid());
    QVERIFY(dialog.importTrustedCertificateFile(m_dir + QStringLiteral("/ca.pem")));
    dialog.selectTrustedCertificate(0);
    MessageBox::setNextAnswer(QMessageBox::No);
    QVERIFY(!dialog.removeSelectedTrustedCertificate());
    QCOMPARE(MessageBox::messageCount(), 1);
    QCOMPARE(dialog.trustedCertificateCount(), 1);
    QCOMPARE(TrustStore().certificates().size(), 1);
}

void TestPkiConfigurationDialog::revocationControlsChangeTheSettings()
{
    const QString crl = m_dir + QStringLiteral("/revoked.crl");
    QVERIFY(TestPki::writeFile(crl, TestPki::makeCrlPem(m_ca, {m_client.serial()})));
    PkiConfigurationDialog dialog(SecuritySettings{}, QUuid::createUuid());
    auto* mode = child<QComboBox>(&dialog, "revocation");
    auto* required = child<QCheckBox>(&dialog, "revocationRequired");
    auto* crlList = child<QListWidget>(&dialog, "crlList");
    QVERIFY(!required->isEnabled());
    QVERIFY(!crlList->isEnabled());

    mode->setCurrentIndex(mode->findData(int(RevocationMode::Ocsp)));
    QCOMPARE(dialog.settings().revocation, RevocationMode::Ocsp);
    QVERIFY(required->isEnabled());
    QVERIFY(!crlList->isEnabled());
    required->click();
    QVERIFY(dialog.settings().revocationRequired);

    mode->setCurrentIndex(mode->findData(int(RevocationMode::Crl)));
    QCOMPARE(dialog.settings().revocation, RevocationMode::Crl);
    QVERIFY(crlList->isEnabled());
    QVERIFY(child<QPushButton>(&dialog, "addCrl")->isEnabled());
    QVERIFY(dialog.addCrlFile(crl));
    QVERIFY(!dialog.addCrlFile(crl)); // once is enough
    QCOMPARE(dialog.settings().crlFiles, QStringList{crl});

    // A CRL file that is gone blocks OK.
    QVERIFY(dialog.addCrlFile(m_dir + QStringLiteral("/gone.crl")));
    QVERIFY(dialog.validationError().contains(QStringLiteral("gone.crl")));
    okButton(&dialog)->click();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    crlList->setCurrentRow(1);
    QVERIFY(child<QPushButton>(&dialog, "removeCrl")->isEnabled());
    child<QPushButton>(&dialog, "removeCrl")->click();
    QCOMPARE(dialog.settings().crlFiles, QStringList{crl});
    okButton(&dialog)->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestPkiConfigurationDialog::hostNameCheckAnsweredNoStaysOn()
{
    PkiConfigurationDialog dialog(SecuritySettings{}, QUuid::createUuid());
    auto* check = child<QCheckBox>(&dialog, "verifyHostName");
    MessageBox::setNextAnswer(QMessageBox::No);
    check->click();
    QCOMPARE(MessageBox::messageCount(), 1);
    QVERIFY(MessageBox::lastMessage().text.contains(QStringLiteral("less secure")));
    QCOMPARE(MessageBox::lastMessage().defaultButton, QMessageBox::No);
    QVERIFY(check->isChecked());
    QVERIFY(dialog.settings().verifyHostName);
    QVERIFY(child<QLabel>(&dialog, "hostNameWarning")->isHidden());
}

void TestPkiConfigurationDialog::hostNameCheckAnsweredYesTurnsOff()
{
    PkiConfigurationDialog dialog(SecuritySettings{}, QUuid::createUuid());
    auto* check = child<QCheckBox>(&dialog, "verifyHostName");
    MessageBox::setNextAnswer(QMessageBox::Yes);
    check->click();
    QCOMPARE(MessageBox::messageCount(), 1);
    QVERIFY(!check->isChecked());
    QVERIFY(!dialog.settings().verifyHostName);
    QVERIFY(!child<QLabel>(&dialog, "hostNameWarning")->isHidden());
    // Turning it back on needs no confirmation.
    check->click();
    QVERIFY(dialog.settings().verifyHostName);
    QCOMPARE(MessageBox::messageCount(), 1);
}

void TestPkiConfigurationDialog::pinnedCertificatesAreListedAndRemovable()
{
    SecuritySettings settings;
    const QDateTime accepted = QDateTime(QDate(2026, 11, 1), QTime(9, 30), Qt::UTC);
    settings.pinnedCertificates = {
        {QStringLiteral("alpha.example"), m_ca.sha256(), m_ca.certificate().expiryDate(), accepted},
        {QStringLiteral("beta.example"), m_client.sha256(), m_client.certificate().expiryDate(), accepted}};
    PkiConfigurationDialog dialog(settings, QUuid::createUuid());
    auto* pins = child<QTreeWidget>(&dialog, "pinList");
    QCOMPARE(pins->topLevelItemCount(), 2);
    QCOMPARE(pins->topLevelItem(0)->text(0), QStringLiteral("alpha.example"));
    QCOMPARE(pins->topLevelItem(0)->text(1), QString::fromLatin1(m_ca.sha256().toHex(':').toUpper()));
    QVERIFY(pins->topLevelItem(0)->text(3).startsWith(QStringLiteral("2026-11-01 09:30")));
    QVERIFY(!pins->topLevelItem(0)->text(2).isEmpty());
    QVERIFY(!child<QPushButton>(&dialog, "removePin")->isEnabled());

    pins->setCurrentItem(pins->topLevelItem(0));
    QVERIFY(child<QPushButton>(&dialog, "removePin")->isEnabled());
    child<QPushButton>(&dialog, "removePin")->click();
    QCOMPARE(pins->topLevelItemCount(), 1);
    QCOMPARE(dialog.settings().pinnedCertificates.size(), 1);
    QCOMPARE(dialog.settings().pinnedCertificates.first().host, QStringLiteral("beta.example"));
}

void TestPkiConfigurationDialog::pkcs12IsImportedIntoThePersonalStore()
{
    PkiConfigurationDialog dialog(SecuritySettings{}, QUuid::createUuid());
    auto* mode = child<QComboBox>(&dialog, "clientMode");
    QVERIFY(!child<QLineEdit>(&dialog, "pkcs12File")->isEnabled());
    mode->setCurrentIndex(1);
    QVERIFY(child<QLineEdit>(&dialog, "pkcs12File")->isEnabled());
    QVERIFY(!child<QLineEdit>(&dialog, "keyFile")->isEnabled());
    const QString original = m_dir + QStringLiteral("/client.p12");
    child<QLineEdit>(&dialog, "pkcs12File")->setText(original);
    QTest::keyClicks(child<QLineEdit>(&dialog, "passphrase"), QStringLiteral("p12-pass"));
    child<QPushButton>(&dialog, "checkClientCertificate")->click();
    QVERIFY2(dialog.clientCertificateInfoText().contains(QStringLiteral("Dialog Test User")),
             qPrintable(dialog.clientCertificateInfoText()));
    QVERIFY(dialog.clientCertificateInfoText().contains(QStringLiteral("Tsunagi Dialog Test CA")));

    okButton(&dialog)->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const QString stored = dialog.settings().clientCertificate.pkcs12File;
    QVERIFY(stored != original);
    QVERIFY(ClientCertificateStore::isInPersonalStore(stored));
    QVERIFY(QFileInfo::exists(stored));
    QCOMPARE(dialog.clientKeyPassphrase(), std::optional<QString>(QStringLiteral("p12-pass")));
    QVERIFY(ClientCertificateStore::loadPkcs12(stored, "p12-pass").ok());
}

void TestPkiConfigurationDialog::pkcs12WithWrongPassphraseIsRefused()
{
    PkiConfigurationDialog dialog(SecuritySettings{}, QUuid::createUuid());
    child<QComboBox>(&dialog, "clientMode")->setCurrentIndex(1);
    // No file at all first.
    okButton(&dialog)->click();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.validationError().contains(QStringLiteral("PKCS#12")));

    child<QLineEdit>(&dialog, "pkcs12File")->setText(m_dir + QStringLiteral("/client.p12"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "passphrase"), QStringLiteral("wrong"));
    okButton(&dialog)->click();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    auto* message = child<QLabel>(&dialog, "pkiValidationMessage");
    QVERIFY(!message->isHidden());
    QVERIFY2(message->text().contains(QStringLiteral("passphrase")), qPrintable(message->text()));
    QVERIFY(dialog.settings().clientCertificate.pkcs12File.endsWith(QStringLiteral("/client.p12")));
}

void TestPkiConfigurationDialog::pemCertificateWithoutKeyIsRefused()
{
    PkiConfigurationDialog dialog(SecuritySettings{}, QUuid::createUuid());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    child<QComboBox>(&dialog, "clientMode")->setCurrentIndex(2);
    QVERIFY(child<QLineEdit>(&dialog, "keyFile")->isEnabled());
    child<QLineEdit>(&dialog, "certificateFile")->setText(m_dir + QStringLiteral("/client.pem"));
    okButton(&dialog)->click();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.isVisible());
    QVERIFY(child<QLabel>(&dialog, "pkiValidationMessage")->text().contains(QStringLiteral("private key")));
    QCOMPARE(dialog.focusWidget()->objectName(), QStringLiteral("keyFile"));
    QCOMPARE(dialog.findChild<QTabWidget*>()->currentWidget()->objectName(),
             QStringLiteral("clientCertificateTab"));
}

void TestPkiConfigurationDialog::pemCertificateWithKeyShowsItsDetails()
{
    PkiConfigurationDialog dialog(SecuritySettings{}, QUuid::createUuid());
    child<QComboBox>(&dialog, "clientMode")->setCurrentIndex(2);
    child<QLineEdit>(&dialog, "certificateFile")->setText(m_dir + QStringLiteral("/client.pem"));
    child<QLineEdit>(&dialog, "keyFile")->setText(m_dir + QStringLiteral("/client.key"));
    // The key is encrypted: without the passphrase it cannot be used.
    QVERIFY(!dialog.validationError().isEmpty());
    QTest::keyClicks(child<QLineEdit>(&dialog, "passphrase"), QStringLiteral("key-pass"));
    dialog.refreshClientCertificateInfo();
    QVERIFY(dialog.clientCertificateInfoText().contains(QStringLiteral("Dialog Test User")));
    QVERIFY(dialog.clientCertificateInfoText().contains(
        m_client.certificate().expiryDate().toUTC().toString(QStringLiteral("yyyy-MM-dd"))));
    okButton(&dialog)->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.settings().clientCertificate.keyFile, m_dir + QStringLiteral("/client.key"));
    QCOMPARE(dialog.clientKeyPassphrase(), std::optional<QString>(QStringLiteral("key-pass")));

    // "None" clears the client certificate.
    PkiConfigurationDialog again(dialog.settings(), QUuid::createUuid());
    child<QComboBox>(&again, "clientMode")->setCurrentIndex(0);
    QVERIFY(!again.settings().clientCertificate.isSet());
}

void TestPkiConfigurationDialog::focusSettingSelectsTabAndControl()
{
    PkiConfigurationDialog dialog(SecuritySettings{}, QUuid::createUuid());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    const QList<std::tuple<QString, QString, QString>> cases = {
        {QStringLiteral("pki/revocation"), QStringLiteral("revocationTab"), QStringLiteral("revocation")},
        {QStringLiteral("pki/pins"), QStringLiteral("hostTab"), QStringLiteral("pinList")},
        {QStringLiteral("pki/trust"), QStringLiteral("trustTab"), QStringLiteral("trustSource")},
    };
    for (const auto& [id, tab, control] : cases) {
        QVERIFY(dialog.focusSetting(id));
        QCOMPARE(dialog.findChild<QTabWidget*>()->currentWidget()->objectName(), tab);
        QCOMPARE(dialog.focusWidget()->objectName(), control);
        QVERIFY(dialog.focusWidget()->property("fixHighlight").toBool());
    }
    // Only the last one stays highlighted.
    QVERIFY(!child<QWidget>(&dialog, "pinList")->property("fixHighlight").toBool());
    QVERIFY(!dialog.focusSetting(QStringLiteral("ssl-tls/fips")));
}

QTEST_MAIN(TestPkiConfigurationDialog)
#include "TestPkiConfigurationDialog.moc"
