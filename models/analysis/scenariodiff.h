#pragma once

#include <QString>

#include <vector>

// What changed in the inputs between two scenarios, as the user wrote them: fields that
// differ, and sites and items added or removed. Sites are matched by name, and items by name
// within their site and list (compute, power, cooling); an item moved to another list counts
// as removed and added. A field the user left to the catalog reads as empty text.
namespace cp {

struct Scenario;

// Named apart from cp::ScenarioChange (document/scenariochange.h), the document's edit signal:
// one name for two types is an ODR violation that corrupts memory.
struct InputChange {
    enum class Kind { Changed, Added, Removed };
    Kind kind = Kind::Changed;
    QString site;     // empty for the scenario's own fields (start, horizon, assumptions)
    QString list;     // "compute", "power" or "cooling" for an item; empty for the site's own fields
    QString item;     // the item's name; empty for the site's own fields or a whole site
    QString field;    // path inside the site or item ("facility.buildMonths", "capacityMw"); empty for a whole site or item
    QString path;     // JSON path in the scenario that has it ("sites[0].power[1].capacityMw")
    QString before;   // value text in the baseline ("5 (4 to 7)" for a three-point value); empty when absent
    QString after;    // value text in the other scenario
};

// Changes from `baseline` to `other`: the scenario's fields first, then site by site in the
// baseline's order (site fields, then its items), then sites only `other` has. The names of the
// scenarios themselves are not compared.
[[nodiscard]] std::vector<InputChange> diffScenarios(const Scenario &baseline, const Scenario &other);

} // namespace cp
