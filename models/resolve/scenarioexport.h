#pragma once

#include "domain/scenario.h"

#include <QByteArray>

namespace cp {
class Catalog;
}

namespace cp::io {

// Every value resolved (catalog defaults filled, with their ranges), so the file no longer
// depends on the catalog (docs/scenario-format.md, section 3). The writer is io's
// writeScenarioJson; the resolving lives here, a layer above io.
[[nodiscard]] QByteArray exportScenarioJson(const Scenario &scenario, const Catalog &catalog);

} // namespace cp::io
