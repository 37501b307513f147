#include "ProfileSamples.h"
#include "TestEnvironment.h"

#include "profiles/ProfileManager.h"
#include "profiles/ProfileTreeModel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QMimeData>
#include <QSignalSpy>
#include <QtTest>

using namespace ProfileSamples;

class TestProfileTreeModel final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showsFoldersThenProfilesSorted();
    void rolesDescribeTheItem();
    void changesArriveAsRowsNotResets();
    void renameThroughEditRole();
    void dragProfileIntoFolder();
    void dragFolderIntoFolderAndToTopLevel();
    void refusesFolderIntoItselfAndReportsConflicts();
    void startsFromTheOutlineWhileTheStoreLoads();
    void backgroundFillHasEveryProfile();
    void changeBeforeTheBackgroundFillIsTaken();
    void storeWithoutOutlineWaitsForTheFullRead();
    void firstFillBuiltOnThePrefetchThread();

private:
    QStringList childNames(const QModelIndex& parent) const;
    std::unique_ptr<ProfileManager> m_manager;
    std::unique_ptr<ProfileTreeModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    Profile m_web;
    Profile m_db;
    Profile m_top;
};

void TestProfileTreeModel::init()
{
    const QString file =
        QDir(TestEnvironment::freshDir(QTest::currentTestFunction())).filePath("profiles.json");
    m_manager = std::make_unique<ProfileManager>(file);
    QVERIFY(m_manager->load().ok());
    m_web = simple("web", "Production/Osaka", "web.osaka.example.test");
    m_db = simple("db", "Production/Osaka", "db.osaka.example.test");
    m_top = simple("Alpha", "", "alpha.example.test");
    m_top.security.tlsEnabled = false;
    m_top.port = 23;
    for (const Profile& p : {m_web, m_db, m_top})
        QVERIFY(m_manager->addProfile(p).ok());
    QVERIFY(m_manager->addFolder("Staging").ok());
    m_model = std::make_unique<ProfileTreeModel>(m_manager.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestProfileTreeModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_manager.reset();
}

QStringList TestProfileTreeModel::childNames(const QModelIndex& parent) const
{
    QStringList names;
    for (int row = 0; row < m_model->rowCount(parent); ++row)
        names.append(m_model->index(row, 0, parent).data().toString());
    return names;
}

void TestProfileTreeModel::showsFoldersThenProfilesSorted()
{
    QCOMPARE(childNames({}), QStringList({"Production", "Staging", "Alpha"}));
    const QModelIndex production = m_model->indexForFolder("Production");
    QCOMPARE(childNames(production), QStringList({"Osaka"}));
    const QModelIndex osaka = m_model->indexForFolder("Production/Osaka");
    QCOMPARE(osaka.parent(), production);
    QCOMPARE(childNames(osaka), QStringList({"db", "web"}));
    QCOMPARE(m_model->rowCount(m_model->indexForFolder("Staging")), 0);
}

void TestProfileTreeModel::rolesDescribeTheItem()
{
    const QModelIndex web = m_model->indexForProfile(m_web.id);
    QVERIFY(web.isValid());
    QCOMPARE(web.data(ProfileTreeModel::IdRole).value<QUuid>(), m_web.id);
    QCOMPARE(web.data(ProfileTreeModel::KindRole).toInt(), int(ProfileTreeModel::Kind::Profile));
    QCOMPARE(web.data(ProfileTreeModel::HostRole).toString(), QString("web.osaka.example.test"));
    QCOMPARE(web.data(ProfileTreeModel::PortRole).toInt(), 992);
    QCOMPARE(web.data(ProfileTreeModel::ProtocolRole).toString(), QString("telnet"));
    QCOMPARE(web.data(ProfileTreeModel::TlsRole).toBool(), true);
    QCOMPARE(web.data(ProfileTreeModel::PathRole).toString(), QString("Production/Osaka/web"));
    QCOMPARE(web.data(ProfileTreeModel::FolderRole).toString(), QString("Production/Osaka"));
    QVERIFY(web.data(Qt::ToolTipRole).toString().contains("web.osaka.example.test"));
    QVERIFY(m_model->flags(web) & Qt::ItemIsDragEnabled);
    QVERIFY(!(m_model->flags(web) & Qt::ItemIsDropEnabled));

    const QModelIndex osaka = m_model->indexForFolder("Production/Osaka");
    QCOMPARE(osaka.data(ProfileTreeModel::KindRole).toInt(), int(ProfileTreeModel::Kind::Folder));
    QVERIFY(osaka.data(ProfileTreeModel::IdRole).value<QUuid>().isNull());
    QCOMPARE(osaka.data(ProfileTreeModel::PathRole).toString(), QString("Production/Osaka"));
    QVERIFY(m_model->flags(osaka) & Qt::ItemIsDropEnabled);
    QVERIFY(m_model->flags({}) & Qt::ItemIsDropEnabled);
}

void TestProfileTreeModel::changesArriveAsRowsNotResets()
{
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    const QPersistentModelIndex osaka = m_model->indexForFolder("Production/Osaka");
    const QPersistentModelIndex staging = m_model->indexForFolder("Staging");

    Profile added = simple("cache", "Production/Osaka");
    QVERIFY(m_manager->addProfile(added).ok());
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(childNames(osaka), QStringList({"cache", "db", "web"}));

    QVERIFY(m_manager->renameProfile(added.id, "zz-cache").ok());
    QCOMPARE(childNames(osaka), QStringList({"db", "web", "zz-cache"}));

    QVERIFY(m_manager->removeProfile(m_db.id).has_value());
    QCOMPARE(removed.size(), 1);
    QCOMPARE(childNames(osaka), QStringList({"web", "zz-cache"}));

    QVERIFY(m_manager->addProfile(simple("new", "Staging/Deep")).ok());
    QCOMPARE(childNames(staging), QStringList({"Deep"}));
    QCOMPARE(childNames(m_model->indexForFolder("Staging/Deep")), QStringList({"new"}));

    QCOMPARE(resets.size(), 0);
    QVERIFY(osaka.isValid());
    QVERIFY(staging.isValid());
    QCOMPARE(osaka.data().toString(), QString("Osaka"));
}

void TestProfileTreeModel::renameThroughEditRole()
{
    QSignalSpy failed(m_model.get(), &ProfileTreeModel::operationFailed);
    QVERIFY(m_model->setData(m_model->indexForProfile(m_web.id), "www"));
    QCOMPARE(m_manager->profile(m_web.id)->name, QString("www"));
    QVERIFY(!m_model->setData(m_model->indexForProfile(m_web.id), "db"));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(m_manager->profile(m_web.id)->name, QString("www"));
    QVERIFY(m_model->setData(m_model->indexForFolder("Production"), "Live"));
    QCOMPARE(m_manager->profile(m_web.id)->folder, QString("Live/Osaka"));
    QCOMPARE(m_model->indexForFolder("Live/Osaka").data().toString(), QString("Osaka"));
}

void TestProfileTreeModel::dragProfileIntoFolder()
{
    const QModelIndex web = m_model->indexForProfile(m_web.id);
    std::unique_ptr<QMimeData> mime(m_model->mimeData({web}));
    QVERIFY(mime);
    QVERIFY(mime->hasFormat(ProfileTreeModel::kMimeType));
    const QModelIndex staging = m_model->indexForFolder("Staging");
    QVERIFY(m_model->canDropMimeData(mime.get(), Qt::MoveAction, -1, 0, staging));
    QVERIFY(!m_model->canDropMimeData(mime.get(), Qt::CopyAction, -1, 0, staging));
    QVERIFY(m_model->dropMimeData(mime.get(), Qt::MoveAction, -1, 0, staging));
    QCOMPARE(m_manager->profile(m_web.id)->folder, QString("Staging"));
    QCOMPARE(childNames(m_model->indexForFolder("Staging")), QStringList({"web"}));

    // Dropping on a profile means its folder; dropping on the empty area means the top level.
    std::unique_ptr<QMimeData> again(m_model->mimeData({m_model->indexForProfile(m_web.id)}));
    QVERIFY(m_model->dropMimeData(again.get(), Qt::MoveAction, -1, 0, m_model->indexForProfile(m_db.id)));
    QCOMPARE(m_manager->profile(m_web.id)->folder, QString("Production/Osaka"));
    std::unique_ptr<QMimeData> top(m_model->mimeData({m_model->indexForProfile(m_web.id)}));
    QVERIFY(m_model->dropMimeData(top.get(), Qt::MoveAction, -1, 0, {}));
    QCOMPARE(m_manager->profile(m_web.id)->folder, QString());
}

void TestProfileTreeModel::dragFolderIntoFolderAndToTopLevel()
{
    std::unique_ptr<QMimeData> mime(m_model->mimeData({m_model->indexForFolder("Production/Osaka")}));
    QVERIFY(m_model->dropMimeData(mime.get(), Qt::MoveAction, -1, 0, m_model->indexForFolder("Staging")));
    QCOMPARE(m_manager->profile(m_web.id)->folder, QString("Staging/Osaka"));
    QCOMPARE(m_manager->profile(m_db.id)->folder, QString("Staging/Osaka"));
    QCOMPARE(childNames(m_model->indexForFolder("Staging/Osaka")), QStringList({"db", "web"}));
    QCOMPARE(m_model->rowCount(m_model->indexForFolder("Production")), 0); // empty folder stays

    std::unique_ptr<QMimeData> up(m_model->mimeData({m_model->indexForFolder("Staging/Osaka")}));
    QVERIFY(m_model->dropMimeData(up.get(), Qt::MoveAction, -1, 0, {}));
    QCOMPARE(m_manager->profile(m_web.id)->folder, QString("Osaka"));
    QCOMPARE(childNames({}), QStringList({"Osaka", "Production", "Staging", "Alpha"}));
}

void TestProfileTreeModel::refusesFolderIntoItselfAndReportsConflicts()
{
    std::unique_ptr<QMimeData> mime(m_model->mimeData({m_model->indexForFolder("Production")}));
    QVERIFY(!m_model->canDropMimeData(mime.get(), Qt::MoveAction, -1, 0,
                                      m_model->indexForFolder("Production/Osaka")));
    QVERIFY(!m_model->dropMimeData(mime.get(), Qt::MoveAction, -1, 0,
                                   m_model->indexForFolder("Production/Osaka")));
    QCOMPARE(m_manager->profile(m_web.id)->folder, QString("Production/Osaka"));

    QVERIFY(m_manager->addProfile(simple("web", "Staging")).ok());
    QSignalSpy failed(m_model.get(), &ProfileTreeModel::operationFailed);
    std::unique_ptr<QMimeData> web(m_model->mimeData({m_model->indexForProfile(m_web.id)}));
    QVERIFY(!m_model->dropMimeData(web.get(), Qt::MoveAction, -1, 0, m_model->indexForFolder("Staging")));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(m_manager->profile(m_web.id)->folder, QString("Production/Osaka"));

    QMimeData foreign;
    foreign.setText("not ours");
    QVERIFY(!m_model->canDropMimeData(&foreign, Qt::MoveAction, -1, 0, {}));
}

// Every row under parent, depth first: "path|kind|id|host|port|protocol|tls|tooltip".
static QStringList describe(const QAbstractItemModel& model, const QModelIndex& parent = {})
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex i = model.index(row, 0, parent);
        QStringList fields;
        for (int role :
             {int(ProfileTreeModel::PathRole), int(ProfileTreeModel::KindRole), int(ProfileTreeModel::IdRole),
              int(ProfileTreeModel::HostRole), int(ProfileTreeModel::PortRole),
              int(ProfileTreeModel::ProtocolRole), int(ProfileTreeModel::TlsRole), int(Qt::ToolTipRole)})
            fields.append(i.data(role).toString());
        rows.append(fields.join(QLatin1Char('|')));
        rows += describe(model, i);
    }
    return rows;
}

