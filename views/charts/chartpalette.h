#pragma once

#include "analysis/buildtimeline.h"
#include "solver/plan.h"

#include <QColor>

// The colours every chart, table and report shares, so a category or a power kind looks the
// same wherever it appears: one colour per capex and opex category, per power kind, per role
// of a series, per timeline phase, and one per compared scenario.
namespace cp::views::palette {

[[nodiscard]] QColor capexCategory(int category); // solver::CapexCategory order: compute, facility, power, cooling
[[nodiscard]] QColor opexCategory(int category);  // solver::OpexCategory order: energy, fuel, rent, om, cloud
// The kind's colour; `shade` > 0 tells apart several sources of one kind (lighter and darker in turn).
[[nodiscard]] QColor powerKind(solver::PowerKind kind, int shade = 0);
[[nodiscard]] QColor timelinePhase(TimelinePhase phase); // power items take powerKind()

enum class Role {
    Delivered,       // accelerators delivered (line)
    Energized,       // accelerators energized (area)
    Stranded,        // delivered but idle (shaded gap)
    FacilityLoad,    // facility MW the sources supply
    LoadNeeded,      // what every delivered accelerator would draw
    Compute,         // BF16 compute online
    CumulativeSpend, // capex + opex to date
    FullPower,       // the month a site reaches full power
    Gating,          // the item that gates it
    Axis,            // axis lines and labels
    Grid,            // grid lines
};
[[nodiscard]] QColor role(Role role);

// The colour of the n-th group of sites in a chart split by site, country or region (the most
// gating first); `other` is the grey of the rest summed together. Eleven distinct ones.
[[nodiscard]] QColor siteGroup(int index, bool other = false);

// The colour of the n-th scenario of a comparison (0 = the baseline); four distinct ones.
[[nodiscard]] QColor scenario(int slot);

} // namespace cp::views::palette
