#include "profiles/SecretStore.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QHash>
#include <QMutex>
#include <QTimer>

namespace {

QMutex& memoryMutex()
{
    static QMutex mutex;
    return mutex;
}

QHash<QString, QString>& memorySecrets()
{
    static QHash<QString, QString> secrets;
    return secrets;
}

SecretStore::Backend backendFromEnvironment()
{
    const QString name = qEnvironmentVariable("TSUNAGI_SECRET_BACKEND").trimmed().toLower();
    if (name == QLatin1String("memory"))
        return SecretStore::Backend::Memory;
    if (name == QLatin1String("unavailable"))
        return SecretStore::Backend::Unavailable;
    return SecretStore::Backend::Keychain;
}

// QtKeychain reports a missing Secret Service / KWallet either as NoBackendAvailable or, when
// D-Bus itself is missing, as OtherError carrying D-Bus's words.
bool looksLikeNoKeychain(QKeychain::Error error, const QString& text)
{
    if (error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented)
        return true;
    if (error != QKeychain::OtherError)
        return false;
    for (const char* marker : {"D-Bus", "DBus", "dbus", "org.freedesktop", "Secret Service", "secret service",
                               "kwallet", "KWallet", "No such", "ServiceUnknown"}) {
        if (text.contains(QLatin1String(marker)))
            return true;
    }
    return false;
}

} // namespace

SecretStore::SecretStore(QObject* parent) : SecretStore(backendFromEnvironment(), parent) {}

SecretStore::SecretStore(Backend backend, QObject* parent) : QObject(parent), m_backend(backend) {}

SecretStore::~SecretStore() = default;

void SecretStore::read(const QUuid& profileId, Kind kind, Callback callback)
{
    run(Operation::Read, profileId, kind, {}, std::move(callback));
}

void SecretStore::write(const QUuid& profileId, Kind kind, const QString& secret, Callback callback)
{
    run(Operation::Write, profileId, kind, secret, std::move(callback));
}

void SecretStore::remove(const QUuid& profileId, Kind kind, Callback callback)
{
    run(Operation::Remove, profileId, kind, {}, std::move(callback));
}

SecretStore::Result SecretStore::readBlocking(const QUuid& profileId, Kind kind)
{
    return blocking(Operation::Read, profileId, kind, {});
}

SecretStore::Result SecretStore::writeBlocking(const QUuid& profileId, Kind kind, const QString& secret)
{
    return blocking(Operation::Write, profileId, kind, secret);
}

SecretStore::Result SecretStore::removeBlocking(const QUuid& profileId, Kind kind)
{
    return blocking(Operation::Remove, profileId, kind, {});
}

QString SecretStore::keyFor(const QUuid& profileId, Kind kind)
{
    const QString kindName =
        kind == Kind::ProxyToken ? QStringLiteral("proxy-token") : QStringLiteral("client-key-passphrase");
    return QStringLiteral("profile/%1/%2").arg(profileId.toString(QUuid::WithoutBraces), kindName);
}

SecretStore::Result SecretStore::noKeychainResult(const QString& detail)
{
    Result result;
    result.code = Result::Code::NoKeychain;
    result.message =
        tr("No keychain service is available, so Tsunagi cannot keep passphrases and authorization "
           "tokens. Start your desktop's keychain (for example GNOME Keyring or KWallet, which "
           "provide the Secret Service over D-Bus) and try again.");
    result.detail = detail;
    return result;
}

void SecretStore::clearMemoryBackend()
{
    QMutexLocker lock(&memoryMutex());
    memorySecrets().clear();
}

void SecretStore::run(Operation operation, const QUuid& profileId, Kind kind, const QString& secret,
                      Callback callback)
{
    const QString key = keyFor(profileId, kind);
    const auto later = [this, callback](Result result) {
        // Always asynchronous, whatever the backend, so callers see one behaviour.
        QTimer::singleShot(0, this, [callback, result] {
            if (callback)
                callback(result);
        });
    };

    if (m_backend == Backend::Unavailable) {
        later(noKeychainResult(QStringLiteral("TSUNAGI_SECRET_BACKEND=unavailable")));
        return;
    }

    if (m_backend == Backend::Memory) {
        Result result;
        QMutexLocker lock(&memoryMutex());
        auto& secrets = memorySecrets();
        switch (operation) {
        case Operation::Read:
            if (secrets.contains(key)) {
                result.secret = secrets.value(key);
            } else {
                result.code = Result::Code::NotFound;
                result.message = tr("No secret is stored for this profile.");
            }
            break;
        case Operation::Write:
            secrets.insert(key, secret);
            break;
        case Operation::Remove:
            secrets.remove(key);
            break;
        }
        later(result);
        return;
    }

    QKeychain::Job* job = nullptr;
    switch (operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(QLatin1String(kService), this);
        break;
    case Operation::Write: {
        auto* writeJob = new QKeychain::WritePasswordJob(QLatin1String(kService), this);
        writeJob->setTextData(secret);
        job = writeJob;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(QLatin1String(kService), this);
        break;
    }
    job->setKey(key);
    job->setAutoDelete(true);
    // Never fall back to a plain-text file: a secret that cannot be kept safely is not kept.
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [this, operation, callback](QKeychain::Job* finished) {
        Result result;
        const QKeychain::Error error = finished->error();
        const QString text = finished->errorString();
        if (error == QKeychain::NoError) {
            if (operation == Operation::Read)
                result.secret = static_cast<QKeychain::ReadPasswordJob*>(finished)->textData();
        } else if (error == QKeychain::EntryNotFound) {
            // Deleting what is not there is not a failure.
            if (operation != Operation::Remove) {
                result.code = Result::Code::NotFound;
                result.message = tr("No secret is stored for this profile.");
                result.detail = text;
            }
        } else if (looksLikeNoKeychain(error, text)) {
            result = noKeychainResult(text);
        } else if (error == QKeychain::AccessDenied || error == QKeychain::AccessDeniedByUser) {
            result.code = Result::Code::AccessDenied;
            result.message = tr("Access to the keychain was denied, so the secret was not used.");
            result.detail = text;
        } else {
            result.code = Result::Code::Failed;
            result.message = tr("The keychain reported an error: %1").arg(text);
            result.detail = text;
        }
        QTimer::singleShot(0, this, [callback, result] {
            if (callback)
                callback(result);
        });
    });
    job->start();
}

SecretStore::Result SecretStore::blocking(Operation operation, const QUuid& profileId, Kind kind,
                                          const QString& secret)
{
    Result answer;
    bool done = false;
    QEventLoop loop;
    run(operation, profileId, kind, secret, [&](const Result& result) {
        answer = result;
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    return answer;
}
