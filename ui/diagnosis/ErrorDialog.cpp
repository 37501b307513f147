#include "ui/diagnosis/ErrorDialog.h"

#include "core/Translations.h"
#include "diagnosis/DiagnosisReport.h"
#include "diagnosis/ErrorCatalogue.h"

#include <QApplication>
#include <QClipboard>
#include <QFont>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMetaMethod>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
constexpr char kContext[] = "ErrorDialog";

// The dialog's own strings: translated through Translations::translate() in the dialog's
// language, not tr(), because the dialog switches language on its own.
constexpr const char* kWindowTitle = QT_TRANSLATE_NOOP("ErrorDialog", "Connection failed");
constexpr const char* kWindowTitleOk = QT_TRANSLATE_NOOP("ErrorDialog", "Connected");
constexpr const char* kDetectedCause = QT_TRANSLATE_NOOP("ErrorDialog", "Detected cause");
constexpr const char* kOtherCauses = QT_TRANSLATE_NOOP("ErrorDialog", "Other possible causes");
constexpr const char* kPossibleCauses = QT_TRANSLATE_NOOP("ErrorDialog", "Possible causes");
constexpr const char* kSteps = QT_TRANSLATE_NOOP("ErrorDialog", "Steps to fix");
constexpr const char* kTechnical = QT_TRANSLATE_NOOP("ErrorDialog", "Technical details");
constexpr const char* kConnectInstead = QT_TRANSLATE_NOOP("ErrorDialog", "Connect to %1 instead");
constexpr const char* kOpenSecurity = QT_TRANSLATE_NOOP("ErrorDialog", "Open Security Properties");
constexpr const char* kEditProfile = QT_TRANSLATE_NOOP("ErrorDialog", "Edit Profile");
constexpr const char* kViewCertificate = QT_TRANSLATE_NOOP("ErrorDialog", "View Certificate");
constexpr const char* kTrustCertificate =
    QT_TRANSLATE_NOOP("ErrorDialog", "Trust This Certificate for This Profile…");
constexpr const char* kTrustQuestion = QT_TRANSLATE_NOOP(
    "ErrorDialog",
    "Trust this certificate for this profile only? Compare its SHA-256 fingerprint with the one the host's "
    "administrator gives you:\n%1");
constexpr const char* kTrustConfirm = QT_TRANSLATE_NOOP("ErrorDialog", "Trust");
constexpr const char* kCancel = QT_TRANSLATE_NOOP("ErrorDialog", "Cancel");
constexpr const char* kRetry = QT_TRANSLATE_NOOP("ErrorDialog", "Retry");
constexpr const char* kCopy = QT_TRANSLATE_NOOP("ErrorDialog", "Copy for Support");
constexpr const char* kCopied =
    QT_TRANSLATE_NOOP("ErrorDialog", "The report was copied in English and Japanese.");
constexpr const char* kClose = QT_TRANSLATE_NOOP("ErrorDialog", "Close");
constexpr const char* kSettingTip = QT_TRANSLATE_NOOP("ErrorDialog", "Opens: %1");
constexpr const char* kLanguageTip = QT_TRANSLATE_NOOP(
    "ErrorDialog", "Show this error in the other language (the application's language stays)");

QLabel* wrappingLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QLabel* headingLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}
} // namespace

ErrorDialog::ErrorDialog(QWidget* parent) : QDialog(parent)
{
    const QString appLanguage = Translations::instance().language();
    m_language = Translations::normalize(appLanguage).isEmpty() ? QStringLiteral("en")
                                                                : Translations::normalize(appLanguage);
    build();
    retranslate();
}

ErrorDialog::ErrorDialog(const Diagnosis& diagnosis, const ConnectionRecord& record, QWidget* parent)
    : ErrorDialog(parent)
{
    setResult(diagnosis, record);
}

ErrorDialog::~ErrorDialog() = default;

QString ErrorDialog::text(const char* source) const
{
    return Translations::instance().translate(m_language, kContext, source);
}

