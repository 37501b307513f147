#include "diagnosis/ErrorCatalogue.h"

#include "core/Translations.h"

#include <QtGlobal>

// The catalogue's texts. English is the source; translations/tsunagi_ja.ts holds the Japanese.
// Keep ids stable: tests, scripts and `--diagnose --json` rely on them (design.md).

namespace ErrorCatalogue {
namespace {

// Steps several entries share.
constexpr const char* kStepUsePortalLink = QT_TRANSLATE_NOOP(
    "ErrorCatalogue",
    "Always start and reconnect the session by clicking its session link on the web portal, for the host and "
    "session you want.");
constexpr const char* kStepReloadPortal =
    QT_TRANSLATE_NOOP("ErrorCatalogue", "Reload the web portal's page of session links, or sign in to the "
                                        "portal again, to get a fresh link with a "
                                        "valid token.");
constexpr const char* kStepAskPortalAdmin = QT_TRANSLATE_NOOP(
    "ErrorCatalogue",
    "For any other problem, contact the administrator of the web portal and the security proxy.");
constexpr const char* kStepNegotiateAutomatically = QT_TRANSLATE_NOOP(
    "ErrorCatalogue",
    "Let Tsunagi connect without a version-specific handshake: in Security Properties > SSL/TLS, under TLS "
    "version, select \"Negotiate automatically\".");
constexpr const char* kStepReinstallOpenSsl = QT_TRANSLATE_NOOP(
    "ErrorCatalogue",
    "Reinstall the OpenSSL libraries with the package manager: sudo apt install --reinstall libssl3 openssl");
constexpr const char* kStepUpgradeSystem =
    QT_TRANSLATE_NOOP("ErrorCatalogue", "Upgrade the operating system to a release that provides OpenSSL 3 "
                                        "with its provider modules (Debian 12 or "
                                        "later).");

QList<Entry> makeEntries()
{
    QList<Entry> list;

    list.append(Entry{
        QStringLiteral("proxy-token-invalid"),
        QT_TRANSLATE_NOOP("ErrorCatalogue", "The security proxy rejected the authorization token"),
        QT_TRANSLATE_NOOP(
            "ErrorCatalogue",
            "Tsunagi could not set up the encrypted connection to the security proxy. The security "
            "proxy received the authorization token that the web portal issued for this session and "
            "that the proxy requires, but the token is invalid or has expired."),
        {
            {QStringLiteral("token-expired"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "The authorization token has expired: you reconnected the session after its token "
                 "expired, or you started the session from a saved profile or a saved copy of the "
                 "session link instead of clicking the link on the web portal, and the token saved "
                 "with it has expired."),
             {}},
            {QStringLiteral("token-rejected"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "The security proxy did not accept the authorization token: it is not a token the "
                 "proxy can verify, or it was issued for another host or session."),
             {}},
            {QStringLiteral("proxy-distrusts-issuer"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "The security proxy is not configured to trust the certificate of the web portal "
                 "that issues the tokens, so it cannot verify any token the portal issued."),
             {}},
        },
        {kStepUsePortalLink, kStepReloadPortal, kStepAskPortalAdmin},
        QString::fromLatin1(FixSetting::Proxy),
    });

    list.append(Entry{
        QStringLiteral("proxy-token-missing"),
        QT_TRANSLATE_NOOP("ErrorCatalogue",
                          "The security proxy requires an authorization token, but none was sent"),
        QT_TRANSLATE_NOOP(
            "ErrorCatalogue",
            "Tsunagi could not set up the encrypted connection to the security proxy. The security "
            "proxy requires the authorization token that the web portal issues with each session "
            "link, and it did not receive one."),
        {
            {QStringLiteral("no-token-configured"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "No authorization token is set for this profile's security proxy, or the web "
                 "portal that issues session links has no security certificate installed, so its "
                 "links carry no token."),
             {}},
            {QStringLiteral("session-not-started-from-link"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "The profile takes its token from a session link, but the session was started from "
                 "the saved profile (or a saved copy of the link) instead of by clicking the session "
                 "link on the web portal."),
             {}},
        },
        {kStepUsePortalLink, kStepReloadPortal, kStepAskPortalAdmin},
        QString::fromLatin1(FixSetting::Proxy),
    });

    list.append(Entry{
        QStringLiteral("handshake-failed"),
        QT_TRANSLATE_NOOP("ErrorCatalogue", "The SSL/TLS handshake failed"),
        QT_TRANSLATE_NOOP(
            "ErrorCatalogue",
            "Tsunagi could not set up an encrypted connection with the host: the SSL/TLS handshake "
            "did not complete."),
        {
            {QStringLiteral("encryption-strength-rejected"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "An encryption strength is set explicitly in Security Properties, and the server "
                 "could not accept the requested strength."),
             QString::fromLatin1(FixSetting::EncryptionStrength)},
            {QStringLiteral("server-not-tls"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "The server does not support SSL/TLS connections, or you are connecting to the "
                 "wrong port of the host (for example the plain Telnet port 23)."),
             QString::fromLatin1(FixSetting::Port)},
            {QStringLiteral("protocol-version-unsupported"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "The server does not support the TLS versions that this profile and the OpenSSL "
                 "library on this computer offer."),
             QString::fromLatin1(FixSetting::TlsVersion)},
            {QStringLiteral("server-unavailable"),
             QT_TRANSLATE_NOOP("ErrorCatalogue",
                               "The server is not accepting the connection, or it has stopped."),
             {}},
            {QStringLiteral("fips-requirements-unmet"),
             QT_TRANSLATE_NOOP("ErrorCatalogue",
                               "Tsunagi is running in FIPS mode, and this connection does not meet the FIPS "
                               "requirements."),
             QString::fromLatin1(FixSetting::FipsMode)},
        },
        {
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "Choose a different Encryption strength in Security Properties > SSL/TLS, or set it "
                "back to Default, and try again. Ask the server's system administrator which "
                "encryption the server supports."),
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "Ask the system administrator whether the server is working properly. If you must "
                "make a less secure connection, clear \"Use SSL/TLS security\" in Security "
                "Properties; the connection will then not be encrypted."),
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "Check the port used for the connection. Tsunagi's default is port 992 for Telnet "
                "over TLS and port 23 for plain Telnet; a port set for plain Telnet usually has to "
                "be changed to one suitable for SSL/TLS. Ask the system administrator which port "
                "the host uses."),
            QT_TRANSLATE_NOOP("ErrorCatalogue",
                              "Ask the system administrator about the state of the system, or try to connect "
                              "again later."),
            kStepNegotiateAutomatically,
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "Check whether the server's certificate is suitable for FIPS mode. The key size of "
                "the server certificate must match the FIPS protection level of the shared secret "
                "key that is exchanged and used to encrypt the session: with 3DES (168-bit, "
                "effectively 112-bit) the host certificate needs an RSA or DSA key of at least 1024 "
                "bits; with AES (128-bit), an RSA or DSA key of at least 3072 bits."),
        },
        QString::fromLatin1(FixSetting::EncryptionStrength),
    });

    list.append(Entry{
        QStringLiteral("client-credentials-missing"),
        QT_TRANSLATE_NOOP("ErrorCatalogue", "Your client certificate could not be found"),
        QT_TRANSLATE_NOOP(
            "ErrorCatalogue",
            "Tsunagi could not find your credentials. The host requires you to authenticate with "
            "your own personal certificate (a client certificate), and no usable one was found or "
            "the host did not accept it."),
        {
            {QStringLiteral("no-client-certificate"),
             QT_TRANSLATE_NOOP("ErrorCatalogue",
                               "No client certificate is set for this profile in PKI Configuration."),
             {}},
            {QStringLiteral("client-certificate-rejected"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "The host rejected the client certificate that was sent: for example, it was not "
                 "issued by a certificate authority the host trusts, or it has expired or been "
                 "revoked."),
             {}},
            {QStringLiteral("client-key-unusable"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "The client certificate or its private key could not be used: the file is missing, "
                 "the passphrase is wrong, or the key does not belong to the certificate."),
             {}},
        },
        {
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "If you do not have a client certificate, ask your system administrator for one."),
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "If your client certificate contains both the public key and the private key (a "
                "PKCS#12 file), import it into Tsunagi's personal store: Security "
                "Properties > SSL/TLS > Configure PKI… > Client certificate. A PEM certificate is "
                "used together with its PEM private key file."),
        },
        QString::fromLatin1(FixSetting::ClientCertificate),
    });

    list.append(Entry{
        QStringLiteral("handshake-timeout"),
        QT_TRANSLATE_NOOP("ErrorCatalogue", "Timed out while setting up the encrypted connection"),
        QT_TRANSLATE_NOOP("ErrorCatalogue",
                          "The TCP connection to the host was made, but the SSL/TLS handshake did not finish "
                          "within the time allowed."),
        {
            {QStringLiteral("server-silent"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "The host accepted the TCP connection but never answered the handshake: the server "
                 "has stopped or hangs, the network was cut, or the server does not support the TLS "
                 "version Tsunagi offered and waits instead of refusing it."),
             QString::fromLatin1(FixSetting::TlsVersion)},
            {QStringLiteral("network-slow"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "The network is busy or the connection is slow, so the handshake did not finish in "
                 "time. The handshake has no time limit of its own: it shares the connection's time "
                 "limit with the TCP connection, so it runs out only when the TCP connection itself "
                 "used up most of that time."),
             {}},
        },
        {
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "The handshake's time limit cannot be set separately: the profile's connection "
                "timeout (30 seconds by default; --timeout for tsunagi --diagnose) covers the TCP "
                "connection and the handshake together."),
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "Ask the server or network administrator about the situation, or try to connect "
                "again later."),
            kStepNegotiateAutomatically,
        },
        QString::fromLatin1(FixSetting::TlsVersion),
    });

    list.append(Entry{
        QStringLiteral("message-corrupted"),
        QT_TRANSLATE_NOOP("ErrorCatalogue",
                          "The connection was closed because a corrupted message was received"),
        QT_TRANSLATE_NOOP(
            "ErrorCatalogue",
            "The connection was closed because a message was corrupted. Every SSL/TLS message "
            "carries a message authentication code (MAC), the mechanism that detects whether its "
            "content was changed on its way from the host to this computer; a message failed that "
            "check."),
        {
            {QStringLiteral("record-integrity-failure"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "A message was corrupted in transit, either by a faulty network connection or by "
                 "someone attempting an attack on the connection."),
             {}},
        },
        {
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "Connect again. If the error persists, contact your network administrator: someone "
                "may have broken into the network, or network hardware between this computer and "
                "the server may be damaged."),
        },
        {},
    });

    list.append(Entry{
        QStringLiteral("certificate-untrusted"),
        QT_TRANSLATE_NOOP(
            "ErrorCatalogue",
            "The host's SSL/TLS certificate is not from a trusted certificate authority, or has "
            "expired"),
        QT_TRANSLATE_NOOP("ErrorCatalogue",
                          "The certificate the server presented is not valid, or it was not issued by a "
                          "certificate authority (CA) that you trust."),
        {
            {QStringLiteral("issuer-not-trusted"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "The certificate authority that issued the host's server certificate is not in your "
                 "list of trusted certificate authorities (CA). When Trust source includes the "
                 "system certificate store, the trusted CAs are those in /etc/ssl/certs (list them "
                 "with: trust list, or ls /etc/ssl/certs). When it is Tsunagi's trust store only, a "
                 "CA you have not yet imported into Tsunagi's trust store is not trusted; manage "
                 "that list in Security Properties > SSL/TLS > Configure PKI…."),
             {}},
            {QStringLiteral("self-signed"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "The host's certificate is self-signed: no certificate authority vouches for it."),
             {}},
            {QStringLiteral("expired"),
             QT_TRANSLATE_NOOP("ErrorCatalogue", "The host's server certificate has expired."),
             {}},
            {QStringLiteral("not-yet-valid"),
             QT_TRANSLATE_NOOP("ErrorCatalogue",
                               "The host's server certificate is not valid yet: its validity starts in the "
                               "future, or the clock of this computer or of the host is wrong."),
             {}},
            {QStringLiteral("revoked"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "Revocation checking answered that the certificate is no longer valid: it has been "
                 "revoked."),
             QString::fromLatin1(FixSetting::Revocation)},
            {QStringLiteral("revocation-unavailable"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "Revocation checking did not return a valid answer. Even when the certificate is "
                 "valid, this happens when Tsunagi cannot reach the OCSP responder or cannot get the "
                 "CRL file."),
             QString::fromLatin1(FixSetting::Revocation)},
        },
        {
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "Add the certificate authority to the trusted certificate authorities (CA) of "
                "Tsunagi's trust store or of the system certificate store: import the CA "
                "certificate in Security Properties > SSL/TLS > Configure PKI…, or install it into "
                "the system certificate store (copy it to /usr/local/share/ca-certificates/ and run "
                "sudo update-ca-certificates)."),
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "If Trust source is Tsunagi's trust store only, add the certificate authority to "
                "Tsunagi's trust store (PKI Configuration)."),
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "If the certificate has expired, is not yet valid or was revoked, tell the host's "
                "system administrator that a new certificate must be obtained."),
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "If the OCSP responder or the CRL cannot be reached, check the network path to them. "
                "Turn off \"Require a revocation answer\" in PKI Configuration only after "
                "consulting your system administrator."),
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "If you are sure this is the right host, compare the certificate's SHA-256 "
                "fingerprint with the one the host's administrator gives you, and then trust this "
                "certificate for this profile only."),
        },
        QString::fromLatin1(FixSetting::Trust),
        true,
    });

    list.append(Entry{
        QStringLiteral("certificate-hostname-mismatch"),
        QT_TRANSLATE_NOOP("ErrorCatalogue",
                          "The host's SSL/TLS certificate does not contain the target host name"),
        QT_TRANSLATE_NOOP(
            "ErrorCatalogue",
            "The certificate the server presented contains no host name that matches the one you "
            "(or a local name service such as DNS) gave as the connection target. Tsunagi "
            "authenticates the host before it sets up an SSL/TLS connection: the certificate the "
            "host presents must come from a trusted certificate authority, and must name the host. "
            "If this computer does not recognise the certificate authority, no SSL/TLS connection "
            "can be made."),
        {
            {QStringLiteral("ip-address-used"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "You entered an IP address instead of the host name. The host name set in Tsunagi "
                 "must exactly match a host name in the certificate (its subject alternative names, "
                 "or its CommonName field when it has none)."),
             QString::fromLatin1(FixSetting::Host)},
            {QStringLiteral("short-name-used"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "You entered a short alias of the host (such as \"myhost\"), and the certificate "
                 "holds the full host name (such as \"myhost.domain.com\")."),
             QString::fromLatin1(FixSetting::Host)},
            {QStringLiteral("name-not-in-certificate"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "The certificate does not contain the host name you entered at all; it may have "
                 "been issued for another host."),
             {}},
        },
        {
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "If you entered an IP address instead of the host name, enter the host name and "
                "connect again."),
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "If you entered an alias of the host (such as \"myhost\"), enter the full host name "
                "(such as \"myhost.domain.com\") and connect again. When you connect to a host in "
                "another domain, you must use the full host name, not the short alias."),
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "Ask your system administrator whether the host's certificate contains the host "
                "name. If the host name does not need to be checked, open Security Properties > "
                "SSL/TLS > Configure PKI… and clear \"Verify that the certificate host name matches "
                "the target host name\". Always consult your system administrator before making "
                "this change: turning the check off lowers the security of the connection."),
        },
        QString::fromLatin1(FixSetting::HostnameCheck),
        true,
    });

    list.append(Entry{
        QStringLiteral("encryption-strength-unavailable"),
        QT_TRANSLATE_NOOP("ErrorCatalogue",
                          "The requested SSL/TLS encryption strength is not available on this computer"),
        QT_TRANSLATE_NOOP(
            "ErrorCatalogue",
            "The encryption strength chosen in Security Properties (or stored in the profile you "
            "use) is beyond what the TLS library of this computer offers. This usually happens when "
            "the same profiles are used on computers with different TLS libraries or policies: for "
            "example, an administrator chose 168-bit (3DES) encryption, but the OpenSSL 3 library "
            "of this computer no longer offers it, or the system-wide OpenSSL policy in "
            "/etc/ssl/openssl.cnf forbids it."),
        {
            {QStringLiteral("no-local-cipher-suites"),
             QT_TRANSLATE_NOOP("ErrorCatalogue",
                               "The OpenSSL library on this computer has no cipher suite for the chosen "
                               "Encryption strength."),
             {}},
        },
        {
            QT_TRANSLATE_NOOP("ErrorCatalogue",
                              "Set a lower Encryption strength, or use Default, in Security Properties > "
                              "SSL/TLS."),
        },
        QString::fromLatin1(FixSetting::EncryptionStrength),
    });

    list.append(Entry{
        QStringLiteral("tls-library-missing"),
        QT_TRANSLATE_NOOP("ErrorCatalogue", "Tsunagi's SSL/TLS library is missing or damaged"),
        QT_TRANSLATE_NOOP(
            "ErrorCatalogue",
            "Qt's TLS backend plugin (the OpenSSL backend, libqopensslbackend.so in Qt's plugins/tls "
            "folder) could not be loaded, so Tsunagi cannot make SSL/TLS connections."),
        {
            {QStringLiteral("tls-backend-missing"),
             QT_TRANSLATE_NOOP("ErrorCatalogue", "Qt's TLS backend plugin is damaged or missing."),
             {}},
        },
        {
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "Repair the installation with the package manager: sudo apt install --reinstall "
                "libqt6network6 (the package that contains Qt's TLS backend plugins), then "
                "reinstall Tsunagi's package if the problem remains."),
        },
        {},
    });

    list.append(Entry{
        QStringLiteral("crypto-library-missing"),
        QT_TRANSLATE_NOOP("ErrorCatalogue", "The required cryptographic libraries are missing or damaged"),
        QT_TRANSLATE_NOOP(
            "ErrorCatalogue",
            "One or more of the OpenSSL libraries (libssl and libcrypto) that SSL/TLS connections "
            "need are missing from this system or cannot be used."),
        {
            {QStringLiteral("openssl-unavailable"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "One or more of the OpenSSL libraries on this system are damaged (the files were "
                 "changed, or corrupted by an unexpected error), or some or all of the required "
                 "libraries are missing: the system may be too old or too minimal to provide "
                 "OpenSSL 3."),
             {}},
        },
        {kStepReinstallOpenSsl, kStepUpgradeSystem},
        {},
    });

    list.append(Entry{
        QStringLiteral("security-provider-missing"),
        QT_TRANSLATE_NOOP("ErrorCatalogue", "A required OpenSSL security module is missing or damaged"),
        QT_TRANSLATE_NOOP("ErrorCatalogue",
                          "An OpenSSL provider module that this profile's settings need (such as the FIPS "
                          "provider for FIPS mode) could not be loaded on this computer."),
        {
            {QStringLiteral("provider-unavailable"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "The provider module (for example fips.so in OpenSSL's ossl-modules folder) is "
                 "damaged, was changed, or is not installed, or OpenSSL's configuration "
                 "(/etc/ssl/openssl.cnf) does not enable it."),
             {}},
        },
        {
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "Install or repair the provider module and enable it in /etc/ssl/openssl.cnf (a FIPS "
                "provider is installed with openssl fipsinstall); check the result with: openssl "
                "list -providers. If you do not need FIPS mode, turn it off in Security Properties > "
                "SSL/TLS."),
            kStepReinstallOpenSsl,
            kStepUpgradeSystem,
        },
        QString::fromLatin1(FixSetting::FipsMode),
    });

    list.append(Entry{
        QStringLiteral("system-trust-store-missing"),
        QT_TRANSLATE_NOOP("ErrorCatalogue", "The system certificate store is missing or damaged"),
        QT_TRANSLATE_NOOP(
            "ErrorCatalogue",
            "This profile trusts the system certificate store, but no certificate could be read "
            "from it, so no host certificate can be verified against it."),
        {
            {QStringLiteral("no-system-certificates"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "The system's CA certificates (/etc/ssl/certs, from the ca-certificates package) "
                 "are missing or empty; files of the operating system are seriously damaged."),
             {}},
        },
        {
            QT_TRANSLATE_NOOP("ErrorCatalogue",
                              "Reinstall the system certificate store: sudo apt install --reinstall "
                              "ca-certificates, then sudo update-ca-certificates --fresh"),
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "Until it is repaired, set Trust source to Tsunagi's trust store in Security "
                "Properties > SSL/TLS > Configure PKI… and import the CA certificates you need."),
            QT_TRANSLATE_NOOP("ErrorCatalogue", "If that does not help, reinstall the operating system."),
        },
        QString::fromLatin1(FixSetting::Trust),
    });

    list.append(Entry{
        QStringLiteral("certificate-changed"),
        QT_TRANSLATE_NOOP("ErrorCatalogue", "The host's certificate has changed"),
        QT_TRANSLATE_NOOP("ErrorCatalogue",
                          "The certificate the host presented is not the one you trusted (pinned) for this "
                          "profile. The host may have a new certificate, or someone may be intercepting the "
                          "connection."),
        {
            {QStringLiteral("pinned-certificate-mismatch"),
             QT_TRANSLATE_NOOP("ErrorCatalogue",
                               "The SHA-256 fingerprint of the host's certificate differs from the pinned "
                               "certificate of this profile."),
             {}},
        },
        {
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "Do not trust the new certificate until the host's administrator has confirmed its "
                "SHA-256 fingerprint."),
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "If the administrator confirms it, remove the old pinned certificate in Security "
                "Properties > SSL/TLS > Configure PKI… and trust the new certificate for this "
                "profile."),
        },
        QString::fromLatin1(FixSetting::PinnedCertificates),
        true,
    });

    list.append(Entry{
        QStringLiteral("connection-refused"),
        QT_TRANSLATE_NOOP("ErrorCatalogue", "The host refused the connection"),
        QT_TRANSLATE_NOOP("ErrorCatalogue",
                          "The host was reached, but nothing accepts connections on that port."),
        {
            {QStringLiteral("port-closed"),
             QT_TRANSLATE_NOOP("ErrorCatalogue",
                               "No service is listening on that port of the host, or a firewall rejects the "
                               "connection."),
             {}},
        },
        {
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "Check the host name and port of the profile. Tsunagi's default is port 992 for "
                "Telnet over TLS and port 23 for plain Telnet."),
            QT_TRANSLATE_NOOP("ErrorCatalogue",
                              "Ask the host's system administrator whether the service is running."),
        },
        QString::fromLatin1(FixSetting::Port),
    });

    list.append(Entry{
        QStringLiteral("host-not-found"),
        QT_TRANSLATE_NOOP("ErrorCatalogue", "The host name could not be found"),
        QT_TRANSLATE_NOOP("ErrorCatalogue", "The host name could not be resolved to a network address."),
        {
            {QStringLiteral("name-unresolvable"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "The name is misspelled or does not exist, or the name service (DNS) cannot be "
                 "reached from this computer."),
             {}},
        },
        {
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "Check the spelling of the host name in the profile; try the full host name (such "
                "as \"myhost.domain.com\")."),
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "Check that this computer is connected to the network (and to the VPN, if the host "
                "is only reachable through one), or ask your network administrator."),
        },
        QString::fromLatin1(FixSetting::Host),
    });

    list.append(Entry{
        QStringLiteral("network-unreachable"),
        QT_TRANSLATE_NOOP("ErrorCatalogue", "The host's network cannot be reached"),
        QT_TRANSLATE_NOOP("ErrorCatalogue", "This computer has no network route to the host."),
        {
            {QStringLiteral("no-route"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "This computer is offline, a VPN is not connected, or a router or firewall has no "
                 "route to the host."),
             {}},
        },
        {
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "Check that this computer is connected to the network (and to the VPN, if the host "
                "is only reachable through one), or ask your network administrator."),
            QT_TRANSLATE_NOOP("ErrorCatalogue", "Check the host name or address of the profile."),
        },
        QString::fromLatin1(FixSetting::Host),
    });

    list.append(Entry{
        QStringLiteral("connect-timeout"),
        QT_TRANSLATE_NOOP("ErrorCatalogue", "The connection to the host timed out"),
        QT_TRANSLATE_NOOP("ErrorCatalogue",
                          "The host did not answer the TCP connection within the time allowed."),
        {
            {QStringLiteral("no-answer"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "The host is down or overloaded, or a firewall silently drops connections to that "
                 "port."),
             {}},
        },
        {
            QT_TRANSLATE_NOOP("ErrorCatalogue", "Check the host name and port of the profile."),
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "Ask the server or network administrator about the situation, or try to connect "
                "again later."),
        },
        QString::fromLatin1(FixSetting::Host),
    });

    list.append(Entry{
        QStringLiteral("connection-lost"),
        QT_TRANSLATE_NOOP("ErrorCatalogue", "The connection was lost"),
        QT_TRANSLATE_NOOP("ErrorCatalogue",
                          "The session was established, and then the host or the network closed it."),
        {
            {QStringLiteral("remote-closed"),
             QT_TRANSLATE_NOOP(
                 "ErrorCatalogue",
                 "The host closed the session: it ended the session, logged you out, or restarted."),
             {}},
            {QStringLiteral("network-error"),
             QT_TRANSLATE_NOOP("ErrorCatalogue", "The network failed while the session was open."),
             {}},
        },
        {
            QT_TRANSLATE_NOOP("ErrorCatalogue", "Connect again."),
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "If the connection keeps being lost, ask the host's or the network's administrator."),
        },
        {},
    });

    list.append(Entry{
        QStringLiteral("proxy-unreachable"),
        QT_TRANSLATE_NOOP("ErrorCatalogue", "The security proxy cannot be reached"),
        QT_TRANSLATE_NOOP(
            "ErrorCatalogue",
            "The security proxy set in Security Properties could not be reached, so the connection "
            "to the host was not attempted."),
        {
            {QStringLiteral("proxy-refused"),
             QT_TRANSLATE_NOOP("ErrorCatalogue",
                               "Nothing accepts connections at the proxy's address and port."),
             {}},
            {QStringLiteral("proxy-not-found"),
             QT_TRANSLATE_NOOP("ErrorCatalogue", "The proxy's host name could not be resolved."),
             {}},
        },
        {
            QT_TRANSLATE_NOOP(
                "ErrorCatalogue",
                "Check the security proxy's host name and port in Security Properties > SSL/TLS."),
            kStepAskPortalAdmin,
        },
        QString::fromLatin1(FixSetting::Proxy),
    });

    return list;
}

} // namespace

