#include "document/scenariofields.h"

#include "catalog/catalog.h"
#include "domain/kinds.h"
#include "io/numbertext.h"

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
// The optimizer's inputs (issue 18; docs/scenario-format.md, section 9): one Yes/No and two
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

const std::vector<FieldInfo> &facilityFields()
{
    static const std::vector<FieldInfo> fields{
        choice("kind", "Kind", ChoiceSet::FacilityKinds, "Greenfield build, retrofit of a building, or colocation."),
        choice("cooling", "Cooling", ChoiceSet::FacilityCoolings, "How the halls reject heat; sets the default PUE."),
        number("itCapacityMw", "IT capacity", "MW", 0, kMaxSiteMw, 2, "Most IT load the electrical fit-out carries."),
        optionalNumber("coolingMw", "Building cooling", "MW", 0, kMaxSiteMw, 2,
                       "Heat the building's own plant rejects; empty: the IT capacity."),
        month("permitStartMonth", "Permit start", "Month the permit process starts."),
        threePoint("permitMonths", "Permit duration", "months", kMaxMonths, 0, "Months to the permit."),
        month("constructionStartMonth", "Construction start", "Month construction starts."),
        threePoint("buildMonths", "Build duration", "months", kMaxMonths, 0, "Months of construction."),
        threePoint("capexUsdPerMwIt", "Build cost per MW IT", "$/MW", 1e8, 0,
                   "Construction cost per MW of IT capacity; empty: the catalog rate.", true),
        threePoint("capexUsd", "Build cost, total", "$", kMaxTotalUsd, 0,
                   "The whole construction cost; wins over the cost per MW when given.", true),
        optionalNumber("leaseUsdPerKwMonth", "Colocation lease", "$/kW-month", 0, 1000, 2,
                       "Monthly lease per kW of IT capacity (colocation only); empty: the catalog rate."),
        optionalNumber("fixedOmUsdPerMwItYear", "Fixed O&M", "$/MW-year", 0, 1e7, 0,
                       "Staff, maintenance, insurance and property tax per MW IT; empty: the catalog rate."),
    };
    return fields;
}

