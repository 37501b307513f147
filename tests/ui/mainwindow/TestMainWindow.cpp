#include "core/Translations.h"
#include "profiles/ProfileFilterProxyModel.h"
#include "profiles/ProfileManager.h"
#include "profiles/ProfileTreeModel.h"
#include "session/Session.h"
#include "ui/diagnosis/ErrorDialog.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/mainwindow/ProfileEditorDialog.h"
#include "ui/mainwindow/SessionTreeDelegate.h"
#include "ui/security/CertificateViewerDialog.h"
#include "ui/security/SecurityPropertiesDialog.h"
#include "ui/session/SessionWidget.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/MessageBar.h"
#include "ui/widgets/MessageBox.h"

#include "LoopbackPeers.h"
#include "TestEnvironment.h"
#include "TestPki.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

#include <map>

class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void createProfileThroughEditor();
    void doubleClickOpensTabThatConnects();
    void deleteAsksAndUndoRestores();
    void filterMatchesNamesFoldersHosts();
    void languageSwitchRetranslatesMenus();
    void settingsRestoredAfterRestart();
    void quickConnectOpensOrExplains();
    void connectArgumentFindsProfiles();
    void damagedStoreOffersEmptyList();
    void renameDuplicateAndNewFolder();
    void securityPropertiesCommitOnOk();
    void closingALiveTabAsks();
    void importAndExport();
    void dragAndDropMoves();
    void bellMarksABackgroundTabUntilShown();
    void statusBarFollowsTheCurrentTab();
    void confirmCloseSettingBothWays();
    void errorDialogEditsHostOrPort();
    void revealFolderExpandsIt();
    void quickIconsAreTheStylesPictures();
    void firstFrameThenTheStylesIcons();

private:
    Profile addProfile(const QString& name, const QString& folder, const QString& host, quint16 port = 23,
                       bool tls = false);
    QModelIndex proxyIndexFor(const QUuid& id) const;
    QStringList visibleNames() const;

    QString m_dir;
    std::unique_ptr<ProfileManager> m_manager;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::init()
{
    MessageBox::resetForTests();
    // A box nobody preset must never hang the test: it answers with its safe default.
    MessageBox::setAutoAnswerDefault(true);
    Translations::instance().setLanguage(QStringLiteral("en"));
    m_dir = TestEnvironment::freshDir(QString::fromLatin1(QTest::currentTestFunction()));
    qputenv("TSUNAGI_CONFIG_DIR", m_dir.toUtf8());
    m_manager = std::make_unique<ProfileManager>(QDir(m_dir).filePath(QStringLiteral("profiles.json")));
    QVERIFY(m_manager->load().ok());
    m_window = std::make_unique<MainWindow>(m_manager.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_manager.reset();
    MessageBox::resetForTests();
}

Profile TestMainWindow::addProfile(const QString& name, const QString& folder, const QString& host,
                                   quint16 port, bool tls)
{
    Profile profile;
    profile.name = name;
    profile.folder = folder;
    profile.host = host;
    profile.port = port;
    profile.security.tlsEnabled = tls;
    const ProfileError error = m_manager->addProfile(profile);
    if (!error.ok())
        qWarning() << error.message;
    return profile;
}

QModelIndex TestMainWindow::proxyIndexFor(const QUuid& id) const
{
    return m_window->filterModel()->mapFromSource(m_window->treeModel()->indexForProfile(id));
}

QStringList TestMainWindow::visibleNames() const
{
    QStringList names;
    QAbstractItemModel* model = m_window->filterModel();
    std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, 0, parent);
            names.append(index.data(ProfileTreeModel::PathRole).toString());
            walk(index);
        }
    };
    walk(QModelIndex());
    return names;
}

void TestMainWindow::createProfileThroughEditor()
{
    m_manager->addFolder(QStringLiteral("Production"));
    m_window->selectFolder(QStringLiteral("Production"));

    m_window->action(MainWindow::Action::NewSession)->trigger();
    auto* dialog = m_window->findChild<ProfileEditorDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(!dialog->isOkEnabled());
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("name")), QStringLiteral("Web server"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("host")), QStringLiteral("web.example"));
    QVERIFY(dialog->isOkEnabled());
    QCOMPARE(dialog->profile().folder, QStringLiteral("Production")); // the selected folder
    dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();

    QCOMPARE(m_manager->profiles().size(), 1);
    const Profile created = m_manager->profiles().first();
    QCOMPARE(created.name, QStringLiteral("Web server"));
    QCOMPARE(created.host, QStringLiteral("web.example"));
    QCOMPARE(created.port, quint16(992));
    QVERIFY(created.security.tlsEnabled);

    const QModelIndex index = proxyIndexFor(created.id);
    QVERIFY(index.isValid());
    QCOMPARE(index.data().toString(), QStringLiteral("Web server"));
    QCOMPARE(SessionTreeDelegate::toolTip(index), QStringLiteral("web.example:992 · Telnet · SSL/TLS"));
    QCOMPARE(index.parent().data(ProfileTreeModel::FolderRole).toString(), QStringLiteral("Production"));
    QCOMPARE(m_window->selectedProfileId(), created.id); // the new profile is selected
    QVERIFY(m_window->sessionTree()->isExpanded(index.parent()));
}

