#include "ui/security/SecurityPropertiesDialog.h"

#include "profiles/SecretStore.h"
#include "ui/security/PkiConfigurationDialog.h"
#include "ui/security/SecurityBackend.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QWhatsThis>

#include <memory>

namespace {
void setHelp(QWidget* widget, const QString& toolTip, const QString& whatsThis)
{
    widget->setToolTip(toolTip);
    widget->setWhatsThis(whatsThis);
}

QLabel* makeNote(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->hide();
    return label;
}

constexpr EncryptionStrength kStrengths[] = {EncryptionStrength::Default, EncryptionStrength::Recommended,
                                             EncryptionStrength::Bits256, EncryptionStrength::Bits128,
                                             EncryptionStrength::Bits168};
constexpr TlsVersion kVersions[] = {TlsVersion::Tls1_0, TlsVersion::Tls1_1, TlsVersion::Tls1_2,
                                    TlsVersion::Tls1_3};

void selectData(QComboBox* combo, int value)
{
    const int index = combo->findData(value);
    if (index >= 0)
        combo->setCurrentIndex(index);
}

} // namespace

// A frame in the highlight colour around the setting the error dialog pointed at. A group box
// keeps its title outside the frame.
QString fixHighlightStyleSheet(const QWidget* widget)
{
    if (widget->inherits("QGroupBox"))
        return QStringLiteral("QGroupBox[fixHighlight=\"true\"] { border: 2px solid palette(highlight); "
                              "border-radius: 3px; margin-top: 1.5ex; padding-top: 1ex; }"
                              "QGroupBox[fixHighlight=\"true\"]::title { subcontrol-origin: margin; "
                              "subcontrol-position: top left; left: 8px; padding: 0 3px; }");
    return QStringLiteral(
        "*[fixHighlight=\"true\"] { border: 2px solid palette(highlight); border-radius: 3px; }");
}

SecurityPropertiesDialog::SecurityPropertiesDialog(const SecuritySettings& settings, const QUuid& profileId,
                                                   QWidget* parent)
    : QDialog(parent), m_profileId(profileId), m_original(settings), m_settings(settings)
{
    setObjectName(QStringLiteral("SecurityPropertiesDialog"));
    setWindowTitle(tr("Security Properties"));
    // What's This? from the title bar where the window manager offers it, and Shift+F1 anywhere.
    setWindowFlag(Qt::WindowContextHelpButtonHint);
    addAction(QWhatsThis::createAction(this));

    m_tabs = new QTabWidget(this);
    buildSslTlsTab();

    m_validationMessage = new QLabel(this);
    m_validationMessage->setObjectName(QStringLiteral("validationMessage"));
    m_validationMessage->setWordWrap(true);
    m_validationMessage->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_validationMessage->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SecurityPropertiesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_validationMessage);
    layout->addWidget(m_buttons);

    loadSettings();

    connect(m_useTls, &QCheckBox::toggled, this, &SecurityPropertiesDialog::onUseTlsToggled);
    connect(m_strength, &QComboBox::currentIndexChanged, this, [this] { updateStrengthNote(); });
    for (QCheckBox* box : {m_negotiateAutomatically, m_useProxy})
        connect(box, &QCheckBox::toggled, this, [this] { updateEnabledState(); });
    connect(m_fips, &QCheckBox::toggled, this, [this] {
        refreshStrengthLabels();
        updateStrengthNote();
    });
    connect(m_tokenFromKeychain, &QRadioButton::toggled, this, [this] { updateEnabledState(); });
    connect(m_proxyToken, &QLineEdit::textEdited, this, [this] { m_proxyTokenEdited = true; });
    connect(m_configurePki, &QPushButton::clicked, this, [this] { openPkiConfiguration(); });
    // Whatever was wrong may be fixed by any edit: hide the old complaint.
    for (QComboBox* combo : {m_strength, m_minimumVersion, m_maximumVersion})
        connect(combo, &QComboBox::currentIndexChanged, m_validationMessage, &QWidget::hide);
    for (QLineEdit* edit : {m_proxyHost, m_proxyPort})
        connect(edit, &QLineEdit::textChanged, m_validationMessage, &QWidget::hide);

    // The token lives in the keychain; show it (masked) once the keychain answers.
    if (!m_profileId.isNull()) {
        auto* secrets = new SecretStore(this);
        QPointer<SecurityPropertiesDialog> self(this);
        secrets->read(m_profileId, SecretStore::Kind::ProxyToken, [self](const SecretStore::Result& result) {
            if (!self || !result.ok() || self->m_proxyTokenEdited)
                return;
            self->m_proxyToken->setText(result.secret);
        });
    }
    updateEnabledState();
    refreshStrengthLabels();
    updateStrengthNote();
}

