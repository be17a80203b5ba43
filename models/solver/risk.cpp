#include "solver/risk.h"

#include "solver/datelinks.h"
#include "solver/result.h"
#include "solver/solver.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <thread>

namespace cp::solver {

namespace {

constexpr int kNeverMonth = INT_MAX; // a date that does not come within the horizon sorts last
constexpr double kNoIrr = -1e308; // a trial whose flows have no IRR

// SplitMix64: small, fast and good enough for sampling; one independent stream per trial.
struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next() noexcept
    {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; } // [0, 1)
};

SplitMix64 trialGenerator(std::uint64_t seed, int trial)
{
    SplitMix64 mix{seed};
    mix.state ^= mix.next() + static_cast<std::uint64_t>(trial) * 0xD1B54A32D192ED03ull;
    mix.next();
    return mix;
}

// The candidates that can limit a site at the target month, in a fixed order per site, so
// criticality counts can live in a flat array.
struct CandidateIndex {
    std::vector<int> siteOffset; // first candidate of each site
    int total = 0;
    // Within a site: 0 permit, 1 construction, 2 IT capacity, 3 power capacity (nothing on order),
    // 4 facility cooling, then tranches, sources, plants.
    static constexpr int kPermit = 0, kConstruction = 1, kItCapacity = 2, kPowerCapacity = 3, kFacilityCooling = 4;
    static constexpr int kFixed = 5;

    explicit CandidateIndex(const Plan &plan)
    {
        for (const Site &site : plan.sites) {
            siteOffset.push_back(total);
            total += kFixed + static_cast<int>(site.tranches.size() + site.sources.size() + site.coolingPlants.size());
        }
    }
};

std::string candidateName(const Site &site, int local)
{
    switch (local) {
    case CandidateIndex::kPermit: return "Permit";
    case CandidateIndex::kConstruction: return "Construction";
    case CandidateIndex::kItCapacity: return "Facility IT capacity";
    case CandidateIndex::kPowerCapacity: return "Power capacity (none on order)";
    case CandidateIndex::kFacilityCooling: return "Facility cooling";
    default: break;
    }
    std::size_t i = static_cast<std::size_t>(local - CandidateIndex::kFixed);
    if (i < site.tranches.size())
        return site.tranches[i].name;
    i -= site.tranches.size();
    if (i < site.sources.size())
        return site.sources[i].name;
    i -= site.sources.size();
    return site.coolingPlants[i].name;
}

// Which item held a site back at `target` (absolute), given its binding then: the later of
// permit and construction before the ready month; otherwise the next tranche, source or plant
// still to arrive, or the capacity itself when nothing more is on order.
int criticalCandidate(const Site &site, Binding binding, int target)
{
    const int permitEnd = permitEndMonth(site.facility);
    const int buildEnd = constructionEndMonth(site.facility);
    auto earliestPending = [target](int base, auto &&items, auto &&eligible) {
        int best = -1;
        int bestMonth = kNeverMonth;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (!eligible(items[i]))
                continue;
            const int at = arrivalMonth(items[i]);
            if (at > target && at < bestMonth && at < items[i].retireMonth) {
                best = base + static_cast<int>(i);
                bestMonth = at;
            }
        }
        return best;
    };
    const int trancheBase = CandidateIndex::kFixed;
    const int sourceBase = trancheBase + static_cast<int>(site.tranches.size());
    const int plantBase = sourceBase + static_cast<int>(site.sources.size());
    switch (binding) {
    case Binding::Facility:
        if (target < std::max(permitEnd, buildEnd))
            return permitEnd >= buildEnd ? CandidateIndex::kPermit : CandidateIndex::kConstruction;
        return CandidateIndex::kItCapacity;
    case Binding::Delivery: {
        const int i = earliestPending(trancheBase, site.tranches, [](const Tranche &) { return true; });
        return i >= 0 ? i : CandidateIndex::kItCapacity;
    }
    case Binding::Power: {
        const int i = earliestPending(sourceBase, site.sources, [](const PowerSource &s) { return s.kind != PowerKind::Bess; });
        return i >= 0 ? i : CandidateIndex::kPowerCapacity;
    }
    case Binding::Cooling: {
        const int i = earliestPending(plantBase, site.coolingPlants, [](const CoolingPlant &) { return true; });
        return i >= 0 ? i : CandidateIndex::kFacilityCooling;
    }
    case Binding::None: break;
    }
    return -1;
}

