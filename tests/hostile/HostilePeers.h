#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

// Hostile peers for the hardening tests, on 127.0.0.1 only.
//
// ThreadedServer runs its own blocking loop on a separate thread, so the flood it sends does not
// compete with the event loop under test for time: a stall the watchdog sees is the app's.
class ThreadedServer final
{
public:
    // Called once per accepted connection (only the first is served), on the server thread:
    // write with send(), read with receive(); return to close. closing() tells the script that
    // the test wants it to stop.
    using Script = std::function<void(ThreadedServer& server)>;

    explicit ThreadedServer(Script script);
    ~ThreadedServer();
    Q_DISABLE_COPY_MOVE(ThreadedServer)

    bool listen();
    quint16 port() const { return m_port; }

    // --- for the script (server thread)
    bool send(const QByteArray& bytes); // false once the peer is gone (or the test stops)
    QByteArray receive(int timeoutMs);  // what arrived within timeoutMs (empty: nothing/closed)
    void receiveUntilClosed();          // keeps everything the peer sends, until it closes
    void resetConnection();             // close with RST (SO_LINGER 0) instead of FIN
    bool stopping() const { return m_stop.load(); }
    qint64 bytesSent() const { return m_sent.load(); }
    bool peerClosed() const { return m_peerClosed.load(); }

    // Everything the client sent, so far (any thread).
    QByteArray received() const;

private:
    void run();

    Script m_script;
    int m_listenFd = -1;
    int m_fd = -1;
    quint16 m_port = 0;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_peerClosed{false};
    std::atomic<qint64> m_sent{0};
    mutable std::mutex m_mutex;
    QByteArray m_received;
};

// Measures the longest time the event loop did not get round to a 10 ms timer: how long the
// application would have been unresponsive to the user.
class StallWatchdog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StallWatchdog)

public:
    explicit StallWatchdog(QObject* parent = nullptr);
    void start();
    qint64 longestStallMs() const { return m_longest; }
    int ticks() const { return m_ticks; }

    // The bound the tests assert. It is a functional bound (the window keeps answering the user),
    // not a benchmark: 100 ms is what a person perceives as an interruption. Sanitizer builds run
    // the same code 2-5 times slower, and CI machines are shared, so those get 500 ms; either can
    // be overridden with TSUNAGI_STALL_BOUND_MS. The 10 ms tick itself is included in the measure.
    static qint64 boundMs();

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
    int m_ticks = 0;
};

// The process's resident memory now and at its peak (kB), from /proc/self/status.
qint64 residentKb();
qint64 peakResidentKb();
// True in ASan builds, where memory and speed say nothing about the release build.
bool sanitizedBuild();
