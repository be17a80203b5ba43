#include "commands/commands.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace cp::cli {

namespace {

class ReportCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("report"); }
    QString summary() const override { return QStringLiteral("Render a board-ready PDF report of a scenario"); }
    void configure(QCommandLineParser &parser) const override
    {
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("[FILE.json]"), QStringLiteral("[FILE.json]"));
    }
    int run(const QCommandLineParser &parser, CliStreams &io) const override
    {
        Q_UNUSED(parser);
        io.err << "clusterplan-cli report: not available in this build yet\n";
        return ExitFailure;
    }
};

} // namespace

std::unique_ptr<CliCommand> makeReportCommand()
{
    return std::make_unique<ReportCommand>();
}

} // namespace cp::cli