MonthPercentiles monthPercentiles(std::vector<int> months)
{
    std::sort(months.begin(), months.end());
    auto at = [&](int pct) -> std::optional<int> {
        const int m = months[nearestRankIndex(pct, months.size())];
        return m == kNeverMonth ? std::nullopt : std::optional<int>(m);
    };
    return {at(10), at(50), at(90)};
}

ValuePercentiles valuePercentiles(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return {values[nearestRankIndex(10, values.size())], values[nearestRankIndex(50, values.size())],
            values[nearestRankIndex(90, values.size())]};
}

FanBands fanBands(const Eigen::ArrayXXf &trialsByMonth, int trials)
{
    const Eigen::Index months = trialsByMonth.cols();
    FanBands bands;
    bands.p10.resize(months);
    bands.p50.resize(months);
    bands.p90.resize(months);
    std::vector<float> column(static_cast<std::size_t>(trials));
    for (Eigen::Index m = 0; m < months; ++m) {
        for (int t = 0; t < trials; ++t)
            column[static_cast<std::size_t>(t)] = trialsByMonth(t, m);
        std::sort(column.begin(), column.end());
        bands.p10[m] = column[nearestRankIndex(10, column.size())];
        bands.p50[m] = column[nearestRankIndex(50, column.size())];
        bands.p90[m] = column[nearestRankIndex(90, column.size())];
    }
    return bands;
}

int swingMonths(const std::optional<int> &a, const std::optional<int> &b, int beyondHorizon)
{
    return std::abs(a.value_or(beyondHorizon) - b.value_or(beyondHorizon));
}

} // namespace

std::size_t nearestRankIndex(int pct, std::size_t count) noexcept
{
    // Integer arithmetic: ceil(0.1 x 2000) in floating point is 201, not 200.
    const std::size_t rank = (static_cast<std::size_t>(pct) * count + 99) / 100;
    return rank == 0 ? 0 : rank - 1;
}

bool UncertainInput::isDuration() const noexcept
{
    switch (field) {
    case UncertainField::PermitMonths:
    case UncertainField::BuildMonths:
    case UncertainField::TrancheLeadTime:
    case UncertainField::SourceLeadTime:
    case UncertainField::PlantLeadTime: return true;
    default: return false;
    }
}

const char *UncertainInput::fieldName() const noexcept
{
    switch (field) {
    case UncertainField::PermitMonths: return "permitMonths";
    case UncertainField::BuildMonths: return "buildMonths";
    case UncertainField::FacilityCapex: return "capexUsd";
    case UncertainField::TrancheLeadTime:
    case UncertainField::SourceLeadTime:
    case UncertainField::PlantLeadTime: return "leadTimeMonths";
    case UncertainField::TrancheUnitCapex: return "unitCapexUsd";
    case UncertainField::SourceCapex:
    case UncertainField::PlantCapex: return "capexUsd";
    case UncertainField::ComputePrice: return "computePriceUsdPerAcceleratorHour";
    case UncertainField::TranchePrice: return "priceUsdPerAcceleratorHour";
    case UncertainField::ElectricityPrice: return "electricityUsdPerMwh";
    case UncertainField::GasPrice: return "gasUsdPerMmbtu";
    case UncertainField::Pue: return "pue";
    case UncertainField::TrancheItKw: return "itKwPerAccelerator";
    case UncertainField::TrancheRent: return "rentUsdPerAcceleratorHour";
    case UncertainField::SourceRent: return "rentUsdPerMwMonth";
    case UncertainField::PlantRent: return "rentUsdPerMonth";
    }
    return "";
}

