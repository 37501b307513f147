#include "ui/session/SessionWidget.h"

#include "core/Translations.h"
#include "diagnosis/ErrorCatalogue.h"
#include "session/Session.h"
#include "terminal/TerminalModel.h"
#include "ui/diagnosis/ErrorDialog.h"
#include "ui/security/CertificateViewerDialog.h"
#include "ui/session/TerminalWidget.h"
#include "ui/widgets/MessageBar.h"
#include "ui/widgets/MessageBox.h"

#include <QAction>
#include <QCoreApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPointer>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <array>

namespace {
bool g_confirmCloseLiveSession = true;
bool g_showErrorDialogOnFailure = true;
// A connection made within this time (a loopback or LAN host) shows no "Connecting to" bar: the
// bar would flash, and showing and hiding it resizes the terminal twice before its first output.
constexpr int kConnectingBarDelayMs = 250;

// The lock's two icons, shared by every tab: a style decodes a standard icon from its image files
// each time it is asked for one (about 1.5 million instructions), and a tab changes its lock on
// every connect. Kept by the application object (gone with it), forgotten when the style changes.
class LockIcons final : public QObject
{
public:
    using QObject::QObject;
    QPointer<QStyle> style;
    std::array<QIcon, 2> icons;
};

LockIcons* lockIcons()
{
    static QPointer<LockIcons> instance;
    if (!instance)
        instance = new LockIcons(QCoreApplication::instance());
    return instance;
}

QIcon lockIcon(QStyle* style, bool secure)
{
    LockIcons* cache = lockIcons();
    if (cache->style != style) {
        cache->style = style;
        cache->icons = {};
    }
    QIcon& icon = cache->icons[secure ? 1 : 0];
    if (icon.isNull())
        icon = style->standardIcon(secure ? QStyle::SP_DialogApplyButton : QStyle::SP_MessageBoxWarning);
    return icon;
}

QString protocolName(const Profile& profile)
{
    const bool tls = profile.security.tlsEnabled;
    if (profile.protocol == SessionProtocol::Telnet)
        return tls ? QStringLiteral("Telnet/TLS") : QStringLiteral("Telnet");
    return tls ? QStringLiteral("TCP/TLS") : QStringLiteral("TCP");
}
} // namespace

