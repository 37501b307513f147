// tsunagi_bench: Tsunagi's side of the benchmarks (tests/bench/run_bench.py drives it).
//
//   term --port P --ca FILE --rows R --cols C    a session tab (the real SessionWidget and
//        TerminalWidget painting on the X server) connected to the bench host; exits when the
//        host closes the connection.
//   connect --port P --ca FILE --count N         opens a session N times; prints the time from
//        open() to the first host byte painted on screen, one JSON line.
//   make-profiles --config-dir DIR --count N     writes a profile store of N profiles.
//   startup [--config-dir DIR] | startup-empty   starts the real GUI (runGuiApplication) or an empty
//        Qt window; prints the CLOCK_MONOTONIC time (ns) when the first frame was painted, and exits.
//   memory --sessions N --lines L --cols C       N session tabs each with L lines of C-column
//        scrollback; prints RSS and bytes per scrollback cell.
//   keyprobe --window WID --count N              types N keys with xdotool into window WID and times
//        each until the window's top rows change on screen (any X client: Tsunagi, xterm).
//   responsiveness --flood-port P --echo-port Q --ca FILE --seconds S
//        one session flooded, a second one typed into; an event-loop watchdog measures stalls
//        (TSUNAGI_BENCH_STALLS=1 prints each one over 50 ms, with when it happened).
//   model --payload NAME --bytes B --rows R --cols C   the terminal model alone (no widget, no
//        connection) fed a payload in 4 KiB writes; prints the time. For profiling the parse path
//        with perf or callgrind.
//   paint --payload NAME --rows R --cols C --count N   the terminal widget alone, showing the end of
//        a payload, painted whole N times; prints the time per frame.
#include "Payloads.h"

#include "profiles/ProfileManager.h"
#include "session/Session.h"
#include "terminal/TerminalModel.h"
#include "ui/Application.h"
#include "ui/session/SessionWidget.h"
#include "ui/session/TerminalWidget.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QHBoxLayout>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QPixmap>
#include <QProcess>
#include <QScreen>
#include <QStyleHints>
#include <QTabWidget>
#include <QTimer>

#include <xcb/damage.h>
#include <xcb/xcb.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <malloc.h>
#include <poll.h>

