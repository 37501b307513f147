#include "profiles/ProfileStore.h"

#include "profiles/ProfileJson.h"
#include "profiles/ProfileOutline.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <QStorageInfo>

#include <cmath>

// Anything larger is not a profile store, and reading it all would hurt. 100,000 profiles take
// about 200 MB (indented JSON); the writer refuses to go past this, so a saved store always loads.
constexpr qint64 kMaximumStoreSize = 512 * 1024 * 1024;

namespace {

ProfileError storeError(ProfileError::Code code, const QString& fileName, const QString& message,
                        const QString& detail = {})
{
    ProfileError error;
    error.code = code;
    error.file = fileName;
    error.message = message;
    error.detail = detail;
    return error;
}

ProfileError wrongType(const QString& fileName, const QString& path, const QString& problem)
{
    ProfileError error = storeError(
        ProfileError::Code::StoreWrongType, fileName,
        QCoreApplication::translate("ProfileStore", "The profile store %1 has an unexpected value at %2: %3.")
            .arg(QDir::toNativeSeparators(fileName), path, problem),
        problem);
    error.jsonPath = path;
    return error;
}

QString expectedText(const char* what)
{
    return QCoreApplication::translate("ProfileJson", "expected %1")
        .arg(QCoreApplication::translate("ProfileJson", what));
}

// Version 1 kept everything flat in the profile; version 2 groups security, terminal and logging.
// Fields version 1 did not have keep their defaults; fields it had that we do not know stay.
QJsonObject migrateProfileFromVersion1(QJsonObject flat)
{
    QJsonObject security;
    QJsonObject terminal;
    QJsonObject logging;
    const auto move = [&flat](const char* from, QJsonObject* to, const char* as) {
        const QString key = QLatin1String(from);
        if (flat.contains(key)) {
            to->insert(QLatin1String(as), flat.value(key));
            flat.remove(key);
        }
    };
    move("tls", &security, "tls");
    move("terminalType", &terminal, "terminalType");
    move("encoding", &terminal, "encoding");
    if (flat.contains(QLatin1String("logFile"))) {
        const QJsonValue logFile = flat.take(QLatin1String("logFile"));
        if (logFile.isString() && !logFile.toString().isEmpty()) {
            logging.insert(QStringLiteral("mode"), QStringLiteral("text"));
            logging.insert(QStringLiteral("pathPattern"), logFile);
        } else if (!logFile.isString() && !logFile.isNull()) {
            logging.insert(QStringLiteral("pathPattern"), logFile); // reported as the wrong type
        }
    }
    // Version 1 wrote no TLS flag for plain profiles made before TLS existed: those were plain.
    if (!security.contains(QLatin1String("tls")))
        security.insert(QStringLiteral("tls"), false);
    flat.insert(QStringLiteral("security"), security);
    if (!terminal.isEmpty())
        flat.insert(QStringLiteral("terminal"), terminal);
    if (!logging.isEmpty())
        flat.insert(QStringLiteral("logging"), logging);
    return flat;
}

QString normalizeFolder(const QString& path)
{
    QStringList parts;
    for (const QString& part : path.split(QLatin1Char('/'))) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            parts.append(trimmed);
    }
    return parts.join(QLatin1Char('/'));
}

QString uniqueSibling(const QString& base)
{
    QString candidate = base;
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = QStringLiteral("%1-%2").arg(base).arg(n);
    return candidate;
}

} // namespace

ProfileStoreReader::Result ProfileStoreReader::read(const QString& fileName)
{
    Result result;
    const QFileInfo info(fileName);
    if (!info.exists() && !info.isSymLink()) {
        result.schemaVersion = kCurrentSchemaVersion;
        return result;
    }
    result.exists = true;
    const QString shown = QDir::toNativeSeparators(fileName);
    if (info.isDir()) {
        result.error =
            storeError(ProfileError::Code::StoreUnreadable, fileName,
                       QCoreApplication::translate(
                           "ProfileStore", "The profile store %1 cannot be read: it is a folder, not a file.")
                           .arg(shown),
                       QStringLiteral("is a directory"));
        return result;
    }
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error =
            storeError(ProfileError::Code::StoreUnreadable, fileName,
                       QCoreApplication::translate("ProfileStore", "The profile store %1 cannot be read: %2")
                           .arg(shown, file.errorString()),
                       file.errorString());
        return result;
    }
    if (file.size() > kMaximumStoreSize) {
        result.error = storeError(
            ProfileError::Code::StoreUnreadable, fileName,
            QCoreApplication::translate("ProfileStore",
                                        "The profile store %1 is too large to be a profile store (%2 bytes).")
                .arg(shown)
                .arg(file.size()),
            QStringLiteral("size %1").arg(file.size()));
        return result;
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        result.error =
            storeError(ProfileError::Code::StoreUnreadable, fileName,
                       QCoreApplication::translate("ProfileStore", "The profile store %1 cannot be read: %2")
                           .arg(shown, file.errorString()),
                       file.errorString());
        return result;
    }
    return parse(bytes, fileName);
}

