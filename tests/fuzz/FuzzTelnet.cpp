// The Telnet layer on arbitrary host bytes, delivered in pieces of arbitrary size, with user
// data and window-size changes in between. Whatever the host sends, nothing crashes and what we
// send back stays proportionate (no amplification loop).
#include "terminal/TelnetProtocol.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    FuzzedDataProvider input(data, size);
    TelnetProtocol::Settings settings;
    settings.user = QByteArray::fromStdString(input.ConsumeRandomLengthString(32));
    TelnetProtocol telnet(settings);
    qsizetype sent = 0;
    qsizetype delivered = 0;
    telnet.onSend = [&sent](QByteArrayView bytes) { sent += bytes.size(); };
    telnet.onData = [&delivered](QByteArrayView bytes) { delivered += bytes.size(); };
    telnet.onWarning = [](const QString&) {};
    telnet.start();
    qsizetype received = 0;
    while (input.remaining_bytes() > 0) {
        switch (input.ConsumeIntegralInRange<int>(0, 9)) {
        case 0: {
            const std::string user = input.ConsumeRandomLengthString(64);
            telnet.send(QByteArrayView(user.data(), qsizetype(user.size())));
            break;
        }
        case 1:
            telnet.setWindowSize(input.ConsumeIntegralInRange<int>(-5, 70000),
                                 input.ConsumeIntegralInRange<int>(-5, 70000));
            break;
        default: {
            const std::string chunk = input.ConsumeRandomLengthString(512);
            received += qsizetype(chunk.size());
            telnet.receive(QByteArrayView(chunk.data(), qsizetype(chunk.size())));
            break;
        }
        }
    }
    if (delivered > received)
        std::abort(); // the Telnet layer invented host data
    telnet.negotiatedOptions();
    return 0;
}
