#pragma once

#include "clicommand.h"

#include <QByteArray>
#include <QString>

namespace cp::cli {

// Writes a command's output to `path`, or to standard output when path is "-". Files are
// written whole or not at all (QSaveFile), so a failed run never leaves half a report.
// On failure prints a message naming the path and returns false.
bool writeOutput(const QString &path, const QByteArray &data, CliStreams &io);

// A positional argument or option value that names a required file: prints a usage error
// naming what is missing and returns false when empty.
bool requireArgument(const QString &value, const QString &what, CliStreams &io);

} // namespace cp::cli