SecurityPropertiesDialog::~SecurityPropertiesDialog() = default;

void SecurityPropertiesDialog::buildSslTlsTab()
{
    m_sslTab = new QWidget(m_tabs);
    m_sslTab->setObjectName(QStringLiteral("sslTlsTab"));
    m_tabs->addTab(m_sslTab, tr("SSL/TLS"));
    auto* layout = new QVBoxLayout(m_sslTab);

    m_useTls = new QCheckBox(tr("&Use SSL/TLS security"), m_sslTab);
    m_useTls->setObjectName(QStringLiteral("useTls"));
    setHelp(m_useTls, tr("Encrypt the connection with SSL/TLS and verify the host's certificate."),
            tr("When this is on, Tsunagi encrypts everything sent to and received from the host with SSL/TLS "
               "and checks that the host's certificate is trusted. When it is off, the connection is not "
               "encrypted and every other setting on this tab is unavailable. On by default."));
    layout->addWidget(m_useTls);

    auto* form = new QFormLayout;
    m_strength = new QComboBox(m_sslTab);
    m_strength->setObjectName(QStringLiteral("encryptionStrength"));
    for (EncryptionStrength strength : kStrengths)
        m_strength->addItem(QString(), int(strength));
    refreshStrengthLabels();
    setHelp(m_strength, tr("Which cipher suites Tsunagi offers to the host."),
            tr("<p>Which cipher suites Tsunagi offers to the host:</p><ul>"
               "<li><b>Default</b>: whatever the TLS library offers by default.</li>"
               "<li><b>Recommended</b>: only TLS 1.2 or later suites with forward secrecy and authenticated "
               "encryption (AES-GCM, ChaCha20-Poly1305).</li>"
               "<li><b>256-bit</b>, <b>128-bit</b>: only suites with keys of that size.</li>"
               "<li><b>168-bit</b>: Triple DES, for old hosts only.</li></ul>"
               "<p>A level marked as not available cannot be provided by the TLS library on this computer; "
               "connections with it fail before anything is sent. Default: Default.</p>"));
    m_strengthNote = makeNote(m_sslTab, QStringLiteral("encryptionStrengthNote"));
    auto* strengthBox = new QVBoxLayout;
    strengthBox->addWidget(m_strength);
    strengthBox->addWidget(m_strengthNote);
    auto* strengthLabel = new QLabel(tr("&Encryption strength:"), m_sslTab);
    strengthLabel->setBuddy(m_strength);
    form->addRow(strengthLabel, strengthBox);
    layout->addLayout(form);

    m_versionGroup = new QGroupBox(tr("TLS version"), m_sslTab);
    m_versionGroup->setObjectName(QStringLiteral("tlsVersionGroup"));
    auto* versionLayout = new QFormLayout(m_versionGroup);
    m_minimumVersion = new QComboBox(m_versionGroup);
    m_minimumVersion->setObjectName(QStringLiteral("minimumVersion"));
    m_maximumVersion = new QComboBox(m_versionGroup);
    m_maximumVersion->setObjectName(QStringLiteral("maximumVersion"));
    for (TlsVersion version : kVersions) {
        const QString name = tr("TLS %1").arg(SecuritySettingsNames::tlsVersion(version));
        m_minimumVersion->addItem(name, int(version));
        m_maximumVersion->addItem(name, int(version));
    }
    setHelp(m_minimumVersion, tr("The oldest TLS version Tsunagi accepts. Default: TLS 1.2."),
            tr("The oldest TLS version Tsunagi accepts. TLS 1.0 and 1.1 are outdated; lower the minimum only "
               "for a host that supports nothing newer. Default: TLS 1.2."));
    setHelp(m_maximumVersion, tr("The newest TLS version Tsunagi offers. Default: TLS 1.3."),
            tr("The newest TLS version Tsunagi offers. Lower it only for a host that fails with newer "
               "versions. It cannot be older than the minimum. Default: TLS 1.3."));
    m_negotiateAutomatically = new QCheckBox(tr("&Negotiate automatically"), m_versionGroup);
    m_negotiateAutomatically->setObjectName(QStringLiteral("negotiateAutomatically"));
    setHelp(m_negotiateAutomatically,
            tr("Use whatever TLS version both sides support instead of the minimum and maximum."),
            tr("When this is on, Tsunagi does not ask for particular TLS versions: it uses the newest "
               "version that both the host and the TLS library on this computer support. Use it when a "
               "host rejects the versions chosen above. Off by default."));
    auto* minimumLabel = new QLabel(tr("M&inimum:"), m_versionGroup);
    minimumLabel->setBuddy(m_minimumVersion);
    auto* maximumLabel = new QLabel(tr("Ma&ximum:"), m_versionGroup);
    maximumLabel->setBuddy(m_maximumVersion);
    versionLayout->addRow(minimumLabel, m_minimumVersion);
    versionLayout->addRow(maximumLabel, m_maximumVersion);
    versionLayout->addRow(m_negotiateAutomatically);
    layout->addWidget(m_versionGroup);

    m_fips = new QCheckBox(tr("&FIPS mode"), m_sslTab);
    m_fips->setObjectName(QStringLiteral("fipsMode"));
    setHelp(
        m_fips, tr("Use only FIPS-approved algorithms through OpenSSL's FIPS provider."),
        tr("When this is on, Tsunagi uses only FIPS-approved cipher suites through OpenSSL's FIPS "
           "provider, and refuses hosts whose key is too small for the negotiated suite (Triple DES needs "
           "an RSA or DSA key of at least 1024 bits, AES-128 at least 3072 bits). The FIPS provider must "
           "be installed on this computer. Off by default."));
    m_fipsNote = makeNote(m_sslTab, QStringLiteral("fipsNote"));
    if (!SecurityBackend::fipsProviderAvailable()) {
        m_fipsNote->setText(
            tr("OpenSSL's FIPS provider is not installed on this computer. Connections in FIPS "
               "mode will fail until it is installed."));
        m_fipsNote->show();
    }
    layout->addWidget(m_fips);
    layout->addWidget(m_fipsNote);

    m_proxyGroup = new QGroupBox(tr("Security proxy"), m_sslTab);
    m_proxyGroup->setObjectName(QStringLiteral("proxyGroup"));
    auto* proxyLayout = new QGridLayout(m_proxyGroup);
    m_useProxy = new QCheckBox(tr("Connect through a security &proxy"), m_proxyGroup);
    m_useProxy->setObjectName(QStringLiteral("useProxy"));
    setHelp(m_useProxy,
            tr("Reach the host through an HTTP CONNECT proxy that requires an authorization token."),
            tr("When this is on, Tsunagi connects to the security proxy below and asks it to open the "
               "connection to the host (HTTP CONNECT), sending the authorization token. Off by default."));
    m_proxyHost = new QLineEdit(m_proxyGroup);
    m_proxyHost->setObjectName(QStringLiteral("proxyHost"));
    setHelp(m_proxyHost, tr("Host name or IP address of the security proxy."),
            tr("The host name or IP address of the security proxy. Required when the proxy is used."));
    m_proxyPort = new QLineEdit(m_proxyGroup);
    m_proxyPort->setObjectName(QStringLiteral("proxyPort"));
    m_proxyPort->setValidator(new QIntValidator(1, 65535, m_proxyPort));
    m_proxyPort->setMaximumWidth(80);
    setHelp(m_proxyPort, tr("TCP port of the security proxy (1–65535)."),
            tr("The TCP port the security proxy listens on, from 1 to 65535. Required when the proxy is "
               "used."));
    m_tokenFromKeychain = new QRadioButton(tr("&Authorization token:"), m_proxyGroup);
    m_tokenFromKeychain->setObjectName(QStringLiteral("tokenFromKeychain"));
    setHelp(m_tokenFromKeychain, tr("Send the token typed here, kept in the keychain."),
            tr("Send the authorization token typed in the box. Tsunagi keeps it in the keychain, never in "
               "the profile file. This is the default."));
    m_proxyToken = new QLineEdit(m_proxyGroup);
    m_proxyToken->setObjectName(QStringLiteral("proxyToken"));
    m_proxyToken->setEchoMode(QLineEdit::Password);
    setHelp(m_proxyToken, tr("The authorization token; stored in the keychain, never in the profile."),
            tr("The authorization token the security proxy expects (sent as a bearer token). It is stored in "
               "the keychain when you click OK, never in the profile file. Leave it empty to remove the "
               "stored token."));
    m_tokenFromSessionLink = new QRadioButton(tr("Token from the session &link"), m_proxyGroup);
    m_tokenFromSessionLink->setObjectName(QStringLiteral("tokenFromSessionLink"));
    setHelp(m_tokenFromSessionLink, tr("Use the token of the session link the session was started from."),
            tr("Use the authorization token carried by the session link (a tsunagi:// link issued by a web "
               "portal) that starts the session. Sessions of this profile started any other way send no "
               "token."));
    auto* tokenChoice = new QButtonGroup(m_proxyGroup);
    tokenChoice->addButton(m_tokenFromKeychain);
    tokenChoice->addButton(m_tokenFromSessionLink);
    auto* hostLabel = new QLabel(tr("&Host:"), m_proxyGroup);
    hostLabel->setBuddy(m_proxyHost);
    auto* portLabel = new QLabel(tr("P&ort:"), m_proxyGroup);
    portLabel->setBuddy(m_proxyPort);
    proxyLayout->addWidget(m_useProxy, 0, 0, 1, 4);
    proxyLayout->addWidget(hostLabel, 1, 0);
    proxyLayout->addWidget(m_proxyHost, 1, 1);
    proxyLayout->addWidget(portLabel, 1, 2);
    proxyLayout->addWidget(m_proxyPort, 1, 3);
    proxyLayout->addWidget(m_tokenFromKeychain, 2, 0);
    proxyLayout->addWidget(m_proxyToken, 2, 1, 1, 3);
    proxyLayout->addWidget(m_tokenFromSessionLink, 3, 0, 1, 4);
    layout->addWidget(m_proxyGroup);

    m_configurePki = new QPushButton(tr("Configure P&KI..."), m_sslTab);
    m_configurePki->setObjectName(QStringLiteral("configurePki"));
    setHelp(m_configurePki,
            tr("Trusted certificates, client certificate, revocation checking and host-name verification."),
            tr("Opens PKI Configuration: which certificate authorities are trusted, the client certificate, "
               "revocation checking, the host-name check and the certificates accepted for this profile."));
    auto* pkiRow = new QHBoxLayout;
    pkiRow->addStretch();
    pkiRow->addWidget(m_configurePki);
    layout->addLayout(pkiRow);
    layout->addStretch();
}

