#include "commands/commands.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace cp::cli {

namespace {

class RiskCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("risk"); }
    QString summary() const override { return QStringLiteral("Monte Carlo risk run: P10/P50/P90 dates and costs, criticality, tornado"); }
    void configure(QCommandLineParser &parser) const override
    {
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("[FILE.json]"), QStringLiteral("[FILE.json]"));
    }
    int run(const QCommandLineParser &parser, CliStreams &io) const override
    {
        Q_UNUSED(parser);
        io.err << "clusterplan-cli risk: not available in this build yet\n";
        return ExitFailure;
    }
};

} // namespace

std::unique_ptr<CliCommand> makeRiskCommand()
{
    return std::make_unique<RiskCommand>();
}

} // namespace cp::cli
