#pragma once

#include "profiles/Profile.h"

#include <QDialog>
#include <QPointer>

class ProfileManager;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFontComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class MessageBar;

// Edits a copy of a profile; the caller commits profile() to the manager when the dialog is
// accepted. Validation runs as the user types: OK stays disabled and a message under the fields
// says what is wrong (empty host, port out of range, name taken in the folder) before closing.
class ProfileEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileEditorDialog)

public:
    enum class Mode
    {
        Create,
        Edit
    };

    // manager is read for the folder list and the duplicate-name check only.
    ProfileEditorDialog(const Profile& profile, Mode mode, const ProfileManager* manager,
                        QWidget* parent = nullptr);
    ~ProfileEditorDialog() override;

    // The profile with the dialog's current values.
    Profile profile() const;
    // Why OK is refused right now; empty when the profile is valid.
    QString validationError() const;
    bool isOkEnabled() const;
    // Shows and focuses the field an error dialog's fix names ("profile/host", "profile/port").
    void focusSetting(const QString& fixSettingId);

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildUi();
    void retranslateUi();
    void loadProfile();
    // The one place that derives enabled state and the validation message.
    void updateState();
    void onTlsToggled(bool checked);
    void onProtocolOrTlsChanged();
    void openSecurityProperties();
    QWidget* firstInvalidField() const;

    const ProfileManager* m_manager;
    Mode m_mode;
    Profile m_profile; // fields not on this dialog (security beyond TLS, ids, times) live here
    bool m_fontChanged = false;
    quint16 m_autoPort = 0; // the default port the field showed last; follows protocol and TLS

    QTabWidget* m_tabs = nullptr;
    QLabel* m_nameLabel = nullptr;
    QLineEdit* m_name = nullptr;
    QLabel* m_folderLabel = nullptr;
    QComboBox* m_folder = nullptr;
    QLabel* m_hostLabel = nullptr;
    QLineEdit* m_host = nullptr;
    QLabel* m_portLabel = nullptr;
    QLineEdit* m_port = nullptr;
    QLabel* m_protocolLabel = nullptr;
    QComboBox* m_protocol = nullptr;
    QCheckBox* m_tls = nullptr;
    QPushButton* m_securityButton = nullptr;
    QLabel* m_connectTimeoutLabel = nullptr;
    QSpinBox* m_connectTimeout = nullptr;
    QLabel* m_userNameLabel = nullptr;
    QLineEdit* m_userName = nullptr;
    QCheckBox* m_autoReconnect = nullptr;

    QLabel* m_terminalTypeLabel = nullptr;
    QComboBox* m_terminalType = nullptr;
    QLabel* m_sizeLabel = nullptr;
    QSpinBox* m_columns = nullptr;
    QSpinBox* m_rows = nullptr;
    QLabel* m_fontLabel = nullptr;
    QFontComboBox* m_font = nullptr;
    QSpinBox* m_fontSize = nullptr;
    QLabel* m_scrollbackLabel = nullptr;
    QSpinBox* m_scrollback = nullptr;
    QLabel* m_encodingLabel = nullptr;
    QComboBox* m_encoding = nullptr;
    QLabel* m_colorSchemeLabel = nullptr;
    QComboBox* m_colorScheme = nullptr;
    QLabel* m_backspaceLabel = nullptr;
    QComboBox* m_backspace = nullptr;
    QCheckBox* m_copyOnSelect = nullptr;
    QCheckBox* m_confirmMultiLinePaste = nullptr;

    QLabel* m_loggingModeLabel = nullptr;
    QComboBox* m_loggingMode = nullptr;
    QLabel* m_loggingPatternLabel = nullptr;
    QLineEdit* m_loggingPattern = nullptr;
    QLabel* m_loggingHint = nullptr;

    QPlainTextEdit* m_notes = nullptr;

    MessageBar* m_validation = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};
