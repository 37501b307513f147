#pragma once

#include <QIcon>

// Tsunagi's own icons, painted in code so they show even where Qt's SVG plugin is not installed
// (the .svg in resources/ is for desktop integration, which renders it itself).
namespace Icons {
QIcon application();
// A saved session: a terminal with a closed lock (SSL/TLS) or an open one (not encrypted).
QIcon session(bool tls);
} // namespace Icons
