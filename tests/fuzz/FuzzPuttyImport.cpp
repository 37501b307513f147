// The PuTTY .reg importer on arbitrary bytes (UTF-16LE with or without BOM, UTF-8, 8-bit).
#include "profiles/PuttyImporter.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    PuttyImporter::looksLikeRegFile(bytes);
    const ImportedProfiles imported = PuttyImporter::parse(bytes, QStringLiteral("fuzz.reg"));
    (void)imported;
    PuttyImporter::decodeSessionName(QString::fromUtf8(bytes));
    return 0;
}
