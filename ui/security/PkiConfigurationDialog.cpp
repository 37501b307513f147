#include "ui/security/PkiConfigurationDialog.h"

#include "profiles/SecretStore.h"
#include "ui/security/CertificateViewerDialog.h"
#include "ui/security/SecurityBackend.h"
#include "ui/security/SecurityPropertiesDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QWhatsThis>

namespace {
void setHelp(QWidget* widget, const QString& toolTip, const QString& whatsThis)
{
    widget->setToolTip(toolTip);
    widget->setWhatsThis(whatsThis);
}

enum ClientMode
{
    ClientNone = 0,
    ClientPkcs12 = 1,
    ClientPem = 2
};

void selectData(QComboBox* combo, int value)
{
    const int index = combo->findData(value);
    if (index >= 0)
        combo->setCurrentIndex(index);
}

constexpr int kCertificateRole = Qt::UserRole + 1;
} // namespace

PkiConfigurationDialog::PkiConfigurationDialog(const SecuritySettings& settings, const QUuid& profileId,
                                               QWidget* parent)
    : QDialog(parent), m_profileId(profileId), m_settings(settings), m_pins(settings.pinnedCertificates)
{
    setObjectName(QStringLiteral("PkiConfigurationDialog"));
    setWindowTitle(tr("PKI Configuration"));
    // What's This? from the title bar where the window manager offers it, and Shift+F1 anywhere.
    setWindowFlag(Qt::WindowContextHelpButtonHint);
    addAction(QWhatsThis::createAction(this));
    m_secrets = new SecretStore(this);

    m_tabs = new QTabWidget(this);
    buildTrustTab();
    buildClientCertificateTab();
    buildRevocationTab();
    buildHostTab();

    m_validationMessage = new QLabel(this);
    m_validationMessage->setObjectName(QStringLiteral("pkiValidationMessage"));
    m_validationMessage->setWordWrap(true);
    m_validationMessage->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_validationMessage->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PkiConfigurationDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_validationMessage);
    layout->addWidget(m_buttons);

    loadSettings();
    reloadTrustStore();
    reloadPins();

    connect(m_verifyHostName, &QCheckBox::toggled, this, &PkiConfigurationDialog::onVerifyHostNameToggled);
    for (QComboBox* combo : {m_trustSource, m_clientMode, m_revocation})
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            m_validationMessage->hide();
            updateEnabledState();
        });
    for (QTreeWidget* tree : {m_trustList, m_pinList})
        connect(tree, &QTreeWidget::itemSelectionChanged, this, [this] { updateEnabledState(); });
    connect(m_crlList, &QListWidget::itemSelectionChanged, this, [this] { updateEnabledState(); });
    for (QLineEdit* edit : {m_pkcs12File, m_certificateFile, m_keyFile})
        connect(edit, &QLineEdit::textChanged, this, [this] {
            m_validationMessage->hide();
            m_clientInfo->clear();
        });
    connect(m_passphraseEdit, &QLineEdit::textEdited, this, [this](const QString& text) {
        m_passphrase = text;
        m_clientInfo->clear();
    });

    // The passphrase is in the keychain: fetch it to show the certificate's details.
    if (!m_profileId.isNull() && m_settings.clientCertificate.isSet()) {
        QPointer<PkiConfigurationDialog> self(this);
        m_secrets->read(m_profileId, SecretStore::Kind::ClientKeyPassphrase,
                        [self](const SecretStore::Result& result) {
                            if (!self || self->m_passphrase)
                                return;
                            if (result.ok())
                                self->m_passphraseEdit->setText(result.secret);
                            self->refreshClientCertificateInfo();
                        });
    }
    updateEnabledState();
    resize(680, 520);
}

PkiConfigurationDialog::~PkiConfigurationDialog() = default;

