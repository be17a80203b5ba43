#include "domain/linkeddates.h"

#include "solver/plan.h"

#include <algorithm>

namespace cp {

Month facilityReadyMonth(const Facility &f)
{
    const Month permitEnd = f.permitStartMonth.plusMonths(solver::wholeMonths(f.permitMonths.mode));
    const Month buildEnd = f.constructionStartMonth.plusMonths(solver::wholeMonths(f.buildMonths.mode));
    return std::max(permitEnd, buildEnd);
}

int linkedSourceIndex(const Site &site, int linkingSource)
{
    const PowerSource &from = site.power[static_cast<std::size_t>(linkingSource)];
    if (!from.retireAfter)
        return -1;
    int found = -1;
    for (std::size_t j = 0; j < site.power.size(); ++j) {
        if (static_cast<int>(j) == linkingSource || site.power[j].name != from.retireAfter->source)
            continue;
        if (found >= 0)
            return -1; // two sources of that name: the link is ambiguous
        found = static_cast<int>(j);
    }
    return found;
}

void refreshLinkedDates(Site &site)
{
    const Month ready = facilityReadyMonth(site.facility);
    for (ComputeTranche &t : site.compute)
        if (t.orderAfterFacilityReadyMonths)
            t.orderMonth = ready.plusMonths(*t.orderAfterFacilityReadyMonths);
    for (std::size_t j = 0; j < site.power.size(); ++j) {
        PowerSource &p = site.power[j];
        if (!p.retireAfter)
            continue;
        const int target = linkedSourceIndex(site, static_cast<int>(j));
        if (target < 0) {
            p.retireMonth.reset();
            continue;
        }
        const PowerSource &other = site.power[static_cast<std::size_t>(target)];
        const Month available = other.orderMonth.plusMonths(solver::wholeMonths(other.leadTimeMonths.mode));
        // Never before its own order: a bridge the link would retire unbuilt simply contributes nothing.
        p.retireMonth = std::max(p.orderMonth, available.plusMonths(p.retireAfter->plusMonths));
    }
}

void refreshLinkedDates(Scenario &scenario)
{
    for (Site &site : scenario.sites)
        refreshLinkedDates(site);
}

} // namespace cp