const std::vector<FieldInfo> &computeFields()
{
    static const std::vector<FieldInfo> fields{
        text("name", "Name", "The tranche's name, unique within the site."),
        choice("accelerator", "Accelerator", ChoiceSet::Accelerators, "The catalog part; it supplies the defaults."),
        whole("count", "Count", "", 1, 1e7, "Accelerators in the tranche (1 to 10,000,000)."),
        month("orderMonth", "Ordered", "Month the order is placed."),
        threePoint("leadTimeMonths", "Lead time", "months", kMaxMonths, 0, kLeadHelp),
        threePoint("unitCapexUsd", "Unit price", "$", 1e6, 0,
                   "Servers, network and storage per accelerator (no facility); empty: the catalog price.", true),
        aboveMinimum(threePoint("itKwPerAccelerator", "IT power", "kW", 100, 3,
                                "IT kW per accelerator incl. host and network share; empty: the catalog value and range.",
                                true)),
        optionalNumber("bf16Tflops", "BF16", "TFLOPS", 0, 100'000, 0, "Dense BF16 compute; empty: the catalog value."),
        threePoint("rentUsdPerAcceleratorHour", "Cloud rent", "$/h", 100, 2,
                   "Rent per accelerator-hour on a cloud-partner site; empty: the catalog rate and range.", true),
        number("depositPct", "Deposit", "%", 0, kMaxPct, 1, kDepositHelp),
        month("retireMonth", "Retired", kRetireHelp, true),
        threePoint("priceUsdPerAcceleratorHour", "Value of compute", "$/h", 1000, 2,
                   "This tranche's own price per sold accelerator-hour; empty: the plan's.", true),
        optionalNumber("soldPct", "Sold", "%", 0, 100, 1, "Share of energized hours sold; empty: the utilization."),
        optionalNumber("salvagePctOfBook", "Salvage", "%", 0, kMaxPct, 1,
                       "Share of its book value the tranche fetches when it retires within the plan; empty: 0 "
                       "(nothing)."),
        choice("optional", "Optional", ChoiceSet::YesNo, kOptionalHelp),
        month("orderWindow.earliest", "Order window from", kOrderFromHelp, true),
        month("orderWindow.latest", "Order window to", kOrderToHelp, true),
    };
    return fields;
}

const std::vector<FieldInfo> &powerFields()
{
    static const std::vector<FieldInfo> fields{
        text("name", "Name", "The source's name, unique within the site."),
        choice("kind", "Kind", ChoiceSet::PowerKinds, "Grid, a gas kind or a battery."),
        // The columns that decide when the power comes (a grid wait) next to its name.
        month("orderMonth", "Ordered", "Month the order is placed."),
        threePoint("leadTimeMonths", "Lead time", "months", kMaxMonths, 0, kLeadHelp),
        number("capacityMw", "Capacity", "MW", 0, kMaxSiteMw, 2, "Nameplate MW (not for a battery)."),
        number("powerMw", "Battery power", "MW", 0, kMaxSiteMw, 2, "A battery's power rating."),
        number("energyMwh", "Battery energy", "MWh", 0, kMaxMwh, 2, "A battery's stored energy."),
        number("availabilityPct", "Availability", "%", 0, kMaxPct, 1, "Share of nameplate that counts as firm."),
        threePoint("capexUsd", "Capex", "$", kMaxTotalUsd, 0, "The whole price; wins over the price per kW when given.", true),
        threePoint("capexUsdPerKw", "Capex per kW", "$/kW", 20'000, 0,
                   "Price per kW of nameplate; empty: the catalog rate.", true),
        threePoint("rentUsdPerMwMonth", "Rent", "$/MW-month", 1e6, 0,
                   "Given: the source is rented, not bought. Mobile turbines rent at the catalog rate and range.", true),
        number("depositPct", "Deposit", "%", 0, kMaxPct, 1, kDepositHelp),
        optionalNumber("fixedOmUsdPerKwYear", "Fixed O&M", "$/kW-year", 0, 1000, 2,
                       "Yearly O&M per kW while available; empty: the catalog rate (0 when rented)."),
        optionalNumber("varOmUsdPerMwh", "Variable O&M", "$/MWh", 0, 1000, 2,
                       "O&M per MWh supplied; empty: the catalog rate."),
        optionalNumber("heatRateBtuPerKwh", "Heat rate", "Btu/kWh", 0, 20'000, 0,
                       "Fuel per kWh for the gas kinds; empty: the catalog value."),
        month("retireMonth", "Retired", kRetireHelp, true),
        optionalNumber("salvagePctOfBook", "Salvage", "%", 0, kMaxPct, 1,
                       "Share of its book value an owned source fetches when it retires within the plan (a rented "
                       "one returns nothing); empty: 0 (nothing)."),
        choice("optional", "Optional", ChoiceSet::YesNo, kOptionalHelp),
        month("orderWindow.earliest", "Order window from", kOrderFromHelp, true),
        month("orderWindow.latest", "Order window to", kOrderToHelp, true),
        month("retireWindow.earliest", "Retire window from", kRetireFromHelp, true),
        month("retireWindow.latest", "Retire window to", kRetireToHelp, true),
        optionalChoice("retireWindow.none", "Retire window: may stay", ChoiceSet::YesNo, kRetireNoneHelp),
    };
    return fields;
}

const std::vector<FieldInfo> &coolingFields()
{
    static const std::vector<FieldInfo> fields{
        text("name", "Name", "The plant's name, unique within the site."),
        choice("kind", "Kind", ChoiceSet::CoolingPlantKinds, "An owned chiller or a rented one."),
        number("capacityMw", "Capacity", "MW", 0, kMaxSiteMw, 2, "MW of IT heat the plant rejects."),
        month("orderMonth", "Ordered", "Month the order is placed."),
        threePoint("leadTimeMonths", "Lead time", "months", kMaxMonths, 0, kLeadHelp),
        threePoint("rentUsdPerMonth", "Rent", "$/month", 1e9, 0,
                   "Given: the plant is rented. Rental chillers rent at the catalog rate and range.", true),
        threePoint("capexUsd", "Capex", "$", kMaxTotalUsd, 0, "Price of an owned plant; empty: the catalog rate per MW.", true),
        number("depositPct", "Deposit", "%", 0, kMaxPct, 1, kDepositHelp),
        month("retireMonth", "Retired", kRetireHelp, true),
        optionalNumber("salvagePctOfBook", "Salvage", "%", 0, kMaxPct, 1,
                       "Share of its book value an owned plant fetches when it retires within the plan (a rented "
                       "one returns nothing); empty: 0 (nothing)."),
        choice("optional", "Optional", ChoiceSet::YesNo, kOptionalHelp),
        month("orderWindow.earliest", "Order window from", kOrderFromHelp, true),
        month("orderWindow.latest", "Order window to", kOrderToHelp, true),
        month("retireWindow.earliest", "Retire window from", kRetireFromHelp, true),
        month("retireWindow.latest", "Retire window to", kRetireToHelp, true),
        optionalChoice("retireWindow.none", "Retire window: may stay", ChoiceSet::YesNo, kRetireNoneHelp),
    };
    return fields;
}

// --- reading and writing members -------------------------------------------------------------

bool isNumeric(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Double:
    case QMetaType::Float:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return true;
    default:
        return false;
    }
}

bool fail(QString *reason, const QString &message)
{
    if (reason)
        *reason = message;
    return false;
}

