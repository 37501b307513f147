#pragma once

#include "profiles/Profile.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

// Everything the profile store file holds, as a value.
struct ProfileStoreData
{
    QList<Profile> profiles;
    // Explicit folders, so that empty ones persist ("Production", "Production/Osaka").
    QStringList folders;
    // Top-level fields a newer Tsunagi wrote: written back unchanged.
    QJsonObject unknownFields;

    friend bool operator==(const ProfileStoreData&, const ProfileStoreData&) = default;
};