namespace {

void printJson(const QJsonObject& object)
{
    std::fputs(QJsonDocument(object).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

qint64 monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

QJsonArray toJson(const QList<double>& values)
{
    QJsonArray out;
    for (double v : values)
        out.append(v);
    return out;
}

qint64 rssBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    return 0;
}

Profile benchProfile(quint16 port, const QString& caFile, int rows = 24, int columns = 80)
{
    Profile profile;
    profile.name = QStringLiteral("bench");
    profile.host = QStringLiteral("127.0.0.1");
    profile.port = port;
    profile.protocol = SessionProtocol::Telnet;
    profile.security.tlsEnabled = true;
    profile.security.trustSource = TrustSource::App;
    profile.security.extraCaFiles = {caFile};
    profile.terminal.rows = rows;
    profile.terminal.columns = columns;
    return profile;
}

// Calls `then` after the window's next frame has been painted and flushed to the X server:
// widgets paint while the top level handles UpdateRequest; a zero timer runs once that is done.
// A terminal puts an echo on screen without a frame (TerminalWidget::paintEchoDirectly()), right
// when its model reports the change: that counts too, seen after the terminal's own handling.
class FramePainted final : public QObject
{
public:
    FramePainted(QWidget* window, std::function<bool()> ready, std::function<void()> then)
        : QObject(window), m_ready(std::move(ready)), m_then(std::move(then))
    {
        window->installEventFilter(this);
        const QList<TerminalWidget*> terminals = window->findChildren<TerminalWidget*>();
        for (TerminalWidget* terminal : terminals) {
            QObject::connect(terminal->model(), &TerminalModel::damaged, this,
                             [this, terminal, copied = terminal->directEchoes()] {
                                 if (terminal->directEchoes() != copied && m_ready())
                                     fire();
                             });
        }
    }
    bool eventFilter(QObject*, QEvent* event) override
    {
        if ((event->type() == QEvent::UpdateRequest || event->type() == QEvent::Paint) && m_ready())
            fire();
        return false;
    }

private:
    void fire()
    {
        if (m_fired)
            return;
        m_fired = true;
        QTimer::singleShot(0, this, [this] {
            m_then();
            deleteLater();
        });
    }

    std::function<bool()> m_ready;
    std::function<void()> m_then;
    bool m_fired = false;
};

// Keeps the terminal at exactly columns x rows by sizing the window around it.
void fitGrid(QWidget* window, TerminalWidget* terminal, int columns, int rows)
{
    const QSize want = terminal->sizeForGrid(columns, rows);
    const QSize delta = want - terminal->size();
    if (!delta.isNull())
        window->resize(window->size() + delta);
}

int runTerm(const QCommandLineParser& args)
{
    // A steady cursor, as xterm's is by default: keyprobe takes the first change it sees in the
    // window for the echo, and a blink phase ending just then would count as one.
    QGuiApplication::styleHints()->setCursorFlashTime(0);
    const int rows = args.value("rows").toInt();
    const int columns = args.value("cols").toInt();
    const Profile profile =
        benchProfile(quint16(args.value("port").toUInt()), args.value("ca"), rows, columns);
    auto* tab = new SessionWidget(profile);
    tab->setAttribute(Qt::WA_DeleteOnClose);
    tab->show();
    QCoreApplication::processEvents();
    fitGrid(tab, tab->terminalWidget(), columns, rows);
    // The inline bar and the status line come and go while connecting: keep the grid exact.
    QObject::connect(tab->terminalWidget(), &TerminalWidget::sizeChanged, tab,
                     [tab, columns, rows](int c, int r) {
                         if (c != columns || r != rows)
                             QTimer::singleShot(0, tab, [tab, columns, rows] {
                                 fitGrid(tab, tab->terminalWidget(), columns, rows);
                             });
                     });
    QObject::connect(tab->session(), &Session::stateChanged, tab, [tab, columns, rows](Session::State state) {
        if (state == Session::State::Connected) {
            fitGrid(tab, tab->terminalWidget(), columns, rows);
            tab->terminalWidget()->setFocus();
        } else if (state == Session::State::Failed || state == Session::State::Disconnected) {
            if (state == Session::State::Failed)
                std::fprintf(stderr, "tsunagi_bench: connection failed: %s\n",
                             qPrintable(tab->session()->failure().entryId));
            QCoreApplication::exit(state == Session::State::Failed ? 1 : 0);
        }
    });
    // TSUNAGI_BENCH_KEYTIMES=1: for each key press, the time until the echo was parsed and until
    // it was painted (printed to stderr), to see where a keystroke's latency goes.
    static QElapsedTimer keyClock;
    if (qEnvironmentVariableIsSet("TSUNAGI_BENCH_KEYTIMES")) {
        struct KeyWatch : QObject
        {
            bool eventFilter(QObject*, QEvent* event) override
            {
                if (event->type() == QEvent::KeyPress && !keyClock.isValid())
                    keyClock.start();
                return false;
            }
        };
        qApp->installEventFilter(new KeyWatch);
        // Connected after the widget's own slot: runs once the echo has been painted.
        QObject::connect(tab->terminalWidget()->model(), &TerminalModel::damaged, tab, [] {
            if (keyClock.isValid())
                std::fprintf(stderr, "key to echo painted: %.3f ms\n", double(keyClock.nsecsElapsed()) / 1e6);
            keyClock.invalidate();
        });
    }
    tab->start();
    return QApplication::exec();
}

int runConnect(const QCommandLineParser& args)
{
    const Profile profile = benchProfile(quint16(args.value("port").toUInt()), args.value("ca"));
    const int count = qMax(1, args.value("count").toInt());
    QList<double> times;
    QWidget window;
    auto* layout = new QHBoxLayout(&window);
    layout->setContentsMargins(0, 0, 0, 0);
    window.show();
    std::function<void()> next = [&] {
        if (times.size() >= count) {
            printJson({{"event", "connect"}, {"median_ms", median(times)}, {"ms", toJson(times)}});
            QCoreApplication::quit();
            return;
        }
        auto* tab = new SessionWidget(profile, &window);
        layout->addWidget(tab);
        tab->show();
        TerminalModel* model = tab->session()->terminal();
        const qint64 t0 = monotonicNs();
        new FramePainted(
            &window, [model] { return model->screenText().contains(QLatin1Char('X')); },
            [&, tab, t0] {
                times.append(double(monotonicNs() - t0) / 1e6);
                tab->session()->close();
                tab->deleteLater();
                QTimer::singleShot(0, next);
            });
        QObject::connect(tab->session(), &Session::stateChanged, tab, [tab](Session::State s) {
            if (s == Session::State::Failed) {
                std::fprintf(stderr, "tsunagi_bench: connection failed: %s\n",
                             qPrintable(tab->session()->failure().entryId));
                QCoreApplication::exit(1);
            }
        });
        tab->start();
    };
    QTimer::singleShot(0, next);
    return QApplication::exec();
}

int runMakeProfiles(const QCommandLineParser& args)
{
    const QString dir = args.value("config-dir");
    qputenv("TSUNAGI_CONFIG_DIR", dir.toLocal8Bit());
    // Saved as Tsunagi saves it: its outline goes to Tsunagi's cache folder too.
    QCoreApplication::setApplicationName(QStringLiteral("tsunagi"));
    ProfileManager manager(dir + QStringLiteral("/profiles.json"));
    manager.startWithEmptyList();
    QList<Profile> profiles;
    QStringList folders;
    const int count = args.value("count").toInt();
    for (int i = 0; i < count; ++i) {
        Profile p;
        p.name = QStringLiteral("host-%1").arg(i, 5, 10, QLatin1Char('0'));
        p.folder = QStringLiteral("Site %1/Rack %2").arg(i / 500).arg((i / 50) % 10);
        p.host = QStringLiteral("host-%1.example.test").arg(i);
        profiles.append(p);
        if (!folders.contains(p.folder))
            folders.append(p.folder);
    }
    const auto report = manager.importProfiles(profiles, folders);
    Q_UNUSED(report);
    printJson(
        {{"event", "profiles"}, {"count", int(manager.profiles().size())}, {"file", manager.storeFile()}});
    return manager.profiles().size() == count ? 0 : 1;
}

// Startup: the GUI start is the application's own; a pre-routine (run when QApplication is
// constructed) watches for the main window's first painted frame, as runStartupEmpty() does for
// its window: an application-wide filter sees the window's first update before it is painted.
// The frame counts once the session tree has its profiles.
bool g_startupHook = false;
class MainWindowPainted final : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject* object, QEvent* event) override
    {
        if (m_fired || (event->type() != QEvent::UpdateRequest && event->type() != QEvent::Paint))
            return false;
        auto* w = qobject_cast<QWidget*>(object);
        if (!w || !w->isWindow() || !w->isVisible() || !w->inherits("QMainWindow"))
            return false;
        const auto* tree = w->findChild<QAbstractItemView*>(QStringLiteral("sessionTree"));
        if (!tree || !tree->model() || tree->model()->rowCount() == 0)
            return false;
        m_fired = true;
        // After this event: the frame is painted when the update it starts has run.
        QTimer::singleShot(0, this, [] {
            printJson({{"event", "painted"}, {"monotonic_ns", double(monotonicNs())}});
            QCoreApplication::exit(0);
        });
        return false;
    }

private:
    bool m_fired = false;
};
void startupHook()
{
    if (g_startupHook)
        qApp->installEventFilter(new MainWindowPainted(qApp));
}
Q_COREAPP_STARTUP_FUNCTION(startupHook)

