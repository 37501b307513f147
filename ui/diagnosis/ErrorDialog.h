#pragma once

#include "connection/ConnectionRecord.h"
#include "diagnosis/Diagnosis.h"

#include <QDialog>
#include <QList>
#include <QSslCertificate>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QToolButton;
class QWidget;

// The error dialog of a failed connection: the catalogue entry's title and explanation, the
// causes with the detected one marked and the rest as "other possible causes", numbered steps,
// collapsible technical details, and the actions that fix it. The dialog has its own language
// toggle (Japanese/English), independent of the application's language, so a help desk can read
// the same error in either. Actions are signals; the window that shows the dialog handles them
// (reconnect, open Security Properties, pin a certificate). "Copy for support" is done here.
class ErrorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorDialog)

public:
    explicit ErrorDialog(QWidget* parent = nullptr);
    ErrorDialog(const Diagnosis& diagnosis, const ConnectionRecord& record, QWidget* parent = nullptr);
    ~ErrorDialog() override;

    void setResult(const Diagnosis& diagnosis, const ConnectionRecord& record);
    Diagnosis diagnosis() const { return m_diagnosis; }
    ConnectionRecord record() const { return m_record; }

    // "en" or "ja"; starts in the application's language.
    QString language() const { return m_language; }
    void setLanguage(const QString& language);
    void toggleLanguage();

    // The report on the clipboard by "Copy for support" (both languages, technical details).
    QString supportText() const;

signals:
    void connectInsteadRequested(const QString& host);
    // Security Properties at the control of a "ssl-tls/..." or "pki/..." setting id.
    void openSecurityPropertiesRequested(const QString& fixSettingId);
    // The profile editor at "profile/host" or "profile/port".
    void editProfileRequested(const QString& fixSettingId);
    void viewCertificateRequested(const QList<QSslCertificate>& chain);
    // Emitted only after the user saw the SHA-256 fingerprint and confirmed.
    void trustCertificateRequested(const QSslCertificate& certificate);
    void retryRequested();
    void languageChanged(const QString& language);

protected:
    void connectNotify(const QMetaMethod& signal) override;
    void disconnectNotify(const QMetaMethod& signal) override;

private:
    void build();
    void retranslate();
    void updateActions(); // the one place that decides which actions are visible/enabled
    void copyForSupport();
    void showTrustConfirmation();
    QString text(const char* source) const;

    Diagnosis m_diagnosis;
    ConnectionRecord m_record;
    QString m_language;

    QLabel* m_title = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_detectedHeading = nullptr;
    QLabel* m_detectedCause = nullptr;
    QLabel* m_otherHeading = nullptr;
    QLabel* m_otherCauses = nullptr;
    QLabel* m_stepsHeading = nullptr;
    QLabel* m_steps = nullptr;
    QToolButton* m_detailsToggle = nullptr;
    QPlainTextEdit* m_details = nullptr;
    QWidget* m_trustPanel = nullptr;
    QLabel* m_trustFingerprint = nullptr;
    QPushButton* m_trustConfirm = nullptr;
    QPushButton* m_trustCancel = nullptr;
    QPushButton* m_languageButton = nullptr;
    QPushButton* m_connectInstead = nullptr;
    QPushButton* m_openSecurity = nullptr;
    QPushButton* m_editProfile = nullptr;
    QLabel* m_copyStatus = nullptr;
    QPushButton* m_viewCertificate = nullptr;
    QPushButton* m_trustCertificate = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_copy = nullptr;
    QPushButton* m_close = nullptr;
};