void SecurityPropertiesDialog::loadSettings()
{
    const SecuritySettings& s = m_settings;
    m_useTls->setChecked(s.tlsEnabled);
    selectData(m_strength, int(s.encryptionStrength));
    selectData(m_minimumVersion, int(s.minimumVersion));
    selectData(m_maximumVersion, int(s.maximumVersion));
    m_negotiateAutomatically->setChecked(s.negotiateAutomatically);
    m_fips->setChecked(s.fipsMode);
    m_useProxy->setChecked(s.proxy.enabled);
    m_proxyHost->setText(s.proxy.host);
    m_proxyPort->setText(s.proxy.port ? QString::number(s.proxy.port) : QString());
    m_tokenFromSessionLink->setChecked(s.proxy.tokenFromSessionLink);
    m_tokenFromKeychain->setChecked(!s.proxy.tokenFromSessionLink);
}

SecuritySettings SecurityPropertiesDialog::settings() const
{
    SecuritySettings s = m_settings;
    s.tlsEnabled = m_useTls->isChecked();
    s.encryptionStrength = EncryptionStrength(m_strength->currentData().toInt());
    s.minimumVersion = TlsVersion(m_minimumVersion->currentData().toInt());
    s.maximumVersion = TlsVersion(m_maximumVersion->currentData().toInt());
    s.negotiateAutomatically = m_negotiateAutomatically->isChecked();
    s.fipsMode = m_fips->isChecked();
    s.proxy.enabled = m_useProxy->isChecked();
    s.proxy.host = m_proxyHost->text().trimmed();
    s.proxy.port = m_proxyPort->hasAcceptableInput() ? quint16(m_proxyPort->text().toUInt()) : quint16(0);
    s.proxy.tokenFromSessionLink = m_tokenFromSessionLink->isChecked();
    return s;
}

