// The typing fast path reads the X server's key presses, so these tests run on a private Xvfb
// (the offscreen platform has no X events) and type with xdotool (XTest: real key presses).
#include "ui/session/TypingFastPath.h"

#include "terminal/TerminalModel.h"
#include "ui/session/TerminalWidget.h"

#include "EventCounter.h"

#include <QApplication>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QScopeGuard>
#include <QShortcut>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

#include <xcb/xcb.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

// Types keys as xdotool names them ("a", "Return", "ctrl+shift+x"); "keydown"/"keyup" hold one.
bool press(const QString& keys, const QString& how = QStringLiteral("key"))
{
    return QProcess::execute(QStringLiteral("xdotool"), {how, keys}) == 0;
}

// A keyboard layout on the test's X server (setxkbmap's arguments) for a scope, then plain "us".
struct KeyboardLayout
{
    explicit KeyboardLayout(const QStringList& arguments)
        : set(QProcess::execute(QStringLiteral("setxkbmap"), arguments) == 0)
    {
    }
    ~KeyboardLayout()
    {
        QProcess::execute(QStringLiteral("setxkbmap"), {QStringLiteral("-layout"), QStringLiteral("us")});
    }
    Q_DISABLE_COPY_MOVE(KeyboardLayout)
    const bool set;
};

// Swaps two key codes' symbols on the X server (a keyboard map change, as setxkbmap makes one),
// and waits until the server has made it.
void swapKeys(xcb_keycode_t first, xcb_keycode_t second)
{
    xcb_connection_t* connection = xcb_connect(nullptr, nullptr);
    const auto cookie = xcb_get_keyboard_mapping(connection, first, 1);
    xcb_get_keyboard_mapping_reply_t* a = xcb_get_keyboard_mapping_reply(connection, cookie, nullptr);
    const auto cookie2 = xcb_get_keyboard_mapping(connection, second, 1);
    xcb_get_keyboard_mapping_reply_t* b = xcb_get_keyboard_mapping_reply(connection, cookie2, nullptr);
    if (a && b && a->keysyms_per_keycode == b->keysyms_per_keycode) {
        const quint8 perKey = a->keysyms_per_keycode;
        xcb_change_keyboard_mapping(connection, 1, second, perKey, xcb_get_keyboard_mapping_keysyms(a));
        xcb_change_keyboard_mapping(connection, 1, first, perKey, xcb_get_keyboard_mapping_keysyms(b));
    }
    std::free(a);
    std::free(b);
    std::free(xcb_get_input_focus_reply(connection, xcb_get_input_focus(connection), nullptr));
    xcb_disconnect(connection);
}

constexpr xcb_keycode_t kKeyA = 38; // the X server's default (evdev) map
constexpr xcb_keycode_t kKeyQ = 24;

} // namespace

class TestTypingFastPath : public QObject
{
    Q_OBJECT

    // A window with a line edit above a terminal, the terminal focused.
    struct Fixture
    {
        Fixture() : model(24, 80, 1000)
        {
            auto* layout = new QVBoxLayout(&window);
            line = new QLineEdit(&window);
            terminal = new TerminalWidget(&model, &window);
            layout->addWidget(line);
            layout->addWidget(terminal);
            QObject::connect(terminal, &TerminalWidget::textEntered,
                             [this](const QString& t) { typed += t; });
            QObject::connect(&model, &TerminalModel::output, [this](const QByteArray& b) { output += b; });
            window.resize(640, 480);
            window.show();
            window.activateWindow();
            terminal->setFocus();
        }
        bool ready()
        {
            return QTest::qWaitForWindowActive(&window) &&
                   QTest::qWaitFor([this] { return terminal->hasFocus(); });
        }
        // Qt translates the first press of a key; the fast path sends the same again from then on.
        bool learn(const QString& key, const QString& text)
        {
            const QString before = typed;
            return press(key) && QTest::qWaitFor([&] { return typed == before + text; });
        }
        QWidget window;
        QLineEdit* line;
        TerminalModel model;
        TerminalWidget* terminal;
        QString typed;
        QByteArray output;
    };

