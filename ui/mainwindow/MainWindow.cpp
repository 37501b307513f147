#include "ui/mainwindow/MainWindow.h"

#include "connection/Connection.h"
#include "core/AppPaths.h"
#include "core/Translations.h"
#include "profiles/ProfileExchange.h"
#include "profiles/ProfileFilterProxyModel.h"
#include "profiles/ProfileManager.h"
#include "profiles/ProfileTreeModel.h"
#include "profiles/PuttyImporter.h"
#include "security/CertificatePinning.h"
#include "session/Session.h"
#include "ui/mainwindow/ProfileCommands.h"
#include "ui/mainwindow/ProfileEditorDialog.h"
#include "ui/mainwindow/QuickConnect.h"
#include "ui/mainwindow/SessionTreeDelegate.h"
#include "ui/security/SecurityPropertiesDialog.h"
#include "ui/session/SessionWidget.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/MessageBar.h"
#include "ui/widgets/MessageBox.h"
#include "ui/widgets/ToolBarStyle.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace {
const QString kConfirmCloseKey = QStringLiteral("sessions/confirmCloseLiveSession");
const QString kShowErrorDialogKey = QStringLiteral("sessions/showErrorDialogOnFailure");
constexpr int kBellBlinks = 6; // on/off toggles of a tab that rang, then it stays marked

QString profileKey(const QUuid& id)
{
    return QStringLiteral("profile:") + id.toString(QUuid::WithoutBraces);
}

QString folderKey(const QString& path)
{
    return QStringLiteral("folder:") + path;
}

ProfileTreeModel::Kind kindOf(const QModelIndex& index)
{
    return ProfileTreeModel::Kind(index.data(ProfileTreeModel::KindRole).toInt());
}

// The hint where the tabs would be: its text wraps inside the whole right pane, so the window's
// layout need not ask it for a height per width. (A word-wrapped label makes every layout pass
// of the window ask: 27 text layouts, 3.5 M instructions before the first frame.)
class EmptyTabsHint final : public QLabel
{
public:
    using QLabel::QLabel;
    bool hasHeightForWidth() const override { return false; }
    // A hint over the empty tab area takes the room it is given. A word-wrapped label otherwise
    // lays its text out several times over to find its size hints: 1.5 M instructions before
    // the first frame, for a size the splitter's stretch overrides anyway.
    QSize sizeHint() const override { return minimumSizeHint(); }
    QSize minimumSizeHint() const override
    {
        const QFontMetrics metrics(font());
        return {metrics.averageCharWidth() * 16, metrics.lineSpacing() * 3};
    }
};
} // namespace

MainWindow::MainWindow(ProfileManager* manager, QWidget* parent) : QMainWindow(parent), m_manager(manager)
{
    setObjectName(QStringLiteral("MainWindow"));
    m_undoStack = new QUndoStack(this);
    m_proxy = new ProfileFilterProxyModel(this);
    // The tree's model first: at start-up it builds the tree from the store's outline on a worker
    // thread while the window is built, and the view takes it over below.
    m_model = new ProfileTreeModel(m_manager, this);

    createActions();
    createCentralWidget();
    createMenusAndToolbars();
    retranslateUi();
    m_proxy->setSourceModel(m_model);
    updateActions();
    // Qt's own pictures until the first frame is painted, then the style's (see afterFirstFrame()).
    // Last: at start-up a worker decodes them meanwhile (Icons::prefetchQuickStandardIcons()).
    for (const auto& [which, icon] : actionIcons()) {
        const QIcon quick = Icons::quickStandardIcon(icon);
        action(which)->setIcon(quick.isNull() ? style()->standardIcon(icon) : quick);
    }

    connect(m_manager, &ProfileManager::saveFailed, this,
            [this](const QString& message) { showError(message); });
    connect(m_model, &ProfileTreeModel::operationFailed, this, &MainWindow::showError);
    // An edited profile applies to its open tabs (appearance now, connection at the next connect).
    connect(m_manager, &ProfileManager::profileChanged, this, [this](const QUuid& id) {
        const auto profile = m_manager->profile(id);
        if (!profile)
            return;
        for (int i = 0; i < m_tabs->count(); ++i) {
            auto* session = qobject_cast<SessionWidget*>(m_tabs->widget(i));
            if (session && session->profile().id == id)
                session->applyProfile(*profile);
        }
    });

    m_bellTimer = new QTimer(this);
    m_bellTimer->setInterval(350);
    connect(m_bellTimer, &QTimer::timeout, this, &MainWindow::onBellTimer);

    {
        const QSettings settings(settingsFile(), QSettings::IniFormat);
        const bool confirm = settings.value(kConfirmCloseKey, true).toBool();
        action(Action::ConfirmCloseLiveSession)->setChecked(confirm);
        SessionWidget::setConfirmCloseLiveSession(confirm);
        const bool showDialog = settings.value(kShowErrorDialogKey, true).toBool();
        action(Action::ShowErrorDialogOnFailure)->setChecked(showDialog);
        SessionWidget::setShowErrorDialogOnFailure(showDialog);
    }
    connect(action(Action::ConfirmCloseLiveSession), &QAction::toggled, this,
            &MainWindow::onConfirmCloseToggled);
    connect(action(Action::ShowErrorDialogOnFailure), &QAction::toggled, this,
            &MainWindow::onShowErrorDialogToggled);
    updateStatusBar();
    connect(&Translations::instance(), &Translations::languageChanged, this, [this](const QString& language) {
        for (QAction* action : m_languageGroup->actions())
            action->setChecked(action->data().toString() == language);
    });
}

MainWindow::~MainWindow()
{
    // The undo stack dies with the children, after this window's members: it must not call back.
    disconnect(m_undoStack, nullptr, this, nullptr);
    // Likewise the tabs, which die after this window's bell marks and status bar.
    disconnect(m_tabs, nullptr, this, nullptr);
    // Every session widget, also one no longer in a tab whose deletion is still pending.
    for (SessionWidget* session : findChildren<SessionWidget*>())
        disconnect(session, nullptr, this, nullptr);
}

// ---------------------------------------------------------------------------------------------
// Construction

