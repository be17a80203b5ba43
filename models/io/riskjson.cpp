#include "io/riskjson.h"

#include "io/jsontextwriter.h"
#include "solver/textformat.h"

namespace cp::io {

namespace {

void optionalMonth(JsonTextWriter &w, const char *key, const std::optional<int> &absMonth)
{
    w.key(key);
    if (absMonth)
        w.value(solver::text::monthIso(*absMonth));
    else
        w.null();
}

void monthPercentiles(JsonTextWriter &w, const char *key, const solver::MonthPercentiles &p)
{
    w.key(key);
    w.beginObject();
    optionalMonth(w, "p10", p.p10);
    optionalMonth(w, "p50", p.p50);
    optionalMonth(w, "p90", p.p90);
    w.endObject();
}

void valuePercentiles(JsonTextWriter &w, const char *key, const solver::ValuePercentiles &p)
{
    w.key(key);
    w.beginObject();
    w.field("p10", p.p10);
    w.field("p50", p.p50);
    w.field("p90", p.p90);
    w.endObject();
}

void band(JsonTextWriter &w, const char *key, const Eigen::ArrayXd &values)
{
    w.key(key);
    w.beginArray();
    for (Eigen::Index m = 0; m < values.size(); ++m)
        w.value(values[m]);
    w.endArray();
}

void fan(JsonTextWriter &w, const char *key, const solver::FanBands &bands)
{
    w.key(key);
    w.beginObject();
    band(w, "p10", bands.p10);
    band(w, "p50", bands.p50);
    band(w, "p90", bands.p90);
    w.endObject();
}

} // namespace

QByteArray writeRiskJson(const solver::RiskResult &risk)
{
    JsonTextWriter w;
    w.beginObject();
    w.field("trials", static_cast<double>(risk.trials));
    w.field("seed", static_cast<double>(risk.seed));
    w.field("targetMonth", std::string_view(solver::text::monthIso(risk.targetMonth)));
    w.field("inputs", static_cast<double>(risk.inputCount));
    w.key("percentiles");
    w.beginObject();
    monthPercentiles(w, "firstComputeMonth", risk.firstComputeMonth);
    monthPercentiles(w, "fullPowerMonth", risk.fullPowerMonth);
    valuePercentiles(w, "totalCapexUsd", risk.totalCapexUsd);
    valuePercentiles(w, "npvCostUsd", risk.npvCostUsd);
    if (risk.returnsStated) { // docs/methodology.md, "Returns"
        valuePercentiles(w, "npvNetUsd", risk.npvNetUsd);
        if (risk.irrPct) {
            valuePercentiles(w, "irrPct", *risk.irrPct);
        } else {
            w.key("irrPct");
            w.null();
        }
        w.field("irrTrials", static_cast<double>(risk.irrTrials));
    }
    w.endObject();
    w.key("probabilityFullPowerBy");
    w.beginObject();
    w.field("month", std::string_view(solver::text::monthIso(risk.targetMonth)));
    w.field("probability", risk.probabilityFullPowerBy);
    w.endObject();
    w.key("criticality");
    w.beginObjectArray();
    for (const solver::CriticalItem &c : risk.criticality) {
        w.beginObject();
        w.field("site", std::string_view(c.site));
        w.field("item", std::string_view(c.item));
        w.field("share", c.share);
        w.endObject();
    }
    w.endObjectArray();
    if (!risk.energizedDrops.empty()) { // written only when some trial loses energized accelerators
        w.key("energizedDrops");
        w.beginObjectArray();
        for (const solver::EnergizedDrop &drop : risk.energizedDrops) {
            w.beginObject();
            w.field("month", std::string_view(solver::text::monthIso(drop.month)));
            w.field("share", drop.share);
            w.key("causes");
            w.beginObjectArray();
            for (const solver::EnergizedDrop::Cause &cause : drop.causes) {
                w.beginObject();
                w.field("site", std::string_view(cause.site));
                w.field("item", std::string_view(cause.item));
                w.endObject();
            }
            w.endObjectArray();
            w.endObject();
        }
        w.endObjectArray();
    }
    if (risk.tornadoByNet) // the bars' npvAt* are NPVs of net cash flow, not of costs
        w.field("tornadoMeasure", std::string_view("npvNetUsd"));
    w.key("tornado");
    w.beginObjectArray();
    for (const solver::TornadoBar &bar : risk.tornado) {
        w.beginObject();
        w.field("site", std::string_view(bar.site));
        w.field("item", std::string_view(bar.item));
        w.field("field", std::string_view(bar.field));
        w.field("low", bar.low);
        w.field("high", bar.high);
        w.field("npvAtLowUsd", bar.npvAtLowUsd);
        w.field("npvAtHighUsd", bar.npvAtHighUsd);
        w.field("npvSwingUsd", bar.npvSwingUsd);
        optionalMonth(w, "fullPowerAtLow", bar.fullPowerAtLow);
        optionalMonth(w, "fullPowerAtHigh", bar.fullPowerAtHigh);
        w.field("fullPowerSwingMonths", static_cast<double>(bar.fullPowerSwingMonths));
        w.endObject();
    }
    w.endObjectArray();
    w.key("fan");
    w.beginObject();
    w.key("months");
    w.beginArray();
    for (int m = 0; m < risk.horizonMonths; ++m)
        w.value(solver::text::monthIso(risk.startMonth + m));
    w.endArray();
    fan(w, "energized", risk.energized);
    fan(w, "cumulativeSpendUsd", risk.cumulativeSpendUsd);
    w.endObject();
    w.endObject();
    const std::string text = w.take();
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace cp::io