    TypingFastPath* fast = nullptr;

private slots:
    void initTestCase()
    {
        QCOMPARE(QGuiApplication::platformName(), QStringLiteral("xcb"));
        Fixture f; // the first terminal installs the fast path
        fast = TypingFastPath::instance();
        QVERIFY(fast);
    }

    void inputModuleSettings_data()
    {
        QTest::addColumn<QByteArray>("modules");
        QTest::addColumn<QByteArray>("module");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("nothing set: compose") << QByteArray() << QByteArray() << true;
        QTest::newRow("compose") << QByteArray() << QByteArray("compose") << true;
        QTest::newRow("none") << QByteArray() << QByteArray("none") << true;
        QTest::newRow("ibus") << QByteArray() << QByteArray("ibus") << false;
        QTest::newRow("fcitx") << QByteArray() << QByteArray("fcitx") << false;
        QTest::newRow("either names ibus") << QByteArray("compose") << QByteArray("ibus") << false;
        QTest::newRow("both compose") << QByteArray("compose") << QByteArray("compose") << true;
        QTest::newRow("list with ibus") << QByteArray("ibus;compose") << QByteArray() << false;
        QTest::newRow("empty list entries") << QByteArray(";") << QByteArray("fcitx5") << false;
    }

    void inputModuleSettings()
    {
        QFETCH(QByteArray, modules);
        QFETCH(QByteArray, module);
        QFETCH(bool, allowed);
        QCOMPARE(TypingFastPath::inputModulesAllowIt(modules, module), allowed);
    }

    void aKeyQtHasTranslatedGoesStraightToTheHost()
    {
        Fixture f;
        QVERIFY(f.ready());
        const int sent = fast->keysSent();
        QVERIFY(f.learn("a", "a"));
        QCOMPARE(fast->keysSent(), sent); // Qt's translation, learnt
        QVERIFY(f.learn("a", "a"));
        QCOMPARE(fast->keysSent(), sent + 1); // sent once, by the fast path
        // With Shift held: Qt's "B" for the key in that state. (xdotool's "shift+b" sends both
        // presses at once: the second comes while Qt still has the first, and so goes through Qt
        // too, to keep the order; a hand on a keyboard is not that quick.)
        EventCounter counter(QEvent::KeyPress); // presses Qt delivered
        f.terminal->installEventFilter(&counter);
        QVERIFY(press("shift", "keydown"));
        QTRY_COMPARE(counter.count, 1);
        QVERIFY(f.learn("b", "B"));
        QVERIFY(f.learn("b", "B"));
        QVERIFY(press("shift", "keyup"));
        QCOMPARE(fast->keysSent(), sent + 2);
        QCOMPARE(counter.count, 2); // Shift and the first "B"
        QCOMPARE(f.typed, QStringLiteral("aaBB"));
        // Keys of the terminal's own (Return, arrows) always go through Qt.
        QVERIFY(press("Return") && press("Return"));
        QTRY_COMPARE(f.output, QByteArray("\r\r"));
        QCOMPARE(fast->keysSent(), sent + 2);
        QCOMPARE(f.typed, QStringLiteral("aaBB"));
    }

    void aFastKeyDoesWhatAKeyPressDoes()
    {
        Fixture f;
        QVERIFY(f.ready());
        QVERIFY(f.learn("d", "d"));
        for (int i = 0; i < 100; ++i)
            f.model.write(QByteArrayView("line\r\n"));
        f.terminal->selectAll();
        f.terminal->scrollLines(-10);
        QVERIFY(f.terminal->hasSelection());
        QVERIFY(!f.terminal->isFollowingOutput());
        const int sent = fast->keysSent();
        QVERIFY(f.learn("d", "d"));
        QCOMPARE(fast->keysSent(), sent + 1);
        QVERIFY(!f.terminal->hasSelection());
        QVERIFY(f.terminal->isFollowingOutput());
    }