void SecurityPropertiesDialog::updateEnabledState()
{
    const bool tls = m_useTls->isChecked();
    const bool manualVersions = tls && !m_negotiateAutomatically->isChecked();
    const bool proxy = tls && m_useProxy->isChecked();
    m_strength->setEnabled(tls);
    m_negotiateAutomatically->setEnabled(tls);
    m_minimumVersion->setEnabled(manualVersions);
    m_maximumVersion->setEnabled(manualVersions);
    m_fips->setEnabled(tls);
    m_useProxy->setEnabled(tls);
    m_proxyHost->setEnabled(proxy);
    m_proxyPort->setEnabled(proxy);
    m_tokenFromKeychain->setEnabled(proxy);
    m_tokenFromSessionLink->setEnabled(proxy);
    m_proxyToken->setEnabled(proxy && m_tokenFromKeychain->isChecked());
    m_configurePki->setEnabled(tls);
    m_strengthNote->setEnabled(tls);
    m_fipsNote->setEnabled(tls);
}

void SecurityPropertiesDialog::onUseTlsToggled(bool checked)
{
    if (!checked && m_original.tlsEnabled) {
        const bool confirmed = SecurityBackend::confirm(
            this, tr("Turn Off SSL/TLS"), tr("Turn off SSL/TLS security for this profile?"),
            tr("The connection will not be encrypted: everything you type, including passwords, can be read "
               "by anyone on the network path, and the host's identity is not verified."));
        if (!confirmed) {
            const QSignalBlocker blocker(m_useTls);
            m_useTls->setChecked(true);
        }
    }
    m_validationMessage->hide();
    updateEnabledState();
}

