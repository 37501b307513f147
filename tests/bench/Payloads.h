#pragma once

#include <QByteArray>
#include <QString>

// The byte streams a host sends in the throughput benchmark, the same for every terminal.
// Line ends are CR LF, as a host's tty (onlcr) would send them.
namespace BenchPayloads {

// "mixed": ASCII lines, 16-, 256- and true-colour SGR, Japanese wide characters, cursor movement.
// "ascii": plain printable text lines of 60-79 columns.
// "y":     "y" CR LF repeated (what `yes` prints): pure scrolling.
// Returns whole repetitions of the pattern, at least `bytes` long; empty for an unknown name.
QByteArray make(const QString& name, qsizetype bytes);

} // namespace BenchPayloads
