#include "ui/mainwindow/ProfileEditorDialog.h"

#include "profiles/ProfileManager.h"
#include "ui/security/SecurityPropertiesDialog.h"
#include "ui/widgets/MessageBar.h"
#include "ui/widgets/MessageBox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {
const char* const kTerminalTypes[] = {"xterm-256color", "vt220", "vt100"};
const char* const kEncodings[] = {"UTF-8", "Shift_JIS", "EUC-JP", "ISO-8859-1"};
// Stable names stored in the profile; the labels are translated where shown.
const struct
{
    const char* name;
    const char* label;
} kColorSchemes[] = {
    {"Default", QT_TRANSLATE_NOOP("ProfileEditorDialog", "Default")},
    {"Light", QT_TRANSLATE_NOOP("ProfileEditorDialog", "Light")},
    {"Dark", QT_TRANSLATE_NOOP("ProfileEditorDialog", "Dark")},
};

void selectData(QComboBox* combo, const QVariant& value)
{
    const int index = combo->findData(value);
    if (index >= 0)
        combo->setCurrentIndex(index);
}
} // namespace

ProfileEditorDialog::ProfileEditorDialog(const Profile& profile, Mode mode, const ProfileManager* manager,
                                         QWidget* parent)
    : QDialog(parent), m_manager(manager), m_mode(mode), m_profile(profile)
{
    setObjectName(QStringLiteral("ProfileEditorDialog"));
    buildUi();
    retranslateUi();
    loadProfile();
    updateState();
}

ProfileEditorDialog::~ProfileEditorDialog() = default;