void PkiConfigurationDialog::buildTrustTab()
{
    m_trustTab = new QWidget(m_tabs);
    m_trustTab->setObjectName(QStringLiteral("trustTab"));
    m_tabs->addTab(m_trustTab, tr("&Trust"));
    auto* layout = new QVBoxLayout(m_trustTab);

    m_trustSource = new QComboBox(m_trustTab);
    m_trustSource->setObjectName(QStringLiteral("trustSource"));
    m_trustSource->addItem(tr("System certificate store and Tsunagi's trust store"), int(TrustSource::Both));
    m_trustSource->addItem(tr("System certificate store only"), int(TrustSource::System));
    m_trustSource->addItem(tr("Tsunagi's trust store only"), int(TrustSource::App));
    setHelp(m_trustSource, tr("Which certificate authorities this profile trusts. Default: both stores."),
            tr("<p>Which trusted certificate authorities (CAs) may vouch for the host's certificate:</p><ul>"
               "<li><b>System certificate store</b>: the CAs the operating system trusts.</li>"
               "<li><b>Tsunagi's trust store</b>: the CA certificates imported below, e.g. your "
               "organization's private CA.</li></ul><p>Default: both.</p>"));
    auto* sourceForm = new QFormLayout;
    auto* sourceLabel = new QLabel(tr("Trust &source:"), m_trustTab);
    sourceLabel->setBuddy(m_trustSource);
    sourceForm->addRow(sourceLabel, m_trustSource);
    layout->addLayout(sourceForm);

    auto* storeLabel =
        new QLabel(tr("Trusted certificate authorities (CA) in Tsunagi's trust store:"), m_trustTab);
    layout->addWidget(storeLabel);
    m_trustList = new QTreeWidget(m_trustTab);
    m_trustList->setObjectName(QStringLiteral("trustList"));
    m_trustList->setRootIsDecorated(false);
    m_trustList->setHeaderLabels(
        {tr("Issued to"), tr("Issued by"), tr("Expires"), tr("SHA-256 fingerprint")});
    setHelp(
        m_trustList, tr("CA certificates imported into Tsunagi's trust store. Shared by every profile."),
        tr("The trusted certificate authority (CA) certificates in Tsunagi's trust store. They are shared "
           "by every profile that trusts Tsunagi's trust store. Changes here take effect at once, even if "
           "you cancel this dialog."));
    storeLabel->setBuddy(m_trustList);
    layout->addWidget(m_trustList);

    m_importTrusted = new QPushButton(tr("&Import..."), m_trustTab);
    m_importTrusted->setObjectName(QStringLiteral("importTrusted"));
    setHelp(m_importTrusted, tr("Add CA certificates from a PEM or DER file to Tsunagi's trust store."),
            tr("Adds the CA certificates of a PEM or DER file to Tsunagi's trust store. Import only "
               "certificates you received from a source you trust, such as your administrator."));
    m_viewTrusted = new QPushButton(tr("&View..."), m_trustTab);
    m_viewTrusted->setObjectName(QStringLiteral("viewTrusted"));
    setHelp(m_viewTrusted, tr("Show the details of the selected certificate."),
            tr("Shows the subject, issuer, validity, SHA-256 fingerprint and alternative names of the "
               "selected certificate."));
    m_removeTrusted = new QPushButton(tr("&Remove"), m_trustTab);
    m_removeTrusted->setObjectName(QStringLiteral("removeTrusted"));
    setHelp(m_removeTrusted, tr("Remove the selected certificate from Tsunagi's trust store."),
            tr("Removes the selected CA certificate from Tsunagi's trust store. Hosts whose certificates it "
               "issued are no longer trusted through it, in every profile."));
    m_trustMessage = new QLabel(m_trustTab);
    m_trustMessage->setObjectName(QStringLiteral("trustMessage"));
    m_trustMessage->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_importTrusted);
    buttons->addWidget(m_viewTrusted);
    buttons->addWidget(m_removeTrusted);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addWidget(m_trustMessage);

    connect(m_importTrusted, &QPushButton::clicked, this, [this] {
        const QString path = browseForFile(tr("Import CA Certificates"),
                                           tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"));
        if (!path.isEmpty())
            importTrustedCertificateFile(path);
    });
    connect(m_viewTrusted, &QPushButton::clicked, this, [this] { viewSelectedTrustedCertificate(); });
    connect(m_trustList, &QTreeWidget::itemDoubleClicked, this, [this] { viewSelectedTrustedCertificate(); });
    connect(m_removeTrusted, &QPushButton::clicked, this, [this] { removeSelectedTrustedCertificate(); });
}