void TestMainWindow::doubleClickOpensTabThatConnects()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const Profile profile = addProfile(QStringLiteral("Loopback"), QString(), QStringLiteral("127.0.0.1"),
                                       server.serverPort(), false);

    QTreeView* tree = m_window->sessionTree();
    const QModelIndex index = proxyIndexFor(profile.id);
    QVERIFY(index.isValid());
    tree->scrollTo(index);
    const QPoint center = tree->visualRect(index).center();
    // A double-click is press, release, press, double-click, release.
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, center);
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, center);

    QTabWidget* tabs = m_window->sessionTabs();
    QCOMPARE(tabs->count(), 1);
    auto* session = qobject_cast<SessionWidget*>(tabs->widget(0));
    QVERIFY(session);
    QCOMPARE(tabs->tabText(0), QStringLiteral("Loopback"));

    QVERIFY(server.waitForNewConnection(10000) || server.hasPendingConnections() || session->isConnected());
    QTRY_VERIFY_WITH_TIMEOUT(session->isConnected(), 10000);
    QTRY_VERIFY(!tabs->tabIcon(0).isNull()); // the tab shows the connected state
    QTcpSocket* peer = server.nextPendingConnection();
    QVERIFY(peer);
    QCOMPARE(peer->peerAddress(), QHostAddress(QHostAddress::LocalHost));

    // The same profile again: a second tab. Enter works like a double-click.
    tree->setFocus();
    tree->setCurrentIndex(index);
    QTest::keyClick(tree, Qt::Key_Return);
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->currentIndex(), 1);
    auto* second = qobject_cast<SessionWidget*>(tabs->widget(1));
    QVERIFY(second && second != session);
    QTRY_VERIFY_WITH_TIMEOUT(second->isConnected(), 10000);
}

void TestMainWindow::deleteAsksAndUndoRestores()
{
    const Profile keep = addProfile(QStringLiteral("keep"), QString(), QStringLiteral("k.example"));
    const Profile gone = addProfile(QStringLiteral("gone"), QStringLiteral("Lab/Rack"),
                                    QStringLiteral("g.example"), 2323, true);
    QAction* remove = m_window->action(MainWindow::Action::Delete);
    QAction* undo = m_window->action(MainWindow::Action::Undo);
    QVERIFY(!undo->isEnabled());

    // "No" deletes nothing.
    m_window->selectProfile(gone.id);
    QVERIFY(remove->isEnabled());
    MessageBox::setNextAnswer(QMessageBox::No);
    remove->trigger();
    QCOMPARE(MessageBox::pendingAnswers(), 0);
    QVERIFY(MessageBox::lastMessage().text.contains(QStringLiteral("gone")));
    QCOMPARE(m_manager->profiles().size(), 2);

    // "Yes" deletes; the Delete key on the tree is the same action.
    MessageBox::setNextAnswer(QMessageBox::Yes);
    m_window->sessionTree()->setFocus();
    QTest::keyClick(m_window->sessionTree(), Qt::Key_Delete);
    QCOMPARE(MessageBox::pendingAnswers(), 0);
    QVERIFY(!m_manager->profile(gone.id));
    QVERIFY(!proxyIndexFor(gone.id).isValid());
    QVERIFY(undo->isEnabled());
    QVERIFY(undo->text().contains(QStringLiteral("gone")));

    // Ctrl+Z brings it back with the same id, folder and settings.
    QTest::keySequence(m_window.get(), QKeySequence::Undo);
    const auto restored = m_manager->profile(gone.id);
    QVERIFY(restored);
    QCOMPARE(restored->folder, QStringLiteral("Lab/Rack"));
    QCOMPARE(restored->port, quint16(2323));
    QVERIFY(restored->security.tlsEnabled);
    QVERIFY(proxyIndexFor(gone.id).isValid());

    // A folder: deleted with everything in it, undone as a whole.
    m_window->selectFolder(QStringLiteral("Lab"));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    remove->trigger();
    QVERIFY(!m_manager->hasFolder(QStringLiteral("Lab")));
    QVERIFY(!m_manager->profile(gone.id));
    QVERIFY(m_manager->profile(keep.id));
    undo->trigger();
    QVERIFY(m_manager->hasFolder(QStringLiteral("Lab/Rack")));
    QVERIFY(m_manager->profile(gone.id));
    // Redo deletes again.
    m_window->action(MainWindow::Action::Redo)->trigger();
    QVERIFY(!m_manager->profile(gone.id));

    // The undo survives on disk too: a fresh manager reads what the window left.
    undo->trigger();
    ProfileManager reread(m_manager->storeFile());
    QVERIFY(reread.load().ok());
    QVERIFY(reread.profile(gone.id));
}

void TestMainWindow::filterMatchesNamesFoldersHosts()
{
    addProfile(QStringLiteral("alpha"), QStringLiteral("Production/Osaka"),
               QStringLiteral("db1.osaka.example"));
    addProfile(QStringLiteral("beta"), QStringLiteral("Production/Tokyo"),
               QStringLiteral("web.tokyo.example"));
    addProfile(QStringLiteral("gamma"), QStringLiteral("Lab"), QStringLiteral("10.1.2.3"));
    QLineEdit* filter = m_window->filterEdit();

    QTest::keyClicks(filter, QStringLiteral("ALPH")); // names, case-insensitive
    QCOMPARE(visibleNames(), (QStringList{QStringLiteral("Production"), QStringLiteral("Production/Osaka"),
                                          QStringLiteral("Production/Osaka/alpha")}));
    // Matches are shown expanded.
    QVERIFY(m_window->sessionTree()->isExpanded(m_window->filterModel()->mapFromSource(
        m_window->treeModel()->indexForFolder(QStringLiteral("Production/Osaka")))));

    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("10.1.2")); // host names
    QCOMPARE(visibleNames(), (QStringList{QStringLiteral("Lab"), QStringLiteral("Lab/gamma")}));

    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("tokyo")); // folder names (and a host)
    QVERIFY(visibleNames().contains(QStringLiteral("Production/Tokyo/beta")));
    QVERIFY(!visibleNames().contains(QStringLiteral("Production/Osaka/alpha")));
    QVERIFY(!visibleNames().contains(QStringLiteral("Lab")));

    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("nothing-matches"));
    QVERIFY(visibleNames().isEmpty());

    filter->clear();
    QCOMPARE(visibleNames().size(), 7); // 4 folders + 3 profiles

    // Keyboard: Down moves into the tree at the first match; Enter opens the first match.
    QTest::keyClicks(filter, QStringLiteral("gam"));
    QTest::keyClick(filter, Qt::Key_Down);
    QCOMPARE(m_window->sessionTree()->currentIndex().data().toString(), QStringLiteral("gamma"));
    QCOMPARE(m_window->selectedProfileId(), m_manager->findProfile(QStringLiteral("Lab/gamma"))->id);
    filter->setFocus();
    QTest::keyClick(filter, Qt::Key_Return);
    QCOMPARE(m_window->sessionTabs()->count(), 1);
    QCOMPARE(m_window->sessionTabs()->tabText(0), QStringLiteral("gamma"));
}