void MainWindow::createActions()
{
    auto add = [this](Action which, const char* objectName, const QKeySequence& shortcut = {}) {
        auto* action = new QAction(this);
        action->setObjectName(QString::fromLatin1(objectName));
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        m_actions.insert(int(which), action);
        return action;
    };

    connect(add(Action::NewSession, "actionNewSession", QKeySequence::New), &QAction::triggered, this,
            [this] { newSession(); });
    connect(add(Action::NewFolder, "actionNewFolder", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)),
            &QAction::triggered, this, [this] { newFolder(); });
    connect(add(Action::OpenSession, "actionOpenSession"), &QAction::triggered, this, [this] {
        for (const QUuid& id : selectedProfileIds())
            openProfile(id);
    });
    connect(add(Action::EditSession, "actionEditSession", QKeySequence(Qt::CTRL | Qt::Key_E)),
            &QAction::triggered, this, [this] { editSelected(); });
    connect(add(Action::DuplicateSession, "actionDuplicateSession", QKeySequence(Qt::CTRL | Qt::Key_D)),
            &QAction::triggered, this, &MainWindow::duplicateSelected);
    connect(add(Action::Rename, "actionRename", QKeySequence(Qt::Key_F2)), &QAction::triggered, this,
            &MainWindow::renameSelected);
    connect(add(Action::Delete, "actionDelete", QKeySequence::Delete), &QAction::triggered, this,
            &MainWindow::deleteSelected);
    connect(add(Action::SecurityProperties, "actionSecurityProperties"), &QAction::triggered, this,
            &MainWindow::openSecurityProperties);
    connect(add(Action::QuickConnect, "actionQuickConnect", QKeySequence(Qt::CTRL | Qt::Key_K)),
            &QAction::triggered, this, [this] {
                m_quickHost->setFocus();
                m_quickHost->selectAll();
            });
    connect(add(Action::Import, "actionImport", QKeySequence(Qt::CTRL | Qt::Key_I)), &QAction::triggered,
            this, &MainWindow::onImportTriggered);
    connect(add(Action::Export, "actionExport"), &QAction::triggered, this, &MainWindow::onExportTriggered);
    connect(add(Action::CloseTab, "actionCloseTab", QKeySequence::Close), &QAction::triggered, this, [this] {
        if (m_tabs->currentIndex() >= 0)
            onCloseTabRequested(m_tabs->currentIndex());
    });
    connect(add(Action::Quit, "actionQuit", QKeySequence::Quit), &QAction::triggered, this,
            &MainWindow::close);
    connect(add(Action::About, "actionAbout"), &QAction::triggered, this, &MainWindow::about);
    add(Action::ConfirmCloseLiveSession, "actionConfirmCloseLiveSession")->setCheckable(true);
    add(Action::ShowErrorDialogOnFailure, "actionShowErrorDialogOnFailure")->setCheckable(true);

    // Own undo/redo actions (not QUndoStack::createUndoAction) so their text re-translates with the UI.
    QAction* undo = add(Action::Undo, "actionUndo", QKeySequence::Undo);
    connect(undo, &QAction::triggered, m_undoStack, &QUndoStack::undo);
    QAction* redo = add(Action::Redo, "actionRedo", QKeySequence::Redo);
    connect(redo, &QAction::triggered, m_undoStack, &QUndoStack::redo);
    connect(m_undoStack, &QUndoStack::indexChanged, this, &MainWindow::updateUndoActions);

    // A terminal keeps plain Ctrl keys for the host; Ctrl+Shift variants work from inside a tab.
    action(Action::CloseTab)
        ->setShortcuts({QKeySequence(QKeySequence::Close), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W)});
    action(Action::QuickConnect)
        ->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K)});

    m_languageGroup = new QActionGroup(this);
    m_languageGroup->setExclusive(true);
    for (const QString& language : Translations::availableLanguages()) {
        // Each language is named in itself, so anyone can find their own.
        auto* action = new QAction(Translations::nativeName(language), m_languageGroup);
        action->setObjectName(QStringLiteral("actionLanguage_") + language);
        action->setCheckable(true);
        action->setData(language);
        action->setChecked(language == Translations::instance().language());
    }
    connect(m_languageGroup, &QActionGroup::triggered, this, &MainWindow::onLanguageTriggered);
}

void MainWindow::createCentralWidget()
{
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_storeBar = new MessageBar(central);
    m_storeBar->setObjectName(QStringLiteral("storeMessageBar"));
    layout->addWidget(m_storeBar);
    m_messageBar = new MessageBar(central);
    m_messageBar->setObjectName(QStringLiteral("messageBar"));
    layout->addWidget(m_messageBar);

    m_splitter = new QSplitter(Qt::Horizontal, central);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    layout->addWidget(m_splitter, 1);

    auto* left = new QWidget(m_splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(4, 4, 0, 4);
    m_tree = new QTreeView(left);
    m_tree->setObjectName(QStringLiteral("sessionTree"));
    m_tree->setModel(m_proxy);
    m_tree->setItemDelegate(new SessionTreeDelegate(m_tree));
    m_tree->setHeaderHidden(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_tree->setDragEnabled(true);
    m_tree->setAcceptDrops(true);
    m_tree->setDropIndicatorShown(true);
    m_tree->setDragDropMode(QAbstractItemView::DragDrop);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setUniformRowHeights(true);
    for (int column = 1; column < m_proxy->columnCount(); ++column)
        m_tree->hideColumn(column);
    leftLayout->addWidget(m_tree, 1);

    m_filter = new QLineEdit(left);
    m_filter->setObjectName(QStringLiteral("sessionFilter"));
    leftLayout->addWidget(m_filter);

    // Tree actions act on the tree's selection: their shortcuts (Delete, F2, Ctrl+D…) belong to
    // the tree, so the same keys still reach a terminal or a text field.
    for (Action which : {Action::EditSession, Action::DuplicateSession, Action::Rename, Action::Delete}) {
        QAction* action = this->action(which);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_tree->addAction(action);
    }

    auto* right = new QStackedWidget(m_splitter);
    m_tabs = new QTabWidget(right);
    m_tabs->setObjectName(QStringLiteral("sessionTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    m_emptyTabsHint = new EmptyTabsHint(right);
    m_emptyTabsHint->setObjectName(QStringLiteral("emptyTabsHint"));
    m_emptyTabsHint->setAlignment(Qt::AlignCenter);
    m_emptyTabsHint->setWordWrap(true);
    m_emptyTabsHint->setEnabled(false);
    right->addWidget(m_emptyTabsHint);
    right->addWidget(m_tabs);

    m_splitter->addWidget(left);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({260, 740});
    setCentralWidget(central);

    connect(m_tree, &QTreeView::activated, this, &MainWindow::onTreeActivated);
    connect(m_tree, &QTreeView::customContextMenuRequested, this, &MainWindow::onTreeContextMenu);
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::updateActions);
    connect(m_filter, &QLineEdit::textChanged, this, &MainWindow::onFilterChanged);
    // From the filter box: Enter opens the first matching session, Down moves into the tree.
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        const QModelIndex first = firstVisibleProfile();
        if (!first.isValid())
            return;
        m_tree->selectionModel()->setCurrentIndex(first, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
        onTreeActivated(first);
    });
    m_filter->installEventFilter(this);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::onCloseTabRequested);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this, right] {
        right->setCurrentWidget(m_tabs->count() > 0 ? static_cast<QWidget*>(m_tabs) : m_emptyTabsHint);
        clearBellMark(qobject_cast<SessionWidget*>(m_tabs->currentWidget())); // the tab is seen now
        updateStatusBar();
        updateWindowTitle();
        updateActions();
    });
}