void PkiConfigurationDialog::buildClientCertificateTab()
{
    m_clientTab = new QWidget(m_tabs);
    m_clientTab->setObjectName(QStringLiteral("clientCertificateTab"));
    m_tabs->addTab(m_clientTab, tr("&Client Certificate"));
    auto* layout = new QVBoxLayout(m_clientTab);
    auto* form = new QGridLayout;

    m_clientMode = new QComboBox(m_clientTab);
    m_clientMode->setObjectName(QStringLiteral("clientMode"));
    m_clientMode->addItem(tr("None"), ClientNone);
    m_clientMode->addItem(tr("PKCS#12 file (.p12, .pfx)"), ClientPkcs12);
    m_clientMode->addItem(tr("PEM certificate and private key"), ClientPem);
    setHelp(m_clientMode, tr("The client certificate this profile presents to hosts that ask for one."),
            tr("<p>The client certificate Tsunagi presents when the host asks for one:</p><ul>"
               "<li><b>None</b>: present no certificate (the default).</li>"
               "<li><b>PKCS#12 file</b>: a certificate and its private key in one file. Tsunagi imports a "
               "copy into its personal store, so the original may be moved later.</li>"
               "<li><b>PEM certificate and private key</b>: two PEM files, used where they are.</li></ul>"));

    m_pkcs12File = new QLineEdit(m_clientTab);
    m_pkcs12File->setObjectName(QStringLiteral("pkcs12File"));
    setHelp(m_pkcs12File, tr("The PKCS#12 file with the certificate and its private key."),
            tr("The PKCS#12 file (.p12 or .pfx) holding the client certificate and its private key. On OK a "
               "copy is imported into Tsunagi's personal store."));
    m_browsePkcs12 = new QPushButton(tr("Browse..."), m_clientTab);
    setHelp(m_browsePkcs12, tr("Choose the PKCS#12 file."), tr("Opens a file chooser for the PKCS#12 file."));

    m_certificateFile = new QLineEdit(m_clientTab);
    m_certificateFile->setObjectName(QStringLiteral("certificateFile"));
    setHelp(m_certificateFile, tr("The client certificate, a PEM file."),
            tr("The PEM file with the client certificate (and, optionally, the CA certificates that issued "
               "it)."));
    m_browseCertificate = new QPushButton(tr("Browse..."), m_clientTab);
    setHelp(m_browseCertificate, tr("Choose the certificate file."),
            tr("Opens a file chooser for the PEM certificate file."));

    m_keyFile = new QLineEdit(m_clientTab);
    m_keyFile->setObjectName(QStringLiteral("keyFile"));
    setHelp(
        m_keyFile, tr("The private key of the client certificate, a PEM file."),
        tr("The PEM file with the private key that belongs to the client certificate. Required with a PEM "
           "certificate."));
    m_browseKey = new QPushButton(tr("Browse..."), m_clientTab);
    setHelp(m_browseKey, tr("Choose the private key file."),
            tr("Opens a file chooser for the PEM private key."));

    m_passphraseEdit = new QLineEdit(m_clientTab);
    m_passphraseEdit->setObjectName(QStringLiteral("passphrase"));
    m_passphraseEdit->setEchoMode(QLineEdit::Password);
    setHelp(m_passphraseEdit, tr("The passphrase of the PKCS#12 file or private key; kept in the keychain."),
            tr("The passphrase that protects the PKCS#12 file or the private key. Tsunagi keeps it in the "
               "keychain, never in the profile file. Leave it empty when the key has none."));

    m_checkClient = new QPushButton(tr("C&heck"), m_clientTab);
    m_checkClient->setObjectName(QStringLiteral("checkClientCertificate"));
    setHelp(m_checkClient, tr("Read the certificate with the passphrase and show who it names."),
            tr("Reads the client certificate and its key with the passphrase given, and shows its subject, "
               "issuer and expiry date, or why it cannot be used."));
    m_clientInfo = new QLabel(m_clientTab);
    m_clientInfo->setObjectName(QStringLiteral("clientCertificateInfo"));
    m_clientInfo->setWordWrap(true);
    m_clientInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto addRow = [&](int row, const QString& text, QWidget* field, QWidget* button) {
        auto* label = new QLabel(text, m_clientTab);
        label->setBuddy(field);
        form->addWidget(label, row, 0);
        form->addWidget(field, row, 1, 1, button ? 1 : 2);
        if (button)
            form->addWidget(button, row, 2);
    };
    addRow(0, tr("&Type:"), m_clientMode, nullptr);
    addRow(1, tr("PKCS#&12 file:"), m_pkcs12File, m_browsePkcs12);
    addRow(2, tr("C&ertificate file:"), m_certificateFile, m_browseCertificate);
    addRow(3, tr("Private &key file:"), m_keyFile, m_browseKey);
    addRow(4, tr("&Passphrase:"), m_passphraseEdit, m_checkClient);
    layout->addLayout(form);
    layout->addWidget(m_clientInfo);
    layout->addStretch();

    connect(m_browsePkcs12, &QPushButton::clicked, this, [this] {
        const QString path =
            browseForFile(tr("Choose PKCS#12 File"), tr("PKCS#12 files (*.p12 *.pfx);;All files (*)"));
        if (!path.isEmpty()) {
            m_pkcs12File->setText(path);
            refreshClientCertificateInfo();
        }
    });
    connect(m_browseCertificate, &QPushButton::clicked, this, [this] {
        const QString path =
            browseForFile(tr("Choose Certificate File"), tr("PEM files (*.pem *.crt *.cer);;All files (*)"));
        if (!path.isEmpty()) {
            m_certificateFile->setText(path);
            refreshClientCertificateInfo();
        }
    });
    connect(m_browseKey, &QPushButton::clicked, this, [this] {
        const QString path =
            browseForFile(tr("Choose Private Key File"), tr("PEM files (*.pem *.key);;All files (*)"));
        if (!path.isEmpty()) {
            m_keyFile->setText(path);
            refreshClientCertificateInfo();
        }
    });
    connect(m_checkClient, &QPushButton::clicked, this,
            &PkiConfigurationDialog::refreshClientCertificateInfo);
}

