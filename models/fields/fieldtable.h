#pragma once

#include "domain/scenario.h"
#include "fields/fieldpath.h"
#include "fields/scenarioitems.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <optional>
#include <type_traits>
#include <variant>
#include <vector>

Q_DECLARE_METATYPE(cp::Month)
Q_DECLARE_METATYPE(cp::ThreePoint)

// The field table: one row per scenario field, declared once. A row says what the editor shows
// (label, unit, bounds, help) and, for a facility and the items, where the value lives in the
// struct (a member pointer) and whether a file must state it. The scenario reader and writer
// (io/), validateScenario (fields/validation.cpp), the editor's forms and tables (readField,
// writeField) and the report's labels walk these rows, so a new optional number of a power source
// is one row here plus its member in domain/scenario.h and its use in the solver.
namespace cp {

enum class FieldType { Text, Number, WholeNumber, Month, ThreePointEstimate, Choice };
enum class ChoiceSet { None, FacilityKinds, FacilityCoolings, Ownerships, PowerKinds, CoolingPlantKinds, Accelerators, ResidualValues, YesNo };

// What the editor knows about every field of a scenario: its label, unit, kind of value and
// range. Values travel as QVariant (fields/fieldaccess.h).
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

// How the scenario reader and writer treat a row.
enum class FieldPresence {
    Required,  // a file without it is refused; always written
    Defaulted, // a file may leave it out (the struct's default: deposit 0%, availability 100%); always written
    Optional,  // a std::optional member: absent stays absent, written only when set
    ByHand,    // read, written and checked by hand: names, kinds, what depends on the kind, links, windows
};

// Where a row's value lives in `Item`; std::monostate for a field that is not one member (a
// window's month, a yes/no flag).
template<typename Item>
using FieldMember = std::variant<std::monostate, double Item::*, std::optional<double> Item::*, int Item::*,
                                 ThreePoint Item::*, std::optional<ThreePoint> Item::*, Month Item::*,
                                 std::optional<Month> Item::*>;

template<typename Item> struct FieldRow {
    FieldInfo info;
    FieldMember<Item> member;
    FieldPresence presence = FieldPresence::ByHand;
    QByteArray jsonKey; // info.key as the JSON reader and writer take it
};

// The rows of a facility, a compute tranche, a power source and a cooling plant, in the order the
// keys are written to a file (docs/scenario-format.md, section 3).
template<typename Item> const std::vector<FieldRow<Item>> &fieldRows();
template<> const std::vector<FieldRow<Facility>> &fieldRows<Facility>();
template<> const std::vector<FieldRow<ComputeTranche>> &fieldRows<ComputeTranche>();
template<> const std::vector<FieldRow<PowerSource>> &fieldRows<PowerSource>();
template<> const std::vector<FieldRow<CoolingPlant>> &fieldRows<CoolingPlant>();

// Calls fn(value) with the row's member of `item` (const or not, as `item` is); false for a row
// with no member.
template<typename Item, typename Row, typename Fn> bool visitMember(Item &item, const Row &row, Fn &&fn)
{
    return std::visit(
        [&](auto member) {
            if constexpr (std::is_same_v<decltype(member), std::monostate>) {
                return false;
            } else {
                fn(item.*member);
                return true;
            }
        },
        row.member);
}

// The fields of one scope in the order forms and tables show them.
[[nodiscard]] const std::vector<FieldInfo> &fieldsOf(FieldPath::Scope scope, ItemList list = ItemList::Compute);
// nullptr when the path names no field (an object, an unknown key).
[[nodiscard]] const FieldInfo *fieldInfo(const FieldPath &path);
[[nodiscard]] const FieldInfo *itemFieldInfo(ItemList list, const QString &key);

} // namespace cp
