#pragma once

#include "domain/scenario.h"
#include "policy/policypack.h"
#include "solver/plan.h"
#include "solver/result.h"

#include <QDate>

#include <optional>
#include <vector>

namespace cp {

// Checks a plan against policy packs. Capacity is counted as accelerators delivered (not
// retired) in H100-equivalents (count x bf16Tflops / the pack's H100 figure), by the country of
// each site. With `asOf`, the plan is checked on that day only (nothing when no pack is in
// force then); without it, in every month of the plan's horizon in which a pack was in force.
// Each breach becomes one warning (code "policy_breach") naming the site, the rule and the
// pack, at the first month it happens; a site without a country gets "policy_unknown_country".
[[nodiscard]] std::vector<solver::Warning> evaluatePolicies(const Scenario &scenario, const solver::Plan &plan,
                                                            const std::vector<PolicyPack> &packs,
                                                            std::optional<QDate> asOf = std::nullopt);

} // namespace cp