void PkiConfigurationDialog::buildRevocationTab()
{
    m_revocationTab = new QWidget(m_tabs);
    m_revocationTab->setObjectName(QStringLiteral("revocationTab"));
    m_tabs->addTab(m_revocationTab, tr("Re&vocation"));
    auto* layout = new QVBoxLayout(m_revocationTab);

    m_revocation = new QComboBox(m_revocationTab);
    m_revocation->setObjectName(QStringLiteral("revocation"));
    m_revocation->addItem(tr("Off"), int(RevocationMode::Off));
    m_revocation->addItem(tr("OCSP"), int(RevocationMode::Ocsp));
    m_revocation->addItem(tr("CRL"), int(RevocationMode::Crl));
    setHelp(m_revocation,
            tr("How Tsunagi checks that the host's certificate has not been revoked. Default: Off."),
            tr("<p>How Tsunagi checks that the host's certificate has not been revoked by its issuer:</p><ul>"
               "<li><b>Off</b>: no check (the default).</li>"
               "<li><b>OCSP</b>: asks the host for a stapled OCSP response; when none is stapled, asks the "
               "OCSP responder named in the certificate.</li>"
               "<li><b>CRL</b>: looks the certificate up in the CRL files below and in the CRLs published "
               "at the certificate's distribution points.</li></ul>"));
    auto* form = new QFormLayout;
    auto* modeLabel = new QLabel(tr("Revocation &checking:"), m_revocationTab);
    modeLabel->setBuddy(m_revocation);
    form->addRow(modeLabel, m_revocation);
    layout->addLayout(form);

    auto* crlLabel = new QLabel(tr("CRL &files:"), m_revocationTab);
    layout->addWidget(crlLabel);
    m_crlList = new QListWidget(m_revocationTab);
    m_crlList->setObjectName(QStringLiteral("crlList"));
    setHelp(m_crlList, tr("Certificate revocation lists (PEM or DER) consulted in CRL mode."),
            tr("Certificate revocation list (CRL) files, PEM or DER, that Tsunagi consults in CRL mode in "
               "addition to the CRLs published at the certificate's distribution points."));
    crlLabel->setBuddy(m_crlList);
    layout->addWidget(m_crlList);
    m_addCrl = new QPushButton(tr("&Add..."), m_revocationTab);
    m_addCrl->setObjectName(QStringLiteral("addCrl"));
    setHelp(m_addCrl, tr("Add a CRL file."), tr("Adds a certificate revocation list file (PEM or DER)."));
    m_removeCrl = new QPushButton(tr("&Remove"), m_revocationTab);
    m_removeCrl->setObjectName(QStringLiteral("removeCrl"));
    setHelp(m_removeCrl, tr("Remove the selected CRL file from the list."),
            tr("Removes the selected CRL file from the list. The file itself is not deleted."));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_addCrl);
    buttons->addWidget(m_removeCrl);
    buttons->addStretch();
    layout->addLayout(buttons);

    m_revocationRequired = new QCheckBox(tr("Re&quire a revocation answer"), m_revocationTab);
    m_revocationRequired->setObjectName(QStringLiteral("revocationRequired"));
    setHelp(m_revocationRequired, tr("Fail the connection when the revocation status cannot be found out."),
            tr("When this is on, the connection fails if no revocation answer can be had (the OCSP responder "
               "cannot be reached, or no CRL covers the certificate). When it is off, such a connection goes "
               "ahead. Off by default."));
    layout->addWidget(m_revocationRequired);

    connect(m_addCrl, &QPushButton::clicked, this, [this] {
        const QString path = browseForFile(
            tr("Add CRL File"), tr("Certificate revocation lists (*.crl *.pem *.der);;All files (*)"));
        if (!path.isEmpty())
            addCrlFile(path);
    });
    connect(m_removeCrl, &QPushButton::clicked, this, [this] {
        qDeleteAll(m_crlList->selectedItems());
        updateEnabledState();
    });
}

