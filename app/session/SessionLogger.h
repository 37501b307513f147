#pragma once

#include "profiles/Profile.h"

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QString>

// Writes a session's log to the file the profile's pattern names. Text mode writes what the
// terminal displayed as plain text (control and escape sequences removed, UTF-8); raw mode
// writes the host's bytes as received, after the Telnet layer.
class SessionLogger final
{
public:
    SessionLogger() = default;
    ~SessionLogger() { close(); }
    Q_DISABLE_COPY_MOVE(SessionLogger)

    // %D date (yyyy-MM-dd), %T time (HHmmss), %N profile name, %H host; '~/' is the home folder.
    static QString expandPattern(const QString& pattern, const Profile& profile, const QDateTime& when);

    // Opens (appends to) the log file. Returns false and sets errorString() when it cannot.
    bool open(const Profile& profile, const QDateTime& when = QDateTime::currentDateTime());
    void close();
    bool isOpen() const { return m_file.isOpen(); }
    QString fileName() const { return m_file.fileName(); }
    QString errorString() const { return m_error; }
    LoggingSettings::Mode mode() const { return m_mode; }

    void logHostBytes(QByteArrayView bytes); // raw mode only
    void logDisplayedText(QStringView text); // text mode only: decoded host output

private:
    enum class Escape
    {
        None,
        Esc,
        Csi,
        String,
        StringEsc
    };
    QFile m_file;
    QString m_error;
    LoggingSettings::Mode m_mode = LoggingSettings::Mode::Off;
    Escape m_escape = Escape::None;
};
