#include "ui/session/TypingFastPath.h"

#include "ui/session/TerminalWidget.h"

#include <QAccessible>
#include <QApplication>
#include <QKeyEvent>
#include <QPointer>

#if defined(TSUNAGI_TYPING_FAST_PATH) && QT_CONFIG(xcb)
#define TYPING_FAST_PATH_ON_X11 1
#include <xcb/xcb.h>
#endif

#include <cstdlib>
#include <utility>

namespace {

// Enough for every key and state a user types with; past it, learning starts over.
constexpr qsizetype kMaxLearned = 1024;

// The second byte of an XKB event says which it is.
constexpr quint8 kXkbNewKeyboardNotify = 0;
constexpr quint8 kXkbMapNotify = 1;

bool isComposeOrNone(const QByteArray& module)
{
    const QByteArray name = module.trimmed();
    return name == "compose" || name == "none";
}

} // namespace

bool TypingFastPath::inputModulesAllowIt(const QByteArray& imModules, const QByteArray& imModule)
{
    // Qt 6.4 reads QT_IM_MODULE, later versions QT_IM_MODULES (a list) first: an input method
    // named in either may be the one Qt loads. With none named, Qt on X11 uses its compose
    // handling, which passes every key it does not compose on at once.
    QList<QByteArray> modules = imModules.split(';');
    modules.append(imModule);
    for (const QByteArray& module : std::as_const(modules)) {
        if (!module.trimmed().isEmpty() && !isComposeOrNone(module))
            return false;
    }
    return true;
}

TypingFastPath* TypingFastPath::instance()
{
#ifndef TYPING_FAST_PATH_ON_X11
    return nullptr;
#else
    static QPointer<TypingFastPath> installed;
    static bool decided = false;
    if (installed || decided)
        return installed;
    if (!qApp)
        return nullptr;
    decided = true;
    if (QGuiApplication::platformName() != QLatin1String("xcb") ||
        !inputModulesAllowIt(qgetenv("QT_IM_MODULES"), qgetenv("QT_IM_MODULE")) ||
        qEnvironmentVariableIsSet("TSUNAGI_NO_TYPING_FAST_PATH"))
        return nullptr;
    installed = new TypingFastPath(qApp);
    qApp->installNativeEventFilter(installed);
    return installed;
#endif
}

TypingFastPath::TypingFastPath(QObject* parent) : QObject(parent)
{
#ifdef TYPING_FAST_PATH_ON_X11
    // Keyboard map changes arrive as XKB events (Qt uses XKB): their event code is asked once.
    const auto* x11 = qApp->nativeInterface<QNativeInterface::QX11Application>();
    xcb_connection_t* connection = x11 ? x11->connection() : nullptr;
    if (!connection)
        return;
    static const char name[] = "XKEYBOARD";
    const xcb_query_extension_cookie_t cookie = xcb_query_extension(connection, sizeof name - 1, name);
    if (xcb_query_extension_reply_t* reply = xcb_query_extension_reply(connection, cookie, nullptr)) {
        if (reply->present)
            m_xkbFirstEvent = reply->first_event;
        std::free(reply);
    }
#endif
}

#ifdef TYPING_FAST_PATH_ON_X11
bool TypingFastPath::xkbMapChanged(quint8 type, quint8 xkbType) const
{
    if (type == XCB_MAPPING_NOTIFY)
        return true;
    return m_xkbFirstEvent != 0 && type == m_xkbFirstEvent &&
           (xkbType == kXkbNewKeyboardNotify || xkbType == kXkbMapNotify);
}

bool TypingFastPath::nativeEventFilter(const QByteArray& eventType, void* message, qintptr*)
{
    if (eventType != "xcb_generic_event_t")
        return false;
    const auto* event = static_cast<const xcb_generic_event_t*>(message);
    const quint8 type = event->response_type & 0x7f;
    if (type != XCB_KEY_PRESS) {
        if (xkbMapChanged(type, event->pad0))
            m_learned.clear();
        return false;
    }
    const auto* press = reinterpret_cast<const xcb_key_press_event_t*>(event);
    const quint32 key = keyOf(press->detail, press->state);
    if (m_lastPressDelivered && !m_learned.isEmpty()) {
        const auto learned = m_learned.constFind(key);
        auto* terminal = qobject_cast<TerminalWidget*>(QApplication::focusWidget());
        if (learned != m_learned.cend() && terminal && terminal->acceptsFastTyping() &&
            terminal->window()->internalWinId() == press->event && !QApplication::activePopupWidget() &&
            !QAccessible::isActive()) {
            ++m_keysSent;
            terminal->typeText(*learned);
            return true; // Qt's handling of the press would only make the same text again
        }
    }
    m_pendingKey = key;
    m_pendingTime = press->time;
    m_lastPressDelivered = false;
    return false;
}
#else
bool TypingFastPath::nativeEventFilter(const QByteArray&, void*, qintptr*)
{
    return false;
}
#endif

void TypingFastPath::keyDelivered(const QKeyEvent& event)
{
    m_deliveredNow = !m_lastPressDelivered &&
                     keyOf(event.nativeScanCode(), event.nativeModifiers()) == m_pendingKey &&
                     quint32(event.timestamp()) == m_pendingTime;
    if (m_deliveredNow)
        m_lastPressDelivered = true;
}

void TypingFastPath::typedAsText(const QKeyEvent& event, const QString& text)
{
    const bool delivered = std::exchange(m_deliveredNow, false);
    if (!delivered || text.isEmpty() || (event.modifiers() & ~Qt::ShiftModifier))
        return;
    // Control characters are keys of their own (Tab, Return, Backspace): left to Qt.
    for (const QChar c : text) {
        if (!c.isPrint() && !c.isSurrogate())
            return;
    }
    if (m_learned.size() >= kMaxLearned)
        m_learned.clear();
    m_learned.insert(keyOf(event.nativeScanCode(), event.nativeModifiers()), text);
}
