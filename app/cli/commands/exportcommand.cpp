#include "commands/commands.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace cp::cli {

namespace {

class ExportCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override { return QStringLiteral("Export a scenario of a workspace as JSON with every value resolved"); }
    void configure(QCommandLineParser &parser) const override
    {
        Q_UNUSED(parser);
    }
    int run(const QCommandLineParser &parser, CliStreams &io) const override
    {
        Q_UNUSED(parser);
        io.err << "clusterplan-cli export: not available in this build yet\n";
        return ExitFailure;
    }
};

} // namespace

std::unique_ptr<CliCommand> makeExportCommand()
{
    return std::make_unique<ExportCommand>();
}

} // namespace cp::cli