void PkiConfigurationDialog::buildHostTab()
{
    m_hostTab = new QWidget(m_tabs);
    m_hostTab->setObjectName(QStringLiteral("hostTab"));
    m_tabs->addTab(m_hostTab, tr("&Host Verification"));
    auto* layout = new QVBoxLayout(m_hostTab);

    m_verifyHostName =
        new QCheckBox(tr("V&erify that the certificate host name matches the target host name"), m_hostTab);
    m_verifyHostName->setObjectName(QStringLiteral("verifyHostName"));
    setHelp(
        m_verifyHostName,
        tr("Require the host's certificate to name the host you connect to. On by default."),
        tr("When this is on, the host's certificate must name the host name or IP address you connect to. "
           "Turning it off lets any host with a trusted certificate, for any name, pose as this host; "
           "connect by a name the certificate contains instead. On by default."));
    layout->addWidget(m_verifyHostName);
    m_hostNameWarning = new QLabel(
        tr("The host-name check is off: a host with any trusted certificate can pose as this host."),
        m_hostTab);
    m_hostNameWarning->setObjectName(QStringLiteral("hostNameWarning"));
    m_hostNameWarning->setWordWrap(true);
    m_hostNameWarning->setStyleSheet(QStringLiteral("color: #b00020;"));
    layout->addWidget(m_hostNameWarning);

    auto* pinLabel = new QLabel(tr("&Pinned certificates for this profile:"), m_hostTab);
    layout->addWidget(pinLabel);
    m_pinList = new QTreeWidget(m_hostTab);
    m_pinList->setObjectName(QStringLiteral("pinList"));
    m_pinList->setRootIsDecorated(false);
    m_pinList->setHeaderLabels({tr("Host"), tr("SHA-256 fingerprint"), tr("Expires"), tr("Accepted")});
    setHelp(
        m_pinList, tr("Certificates you accepted for this profile after checking their fingerprints."),
        tr("Certificates that did not verify but that you accepted for this profile after checking their "
           "SHA-256 fingerprint. Tsunagi accepts exactly these certificates from these hosts; a different "
           "certificate fails as a changed certificate. Remove a pinned certificate to be asked again."));
    pinLabel->setBuddy(m_pinList);
    layout->addWidget(m_pinList);
    m_removePin = new QPushButton(tr("Re&move"), m_hostTab);
    m_removePin->setObjectName(QStringLiteral("removePin"));
    setHelp(m_removePin, tr("Forget the selected pinned certificate."),
            tr("Forgets the selected pinned certificate. The next connection to that host verifies its "
               "certificate as usual."));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_removePin);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(m_removePin, &QPushButton::clicked, this, &PkiConfigurationDialog::removeSelectedPin);
}

void PkiConfigurationDialog::loadSettings()
{
    const SecuritySettings& s = m_settings;
    selectData(m_trustSource, int(s.trustSource));
    const ClientCertificateSettings& client = s.clientCertificate;
    if (!client.pkcs12File.isEmpty()) {
        m_clientMode->setCurrentIndex(m_clientMode->findData(ClientPkcs12));
        m_pkcs12File->setText(client.pkcs12File);
    } else if (!client.certificateFile.isEmpty()) {
        m_clientMode->setCurrentIndex(m_clientMode->findData(ClientPem));
        m_certificateFile->setText(client.certificateFile);
        m_keyFile->setText(client.keyFile);
    } else {
        m_clientMode->setCurrentIndex(m_clientMode->findData(ClientNone));
    }
    selectData(m_revocation, int(s.revocation));
    m_crlList->clear();
    m_crlList->addItems(s.crlFiles);
    m_revocationRequired->setChecked(s.revocationRequired);
    m_verifyHostName->setChecked(s.verifyHostName);
}

SecuritySettings PkiConfigurationDialog::settings() const
{
    SecuritySettings s = m_settings;
    s.trustSource = TrustSource(m_trustSource->currentData().toInt());
    ClientCertificateSettings client;
    switch (m_clientMode->currentData().toInt()) {
    case ClientPkcs12:
        client.pkcs12File = m_pkcs12File->text().trimmed();
        break;
    case ClientPem:
        client.certificateFile = m_certificateFile->text().trimmed();
        client.keyFile = m_keyFile->text().trimmed();
        break;
    default:
        break;
    }
    s.clientCertificate = client;
    s.revocation = RevocationMode(m_revocation->currentData().toInt());
    s.crlFiles.clear();
    for (int i = 0; i < m_crlList->count(); ++i)
        s.crlFiles << m_crlList->item(i)->text();
    s.revocationRequired = m_revocationRequired->isChecked();
    s.verifyHostName = m_verifyHostName->isChecked();
    s.pinnedCertificates = m_pins;
    return s;
}

std::optional<QString> PkiConfigurationDialog::clientKeyPassphrase() const
{
    return m_passphrase;
}

void PkiConfigurationDialog::setClientKeyPassphrase(const QString& passphrase)
{
    m_passphrase = passphrase;
    m_passphraseEdit->setText(passphrase);
}