void ProfileEditorDialog::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs);

    // General
    auto* general = new QWidget(m_tabs);
    auto* generalForm = new QFormLayout(general);
    m_name = new QLineEdit(general);
    m_name->setObjectName(QStringLiteral("name"));
    m_nameLabel = new QLabel(general);
    m_nameLabel->setBuddy(m_name);
    generalForm->addRow(m_nameLabel, m_name);

    m_folder = new QComboBox(general);
    m_folder->setObjectName(QStringLiteral("folder"));
    m_folder->setEditable(true);
    m_folder->setInsertPolicy(QComboBox::NoInsert);
    m_folderLabel = new QLabel(general);
    m_folderLabel->setBuddy(m_folder);
    generalForm->addRow(m_folderLabel, m_folder);

    m_host = new QLineEdit(general);
    m_host->setObjectName(QStringLiteral("host"));
    m_hostLabel = new QLabel(general);
    m_hostLabel->setBuddy(m_host);
    generalForm->addRow(m_hostLabel, m_host);

    m_port = new QLineEdit(general);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setMaxLength(5);
    m_portLabel = new QLabel(general);
    m_portLabel->setBuddy(m_port);
    generalForm->addRow(m_portLabel, m_port);

    m_protocol = new QComboBox(general);
    m_protocol->setObjectName(QStringLiteral("protocol"));
    m_protocol->addItem(QString(), int(SessionProtocol::Telnet));
    m_protocol->addItem(QString(), int(SessionProtocol::Raw));
    m_protocolLabel = new QLabel(general);
    m_protocolLabel->setBuddy(m_protocol);
    generalForm->addRow(m_protocolLabel, m_protocol);

    auto* securityRow = new QHBoxLayout;
    m_tls = new QCheckBox(general);
    m_tls->setObjectName(QStringLiteral("tls"));
    securityRow->addWidget(m_tls);
    securityRow->addStretch();
    m_securityButton = new QPushButton(general);
    m_securityButton->setObjectName(QStringLiteral("securityProperties"));
    securityRow->addWidget(m_securityButton);
    generalForm->addRow(securityRow);

    m_connectTimeout = new QSpinBox(general);
    m_connectTimeout->setObjectName(QStringLiteral("connectTimeout"));
    m_connectTimeout->setRange(1, 600);
    m_connectTimeoutLabel = new QLabel(general);
    m_connectTimeoutLabel->setBuddy(m_connectTimeout);
    generalForm->addRow(m_connectTimeoutLabel, m_connectTimeout);

    m_userName = new QLineEdit(general);
    m_userName->setObjectName(QStringLiteral("userName"));
    m_userNameLabel = new QLabel(general);
    m_userNameLabel->setBuddy(m_userName);
    generalForm->addRow(m_userNameLabel, m_userName);

    m_autoReconnect = new QCheckBox(general);
    m_autoReconnect->setObjectName(QStringLiteral("autoReconnect"));
    generalForm->addRow(m_autoReconnect);
    m_tabs->addTab(general, QString());

    // Terminal
    auto* terminal = new QWidget(m_tabs);
    auto* terminalForm = new QFormLayout(terminal);
    m_terminalType = new QComboBox(terminal);
    m_terminalType->setObjectName(QStringLiteral("terminalType"));
    for (const char* type : kTerminalTypes)
        m_terminalType->addItem(QString::fromLatin1(type), QString::fromLatin1(type));
    m_terminalTypeLabel = new QLabel(terminal);
    m_terminalTypeLabel->setBuddy(m_terminalType);
    terminalForm->addRow(m_terminalTypeLabel, m_terminalType);

    auto* sizeRow = new QHBoxLayout;
    m_columns = new QSpinBox(terminal);
    m_columns->setObjectName(QStringLiteral("columns"));
    m_columns->setRange(20, 500);
    m_rows = new QSpinBox(terminal);
    m_rows->setObjectName(QStringLiteral("rows"));
    m_rows->setRange(5, 300);
    sizeRow->addWidget(m_columns);
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), terminal));
    sizeRow->addWidget(m_rows);
    sizeRow->addStretch();
    m_sizeLabel = new QLabel(terminal);
    m_sizeLabel->setBuddy(m_columns);
    terminalForm->addRow(m_sizeLabel, sizeRow);

    auto* fontRow = new QHBoxLayout;
    m_font = new QFontComboBox(terminal);
    m_font->setObjectName(QStringLiteral("font"));
    m_font->setFontFilters(QFontComboBox::MonospacedFonts);
    m_fontSize = new QSpinBox(terminal);
    m_fontSize->setObjectName(QStringLiteral("fontSize"));
    m_fontSize->setRange(6, 72);
    fontRow->addWidget(m_font, 1);
    fontRow->addWidget(m_fontSize);
    m_fontLabel = new QLabel(terminal);
    m_fontLabel->setBuddy(m_font);
    terminalForm->addRow(m_fontLabel, fontRow);

    m_scrollback = new QSpinBox(terminal);
    m_scrollback->setObjectName(QStringLiteral("scrollback"));
    m_scrollback->setRange(0, 1000000);
    m_scrollback->setSingleStep(1000);
    m_scrollbackLabel = new QLabel(terminal);
    m_scrollbackLabel->setBuddy(m_scrollback);
    terminalForm->addRow(m_scrollbackLabel, m_scrollback);

    m_encoding = new QComboBox(terminal);
    m_encoding->setObjectName(QStringLiteral("encoding"));
    for (const char* encoding : kEncodings)
        m_encoding->addItem(QString::fromLatin1(encoding), QString::fromLatin1(encoding));
    m_encodingLabel = new QLabel(terminal);
    m_encodingLabel->setBuddy(m_encoding);
    terminalForm->addRow(m_encodingLabel, m_encoding);

    m_colorScheme = new QComboBox(terminal);
    m_colorScheme->setObjectName(QStringLiteral("colorScheme"));
    for (const auto& scheme : kColorSchemes)
        m_colorScheme->addItem(QString(), QString::fromLatin1(scheme.name));
    m_colorSchemeLabel = new QLabel(terminal);
    m_colorSchemeLabel->setBuddy(m_colorScheme);
    terminalForm->addRow(m_colorSchemeLabel, m_colorScheme);

    m_backspace = new QComboBox(terminal);
    m_backspace->setObjectName(QStringLiteral("backspace"));
    m_backspace->addItem(QString(), true);
    m_backspace->addItem(QString(), false);
    m_backspaceLabel = new QLabel(terminal);
    m_backspaceLabel->setBuddy(m_backspace);
    terminalForm->addRow(m_backspaceLabel, m_backspace);

    m_copyOnSelect = new QCheckBox(terminal);
    m_copyOnSelect->setObjectName(QStringLiteral("copyOnSelect"));
    terminalForm->addRow(m_copyOnSelect);
    m_confirmMultiLinePaste = new QCheckBox(terminal);
    m_confirmMultiLinePaste->setObjectName(QStringLiteral("confirmMultiLinePaste"));
    terminalForm->addRow(m_confirmMultiLinePaste);
    m_tabs->addTab(terminal, QString());

    // Logging
    auto* logging = new QWidget(m_tabs);
    auto* loggingForm = new QFormLayout(logging);
    m_loggingMode = new QComboBox(logging);
    m_loggingMode->setObjectName(QStringLiteral("loggingMode"));
    m_loggingMode->addItem(QString(), int(LoggingSettings::Mode::Off));
    m_loggingMode->addItem(QString(), int(LoggingSettings::Mode::Text));
    m_loggingMode->addItem(QString(), int(LoggingSettings::Mode::Raw));
    m_loggingModeLabel = new QLabel(logging);
    m_loggingModeLabel->setBuddy(m_loggingMode);
    loggingForm->addRow(m_loggingModeLabel, m_loggingMode);
    m_loggingPattern = new QLineEdit(logging);
    m_loggingPattern->setObjectName(QStringLiteral("loggingPattern"));
    m_loggingPatternLabel = new QLabel(logging);
    m_loggingPatternLabel->setBuddy(m_loggingPattern);
    loggingForm->addRow(m_loggingPatternLabel, m_loggingPattern);
    m_loggingHint = new QLabel(logging);
    m_loggingHint->setWordWrap(true);
    loggingForm->addRow(m_loggingHint);
    m_tabs->addTab(logging, QString());

    // Notes
    m_notes = new QPlainTextEdit(m_tabs);
    m_notes->setObjectName(QStringLiteral("notes"));
    m_tabs->addTab(m_notes, QString());

    m_validation = new MessageBar(this);
    m_validation->setObjectName(QStringLiteral("validationMessage"));
    m_validation->setCloseButtonVisible(false);
    layout->addWidget(m_validation);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileEditorDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfileEditorDialog::reject);

    connect(m_name, &QLineEdit::textChanged, this, &ProfileEditorDialog::updateState);
    connect(m_folder, &QComboBox::editTextChanged, this, &ProfileEditorDialog::updateState);
    connect(m_host, &QLineEdit::textChanged, this, &ProfileEditorDialog::updateState);
    connect(m_port, &QLineEdit::textChanged, this, &ProfileEditorDialog::updateState);
    connect(m_protocol, &QComboBox::currentIndexChanged, this, &ProfileEditorDialog::onProtocolOrTlsChanged);
    connect(m_tls, &QCheckBox::toggled, this, &ProfileEditorDialog::onTlsToggled);
    connect(m_loggingMode, &QComboBox::currentIndexChanged, this, &ProfileEditorDialog::updateState);
    connect(m_loggingPattern, &QLineEdit::textChanged, this, &ProfileEditorDialog::updateState);
    connect(m_securityButton, &QPushButton::clicked, this, &ProfileEditorDialog::openSecurityProperties);
}

