#include "profiles/ProfileOutline.h"

#include "profiles/ProfileJson.h"
#include "profiles/ProfileManager.h"
#include "profiles/ProfileStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>

#include <cstring>
#include <sys/stat.h>
#include <type_traits>

ProfileOutline ProfileOutline::of(const Profile& profile)
{
    return {profile.id,
            profile.name,
            profile.folder,
            profile.host,
            profile.port,
            profile.protocol,
            profile.security.tlsEnabled};
}

namespace {

// A forward-only reader over JSON text. Every method returns false on anything it does not take
// as plain JSON of the expected shape; the outline is then abandoned.
class Scanner final
{
public:
    explicit Scanner(const QByteArray& bytes)
        : m_p(bytes.constData()), m_end(bytes.constData() + bytes.size())
    {
    }

    bool atEnd()
    {
        skipSpace();
        return m_p == m_end;
    }
    bool peek(char c)
    {
        skipSpace();
        return m_p != m_end && *m_p == c;
    }
    bool take(char c)
    {
        if (!peek(c))
            return false;
        ++m_p;
        return true;
    }

    // A string's raw bytes (escapes undecoded); *escaped says whether it holds any.
    bool rawString(const char** begin, qsizetype* size, bool* escaped)
    {
        if (!take('"'))
            return false;
        *begin = m_p;
        *escaped = false;
        for (;;) {
            const auto* quote = static_cast<const char*>(std::memchr(m_p, '"', size_t(m_end - m_p)));
            if (!quote)
                return false;
            // The quote ends the string unless an odd number of backslashes precede it.
            qsizetype slashes = 0;
            for (const char* q = quote; q > *begin && q[-1] == '\\'; --q)
                ++slashes;
            if (slashes > 0 || std::memchr(m_p, '\\', size_t(quote - m_p)))
                *escaped = true;
            m_p = quote + 1;
            if (slashes % 2 == 0) {
                *size = quote - *begin;
                return true;
            }
        }
    }
    bool string(QString* out)
    {
        const char* begin = nullptr;
        qsizetype size = 0;
        bool escaped = false;
        if (!rawString(&begin, &size, &escaped))
            return false;
        if (!escaped) {
            *out = QString::fromUtf8(begin, size);
            return true;
        }
        return unescape(begin, size, out);
    }
    static bool unescapeString(const char* begin, qsizetype size, QString* out)
    {
        return unescape(begin, size, out);
    }
    // A key and its colon.
    bool key(const char** begin, qsizetype* size)
    {
        bool escaped = false;
        return rawString(begin, size, &escaped) && !escaped && take(':');
    }
    // A whole number written as plain digits.
    bool digits(qint64* out)
    {
        skipSpace();
        const char* start = m_p;
        qint64 value = 0;
        while (m_p != m_end && *m_p >= '0' && *m_p <= '9' && m_p - start < 12)
            value = value * 10 + (*m_p++ - '0');
        if (m_p == start || (m_p != m_end && (*m_p == '.' || *m_p == 'e' || *m_p == 'E' || isDigit(*m_p))))
            return false;
        *out = value;
        return true;
    }
    bool literal(const char* word)
    {
        skipSpace();
        const size_t n = std::strlen(word);
        if (size_t(m_end - m_p) < n || std::memcmp(m_p, word, n) != 0)
            return false;
        m_p += n;
        return true;
    }
    // Any value, unread. Objects and lists are only matched bracket for bracket (their content
    // is the full reader's to check): most of a store is settings the outline does not need.
    bool skipValue()
    {
        skipSpace();
        if (m_p == m_end)
            return false;
        if (*m_p != '{' && *m_p != '[')
            return skipScalar();
        int depth = 0;
        do {
            // The bytes are NUL-terminated (QByteArray); JSON text holds no NUL.
            const char* special = std::strpbrk(m_p, "\"{}[]");
            if (!special)
                return false;
            m_p = special;
            switch (*m_p) {
            case '"': {
                const char* begin = nullptr;
                qsizetype size = 0;
                bool escaped = false;
                if (!rawString(&begin, &size, &escaped))
                    return false;
                continue;
            }
            case '{':
            case '[':
                ++depth;
                break;
            default:
                --depth;
                break;
            }
            ++m_p;
        } while (depth > 0);
        return true;
    }

private:
    bool skipScalar()
    {
        switch (*m_p) {
        case '"': {
            const char* begin = nullptr;
            qsizetype size = 0;
            bool escaped = false;
            return rawString(&begin, &size, &escaped);
        }
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            if (*m_p != '-' && !isDigit(*m_p))
                return false;
            ++m_p;
            while (m_p != m_end && *m_p && (isDigit(*m_p) || std::strchr("+-.eE", *m_p)))
                ++m_p;
            return true;
        }
    }

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }
    void skipSpace()
    {
        // Half of an indented store is spaces: take them eight at a time.
        for (;;) {
            while (m_end - m_p >= 8) {
                quint64 word = 0;
                std::memcpy(&word, m_p, 8);
                if (word != 0x2020202020202020ULL)
                    break;
                m_p += 8;
            }
            if (m_p == m_end || (*m_p != ' ' && *m_p != '\n' && *m_p != '\r' && *m_p != '\t'))
                return;
            ++m_p;
        }
    }
    static int hex(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }
    static bool unescape(const char* p, qsizetype size, QString* out)
    {
        QString text;
        const char* end = p + size;
        while (p != end) {
            const char* slash = static_cast<const char*>(std::memchr(p, '\\', size_t(end - p)));
            text += QString::fromUtf8(p, (slash ? slash : end) - p);
            if (!slash)
                break;
            p = slash + 1;
            if (p == end)
                return false;
            const char c = *p++;
            switch (c) {
            case '"':
            case '\\':
            case '/':
                text += QLatin1Char(c);
                break;
            case 'b':
                text += QLatin1Char('\b');
                break;
            case 'f':
                text += QLatin1Char('\f');
                break;
            case 'n':
                text += QLatin1Char('\n');
                break;
            case 'r':
                text += QLatin1Char('\r');
                break;
            case 't':
                text += QLatin1Char('\t');
                break;
            case 'u': {
                if (end - p < 4)
                    return false;
                int unit = 0;
                for (int i = 0; i < 4; ++i) {
                    const int h = hex(p[i]);
                    if (h < 0)
                        return false;
                    unit = unit * 16 + h;
                }
                p += 4;
                // Surrogates are left to the full reader (pairs, and how a lone one is taken).
                if (QChar::isSurrogate(char16_t(unit)))
                    return false;
                text += QChar(char16_t(unit));
                break;
            }
            default:
                return false;
            }
        }
        *out = text;
        return true;
    }

