#include "clioutput.h"
#include "commands/commands.h"

#include "catalog/catalog.h"
#include "io/scenariojson.h"
#include "resolve/scenarioexport.h"
#include "storage/storedscenario.h"
#include "storage/workspace.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace cp::cli {

namespace {

const QString kWorkspaceOption = QStringLiteral("workspace");
const QString kScenarioOption = QStringLiteral("scenario");
const QString kJsonOption = QStringLiteral("json");

class ExportCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override
    {
        return QStringLiteral("Export a scenario of a workspace as JSON with every value resolved");
    }
    void configure(QCommandLineParser &parser) const override
    {
        parser.addOption({kWorkspaceOption, QStringLiteral("The workspace to read."), QStringLiteral("W.clusterplan")});
        parser.addOption({kScenarioOption, QStringLiteral("The scenario's name in the workspace."), QStringLiteral("NAME")});
        parser.addOption({kJsonOption, QStringLiteral("Where to write the JSON; '-' is standard output."),
                          QStringLiteral("OUT.json")});
    }
    int run(const QCommandLineParser &parser, CliStreams &io) const override
    {
        if (!parser.positionalArguments().isEmpty()) {
            io.err << "clusterplan-cli export: unexpected argument '" << parser.positionalArguments().constFirst()
                   << "' (see --help)\n";
            return ExitUsage;
        }
        const QString workspacePath = parser.value(kWorkspaceOption);
        const QString scenarioName = parser.value(kScenarioOption);
        const QString out = parser.value(kJsonOption);
        if (!requireArgument(workspacePath, QStringLiteral("--workspace W.clusterplan"), io)
            || !requireArgument(scenarioName, QStringLiteral("--scenario NAME"), io)
            || !requireArgument(out, QStringLiteral("--json OUT.json (or '-' for standard output)"), io))
            return ExitUsage;

        Workspace::OpenResult opened = Workspace::open(workspacePath, Workspace::OpenMode::ReadOnly);
        if (!opened.workspace) {
            io.err << opened.error.message << '\n';
            return ExitFailure;
        }
        const Workspace &workspace = *opened.workspace;
        const auto id = workspace.findScenario(scenarioName);
        if (!id) {
            io.err << workspace.lastError().message;
            if (workspace.lastError().kind == WorkspaceError::Kind::NoSuchScenario)
                io.err << " Run 'clusterplan-cli list --workspace " << workspacePath << "' to see its scenarios.";
            io.err << '\n';
            return ExitFailure;
        }
        const StoredScenario stored = loadStoredScenario(workspace, *id, Catalog::builtIn());
        if (!stored.read()) {
            io.err << stored.error.message << '\n';
            return ExitFailure;
        }
        if (!stored.ok()) {
            for (const Problem &problem : stored.problems)
                io.err << terminalSafe(problem.toString()) << '\n';
            io.err << "clusterplan-cli export: the stored scenario is not valid for this ClusterPlan; nothing was "
                      "written\n";
            return ExitInvalidInput;
        }
        return writeOutput(out, io::exportScenarioJson(*stored.scenario, Catalog::builtIn()), io) ? ExitOk
                                                                                                 : ExitFailure;
    }
};

} // namespace

std::unique_ptr<CliCommand> makeExportCommand()
{
    return std::make_unique<ExportCommand>();
}

} // namespace cp::cli