void ProfileEditorDialog::retranslateUi()
{
    setWindowTitle(m_mode == Mode::Create ? tr("New Session") : tr("Edit Session"));
    m_tabs->setTabText(0, tr("General"));
    m_tabs->setTabText(1, tr("Terminal"));
    m_tabs->setTabText(2, tr("Logging"));
    m_tabs->setTabText(3, tr("Notes"));

    m_nameLabel->setText(tr("&Name:"));
    m_folderLabel->setText(tr("&Folder:"));
    m_folder->lineEdit()->setPlaceholderText(tr("Top level"));
    m_folder->setToolTip(tr("Folders are separated by \"/\", for example Production/Osaka."));
    m_hostLabel->setText(tr("&Host name:"));
    m_host->setPlaceholderText(tr("host.example.com or an IP address"));
    m_portLabel->setText(tr("&Port:"));
    m_protocolLabel->setText(tr("P&rotocol:"));
    m_protocol->setItemText(0, tr("Telnet"));
    m_protocol->setItemText(1, tr("Raw TCP"));
    m_tls->setText(tr("Use &SSL/TLS security"));
    m_securityButton->setText(tr("Security &Properties..."));
    m_connectTimeoutLabel->setText(tr("Connection &timeout:"));
    m_connectTimeout->setSuffix(tr(" s"));
    m_connectTimeout->setToolTip(
        tr("How long connecting, including the SSL/TLS handshake, may take before Tsunagi gives up"));
    m_userNameLabel->setText(tr("&User name:"));
    m_userName->setPlaceholderText(tr("Optional"));
    m_userName->setToolTip(tr("Sent to a Telnet host as the USER variable (NEW-ENVIRON), so the login "
                              "prompt can skip asking for it"));
    m_autoReconnect->setText(tr("Reconnect &automatically when the connection drops"));

    m_terminalTypeLabel->setText(tr("&Terminal type:"));
    m_sizeLabel->setText(tr("&Columns × rows:"));
    m_columns->setAccessibleName(tr("Columns"));
    m_rows->setAccessibleName(tr("Rows"));
    m_fontLabel->setText(tr("F&ont:"));
    m_fontSize->setAccessibleName(tr("Font size"));
    m_fontSize->setSuffix(tr(" pt"));
    m_scrollbackLabel->setText(tr("&Scrollback:"));
    m_scrollback->setSuffix(tr(" lines"));
    m_encodingLabel->setText(tr("Character &encoding:"));
    m_colorSchemeLabel->setText(tr("Colo&ur scheme:"));
    for (int i = 0; i < m_colorScheme->count(); ++i) {
        const QString name = m_colorScheme->itemData(i).toString();
        QString label = name;
        for (const auto& scheme : kColorSchemes) {
            if (name == QLatin1String(scheme.name))
                label = tr(scheme.label);
        }
        m_colorScheme->setItemText(i, label);
    }
    m_backspaceLabel->setText(tr("&Backspace key sends:"));
    m_backspace->setItemText(0, tr("DEL (0x7F)"));
    m_backspace->setItemText(1, tr("Ctrl+H (0x08)"));
    m_copyOnSelect->setText(tr("Cop&y selected text to the clipboard"));
    m_confirmMultiLinePaste->setText(tr("As&k before pasting several lines"));

    m_loggingModeLabel->setText(tr("Session &logging:"));
    m_loggingMode->setItemText(0, tr("Off"));
    m_loggingMode->setItemText(1, tr("Text (what the terminal shows)"));
    m_loggingMode->setItemText(2, tr("Raw (every byte received)"));
    m_loggingPatternLabel->setText(tr("Log &file:"));
    m_loggingPattern->setPlaceholderText(tr("~/tsunagi-logs/%N-%D-%T.log"));
    m_loggingHint->setText(
        tr("In the file name, %D is replaced by the date (yyyy-MM-dd), %T by the time (HHmmss), "
           "%N by the profile name and %H by the host name."));

    m_notes->setPlaceholderText(tr("Notes about this session"));
    updateState();
}

