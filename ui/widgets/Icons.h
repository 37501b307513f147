#pragma once

#include <QIcon>
#include <QStyle>

// Tsunagi's own icons, painted in code so they show even where Qt's SVG plugin is not installed
// (the .svg in resources/ is for desktop integration, which renders it itself).
namespace Icons {
// Painted once; later calls share it (the window and the application both use it).
QIcon application();
// A saved session: a terminal with a closed lock (SSL/TLS) or an open one (not encrypted).
QIcon session(bool tls);

// Qt's own picture of a standard icon (the one QStyle::standardIcon() falls back to when the
// desktop's icon theme has none), in its 16 and 32 px sizes only, without asking the icon theme:
// the theme's first lookup parses its index (hicolor's alone is 55 KB) and standardIcon()
// decodes every size, about 8 ms before the main window's first frame. The window shows these
// first and takes the style's own icons once the frame is painted. Null for a standard icon
// without such a picture, or where Qt has none.
QIcon quickStandardIcon(QStyle::StandardPixmap which);
// Starts decoding the quick pictures on a worker thread, for the first quickStandardIcon() calls
// to find them ready. Call once the QGuiApplication exists.
void prefetchQuickStandardIcons();
} // namespace Icons
