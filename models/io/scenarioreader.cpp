// Reading the exchange format: structure and types here, value rules in validateScenario.

#include "io/scenariojson.h"

#include "catalog/catalog.h"
#include "fields/fieldtable.h"
#include "domain/kinds.h"
#include "domain/linkeddates.h"
#include "fields/validation.h"
#include "domain/numbertext.h"
#include "domain/strictjson.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <climits>
#include <cmath>
#include <type_traits>

namespace cp::io {

namespace {

using json = nlohmann::json;

QString typeName(const json &value)
{
    switch (value.type()) {
    case json::value_t::null:
        return QStringLiteral("null");
    case json::value_t::object:
        return QStringLiteral("an object");
    case json::value_t::array:
        return QStringLiteral("a list");
    case json::value_t::string:
        return QStringLiteral("text");
    case json::value_t::boolean:
        return QStringLiteral("true/false");
    default:
        return QStringLiteral("a number");
    }
}

template<typename Enum, std::size_t N> QString choices(const std::array<Enum, N> &values)
{
    QStringList names;
    for (const Enum value : values)
        names << toSpecName(value);
    return names.join(QStringLiteral(", "));
}

constexpr std::array kFacilityKinds { FacilityKind::Greenfield, FacilityKind::Retrofit, FacilityKind::Colocation };
constexpr std::array kFacilityCoolings { FacilityCooling::Air, FacilityCooling::Dlc, FacilityCooling::Immersion };
constexpr std::array kOwnerships { SiteOwnership::Own, SiteOwnership::CloudPartner };
constexpr std::array kPowerKinds { PowerKind::Grid,    PowerKind::GasCcgt,     PowerKind::GasSimpleCycle,
                                   PowerKind::GasAero, PowerKind::RecipEngine, PowerKind::MobileTurbine,
                                   PowerKind::Bess };
constexpr std::array kCoolingPlantKinds { CoolingPlantKind::Chiller, CoolingPlantKind::RentalChiller };
constexpr std::array kResidualValues { ResidualValue::None, ResidualValue::Book };

enum class Need { Optional, Required };

// Walks the document, building a Scenario and collecting every structural problem (missing
// fields, wrong types, malformed months, unknown kinds, bad three-point objects) with its path.
class Reader
{
public:
    std::vector<Problem> problems;
    std::size_t items = 0; // compute, power and cooling items read so far, all sites together

    void add(const QString &path, const QString &message) { problems.push_back(Problem { QString(), path, message }); }

    // The member `key` of `object`, or nullptr (reporting it when required).
    const json *member(const json &object, const QString &path, const char *key, Need need)
    {
        const auto it = object.find(key);
        if (it == object.end()) {
            if (need == Need::Required)
                add(jsonPathKey(path, QLatin1String(key)), QStringLiteral("required field is missing"));
            return nullptr;
        }
        return &*it;
    }

    const json *object(const json &parent, const QString &path, const char *key, Need need)
    {
        const json *value = member(parent, path, key, need);
        if (value && !value->is_object()) {
            add(jsonPathKey(path, QLatin1String(key)), QStringLiteral("must be an object, not ") + typeName(*value));
            return nullptr;
        }
        return value;
    }

    const json *array(const json &parent, const QString &path, const char *key, Need need)
    {
        const json *value = member(parent, path, key, need);
        if (value && !value->is_array()) {
            add(jsonPathKey(path, QLatin1String(key)), QStringLiteral("must be a list, not ") + typeName(*value));
            return nullptr;
        }
        return value;
    }

    std::optional<double> number(const json &parent, const QString &path, const char *key, Need need)
    {
        const json *value = member(parent, path, key, need);
        if (!value)
            return std::nullopt;
        return numberValue(*value, jsonPathKey(path, QLatin1String(key)));
    }