void ProfileEditorDialog::loadProfile()
{
    m_name->setText(m_profile.name);
    if (m_manager) {
        m_folder->addItem(QString());
        m_folder->addItems(m_manager->folders());
    }
    m_folder->setEditText(m_profile.folder);
    m_host->setText(m_profile.host);
    selectData(m_protocol, int(m_profile.protocol));
    {
        const QSignalBlocker blocker(m_tls);
        m_tls->setChecked(m_profile.security.tlsEnabled);
    }
    m_port->setText(QString::number(m_profile.port));
    m_connectTimeout->setValue(m_profile.connectTimeoutSeconds);
    m_userName->setText(m_profile.terminal.userName);
    m_autoReconnect->setChecked(m_profile.terminal.autoReconnect);
    m_autoPort = Profile::defaultPort(m_profile.protocol, m_profile.security.tlsEnabled);

    if (m_terminalType->findData(m_profile.terminal.terminalType) < 0)
        m_terminalType->addItem(m_profile.terminal.terminalType, m_profile.terminal.terminalType);
    selectData(m_terminalType, m_profile.terminal.terminalType);
    m_columns->setValue(m_profile.terminal.columns);
    m_rows->setValue(m_profile.terminal.rows);
    m_font->setCurrentFont(QFont(m_profile.terminal.fontFamily));
    connect(m_font, &QFontComboBox::currentFontChanged, this, [this] { m_fontChanged = true; });
    m_fontSize->setValue(m_profile.terminal.fontSize);
    m_scrollback->setValue(m_profile.terminal.scrollbackLines);
    if (m_encoding->findData(m_profile.terminal.encoding) < 0)
        m_encoding->addItem(m_profile.terminal.encoding, m_profile.terminal.encoding);
    selectData(m_encoding, m_profile.terminal.encoding);
    if (m_colorScheme->findData(m_profile.terminal.colorScheme) < 0)
        m_colorScheme->addItem(m_profile.terminal.colorScheme, m_profile.terminal.colorScheme);
    selectData(m_colorScheme, m_profile.terminal.colorScheme);
    selectData(m_backspace, m_profile.terminal.backspaceSendsDelete);
    m_copyOnSelect->setChecked(m_profile.terminal.copyOnSelect);
    m_confirmMultiLinePaste->setChecked(m_profile.terminal.confirmMultiLinePaste);

    selectData(m_loggingMode, int(m_profile.logging.mode));
    m_loggingPattern->setText(m_profile.logging.pathPattern);
    m_notes->setPlainText(m_profile.notes);
}

