#pragma once

#include "analysis/solvedscenario.h"
#include "catalog/catalog.h"
#include "io/scenariojson.h"

#include <QString>
#include <QStringList>

#include <memory>

// Solved scenarios for the chart, comparison and timeline tests: the shipped examples and the
// hand-checked plans in tests/fixtures/charts (their descriptions carry the hand calculation).
namespace cp::test {

inline QString examplePath(const QString &file)
{
    return QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples/") + file;
}

inline QString chartFixturePath(const QString &file)
{
    return QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/tests/fixtures/charts/") + file;
}

inline QStringList exampleFiles()
{
    return {QStringLiteral("memphis-retrofit-100k-h100.json"), QStringLiteral("meta-2gw-gas-campus.json"),
            QStringLiteral("anthropic-400k-trainium2-cloud.json"), QStringLiteral("gpt4-era-20k-a100.json"),
            QStringLiteral("greenfield-grid-wait.json"), QStringLiteral("greenfield-grid-wait-bridged.json")};
}

// Null when the file does not read or the plan does not solve (the test then fails on it).
inline std::shared_ptr<const SolvedScenario> solveFile(const QString &path)
{
    const io::ParseResult parsed = io::readScenarioFile(path, Catalog::builtIn());
    if (!parsed.ok())
        return nullptr;
    auto solved = solveScenario(*parsed.scenario, Catalog::builtIn(), Month::fromYearMonth(2025, 1));
    return solved->ok() ? solved : nullptr;
}

inline Scenario readFile(const QString &path)
{
    const io::ParseResult parsed = io::readScenarioFile(path, Catalog::builtIn());
    return parsed.scenario.value_or(Scenario{});
}

} // namespace cp::test