void TestMainWindow::languageSwitchRetranslatesMenus()
{
    QMenu* file = m_window->findChild<QMenu*>(QStringLiteral("menuFile"));
    QVERIFY(file);
    QCOMPARE(file->title(), QStringLiteral("&File"));
    QCOMPARE(m_window->action(MainWindow::Action::NewSession)->text(), QStringLiteral("&New Session..."));
    QCOMPARE(m_window->languageMenu()->title(), QStringLiteral("&Language"));

    QAction* japanese = m_window->findChild<QAction*>(QStringLiteral("actionLanguage_ja"));
    QVERIFY(japanese);
    QCOMPARE(japanese->text(), QStringLiteral("日本語"));
    japanese->trigger();
    QCOMPARE(Translations::instance().language(), QStringLiteral("ja"));
    // Installing a translator posts LanguageChange to every window: the menus follow.
    QTRY_COMPARE(file->title(), QStringLiteral("ファイル(&F)"));
    QCOMPARE(m_window->action(MainWindow::Action::NewSession)->text(),
             QStringLiteral("新しいセッション(&N)..."));
    QCOMPARE(m_window->languageMenu()->title(), QStringLiteral("言語(&L)"));
    QCOMPARE(m_window->quickConnectEdit()->placeholderText(),
             QStringLiteral("ホスト名[:ポート] または telnets://ホスト名:ポート"));
    QCOMPARE(m_window->action(MainWindow::Action::Delete)->text(), QStringLiteral("削除(&D)"));
    QVERIFY(japanese->isChecked());
    // The choice is remembered for the next start.
    QCOMPARE(QSettings(MainWindow::settingsFile(), QSettings::IniFormat).value("ui/language").toString(),
             QStringLiteral("ja"));

    // An open dialog re-translates too.
    ProfileEditorDialog* editor = m_window->newSession();
    QTRY_VERIFY(editor->isVisible());
    QCOMPARE(editor->windowTitle(), QStringLiteral("新しいセッション"));

    m_window->findChild<QAction*>(QStringLiteral("actionLanguage_en"))->trigger();
    QTRY_COMPARE(file->title(), QStringLiteral("&File"));
    QTRY_COMPARE(editor->windowTitle(), QStringLiteral("New Session"));
    editor->reject();
    QCOMPARE(m_window->action(MainWindow::Action::NewSession)->text(), QStringLiteral("&New Session..."));
}

void TestMainWindow::settingsRestoredAfterRestart()
{
    const Profile inner =
        addProfile(QStringLiteral("inner"), QStringLiteral("A/B"), QStringLiteral("i.example"));
    addProfile(QStringLiteral("other"), QStringLiteral("C"), QStringLiteral("o.example"));

    m_window->resize(900, 600);
    auto* splitter = m_window->findChild<QSplitter*>(QStringLiteral("mainSplitter"));
    QVERIFY(splitter);
    splitter->setSizes({300, 600});
    const QList<int> sizes = splitter->sizes();
    m_window->sessionTree()->collapseAll();
    m_window->selectProfile(inner.id); // expands A and A/B to show it
    QVERIFY(m_window->sessionTree()->isExpanded(m_window->filterModel()->mapFromSource(
        m_window->treeModel()->indexForFolder(QStringLiteral("A/B")))));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    m_window->quickConnectTls()->setChecked(false);
    const QSize size = m_window->size();
    QVERIFY(m_window->close()); // closing saves
    m_window.reset();

    MainWindow restarted(m_manager.get());
    restarted.restoreSettings();
    restarted.show();
    QVERIFY(QTest::qWaitForWindowExposed(&restarted));
    QCOMPARE(restarted.size(), size);
    QCOMPARE(restarted.findChild<QSplitter*>(QStringLiteral("mainSplitter"))->sizes(), sizes);
    QCOMPARE(restarted.selectedProfileId(), inner.id);
    auto isExpanded = [&restarted](const QString& folder) {
        return restarted.sessionTree()->isExpanded(
            restarted.filterModel()->mapFromSource(restarted.treeModel()->indexForFolder(folder)));
    };
    QVERIFY(isExpanded(QStringLiteral("A")));
    QVERIFY(isExpanded(QStringLiteral("A/B")));
    QVERIFY(!isExpanded(QStringLiteral("C")));
    QVERIFY(!restarted.quickConnectTls()->isChecked());
}

void TestMainWindow::quickConnectOpensOrExplains()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QLineEdit* host = m_window->quickConnectEdit();

    // Bad input: explained next to the field, no tab.
    QTest::keyClicks(host, QStringLiteral("127.0.0.1:99999"));
    QTest::keyClick(host, Qt::Key_Return);
    QCOMPARE(m_window->sessionTabs()->count(), 0);
    QVERIFY(m_window->messageBar()->isVisible());
    QVERIFY(m_window->messageBar()->text().contains(QStringLiteral("65535")));

    // A telnet:// URL overrides the (checked) TLS box and reaches the loopback server.
    QVERIFY(m_window->quickConnectTls()->isChecked());
    host->clear();
    QTest::keyClicks(host, QStringLiteral("telnet://127.0.0.1:%1").arg(server.serverPort()));
    QTest::keyClick(host, Qt::Key_Return);
    QCOMPARE(m_window->sessionTabs()->count(), 1);
    auto* session = qobject_cast<SessionWidget*>(m_window->sessionTabs()->widget(0));
    QVERIFY(session);
    QTRY_VERIFY_WITH_TIMEOUT(session->isConnected(), 10000);
    QVERIFY(!m_window->messageBar()->isVisible());
    QCOMPARE(m_manager->profiles().size(), 0); // Quick Connect saves nothing

    // host:port with the box off.
    MessageBox::setNextAnswer(QMessageBox::Yes);
    m_window->quickConnectTls()->setChecked(false);
    QVERIFY(!m_window->quickConnectTls()->isChecked());
    SessionWidget* plain = m_window->quickConnect(QStringLiteral("127.0.0.1:%1").arg(server.serverPort()),
                                                  m_window->quickConnectTls()->isChecked());
    QVERIFY(plain);
    QTRY_VERIFY_WITH_TIMEOUT(plain->isConnected(), 10000);
}

