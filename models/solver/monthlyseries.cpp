#include "solver/monthlyseries.h"

namespace cp::solver {

const char *capexCategoryName(CapexCategory category) noexcept
{
    switch (category) {
    case CapexCategory::Compute: return "compute";
    case CapexCategory::Facility: return "facility";
    case CapexCategory::Power: return "power";
    case CapexCategory::Cooling: return "cooling";
    }
    return "";
}

const char *opexCategoryName(OpexCategory category) noexcept
{
    switch (category) {
    case OpexCategory::Energy: return "energy";
    case OpexCategory::Fuel: return "fuel";
    case OpexCategory::Rent: return "rent";
    case OpexCategory::Om: return "om";
    case OpexCategory::Cloud: return "cloud";
    }
    return "";
}

const char *bindingName(Binding binding) noexcept
{
    switch (binding) {
    case Binding::None: return "none";
    case Binding::Facility: return "facility";
    case Binding::Delivery: return "delivery";
    case Binding::Power: return "power";
    case Binding::Cooling: return "cooling";
    }
    return "";
}

void MonthlySeries::prepare(int months)
{
    for (Eigen::ArrayXd *a : {&delivered, &energized, &stranded, &planned, &itMw, &facilityMw, &powerMw, &coolingMw,
                              &bessMw, &energyMwh, &bf16Pflops, &capexUsd, &opexUsd, &depreciationUsd, &revenueUsd,
                              &residualValueUsd, &netCashFlowUsd})
        a->resize(months);
    opexByCategory.resize(months, kOpexCategories);
    capexByCategory.resize(months, kCapexCategories);
    binding.resize(static_cast<std::size_t>(months));
}

} // namespace cp::solver
