// tsunagi_bench_host: the loopback host of the benchmarks. TLS (QSslServer) with a Telnet layer
// (libtelnet: every option the client offers is refused, so a Telnet client and a raw TLS pipe see
// the very same bytes; in echo mode it offers ECHO), on 127.0.0.1 only.
//
//   tsunagi_bench_host --dir DIR --mode throughput|echo|flood|greet [--payloads mixed,ascii,y]
//                      [--bytes N] [--reps N] [--warmup N] [--auto]
//
// Prints "PORT n" once listening, then one JSON object per line. The CA the client must trust is
// DIR/ca.pem (made at first start with the project's certificate generator).
//
// throughput: on connect, asks the terminal its grid size (CUP 999;999 then CPR: ESC[6n) and
//   prints {"event":"grid"}. Then waits for "go" on stdin ("probe" asks the size again), unless
//   --auto. For each payload and repetition: clears the screen (untimed), then sends the payload
//   (64 KiB writes, at most 256 KiB queued, as a program's output reaches a host's socket)
//   followed by ESC[6n and times until the answer comes back: a terminal answers only after it
//   processed every byte before the request. Before the first repetition of each payload, the
//   payload's first --warmup bytes go the same way untimed (a terminal's first screenfuls pay for
//   allocations and caches that the rest do not). Prints {"event":"result"} per payload, then
//   closes.
// echo: sends back whatever the client types after a CR (the host echoes, as a tty would, and
//   offers Telnet ECHO at the start, so a Telnet client leaves the echoing to it).
// flood: sends the payload (--payloads, first name) as fast as the connection takes it.
// greet: sends "X" as soon as the handshake is done and then echoes.
#include "demo/DemoPki.h"
#include "Payloads.h"

#include <libtelnet.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QSocketNotifier>
#include <QSslServer>
#include <QSslSocket>

#include <cstdio>
#include <functional>
#include <unistd.h>