void MainWindow::createMenusAndToolbars()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("menuFile"));
    m_fileMenu->addAction(action(Action::NewSession));
    m_fileMenu->addAction(action(Action::NewFolder));
    m_fileMenu->addAction(action(Action::QuickConnect));
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(action(Action::Import));
    m_fileMenu->addAction(action(Action::Export));
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(action(Action::Quit));

    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->setObjectName(QStringLiteral("menuEdit"));
    m_editMenu->addAction(action(Action::Undo));
    m_editMenu->addAction(action(Action::Redo));
    m_editMenu->addSeparator();
    m_editMenu->addAction(action(Action::EditSession));
    m_editMenu->addAction(action(Action::DuplicateSession));
    m_editMenu->addAction(action(Action::Rename));
    m_editMenu->addAction(action(Action::Delete));
    m_editMenu->addSeparator();
    m_editMenu->addAction(action(Action::SecurityProperties));

    m_sessionMenu = menuBar()->addMenu(QString());
    m_sessionMenu->setObjectName(QStringLiteral("menuSession"));
    m_sessionMenu->addAction(action(Action::OpenSession));
    m_sessionMenu->addAction(action(Action::CloseTab));

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(QStringLiteral("menuView"));
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageMenu->setObjectName(QStringLiteral("menuLanguage"));
    m_languageMenu->addActions(m_languageGroup->actions());

    m_optionsMenu = menuBar()->addMenu(QString());
    m_optionsMenu->setObjectName(QStringLiteral("menuOptions"));
    m_optionsMenu->addAction(action(Action::ConfirmCloseLiveSession));
    m_optionsMenu->addAction(action(Action::ShowErrorDialogOnFailure));

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("menuHelp"));
    m_helpMenu->addAction(action(Action::About));

    // The bars' own look, painted quicker (see ToolBarStyle); what is on them keeps the
    // application style. The window's child after the bars, so it goes after them.
    auto* toolBarStyle = new ToolBarStyle;
    m_mainToolBar = addToolBar(QString());
    m_mainToolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_mainToolBar->setStyle(toolBarStyle);
    m_mainToolBar->addAction(action(Action::NewSession));
    m_mainToolBar->addAction(action(Action::NewFolder));
    m_mainToolBar->addAction(action(Action::OpenSession));
    m_mainToolBar->addAction(action(Action::EditSession));
    m_mainToolBar->addAction(action(Action::Delete));

    m_quickConnectBar = addToolBar(QString());
    m_quickConnectBar->setObjectName(QStringLiteral("quickConnectToolBar"));
    m_quickConnectBar->setStyle(toolBarStyle);
    m_quickLabel = new QLabel(m_quickConnectBar);
    m_quickHost = new QLineEdit(m_quickConnectBar);
    m_quickHost->setObjectName(QStringLiteral("quickConnectHost"));
    m_quickHost->setMinimumWidth(220);
    m_quickLabel->setBuddy(m_quickHost);
    m_quickTls = new QCheckBox(m_quickConnectBar);
    m_quickTls->setObjectName(QStringLiteral("quickConnectTls"));
    m_quickTls->setChecked(true);
    m_quickConnectButton = new QPushButton(m_quickConnectBar);
    m_quickConnectButton->setObjectName(QStringLiteral("quickConnectButton"));
    m_quickConnectBar->addWidget(m_quickLabel);
    m_quickConnectBar->addWidget(m_quickHost);
    m_quickConnectBar->addWidget(m_quickTls);
    m_quickConnectBar->addWidget(m_quickConnectButton);
    toolBarStyle->setParent(this);
    connect(m_quickHost, &QLineEdit::returnPressed, this, &MainWindow::onQuickConnectTriggered);
    connect(m_quickConnectButton, &QPushButton::clicked, this, &MainWindow::onQuickConnectTriggered);
    connect(m_quickHost, &QLineEdit::textChanged, this, &MainWindow::updateActions);
    connect(m_quickTls, &QCheckBox::toggled, this, [this](bool checked) {
        if (checked)
            return;
        const auto answer = MessageBox::warning(
            this, tr("Turn Off SSL/TLS"),
            tr("Without SSL/TLS, everything sent in this session, including user names and passwords, "
               "travels over the network unencrypted and can be read by others.\n\n"
               "Connect without SSL/TLS security?"),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            const QSignalBlocker blocker(m_quickTls);
            m_quickTls->setChecked(true);
        }
    });

    m_statusLock = new QToolButton(statusBar());
    m_statusLock->setObjectName(QStringLiteral("statusLock"));
    m_statusLock->setAutoRaise(true);
    m_statusText = new QLabel(statusBar());
    m_statusText->setObjectName(QStringLiteral("statusText"));
    m_statusText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_statusLock);
    statusBar()->addWidget(m_statusText, 1);
    connect(m_statusLock, &QToolButton::clicked, this, [this] {
        if (auto* session = qobject_cast<SessionWidget*>(m_tabs->currentWidget()))
            session->showCertificateChain();
    });
}