SessionWidget::SessionWidget(const Profile& profile, QWidget* parent) : QWidget(parent), m_profile(profile)
{
    m_session = new Session(profile, this);
    m_terminal = new TerminalWidget(m_session->terminal(), this);
    applyTerminalSettings(profile.terminal);
    m_terminal->setInputEnabled(false);
    setFocusProxy(m_terminal);

    m_bar = new MessageBar(this);
    m_bar->setCloseButtonVisible(true);
    m_bar->hide();

    m_lock = new QToolButton(this);
    m_lock->setAutoRaise(true);
    m_lock->setObjectName(QStringLiteral("sessionLock"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("sessionStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* statusLine = new QHBoxLayout;
    statusLine->setContentsMargins(4, 0, 4, 0);
    statusLine->addWidget(m_lock);
    statusLine->addWidget(m_status, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_bar);
    layout->addWidget(m_terminal, 1);
    layout->addLayout(statusLine);

    m_reconnectAction = new QAction(this);
    m_reconnectAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+R")));
    m_reconnectAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_reconnectAction);
    m_terminal->addContextAction(m_reconnectAction);
    connect(m_reconnectAction, &QAction::triggered, this, &SessionWidget::reconnect);

    connect(m_lock, &QToolButton::clicked, this, &SessionWidget::showCertificateChain);
    connect(m_terminal, &TerminalWidget::textEntered, m_session, &Session::sendText);
    connect(m_terminal, &TerminalWidget::sizeChanged, m_session, &Session::setWindowSize);
    connect(m_terminal, &TerminalWidget::bell, this, &SessionWidget::bell);
    connect(m_session, &Session::stateChanged, this, &SessionWidget::onStateChanged);
    connect(m_session, &Session::progress, this, &SessionWidget::updateStatus);
    connect(m_session, &Session::reconnectScheduled, this, &SessionWidget::updateStatus);
    connect(m_session, &Session::titleChanged, this, [this] { emit titleChanged(title()); });
    connect(m_session, &Session::logFailed, this,
            [this](const QString& message) { m_bar->showMessage(message, MessageBar::Type::Warning); });
    m_connectingBarDelay.setSingleShot(true);
    m_connectingBarDelay.setInterval(kConnectingBarDelayMs);
    connect(&m_connectingBarDelay, &QTimer::timeout, this, &SessionWidget::updateStatus);

    retranslateUi();
    updateStatus();
}

SessionWidget::~SessionWidget() = default;

void SessionWidget::start()
{
    // Until the tab is laid out the profile's size stands; the first resize sends the real one.
    if (m_terminal->isVisible())
        m_session->setWindowSize(m_terminal->visibleColumns(), m_terminal->visibleRows());
    m_session->open();
}

void SessionWidget::applyTerminalSettings(const TerminalSettings& settings)
{
    m_terminal->setTerminalFont(settings.fontFamily, settings.fontSize);
    m_terminal->setColorScheme(TerminalWidget::ColorScheme::named(settings.colorScheme));
    m_terminal->setCopyOnSelect(settings.copyOnSelect);
    m_terminal->setConfirmMultiLinePaste(settings.confirmMultiLinePaste);
}

void SessionWidget::applyProfile(const Profile& profile)
{
    m_profile = profile;
    m_session->setProfile(profile);
    applyTerminalSettings(profile.terminal);
    updateStatus();
    emit titleChanged(title());
}

bool SessionWidget::isConnected() const
{
    return m_session->isConnected();
}

QString SessionWidget::title() const
{
    const QString hostTitle = m_session->terminal()->title();
    if (!hostTitle.isEmpty())
        return hostTitle;
    return m_profile.name.isEmpty() ? m_profile.host : m_profile.name;
}

void SessionWidget::setShowErrorDialogOnFailure(bool show)
{
    g_showErrorDialogOnFailure = show;
}

bool SessionWidget::showErrorDialogOnFailure()
{
    return g_showErrorDialogOnFailure;
}

// A failed attempt, or a session ended by a security failure (a corrupted record, a client
// certificate rejected after the handshake), explains itself at once; a host that simply ended
// the session, a close by the user and a pending automatic reconnect do not.
bool SessionWidget::failureWantsDialog() const
{
    const Session::State state = m_session->state();
    if (!g_showErrorDialogOnFailure || m_failureShown || m_session->closedByUser() ||
        m_session->reconnectDelay() > 0)
        return false;
    const Diagnosis failure = m_session->failure();
    if (failure.ok())
        return false;
    return state == Session::State::Failed ||
           (state == Session::State::Disconnected && failure.entryId != QLatin1String("connection-lost"));
}

void SessionWidget::setConfirmCloseLiveSession(bool confirm)
{
    g_confirmCloseLiveSession = confirm;
}

bool SessionWidget::confirmCloseLiveSession()
{
    return g_confirmCloseLiveSession;
}

bool SessionWidget::confirmClose()
{
    if (!isConnected() || !g_confirmCloseLiveSession)
        return true;
    const auto answer = MessageBox::question(
        this, tr("Close Session"),
        tr("The session with %1 is still connected. Disconnect and close it?").arg(m_profile.host),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    return answer == QMessageBox::Yes;
}

void SessionWidget::reconnect()
{
    m_session->reconnect();
}

void SessionWidget::onStateChanged()
{
    const Session::State state = m_session->state();
    m_terminal->setInputEnabled(state == Session::State::Connected);
    if (state == Session::State::Failed && m_dialog)
        m_dialog->setResult(m_session->failure(), m_session->record());
    if (state == Session::State::Connecting) {
        m_failureShown = false;
        // A bar that already shows (a failure, then Retry) says "Connecting to" at once.
        if (m_bar->isHidden())
            m_connectingBarDelay.start();
    } else {
        m_connectingBarDelay.stop();
    }
    updateStatus();
    emit connectionStateChanged();
    if (failureWantsDialog()) {
        m_failureShown = true;
        showDetails();
    }
}

QString SessionWidget::statusText() const
{
    const ConnectionRecord record = m_session->record();
    QStringList parts;
    parts << QStringLiteral("%1:%2").arg(m_profile.host).arg(m_profile.port) << protocolName(m_profile);
    if (m_session->isConnected() && record.tls) {
        if (!record.protocol.isEmpty())
            parts << record.protocol;
        if (!record.cipher.isEmpty())
            parts << record.cipher;
    }
    parts << m_profile.terminal.encoding;
    return parts.join(QStringLiteral(" · "));
}

void SessionWidget::updateStatus()
{
    const Session::State state = m_session->state();
    const ConnectionRecord record = m_session->record();
    const bool secure = isEncrypted();

    m_status->setText(statusText());
    m_lock->setVisible(m_statusLineVisible && m_profile.security.tlsEnabled);
    m_lock->setEnabled(!record.peerChain.isEmpty());
    if (m_lockIconSecure != int(secure)) {
        m_lockIconSecure = int(secure);
        m_lock->setIcon(lockIcon(style(), secure));
    }
    m_lock->setToolTip(secure ? tr("Encrypted with %1 (%2). Click to see the certificate chain.")
                                    .arg(record.protocol, record.cipher)
                              : tr("Not encrypted yet."));
    m_reconnectAction->setEnabled(state != Session::State::Connecting && state != Session::State::Idle);

    const QString hostPort = QStringLiteral("%1:%2").arg(m_profile.host).arg(m_profile.port);
    switch (state) {
    case Session::State::Idle:
        m_bar->hide();
        break;
    case Session::State::Connecting: {
        if (m_connectingBarDelay.isActive())
            break;
        // Each stage of the connection updates the status: the bar is set only when it changes.
        const QString text = tr("Connecting to %1…").arg(hostPort);
        if (m_bar->isHidden() || m_bar->text() != text || m_bar->type() != MessageBar::Type::Information ||
            !m_bar->actionButtons().isEmpty()) {
            m_bar->showMessage(text, MessageBar::Type::Information);
            m_bar->setCloseButtonVisible(false);
        }
        break;
    }
    case Session::State::Connected:
        if (m_bar->type() != MessageBar::Type::Warning || m_session->logError().isEmpty())
            m_bar->hide();
        break;
    case Session::State::Failed:
    case Session::State::Disconnected: {
        const Diagnosis failure = m_session->failure();
        const ErrorCatalogue::Entry* entry = failure.ok() ? nullptr : ErrorCatalogue::find(failure.entryId);
        const QString language = Translations::instance().language();
        QString text;
        if (m_session->closedByUser())
            text = tr("Disconnected from %1.").arg(hostPort);
        else if (state == Session::State::Failed)
            text = tr("Could not connect to %1: %2")
                       .arg(hostPort, entry ? entry->titleText(language) : tr("the connection failed"));
        else
            text = tr("The connection to %1 was closed: %2")
                       .arg(hostPort, entry ? entry->titleText(language) : tr("the host ended the session"));
        if (m_session->reconnectDelay() > 0)
            text +=
                QLatin1Char(' ') + tr("Reconnecting in %n second(s)…", nullptr, m_session->reconnectDelay());
        const bool problem = !m_session->closedByUser() && entry;
        m_bar->showMessage(text, state == Session::State::Failed ? MessageBar::Type::Error
                                 : problem                       ? MessageBar::Type::Warning
                                                                 : MessageBar::Type::Information);
        m_bar->setCloseButtonVisible(true);
        if (problem)
            m_bar->addActionButton(
                tr("Details…"), [this] { showDetails(); }, false);
        m_bar->addActionButton(
            state == Session::State::Failed ? tr("Retry") : tr("Reconnect"), [this] { reconnect(); }, true);
        if (problem && !failure.fixSetting().isEmpty()) {
            const QString fix = failure.fixSetting();
            if (fix.startsWith(QLatin1String("profile/")))
                m_bar->addActionButton(
                    tr("Edit Session…"), [this, fix] { emit editProfileRequested(m_profile.id, fix); },
                    false);
            else
                m_bar->addActionButton(
                    tr("Security Properties…"),
                    [this, fix] { emit requestSecurityProperties(m_profile.id, fix); }, false);
        }
        break;
    }
    }
    emit statusChanged();
}

void SessionWidget::showDetails()
{
    if (!m_dialog) {
        m_dialog = new ErrorDialog(m_session->failure(), m_session->record(), this);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &ErrorDialog::retryRequested, this, [this] {
            m_dialog->close();
            reconnect();
        });
        connect(m_dialog, &ErrorDialog::openSecurityPropertiesRequested, this,
                [this](const QString& fix) { emit requestSecurityProperties(m_profile.id, fix); });
        connect(m_dialog, &ErrorDialog::editProfileRequested, this,
                [this](const QString& fix) { emit editProfileRequested(m_profile.id, fix); });
        connect(m_dialog, &ErrorDialog::viewCertificateRequested, this,
                [this](const QList<QSslCertificate>& chain) {
                    auto* viewer = new CertificateViewerDialog(chain, this);
                    viewer->setAttribute(Qt::WA_DeleteOnClose);
                    viewer->show();
                });
        connect(m_dialog, &ErrorDialog::trustCertificateRequested, this,
                [this](const QSslCertificate& certificate) {
                    emit trustCertificateRequested(m_profile.id, certificate);
                });
        connect(m_dialog, &ErrorDialog::connectInsteadRequested, this, [this](const QString& host) {
            m_dialog->close();
            m_profile.host = host;
            m_session->setProfile(m_profile);
            reconnect();
        });
    } else {
        m_dialog->setResult(m_session->failure(), m_session->record());
    }
    m_dialog->show();
    m_dialog->raise();
}

void SessionWidget::setStatusLineVisible(bool visible)
{
    m_statusLineVisible = visible;
    m_status->setVisible(visible);
    m_lock->setVisible(visible && m_profile.security.tlsEnabled);
}

bool SessionWidget::isEncrypted() const
{
    const ConnectionRecord record = m_session->record();
    return m_session->isConnected() && record.tls && record.encryptedReached;
}

bool SessionWidget::hasCertificateChain() const
{
    return !m_session->record().peerChain.isEmpty();
}

void SessionWidget::showCertificateChain()
{
    const QList<QSslCertificate> chain = m_session->record().peerChain;
    if (chain.isEmpty())
        return;
    auto* viewer = new CertificateViewerDialog(chain, this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->show();
}

void SessionWidget::retranslateUi()
{
    m_reconnectAction->setText(tr("&Reconnect"));
    m_reconnectAction->setToolTip(tr("Connect this tab to the host again, keeping the scrollback"));
}

void SessionWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        updateStatus();
    } else if (event->type() == QEvent::StyleChange && m_reconnectAction) {
        lockIcons()->icons = {};
        m_lockIconSecure = -1;
        updateStatus();
    }
    QWidget::changeEvent(event);
}

void SessionWidget::focusInEvent(QFocusEvent* event)
{
    m_terminal->setFocus();
    QWidget::focusInEvent(event);
}