namespace {

const telnet_telopt_t kNoOptions[] = {{-1, 0, 0}};
// echo mode: the host echoes what is typed, and says so (WILL ECHO), as a Telnet host in
// character mode does; a Telnet client then shows only the host's echo, like a terminal on a pipe.
const telnet_telopt_t kEchoOptions[] = {{TELNET_TELOPT_ECHO, TELNET_WILL, TELNET_DONT}, {-1, 0, 0}};

void printJson(const QJsonObject& object)
{
    std::fputs(QJsonDocument(object).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

struct Options
{
    QString mode;
    QStringList payloads;
    qsizetype bytes = 4 * 1024 * 1024;
    int reps = 3;
    qsizetype warmupBytes = 0;
    bool autoGo = false;
};

class HostConnection final : public QObject
{
public:
    HostConnection(QSslSocket* socket, const Options& options)
        : QObject(socket), m_socket(socket), m_options(options)
    {
        const bool echo = m_options.mode == QLatin1String("echo");
        m_telnet = telnet_init(echo ? kEchoOptions : kNoOptions, &HostConnection::onTelnetEvent, 0, this);
        if (echo)
            telnet_negotiate(m_telnet, TELNET_WILL, TELNET_TELOPT_ECHO);
        connect(socket, &QSslSocket::readyRead, this, [this] {
            const QByteArray bytes = m_socket->readAll();
            telnet_recv(m_telnet, bytes.constData(), size_t(bytes.size()));
        });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QSslSocket::encryptedBytesWritten, this, [this] {
            if (m_options.mode == QLatin1String("flood"))
                feedFlood();
            else
                feedOutgoing();
        });
    }
    ~HostConnection() override { telnet_free(m_telnet); }

    void start()
    {
        if (m_options.mode == QLatin1String("throughput")) {
            probeGrid();
        } else if (m_options.mode == QLatin1String("greet")) {
            m_socket->write("X");
        } else if (m_options.mode == QLatin1String("flood")) {
            m_flood = BenchPayloads::make(m_options.payloads.value(0, QStringLiteral("y")), 256 * 1024);
            feedFlood();
        }
    }

    void command(const QByteArray& line)
    {
        if (line == "go" && !m_running)
            runNext();
        else if (line == "probe" && !m_running)
            probeGrid();
    }

private:
    static void onTelnetEvent(telnet_t*, telnet_event_t* event, void* user)
    {
        auto* self = static_cast<HostConnection*>(user);
        switch (event->type) {
        case TELNET_EV_DATA:
            self->onData(QByteArray(event->data.buffer, qsizetype(event->data.size)));
            break;
        case TELNET_EV_SEND:
            self->m_socket->write(event->data.buffer, qint64(event->data.size));
            break;
        default:
            break;
        }
    }

    void onData(const QByteArray& data)
    {
        if (m_options.mode != QLatin1String("throughput")) {
            // Echo at the start of the line, so each key changes the same cell on screen.
            if (m_options.mode != QLatin1String("flood"))
                m_socket->write("\r" + data); // never an IAC: typed text is UTF-8
            return;
        }
        m_received += data;
        static const QRegularExpression cpr(QStringLiteral("\x1b\\[(\\d+);(\\d+)R"));
        const QRegularExpressionMatch match = cpr.match(QString::fromLatin1(m_received));
        if (!match.hasMatch())
            return;
        m_received.remove(0, match.capturedEnd());
        const int row = match.captured(1).toInt();
        const int column = match.captured(2).toInt();
        if (auto next = std::exchange(m_onAnswer, nullptr))
            next(row, column);
    }

    void probeGrid()
    {
        m_onAnswer = [this](int rows, int columns) {
            printJson({{"event", "grid"}, {"rows", rows}, {"cols", columns}});
            m_socket->write("\x1b[H\x1b[2J");
            if (m_options.autoGo)
                runNext();
        };
        m_socket->write("\x1b[999;999H\x1b[6n");
    }

    void runNext()
    {
        m_running = true;
        if (m_payloadIndex >= m_options.payloads.size()) {
            printJson({{"event", "done"}});
            m_socket->disconnectFromHost();
            return;
        }
        const QString name = m_options.payloads[m_payloadIndex];
        if (m_payload.isEmpty()) {
            m_payload = BenchPayloads::make(name, m_options.bytes);
            if (m_options.warmupBytes > 0) {
                // Whole lines only: a cut inside a sequence would swallow the request that follows.
                const qsizetype lineEnd =
                    m_payload.lastIndexOf("\r\n", qMin(m_options.warmupBytes, m_payload.size()));
                const qsizetype cut = lineEnd < 0 ? 0 : lineEnd + 2;
                m_onAnswer = [this, cut](int, int) {
                    m_onAnswer = [this](int, int) { runNext(); };
                    sendThenAskForTheCursor(QByteArrayView(m_payload).first(cut));
                };
                m_socket->write("\x1b[0m\x1b[H\x1b[2J\x1b[6n");
                return;
            }
        }
        // Untimed: clear the screen, home the cursor, and wait until the terminal has done so.
        m_onAnswer = [this, name](int, int) {
            m_timer.start();
            m_onAnswer = [this, name](int, int) {
                const double ms = double(m_timer.nsecsElapsed()) / 1e6;
                m_times.append(ms);
                if (m_times.size() < m_options.reps) {
                    runNext();
                    return;
                }
                printJson({{"event", "result"},
                           {"payload", name},
                           {"bytes", double(m_payload.size())},
                           {"ms", m_times}});
                m_times = QJsonArray();
                m_payload.clear();
                ++m_payloadIndex;
                runNext();
            };
            sendThenAskForTheCursor(m_payload);
        };
        m_socket->write("\x1b[0m\x1b[H\x1b[2J\x1b[6n");
    }

    // Sends a payload as a program on a host writes to its terminal, a slice at a time while the
    // connection takes it, and then the cursor-position request. One write of the whole payload had
    // the host encrypt all 4 MiB before the first byte left, and grow its buffers to that size on the
    // first repetition: time that counted against every terminal alike, in proportion most against
    // the fastest.
    void sendThenAskForTheCursor(QByteArrayView bytes)
    {
        m_outgoing = bytes;
        feedOutgoing();
    }

    void feedOutgoing()
    {
        constexpr qsizetype kSlice = 64 * 1024;
        constexpr qint64 kQueued = 256 * 1024;
        if (m_outgoing.isNull() || m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        while (!m_outgoing.isEmpty() &&
               m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite() < kQueued) {
            const QByteArrayView slice = m_outgoing.first(qMin(kSlice, m_outgoing.size()));
            m_socket->write(slice.data(), slice.size());
            m_outgoing = m_outgoing.sliced(slice.size());
        }
        if (m_outgoing.isEmpty()) {
            m_outgoing = QByteArrayView();
            m_socket->write("\x1b[6n");
        }
    }

    void feedFlood()
    {
        // Keep about 1 MiB queued. QSslSocket hands written data on to the TCP socket at once, so
        // its own bytesToWrite() can stay 0: count the encrypted bytes still queued too.
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        if (m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite() < 1024 * 1024)
            m_socket->write(m_flood);
    }

    QSslSocket* m_socket;
    Options m_options;
    telnet_t* m_telnet = nullptr;
    QByteArray m_received;
    std::function<void(int, int)> m_onAnswer;
    bool m_running = false;
    int m_payloadIndex = 0;
    QByteArray m_payload;
    QByteArrayView m_outgoing; // what sendThenAskForTheCursor() has yet to send (null: nothing)
    QByteArray m_flood;
    QJsonArray m_times;
    QElapsedTimer m_timer;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{"dir", "Folder for the CA and server certificate.", "dir"},
                       {"mode", "throughput, echo, flood or greet.", "mode", "throughput"},
                       {"payloads", "Comma-separated payload names.", "names", "mixed,ascii,y"},
                       {"bytes", "Bytes per payload.", "n", "4194304"},
                       {"reps", "Repetitions per payload.", "n", "3"},
                       {"warmup", "Bytes of each payload sent untimed first.", "n", "0"},
                       {"auto", "Start the payloads right after the grid probe."}});
    parser.process(app);

    Options options;
    options.mode = parser.value("mode");
    options.payloads = parser.value("payloads").split(',', Qt::SkipEmptyParts);
    options.bytes = parser.value("bytes").toLongLong();
    options.reps = qMax(1, parser.value("reps").toInt());
    options.warmupBytes = qMax(0LL, parser.value("warmup").toLongLong());
    options.autoGo = parser.isSet("auto");

    const QString dir = parser.value("dir");
    QDir().mkpath(dir);
    const QString caFile = dir + "/ca.pem";
    const QString certFile = dir + "/server.pem";
    const QString keyFile = dir + "/server.key";
    if (!QFile::exists(keyFile)) {
        const DemoPki::Credential ca = DemoPki::makeCa(QStringLiteral("Tsunagi Bench CA"));
        const DemoPki::Credential server = DemoPki::issueServer(ca);
        ca.writeCertificate(caFile);
        server.writeCertificate(certFile);
        server.writeKey(keyFile);
    }
    QFile certIn(certFile), keyIn(keyFile);
    certIn.open(QIODevice::ReadOnly);
    keyIn.open(QIODevice::ReadOnly);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(QSslCertificate(certIn.readAll()));
    configuration.setPrivateKey(QSslKey(keyIn.readAll(), QSsl::Ec));
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);

