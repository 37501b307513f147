#include "profiles/SecretStore.h"

#include <QtTest>

#include <optional>

class TestSecretStore final : public QObject
{
    Q_OBJECT

private slots:
    void init() { SecretStore::clearMemoryBackend(); }
    void backendFollowsTheEnvironment();
    void memoryBackendStoresByProfileAndKind();
    void callbackNeverRunsBeforeTheCallReturns();
    void unavailableBackendGivesTheClearMessage();
    void keychainWithoutAnyServiceReportsNoKeychain();
    void keysNameProfileAndKind();
};

void TestSecretStore::backendFollowsTheEnvironment()
{
    // CTest runs every test with TSUNAGI_SECRET_BACKEND=memory: the real keychain is never touched.
    QCOMPARE(qEnvironmentVariable("TSUNAGI_SECRET_BACKEND"), QString("memory"));
    QCOMPARE(SecretStore().backend(), SecretStore::Backend::Memory);
    qputenv("TSUNAGI_SECRET_BACKEND", "unavailable");
    QCOMPARE(SecretStore().backend(), SecretStore::Backend::Unavailable);
    qputenv("TSUNAGI_SECRET_BACKEND", "memory");
}

void TestSecretStore::memoryBackendStoresByProfileAndKind()
{
    SecretStore store;
    const QUuid a = QUuid::createUuid();
    const QUuid b = QUuid::createUuid();
    QCOMPARE(store.readBlocking(a, SecretStore::Kind::ProxyToken).code, SecretStore::Result::Code::NotFound);
    QVERIFY(store.writeBlocking(a, SecretStore::Kind::ProxyToken, "token-a").ok());
    QVERIFY(store.writeBlocking(a, SecretStore::Kind::ClientKeyPassphrase, "pass-a").ok());
    QVERIFY(store.writeBlocking(b, SecretStore::Kind::ProxyToken, "token-b").ok());
    QCOMPARE(store.readBlocking(a, SecretStore::Kind::ProxyToken).secret, QString("token-a"));
    QCOMPARE(store.readBlocking(a, SecretStore::Kind::ClientKeyPassphrase).secret, QString("pass-a"));
    QCOMPARE(store.readBlocking(b, SecretStore::Kind::ProxyToken).secret, QString("token-b"));
    // Another SecretStore object sees the same secrets (one keychain per process).
    SecretStore other;
    QCOMPARE(other.readBlocking(b, SecretStore::Kind::ProxyToken).secret, QString("token-b"));
    QVERIFY(store.removeBlocking(a, SecretStore::Kind::ProxyToken).ok());
    QCOMPARE(store.readBlocking(a, SecretStore::Kind::ProxyToken).code, SecretStore::Result::Code::NotFound);
    QCOMPARE(store.readBlocking(a, SecretStore::Kind::ClientKeyPassphrase).secret, QString("pass-a"));
    QVERIFY(store.removeBlocking(a, SecretStore::Kind::ProxyToken).ok()); // removing nothing is fine
}

void TestSecretStore::callbackNeverRunsBeforeTheCallReturns()
{
    SecretStore store;
    bool returned = false;
    std::optional<SecretStore::Result> answer;
    bool ranEarly = false;
    store.write(QUuid::createUuid(), SecretStore::Kind::ProxyToken, "x", [&](const SecretStore::Result& r) {
        ranEarly = !returned;
        answer = r;
    });
    returned = true;
    QTRY_VERIFY(answer.has_value());
    QVERIFY(!ranEarly);
    QVERIFY(answer->ok());

    // No callback after the store is gone.
    bool called = false;
    auto doomed = std::make_unique<SecretStore>();
    doomed->read(QUuid::createUuid(), SecretStore::Kind::ProxyToken,
                 [&](const SecretStore::Result&) { called = true; });
    doomed.reset();
    SecretStore probe;
    QVERIFY(probe.readBlocking(QUuid::createUuid(), SecretStore::Kind::ProxyToken).code ==
            SecretStore::Result::Code::NotFound); // spins the event loop once
    QVERIFY(!called);
}

void TestSecretStore::unavailableBackendGivesTheClearMessage()
{
    SecretStore store(SecretStore::Backend::Unavailable);
    const SecretStore::Result written =
        store.writeBlocking(QUuid::createUuid(), SecretStore::Kind::ProxyToken, "t");
    QCOMPARE(written.code, SecretStore::Result::Code::NoKeychain);
    QVERIFY(written.message.contains("keychain"));
    QVERIFY(written.message.contains("Secret Service"));
    QVERIFY(!written.message.contains("t\"")); // never echoes the secret
    const SecretStore::Result read =
        store.readBlocking(QUuid::createUuid(), SecretStore::Kind::ClientKeyPassphrase);
    QCOMPARE(read.code, SecretStore::Result::Code::NoKeychain);
    QVERIFY(read.secret.isEmpty());
}

void TestSecretStore::keychainWithoutAnyServiceReportsNoKeychain()
{
    // The real QtKeychain backend on a machine without a session bus: what a desktop without a
    // Secret Service looks like. Nothing can be stored, and the answer must say so, not hang.
    const QByteArray savedBus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/tsunagi-test-bus");
    qunsetenv("DISPLAY"); // no X11 autolaunch of a bus either
    SecretStore store(SecretStore::Backend::Keychain);
    std::optional<SecretStore::Result> answer;
    store.read(QUuid::createUuid(), SecretStore::Kind::ProxyToken,
               [&](const SecretStore::Result& r) { answer = r; });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 30000);
    if (savedBus.isEmpty())
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    else
        qputenv("DBUS_SESSION_BUS_ADDRESS", savedBus);
    QVERIFY2(answer->code == SecretStore::Result::Code::NoKeychain,
             qPrintable(QStringLiteral("code %1: %2").arg(int(answer->code)).arg(answer->detail)));
    QVERIFY(answer->message.contains("No keychain service is available"));
}

void TestSecretStore::keysNameProfileAndKind()
{
    const QUuid id = QUuid::fromString(QStringLiteral("{6f1c2a44-8d1b-4c36-9a50-2f7c3e1d9b01}"));
    QCOMPARE(SecretStore::keyFor(id, SecretStore::Kind::ProxyToken),
             QString("profile/6f1c2a44-8d1b-4c36-9a50-2f7c3e1d9b01/proxy-token"));
    QCOMPARE(SecretStore::keyFor(id, SecretStore::Kind::ClientKeyPassphrase),
             QString("profile/6f1c2a44-8d1b-4c36-9a50-2f7c3e1d9b01/client-key-passphrase"));
    QCOMPARE(QString(SecretStore::kService), QString("Tsunagi"));
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "TestSecretStore.moc"