std::vector<UncertainInput> uncertainInputs(const Plan &plan)
{
    std::vector<UncertainInput> inputs;
    auto add = [&](int site, int item, UncertainField field, const ThreePoint &range, bool applies = true) {
        if (applies && !range.isFixed())
            inputs.push_back({site, item, field, range});
    };
    if (plan.returns.computePriceUsdPerAcceleratorHour)
        add(-1, -1, UncertainField::ComputePrice, *plan.returns.computePriceUsdPerAcceleratorHour);
    // A fixed price (every v1 plan) is skipped by add(): it takes no draw, so such a plan's
    // trials draw exactly what they drew before prices could vary.
    add(-1, -1, UncertainField::ElectricityPrice, plan.assumptions.electricityUsdPerMwh);
    add(-1, -1, UncertainField::GasPrice, plan.assumptions.gasUsdPerMmbtu);
    for (std::size_t s = 0; s < plan.sites.size(); ++s) {
        const Site &site = plan.sites[s];
        const int si = static_cast<int>(s);
        const bool owned = !site.cloudPartner;
        add(si, -1, UncertainField::PermitMonths, site.facility.permitMonths);
        add(si, -1, UncertainField::BuildMonths, site.facility.buildMonths);
        add(si, -1, UncertainField::FacilityCapex, site.facility.capexUsd, owned && !site.facility.colocation);
        add(si, -1, UncertainField::Pue, site.pue);
        for (std::size_t i = 0; i < site.tranches.size(); ++i) {
            const Tranche &t = site.tranches[i];
            add(si, static_cast<int>(i), UncertainField::TrancheLeadTime, t.leadTimeMonths);
            add(si, static_cast<int>(i), UncertainField::TrancheUnitCapex, t.unitCapexUsd, owned);
            if (t.priceUsdPerAcceleratorHour)
                add(si, static_cast<int>(i), UncertainField::TranchePrice, *t.priceUsdPerAcceleratorHour);
            add(si, static_cast<int>(i), UncertainField::TrancheItKw, t.itKwPerAccelerator);
            add(si, static_cast<int>(i), UncertainField::TrancheRent, t.rentUsdPerAcceleratorHour, !owned);
        }
        for (std::size_t j = 0; j < site.sources.size(); ++j) {
            const PowerSource &source = site.sources[j];
            add(si, static_cast<int>(j), UncertainField::SourceLeadTime, source.leadTimeMonths);
            add(si, static_cast<int>(j), UncertainField::SourceCapex, source.capexUsd, owned && !source.rented);
            add(si, static_cast<int>(j), UncertainField::SourceRent, source.rentUsdPerMwMonth, owned && source.rented);
        }
        for (std::size_t k = 0; k < site.coolingPlants.size(); ++k) {
            const CoolingPlant &p = site.coolingPlants[k];
            add(si, static_cast<int>(k), UncertainField::PlantLeadTime, p.leadTimeMonths);
            add(si, static_cast<int>(k), UncertainField::PlantCapex, p.capexUsd, owned && !p.rented);
            add(si, static_cast<int>(k), UncertainField::PlantRent, p.rentUsdPerMonth, owned && p.rented);
        }
    }
    return inputs;
}

ThreePoint &inputValue(Plan &plan, const UncertainInput &input)
{
    if (input.field == UncertainField::ComputePrice)
        return *plan.returns.computePriceUsdPerAcceleratorHour;
    if (input.field == UncertainField::ElectricityPrice)
        return plan.assumptions.electricityUsdPerMwh;
    if (input.field == UncertainField::GasPrice)
        return plan.assumptions.gasUsdPerMmbtu;
    Site &site = plan.sites[static_cast<std::size_t>(input.site)];
    const auto item = static_cast<std::size_t>(std::max(input.item, 0));
    switch (input.field) {
    case UncertainField::PermitMonths: return site.facility.permitMonths;
    case UncertainField::BuildMonths: return site.facility.buildMonths;
    case UncertainField::FacilityCapex: return site.facility.capexUsd;
    case UncertainField::TrancheLeadTime: return site.tranches[item].leadTimeMonths;
    case UncertainField::TrancheUnitCapex: return site.tranches[item].unitCapexUsd;
    case UncertainField::SourceLeadTime: return site.sources[item].leadTimeMonths;
    case UncertainField::SourceCapex: return site.sources[item].capexUsd;
    case UncertainField::PlantLeadTime: return site.coolingPlants[item].leadTimeMonths;
    case UncertainField::PlantCapex: return site.coolingPlants[item].capexUsd;
    case UncertainField::TranchePrice: return *site.tranches[item].priceUsdPerAcceleratorHour;
    case UncertainField::Pue: return site.pue;
    case UncertainField::TrancheItKw: return site.tranches[item].itKwPerAccelerator;
    case UncertainField::TrancheRent: return site.tranches[item].rentUsdPerAcceleratorHour;
    case UncertainField::SourceRent: return site.sources[item].rentUsdPerMwMonth;
    case UncertainField::PlantRent: return site.coolingPlants[item].rentUsdPerMonth;
    case UncertainField::ComputePrice:
    case UncertainField::ElectricityPrice:
    case UncertainField::GasPrice: break; // plan-wide, handled above
    }
    return site.facility.permitMonths;
}

