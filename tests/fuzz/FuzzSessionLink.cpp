// Session links and target URLs (tsunagi://, telnet://, telnets://) from arbitrary text.
#include "connection/Connection.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const SessionLinkResult result = SessionLinks::parse(text);
    if (!result.ok())
        return 0;
    if (result.link.host.isEmpty() || result.link.port == 0)
        std::abort(); // accepted a link without somewhere to connect to
    ConnectionTarget target;
    SessionLinks::applyTo(result.link, &target);
    if (target.host != result.link.host || target.port != result.link.port)
        std::abort();
    return 0;
}