QString SecurityPropertiesDialog::strengthLabel(EncryptionStrength strength)
{
    switch (strength) {
    case EncryptionStrength::Default:
        return tr("Default (the TLS library's defaults)");
    case EncryptionStrength::Recommended:
        return tr("Recommended (TLS 1.2 or later, forward secrecy)");
    case EncryptionStrength::Bits256:
        return tr("256-bit");
    case EncryptionStrength::Bits128:
        return tr("128-bit");
    case EncryptionStrength::Bits168:
        return tr("168-bit (3DES, legacy)");
    }
    return {};
}

// Marks the levels the local TLS library cannot provide (with FIPS mode's restriction).
void SecurityPropertiesDialog::refreshStrengthLabels()
{
    const bool fips = m_fips && m_fips->isChecked();
    for (int i = 0; i < m_strength->count(); ++i) {
        const auto strength = EncryptionStrength(m_strength->itemData(i).toInt());
        QString label = strengthLabel(strength);
        if (!SecurityBackend::strengthAvailable(strength, fips))
            label = tr("%1 — not available on this computer").arg(label);
        m_strength->setItemText(i, label);
    }
}

void SecurityPropertiesDialog::updateStrengthNote()
{
    const auto strength = EncryptionStrength(m_strength->currentData().toInt());
    if (SecurityBackend::strengthAvailable(strength, m_fips->isChecked())) {
        m_strengthNote->hide();
        return;
    }
    m_strengthNote->setText(tr("The TLS library on this computer cannot provide this encryption strength, so "
                               "connections with it will fail. Choose another level."));
    m_strengthNote->show();
}

QStringList SecurityPropertiesDialog::fixSettingIds()
{
    return {QStringLiteral("ssl-tls/use-tls"),        QStringLiteral("ssl-tls/encryption-strength"),
            QStringLiteral("ssl-tls/tls-version"),    QStringLiteral("ssl-tls/fips"),
            QStringLiteral("ssl-tls/proxy"),          QStringLiteral("pki/trust"),
            QStringLiteral("pki/client-certificate"), QStringLiteral("pki/revocation"),
            QStringLiteral("pki/hostname-check"),     QStringLiteral("pki/pins")};
}

QString SecurityPropertiesDialog::canonicalFixSettingId(const QString& fixSettingId)
{
    if (fixSettingId == QLatin1String("ssl-tls/fips-mode"))
        return QStringLiteral("ssl-tls/fips");
    if (fixSettingId == QLatin1String("pki/pinned-certificates"))
        return QStringLiteral("pki/pins");
    return fixSettingIds().contains(fixSettingId) ? fixSettingId : QString();
}