    QSslServer server;
    server.setSslConfiguration(configuration);
    QPointer<HostConnection> current;
    QObject::connect(&server, &QSslServer::pendingConnectionAvailable, [&] {
        while (QTcpSocket* next = server.nextPendingConnection()) {
            auto* socket = qobject_cast<QSslSocket*>(next);
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            current = new HostConnection(socket, options);
            current->start();
        }
    });
    QObject::connect(&server, &QSslServer::errorOccurred,
                     [](QSslSocket* socket, QAbstractSocket::SocketError) { socket->deleteLater(); });
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        std::fprintf(stderr, "tsunagi_bench_host: cannot listen on 127.0.0.1\n");
        return 1;
    }
    std::printf("PORT %d\n", int(server.serverPort()));
    std::fflush(stdout);

    // Commands for the current connection, one a line: "go", "probe", "quit".
    QByteArray stdinBuffer;
    QSocketNotifier stdinNotifier(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&stdinNotifier, &QSocketNotifier::activated, [&] {
        char buffer[256];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            stdinNotifier.setEnabled(false);
            return;
        }
        stdinBuffer.append(buffer, n);
        qsizetype eol;
        while ((eol = stdinBuffer.indexOf('\n')) >= 0) {
            const QByteArray line = stdinBuffer.left(eol).trimmed();
            stdinBuffer.remove(0, eol + 1);
            if (line == "quit")
                QCoreApplication::quit();
            else if (current)
                current->command(line);
        }
    });
    return app.exec();
}
