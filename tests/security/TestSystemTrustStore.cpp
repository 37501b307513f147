#include "security/SystemTrustStore.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QMutex>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

// The system's CA certificates are never read on the thread that asks for them: loading takes
// 100-150 ms, too long for the UI thread.
class TestSystemTrustStore final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanupTestCase();
    void loadReadsOnAWorkerThread();
    void blockingCallFromTheUiThreadReadsOnAWorkerThread();
    void blockingCallDuringALoadWaitsForIt();
    void theApplicationWaitsForARunningLoadAsItEnds();

private:
    // Stands in for QSslConfiguration::systemCaCertificates(): records where it ran.
    QList<QSslCertificate> read()
    {
        m_calls.fetchAndAddOrdered(1);
        QMutexLocker lock(&m_mutex);
        m_readOn = QThread::currentThread();
        return {QSslCertificate(), QSslCertificate()};
    }
    QThread* readOn()
    {
        QMutexLocker lock(&m_mutex);
        return m_readOn;
    }

    QMutex m_mutex;
    QThread* m_readOn = nullptr;
    QAtomicInt m_calls;
};

void TestSystemTrustStore::init()
{
    SystemTrustStore::instance().resetForTesting();
    SystemTrustStore::instance().setReaderForTesting([this] { return read(); });
    m_calls.storeRelaxed(0);
    QMutexLocker lock(&m_mutex);
    m_readOn = nullptr;
}

void TestSystemTrustStore::cleanupTestCase()
{
    SystemTrustStore::instance().setReaderForTesting({});
    SystemTrustStore::instance().resetForTesting();
}

void TestSystemTrustStore::loadReadsOnAWorkerThread()
{
    SystemTrustStore& store = SystemTrustStore::instance();
    QSignalSpy loaded(&store, &SystemTrustStore::loaded);
    store.load();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(loaded.first().first().toInt(), 2);
    QVERIFY(readOn() != nullptr);
    QVERIFY(readOn() != QCoreApplication::instance()->thread());
    QCOMPARE(store.certificates().size(), 2);
    QCOMPARE(m_calls.loadRelaxed(), 1);
}

void TestSystemTrustStore::blockingCallFromTheUiThreadReadsOnAWorkerThread()
{
    SystemTrustStore& store = SystemTrustStore::instance();
    QVERIFY(!store.isLoaded());
    QCOMPARE(store.certificatesBlocking().size(), 2);
    QVERIFY(store.isLoaded());
    QVERIFY(readOn() != nullptr);
    QVERIFY(readOn() != QThread::currentThread());
    // Still announced, through the event loop.
    QSignalSpy loaded(&store, &SystemTrustStore::loaded);
    QVERIFY(loaded.wait(5000));
}

void TestSystemTrustStore::blockingCallDuringALoadWaitsForIt()
{
    SystemTrustStore& store = SystemTrustStore::instance();
    QSignalSpy loaded(&store, &SystemTrustStore::loaded);
    store.load();
    QCOMPARE(store.certificatesBlocking().size(), 2); // the running load's result: no second read
    QCOMPARE(m_calls.loadRelaxed(), 1);
    QVERIFY(readOn() != QThread::currentThread());
    QVERIFY(loaded.wait(5000));
    QCOMPARE(loaded.size(), 1);
}

void TestSystemTrustStore::theApplicationWaitsForARunningLoadAsItEnds()
{
    // A slow system store: quitting during its load must wait for it (the load runs in OpenSSL,
    // which the process tears down as it ends).
    SystemTrustStore& store = SystemTrustStore::instance();
    QAtomicInt finished;
    store.setReaderForTesting([this, &finished] {
        QThread::msleep(200);
        const QList<QSslCertificate> certificates = read();
        finished.storeRelease(1);
        return certificates;
    });
    store.load();
    QVERIFY(!store.isLoaded());
    store.waitForLoad(); // what the application runs as it ends
    QCOMPARE(finished.loadAcquire(), 1);
    QVERIFY(store.isLoaded());
    store.setReaderForTesting([this] { return read(); });
}

QTEST_GUILESS_MAIN(TestSystemTrustStore)
#include "TestSystemTrustStore.moc"
