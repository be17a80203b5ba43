#include "solver/portfoliosums.h"

#include <algorithm>
#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace cp::solver::detail {

void PortfolioSums::reset(int horizonMonths)
{
    m_horizon = horizonMonths;
    m_rows.assign(static_cast<std::size_t>(horizonMonths) * kFields, 0.0);
    m_mostWaiting.assign(static_cast<std::size_t>(horizonMonths), 0.0);
    m_binding.assign(static_cast<std::size_t>(horizonMonths), Binding::None);
    m_siteCapex.resize(static_cast<std::size_t>(horizonMonths) * kCapexCategories, 0.0); // add() leaves it zero
    m_siteResidual.resize(static_cast<std::size_t>(horizonMonths), 0.0);                // likewise
}

void PortfolioSums::add(const SiteFacts &facts, const PlanCalendar &calendar, double utilization)
{
    // Fixed-size arrays: Eigen adds a whole row in a few vector instructions.
    using ConstantRow = Eigen::Array<double, kHourly, 1>;
    using HourlyRow = Eigen::Array<double, kHourlyFields, 1>;
    double *rows = m_rows.data();
    HourlyRow scale;
    scale << utilization, utilization, utilization, utilization, 1.0, 1.0;
    for (const Segment &seg : facts.segments) {
        ConstantRow constant;
        constant << seg.delivered, seg.energized, seg.delivered - seg.energized, seg.planned, seg.itMw,
            seg.facilityMw, seg.bf16Pflops, seg.firmMw, seg.coolingMw, seg.bessMw, seg.rentUsdPerMonth;
        // An hourly field is perHour x hours x scale + perMonth: the same steps, in the same
        // order, as the site's own arrays (SiteSeries::expandInto), so the sums match them.
        HourlyRow perHour;
        perHour << seg.facilityMw, seg.energyUsdPerHour, seg.fuelUsdPerHour, seg.varOmUsdPerHour, seg.cloudUsdPerHour,
            seg.revenueUsdPerHour;
        HourlyRow perMonth;
        perMonth << 0.0, 0.0, 0.0, seg.fixedOmUsdPerMonth, 0.0, 0.0;
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
    for (const Payment &r : facts.residuals)
        m_siteResidual[static_cast<std::size_t>(r.month)] += r.usd;
    for (const Payment &r : facts.residuals) {
        double &siteSum = m_siteResidual[static_cast<std::size_t>(r.month)];
        rows[static_cast<std::ptrdiff_t>(r.month) * kFields + ResidualUsd] += siteSum;
        siteSum = 0.0;
    }
}

void PortfolioSums::writeTo(MonthlySeries &sum) const
{
    const int horizon = m_horizon;
    sum.prepare(horizon);
    // Transpose the month-major rows into the arrays, a row at a time (every field's array
    // written in the same pass).
    std::array<double *, kFields> out{};
    out[Delivered] = sum.delivered.data();
    out[Energized] = sum.energized.data();
    out[Stranded] = sum.stranded.data();
    out[Planned] = sum.planned.data();
    out[ItMw] = sum.itMw.data();
    out[FacilityMw] = sum.facilityMw.data();
    out[Bf16Pflops] = sum.bf16Pflops.data();
    out[PowerMw] = sum.powerMw.data();
    out[CoolingMw] = sum.coolingMw.data();
    out[BessMw] = sum.bessMw.data();
    out[RentUsd] = sum.opexByCategory.col(static_cast<int>(OpexCategory::Rent)).data();
    out[EnergyMwh] = sum.energyMwh.data();
    out[EnergyUsd] = sum.opexByCategory.col(static_cast<int>(OpexCategory::Energy)).data();
    out[FuelUsd] = sum.opexByCategory.col(static_cast<int>(OpexCategory::Fuel)).data();
    out[OmUsd] = sum.opexByCategory.col(static_cast<int>(OpexCategory::Om)).data();
    out[CloudUsd] = sum.opexByCategory.col(static_cast<int>(OpexCategory::Cloud)).data();
    out[DepreciationUsd] = sum.depreciationUsd.data();
    out[RevenueUsd] = sum.revenueUsd.data();
    out[ResidualUsd] = sum.residualValueUsd.data();
    for (int c = 0; c < kCapexCategories; ++c)
        out[static_cast<std::size_t>(CapexFirst + c)] = sum.capexByCategory.col(c).data();
    int m = 0;
#if defined(__SSE2__)
    // Two months at a time: a field pair of two rows is a 2 x 2 block, swapped in registers.
    for (; m + 1 < horizon; m += 2) {
        const double *row0 = m_rows.data() + static_cast<std::ptrdiff_t>(m) * kFields;
        const double *row1 = row0 + kFields;
        std::size_t f = 0;
        for (; f + 1 < kFields; f += 2) {
            const __m128d a = _mm_loadu_pd(row0 + f); // month m: fields f, f+1
            const __m128d b = _mm_loadu_pd(row1 + f); // month m+1
            _mm_storeu_pd(out[f] + m, _mm_unpacklo_pd(a, b));
            _mm_storeu_pd(out[f + 1] + m, _mm_unpackhi_pd(a, b));
        }
        for (; f < kFields; ++f) {
            out[f][m] = row0[f];
            out[f][m + 1] = row1[f];
        }
    }
#endif
    for (; m < horizon; ++m) {
        const double *row = m_rows.data() + static_cast<std::ptrdiff_t>(m) * kFields;
        for (std::size_t f = 0; f < kFields; ++f)
            out[f][m] = row[f];
    }
    std::copy(m_binding.begin(), m_binding.end(), sum.binding.begin());
    const auto &capex = sum.capexByCategory;
    const auto &opex = sum.opexByCategory;
    sum.capexUsd = capex.col(0) + capex.col(1) + capex.col(2) + capex.col(3);
    sum.opexUsd = opex.col(0) + opex.col(1) + opex.col(2) + opex.col(3) + opex.col(4);
    sum.netCashFlowUsd = sum.revenueUsd + sum.residualValueUsd - sum.capexUsd - sum.opexUsd;
}

} // namespace cp::solver::detail