void PkiConfigurationDialog::updateEnabledState()
{
    const int mode = m_clientMode->currentData().toInt();
    const bool pkcs12 = mode == ClientPkcs12;
    const bool pem = mode == ClientPem;
    const auto revocation = RevocationMode(m_revocation->currentData().toInt());
    const bool haveTrusted = !m_trustList->selectedItems().isEmpty();

    m_viewTrusted->setEnabled(haveTrusted);
    m_removeTrusted->setEnabled(haveTrusted);

    m_pkcs12File->setEnabled(pkcs12);
    m_browsePkcs12->setEnabled(pkcs12);
    m_certificateFile->setEnabled(pem);
    m_browseCertificate->setEnabled(pem);
    m_keyFile->setEnabled(pem);
    m_browseKey->setEnabled(pem);
    m_passphraseEdit->setEnabled(pkcs12 || pem);
    m_checkClient->setEnabled(pkcs12 || pem);
    m_clientInfo->setVisible(pkcs12 || pem);

    m_crlList->setEnabled(revocation == RevocationMode::Crl);
    m_addCrl->setEnabled(revocation == RevocationMode::Crl);
    m_removeCrl->setEnabled(revocation == RevocationMode::Crl && !m_crlList->selectedItems().isEmpty());
    m_revocationRequired->setEnabled(revocation != RevocationMode::Off);

    m_hostNameWarning->setVisible(!m_verifyHostName->isChecked());
    m_removePin->setEnabled(!m_pinList->selectedItems().isEmpty());
}

void PkiConfigurationDialog::onVerifyHostNameToggled(bool checked)
{
    if (!checked) {
        const bool confirmed = SecurityBackend::confirm(
            this, tr("Turn Off the Host-Name Check"),
            tr("Stop verifying that the certificate host name matches the target host name?"),
            tr("The connection becomes less secure: any host with a certificate from a trusted certificate "
               "authority, issued for any name, could pose as this host and read what you send. Prefer "
               "connecting by a name the certificate contains."));
        if (!confirmed) {
            const QSignalBlocker blocker(m_verifyHostName);
            m_verifyHostName->setChecked(true);
        }
    }
    updateEnabledState();
}

void PkiConfigurationDialog::reloadTrustStore()
{
    const QByteArray selected = m_trustList->currentItem()
                                    ? m_trustList->currentItem()->data(0, kCertificateRole).toByteArray()
                                    : QByteArray();
    m_trustList->clear();
    for (const QSslCertificate& certificate : SecurityBackend::trustedCertificates()) {
        QString name = certificate.subjectDisplayName();
        if (name.isEmpty())
            name = CertificateViewerDialog::distinguishedName(certificate, false);
        QString issuer = certificate.issuerDisplayName();
        if (issuer.isEmpty())
            issuer = CertificateViewerDialog::distinguishedName(certificate, true);
        auto* item = new QTreeWidgetItem(
            m_trustList,
            {name, issuer, CertificateViewerDialog::formatDateTime(certificate.expiryDate()),
             CertificateViewerDialog::formatFingerprint(CertificateViewerDialog::sha256(certificate))});
        item->setData(0, kCertificateRole, certificate.toDer());
        item->setToolTip(3, item->text(3));
        if (item->data(0, kCertificateRole).toByteArray() == selected)
            m_trustList->setCurrentItem(item);
    }
    m_trustList->resizeColumnToContents(0);
    updateEnabledState();
}

void PkiConfigurationDialog::reloadPins()
{
    m_pinList->clear();
    for (int i = 0; i < m_pins.size(); ++i) {
        const PinnedCertificate& pin = m_pins.at(i);
        auto* item =
            new QTreeWidgetItem(m_pinList, {pin.host, CertificateViewerDialog::formatFingerprint(pin.sha256),
                                            CertificateViewerDialog::formatDateTime(pin.expiry),
                                            CertificateViewerDialog::formatDateTime(pin.acceptedAt)});
        item->setData(0, kCertificateRole, i);
        item->setToolTip(1, item->text(1));
    }
    for (int column : {0, 2, 3})
        m_pinList->resizeColumnToContents(column);
    updateEnabledState();
}

bool PkiConfigurationDialog::importTrustedCertificateFile(const QString& path)
{
    int imported = 0;
    const SecurityBackend::Outcome outcome = SecurityBackend::importTrustedCertificates(path, &imported);
    if (!outcome.ok) {
        m_trustMessage->setText(
            tr("Nothing was imported from %1: %2").arg(QDir::toNativeSeparators(path), outcome.message));
        return false;
    }
    m_trustMessage->setText(tr("%n certificate(s) imported into Tsunagi's trust store.", nullptr, imported));
    reloadTrustStore();
    return true;
}

void PkiConfigurationDialog::selectTrustedCertificate(int row)
{
    if (QTreeWidgetItem* item = m_trustList->topLevelItem(row))
        m_trustList->setCurrentItem(item);
}

int PkiConfigurationDialog::trustedCertificateCount() const
{
    return m_trustList->topLevelItemCount();
}

QString PkiConfigurationDialog::trustStoreMessage() const
{
    return m_trustMessage->text();
}