void TestMainWindow::connectArgumentFindsProfiles()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const Profile profile = addProfile(QStringLiteral("Box"), QStringLiteral("Lab"),
                                       QStringLiteral("127.0.0.1"), server.serverPort(), false);

    SessionWidget* byPath = m_window->connectTo(QStringLiteral("Lab/Box"));
    QVERIFY(byPath);
    QTRY_VERIFY_WITH_TIMEOUT(byPath->isConnected(), 10000);
    QVERIFY(m_window->connectTo(profile.id.toString()));
    QVERIFY(m_window->connectTo(QStringLiteral("Box")));
    QCOMPARE(m_window->sessionTabs()->count(), 3);

    QVERIFY(!m_window->connectTo(QStringLiteral("No such profile")));
    QVERIFY(m_window->messageBar()->isVisible());
    QCOMPARE(m_window->sessionTabs()->count(), 3);

    SessionWidget* byUrl =
        m_window->connectTo(QStringLiteral("telnet://127.0.0.1:%1").arg(server.serverPort()));
    QVERIFY(byUrl);
    QTRY_VERIFY_WITH_TIMEOUT(byUrl->isConnected(), 10000);

    SessionWidget* byLink = m_window->connectTo(
        QStringLiteral("tsunagi://connect?host=127.0.0.1&port=%1&tls=0").arg(server.serverPort()));
    QVERIFY(byLink);
    QTRY_VERIFY_WITH_TIMEOUT(byLink->isConnected(), 10000);

    QVERIFY(!m_window->connectTo(QStringLiteral("tsunagi://connect?port=23")));
    QVERIFY(m_window->messageBar()->text().contains(QStringLiteral("host")));
}

void TestMainWindow::damagedStoreOffersEmptyList()
{
    const QString file = QDir(m_dir).filePath(QStringLiteral("damaged.json"));
    const QByteArray damaged = "{ \"schemaVersion\": 2, \"profiles\": [ {\"name\": \"x\" ";
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(damaged);
    }
    ProfileManager manager(file);
    const ProfileError error = manager.load();
    QVERIFY(!error.ok());
    MainWindow window(&manager);
    window.show();
    window.showStoreError(error);

    auto* bar = window.findChild<MessageBar*>(QStringLiteral("storeMessageBar"));
    QVERIFY(bar && bar->isVisible());
    QVERIFY2(bar->text().contains(QStringLiteral("damaged.json")), qPrintable(bar->text()));
    auto* start = bar->findChild<QPushButton*>(QStringLiteral("startWithEmptyListButton"));
    QVERIFY(start);

    // Until the user chooses, the damaged file stays as it is.
    QFile check(file);
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), damaged);
    check.close();

    start->click();
    QVERIFY(!bar->isVisible());
    QVERIFY(!manager.isStoreDamaged());
    // The damaged bytes were moved aside, never deleted.
    bool kept = false;
    for (const QFileInfo& info : QDir(m_dir).entryInfoList(QDir::Files)) {
        QFile copy(info.filePath());
        if (info.fileName() != QLatin1String("damaged.json") && copy.open(QIODevice::ReadOnly) &&
            copy.readAll() == damaged)
            kept = true;
    }
    QVERIFY(kept);
}

