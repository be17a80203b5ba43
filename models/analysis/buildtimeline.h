#pragma once

#include "solver/plan.h"
#include "solver/result.h"

#include <QString>

#include <optional>
#include <vector>

// The build timeline of each site: when permits, construction, power, cooling and compute
// arrive, when the site reaches full power and which item gates it. Months are absolute
// (year * 12 + month - 1).
namespace cp {

struct SolvedScenario;

enum class TimelinePhase { Permit, Construction, Power, Cooling, Compute };

struct TimelineBar {
    QString item;          // "Permit", "Construction", or the item's name
    TimelinePhase phase = TimelinePhase::Permit;
    int startMonth = 0;    // permit or construction start, or the order month
    int endMonth = 0;      // exclusive: ready, available or delivered from this month
    std::optional<int> retireMonth; // power, cooling and compute items that retire
    double quantity = 0.0; // MW of firm power (bess: powerMw) or cooling, accelerator count; 0 for permit and construction
    int index = -1;        // position in the site's compute, power or cooling list; -1 for permit and construction
    solver::PowerKind powerKind = solver::PowerKind::Grid; // power items only
    bool gating = false;   // the arrival that brings the site to full power
};

struct SiteTimeline {
    QString name;
    int readyMonth = 0;
    // The site's own (docs/scenario-format.md, section 5), null when never within the plan.
    std::optional<int> fullPowerMonth;
    solver::Binding limitedBy = solver::Binding::None; // what holds the site back just before full power
                                                       // (at the end of the plan when it never gets there)
    std::vector<TimelineBar> bars;      // permit, construction, power sources, cooling plants, tranches
};

// One entry per site of a solved scenario; empty when it did not solve.
[[nodiscard]] std::vector<SiteTimeline> buildTimeline(const SolvedScenario &solved);

// What holds a solved site back in the month before its full power (in the plan's last month
// when it never gets there); none when solved without site series.
[[nodiscard]] solver::Binding limitBeforeFullPower(const solver::Plan &plan, const solver::SiteResult &site);

[[nodiscard]] QString phaseName(TimelinePhase phase); // "Permit", "Construction", "Power", "Cooling", "Compute"

} // namespace cp
