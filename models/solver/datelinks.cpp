#include "solver/datelinks.h"

#include <algorithm>

namespace cp::solver {

void applyDateLinks(Plan &plan)
{
    for (Site &site : plan.sites) {
        const int ready = readyMonth(site.facility);
        for (Tranche &t : site.tranches)
            if (t.orderAfterFacilityReadyMonths)
                t.orderMonth = ready + *t.orderAfterFacilityReadyMonths;
        for (PowerSource &s : site.sources) {
            if (s.retireAfterSource.empty())
                continue;
            const auto target = std::find_if(site.sources.begin(), site.sources.end(), [&s](const PowerSource &other) {
                return &other != &s && other.name == s.retireAfterSource;
            });
            if (target != site.sources.end())
                s.retireMonth = std::max(s.orderMonth, arrivalMonth(*target) + s.retireAfterPlusMonths);
        }
    }
}

bool hasDateLinks(const Plan &plan) noexcept
{
    return std::any_of(plan.sites.begin(), plan.sites.end(), [](const Site &site) {
        return std::any_of(site.tranches.begin(), site.tranches.end(),
                           [](const Tranche &t) { return t.orderAfterFacilityReadyMonths.has_value(); })
               || std::any_of(site.sources.begin(), site.sources.end(),
                              [](const PowerSource &s) { return !s.retireAfterSource.empty(); });
    });
}

} // namespace cp::solver
