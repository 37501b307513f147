#include "demo/DemoTelnetHost.h"

#include <QDateTime>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>

#include <libtelnet.h>

namespace {
constexpr qsizetype kMaxLineBytes = 512;
constexpr qint64 kMaxReadBytes = 16 * 1024;

const telnet_telopt_t kOptions[] = {
    {TELNET_TELOPT_ECHO, TELNET_WILL, TELNET_DONT},
    {TELNET_TELOPT_SGA, TELNET_WILL, TELNET_DO},
    {TELNET_TELOPT_NAWS, TELNET_WONT, TELNET_DO},
    {-1, 0, 0},
};

const char kPrompt[] = "\x1b[1;33mdemo>\x1b[0m ";

// Display width of the last UTF-8 character of text (East Asian wide characters take two cells).
int lastCharacterWidth(const QByteArray& removed)
{
    const QString character = QString::fromUtf8(removed);
    if (character.isEmpty())
        return 1;
    const char32_t code = character.toUcs4().value(0);
    const bool wide = (code >= 0x1100 && code <= 0x115F) || (code >= 0x2E80 && code <= 0xA4CF) ||
                      (code >= 0xAC00 && code <= 0xD7A3) || (code >= 0xF900 && code <= 0xFAFF) ||
                      (code >= 0xFE30 && code <= 0xFE4F) || (code >= 0xFF00 && code <= 0xFF60) ||
                      (code >= 0xFFE0 && code <= 0xFFE6) || (code >= 0x20000 && code <= 0x3FFFD);
    return wide ? 2 : 1;
}
} // namespace

struct DemoTelnetHost::Client
{
    QSslSocket* socket = nullptr;
    telnet_t* telnet = nullptr;
    QByteArray line;
    bool lastWasCr = false;

    ~Client()
    {
        if (telnet)
            telnet_free(telnet);
    }

    void send(const QByteArray& text) { telnet_send(telnet, text.constData(), size_t(text.size())); }

    void eraseLastCharacter()
    {
        if (line.isEmpty())
            return;
        qsizetype start = line.size() - 1;
        while (start > 0 && (quint8(line.at(start)) & 0xC0) == 0x80)
            --start;
        const QByteArray removed = line.mid(start);
        line.truncate(start);
        send(lastCharacterWidth(removed) == 2 ? QByteArray("\b\b  \b\b") : QByteArray("\b \b"));
    }

    void finishLine()
    {
        const QByteArray typed = line;
        line.clear();
        send("\r\n");
        const QByteArray command = typed.trimmed().toLower();
        if (command == "quit" || command == "exit") {
            send("\x1b[1;36mGoodbye. / さようなら。\x1b[0m\r\n");
            socket->disconnectFromHost();
            return;
        }
        if (command == "help") {
            send("  help    this list / このヘルプ\r\n"
                 "  colors  the 16 colours / 16 色の表示\r\n"
                 "  date    the host's clock / ホストの時刻\r\n"
                 "  quit    end the session / セッションの終了\r\n"
                 "  Anything else comes back as you typed it. / それ以外の入力はそのまま返します。\r\n");
        } else if (command == "colors" || command == "colours") {
            QByteArray bar;
            for (int colour = 0; colour < 16; ++colour)
                bar += "\x1b[48;5;" + QByteArray::number(colour) + "m  ";
            send("  " + bar + "\x1b[0m\r\n");
        } else if (command == "date") {
            send("  " + QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toUtf8() + "\r\n");
        } else if (!typed.isEmpty()) {
            send("  \x1b[32mecho:\x1b[0m " + typed + "\r\n");
        }
        send(kPrompt);
    }

    void onData(const char* buffer, size_t size)
    {
        for (size_t i = 0; i < size; ++i) {
            const char c = buffer[i];
            const bool afterCr = std::exchange(lastWasCr, false);
            if (c == '\r') {
                lastWasCr = true;
                finishLine();
            } else if (c == '\n' || c == '\0') {
                if (!afterCr) // a client that sends a bare LF
                    finishLine();
            } else if (c == 0x7f || c == 0x08) {
                eraseLastCharacter();
            } else if (c == 0x03) { // Ctrl+C: drop the line
                line.clear();
                send("^C\r\n");
                send(kPrompt);
            } else if (c == 0x04 && line.isEmpty()) { // Ctrl+D on an empty line
                socket->disconnectFromHost();
                return;
            } else if (quint8(c) >= 0x20 && line.size() < kMaxLineBytes) {
                line += c;
                send(QByteArray(1, c));
            }
        }
    }
};

