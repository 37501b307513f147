#pragma once

#include <QAbstractNativeEventFilter>
#include <QHash>
#include <QObject>
#include <QString>

class QKeyEvent;
class TerminalWidget;

// On X11, a typed character leaves for the host straight from the X server's key press, before
// Qt's own key handling: that handling (the X event's translation, the shortcut map's override
// event, the input context, the widget's key event) took some 60-70 us of a keystroke's 0.8 ms on
// the development machine, the largest part of it inside the terminal's process.
//
// Nothing is translated here. A key press goes this way only when Qt itself turned a press of the
// same key code in the same state (modifiers, lock keys, keyboard group) into plain text for the
// focused terminal before, and the press before it has reached the terminal as a key event (so
// no compose sequence or shortcut is under way, and the host gets keys in the order typed). What
// Qt made of it is sent again. Everything else goes through Qt as always: keys with Ctrl, Alt or
// Super, keypad keys, keys for other widgets, keys while a popup is open or text is being
// composed, and every key when an input method other than Qt's compose handling is in use (a
// Japanese input method must see each key to turn it into kana) or when an accessibility client
// listens to key events. A change of keyboard map forgets what was learnt.
// TSUNAGI_NO_TYPING_FAST_PATH=1 in the environment turns it off.
class TypingFastPath final : public QObject, public QAbstractNativeEventFilter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TypingFastPath)

public:
    // The application's one instance, installed on first use; nullptr where Qt does not run on
    // X11 (Wayland, offscreen) or the input method needs every key.
    static TypingFastPath* instance();

    // Whether Qt's input method settings (QT_IM_MODULES, QT_IM_MODULE) leave key presses to Qt's
    // compose handling or to none: neither names another input method.
    static bool inputModulesAllowIt(const QByteArray& imModules, const QByteArray& imModule);

    bool nativeEventFilter(const QByteArray& eventType, void* message, qintptr* result) override;

    // From TerminalWidget::keyPressEvent: Qt delivered a key press to a terminal.
    void keyDelivered(const QKeyEvent& event);
    // ... and that press typed this text, as plain text (no Ctrl, Alt or keypad).
    void typedAsText(const QKeyEvent& event, const QString& text);

    int keysSent() const { return m_keysSent; } // for tests

private:
    explicit TypingFastPath(QObject* parent);
    static quint32 keyOf(quint32 keycode, quint32 state) { return (keycode << 16) | (state & 0xffff); }
    bool xkbMapChanged(quint8 type, quint8 xkbType) const;

    QHash<quint32, QString> m_learned; // keyOf(code, state) -> the text Qt made of it
    quint8 m_xkbFirstEvent = 0;        // the XKB extension's event code, 0 if it has none
    // The last press that did not go this way: Qt has yet to deliver it to a terminal unless
    // m_lastPressDelivered.
    quint32 m_pendingKey = 0;
    quint32 m_pendingTime = 0;
    bool m_lastPressDelivered = true;
    bool m_deliveredNow = false; // the key event being delivered is that press
    int m_keysSent = 0;
};