void ErrorDialog::build()
{
    setObjectName(QStringLiteral("ErrorDialog"));
    setSizeGripEnabled(true);
    auto* layout = new QVBoxLayout(this);

    auto* header = new QHBoxLayout;
    auto* icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(32, 32));
    icon->setAlignment(Qt::AlignTop);
    header->addWidget(icon);
    m_title = wrappingLabel(QStringLiteral("title"), this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    header->addWidget(m_title, 1);
    m_languageButton = new QPushButton(this);
    m_languageButton->setObjectName(QStringLiteral("languageToggle"));
    m_languageButton->setAutoDefault(false);
    header->addWidget(m_languageButton, 0, Qt::AlignTop);
    layout->addLayout(header);

    m_summary = wrappingLabel(QStringLiteral("summary"), this);
    layout->addWidget(m_summary);

    m_detectedHeading = headingLabel(QStringLiteral("detectedHeading"), this);
    m_detectedCause = wrappingLabel(QStringLiteral("detectedCause"), this);
    m_detectedCause->setFrameShape(QFrame::StyledPanel);
    m_detectedCause->setMargin(6);
    m_otherHeading = headingLabel(QStringLiteral("otherHeading"), this);
    m_otherCauses = wrappingLabel(QStringLiteral("otherCauses"), this);
    m_stepsHeading = headingLabel(QStringLiteral("stepsHeading"), this);
    m_steps = wrappingLabel(QStringLiteral("steps"), this);
    for (QLabel* label :
         {m_detectedHeading, m_detectedCause, m_otherHeading, m_otherCauses, m_stepsHeading, m_steps}) {
        if (label->font().bold())
            layout->addSpacing(6); // a little air above each section heading
        layout->addWidget(label);
    }

    m_trustPanel = new QWidget(this);
    m_trustPanel->setObjectName(QStringLiteral("trustPanel"));
    auto* trustLayout = new QHBoxLayout(m_trustPanel);
    trustLayout->setContentsMargins(0, 0, 0, 0);
    m_trustFingerprint = wrappingLabel(QStringLiteral("trustFingerprint"), m_trustPanel);
    trustLayout->addWidget(m_trustFingerprint, 1);
    m_trustConfirm = new QPushButton(m_trustPanel);
    m_trustConfirm->setObjectName(QStringLiteral("trustConfirm"));
    m_trustConfirm->setAutoDefault(false);
    m_trustCancel = new QPushButton(m_trustPanel);
    m_trustCancel->setObjectName(QStringLiteral("trustCancel"));
    m_trustCancel->setAutoDefault(false);
    trustLayout->addWidget(m_trustConfirm, 0, Qt::AlignTop);
    trustLayout->addWidget(m_trustCancel, 0, Qt::AlignTop);
    m_trustPanel->hide();
    layout->addWidget(m_trustPanel);

    m_detailsToggle = new QToolButton(this);
    m_detailsToggle->setObjectName(QStringLiteral("detailsToggle"));
    m_detailsToggle->setCheckable(true);
    m_detailsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_detailsToggle->setArrowType(Qt::RightArrow);
    m_detailsToggle->setAutoRaise(true);
    layout->addWidget(m_detailsToggle);
    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_details->setMinimumHeight(160);
    m_details->hide();
    layout->addWidget(m_details, 1);
    connect(m_detailsToggle, &QToolButton::toggled, this, [this](bool shown) {
        m_details->setVisible(shown);
        m_detailsToggle->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    });

    m_copyStatus = new QLabel(this);
    m_copyStatus->setObjectName(QStringLiteral("copyStatus"));
    m_copyStatus->hide();
    layout->addWidget(m_copyStatus);

    auto* actions = new QHBoxLayout;
    auto makeButton = [this, actions](const char* name) {
        auto* button = new QPushButton(this);
        button->setObjectName(QString::fromLatin1(name));
        button->setAutoDefault(false);
        actions->addWidget(button);
        return button;
    };
    m_connectInstead = makeButton("connectInstead");
    m_openSecurity = makeButton("openSecurityProperties");
    m_editProfile = makeButton("editProfile");
    m_viewCertificate = makeButton("viewCertificate");
    m_trustCertificate = makeButton("trustCertificate");
    actions->addStretch(1);
    m_copy = makeButton("copyForSupport");
    m_retry = makeButton("retry");
    m_close = makeButton("close");
    m_close->setDefault(true);
    layout->addLayout(actions);

    connect(m_languageButton, &QPushButton::clicked, this, &ErrorDialog::toggleLanguage);
    connect(m_connectInstead, &QPushButton::clicked, this, [this] {
        if (!m_diagnosis.suggestedHosts.isEmpty())
            emit connectInsteadRequested(m_diagnosis.suggestedHosts.first());
    });
    connect(m_openSecurity, &QPushButton::clicked, this,
            [this] { emit openSecurityPropertiesRequested(m_diagnosis.fixSetting()); });
    connect(m_editProfile, &QPushButton::clicked, this,
            [this] { emit editProfileRequested(m_diagnosis.fixSetting()); });
    connect(m_viewCertificate, &QPushButton::clicked, this,
            [this] { emit viewCertificateRequested(m_record.peerChain); });
    connect(m_trustCertificate, &QPushButton::clicked, this, &ErrorDialog::showTrustConfirmation);
    connect(m_trustConfirm, &QPushButton::clicked, this, [this] {
        m_trustPanel->hide();
        if (!m_record.peerChain.isEmpty())
            emit trustCertificateRequested(m_record.peerChain.first());
    });
    connect(m_trustCancel, &QPushButton::clicked, m_trustPanel, &QWidget::hide);
    connect(m_retry, &QPushButton::clicked, this, [this] { emit retryRequested(); });
    connect(m_copy, &QPushButton::clicked, this, &ErrorDialog::copyForSupport);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    resize(640, 520);
}

