#include "commands/commands.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace cp::cli {

namespace {

class CompareCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("compare"); }
    QString summary() const override { return QStringLiteral("Compare saved scenarios: KPIs and deltas against the first"); }
    void configure(QCommandLineParser &parser) const override
    {
        Q_UNUSED(parser);
    }
    int run(const QCommandLineParser &parser, CliStreams &io) const override
    {
        Q_UNUSED(parser);
        io.err << "clusterplan-cli compare: not available in this build yet\n";
        return ExitFailure;
    }
};

} // namespace

std::unique_ptr<CliCommand> makeCompareCommand()
{
    return std::make_unique<CompareCommand>();
}

} // namespace cp::cli
