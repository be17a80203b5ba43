#pragma once

#include "solver/plan.h"
#include "solver/result.h"

#include <memory>

// The timeline and cost solver (docs/scenario-format.md, sections 4 to 6): a resolved plan in,
// monthly arrays, KPIs and warnings out. Deterministic: the same plan gives the same bits. A Solver
// object keeps its scratch buffers between calls, so repeated solves (risk trials, live editing)
// allocate nothing once the sizes are known.
namespace cp::solver {

struct SolveOptions {
    bool siteSeries = true; // keep every site's months (SiteResult::series; off in risk trials: KPIs only)
    bool warnings = true;   // run the section 6 checks
    int probeMonth = -1;    // plan month whose site values go into SiteResult::probe (-1: none)
    bool siteReturns = true; // each site's revenue, net cash flow, IRR and payback (off in risk
                             // trials, which read the portfolio's; a site's IRR is most of a trial)
};

class Solver
{
public:
    Solver();
    ~Solver();
    Solver(const Solver &) = delete;
    Solver &operator=(const Solver &) = delete;

    void solve(const Plan &plan, Result &result, const SolveOptions &options = {});

private:
    struct Scratch;
    std::unique_ptr<Scratch> m_scratch;
};

// Convenience for one-off solves.
[[nodiscard]] Result solve(const Plan &plan);


} // namespace cp::solver