void ErrorDialog::setResult(const Diagnosis& diagnosis, const ConnectionRecord& record)
{
    m_diagnosis = diagnosis;
    m_record = record;
    m_trustPanel->hide();
    m_copyStatus->hide();
    retranslate();
}

void ErrorDialog::setLanguage(const QString& language)
{
    const QString code = Translations::normalize(language);
    if (code.isEmpty() || code == m_language)
        return;
    m_language = code;
    retranslate();
    emit languageChanged(code);
}

void ErrorDialog::toggleLanguage()
{
    setLanguage(m_language == QLatin1String("ja") ? QStringLiteral("en") : QStringLiteral("ja"));
}

QString ErrorDialog::supportText() const
{
    return DiagnosisReport::supportReport(m_diagnosis, m_record);
}

void ErrorDialog::copyForSupport()
{
    QApplication::clipboard()->setText(supportText());
    m_copyStatus->setText(text(kCopied));
    m_copyStatus->show();
}

void ErrorDialog::showTrustConfirmation()
{
    if (m_record.peerChain.isEmpty())
        return;
    m_trustFingerprint->setText(
        text(kTrustQuestion).arg(DiagnosisReport::sha256Fingerprint(m_record.peerChain.first())));
    m_trustPanel->show();
}

void ErrorDialog::retranslate()
{
    const ErrorCatalogue::Entry* entry = ErrorCatalogue::find(m_diagnosis.entryId);
    setWindowTitle(text(entry ? kWindowTitle : kWindowTitleOk));
    // The other language, named in itself, so anyone can find it.
    m_languageButton->setText(Translations::nativeName(
        m_language == QLatin1String("ja") ? QStringLiteral("en") : QStringLiteral("ja")));
    m_languageButton->setToolTip(text(kLanguageTip));

    const ErrorCatalogue::Cause* detected = entry ? entry->cause(m_diagnosis.causeId) : nullptr;
    if (entry) {
        m_title->setText(entry->titleText(m_language));
        m_summary->setText(entry->summaryText(m_language));
        QStringList others;
        for (const ErrorCatalogue::Cause& cause : entry->causes) {
            if (&cause != detected)
                others << QStringLiteral("• %1").arg(cause.causeText(m_language));
        }
        m_detectedHeading->setText(text(kDetectedCause));
        m_detectedCause->setText(detected ? detected->causeText(m_language) : QString());
        m_otherHeading->setText(text(detected ? kOtherCauses : kPossibleCauses));
        m_otherCauses->setText(others.join(QLatin1Char('\n')));
        m_stepsHeading->setText(text(kSteps));
        const QStringList steps = entry->stepTexts(m_language);
        QStringList numbered;
        for (int i = 0; i < steps.size(); ++i)
            numbered << QStringLiteral("%1. %2").arg(i + 1).arg(steps.at(i));
        m_steps->setText(numbered.join(QLatin1Char('\n')));
        m_otherHeading->setVisible(!others.isEmpty());
        m_otherCauses->setVisible(!others.isEmpty());
    } else {
        m_title->setText(
            DiagnosisReport::toText(m_diagnosis, m_record, m_language).section(QLatin1Char('\n'), 0, 0));
        m_summary->clear();
        m_otherHeading->hide();
        m_otherCauses->hide();
    }
    m_detectedHeading->setVisible(detected);
    m_detectedCause->setVisible(detected);
    m_stepsHeading->setVisible(entry);
    m_steps->setVisible(entry);

    m_detailsToggle->setText(text(kTechnical));
    m_details->setPlainText(DiagnosisReport::technicalDetails(m_diagnosis, m_record, m_language));

    if (!m_diagnosis.suggestedHosts.isEmpty())
        m_connectInstead->setText(text(kConnectInstead).arg(m_diagnosis.suggestedHosts.first()));
    m_openSecurity->setText(text(kOpenSecurity));
    m_editProfile->setText(text(kEditProfile));
    const QString place = ErrorCatalogue::fixSettingText(m_diagnosis.fixSetting(), m_language);
    m_openSecurity->setToolTip(text(kSettingTip).arg(place));
    m_editProfile->setToolTip(text(kSettingTip).arg(place));
    m_viewCertificate->setText(text(kViewCertificate));
    m_trustCertificate->setText(text(kTrustCertificate));
    m_trustConfirm->setText(text(kTrustConfirm));
    m_trustCancel->setText(text(kCancel));
    if (!m_trustPanel->isHidden())
        showTrustConfirmation();
    m_retry->setText(text(kRetry));
    m_copy->setText(text(kCopy));
    if (!m_copyStatus->isHidden())
        m_copyStatus->setText(text(kCopied));
    m_close->setText(text(kClose));
    updateActions();
}