    void aChangedKeyboardMapIsFollowed()
    {
        Fixture f;
        QVERIFY(f.ready());
        QVERIFY(f.learn("a", "a"));
        QVERIFY(f.learn("a", "a"));
        const int sent = fast->keysSent();
        // The key that typed "a" types "q" now: what was learnt for it is forgotten.
        swapKeys(kKeyA, kKeyQ);
        const auto restore = qScopeGuard([] { swapKeys(kKeyA, kKeyQ); });
        QVERIFY(f.learn("q", "q"));
        QCOMPARE(fast->keysSent(), sent);
        QVERIFY(f.learn("q", "q"));
        QCOMPARE(fast->keysSent(), sent + 1);
        QCOMPARE(f.typed, QStringLiteral("aaqq"));
    }

    void aSecondKeyboardLayoutIsItsOwnState()
    {
        // Switching to a second layout (us,ru here) changes the keyboard group, which is part of
        // the key press's state: the key that typed "a" types "ф" there, and must not be sent as "a".
        Fixture f;
        QVERIFY(f.ready());
        const KeyboardLayout layout({QStringLiteral("-layout"), QStringLiteral("us,ru")});
        QVERIFY(layout.set);
        QVERIFY(f.learn("a", "a"));
        QVERIFY(f.learn("a", "a"));
        const int sent = fast->keysSent();
        QVERIFY(f.learn("Cyrillic_ef", QStringLiteral("ф"))); // xdotool locks the second group for it
        QCOMPARE(fast->keysSent(), sent);
        QVERIFY(f.learn("a", "a"));
        QCOMPARE(f.typed, QStringLiteral("aaфa"));
    }

    void aDeadKeyComposesThroughQt()
    {
        // US international: the apostrophe key is a dead acute; Qt's compose handling keeps it and
        // makes "é" of the "e" after it, which therefore must not go the fast way as "e".
        Fixture f;
        QVERIFY(f.ready());
        const KeyboardLayout layout({QStringLiteral("-layout"), QStringLiteral("us"),
                                     QStringLiteral("-variant"), QStringLiteral("intl")});
        QVERIFY(layout.set);
        QVERIFY(f.learn("e", "e"));
        QVERIFY(f.learn("e", "e"));
        const int sent = fast->keysSent();
        QVERIFY(press("dead_acute"));
        QVERIFY(f.learn("e", QStringLiteral("é")));
        QCOMPARE(fast->keysSent(), sent);
        QVERIFY(f.learn("e", "e"));
        QVERIFY(f.learn("e", "e"));
        QCOMPARE(fast->keysSent(), sent + 1);
        QCOMPARE(f.typed, QStringLiteral("eeéee"));
    }

    void afterAKeyQtKeptTheNextGoesThroughQt()
    {
        // A key Qt does not deliver (a shortcut here; a dead key that starts a compose sequence
        // alike) may change what the next one types: that one goes through Qt.
        Fixture f;
        QVERIFY(f.ready());
        int shortcuts = 0;
        QShortcut shortcut(QKeySequence(QStringLiteral("Ctrl+Shift+X")), &f.window);
        QObject::connect(&shortcut, &QShortcut::activated, [&shortcuts] { ++shortcuts; });
        QVERIFY(f.learn("e", "e"));
        const int sent = fast->keysSent();
        QVERIFY(press("ctrl+shift+x"));
        QTRY_COMPARE(shortcuts, 1);
        QVERIFY(f.learn("e", "e"));
        QCOMPARE(fast->keysSent(), sent);
        QVERIFY(f.learn("e", "e"));
        QCOMPARE(fast->keysSent(), sent + 1);
    }

    void otherWidgetsKeepTheirKeys()
    {
        Fixture f;
        QVERIFY(f.ready());
        QVERIFY(f.learn("f", "f"));
        const int sent = fast->keysSent();
        f.line->setFocus();
        QTRY_VERIFY(f.line->hasFocus());
        QVERIFY(press("f"));
        QTRY_COMPARE(f.line->text(), QStringLiteral("f"));
        QCOMPARE(f.typed, QStringLiteral("f"));
        QCOMPARE(fast->keysSent(), sent);
    }

