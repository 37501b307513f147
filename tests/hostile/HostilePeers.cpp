#include "HostilePeers.h"

#include <QFile>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

ThreadedServer::ThreadedServer(Script script) : m_script(std::move(script)) {}

ThreadedServer::~ThreadedServer()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    if (m_listenFd >= 0)
        ::close(m_listenFd);
}

bool ThreadedServer::listen()
{
    m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_listenFd < 0)
        return false;
    int one = 1;
    ::setsockopt(m_listenFd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    if (::bind(m_listenFd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(m_listenFd, 4) != 0)
        return false;
    socklen_t length = sizeof address;
    ::getsockname(m_listenFd, reinterpret_cast<sockaddr*>(&address), &length);
    m_port = ntohs(address.sin_port);
    m_thread = std::thread([this] { run(); });
    return true;
}

void ThreadedServer::run()
{
    pollfd listening{m_listenFd, POLLIN, 0};
    while (!m_stop) {
        if (::poll(&listening, 1, 50) > 0)
            break;
    }
    if (m_stop)
        return;
    m_fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
    if (m_fd < 0)
        return;
    m_script(*this);
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

bool ThreadedServer::send(const QByteArray& bytes)
{
    qsizetype offset = 0;
    while (offset < bytes.size()) {
        if (m_stop || m_fd < 0)
            return false;
        pollfd writable{m_fd, POLLOUT, 0};
        if (::poll(&writable, 1, 50) <= 0)
            continue;
        if (writable.revents & (POLLERR | POLLHUP | POLLNVAL)) {
            m_peerClosed = true;
            return false;
        }
        const ssize_t n =
            ::send(m_fd, bytes.constData() + offset, size_t(bytes.size() - offset), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            m_peerClosed = true;
            return false;
        }
        offset += n;
        m_sent += n;
    }
    return true;
}

QByteArray ThreadedServer::receive(int timeoutMs)
{
    if (m_fd < 0)
        return {};
    pollfd readable{m_fd, POLLIN, 0};
    if (::poll(&readable, 1, timeoutMs) <= 0)
        return {};
    char buffer[65536];
    const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
    if (n <= 0) {
        m_peerClosed = true;
        return {};
    }
    const QByteArray bytes(buffer, n);
    std::lock_guard lock(m_mutex);
    m_received += bytes;
    return bytes;
}

void ThreadedServer::receiveUntilClosed()
{
    while (!m_stop && !m_peerClosed)
        receive(50);
}

void ThreadedServer::resetConnection()
{
    if (m_fd < 0)
        return;
    linger hard{1, 0};
    ::setsockopt(m_fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    ::close(m_fd);
    m_fd = -1;
}

QByteArray ThreadedServer::received() const
{
    std::lock_guard lock(m_mutex);
    return m_received;
}

StallWatchdog::StallWatchdog(QObject* parent) : QObject(parent)
{
    m_timer.setInterval(10);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const qint64 now = m_clock.elapsed();
        m_longest = qMax(m_longest, now - m_last);
        m_last = now;
        ++m_ticks;
    });
}

void StallWatchdog::start()
{
    m_clock.start();
    m_last = 0;
    m_longest = 0;
    m_ticks = 0;
    m_timer.start();
}

qint64 StallWatchdog::boundMs()
{
    bool ok = false;
    const qint64 configured = qEnvironmentVariableIntValue("TSUNAGI_STALL_BOUND_MS", &ok);
    if (ok && configured > 0)
        return configured;
    return sanitizedBuild() ? 500 : 100;
}

namespace {
qint64 statusKb(const QByteArray& field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}
} // namespace

qint64 residentKb()
{
    return statusKb("VmRSS:");
}

qint64 peakResidentKb()
{
    return statusKb("VmHWM:");
}

bool sanitizedBuild()
{
#if defined(__SANITIZE_ADDRESS__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    return true;
#else
    return false;
#endif
#else
    return false;
#endif
}
