#include "security/TlsEnvironment.h"

#include "security/SystemTrustStore.h"

#include <QMutex>
#include <QSslSocket>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/provider.h>

namespace {
QMutex g_mutex;
std::optional<TlsEnvironmentInfo> g_override;
std::optional<TlsEnvironmentInfo> g_cached;
} // namespace

namespace TlsEnvironment {

bool fipsProviderLoadable(QString* detail)
{
    // A private library context: loading (or failing to load) the provider there leaves the
    // process's default context and Qt's TLS untouched.
    OSSL_LIB_CTX* context = OSSL_LIB_CTX_new();
    if (!context) {
        if (detail)
            *detail = QStringLiteral("OSSL_LIB_CTX_new failed");
        return false;
    }
    ERR_set_mark();
    OSSL_PROVIDER* provider = OSSL_PROVIDER_load(context, "fips");
    const bool loaded = provider != nullptr;
    if (provider) {
        OSSL_PROVIDER_unload(provider);
    } else if (detail) {
        const unsigned long error = ERR_peek_last_error();
        char text[256] = {};
        ERR_error_string_n(error, text, sizeof text);
        *detail =
            QStringLiteral("OpenSSL %1 has no loadable FIPS provider (fips.so) in %2: %3")
                .arg(QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION_STRING)),
                     QString::fromLocal8Bit(OpenSSL_version(OPENSSL_MODULES_DIR)), QString::fromLatin1(text));
    }
    ERR_pop_to_mark();
    OSSL_LIB_CTX_free(context);
    return loaded;
}

TlsEnvironmentInfo probeSystem()
{
    TlsEnvironmentInfo info;
    info.tlsBackendName = QSslSocket::activeBackend();
    info.tlsBackendAvailable =
        !info.tlsBackendName.isEmpty() && QSslSocket::isProtocolSupported(QSsl::TlsV1_2OrLater);
    info.openSslLoadable = QSslSocket::supportsSsl();
    info.openSslVersion = QSslSocket::sslLibraryVersionString();
    info.fipsProviderAvailable = fipsProviderLoadable(&info.fipsProviderDetail);
    return info;
}

TlsEnvironmentInfo info()
{
    TlsEnvironmentInfo result;
    {
        QMutexLocker lock(&g_mutex);
        if (g_override)
            return *g_override;
        if (!g_cached)
            g_cached = probeSystem();
        result = *g_cached;
    }
    SystemTrustStore& store = SystemTrustStore::instance();
    if (store.isLoaded())
        result.systemCaCount = int(store.certificates().size());
    return result;
}

void setOverride(const std::optional<TlsEnvironmentInfo>& info)
{
    QMutexLocker lock(&g_mutex);
    g_override = info;
}

} // namespace TlsEnvironment