void TestProfileTreeModel::startsFromTheOutlineWhileTheStoreLoads()
{
    m_tester.reset();
    m_model.reset();
    const Profile raw = everyFieldSet();
    QVERIFY(m_manager->addProfile(raw).ok());
    const QStringList expected = describe(ProfileTreeModel(m_manager.get()));
    QCOMPARE(expected.size(), 7); // 4 profiles, 3 folders

    ProfileManager loading(m_manager->storeFile());
    QSignalSpy finished(&loading, &ProfileManager::loadFinished);
    loading.loadInBackground();
    m_model = std::make_unique<ProfileTreeModel>(&loading);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Whether or not the full read has finished by now, the tree is complete.
    QCOMPARE(describe(*m_model), expected);

    // The full read changes nothing the tree shows: no rows come or go, nothing is reset.
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(finished.wait(5000));
    QVERIFY(!loading.isLoading());
    QCOMPARE(resets.size() + inserted.size() + removed.size() + changed.size(), 0);
    QCOMPARE(describe(*m_model), expected);

    // And it follows changes as before.
    QVERIFY(loading.addProfile(simple("cache", "Production/Osaka")).ok());
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(childNames(m_model->indexForFolder("Production/Osaka")),
             QStringList({"cache", "db", "web", raw.name}));
    m_tester.reset();
    m_model.reset();
}

