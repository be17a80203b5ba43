#pragma once

#include "solver/plan.h"
#include "solver/reliability.h"
#include "solver/result.h"

#include <QString>
#include <QStringList>

// Goodput of one training job across a site's peak energized accelerators, as the Risk tab and
// the report show it, and the planner's way out when that job would spend its time restarting:
// jobs small enough to keep kJobGoodputTarget.
namespace cp {

inline constexpr double kJobGoodputTarget = 0.8;

struct SiteGoodput {
    double accelerators = 0.0; // the site's peak energized, in one job
    solver::GoodputResult goodput;
    double largestJob = 0.0; // accelerators one job can span and keep kJobGoodputTarget
};

// Spares are priced at the site's average owned unit capex (none at a cloud partner's site).
[[nodiscard]] SiteGoodput siteGoodput(const solver::Plan &plan, const solver::Site &site, const solver::Kpis &kpis,
                                      double checkpointWriteMinutes, double restartMinutes);

// One row of the goodput table, as the Risk tab and the report both show it: site, peak
// energized, interruptions a day, time between them, checkpoint interval, goodput, effective
// BF16, spare pool, spare capex ("partner's" at a cloud partner's site).
[[nodiscard]] QStringList goodputRow(const solver::Site &site, const SiteGoodput &atPeak);

// "Richland Parish campus: one job across all 840,000 accelerators keeps 0% goodput; jobs of up
// to 31,000 keep 80%." Empty when the site's one job keeps the target.
[[nodiscard]] QString splitJobAdvice(const std::string &siteName, const SiteGoodput &site);

} // namespace cp
