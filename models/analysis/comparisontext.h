#pragma once

#include "analysis/comparison.h"

#include <QString>

#include <optional>

namespace cp {

// A compared KPI's value and its delta as read ("$5.20B", "+$120M (+2.4%)", "-2 months"): the
// compare table of the window (ResultComparisonModel) and of `clusterplan-cli compare` print the
// same text. Plain Qt Core, so the command line needs no Qt Gui for it.
[[nodiscard]] QString comparisonValueText(const KpiDefinition &kpi, const std::optional<double> &value);
[[nodiscard]] QString comparisonDeltaText(const KpiDefinition &kpi, const KpiDelta &delta);

} // namespace cp
