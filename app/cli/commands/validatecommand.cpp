#include "commands/commands.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace cp::cli {

namespace {

class ValidateCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("validate"); }
    QString summary() const override { return QStringLiteral("Check a scenario JSON file against the format and report every problem"); }
    void configure(QCommandLineParser &parser) const override
    {
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("FILE.json"), QStringLiteral("FILE.json"));
    }
    int run(const QCommandLineParser &parser, CliStreams &io) const override
    {
        Q_UNUSED(parser);
        io.err << "clusterplan-cli validate: not available in this build yet\n";
        return ExitFailure;
    }
};

} // namespace

std::unique_ptr<CliCommand> makeValidateCommand()
{
    return std::make_unique<ValidateCommand>();
}

} // namespace cp::cli