void TestMainWindow::renameDuplicateAndNewFolder()
{
    const Profile web = addProfile(QStringLiteral("web"), QStringLiteral("Lab"), QStringLiteral("w.example"));
    QTreeView* tree = m_window->sessionTree();
    m_window->selectProfile(web.id);
    tree->setFocus();

    // F2 edits the name in place; Enter commits it to the store.
    QTest::keyClick(tree, Qt::Key_F2);
    auto* editor = tree->findChild<QLineEdit*>();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("web-renamed"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(m_manager->profile(web.id)->name, QStringLiteral("web-renamed"));

    // Ctrl+D duplicates into the same folder and selects the copy.
    m_window->selectProfile(web.id);
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(m_manager->profiles().size(), 2);
    const QUuid copy = m_window->selectedProfileId();
    QVERIFY(!copy.isNull() && copy != web.id);
    QCOMPARE(m_manager->profile(copy)->folder, QStringLiteral("Lab"));
    QCOMPARE(m_manager->profile(copy)->host, QStringLiteral("w.example"));

    // New Folder asks for a name (non-blocking dialog) and creates it inside the selected folder.
    m_window->selectFolder(QStringLiteral("Lab"));
    m_window->action(MainWindow::Action::NewFolder)->trigger();
    auto* dialog = m_window->findChild<QInputDialog*>(QStringLiteral("newFolderDialog"));
    QVERIFY(dialog);
    dialog->setTextValue(QStringLiteral("Rack 2"));
    dialog->accept();
    QVERIFY(m_manager->hasFolder(QStringLiteral("Lab/Rack 2")));
    QCOMPARE(m_window->selectedFolder(), QStringLiteral("Lab/Rack 2"));
}

void TestMainWindow::securityPropertiesCommitOnOk()
{
    const Profile profile =
        addProfile(QStringLiteral("secure"), QString(), QStringLiteral("s.example"), 992, true);
    m_window->selectProfile(profile.id);
    QAction* action = m_window->action(MainWindow::Action::SecurityProperties);
    QVERIFY(action->isEnabled());

    // Cancel changes nothing.
    action->trigger();
    auto* dialog = m_window->findChild<SecurityPropertiesDialog*>();
    QVERIFY(dialog);
    auto* minimum = dialog->findChild<QComboBox*>(QStringLiteral("minimumVersion"));
    QVERIFY(minimum);
    const int tls13 = minimum->findData(int(TlsVersion::Tls1_3)) >= 0
                          ? minimum->findData(int(TlsVersion::Tls1_3))
                          : minimum->count() - 1;
    minimum->setCurrentIndex(tls13);
    dialog->reject();
    QCOMPARE(m_manager->profile(profile.id)->security, profile.security);
    QTRY_VERIFY(!m_window->findChild<SecurityPropertiesDialog*>());

    // OK commits the edited copy to the store.
    action->trigger();
    dialog = m_window->findChild<SecurityPropertiesDialog*>();
    QVERIFY(dialog);
    minimum = dialog->findChild<QComboBox*>(QStringLiteral("minimumVersion"));
    minimum->setCurrentIndex(tls13);
    const SecuritySettings edited = dialog->settings();
    QVERIFY(edited != profile.security);
    dialog->accept();
    QCOMPARE(m_manager->profile(profile.id)->security, edited);
}

void TestMainWindow::closingALiveTabAsks()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    SessionWidget* session =
        m_window->quickConnect(QStringLiteral("telnet://127.0.0.1:%1").arg(server.serverPort()), true);
    QVERIFY(session);
    QTRY_VERIFY_WITH_TIMEOUT(session->isConnected(), 10000);
    QTabWidget* tabs = m_window->sessionTabs();

    MessageBox::setNextAnswer(QMessageBox::No);
    m_window->action(MainWindow::Action::CloseTab)->trigger();
    QCOMPARE(MessageBox::pendingAnswers(), 0);
    QCOMPARE(tabs->count(), 1);

    MessageBox::setNextAnswer(QMessageBox::Yes);
    emit tabs->tabCloseRequested(0);
    QCOMPARE(MessageBox::pendingAnswers(), 0);
    QCOMPARE(tabs->count(), 0);

    // Quitting with two live sessions asks once for both.
    SessionWidget* first =
        m_window->quickConnect(QStringLiteral("telnet://127.0.0.1:%1").arg(server.serverPort()), true);
    SessionWidget* second =
        m_window->quickConnect(QStringLiteral("telnet://127.0.0.1:%1").arg(server.serverPort()), true);
    QTRY_VERIFY_WITH_TIMEOUT(first->isConnected() && second->isConnected(), 10000);
    const int asked = MessageBox::messageCount();
    MessageBox::setNextAnswer(QMessageBox::No);
    QVERIFY(!m_window->close());
    QCOMPARE(MessageBox::messageCount(), asked + 1);
    QVERIFY(MessageBox::lastMessage().text.contains(QStringLiteral("2 sessions")));
    QCOMPARE(tabs->count(), 2);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QVERIFY(m_window->close());
    QCOMPARE(MessageBox::messageCount(), asked + 2);
}

void TestMainWindow::importAndExport()
{
    // PuTTY: telnet and raw sessions come in, the others are listed as skipped.
    QVERIFY(m_window->importFile(TestEnvironment::sourcePath(QStringLiteral("fixtures/putty/sessions.reg"))));
    const MessageBar* bar = m_window->messageBar();
    QVERIFY(bar->isVisible());
    QVERIFY2(bar->text().contains(QStringLiteral("Build Server")), qPrintable(bar->text())); // ssh: skipped
    const auto telnet = m_manager->findProfile(QStringLiteral("My Telnet Host"));
    QVERIFY(telnet);
    QCOMPARE(telnet->host, QStringLiteral("telnet.example.test"));
    QVERIFY(!m_manager->findProfile(QStringLiteral("Build Server")));
    QCOMPARE(m_window->selectedProfileId().isNull(), false); // the first import is selected
    const int imported = int(m_manager->profiles().size());
    QVERIFY(imported >= 2);

    // Export the selection (one profile), import it back: a renamed copy, nothing overwritten.
    m_window->selectProfile(telnet->id);
    const QString exportFile = QDir(m_dir).filePath(QStringLiteral("export.json"));
    QVERIFY(m_window->exportSelection(exportFile));
    QVERIFY(QFileInfo::exists(exportFile));
    m_window->sessionTree()->clearSelection();
    QVERIFY(m_window->importFile(exportFile));
    QCOMPARE(int(m_manager->profiles().size()), imported + 1);
    QCOMPARE(m_manager->profile(telnet->id)->name, QStringLiteral("My Telnet Host"));

    // A file that is neither: explained, nothing added.
    const QString junk = QDir(m_dir).filePath(QStringLiteral("junk.json"));
    QFile out(junk);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write("not json at all");
    out.close();
    QVERIFY(!m_window->importFile(junk));
    QVERIFY(bar->isVisible());
    QCOMPARE(int(m_manager->profiles().size()), imported + 1);
}

void TestMainWindow::dragAndDropMoves()
{
    const Profile profile =
        addProfile(QStringLiteral("mover"), QStringLiteral("From"), QStringLiteral("m.example"));
    m_manager->addFolder(QStringLiteral("To"));
    QTreeView* tree = m_window->sessionTree();
    QVERIFY(tree->dragEnabled());
    QVERIFY(tree->acceptDrops());
    QCOMPARE(tree->defaultDropAction(), Qt::MoveAction);

    // What the view does on a drop: the dragged rows' MIME data dropped on the target folder.
    QAbstractItemModel* model = tree->model();
    const QModelIndex source = proxyIndexFor(profile.id);
    const QModelIndex target =
        m_window->filterModel()->mapFromSource(m_window->treeModel()->indexForFolder(QStringLiteral("To")));
    std::unique_ptr<QMimeData> data(model->mimeData({source}));
    QVERIFY(data);
    QVERIFY(model->canDropMimeData(data.get(), Qt::MoveAction, -1, -1, target));
    QVERIFY(model->dropMimeData(data.get(), Qt::MoveAction, -1, -1, target));
    QCOMPARE(m_manager->profile(profile.id)->folder, QStringLiteral("To"));
    QCOMPARE(proxyIndexFor(profile.id).parent(), target);
}