// At start-up the first fill is built on a worker thread from the outline: all of a large store.
void TestProfileTreeModel::backgroundFillHasEveryProfile()
{
    m_tester.reset();
    m_model.reset();
    QList<Profile> many;
    for (int i = 0; i < 600; ++i) {
        Profile p = simple(QStringLiteral("host-%1").arg(599 - i, 3, 10, QLatin1Char('0')),
                           QStringLiteral("Site %1/Rack %2").arg(i % 3).arg(i % 5));
        p.security.tlsEnabled = i % 2 == 0;
        many.append(p);
    }
    QCOMPARE(m_manager->importProfiles(many).added.size(), 600);
    const QStringList expected = describe(ProfileTreeModel(m_manager.get()));
    QCOMPARE(expected.size(), 603 + 3 + 15 + 3); // profiles, sites, racks, Production(/Osaka), Staging

    ProfileManager loading(m_manager->storeFile());
    loading.loadInBackground();
    ProfileTreeModel model(&loading);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(describe(model), expected);
    QCOMPARE(model.rowCount(model.indexForFolder("Site 1/Rack 4")), 40);
    QVERIFY(model.indexForProfile(many.last().id).isValid());
}

// A change that arrives before anything has used the tree built in the background.
void TestProfileTreeModel::changeBeforeTheBackgroundFillIsTaken()
{
    m_tester.reset();
    m_model.reset();
    ProfileManager loading(m_manager->storeFile());
    loading.loadInBackground();
    ProfileTreeModel model(&loading);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const Profile cache = simple("cache", "Production/Osaka");
    QVERIFY(loading.addProfile(cache).ok()); // waits for the full read, then the tree follows
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(inserted.size(), 1);
    m_model.reset();
    QStringList names;
    const QModelIndex osaka = model.indexForFolder("Production/Osaka");
    for (int row = 0; row < model.rowCount(osaka); ++row)
        names.append(model.index(row, 0, osaka).data().toString());
    QCOMPARE(names, QStringList({"cache", "db", "web"}));
    QCOMPARE(describe(model), describe(ProfileTreeModel(&loading)));
}