std::string inputItemName(const Plan &plan, const UncertainInput &input)
{
    if (input.site < 0)
        return "Plan";
    const Site &site = plan.sites[static_cast<std::size_t>(input.site)];
    const auto item = static_cast<std::size_t>(std::max(input.item, 0));
    switch (input.field) {
    case UncertainField::PermitMonths:
    case UncertainField::BuildMonths:
    case UncertainField::FacilityCapex:
    case UncertainField::Pue: return "Facility";
    case UncertainField::TrancheLeadTime:
    case UncertainField::TrancheUnitCapex:
    case UncertainField::TranchePrice:
    case UncertainField::TrancheItKw:
    case UncertainField::TrancheRent: return site.tranches[item].name;
    case UncertainField::SourceLeadTime:
    case UncertainField::SourceCapex:
    case UncertainField::SourceRent: return site.sources[item].name;
    case UncertainField::PlantLeadTime:
    case UncertainField::PlantCapex:
    case UncertainField::PlantRent: return site.coolingPlants[item].name;
    case UncertainField::ComputePrice:
    case UncertainField::ElectricityPrice:
    case UncertainField::GasPrice: break; // plan-wide, handled above
    }
    return {};
}

double sampleTriangular(const ThreePoint &r, double u) noexcept
{
    const double width = r.high - r.low;
    if (width <= 0)
        return r.mode;
    const double modeShare = (r.mode - r.low) / width;
    if (u < modeShare)
        return r.low + std::sqrt(u * width * (r.mode - r.low));
    return r.high - std::sqrt((1.0 - u) * width * (r.high - r.mode));
}

