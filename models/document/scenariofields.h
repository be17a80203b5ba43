#pragma once

#include "document/fieldpath.h"
#include "document/scenarioitems.h"
#include "domain/scenario.h"

#include <QMetaType>
#include <QString>
#include <QVariant>

#include <vector>

Q_DECLARE_METATYPE(cp::Month)
Q_DECLARE_METATYPE(cp::ThreePoint)

// What the editor knows about every field of a scenario: its label, unit, kind of value and
// range, and how to read, write, show and parse it. Values travel as QVariant:
//   Text, Choice     QString (a choice as its spec name: "gas_ccgt", "h100_sxm"; a yes/no
//                    field as "true" or "false", its JSON value)
//   Number           double (whole-number fields too, checked when written)
//   Month            cp::Month
//   ThreePointEstimate cp::ThreePoint (a plain number is taken as a fixed value)
//   an absent optional field (catalog default, no retire month): an invalid QVariant
namespace cp {

class Catalog;

enum class FieldType { Text, Number, WholeNumber, Month, ThreePointEstimate, Choice };
enum class ChoiceSet { None, FacilityKinds, FacilityCoolings, Ownerships, PowerKinds, CoolingPlantKinds, Accelerators, ResidualValues, YesNo };

struct FieldInfo {
    QString key; // the JSON key, e.g. "leadTimeMonths"
    QString label; // what a planner reads, e.g. "Lead time"
    QString unit; // "months", "MW", "$", "$/kW", "%"; empty when the number has none
    FieldType type = FieldType::Number;
    ChoiceSet choices = ChoiceSet::None;
    bool optional = false; // may be left empty: it then takes its default (catalog, or as help says)
    // The field's bounds, declared once (docs/scenario-format.md, section 7.1; the catalog's
    // ranges): spin boxes step within them and validateScenario refuses any number outside, for
    // every part of a three-point estimate. The editor, the importer and `clusterplan-cli validate`
    // so agree.
    double minimum = 0.0;
    double maximum = 0.0;
    bool minimumExclusive = false; // the minimum itself is refused: "more than 0 kW"
    bool whole = false; // whole numbers only: counts, the months of a duration
    int decimals = 0;
    QString help; // one sentence on what the field means

    // "Lead time (months)"; the label alone when there is no unit.
    [[nodiscard]] QString labelWithUnit() const;
    // Finite, within the bounds and whole where it must be.
    [[nodiscard]] bool accepts(double value) const;
    // The bounds as a planner reads them: "must be from 0 to 10,000 MW", "must be a whole
    // number of months from 0 to 600", "must be more than 0 and at most 100 kW".
    [[nodiscard]] QString rangeRule() const;
};

// The fields of one scope in the order forms and tables show them.
[[nodiscard]] const std::vector<FieldInfo> &fieldsOf(FieldPath::Scope scope, ItemList list = ItemList::Compute);
// nullptr when the path names no field (an object, an unknown key).
[[nodiscard]] const FieldInfo *fieldInfo(const FieldPath &path);
[[nodiscard]] const FieldInfo *itemFieldInfo(ItemList list, const QString &key);

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

// How a value reads in a table cell: "45,000", "5 (4-7)", "Mar 2024", "Gas combined cycle".
[[nodiscard]] QString displayText(const FieldInfo &info, const QVariant &value, const Catalog &catalog);
// How it travels through the clipboard: C-locale numbers, "2024-03", "4; 5; 7", spec names.
[[nodiscard]] QString clipboardText(const FieldInfo &info, const QVariant &value);
// Reads what a planner typed or pasted: either text form above, grouped numbers ("100,000"),
// a leading "$" or trailing unit, months as "2024-03", "Mar 2024" or "Mar-24", three-point
// values as "4; 5; 7" or "4/5/7", choices by spec name or display name. Empty text is an
// invalid QVariant (allowed only for optional fields). On failure *reason says what to type.
[[nodiscard]] QVariant parseFieldText(const FieldInfo &info, const QString &text, const Catalog &catalog,
                                      QString *reason, bool *ok);

// A refusal placed where it happened ("Row 2", "Line 3") without naming the field twice:
// "Row 2: Count must be ..." when the reason names it, else "Row 2, Count: <reason>".
[[nodiscard]] QString placedMessage(const QString &place, const FieldInfo &info, const QString &reason);

struct Choice {
    QString value; // spec name or catalog id
    QString label; // display name
};
[[nodiscard]] std::vector<Choice> choicesOf(ChoiceSet set, const Catalog &catalog);

// "4,500" in the display locale (en-US grouping), at most `decimals` decimals, no trailing zeros.
[[nodiscard]] QString groupedNumber(double value, int decimals);

} // namespace cp