    const char* m_p;
    const char* m_end;
};

bool keyIs(const char* begin, qsizetype size, const char* name)
{
    return size_t(size) == std::strlen(name) && std::memcmp(begin, name, size_t(size)) == 0;
}

// One profile object. Each outlined key may appear once (the full reader would keep only one).
bool readProfile(Scanner& s, ProfileOutline* out)
{
    static const Profile kDefaults;
    out->port = kDefaults.port;
    out->protocol = kDefaults.protocol;
    out->tls = kDefaults.security.tlsEnabled;
    bool hasId = false;
    unsigned seen = 0;
    const auto once = [&seen](unsigned bit) {
        if (seen & bit)
            return false;
        seen |= bit;
        return true;
    };
    const auto optionalString = [&s](QString* value) { return s.literal("null") || s.string(value); };
    if (!s.take('{'))
        return false;
    if (s.take('}'))
        return false; // no id
    do {
        const char* k = nullptr;
        qsizetype n = 0;
        if (!s.key(&k, &n))
            return false;
        bool ok = true;
        if (keyIs(k, n, "id")) {
            // Read straight off the bytes unless escaped (a UUID is ASCII: no QString needed).
            const char* begin = nullptr;
            qsizetype size = 0;
            bool escaped = false;
            ok = once(1) && s.rawString(&begin, &size, &escaped);
            if (ok && !escaped) {
                out->id = QUuid::fromString(QUtf8StringView(begin, size));
            } else if (ok) {
                QString text;
                ok = Scanner::unescapeString(begin, size, &text);
                out->id = QUuid::fromString(text);
            }
            hasId = !out->id.isNull();
        } else if (keyIs(k, n, "name")) {
            ok = once(2) && optionalString(&out->name);
        } else if (keyIs(k, n, "folder")) {
            ok = once(4) && optionalString(&out->folder);
        } else if (keyIs(k, n, "host")) {
            ok = once(8) && optionalString(&out->host);
        } else if (keyIs(k, n, "port")) {
            qint64 port = 0;
            ok = once(16) && (s.literal("null") || (s.digits(&port) && port >= 1 && port <= 65535));
            if (port > 0)
                out->port = quint16(port);
        } else if (keyIs(k, n, "protocol")) {
            QString text;
            ok = once(32) &&
                 (s.literal("null") || (s.string(&text) && ProfileJson::parseProtocol(text, &out->protocol)));
        } else if (keyIs(k, n, "security")) {
            ok = once(64);
            if (ok && !s.literal("null")) {
                // Only "tls" is read; the rest is left to the full reader.
                ok = s.take('{');
                if (ok && !s.take('}')) {
                    bool tlsSeen = false;
                    do {
                        const char* sk = nullptr;
                        qsizetype sn = 0;
                        ok = s.key(&sk, &sn);
                        if (ok && keyIs(sk, sn, "tls")) {
                            ok = !tlsSeen && !s.literal("null");
                            tlsSeen = true;
                            if (ok && s.literal("true"))
                                out->tls = true;
                            else if (ok && s.literal("false"))
                                out->tls = false;
                            else
                                ok = false;
                        } else if (ok) {
                            ok = s.skipValue();
                        }
                    } while (ok && s.take(','));
                    ok = ok && s.take('}');
                }
            }
        } else {
            ok = s.skipValue();
        }
        if (!ok)
            return false;
    } while (s.take(','));
    if (!s.take('}') || !hasId)
        return false;
    out->folder = ProfileManager::normalizeFolder(out->folder);
    return true;
}

} // namespace