void MainWindow::retranslateUi()
{
    updateWindowTitle();
    auto set = [this](Action which, const QString& text, const QString& tip = QString()) {
        QAction* a = action(which);
        a->setText(text);
        a->setStatusTip(tip);
        a->setToolTip(tip.isEmpty() ? QString(text).remove(QLatin1Char('&')) : tip);
    };
    set(Action::NewSession, tr("&New Session..."), tr("Create a session profile"));
    set(Action::NewFolder, tr("New &Folder..."), tr("Create a folder in the session tree"));
    set(Action::OpenSession, tr("&Open Session"), tr("Open the selected session in a new tab"));
    set(Action::EditSession, tr("&Edit Session..."), tr("Edit the selected session profile"));
    set(Action::DuplicateSession, tr("D&uplicate"), tr("Make a copy of the selected session profile"));
    set(Action::Rename, tr("&Rename"), tr("Rename the selected session or folder"));
    set(Action::Delete, tr("&Delete"), tr("Delete the selected sessions and folders"));
    set(Action::SecurityProperties, tr("Security &Properties..."),
        tr("Edit the SSL/TLS settings of the selected session"));
    set(Action::QuickConnect, tr("&Quick Connect"), tr("Connect to a host without saving a profile"));
    set(Action::Import, tr("&Import..."), tr("Import sessions from a Tsunagi export or a PuTTY .reg file"));
    set(Action::Export, tr("E&xport..."), tr("Export the selected sessions and folders to a file"));
    set(Action::CloseTab, tr("&Close Tab"), tr("Close the current session tab"));
    set(Action::Quit, tr("&Quit"), tr("Quit Tsunagi"));
    set(Action::About, tr("&About Tsunagi"));
    set(Action::ConfirmCloseLiveSession, tr("&Ask Before Closing a Connected Session"),
        tr("Ask before closing a tab or quitting while a session is still connected"));
    set(Action::ShowErrorDialogOnFailure, tr("&Show the Error Dialog When a Connection Fails"),
        tr("Open the error dialog with the cause and the steps to fix it as soon as a connection fails "
           "(the session tab keeps the result either way)"));
    updateUndoActions();

    m_fileMenu->setTitle(tr("&File"));
    m_editMenu->setTitle(tr("&Edit"));
    m_sessionMenu->setTitle(tr("&Session"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    m_optionsMenu->setTitle(tr("&Options"));
    m_helpMenu->setTitle(tr("&Help"));
    m_mainToolBar->setWindowTitle(tr("Main Toolbar"));
    m_quickConnectBar->setWindowTitle(tr("Quick Connect"));

    m_quickLabel->setText(tr("&Quick Connect:"));
    m_quickHost->setPlaceholderText(tr("host[:port] or telnets://host:port"));
    m_quickHost->setToolTip(tr("A host name or address with an optional port, or a telnet:// or telnets:// "
                               "address. Press Enter to connect."));
    m_quickTls->setText(tr("SSL/&TLS"));
    m_quickTls->setToolTip(tr("Use SSL/TLS security (ignored when the address starts with telnet:// or "
                              "telnets://)"));
    m_quickConnectButton->setText(tr("Connect"));

    m_tree->setAccessibleName(tr("Sessions"));
    m_filter->setPlaceholderText(tr("Filter by name, folder or host"));
    m_filter->setAccessibleName(tr("Filter sessions"));
    m_emptyTabsHint->setText(tr("Double-click a session to open it, or type a host in Quick Connect."));
    updateStatusBar();
}

void MainWindow::updateActions()
{
    const QList<QUuid> profiles = selectedProfileIds();
    const QStringList folders = selectedFolders();
    const bool oneProfile = profiles.size() == 1 && folders.isEmpty();
    const bool oneItem = (profiles.size() + folders.size()) == 1;
    const bool anything = !profiles.isEmpty() || !folders.isEmpty();

    action(Action::OpenSession)->setEnabled(!profiles.isEmpty());
    action(Action::EditSession)->setEnabled(oneProfile);
    action(Action::DuplicateSession)->setEnabled(oneProfile);
    action(Action::SecurityProperties)->setEnabled(oneProfile);
    action(Action::Rename)->setEnabled(oneItem);
    action(Action::Delete)->setEnabled(anything);
    action(Action::Export)->setEnabled(anything || m_manager->profileCount() > 0);
    action(Action::CloseTab)->setEnabled(m_tabs->count() > 0);
    m_quickConnectButton->setEnabled(!m_quickHost->text().trimmed().isEmpty());
}

void MainWindow::updateUndoActions()
{
    // Command texts are stored when the command is made; they stay in the language of that moment.
    QAction* undo = action(Action::Undo);
    undo->setEnabled(m_undoStack->canUndo());
    undo->setText(m_undoStack->canUndo() ? tr("&Undo %1").arg(m_undoStack->undoText()) : tr("&Undo"));
    QAction* redo = action(Action::Redo);
    redo->setEnabled(m_undoStack->canRedo());
    redo->setText(m_undoStack->canRedo() ? tr("&Redo %1").arg(m_undoStack->redoText()) : tr("&Redo"));
}

void MainWindow::updateWindowTitle()
{
    // The platform appends the application's name ("web — Tsunagi").
    const int current = m_tabs->currentIndex();
    setWindowTitle(current >= 0 ? m_tabs->tabText(current) : tr("Tsunagi"));
}

QAction* MainWindow::action(Action which) const
{
    return m_actions.value(int(which));
}

QList<QMenu*> MainWindow::menus() const
{
    return {m_fileMenu, m_editMenu, m_sessionMenu, m_viewMenu, m_languageMenu, m_optionsMenu, m_helpMenu};
}

// ---------------------------------------------------------------------------------------------
// Selection

QModelIndex MainWindow::currentSourceIndex() const
{
    return m_proxy->mapToSource(m_tree->currentIndex());
}

QList<QUuid> MainWindow::selectedProfileIds() const
{
    QList<QUuid> ids;
    if (!m_tree || !m_tree->selectionModel())
        return ids;
    for (const QModelIndex& index : m_tree->selectionModel()->selectedRows()) {
        if (kindOf(index) == ProfileTreeModel::Kind::Profile)
            ids.append(index.data(ProfileTreeModel::IdRole).toUuid());
    }
    return ids;
}

QStringList MainWindow::selectedFolders() const
{
    QStringList folders;
    if (!m_tree || !m_tree->selectionModel())
        return folders;
    for (const QModelIndex& index : m_tree->selectionModel()->selectedRows()) {
        if (kindOf(index) == ProfileTreeModel::Kind::Folder)
            folders.append(index.data(ProfileTreeModel::FolderRole).toString());
    }
    return folders;
}

QUuid MainWindow::selectedProfileId() const
{
    const QList<QUuid> ids = selectedProfileIds();
    return ids.size() == 1 ? ids.first() : QUuid();
}

QString MainWindow::selectedFolder() const
{
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid() || !m_tree->selectionModel()->isSelected(current))
        return QString();
    return current.data(ProfileTreeModel::FolderRole).toString();
}

void MainWindow::selectProfile(const QUuid& id)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexForProfile(id));
    if (!index.isValid())
        return;
    m_tree->scrollTo(index);
    // Explicit, so a modifier still held from the shortcut (Ctrl+D) does not extend the selection.
    m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
}

void MainWindow::revealFolder(const QString& path)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexForFolder(path));
    if (!index.isValid())
        return;
    for (QModelIndex at = index; at.isValid(); at = at.parent())
        m_tree->expand(at);
    m_tree->scrollTo(index);
}

void MainWindow::selectFolder(const QString& path)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexForFolder(path));
    if (!index.isValid())
        return;
    m_tree->scrollTo(index);
    // Explicit, so a modifier still held from the shortcut (Ctrl+D) does not extend the selection.
    m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
}

// ---------------------------------------------------------------------------------------------
// Tree actions

void MainWindow::onTreeActivated(const QModelIndex& proxyIndex)
{
    if (kindOf(proxyIndex) == ProfileTreeModel::Kind::Profile)
        openProfile(proxyIndex.data(ProfileTreeModel::IdRole).toUuid());
}

ProfileEditorDialog* MainWindow::newSession()
{
    Profile profile;
    profile.folder = selectedFolder();
    auto* dialog = new ProfileEditorDialog(profile, ProfileEditorDialog::Mode::Create, m_manager, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { commitEditedProfile(dialog, true); });
    dialog->open();
    return dialog;
}

ProfileEditorDialog* MainWindow::editSelected()
{
    const QUuid id = selectedProfileId();
    return id.isNull() ? nullptr : editProfile(id);
}

