#pragma once

#include "security/SecuritySettings.h"

#include <QDialog>
#include <QPointer>
#include <QUuid>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTabWidget;
class PkiConfigurationDialog;

// The style that marks the control a fix-setting id points at (both security dialogs use it).
QString fixHighlightStyleSheet(const QWidget* widget);

// Security Properties of one profile. Edits a copy of the profile's SecuritySettings; OK
// validates, stores the secrets typed here (proxy token, client-key passphrase) in the keychain
// and accepts, and the caller takes settings() into the profile. Cancel changes nothing (except
// Tsunagi's trust store, which the PKI dialog edits directly because it is shared by every
// profile).
//
// Fix-setting ids (stable; the error dialog uses them to open the dialog where the fix is):
//   ssl-tls/use-tls, ssl-tls/encryption-strength, ssl-tls/tls-version, ssl-tls/fips, ssl-tls/proxy,
//   pki/trust, pki/client-certificate, pki/revocation, pki/hostname-check, pki/pins
// and, as the error catalogue spells them, ssl-tls/fips-mode and pki/pinned-certificates.
class SecurityPropertiesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecurityPropertiesDialog)

public:
    SecurityPropertiesDialog(const SecuritySettings& settings, const QUuid& profileId,
                             QWidget* parent = nullptr);
    ~SecurityPropertiesDialog() override;

    // The settings as edited so far.
    SecuritySettings settings() const;
    QUuid profileId() const { return m_profileId; }

    static QStringList fixSettingIds();
    // The id fixSettingIds() uses for an id or its alias; empty when the id is not one of these.
    static QString canonicalFixSettingId(const QString& fixSettingId);
    // Shows the tab that holds the setting, focuses its control and highlights it. The pki/*
    // settings live in the PKI Configuration dialog, which this opens (non-blocking) at the
    // setting. Returns false for an unknown id.
    bool focusSetting(const QString& fixSettingId);
    QString highlightedSetting() const { return m_highlightedSetting; }

    // Opens PKI Configuration (window-modal, non-blocking); its OK merges into settings().
    PkiConfigurationDialog* openPkiConfiguration(const QString& fixSettingId = QString());
    PkiConfigurationDialog* pkiConfigurationDialog() const;

    // Why OK would be refused right now; empty when the settings are valid.
    QString validationError() const;

    void accept() override;

signals:
    void settingsAccepted(const SecuritySettings& settings);

private:
    void buildSslTlsTab();
    void loadSettings();
    // The one place that derives which controls are enabled.
    void updateEnabledState();
    void onUseTlsToggled(bool checked);
    void updateStrengthNote();
    void refreshStrengthLabels();
    static QString strengthLabel(EncryptionStrength strength);
    void highlight(QWidget* widget, const QString& fixSettingId);
    void clearHighlight();
    QWidget* validationTarget() const;
    bool storeSecrets();

    QUuid m_profileId;
    const SecuritySettings m_original;
    SecuritySettings m_settings; // the parts edited elsewhere (PKI) live here
    std::optional<QString> m_pendingKeyPassphrase;
    bool m_proxyTokenEdited = false;
    QString m_highlightedSetting;
    QPointer<QWidget> m_highlightedWidget;
    QPointer<PkiConfigurationDialog> m_pkiDialog;

    QTabWidget* m_tabs = nullptr;
    QWidget* m_sslTab = nullptr;
    QCheckBox* m_useTls = nullptr;
    QComboBox* m_strength = nullptr;
    QLabel* m_strengthNote = nullptr;
    QGroupBox* m_versionGroup = nullptr;
    QComboBox* m_minimumVersion = nullptr;
    QComboBox* m_maximumVersion = nullptr;
    QCheckBox* m_negotiateAutomatically = nullptr;
    QCheckBox* m_fips = nullptr;
    QLabel* m_fipsNote = nullptr;
    QGroupBox* m_proxyGroup = nullptr;
    QCheckBox* m_useProxy = nullptr;
    QLineEdit* m_proxyHost = nullptr;
    QLineEdit* m_proxyPort = nullptr;
    QRadioButton* m_tokenFromKeychain = nullptr;
    QLineEdit* m_proxyToken = nullptr;
    QRadioButton* m_tokenFromSessionLink = nullptr;
    QPushButton* m_configurePki = nullptr;
    QLabel* m_validationMessage = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};
