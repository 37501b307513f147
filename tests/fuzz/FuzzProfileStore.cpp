// The profile store reader on arbitrary bytes: it must answer with data or an error, never crash,
// and whatever it accepts must survive a write and a second read unchanged.
#include "profiles/ProfileStore.h"

#include <QString>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const ProfileStoreReader::Result first = ProfileStoreReader::parse(bytes, QStringLiteral("fuzz.json"));
    if (!first.error.ok())
        return 0;
    const QByteArray written = ProfileStoreWriter::serialize(first.data);
    const ProfileStoreReader::Result second = ProfileStoreReader::parse(written, QStringLiteral("fuzz.json"));
    if (!second.error.ok())
        std::abort(); // the store wrote something it cannot read back
    if (ProfileStoreWriter::serialize(second.data) != written)
        std::abort(); // a profile changed on its way through the file
    return 0;
}