QString translate(const QString& language, const char* sourceText)
{
    return Translations::instance().translate(language, kContext, sourceText);
}

QString Cause::causeText(const QString& language) const
{
    return translate(language, text);
}
QString Entry::titleText(const QString& language) const
{
    return translate(language, title);
}
QString Entry::summaryText(const QString& language) const
{
    return translate(language, summary);
}

QStringList Entry::stepTexts(const QString& language) const
{
    QStringList texts;
    for (const char* step : steps)
        texts << translate(language, step);
    return texts;
}

const Cause* Entry::cause(const QString& causeId) const
{
    for (const Cause& c : causes) {
        if (c.id == causeId)
            return &c;
    }
    return nullptr;
}

const QList<Entry>& entries()
{
    static const QList<Entry> all = makeEntries();
    return all;
}

const Entry* find(const QString& entryId)
{
    for (const Entry& entry : entries()) {
        if (entry.id == entryId)
            return &entry;
    }
    return nullptr;
}

QStringList entryIds()
{
    QStringList ids;
    for (const Entry& entry : entries())
        ids << entry.id;
    return ids;
}

QString fixSettingFor(const QString& entryId, const QString& causeId)
{
    const Entry* entry = find(entryId);
    if (!entry)
        return {};
    if (const Cause* cause = entry->cause(causeId); cause && !cause->fixSetting.isEmpty())
        return cause->fixSetting;
    return entry->fixSetting;
}