QTEST_MAIN(TestMainWindow)
void TestMainWindow::bellMarksABackgroundTabUntilShown()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const QString address = QStringLiteral("telnet://127.0.0.1:%1").arg(server.serverPort());
    SessionWidget* first = m_window->quickConnect(address, true);
    QVERIFY(first);
    QTRY_VERIFY_WITH_TIMEOUT(first->isConnected() && server.hasPendingConnections(), 10000);
    QTcpSocket* firstPeer = server.nextPendingConnection();
    SessionWidget* second = m_window->quickConnect(address, true);
    QVERIFY(second);
    QTRY_VERIFY_WITH_TIMEOUT(second->isConnected() && server.hasPendingConnections(), 10000);
    QTcpSocket* secondPeer = server.nextPendingConnection();
    QTabWidget* tabs = m_window->sessionTabs();
    QCOMPARE(tabs->currentWidget(), second);

    // The host behind the first (background) tab rings: the tab is marked and highlighted.
    QSignalSpy firstBell(first, &SessionWidget::bell);
    firstPeer->write("\a");
    QVERIFY(firstBell.wait(10000));
    QVERIFY(m_window->isBellMarked(first));
    const QColor highlight = m_window->palette().color(QPalette::Highlight);
    // It blinks, then stays highlighted.
    QTRY_COMPARE(tabs->tabBar()->tabTextColor(0), highlight);
    QTRY_VERIFY(tabs->tabBar()->tabTextColor(0) != highlight);
    QTRY_COMPARE(tabs->tabBar()->tabTextColor(0), highlight);
    QVERIFY(m_window->isBellMarked(first));

    // The tab in front only flashes its terminal: no mark.
    QSignalSpy secondBell(second, &SessionWidget::bell);
    secondPeer->write("\a");
    QVERIFY(secondBell.wait(10000));
    QVERIFY(!m_window->isBellMarked(second));
    QVERIFY(!tabs->tabBar()->tabTextColor(1).isValid());

    // Showing the marked tab clears the mark.
    tabs->setCurrentIndex(0);
    QVERIFY(!m_window->isBellMarked(first));
    QVERIFY(!tabs->tabBar()->tabTextColor(0).isValid());

    // A mark on a tab that closes goes with it.
    secondPeer->write("\a");
    QTRY_VERIFY(m_window->isBellMarked(second));
    SessionWidget::setConfirmCloseLiveSession(false);
    emit tabs->tabCloseRequested(1);
    SessionWidget::setConfirmCloseLiveSession(true);
    QCOMPARE(tabs->count(), 1);
    QVERIFY(!m_window->isBellMarked(second));
}

void TestMainWindow::statusBarFollowsTheCurrentTab()
{
    const QString dir = TestEnvironment::freshDir(QStringLiteral("status-bar-pki"));
    const TestPki::Credential ca = TestPki::makeCa(QStringLiteral("Status Bar Test CA"));
    const TestPki::Credential serverCredential = TestPki::issueServer(ca);
    QVERIFY(ca.writeCertificate(dir + QStringLiteral("/ca.pem")));
    TlsTestServer tlsServer;
    tlsServer.setCredentials(serverCredential.certificate(), serverCredential.key());
    QVERIFY(tlsServer.listen());
    QTcpServer plainServer;
    QVERIFY(plainServer.listen(QHostAddress::LocalHost, 0));

    QLabel* status = m_window->statusLabel();
    QToolButton* lock = m_window->statusLock();
    QVERIFY(status && lock);
    QVERIFY(status->text().isEmpty()); // no tab, nothing to say
    QVERIFY(!lock->isVisible());

    Profile secure;
    secure.name = QStringLiteral("Secure");
    secure.host = QStringLiteral("localhost");
    secure.port = tlsServer.port();
    secure.protocol = SessionProtocol::Raw;
    secure.security.tlsEnabled = true;
    secure.security.trustSource = TrustSource::App;
    secure.security.extraCaFiles = {dir + QStringLiteral("/ca.pem")};
    SessionWidget* tlsTab = m_window->openSession(secure);
    QTRY_VERIFY_WITH_TIMEOUT(tlsTab->isConnected(), 15000);
    // The tab's own status line gives way to the window's status bar.
    QVERIFY(!tlsTab->findChild<QLabel*>(QStringLiteral("sessionStatus"))->isVisible());
    QTRY_COMPARE(status->text(), tlsTab->statusText());
    QVERIFY(status->text().contains(QStringLiteral("localhost:%1").arg(tlsServer.port())));
    QVERIFY(status->text().contains(QLatin1String("TCP/TLS")));
    QVERIFY(status->text().contains(QLatin1String("TLSv1.")));
    QVERIFY(lock->isVisible());
    QVERIFY(lock->isEnabled());
    QVERIFY(lock->toolTip().contains(QLatin1String("TLSv1.")));

    // Clicking the lock shows the certificate chain.
    lock->click();
    auto* viewer = tlsTab->findChild<CertificateViewerDialog*>();
    QVERIFY(viewer);
    QTRY_VERIFY(viewer->isVisible());
    viewer->close();

    // Another tab: the status bar follows it; no lock without SSL/TLS.
    SessionWidget* plainTab =
        m_window->quickConnect(QStringLiteral("telnet://127.0.0.1:%1").arg(plainServer.serverPort()), true);
    QVERIFY(plainTab);
    QTRY_VERIFY_WITH_TIMEOUT(plainTab->isConnected(), 10000);
    QTRY_COMPARE(status->text(), plainTab->statusText());
    QVERIFY(status->text().contains(QStringLiteral("127.0.0.1:%1 · Telnet").arg(plainServer.serverPort())));
    QVERIFY(!lock->isVisible());

    // Back to the first tab.
    m_window->sessionTabs()->setCurrentWidget(tlsTab);
    QCOMPARE(status->text(), tlsTab->statusText());
    QVERIFY(lock->isVisible());

    // A status change of the tab in front shows at once (disconnected: no TLS details).
    tlsTab->session()->close();
    QTRY_VERIFY_WITH_TIMEOUT(!tlsTab->isConnected(), 10000);
    QTRY_COMPARE(status->text(), tlsTab->statusText());
    QVERIFY(!status->text().contains(QLatin1String("TLSv1.")));
}

