#include "Payloads.h"

namespace BenchPayloads {
namespace {

// A deterministic generator, so every terminal and every run gets the very same bytes.
struct Lcg
{
    quint32 state = 12345;
    quint32 next(quint32 bound)
    {
        state = state * 1664525u + 1013904223u;
        return (state >> 8) % bound;
    }
};

QByteArray asciiLine(Lcg& rng, int length)
{
    static const char words[][10] = {"lorem",   "ipsum", "dolor", "sit",  "amet",   "tsunagi", "terminal",
                                     "session", "host",  "392",   "0x1f", "{[()]}", "a=b;",    "path/to"};
    QByteArray line;
    while (line.size() < length) {
        line += words[rng.next(sizeof(words) / sizeof(words[0]))];
        line += ' ';
    }
    line.truncate(length);
    return line;
}

QByteArray mixedBlock(Lcg& rng)
{
    QByteArray out;
    // Plain ASCII.
    out += asciiLine(rng, 60 + int(rng.next(19))) + "\r\n";
    // 16 colours, bold, underline.
    for (int i = 0; i < 6; ++i)
        out += "\x1b[" + QByteArray::number(30 + int(rng.next(8))) + (i % 2 ? ";1m" : ";4m") +
               asciiLine(rng, 9) + "\x1b[0m ";
    out += "\r\n";
    // 256 colours, foreground and background.
    for (int i = 0; i < 6; ++i)
        out += "\x1b[38;5;" + QByteArray::number(rng.next(256)) + ";48;5;" +
               QByteArray::number(rng.next(256)) + "m" + asciiLine(rng, 10) + "\x1b[m";
    out += "\r\n";
    // True colour.
    for (int i = 0; i < 6; ++i)
        out += "\x1b[38;2;" + QByteArray::number(rng.next(256)) + ';' + QByteArray::number(rng.next(256)) +
               ';' + QByteArray::number(rng.next(256)) + 'm' + asciiLine(rng, 10);
    out += "\x1b[0m\r\n";
    // Japanese wide characters (UTF-8), mixed with ASCII.
    out += QStringLiteral("日本語の端末で表示する全角文字のテスト、セッション接続 ").toUtf8() +
           asciiLine(rng, 10) + QStringLiteral(" 証明書を確認します。").toUtf8() + "\r\n";
    // Cursor movement: up, column, erase to end of line, absolute position, back down.
    out +=
        "\x1b[2A\x1b[" + QByteArray::number(1 + rng.next(40)) + "G\x1b[K" + asciiLine(rng, 20) + "\x1b[2B\r";
    out += "\x1b"
           "7\x1b[" +
           QByteArray::number(1 + rng.next(20)) + ';' + QByteArray::number(1 + rng.next(60)) + 'H' +
           asciiLine(rng, 8) +
           "\x1b"
           "8";
    out += asciiLine(rng, 30) + "\r\n";
    return out;
}

} // namespace

QByteArray make(const QString& name, qsizetype bytes)
{
    QByteArray out;
    out.reserve(bytes + 4096);
    Lcg rng;
    if (name == QLatin1String("mixed")) {
        while (out.size() < bytes)
            out += mixedBlock(rng);
    } else if (name == QLatin1String("ascii")) {
        while (out.size() < bytes)
            out += asciiLine(rng, 60 + int(rng.next(20))) + "\r\n";
    } else if (name == QLatin1String("y")) {
        while (out.size() < bytes)
            out += "y\r\n";
    }
    return out;
}

} // namespace BenchPayloads
