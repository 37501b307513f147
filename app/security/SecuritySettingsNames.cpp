#include "security/SecuritySettings.h"

#include <array>
#include <utility>

namespace {
template <typename Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, const char*>, N>& table, Enum value)
{
    for (const auto& [e, name] : table) {
        if (e == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template <typename Enum, std::size_t N>
bool parse(const std::array<std::pair<Enum, const char*>, N>& table, const QString& text, Enum* value)
{
    const QString wanted = text.trimmed().toLower();
    for (const auto& [e, name] : table) {
        if (wanted == QLatin1String(name)) {
            *value = e;
            return true;
        }
    }
    return false;
}

constexpr std::array<std::pair<EncryptionStrength, const char*>, 5> kStrengths{{
    {EncryptionStrength::Default, "default"},
    {EncryptionStrength::Recommended, "recommended"},
    {EncryptionStrength::Bits256, "256"},
    {EncryptionStrength::Bits128, "128"},
    {EncryptionStrength::Bits168, "168"},
}};
constexpr std::array<std::pair<TlsVersion, const char*>, 4> kVersions{{
    {TlsVersion::Tls1_0, "1.0"},
    {TlsVersion::Tls1_1, "1.1"},
    {TlsVersion::Tls1_2, "1.2"},
    {TlsVersion::Tls1_3, "1.3"},
}};
constexpr std::array<std::pair<TrustSource, const char*>, 3> kTrust{{
    {TrustSource::System, "system"},
    {TrustSource::App, "app"},
    {TrustSource::Both, "both"},
}};
constexpr std::array<std::pair<RevocationMode, const char*>, 3> kRevocation{{
    {RevocationMode::Off, "off"},
    {RevocationMode::Ocsp, "ocsp"},
    {RevocationMode::Crl, "crl"},
}};
} // namespace

namespace SecuritySettingsNames {
QString encryptionStrength(EncryptionStrength value)
{
    return nameOf(kStrengths, value);
}
bool parseEncryptionStrength(const QString& text, EncryptionStrength* value)
{
    return parse(kStrengths, text, value);
}
QString tlsVersion(TlsVersion value)
{
    return nameOf(kVersions, value);
}
bool parseTlsVersion(const QString& text, TlsVersion* value)
{
    return parse(kVersions, text, value);
}
QString trustSource(TrustSource value)
{
    return nameOf(kTrust, value);
}
bool parseTrustSource(const QString& text, TrustSource* value)
{
    return parse(kTrust, text, value);
}
QString revocationMode(RevocationMode value)
{
    return nameOf(kRevocation, value);
}
bool parseRevocationMode(const QString& text, RevocationMode* value)
{
    return parse(kRevocation, text, value);
}
} // namespace SecuritySettingsNames
