#pragma once

#include "clicommand.h"

#include <QByteArray>
#include <QString>

namespace cp::cli {

// Writes a command's output to `path`, or to standard output when path is "-". Regular files
// are written whole or not at all (QSaveFile), so a failed run never leaves half a report;
// anything else (/dev/null, a pipe, a terminal) is written directly, never replaced by a
// renamed file. Every write and the flush are checked. On failure prints a message naming the
// path and why ("the disk is full") and returns false.
bool writeOutput(const QString &path, const QByteArray &data, CliStreams &io);

// Flushes io.out and the C stdout under it; false when anything written to standard output was
// lost, e.g. on a full disk, with a message on io.err when `report` (a command that failed has
// said why already).
bool finishStandardOutput(CliStreams &io, bool report);

// `text` for a terminal: control characters (other than line feed and tab) and bidirectional
// controls shown as \u escapes, so a name in a file cannot move the cursor or recolour the screen.
[[nodiscard]] QString terminalSafe(const QString &text);

// A positional argument or option value that names a required file: prints a usage error
// naming what is missing and returns false when empty.
bool requireArgument(const QString &value, const QString &what, CliStreams &io);

} // namespace cp::cli
