#include "ui/security/CertificateViewerDialog.h"

#include "security/CertificateInfo.h"

#include <QApplication>
#include <QClipboard>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

namespace {
QLabel* makeValueLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    return label;
}
} // namespace

CertificateViewerDialog::CertificateViewerDialog(const QList<QSslCertificate>& chain, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Certificate"));
    setObjectName(QStringLiteral("CertificateViewerDialog"));

    m_explanation = new QLabel(this);
    m_explanation->setWordWrap(true);
    m_explanation->hide();

    m_chainList = new QListWidget(this);
    m_chainList->setObjectName(QStringLiteral("chainList"));
    m_chainList->setToolTip(
        tr("The certificate chain sent by the host, starting with the host's own certificate."));
    m_chainList->setWhatsThis(
        tr("The certificate chain: the host's own certificate first, then each certificate authority that "
           "issued the one above it. Select a certificate to see its details."));
    m_chainList->setMaximumHeight(110);

    auto* details = new QGroupBox(tr("Certificate details"), this);
    auto* form = new QFormLayout(details);
    m_subject = makeValueLabel(details);
    m_subject->setObjectName(QStringLiteral("subject"));
    m_subject->setToolTip(tr("Who the certificate was issued to."));
    m_issuer = makeValueLabel(details);
    m_issuer->setObjectName(QStringLiteral("issuer"));
    m_issuer->setToolTip(tr("The certificate authority that issued and signed the certificate."));
    m_validFrom = makeValueLabel(details);
    m_validFrom->setToolTip(tr("The certificate is not valid before this time."));
    m_validUntil = makeValueLabel(details);
    m_validUntil->setToolTip(tr("The certificate is not valid after this time."));
    m_fingerprint = makeValueLabel(details);
    m_fingerprint->setObjectName(QStringLiteral("fingerprint"));
    m_fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_fingerprint->setToolTip(
        tr("The SHA-256 fingerprint identifies exactly this certificate. Compare it with "
           "the one your administrator gave you."));
    m_alternativeNames = makeValueLabel(details);
    m_alternativeNames->setObjectName(QStringLiteral("alternativeNames"));
    m_alternativeNames->setToolTip(tr("The host names and addresses the certificate is valid for."));
    m_serial = makeValueLabel(details);
    m_serial->setToolTip(tr("The serial number the issuer gave the certificate."));
    for (QLabel* label :
         {m_subject, m_issuer, m_validFrom, m_validUntil, m_fingerprint, m_alternativeNames, m_serial})
        label->setWhatsThis(label->toolTip());
    form->addRow(tr("Subject:"), m_subject);
    form->addRow(tr("Issuer:"), m_issuer);
    form->addRow(tr("Valid from:"), m_validFrom);
    form->addRow(tr("Valid until:"), m_validUntil);
    form->addRow(tr("SHA-256 fingerprint:"), m_fingerprint);
    form->addRow(tr("Subject alternative names:"), m_alternativeNames);
    form->addRow(tr("Serial number:"), m_serial);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* copyButton = m_buttons->addButton(tr("Copy Fingerprint"), QDialogButtonBox::ActionRole);
    copyButton->setToolTip(tr("Copy the SHA-256 fingerprint of the selected certificate to the clipboard."));
    copyButton->setWhatsThis(copyButton->toolTip());
    connect(copyButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(fingerprintText()); });
    m_buttons->button(QDialogButtonBox::Close)->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_explanation);
    layout->addWidget(new QLabel(tr("Certificate chain:"), this));
    layout->addWidget(m_chainList);
    layout->addWidget(details, 1);
    layout->addWidget(m_buttons);

    connect(m_chainList, &QListWidget::currentRowChanged, this, [this] { showSelected(); });
    setChain(chain);
    resize(620, 480);
}

CertificateViewerDialog::~CertificateViewerDialog() = default;

void CertificateViewerDialog::setChain(const QList<QSslCertificate>& chain)
{
    m_chain = chain;
    m_chainList->clear();
    for (int i = 0; i < m_chain.size(); ++i) {
        const QSslCertificate& certificate = m_chain.at(i);
        QString name = certificate.subjectDisplayName();
        if (name.isEmpty())
            name = distinguishedName(certificate, false);
        // Indent each issuer under the certificate it signed, like a path.
        auto* item = new QListWidgetItem(QString(i * 3, QLatin1Char(' ')) + name, m_chainList);
        if (isSelfSigned(certificate))
            item->setText(tr("%1 (self-signed)").arg(item->text()));
    }
    if (!m_chain.isEmpty())
        m_chainList->setCurrentRow(0);
    showSelected();
}

