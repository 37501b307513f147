#pragma once

#include "security/SecuritySettings.h"

#include <QDialog>
#include <QPointer>
#include <QUuid>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTabWidget;
class QTreeWidget;
class SecretStore;

// PKI Configuration of one profile: trust source, Tsunagi's trust store, client certificate,
// revocation checking, the host-name check and the certificates pinned for the profile.
// Edits a copy of the settings; the Security Properties dialog takes settings() on OK. The
// client-key passphrase typed here is handed back through clientKeyPassphrase() so that it
// reaches the keychain only when Security Properties is accepted. Tsunagi's trust store is
// shared by every profile, so its imports and removals take effect at once.
class PkiConfigurationDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PkiConfigurationDialog)

public:
    PkiConfigurationDialog(const SecuritySettings& settings, const QUuid& profileId,
                           QWidget* parent = nullptr);
    ~PkiConfigurationDialog() override;

    SecuritySettings settings() const;
    // The passphrase when typed (or read from the keychain) here; nullopt when untouched.
    std::optional<QString> clientKeyPassphrase() const;
    // A passphrase typed earlier and not yet stored (Security Properties keeps it meanwhile).
    void setClientKeyPassphrase(const QString& passphrase);

    bool focusSetting(const QString& fixSettingId);
    QString highlightedSetting() const { return m_highlightedSetting; }

    QString validationError() const;
    void accept() override;

    // What the buttons do once a file has been chosen (tests call these directly).
    bool importTrustedCertificateFile(const QString& path);
    bool removeSelectedTrustedCertificate(); // asks for confirmation
    void selectTrustedCertificate(int row);
    int trustedCertificateCount() const;
    bool addCrlFile(const QString& path);
    void removeSelectedPin();
    void refreshClientCertificateInfo();
    QString clientCertificateInfoText() const;
    QString trustStoreMessage() const;

private:
    void buildTrustTab();
    void buildClientCertificateTab();
    void buildRevocationTab();
    void buildHostTab();
    void loadSettings();
    void reloadTrustStore();
    void reloadPins();
    // The one place that derives which controls are enabled.
    void updateEnabledState();
    void onVerifyHostNameToggled(bool checked);
    void highlight(QWidget* widget, const QString& fixSettingId);
    QWidget* validationTarget() const;
    void viewSelectedTrustedCertificate();
    QString browseForFile(const QString& caption, const QString& filter);

    QUuid m_profileId;
    SecuritySettings m_settings;
    QList<PinnedCertificate> m_pins;
    std::optional<QString> m_passphrase;
    QString m_highlightedSetting;
    SecretStore* m_secrets = nullptr;

    QTabWidget* m_tabs = nullptr;
    QWidget* m_trustTab = nullptr;
    QWidget* m_clientTab = nullptr;
    QWidget* m_revocationTab = nullptr;
    QWidget* m_hostTab = nullptr;

    QComboBox* m_trustSource = nullptr;
    QTreeWidget* m_trustList = nullptr;
    QPushButton* m_importTrusted = nullptr;
    QPushButton* m_viewTrusted = nullptr;
    QPushButton* m_removeTrusted = nullptr;
    QLabel* m_trustMessage = nullptr;

    QComboBox* m_clientMode = nullptr;
    QLineEdit* m_pkcs12File = nullptr;
    QPushButton* m_browsePkcs12 = nullptr;
    QLineEdit* m_certificateFile = nullptr;
    QPushButton* m_browseCertificate = nullptr;
    QLineEdit* m_keyFile = nullptr;
    QPushButton* m_browseKey = nullptr;
    QLineEdit* m_passphraseEdit = nullptr;
    QPushButton* m_checkClient = nullptr;
    QLabel* m_clientInfo = nullptr;

    QComboBox* m_revocation = nullptr;
    QListWidget* m_crlList = nullptr;
    QPushButton* m_addCrl = nullptr;
    QPushButton* m_removeCrl = nullptr;
    QCheckBox* m_revocationRequired = nullptr;

    QCheckBox* m_verifyHostName = nullptr;
    QLabel* m_hostNameWarning = nullptr;
    QTreeWidget* m_pinList = nullptr;
    QPushButton* m_removePin = nullptr;

    QLabel* m_validationMessage = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};
