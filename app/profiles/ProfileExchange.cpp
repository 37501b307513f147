#include "profiles/ProfileExchange.h"

#include "profiles/ProfileJson.h"
#include "profiles/ProfileManager.h"
#include "profiles/ProfileStore.h"
#include "profiles/PuttyImporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

namespace {

bool inside(const QString& folder, const QString& ancestor)
{
    return folder == ancestor || folder.startsWith(ancestor + QLatin1Char('/'));
}

ProfileError importError(const QString& fileName, const QString& message, const QString& detail = {})
{
    ProfileError error;
    error.code = ProfileError::Code::ImportFailed;
    error.file = fileName;
    error.message = message;
    error.detail = detail;
    return error;
}

} // namespace

namespace ProfileExchange {

Selection select(const ProfileManager& manager, const QList<QUuid>& profileIds, const QStringList& folders)
{
    Selection selection;
    QStringList roots;
    for (const QString& f : folders) {
        const QString folder = ProfileManager::normalizeFolder(f);
        if (!folder.isEmpty() && !roots.contains(folder))
            roots.append(folder);
    }
    for (const QString& folder : manager.folders()) {
        if (std::any_of(roots.cbegin(), roots.cend(),
                        [&](const QString& root) { return inside(folder, root); }))
            selection.folders.append(folder);
    }
    QSet<QUuid> wanted(profileIds.cbegin(), profileIds.cend());
    for (const Profile& p : manager.profiles()) {
        const bool inFolder = std::any_of(roots.cbegin(), roots.cend(),
                                          [&](const QString& root) { return inside(p.folder, root); });
        if (inFolder || wanted.contains(p.id))
            selection.profiles.append(p);
    }
    return selection;
}

QByteArray serialize(const Selection& selection)
{
    QJsonArray profiles;
    for (const Profile& p : selection.profiles)
        profiles.append(ProfileJson::toJson(p));
    const QJsonObject top{
        {QStringLiteral("format"), QLatin1String(kFormat)},
        {QStringLiteral("schemaVersion"), ProfileStoreReader::kCurrentSchemaVersion},
        {QStringLiteral("folders"), QJsonArray::fromStringList(selection.folders)},
        {QStringLiteral("profiles"), profiles},
    };
    return QJsonDocument(top).toJson(QJsonDocument::Indented);
}

ProfileError exportToFile(const QString& fileName, const Selection& selection)
{
    QSaveFile file(fileName);
    const QByteArray bytes = serialize(selection);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        const QString reason = file.errorString();
        ProfileError error;
        error.code = ProfileError::Code::WriteFailed;
        error.file = fileName;
        error.message =
            QCoreApplication::translate("ProfileExchange", "The profiles could not be exported to %1: %2")
                .arg(QDir::toNativeSeparators(fileName), reason);
        error.detail = reason;
        return error;
    }
    return {};
}

ImportedProfiles readFile(const QString& fileName)
{
    const QString shown = QDir::toNativeSeparators(fileName);
    QFile file(fileName);
    if (QFileInfo(fileName).isDir() || !file.open(QIODevice::ReadOnly)) {
        ImportedProfiles result;
        const QString reason = QFileInfo(fileName).isDir()
                                   ? QCoreApplication::translate("ProfileExchange", "it is a folder")
                                   : file.errorString();
        result.error =
            importError(fileName,
                        QCoreApplication::translate("ProfileExchange", "The file %1 cannot be read: %2")
                            .arg(shown, reason),
                        reason);
        return result;
    }
    constexpr qint64 kMaximumSize = 64 * 1024 * 1024;
    if (file.size() > kMaximumSize) {
        ImportedProfiles result;
        result.error = importError(
            fileName,
            QCoreApplication::translate("ProfileExchange", "The file %1 is too large to import.").arg(shown));
        return result;
    }
    return parse(file.readAll(), fileName);
}

ImportedProfiles parse(const QByteArray& bytes, const QString& fileName)
{
    if (PuttyImporter::looksLikeRegFile(bytes))
        return PuttyImporter::parse(bytes, fileName);

    ImportedProfiles result;
    const QString shown = QDir::toNativeSeparators(fileName);
    if (bytes.trimmed().isEmpty()) {
        result.error = importError(
            fileName, QCoreApplication::translate("ProfileExchange", "The file %1 is empty.").arg(shown));
        return result;
    }
    const ProfileStoreReader::Result read = ProfileStoreReader::parse(bytes, fileName);
    const ProfileError& e = read.error;
    switch (e.code) {
    case ProfileError::Code::None:
        break;
    case ProfileError::Code::StoreParseError:
        result.error =
            importError(fileName,
                        QCoreApplication::translate(
                            "ProfileExchange",
                            "The file %1 cannot be imported: it is neither a Tsunagi profile export nor "
                            "a PuTTY registry export (%2 at line %3, column %4).")
                            .arg(shown, e.detail)
                            .arg(e.line)
                            .arg(e.column),
                        e.detail);
        result.error.line = e.line;
        result.error.column = e.column;
        result.error.offset = e.offset;
        return result;
    case ProfileError::Code::StoreNewerVersion:
        result.error =
            importError(fileName,
                        QCoreApplication::translate(
                            "ProfileExchange",
                            "The file %1 was exported by a newer version of Tsunagi and cannot be imported.")
                            .arg(shown),
                        e.detail);
        return result;
    default:
        result.error = importError(
            fileName,
            QCoreApplication::translate("ProfileExchange",
                                        "The file %1 cannot be imported: the value at %2 is wrong (%3).")
                .arg(shown, e.jsonPath, e.detail),
            e.detail);
        result.error.jsonPath = e.jsonPath;
        return result;
    }
    const QJsonValue format = read.data.unknownFields.value(QLatin1String("format"));
    if (!format.isUndefined() && format.toString() != QLatin1String(kFormat)) {
        result.error = importError(
            fileName,
            QCoreApplication::translate("ProfileExchange", "The file %1 is not a Tsunagi profile export.")
                .arg(shown),
            QStringLiteral("format: %1").arg(format.toString()));
        return result;
    }
    result.profiles = read.data.profiles;
    result.folders = read.data.folders;
    return result;
}

} // namespace ProfileExchange