Profile ProfileEditorDialog::profile() const
{
    Profile profile = m_profile;
    profile.name = m_name->text().trimmed();
    profile.folder = ProfileManager::normalizeFolder(m_folder->currentText());
    profile.host = m_host->text().trimmed();
    profile.port = quint16(m_port->text().trimmed().toUInt());
    profile.protocol = SessionProtocol(m_protocol->currentData().toInt());
    profile.security.tlsEnabled = m_tls->isChecked();
    profile.connectTimeoutSeconds = m_connectTimeout->value();
    profile.terminal.userName = m_userName->text().trimmed();
    profile.terminal.autoReconnect = m_autoReconnect->isChecked();
    profile.terminal.terminalType = m_terminalType->currentData().toString();
    profile.terminal.columns = m_columns->value();
    profile.terminal.rows = m_rows->value();
    // An untouched font keeps the profile's family even when this system lacks it.
    profile.terminal.fontFamily =
        m_fontChanged ? m_font->currentFont().family() : m_profile.terminal.fontFamily;
    profile.terminal.fontSize = m_fontSize->value();
    profile.terminal.scrollbackLines = m_scrollback->value();
    profile.terminal.encoding = m_encoding->currentData().toString();
    profile.terminal.colorScheme = m_colorScheme->currentData().toString();
    profile.terminal.backspaceSendsDelete = m_backspace->currentData().toBool();
    profile.terminal.copyOnSelect = m_copyOnSelect->isChecked();
    profile.terminal.confirmMultiLinePaste = m_confirmMultiLinePaste->isChecked();
    profile.logging.mode = LoggingSettings::Mode(m_loggingMode->currentData().toInt());
    profile.logging.pathPattern = m_loggingPattern->text().trimmed();
    profile.notes = m_notes->toPlainText();
    return profile;
}

QString ProfileEditorDialog::validationError() const
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return tr("Enter a name for the session.");
    if (name.contains(QLatin1Char('/')))
        return tr("The name cannot contain \"/\"; use the Folder field for folders.");
    const QString folder = ProfileManager::normalizeFolder(m_folder->currentText());
    if (m_manager) {
        for (const Profile& other : m_manager->profiles()) {
            if (other.id != m_profile.id && other.folder == folder &&
                other.name.compare(name, Qt::CaseInsensitive) == 0) {
                return folder.isEmpty()
                           ? tr("A session named \"%1\" already exists at the top level.").arg(name)
                           : tr("A session named \"%1\" already exists in the folder \"%2\".")
                                 .arg(name, folder);
            }
        }
    }
    const QString host = m_host->text().trimmed();
    if (host.isEmpty())
        return tr("Enter the host name or IP address to connect to.");
    if (host.contains(QLatin1Char(' ')))
        return tr("The host name cannot contain spaces.");
    bool numeric = false;
    const uint port = m_port->text().trimmed().toUInt(&numeric);
    if (!numeric || port < 1 || port > 65535)
        return tr("The port must be a number from 1 to 65535.");
    if (LoggingSettings::Mode(m_loggingMode->currentData().toInt()) != LoggingSettings::Mode::Off &&
        m_loggingPattern->text().trimmed().isEmpty())
        return tr("Enter a log file name, or turn session logging off.");
    return QString();
}

