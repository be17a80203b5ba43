#pragma once

#include "catalog/catalog.h"
#include "domain/scenario.h"
#include "solver/plan.h"
#include "solver/result.h"

#include <QString>

#include <vector>

// From the plan as written to the plan as solved: every default filled from the format's rules
// (docs/scenario-format.md) and the catalog. Interpretations beyond the format's words:
// - Months become absolute indices (Month::index()); an absent retireMonth is solver::kNever.
// - Facility capex = capexUsd if given, else capexUsdPerMwIt (catalog low/default/high when
//   absent) x itCapacityMw. A colocation facility has no capex; it takes leaseUsdPerKwMonth
//   (catalog default). coolingMw defaults to itCapacityMw; pue to the catalog PUE of
//   facility.cooling; fixedOmUsdPerMwItYear to the catalog, for every facility kind.
// - A power source is rented when it states rentUsdPerMwMonth. A mobile_turbine with no rent is
//   rented at the catalog rate unless it states capexUsd or capexUsdPerKw (then it is owned).
// - Owned source capex = capexUsd if given, else capexUsdPerKw x nameplate MW x 1000 (bess:
//   powerMw). The catalog rate is a range; a bess's default rate is the catalog's per-kWh
//   price x energyMwh / powerMw, so it follows the battery's own duration.
// - fixedOmUsdPerKwYear defaults to the catalog for owned sources and to 0 for rented ones;
//   varOmUsdPerMwh to the catalog; heatRateBtuPerKwh to the catalog for gas kinds (ignored
//   for grid and bess).
// - A cooling plant is rented when it states rentUsdPerMonth; a rental_chiller with neither
//   rent nor capexUsd is rented at the catalog rate per MW-month x capacityMw. An owned plant
//   with no capexUsd costs the catalog chiller rate per MW (a range) x capacityMw.
// - Tranche unitCapexUsd, itKwPerAccelerator, bf16Tflops and rentUsdPerAcceleratorHour come
//   from the accelerator's catalog entry (unitCapexUsd as its range; 0 for a cloud-only chip
//   on a cloud-partner site, where it is never paid).
// - plan.checks takes swingFraction, interruptionsPerAcceleratorYear and spareRatio from the
//   catalog globals; the 10 MW swing threshold is the format's own
//   (docs/scenario-format.md, section 6).
namespace cp {

// One catalog value a plan relies on: which field took it, and the value with its provenance.
struct CatalogUse {
    QString path;                        // JSON path of the field, e.g. "sites[0].compute[1].unitCapexUsd"
    QString site;                        // site name
    QString item;                        // item name; empty for the site's own fields (facility, pue)
    QString field;                       // the JSON key, e.g. "unitCapexUsd"
    const CatalogValue *value = nullptr; // into the Catalog passed in; valid while it lives
};

struct ResolvedPlan {
    solver::Plan plan;
    std::vector<CatalogUse> catalogUses; // only values that affect the results, in plan order
};

// The scenario with every default that applies filled in (catalog values with their ranges),
// for export and for the editor to show defaults. Resolving twice changes nothing more.
[[nodiscard]] Scenario resolveScenario(const Scenario &scenario, const Catalog &catalog);

// The solver's input for a valid scenario (see validateScenario), field by field.
[[nodiscard]] ResolvedPlan resolvePlan(const Scenario &scenario, const Catalog &catalog);

// One "stale_catalog" warning per (site, item) whose results rest on catalog values dated more
// than 24 months before `today`, naming the fields and their dates.
[[nodiscard]] std::vector<solver::Warning> staleCatalogWarnings(const std::vector<CatalogUse> &uses, Month today);

} // namespace cp
