#pragma once

#include <Eigen/Core>

#include <vector>

// Per-item monthly series that the solver sums away, rebuilt from the resolved plan and the site
// results (docs/scenario-format.md, section 4): each power source's firm MW, each tranche's
// delivered and energized count, the capital of delivered but idle accelerators and the load the
// delivered accelerators would draw. The charts show these; the totals stay the solver's own.
namespace cp {

struct SolvedScenario;

struct SiteBreakdown {
    // Firm MW of each power source (resolved plan order) in plan months 0 .. H-1:
    // capacityMw x availabilityPct / 100 from its available month until it retires; 0 for a bess.
    std::vector<Eigen::ArrayXd> sourceFirmMw;
    // Each tranche's accelerators delivered and not retired, and how many of them the site's IT
    // budget energizes (the format's allocation replayed with the site's powerMw and coolingMw).
    std::vector<Eigen::ArrayXd> trancheDelivered;
    std::vector<Eigen::ArrayXd> trancheEnergized;
    // Σ (delivered_i - energized_i) x unitCapexUsd_i (mode); 0 on a cloud-partner site, which owns none.
    Eigen::ArrayXd strandedCapitalUsd;
    // Σ delivered_i x itKwPerAccelerator_i / 1000 x PUE: the facility load if every delivered
    // accelerator were energized.
    Eigen::ArrayXd facilityMwNeeded;
};

struct ResultBreakdown {
    std::vector<SiteBreakdown> sites; // one per site, in plan order
    Eigen::ArrayXd strandedCapitalUsd; // sums over sites
    Eigen::ArrayXd facilityMwNeeded;
};

// Empty when the scenario did not solve (problems) or its result kept no site series.
[[nodiscard]] ResultBreakdown breakDownResult(const SolvedScenario &solved);

} // namespace cp
