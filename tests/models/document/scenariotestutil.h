#pragma once

// Shared by the document, item model, view and window tests: the shipped examples and a
// workspace in a temporary folder.

#include "catalog/catalog.h"
#include "io/scenariojson.h"
#include "storage/workspace.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace scenariotest {

inline QString examplePath(const char *fileName)
{
    return QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples/") + QLatin1String(fileName);
}

// A shipped example; fails the test (and returns an empty scenario) when it does not parse.
inline cp::Scenario loadExample(const char *fileName)
{
    const cp::io::ParseResult parsed = cp::io::readScenarioFile(examplePath(fileName), cp::Catalog::builtIn());
    if (!parsed.ok()) {
        for (const cp::Problem &problem : parsed.problems)
            qWarning("%s", qPrintable(problem.toString()));
        return {};
    }
    return *parsed.scenario;
}

inline cp::Scenario memphis()
{
    return loadExample("memphis-retrofit-100k-h100.json");
}

// A workspace file in its own temporary folder.
struct TempWorkspace {
    QTemporaryDir dir;
    std::unique_ptr<cp::Workspace> workspace;

    QString path() const { return dir.filePath(QStringLiteral("test.clusterplan")); }

    bool open()
    {
        cp::Workspace::OpenResult opened = cp::Workspace::open(path(), cp::Workspace::OpenMode::ReadWrite);
        if (!opened.workspace)
            qWarning("%s", qPrintable(opened.error.message));
        workspace = std::move(opened.workspace);
        return workspace != nullptr;
    }

    std::optional<cp::ScenarioId> add(const cp::Scenario &scenario)
    {
        return workspace->createScenario(scenario.name, cp::io::writeScenarioJson(scenario));
    }

    // What the workspace holds for `id`, read back through the exchange format.
    std::optional<cp::Scenario> stored(cp::ScenarioId id) const
    {
        const auto bytes = workspace->loadDocument(id);
        if (!bytes)
            return std::nullopt;
        cp::io::ParseResult parsed
            = cp::io::parseScenarioJson(*bytes, cp::Catalog::builtIn(), QStringLiteral("stored"));
        return parsed.scenario;
    }
};

} // namespace scenariotest
