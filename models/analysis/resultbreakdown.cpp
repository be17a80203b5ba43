#include "analysis/resultbreakdown.h"

#include "analysis/solvedscenario.h"
#include "solver/solver.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cp {

namespace {

using solver::PowerKind;

// An item available from absolute month `from` until `retire` (exclusive), as plan-month flags.
bool availableIn(int absMonth, int from, int retire)
{
    return absMonth >= from && absMonth < retire;
}

SiteBreakdown breakDownSite(const solver::Plan &plan, const solver::Site &site, const solver::SiteResult &result)
{
    const int months = plan.horizonMonths;
    SiteBreakdown out;

    for (const solver::PowerSource &source : site.sources) {
        Eigen::ArrayXd firm = Eigen::ArrayXd::Zero(months);
        if (source.kind != PowerKind::Bess) {
            const int from = solver::arrivalMonth(source);
            const double firmMw = source.capacityMw * source.availabilityPct / 100.0;
            for (int m = 0; m < months; ++m)
                if (availableIn(plan.startMonth + m, from, source.retireMonth))
                    firm[m] = firmMw;
        }
        out.sourceFirmMw.push_back(std::move(firm));
    }

    const std::size_t trancheCount = site.tranches.size();
    std::vector<int> delivery(trancheCount);
    for (std::size_t i = 0; i < trancheCount; ++i)
        delivery[i] = solver::arrivalMonth(site.tranches[i]);
    // Tranches take the IT budget in order of delivery, ties in the order listed
    // (docs/scenario-format.md, section 4).
    std::vector<std::size_t> order(trancheCount);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return delivery[a] < delivery[b]; });

    out.trancheDelivered.assign(trancheCount, Eigen::ArrayXd::Zero(months));
    out.trancheEnergized.assign(trancheCount, Eigen::ArrayXd::Zero(months));
    out.strandedCapitalUsd = Eigen::ArrayXd::Zero(months);
    out.facilityMwNeeded = Eigen::ArrayXd::Zero(months);
    const solver::MonthlySeries series = result.monthly();
    const bool owned = !site.cloudPartner;
    for (int m = 0; m < months; ++m) {
        const int absMonth = plan.startMonth + m;
        for (std::size_t i = 0; i < trancheCount; ++i)
            if (availableIn(absMonth, delivery[i], site.tranches[i].retireMonth))
                out.trancheDelivered[i][m] = site.tranches[i].count;
        if (absMonth >= result.readyMonth) {
            // The same IEEE double steps as docs/scenario-format.md, section 4, writes them, so the
            // counts match the solver's.
            const double budgetMw = std::min(site.facility.itCapacityMw, std::min(series.coolingMw[m], series.powerMw[m] / site.pue.mode));
            double leftMw = budgetMw;
            for (const std::size_t i : order) {
                const double delivered = out.trancheDelivered[i][m];
                if (delivered == 0.0)
                    continue;
                const double itKw = site.tranches[i].itKwPerAccelerator.mode;
                const double fits = std::max(0.0, std::floor(leftMw * 1000.0 / itKw + 1e-9));
                const double n = std::min(delivered, fits);
                out.trancheEnergized[i][m] = n;
                leftMw -= n * itKw / 1000.0;
            }
        }
        for (std::size_t i = 0; i < trancheCount; ++i) {
            const solver::Tranche &t = site.tranches[i];
            const double delivered = out.trancheDelivered[i][m];
            if (owned)
                out.strandedCapitalUsd[m] += (delivered - out.trancheEnergized[i][m]) * t.unitCapexUsd.mode;
            out.facilityMwNeeded[m] += delivered * t.itKwPerAccelerator.mode / 1000.0 * site.pue.mode;
        }
    }
    return out;
}

} // namespace

ResultBreakdown breakDownResult(const SolvedScenario &solved)
{
    ResultBreakdown out;
    const solver::Plan &plan = solved.resolved.plan;
    const solver::Result &result = solved.result;
    if (!solved.ok() || plan.sites.size() != result.sites.size())
        return out;
    const int months = plan.horizonMonths;
    out.strandedCapitalUsd = Eigen::ArrayXd::Zero(months);
    out.facilityMwNeeded = Eigen::ArrayXd::Zero(months);
    for (std::size_t s = 0; s < plan.sites.size(); ++s) {
        const solver::SiteResult &siteResult = result.sites[s];
        if (siteResult.series.months() != months) // solved without site series
            return {};
        out.sites.push_back(breakDownSite(plan, plan.sites[s], siteResult));
        out.strandedCapitalUsd += out.sites.back().strandedCapitalUsd;
        out.facilityMwNeeded += out.sites.back().facilityMwNeeded;
    }
    return out;
}

} // namespace cp