ProfileEditorDialog* MainWindow::editProfile(const QUuid& id, const QString& fixSettingId)
{
    const auto profile = m_manager->profile(id);
    if (!profile) {
        showInfo(tr("This session has no saved profile. Save it as a session to change its settings."));
        return nullptr;
    }
    auto* dialog = new ProfileEditorDialog(*profile, ProfileEditorDialog::Mode::Edit, m_manager, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { commitEditedProfile(dialog, false); });
    dialog->open();
    if (!fixSettingId.isEmpty())
        dialog->focusSetting(fixSettingId);
    return dialog;
}

void MainWindow::commitEditedProfile(ProfileEditorDialog* dialog, bool isNew)
{
    const Profile profile = dialog->profile();
    const ProfileError error = isNew ? m_manager->addProfile(profile) : m_manager->updateProfile(profile);
    if (!error.ok()) {
        showError(error.message);
        return;
    }
    selectProfile(profile.id);
}

void MainWindow::duplicateSelected()
{
    const QUuid copy = m_manager->duplicateProfile(selectedProfileId());
    if (copy.isNull()) {
        showError(tr("The session could not be duplicated."));
        return;
    }
    selectProfile(copy);
}

void MainWindow::renameSelected()
{
    const QModelIndex current = m_tree->currentIndex();
    if (current.isValid())
        m_tree->edit(current);
}

void MainWindow::deleteSelected()
{
    const QList<QUuid> profiles = selectedProfileIds();
    const QStringList folders = selectedFolders();
    if (profiles.isEmpty() && folders.isEmpty())
        return;

    QString question;
    if (folders.isEmpty() && profiles.size() == 1) {
        const auto profile = m_manager->profile(profiles.first());
        question = tr("Delete the session \"%1\"?").arg(profile ? profile->name : QString());
    } else if (profiles.isEmpty() && folders.size() == 1) {
        question = tr("Delete the folder \"%1\" and every session in it?").arg(folders.first());
    } else {
        question = tr("Delete %n selected item(s)? Folders are deleted with every session in them.", nullptr,
                      int(profiles.size() + folders.size()));
    }
    question += QLatin1String("\n\n") + tr("You can undo this with Edit > Undo (Ctrl+Z).");
    if (MessageBox::question(this, tr("Delete"), question, QMessageBox::Yes | QMessageBox::No,
                             QMessageBox::No) != QMessageBox::Yes)
        return;

    const QString text = profiles.size() + folders.size() == 1
                             ? tr("Delete \"%1\"")
                                   .arg(folders.isEmpty() ? m_manager->profile(profiles.first())->name
                                                          : ProfileManager::folderName(folders.first()))
                             : tr("Delete %n item(s)", nullptr, int(profiles.size() + folders.size()));
    auto* command = new DeleteProfilesCommand(m_manager, profiles, folders, text);
    m_undoStack->push(command);
    updateActions();
}