QWidget* ProfileEditorDialog::firstInvalidField() const
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty() || name.contains(QLatin1Char('/')))
        return m_name;
    const QString error = validationError();
    if (error.isEmpty())
        return nullptr;
    if (m_host->text().trimmed().isEmpty() || m_host->text().contains(QLatin1Char(' ')))
        return m_host;
    bool numeric = false;
    const uint port = m_port->text().trimmed().toUInt(&numeric);
    if (!numeric || port < 1 || port > 65535)
        return m_port;
    if (m_loggingPattern->isEnabled() && m_loggingPattern->text().trimmed().isEmpty())
        return m_loggingPattern;
    return m_name; // duplicate name
}

void ProfileEditorDialog::focusSetting(const QString& fixSettingId)
{
    QLineEdit* field = nullptr;
    if (fixSettingId == QLatin1String("profile/host"))
        field = m_host;
    else if (fixSettingId == QLatin1String("profile/port"))
        field = m_port;
    if (!field)
        return;
    m_tabs->setCurrentIndex(0);
    field->setFocus(Qt::OtherFocusReason);
    field->selectAll();
}

bool ProfileEditorDialog::isOkEnabled() const
{
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

void ProfileEditorDialog::updateState()
{
    if (!m_buttons)
        return;
    const QString error = validationError();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
    if (error.isEmpty()) {
        m_validation->hide();
    } else {
        m_validation->setText(error);
        m_validation->setType(MessageBar::Type::Warning);
        m_validation->show();
    }
    const bool logging =
        LoggingSettings::Mode(m_loggingMode->currentData().toInt()) != LoggingSettings::Mode::Off;
    m_loggingPattern->setEnabled(logging);
    m_loggingPatternLabel->setEnabled(logging);
}

void ProfileEditorDialog::onTlsToggled(bool checked)
{
    if (!checked) {
        const auto answer = MessageBox::warning(
            this, tr("Turn Off SSL/TLS"),
            tr("Without SSL/TLS, everything sent in this session, including user names and passwords, "
               "travels over the network unencrypted and can be read by others.\n\n"
               "Turn off SSL/TLS security for this session?"),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            const QSignalBlocker blocker(m_tls);
            m_tls->setChecked(true);
            return;
        }
    }
    m_profile.security.tlsEnabled = checked;
    onProtocolOrTlsChanged();
}

void ProfileEditorDialog::onProtocolOrTlsChanged()
{
    // The port follows protocol and TLS only while it is still the default the user was shown.
    const quint16 newDefault =
        Profile::defaultPort(SessionProtocol(m_protocol->currentData().toInt()), m_tls->isChecked());
    if (m_port->text().trimmed() == QString::number(m_autoPort) || m_port->text().trimmed().isEmpty())
        m_port->setText(QString::number(newDefault));
    m_autoPort = newDefault;
    updateState();
}

void ProfileEditorDialog::openSecurityProperties()
{
    const Profile current = profile();
    // Window-modal but not blocking; its OK hands the edited copy back here, and this dialog's
    // own OK commits everything together.
    auto* dialog = new SecurityPropertiesDialog(current.security, current.id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SecurityPropertiesDialog::settingsAccepted, this,
            [this](const SecuritySettings& settings) {
                m_profile.security = settings;
                {
                    const QSignalBlocker blocker(m_tls);
                    m_tls->setChecked(settings.tlsEnabled);
                }
                onProtocolOrTlsChanged();
            });
    dialog->open();
}

void ProfileEditorDialog::accept()
{
    if (!validationError().isEmpty()) {
        updateState();
        if (QWidget* field = firstInvalidField())
            field->setFocus();
        return;
    }
    QDialog::accept();
}

void ProfileEditorDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}
