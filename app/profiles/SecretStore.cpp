#include "profiles/SecretStore.h"

// Skeleton: the keychain and memory backends are filled in by the next commit.
SecretStore::SecretStore(QObject* parent) : SecretStore(Backend::Memory, parent) {}
SecretStore::SecretStore(Backend backend, QObject* parent) : QObject(parent), m_backend(backend) {}
SecretStore::~SecretStore() = default;
void SecretStore::read(const QUuid& id, Kind kind, Callback callback)
{
    run(Operation::Read, id, kind, {}, callback);
}
void SecretStore::write(const QUuid& id, Kind kind, const QString& secret, Callback callback)
{
    run(Operation::Write, id, kind, secret, callback);
}
void SecretStore::remove(const QUuid& id, Kind kind, Callback callback)
{
    run(Operation::Remove, id, kind, {}, callback);
}
SecretStore::Result SecretStore::readBlocking(const QUuid& id, Kind kind)
{
    return blocking(Operation::Read, id, kind, {});
}
SecretStore::Result SecretStore::writeBlocking(const QUuid& id, Kind kind, const QString& secret)
{
    return blocking(Operation::Write, id, kind, secret);
}
SecretStore::Result SecretStore::removeBlocking(const QUuid& id, Kind kind)
{
    return blocking(Operation::Remove, id, kind, {});
}
QString SecretStore::keyFor(const QUuid& id, Kind kind)
{
    return QStringLiteral("profile/%1/%2")
        .arg(id.toString(QUuid::WithoutBraces), kind == Kind::ProxyToken
                                                    ? QStringLiteral("proxy-token")
                                                    : QStringLiteral("client-key-passphrase"));
}
SecretStore::Result SecretStore::noKeychainResult(const QString& detail)
{
    Result r;
    r.code = Result::Code::NoKeychain;
    r.detail = detail;
    return r;
}
void SecretStore::clearMemoryBackend() {}
void SecretStore::run(Operation, const QUuid&, Kind, const QString&, Callback callback)
{
    Result r;
    r.code = Result::Code::Failed;
    if (callback)
        callback(r);
}
SecretStore::Result SecretStore::blocking(Operation, const QUuid&, Kind, const QString&)
{
    Result r;
    r.code = Result::Code::Failed;
    return r;
}