std::optional<ProfileStoreOutline> outlineProfileStore(const QByteArray& bytes)
{
    Scanner s(bytes);
    ProfileStoreOutline outline;
    bool versionSeen = false;
    bool foldersSeen = false;
    bool profilesSeen = false;
    if (!s.take('{'))
        return std::nullopt;
    if (!s.take('}')) {
        do {
            const char* k = nullptr;
            qsizetype n = 0;
            if (!s.key(&k, &n))
                return std::nullopt;
            if (keyIs(k, n, "schemaVersion")) {
                qint64 version = 0;
                if (versionSeen || !s.digits(&version) ||
                    version != ProfileStoreReader::kCurrentSchemaVersion)
                    return std::nullopt;
                versionSeen = true;
            } else if (keyIs(k, n, "folders")) {
                if (foldersSeen || !s.take('['))
                    return std::nullopt;
                foldersSeen = true;
                if (!s.take(']')) {
                    do {
                        QString folder;
                        if (!s.string(&folder))
                            return std::nullopt;
                        folder = ProfileManager::normalizeFolder(folder);
                        if (!folder.isEmpty() && !outline.folders.contains(folder))
                            outline.folders.append(folder);
                    } while (s.take(','));
                    if (!s.take(']'))
                        return std::nullopt;
                }
            } else if (keyIs(k, n, "profiles")) {
                if (profilesSeen || !s.take('['))
                    return std::nullopt;
                profilesSeen = true;
                if (!s.take(']')) {
                    QSet<QUuid> ids;
                    do {
                        ProfileOutline profile;
                        if (!readProfile(s, &profile) || ids.contains(profile.id))
                            return std::nullopt;
                        ids.insert(profile.id);
                        outline.profiles.append(profile);
                    } while (s.take(','));
                    if (!s.take(']'))
                        return std::nullopt;
                }
            } else if (!s.skipValue()) {
                return std::nullopt;
            }
        } while (s.take(','));
        if (!s.take('}'))
            return std::nullopt;
    }
    if (!versionSeen || !s.atEnd())
        return std::nullopt;
    return outline;
}

