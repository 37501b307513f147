#pragma once

#include <QList>
#include <QMutex>
#include <QObject>
#include <QSslCertificate>

// The operating system's CA certificates, loaded once off the calling thread and cached:
// QSslConfiguration::systemCaCertificates() takes 100-150 ms, too long for the UI thread.
//
//   SystemTrustStore::instance().load();           // at start-up: starts a worker thread
//   connect(&SystemTrustStore::instance(), &SystemTrustStore::loaded, ...);
//   if (SystemTrustStore::instance().isLoaded()) use certificates();
//   certificatesBlocking() waits (for --diagnose or a worker thread; never the UI thread).
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

    // Tests: pretend the system store holds these (an empty list simulates an empty store).
    void setCertificatesForTesting(const QList<QSslCertificate>& certificates);
    void resetForTesting(); // forget the cache (next load() reads the system again)

signals:
    void loaded(int count);

private:
    SystemTrustStore();
    ~SystemTrustStore() override;
    void store(const QList<QSslCertificate>& certificates);

    mutable QMutex m_mutex;
    QList<QSslCertificate> m_certificates;
    bool m_loaded = false;
    bool m_loading = false;
};
