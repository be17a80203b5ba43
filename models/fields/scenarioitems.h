#pragma once

#include "fields/fieldpath.h"
#include "domain/scenario.h"

#include <variant>
#include <vector>

// One row of a site's compute, power or cooling list, whichever list it belongs to, and the
// few operations the editor needs on those lists without caring which one it is.
namespace cp {

using ScenarioItem = std::variant<ComputeTranche, PowerSource, CoolingPlant>;

[[nodiscard]] ItemList listOf(const ScenarioItem &item);
[[nodiscard]] QString itemName(const ScenarioItem &item);
void setItemName(ScenarioItem &item, const QString &name);

[[nodiscard]] int itemCount(const Site &site, ItemList list);
[[nodiscard]] ScenarioItem itemAt(const Site &site, ItemList list, int row);
void replaceItem(Site &site, int row, const ScenarioItem &item); // the item says which list
void insertItem(Site &site, int row, const ScenarioItem &item);
void removeItem(Site &site, ItemList list, int row);

// When `key` of `item` is a date the file links to another (orderAfterFacilityReady,
// retireAfter), what the link says, for the editor to show instead of an editable month: the
// month follows the link, so a typed month would be overwritten. Empty when it is not linked.
[[nodiscard]] QString linkedDateNote(const ScenarioItem &item, const QString &key);

// Every name used by the site's items (compute, power and cooling share one name space,
// docs/scenario-format.md, section 7).
[[nodiscard]] std::vector<QString> itemNames(const Site &site);
// `base` when unused, else "base (2)", "base (3)", ...: names must be unique within a site.
[[nodiscard]] QString uniqueName(const QString &base, const std::vector<QString> &taken);

// What Add puts in a list: plausible values a planner overwrites, valid as they stand.
[[nodiscard]] ScenarioItem newItem(ItemList list, Month orderMonth, const QString &name);
[[nodiscard]] Site newSite(Month startMonth, const QString &name);
// A scenario a planner can start from: one site, nothing ordered yet.
[[nodiscard]] Scenario newScenario(const QString &name, Month startMonth);

} // namespace cp
