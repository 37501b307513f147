#pragma once

#include <QObject>
#include <QString>
#include <QUuid>

#include <functional>

// Secrets that never go into the profile file (client-key passphrases, proxy tokens), kept in
// the OS keychain through QtKeychain under the service "Tsunagi", keyed by profile id and kind.
//
// Backends: the keychain (default); "memory" (TSUNAGI_SECRET_BACKEND=memory, for tests: a
// process-wide map, nothing touches the real keychain); "unavailable"
// (TSUNAGI_SECRET_BACKEND=unavailable: behaves like a desktop without a keychain service).
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    enum class Kind
    {
        ClientKeyPassphrase,
        ProxyToken
    };
    enum class Backend
    {
        Keychain,
        Memory,
        Unavailable
    };

    struct Result
    {
        enum class Code
        {
            None,
            NotFound,     // nothing stored for that profile and kind
            NoKeychain,   // no keychain service (e.g. no D-Bus Secret Service): message says so
            AccessDenied, // the user refused or the keychain is locked
            Failed,       // anything else; detail has the keychain's words
        };
        Code code = Code::None;
        QString secret;  // read only
        QString message; // translated
        QString detail;
        bool ok() const { return code == Code::None; }
    };
    using Callback = std::function<void(const Result&)>;

    static constexpr const char* kService = "Tsunagi";

    // Backend from TSUNAGI_SECRET_BACKEND (memory | unavailable | keychain), keychain when unset.
    explicit SecretStore(QObject* parent = nullptr);
    SecretStore(Backend backend, QObject* parent = nullptr);
    ~SecretStore() override;

    Backend backend() const { return m_backend; }

    // The callback runs later, in this object's thread, never before the call returns.
    void read(const QUuid& profileId, Kind kind, Callback callback);
    void write(const QUuid& profileId, Kind kind, const QString& secret, Callback callback);
    void remove(const QUuid& profileId, Kind kind, Callback callback);

    // Blocking forms for the command line: run a local event loop until the keychain answers.
    Result readBlocking(const QUuid& profileId, Kind kind);
    Result writeBlocking(const QUuid& profileId, Kind kind, const QString& secret);
    Result removeBlocking(const QUuid& profileId, Kind kind);

    // "profile/<uuid>/client-key-passphrase" | ".../proxy-token"
    static QString keyFor(const QUuid& profileId, Kind kind);
    static Result noKeychainResult(const QString& detail);
    static void clearMemoryBackend(); // tests

private:
    enum class Operation
    {
        Read,
        Write,
        Remove
    };
    void run(Operation operation, const QUuid& profileId, Kind kind, const QString& secret,
             Callback callback);
    Result blocking(Operation operation, const QUuid& profileId, Kind kind, const QString& secret);

    Backend m_backend;
};