    void anOpenPopupGetsTheKeys()
    {
        Fixture f;
        QVERIFY(f.ready());
        QVERIFY(f.learn("h", "h"));
        const int sent = fast->keysSent();
        QMenu menu;
        QAction* hello = menu.addAction(QStringLiteral("&hello"));
        QSignalSpy chosen(hello, &QAction::triggered);
        menu.popup(f.window.mapToGlobal(QPoint(10, 10)));
        QVERIFY(QTest::qWaitForWindowExposed(&menu));
        QVERIFY(press("h"));
        QTRY_COMPARE(chosen.count(), 1);
        QCOMPARE(f.typed, QStringLiteral("h"));
        QCOMPARE(fast->keysSent(), sent);

        // And the key after the menu's goes through Qt (the menu kept the last).
        QVERIFY(f.ready());
        QVERIFY(f.learn("h", "h"));
        QCOMPARE(fast->keysSent(), sent);
    }

    void composedTextAndDisabledInputGoThroughQt()
    {
        Fixture f;
        QVERIFY(f.ready());
        QVERIFY(f.learn("g", "g"));
        const int sent = fast->keysSent();
        QInputMethodEvent preedit(QStringLiteral("か"), {});
        QApplication::sendEvent(f.terminal, &preedit);
        QVERIFY(f.learn("g", "g")); // through Qt, as typing while composing always went
        QCOMPARE(fast->keysSent(), sent);
        QInputMethodEvent done;
        QApplication::sendEvent(f.terminal, &done);
        QVERIFY(f.terminal->preeditText().isEmpty());

        // Input switched off (a closed session): Qt delivers the key, the terminal ignores it.
        f.terminal->setInputEnabled(false);
        EventCounter counter(QEvent::KeyPress); // presses Qt delivered
        f.terminal->installEventFilter(&counter);
        QVERIFY(press("g"));
        QTRY_COMPARE(counter.count, 1);
        QCOMPARE(fast->keysSent(), sent);
        QCOMPARE(f.typed, QStringLiteral("gg"));
    }
};

// A private X server for this test: Xvfb picks a free display and writes its number.
static pid_t startXvfb(std::string& display)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        const std::string fd = std::to_string(fds[1]);
        execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", "1024x768x24", "-nolisten", "tcp",
               static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    char buffer[32] = {};
    ssize_t got = 0;
    while (got < ssize_t(sizeof buffer) - 1) {
        const ssize_t n = read(fds[0], buffer + got, sizeof buffer - 1 - size_t(got));
        if (n <= 0 || buffer[got + n - 1] == '\n') {
            got += n > 0 ? n : 0;
            break;
        }
        got += n;
    }
    close(fds[0]);
    if (got <= 1)
        return -1;
    display = ":" + std::string(buffer, size_t(got - 1));
    return pid;
}

int main(int argc, char** argv)
{
    std::string display;
    const pid_t xvfb = startXvfb(display);
    if (xvfb <= 0) {
        std::fprintf(stderr, "TestTypingFastPath: could not start Xvfb (package xvfb)\n");
        return 1;
    }
    const auto stopXvfb = qScopeGuard([xvfb] {
        kill(xvfb, SIGTERM);
        waitpid(xvfb, nullptr, 0);
    });
    qputenv("DISPLAY", QByteArray::fromStdString(display));
    qputenv("QT_QPA_PLATFORM", "xcb");
    qunsetenv("QT_IM_MODULE");
    qunsetenv("QT_IM_MODULES");
    qunsetenv("TSUNAGI_NO_TYPING_FAST_PATH");
    // With DISPLAY set and no session bus, libdbus would try to autolaunch one for the new X
    // server (and leak its read buffer when dbus-launch is missing); on a developer's desktop the
    // test would talk to the real session bus, whose accessibility and input method services could
    // change what it sees. A bus address nobody listens on keeps both out.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + qgetenv("TSUNAGI_TEST_SCRATCH") + "/no-session-bus");
    QApplication app(argc, argv);
    TestTypingFastPath test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestTypingFastPath.moc"