QVariant toVariant(const QString &v)
{
    return v;
}
QVariant toVariant(double v)
{
    return v;
}
QVariant toVariant(int v)
{
    return static_cast<double>(v);
}
QVariant toVariant(Month v)
{
    return QVariant::fromValue(v);
}
QVariant toVariant(const ThreePoint &v)
{
    return QVariant::fromValue(v);
}
QVariant toVariant(FacilityKind v)
{
    return toSpecName(v);
}
QVariant toVariant(FacilityCooling v)
{
    return toSpecName(v);
}
QVariant toVariant(SiteOwnership v)
{
    return toSpecName(v);
}
QVariant toVariant(PowerKind v)
{
    return toSpecName(v);
}
QVariant toVariant(CoolingPlantKind v)
{
    return toSpecName(v);
}
QVariant toVariant(ResidualValue v)
{
    return toSpecName(v);
}
// Views of the optimizer's fields that are not one member each: a yes/no flag, one month of an
// optional window, and a retire window's "may stay". B is bool or const bool, W the window's
// std::optional (const or not).
template<typename B> struct Flag {
    B &value;
};
template<typename W> struct WindowMonth {
    W &window;
    bool latest;
};
template<typename W> struct WindowNone {
    W &window;
};
// One category's share of assumptions.residualPctOfBook (O: the std::optional, const or not).
// Absent, every share is 100; clearing a share puts it back to 100, and when all four are 100
// again the object goes, so a plan edited back to where it was writes what it wrote before.
template<typename O> struct ResidualShare {
    O &shares;
    double ResidualPctOfBook::*member;
};