// A store the quick outline gives up on (here a port written as 992.0): the first fill is the
// full read's, and the tree is the same.
void TestProfileTreeModel::storeWithoutOutlineWaitsForTheFullRead()
{
    m_tester.reset();
    m_model.reset();
    const QStringList expected = describe(ProfileTreeModel(m_manager.get()));
    QFile file(m_manager->storeFile());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    file.close();
    const qsizetype at = bytes.indexOf("\"port\": 992");
    QVERIFY(at >= 0);
    bytes.insert(at + qsizetype(qstrlen("\"port\": 992")), ".0");
    QVERIFY(!outlineProfileStore(bytes));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
    file.close();

    ProfileManager loading(m_manager->storeFile());
    loading.loadInBackground();
    ProfileTreeModel model(&loading);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(describe(model), expected);
}

// Start-up: the first fill is built right where the outline is prefetched; the first model over
// that outline takes it, a second one builds its own, and both show the whole store.
void TestProfileTreeModel::firstFillBuiltOnThePrefetchThread()
{
    m_tester.reset();
    m_model.reset();
    const QStringList expected = describe(ProfileTreeModel(m_manager.get()));
    ProfileTreeModel::buildOnPrefetch();
    const auto noPreparer = qScopeGuard([] { ProfileManager::setOutlinePreparer({}); });
    ProfileManager::prefetchOutline(m_manager->storeFile());
    ProfileManager loading(m_manager->storeFile());
    QSignalSpy finished(&loading, &ProfileManager::loadFinished);
    loading.loadInBackground();
    const auto outline = loading.outline();
    QVERIFY(outline);
    QVERIFY(outline->prepared.has_value()); // the prefetch thread built it
    ProfileTreeModel first(&loading);
    ProfileTreeModel second(&loading);
    QAbstractItemModelTester firstTester(&first, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester secondTester(&second, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(describe(first), expected);
    QCOMPARE(describe(second), expected);
    QVERIFY(finished.wait(5000));
    QCOMPARE(describe(first), expected);
    QVERIFY(loading.addProfile(simple("cache", "Production/Osaka")).ok());
    QCOMPARE(describe(first), describe(second));
    QCOMPARE(first.rowCount(first.indexForFolder("Production/Osaka")), 3);
}

QTEST_GUILESS_MAIN(TestProfileTreeModel)
#include "TestProfileTreeModel.moc"