int runStartupEmpty()
{
    QWidget window;
    window.resize(900, 600);
    new FramePainted(
        &window, [] { return true; },
        [] {
            printJson({{"event", "painted"}, {"monotonic_ns", double(monotonicNs())}});
            QCoreApplication::exit(0);
        });
    window.show();
    return QApplication::exec();
}

int runMemory(const QCommandLineParser& args)
{
    const int sessions = args.value("sessions").toInt();
    const int lines = args.value("lines").toInt();
    const int columns = args.value("cols").toInt();
    // Lines of distinct printable text, full width, so nothing is trimmed away.
    auto fill = [&](TerminalModel* model) {
        QByteArray chunk;
        for (int i = 0; i < lines + model->rows(); ++i) {
            QByteArray line(columns, 'a');
            for (int c = 0; c < columns; ++c)
                line[c] = char('!' + (i * 7 + c * 13) % 90);
            chunk += line;
            chunk += "\r\n";
            if (chunk.size() > 64 * 1024) {
                model->write(chunk);
                chunk.clear();
            }
        }
        model->write(chunk);
    };

    // One model alone: heap bytes per scrollback cell.
    malloc_trim(0);
    const size_t heapBefore = mallinfo2().uordblks;
    {
        TerminalModel model(24, columns, lines);
        fill(&model);
        const size_t heapAfter = mallinfo2().uordblks;
        const double cells = double(model.scrollbackCount()) * columns;
        printJson({{"event", "cell"},
                   {"bytes_per_cell", double(heapAfter - heapBefore) / cells},
                   {"scrollback_lines", model.scrollbackCount()}});
    }

    QTabWidget tabs;
    tabs.resize(800, 500);
    tabs.show();
    QCoreApplication::processEvents();
    malloc_trim(0);
    const qint64 rssBefore = rssBytes();
    for (int i = 0; i < sessions; ++i) {
        Profile profile = benchProfile(1, QString());
        profile.terminal.scrollbackLines = lines;
        auto* tab = new SessionWidget(profile);
        tabs.addTab(tab, QString::number(i));
        fill(tab->session()->terminal());
        QCoreApplication::processEvents();
    }
    for (int i = 0; i < sessions; ++i) { // paint every tab once
        tabs.setCurrentIndex(i);
        QCoreApplication::processEvents();
    }
    const qint64 rssAfter = rssBytes();
    printJson({{"event", "memory"},
               {"sessions", sessions},
               {"rss_total_bytes", double(rssAfter)},
               {"rss_sessions_bytes", double(rssAfter - rssBefore)},
               {"rss_base_bytes", double(rssBefore)}});
    return 0;
}