ProfileStoreStamp ProfileStoreStamp::ofOpenFile(int fd)
{
    ProfileStoreStamp stamp;
    struct stat st
    {
    };
    if (fd < 0 || fstat(fd, &st) != 0)
        return stamp;
    stamp.device = quint64(st.st_dev);
    stamp.inode = quint64(st.st_ino);
    stamp.size = qint64(st.st_size);
    stamp.modifiedSec = qint64(st.st_mtim.tv_sec);
    stamp.modifiedNsec = qint64(st.st_mtim.tv_nsec);
    stamp.changedSec = qint64(st.st_ctim.tv_sec);
    stamp.changedNsec = qint64(st.st_ctim.tv_nsec);
    return stamp;
}

namespace {
constexpr quint32 kCacheMagic = 0x54534f43; // "TSOC"
constexpr quint32 kCacheVersion = 1;
constexpr qint64 kCacheMaxBytes = kOutlineMaxStoreBytes;

// The cache is this machine's own: numbers in its byte order, strings as their UTF-16 units
// after a count. (QDataStream took 23 M instructions to read 5,000 profiles back; this, 3 M.)
class CacheWriter final
{
public:
    template <typename T> void put(T value)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        m_bytes.append(reinterpret_cast<const char*>(&value), sizeof value);
    }
    void put(const QString& text)
    {
        put(quint32(text.size()));
        m_bytes.append(reinterpret_cast<const char*>(text.utf16()),
                       text.size() * qsizetype(sizeof(char16_t)));
    }
    const QByteArray& bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

class CacheReader final
{
public:
    explicit CacheReader(const QByteArray& bytes)
        : m_p(bytes.constData()), m_end(bytes.constData() + bytes.size())
    {
    }
    template <typename T> bool get(T* value)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        if (m_end - m_p < qsizetype(sizeof(T)))
            return false;
        std::memcpy(value, m_p, sizeof(T));
        m_p += sizeof(T);
        return true;
    }
    bool get(QString* text)
    {
        quint32 size = 0;
        if (!get(&size) || (m_end - m_p) / qsizetype(sizeof(char16_t)) < qsizetype(size))
            return false;
        *text = QString(qsizetype(size), Qt::Uninitialized);
        std::memcpy(text->data(), m_p, size * sizeof(char16_t));
        m_p += size * sizeof(char16_t);
        return true;
    }
    bool atEnd() const { return m_p == m_end; }
    qsizetype left() const { return m_end - m_p; }

private:
    const char* m_p;
    const char* m_end;
};

void putStamp(CacheWriter& out, const ProfileStoreStamp& s)
{
    out.put(s.device);
    out.put(s.inode);
    out.put(s.size);
    out.put(s.modifiedSec);
    out.put(s.modifiedNsec);
    out.put(s.changedSec);
    out.put(s.changedNsec);
}
bool getStamp(CacheReader& in, ProfileStoreStamp* s)
{
    return in.get(&s->device) && in.get(&s->inode) && in.get(&s->size) && in.get(&s->modifiedSec) &&
           in.get(&s->modifiedNsec) && in.get(&s->changedSec) && in.get(&s->changedNsec);
}
} // namespace

QString outlineCacheFile(const QString& storeFile)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (dir.isEmpty())
        return {};
    const QByteArray key =
        QCryptographicHash::hash(QFileInfo(storeFile).absoluteFilePath().toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(32);
    return QDir(dir).filePath(QStringLiteral("outline-%1.cache").arg(QString::fromLatin1(key)));
}

