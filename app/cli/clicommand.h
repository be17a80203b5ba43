#pragma once

#include <QString>
#include <QStringList>

class QCommandLineParser;
class QTextStream;

namespace cp::cli {

// Exit codes of clusterplan-cli, the same for every command.
enum ExitCode : int {
    ExitOk = 0,           // success
    ExitFailure = 1,      // I/O or runtime failure
    ExitUsage = 2,        // unknown command or option, missing argument
    ExitInvalidInput = 3, // the plan or file is invalid; messages name the file and JSON path
};

struct CliStreams {
    QTextStream &out; // results ("-" outputs) and plain listings
    QTextStream &err; // diagnostics, one per line, naming file and path
};

// One subcommand: `clusterplan-cli <name> [options]`.
class CliCommand
{
public:
    virtual ~CliCommand() = default;
    [[nodiscard]] virtual QString name() const = 0;
    [[nodiscard]] virtual QString summary() const = 0; // one line for the command list
    // Rendering reports needs a QApplication (charts are widgets); everything else runs on
    // QCoreApplication. Decided from the raw arguments before any application object exists.
    [[nodiscard]] virtual bool needsGui(const QStringList &arguments) const
    {
        Q_UNUSED(arguments);
        return false;
    }
    virtual void configure(QCommandLineParser &parser) const = 0;
    [[nodiscard]] virtual int run(const QCommandLineParser &parser, CliStreams &io) const = 0;
};

} // namespace cp::cli
