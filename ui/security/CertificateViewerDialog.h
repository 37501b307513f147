#pragma once

#include <QDialog>
#include <QList>
#include <QSslCertificate>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;

// Shows a certificate chain (leaf first): subject, issuer, validity, SHA-256 fingerprint and
// subject alternative names of the selected certificate. Read-only, so the error dialog and the
// session status bar can reuse it; callers may add their own buttons (e.g. "Accept") to
// buttonBox().
class CertificateViewerDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificateViewerDialog)

public:
    explicit CertificateViewerDialog(const QList<QSslCertificate>& chain, QWidget* parent = nullptr);
    ~CertificateViewerDialog() override;

    void setChain(const QList<QSslCertificate>& chain);
    QList<QSslCertificate> chain() const { return m_chain; }
    // A sentence above the chain, e.g. why the certificate is shown.
    void setExplanation(const QString& text);
    void selectCertificate(int index);
    int selectedIndex() const;
    QDialogButtonBox* buttonBox() const { return m_buttons; }

    // The text of one field of the selected certificate, for tests and "Copy".
    QString subjectText() const;
    QString issuerText() const;
    QString fingerprintText() const;
    QString alternativeNamesText() const;

    // "AB:CD:..." upper-case colon-separated hex of a digest.
    static QString formatFingerprint(const QByteArray& digest);
    static QByteArray sha256(const QSslCertificate& certificate);
    // "CN=host, O=Org, C=JP" built from the certificate's attributes (never empty).
    static QString distinguishedName(const QSslCertificate& certificate, bool issuer);
    // "DNS: a.example, IP: 127.0.0.1"; empty when there are none.
    static QString alternativeNames(const QSslCertificate& certificate);
    static QString formatDateTime(const QDateTime& dateTime);
    static bool isSelfSigned(const QSslCertificate& certificate);

private:
    void showSelected();

    QList<QSslCertificate> m_chain;
    QLabel* m_explanation = nullptr;
    QListWidget* m_chainList = nullptr;
    QLabel* m_subject = nullptr;
    QLabel* m_issuer = nullptr;
    QLabel* m_validFrom = nullptr;
    QLabel* m_validUntil = nullptr;
    QLabel* m_fingerprint = nullptr;
    QLabel* m_alternativeNames = nullptr;
    QLabel* m_serial = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};
