#pragma once

#include "demo/DemoLab.h"

#include <QObject>
#include <QString>

class ProfileManager;
class SecretStore;

// Ties the demo lab to the profile list: start() starts the lab and adds (or refreshes, with this
// run's ports) the Demo folder's profiles through the ProfileManager. While the lab runs, removing
// the Demo folder stops the lab and removes the demo PKI and trust scope; restoring the folder
// (undo) or `tsunagi --demo` brings everything back.
class DemoController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoController)
public:
    explicit DemoController(ProfileManager* manager, QObject* parent = nullptr);
    ~DemoController() override;

    // True when the profile list has the Demo folder (so its profiles need this run's lab).
    bool hasDemoFolder() const;
    bool start(QString* error = nullptr);
    void stop();
    bool isRunning() const { return m_lab.isRunning(); }
    DemoLab* lab() { return &m_lab; }
    QString lastError() const { return m_lastError; }

signals:
    void started();
    void removed(); // the Demo folder went, and with it the lab and its trust scope
    void failed(const QString& error);

private:
    void installProfiles();
    void onFoldersChanged();

    ProfileManager* m_manager;
    DemoLab m_lab;
    SecretStore* m_secrets = nullptr;
    QString m_lastError;
    bool m_installing = false;
    bool m_removed = false;
};