// Tells when the X server has drawn into a window: the DAMAGE extension reports every drawing
// request as the server carries it out, whichever client sent it. The watch has an X connection
// of its own and waits on it in the calling thread: Qt reads its connection's events on a thread
// of its own and wakes the main thread for them, a hand-off of tens of microseconds that would
// count in every figure.
class WindowDamageWatch final
{
public:
    explicit WindowDamageWatch(xcb_window_t window)
    {
        m_connection = xcb_connect(nullptr, nullptr);
        if (xcb_connection_has_error(m_connection))
            return;
        const xcb_query_extension_reply_t* extension = xcb_get_extension_data(m_connection, &xcb_damage_id);
        if (!extension || !extension->present)
            return;
        m_firstEvent = extension->first_event;
        free(xcb_damage_query_version_reply(
            m_connection,
            xcb_damage_query_version(m_connection, XCB_DAMAGE_MAJOR_VERSION, XCB_DAMAGE_MINOR_VERSION),
            nullptr));
        m_damage = xcb_generate_id(m_connection);
        xcb_damage_create(m_connection, m_damage, window, XCB_DAMAGE_REPORT_LEVEL_RAW_RECTANGLES);
        xcb_flush(m_connection);
    }
    ~WindowDamageWatch()
    {
        if (m_damage)
            xcb_damage_destroy(m_connection, m_damage);
        xcb_disconnect(m_connection);
    }
    Q_DISABLE_COPY_MOVE(WindowDamageWatch)

    bool isValid() const { return m_damage != 0; }

    // Forgets drawing reported so far.
    void discard()
    {
        while (xcb_generic_event_t* event = xcb_poll_for_event(m_connection))
            free(event);
    }

    // Sleeps until the X server reports drawing into the window and returns when that was, in
    // nanoseconds on `clock`; -1 if nothing was drawn before `clock` reached `untilMs`.
    qint64 waitForDrawing(const QElapsedTimer& clock, qint64 untilMs)
    {
        for (;;) {
            if (takeDamage())
                return clock.nsecsElapsed();
            const qint64 left = untilMs - clock.elapsed();
            if (left <= 0)
                return -1;
            pollfd watched{xcb_get_file_descriptor(m_connection), POLLIN, 0};
            if (::poll(&watched, 1, int(left)) > 0) {
                const qint64 readyNs = clock.nsecsElapsed();
                if (takeDamage())
                    return readyNs;
            }
            if (xcb_connection_has_error(m_connection))
                return -1;
        }
    }

private:
    // Reads what has arrived; true if a drawing report was among it.
    bool takeDamage()
    {
        bool drawn = false;
        while (xcb_generic_event_t* event = xcb_poll_for_event(m_connection)) {
            drawn = drawn || (event->response_type & 0x7f) == m_firstEvent + XCB_DAMAGE_NOTIFY;
            free(event);
        }
        return drawn;
    }