QString flagText(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

template<typename B> QVariant toVariant(const Flag<B> &f)
{
    return flagText(f.value);
}
template<typename W> QVariant toVariant(const WindowMonth<W> &m)
{
    return m.window ? QVariant::fromValue(m.latest ? m.window->latest : m.window->earliest) : QVariant();
}
template<typename W> QVariant toVariant(const WindowNone<W> &n)
{
    return n.window ? QVariant(flagText(n.window->none)) : QVariant();
}
template<typename O> QVariant toVariant(const ResidualShare<O> &r)
{
    return r.shares ? QVariant((*r.shares).*r.member) : QVariant();
}

template<typename T> QVariant toVariant(const std::optional<T> &v)
{
    return v ? toVariant(*v) : QVariant();
}

bool fromVariant(const QVariant &value, QString &target, QString *reason)
{
    if (value.typeId() != QMetaType::QString)
        return fail(reason, QStringLiteral("enter text"));
    target = value.toString().trimmed();
    return true;
}

bool fromVariant(const QVariant &value, double &target, QString *reason)
{
    if (!isNumeric(value))
        return fail(reason, QStringLiteral("enter a number"));
    target = value.toDouble();
    return true;
}

bool fromVariant(const QVariant &value, int &target, QString *reason)
{
    if (!isNumeric(value))
        return fail(reason, QStringLiteral("enter a whole number"));
    const double v = value.toDouble();
    if (!std::isfinite(v) || std::trunc(v) != v || v < INT_MIN || v > INT_MAX)
        return fail(reason, QStringLiteral("must be a whole number (found %1)").arg(io::numberText(v)));
    target = static_cast<int>(v);
    return true;
}

bool fromVariant(const QVariant &value, Month &target, QString *reason)
{
    if (value.typeId() != qMetaTypeId<Month>())
        return fail(reason, QStringLiteral("enter a month such as 2025-03"));
    target = value.value<Month>();
    return true;
}

bool fromVariant(const QVariant &value, ThreePoint &target, QString *reason)
{
    if (value.typeId() == qMetaTypeId<ThreePoint>()) {
        target = value.value<ThreePoint>();
        return true;
    }
    if (isNumeric(value)) {
        target = ThreePoint::fixed(value.toDouble());
        return true;
    }
    return fail(reason, QStringLiteral("enter a number, or low; mode; high"));
}

template<typename Enum, typename FromSpec>
bool enumFromVariant(const QVariant &value, Enum &target, QString *reason, FromSpec fromSpec)
{
    const std::optional<Enum> parsed = value.typeId() == QMetaType::QString ? fromSpec(value.toString()) : std::nullopt;
    if (!parsed)
        return fail(reason, QStringLiteral("choose one of the listed kinds"));
    target = *parsed;
    return true;
}

bool fromVariant(const QVariant &value, FacilityKind &target, QString *reason)
{
    return enumFromVariant(value, target, reason, facilityKindFromSpec);
}
bool fromVariant(const QVariant &value, FacilityCooling &target, QString *reason)
{
    return enumFromVariant(value, target, reason, facilityCoolingFromSpec);
}
bool fromVariant(const QVariant &value, SiteOwnership &target, QString *reason)
{
    return enumFromVariant(value, target, reason, siteOwnershipFromSpec);
}
bool fromVariant(const QVariant &value, PowerKind &target, QString *reason)
{
    return enumFromVariant(value, target, reason, powerKindFromSpec);
}
bool fromVariant(const QVariant &value, CoolingPlantKind &target, QString *reason)
{
    return enumFromVariant(value, target, reason, coolingPlantKindFromSpec);
}
bool fromVariant(const QVariant &value, ResidualValue &target, QString *reason)
{
    return enumFromVariant(value, target, reason, residualValueFromSpec);
}

bool flagFromVariant(const QVariant &value, bool &target, QString *reason)
{
    const QString text = value.typeId() == QMetaType::QString ? value.toString().trimmed().toLower() : QString();
    if (value.typeId() == QMetaType::Bool)
        target = value.toBool();
    else if (text == u"true" || text == u"yes")
        target = true;
    else if (text == u"false" || text == u"no")
        target = false;
    else
        return fail(reason, QStringLiteral("choose Yes or No"));
    return true;
}

bool fromVariant(const QVariant &value, Flag<bool> &target, QString *reason)
{
    return flagFromVariant(value, target.value, reason);
}

template<typename W> bool fromVariant(const QVariant &value, WindowMonth<W> &target, QString *reason)
{
    if (!value.isValid()) {
        target.window.reset(); // a window needs both months
        return true;
    }
    Month month;
    if (!fromVariant(value, month, reason))
        return false;
    if (!target.window) {
        target.window.emplace();
        target.window->earliest = month;
        target.window->latest = month;
    } else {
        (target.latest ? target.window->latest : target.window->earliest) = month;
    }
    return true;
}

template<typename W> bool fromVariant(const QVariant &value, WindowNone<W> &target, QString *reason)
{
    if (!target.window) {
        if (!value.isValid())
            return true;
        return fail(reason, QStringLiteral("give the retire window's months first"));
    }
    if (!value.isValid()) {
        target.window->none = false;
        return true;
    }
    return flagFromVariant(value, target.window->none, reason);
}

template<typename O> bool fromVariant(const QVariant &value, ResidualShare<O> &target, QString *reason)
{
    if (!value.isValid()) {
        if (target.shares) {
            (*target.shares).*target.member = ResidualPctOfBook{}.*target.member;
            if (*target.shares == ResidualPctOfBook{})
                target.shares.reset();
        }
        return true;
    }
    double share = 0.0;
    if (!fromVariant(value, share, reason))
        return false;
    if (!target.shares)
        target.shares.emplace();
    (*target.shares).*target.member = share;
    return true;
}

template<typename T> bool fromVariant(const QVariant &value, std::optional<T> &target, QString *reason)
{
    if (!value.isValid()) {
        target.reset();
        return true;
    }
    T parsed{};
    if (!fromVariant(value, parsed, reason))
        return false;
    target = parsed;
    return true;
}

// Calls fn(member) for the member the key names; false when it names none. Const or not.
// The same for a view of a member (a Flag, WindowMonth or WindowNone made on the spot).
#define CP_VIEW(name, view)                                                                                            \
    if (key == QLatin1String(name)) {                                                                                  \
        auto viewed = view;                                                                                            \
        fn(viewed);                                                                                                    \
        return true;                                                                                                   \
    }

// The optimizer's fields of an item; `retire`: it has a retire window (not a tranche).
#define CP_OPTIMIZER_FIELDS(item)                                                                                      \
    CP_VIEW("optional", (Flag<std::remove_reference_t<decltype((item.optional))>>{item.optional}))                      \
    CP_VIEW("orderWindow.earliest", (WindowMonth<std::remove_reference_t<decltype((item.orderWindow))>>{item.orderWindow, false})) \
    CP_VIEW("orderWindow.latest", (WindowMonth<std::remove_reference_t<decltype((item.orderWindow))>>{item.orderWindow, true}))
#define CP_RETIRE_WINDOW_FIELDS(item)                                                                                  \
    CP_VIEW("retireWindow.earliest", (WindowMonth<std::remove_reference_t<decltype((item.retireWindow))>>{item.retireWindow, false})) \
    CP_VIEW("retireWindow.latest", (WindowMonth<std::remove_reference_t<decltype((item.retireWindow))>>{item.retireWindow, true})) \
    CP_VIEW("retireWindow.none", (WindowNone<std::remove_reference_t<decltype((item.retireWindow))>>{item.retireWindow}))

#define CP_RESIDUAL_SHARE(name, a, category)                                                                       \
    CP_VIEW(name, (ResidualShare<std::remove_reference_t<decltype((a.residualPctOfBook))>>{a.residualPctOfBook,        \
                                                                                         &ResidualPctOfBook::category}))

#define CP_MEMBER(name, member)                                                                                        \
    if (key == QLatin1String(name)) {                                                                                  \
        fn(member);                                                                                                    \
        return true;                                                                                                   \
    }

template<typename S, typename F> bool visitScenario(S &s, QStringView key, F &&fn)
{
    CP_MEMBER("name", s.name)
    CP_MEMBER("description", s.description)
    CP_MEMBER("startMonth", s.startMonth)
    CP_MEMBER("horizonMonths", s.horizonMonths)
    return false;
}

template<typename A, typename F> bool visitAssumptions(A &a, QStringView key, F &&fn)
{
    CP_MEMBER("discountRatePct", a.discountRatePct)
    CP_MEMBER("electricityUsdPerMwh", a.electricityUsdPerMwh)
    CP_MEMBER("gasUsdPerMmbtu", a.gasUsdPerMmbtu)
    CP_MEMBER("utilizationPct", a.utilizationPct)
    CP_MEMBER("depreciationYears.compute", a.depreciationYears.compute)
    CP_MEMBER("depreciationYears.facility", a.depreciationYears.facility)
    CP_MEMBER("depreciationYears.power", a.depreciationYears.power)
    CP_MEMBER("depreciationYears.cooling", a.depreciationYears.cooling)
    CP_MEMBER("computePriceUsdPerAcceleratorHour", a.computePriceUsdPerAcceleratorHour)
    CP_MEMBER("burnInMonths", a.burnInMonths)
    CP_MEMBER("residualValue", a.residualValue)
    CP_RESIDUAL_SHARE("residualPctOfBook.compute", a, compute)
    CP_RESIDUAL_SHARE("residualPctOfBook.facility", a, facility)
    CP_RESIDUAL_SHARE("residualPctOfBook.power", a, power)
    CP_RESIDUAL_SHARE("residualPctOfBook.cooling", a, cooling)
    return false;
}

template<typename S, typename F> bool visitSite(S &s, QStringView key, F &&fn)
{
    CP_MEMBER("name", s.name)
    CP_MEMBER("country", s.country)
    CP_MEMBER("ownership", s.ownership)
    CP_MEMBER("pue", s.pue)
    return false;
}

template<typename Fac, typename F> bool visitFacility(Fac &f, QStringView key, F &&fn)
{
    CP_MEMBER("kind", f.kind)
    CP_MEMBER("cooling", f.cooling)
    CP_MEMBER("itCapacityMw", f.itCapacityMw)
    CP_MEMBER("coolingMw", f.coolingMw)
    CP_MEMBER("permitStartMonth", f.permitStartMonth)
    CP_MEMBER("permitMonths", f.permitMonths)
    CP_MEMBER("constructionStartMonth", f.constructionStartMonth)
    CP_MEMBER("buildMonths", f.buildMonths)
    CP_MEMBER("capexUsdPerMwIt", f.capexUsdPerMwIt)
    CP_MEMBER("capexUsd", f.capexUsd)
    CP_MEMBER("leaseUsdPerKwMonth", f.leaseUsdPerKwMonth)
    CP_MEMBER("fixedOmUsdPerMwItYear", f.fixedOmUsdPerMwItYear)
    return false;
}

template<typename T, typename F> bool visitTranche(T &t, QStringView key, F &&fn)
{
    CP_MEMBER("name", t.name)
    CP_MEMBER("accelerator", t.accelerator)
    CP_MEMBER("count", t.count)
    CP_MEMBER("orderMonth", t.orderMonth)
    CP_MEMBER("leadTimeMonths", t.leadTimeMonths)
    CP_MEMBER("unitCapexUsd", t.unitCapexUsd)
    CP_MEMBER("itKwPerAccelerator", t.itKwPerAccelerator)
    CP_MEMBER("bf16Tflops", t.bf16Tflops)
    CP_MEMBER("rentUsdPerAcceleratorHour", t.rentUsdPerAcceleratorHour)
    CP_MEMBER("depositPct", t.depositPct)
    CP_MEMBER("retireMonth", t.retireMonth)
    CP_MEMBER("priceUsdPerAcceleratorHour", t.priceUsdPerAcceleratorHour)
    CP_MEMBER("soldPct", t.soldPct)
    CP_MEMBER("salvagePctOfBook", t.salvagePctOfBook)
    CP_OPTIMIZER_FIELDS(t)
    return false;
}

template<typename P, typename F> bool visitPowerSource(P &p, QStringView key, F &&fn)
{
    CP_MEMBER("name", p.name)
    CP_MEMBER("kind", p.kind)
    CP_MEMBER("capacityMw", p.capacityMw)
    CP_MEMBER("powerMw", p.powerMw)
    CP_MEMBER("energyMwh", p.energyMwh)
    CP_MEMBER("availabilityPct", p.availabilityPct)
    CP_MEMBER("orderMonth", p.orderMonth)
    CP_MEMBER("leadTimeMonths", p.leadTimeMonths)
    CP_MEMBER("capexUsd", p.capexUsd)
    CP_MEMBER("capexUsdPerKw", p.capexUsdPerKw)
    CP_MEMBER("rentUsdPerMwMonth", p.rentUsdPerMwMonth)
    CP_MEMBER("depositPct", p.depositPct)
    CP_MEMBER("fixedOmUsdPerKwYear", p.fixedOmUsdPerKwYear)
    CP_MEMBER("varOmUsdPerMwh", p.varOmUsdPerMwh)
    CP_MEMBER("heatRateBtuPerKwh", p.heatRateBtuPerKwh)
    CP_MEMBER("retireMonth", p.retireMonth)
    CP_MEMBER("salvagePctOfBook", p.salvagePctOfBook)
    CP_OPTIMIZER_FIELDS(p)
    CP_RETIRE_WINDOW_FIELDS(p)
    return false;
}

template<typename C, typename F> bool visitCoolingPlant(C &c, QStringView key, F &&fn)
{
    CP_MEMBER("name", c.name)
    CP_MEMBER("kind", c.kind)
    CP_MEMBER("capacityMw", c.capacityMw)
    CP_MEMBER("orderMonth", c.orderMonth)
    CP_MEMBER("leadTimeMonths", c.leadTimeMonths)
    CP_MEMBER("rentUsdPerMonth", c.rentUsdPerMonth)
    CP_MEMBER("capexUsd", c.capexUsd)
    CP_MEMBER("depositPct", c.depositPct)
    CP_MEMBER("retireMonth", c.retireMonth)
    CP_MEMBER("salvagePctOfBook", c.salvagePctOfBook)
    CP_OPTIMIZER_FIELDS(c)
    CP_RETIRE_WINDOW_FIELDS(c)
    return false;
}

#undef CP_MEMBER
#undef CP_VIEW
#undef CP_OPTIMIZER_FIELDS
#undef CP_RETIRE_WINDOW_FIELDS
#undef CP_RESIDUAL_SHARE

template<typename I, typename F> bool visitItem(I &item, QStringView key, F &&fn)
{
    return std::visit(
        [&](auto &value) {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, ComputeTranche>)
                return visitTranche(value, key, fn);
            else if constexpr (std::is_same_v<T, PowerSource>)
                return visitPowerSource(value, key, fn);
            else
                return visitCoolingPlant(value, key, fn);
        },
        item);
}

