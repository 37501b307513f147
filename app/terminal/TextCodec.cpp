#include "terminal/TextCodec.h"

namespace {
QString canonicalName(const QString& name)
{
    for (const QString& known : TextCodec::supportedEncodings()) {
        if (known.compare(name, Qt::CaseInsensitive) == 0)
            return known;
    }
    return QStringLiteral("UTF-8");
}
} // namespace

TextCodec::TextCodec(const QString& encodingName)
    : m_name(canonicalName(encodingName)), m_utf8(m_name == QLatin1String("UTF-8")),
      m_decoder(m_name.toLatin1().constData()), m_encoder(m_name.toLatin1().constData())
{
}

QStringList TextCodec::supportedEncodings()
{
    return {QStringLiteral("UTF-8"), QStringLiteral("Shift_JIS"), QStringLiteral("EUC-JP"),
            QStringLiteral("ISO-8859-1")};
}

bool TextCodec::isSupported(const QString& encodingName)
{
    for (const QString& known : supportedEncodings()) {
        if (known.compare(encodingName, Qt::CaseInsensitive) == 0)
            return QStringDecoder(known.toLatin1().constData()).isValid();
    }
    return false;
}

void TextCodec::reset()
{
    m_decoder.resetState();
    m_encoder.resetState();
}
