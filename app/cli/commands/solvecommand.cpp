#include "commands/commands.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace cp::cli {

namespace {

class SolveCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("solve"); }
    QString summary() const override { return QStringLiteral("Solve a scenario into monthly timelines, costs and KPIs"); }
    void configure(QCommandLineParser &parser) const override
    {
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("[FILE.json]"), QStringLiteral("[FILE.json]"));
    }
    int run(const QCommandLineParser &parser, CliStreams &io) const override
    {
        Q_UNUSED(parser);
        io.err << "clusterplan-cli solve: not available in this build yet\n";
        return ExitFailure;
    }
};

} // namespace

std::unique_ptr<CliCommand> makeSolveCommand()
{
    return std::make_unique<SolveCommand>();
}

} // namespace cp::cli
