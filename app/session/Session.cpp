#include "session/Session.h"

#include "connection/Connection.h"
#include "diagnosis/Classifier.h"
#include "profiles/SecretStore.h"
#include "session/SessionLogger.h"
#include "terminal/TelnetProtocol.h"
#include "terminal/TerminalModel.h"
#include "terminal/TextCodec.h"

namespace {
constexpr int kMaxReconnectDelaySeconds = 60;
constexpr qsizetype kSliceBytes = 64 * 1024;
constexpr qsizetype kMaxInboxBytes = 8 * 1024 * 1024;
} // namespace

Session::Session(const Profile& profile, QObject* parent)
    : QObject(parent), m_profile(profile), m_columns(profile.terminal.columns), m_rows(profile.terminal.rows)
{
    m_terminal = new TerminalModel(m_rows, m_columns, profile.terminal.scrollbackLines, this);
    m_terminal->setBackspaceSendsDelete(profile.terminal.backspaceSendsDelete);
    connect(m_terminal, &TerminalModel::output, this, &Session::onTerminalOutput);
    connect(m_terminal, &TerminalModel::titleChanged, this, &Session::titleChanged);
    connect(m_terminal, &TerminalModel::bell, this, &Session::bell);

    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &Session::open);
}

Session::~Session()
{
    m_closedByUser = true;
    m_reconnectTimer.stop();
    if (m_connection)
        m_connection->disconnect(this);
}

void Session::setProfile(const Profile& profile)
{
    m_profile = profile;
    m_terminal->setBackspaceSendsDelete(profile.terminal.backspaceSendsDelete);
    m_terminal->setScrollbackCapacity(profile.terminal.scrollbackLines);
}

QStringList Session::telnetOptions() const
{
    return m_telnet ? m_telnet->negotiatedOptions() : m_record.telnetOptions;
}

void Session::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void Session::open()
{
    if (m_state == State::Connecting || m_state == State::Connected)
        return;
    m_reconnectTimer.stop();
    m_reconnectDelay = 0;
    m_closedByUser = false;
    m_failure = Diagnosis();
    m_record = ConnectionRecord();
    m_record.typedHost = m_profile.host;
    m_record.port = m_profile.port;
    m_record.tls = m_profile.security.tlsEnabled;
    m_inputCodec = std::make_unique<TextCodec>(m_profile.terminal.encoding);
    m_outputCodec = std::make_unique<TextCodec>(m_profile.terminal.encoding);
    setState(State::Connecting);
    startConnection();
}

void Session::close()
{
    m_closedByUser = true;
    m_reconnectTimer.stop();
    m_reconnectDelay = 0;
    ++m_attempt; // a keychain answer still on its way must not start a connection
    if (m_state == State::Connecting || m_state == State::Connected) {
        if (m_connection)
            m_record = m_connection->record();
        m_record.closedByUser = true;
        const bool wasConnecting = m_state == State::Connecting;
        dropConnection();
        onClosed(wasConnecting);
    }
}

void Session::reconnect()
{
    close();
    open();
}

void Session::startConnection()
{
    // Secrets come from the keychain just before connecting and live only in the target.
    const bool wantsPassphrase = m_profile.security.clientCertificate.isSet();
    const bool wantsToken =
        m_profile.security.proxy.enabled && !m_profile.security.proxy.tokenFromSessionLink;
    if ((wantsPassphrase || wantsToken) && !m_secrets)
        m_secrets = new SecretStore(this);
    const quint64 attempt = ++m_attempt;
    auto pending = std::make_shared<int>(int(wantsPassphrase) + int(wantsToken));
    auto target = std::make_shared<ConnectionTarget>();
    target->host = m_profile.host;
    target->port = m_profile.port;
    target->security = m_profile.security;
    target->timeoutMs = m_profile.connectTimeoutSeconds * 1000;
    if (m_profile.security.proxy.tokenFromSessionLink) {
        target->proxyToken = m_linkToken;
        target->proxyTokenExpiry = m_linkTokenExpiry;
    }
    auto startWhenReady = [this, attempt, pending, target] {
        if (--*pending > 0 || attempt != m_attempt || m_state != State::Connecting)
            return;
        connectTarget(*target);
    };
    if (*pending == 0) {
        ++*pending;
        startWhenReady();
        return;
    }
    if (wantsPassphrase)
        m_secrets->read(m_profile.id, SecretStore::Kind::ClientKeyPassphrase,
                        [target, startWhenReady](const SecretStore::Result& r) {
                            if (r.ok())
                                target->clientKeyPassphrase = SecretBytes(r.secret.toUtf8());
                            startWhenReady();
                        });
    if (wantsToken)
        m_secrets->read(m_profile.id, SecretStore::Kind::ProxyToken,
                        [target, startWhenReady](const SecretStore::Result& r) {
                            if (r.ok())
                                target->proxyToken = SecretBytes(r.secret.toUtf8());
                            startWhenReady();
                        });
}

