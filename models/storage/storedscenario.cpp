#include "storage/storedscenario.h"

#include "io/scenariojson.h"

namespace cp {

StoredScenario loadStoredScenario(const Workspace &workspace, ScenarioId id, const Catalog &catalog)
{
    StoredScenario stored;
    stored.info = workspace.scenario(id);
    if (!stored.info) {
        stored.error = workspace.lastError();
        return stored;
    }
    std::optional<QByteArray> bytes = workspace.loadDocument(id);
    if (!bytes) {
        stored.error = workspace.lastError();
        return stored;
    }
    stored.document = std::move(*bytes);
    io::ParseResult parsed = io::parseScenarioJson(
        stored.document, catalog, QStringLiteral("%1 (scenario '%2')").arg(workspace.path(), stored.info->name));
    stored.problems = std::move(parsed.problems);
    if (parsed.ok()) {
        stored.scenario = std::move(parsed.scenario);
        stored.scenario->name = stored.info->name;
    }
    return stored;
}

} // namespace cp