void TestMainWindow::confirmCloseSettingBothWays()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const QString address = QStringLiteral("telnet://127.0.0.1:%1").arg(server.serverPort());
    QAction* confirm = m_window->action(MainWindow::Action::ConfirmCloseLiveSession);
    QVERIFY(confirm && confirm->isCheckable());
    QVERIFY(confirm->isChecked()); // asking is the default
    QVERIFY(m_window->findChild<QMenu*>(QStringLiteral("menuOptions"))->actions().contains(confirm));
    QTabWidget* tabs = m_window->sessionTabs();

    // Off: a live tab closes without a question, and the choice is saved.
    confirm->trigger();
    QVERIFY(!confirm->isChecked());
    QVERIFY(!SessionWidget::confirmCloseLiveSession());
    QCOMPARE(QSettings(MainWindow::settingsFile(), QSettings::IniFormat)
                 .value(QStringLiteral("sessions/confirmCloseLiveSession"))
                 .toBool(),
             false);
    SessionWidget* session = m_window->quickConnect(address, true);
    QTRY_VERIFY_WITH_TIMEOUT(session->isConnected(), 10000);
    const int asked = MessageBox::messageCount();
    m_window->action(MainWindow::Action::CloseTab)->trigger();
    QCOMPARE(tabs->count(), 0);
    QCOMPARE(MessageBox::messageCount(), asked);

    // A new window (the next start) reads the saved choice.
    m_window.reset();
    SessionWidget::setConfirmCloseLiveSession(true);
    m_window = std::make_unique<MainWindow>(m_manager.get());
    QVERIFY(!m_window->action(MainWindow::Action::ConfirmCloseLiveSession)->isChecked());
    QVERIFY(!SessionWidget::confirmCloseLiveSession());

    // On again: closing a live tab asks, "No" keeps it.
    confirm = m_window->action(MainWindow::Action::ConfirmCloseLiveSession);
    confirm->trigger();
    QVERIFY(confirm->isChecked());
    QVERIFY(SessionWidget::confirmCloseLiveSession());
    QCOMPARE(QSettings(MainWindow::settingsFile(), QSettings::IniFormat)
                 .value(QStringLiteral("sessions/confirmCloseLiveSession"))
                 .toBool(),
             true);
    tabs = m_window->sessionTabs();
    session = m_window->quickConnect(address, true);
    QTRY_VERIFY_WITH_TIMEOUT(session->isConnected(), 10000);
    MessageBox::setNextAnswer(QMessageBox::No);
    m_window->action(MainWindow::Action::CloseTab)->trigger();
    QCOMPARE(MessageBox::pendingAnswers(), 0);
    QCOMPARE(MessageBox::messageCount(), asked + 1);
    QCOMPARE(tabs->count(), 1);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    m_window->action(MainWindow::Action::CloseTab)->trigger();
    QCOMPARE(tabs->count(), 0);
}

void TestMainWindow::errorDialogEditsHostOrPort()
{
    const quint16 closedPort = TestEnvironment::freeLoopbackPort();
    const Profile profile =
        addProfile(QStringLiteral("Nobody home"), QString(), QStringLiteral("127.0.0.1"), closedPort, false);
    SessionWidget* session = m_window->openProfile(profile.id);
    QVERIFY(session);
    QTRY_VERIFY_WITH_TIMEOUT(session->session()->state() == Session::State::Failed, 15000);
    session->showDetails();
    auto* errorDialog = session->findChild<ErrorDialog*>();
    QVERIFY(errorDialog);

    // The error dialog's fix button opens the editor for this profile, at the field the fix names.
    const QString fix = session->session()->failure().fixSetting();
    QVERIFY2(fix == QLatin1String("profile/port") || fix == QLatin1String("profile/host"), qPrintable(fix));
    auto* editButton = errorDialog->findChild<QPushButton*>(QStringLiteral("editProfile"));
    QVERIFY(editButton);
    QTRY_VERIFY(editButton->isVisible());
    editButton->click();
    auto* editor = m_window->findChild<ProfileEditorDialog*>();
    QVERIFY(editor);
    QTRY_VERIFY(editor->isVisible());
    QCOMPARE(editor->profile().id, profile.id);
    auto* port = editor->findChild<QLineEdit*>(QStringLiteral("port"));
    QCOMPARE(editor->focusWidget(), fix == QLatin1String("profile/port")
                                        ? port
                                        : editor->findChild<QLineEdit*>(QStringLiteral("host")));
    editor->reject();
    QTRY_VERIFY(!m_window->findChild<ProfileEditorDialog*>());

    // "profile/port": the port field.
    emit errorDialog->editProfileRequested(QStringLiteral("profile/port"));
    editor = m_window->findChild<ProfileEditorDialog*>();
    QVERIFY(editor);
    port = editor->findChild<QLineEdit*>(QStringLiteral("port"));
    QCOMPARE(editor->focusWidget(), port);

    // OK saves the fix, and the open tab uses it at the next connect.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    port->setText(QString::number(server.serverPort()));
    editor->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(m_manager->profile(profile.id)->port, server.serverPort());
    QCOMPARE(session->profile().port, server.serverPort());
    session->reconnect();
    QTRY_VERIFY_WITH_TIMEOUT(session->isConnected(), 10000);

    // The host field likewise.
    QTRY_VERIFY(!m_window->findChild<ProfileEditorDialog*>());
    emit errorDialog->editProfileRequested(QStringLiteral("profile/host"));
    editor = m_window->findChild<ProfileEditorDialog*>();
    QVERIFY(editor);
    QCOMPARE(editor->focusWidget(), editor->findChild<QLineEdit*>(QStringLiteral("host")));
    editor->reject();

    // A session without a saved profile cannot be edited: the window says so.
    SessionWidget* quick = m_window->quickConnect(QStringLiteral("127.0.0.1:%1").arg(closedPort), false);
    QVERIFY(quick);
    emit quick->editProfileRequested(quick->profile().id, QStringLiteral("profile/host"));
    QTRY_VERIFY(!m_window->findChild<ProfileEditorDialog*>());
    QVERIFY(m_window->messageBar()->text().contains(QLatin1String("no saved profile")));
}

