#include "commands/commands.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace cp::cli {

namespace {

class ListCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("list"); }
    QString summary() const override { return QStringLiteral("List the scenarios of a workspace"); }
    void configure(QCommandLineParser &parser) const override
    {
        Q_UNUSED(parser);
    }
    int run(const QCommandLineParser &parser, CliStreams &io) const override
    {
        Q_UNUSED(parser);
        io.err << "clusterplan-cli list: not available in this build yet\n";
        return ExitFailure;
    }
};

} // namespace

std::unique_ptr<CliCommand> makeListCommand()
{
    return std::make_unique<ListCommand>();
}

} // namespace cp::cli