DemoTelnetHost::DemoTelnetHost(QObject* parent) : QObject(parent)
{
    connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket* next = m_server.nextPendingConnection())
            onEncrypted(qobject_cast<QSslSocket*>(next));
    });
    connect(&m_server, &QSslServer::errorOccurred, this,
            [](QSslSocket* socket, QAbstractSocket::SocketError) { socket->deleteLater(); });
}

DemoTelnetHost::~DemoTelnetHost()
{
    close();
}

void DemoTelnetHost::setCredentials(const QSslCertificate& certificate, const QSslKey& key)
{
    m_certificate = certificate;
    m_key = key;
}

bool DemoTelnetHost::listen()
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(m_certificate);
    configuration.setPrivateKey(m_key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    m_server.setSslConfiguration(configuration);
    m_server.setHandshakeTimeout(10000);
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void DemoTelnetHost::close()
{
    m_server.close();
    // Established sessions end with the host: children of the server's sockets are ours.
    const auto sockets = findChildren<QSslSocket*>();
    for (QSslSocket* socket : sockets)
        socket->abort();
}

QByteArray DemoTelnetHost::greeting(const QString& protocol, const QString& cipher)
{
    QByteArray text;
    text += "\x1b[2J\x1b[H";
    text += "\x1b[1;37;44m  Tsunagi demo host  \x1b[0m  \x1b[1;37;45m  つなぎ デモホスト  \x1b[0m\r\n\r\n";
    text += "\x1b[1;32mWelcome!\x1b[0m This session runs Telnet over TLS on 127.0.0.1, inside Tsunagi.\r\n";
    text += "\x1b[1;35mようこそ。\x1b[0mこのセッションは Tsunagi の中で動くデモホストに TLS "
            "で接続しています。\r\n\r\n";
    text += "  \x1b[36mTLS:\x1b[0m " + protocol.toUtf8() + "  \x1b[36mcipher / 暗号スイート:\x1b[0m " +
            cipher.toUtf8() + "\r\n  ";
    static const char* const colours[] = {"31", "33", "32", "36", "34", "35"};
    static const char* const words[] = {"red", "yellow", "green", "cyan", "blue", "magenta"};
    for (int i = 0; i < 6; ++i)
        text += QByteArray("\x1b[1;") + colours[i] + "m" + words[i] + "\x1b[0m ";
    text += "\r\n\r\n";
    text += "Type a line and press Enter: it comes back. Try \x1b[1mhelp\x1b[0m, \x1b[1mcolors\x1b[0m, "
            "\x1b[1mquit\x1b[0m.\r\n";
    text += "文字を入力して Enter キーを押すと、そのまま返ってきます。日本語も入力できます。\r\n\r\n";
    return text;
}

void DemoTelnetHost::onEncrypted(QSslSocket* socket)
{
    if (!socket)
        return;
    ++m_sessions;
    socket->setParent(this);
    auto* client = new Client;
    client->socket = socket;
    client->telnet = telnet_init(
        kOptions,
        [](telnet_t*, telnet_event_t* event, void* userData) {
            auto* c = static_cast<Client*>(userData);
            switch (event->type) {
            case TELNET_EV_DATA:
                c->onData(event->data.buffer, event->data.size);
                break;
            case TELNET_EV_SEND:
                c->socket->write(event->data.buffer, qint64(event->data.size));
                break;
            case TELNET_EV_ERROR:
                c->socket->abort();
                break;
            default:
                break;
            }
        },
        0, client);
    if (!client->telnet) {
        delete client;
        socket->abort();
        socket->deleteLater();
        return;
    }
    connect(socket, &QObject::destroyed, socket, [client] { delete client; });
    connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    // A bounded read buffer: a client that floods waits for the host to catch up.
    socket->setReadBufferSize(kMaxReadBytes);
    connect(socket, &QSslSocket::readyRead, socket, [socket, client] {
        const QByteArray data = socket->readAll();
        telnet_recv(client->telnet, data.constData(), size_t(data.size()));
    });
    telnet_negotiate(client->telnet, TELNET_WILL, TELNET_TELOPT_ECHO);
    telnet_negotiate(client->telnet, TELNET_WILL, TELNET_TELOPT_SGA);
    telnet_negotiate(client->telnet, TELNET_DO, TELNET_TELOPT_NAWS);
    const QSslCipher cipher = socket->sessionCipher();
    const QString protocol = socket->sessionProtocol() == QSsl::TlsV1_3   ? QStringLiteral("TLSv1.3")
                             : socket->sessionProtocol() == QSsl::TlsV1_2 ? QStringLiteral("TLSv1.2")
                                                                          : cipher.protocolString();
    client->send(greeting(protocol, cipher.name()));
    client->send(kPrompt);
}