void TestMainWindow::revealFolderExpandsIt()
{
    addProfile(QStringLiteral("inside"), QStringLiteral("Lab/Rack"), QStringLiteral("h.example"));
    const QModelIndex rack = m_window->filterModel()->mapFromSource(
        m_window->treeModel()->indexForFolder(QStringLiteral("Lab/Rack")));
    QVERIFY(rack.isValid());
    QVERIFY(!m_window->sessionTree()->isExpanded(rack));
    m_window->revealFolder(QStringLiteral("Lab/Rack"));
    QVERIFY(m_window->sessionTree()->isExpanded(rack));
    QVERIFY(m_window->sessionTree()->isExpanded(rack.parent()));
}

// Where the icon theme has none of them (as here), Qt's pictures shown before the first frame are
// exactly what the style gives afterwards: read on the spot, and decoded ahead on a worker thread.
void TestMainWindow::quickIconsAreTheStylesPictures()
{
    QStyle* style = m_window->style();
    const auto compareAll = [style] {
        for (QStyle::StandardPixmap which :
             {QStyle::SP_FileIcon, QStyle::SP_FileDialogNewFolder, QStyle::SP_FileDialogDetailedView,
              QStyle::SP_TrashIcon, QStyle::SP_MediaPlay, QStyle::SP_DirIcon}) {
            const QIcon quick = Icons::quickStandardIcon(which);
            QVERIFY2(!quick.isNull(), qPrintable(QString::number(int(which))));
            const QIcon styled = style->standardIcon(which);
            for (int size : {16, 22, 24, 32}) {
                for (QIcon::State state : {QIcon::Off, QIcon::On}) {
                    QCOMPARE(quick.pixmap(size, size, QIcon::Normal, state).toImage(),
                             styled.pixmap(size, size, QIcon::Normal, state).toImage());
                    QCOMPARE(quick.pixmap(size, size, QIcon::Disabled, state).toImage(),
                             styled.pixmap(size, size, QIcon::Disabled, state).toImage());
                }
            }
        }
    };
    compareAll();
    if (QTest::currentTestFailed())
        return;
    Icons::prefetchQuickStandardIcons();
    compareAll();
    QVERIFY(Icons::quickStandardIcon(QStyle::SP_BrowserReload).isNull());       // not one of them
    QCOMPARE(Icons::application().cacheKey(), Icons::application().cacheKey()); // painted once
}

// The window's first frame shows Qt's own pictures; once painted, the toolbar and the tree take the
// style's icons and the filter its clear button. Everything works before and after.
void TestMainWindow::firstFrameThenTheStylesIcons()
{
    addProfile(QStringLiteral("alpha"), QStringLiteral("Lab"), QStringLiteral("a.example"));
    QTRY_VERIFY(m_window->isStartupFinished()); // the window of init(), shown
    QVERIFY(m_window->filterEdit()->isClearButtonEnabled());

    ProfileManager manager(QDir(m_dir).filePath(QStringLiteral("profiles.json")));
    QVERIFY(manager.load().ok());
    MainWindow window(&manager);
    QSignalSpy finished(&window, &MainWindow::startupFinished);
    QVERIFY(!window.isStartupFinished());
    QVERIFY(!window.filterEdit()->isClearButtonEnabled());
    QStyle* style = window.style();
    const QList<std::pair<MainWindow::Action, QStyle::StandardPixmap>> icons = {
        {MainWindow::Action::NewSession, QStyle::SP_FileIcon},
        {MainWindow::Action::NewFolder, QStyle::SP_FileDialogNewFolder},
        {MainWindow::Action::EditSession, QStyle::SP_FileDialogDetailedView},
        {MainWindow::Action::Delete, QStyle::SP_TrashIcon},
        {MainWindow::Action::OpenSession, QStyle::SP_MediaPlay}};
    std::map<MainWindow::Action, qint64> before;
    for (const auto& [which, icon] : icons) {
        QVERIFY(!window.action(which)->icon().isNull());
        before[which] = window.action(which)->icon().cacheKey();
    }
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(window.isStartupFinished());
    QVERIFY(window.filterEdit()->isClearButtonEnabled());
    for (const auto& [which, icon] : icons) {
        QVERIFY(window.action(which)->icon().cacheKey() != before[which]); // the style's now
        QCOMPARE(window.action(which)->icon().pixmap(24, 24).toImage(),
                 style->standardIcon(icon).pixmap(24, 24).toImage());
    }
    // The hint where the tabs would be wraps its text without asking the window's layout for a
    // height per width.
    auto* hint = window.findChild<QLabel*>(QStringLiteral("emptyTabsHint"));
    QVERIFY(hint && hint->isVisible() && hint->wordWrap());
    QVERIFY(!hint->hasHeightForWidth());
    QVERIFY(hint->height() > hint->fontMetrics().height() * 2);
    // The menus and the tree work as ever.
    QVERIFY(window.action(MainWindow::Action::NewFolder)->isEnabled());
    for (QMenu* menu : window.menus())
        QVERIFY(!menu->actions().isEmpty());
    QCOMPARE(window.sessionTree()->model()->rowCount(), 1);
    window.update();
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1); // once
}

#include "TestMainWindow.moc"