bool validSite(const Scenario &scenario, int site)
{
    return site >= 0 && site < static_cast<int>(scenario.sites.size());
}

QLocale displayLocale()
{
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

QString choiceLabel(ChoiceSet set, const QString &value, const Catalog &catalog)
{
    for (const Choice &c : choicesOf(set, catalog))
        if (c.value == value)
            return c.label;
    return value;
}

// "$ 45,000 MW" -> "45000": what is left of a number once grouping, currency and unit are gone.
QString bareNumber(QString text, const QString &unit)
{
    text = text.trimmed();
    if (!unit.isEmpty() && text.endsWith(unit, Qt::CaseInsensitive))
        text.chop(unit.size());
    text.remove(QLatin1Char(','));
    text.remove(QLatin1Char('$'));
    text.remove(QLatin1Char('%'));
    text.remove(QChar(0x00a0));
    text.remove(QLatin1Char(' '));
    return text;
}

std::optional<double> parseNumber(const QString &text, const QString &unit)
{
    bool ok = false;
    const double value = QLocale::c().toDouble(bareNumber(text, unit), &ok);
    return ok && std::isfinite(value) ? std::optional(value) : std::nullopt;
}

std::optional<Month> parseMonth(const QString &input)
{
    const QString text = input.trimmed();
    if (auto iso = Month::parse(text))
        return iso;
    static const QRegularExpression isoDay(QStringLiteral("^(\\d{4})-(\\d{1,2})(?:-\\d{1,2})?$"));
    if (const auto m = isoDay.match(text); m.hasMatch()) {
        const int monthNumber = m.capturedView(2).toInt();
        if (monthNumber >= 1 && monthNumber <= 12)
            return Month::fromYearMonth(m.capturedView(1).toInt(), monthNumber);
        return std::nullopt;
    }
    // "Mar 2024", "March 2024", "Mar-24" (a spreadsheet's month format).
    static const QRegularExpression named(QStringLiteral("^([A-Za-z]{3,9})[ -](\\d{2}|\\d{4})$"));
    if (const auto m = named.match(text); m.hasMatch()) {
        const QLocale english = displayLocale();
        const QString name = m.captured(1);
        for (int i = 1; i <= 12; ++i) {
            if (name.compare(english.monthName(i, QLocale::ShortFormat), Qt::CaseInsensitive) == 0
                || name.compare(english.monthName(i, QLocale::LongFormat), Qt::CaseInsensitive) == 0) {
                int year = m.capturedView(2).toInt();
                if (m.capturedView(2).size() == 2)
                    year += 2000;
                return Month::fromYearMonth(year, i);
            }
        }
    }
    return std::nullopt;
}

} // namespace