    // A whole-number field: any JSON number with an integral value (10, 10.0).
    // `rangeText`: what to say when the number is beyond an int (rangeOf() for a scenario
    // field: its bounds as declared once, which validateScenario checks).
    std::optional<int> wholeNumber(const json &parent, const QString &path, const char *key, Need need,
                                   const QString &rangeText)
    {
        const std::optional<double> value = number(parent, path, key, need);
        if (!value)
            return std::nullopt;
        const QString at = jsonPathKey(path, QLatin1String(key));
        if (std::trunc(*value) != *value) {
            add(at, QStringLiteral("must be a whole number (found %1)").arg(numberText(*value)));
            return std::nullopt;
        }
        if (*value < INT_MIN || *value > INT_MAX) {
            add(at, rangeText + QStringLiteral(" (found %1)").arg(numberText(*value)));
            return std::nullopt;
        }
        return static_cast<int>(*value);
    }

    std::optional<QString> string(const json &parent, const QString &path, const char *key, Need need)
    {
        const json *value = member(parent, path, key, need);
        if (!value)
            return std::nullopt;
        if (!value->is_string()) {
            add(jsonPathKey(path, QLatin1String(key)), QStringLiteral("must be text, not ") + typeName(*value));
            return std::nullopt;
        }
        return QString::fromStdString(value->get<std::string>());
    }

    std::optional<Month> month(const json &parent, const QString &path, const char *key, Need need)
    {
        const std::optional<QString> text = string(parent, path, key, need);
        if (!text)
            return std::nullopt;
        const std::optional<Month> parsed = Month::parse(*text);
        if (!parsed) {
            add(jsonPathKey(path, QLatin1String(key)),
                QStringLiteral("\"%1\" is not a month; write YYYY-MM, e.g. 2025-03").arg(quotedText(*text)));
        }
        return parsed;
    }

    std::optional<bool> boolean(const json &parent, const QString &path, const char *key, Need need)
    {
        const json *value = member(parent, path, key, need);
        if (!value)
            return std::nullopt;
        if (!value->is_boolean()) {
            add(jsonPathKey(path, QLatin1String(key)), QStringLiteral("must be true or false, not ") + typeName(*value));
            return std::nullopt;
        }
        return value->get<bool>();
    }

    // {"earliest": "YYYY-MM", "latest": "YYYY-MM"} (an order window), with "none": true/false
    // allowed when `withNone` (a retire window). Value rules (earliest <= latest) are validation's.
    std::optional<RetireWindow> window(const json &parent, const QString &path, const char *key, bool withNone)
    {
        const json *value = object(parent, path, key, Need::Optional);
        if (!value)
            return std::nullopt;
        const QString at = jsonPathKey(path, QLatin1String(key));
        bool ok = true;
        for (const auto &[name, item] : value->items()) {
            if (name != "earliest" && name != "latest" && !(withNone && name == "none")) {
                add(at, QStringLiteral("a window has the keys earliest and latest%1; \"%2\" is not one of them")
                            .arg(withNone ? QStringLiteral(" (and none)") : QString(), QString::fromStdString(name)));
                ok = false;
            }
        }
        const std::optional<Month> earliest = month(*value, at, "earliest", Need::Required);
        const std::optional<Month> latest = month(*value, at, "latest", Need::Required);
        const std::optional<bool> none = withNone ? boolean(*value, at, "none", Need::Optional) : std::nullopt;
        if (!ok || !earliest || !latest)
            return std::nullopt;
        return RetireWindow { *earliest, *latest, none.value_or(false) };
    }

