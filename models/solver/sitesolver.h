#pragma once

#include "solver/plan.h"
#include "solver/result.h"

#include <Eigen/Core>

#include <vector>

// One site, month by month (spec section 4). Internal to the solver.
//
// A plan is piecewise constant between events: the ready month, deliveries, availabilities,
// retirements and depreciation starts and ends. The site solver computes the allocation and
// every monthly rate once per segment between consecutive event months, then fills the
// segment, so its work grows with events, not with months x items.
namespace cp::solver::detail {

// Month-by-month constants of the plan: calendar hours and discount factors.
struct PlanCalendar {
    Eigen::ArrayXd hours;    // calendar hours of each plan month
    Eigen::ArrayXd discount; // (1 + r)^(-m/12)

    void build(const Plan &plan);
};

// Facts about one site the checks and the risk layer need beyond its monthly series.
struct SiteFacts {
    int readyMonth = 0; // absolute
    std::vector<int> deliveryMonth;        // absolute, per tranche (listed order)
    std::vector<double> maxEnergized;      // per tranche, within the horizon
    std::vector<int> sourceAvailableMonth; // absolute, per power source
    std::vector<int> plantAvailableMonth;  // absolute, per cooling plant
    Eigen::ArrayXd bessMw;                 // battery power available per plan month

    // One-off payments (capex) that fall outside the horizon, per item.
    struct OutsideFlows {
        std::string item;
        double beforeStartUsd = 0.0;
        double afterEndUsd = 0.0;
    };
    std::vector<OutsideFlows> outsideFlows;
};

class SiteSolver
{
public:
    // Fills `series` (already sized to the horizon) and `facts` for one site.
    void solve(const Plan &plan, const Site &site, const PlanCalendar &calendar, MonthlySeries &series,
               SiteFacts &facts);

private:
    struct Depreciable {
        double costUsd;
        int firstMonth; // plan month it enters service (may be outside the horizon)
        int months;     // N
    };

    void collectEvents(int horizon);

    // Scratch reused across sites and solves.
    std::vector<int> m_events;
    std::vector<int> m_trancheOrder;  // tranche indices by delivery month, ties as listed
    std::vector<int> m_dispatchOrder; // firm sources by marginal cost, ties as listed
    std::vector<double> m_marginalCost;
    std::vector<int> m_deliveryRel, m_trancheRetireRel;
    std::vector<int> m_sourceRel, m_sourceRetireRel;
    std::vector<int> m_plantRel, m_plantRetireRel;
    std::vector<double> m_energizedNow;
    std::vector<Depreciable> m_depreciables;
    int m_readyRel = 0;
};

} // namespace cp::solver::detail
