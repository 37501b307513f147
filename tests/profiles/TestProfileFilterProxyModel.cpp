#include "ProfileSamples.h"
#include "TestEnvironment.h"

#include "profiles/ProfileFilterProxyModel.h"
#include "profiles/ProfileManager.h"
#include "profiles/ProfileTreeModel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QtTest>

using namespace ProfileSamples;

class TestProfileFilterProxyModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void emptyFilterShowsEverything();
    void nameMatchKeepsItsFolders();
    void hostMatch();
    void folderMatchShowsItsContents();
    void folderPathMatch();
    void noMatchShowsNothing();
    void followsChangesWhileFiltering();

private:
    // Every visible row as "Folder/Sub/Name", depth-first.
    QStringList visible() const;
    std::unique_ptr<ProfileManager> m_manager;
    std::unique_ptr<ProfileTreeModel> m_model;
    std::unique_ptr<ProfileFilterProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestProfileFilterProxyModel::initTestCase()
{
    m_manager =
        std::make_unique<ProfileManager>(QDir(TestEnvironment::freshDir("filter")).filePath("profiles.json"));
    QVERIFY(m_manager->load().ok());
    QVERIFY(m_manager->addProfile(simple("web", "Production/Osaka", "web01.osaka.example.test")).ok());
    QVERIFY(m_manager->addProfile(simple("db", "Production/Osaka", "db01.osaka.example.test")).ok());
    QVERIFY(m_manager->addProfile(simple("mail", "Production/Tokyo", "mx.tokyo.example.test")).ok());
    QVERIFY(m_manager->addProfile(simple("Router", "Lab", "192.0.2.1")).ok());
    QVERIFY(m_manager->addProfile(simple("Printer", "", "printer.local.test")).ok());
    QVERIFY(m_manager->addFolder("Archive").ok());
    m_model = std::make_unique<ProfileTreeModel>(m_manager.get());
    m_proxy = std::make_unique<ProfileFilterProxyModel>();
    m_proxy->setSourceModel(m_model.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

QStringList TestProfileFilterProxyModel::visible() const
{
    QStringList rows;
    std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
        for (int row = 0; row < m_proxy->rowCount(parent); ++row) {
            const QModelIndex index = m_proxy->index(row, 0, parent);
            rows.append(index.data(ProfileTreeModel::PathRole).toString());
            walk(index);
        }
    };
    walk({});
    return rows;
}

void TestProfileFilterProxyModel::emptyFilterShowsEverything()
{
    m_proxy->setFilterText({});
    QCOMPARE(visible().size(), 10); // 5 folders + 5 profiles
    m_proxy->setFilterText("   ");
    QCOMPARE(visible().size(), 10);
}

void TestProfileFilterProxyModel::nameMatchKeepsItsFolders()
{
    m_proxy->setFilterText("WEB");
    QCOMPARE(visible(), QStringList({"Production", "Production/Osaka", "Production/Osaka/web"}));
}

void TestProfileFilterProxyModel::hostMatch()
{
    m_proxy->setFilterText("192.0.2");
    QCOMPARE(visible(), QStringList({"Lab", "Lab/Router"}));
    m_proxy->setFilterText("tokyo.example");
    QCOMPARE(visible(), QStringList({"Production", "Production/Tokyo", "Production/Tokyo/mail"}));
}

void TestProfileFilterProxyModel::folderMatchShowsItsContents()
{
    m_proxy->setFilterText("osaka");
    // "osaka" is in the folder's name (and in two hosts): the folder and all it holds.
    QCOMPARE(visible(),
             QStringList({"Production", "Production/Osaka", "Production/Osaka/db", "Production/Osaka/web"}));
    m_proxy->setFilterText("archive");
    QCOMPARE(visible(), QStringList({"Archive"}));
    m_proxy->setFilterText("product");
    QCOMPARE(visible().size(), 6);
}

void TestProfileFilterProxyModel::folderPathMatch()
{
    m_proxy->setFilterText("production/tok");
    QCOMPARE(visible(), QStringList({"Production", "Production/Tokyo", "Production/Tokyo/mail"}));
}

void TestProfileFilterProxyModel::noMatchShowsNothing()
{
    m_proxy->setFilterText("nothing-like-this");
    QVERIFY(visible().isEmpty());
}

void TestProfileFilterProxyModel::followsChangesWhileFiltering()
{
    m_proxy->setFilterText("cache");
    QVERIFY(visible().isEmpty());
    Profile cache = simple("cache", "Staging/Kobe", "kobe.example.test");
    QVERIFY(m_manager->addProfile(cache).ok());
    QCOMPARE(visible(), QStringList({"Staging", "Staging/Kobe", "Staging/Kobe/cache"}));
    QVERIFY(m_manager->renameProfile(cache.id, "memo").ok());
    QVERIFY(visible().isEmpty());
    m_proxy->setFilterText({});
}

QTEST_GUILESS_MAIN(TestProfileFilterProxyModel)
#include "TestProfileFilterProxyModel.moc"
