#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringConverter>
#include <QStringList>

// The session's character encoding in both directions, as streams: a multi-byte character split
// across two network reads is decoded once both halves arrived (QStringDecoder keeps the state;
// Qt uses ICU for Shift_JIS and EUC-JP).
class TextCodec final
{
public:
    explicit TextCodec(const QString& encodingName = QStringLiteral("UTF-8"));

    static QStringList supportedEncodings(); // UTF-8, Shift_JIS, EUC-JP, ISO-8859-1
    static bool isSupported(const QString& encodingName);

    QString name() const { return m_name; }
    bool isValid() const { return m_decoder.isValid() && m_encoder.isValid(); }
    bool isUtf8() const { return m_utf8; }

    QString decode(QByteArrayView bytes) { return m_decoder.decode(bytes); }
    QByteArray encode(QStringView text) { return m_encoder.encode(text); }
    void reset();

private:
    QString m_name;
    bool m_utf8 = true;
    QStringDecoder m_decoder;
    QStringEncoder m_encoder;
};