QString fixSettingText(const QString& settingId, const QString& language)
{
    static const struct
    {
        const char* id;
        const char* text;
    } kPlaces[] = {
        {FixSetting::UseTls,
         QT_TRANSLATE_NOOP("ErrorCatalogue", "Security Properties > SSL/TLS > Use SSL/TLS security")},
        {FixSetting::EncryptionStrength,
         QT_TRANSLATE_NOOP("ErrorCatalogue", "Security Properties > SSL/TLS > Encryption strength")},
        {FixSetting::TlsVersion,
         QT_TRANSLATE_NOOP("ErrorCatalogue", "Security Properties > SSL/TLS > TLS version")},
        {FixSetting::FipsMode,
         QT_TRANSLATE_NOOP("ErrorCatalogue", "Security Properties > SSL/TLS > FIPS mode")},
        {FixSetting::Proxy,
         QT_TRANSLATE_NOOP("ErrorCatalogue", "Security Properties > SSL/TLS > Security proxy")},
        {FixSetting::Trust,
         QT_TRANSLATE_NOOP("ErrorCatalogue",
                           "Security Properties > SSL/TLS > Configure PKI… > Trust source")},
        {FixSetting::HostnameCheck,
         QT_TRANSLATE_NOOP(
             "ErrorCatalogue",
             "Security Properties > SSL/TLS > Configure PKI… > Verify that the certificate host name "
             "matches the target host name")},
        {FixSetting::ClientCertificate,
         QT_TRANSLATE_NOOP("ErrorCatalogue",
                           "Security Properties > SSL/TLS > Configure PKI… > Client certificate")},
        {FixSetting::Revocation,
         QT_TRANSLATE_NOOP("ErrorCatalogue",
                           "Security Properties > SSL/TLS > Configure PKI… > Revocation checking")},
        {FixSetting::PinnedCertificates,
         QT_TRANSLATE_NOOP("ErrorCatalogue",
                           "Security Properties > SSL/TLS > Configure PKI… > Pinned certificates")},
        {FixSetting::Host, QT_TRANSLATE_NOOP("ErrorCatalogue", "Profile > Host name")},
        {FixSetting::Port, QT_TRANSLATE_NOOP("ErrorCatalogue", "Profile > Port")},
    };
    for (const auto& place : kPlaces) {
        if (settingId == QLatin1String(place.id))
            return translate(language, place.text);
    }
    return {};
}

} // namespace ErrorCatalogue
