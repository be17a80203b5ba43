#pragma once

#include "solver/plan.h"
#include "solver/result.h"

#include <Eigen/Core>

#include <climits>

#include <cstdint>
#include <string>
#include <vector>

// One site, month by month (docs/scenario-format.md, section 4). Internal to the solver.
//
// A plan is piecewise constant between events: the ready month, deliveries, availabilities and
// retirements. The site solver computes the allocation and every monthly rate once per segment
// between consecutive event months and records it as a Segment (siteseries.h); depreciation
// schedules become their own segments. Site KPIs come straight from the segments, the site's
// result keeps them as they are (SiteSeries), and only the portfolio's sums are written month by
// month (portfoliosums.h). Work grows with events, not with months x items.
namespace cp::solver::detail {

// Month-by-month constants of the plan. Rebuilt only when the start, horizon or discount rate
// change (risk trials and live edits rarely change them).
struct PlanCalendar {
    Eigen::ArrayXd hours;          // calendar hours of each plan month
    Eigen::ArrayXd discount;       // (1 + r)^(-m/12)
    Eigen::ArrayXd hoursPrefix;    // sum of hours over months [0, m)
    Eigen::ArrayXd discountPrefix; // sum of discount over months [0, m)
    Eigen::ArrayXd hoursDiscountPrefix; // sum of hours x discount over months [0, m)

    void build(const Plan &plan);

private:
    int m_startMonth = -1;
    int m_horizonMonths = -1;
    double m_discountRatePct = -1.0;
};

// An item of a site without copying its name: the facility, or a tranche, power source or
// cooling plant by its index in the site's list.
enum class ItemKind : std::uint8_t { Facility, Tranche, PowerSource, CoolingPlant };
struct ItemRef {
    ItemKind kind = ItemKind::Facility;
    int index = 0;
};
[[nodiscard]] const std::string &itemName(const Site &site, ItemRef item);

// What the site solver finds: segments, payments and the facts checks and risk need.
struct SiteFacts {
    int readyMonth = 0; // absolute
    std::vector<Segment> segments; // cover [0, H) in order
    std::vector<DepreciationSegment> depreciation;
    std::vector<Payment> payments;
    std::vector<Payment> residuals; // returns: residual value at the horizon and salvage (inflows)
    std::vector<int> deliveryMonth;        // absolute, per tranche (listed order)
    std::vector<double> maxEnergized;      // per tranche, within the horizon
    std::vector<int> sourceAvailableMonth; // absolute, per power source
    std::vector<int> plantAvailableMonth;  // absolute, per cooling plant
    std::vector<double> sourceServedMwMonths; // per power source: MW it served x months (dispatch)

    // One-off payments (capex) that fall outside the horizon, per item.
    struct OutsideFlows {
        ItemRef item;
        double beforeStartUsd = 0.0;
        double afterEndUsd = 0.0;
    };
    std::vector<OutsideFlows> outsideFlows;
};

// What a MWh from a firm source costs at the margin (energy or fuel, and variable O&M): the
// dispatch order, cheapest first, and what the checks quote.
[[nodiscard]] double marginalCostUsdPerMwh(const PowerSource &source, const Assumptions &assumptions);

class SiteSolver
{
public:
    void solve(const Plan &plan, const Site &site, SiteFacts &facts);

private:
    struct Depreciable {
        double costUsd;
        int firstMonth; // plan month it enters service (may be outside the horizon)
        int months;     // N
        // For residual value and salvage (returns).
        CapexCategory category = CapexCategory::Compute;
        int retireRel = INT_MAX;       // plan month it retires; INT_MAX: never
        double salvagePctOfBook = 0.0;
        double paidInHorizonUsd = 0.0; // its capex paid within the horizon
    };

    void collectEvents(int horizon, int burnInMonths);
    void buildDepreciation(int horizon, SiteFacts &facts);
    void buildResiduals(const Plan &plan, SiteFacts &facts) const;

    // Scratch reused across sites and solves.
    std::vector<int> m_events;
    std::vector<int> m_trancheOrder;  // tranche indices by delivery month, ties as listed
    std::vector<int> m_dispatchOrder; // firm sources by marginal cost, ties as listed
    std::vector<double> m_marginalCost;
    std::vector<int> m_deliveryRel, m_trancheRetireRel;
    std::vector<int> m_sourceRel, m_sourceRetireRel;
    std::vector<int> m_plantRel, m_plantRetireRel;
    std::vector<double> m_energizedNow;
    std::vector<double> m_soldValuePerHour; // per tranche: price x sold share (returns)
    std::vector<Depreciable> m_depreciables;
    int m_readyRel = 0;
};

} // namespace cp::solver::detail
