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

SystemTrustStore::SystemTrustStore() = default;
SystemTrustStore::~SystemTrustStore() = default;

void SystemTrustStore::load()
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_loaded) {
            const int count = int(m_certificates.size());
            lock.unlock();
            QMetaObject::invokeMethod(
                this, [this, count] { emit loaded(count); }, Qt::QueuedConnection);
            return;
        }
        if (m_loading)
            return;
        m_loading = true;
    }
    QThread* worker = QThread::create([this] {
        const QList<QSslCertificate> certificates = QSslConfiguration::systemCaCertificates();
        QMetaObject::invokeMethod(
            this, [this, certificates] { store(certificates); }, Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start(QThread::LowPriority);
}

void SystemTrustStore::store(const QList<QSslCertificate>& certificates)
{
    {
        QMutexLocker lock(&m_mutex);
        m_loading = false;
        if (m_loaded) // a test override or a blocking load came first
            return;
        m_certificates = certificates;
        m_loaded = true;
    }
    emit loaded(int(certificates.size()));
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
    {
        QMutexLocker lock(&m_mutex);
        if (m_loaded)
            return m_certificates;
    }
    const QList<QSslCertificate> certificates = QSslConfiguration::systemCaCertificates();
    QMutexLocker lock(&m_mutex);
    if (!m_loaded) {
        m_certificates = certificates;
        m_loaded = true;
    }
    return m_certificates;
}

void SystemTrustStore::setCertificatesForTesting(const QList<QSslCertificate>& certificates)
{
    QMutexLocker lock(&m_mutex);
    m_certificates = certificates;
    m_loaded = true;
}

void SystemTrustStore::resetForTesting()
{
    QMutexLocker lock(&m_mutex);
    m_certificates.clear();
    m_loaded = false;
}
