#include "scenarioinput.h"
#include "clioutput.h"

#include "analysis/solvedscenario.h"
#include "catalog/catalog.h"
#include "io/scenariojson.h"
#include "storage/storedscenario.h"
#include "storage/workspace.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace cp::cli {

std::optional<Scenario> loadWorkspaceScenario(const Workspace &workspace, const QString &path, const QString &name,
                                              CliStreams &io, int *exitCode)
{
    const std::optional<ScenarioId> id = workspace.findScenario(name);
    if (!id) {
        io.err << "clusterplan-cli: " << path << ": no scenario named '" << name << "'";
        const auto all = workspace.scenarios();
        if (!all.empty()) {
            io.err << " (it has:";
            for (const ScenarioInfo &info : all)
                io.err << " '" << info.name << "'";
            io.err << ")";
        }
        io.err << '\n';
        *exitCode = ExitInvalidInput;
        return std::nullopt;
    }
    StoredScenario stored = loadStoredScenario(workspace, *id, Catalog::builtIn());
    if (!stored.read()) {
        io.err << "clusterplan-cli: " << stored.error.message << '\n';
        *exitCode = ExitFailure;
        return std::nullopt;
    }
    for (const Problem &problem : stored.problems)
        io.err << terminalSafe(problem.toString()) << '\n';
    if (!stored.ok()) {
        *exitCode = ExitInvalidInput;
        return std::nullopt;
    }
    return std::move(stored.scenario);
}

void ScenarioInput::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("FILE.json"), QStringLiteral("Scenario file in the exchange format (or use --workspace and --scenario)."),
                                 QStringLiteral("[FILE.json]"));
    parser.addOption(m_workspace);
    parser.addOption(m_scenario);
    parser.addOption(m_asOf);
}

std::optional<Scenario> ScenarioInput::load(const QCommandLineParser &parser, CliStreams &io, int *exitCode) const
{
    const QStringList files = parser.positionalArguments();
    const bool fromWorkspace = parser.isSet(m_workspace) || parser.isSet(m_scenario);
    if (files.size() > 1 || (files.size() == 1) == fromWorkspace
        || (fromWorkspace && !(parser.isSet(m_workspace) && parser.isSet(m_scenario)))) {
        io.err << "clusterplan-cli: give either one FILE.json or both --workspace W and --scenario NAME (see --help)\n";
        *exitCode = ExitUsage;
        return std::nullopt;
    }
    if (!fromWorkspace) {
        const io::ParseResult parsed = io::readScenarioFile(files.first(), Catalog::builtIn());
        for (const Problem &problem : parsed.problems)
            io.err << terminalSafe(problem.toString()) << '\n';
        if (!parsed.ok()) {
            *exitCode = parsed.unreadable ? ExitFailure : ExitInvalidInput;
            return std::nullopt;
        }
        return parsed.scenario;
    }

    const QString path = parser.value(m_workspace);
    const QString name = parser.value(m_scenario);
    Workspace::OpenResult opened = Workspace::open(path, Workspace::OpenMode::ReadOnly);
    if (!opened.workspace) {
        io.err << "clusterplan-cli: " << opened.error.message << '\n';
        *exitCode = ExitFailure;
        return std::nullopt;
    }
    return loadWorkspaceScenario(*opened.workspace, path, name, io, exitCode);
}

std::optional<Month> ScenarioInput::asOf(const QCommandLineParser &parser, CliStreams &io, int *exitCode) const
{
    if (!parser.isSet(m_asOf))
        return currentMonth();
    const std::optional<Month> month = Month::parse(parser.value(m_asOf));
    if (!month) {
        io.err << "clusterplan-cli: --as-of: '" << parser.value(m_asOf) << "' is not a month; write it as YYYY-MM\n";
        *exitCode = ExitUsage;
    }
    return month;
}

std::shared_ptr<const SolvedScenario> ScenarioInput::loadAndSolve(const QCommandLineParser &parser, CliStreams &io,
                                                                 int *exitCode) const
{
    const std::optional<Month> month = asOf(parser, io, exitCode);
    if (!month)
        return nullptr;
    const std::optional<Scenario> scenario = load(parser, io, exitCode);
    if (!scenario)
        return nullptr;
    auto solved = solveScenario(*scenario, Catalog::builtIn(), *month);
    if (!solved->ok()) {
        for (const Problem &problem : solved->problems)
            io.err << terminalSafe(problem.toString()) << '\n';
        *exitCode = ExitInvalidInput;
        return nullptr;
    }
    return solved;
}

} // namespace cp::cli