void MainWindow::newFolder(const QString& name)
{
    const QString parent = selectedFolder();
    auto create = [this, parent](const QString& entered) {
        const QString trimmed = entered.trimmed();
        if (trimmed.isEmpty())
            return;
        const QString path =
            ProfileManager::normalizeFolder(parent.isEmpty() ? trimmed : parent + QLatin1Char('/') + trimmed);
        const ProfileError error = m_manager->addFolder(path);
        if (!error.ok()) {
            showError(error.message);
            return;
        }
        selectFolder(path);
    };
    if (!name.isEmpty()) {
        create(name);
        return;
    }
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("newFolderDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("New Folder"));
    dialog->setLabelText(parent.isEmpty() ? tr("Name of the new folder:")
                                          : tr("Name of the new folder in \"%1\":").arg(parent));
    connect(dialog, &QInputDialog::textValueSelected, this, create);
    dialog->open();
}

void MainWindow::openSecurityProperties()
{
    const QUuid id = selectedProfileId();
    if (!id.isNull())
        onSecurityPropertiesRequested(id, QString());
}

void MainWindow::onSecurityPropertiesRequested(const QUuid& profileId, const QString& fixSettingId)
{
    const auto profile = m_manager->profile(profileId);
    if (!profile) {
        showInfo(tr("This session has no saved profile. Save it as a session to change its Security "
                    "Properties."));
        return;
    }
    auto* dialog = new SecurityPropertiesDialog(profile->security, profileId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Security Properties: %1").arg(profile->name));
    connect(dialog, &SecurityPropertiesDialog::settingsAccepted, this,
            [this, profileId](const SecuritySettings& settings) {
                auto current = m_manager->profile(profileId);
                if (!current)
                    return;
                current->security = settings;
                const ProfileError error = m_manager->updateProfile(*current);
                if (!error.ok())
                    showError(error.message);
            });
    dialog->open();
    if (!fixSettingId.isEmpty())
        dialog->focusSetting(fixSettingId);
}

void MainWindow::onTrustCertificateRequested(const QUuid& profileId, const QSslCertificate& certificate)
{
    auto profile = m_manager->profile(profileId);
    if (!profile) {
        showInfo(tr("This session has no saved profile, so the certificate cannot be remembered for it. "
                    "Save the session first."));
        return;
    }
    CertificatePinning::addPin(&profile->security, CertificatePinning::pinFor(profile->host, certificate));
    const ProfileError error = m_manager->updateProfile(*profile);
    if (!error.ok())
        showError(error.message);
}

void MainWindow::onFilterChanged(const QString& text)
{
    const bool filtering = !text.trimmed().isEmpty();
    if (filtering && !m_filtering)
        m_expandedBeforeFilter = expandedFolders();
    m_proxy->setFilterText(text.trimmed());
    if (filtering) {
        m_tree->expandAll(); // show every match, wherever it is
    } else if (m_filtering) {
        m_tree->collapseAll();
        expandFolders(m_expandedBeforeFilter);
    }
    m_filtering = filtering;
    updateActions();
}

void MainWindow::onTreeContextMenu(const QPoint& position)
{
    const QModelIndex index = m_tree->indexAt(position);
    if (!index.isValid())
        m_tree->clearSelection();
    QMenu menu(this);
    if (index.isValid() && kindOf(index) == ProfileTreeModel::Kind::Profile) {
        menu.addAction(action(Action::OpenSession));
        menu.setDefaultAction(action(Action::OpenSession));
        menu.addSeparator();
        menu.addAction(action(Action::EditSession));
        menu.addAction(action(Action::SecurityProperties));
        menu.addAction(action(Action::DuplicateSession));
    }
    menu.addAction(action(Action::NewSession));
    menu.addAction(action(Action::NewFolder));
    if (index.isValid()) {
        menu.addSeparator();
        menu.addAction(action(Action::Rename));
        menu.addAction(action(Action::Delete));
    }
    menu.addSeparator();
    menu.addAction(action(Action::Import));
    menu.addAction(action(Action::Export));
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

// ---------------------------------------------------------------------------------------------
// Sessions

SessionWidget* MainWindow::openProfile(const QUuid& id)
{
    const auto profile = m_manager->profile(id);
    if (!profile)
        return nullptr;
    return openSession(*profile);
}

SessionWidget* MainWindow::openSession(const Profile& profile, const SecretBytes& linkToken,
                                       const std::optional<QDateTime>& linkTokenExpiry)
{
    auto* session = new SessionWidget(profile, m_tabs);
    const int index = m_tabs->addTab(session, profile.name.isEmpty() ? profile.host : profile.name);
    m_tabs->setTabToolTip(index, QStringLiteral("%1:%2").arg(profile.host).arg(profile.port));
    connect(session, &SessionWidget::titleChanged, this, [this, session](const QString& title) {
        const int at = m_tabs->indexOf(session);
        if (at >= 0)
            m_tabs->setTabText(at, title);
        updateWindowTitle();
    });
    connect(session, &SessionWidget::requestSecurityProperties, this,
            &MainWindow::onSecurityPropertiesRequested);
    connect(session, &SessionWidget::trustCertificateRequested, this,
            &MainWindow::onTrustCertificateRequested);
    connect(session, &SessionWidget::editProfileRequested, this,
            [this](const QUuid& id, const QString& fix) { editProfile(id, fix); });
    connect(session, &SessionWidget::bell, this, [this, session] { onSessionBell(session); });
    connect(session, &SessionWidget::statusChanged, this, [this, session] {
        if (session == m_tabs->currentWidget())
            updateStatusBar();
    });
    connect(session, &QObject::destroyed, this, [this, session] { m_bellMarked.remove(session); });
    session->setStatusLineVisible(false); // the window's status bar shows it
    connect(session, &SessionWidget::connectionStateChanged, this, [this, session] {
        updateTabIcon(session);
        updateActions();
    });
    if (!linkToken.isEmpty() || linkTokenExpiry)
        session->session()->setSessionLinkToken(linkToken, linkTokenExpiry);
    m_tabs->setCurrentIndex(index);
    session->start();
    session->setFocus();
    updateActions();
    return session;
}

void MainWindow::updateTabIcon(SessionWidget* session)
{
    const int index = m_tabs->indexOf(session);
    if (index < 0)
        return;
    // At a glance: encrypted or not once connected, a stop sign when it failed or dropped.
    QIcon icon;
    switch (session->session()->state()) {
    case Session::State::Connected:
        icon = Icons::session(session->session()->profile().security.tlsEnabled);
        break;
    case Session::State::Failed:
    case Session::State::Disconnected:
        icon = style()->standardIcon(QStyle::SP_BrowserStop);
        break;
    case Session::State::Connecting:
        icon = style()->standardIcon(QStyle::SP_BrowserReload);
        break;
    case Session::State::Idle:
        break;
    }
    m_tabs->setTabIcon(index, icon);
}

void MainWindow::updateStatusBar()
{
    auto* session = qobject_cast<SessionWidget*>(m_tabs->currentWidget());
    if (!session) {
        m_statusText->clear();
        m_statusLock->hide();
        return;
    }
    m_statusText->setText(session->statusText());
    const bool secure = session->isEncrypted();
    const ConnectionRecord record = session->session()->record();
    m_statusLock->setVisible(session->profile().security.tlsEnabled);
    m_statusLock->setEnabled(session->hasCertificateChain());
    m_statusLock->setIcon(
        style()->standardIcon(secure ? QStyle::SP_DialogApplyButton : QStyle::SP_MessageBoxWarning));
    m_statusLock->setToolTip(secure ? tr("Encrypted with %1 (%2). Click to see the certificate chain.")
                                          .arg(record.protocol, record.cipher)
                                    : tr("Not encrypted yet."));
}

void MainWindow::onSessionBell(SessionWidget* session)
{
    if (!isActiveWindow())
        QApplication::alert(this); // the taskbar entry asks for attention
    // The tab in front flashes its terminal by itself; a tab behind is marked until it is shown.
    if (session == m_tabs->currentWidget())
        return;
    m_bellMarked.insert(session);
    m_bellBlinksLeft = kBellBlinks;
    if (!m_bellTimer->isActive()) {
        onBellTimer();
        m_bellTimer->start();
    }
}

void MainWindow::onBellTimer()
{
    // Blink a few times, then stay highlighted until the tab is shown.
    const bool on = m_bellBlinksLeft % 2 == 0; // kBellBlinks is even: starts and ends on
    if (m_bellBlinksLeft > 0)
        --m_bellBlinksLeft;
    else
        m_bellTimer->stop();
    const QColor highlight = palette().color(QPalette::Highlight);
    for (SessionWidget* session : std::as_const(m_bellMarked)) {
        const int index = m_tabs->indexOf(session);
        if (index >= 0)
            m_tabs->tabBar()->setTabTextColor(index, on ? highlight : QColor());
    }
}

void MainWindow::clearBellMark(SessionWidget* session)
{
    if (!session || !m_bellMarked.remove(session))
        return;
    const int index = m_tabs->indexOf(session);
    if (index >= 0)
        m_tabs->tabBar()->setTabTextColor(index, QColor());
    if (m_bellMarked.isEmpty())
        m_bellTimer->stop();
}

void MainWindow::onShowErrorDialogToggled(bool show)
{
    SessionWidget::setShowErrorDialogOnFailure(show);
    QSettings settings(settingsFile(), QSettings::IniFormat);
    settings.setValue(kShowErrorDialogKey, show);
}

void MainWindow::onConfirmCloseToggled(bool confirm)
{
    SessionWidget::setConfirmCloseLiveSession(confirm);
    QSettings settings(settingsFile(), QSettings::IniFormat);
    settings.setValue(kConfirmCloseKey, confirm);
}

void MainWindow::onCloseTabRequested(int index)
{
    auto* session = qobject_cast<SessionWidget*>(m_tabs->widget(index));
    if (!session)
        return;
    // The session widget decides whether a live session needs the user's confirmation.
    if (!session->confirmClose())
        return;
    clearBellMark(session);
    m_tabs->removeTab(index);
    session->deleteLater();
    updateActions();
}

SessionWidget* MainWindow::quickConnect(const QString& text, bool tls)
{
    const QuickConnect::Target target = QuickConnect::parse(text, tls);
    if (!target.ok) {
        showError(target.error);
        m_quickHost->setFocus();
        return nullptr;
    }
    m_messageBar->hide();
    return openSession(QuickConnect::toProfile(target));
}

SessionWidget* MainWindow::connectTo(const QString& target)
{
    const QString text = target.trimmed();
    const int schemeEnd = text.indexOf(QLatin1String("://"));
    if (schemeEnd > 0 && text.left(schemeEnd).compare(QLatin1String("tsunagi"), Qt::CaseInsensitive) == 0) {
        const SessionLinkResult result = SessionLinks::parse(text);
        if (!result.ok()) {
            showError(tr("The session link cannot be used: %1").arg(sessionLinkProblem(result.error)));
            return nullptr;
        }
        const SessionLink& link = result.link;
        if (link.isExpired()) {
            showError(tr("The session link has expired. Ask for a new link and open it again."));
            return nullptr;
        }
        QuickConnect::Target quick;
        quick.ok = true;
        quick.host = link.host;
        quick.port = link.port;
        quick.tls = link.tls;
        Profile profile = QuickConnect::toProfile(quick);
        if (link.hasProxy) {
            profile.security.proxy.enabled = true;
            profile.security.proxy.host = link.proxyHost;
            profile.security.proxy.port = link.proxyPort;
            profile.security.proxy.tokenFromSessionLink = true;
        }
        return openSession(profile, link.token, link.expires);
    }
    if (schemeEnd > 0)
        return quickConnect(text, true);

    ProfileError error;
    const auto profile = m_manager->findProfile(text, &error);
    if (!profile) {
        showError(error.message.isEmpty() ? tr("There is no session named \"%1\".").arg(text)
                                          : error.message);
        return nullptr;
    }
    selectProfile(profile->id);
    return openProfile(profile->id);
}

QString MainWindow::sessionLinkProblem(SessionLinkError error)
{
    switch (error) {
    case SessionLinkError::None:
        return QString();
    case SessionLinkError::NotALink:
        return tr("it is not a tsunagi://connect address.");
    case SessionLinkError::MissingHost:
        return tr("it does not name a host.");
    case SessionLinkError::BadPort:
        return tr("its port is not a number from 1 to 65535.");
    case SessionLinkError::BadTlsValue:
        return tr("its tls value must be 1, 0, true or false.");
    case SessionLinkError::BadProxy:
        return tr("its security proxy is not HOST:PORT.");
    case SessionLinkError::BadExpiry:
        return tr("its expiry time cannot be read.");
    }
    return QString();
}

void MainWindow::onQuickConnectTriggered()
{
    quickConnect(m_quickHost->text(), m_quickTls->isChecked());
}

// ---------------------------------------------------------------------------------------------
// Import / export

void MainWindow::onImportTriggered()
{
    auto* dialog = new QFileDialog(this, tr("Import Sessions"));
    dialog->setObjectName(QStringLiteral("importDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("Tsunagi export or PuTTY registry file (*.json *.reg)"),
                            tr("Tsunagi export (*.json)"), tr("PuTTY registry export (*.reg)"),
                            tr("All files (*)")});
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& file) { importFile(file); });
    dialog->open();
}

void MainWindow::onExportTriggered()
{
    auto* dialog = new QFileDialog(this, tr("Export Sessions"));
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("json"));
    dialog->setNameFilters({tr("Tsunagi export (*.json)")});
    dialog->selectFile(QStringLiteral("tsunagi-sessions.json"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& file) { exportSelection(file); });
    dialog->open();
}

