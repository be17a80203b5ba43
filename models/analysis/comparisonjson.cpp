#include "analysis/comparisonjson.h"

#include "analysis/comparison.h"
#include "analysis/solvedscenario.h"
#include "analysis/timevalue.h"
#include "io/jsontextwriter.h"
#include "solver/textformat.h"

#include <cmath>
#include <cstring>

namespace cp {

namespace {

void optionalNumber(io::JsonTextWriter &w, const std::optional<double> &value)
{
    if (value)
        w.value(*value);
    else
        w.null();
}

void kpiValue(io::JsonTextWriter &w, const KpiDefinition &kpi, const std::optional<double> &value)
{
    if (value && kpi.unit == KpiUnit::Month)
        w.value(solver::text::monthIso(static_cast<int>(std::lround(*value))));
    else
        optionalNumber(w, value);
}

void delta(io::JsonTextWriter &w, const KpiDelta &d)
{
    w.beginObject();
    w.key("abs");
    optionalNumber(w, d.abs);
    w.key("pct");
    optionalNumber(w, d.pct);
    w.endObject();
}

// Writes one object with a field per KPI, grouping the category KPIs under their group key as
// the result document does.
template<typename WriteField>
void kpiObject(io::JsonTextWriter &w, const ComparedScenario &scenario, WriteField writeField)
{
    const std::vector<KpiDefinition> &kpis = comparisonKpis();
    w.beginObject();
    const char *openGroup = nullptr;
    for (std::size_t i = 0; i < kpis.size(); ++i) {
        const KpiDefinition &kpi = kpis[i];
        if (openGroup && (!kpi.group || std::strcmp(openGroup, kpi.group) != 0)) {
            w.endObject();
            openGroup = nullptr;
        }
        if (kpi.group && !openGroup) {
            w.key(kpi.group);
            w.beginObject();
            openGroup = kpi.group;
        }
        w.key(kpi.key);
        writeField(kpi, scenario.kpis[i]);
    }
    if (openGroup)
        w.endObject();
    w.endObject();
}

void optionalMonths(io::JsonTextWriter &w, const char *key, const std::optional<int> &months)
{
    w.key(key);
    if (months)
        w.value(static_cast<double>(*months));
    else
        w.null();
}

void writeTimeValue(io::JsonTextWriter &w, const TimeValue &v)
{
    w.key("timeValue");
    w.beginObject();
    optionalMonths(w, "fullPowerMonthsGained", v.fullPowerMonthsGained);
    optionalMonths(w, "firstComputeMonthsGained", v.firstComputeMonthsGained);
    w.field("acceleratorMonthsGained", v.acceleratorMonthsGained);
    w.field("valueGainedUsd", v.valueGainedUsd);
    w.field("costAddedUsd", v.costAddedUsd);
    w.field("netUsd", v.netUsd);
    w.key("npvBridge");
    w.beginObject();
    w.field("fromNpvNetUsd", v.fromUsd);
    w.key("steps");
    w.beginObjectArray();
    for (const NpvStep &step : v.steps) {
        w.beginObject();
        w.field("category", std::string_view(step.key));
        w.field("usd", step.usd);
        w.endObject();
    }
    w.endObjectArray();
    w.field("toNpvNetUsd", v.toUsd);
    w.endObject();
    w.endObject();
}

} // namespace

QByteArray writeComparisonJson(const Comparison &comparison)
{
    io::JsonTextWriter w;
    w.beginObject();
    w.key("baseline");
    if (comparison.empty())
        w.null();
    else
        w.value(comparison.scenarios.front().name.toStdString());
    if (comparison.windowsDiffer) { // only then: plans of one window keep v1's document
        w.key("window");
        w.beginObject();
        w.field("horizonMonths", static_cast<double>(comparison.windowMonths));
        w.endObject();
    }
    w.key("scenarios");
    w.beginObjectArray();
    for (const ComparedScenario &scenario : comparison.scenarios) {
        w.beginObject();
        w.field("name", scenario.name.toStdString());
        if (comparison.windowsDiffer) {
            w.field("ownStartMonth", std::string_view(solver::text::monthIso(scenario.ownStartMonth)));
            w.field("ownHorizonMonths", static_cast<double>(scenario.ownHorizonMonths));
        }
        w.key("kpis");
        kpiObject(w, scenario, [&](const KpiDefinition &kpi, const ComparedKpi &c) { kpiValue(w, kpi, c.value); });
        w.key("deltas");
        kpiObject(w, scenario, [&](const KpiDefinition &, const ComparedKpi &c) { delta(w, c.delta); });
        const ComparedScenario &baseline = comparison.scenarios.front();
        if (&scenario != &baseline && scenario.solved && baseline.solved) {
            const TimeValue v = timeValue(*baseline.solved, *scenario.solved);
            if (v.returns) // docs/methodology.md, "Comparing plans: is the bridge worth it?"
                writeTimeValue(w, v);
        }
        w.endObject();
    }
    w.endObjectArray();
    w.endObject();
    const std::string text = w.take();
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace cp