void CertificateViewerDialog::setExplanation(const QString& text)
{
    m_explanation->setText(text);
    m_explanation->setVisible(!text.isEmpty());
}

void CertificateViewerDialog::selectCertificate(int index)
{
    if (index >= 0 && index < m_chain.size())
        m_chainList->setCurrentRow(index);
}

int CertificateViewerDialog::selectedIndex() const
{
    return m_chainList->currentRow();
}

QString CertificateViewerDialog::subjectText() const
{
    return m_subject->text();
}
QString CertificateViewerDialog::issuerText() const
{
    return m_issuer->text();
}
QString CertificateViewerDialog::fingerprintText() const
{
    return m_fingerprint->text();
}

QString CertificateViewerDialog::alternativeNamesText() const
{
    return m_alternativeNames->text();
}

void CertificateViewerDialog::showSelected()
{
    const int index = m_chainList->currentRow();
    if (index < 0 || index >= m_chain.size()) {
        for (QLabel* label :
             {m_subject, m_issuer, m_validFrom, m_validUntil, m_fingerprint, m_alternativeNames, m_serial})
            label->clear();
        return;
    }
    const QSslCertificate& certificate = m_chain.at(index);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_subject->setText(distinguishedName(certificate, false));
    m_issuer->setText(distinguishedName(certificate, true));
    QString from = formatDateTime(certificate.effectiveDate());
    if (certificate.effectiveDate() > now)
        from = tr("%1 (not yet valid)").arg(from);
    m_validFrom->setText(from);
    QString until = formatDateTime(certificate.expiryDate());
    if (certificate.expiryDate() < now)
        until = tr("%1 (expired)").arg(until);
    m_validUntil->setText(until);
    m_fingerprint->setText(formatFingerprint(sha256(certificate)));
    const QString names = alternativeNames(certificate);
    m_alternativeNames->setText(names.isEmpty() ? tr("(none)") : names);
    m_serial->setText(QString::fromLatin1(certificate.serialNumber()));
}

QString CertificateViewerDialog::formatFingerprint(const QByteArray& digest)
{
    return CertificateInfos::formatFingerprint(digest);
}

QByteArray CertificateViewerDialog::sha256(const QSslCertificate& certificate)
{
    return certificate.digest(QCryptographicHash::Sha256);
}

QString CertificateViewerDialog::distinguishedName(const QSslCertificate& certificate, bool issuer)
{
    const CertificateInfo info = CertificateInfos::describe(certificate);
    const QString name = issuer ? info.issuer : info.subject;
    return name.isEmpty() ? tr("(empty)") : name;
}

QString CertificateViewerDialog::alternativeNames(const QSslCertificate& certificate)
{
    QStringList parts;
    const auto names = certificate.subjectAlternativeNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        switch (it.key()) {
        case QSsl::DnsEntry:
            parts << QStringLiteral("DNS: ") + it.value();
            break;
        case QSsl::IpAddressEntry:
            parts << QStringLiteral("IP: ") + it.value();
            break;
        case QSsl::EmailEntry:
            parts << QStringLiteral("Email: ") + it.value();
            break;
        }
    }
    return parts.join(QStringLiteral(", "));
}

bool CertificateViewerDialog::isSelfSigned(const QSslCertificate& certificate)
{
    // Qt's check needs the key-usage to allow certificate signing, which a self-signed host
    // certificate usually lacks; issuer and subject being the same name is what users mean.
    return certificate.isSelfSigned() || (!certificate.isNull() && distinguishedName(certificate, true) ==
                                                                       distinguishedName(certificate, false));
}

QString CertificateViewerDialog::formatDateTime(const QDateTime& dateTime)
{
    if (!dateTime.isValid())
        return tr("(unknown)");
    // UTC, so the time reads the same to the user and to whoever they send it to.
    return QLocale().toString(dateTime.toUTC(), QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}
