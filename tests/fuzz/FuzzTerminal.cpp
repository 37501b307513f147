// The terminal input path: host bytes -> the profile's character decoder -> libvterm -> the
// screen and scrollback, in pieces of arbitrary size, with resizes and reads in between.
#include "terminal/TerminalModel.h"
#include "terminal/TextCodec.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {
// TSUNAGI_FUZZ_TRACE=1 prints what an input does, to turn a finding into a readable test.
const bool kTrace = std::getenv("TSUNAGI_FUZZ_TRACE") != nullptr;
// Whether the model that writes text directly holds what the one that leaves everything to
// libvterm holds.
bool sameAsLibvterm(const TerminalModel& terminal, const TerminalModel& reference)
{
    bool same = terminal.cursor() == reference.cursor() && terminal.firstLine() == reference.firstLine() &&
                terminal.endLine() == reference.endLine();
    for (qint64 line = terminal.firstLine(); same && line < terminal.endLine(); ++line) {
        const TerminalLine a = terminal.line(line);
        const TerminalLine b = reference.line(line);
        same = a.cells == b.cells && a.clusters == b.clusters;
        if (!same)
            std::fprintf(stderr, "line %lld differs from libvterm's:\n  %s\n  %s\n", qint64(line),
                         qPrintable(a.text()), qPrintable(b.text()));
    }
    return same;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    FuzzedDataProvider input(data, size);
    static const char* const kEncodings[] = {"UTF-8", "Shift_JIS", "EUC-JP", "ISO-8859-1"};
    TextCodec codec(QString::fromLatin1(kEncodings[input.ConsumeIntegralInRange<int>(0, 3)]));
    const int rows = input.ConsumeIntegralInRange<int>(1, 60);
    const int columns = input.ConsumeIntegralInRange<int>(1, 200);
    const int scrollback = input.ConsumeIntegralInRange<int>(0, 50);
    TerminalModel terminal(rows, columns, scrollback);
    // The same input with everything through libvterm: writing text directly must give the same.
    TerminalModel reference(rows, columns, scrollback);
    reference.setDirectText(false);
    if (kTrace)
        std::fprintf(stderr, "codec %s, %d rows, %d columns, scrollback %d\n", qPrintable(codec.name()), rows,
                     columns, scrollback);
    QByteArray answers;
    QObject::connect(&terminal, &TerminalModel::output,
                     [&answers](const QByteArray& bytes) { answers += bytes; });
    QByteArray referenceAnswers;
    QObject::connect(&reference, &TerminalModel::output,
                     [&referenceAnswers](const QByteArray& bytes) { referenceAnswers += bytes; });
    while (input.remaining_bytes() > 0) {
        switch (input.ConsumeIntegralInRange<int>(0, 15)) {
        case 0: {
            const int newRows = input.ConsumeIntegralInRange<int>(1, 60);
            const int newColumns = input.ConsumeIntegralInRange<int>(1, 200);
            if (kTrace)
                std::fprintf(stderr, "resize %d rows, %d columns\n", newRows, newColumns);
            terminal.resize(newRows, newColumns);
            reference.resize(newRows, newColumns);
            break;
        }
        case 1:
            terminal.screenText();
            terminal.takeDamage();
            break;
        case 2:
            terminal.setScrollbackCapacity(input.ConsumeIntegralInRange<int>(0, 50));
            if (kTrace)
                std::fprintf(stderr, "scrollback capacity %d\n", terminal.scrollbackCapacity());
            reference.setScrollbackCapacity(terminal.scrollbackCapacity());
            break;
        case 3: {
            const TerminalPosition start{input.ConsumeIntegralInRange<qint64>(-5, 200),
                                         input.ConsumeIntegralInRange<int>(-5, 205)};
            const TerminalPosition end{input.ConsumeIntegralInRange<qint64>(-5, 200),
                                       input.ConsumeIntegralInRange<int>(-5, 205)};
            terminal.text(start, end, input.ConsumeBool());
            terminal.wordAt(start);
            break;
        }
        default: {
            const std::string chunk = input.ConsumeRandomLengthString(1024);
            const QByteArrayView bytes(chunk.data(), qsizetype(chunk.size()));
            if (kTrace)
                std::fprintf(stderr, "write %s\n", bytes.toByteArray().toPercentEncoding().constData());
            if (codec.isUtf8()) {
                terminal.write(bytes);
                reference.write(bytes);
            } else {
                const QString text = codec.decode(bytes);
                if (kTrace)
                    std::fprintf(stderr, "as UTF-8 %s\n", text.toUtf8().toPercentEncoding().constData());
                terminal.write(QStringView(text));
                reference.write(QStringView(text));
            }
            break;
        }
        }
        if (terminal.scrollbackCount() > terminal.scrollbackCapacity())
            std::abort(); // the scrollback limit must hold
        // libvterm reads and writes its tab stops and line flags at the cursor, unchecked.
        for (const TerminalModel* model : {&terminal, &reference}) {
            const QPoint cursor = model->cursor();
            if (cursor.x() < 0 || cursor.x() >= model->columns() || cursor.y() < 0 ||
                cursor.y() >= model->rows()) {
                std::fprintf(stderr, "cursor off the screen: row %d, column %d\n", cursor.y(), cursor.x());
                std::abort();
            }
        }
        if (kTrace && !sameAsLibvterm(terminal, reference))
            std::fprintf(stderr, "(after the step above)\n");
    }
    for (int row = 0; row < terminal.rows(); ++row)
        terminal.screenLine(row);
    if (!sameAsLibvterm(terminal, reference))
        std::abort(); // text written directly must give libvterm's cells
    if (answers != referenceAnswers) {
        std::fprintf(stderr, "answers differ:\n  %s\n  %s\n", answers.toPercentEncoding().constData(),
                     referenceAnswers.toPercentEncoding().constData());
        std::abort(); // and the same answers to the host (the pen kept by the model, too)
    }
    return 0;
}
