#pragma once

#include "fields/fieldpath.h"
#include "fields/scenarioitems.h"

#include <QString>
#include <QVariant>

#include <optional>

namespace cp {

class Catalog;
struct CatalogValue;
struct FieldInfo;

// What a field left empty takes instead, and where that comes from, so the editor can show a
// default in grey with its source and date.
struct FieldDefault {
    QVariant value; // invalid when the field takes nothing
    const CatalogValue *source = nullptr; // the catalog figure; null for a rule of the format
    QString rule; // how the value follows when it is not the figure as is

    [[nodiscard]] bool isValid() const { return value.isValid(); }
};

// `written` is the item as the user wrote it, `resolved` the same item with defaults filled
// (ScenarioDocument::resolved()).
[[nodiscard]] FieldDefault itemDefault(const ScenarioItem &written, const ScenarioItem &resolved, const QString &key,
                                       const Catalog &catalog);
// Site and facility fields (path scope Site or Facility).
[[nodiscard]] FieldDefault siteDefault(const Site &written, const Site &resolved, const FieldPath &path,
                                       const Catalog &catalog);

// The tooltip of a field: what it means and, when it shows a default, the default's source
// and date and how to override it.
[[nodiscard]] QString fieldToolTip(const FieldInfo &info, const FieldDefault &fallback, bool showsDefault,
                                   const Catalog &catalog);

// The catalog's market rent per accelerator-hour for the plan's most numerous accelerator
// (counting every tranche of every site): the value of compute the editor offers, never applies
// by itself. No range when the plan has no tranche of a catalog accelerator.
struct CatalogRent {
    std::optional<ThreePoint> range; // low, likely, high in $/accelerator-hour
    QString acceleratorName;
    QString source;
};
[[nodiscard]] CatalogRent catalogRent(const Scenario &scenario, const Catalog &catalog);

} // namespace cp