bool MainWindow::importFile(const QString& fileName)
{
    QByteArray head;
    {
        QFile file(fileName);
        if (file.open(QIODevice::ReadOnly))
            head = file.read(4096);
    }
    const ImportedProfiles imported = PuttyImporter::looksLikeRegFile(head)
                                          ? PuttyImporter::readFile(fileName)
                                          : ProfileExchange::readFile(fileName);
    if (!imported.ok()) {
        showError(imported.error.message);
        return false;
    }
    const QString intoFolder = selectedFolder();
    const ProfileManager::ImportReport report =
        m_manager->importProfiles(imported.profiles, imported.folders, intoFolder);

    QStringList lines;
    lines << tr("Imported %n session(s) from %1.", nullptr, int(report.added.size()))
                 .arg(QFileInfo(fileName).fileName());
    if (!report.renamed.isEmpty())
        lines << tr("Renamed because the name was taken: %1").arg(report.renamed.join(QStringLiteral(", ")));
    for (const ImportedProfiles::Skipped& skipped : imported.skipped)
        lines << tr("Skipped \"%1\": %2").arg(skipped.name, skipped.reason);
    m_messageBar->showMessage(
        lines.join(QLatin1Char('\n')).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")),
        report.added.isEmpty() ? MessageBar::Type::Warning : MessageBar::Type::Positive);
    if (!report.added.isEmpty())
        selectProfile(report.added.first());
    return true;
}

bool MainWindow::exportSelection(const QString& fileName)
{
    QList<QUuid> profiles = selectedProfileIds();
    QStringList folders = selectedFolders();
    if (profiles.isEmpty() && folders.isEmpty()) {
        // Nothing selected: everything.
        for (const Profile& profile : m_manager->profiles())
            profiles.append(profile.id);
        folders = m_manager->folders();
    }
    const ProfileExchange::Selection selection = ProfileExchange::select(*m_manager, profiles, folders);
    const ProfileError error = ProfileExchange::exportToFile(fileName, selection);
    if (!error.ok()) {
        showError(error.message);
        return false;
    }
    m_messageBar->showMessage(tr("Exported %n session(s) to %1.", nullptr, int(selection.profiles.size()))
                                  .arg(QDir::toNativeSeparators(fileName))
                                  .toHtmlEscaped(),
                              MessageBar::Type::Positive);
    return true;
}

// ---------------------------------------------------------------------------------------------
// Messages, language, about

void MainWindow::showError(const QString& text)
{
    m_messageBar->showMessage(text.toHtmlEscaped(), MessageBar::Type::Error);
}

void MainWindow::showInfo(const QString& text)
{
    m_messageBar->showMessage(text.toHtmlEscaped(), MessageBar::Type::Information);
}

void MainWindow::showStoreError(const ProfileError& error)
{
    QString text = tr("The session list could not be read, so Tsunagi started without it. The file was not "
                      "changed.");
    text += QLatin1Char(' ') + error.message;
    if (!error.backupFile.isEmpty())
        text +=
            QLatin1Char(' ') + tr("A copy was kept as %1.").arg(QDir::toNativeSeparators(error.backupFile));
    m_storeBar->showMessage(text.toHtmlEscaped(), MessageBar::Type::Error);
    m_storeBar->setCloseButtonVisible(false);
    QPushButton* start = m_storeBar->addActionButton(tr("Start with an Empty List"), [this] {
        const ProfileError result = m_manager->startWithEmptyList();
        if (!result.ok()) {
            showStoreError(result);
            return;
        }
        showInfo(tr("Tsunagi now saves a new session list. The damaged file was moved aside, not deleted."));
    });
    start->setObjectName(QStringLiteral("startWithEmptyListButton"));
    start->setToolTip(tr("Keep the damaged file and save new sessions to a fresh list"));
    if (!error.detail.isEmpty() || error.line > 0) {
        QString details = tr("File: %1").arg(QDir::toNativeSeparators(error.file));
        if (error.line > 0)
            details +=
                QLatin1Char('\n') +
                tr("Line %1, column %2 (byte offset %3)").arg(error.line).arg(error.column).arg(error.offset);
        if (!error.jsonPath.isEmpty())
            details += QLatin1Char('\n') + tr("Field: %1").arg(error.jsonPath);
        if (!error.detail.isEmpty())
            details += QLatin1Char('\n') + error.detail;
        m_storeBar->addActionButton(
            tr("Details..."),
            [this, details] {
                MessageBox::Message message;
                message.kind = MessageBox::Kind::Warning;
                message.title = tr("Session List Problem");
                message.text = tr("The session list could not be read.");
                message.detailedText = details;
                message.buttons = QMessageBox::Ok;
                MessageBox::show(this, message);
            },
            false);
    }
}