ProfileStoreReader::Result ProfileStoreReader::parse(const QByteArray& bytes, const QString& fileName)
{
    Result result;
    result.exists = true;
    const QString shown = QDir::toNativeSeparators(fileName);

    if (bytes.trimmed().isEmpty()) {
        result.error = storeError(
            ProfileError::Code::StoreParseError, fileName,
            QCoreApplication::translate(
                "ProfileStore", "The profile store %1 is empty; it may have been cut short while it was "
                                "being written.")
                .arg(shown),
            QStringLiteral("empty file (%1 bytes)").arg(bytes.size()));
        result.error.offset = 0;
        result.error.line = 1;
        result.error.column = 1;
        return result;
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const qint64 offset = qBound(qint64(0), qint64(parseError.offset), qint64(bytes.size()));
        const QByteArray before = bytes.left(offset);
        const int line = int(before.count('\n')) + 1;
        const qsizetype lineStart = before.lastIndexOf('\n') + 1;
        const int column = int(QString::fromUtf8(before.mid(lineStart)).size()) + 1;
        result.error =
            storeError(ProfileError::Code::StoreParseError, fileName,
                       QCoreApplication::translate(
                           "ProfileStore", "The profile store %1 is not valid JSON: %2 at line %3, column %4 "
                                           "(byte offset %5).")
                           .arg(shown, parseError.errorString())
                           .arg(line)
                           .arg(column)
                           .arg(offset),
                       QStringLiteral("%1 at offset %2").arg(parseError.errorString()).arg(offset));
        result.error.offset = offset;
        result.error.line = line;
        result.error.column = column;
        return result;
    }
    if (!document.isObject()) {
        result.error = wrongType(fileName, QCoreApplication::translate("ProfileStore", "(top level)"),
                                 expectedText("an object"));
        return result;
    }

    QJsonObject top = document.object();
    int version = 1;
    if (top.contains(QLatin1String("schemaVersion"))) {
        const QJsonValue v = top.value(QLatin1String("schemaVersion"));
        const double d = v.toDouble();
        // Range first: converting a double beyond int (1e90) is undefined behaviour.
        if (!v.isDouble() || !(d >= 1 && d <= 1e6) || d != std::trunc(d)) {
            result.error =
                wrongType(fileName, QStringLiteral("schemaVersion"),
                          QCoreApplication::translate("ProfileJson", "expected a whole number from %1 to %2")
                              .arg(1)
                              .arg(kCurrentSchemaVersion));
            return result;
        }
        version = int(d);
    }
    result.schemaVersion = version;
    if (version > kCurrentSchemaVersion) {
        result.error = storeError(
            ProfileError::Code::StoreNewerVersion, fileName,
            QCoreApplication::translate(
                "ProfileStore", "The profile store %1 was written by a newer version of Tsunagi (schema "
                                "version %2; this version reads up to %3). It is left unchanged.")
                .arg(shown)
                .arg(version)
                .arg(kCurrentSchemaVersion),
            QStringLiteral("schemaVersion %1").arg(version));
        return result;
    }

    const QJsonValue profilesValue = top.take(QLatin1String("profiles"));
    const QJsonValue foldersValue = top.take(QLatin1String("folders"));
    top.remove(QLatin1String("schemaVersion"));
    result.data.unknownFields = top;

    if (!foldersValue.isUndefined() && !foldersValue.isNull()) {
        if (!foldersValue.isArray()) {
            result.error = wrongType(fileName, QStringLiteral("folders"), expectedText("a list of texts"));
            return result;
        }
        const QJsonArray folders = foldersValue.toArray();
        for (qsizetype i = 0; i < folders.size(); ++i) {
            if (!folders.at(i).isString()) {
                result.error =
                    wrongType(fileName, QStringLiteral("folders[%1]").arg(i), expectedText("a text"));
                return result;
            }
            const QString folder = normalizeFolder(folders.at(i).toString());
            if (!folder.isEmpty() && !result.data.folders.contains(folder))
                result.data.folders.append(folder);
        }
    }

    if (!profilesValue.isUndefined() && !profilesValue.isNull()) {
        if (!profilesValue.isArray()) {
            result.error = wrongType(fileName, QStringLiteral("profiles"), expectedText("a list"));
            return result;
        }
        const QJsonArray profiles = profilesValue.toArray();
        QSet<QUuid> ids;
        for (qsizetype i = 0; i < profiles.size(); ++i) {
            const QString path = QStringLiteral("profiles[%1]").arg(i);
            if (!profiles.at(i).isObject()) {
                result.error = wrongType(fileName, path, expectedText("an object"));
                return result;
            }
            QJsonObject object = profiles.at(i).toObject();
            if (version == 1)
                object = migrateProfileFromVersion1(object);
            ProfileJson::ReadResult read = ProfileJson::fromJson(object);
            if (!read.ok()) {
                result.error =
                    wrongType(fileName, path + QLatin1Char('.') + read.errorPath, read.errorMessage);
                return result;
            }
            read.profile.folder = normalizeFolder(read.profile.folder);
            // Two profiles with one id (a hand-edited file): the second gets its own.
            if (ids.contains(read.profile.id))
                read.profile.id = QUuid::createUuid();
            ids.insert(read.profile.id);
            result.data.profiles.append(read.profile);
        }
    }
    return result;
}

