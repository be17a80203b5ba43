#pragma once

#include "fields/fieldtable.h"

#include <QString>
#include <QVariant>

// Reading and writing one field of a scenario by its path, as the editor does. Values travel as
// QVariant:
//   Text, Choice     QString (a choice as its spec name: "gas_ccgt", "h100_sxm"; a yes/no
//                    field as "true" or "false", its JSON value)
//   Number           double (whole-number fields too, checked when written)
//   Month            cp::Month
//   ThreePointEstimate cp::ThreePoint (a plain number is taken as a fixed value)
//   an absent optional field (catalog default, no retire month): an invalid QVariant
namespace cp {

// The value as written (invalid QVariant: absent). An invalid QVariant too when the path is
// out of range.
[[nodiscard]] QVariant readField(const Scenario &scenario, const FieldPath &path);
[[nodiscard]] QVariant readItemField(const ScenarioItem &item, const QString &key);
// Stores `value` when it is of the field's kind; else false with the reason in *reason. Says
// nothing about ranges: validateScenario judges those on the whole scenario.
bool writeField(Scenario &scenario, const FieldPath &path, const QVariant &value, QString *reason);
bool writeItemField(ScenarioItem &item, const QString &key, const QVariant &value, QString *reason);

// Whether the field means anything for this item or facility (a grid source has no heat rate,
// a battery no capacityMw, only a colocation facility pays a lease).
[[nodiscard]] bool itemFieldApplies(const ScenarioItem &item, const QString &key);
[[nodiscard]] bool facilityFieldApplies(const Facility &facility, const QString &key);

} // namespace cp
