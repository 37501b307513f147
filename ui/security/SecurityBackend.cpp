#include "ui/security/SecurityBackend.h"

#include "security/CipherPolicy.h"
#include "security/ClientCertificateStore.h"
#include "security/TlsEnvironment.h"
#include "security/TrustStore.h"
#include "ui/widgets/MessageBox.h"

#include <QCoreApplication>
#include <QDir>

namespace {
QString translated(const char* text)
{
    return QCoreApplication::translate("SecurityBackend", text);
}

QString trustStoreMessage(const TrustStoreResult& result)
{
    switch (result.error) {
    case TrustStoreResult::Error::None:
        return {};
    case TrustStoreResult::Error::FileUnreadable:
        return translated(QT_TRANSLATE_NOOP("SecurityBackend", "the file cannot be read."));
    case TrustStoreResult::Error::NoCertificate:
        return translated(
            QT_TRANSLATE_NOOP("SecurityBackend", "the file holds no certificate in PEM or DER format."));
    case TrustStoreResult::Error::NotCertificateAuthority:
        return translated(QT_TRANSLATE_NOOP("SecurityBackend",
                                            "the file holds a host or user certificate, not a certificate "
                                            "authority (CA). To trust one host's certificate, connect to it "
                                            "and accept the certificate after checking its fingerprint."));
    case TrustStoreResult::Error::AlreadyPresent:
        return translated(QT_TRANSLATE_NOOP(
            "SecurityBackend", "every certificate in the file is already in Tsunagi's trust store."));
    case TrustStoreResult::Error::WriteFailed:
        return translated(
            QT_TRANSLATE_NOOP("SecurityBackend", "Tsunagi's trust store folder cannot be written to."));
    case TrustStoreResult::Error::NotFound:
        return translated(
            QT_TRANSLATE_NOOP("SecurityBackend", "the certificate is no longer in Tsunagi's trust store."));
    }
    return {};
}

QString identityMessage(ClientIdentity::Error error)
{
    switch (error) {
    case ClientIdentity::Error::None:
        return {};
    case ClientIdentity::Error::NotConfigured:
        return translated(QT_TRANSLATE_NOOP("SecurityBackend", "no client certificate is chosen."));
    case ClientIdentity::Error::FileMissing:
        return translated(QT_TRANSLATE_NOOP("SecurityBackend", "the file does not exist."));
    case ClientIdentity::Error::FileUnreadable:
        return translated(QT_TRANSLATE_NOOP("SecurityBackend", "the file cannot be read."));
    case ClientIdentity::Error::WrongPassphrase:
        return translated(QT_TRANSLATE_NOOP("SecurityBackend", "the passphrase is wrong."));
    case ClientIdentity::Error::PassphraseNeeded:
        return translated(
            QT_TRANSLATE_NOOP("SecurityBackend", "the private key is protected by a passphrase: enter it."));
    case ClientIdentity::Error::NoCertificate:
        return translated(QT_TRANSLATE_NOOP("SecurityBackend", "the file holds no certificate."));
    case ClientIdentity::Error::NoPrivateKey:
        return translated(QT_TRANSLATE_NOOP("SecurityBackend", "no usable private key was found."));
    case ClientIdentity::Error::KeyMismatch:
        return translated(
            QT_TRANSLATE_NOOP("SecurityBackend", "the private key does not belong to the certificate."));
    }
    return {};
}
} // namespace

namespace SecurityBackend {

QList<QSslCertificate> trustedCertificates()
{
    return TrustStore().certificates();
}

Outcome importTrustedCertificates(const QString& path, int* imported)
{
    const TrustStoreResult result = TrustStore().importFile(path);
    if (imported)
        *imported = result.imported;
    return {result.ok(), trustStoreMessage(result), result.detail};
}

Outcome removeTrustedCertificate(const QSslCertificate& certificate)
{
    const TrustStoreResult result = TrustStore().remove(certificate);
    return {result.ok(), trustStoreMessage(result), result.detail};
}

bool strengthAvailable(EncryptionStrength strength, bool fips)
{
    return CipherPolicies::isAvailable(strength, fips);
}

bool fipsProviderAvailable()
{
    return TlsEnvironment::info().fipsProviderAvailable;
}

ClientIdentityInfo loadClientIdentity(const ClientCertificateSettings& settings, const QString& passphrase)
{
    const ClientIdentity identity = ClientCertificateStore::load(settings, passphrase.toUtf8());
    ClientIdentityInfo info;
    info.outcome = {identity.ok(), identityMessage(identity.error), identity.detail};
    info.certificate = identity.certificate;
    return info;
}

Outcome importPkcs12(const QString& path, const QString& passphrase, QString* storedPath)
{
    const PersonalImportResult result = ClientCertificateStore::importPkcs12(path, passphrase.toUtf8());
    if (storedPath)
        *storedPath = result.storedPath;
    QString message = identityMessage(result.error);
    if (!result.ok() && message.isEmpty())
        message = translated(
            QT_TRANSLATE_NOOP("SecurityBackend", "the file cannot be copied into the personal store."));
    return {result.ok(), message, result.detail};
}

bool isInPersonalStore(const QString& path)
{
    return ClientCertificateStore::isInPersonalStore(path);
}

bool confirm(QWidget* parent, const QString& title, const QString& text, const QString& informativeText)
{
    MessageBox::Message message;
    message.kind = MessageBox::Kind::Warning;
    message.title = title;
    // Two paragraphs: the question, then what answering yes means.
    message.text = informativeText.isEmpty() ? text : text + QStringLiteral("\n\n") + informativeText;
    message.buttons = QMessageBox::Yes | QMessageBox::No;
    message.defaultButton = QMessageBox::No;
    return MessageBox::show(parent, message) == QMessageBox::Yes;
}

} // namespace SecurityBackend