    // A linked date (docs/scenario-format.md, section 3): {"plusMonths": n}, with "source": "name"
    // when `withSource` (a retirement linked to another source). Whether the name exists is
    // validation's.
    struct Link {
        QString source;
        int plusMonths = 0;
    };
    std::optional<Link> link(const json &parent, const QString &path, const char *key, bool withSource)
    {
        const json *value = object(parent, path, key, Need::Optional);
        if (!value)
            return std::nullopt;
        const QString at = jsonPathKey(path, QLatin1String(key));
        bool ok = true;
        for (const auto &[name, item] : value->items()) {
            if (name != "plusMonths" && !(withSource && name == "source")) {
                add(at, QStringLiteral("a link has the keys %1plusMonths; \"%2\" is not one of them")
                            .arg(withSource ? QStringLiteral("source and ") : QString(), QString::fromStdString(name)));
                ok = false;
            }
        }
        Link out;
        if (withSource) {
            const std::optional<QString> source = string(*value, at, "source", Need::Required);
            ok = ok && source.has_value();
            out.source = source.value_or(QString());
        }
        const std::optional<int> plus = wholeNumber(*value, at, "plusMonths", Need::Required,
                                                    QStringLiteral("must be a whole number of months from -600 to 600"));
        if (!ok || !plus)
            return std::nullopt;
        out.plusMonths = *plus;
        return out;
    }

    std::optional<OrderWindow> orderWindow(const json &parent, const QString &path)
    {
        const std::optional<RetireWindow> w = window(parent, path, "orderWindow", false);
        return w ? std::optional(OrderWindow { w->earliest, w->latest }) : std::nullopt;
    }

    // A number, or {"low": a, "mode": b, "high": c} with exactly those keys
    // (docs/scenario-format.md, section 2).
    std::optional<ThreePoint> threePoint(const json &parent, const QString &path, const char *key, Need need)
    {
        const json *value = member(parent, path, key, need);
        if (!value)
            return std::nullopt;
        const QString at = jsonPathKey(path, QLatin1String(key));
        if (value->is_number()) {
            const std::optional<double> v = numberValue(*value, at);
            return v ? std::optional(ThreePoint::fixed(*v)) : std::nullopt;
        }
        if (!value->is_object()) {
            add(at,
                QStringLiteral("must be a number or {\"low\": ..., \"mode\": ..., \"high\": ...}, not ")
                    + typeName(*value));
            return std::nullopt;
        }
        bool ok = true;
        for (const auto &[name, item] : value->items()) {
            if (name != "low" && name != "mode" && name != "high") {
                add(at,
                    QStringLiteral(
                        "a three-point value has exactly the keys low, mode and high; \"%1\" is not one of them")
                        .arg(QString::fromStdString(name)));
                ok = false;
            }
        }
        ThreePoint result;
        const std::pair<const char *, double *> parts[]
            = { { "low", &result.low }, { "mode", &result.mode }, { "high", &result.high } };
        for (const auto &[name, target] : parts) {
            const auto it = value->find(name);
            if (it == value->end()) {
                add(at,
                    QStringLiteral("a three-point value needs low, mode and high; \"%1\" is missing")
                        .arg(QLatin1String(name)));
                ok = false;
                continue;
            }
            const std::optional<double> v = numberValue(*it, jsonPathKey(at, QLatin1String(name)));
            if (v)
                *target = *v;
            else
                ok = false;
        }
        return ok ? std::optional(result) : std::nullopt;
    }