std::optional<ProfileStoreOutline> readOutlineCache(const QString& storeFile, const ProfileStoreStamp& stamp)
{
    if (!stamp.isValid())
        return std::nullopt;
    QFile file(outlineCacheFile(storeFile));
    if (file.fileName().isEmpty() || !file.open(QIODevice::ReadOnly) || file.size() > kCacheMaxBytes)
        return std::nullopt;
    const QByteArray bytes = file.readAll();
    CacheReader in(bytes);
    quint32 magic = 0;
    quint32 version = 0;
    QString path;
    ProfileStoreStamp cached;
    if (!in.get(&magic) || magic != kCacheMagic || !in.get(&version) || version != kCacheVersion ||
        !in.get(&path) || path != QFileInfo(storeFile).absoluteFilePath() || !getStamp(in, &cached) ||
        !(cached == stamp))
        return std::nullopt;
    ProfileStoreOutline outline;
    quint32 folders = 0;
    if (!in.get(&folders) || qsizetype(folders) > in.left() / 4)
        return std::nullopt;
    outline.folders.reserve(folders);
    for (quint32 i = 0; i < folders; ++i) {
        QString folder;
        if (!in.get(&folder))
            return std::nullopt;
        outline.folders.append(folder);
    }
    quint32 count = 0;
    // Each profile takes at least 32 bytes: a count beyond that is a damaged file.
    if (!in.get(&count) || qsizetype(count) > in.left() / 32)
        return std::nullopt;
    outline.profiles.reserve(count);
    for (quint32 i = 0; i < count; ++i) {
        ProfileOutline p;
        quint8 protocol = 0;
        quint8 tls = 0;
        if (!in.get(&p.id) || !in.get(&p.name) || !in.get(&p.folder) || !in.get(&p.host) ||
            !in.get(&p.port) || !in.get(&protocol) || !in.get(&tls) ||
            protocol > quint8(SessionProtocol::Raw) || tls > 1)
            return std::nullopt;
        p.protocol = SessionProtocol(protocol);
        p.tls = tls != 0;
        outline.profiles.append(std::move(p));
    }
    if (!in.atEnd())
        return std::nullopt;
    return outline;
}

bool writeOutlineCache(const QString& storeFile, const ProfileStoreStamp& stamp,
                       const ProfileStoreOutline& outline)
{
    const QString name = outlineCacheFile(storeFile);
    if (name.isEmpty() || !stamp.isValid() || !QDir().mkpath(QFileInfo(name).absolutePath()))
        return false;
    CacheWriter out;
    out.put(kCacheMagic);
    out.put(kCacheVersion);
    out.put(QFileInfo(storeFile).absoluteFilePath());
    putStamp(out, stamp);
    out.put(quint32(outline.folders.size()));
    for (const QString& folder : outline.folders)
        out.put(folder);
    out.put(quint32(outline.profiles.size()));
    for (const ProfileOutline& p : outline.profiles) {
        out.put(p.id);
        out.put(p.name);
        out.put(p.folder);
        out.put(p.host);
        out.put(p.port);
        out.put(quint8(p.protocol));
        out.put(quint8(p.tls ? 1 : 0));
    }
    QSaveFile file(name);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner); // profile names, hosts
    return file.write(out.bytes()) == out.bytes().size() && file.commit();
}

bool keepOutlineOfStoreFile(const QString& storeFile)
{
    const auto kept = [&storeFile] {
        QFile file(storeFile);
        if (!file.open(QIODevice::ReadOnly) || file.size() > kOutlineMaxStoreBytes)
            return false;
        // The stamp first: were the file changed while it is read, its change time would no
        // longer be the stamp's, and a start would not take this outline for it.
        const ProfileStoreStamp stamp = ProfileStoreStamp::ofOpenFile(file.handle());
        const QByteArray bytes = file.readAll();
        if (!stamp.isValid() || bytes.size() != stamp.size)
            return false;
        const std::optional<ProfileStoreOutline> outline = outlineProfileStore(bytes);
        return outline && writeOutlineCache(storeFile, stamp, *outline);
    }();
    if (!kept) {
        if (const QString cache = outlineCacheFile(storeFile); !cache.isEmpty())
            QFile::remove(cache);
    }
    return kept;
}
