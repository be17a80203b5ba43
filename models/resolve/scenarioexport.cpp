#include "resolve/scenarioexport.h"

#include "io/scenariojson.h"
#include "resolve/resolver.h"

namespace cp::io {

QByteArray exportScenarioJson(const Scenario &scenario, const Catalog &catalog)
{
    return writeScenarioJson(resolveScenario(scenario, catalog));
}

} // namespace cp::io
