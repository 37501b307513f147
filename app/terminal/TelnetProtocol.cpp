#include "terminal/TelnetProtocol.h"

#include <libtelnet.h>

#include <QCoreApplication>

#include <cstring>

namespace {

// What we offer (us) and what we accept from the host (him). Everything else is refused by
// libtelnet's RFC 1143 state machine with WONT/DONT.
const telnet_telopt_t kOptions[] = {
    {TELNET_TELOPT_BINARY, TELNET_WILL, TELNET_DO},
    {TELNET_TELOPT_ECHO, TELNET_WONT, TELNET_DO},
    {TELNET_TELOPT_SGA, TELNET_WILL, TELNET_DO},
    {TELNET_TELOPT_TTYPE, TELNET_WILL, TELNET_DONT},
    {TELNET_TELOPT_NAWS, TELNET_WILL, TELNET_DONT},
    {TELNET_TELOPT_NEW_ENVIRON, TELNET_WILL, TELNET_DONT},
    {-1, 0, 0},
};

constexpr unsigned char kIac = 255;
constexpr unsigned char kWont = 252;
constexpr unsigned char kDont = 254;

} // namespace

TelnetProtocol::TelnetProtocol(const Settings& settings) : m_settings(settings)
{
    m_telnet = telnet_init(kOptions, &TelnetProtocol::eventTrampoline, 0, this);
}

TelnetProtocol::~TelnetProtocol()
{
    if (m_telnet)
        telnet_free(m_telnet);
}

QString TelnetProtocol::optionName(int option)
{
    switch (option) {
    case TELNET_TELOPT_BINARY:
        return QStringLiteral("BINARY");
    case TELNET_TELOPT_ECHO:
        return QStringLiteral("ECHO");
    case TELNET_TELOPT_SGA:
        return QStringLiteral("SGA");
    case TELNET_TELOPT_TTYPE:
        return QStringLiteral("TTYPE");
    case TELNET_TELOPT_NAWS:
        return QStringLiteral("NAWS");
    case TELNET_TELOPT_NEW_ENVIRON:
        return QStringLiteral("NEW-ENVIRON");
    case TELNET_TELOPT_LINEMODE:
        return QStringLiteral("LINEMODE");
    case TELNET_TELOPT_TSPEED:
        return QStringLiteral("TSPEED");
    case TELNET_TELOPT_LFLOW:
        return QStringLiteral("LFLOW");
    case TELNET_TELOPT_XDISPLOC:
        return QStringLiteral("XDISPLOC");
    case TELNET_TELOPT_ENVIRON:
        return QStringLiteral("ENVIRON");
    case TELNET_TELOPT_STATUS:
        return QStringLiteral("STATUS");
    case TELNET_TELOPT_AUTHENTICATION:
        return QStringLiteral("AUTHENTICATION");
    case TELNET_TELOPT_ENCRYPT:
        return QStringLiteral("ENCRYPT");
    default:
        return QString::number(option);
    }
}

void TelnetProtocol::start()
{
    // Offer what a terminal has to say about itself; ask the host to suppress go-ahead.
    telnet_negotiate(m_telnet, TELNET_WILL, TELNET_TELOPT_TTYPE);
    telnet_negotiate(m_telnet, TELNET_WILL, TELNET_TELOPT_NAWS);
    telnet_negotiate(m_telnet, TELNET_DO, TELNET_TELOPT_SGA);
    telnet_negotiate(m_telnet, TELNET_WILL, TELNET_TELOPT_SGA);
    if (!m_settings.user.isEmpty())
        telnet_negotiate(m_telnet, TELNET_WILL, TELNET_TELOPT_NEW_ENVIRON);
}

void TelnetProtocol::receive(QByteArrayView bytes)
{
    if (!bytes.isEmpty())
        telnet_recv(m_telnet, bytes.data(), size_t(bytes.size()));
}

void TelnetProtocol::send(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    if (m_localBinary) {
        telnet_send(m_telnet, bytes.data(), size_t(bytes.size()));
        return;
    }
    // NVT: CR must be followed by LF or NUL.
    QByteArray out;
    out.reserve(bytes.size() + 8);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        out.append(c);
        if (c == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'))
            out.append('\0');
    }
    telnet_send(m_telnet, out.constData(), size_t(out.size()));
}

void TelnetProtocol::setWindowSize(int columns, int rows)
{
    const bool changed = columns != m_settings.columns || rows != m_settings.rows;
    m_settings.columns = columns;
    m_settings.rows = rows;
    if (m_localNaws && changed)
        sendNaws();
}

void TelnetProtocol::sendNaws()
{
    const auto clamp = [](int v) { return quint16(qBound(1, v, 0xffff)); };
    const quint16 w = clamp(m_settings.columns);
    const quint16 h = clamp(m_settings.rows);
    const char size[4] = {char(w >> 8), char(w & 0xff), char(h >> 8), char(h & 0xff)};
    // telnet_subnegotiation escapes an IAC (255) inside the sizes.
    telnet_subnegotiation(m_telnet, TELNET_TELOPT_NAWS, size, sizeof size);
}

