#include "demo/DemoController.h"

#include "profiles/ProfileManager.h"
#include "profiles/SecretStore.h"

DemoController::DemoController(ProfileManager* manager, QObject* parent) : QObject(parent), m_manager(manager)
{
    connect(m_manager, &ProfileManager::foldersChanged, this, &DemoController::onFoldersChanged);
    connect(m_manager, &ProfileManager::reset, this, &DemoController::onFoldersChanged);
}

DemoController::~DemoController() = default;

bool DemoController::hasDemoFolder() const
{
    return m_manager->hasFolder(DemoLab::folder());
}

bool DemoController::start(QString* error)
{
    if (!m_lab.start(&m_lastError)) {
        if (error)
            *error = m_lastError;
        emit failed(m_lastError);
        return false;
    }
    m_lastError.clear();
    installProfiles();
    emit started();
    return true;
}

void DemoController::stop()
{
    m_lab.stop();
}

void DemoController::installProfiles()
{
    m_installing = true;
    m_manager->addFolder(DemoLab::folder());
    for (const Profile& fresh : m_lab.profiles()) {
        const std::optional<Profile> existing = m_manager->profile(fresh.id);
        if (!existing) {
            Profile added = fresh;
            // A name the user already gave another profile in the folder is not taken over.
            added.name = m_manager->uniqueName(added.folder, added.name);
            m_manager->addProfile(added);
            continue;
        }
        // Keep what the user changed (name, folder, terminal, notes); the lab decides where the
        // host is and how it is reached, since the ports are new every run.
        Profile updated = *existing;
        updated.host = fresh.host;
        updated.port = fresh.port;
        updated.protocol = fresh.protocol;
        updated.connectTimeoutSeconds = fresh.connectTimeoutSeconds;
        updated.security = fresh.security;
        if (updated != *existing)
            m_manager->updateProfile(updated);
    }
    m_installing = false;

    // The rejected-token profile sends a token the demo proxy does not accept; tokens live in the
    // keychain only. The other demo profiles have no secrets.
    if (!m_secrets)
        m_secrets = new SecretStore(this);
    m_secrets->write(DemoLab::profileId(QStringLiteral("proxy-token-rejected")),
                     SecretStore::Kind::ProxyToken, QString::fromLatin1(DemoLab::rejectedProxyToken()),
                     [](const SecretStore::Result&) {});
}

void DemoController::onFoldersChanged()
{
    if (m_installing)
        return;
    if (m_removed && hasDemoFolder()) { // the removal was undone
        m_removed = false;
        start();
        return;
    }
    if (!m_lab.isRunning() || hasDemoFolder())
        return;
    m_removed = true;
    m_lab.stop();
    DemoLab::removeFiles(&m_lastError);
    if (m_secrets)
        m_secrets->remove(DemoLab::profileId(QStringLiteral("proxy-token-rejected")),
                          SecretStore::Kind::ProxyToken, [](const SecretStore::Result&) {});
    emit removed();
}
