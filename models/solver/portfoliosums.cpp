#include "solver/portfoliosums.h"

#include <algorithm>

namespace cp::solver::detail {

void PortfolioSums::reset(int horizonMonths)
{
    m_horizon = horizonMonths;
    m_rows.assign(static_cast<std::size_t>(horizonMonths) * kFields, 0.0);
    m_mostWaiting.assign(static_cast<std::size_t>(horizonMonths), 0.0);
    m_binding.assign(static_cast<std::size_t>(horizonMonths), Binding::None);
    m_siteCapex.assign(static_cast<std::size_t>(horizonMonths) * kCapexCategories, 0.0);
}

void PortfolioSums::add(const SiteFacts &facts, const PlanCalendar &calendar, double utilization)
{
    // Fixed-size arrays: Eigen adds a whole row in a few vector instructions.
    using ConstantRow = Eigen::Array<double, kHourly, 1>;
    using HourlyRow = Eigen::Array<double, kHourlyFields, 1>;
    double *rows = m_rows.data();
    HourlyRow scale;
    scale << utilization, utilization, utilization, utilization, 1.0;
    for (const Segment &seg : facts.segments) {
        ConstantRow constant;
        constant << seg.delivered, seg.energized, seg.delivered - seg.energized, seg.planned, seg.itMw,
            seg.facilityMw, seg.bf16Pflops, seg.firmMw, seg.coolingMw, seg.bessMw, seg.rentUsdPerMonth;
        // An hourly field is perHour x hours x scale + perMonth: the same steps, in the same
        // order, as the site's own arrays (SiteSeries::expandInto), so the sums match them.
        HourlyRow perHour;
        perHour << seg.facilityMw, seg.energyUsdPerHour, seg.fuelUsdPerHour, seg.varOmUsdPerHour, seg.cloudUsdPerHour;
        HourlyRow perMonth;
        perMonth << 0.0, 0.0, 0.0, seg.fixedOmUsdPerMonth, 0.0;
        for (int m = seg.start; m < seg.start + seg.length; ++m) {
            double *row = rows + static_cast<std::ptrdiff_t>(m) * kFields;
            Eigen::Map<ConstantRow>(row) += constant;
            Eigen::Map<HourlyRow>(row + kHourly) += perHour * calendar.hours[m] * scale + perMonth;
        }

        // Binding: the site with the most accelerators waiting, the first listed on ties.
        if (seg.binding == Binding::None)
            continue;
        const double waiting = seg.planned - seg.energized;
        for (int m = seg.start; m < seg.start + seg.length; ++m) {
            const auto i = static_cast<std::size_t>(m);
            if (waiting > m_mostWaiting[i]) {
                m_mostWaiting[i] = waiting;
                m_binding[i] = seg.binding;
            }
        }
    }
    for (const DepreciationSegment &d : facts.depreciation)
        for (int m = d.start; m < d.start + d.length; ++m)
            rows[static_cast<std::ptrdiff_t>(m) * kFields + DepreciationUsd] += d.usdPerMonth;
    // A site's payments in one month and category are summed first, as in its own arrays, and
    // that sum is added: adding them one by one would differ from the site's sum in the last bit.
    const auto slot = [](const Payment &p) {
        return static_cast<std::size_t>(p.month) * kCapexCategories + static_cast<std::size_t>(p.category);
    };
    for (const Payment &p : facts.payments)
        m_siteCapex[slot(p)] += p.usd;
    for (const Payment &p : facts.payments) {
        double &siteSum = m_siteCapex[slot(p)];
        rows[static_cast<std::ptrdiff_t>(p.month) * kFields + CapexFirst + static_cast<int>(p.category)] += siteSum;
        siteSum = 0.0; // later payments of the slot add nothing more, and the scratch is clean again
    }
}

void PortfolioSums::writeTo(MonthlySeries &sum) const
{
    const int horizon = m_horizon;
    sum.prepare(horizon);
    // Every field is one column of the month-major rows, a strided view of them.
    using Column = Eigen::Map<const Eigen::ArrayXd, 0, Eigen::InnerStride<kFields>>;
    const auto column = [&](int field) { return Column(m_rows.data() + field, horizon); };
    sum.delivered = column(Delivered);
    sum.energized = column(Energized);
    sum.stranded = column(Stranded);
    sum.planned = column(Planned);
    sum.itMw = column(ItMw);
    sum.facilityMw = column(FacilityMw);
    sum.bf16Pflops = column(Bf16Pflops);
    sum.powerMw = column(PowerMw);
    sum.coolingMw = column(CoolingMw);
    sum.bessMw = column(BessMw);
    sum.energyMwh = column(EnergyMwh);
    sum.depreciationUsd = column(DepreciationUsd);
    sum.opexByCategory.col(static_cast<int>(OpexCategory::Energy)) = column(EnergyUsd);
    sum.opexByCategory.col(static_cast<int>(OpexCategory::Fuel)) = column(FuelUsd);
    sum.opexByCategory.col(static_cast<int>(OpexCategory::Rent)) = column(RentUsd);
    sum.opexByCategory.col(static_cast<int>(OpexCategory::Om)) = column(OmUsd);
    sum.opexByCategory.col(static_cast<int>(OpexCategory::Cloud)) = column(CloudUsd);
    for (int c = 0; c < kCapexCategories; ++c)
        sum.capexByCategory.col(c) = column(CapexFirst + c);
    std::copy(m_binding.begin(), m_binding.end(), sum.binding.begin());
    const auto &capex = sum.capexByCategory;
    const auto &opex = sum.opexByCategory;
    sum.capexUsd = capex.col(0) + capex.col(1) + capex.col(2) + capex.col(3);
    sum.opexUsd = opex.col(0) + opex.col(1) + opex.col(2) + opex.col(3) + opex.col(4);
}

} // namespace cp::solver::detail
