#include "clioutput.h"
#include "commands/commands.h"

#include "catalog/catalog.h"
#include "io/scenariojson.h"
#include "storage/workspace.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace cp::cli {

namespace {

const QString kWorkspaceOption = QStringLiteral("workspace");
const QString kNameOption = QStringLiteral("name");
const QString kReplaceOption = QStringLiteral("replace");

class ImportCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("import"); }
    QString summary() const override
    {
        return QStringLiteral("Import a scenario JSON file into a workspace (created if missing)");
    }
    void configure(QCommandLineParser &parser) const override
    {
        parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The scenario to import."),
                                     QStringLiteral("FILE.json"));
        parser.addOption({kWorkspaceOption, QStringLiteral("The workspace to import into; created when missing."),
                          QStringLiteral("W.clusterplan")});
        parser.addOption({kNameOption, QStringLiteral("Name in the workspace (default: the file's \"name\")."),
                          QStringLiteral("NAME")});
        parser.addOption({kReplaceOption, QStringLiteral("Overwrite a scenario of the same name.")});
    }
    int run(const QCommandLineParser &parser, CliStreams &io) const override
    {
        const QStringList files = parser.positionalArguments();
        if (files.size() > 1) {
            io.err << "clusterplan-cli import: one file at a time, got " << files.size() << " (see --help)\n";
            return ExitUsage;
        }
        const QString file = files.value(0);
        const QString workspacePath = parser.value(kWorkspaceOption);
        if (!requireArgument(file, QStringLiteral("FILE.json to import"), io)
            || !requireArgument(workspacePath, QStringLiteral("--workspace W.clusterplan"), io))
            return ExitUsage;
        if (parser.isSet(kNameOption) && parser.value(kNameOption).trimmed().isEmpty()) {
            io.err << "clusterplan-cli import: --name needs a name that is not empty\n";
            return ExitUsage;
        }

        // Read and check the whole file before the workspace is touched: nothing half-imported.
        io::ParseResult parsed = io::readScenarioFile(file, Catalog::builtIn());
        if (!parsed.ok()) {
            for (const Problem &problem : parsed.problems)
                io.err << terminalSafe(problem.toString()) << '\n';
            if (parsed.problems.empty())
                io.err << file << ": the file could not be read\n";
            io.err << "clusterplan-cli import: nothing was imported\n";
            return parsed.unreadable ? ExitFailure : ExitInvalidInput;
        }
        Scenario &scenario = *parsed.scenario;
        // The workspace's name for it is the document's name too.
        scenario.name = (parser.isSet(kNameOption) ? parser.value(kNameOption) : scenario.name).trimmed();
        const QByteArray document = io::writeScenarioJson(scenario);
        static_assert(Workspace::kMaxDocumentBytes == io::kMaxScenarioFileBytes,
                      "what import stores, every command must read back");

        Workspace::OpenResult opened = Workspace::open(workspacePath, Workspace::OpenMode::ReadWrite);
        if (!opened.workspace) {
            io.err << opened.error.message << '\n';
            return ExitFailure;
        }
        Workspace &workspace = *opened.workspace;
        if (const auto existing = workspace.findScenario(scenario.name)) {
            if (!parser.isSet(kReplaceOption)) {
                io.err << "clusterplan-cli import: workspace '" << workspace.path() << "' already has a scenario named '"
                       << scenario.name << "'. Add --replace to overwrite it, or --name to import it under another "
                       << "name; nothing was imported.\n";
                return ExitFailure;
            }
            if (!workspace.saveDocument(*existing, document))
                return fail(workspace, io);
            io.out << "Replaced scenario '" << scenario.name << "' in " << workspace.path() << '\n';
            return ExitOk;
        }
        if (!workspace.createScenario(scenario.name, document))
            return fail(workspace, io);
        io.out << "Imported scenario '" << scenario.name << "' into " << workspace.path() << '\n';
        return ExitOk;
    }

private:
    static int fail(const Workspace &workspace, CliStreams &io)
    {
        io.err << workspace.lastError().message << '\n';
        return workspace.lastError().kind == WorkspaceError::Kind::InvalidName ? ExitInvalidInput : ExitFailure;
    }
};

} // namespace

std::unique_ptr<CliCommand> makeImportCommand()
{
    return std::make_unique<ImportCommand>();
}

} // namespace cp::cli
