#pragma once

#include "connection/Connection.h"
#include "profiles/Profile.h"
#include "profiles/ProfileError.h"

#include <QMainWindow>
#include <QModelIndex>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QStyle>
#include <QUuid>

class MessageBar;
class ProfileEditorDialog;
class ProfileFilterProxyModel;
class ProfileManager;
class ProfileTreeModel;
class QAction;
class QActionGroup;
class QCheckBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QSettings;
class QSslCertificate;
class QSplitter;
class QTabWidget;
class QTimer;
class QToolBar;
class QToolButton;
class QTreeView;
class QUndoStack;
class SessionWidget;

// The session manager window: the session tree (folders, nested) above a filter box on the
// left, one tab per open session on the right, Quick Connect in the toolbar.
//
// Dialogs open window-modal without blocking (open(), not exec()), so tests can find and drive
// them; questions go through MessageBox, whose answers tests preset.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum class Action
    {
        NewSession,
        NewFolder,
        OpenSession,
        EditSession,
        DuplicateSession,
        Rename,
        Delete,
        SecurityProperties,
        QuickConnect,
        Import,
        Export,
        CloseTab,
        Quit,
        Undo,
        Redo,
        About,
        ConfirmCloseLiveSession,  // Options: ask before closing a tab with a live session
        ShowErrorDialogOnFailure, // Options: a failed connection opens the error dialog by itself
    };

    // The manager outlives the window.
    explicit MainWindow(ProfileManager* manager, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a saved profile in a new tab (again = another tab). Null when the id is unknown.
    SessionWidget* openProfile(const QUuid& id);
    // Opens a session for a profile that need not be saved (Quick Connect, --connect URL).
    // A session link's token goes to the session, never into a profile.
    SessionWidget* openSession(const Profile& profile, const SecretBytes& linkToken = {},
                               const std::optional<QDateTime>& linkTokenExpiry = std::nullopt);
    // Parses host[:port] / telnet:// / telnets://; on error says why next to the field and
    // returns null.
    SessionWidget* quickConnect(const QString& text, bool tls);
    // --connect: a profile ("Folder/Name", id, or a name only one profile has) or a telnet://,
    // telnets:// or tsunagi:// (session link) address. Says why when it cannot.
    SessionWidget* connectTo(const QString& target);

    // A damaged store: names the file and the problem, offers to start with an empty list.
    void showStoreError(const ProfileError& error);

    // The editor for a new profile (or of the selection), opened non-blocking.
    ProfileEditorDialog* newSession();
    ProfileEditorDialog* editSelected();
    // The editor for a saved profile; fixSettingId ("profile/host", "profile/port") picks the
    // field to focus. Null (and says why) when the profile is not saved.
    ProfileEditorDialog* editProfile(const QUuid& id, const QString& fixSettingId = QString());
    void deleteSelected();
    void duplicateSelected();
    void renameSelected();
    void newFolder(const QString& name = QString()); // asks for the name when empty
    void openSecurityProperties();
    // Import a Tsunagi export (.json) or a PuTTY .reg file into the selected folder.
    bool importFile(const QString& fileName);
    // Export the selected profiles and folders.
    bool exportSelection(const QString& fileName);

    QUuid selectedProfileId() const;
    QString selectedFolder() const; // the folder selected, or the folder of the selected profile
    void selectProfile(const QUuid& id);
    void selectFolder(const QString& path);
    // Expands a folder (and its parents) and scrolls it into view, e.g. the demo lab's new folder.
    void revealFolder(const QString& path);

    // The status bar: the current tab's status text and a lock that shows its certificate chain.
    QLabel* statusLabel() const { return m_statusText; }
    QToolButton* statusLock() const { return m_statusLock; }
    // A tab whose host rang the bell while it was not shown stays marked until it is shown.
    bool isBellMarked(SessionWidget* session) const { return m_bellMarked.contains(session); }

    QAction* action(Action which) const;
    QTreeView* sessionTree() const { return m_tree; }
    QLineEdit* filterEdit() const { return m_filter; }
    QTabWidget* sessionTabs() const { return m_tabs; }
    QLineEdit* quickConnectEdit() const { return m_quickHost; }
    QCheckBox* quickConnectTls() const { return m_quickTls; }
    MessageBar* messageBar() const { return m_messageBar; }
    QUndoStack* undoStack() const { return m_undoStack; }
    ProfileTreeModel* treeModel() const { return m_model; }
    ProfileFilterProxyModel* filterModel() const { return m_proxy; }
    QMenu* languageMenu() const { return m_languageMenu; }
    QList<QMenu*> menus() const;

    // Window geometry, splitter, expanded folders, selection, Quick Connect's TLS box.
    void saveSettings() const;
    void restoreSettings();
    // The settings file in the config folder (tsunagi.conf).
    static QString settingsFile();

    // Start-up work left until the first frame was painted (the style's toolbar and folder icons,
    // the filter's clear button) has been done. startupFinished() says when.
    bool isStartupFinished() const { return m_startupDone; }

signals:
    void startupFinished();

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    static QList<std::pair<Action, QStyle::StandardPixmap>> actionIcons();
    void afterFirstFrame();
    void createActions();
    void createMenusAndToolbars();
    void createCentralWidget();
    void retranslateUi();
    // The one place that derives which actions are enabled.
    void updateActions();
    void updateUndoActions();
    void updateWindowTitle();
    void updateTabIcon(SessionWidget* session);
    void updateStatusBar();
    void onSessionBell(SessionWidget* session);
    void onBellTimer();
    void clearBellMark(SessionWidget* session);
    void onConfirmCloseToggled(bool confirm);
    void onShowErrorDialogToggled(bool show);

    void onTreeActivated(const QModelIndex& proxyIndex);
    void onFilterChanged(const QString& text);
    void onTreeContextMenu(const QPoint& position);
    void onCloseTabRequested(int index);
    void onQuickConnectTriggered();
    void onImportTriggered();
    void onExportTriggered();
    void onLanguageTriggered(QAction* action);
    void onSecurityPropertiesRequested(const QUuid& profileId, const QString& fixSettingId);
    void onTrustCertificateRequested(const QUuid& profileId, const QSslCertificate& certificate);
    void about();
    void showError(const QString& text);
    static QString sessionLinkProblem(SessionLinkError error);
    void showInfo(const QString& text);

    // Ids and folder paths of the current selection (tree order).
    QList<QUuid> selectedProfileIds() const;
    QStringList selectedFolders() const;
    QModelIndex currentSourceIndex() const;
    QModelIndex firstVisibleProfile(const QModelIndex& parent = QModelIndex()) const; // proxy index
    QStringList expandedFolders() const;
    void expandFolders(const QStringList& folders);
    void commitEditedProfile(ProfileEditorDialog* dialog, bool isNew);

    ProfileManager* m_manager;
    ProfileTreeModel* m_model = nullptr;
    ProfileFilterProxyModel* m_proxy = nullptr;
    QUndoStack* m_undoStack = nullptr;

    QSplitter* m_splitter = nullptr;
    QTreeView* m_tree = nullptr;
    QLineEdit* m_filter = nullptr;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_emptyTabsHint = nullptr;
    MessageBar* m_messageBar = nullptr;
    MessageBar* m_storeBar = nullptr;

    QToolBar* m_mainToolBar = nullptr;
    QToolBar* m_quickConnectBar = nullptr;
    QLabel* m_quickLabel = nullptr;
    QLineEdit* m_quickHost = nullptr;
    QCheckBox* m_quickTls = nullptr;
    QPushButton* m_quickConnectButton = nullptr;

    QMenu* m_fileMenu = nullptr;
    QMenu* m_editMenu = nullptr;
    QMenu* m_sessionMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_languageMenu = nullptr;
    QMenu* m_optionsMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QActionGroup* m_languageGroup = nullptr;
    QHash<int, QAction*> m_actions;

    QToolButton* m_statusLock = nullptr;
    QLabel* m_statusText = nullptr;

    QSet<SessionWidget*> m_bellMarked;
    QTimer* m_bellTimer = nullptr;
    int m_bellBlinksLeft = 0;

    QStringList m_expandedBeforeFilter; // restored when the filter is cleared
    bool m_filtering = false;
    bool m_firstFramePainted = false;
    bool m_startupDone = false;
};