QByteArray ProfileStoreWriter::serialize(const ProfileStoreData& data)
{
    QJsonArray profiles;
    for (const Profile& profile : data.profiles)
        profiles.append(ProfileJson::toJson(profile));
    QJsonObject top = data.unknownFields;
    top.insert(QStringLiteral("schemaVersion"), ProfileStoreReader::kCurrentSchemaVersion);
    top.insert(QStringLiteral("folders"), QJsonArray::fromStringList(data.folders));
    top.insert(QStringLiteral("profiles"), profiles);
    return QJsonDocument(top).toJson(QJsonDocument::Indented);
}

// Why a save failed, in words a person can act on. QSaveFile often reports only "Unknown error" for
// a full disk (its commit resets the reason), so the folder's file system is asked directly.
static QString writeFailureReason(const QString& folder, qint64 needed, const QString& reported)
{
    const QStorageInfo storage(folder);
    if (storage.isValid() && storage.isReadOnly())
        return QCoreApplication::translate("ProfileStore", "the folder is on a read-only file system");
    if (storage.isValid() && storage.bytesAvailable() < needed) {
        return QCoreApplication::translate(
                   "ProfileStore", "there is not enough free disk space (%1 bytes needed, %2 available)")
            .arg(needed)
            .arg(storage.bytesAvailable());
    }
    return reported;
}

ProfileError ProfileStoreWriter::write(const QString& fileName, const ProfileStoreData& data)
{
    const QString shown = QDir::toNativeSeparators(fileName);
    const QFileInfo info(fileName);
    if (!QDir().mkpath(info.absolutePath())) {
        return storeError(
            ProfileError::Code::WriteFailed, fileName,
            QCoreApplication::translate(
                "ProfileStore", "The profile store %1 could not be saved: the folder %2 cannot be created.")
                .arg(shown, QDir::toNativeSeparators(info.absolutePath())),
            QStringLiteral("mkpath failed"));
    }
    const bool isNew = !info.exists();
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        const QString reason = writeFailureReason(info.absolutePath(), 0, file.errorString());
        return storeError(
            ProfileError::Code::WriteFailed, fileName,
            QCoreApplication::translate("ProfileStore", "The profile store %1 could not be saved: %2")
                .arg(shown, reason),
            file.errorString());
    }
    const QByteArray bytes = serialize(data);
    if (bytes.size() > kMaximumStoreSize) {
        file.cancelWriting();
        return storeError(ProfileError::Code::WriteFailed, fileName,
                          QCoreApplication::translate(
                              "ProfileStore", "The profile store %1 could not be saved: with %2 bytes it "
                                              "would be too large to be read again.")
                              .arg(shown)
                              .arg(bytes.size()),
                          QStringLiteral("size %1").arg(bytes.size()));
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        const QString reported = file.errorString();
        file.cancelWriting(); // the temporary file goes, so the free space below is the real one
        const QString reason = writeFailureReason(info.absolutePath(), bytes.size(), reported);
        return storeError(
            ProfileError::Code::WriteFailed, fileName,
            QCoreApplication::translate("ProfileStore", "The profile store %1 could not be saved: %2")
                .arg(shown, reason),
            reported);
    }
    // Host names and notes are nobody else's business.
    if (isNew)
        QFile::setPermissions(fileName, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    // Last (a change of permissions changes the file's stamp): the next start reads the outline
    // of what was just written from the cache instead of scanning the store. The save has
    // succeeded whatever happens there (5,000 profiles: 100 M instructions, the 1.73 G of
    // serialising them aside).
    keepOutlineOfStoreFile(fileName);
    return {};
}

