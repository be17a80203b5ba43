// Writing the exchange format in its canonical form, so that write -> read -> write and
// export -> import -> export give the same bytes.

#include "io/scenariojson.h"

#include "domain/kinds.h"
#include "fields/fieldtable.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>

namespace cp::io {

namespace {

using ordered = nlohmann::ordered_json;

constexpr double kTwoTo53 = 9007199254740992.0;

// Whole numbers within +-2^53 as integers (45000, not 45000.0); others in nlohmann's shortest
// round-trip form. Non-finite values never reach a file: they are written as null, which the
// reader refuses, rather than as text no JSON reader accepts.
ordered number(double value)
{
    if (!std::isfinite(value))
        return ordered(nullptr);
    if (std::trunc(value) == value && std::abs(value) <= kTwoTo53)
        return ordered(static_cast<std::int64_t>(value));
    return ordered(value);
}

ordered threePoint(const ThreePoint &value)
{
    if (value.isFixed())
        return number(value.mode);
    ordered object = ordered::object();
    object["low"] = number(value.low);
    object["mode"] = number(value.mode);
    object["high"] = number(value.high);
    return object;
}

std::string text(const QString &value)
{
    return value.toStdString();
}

void put(ordered &object, const char *key, const std::optional<ThreePoint> &value)
{
    if (value)
        object[key] = threePoint(*value);
}

void put(ordered &object, const char *key, const std::optional<Month> &value)
{
    if (value)
        object[key] = text(value->toIso());
}

// Optimizer inputs, written only when present so plans without them keep their bytes.
void putOptimizerInputs(ordered &o, bool optional, const std::optional<OrderWindow> &orderWindow,
                        const std::optional<RetireWindow> &retireWindow)
{
    if (optional)
        o["optional"] = true;
    if (orderWindow) {
        ordered w = ordered::object();
        w["earliest"] = text(orderWindow->earliest.toIso());
        w["latest"] = text(orderWindow->latest.toIso());
        o["orderWindow"] = std::move(w);
    }
    if (retireWindow) {
        ordered w = ordered::object();
        w["earliest"] = text(retireWindow->earliest.toIso());
        w["latest"] = text(retireWindow->latest.toIso());
        if (retireWindow->none)
            w["none"] = true;
        o["retireWindow"] = std::move(w);
    }
}

// One walked row's member: a plain value always, an optional one only when set.
void putValue(ordered &o, const char *key, double value)
{
    o[key] = number(value);
}
void putValue(ordered &o, const char *key, int value)
{
    o[key] = value;
}
void putValue(ordered &o, const char *key, const ThreePoint &value)
{
    o[key] = threePoint(value);
}
void putValue(ordered &o, const char *key, const Month &value)
{
    o[key] = text(value.toIso());
}
template<typename T> void putValue(ordered &o, const char *key, const std::optional<T> &value)
{
    if (value)
        putValue(o, key, *value);
}

// Writes the fields of `item` in the table's order (fields/fieldtable.cpp), which is the file's
// key order; a row written by hand goes to byHand(key) at its place.
template<typename Item, typename ByHand> ordered fieldsJson(const Item &item, ByHand &&byHand)
{
    ordered o = ordered::object();
    for (const FieldRow<Item> &row : fieldRows<Item>()) {
        if (row.presence == FieldPresence::ByHand)
            byHand(o, QStringView(row.info.key));
        else
            visitMember(item, row, [&](const auto &value) { putValue(o, row.jsonKey.constData(), value); });
    }
    return o;
}

ordered facilityJson(const Facility &f)
{
    return fieldsJson(f, [&](ordered &o, QStringView key) {
        if (key == u"kind")
            o["kind"] = text(toSpecName(f.kind));
        else if (key == u"cooling")
            o["cooling"] = text(toSpecName(f.cooling));
    });
}

ordered trancheJson(const ComputeTranche &t)
{
    return fieldsJson(t, [&](ordered &o, QStringView key) {
        if (key == u"name") {
            o["name"] = text(t.name);
        } else if (key == u"accelerator") {
            o["accelerator"] = text(t.accelerator);
        } else if (key == u"orderMonth") {
            if (t.orderAfterFacilityReadyMonths) { // the link replaces the month it gives (section 3)
                ordered link = ordered::object();
                link["plusMonths"] = *t.orderAfterFacilityReadyMonths;
                o["orderAfterFacilityReady"] = std::move(link);
            } else {
                o["orderMonth"] = text(t.orderMonth.toIso());
            }
        } else if (key == u"optional") {
            putOptimizerInputs(o, t.optional, t.orderWindow, std::nullopt);
        }
    });
}

ordered powerSourceJson(const PowerSource &p)
{
    const bool bess = p.kind == PowerKind::Bess;
    return fieldsJson(p, [&](ordered &o, QStringView key) {
        if (key == u"name") {
            o["name"] = text(p.name);
        } else if (key == u"kind") {
            o["kind"] = text(toSpecName(p.kind));
        } else if (key == u"capacityMw") {
            if (!bess)
                o["capacityMw"] = number(p.capacityMw);
        } else if (key == u"powerMw") {
            if (bess)
                o["powerMw"] = number(p.powerMw);
        } else if (key == u"energyMwh") {
            if (bess)
                o["energyMwh"] = number(p.energyMwh);
        } else if (key == u"retireMonth") {
            if (p.retireAfter) { // the link replaces the month it gives (section 3)
                ordered link = ordered::object();
                link["source"] = text(p.retireAfter->source);
                link["plusMonths"] = p.retireAfter->plusMonths;
                o["retireAfter"] = std::move(link);
            } else {
                put(o, "retireMonth", p.retireMonth);
            }
        } else if (key == u"optional") {
            putOptimizerInputs(o, p.optional, p.orderWindow, p.retireWindow);
        }
    });
}

ordered coolingPlantJson(const CoolingPlant &c)
{
    return fieldsJson(c, [&](ordered &o, QStringView key) {
        if (key == u"name")
            o["name"] = text(c.name);
        else if (key == u"kind")
            o["kind"] = text(toSpecName(c.kind));
        else if (key == u"optional")
            putOptimizerInputs(o, c.optional, c.orderWindow, c.retireWindow);
    });
}

template<typename Item> ordered list(const std::vector<Item> &items, ordered (*toJson)(const Item &))
{
    ordered array = ordered::array();
    for (const Item &item : items)
        array.push_back(toJson(item));
    return array;
}

ordered siteJson(const Site &s)
{
    ordered o = ordered::object();
    o["name"] = text(s.name);
    if (!s.country.isEmpty())
        o["country"] = text(s.country);
    o["ownership"] = text(toSpecName(s.ownership));
    put(o, "pue", s.pue);
    o["facility"] = facilityJson(s.facility);
    o["compute"] = list(s.compute, &trancheJson);
    o["power"] = list(s.power, &powerSourceJson);
    o["cooling"] = list(s.cooling, &coolingPlantJson);
    return o;
}

ordered scenarioJson(const Scenario &s)
{
    ordered o = ordered::object();
    o["format"] = "clusterplan.scenario";
    o["formatVersion"] = 1;
    o["name"] = text(s.name);
    o["description"] = text(s.description);
    o["startMonth"] = text(s.startMonth.toIso());
    o["horizonMonths"] = s.horizonMonths;
    ordered assumptions = ordered::object();
    assumptions["discountRatePct"] = number(s.assumptions.discountRatePct);
    assumptions["electricityUsdPerMwh"] = threePoint(s.assumptions.electricityUsdPerMwh);
    assumptions["gasUsdPerMmbtu"] = threePoint(s.assumptions.gasUsdPerMmbtu);
    assumptions["utilizationPct"] = number(s.assumptions.utilizationPct);
    ordered years = ordered::object();
    years["compute"] = number(s.assumptions.depreciationYears.compute);
    years["facility"] = number(s.assumptions.depreciationYears.facility);
    years["power"] = number(s.assumptions.depreciationYears.power);
    years["cooling"] = number(s.assumptions.depreciationYears.cooling);
    assumptions["depreciationYears"] = std::move(years);
    // Returns: written only when stated, so a v1 file round-trips unchanged.
    const Assumptions &a = s.assumptions;
    put(assumptions, "computePriceUsdPerAcceleratorHour", a.computePriceUsdPerAcceleratorHour);
    if (a.burnInMonths)
        assumptions["burnInMonths"] = *a.burnInMonths;
    if (a.residualValue)
        assumptions["residualValue"] = text(toSpecName(*a.residualValue));
    if (a.residualPctOfBook) {
        ordered shares = ordered::object();
        shares["compute"] = number(a.residualPctOfBook->compute);
        shares["facility"] = number(a.residualPctOfBook->facility);
        shares["power"] = number(a.residualPctOfBook->power);
        shares["cooling"] = number(a.residualPctOfBook->cooling);
        assumptions["residualPctOfBook"] = std::move(shares);
    }
    o["assumptions"] = std::move(assumptions);
    o["sites"] = list(s.sites, &siteJson);
    return o;
}

QByteArray serialize(const ordered &document)
{
    // UTF-8 as is (no \u escapes for non-ASCII); invalid UTF-8 in a name is replaced, not fatal.
    const std::string text = document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    QByteArray bytes(text.data(), static_cast<qsizetype>(text.size()));
    bytes.append('\n');
    return bytes;
}

} // namespace

QByteArray writeScenarioJson(const Scenario &scenario)
{
    return serialize(scenarioJson(scenario));
}

} // namespace cp::io