namespace {

// The first month (absolute) in which the portfolio's energized accelerators fall below what
// the month before had, beyond what retired tranches explain; kNeverMonth when they never do.
int firstDropMonth(const Result &result)
{
    const Eigen::ArrayXd &energized = result.monthly.energized;
    const Eigen::ArrayXd &planned = result.monthly.planned;
    for (Eigen::Index m = 1; m < energized.size(); ++m)
        if (std::min(energized[m - 1], planned[m]) - energized[m] >= 0.5)
            return result.startMonth + static_cast<int>(m);
    return kNeverMonth;
}

// The retirement that caused a trial's first fall, as a candidate index (sources and plants
// only), or -1: with linked dates a retire month differs from trial to trial, so it is recorded
// from the trial's own plan.
int dropCause(const Plan &trialPlan, const CandidateIndex &candidates, int month)
{
    for (std::size_t s = 0; s < trialPlan.sites.size(); ++s) {
        const Site &site = trialPlan.sites[s];
        const int sourceBase = candidates.siteOffset[s] + CandidateIndex::kFixed + static_cast<int>(site.tranches.size());
        for (std::size_t j = 0; j < site.sources.size(); ++j)
            if (site.sources[j].retireMonth == month)
                return sourceBase + static_cast<int>(j);
        const int plantBase = sourceBase + static_cast<int>(site.sources.size());
        for (std::size_t k = 0; k < site.coolingPlants.size(); ++k)
            if (site.coolingPlants[k].retireMonth == month)
                return plantBase + static_cast<int>(k);
    }
    return -1;
}

std::vector<EnergizedDrop> groupDrops(const Plan &plan, const CandidateIndex &candidates, const std::vector<int> &firstDrop,
                                      const std::vector<int> &causes)
{
    std::vector<std::pair<int, int>> months; // (first month of the fall, recorded cause)
    for (std::size_t t = 0; t < firstDrop.size(); ++t)
        if (firstDrop[t] != kNeverMonth)
            months.emplace_back(firstDrop[t], causes[t]);
    std::sort(months.begin(), months.end());
    std::vector<EnergizedDrop> drops;
    for (std::size_t i = 0; i < months.size();) {
        std::size_t j = i;
        while (j < months.size() && months[j].first == months[i].first)
            ++j;
        EnergizedDrop drop;
        drop.month = months[i].first;
        drop.share = static_cast<double>(j - i) / static_cast<double>(firstDrop.size());
        for (const Site &site : plan.sites) {
            for (const PowerSource &s : site.sources)
                if (s.retireMonth == drop.month)
                    drop.causes.push_back({site.name, s.name});
            for (const CoolingPlant &p : site.coolingPlants)
                if (p.retireMonth == drop.month)
                    drop.causes.push_back({site.name, p.name});
        }
        // Retirements that moved with a link fall in other months than the plan's: name them too.
        for (std::size_t k = i; k < j; ++k) {
            const int c = months[k].second;
            if (c < 0)
                continue;
            const auto site = static_cast<std::size_t>(
                std::upper_bound(candidates.siteOffset.begin(), candidates.siteOffset.end(), c) - candidates.siteOffset.begin() - 1);
            EnergizedDrop::Cause cause{plan.sites[site].name, candidateName(plan.sites[site], c - candidates.siteOffset[site])};
            if (std::none_of(drop.causes.begin(), drop.causes.end(), [&cause](const EnergizedDrop::Cause &known) {
                    return known.site == cause.site && known.item == cause.item;
                }))
                drop.causes.push_back(std::move(cause));
        }
        drops.push_back(std::move(drop));
        i = j;
    }
    std::stable_sort(drops.begin(), drops.end(),
                     [](const EnergizedDrop &a, const EnergizedDrop &b) { return a.share > b.share; });
    return drops;
}

} // namespace

