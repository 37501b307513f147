#include "ui/widgets/Icons.h"

#include <QHash>
#include <QImageReader>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <array>
#include <future>

namespace {
// Draws on a 64×64 design grid, scaled to the pixmap.
QPixmap paint(int size, const std::function<void(QPainter&)>& draw)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(size / 64.0, size / 64.0);
    draw(painter);
    return pixmap;
}

void drawTerminal(QPainter& painter, const QColor& prompt)
{
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x1f, 0x29, 0x33));
    painter.drawRoundedRect(QRectF(4, 8, 56, 44), 6, 6);
    QPen pen(prompt, 5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    painter.drawPolyline(QPolygonF({QPointF(14, 20), QPointF(24, 28), QPointF(14, 36)}));
}

void drawLock(QPainter& painter, bool closed)
{
    const QColor color = closed ? QColor(0x2f, 0x85, 0x5a) : QColor(0xc0, 0x56, 0x21);
    QPen shackle(color, 5);
    painter.setPen(shackle);
    painter.setBrush(Qt::NoBrush);
    QPainterPath path;
    if (closed) {
        path.moveTo(38, 42);
        path.lineTo(38, 34);
        path.arcTo(QRectF(38, 26, 16, 16), 180, -180);
        path.lineTo(54, 42);
    } else {
        path.moveTo(38, 42);
        path.lineTo(38, 30);
        path.arcTo(QRectF(38, 22, 16, 16), 180, -180);
    }
    painter.drawPath(path);
    painter.setPen(QPen(Qt::white, 2));
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(33, 40, 26, 20), 3, 3);
}
QIcon paintedApplication()
{
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128}) {
        icon.addPixmap(paint(size, [](QPainter& painter) {
            drawTerminal(painter, QColor(0x7b, 0xd8, 0x8f));
            painter.setPen(QPen(QColor(0xe6, 0xe6, 0xe6), 4, Qt::SolidLine, Qt::RoundCap));
            painter.drawLine(QPointF(30, 40), QPointF(48, 40));
            painter.setPen(QPen(Qt::white, 2));
            painter.setBrush(QColor(0x3b, 0x82, 0xf6));
            painter.drawEllipse(QPointF(48, 50), 9, 9);
            painter.drawLine(QPointF(44, 50), QPointF(52, 50));
            painter.drawLine(QPointF(48, 46), QPointF(48, 54));
        }));
    }
    return icon;
}

// Qt's pictures, as QCommonStyle names them: the Off state's, and the On state's where there is
// one (a folder opens when expanded).
std::array<const char*, 2> quickPictureNames(QStyle::StandardPixmap which)
{
    switch (which) {
    case QStyle::SP_FileIcon:
        return {"file", nullptr};
    case QStyle::SP_FileDialogNewFolder:
        return {"newdirectory", nullptr};
    case QStyle::SP_FileDialogDetailedView:
        return {"viewdetailed", nullptr};
    case QStyle::SP_TrashIcon:
        return {"trash", nullptr};
    case QStyle::SP_MediaPlay:
        return {"media-play", nullptr};
    case QStyle::SP_DirIcon:
        return {"dirclosed", "diropen"};
    default:
        return {nullptr, nullptr};
    }
}
constexpr QStyle::StandardPixmap kQuickIcons[] = {
    QStyle::SP_FileIcon,  QStyle::SP_FileDialogNewFolder, QStyle::SP_FileDialogDetailedView,
    QStyle::SP_TrashIcon, QStyle::SP_MediaPlay,           QStyle::SP_DirIcon};

// Calls use(file, state) for each of a standard icon's pictures: 16 and 32 px, for each state.
template <typename Use> void forEachQuickPicture(QStyle::StandardPixmap which, Use use)
{
    const auto names = quickPictureNames(which);
    for (int i = 0; i < 2; ++i) {
        if (!names[i])
            continue;
        for (int size : {16, 32}) {
            use(QStringLiteral(":/qt-project.org/styles/commonstyle/images/%1-%2.png")
                    .arg(QLatin1String(names[i]))
                    .arg(size),
                i == 0 ? QIcon::Off : QIcon::On);
        }
    }
}

// Read as PNG, which Qt has built in: QIcon::addFile() asks every image format plugin about the
// file first, which loads them all (and libjpeg) before the first frame.
QImage readPng(const QString& file)
{
    QImageReader reader(file, "png");
    reader.setAutoDetectImageFormat(false);
    return reader.read();
}

// Decoded on a worker (14 PNGs: 2.3 M instructions) while the main window is built.
using QuickPictures = std::shared_future<QHash<QString, QImage>>;
QuickPictures& quickPictures()
{
    static QuickPictures pictures;
    return pictures;
}
} // namespace

namespace Icons {

QIcon application()
{
    static const QIcon icon = [] {
        if (QImageReader::supportedImageFormats().contains("svg"))
            return QIcon(QStringLiteral(":/icons/tsunagi.svg"));
        return paintedApplication();
    }();
    return icon;
}

QIcon session(bool tls)
{
    QIcon icon;
    for (int size : {16, 22, 32, 48}) {
        icon.addPixmap(paint(size, [tls](QPainter& painter) {
            drawTerminal(painter, tls ? QColor(0x7b, 0xd8, 0x8f) : QColor(0xe6, 0xe6, 0xe6));
            drawLock(painter, tls);
        }));
    }
    return icon;
}

void prefetchQuickStandardIcons()
{
    QuickPictures& pictures = quickPictures();
    if (pictures.valid())
        return;
    pictures = std::async(std::launch::async, [] {
                   QHash<QString, QImage> images;
                   for (QStyle::StandardPixmap which : kQuickIcons)
                       forEachQuickPicture(which, [&images](const QString& file, QIcon::State) {
                           images.insert(file, readPng(file));
                       });
                   return images;
               }).share();
}

QIcon quickStandardIcon(QStyle::StandardPixmap which)
{
    if (!quickPictureNames(which)[0])
        return QIcon();
    const QHash<QString, QImage> prefetched =
        quickPictures().valid() ? quickPictures().get() : QHash<QString, QImage>();
    QIcon icon;
    bool complete = true;
    forEachQuickPicture(which, [&](const QString& file, QIcon::State state) {
        const QImage image = prefetched.contains(file) ? prefetched.value(file) : readPng(file);
        complete = complete && !image.isNull();
        if (complete)
            icon.addPixmap(QPixmap::fromImage(image), QIcon::Normal, state);
    });
    return complete ? icon : QIcon();
}

} // namespace Icons
