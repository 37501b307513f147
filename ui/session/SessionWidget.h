#pragma once

#include "profiles/Profile.h"

#include <QPointer>
#include <QTimer>
#include <QUuid>
#include <QWidget>

class ErrorDialog;
class MessageBar;
class QAction;
class QLabel;
class QSslCertificate;
class QToolButton;
class Session;
class TerminalWidget;

// The content of one session tab: the terminal, an inline bar for the connection's progress and
// result (a failure shows the catalogue's title with "Details…" for the full error dialog, a
// dropped connection offers Reconnect), and a status line with host, port, protocol and the TLS
// version and cipher behind a lock that shows the certificate chain.
class SessionWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionWidget)

public:
    explicit SessionWidget(const Profile& profile, QWidget* parent = nullptr);
    ~SessionWidget() override;

    void start();
    // The profile was edited: appearance and input settings apply now, connection settings at
    // the next connect.
    void applyProfile(const Profile& profile);
    const Profile& profile() const { return m_profile; }
    Session* session() const { return m_session; }
    TerminalWidget* terminalWidget() const { return m_terminal; }
    bool isConnected() const;
    QString title() const; // the host's window title, else the profile's name

    // Whether closing a tab with a live session asks first (an application setting).
    static void setConfirmCloseLiveSession(bool confirm);
    static bool confirmCloseLiveSession();
    // Whether a failed connection opens the error dialog by itself (an application setting; on by
    // default). The tab's message bar keeps the result either way.
    static void setShowErrorDialogOnFailure(bool show);
    static bool showErrorDialogOnFailure();
    // True when the tab may close: not connected, confirmation off, or the user agreed.
    bool confirmClose();

    // "host:port · Telnet · TLSv1.3 · cipher": what the status bar shows for this tab.
    QString statusText() const;
    MessageBar* messageBar() const { return m_bar; }
    QAction* reconnectAction() const { return m_reconnectAction; }
    // The main window shows the status in its own status bar instead of the tab's line.
    void setStatusLineVisible(bool visible);
    // The lock's state for whoever shows the status: encrypted, and a chain to show.
    bool isEncrypted() const;
    bool hasCertificateChain() const;

public slots:
    void reconnect();
    void showDetails();
    void showCertificateChain();

signals:
    void titleChanged(const QString& title);
    void connectionStateChanged();
    void requestSecurityProperties(const QUuid& profileId, const QString& fixSettingId);
    // The profile editor at "profile/host" or "profile/port" (from the error dialog or the bar).
    void editProfileRequested(const QUuid& profileId, const QString& fixSettingId);
    // The user confirmed trusting this certificate for the profile (after seeing its fingerprint).
    void trustCertificateRequested(const QUuid& profileId, const QSslCertificate& certificate);
    void bell(); // the host rang the bell: the tab may flash
    void statusChanged();

protected:
    void changeEvent(QEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;

private:
    void onStateChanged();
    void applyTerminalSettings(const TerminalSettings& settings);
    void updateStatus(); // the one place that derives the bar, status line and actions
    bool failureWantsDialog() const;
    void retranslateUi();

    Profile m_profile;
    Session* m_session = nullptr;
    TerminalWidget* m_terminal = nullptr;
    MessageBar* m_bar = nullptr;
    QToolButton* m_lock = nullptr;
    QLabel* m_status = nullptr;
    QAction* m_reconnectAction = nullptr;
    QPointer<ErrorDialog> m_dialog;
    bool m_statusLineVisible = true;
    bool m_failureShown = false; // the dialog already opened by itself for this failure
    QTimer m_connectingBarDelay; // the "Connecting to" bar waits for a connection that takes time
    int m_lockIconSecure = -1;   // which icon the lock shows (-1: none yet): icons are not cheap
};