void MainWindow::onLanguageTriggered(QAction* action)
{
    const QString language = action->data().toString();
    Translations::instance().setLanguage(language);
    QSettings settings(settingsFile(), QSettings::IniFormat);
    settings.setValue(QStringLiteral("ui/language"), language);
}

void MainWindow::about()
{
    MessageBox::information(this, tr("About Tsunagi"),
                            tr("Tsunagi %1\n\nA terminal connection manager: saved sessions, Telnet and "
                               "raw TCP over SSL/TLS, "
                               "and error messages that explain what went wrong and how to fix it.")
                                .arg(QStringLiteral(TSUNAGI_VERSION)));
}

QModelIndex MainWindow::firstVisibleProfile(const QModelIndex& parent) const
{
    for (int row = 0; row < m_proxy->rowCount(parent); ++row) {
        const QModelIndex index = m_proxy->index(row, 0, parent);
        if (kindOf(index) == ProfileTreeModel::Kind::Profile)
            return index;
        const QModelIndex inside = firstVisibleProfile(index);
        if (inside.isValid())
            return inside;
    }
    return QModelIndex();
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Down) {
        const QModelIndex first = firstVisibleProfile();
        const QModelIndex target = first.isValid() ? first : m_proxy->index(0, 0);
        if (target.isValid())
            m_tree->selectionModel()->setCurrentIndex(target, QItemSelectionModel::ClearAndSelect |
                                                                  QItemSelectionModel::Rows);
        m_tree->setFocus();
        return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

QList<std::pair<MainWindow::Action, QStyle::StandardPixmap>> MainWindow::actionIcons()
{
    return {{Action::NewSession, QStyle::SP_FileIcon},
            {Action::NewFolder, QStyle::SP_FileDialogNewFolder},
            {Action::EditSession, QStyle::SP_FileDialogDetailedView},
            {Action::Delete, QStyle::SP_TrashIcon},
            {Action::OpenSession, QStyle::SP_MediaPlay}};
}

void MainWindow::paintEvent(QPaintEvent* event)
{
    QMainWindow::paintEvent(event);
    if (!m_firstFramePainted) {
        m_firstFramePainted = true;
        // The frame this paint belongs to is on screen when control is back in the event loop.
        QTimer::singleShot(0, this, &MainWindow::afterFirstFrame);
    }
}

void MainWindow::afterFirstFrame()
{
    // What the first frame does not show, or shows as Qt's own pictures (Icons::quickStandardIcon):
    // the style's icons go through the desktop's icon theme, whose first lookup alone takes
    // several milliseconds. Where the theme has none, the pictures stay the same.
    for (const auto& [which, icon] : actionIcons())
        action(which)->setIcon(style()->standardIcon(icon));
    if (auto* delegate = qobject_cast<SessionTreeDelegate*>(m_tree->itemDelegate()))
        delegate->setStyleIcons(true);
    m_tree->viewport()->update();
    m_filter->setClearButtonEnabled(true); // the button shows only over typed text
    m_startupDone = true;
    emit startupFinished();
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QList<SessionWidget*> live;
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto* session = qobject_cast<SessionWidget*>(m_tabs->widget(i));
        if (session && session->isConnected())
            live.append(session);
    }
    bool close = true;
    if (live.size() == 1) {
        close = live.first()->confirmClose(); // the tab's own rule and question
    } else if (live.size() > 1 && SessionWidget::confirmCloseLiveSession()) {
        // One question for all of them, not one per tab.
        close = MessageBox::question(this, tr("Quit Tsunagi"),
                                     tr("%n session(s) are still connected. Disconnect them and quit?",
                                        nullptr, int(live.size())),
                                     QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
    }
    if (!close) {
        m_tabs->setCurrentWidget(live.first());
        event->ignore();
        return;
    }
    saveSettings();
    event->accept();
}

// ---------------------------------------------------------------------------------------------
// Settings

QString MainWindow::settingsFile()
{
    return QDir(AppPaths::configDir()).filePath(QStringLiteral("tsunagi.conf"));
}

QStringList MainWindow::expandedFolders() const
{
    QStringList folders;
    std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
        for (int row = 0; row < m_proxy->rowCount(parent); ++row) {
            const QModelIndex index = m_proxy->index(row, 0, parent);
            if (kindOf(index) != ProfileTreeModel::Kind::Folder)
                continue;
            if (m_tree->isExpanded(index)) {
                folders.append(index.data(ProfileTreeModel::FolderRole).toString());
                walk(index);
            }
        }
    };
    walk(QModelIndex());
    return folders;
}

void MainWindow::expandFolders(const QStringList& folders)
{
    for (const QString& folder : folders) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->indexForFolder(folder));
        if (index.isValid())
            m_tree->expand(index);
    }
}

void MainWindow::saveSettings() const
{
    QSettings settings(settingsFile(), QSettings::IniFormat);
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    settings.setValue(QStringLiteral("mainWindow/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("sessionTree/expandedFolders"),
                      m_filtering ? m_expandedBeforeFilter : expandedFolders());
    QString selection;
    const QModelIndex current = m_tree->currentIndex();
    if (current.isValid()) {
        selection = kindOf(current) == ProfileTreeModel::Kind::Profile
                        ? profileKey(current.data(ProfileTreeModel::IdRole).toUuid())
                        : folderKey(current.data(ProfileTreeModel::FolderRole).toString());
    }
    settings.setValue(QStringLiteral("sessionTree/selection"), selection);
    settings.setValue(QStringLiteral("quickConnect/tls"), m_quickTls->isChecked());
    settings.sync();
}

void MainWindow::restoreSettings()
{
    QSettings settings(settingsFile(), QSettings::IniFormat);
    const QByteArray geometry = settings.value(QStringLiteral("mainWindow/geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1000, 640);
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("mainWindow/splitter")).toByteArray());
    expandFolders(settings.value(QStringLiteral("sessionTree/expandedFolders")).toStringList());
    const QString selection = settings.value(QStringLiteral("sessionTree/selection")).toString();
    if (selection.startsWith(QLatin1String("profile:")))
        selectProfile(QUuid::fromString(selection.mid(8)));
    else if (selection.startsWith(QLatin1String("folder:")))
        selectFolder(selection.mid(7));
    {
        const QSignalBlocker blocker(m_quickTls); // restoring is not the user turning TLS off
        m_quickTls->setChecked(settings.value(QStringLiteral("quickConnect/tls"), true).toBool());
    }
    updateActions();
}