    xcb_connection_t* m_connection = nullptr;
    xcb_damage_damage_t m_damage = 0;
    uint8_t m_firstEvent = 0;
};

// Types keys with xdotool (XTEST) into an X window and times each until its top rows change.
// --watch damage (the default): the time the X server reported drawing into the window, counted
// once a grab shows the drawing changed the top rows; the probe sleeps until then. --watch grab:
// the top rows grabbed again and again until they change (each grab takes about 1 ms and keeps
// a core busy).
int runKeyprobe(const QCommandLineParser& args)
{
    const WId window = WId(args.value("window").toULongLong(nullptr, 0));
    const int count = args.value("count").toInt();
    const int height = args.value("probe-height").toInt();
    const int width = args.value("probe-width").toInt();
    const bool byDamage = args.value("watch") != QLatin1String("grab");
    QScreen* screen = QGuiApplication::primaryScreen();
    auto grab = [&] { return screen->grabWindow(window, 0, 0, width, height).toImage(); };
    QProcess::execute(QStringLiteral("xdotool"), {QStringLiteral("windowfocus"), QString::number(window)});
    WindowDamageWatch damage{xcb_window_t(window)};
    if (byDamage && !damage.isValid()) {
        std::fprintf(stderr, "tsunagi_bench: the X server has no DAMAGE extension; use --watch grab\n");
        return 1;
    }
    // One xdotool reads the keys from its standard input: started once per key, its own start-up
    // (about 2.3 ms of loading and X set-up, on the same two cores as the terminal) was most of
    // each figure and most of its noise.
    QProcess xdotool;
    xdotool.start(QStringLiteral("xdotool"), {QStringLiteral("-")});
    if (!xdotool.waitForStarted()) {
        std::fprintf(stderr, "tsunagi_bench: xdotool did not start\n");
        return 1;
    }
    auto typeKey = [&xdotool](char key) {
        xdotool.write(QByteArray("key ") + key + '\n');
        xdotool.waitForBytesWritten(1000);
    };
    // Between keys the probe keeps polling rather than sleeping: with every virtual CPU idle, the
    // hypervisor took 3-9 ms to wake one for the next key, for either terminal at random, and
    // that, not the terminal, became the figure. No key is timed while it polls.
    auto settle = [](int ms) {
        QElapsedTimer settling;
        settling.start();
        while (settling.elapsed() < ms)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    };
    // xdotool looks up the keyboard map at its first key; that one is not timed.
    typeKey('a');
    settle(200);
    QList<double> times;
    const char keys[] = {'b', 'a'};
    int timeouts = 0;
    qint64 grabs = 0;
    qint64 probingNs = 0;
    for (int i = 0; i < count; ++i) {
        const QImage before = grab();
        damage.discard();
        QElapsedTimer timer;
        timer.start();
        typeKey(keys[i % 2]);
        qint64 seenNs = -1;
        while (timer.elapsed() < 2000) {
            if (byDamage) {
                const qint64 drawnNs = damage.waitForDrawing(timer, 2000);
                if (drawnNs < 0)
                    break;
                if (grab() != before) {
                    seenNs = drawnNs;
                    break;
                }
                continue; // drawn, but not changed: wait for the next drawing
            }
            ++grabs;
            if (grab() != before) {
                seenNs = timer.nsecsElapsed();
                break;
            }
        }
        if (!byDamage)
            probingNs += timer.nsecsElapsed();
        if (seenNs >= 0)
            times.append(double(seenNs) / 1e6);
        else
            ++timeouts;
        // Let the frame settle (cursor, blinking) before the next key.
        settle(30);
    }
    xdotool.closeWriteChannel();
    xdotool.waitForFinished();
    QJsonObject result{{"event", "keys"},
                       {"median_ms", median(times)},
                       {"timeouts", timeouts},
                       {"watch", byDamage ? "damage" : "grab"},
                       {"ms", toJson(times)}};
    // How long one grab takes bounds how precisely polling sees a change.
    if (!byDamage)
        result.insert("grab_ms", grabs ? double(probingNs) / 1e6 / double(grabs) : 0.0);
    printJson(result);
    return 0;
}