RiskResult runRisk(const Plan &plan, const RiskOptions &options)
{
    RiskResult out;
    const int trials = std::max(1, options.trials);
    const int horizon = plan.horizonMonths;
    out.trials = trials;
    out.seed = options.seed;
    out.startMonth = plan.startMonth;
    out.horizonMonths = horizon;
    // By default: will the plan make its own date? (The horizon's end asks a question nobody has.)
    out.targetMonth = options.targetMonth;
    if (out.targetMonth < 0) {
        Solver solver;
        Result planned;
        solver.solve(plan, planned, SolveOptions{false, false, -1, false});
        out.targetMonth = planned.kpis.fullPowerMonth.value_or(plan.startMonth + horizon - 1);
    }
    const int probeMonth = std::clamp(out.targetMonth - plan.startMonth, 0, horizon - 1);

    const std::vector<UncertainInput> inputs = uncertainInputs(plan);
    out.inputCount = static_cast<int>(inputs.size());
    const CandidateIndex candidates(plan);

    // Per-trial outcomes in flat arrays indexed by trial: workers never share a slot.
    std::vector<int> firstCompute(static_cast<std::size_t>(trials), kNeverMonth);
    std::vector<int> fullPower(static_cast<std::size_t>(trials), kNeverMonth);
    std::vector<double> capex(static_cast<std::size_t>(trials), 0.0);
    std::vector<double> npv(static_cast<std::size_t>(trials), 0.0);
    const bool returns = plan.returns.stated;
    std::vector<double> npvNet(returns ? static_cast<std::size_t>(trials) : 0U, 0.0);
    std::vector<double> irr(returns ? static_cast<std::size_t>(trials) : 0U, kNoIrr);
    std::vector<int> critical(static_cast<std::size_t>(trials), -1);
    std::vector<int> firstDrop(static_cast<std::size_t>(trials), kNeverMonth);
    std::vector<int> firstDropCause(static_cast<std::size_t>(trials), -1);
    const bool linked = hasDateLinks(plan);
    Eigen::ArrayXXf energized(trials, horizon);
    Eigen::ArrayXXf spend(trials, horizon);

    std::atomic<int> nextTrial{0};
    std::atomic<bool> stopped{false};
    const SolveOptions lean{false, false, probeMonth, false};
    auto worker = [&]() {
        Plan trialPlan = plan; // one copy per thread; only the sampled fields change per trial
        Solver solver;
        Result result;
        constexpr int kChunk = 8;
        for (;;) {
            const int first = nextTrial.fetch_add(kChunk);
            if (first >= trials)
                return;
            for (int t = first; t < std::min(trials, first + kChunk); ++t) {
                if (options.cancel && options.cancel->load(std::memory_order_relaxed)) {
                    stopped = true;
                    return;
                }
                SplitMix64 rng = trialGenerator(options.seed, t);
                for (const UncertainInput &input : inputs) {
                    double x = sampleTriangular(input.range, rng.uniform());
                    if (input.isDuration())
                        x = std::floor(x + 0.5);
                    inputValue(trialPlan, input).mode = x;
                }
                if (linked) // a late grid moves the retirement linked to it (docs/scenario-format.md, section 3)
                    applyDateLinks(trialPlan);
                solver.solve(trialPlan, result, lean);
                const auto slot = static_cast<std::size_t>(t);
                firstCompute[slot] = result.kpis.firstComputeMonth.value_or(kNeverMonth);
                fullPower[slot] = result.kpis.fullPowerMonth.value_or(kNeverMonth);
                capex[slot] = result.kpis.totalCapexUsd;
                npv[slot] = result.kpis.npvCostUsd;
                if (returns) {
                    npvNet[slot] = result.kpis.npvNetUsd;
                    irr[slot] = result.kpis.irrPct.value_or(kNoIrr);
                }
                energized.row(t) = result.monthly.energized.cast<float>().transpose();
                firstDrop[slot] = firstDropMonth(result);
                if (firstDrop[slot] != kNeverMonth)
                    firstDropCause[slot] = dropCause(trialPlan, candidates, firstDrop[slot]);
                double cumulative = 0.0;
                for (int m = 0; m < horizon; ++m) {
                    cumulative += result.monthly.capexUsd[m] + result.monthly.opexUsd[m];
                    spend(t, m) = static_cast<float>(cumulative);
                }
                // The site with the most accelerators waiting at the target month names the limit.
                int worstSite = -1;
                double worstWaiting = 0.0;
                for (std::size_t s = 0; s < result.sites.size(); ++s) {
                    const SiteProbe &p = result.sites[s].probe;
                    const double waiting = p.planned - p.energized;
                    if (p.binding != Binding::None && waiting > worstWaiting) {
                        worstWaiting = waiting;
                        worstSite = static_cast<int>(s);
                    }
                }
                if (worstSite >= 0) {
                    const Site &site = trialPlan.sites[static_cast<std::size_t>(worstSite)];
                    const int local = criticalCandidate(site, result.sites[static_cast<std::size_t>(worstSite)].probe.binding,
                                                        out.targetMonth);
                    if (local >= 0)
                        critical[slot] = candidates.siteOffset[static_cast<std::size_t>(worstSite)] + local;
                }
                if (options.trialsDone)
                    options.trialsDone->fetch_add(1, std::memory_order_relaxed);
            }
        }
    };

    const int threadCount = std::clamp(options.threads > 0 ? options.threads
                                                           : static_cast<int>(std::thread::hardware_concurrency()),
                                       1, 64);
    std::vector<std::thread> pool;
    for (int i = 1; i < threadCount; ++i)
        pool.emplace_back(worker);
    worker();
    for (std::thread &thread : pool)
        thread.join();
    if (stopped) {
        out.cancelled = true;
        return out;
    }

    out.firstComputeMonth = monthPercentiles(firstCompute);
    out.fullPowerMonth = monthPercentiles(fullPower);
    out.totalCapexUsd = valuePercentiles(capex);
    out.npvCostUsd = valuePercentiles(npv);
    if (returns) {
        out.returnsStated = true;
        out.npvNetUsd = valuePercentiles(npvNet);
        std::vector<double> withIrr;
        for (const double v : irr)
            if (v != kNoIrr)
                withIrr.push_back(v);
        out.irrTrials = static_cast<int>(withIrr.size());
        if (!withIrr.empty())
            out.irrPct = valuePercentiles(withIrr);
    }
    out.probabilityFullPowerBy =
        static_cast<double>(std::count_if(fullPower.begin(), fullPower.end(), [&](int m) { return m <= out.targetMonth; }))
        / trials;
    out.energized = fanBands(energized, trials);
    out.cumulativeSpendUsd = fanBands(spend, trials);

    out.energizedDrops = groupDrops(plan, candidates, firstDrop, firstDropCause);

    std::vector<int> counts(static_cast<std::size_t>(candidates.total), 0);
    for (const int c : critical)
        if (c >= 0)
            ++counts[static_cast<std::size_t>(c)];
    for (std::size_t s = 0; s < plan.sites.size(); ++s) {
        const int base = candidates.siteOffset[s];
        const int end = s + 1 < plan.sites.size() ? candidates.siteOffset[s + 1] : candidates.total;
        for (int c = base; c < end; ++c)
            if (counts[static_cast<std::size_t>(c)] > 0)
                out.criticality.push_back({plan.sites[s].name, candidateName(plan.sites[s], c - base),
                                           static_cast<double>(counts[static_cast<std::size_t>(c)]) / trials});
    }
    std::stable_sort(out.criticality.begin(), out.criticality.end(),
                     [](const CriticalItem &a, const CriticalItem &b) { return a.share > b.share; });

    if (options.tornado) {
        Plan probe = plan;
        Solver solver;
        Result result;
        const SolveOptions kpisOnly{false, false, -1, false};
        const int beyond = plan.startMonth + horizon;
        out.tornadoByNet = returns;
        const auto measure = [returns](const Result &r) { return returns ? r.kpis.npvNetUsd : r.kpis.npvCostUsd; };
        for (const UncertainInput &input : inputs) {
            TornadoBar bar;
            if (input.site >= 0)
                bar.site = plan.sites[static_cast<std::size_t>(input.site)].name;
            bar.item = inputItemName(plan, input);
            bar.field = input.fieldName();
            bar.low = input.range.low;
            bar.high = input.range.high;
            ThreePoint &value = inputValue(probe, input);
            const auto setTo = [&](double x) {
                value.mode = x;
                if (linked)
                    applyDateLinks(probe);
            };
            setTo(input.isDuration() ? std::floor(input.range.low + 0.5) : input.range.low);
            solver.solve(probe, result, kpisOnly);
            bar.npvAtLowUsd = measure(result);
            bar.fullPowerAtLow = result.kpis.fullPowerMonth;
            setTo(input.isDuration() ? std::floor(input.range.high + 0.5) : input.range.high);
            solver.solve(probe, result, kpisOnly);
            bar.npvAtHighUsd = measure(result);
            bar.fullPowerAtHigh = result.kpis.fullPowerMonth;
            setTo(input.range.mode);
            bar.npvSwingUsd = std::abs(bar.npvAtHighUsd - bar.npvAtLowUsd);
            bar.fullPowerSwingMonths = swingMonths(bar.fullPowerAtLow, bar.fullPowerAtHigh, beyond);
            out.tornado.push_back(std::move(bar));
        }
        std::stable_sort(out.tornado.begin(), out.tornado.end(), [](const TornadoBar &a, const TornadoBar &b) {
            if (a.npvSwingUsd != b.npvSwingUsd)
                return a.npvSwingUsd > b.npvSwingUsd;
            return a.fullPowerSwingMonths > b.fullPowerSwingMonths;
        });
    }
    return out;
}

} // namespace cp::solver