void ErrorDialog::connectNotify(const QMetaMethod& signal)
{
    QDialog::connectNotify(signal);
    if (signal == QMetaMethod::fromSignal(&ErrorDialog::editProfileRequested))
        QMetaObject::invokeMethod(this, &ErrorDialog::updateActions, Qt::QueuedConnection);
}

void ErrorDialog::disconnectNotify(const QMetaMethod& signal)
{
    QDialog::disconnectNotify(signal);
    if (signal == QMetaMethod::fromSignal(&ErrorDialog::editProfileRequested))
        QMetaObject::invokeMethod(this, &ErrorDialog::updateActions, Qt::QueuedConnection);
}

void ErrorDialog::updateActions()
{
    const ErrorCatalogue::Entry* entry = ErrorCatalogue::find(m_diagnosis.entryId);
    const QString setting = m_diagnosis.fixSetting();
    const bool profileSetting = setting.startsWith(QLatin1String("profile/"));
    const bool hasCertificate = !m_record.peerChain.isEmpty();
    m_connectInstead->setVisible(!m_diagnosis.suggestedHosts.isEmpty());
    m_openSecurity->setVisible(entry && !setting.isEmpty() && !profileSetting);
    // Only where the owner window can open the profile editor (it connects the signal).
    m_editProfile->setVisible(entry && profileSetting &&
                              isSignalConnected(QMetaMethod::fromSignal(&ErrorDialog::editProfileRequested)));
    m_viewCertificate->setVisible(hasCertificate);
    // A revoked certificate is never offered for trust: its issuer withdrew it.
    const bool revoked = m_diagnosis.causeId == QLatin1String("revoked");
    m_trustCertificate->setVisible(entry && entry->certificateEntry && hasCertificate && !revoked);
    m_retry->setVisible(entry);
}