int runResponsiveness(const QCommandLineParser& args)
{
    const QString ca = args.value("ca");
    const int seconds = args.value("seconds").toInt();
    QWidget window;
    auto* layout = new QHBoxLayout(&window);
    auto* flooded = new SessionWidget(benchProfile(quint16(args.value("flood-port").toUInt()), ca), &window);
    auto* typed = new SessionWidget(benchProfile(quint16(args.value("echo-port").toUInt()), ca), &window);
    layout->addWidget(flooded);
    layout->addWidget(typed);
    window.show();
    window.resize(1400, 500);

    // Watchdog: a 5 ms timer; any longer gap between its ticks is time the event loop was stuck.
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = -1;
    double worstStall = 0;
    QTimer watchdog;
    watchdog.setTimerType(Qt::PreciseTimer);
    watchdog.setInterval(5);
    QObject::connect(&watchdog, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (lastTick >= 0) {
            const double stall = double(now - lastTick) / 1e6 - 5;
            worstStall = qMax(worstStall, stall);
            if (stall > 50 && qEnvironmentVariableIsSet("TSUNAGI_BENCH_STALLS"))
                std::fprintf(stderr, "stall %.1f ms at %.1f ms\n", stall, double(now) / 1e6);
        }
        lastTick = now;
    });

    // Typing into the second session: a key event is posted (queued behind whatever the event
    // loop has to do) and timed until its echo is painted.
    QList<double> echoTimes;
    TerminalModel* typedModel = typed->session()->terminal();
    int typedCount = 0;
    QTimer typist;
    typist.setInterval(50);
    bool waiting = false;
    QObject::connect(&typist, &QTimer::timeout, [&] {
        if (waiting || !typed->session()->isConnected())
            return;
        waiting = true;
        const QChar ch = QChar(u'a' + (typedCount++ % 26));
        const qint64 t0 = clock.nsecsElapsed();
        new FramePainted(
            &window, [typedModel, ch] { return typedModel->screenText().endsWith(ch); },
            [&, t0] {
                echoTimes.append(double(clock.nsecsElapsed() - t0) / 1e6);
                waiting = false;
            });
        QCoreApplication::postEvent(
            typed->terminalWidget(),
            new QKeyEvent(QEvent::KeyPress, Qt::Key_A + (ch.unicode() - u'a'), Qt::NoModifier, QString(ch)));
    });

    // The flood is "y" CR LF: every 3 bytes scroll one line.
    qint64 floodLineAtStart = 0;
    QObject::connect(flooded->session(), &Session::stateChanged, [&](Session::State s) {
        if (s == Session::State::Connected) {
            watchdog.start();
            typist.start();
            floodLineAtStart = flooded->session()->terminal()->screenTopLine();
            QTimer::singleShot(seconds * 1000, [&] {
                const qint64 bytes = 3 * (flooded->session()->terminal()->screenTopLine() - floodLineAtStart);
                std::sort(echoTimes.begin(), echoTimes.end());
                printJson({{"event", "responsiveness"},
                           {"max_stall_ms", worstStall},
                           {"flood_mb_per_s", double(bytes) / 1e6 / seconds},
                           {"echo_median_ms", median(echoTimes)},
                           {"echo_max_ms", echoTimes.isEmpty() ? 0.0 : echoTimes.last()},
                           {"echoes", int(echoTimes.size())}});
                QCoreApplication::quit();
            });
        } else if (s == Session::State::Failed) {
            QCoreApplication::exit(1);
        }
    });
    typed->start();
    flooded->start();
    typed->terminalWidget()->setFocus();
    return QApplication::exec();
}