    template<typename Enum, std::size_t N>
    std::optional<Enum> kind(const json &parent, const QString &path, const char *key, Need need,
                             std::optional<Enum> (*fromSpec)(QStringView), const std::array<Enum, N> &all,
                             const char *what)
    {
        const std::optional<QString> text = string(parent, path, key, need);
        if (!text)
            return std::nullopt;
        const std::optional<Enum> value = fromSpec(*text);
        if (!value) {
            add(jsonPathKey(path, QLatin1String(key)),
                QStringLiteral("unknown %1 \"%2\"; use one of %3").arg(QLatin1String(what), quotedText(*text), choices(all)));
        }
        return value;
    }

private:
    std::optional<double> numberValue(const json &value, const QString &at)
    {
        if (!value.is_number()) {
            add(at, QStringLiteral("must be a number, not ") + typeName(value));
            return std::nullopt;
        }
        const double v = value.get<double>();
        if (!std::isfinite(v)) { // cannot come from the parser, which refuses 1e999; kept for safety
            add(at, QStringLiteral("must be a finite number"));
            return std::nullopt;
        }
        return v;
    }
};

template<typename T> void assign(T &target, const std::optional<T> &value)
{
    if (value)
        target = *value;
}

// "Count must be a whole number from 1 to 10,000,000": the field's bounds as the editor declares them.
QString rangeOf(const FieldInfo &field)
{
    return field.label + QLatin1Char(' ') + field.rangeRule();
}

// The returns inputs of the assumptions (docs/methodology.md, "Returns").
void readReturns(Reader &r, const json &object, const QString &path, Assumptions &a)
{
    a.computePriceUsdPerAcceleratorHour = r.threePoint(object, path, "computePriceUsdPerAcceleratorHour", Need::Optional);
    a.burnInMonths = r.wholeNumber(object, path, "burnInMonths", Need::Optional,
                                   rangeOf(*fieldInfo(FieldPath::assumptions(QStringLiteral("burnInMonths")))));
    a.residualValue = r.kind(object, path, "residualValue", Need::Optional, &residualValueFromSpec, kResidualValues,
                             "residual value");
    const QString pctPath = jsonPathKey(path, u"residualPctOfBook");
    if (const json *pct = r.object(object, path, "residualPctOfBook", Need::Optional)) {
        ResidualPctOfBook shares;
        assign(shares.compute, r.number(*pct, pctPath, "compute", Need::Optional));
        assign(shares.facility, r.number(*pct, pctPath, "facility", Need::Optional));
        assign(shares.power, r.number(*pct, pctPath, "power", Need::Optional));
        assign(shares.cooling, r.number(*pct, pctPath, "cooling", Need::Optional));
        a.residualPctOfBook = shares;
    }
}

void readAssumptions(Reader &r, const json &document, Assumptions &a)
{
    const QString path = QStringLiteral("assumptions");
    const json *object = r.object(document, QString(), "assumptions", Need::Optional);
    if (!object)
        return;
    assign(a.discountRatePct, r.number(*object, path, "discountRatePct", Need::Optional));
    assign(a.electricityUsdPerMwh, r.threePoint(*object, path, "electricityUsdPerMwh", Need::Optional));
    assign(a.gasUsdPerMmbtu, r.threePoint(*object, path, "gasUsdPerMmbtu", Need::Optional));
    assign(a.utilizationPct, r.number(*object, path, "utilizationPct", Need::Optional));
    const QString yearsPath = jsonPathKey(path, u"depreciationYears");
    if (const json *years = r.object(*object, path, "depreciationYears", Need::Optional)) {
        assign(a.depreciationYears.compute, r.number(*years, yearsPath, "compute", Need::Optional));
        assign(a.depreciationYears.facility, r.number(*years, yearsPath, "facility", Need::Optional));
        assign(a.depreciationYears.power, r.number(*years, yearsPath, "power", Need::Optional));
        assign(a.depreciationYears.cooling, r.number(*years, yearsPath, "cooling", Need::Optional));
    }
    readReturns(r, *object, path, a);
}

// One walked row's member, as the file states it: a required field must be there, a defaulted or
// optional one may be left out (the struct's default stands, or the optional stays empty).
void readValue(Reader &r, const json &o, const QString &path, const char *key, Need need, const FieldInfo &,
               double &target)
{
    assign(target, r.number(o, path, key, need));
}
void readValue(Reader &r, const json &o, const QString &path, const char *key, Need, const FieldInfo &,
               std::optional<double> &target)
{
    target = r.number(o, path, key, Need::Optional);
}
void readValue(Reader &r, const json &o, const QString &path, const char *key, Need need, const FieldInfo &info,
               int &target)
{
    assign(target, r.wholeNumber(o, path, key, need, rangeOf(info)));
}
void readValue(Reader &r, const json &o, const QString &path, const char *key, Need need, const FieldInfo &,
               ThreePoint &target)
{
    assign(target, r.threePoint(o, path, key, need));
}
void readValue(Reader &r, const json &o, const QString &path, const char *key, Need, const FieldInfo &,
               std::optional<ThreePoint> &target)
{
    target = r.threePoint(o, path, key, Need::Optional);
}
void readValue(Reader &r, const json &o, const QString &path, const char *key, Need need, const FieldInfo &,
               Month &target)
{
    assign(target, r.month(o, path, key, need));
}
void readValue(Reader &r, const json &o, const QString &path, const char *key, Need, const FieldInfo &,
               std::optional<Month> &target)
{
    target = r.month(o, path, key, Need::Optional);
}

// Reads the fields of `item` in the table's order (fields/fieldtable.cpp); a row read by hand
// goes to byHand(key) at its place, so problems come in the order of the file's keys.
template<typename Item, typename ByHand>
void readFields(Reader &r, const json &object, const QString &path, Item &item, ByHand &&byHand)
{
    for (const FieldRow<Item> &row : fieldRows<Item>()) {
        if (row.presence == FieldPresence::ByHand) {
            byHand(QStringView(row.info.key));
            continue;
        }
        const Need need = row.presence == FieldPresence::Required ? Need::Required : Need::Optional;
        visitMember(item, row, [&](auto &target) {
            readValue(r, object, path, row.jsonKey.constData(), need, row.info, target);
        });
    }
}

void readFacility(Reader &r, const json &site, const QString &sitePath, Facility &f)
{
    const json *object = r.object(site, sitePath, "facility", Need::Required);
    if (!object)
        return;
    const QString path = jsonPathKey(sitePath, u"facility");
    readFields(r, *object, path, f, [&](QStringView key) {
        if (key == u"kind")
            assign(f.kind, r.kind(*object, path, "kind", Need::Optional, &facilityKindFromSpec, kFacilityKinds,
                                  "facility kind"));
        else if (key == u"cooling")
            assign(f.cooling, r.kind(*object, path, "cooling", Need::Optional, &facilityCoolingFromSpec,
                                     kFacilityCoolings, "facility cooling"));
    });
}

// The optimizer's inputs, read by hand at the row "optional": the flag, then the windows.
template<typename Item> void readOptimizerInputs(Reader &r, const json &object, const QString &path, Item &item)
{
    assign(item.optional, r.boolean(object, path, "optional", Need::Optional));
    item.orderWindow = r.orderWindow(object, path);
    if constexpr (!std::is_same_v<Item, ComputeTranche>)
        item.retireWindow = r.window(object, path, "retireWindow", true);
}

void readTranche(Reader &r, const json &object, const QString &path, ComputeTranche &t)
{
    readFields(r, object, path, t, [&](QStringView key) {
        if (key == u"name") {
            assign(t.name, r.string(object, path, "name", Need::Required));
        } else if (key == u"accelerator") {
            assign(t.accelerator, r.string(object, path, "accelerator", Need::Required));
        } else if (key == u"orderMonth") {
            // Ordered relative to the facility's ready month: the link replaces orderMonth.
            if (const auto link = r.link(object, path, "orderAfterFacilityReady", false))
                t.orderAfterFacilityReadyMonths = link->plusMonths;
            const bool linked = object.contains("orderAfterFacilityReady");
            if (linked && object.contains("orderMonth"))
                r.add(jsonPathKey(path, u"orderAfterFacilityReady"),
                      QStringLiteral("an order linked to the facility's ready month has no orderMonth of its own; "
                                     "state orderMonth or orderAfterFacilityReady, not both"));
            else if (!linked)
                assign(t.orderMonth, r.month(object, path, "orderMonth", Need::Required));
        } else if (key == u"optional") {
            readOptimizerInputs(r, object, path, t);
        }
    });
}

void readPowerSource(Reader &r, const json &object, const QString &path, PowerSource &p)
{
    std::optional<PowerKind> kind;
    readFields(r, object, path, p, [&](QStringView key) {
        // Which size fields are required depends on the kind; with an unknown kind, check none.
        const Need bessNeed = kind == PowerKind::Bess ? Need::Required : Need::Optional;
        const Need otherNeed = kind && *kind != PowerKind::Bess ? Need::Required : Need::Optional;
        if (key == u"name") {
            assign(p.name, r.string(object, path, "name", Need::Required));
        } else if (key == u"kind") {
            kind = r.kind(object, path, "kind", Need::Required, &powerKindFromSpec, kPowerKinds, "power source kind");
            assign(p.kind, kind);
        } else if (key == u"capacityMw") {
            if (!kind || *kind != PowerKind::Bess)
                assign(p.capacityMw, r.number(object, path, "capacityMw", otherNeed));
        } else if (key == u"powerMw" || key == u"energyMwh") {
            if (!kind || *kind == PowerKind::Bess)
                assign(key == u"powerMw" ? p.powerMw : p.energyMwh,
                       r.number(object, path, key == u"powerMw" ? "powerMw" : "energyMwh", bessNeed));
        } else if (key == u"retireMonth") {
            p.retireMonth = r.month(object, path, "retireMonth", Need::Optional);
            if (const auto link = r.link(object, path, "retireAfter", true)) {
                p.retireAfter = RetireAfter{link->source, link->plusMonths};
                if (p.retireMonth)
                    r.add(jsonPathKey(path, u"retireAfter"),
                          QStringLiteral("a retirement linked to another source has no retireMonth of its own; state "
                                         "retireMonth or retireAfter, not both"));
            }
        } else if (key == u"optional") {
            readOptimizerInputs(r, object, path, p);
        }
    });
}

void readCoolingPlant(Reader &r, const json &object, const QString &path, CoolingPlant &c)
{
    readFields(r, object, path, c, [&](QStringView key) {
        if (key == u"name")
            assign(c.name, r.string(object, path, "name", Need::Required));
        else if (key == u"kind")
            assign(c.kind, r.kind(object, path, "kind", Need::Required, &coolingPlantKindFromSpec, kCoolingPlantKinds,
                                  "cooling plant kind"));
        else if (key == u"optional")
            readOptimizerInputs(r, object, path, c);
    });
}

// Reads each object of the list `key` of `site` with `readItem`.
template<typename Item, typename ReadItem>
void readItems(Reader &r, const json &site, const QString &sitePath, const char *key, std::vector<Item> &out,
               ReadItem readItem)
{
    const json *list = r.array(site, sitePath, key, Need::Optional);
    if (!list)
        return;
    const QString listPath = jsonPathKey(sitePath, QLatin1String(key));
    if (list->size() > kMaxItemsPerList) { // refused before a million items are built
        r.add(listPath, QStringLiteral("a site may have at most %1 items in a list (found %2)")
                            .arg(QString::number(kMaxItemsPerList), QString::number(list->size())));
        return;
    }
    if (r.items + list->size() > kMaxItems) {
        r.add(listPath, QStringLiteral("a plan may have at most %1 compute, power and cooling items in all; this list "
                                       "brings them to %2")
                            .arg(QString::number(kMaxItems), QString::number(r.items + list->size())));
        return;
    }
    r.items += list->size();
    for (std::size_t i = 0; i < list->size(); ++i) {
        const QString path = jsonPathIndex(listPath, static_cast<qsizetype>(i));
        const json &entry = (*list)[i];
        Item item;
        if (!entry.is_object())
            r.add(path, QStringLiteral("must be an object, not ") + typeName(entry));
        else
            readItem(r, entry, path, item);
        out.push_back(std::move(item));
    }
}

void readSite(Reader &r, const json &object, const QString &path, Site &site)
{
    assign(site.name, r.string(object, path, "name", Need::Required));
    assign(site.country, r.string(object, path, "country", Need::Optional));
    assign(site.ownership,
           r.kind(object, path, "ownership", Need::Optional, &siteOwnershipFromSpec, kOwnerships, "ownership"));
    site.pue = r.threePoint(object, path, "pue", Need::Optional);
    readFacility(r, object, path, site.facility);
    readItems(r, object, path, "compute", site.compute, readTranche);
    readItems(r, object, path, "power", site.power, readPowerSource);
    readItems(r, object, path, "cooling", site.cooling, readCoolingPlant);
    refreshLinkedDates(site); // the months the links give, for the editor and the solve
}

void readDocument(Reader &r, const json &document, Scenario &s)
{
    const QString top;
    const std::optional<QString> format = r.string(document, top, "format", Need::Required);
    if (format && *format != QLatin1String("clusterplan.scenario"))
        r.add(QStringLiteral("format"),
              QStringLiteral("\"%1\" is not a ClusterPlan scenario; format must be \"clusterplan.scenario\"")
                  .arg(quotedText(*format)));
    const std::optional<int> version = r.wholeNumber(document, top, "formatVersion", Need::Required, QStringLiteral("must be 1"));
    if (version && *version != 1) {
        r.add(QStringLiteral("formatVersion"),
              QStringLiteral("version %1 is not supported; this ClusterPlan reads version 1").arg(*version));
    }
    assign(s.name, r.string(document, top, "name", Need::Required));
    assign(s.description, r.string(document, top, "description", Need::Optional));
    assign(s.startMonth, r.month(document, top, "startMonth", Need::Required));
    assign(s.horizonMonths,
           r.wholeNumber(document, top, "horizonMonths", Need::Required,
                         rangeOf(*fieldInfo(FieldPath::scenario(QStringLiteral("horizonMonths"))))));
    readAssumptions(r, document, s.assumptions);
    const json *sites = r.array(document, top, "sites", Need::Required);
    if (!sites)
        return;
    if (sites->size() > kMaxSites) { // refused before a million sites are built
        r.add(QStringLiteral("sites"), QStringLiteral("a plan may have at most %1 sites (found %2)")
                                           .arg(QString::number(kMaxSites), QString::number(sites->size())));
        return;
    }
    for (std::size_t i = 0; i < sites->size(); ++i) {
        const QString path = jsonPathIndex(QStringLiteral("sites"), static_cast<qsizetype>(i));
        const json &entry = (*sites)[i];
        Site site;
        if (!entry.is_object())
            r.add(path, QStringLiteral("must be an object, not ") + typeName(entry));
        else
            readSite(r, entry, path, site);
        s.sites.push_back(std::move(site));
    }
}

// The paths the reader reported, so a validation finding at or inside one of them is known at
// once: a lookup per prefix of the finding's path, linear in the problems, not problems x problems.
class ReportedPaths
{
public:
    explicit ReportedPaths(const std::vector<Problem> &problems)
    {
        for (const Problem &p : problems)
            if (!p.path.isEmpty()) // a document-level problem does not hide field problems
                m_paths.insert(p.path);
    }