ProfileStore::ProfileStore(QString fileName) : m_fileName(std::move(fileName)) {}

ProfileStoreReader::Result ProfileStore::load()
{
    ProfileStoreReader::Result result = ProfileStoreReader::read(m_fileName);
    m_loadError = result.error;
    m_loadedSchemaVersion = result.exists ? result.schemaVersion : ProfileStoreReader::kCurrentSchemaVersion;
    if (result.error.ok())
        return result;

    // Keep a copy of what was there, named after its content so repeated starts do not pile up
    // copies of the same damaged file.
    QFile damaged(m_fileName);
    if (QFileInfo(m_fileName).isFile() && damaged.open(QIODevice::ReadOnly)) {
        const QByteArray bytes = damaged.readAll();
        const QString hash =
            QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(12));
        const QString backup = QStringLiteral("%1.damaged-%2.bak").arg(m_fileName, hash);
        bool kept = QFileInfo::exists(backup);
        if (!kept) {
            QSaveFile copy(backup);
            kept = copy.open(QIODevice::WriteOnly) && copy.write(bytes) == bytes.size() && copy.commit();
        }
        if (kept) {
            m_loadError.backupFile = backup;
            // One translatable sentence pair: Japanese puts no space after the full stop.
            m_loadError.message = QCoreApplication::translate("ProfileStore", "%1 A copy was kept as %2.")
                                      .arg(m_loadError.message, QDir::toNativeSeparators(backup));
        }
    }
    result.error = m_loadError;
    return result;
}

ProfileError ProfileStore::save(const ProfileStoreData& data)
{
    if (isDamaged()) {
        ProfileError error =
            storeError(ProfileError::Code::StoreDamaged, m_fileName,
                       QCoreApplication::translate(
                           "ProfileStore", "Your profiles were not saved because the profile store %1 could "
                                           "not be loaded. Choose to start "
                                           "with an empty list to save again; the damaged file will be kept.")
                           .arg(QDir::toNativeSeparators(m_fileName)),
                       m_loadError.detail);
        error.backupFile = m_loadError.backupFile;
        return error;
    }
    // Before the first save in the new schema, keep the old file for an older Tsunagi.
    if (m_loadedSchemaVersion < ProfileStoreReader::kCurrentSchemaVersion && QFileInfo(m_fileName).isFile()) {
        const QString backup = QStringLiteral("%1.schema%2.bak").arg(m_fileName).arg(m_loadedSchemaVersion);
        if (!QFileInfo::exists(backup) && !QFile::copy(m_fileName, backup)) {
            return storeError(
                ProfileError::Code::WriteFailed, m_fileName,
                QCoreApplication::translate(
                    "ProfileStore",
                    "The profile store %1 could not be saved: a copy of the older file could not "
                    "be made at %2.")
                    .arg(QDir::toNativeSeparators(m_fileName), QDir::toNativeSeparators(backup)),
                QStringLiteral("copy to %1 failed").arg(backup));
        }
    }
    const ProfileError error = ProfileStoreWriter::write(m_fileName, data);
    if (error.ok())
        m_loadedSchemaVersion = ProfileStoreReader::kCurrentSchemaVersion;
    return error;
}

ProfileError ProfileStore::startWithEmptyList()
{
    if (!isDamaged())
        return {};
    ProfileError done; // ok; backupFile says where the damaged file went
    if (QFileInfo::exists(m_fileName) || QFileInfo(m_fileName).isSymLink()) {
        const QString aside = uniqueSibling(
            QStringLiteral("%1.damaged-%2")
                .arg(m_fileName, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
        // A rename keeps the damaged file byte for byte (a folder in the way moves as a whole).
        if (!QDir().rename(m_fileName, aside)) {
            return storeError(
                ProfileError::Code::WriteFailed, m_fileName,
                QCoreApplication::translate(
                    "ProfileStore",
                    "The damaged profile store %1 could not be moved aside to %2, so Tsunagi still "
                    "does not save over it.")
                    .arg(QDir::toNativeSeparators(m_fileName), QDir::toNativeSeparators(aside)),
                QStringLiteral("rename to %1 failed").arg(aside));
        }
        done.backupFile = aside;
    }
    m_loadError = {};
    m_loadedSchemaVersion = ProfileStoreReader::kCurrentSchemaVersion;
    return done;
}
