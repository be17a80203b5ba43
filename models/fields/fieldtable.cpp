#include "fields/fieldtable.h"

#include "fields/fieldtext.h"

#include "domain/kinds.h"
#include "domain/numbertext.h"

#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <climits>
#include <cmath>
#include <type_traits>

namespace cp {

namespace {

// Bounds a planner recognises (docs/scenario-format.md, section 7.1; the catalog's ranges). They
// are the one declaration of each field's range: the spin boxes step in them and validateScenario
// refuses what lies outside, for the editor, the importer and `clusterplan-cli validate` alike.
// 50 GW: the format's largest tranche (10 million accelerators) at 5 kW each, ten times the
// largest campus announced (5 GW); a typo such as 1,000,000,000 MW is far beyond it.
constexpr double kMaxSiteMw = 50'000;
constexpr double kMaxMwh = 10 * kMaxSiteMw; // a battery of that power for 10 hours
constexpr double kMaxTotalUsd = 1e12; // $1 trillion for one building, plant or source
constexpr double kMaxMonths = 600; // 50 years, the longest horizon
constexpr double kMaxPct = 100;

FieldInfo text(const char *key, const char *label, const char *help)
{
    FieldInfo info;
    info.key = QLatin1String(key);
    info.label = QLatin1String(label);
    info.type = FieldType::Text;
    info.help = QLatin1String(help);
    return info;
}

FieldInfo number(const char *key, const char *label, const char *unit, double minimum, double maximum, int decimals,
                 const char *help, bool optional = false)
{
    FieldInfo info;
    info.key = QLatin1String(key);
    info.label = QLatin1String(label);
    info.unit = QString::fromUtf8(unit);
    info.type = FieldType::Number;
    info.minimum = minimum;
    info.maximum = maximum;
    info.decimals = decimals;
    info.help = QLatin1String(help);
    info.optional = optional;
    return info;
}

FieldInfo optionalNumber(const char *key, const char *label, const char *unit, double minimum, double maximum,
                         int decimals, const char *help)
{
    return number(key, label, unit, minimum, maximum, decimals, help, true);
}

FieldInfo whole(const char *key, const char *label, const char *unit, double minimum, double maximum, const char *help)
{
    FieldInfo info = number(key, label, unit, minimum, maximum, 0, help);
    info.type = FieldType::WholeNumber;
    info.whole = true;
    return info;
}

FieldInfo optionalWhole(const char *key, const char *label, const char *unit, double minimum, double maximum,
                        const char *help)
{
    FieldInfo info = whole(key, label, unit, minimum, maximum, help);
    info.optional = true;
    return info;
}

FieldInfo month(const char *key, const char *label, const char *help, bool optional = false)
{
    FieldInfo info;
    info.key = QLatin1String(key);
    info.label = QLatin1String(label);
    info.type = FieldType::Month;
    info.help = QLatin1String(help);
    info.optional = optional;
    return info;
}

FieldInfo threePoint(const char *key, const char *label, const char *unit, double maximum, int decimals,
                     const char *help, bool optional = false)
{
    FieldInfo info = number(key, label, unit, 0.0, maximum, decimals, help, optional);
    info.type = FieldType::ThreePointEstimate;
    // Durations are whole months (docs/scenario-format.md, section 1).
    info.whole = info.unit == u"months";
    return info;
}

// A three-point field whose parts start at `minimum` instead of 0 (a PUE is at least 1).
FieldInfo withMinimum(FieldInfo info, double minimum)
{
    info.minimum = minimum;
    return info;
}

// A number that must be above its minimum ("more than 0 kW").
FieldInfo aboveMinimum(FieldInfo info)
{
    info.minimumExclusive = true;
    return info;
}

FieldInfo choice(const char *key, const char *label, ChoiceSet set, const char *help)
{
    FieldInfo info;
    info.key = QLatin1String(key);
    info.label = QLatin1String(label);
    info.type = FieldType::Choice;
    info.choices = set;
    info.help = QLatin1String(help);
    return info;
}

FieldInfo optionalChoice(const char *key, const char *label, ChoiceSet set, const char *help)
{
    FieldInfo info = choice(key, label, set, help);
    info.optional = true;
    return info;
}

const char *const kLeadHelp = "Months from order to availability; low / mode / high for risk runs.";
const char *const kRetireHelp = "First month the item is no longer available; empty: it stays.";
const char *const kDepositHelp = "Share of the price paid in the order month; the rest on delivery.";
// The optimizer's inputs (docs/scenario-format.md, section 9): one Yes/No and two
// months per window. A window exists when its months are given: the first month set makes a
// window of that one month, clearing either month removes the window.
const char *const kOptionalHelp = "Yes: the optimizer (Scenario > Optimize) may drop this item; the plan as written keeps it.";
const char *const kOrderFromHelp = "Optimizer: the earliest month it may order this item in; empty: the order month is fixed.";
const char *const kOrderToHelp = "Optimizer: the latest month it may order this item in; empty: the order month is fixed.";
const char *const kRetireFromHelp = "Optimizer: the earliest month it may retire this item in; empty: the retire month is fixed.";
const char *const kRetireToHelp = "Optimizer: the latest month it may retire this item in; empty: the retire month is fixed.";
const char *const kRetireNoneHelp = "Optimizer: Yes lets it keep the item to the end instead of retiring it in the window.";

const std::vector<FieldInfo> &scenarioFields()
{
    static const std::vector<FieldInfo> fields{
        text("name", "Name", "The scenario's name in the workspace."),
        text("description", "Description", "Free text: where the figures come from, what the plan assumes."),
        month("startMonth", "Start", "Month 0 of the plan."),
        whole("horizonMonths", "Horizon", "months", 1, kMaxMonths, "How many months the plan covers (1 to 600)."),
    };
    return fields;
}

const std::vector<FieldInfo> &assumptionFields()
{
    static const std::vector<FieldInfo> fields{
        number("discountRatePct", "Discount rate", "%", 0, kMaxPct, 2, "Yearly rate for the NPV of costs."),
        threePoint("electricityUsdPerMwh", "Electricity price", "$/MWh", 1000, 2, "Grid energy price; a range is sampled by risk runs."),
        threePoint("gasUsdPerMmbtu", "Gas price", "$/MMBtu", 100, 2, "Fuel price for the gas kinds; a range is sampled by risk runs."),
        number("utilizationPct", "Utilization", "%", 0, kMaxPct, 1, "Share of the hours energized IT draws its load."),
        aboveMinimum(number("depreciationYears.compute", "Depreciation, compute", "years", 0, 50, 1,
                            "Straight-line life of accelerators and servers.")),
        aboveMinimum(number("depreciationYears.facility", "Depreciation, facility", "years", 0, 100, 1,
                            "Straight-line life of the building.")),
        aboveMinimum(number("depreciationYears.power", "Depreciation, power", "years", 0, 100, 1,
                            "Straight-line life of owned power sources.")),
        aboveMinimum(number("depreciationYears.cooling", "Depreciation, cooling", "years", 0, 100, 1,
                            "Straight-line life of owned cooling plants.")),
        // Returns (docs/methodology.md, "Returns"): empty, the plan reports costs only.
        threePoint("computePriceUsdPerAcceleratorHour", "Value of compute", "$/h", 1000, 2,
                   "What a sold, energized accelerator-hour earns (or is worth to you); the catalog's rent is a "
                   "market price to start from. Empty: no revenue.", true),
        optionalWhole("burnInMonths", "Burn-in", "months", 0, 60, "Months after delivery an accelerator earns nothing; empty: 0."),
        choice("residualValue", "Residual value", ChoiceSet::ResidualValues,
               "What the assets are worth when the plan ends: none, or their book value."),
        // With residual value "book", the share of each category's book value counted
        // (assumptions.residualPctOfBook); an empty field counts all of it.
        optionalNumber("residualPctOfBook.compute", "Residual share, compute", "%", 0, kMaxPct, 1,
                       "With residual value book: the share of the accelerators' book value counted when the plan "
                       "ends; empty: 100%."),
        optionalNumber("residualPctOfBook.facility", "Residual share, facility", "%", 0, kMaxPct, 1,
                       "With residual value book: the share of the building's book value counted when the plan "
                       "ends; empty: 100%."),
        optionalNumber("residualPctOfBook.power", "Residual share, power", "%", 0, kMaxPct, 1,
                       "With residual value book: the share of owned power sources' book value counted when the "
                       "plan ends; empty: 100%."),
        optionalNumber("residualPctOfBook.cooling", "Residual share, cooling", "%", 0, kMaxPct, 1,
                       "With residual value book: the share of owned cooling plants' book value counted when the "
                       "plan ends; empty: 100%."),
    };
    return fields;
}

const std::vector<FieldInfo> &siteFields()
{
    static const std::vector<FieldInfo> fields{
        text("name", "Name", "The site's name, unique in the scenario."),
        text("country", "Country", "ISO 3166 two-letter code, e.g. US."),
        choice("ownership", "Ownership", ChoiceSet::Ownerships,
               "Owned: you pay capex and running costs. Cloud partner: you rent accelerator-hours."),
        withMinimum(threePoint("pue", "PUE", "", 3, 2,
                               "Facility power per IT power, 1 to 3; empty: the catalog's PUE (and its range) for the "
                               "cooling type.", true), 1.0),
    };
    return fields;
}

// A row whose member the reader, writer and validation walk: a std::optional member may be left
// out of a file, any other the file must state.
template<typename Item, typename T> FieldRow<Item> field(FieldInfo info, T Item::*member)
{
    constexpr bool optional = !std::is_same_v<T, double> && !std::is_same_v<T, int> && !std::is_same_v<T, ThreePoint>
                              && !std::is_same_v<T, Month>;
    FieldRow<Item> row{std::move(info), member, optional ? FieldPresence::Optional : FieldPresence::Required, {}};
    row.jsonKey = row.info.key.toLatin1();
    return row;
}

// A member a file may leave out; the struct's default stands, and it is always written.
template<typename Item, typename T> FieldRow<Item> defaulted(FieldInfo info, T Item::*member)
{
    FieldRow<Item> row = field(std::move(info), member);
    row.presence = FieldPresence::Defaulted;
    return row;
}

// A member the editor reads and writes through the row, but that the reader, writer and
// validation handle by hand (it depends on the kind, or a link replaces it).
template<typename Item, typename T> FieldRow<Item> byHand(FieldInfo info, T Item::*member)
{
    FieldRow<Item> row = field(std::move(info), member);
    row.presence = FieldPresence::ByHand;
    return row;
}

// A field that is not one member (a name, a kind, a window's month, a flag): all by hand.
template<typename Item> FieldRow<Item> byHand(FieldInfo info)
{
    FieldRow<Item> row{std::move(info), std::monostate{}, FieldPresence::ByHand, {}};
    row.jsonKey = row.info.key.toLatin1();
    return row;
}

// What forms and tables show: every row, those keyed in `first` first (in that order), then the
// rest in file order.
template<typename Item>
std::vector<FieldInfo> shownInOrder(const std::vector<FieldRow<Item>> &rows, std::initializer_list<const char *> first = {})
{
    std::vector<FieldInfo> out;
    for (const char *key : first)
        for (const FieldRow<Item> &row : rows)
            if (row.info.key == QLatin1String(key))
                out.push_back(row.info);
    for (const FieldRow<Item> &row : rows)
        if (std::none_of(first.begin(), first.end(), [&row](const char *key) { return row.info.key == QLatin1String(key); }))
            out.push_back(row.info);
    return out;
}

const std::vector<FieldRow<Facility>> &facilityRows()
{
    using F = Facility;
    static const std::vector<FieldRow<F>> rows{
        byHand<F>(choice("kind", "Kind", ChoiceSet::FacilityKinds, "Greenfield build, retrofit of a building, or colocation.")),
        byHand<F>(choice("cooling", "Cooling", ChoiceSet::FacilityCoolings, "How the halls reject heat; sets the default PUE.")),
        field(number("itCapacityMw", "IT capacity", "MW", 0, kMaxSiteMw, 2, "Most IT load the electrical fit-out carries."),
              &F::itCapacityMw),
        field(optionalNumber("coolingMw", "Building cooling", "MW", 0, kMaxSiteMw, 2,
                             "Heat the building's own plant rejects; empty: the IT capacity."),
              &F::coolingMw),
        field(month("permitStartMonth", "Permit start", "Month the permit process starts."), &F::permitStartMonth),
        field(threePoint("permitMonths", "Permit duration", "months", kMaxMonths, 0, "Months to the permit."), &F::permitMonths),
        field(month("constructionStartMonth", "Construction start", "Month construction starts."), &F::constructionStartMonth),
        field(threePoint("buildMonths", "Build duration", "months", kMaxMonths, 0, "Months of construction."), &F::buildMonths),
        field(threePoint("capexUsdPerMwIt", "Build cost per MW IT", "$/MW", 1e8, 0,
                         "Construction cost per MW of IT capacity; empty: the catalog rate.", true),
              &F::capexUsdPerMwIt),
        field(threePoint("capexUsd", "Build cost, total", "$", kMaxTotalUsd, 0,
                         "The whole construction cost; wins over the cost per MW when given.", true),
              &F::capexUsd),
        field(optionalNumber("leaseUsdPerKwMonth", "Colocation lease", "$/kW-month", 0, 1000, 2,
                             "Monthly lease per kW of IT capacity (colocation only); empty: the catalog rate."),
              &F::leaseUsdPerKwMonth),
        field(optionalNumber("fixedOmUsdPerMwItYear", "Fixed O&M", "$/MW-year", 0, 1e7, 0,
                             "Staff, maintenance, insurance and property tax per MW IT; empty: the catalog rate."),
              &F::fixedOmUsdPerMwItYear),
    };
    return rows;
}

const std::vector<FieldRow<ComputeTranche>> &computeRows()
{
    using T = ComputeTranche;
    static const std::vector<FieldRow<T>> rows{
        byHand<T>(text("name", "Name", "The tranche's name, unique within the site.")),
        byHand<T>(choice("accelerator", "Accelerator", ChoiceSet::Accelerators, "The catalog part; it supplies the defaults.")),
        field(whole("count", "Count", "", 1, 1e7, "Accelerators in the tranche (1 to 10,000,000)."), &T::count),
        // orderAfterFacilityReady, when given, replaces it in the file.
        byHand(month("orderMonth", "Ordered", "Month the order is placed."), &T::orderMonth),
        field(threePoint("leadTimeMonths", "Lead time", "months", kMaxMonths, 0, kLeadHelp), &T::leadTimeMonths),
        field(threePoint("unitCapexUsd", "Unit price", "$", 1e6, 0,
                         "Servers, network and storage per accelerator (no facility); empty: the catalog price.", true),
              &T::unitCapexUsd),
        field(aboveMinimum(threePoint("itKwPerAccelerator", "IT power", "kW", 100, 3,
                                      "IT kW per accelerator incl. host and network share; empty: the catalog value and "
                                      "range.",
                                      true)),
              &T::itKwPerAccelerator),
        field(optionalNumber("bf16Tflops", "BF16", "TFLOPS", 0, 100'000, 0, "Dense BF16 compute; empty: the catalog value."),
              &T::bf16Tflops),
        field(threePoint("rentUsdPerAcceleratorHour", "Cloud rent", "$/h", 100, 2,
                         "Rent per accelerator-hour on a cloud-partner site; empty: the catalog rate and range.", true),
              &T::rentUsdPerAcceleratorHour),
        defaulted(number("depositPct", "Deposit", "%", 0, kMaxPct, 1, kDepositHelp), &T::depositPct),
        field(month("retireMonth", "Retired", kRetireHelp, true), &T::retireMonth),
        field(threePoint("priceUsdPerAcceleratorHour", "Value of compute", "$/h", 1000, 2,
                         "This tranche's own price per sold accelerator-hour; empty: the plan's.", true),
              &T::priceUsdPerAcceleratorHour),
        field(optionalNumber("soldPct", "Sold", "%", 0, 100, 1, "Share of energized hours sold; empty: the utilization."),
              &T::soldPct),
        field(optionalNumber("salvagePctOfBook", "Salvage", "%", 0, kMaxPct, 1,
                             "Share of its book value the tranche fetches when it retires within the plan; empty: 0 "
                             "(nothing)."),
              &T::salvagePctOfBook),
        byHand<T>(choice("optional", "Optional", ChoiceSet::YesNo, kOptionalHelp)),
        byHand<T>(month("orderWindow.earliest", "Order window from", kOrderFromHelp, true)),
        byHand<T>(month("orderWindow.latest", "Order window to", kOrderToHelp, true)),
    };
    return rows;
}

const std::vector<FieldRow<PowerSource>> &powerRows()
{
    using P = PowerSource;
    static const std::vector<FieldRow<P>> rows{
        byHand<P>(text("name", "Name", "The source's name, unique within the site.")),
        byHand<P>(choice("kind", "Kind", ChoiceSet::PowerKinds, "Grid, a gas kind or a battery.")),
        // A battery states powerMw and energyMwh, every other kind capacityMw.
        byHand(number("capacityMw", "Capacity", "MW", 0, kMaxSiteMw, 2, "Nameplate MW (not for a battery)."), &P::capacityMw),
        byHand(number("powerMw", "Battery power", "MW", 0, kMaxSiteMw, 2, "A battery's power rating."), &P::powerMw),
        byHand(number("energyMwh", "Battery energy", "MWh", 0, kMaxMwh, 2, "A battery's stored energy."), &P::energyMwh),
        defaulted(number("availabilityPct", "Availability", "%", 0, kMaxPct, 1, "Share of nameplate that counts as firm."),
                  &P::availabilityPct),
        field(month("orderMonth", "Ordered", "Month the order is placed."), &P::orderMonth),
        field(threePoint("leadTimeMonths", "Lead time", "months", kMaxMonths, 0, kLeadHelp), &P::leadTimeMonths),
        field(threePoint("capexUsd", "Capex", "$", kMaxTotalUsd, 0, "The whole price; wins over the price per kW when given.",
                         true),
              &P::capexUsd),
        field(threePoint("capexUsdPerKw", "Capex per kW", "$/kW", 20'000, 0,
                         "Price per kW of nameplate; empty: the catalog rate.", true),
              &P::capexUsdPerKw),
        field(threePoint("rentUsdPerMwMonth", "Rent", "$/MW-month", 1e6, 0,
                         "Given: the source is rented, not bought. Mobile turbines rent at the catalog rate and range.",
                         true),
              &P::rentUsdPerMwMonth),
        defaulted(number("depositPct", "Deposit", "%", 0, kMaxPct, 1, kDepositHelp), &P::depositPct),
        field(optionalNumber("fixedOmUsdPerKwYear", "Fixed O&M", "$/kW-year", 0, 1000, 2,
                             "Yearly O&M per kW while available; empty: the catalog rate (0 when rented)."),
              &P::fixedOmUsdPerKwYear),
        field(optionalNumber("varOmUsdPerMwh", "Variable O&M", "$/MWh", 0, 1000, 2,
                             "O&M per MWh supplied; empty: the catalog rate."),
              &P::varOmUsdPerMwh),
        field(optionalNumber("heatRateBtuPerKwh", "Heat rate", "Btu/kWh", 0, 20'000, 0,
                             "Fuel per kWh for the gas kinds; empty: the catalog value."),
              &P::heatRateBtuPerKwh),
        // retireAfter, when given, replaces it in the file.
        byHand(month("retireMonth", "Retired", kRetireHelp, true), &P::retireMonth),
        field(optionalNumber("salvagePctOfBook", "Salvage", "%", 0, kMaxPct, 1,
                             "Share of its book value an owned source fetches when it retires within the plan (a "
                             "rented one returns nothing); empty: 0 (nothing)."),
              &P::salvagePctOfBook),
        byHand<P>(choice("optional", "Optional", ChoiceSet::YesNo, kOptionalHelp)),
        byHand<P>(month("orderWindow.earliest", "Order window from", kOrderFromHelp, true)),
        byHand<P>(month("orderWindow.latest", "Order window to", kOrderToHelp, true)),
        byHand<P>(month("retireWindow.earliest", "Retire window from", kRetireFromHelp, true)),
        byHand<P>(month("retireWindow.latest", "Retire window to", kRetireToHelp, true)),
        byHand<P>(optionalChoice("retireWindow.none", "Retire window: may stay", ChoiceSet::YesNo, kRetireNoneHelp)),
    };
    return rows;
}

const std::vector<FieldRow<CoolingPlant>> &coolingRows()
{
    using C = CoolingPlant;
    static const std::vector<FieldRow<C>> rows{
        byHand<C>(text("name", "Name", "The plant's name, unique within the site.")),
        byHand<C>(choice("kind", "Kind", ChoiceSet::CoolingPlantKinds, "An owned chiller or a rented one.")),
        field(number("capacityMw", "Capacity", "MW", 0, kMaxSiteMw, 2, "MW of IT heat the plant rejects."), &C::capacityMw),
        field(month("orderMonth", "Ordered", "Month the order is placed."), &C::orderMonth),
        field(threePoint("leadTimeMonths", "Lead time", "months", kMaxMonths, 0, kLeadHelp), &C::leadTimeMonths),
        field(threePoint("rentUsdPerMonth", "Rent", "$/month", 1e9, 0,
                         "Given: the plant is rented. Rental chillers rent at the catalog rate and range.", true),
              &C::rentUsdPerMonth),
        field(threePoint("capexUsd", "Capex", "$", kMaxTotalUsd, 0, "Price of an owned plant; empty: the catalog rate per MW.",
                         true),
              &C::capexUsd),
        defaulted(number("depositPct", "Deposit", "%", 0, kMaxPct, 1, kDepositHelp), &C::depositPct),
        field(month("retireMonth", "Retired", kRetireHelp, true), &C::retireMonth),
        field(optionalNumber("salvagePctOfBook", "Salvage", "%", 0, kMaxPct, 1,
                             "Share of its book value an owned plant fetches when it retires within the plan (a rented "
                             "one returns nothing); empty: 0 (nothing)."),
              &C::salvagePctOfBook),
        byHand<C>(choice("optional", "Optional", ChoiceSet::YesNo, kOptionalHelp)),
        byHand<C>(month("orderWindow.earliest", "Order window from", kOrderFromHelp, true)),
        byHand<C>(month("orderWindow.latest", "Order window to", kOrderToHelp, true)),
        byHand<C>(month("retireWindow.earliest", "Retire window from", kRetireFromHelp, true)),
        byHand<C>(month("retireWindow.latest", "Retire window to", kRetireToHelp, true)),
        byHand<C>(optionalChoice("retireWindow.none", "Retire window: may stay", ChoiceSet::YesNo, kRetireNoneHelp)),
    };
    return rows;
}

const std::vector<FieldInfo> &facilityFields()
{
    static const std::vector<FieldInfo> fields = shownInOrder(facilityRows());
    return fields;
}

const std::vector<FieldInfo> &computeFields()
{
    static const std::vector<FieldInfo> fields = shownInOrder(computeRows());
    return fields;
}

const std::vector<FieldInfo> &powerFields()
{
    // The columns that decide when the power comes (a grid wait) next to its name.
    static const std::vector<FieldInfo> fields
        = shownInOrder(powerRows(), {"name", "kind", "orderMonth", "leadTimeMonths"});
    return fields;
}

const std::vector<FieldInfo> &coolingFields()
{
    static const std::vector<FieldInfo> fields = shownInOrder(coolingRows());
    return fields;
}

} // namespace

template<> const std::vector<FieldRow<Facility>> &fieldRows<Facility>()
{
    return facilityRows();
}

template<> const std::vector<FieldRow<ComputeTranche>> &fieldRows<ComputeTranche>()
{
    return computeRows();
}

template<> const std::vector<FieldRow<PowerSource>> &fieldRows<PowerSource>()
{
    return powerRows();
}

template<> const std::vector<FieldRow<CoolingPlant>> &fieldRows<CoolingPlant>()
{
    return coolingRows();
}

QString FieldInfo::labelWithUnit() const
{
    return unit.isEmpty() ? label : QStringLiteral("%1 (%2)").arg(label, unit);
}

bool FieldInfo::accepts(double value) const
{
    if (!std::isfinite(value) || value > maximum || (minimumExclusive ? value <= minimum : value < minimum))
        return false;
    return !whole || std::trunc(value) == value;
}

QString FieldInfo::rangeRule() const
{
    // "$0", "$100,000,000 per MW", "10,000 MW", "100%", "600" (months say so up front).
    const auto amount = [this](double value, bool withUnit = true) -> QString {
        const QString number = groupedNumber(value, std::max(decimals, 3));
        if (unit.startsWith(u'$')) {
            QString per = withUnit ? unit.mid(1) : QString();
            if (per == u"/h")
                per = QStringLiteral("/hour"); // "$1,000 per hour", not "per h"
            return QStringLiteral("$") + number + (per.startsWith(u'/') ? QStringLiteral(" per ") + per.mid(1) : per);
        }
        if (!withUnit || unit.isEmpty() || unit == u"months")
            return number;
        return number + (unit == u"%" ? QString() : QStringLiteral(" ")) + unit;
    };
    const QString kind = whole ? (unit == u"months" ? QStringLiteral("a whole number of months ")
                                                    : QStringLiteral("a whole number "))
                               : QString();
    if (minimumExclusive)
        return QStringLiteral("must be %1more than %2 and at most %3").arg(kind, amount(minimum), amount(maximum));
    return QStringLiteral("must be %1from %2 to %3").arg(kind, amount(minimum, false), amount(maximum));
}

const std::vector<FieldInfo> &fieldsOf(FieldPath::Scope scope, ItemList list)
{
    switch (scope) {
    case FieldPath::Scope::Scenario:
        return scenarioFields();
    case FieldPath::Scope::Assumptions:
        return assumptionFields();
    case FieldPath::Scope::Site:
        return siteFields();
    case FieldPath::Scope::Facility:
        return facilityFields();
    case FieldPath::Scope::Item:
        break;
    }
    switch (list) {
    case ItemList::Compute:
        return computeFields();
    case ItemList::Power:
        return powerFields();
    case ItemList::Cooling:
        return coolingFields();
    }
    return computeFields();
}

const FieldInfo *fieldInfo(const FieldPath &path)
{
    for (const FieldInfo &info : fieldsOf(path.scope, path.list))
        if (info.key == path.key)
            return &info;
    return nullptr;
}

const FieldInfo *itemFieldInfo(ItemList list, const QString &key)
{
    return fieldInfo(FieldPath::item(0, list, 0, key));
}

} // namespace cp