PkiConfigurationDialog* SecurityPropertiesDialog::pkiConfigurationDialog() const
{
    return m_pkiDialog;
}

bool SecurityPropertiesDialog::focusSetting(const QString& requestedId)
{
    const QString fixSettingId = canonicalFixSettingId(requestedId);
    if (fixSettingId.isEmpty())
        return false;
    clearHighlight();
    m_tabs->setCurrentWidget(m_sslTab);
    QWidget* target = nullptr;
    QWidget* marked = nullptr;
    if (fixSettingId == QLatin1String("ssl-tls/use-tls")) {
        target = marked = m_useTls;
    } else if (fixSettingId == QLatin1String("ssl-tls/encryption-strength")) {
        target = marked = m_strength;
    } else if (fixSettingId == QLatin1String("ssl-tls/tls-version")) {
        marked = m_versionGroup;
        target = m_minimumVersion->isEnabled() ? static_cast<QWidget*>(m_minimumVersion)
                                               : static_cast<QWidget*>(m_negotiateAutomatically);
    } else if (fixSettingId == QLatin1String("ssl-tls/fips")) {
        target = marked = m_fips;
    } else if (fixSettingId == QLatin1String("ssl-tls/proxy")) {
        marked = m_proxyGroup;
        target =
            m_proxyHost->isEnabled() ? static_cast<QWidget*>(m_proxyHost) : static_cast<QWidget*>(m_useProxy);
    } else {
        target = marked = m_configurePki;
    }
    // A setting under a switched-off "Use SSL/TLS security" is reached through that switch.
    if (!target->isEnabled())
        target = m_useTls;
    highlight(marked, fixSettingId);
    target->setFocus(Qt::OtherFocusReason);
    if (fixSettingId.startsWith(QLatin1String("pki/")) && m_useTls->isChecked())
        openPkiConfiguration(fixSettingId);
    return true;
}

void SecurityPropertiesDialog::highlight(QWidget* widget, const QString& fixSettingId)
{
    m_highlightedSetting = fixSettingId;
    m_highlightedWidget = widget;
    widget->setProperty("fixHighlight", true);
    widget->setStyleSheet(fixHighlightStyleSheet(widget));
}

void SecurityPropertiesDialog::clearHighlight()
{
    if (m_highlightedWidget) {
        m_highlightedWidget->setProperty("fixHighlight", false);
        m_highlightedWidget->setStyleSheet(QString());
    }
    m_highlightedWidget = nullptr;
    m_highlightedSetting.clear();
}

PkiConfigurationDialog* SecurityPropertiesDialog::openPkiConfiguration(const QString& fixSettingId)
{
    if (!m_pkiDialog) {
        m_pkiDialog = new PkiConfigurationDialog(settings(), m_profileId, this);
        m_pkiDialog->setAttribute(Qt::WA_DeleteOnClose);
        if (m_pendingKeyPassphrase)
            m_pkiDialog->setClientKeyPassphrase(*m_pendingKeyPassphrase);
        connect(m_pkiDialog, &QDialog::accepted, this, [this] {
            const SecuritySettings edited = m_pkiDialog->settings();
            m_settings.trustSource = edited.trustSource;
            m_settings.extraCaFiles = edited.extraCaFiles;
            m_settings.clientCertificate = edited.clientCertificate;
            m_settings.revocation = edited.revocation;
            m_settings.crlFiles = edited.crlFiles;
            m_settings.revocationRequired = edited.revocationRequired;
            m_settings.verifyHostName = edited.verifyHostName;
            m_settings.pinnedCertificates = edited.pinnedCertificates;
            if (const auto passphrase = m_pkiDialog->clientKeyPassphrase())
                m_pendingKeyPassphrase = passphrase;
        });
        m_pkiDialog->setWindowModality(Qt::WindowModal);
        m_pkiDialog->show();
    }
    if (!fixSettingId.isEmpty())
        m_pkiDialog->focusSetting(fixSettingId);
    m_pkiDialog->raise();
    m_pkiDialog->activateWindow();
    return m_pkiDialog;
}

