#pragma once

#include "solver/monthlyseries.h"

#include <vector>

// One site's months in the form the solver finds them. A plan is piecewise constant between
// events (the ready month, deliveries, availabilities, retirements), so a site's monthly values
// are a few runs of constant months, one-off payments and depreciation runs. Keeping them that
// way costs a few kilobytes a site where the monthly arrays cost 44 KB per 240 months, which is
// what lets a 1,000-site plan solve in milliseconds; the arrays are expanded when a chart, a
// table or an export asks for them.
namespace cp::solver {

// Everything constant over plan months [start, start + length).
struct Segment {
    int start = 0;
    int length = 0;
    double delivered = 0.0;
    double planned = 0.0;
    double energized = 0.0;
    double itMw = 0.0;
    double facilityMw = 0.0;
    double firmMw = 0.0;
    double coolingMw = 0.0;
    double bessMw = 0.0;
    double bf16Pflops = 0.0;
    // Opex: energy, fuel and variable O&M accrue per hour of supply (x hours x utilization);
    // cloud rent per calendar hour; rent and fixed O&M per month.
    double energyUsdPerHour = 0.0;
    double fuelUsdPerHour = 0.0;
    double varOmUsdPerHour = 0.0;
    double cloudUsdPerHour = 0.0;
    double rentUsdPerMonth = 0.0;
    double fixedOmUsdPerMonth = 0.0;
    // Returns, per calendar hour: sold energized hours at their price (none in burn-in), and
    // what the delivered but idle accelerators would have earned.
    double revenueUsdPerHour = 0.0;
    double strandedValueUsdPerHour = 0.0;
    Binding binding = Binding::None;
};

// The run of `segments` (in order, covering [0, H)) that holds plan month `month` (in range).
[[nodiscard]] const Segment &segmentAt(const std::vector<Segment> &segments, int month);

struct DepreciationSegment {
    int start = 0;
    int length = 0;
    double usdPerMonth = 0.0;
};

struct Payment {
    int month; // plan month, inside the horizon
    CapexCategory category;
    double usd;
};

// The site's monthly arrays from its runs, payments and residual values (inflows, by the
// category of the asset): the one expansion both a site's arrays and its returns figures use.
void expandSite(const std::vector<Segment> &segments, const std::vector<DepreciationSegment> &depreciation,
                const std::vector<Payment> &payments, const std::vector<Payment> &residuals, int startMonth,
                double utilization, MonthlySeries &series);

class SiteSeries
{
public:
    // `segments` cover plan months [0, horizon) in order.
    void assign(const std::vector<Segment> &segments, const std::vector<DepreciationSegment> &depreciation,
                const std::vector<Payment> &payments, const std::vector<Payment> &residuals, int startMonth,
                double utilization);
    void clear() noexcept; // solved without site series (risk trials)

    [[nodiscard]] bool empty() const noexcept { return m_segments.empty(); }
    [[nodiscard]] int months() const noexcept; // the horizon; 0 when empty
    [[nodiscard]] const std::vector<Segment> &segments() const noexcept { return m_segments; }
    [[nodiscard]] const Segment &at(int month) const; // the run holding plan month `month` (in range)

    // The monthly arrays (every array H long; zero long when empty).
    [[nodiscard]] MonthlySeries expand() const;
    void expandInto(MonthlySeries &series) const;

private:
    std::vector<Segment> m_segments;
    std::vector<DepreciationSegment> m_depreciation;
    std::vector<Payment> m_payments;
    std::vector<Payment> m_residuals;
    int m_startMonth = 0; // absolute month of plan month 0 (for each month's hours)
    double m_utilization = 0.0;
};

} // namespace cp::solver