void Session::setSessionLinkToken(const SecretBytes& token, const std::optional<QDateTime>& expiry)
{
    m_linkToken = token;
    m_linkTokenExpiry = expiry;
}

void Session::connectTarget(const ConnectionTarget& target)
{
    dropConnection();
    m_connection = new Connection(this);
    Connection* connection = m_connection;
    connect(connection, &Connection::stageChanged, this, [this, connection](ConnectionStage) {
        if (connection == m_connection) {
            m_record = connection->record();
            emit progress();
        }
    });
    connect(connection, &Connection::established, this, [this, connection] {
        if (connection != m_connection)
            return;
        m_record = connection->record();
        onConnected();
    });
    connect(connection, &Connection::dataReceived, this, [this, connection](const QByteArray& data) {
        if (connection == m_connection)
            onHostBytes(data);
    });
    connect(connection, &Connection::failed, this, [this, connection] {
        if (connection != m_connection)
            return;
        m_record = connection->record();
        onClosed(m_state == State::Connecting);
    });
    connect(connection, &Connection::closed, this, [this, connection] {
        if (connection != m_connection)
            return;
        const qint64 received = m_record.bytesReceived;
        m_record = connection->record();
        m_record.bytesReceived = qMax(received, m_record.bytesReceived);
        onClosed(false);
    });
    connection->start(target);
}

void Session::dropConnection()
{
    if (!m_connection)
        return;
    Connection* old = std::exchange(m_connection, nullptr);
    old->disconnect(this);
    old->close();
    old->deleteLater();
}

void Session::onConnected()
{
    m_retiredTelnet.reset(); // established() is queued: no Telnet code is on the stack

    m_reconnectAttempts = 0;
    m_logger = std::make_unique<SessionLogger>();
    if (!m_logger->open(m_profile)) {
        m_logError = m_logger->errorString();
        emit logFailed(m_logError);
    }
    if (m_profile.protocol == SessionProtocol::Telnet) {
        TelnetProtocol::Settings settings;
        settings.terminalType = m_profile.terminal.terminalType.toLatin1();
        settings.user = m_profile.terminal.userName.toUtf8();
        settings.columns = m_columns;
        settings.rows = m_rows;
        m_telnet = std::make_unique<TelnetProtocol>(settings);
        m_telnet->onData = [this](QByteArrayView bytes) { onHostData(bytes); };
        m_telnet->onSend = [this](QByteArrayView bytes) { writeToNetwork(bytes); };
        m_telnet->start();
    }
    setState(State::Connected);
}

void Session::onClosed(bool failedBeforeConnecting)
{
    // What the host sent before it closed is shown (and logged) before the close is.
    processInbox(m_inbox.size());
    m_inbox.clear();
    if (m_telnet)
        m_record.telnetOptions = m_telnet->negotiatedOptions();
    // Not destroyed here: this may run from inside its own receive() (a write that failed).
    m_retiredTelnet = std::move(m_telnet);
    if (m_logger)
        m_logger->close();
    const bool byUser = m_closedByUser;
    if (!byUser) {
        DiagnosisContext context;
        context.settings = m_profile.security;
        context.typedHost = m_profile.host;
        m_failure = Classifier::classify(m_record, context);
    }
    setState(failedBeforeConnecting ? State::Failed : State::Disconnected);
    if (!byUser && m_profile.terminal.autoReconnect)
        scheduleReconnect();
}

void Session::scheduleReconnect()
{
    // 1, 2, 4 ... 60 seconds: a host that is back soon is reached soon, a dead one is not hammered.
    m_reconnectDelay = qMin(kMaxReconnectDelaySeconds, 1 << qMin(m_reconnectAttempts, 6));
    ++m_reconnectAttempts;
    m_reconnectTimer.start(m_reconnectDelay * 1000);
    emit reconnectScheduled(m_reconnectDelay);
}

