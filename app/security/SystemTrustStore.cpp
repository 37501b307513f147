#include "security/SystemTrustStore.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QThread>

SystemTrustStore& SystemTrustStore::instance()
{
    static SystemTrustStore* store = [] {
        auto* s = new SystemTrustStore; // lives as long as the process; never deleted on exit
        if (QCoreApplication::instance() && s->thread() != QCoreApplication::instance()->thread())
            s->moveToThread(QCoreApplication::instance()->thread());
        return s;
    }();
    return *store;
}

namespace {
// A load still running when the application ends would be inside OpenSSL while the process
// tears OpenSSL down (a crash on quitting right after start-up): the application waits for it.
void waitForLoadAtExit()
{
    SystemTrustStore::instance().waitForLoad();
}
} // namespace

void SystemTrustStore::waitForLoad()
{
    QMutexLocker lock(&m_mutex);
    while (m_loading)
        m_done.wait(&m_mutex);
    QThread* worker = m_worker;
    lock.unlock();
    if (worker)
        worker->wait(); // its last steps after storing the result
}

SystemTrustStore::SystemTrustStore() = default;
SystemTrustStore::~SystemTrustStore() = default;

void SystemTrustStore::load()
{
    QMutexLocker lock(&m_mutex);
    if (m_loaded) {
        const int count = int(m_certificates.size());
        lock.unlock();
        QMetaObject::invokeMethod(
            this, [this, count] { emit loaded(count); }, Qt::QueuedConnection);
        return;
    }
    if (!m_loading)
        startWorker();
}

void SystemTrustStore::startWorker()
{
    m_loading = true;
    static const bool waitsAtExit = [] {
        if (QCoreApplication::instance())
            qAddPostRoutine(waitForLoadAtExit);
        return true;
    }();
    Q_UNUSED(waitsAtExit);
    std::function<QList<QSslCertificate>()> reader = m_reader;
    if (!reader)
        reader = [] { return QSslConfiguration::systemCaCertificates(); };
    // The worker stores the result itself (a UI thread may be waiting in certificatesBlocking(),
    // unable to run a queued call) and only announces it through the event loop.
    QThread* worker = QThread::create([this, reader] {
        const QList<QSslCertificate> certificates = reader();
        bool stored = false;
        {
            QMutexLocker lock(&m_mutex);
            m_loading = false;
            if (!m_loaded) { // else a test override came first
                m_certificates = certificates;
                m_loaded = true;
                stored = true;
            }
        }
        m_done.wakeAll();
        if (stored) {
            const int count = int(certificates.size());
            QMetaObject::invokeMethod(
                this, [this, count] { emit loaded(count); }, Qt::QueuedConnection);
        }
    });
    worker->setObjectName(QStringLiteral("SystemTrustStore load"));
    m_worker = worker;
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start(QThread::LowPriority);
}

bool SystemTrustStore::isLoaded() const
{
    QMutexLocker lock(&m_mutex);
    return m_loaded;
}

QList<QSslCertificate> SystemTrustStore::certificates() const
{
    QMutexLocker lock(&m_mutex);
    return m_certificates;
}

QList<QSslCertificate> SystemTrustStore::certificatesBlocking()
{
    QMutexLocker lock(&m_mutex);
    if (!m_loaded && !m_loading)
        startWorker();
    while (!m_loaded)
        m_done.wait(&m_mutex);
    return m_certificates;
}

void SystemTrustStore::setCertificatesForTesting(const QList<QSslCertificate>& certificates)
{
    {
        QMutexLocker lock(&m_mutex);
        m_certificates = certificates;
        m_loaded = true;
    }
    m_done.wakeAll();
    // As a load would: whoever waits for loaded() goes on (a running worker then stores nothing).
    const int count = int(certificates.size());
    QMetaObject::invokeMethod(
        this, [this, count] { emit loaded(count); }, Qt::QueuedConnection);
}

void SystemTrustStore::setReaderForTesting(std::function<QList<QSslCertificate>()> reader)
{
    QMutexLocker lock(&m_mutex);
    m_reader = std::move(reader);
}

void SystemTrustStore::resetForTesting()
{
    QMutexLocker lock(&m_mutex);
    m_certificates.clear();
    m_loaded = false;
}
