#pragma once

#include "clicommand.h"
#include "domain/month.h"
#include "domain/scenario.h"

#include <QCommandLineOption>

#include <memory>
#include <optional>

class QCommandLineParser;

namespace cp {
struct SolvedScenario;
class Workspace;
} // namespace cp

namespace cp::cli {

// Scenario `name` of an open workspace (`path` names it in messages), parsed against the built-in
// catalog. On failure prints why ("no scenario named 'X' (it has: ...)", the parse problems),
// sets *exitCode (3 unknown or invalid, 1 unreadable) and returns nullopt.
[[nodiscard]] std::optional<Scenario> loadWorkspaceScenario(const Workspace &workspace, const QString &path,
                                                            const QString &name, CliStreams &io, int *exitCode);

// Where a command's scenario comes from: a JSON file (positional FILE.json) or a workspace
// (--workspace W --scenario NAME). Shared by solve, report and risk.
class ScenarioInput
{
public:
    void addOptions(QCommandLineParser &parser) const;

    // Loads the scenario, printing every problem to stderr ("FILE: path: message"). On failure
    // returns nullopt and sets *exitCode (2 usage, 1 unreadable, 3 invalid).
    [[nodiscard]] std::optional<Scenario> load(const QCommandLineParser &parser, CliStreams &io, int *exitCode) const;

    // "--as-of YYYY-MM": the month the plan is looked at from (stale catalog values); default now.
    [[nodiscard]] std::optional<Month> asOf(const QCommandLineParser &parser, CliStreams &io, int *exitCode) const;

    // load() and asOf(), then solves; a plan that does not validate prints its problems and sets
    // *exitCode to 3. Returns null on any failure, with *exitCode set.
    [[nodiscard]] std::shared_ptr<const SolvedScenario> loadAndSolve(const QCommandLineParser &parser, CliStreams &io,
                                                                     int *exitCode) const;

private:
    QCommandLineOption m_workspace{QStringLiteral("workspace"), QStringLiteral("Workspace file (.clusterplan) to read the scenario from."), QStringLiteral("W")};
    QCommandLineOption m_scenario{QStringLiteral("scenario"), QStringLiteral("Name of the scenario in the workspace."), QStringLiteral("NAME")};
    QCommandLineOption m_asOf{QStringLiteral("as-of"), QStringLiteral("Month the plan is looked at from, for stale catalog values (default: this month)."), QStringLiteral("YYYY-MM")};
};

} // namespace cp::cli