    // True when `path` or a parent of it ("sites[0].facility" of "sites[0].facility.itCapacityMw")
    // was reported.
    [[nodiscard]] bool covers(const QString &path) const
    {
        if (m_paths.isEmpty())
            return false;
        if (m_paths.contains(path))
            return true;
        for (qsizetype i = 1; i < path.size(); ++i) {
            const QChar c = path.at(i);
            if ((c == QLatin1Char('.') || c == QLatin1Char('[')) && m_paths.contains(path.left(i)))
                return true;
        }
        return false;
    }

private:
    QSet<QString> m_paths;
};

// The first kMaxReportedProblems, then one line that counts the rest.
void capProblems(std::vector<Problem> &problems)
{
    if (problems.size() <= kMaxReportedProblems)
        return;
    const std::size_t rest = problems.size() - kMaxReportedProblems;
    problems.resize(kMaxReportedProblems);
    problems.push_back(Problem { QString(), QString(),
                                 QStringLiteral("%1 more problems are not listed; fix the ones above and check again")
                                     .arg(rest) });
}

ParseResult finish(std::vector<Problem> problems, std::optional<Scenario> scenario, const QString &file)
{
    ParseResult result;
    for (Problem &p : problems)
        p.file = file;
    result.problems = std::move(problems);
    if (result.problems.empty())
        result.scenario = std::move(scenario);
    return result;
}

} // namespace

ParseResult parseScenarioJson(const QByteArray &bytes, const Catalog &catalog, const QString &fileForMessages)
{
    if (bytes.size() > kMaxScenarioFileBytes) {
        return finish(
            { Problem {
                QString(), QString(),
                QStringLiteral("the document is %1 bytes; scenario files are limited to 64 MiB").arg(bytes.size()) } },
            std::nullopt, fileForMessages);
    }
    StrictJsonError jsonError;
    const std::optional<json> document = parseStrictJson(bytes, &jsonError);
    if (!document)
        return finish({ Problem { QString(), jsonError.path, jsonError.message } }, std::nullopt, fileForMessages);
    if (!document->is_object()) {
        return finish({ Problem { QString(), QString(),
                                  QStringLiteral("the document must be a JSON object, not ") + typeName(*document) } },
                      std::nullopt, fileForMessages);
    }

    Reader reader;
    Scenario scenario;
    readDocument(reader, *document, scenario);

    // Value rules (ranges, catalog ids, unique names) are validateScenario's, shared with the
    // editor. Skip its findings where the reader already reported the field or its parent:
    // a missing count is one problem, not also "0 is not from 1 to 10000000".
    std::vector<Problem> problems = std::move(reader.problems);
    const ReportedPaths reported(problems);
    for (Problem &p : validateScenario(scenario, catalog)) {
        if (!reported.covers(p.path))
            problems.push_back(std::move(p));
    }
    capProblems(problems);
    return finish(std::move(problems), std::move(scenario), fileForMessages);
}

ParseResult readScenarioFile(const QString &path, const Catalog &catalog)
{
    QFile file(path);
    const QFileInfo info(path);
    // A FIFO or device would block the read forever, or never end: only regular files are plans.
    if (info.exists() && !info.isFile()) {
        ParseResult result = finish(
            { Problem { QString(), QString(),
                        info.isDir() ? QStringLiteral("cannot read the file: it is a folder, not a scenario file")
                                     : QStringLiteral("cannot read the file: it is not a regular file (a pipe, device "
                                                      "or socket), so it was not read; give a scenario file saved on "
                                                      "disk") } },
            std::nullopt, path);
        result.unreadable = true;
        return result;
    }
    if (info.exists() && info.isFile() && info.size() > kMaxScenarioFileBytes) {
        return finish(
            { Problem { QString(), QString(),
                        QStringLiteral("the file is %1 MiB; scenario files are limited to 64 MiB, so it was not read")
                            .arg(info.size() / (1024 * 1024)) } },
            std::nullopt, path);
    }
    if (!file.open(QIODevice::ReadOnly)) {
        ParseResult result = finish(
            { Problem { QString(), QString(), QStringLiteral("cannot read the file: ") + file.errorString() } },
            std::nullopt, path);
        result.unreadable = true;
        return result;
    }
    // Read at most one byte past the limit: a file that grew since the check is still refused.
    const QByteArray bytes = file.read(kMaxScenarioFileBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        ParseResult result = finish(
            { Problem { QString(), QString(), QStringLiteral("cannot read the file: ") + file.errorString() } },
            std::nullopt, path);
        result.unreadable = true;
        return result;
    }
    return parseScenarioJson(bytes, catalog, path);
}

} // namespace cp::io
