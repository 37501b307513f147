#pragma once

#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QThread>
#include <QWaitCondition>

#include <functional>

// The operating system's CA certificates, loaded once on a worker thread and cached:
// QSslConfiguration::systemCaCertificates() takes 100-150 ms, too long for the UI thread. They
// are never read on the calling thread.
//
//   SystemTrustStore::instance().load();           // at start-up: starts a worker thread
//   connect(&SystemTrustStore::instance(), &SystemTrustStore::loaded, ...);
//   if (SystemTrustStore::instance().isLoaded()) use certificates();
//   certificatesBlocking() starts the worker if need be and waits for it; a connection started
//   before the load has finished waits for loaded() instead (Connection::start()).
class SystemTrustStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SystemTrustStore)
public:
    static SystemTrustStore& instance();

    void load(); // idempotent; emits loaded() once done (also when already loaded: queued)
    bool isLoaded() const;
    QList<QSslCertificate> certificates() const; // empty until loaded
    QList<QSslCertificate> certificatesBlocking();
    // Returns once no load is running (the application calls it as it ends).
    void waitForLoad();

    // Tests: pretend the system store holds these (an empty list simulates an empty store).
    void setCertificatesForTesting(const QList<QSslCertificate>& certificates);
    void resetForTesting(); // forget the cache (next load() reads the system again)
    // Tests: what the worker calls instead of QSslConfiguration::systemCaCertificates() (empty:
    // that again).
    void setReaderForTesting(std::function<QList<QSslCertificate>()> reader);

signals:
    void loaded(int count);

private:
    SystemTrustStore();
    ~SystemTrustStore() override;
    void startWorker(); // m_mutex held, m_loading set

    mutable QMutex m_mutex;
    QWaitCondition m_done;
    std::function<QList<QSslCertificate>()> m_reader;
    QList<QSslCertificate> m_certificates;
    bool m_loaded = false;
    bool m_loading = false;
    QPointer<QThread> m_worker; // the last one started
};
