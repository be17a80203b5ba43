#pragma once

#include "domain/scenario.h"
#include "domain/problem.h"
#include "storage/workspace.h"

#include <QByteArray>

#include <optional>
#include <vector>

namespace cp {

class Catalog;

// A scenario read back from a workspace, the one way every reader (the window, compare, the
// command line) does it: the stored document parsed against the catalog and named as the
// workspace's list names it. The list's name wins over the "name" inside the document: a rename
// changes only the list, and a document may carry any name it was imported with.
struct StoredScenario {
    std::optional<ScenarioInfo> info; // as listed; absent when the workspace has no such scenario
    QByteArray document;              // the stored bytes; empty when they could not be read
    std::optional<Scenario> scenario; // set only when the document parsed without a problem
    std::vector<Problem> problems;    // the parse's problems, each naming "PATH (scenario 'NAME')" as its file
    WorkspaceError error;             // why the document could not be read (NoSuchScenario, Damaged, Io...)

    [[nodiscard]] bool read() const { return !error.isError(); }
    [[nodiscard]] bool ok() const { return scenario.has_value(); }
};

// Reads and parses scenario `id`. Never fails silently: either `scenario` is set, or `error` or
// `problems` say why.
[[nodiscard]] StoredScenario loadStoredScenario(const Workspace &workspace, ScenarioId id, const Catalog &catalog);

} // namespace cp