void TelnetProtocol::sendEnvironment(const telnet_event_t* event)
{
    if (event->environ.cmd != TELNET_ENVIRON_SEND)
        return;
    bool wantsUser = event->environ.size == 0; // an empty SEND asks for everything
    for (size_t i = 0; i < event->environ.size; ++i) {
        const auto& value = event->environ.values[i];
        if (value.var && qstrcmp(value.var, "USER") == 0)
            wantsUser = true;
    }
    // IS [VAR "USER" VALUE <user>], built here so VAR/VALUE/ESC/USERVAR bytes in the value are
    // escaped as RFC 1572 asks; telnet_subnegotiation doubles any IAC.
    QByteArray reply(1, char(TELNET_ENVIRON_IS));
    if (wantsUser && !m_settings.user.isEmpty()) {
        reply += char(TELNET_ENVIRON_VAR);
        reply += "USER";
        reply += char(TELNET_ENVIRON_VALUE);
        for (const char c : m_settings.user) {
            if (uchar(c) <= TELNET_ENVIRON_USERVAR)
                reply += char(TELNET_ENVIRON_ESC);
            reply += c;
        }
    }
    telnet_subnegotiation(m_telnet, TELNET_TELOPT_NEW_ENVIRON, reply.constData(), size_t(reply.size()));
}

void TelnetProtocol::note(const QString& entry)
{
    if (m_log.size() < 64 && !m_log.contains(entry))
        m_log.append(entry);
}

void TelnetProtocol::eventTrampoline(telnet_t*, telnet_event_t* event, void* user)
{
    static_cast<TelnetProtocol*>(user)->handleEvent(event);
}

void TelnetProtocol::handleData(QByteArrayView bytes)
{
    if (m_remoteBinary) {
        if (onData)
            onData(bytes);
        return;
    }
    // NVT: CR NUL means a bare CR; drop the NUL (it may arrive in the next read).
    if (m_pendingCr && !bytes.isEmpty() && bytes.front() == '\0')
        bytes = bytes.sliced(1);
    m_pendingCr = false;
    if (bytes.isEmpty())
        return;
    if (!std::memchr(bytes.data(), '\0', size_t(bytes.size()))) {
        // Nothing to drop (the usual case): the bytes go on as they are, uncopied.
        m_pendingCr = bytes.back() == '\r';
        if (onData)
            onData(bytes);
        return;
    }
    QByteArray out;
    out.reserve(bytes.size());
    for (const char c : bytes) {
        if (m_pendingCr && c == '\0') {
            m_pendingCr = false;
            continue;
        }
        m_pendingCr = c == '\r';
        out.append(c);
    }
    if (onData && !out.isEmpty())
        onData(out);
}

void TelnetProtocol::handleEvent(telnet_event_t* event)
{
    switch (event->type) {
    case TELNET_EV_DATA:
        handleData(QByteArrayView(event->data.buffer, qsizetype(event->data.size)));
        break;
    case TELNET_EV_SEND: {
        const QByteArrayView bytes(event->data.buffer, qsizetype(event->data.size));
        // libtelnet refuses unknown options itself; record the refusal as evidence.
        if (bytes.size() == 3 && uchar(bytes[0]) == kIac &&
            (uchar(bytes[1]) == kWont || uchar(bytes[1]) == kDont))
            note(QStringLiteral("%1 %2").arg(uchar(bytes[1]) == kWont ? QStringLiteral("WONT")
                                                                      : QStringLiteral("DONT"),
                                             optionName(uchar(bytes[2]))));
        if (onSend)
            onSend(bytes);
        break;
    }
    case TELNET_EV_WILL: // the host will do an option we accepted
        note(QStringLiteral("DO %1").arg(optionName(event->neg.telopt)));
        if (event->neg.telopt == TELNET_TELOPT_ECHO)
            m_remoteEcho = true;
        else if (event->neg.telopt == TELNET_TELOPT_BINARY)
            m_remoteBinary = true;
        break;
    case TELNET_EV_WONT:
        if (event->neg.telopt == TELNET_TELOPT_ECHO)
            m_remoteEcho = false;
        else if (event->neg.telopt == TELNET_TELOPT_BINARY)
            m_remoteBinary = false;
        break;
    case TELNET_EV_DO: // we now do an option
        note(QStringLiteral("WILL %1").arg(optionName(event->neg.telopt)));
        if (event->neg.telopt == TELNET_TELOPT_BINARY) {
            m_localBinary = true;
        } else if (event->neg.telopt == TELNET_TELOPT_NAWS) {
            m_localNaws = true;
            sendNaws();
        }
        break;
    case TELNET_EV_DONT:
        if (event->neg.telopt == TELNET_TELOPT_BINARY)
            m_localBinary = false;
        else if (event->neg.telopt == TELNET_TELOPT_NAWS)
            m_localNaws = false;
        break;
    case TELNET_EV_TTYPE:
        if (event->ttype.cmd == TELNET_TTYPE_SEND)
            telnet_ttype_is(m_telnet, m_settings.terminalType.constData());
        break;
    case TELNET_EV_ENVIRON:
        sendEnvironment(event);
        break;
    case TELNET_EV_WARNING:
    case TELNET_EV_ERROR:
        if (onWarning)
            onWarning(QString::fromUtf8(event->error.msg));
        break;
    default:
        break;
    }
}
