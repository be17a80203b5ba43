#include "commands/commands.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace cp::cli {

namespace {

class ImportCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("import"); }
    QString summary() const override { return QStringLiteral("Import a scenario JSON file into a workspace (created if missing)"); }
    void configure(QCommandLineParser &parser) const override
    {
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("FILE.json"), QStringLiteral("FILE.json"));
    }
    int run(const QCommandLineParser &parser, CliStreams &io) const override
    {
        Q_UNUSED(parser);
        io.err << "clusterplan-cli import: not available in this build yet\n";
        return ExitFailure;
    }
};

} // namespace

std::unique_ptr<CliCommand> makeImportCommand()
{
    return std::make_unique<ImportCommand>();
}

} // namespace cp::cli
