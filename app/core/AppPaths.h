#pragma once

#include <QString>

// Where Tsunagi keeps its files.
//  config: the profile store and settings. QStandardPaths::AppConfigLocation, overridden by
//          --config-dir DIR or TSUNAGI_CONFIG_DIR.
//  data:   Tsunagi's trust store, personal (client certificate) store, demo PKI.
//          QStandardPaths::AppDataLocation, overridden by TSUNAGI_DATA_DIR; when only the config
//          folder is overridden, data lives in its "data" subfolder so a test or a portable
//          set-up keeps everything in one place.
namespace AppPaths {
QString configDir();
QString dataDir();
void setConfigDirOverride(const QString& dir); // from --config-dir; empty clears it
QString profileStoreFile();                     // configDir()/profiles.json
} // namespace AppPaths
