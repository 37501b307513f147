#pragma once

// A bare QSslSocket driven by TlsConfigurationBuilder, for the security tests: proves what the
// configuration does against a real server without the connection pipeline.
#include "security/TlsConfigurationBuilder.h"

#include <functional>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QOcspResponse>
#include <QSslSocket>
#include <QTimer>

struct HandshakeOutcome
{
    bool encrypted = false;
    bool failed = false; // an error, an alert or a disconnect before/after encryption
    QList<QSslError> sslErrors;
    QList<int> alertsReceived;
    QList<int> alertsSent;
    QAbstractSocket::SocketError socketError = QAbstractSocket::UnknownSocketError;
    QString errorString;
    QSsl::SslProtocol protocol = QSsl::UnknownProtocol;
    QSslCipher cipher;
    QList<QSslCertificate> peerChain;
    QList<QOcspResponse> ocspResponses;
    QByteArray reply; // what the server sent back to `request`

    QString describe() const
    {
        QStringList errors;
        for (const QSslError& e : sslErrors)
            errors << QStringLiteral("%1:%2").arg(int(e.error())).arg(e.errorString());
        QStringList alerts;
        for (int a : alertsReceived)
            alerts << QString::number(a);
        return QStringLiteral(
                   "encrypted=%1 failed=%2 socketError=%3 (%4) sslErrors=[%5] alertsReceived=[%6] cipher=%7")
            .arg(encrypted)
            .arg(failed)
            .arg(int(socketError))
            .arg(errorString, errors.join(QStringLiteral("; ")), alerts.join(QLatin1Char(',')),
                 cipher.name());
    }
    bool succeeded() const { return encrypted && !failed; }
};

// Connects to 127.0.0.1:port as `host` with the built configuration; ignores only what
// TlsConfigurationBuilder::ignorableErrors allows. When request is set (e.g. "GET / HTTP/1.0"
// for s_server -www) it is sent after the handshake and the reply read until the server closes,
// which also surfaces a TLS 1.3 client-certificate rejection that comes after encrypted().
// alsoIgnorable adds trust decisions (CertificatePinning::ignorableErrors) to what may be ignored.
using ExtraIgnorable =
    std::function<QList<QSslError>(const QList<QSslError>&, const QList<QSslCertificate>&)>;

inline HandshakeOutcome runHandshake(const TlsBuildResult& build, quint16 port,
                                     const QByteArray& request = {}, int timeoutMs = 10000,
                                     const ExtraIgnorable& alsoIgnorable = {})
{
    HandshakeOutcome outcome;
    QSslSocket socket;
    socket.setSslConfiguration(build.configuration);
    socket.setPeerVerifyName(build.peerVerifyName);
    QEventLoop loop;
    QObject::connect(&socket, &QSslSocket::sslErrors, &socket, [&](const QList<QSslError>& errors) {
        outcome.sslErrors = errors;
        QList<QSslError> ignorable = TlsConfigurationBuilder::ignorableErrors(build, errors);
        if (alsoIgnorable)
            ignorable += alsoIgnorable(errors, socket.peerCertificateChain());
        socket.ignoreSslErrors(ignorable);
    });
    QObject::connect(
        &socket, &QSslSocket::alertReceived, &socket,
        [&](QSsl::AlertLevel, QSsl::AlertType type, const QString&) { outcome.alertsReceived << int(type); });
    QObject::connect(
        &socket, &QSslSocket::alertSent, &socket,
        [&](QSsl::AlertLevel, QSsl::AlertType type, const QString&) { outcome.alertsSent << int(type); });
    QObject::connect(&socket, &QSslSocket::encrypted, &socket, [&] {
        outcome.encrypted = true;
        outcome.protocol = socket.sessionProtocol();
        outcome.cipher = socket.sessionCipher();
        outcome.peerChain = socket.peerCertificateChain();
        outcome.ocspResponses = socket.ocspResponses();
        if (request.isEmpty())
            loop.quit();
        else
            socket.write(request);
    });
    QObject::connect(&socket, &QSslSocket::readyRead, &socket, [&] {
        outcome.reply += socket.readAll();
        if (outcome.reply.size() > 1024 * 1024)
            loop.quit();
    });
    QObject::connect(&socket, &QSslSocket::errorOccurred, &socket, [&](QAbstractSocket::SocketError error) {
        if (outcome.encrypted && error == QAbstractSocket::RemoteHostClosedError && !request.isEmpty() &&
            !outcome.reply.isEmpty()) {
            loop.quit(); // the server answered and closed: a normal end
            return;
        }
        outcome.failed = true;
        outcome.socketError = error;
        outcome.errorString = socket.errorString();
        loop.quit();
    });
    QObject::connect(&socket, &QSslSocket::disconnected, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, [&] {
        outcome.failed = true;
        outcome.errorString = QStringLiteral("timed out");
        loop.quit();
    });
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port, build.peerVerifyName);
    loop.exec();
    if (!outcome.encrypted)
        outcome.failed = true;
    socket.abort();
    return outcome;
}
