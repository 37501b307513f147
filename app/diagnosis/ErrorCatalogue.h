#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// The error catalogue: every way a connection can fail that Tsunagi can explain, with stable ids
// (design.md's table; tests, scripts and `--diagnose --json` rely on them).
//
// Texts are English source strings in one translation context ("ErrorCatalogue"); read them in
// any language with the accessors below, which go through Translations::translate(), so the
// error dialog's own language toggle and `--diagnose --lang` work without touching the
// application's language.

// Where in Security Properties (or the profile editor) the setting that fixes an entry lives.
// The Security Properties dialog opens at the tab and control a setting id names.
namespace FixSetting {
inline constexpr char UseTls[] = "ssl-tls/use-tls";
inline constexpr char EncryptionStrength[] = "ssl-tls/encryption-strength";
inline constexpr char TlsVersion[] = "ssl-tls/tls-version"; // incl. "Negotiate automatically"
inline constexpr char FipsMode[] = "ssl-tls/fips-mode";
inline constexpr char Proxy[] = "ssl-tls/proxy";
inline constexpr char Trust[] = "pki/trust"; // trust source and Tsunagi's trust store
inline constexpr char HostnameCheck[] = "pki/hostname-check";
inline constexpr char ClientCertificate[] = "pki/client-certificate";
inline constexpr char Revocation[] = "pki/revocation";
inline constexpr char PinnedCertificates[] = "pki/pinned-certificates";
inline constexpr char Host[] = "profile/host";
inline constexpr char Port[] = "profile/port";
} // namespace FixSetting

namespace ErrorCatalogue {

inline constexpr char kContext[] = "ErrorCatalogue";

struct Cause
{
    QString id;         // stable cause id, e.g. "expired"
    const char* text;   // English source text
    QString fixSetting; // a more precise setting than the entry's, or empty
    QString causeText(const QString& language) const;
};

struct Entry
{
    QString id;        // stable entry id, e.g. "certificate-untrusted"
    const char* title; // English source texts
    const char* summary;
    QList<Cause> causes;
    QList<const char*> steps;      // numbered remediation steps, in order
    QString fixSetting;            // FixSetting id, or empty when no setting fixes it
    bool certificateEntry = false; // the peer's certificate is at issue: offer "Trust this certificate"

    QString titleText(const QString& language) const;
    QString summaryText(const QString& language) const;
    QStringList stepTexts(const QString& language) const;
    const Cause* cause(const QString& causeId) const; // nullptr when unknown
};

// Every entry, in the order of design.md's table.
const QList<Entry>& entries();
// nullptr when the id is unknown.
const Entry* find(const QString& entryId);
QStringList entryIds();

// The setting that fixes this entry/cause (the cause's when it has one, else the entry's).
QString fixSettingFor(const QString& entryId, const QString& causeId);

// Where that setting is, for people: "Security Properties > SSL/TLS > Encryption strength".
QString fixSettingText(const QString& settingId, const QString& language);

// A catalogue string in a language ("en", "ja").
QString translate(const QString& language, const char* sourceText);

} // namespace ErrorCatalogue