int runModel(const QCommandLineParser& args)
{
    const QByteArray payload = BenchPayloads::make(args.value("payload"), args.value("bytes").toLongLong());
    TerminalModel model(args.value("rows").toInt(), args.value("cols").toInt(), 10000);
    constexpr qsizetype kChunk = 4096;
    QElapsedTimer timer;
    timer.start();
    for (qsizetype at = 0; at < payload.size(); at += kChunk) {
        model.write(QByteArrayView(payload).sliced(at, qMin(kChunk, payload.size() - at)));
        model.takeDamage();
    }
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    printJson({{"payload", args.value("payload")},
               {"bytes", payload.size()},
               {"ms", ms},
               {"mb_per_s", double(payload.size()) / 1e3 / ms}});
    return 0;
}

int runPaint(const QCommandLineParser& args)
{
    const int rows = args.value("rows").toInt();
    const int columns = args.value("cols").toInt();
    TerminalModel model(rows, columns, 10000);
    TerminalWidget widget(&model);
    QObject::connect(&widget, &TerminalWidget::sizeChanged, &widget,
                     [&model](int c, int r) { model.resize(r, c); });
    widget.resize(widget.sizeForGrid(columns, rows));
    widget.show();
    model.write(QByteArrayView(BenchPayloads::make(args.value("payload"), 256 * 1024)));
    const int count = args.value("count").toInt();
    // Into an image like the window's backing store (offscreen or not, the same raster painting).
    QImage frame(widget.size(), QImage::Format_RGB32);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i)
        widget.render(&frame);
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    printJson({{"payload", args.value("payload")},
               {"grid", QStringLiteral("%1x%2").arg(model.columns()).arg(model.rows())},
               {"frames", count},
               {"ms_per_frame", ms / count}});
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    const QString command = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (command == QLatin1String("startup")) {
        // The application's own start, with argv minus the subcommand.
        g_startupHook = true;
        std::vector<char*> rest{argv[0]};
        for (int i = 2; i < argc; ++i)
            rest.push_back(argv[i]);
        int restCount = int(rest.size());
        rest.push_back(nullptr);
        return runGuiApplication(restCount, rest.data());
    }
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument("command",
                                 "term, connect, make-profiles, startup, startup-empty, memory, keyprobe, "
                                 "responsiveness, model, paint");
    parser.addOptions({{"port", "Bench host port.", "port"},
                       {"ca", "CA file the host's certificate is issued by.", "file"},
                       {"rows", "Rows.", "n", "24"},
                       {"cols", "Columns.", "n", "80"},
                       {"count", "Repetitions.", "n", "100"},
                       {"config-dir", "Configuration folder.", "dir"},
                       {"sessions", "Sessions.", "n", "20"},
                       {"lines", "Scrollback lines.", "n", "10000"},
                       {"window", "X window id.", "id"},
                       {"probe-width", "Width of the probed area (px).", "n", "300"},
                       {"probe-height", "Height of the probed area (px).", "n", "40"},
                       {"watch", "How keyprobe sees the echo: damage or grab.", "how", "damage"},
                       {"flood-port", "Port of the flooding host.", "port"},
                       {"echo-port", "Port of the echo host.", "port"},
                       {"seconds", "Duration.", "n", "5"},
                       {"payload", "Payload (mixed, ascii, y).", "name", "mixed"},
                       {"bytes", "Payload size.", "n", "4194304"}});
    parser.process(app);
    if (command == QLatin1String("term"))
        return runTerm(parser);
    if (command == QLatin1String("connect"))
        return runConnect(parser);
    if (command == QLatin1String("make-profiles"))
        return runMakeProfiles(parser);
    if (command == QLatin1String("startup-empty"))
        return runStartupEmpty();
    if (command == QLatin1String("memory"))
        return runMemory(parser);
    if (command == QLatin1String("keyprobe"))
        return runKeyprobe(parser);
    if (command == QLatin1String("responsiveness"))
        return runResponsiveness(parser);
    if (command == QLatin1String("model"))
        return runModel(parser);
    if (command == QLatin1String("paint"))
        return runPaint(parser);
    std::fprintf(stderr,
                 "usage: tsunagi_bench term|connect|make-profiles|startup|startup-empty|memory|keyprobe|"
                 "responsiveness|model|paint [options]\n");
    return 2;
}