QString FieldInfo::labelWithUnit() const
{
    return unit.isEmpty() ? label : QStringLiteral("%1 (%2)").arg(label, unit);
}

QString placedMessage(const QString &place, const FieldInfo &info, const QString &reason)
{
    if (reason.startsWith(info.label))
        return place + QStringLiteral(": ") + reason;
    return QStringLiteral("%1, %2: %3").arg(place, info.label, reason);
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

QVariant readItemField(const ScenarioItem &item, const QString &key)
{
    QVariant out;
    visitItem(item, key, [&out](const auto &member) { out = toVariant(member); });
    return out;
}

QVariant readField(const Scenario &scenario, const FieldPath &path)
{
    QVariant out;
    const auto read = [&out](const auto &member) { out = toVariant(member); };
    switch (path.scope) {
    case FieldPath::Scope::Scenario:
        visitScenario(scenario, path.key, read);
        break;
    case FieldPath::Scope::Assumptions:
        visitAssumptions(scenario.assumptions, path.key, read);
        break;
    case FieldPath::Scope::Site:
        if (validSite(scenario, path.site))
            visitSite(scenario.sites[static_cast<std::size_t>(path.site)], path.key, read);
        break;
    case FieldPath::Scope::Facility:
        if (validSite(scenario, path.site))
            visitFacility(scenario.sites[static_cast<std::size_t>(path.site)].facility, path.key, read);
        break;
    case FieldPath::Scope::Item:
        if (validSite(scenario, path.site)) {
            const Site &site = scenario.sites[static_cast<std::size_t>(path.site)];
            if (path.row >= 0 && path.row < itemCount(site, path.list))
                out = readItemField(itemAt(site, path.list, path.row), path.key);
        }
        break;
    }
    return out;
}

bool writeItemField(ScenarioItem &item, const QString &key, const QVariant &value, QString *reason)
{
    const FieldInfo *info = itemFieldInfo(listOf(item), key);
    if (!info)
        return fail(reason, QStringLiteral("there is no field \"%1\"").arg(key));
    if (!value.isValid() && !info->optional)
        return fail(reason, QStringLiteral("%1 is required; enter a value").arg(info->label));
    bool ok = false;
    visitItem(item, key, [&](auto &member) { ok = fromVariant(value, member, reason); });
    return ok;
}

bool writeField(Scenario &scenario, const FieldPath &path, const QVariant &value, QString *reason)
{
    const FieldInfo *info = fieldInfo(path);
    if (!info)
        return fail(reason, QStringLiteral("there is no field at %1").arg(path.toJsonPath()));
    if (!value.isValid() && !info->optional)
        return fail(reason, QStringLiteral("%1 is required; enter a value").arg(info->label));
    if (path.scope != FieldPath::Scope::Scenario && path.scope != FieldPath::Scope::Assumptions
        && !validSite(scenario, path.site))
        return fail(reason, QStringLiteral("the scenario has no site %1").arg(path.site + 1));

    bool ok = false;
    const auto write = [&](auto &member) { ok = fromVariant(value, member, reason); };
    switch (path.scope) {
    case FieldPath::Scope::Scenario:
        visitScenario(scenario, path.key, write);
        break;
    case FieldPath::Scope::Assumptions:
        visitAssumptions(scenario.assumptions, path.key, write);
        break;
    case FieldPath::Scope::Site:
        visitSite(scenario.sites[static_cast<std::size_t>(path.site)], path.key, write);
        break;
    case FieldPath::Scope::Facility:
        visitFacility(scenario.sites[static_cast<std::size_t>(path.site)].facility, path.key, write);
        break;
    case FieldPath::Scope::Item: {
        Site &site = scenario.sites[static_cast<std::size_t>(path.site)];
        if (path.row < 0 || path.row >= itemCount(site, path.list))
            return fail(reason, QStringLiteral("the site has no row %1 there").arg(path.row + 1));
        ScenarioItem item = itemAt(site, path.list, path.row);
        ok = writeItemField(item, path.key, value, reason);
        if (ok)
            replaceItem(site, path.row, item);
        break;
    }
    }
    return ok;
}

bool itemFieldApplies(const ScenarioItem &item, const QString &key)
{
    if (const auto *p = std::get_if<PowerSource>(&item)) {
        const bool bess = p->kind == PowerKind::Bess;
        if (key == u"capacityMw")
            return !bess;
        if (key == u"powerMw" || key == u"energyMwh")
            return bess;
        if (key == u"heatRateBtuPerKwh")
            return isGasKind(p->kind);
    }
    return true;
}

bool facilityFieldApplies(const Facility &facility, const QString &key)
{
    const bool colocation = facility.kind == FacilityKind::Colocation;
    if (key == u"leaseUsdPerKwMonth")
        return colocation;
    if (key == u"capexUsdPerMwIt" || key == u"capexUsd")
        return !colocation;
    return true;
}

QString groupedNumber(double value, int decimals)
{
    QString text = displayLocale().toString(value, 'f', decimals);
    if (decimals > 0 && text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    if (text == u"-0")
        text = QStringLiteral("0");
    return text;
}

QString displayText(const FieldInfo &info, const QVariant &value, const Catalog &catalog)
{
    if (!value.isValid())
        return QString();
    switch (info.type) {
    case FieldType::Text:
        return value.toString();
    case FieldType::Number:
    case FieldType::WholeNumber:
        return groupedNumber(value.toDouble(), info.decimals);
    case FieldType::Month:
        return value.value<Month>().toLabel();
    case FieldType::ThreePointEstimate: {
        const auto v = value.value<ThreePoint>();
        if (v.isFixed())
            return groupedNumber(v.mode, info.decimals);
        return QStringLiteral("%1 (%2\u2013%3)")
            .arg(groupedNumber(v.mode, info.decimals), groupedNumber(v.low, info.decimals),
                 groupedNumber(v.high, info.decimals));
    }
    case FieldType::Choice:
        return choiceLabel(info.choices, value.toString(), catalog);
    }
    return QString();
}

QString clipboardText(const FieldInfo &info, const QVariant &value)
{
    if (!value.isValid())
        return QString();
    switch (info.type) {
    case FieldType::Text:
    case FieldType::Choice:
        // Tabs and line breaks would split the cell.
        return value.toString()
            .replace(QLatin1Char('\t'), QLatin1Char(' '))
            .replace(QLatin1Char('\n'), QLatin1Char(' '));
    case FieldType::Number:
    case FieldType::WholeNumber:
        return io::numberText(value.toDouble());
    case FieldType::Month:
        return value.value<Month>().toIso();
    case FieldType::ThreePointEstimate: {
        const auto v = value.value<ThreePoint>();
        if (v.isFixed())
            return io::numberText(v.mode);
        return QStringLiteral("%1; %2; %3").arg(io::numberText(v.low), io::numberText(v.mode), io::numberText(v.high));
    }
    }
    return QString();
}

QVariant parseFieldText(const FieldInfo &info, const QString &input, const Catalog &catalog, QString *reason, bool *ok)
{
    *ok = false;
    const QString text = input.trimmed();
    if (text.isEmpty()) {
        if (!info.optional && info.type != FieldType::Text) {
            fail(reason, QStringLiteral("%1 is required; enter a value").arg(info.label));
            return {};
        }
        *ok = true;
        return info.type == FieldType::Text ? QVariant(QString()) : QVariant();
    }
    switch (info.type) {
    case FieldType::Text:
        *ok = true;
        return text;
    case FieldType::Number:
    case FieldType::WholeNumber:
        if (const auto v = parseNumber(text, info.unit)) {
            *ok = true;
            return *v;
        }
        fail(reason, QStringLiteral("\"%1\" is not a number").arg(text));
        return {};
    case FieldType::Month:
        if (const auto m = parseMonth(text)) {
            *ok = true;
            return QVariant::fromValue(*m);
        }
        fail(reason, QStringLiteral("\"%1\" is not a month; write it as 2025-03 or Mar 2025").arg(text));
        return {};
    case FieldType::ThreePointEstimate: {
        static const QRegularExpression separators(QStringLiteral("[;/]"));
        const QStringList parts = text.split(separators);
        std::vector<double> values;
        for (const QString &part : parts) {
            const auto v = parseNumber(part, info.unit);
            if (!v) {
                fail(reason, QStringLiteral("\"%1\" is not a number, nor low; mode; high").arg(text));
                return {};
            }
            values.push_back(*v);
        }
        if (values.size() == 1) {
            *ok = true;
            return QVariant::fromValue(ThreePoint::fixed(values[0]));
        }
        if (values.size() == 3) {
            *ok = true;
            return QVariant::fromValue(ThreePoint{values[0], values[1], values[2]});
        }
        fail(reason, QStringLiteral("\"%1\": give one number, or three as low; mode; high").arg(text));
        return {};
    }
    case FieldType::Choice: {
        const std::vector<Choice> choices = choicesOf(info.choices, catalog);
        for (const Choice &c : choices) {
            if (text.compare(c.value, Qt::CaseInsensitive) == 0 || text.compare(c.label, Qt::CaseInsensitive) == 0) {
                *ok = true;
                return c.value;
            }
        }
        QStringList names; // as the pick list shows them
        for (const Choice &c : choices)
            names << c.label;
        fail(reason, QStringLiteral("\"%1\" is not one of %2").arg(text, names.join(QStringLiteral(", "))));
        return {};
    }
    }
    return {};
}

std::vector<Choice> choicesOf(ChoiceSet set, const Catalog &catalog)
{
    std::vector<Choice> out;
    const auto add = [&out](const auto &values) {
        for (const auto v : values)
            out.push_back({toSpecName(v), displayName(v)});
    };
    switch (set) {
    case ChoiceSet::None:
        break;
    case ChoiceSet::FacilityKinds:
        add(std::array{FacilityKind::Greenfield, FacilityKind::Retrofit, FacilityKind::Colocation});
        break;
    case ChoiceSet::FacilityCoolings:
        add(std::array{FacilityCooling::Air, FacilityCooling::Dlc, FacilityCooling::Immersion});
        break;
    case ChoiceSet::Ownerships:
        add(std::array{SiteOwnership::Own, SiteOwnership::CloudPartner});
        break;
    case ChoiceSet::PowerKinds:
        add(std::array{PowerKind::Grid, PowerKind::GasCcgt, PowerKind::GasSimpleCycle, PowerKind::GasAero,
                       PowerKind::RecipEngine, PowerKind::MobileTurbine, PowerKind::Bess});
        break;
    case ChoiceSet::CoolingPlantKinds:
        add(std::array{CoolingPlantKind::Chiller, CoolingPlantKind::RentalChiller});
        break;
    case ChoiceSet::Accelerators:
        for (const AcceleratorSpec &spec : catalog.accelerators())
            out.push_back({spec.id, spec.displayName});
        break;
    case ChoiceSet::ResidualValues:
        add(std::array{ResidualValue::None, ResidualValue::Book});
        break;
    case ChoiceSet::YesNo:
        out.push_back({QStringLiteral("false"), QStringLiteral("No")});
        out.push_back({QStringLiteral("true"), QStringLiteral("Yes")});
        break;
    }
    return out;
}

} // namespace cp