bool PkiConfigurationDialog::removeSelectedTrustedCertificate()
{
    QTreeWidgetItem* item = m_trustList->currentItem();
    if (!item)
        return false;
    const QList<QSslCertificate> certificates =
        QSslCertificate::fromData(item->data(0, kCertificateRole).toByteArray(), QSsl::Der);
    if (certificates.isEmpty())
        return false;
    const bool confirmed = SecurityBackend::confirm(
        this, tr("Remove Trusted Certificate"),
        tr("Remove \"%1\" from Tsunagi's trust store?").arg(item->text(0)),
        tr("Every profile that trusts Tsunagi's trust store stops trusting hosts whose certificates this "
           "certificate authority issued."));
    if (!confirmed)
        return false;
    const SecurityBackend::Outcome outcome = SecurityBackend::removeTrustedCertificate(certificates.first());
    if (!outcome.ok) {
        m_trustMessage->setText(tr("The certificate could not be removed: %1").arg(outcome.message));
        return false;
    }
    m_trustMessage->setText(tr("The certificate was removed from Tsunagi's trust store."));
    reloadTrustStore();
    return true;
}

void PkiConfigurationDialog::viewSelectedTrustedCertificate()
{
    QTreeWidgetItem* item = m_trustList->currentItem();
    if (!item)
        return;
    auto* viewer = new CertificateViewerDialog(
        QSslCertificate::fromData(item->data(0, kCertificateRole).toByteArray(), QSsl::Der), this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->open();
}

bool PkiConfigurationDialog::addCrlFile(const QString& path)
{
    const QString trimmed = path.trimmed();
    if (trimmed.isEmpty() || !m_crlList->findItems(trimmed, Qt::MatchExactly).isEmpty())
        return false;
    m_crlList->addItem(trimmed);
    m_validationMessage->hide();
    updateEnabledState();
    return true;
}

void PkiConfigurationDialog::removeSelectedPin()
{
    QTreeWidgetItem* item = m_pinList->currentItem();
    if (!item)
        return;
    const int index = item->data(0, kCertificateRole).toInt();
    if (index >= 0 && index < m_pins.size())
        m_pins.removeAt(index);
    reloadPins();
}

void PkiConfigurationDialog::refreshClientCertificateInfo()
{
    const SecuritySettings s = settings();
    if (!s.clientCertificate.isSet()) {
        m_clientInfo->clear();
        return;
    }
    const SecurityBackend::ClientIdentityInfo identity =
        SecurityBackend::loadClientIdentity(s.clientCertificate, m_passphraseEdit->text());
    if (!identity.outcome.ok) {
        m_clientInfo->setText(tr("This client certificate cannot be used: %1").arg(identity.outcome.message));
        return;
    }
    const QSslCertificate& certificate = identity.certificate;
    QString expiry = CertificateViewerDialog::formatDateTime(certificate.expiryDate());
    if (certificate.expiryDate() < QDateTime::currentDateTimeUtc())
        expiry = tr("%1 (expired)").arg(expiry);
    m_clientInfo->setText(tr("Subject: %1\nIssuer: %2\nExpires: %3")
                              .arg(CertificateViewerDialog::distinguishedName(certificate, false),
                                   CertificateViewerDialog::distinguishedName(certificate, true), expiry));
}

QString PkiConfigurationDialog::clientCertificateInfoText() const
{
    return m_clientInfo->text();
}

QString PkiConfigurationDialog::validationError() const
{
    const SecuritySettings s = settings();
    const ClientCertificateSettings& client = s.clientCertificate;
    switch (m_clientMode->currentData().toInt()) {
    case ClientPkcs12:
        if (client.pkcs12File.isEmpty())
            return tr(
                "Choose the PKCS#12 file of the client certificate, or set the client certificate to None.");
        if (!QFileInfo(client.pkcs12File).isFile())
            return tr("The PKCS#12 file %1 does not exist.").arg(QDir::toNativeSeparators(client.pkcs12File));
        break;
    case ClientPem:
        if (client.certificateFile.isEmpty())
            return tr("Choose the PEM file of the client certificate.");
        if (client.keyFile.isEmpty())
            return tr("A PEM client certificate needs its private key: choose the private key file.");
        if (!QFileInfo(client.certificateFile).isFile())
            return tr("The certificate file %1 does not exist.")
                .arg(QDir::toNativeSeparators(client.certificateFile));
        if (!QFileInfo(client.keyFile).isFile())
            return tr("The private key file %1 does not exist.")
                .arg(QDir::toNativeSeparators(client.keyFile));
        break;
    default:
        break;
    }
    if (client.isSet()) {
        const SecurityBackend::ClientIdentityInfo identity =
            SecurityBackend::loadClientIdentity(client, m_passphraseEdit->text());
        if (!identity.outcome.ok)
            return tr("This client certificate cannot be used: %1").arg(identity.outcome.message);
    }
    if (s.revocation == RevocationMode::Crl) {
        for (const QString& file : s.crlFiles) {
            if (!QFileInfo(file).isFile())
                return tr("The CRL file %1 does not exist.").arg(QDir::toNativeSeparators(file));
        }
    }
    return {};
}

QWidget* PkiConfigurationDialog::validationTarget() const
{
    switch (m_clientMode->currentData().toInt()) {
    case ClientPkcs12:
        if (m_pkcs12File->text().trimmed().isEmpty() || !QFileInfo(m_pkcs12File->text().trimmed()).isFile())
            return m_pkcs12File;
        return m_passphraseEdit;
    case ClientPem:
        if (m_certificateFile->text().trimmed().isEmpty() ||
            !QFileInfo(m_certificateFile->text().trimmed()).isFile())
            return m_certificateFile;
        if (m_keyFile->text().trimmed().isEmpty() || !QFileInfo(m_keyFile->text().trimmed()).isFile())
            return m_keyFile;
        if (!SecurityBackend::loadClientIdentity(settings().clientCertificate, m_passphraseEdit->text())
                 .outcome.ok)
            return m_passphraseEdit;
        break;
    default:
        break;
    }
    return m_crlList;
}

void PkiConfigurationDialog::accept()
{
    const QString error = validationError();
    if (!error.isEmpty()) {
        m_validationMessage->setText(error);
        m_validationMessage->show();
        QWidget* target = validationTarget();
        for (QWidget* tab : {m_clientTab, m_revocationTab}) {
            if (tab->isAncestorOf(target))
                m_tabs->setCurrentWidget(tab);
        }
        target->setFocus(Qt::OtherFocusReason);
        return;
    }
    // A PKCS#12 file is copied into Tsunagi's personal store, so the profile keeps working when
    // the original is moved or deleted.
    if (m_clientMode->currentData().toInt() == ClientPkcs12 &&
        !SecurityBackend::isInPersonalStore(m_pkcs12File->text().trimmed())) {
        QString storedPath;
        const SecurityBackend::Outcome outcome = SecurityBackend::importPkcs12(
            m_pkcs12File->text().trimmed(), m_passphraseEdit->text(), &storedPath);
        if (!outcome.ok) {
            m_validationMessage->setText(
                tr("The PKCS#12 file could not be imported into Tsunagi's personal store: %1")
                    .arg(outcome.message));
            m_validationMessage->show();
            m_tabs->setCurrentWidget(m_clientTab);
            return;
        }
        const QSignalBlocker blocker(m_pkcs12File);
        m_pkcs12File->setText(storedPath);
    }
    m_passphrase = m_passphraseEdit->text();
    if (!m_settings.clientCertificate.isSet() && !settings().clientCertificate.isSet())
        m_passphrase.reset(); // nothing to protect: leave the keychain alone
    QDialog::accept();
}

bool PkiConfigurationDialog::focusSetting(const QString& requestedId)
{
    const QString fixSettingId = SecurityPropertiesDialog::canonicalFixSettingId(requestedId);
    QWidget* tab = nullptr;
    QWidget* target = nullptr;
    if (fixSettingId == QLatin1String("pki/trust")) {
        tab = m_trustTab;
        target = m_trustSource;
    } else if (fixSettingId == QLatin1String("pki/client-certificate")) {
        tab = m_clientTab;
        target = m_clientMode;
    } else if (fixSettingId == QLatin1String("pki/revocation")) {
        tab = m_revocationTab;
        target = m_revocation;
    } else if (fixSettingId == QLatin1String("pki/hostname-check")) {
        tab = m_hostTab;
        target = m_verifyHostName;
    } else if (fixSettingId == QLatin1String("pki/pins")) {
        tab = m_hostTab;
        target = m_pinList;
    } else {
        return false;
    }
    m_tabs->setCurrentWidget(tab);
    highlight(target, fixSettingId);
    target->setFocus(Qt::OtherFocusReason);
    return true;
}

void PkiConfigurationDialog::highlight(QWidget* widget, const QString& fixSettingId)
{
    for (QWidget* previous : findChildren<QWidget*>()) {
        if (previous->property("fixHighlight").toBool()) {
            previous->setProperty("fixHighlight", false);
            previous->setStyleSheet(QString());
        }
    }
    m_highlightedSetting = fixSettingId;
    widget->setProperty("fixHighlight", true);
    widget->setStyleSheet(fixHighlightStyleSheet(widget));
}

QString PkiConfigurationDialog::browseForFile(const QString& caption, const QString& filter)
{
    return QFileDialog::getOpenFileName(this, caption, QDir::homePath(), filter);
}