QString SecurityPropertiesDialog::validationError() const
{
    // Settings under a switched-off SSL/TLS are kept as they are but not judged.
    if (!m_useTls->isChecked())
        return {};
    if (!m_negotiateAutomatically->isChecked() &&
        m_minimumVersion->currentData().toInt() > m_maximumVersion->currentData().toInt())
        return tr(
            "The minimum TLS version is newer than the maximum. Choose a minimum that is the same as or "
            "older than the maximum.");
    if (m_useProxy->isChecked()) {
        const QString host = m_proxyHost->text().trimmed();
        if (host.isEmpty())
            return tr("Enter the host name or IP address of the security proxy.");
        if (host.contains(QLatin1Char(' ')) || host.contains(QLatin1Char('/')))
            return tr("The security proxy's host name \"%1\" is not valid.").arg(host);
        if (m_proxyPort->text().isEmpty())
            return tr("Enter the port of the security proxy.");
        if (!m_proxyPort->hasAcceptableInput())
            return tr("The security proxy's port must be a number from 1 to 65535.");
    }
    return {};
}

QWidget* SecurityPropertiesDialog::validationTarget() const
{
    if (!m_useTls->isChecked())
        return m_useTls;
    if (!m_negotiateAutomatically->isChecked() &&
        m_minimumVersion->currentData().toInt() > m_maximumVersion->currentData().toInt())
        return m_minimumVersion;
    if (m_proxyHost->text().trimmed().isEmpty() || m_proxyHost->text().trimmed().contains(QLatin1Char(' ')) ||
        m_proxyHost->text().contains(QLatin1Char('/')))
        return m_proxyHost;
    return m_proxyPort;
}

void SecurityPropertiesDialog::accept()
{
    const QString error = validationError();
    if (!error.isEmpty()) {
        m_validationMessage->setText(error);
        m_validationMessage->show();
        m_tabs->setCurrentWidget(m_sslTab);
        validationTarget()->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_validationMessage->hide();
    if (!storeSecrets()) {
        // storeSecrets() accepts once the keychain has answered.
        return;
    }
    emit settingsAccepted(settings());
    QDialog::accept();
}

// Writes the secrets typed in the dialogs. Returns true when there is nothing to write;
// otherwise writes asynchronously and accepts the dialog when every write has succeeded, or
// shows why not and keeps the dialog (and what was typed) open.
bool SecurityPropertiesDialog::storeSecrets()
{
    struct Write
    {
        SecretStore::Kind kind;
        QString secret;
    };
    QList<Write> writes;
    if (m_proxyTokenEdited)
        writes.append({SecretStore::Kind::ProxyToken, m_proxyToken->text()});
    if (m_pendingKeyPassphrase)
        writes.append({SecretStore::Kind::ClientKeyPassphrase, *m_pendingKeyPassphrase});
    if (writes.isEmpty() || m_profileId.isNull())
        return true;

    m_buttons->setEnabled(false);
    auto* secrets = new SecretStore(this);
    auto remaining = std::make_shared<int>(int(writes.size()));
    auto failure = std::make_shared<QString>();
    QPointer<SecurityPropertiesDialog> self(this);
    for (const Write& write : writes) {
        const SecretStore::Kind kind = write.kind;
        auto done = [self, secrets, remaining, failure, kind](const SecretStore::Result& result) {
            // Removing a token that was never stored is not a failure.
            if (!result.ok() && result.code != SecretStore::Result::Code::NotFound) {
                *failure =
                    kind == SecretStore::Kind::ProxyToken
                        ? SecurityPropertiesDialog::tr(
                              "The authorization token could not be stored in the keychain: %1")
                              .arg(result.message)
                        : SecurityPropertiesDialog::tr(
                              "The passphrase of the private key could not be stored in the keychain: %1")
                              .arg(result.message);
            }
            if (--*remaining > 0 || !self)
                return;
            secrets->deleteLater();
            self->m_buttons->setEnabled(true);
            if (!failure->isEmpty()) {
                self->m_validationMessage->setText(*failure);
                self->m_validationMessage->show();
                return;
            }
            self->m_proxyTokenEdited = false;
            self->m_pendingKeyPassphrase.reset();
            emit self->settingsAccepted(self->settings());
            self->QDialog::accept();
        };
        if (write.secret.isEmpty())
            secrets->remove(m_profileId, kind, done);
        else
            secrets->write(m_profileId, kind, write.secret, done);
    }
    return false;
}
