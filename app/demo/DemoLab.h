#pragma once

#include "profiles/Profile.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

// The demo lab: servers inside the app, on 127.0.0.1 only and on ports the system chooses free,
// that show a working Telnet-over-TLS session and every error of the catalogue that can happen
// on one machine. Its PKI (a demo CA, an untrusted CA, the hosts' certificates) is made with
// libcrypto at first use and kept in AppPaths::dataDir()/demo; the demo CA is trusted only by the
// demo profiles (their "Demo" trust scope, an extra CA file), never by the system store or
// Tsunagi's own trust store.
//
//   DemoLab lab;
//   if (!lab.start(&error)) ...;
//   for (const Profile& p : lab.profiles()) ...; // the Demo folder, with this run's ports
//
// The tests start the same lab (tests/demo), so what the demo shows is what the tests check.
class DemoLab final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoLab)
public:
    // One demo profile: what it is called and the catalogue entry and cause it shows.
    struct Scenario
    {
        QString key;                // stable: "working-session", "expired-certificate", ...
        QString entry;              // catalogue entry id; empty for the working session
        QString cause;              // catalogue cause id
        const char* name = nullptr; // English source text, context "DemoLab"
        const char* note = nullptr; // English source text, context "DemoLab"
    };

    struct Endpoint
    {
        QString server; // which server ("telnet-host", "expired", "proxy", ...)
        QHostAddress address;
        quint16 port = 0;
    };

    explicit DemoLab(QObject* parent = nullptr);
    ~DemoLab() override;

    // Makes or loads the PKI and starts every server. Idempotent. On failure nothing is left
    // listening and error says what went wrong (technical, English).
    bool start(QString* error = nullptr);
    void stop();
    bool isRunning() const;

    static QString folder();                   // "Demo", the profile folder
    static QString directory();                // AppPaths::dataDir()/demo
    static QString trustScopeFile();           // the demo CA, trusted by demo profiles only
    static QByteArray proxyToken();            // the token the demo security proxy accepts
    static QByteArray rejectedProxyToken();    // the one the "rejected token" profile sends
    static const QList<Scenario>& scenarios(); // in the order the Demo folder shows them
    static QUuid profileId(const QString& key);
    static QString displayName(const Scenario& scenario); // translated
    // Removes the demo PKI and trust scope from disk (the lab must be stopped).
    static bool removeFiles(QString* error = nullptr);

    // The Demo folder's profiles with this run's ports (running lab only).
    QList<Profile> profiles() const;
    Profile profile(const QString& key) const;
    // Every socket the lab listens on (or holds, for the closed port), for tests.
    QList<Endpoint> endpoints() const;

private:
    struct Servers;
    bool startServers(QString* error);
    std::unique_ptr<Servers> m_servers;
};
