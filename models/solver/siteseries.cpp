#include "solver/siteseries.h"

#include "solver/calendar.h"

#include <algorithm>
#include <cassert>

namespace cp::solver {

void SiteSeries::assign(const std::vector<Segment> &segments, const std::vector<DepreciationSegment> &depreciation,
                        const std::vector<Payment> &payments, const std::vector<Payment> &residuals,
                        int startMonth, double utilization)
{
    m_segments.assign(segments.begin(), segments.end());
    m_depreciation.assign(depreciation.begin(), depreciation.end());
    m_payments.assign(payments.begin(), payments.end());
    m_residuals.assign(residuals.begin(), residuals.end());
    m_startMonth = startMonth;
    m_utilization = utilization;
}

void SiteSeries::clear() noexcept
{
    m_segments.clear();
    m_depreciation.clear();
    m_payments.clear();
    m_residuals.clear();
}

int SiteSeries::months() const noexcept
{
    return m_segments.empty() ? 0 : m_segments.back().start + m_segments.back().length;
}

const Segment &segmentAt(const std::vector<Segment> &segments, int month)
{
    assert(!segments.empty() && month >= 0 && month < segments.back().start + segments.back().length);
    const auto after = std::upper_bound(segments.begin(), segments.end(), month,
                                        [](int m, const Segment &seg) { return m < seg.start; });
    return *(after - 1);
}

const Segment &SiteSeries::at(int month) const
{
    return segmentAt(m_segments, month);
}

MonthlySeries SiteSeries::expand() const
{
    MonthlySeries series;
    expandInto(series);
    return series;
}

void SiteSeries::expandInto(MonthlySeries &series) const
{
    expandSite(m_segments, m_depreciation, m_payments, m_residuals, m_startMonth, m_utilization, series);
}

void expandSite(const std::vector<Segment> &segments, const std::vector<DepreciationSegment> &depreciation,
                const std::vector<Payment> &payments, const std::vector<Payment> &residuals, int startMonth,
                double utilization, MonthlySeries &series)
{
    const int horizon = segments.empty() ? 0 : segments.back().start + segments.back().length;
    series.prepare(horizon);
    Eigen::ArrayXd hours(horizon);
    for (int m = 0; m < horizon; ++m)
        hours[m] = hoursInMonth(startMonth + m);

    constexpr int energyCol = static_cast<int>(OpexCategory::Energy);
    constexpr int fuelCol = static_cast<int>(OpexCategory::Fuel);
    constexpr int rentCol = static_cast<int>(OpexCategory::Rent);
    constexpr int omCol = static_cast<int>(OpexCategory::Om);
    constexpr int cloudCol = static_cast<int>(OpexCategory::Cloud);
    series.revenueUsd.setZero();
    for (const Segment &seg : segments) {
        const int a = seg.start;
        const int len = seg.length;
        series.delivered.segment(a, len).setConstant(seg.delivered);
        series.energized.segment(a, len).setConstant(seg.energized);
        series.stranded.segment(a, len).setConstant(seg.delivered - seg.energized);
        series.planned.segment(a, len).setConstant(seg.planned);
        series.itMw.segment(a, len).setConstant(seg.itMw);
        series.facilityMw.segment(a, len).setConstant(seg.facilityMw);
        series.powerMw.segment(a, len).setConstant(seg.firmMw);
        series.coolingMw.segment(a, len).setConstant(seg.coolingMw);
        series.bessMw.segment(a, len).setConstant(seg.bessMw);
        series.bf16Pflops.segment(a, len).setConstant(seg.bf16Pflops);
        std::fill_n(series.binding.begin() + a, len, seg.binding);
        const auto segmentHours = hours.segment(a, len);
        series.energyMwh.segment(a, len) = seg.facilityMw * segmentHours * utilization;
        series.opexByCategory.col(energyCol).segment(a, len) = seg.energyUsdPerHour * segmentHours * utilization;
        series.opexByCategory.col(fuelCol).segment(a, len) = seg.fuelUsdPerHour * segmentHours * utilization;
        series.opexByCategory.col(omCol).segment(a, len) =
            seg.varOmUsdPerHour * segmentHours * utilization + seg.fixedOmUsdPerMonth;
        series.opexByCategory.col(rentCol).segment(a, len).setConstant(seg.rentUsdPerMonth);
        series.opexByCategory.col(cloudCol).segment(a, len) = seg.cloudUsdPerHour * segmentHours;
        if (seg.revenueUsdPerHour != 0.0)
            series.revenueUsd.segment(a, len) = seg.revenueUsdPerHour * segmentHours;
    }
    series.depreciationUsd.setZero();
    for (const DepreciationSegment &d : depreciation)
        series.depreciationUsd.segment(d.start, d.length).setConstant(d.usdPerMonth);
    series.capexByCategory.setZero();
    for (const Payment &p : payments)
        series.capexByCategory(p.month, static_cast<int>(p.category)) += p.usd;
    series.residualValueUsd.setZero();
    for (const Payment &r : residuals)
        series.residualValueUsd[r.month] += r.usd;

    const auto &capex = series.capexByCategory;
    const auto &opex = series.opexByCategory;
    series.capexUsd = capex.col(0) + capex.col(1) + capex.col(2) + capex.col(3);
    series.opexUsd = opex.col(0) + opex.col(1) + opex.col(2) + opex.col(3) + opex.col(4);
    series.netCashFlowUsd = series.revenueUsd + series.residualValueUsd - series.capexUsd - series.opexUsd;
}

} // namespace cp::solver
