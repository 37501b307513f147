#include "session/SessionLogger.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace {
QString safeFilePart(QString text)
{
    // Names and hosts become part of a file name: no separators, no control characters.
    for (QChar& c : text) {
        if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c.category() == QChar::Other_Control)
            c = QLatin1Char('_');
    }
    return text;
}
} // namespace

QString SessionLogger::expandPattern(const QString& pattern, const Profile& profile, const QDateTime& when)
{
    QString path = pattern;
    if (path.startsWith(QLatin1String("~/")))
        path = QDir::homePath() + path.mid(1);
    path.replace(QLatin1String("%D"), when.toString(QStringLiteral("yyyy-MM-dd")));
    path.replace(QLatin1String("%T"), when.toString(QStringLiteral("HHmmss")));
    path.replace(QLatin1String("%N"), safeFilePart(profile.name));
    path.replace(QLatin1String("%H"), safeFilePart(profile.host));
    return path;
}

bool SessionLogger::open(const Profile& profile, const QDateTime& when)
{
    close();
    m_mode = profile.logging.mode;
    if (m_mode == LoggingSettings::Mode::Off)
        return true;
    const QString path = expandPattern(profile.logging.pathPattern, profile, when);
    if (path.isEmpty()) {
        m_error = QCoreApplication::translate("SessionLogger", "No log file name is set in the profile.");
        m_mode = LoggingSettings::Mode::Off;
        return false;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        m_error = QCoreApplication::translate("SessionLogger", "The log file %1 cannot be written: %2")
                      .arg(QDir::toNativeSeparators(path), m_file.errorString());
        m_mode = LoggingSettings::Mode::Off;
        return false;
    }
    m_escape = Escape::None;
    return true;
}

void SessionLogger::close()
{
    if (m_file.isOpen())
        m_file.close();
}

void SessionLogger::logHostBytes(QByteArrayView bytes)
{
    if (m_mode == LoggingSettings::Mode::Raw && m_file.isOpen()) {
        m_file.write(bytes.data(), bytes.size());
        m_file.flush();
    }
}

void SessionLogger::logDisplayedText(QStringView text)
{
    if (m_mode != LoggingSettings::Mode::Text || !m_file.isOpen())
        return;
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (m_escape) {
        case Escape::None:
            if (u == 0x1b)
                m_escape = Escape::Esc;
            else if (u == 0x9b)
                m_escape = Escape::Csi;
            else if (u == u'\n' || u == u'\t' || (u >= 0x20 && u != 0x7f && !(u >= 0x80 && u < 0xa0)))
                out.append(c);
            break; // CR, BS, BEL and the other controls are not text
        case Escape::Esc:
            if (u == u'[')
                m_escape = Escape::Csi;
            else if (u == u']' || u == u'P' || u == u'X' || u == u'^' || u == u'_')
                m_escape = Escape::String;
            else if (u >= 0x20 && u <= 0x2f)
                ; // intermediate byte: the final one follows
            else
                m_escape = Escape::None;
            break;
        case Escape::Csi:
            if (u >= 0x40 && u <= 0x7e)
                m_escape = Escape::None;
            break;
        case Escape::String: // OSC, DCS...: ends with BEL or ST
            if (u == 0x07)
                m_escape = Escape::None;
            else if (u == 0x1b)
                m_escape = Escape::StringEsc;
            break;
        case Escape::StringEsc:
            m_escape = u == u'\\' ? Escape::None : Escape::String;
            break;
        }
    }
    if (!out.isEmpty()) {
        m_file.write(out.toUtf8());
        m_file.flush();
    }
}