void Session::onHostBytes(QByteArrayView bytes)
{
    m_record.bytesReceived += bytes.size();
    if (m_inbox.isEmpty() && bytes.size() <= kSliceBytes) {
        // Nothing waiting: parsed straight from the connection's buffer (no copy into the inbox).
        if (m_telnet)
            m_telnet->receive(bytes);
        else
            onHostData(bytes);
        return;
    }
    m_inbox.append(bytes);
    // A flood is parsed in slices so the event loop (painting, typing in other tabs) keeps
    // running; past the cap it is parsed at once, which stops reading from the socket meanwhile
    // and so bounds memory through TCP's own flow control.
    processInbox(m_inbox.size() > kMaxInboxBytes ? m_inbox.size() : kSliceBytes);
}

void Session::processInbox(qsizetype budget)
{
    while (!m_inbox.isEmpty() && budget > 0) {
        const qsizetype n = qMin(budget, m_inbox.size());
        const QByteArray slice = m_inbox.left(n);
        m_inbox.remove(0, n);
        budget -= n;
        if (m_telnet)
            m_telnet->receive(slice);
        else
            onHostData(slice);
    }
    if (!m_inbox.isEmpty() && !m_inboxScheduled) {
        m_inboxScheduled = true;
        QTimer::singleShot(0, this, [this] {
            m_inboxScheduled = false;
            processInbox(kSliceBytes);
        });
    }
}

void Session::onHostData(QByteArrayView bytes)
{
    if (m_logger)
        m_logger->logHostBytes(bytes);
    if (m_inputCodec->isUtf8()) {
        // libvterm decodes UTF-8 itself (and keeps a split character for the next write).
        m_terminal->write(bytes);
        if (m_logger && m_logger->mode() == LoggingSettings::Mode::Text)
            m_logger->logDisplayedText(
                m_inputCodec->decode(bytes)); // streaming: a split character stays whole
        return;
    }
    const QString text = m_inputCodec->decode(bytes);
    m_terminal->write(QStringView(text));
    if (m_logger)
        m_logger->logDisplayedText(text);
}

void Session::echoLocally(QStringView typed)
{
    // RFC 854: until the host agrees to echo, the terminal shows what is typed itself. Key
    // sequences (arrows, paste brackets) are not shown; Enter starts a new line, Backspace
    // rubs out one character.
    if (!m_telnet || m_telnet->hostEchoes() || m_state != State::Connected)
        return;
    QString shown;
    enum
    {
        Text,
        Esc,
        Sequence
    } mode = Text;
    for (const QChar c : typed) {
        const char16_t u = c.unicode();
        if (mode == Esc) {
            mode = (u == u'[' || u == u'O') ? Sequence : Text;
            continue;
        }
        if (mode == Sequence) {
            if (u >= 0x40 && u <= 0x7e)
                mode = Text;
            continue;
        }
        if (u == 0x1b)
            mode = Esc;
        else if (u == u'\r')
            shown += QStringLiteral("\r\n");
        else if (u == 0x7f || u == 0x08)
            shown += QStringLiteral("\b \b");
        else if (u >= 0x20 || u == u'\t')
            shown += c;
    }
    if (!shown.isEmpty())
        m_terminal->write(QStringView(shown));
}

void Session::onTerminalOutput(const QByteArray& utf8)
{
    if (m_state != State::Connected)
        return;
    if (m_telnet && !m_telnet->hostEchoes())
        echoLocally(QString::fromUtf8(utf8));
    if (m_outputCodec->isUtf8())
        send(utf8);
    else
        send(m_outputCodec->encode(QString::fromUtf8(utf8)));
}

void Session::send(const QByteArray& bytes)
{
    if (m_state != State::Connected || bytes.isEmpty())
        return;
    if (m_telnet)
        m_telnet->send(bytes);
    else
        writeToNetwork(bytes);
}

void Session::sendText(const QString& text)
{
    if (!m_outputCodec || m_state != State::Connected)
        return;
    send(m_outputCodec->encode(text)); // the key leaves before the screen is drawn
    echoLocally(text);
}

void Session::setWindowSize(int columns, int rows)
{
    m_columns = columns;
    m_rows = rows;
    m_terminal->resize(rows, columns);
    if (m_telnet)
        m_telnet->setWindowSize(columns, rows);
}

void Session::writeToNetwork(QByteArrayView bytes)
{
    if (m_connection)
        m_connection->write(bytes.toByteArray());
}
