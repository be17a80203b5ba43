#include "io/resultjson.h"

#include "io/jsontextwriter.h"
#include "solver/textformat.h"

#include <algorithm>
#include <cstddef>

namespace cp::io {

namespace {

using solver::Kpis;
using solver::MonthlySeries;

void monthField(JsonTextWriter &w, const char *name, const std::optional<int> &absMonth)
{
    w.key(name);
    if (absMonth)
        w.value(solver::text::monthIso(*absMonth));
    else
        w.null();
}

void optionalField(JsonTextWriter &w, const char *name, const std::optional<double> &value)
{
    w.key(name);
    if (value)
        w.value(*value);
    else
        w.null();
}

void writeKpis(JsonTextWriter &w, const Kpis &k)
{
    w.beginObject();
    w.field("totalCapexUsd", k.totalCapexUsd);
    w.key("capexByCategory");
    w.beginObject();
    for (int c = 0; c < solver::kCapexCategories; ++c)
        w.field(solver::capexCategoryName(static_cast<solver::CapexCategory>(c)), k.capexByCategory[static_cast<std::size_t>(c)]);
    w.endObject();
    w.field("totalOpexUsd", k.totalOpexUsd);
    w.key("opexByCategory");
    w.beginObject();
    for (int c = 0; c < solver::kOpexCategories; ++c)
        w.field(solver::opexCategoryName(static_cast<solver::OpexCategory>(c)), k.opexByCategory[static_cast<std::size_t>(c)]);
    w.endObject();
    w.field("npvCostUsd", k.npvCostUsd);
    monthField(w, "firstComputeMonth", k.firstComputeMonth);
    monthField(w, "fullPowerMonth", k.fullPowerMonth);
    w.field("peakItMw", k.peakItMw);
    w.field("peakFacilityMw", k.peakFacilityMw);
    w.field("energyMwh", k.energyMwh);
    w.field("strandedAcceleratorMonths", k.strandedAcceleratorMonths);
    w.field("peakBf16Pflops", k.peakBf16Pflops);
    w.field("depreciationUsd", k.depreciationUsd);
    optionalField(w, "costPerAcceleratorHourUsd", k.costPerAcceleratorHourUsd);
    w.field("plannedAccelerators", k.plannedAccelerators);
    w.field("peakEnergized", k.peakEnergized);
    if (k.returnsStated) { // docs/methodology.md, "Returns"; absent for a plan that states none
        w.field("revenueUsd", k.revenueUsd);
        w.field("npvRevenueUsd", k.npvRevenueUsd);
        w.field("residualValueUsd", k.residualValueUsd);
        w.field("npvResidualValueUsd", k.npvResidualValueUsd);
        w.field("npvNetUsd", k.npvNetUsd);
        optionalField(w, "irrPct", k.irrPct);
        monthField(w, "paybackMonth", k.paybackMonth);
        optionalField(w, "levelizedCostPerAcceleratorHourUsd", k.levelizedCostPerAcceleratorHourUsd);
        w.field("strandedValueUsd", k.strandedValueUsd);
    }
    w.endObject();
}

void writeArray(JsonTextWriter &w, const char *name, const Eigen::ArrayXd &values)
{
    w.key(name);
    w.beginArray();
    for (Eigen::Index m = 0; m < values.size(); ++m)
        w.value(values[m]);
    w.endArray();
}

void writeMonthly(JsonTextWriter &w, const MonthlySeries &s, bool returns)
{
    w.beginObject();
    writeArray(w, "delivered", s.delivered);
    writeArray(w, "energized", s.energized);
    writeArray(w, "stranded", s.stranded);
    writeArray(w, "itMw", s.itMw);
    writeArray(w, "facilityMw", s.facilityMw);
    writeArray(w, "powerMw", s.powerMw);
    writeArray(w, "energyMwh", s.energyMwh);
    writeArray(w, "capexUsd", s.capexUsd);
    writeArray(w, "opexUsd", s.opexUsd);
    writeArray(w, "depreciationUsd", s.depreciationUsd);
    w.key("binding");
    w.beginArray();
    for (const solver::Binding b : s.binding)
        w.value(solver::bindingName(b));
    w.endArray();
    writeArray(w, "coolingMw", s.coolingMw);
    writeArray(w, "bessMw", s.bessMw);
    writeArray(w, "bf16Pflops", s.bf16Pflops);
    if (returns) {
        writeArray(w, "revenueUsd", s.revenueUsd);
        writeArray(w, "residualValueUsd", s.residualValueUsd);
        writeArray(w, "netCashFlowUsd", s.netCashFlowUsd);
    }
    w.endObject();
}

} // namespace

QByteArray writeResultJson(const solver::Result &result)
{
    JsonTextWriter w;
    // About ten bytes a number: up to 16 monthly arrays for the portfolio and each site.
    constexpr std::size_t kBytesPerNumber = 10;
    constexpr std::size_t kArraysPerSeries = 16;
    w.reserve((result.sites.size() + 1) * kArraysPerSeries * kBytesPerNumber * static_cast<std::size_t>(std::max(0, result.horizonMonths))
              + 65536);
    w.beginObject();
    w.field("scenario", std::string_view(result.scenario));
    w.key("months");
    w.beginArray();
    for (int m = 0; m < result.horizonMonths; ++m)
        w.value(solver::text::monthIso(result.startMonth + m));
    w.endArray();
    w.key("kpis");
    writeKpis(w, result.kpis);
    w.key("monthly");
    writeMonthly(w, result.monthly, result.kpis.returnsStated);
    w.key("warnings");
    w.beginObjectArray();
    for (const solver::Warning &warning : result.warnings) {
        w.beginObject();
        w.field("site", std::string_view(warning.site));
        w.field("item", std::string_view(warning.item));
        w.field("code", std::string_view(warning.code));
        w.field("message", std::string_view(warning.message));
        w.endObject();
    }
    w.endObjectArray();
    w.key("sites");
    w.beginObjectArray();
    for (const solver::SiteResult &site : result.sites) {
        w.beginObject();
        w.field("name", std::string_view(site.name));
        w.field("readyMonth", std::string_view(solver::text::monthIso(site.readyMonth)));
        w.key("kpis");
        writeKpis(w, site.kpis);
        w.key("monthly");
        writeMonthly(w, site.monthly(), result.kpis.returnsStated);
        w.endObject();
    }
    w.endObjectArray();
    w.endObject();
    const std::string text = w.take();
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace cp::io
