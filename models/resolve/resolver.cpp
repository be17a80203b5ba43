#include "resolve/resolver.h"

#include "domain/linkeddates.h"
#include "domain/strictjson.h"
#include "solver/datelinks.h"

namespace cp {

namespace {

using io::jsonPathIndex;
using io::jsonPathKey;

// Fills defaults into a copy of the scenario and, when asked, records which catalog values the
// results rest on.
class Resolver
{
public:
    Resolver(const Catalog &catalog, std::vector<CatalogUse> *uses)
        : m_catalog(catalog)
        , m_uses(uses)
    {
    }

    Scenario resolve(Scenario s)
    {
        for (std::size_t i = 0; i < s.sites.size(); ++i)
            resolveSite(s.sites[i], jsonPathIndex(QStringLiteral("sites"), static_cast<qsizetype>(i)));
        refreshLinkedDates(s); // a scenario built in memory may not have them yet
        return s;
    }

private:
    // Takes `value` into `target` when it is empty; records the use when it matters.
    template<typename T>
    void fill(std::optional<T> &target, const T &value, const CatalogValue *source, bool matters, const QString &path,
              const char *field)
    {
        if (target)
            return;
        target = value;
        if (m_uses && source && matters)
            m_uses->push_back(CatalogUse { jsonPathKey(path, QLatin1String(field)), m_site, m_item,
                                           QString::fromLatin1(field), source });
    }

    void fillValue(std::optional<double> &target, const CatalogValue &source, bool matters, const QString &path,
                   const char *field)
    {
        fill(target, source.value, &source, matters, path, field);
    }

    void fillRange(std::optional<ThreePoint> &target, const CatalogValue &source, double factor, bool matters,
                   const QString &path, const char *field)
    {
        fill(target, source.range().scaled(factor), &source, matters, path, field);
    }

    void resolveSite(Site &site, const QString &path)
    {
        m_site = site.name;
        m_item.clear();
        const bool owned = site.ownership == SiteOwnership::Own;
        Facility &f = site.facility;
        const QString facilityPath = jsonPathKey(path, u"facility");
        const CatalogGlobals &g = m_catalog.globals();

        fillRange(site.pue, m_catalog.facilityCooling(f.cooling).pue, 1.0, true, path, "pue");
        if (!f.coolingMw)
            f.coolingMw = f.itCapacityMw;
        if (f.kind == FacilityKind::Colocation)
            fillValue(f.leaseUsdPerKwMonth, g.leaseUsdPerKwMonth, owned, facilityPath, "leaseUsdPerKwMonth");
        else if (!f.capexUsd)
            fillRange(f.capexUsdPerMwIt, g.capexUsdPerMwIt, 1.0, owned, facilityPath, "capexUsdPerMwIt");
        fillValue(f.fixedOmUsdPerMwItYear, g.fixedOmUsdPerMwItYear, owned, facilityPath, "fixedOmUsdPerMwItYear");

        for (std::size_t i = 0; i < site.compute.size(); ++i)
            resolveTranche(site.compute[i], jsonPathIndex(jsonPathKey(path, u"compute"), static_cast<qsizetype>(i)),
                           owned);
        for (std::size_t i = 0; i < site.power.size(); ++i)
            resolveSource(site.power[i], jsonPathIndex(jsonPathKey(path, u"power"), static_cast<qsizetype>(i)), owned);
        for (std::size_t i = 0; i < site.cooling.size(); ++i)
            resolvePlant(site.cooling[i], jsonPathIndex(jsonPathKey(path, u"cooling"), static_cast<qsizetype>(i)),
                         owned);
    }

    void resolveTranche(ComputeTranche &t, const QString &path, bool owned)
    {
        m_item = t.name;
        const AcceleratorSpec *spec = m_catalog.accelerator(t.accelerator);
        if (!spec)
            return; // refused by validateScenario; nothing to fill from
        if (spec->unitCapexUsd)
            fillRange(t.unitCapexUsd, *spec->unitCapexUsd, 1.0, owned, path, "unitCapexUsd");
        fillRange(t.itKwPerAccelerator, spec->itKwPerAccelerator, 1.0, true, path, "itKwPerAccelerator");
        fillValue(t.bf16Tflops, spec->bf16Tflops, true, path, "bf16Tflops");
        fillRange(t.rentUsdPerAcceleratorHour, spec->rentUsdPerAcceleratorHour, 1.0, !owned, path,
                  "rentUsdPerAcceleratorHour");
    }

    void resolveSource(PowerSource &p, const QString &path, bool owned)
    {
        m_item = p.name;
        const PowerKindSpec &spec = m_catalog.powerKind(p.kind);
        const bool rentedByDefault = p.kind == PowerKind::MobileTurbine && !p.capexUsd && !p.capexUsdPerKw;
        if (rentedByDefault && spec.rentUsdPerMwMonth)
            fillRange(p.rentUsdPerMwMonth, *spec.rentUsdPerMwMonth, 1.0, owned, path, "rentUsdPerMwMonth");
        const bool rented = p.rentUsdPerMwMonth.has_value();

        if (rented) {
            if (!p.fixedOmUsdPerKwYear)
                // The rent includes O&M (docs/scenario-format.md, section 3: 0 for rented sources).
                p.fixedOmUsdPerKwYear = 0.0;
        } else {
            if (!p.capexUsd) {
                if (p.kind == PowerKind::Bess && spec.capexUsdPerKwh) {
                    // Per kWh -> per kW of this battery: x its duration (energyMwh / powerMw).
                    const double hours = p.powerMw > 0.0 ? p.energyMwh / p.powerMw : 0.0;
                    fillRange(p.capexUsdPerKw, *spec.capexUsdPerKwh, hours, owned, path, "capexUsdPerKw");
                } else if (spec.capexUsdPerKw) {
                    fillRange(p.capexUsdPerKw, *spec.capexUsdPerKw, 1.0, owned, path, "capexUsdPerKw");
                }
            }
            fillValue(p.fixedOmUsdPerKwYear, spec.fixedOmUsdPerKwYear, owned, path, "fixedOmUsdPerKwYear");
        }
        fillValue(p.varOmUsdPerMwh, spec.varOmUsdPerMwh, owned, path, "varOmUsdPerMwh");
        if (isGasKind(p.kind) && spec.heatRateBtuPerKwh)
            fillValue(p.heatRateBtuPerKwh, *spec.heatRateBtuPerKwh, owned, path, "heatRateBtuPerKwh");
    }

    void resolvePlant(CoolingPlant &c, const QString &path, bool owned)
    {
        m_item = c.name;
        if (c.kind == CoolingPlantKind::RentalChiller && !c.capexUsd) {
            const CoolingPlantSpec &spec = m_catalog.coolingPlant(CoolingPlantKind::RentalChiller);
            if (spec.rentUsdPerMwMonth)
                fillRange(c.rentUsdPerMonth, *spec.rentUsdPerMwMonth, c.capacityMw, owned, path, "rentUsdPerMonth");
        }
        if (!c.rentUsdPerMonth) {
            const CoolingPlantSpec &spec = m_catalog.coolingPlant(CoolingPlantKind::Chiller);
            if (spec.capexUsdPerMw)
                fillRange(c.capexUsd, *spec.capexUsdPerMw, c.capacityMw, owned, path, "capexUsd");
        }
    }

    const Catalog &m_catalog;
    std::vector<CatalogUse> *m_uses;
    QString m_site;
    QString m_item;
};

int retireIndex(const std::optional<Month> &month)
{
    return month ? month->index() : solver::kNever;
}

ThreePoint orZero(const std::optional<ThreePoint> &value)
{
    return value.value_or(ThreePoint {});
}

solver::Site planSite(const Site &site)
{
    solver::Site out;
    out.name = site.name.toStdString();
    out.cloudPartner = site.ownership == SiteOwnership::CloudPartner;
    out.pue = site.pue.value_or(ThreePoint::fixed(1.0));

    const Facility &f = site.facility;
    solver::Facility &pf = out.facility;
    pf.permitStartMonth = f.permitStartMonth.index();
    pf.permitMonths = f.permitMonths;
    pf.constructionStartMonth = f.constructionStartMonth.index();
    pf.buildMonths = f.buildMonths;
    pf.itCapacityMw = f.itCapacityMw;
    pf.coolingMw = f.coolingMw.value_or(f.itCapacityMw);
    pf.colocation = f.kind == FacilityKind::Colocation;
    if (pf.colocation)
        pf.leaseUsdPerKwMonth = f.leaseUsdPerKwMonth.value_or(0.0);
    else
        pf.capexUsd = f.capexUsd ? *f.capexUsd : orZero(f.capexUsdPerMwIt).scaled(f.itCapacityMw);
    pf.fixedOmUsdPerMwItYear = f.fixedOmUsdPerMwItYear.value_or(0.0);

    for (const ComputeTranche &t : site.compute) {
        solver::Tranche pt;
        pt.name = t.name.toStdString();
        pt.acceleratorId = t.accelerator.toStdString();
        pt.count = t.count;
        pt.orderMonth = t.orderMonth.index();
        pt.orderAfterFacilityReadyMonths = t.orderAfterFacilityReadyMonths;
        pt.leadTimeMonths = t.leadTimeMonths;
        pt.unitCapexUsd = orZero(t.unitCapexUsd);
        pt.itKwPerAccelerator = orZero(t.itKwPerAccelerator);
        pt.bf16Tflops = t.bf16Tflops.value_or(0.0);
        pt.rentUsdPerAcceleratorHour = orZero(t.rentUsdPerAcceleratorHour);
        pt.depositPct = t.depositPct;
        pt.retireMonth = retireIndex(t.retireMonth);
        pt.priceUsdPerAcceleratorHour = t.priceUsdPerAcceleratorHour;
        pt.soldPct = t.soldPct;
        pt.salvagePctOfBook = t.salvagePctOfBook.value_or(0.0);
        out.tranches.push_back(std::move(pt));
    }

    for (const PowerSource &p : site.power) {
        solver::PowerSource ps;
        ps.name = p.name.toStdString();
        ps.kind = p.kind;
        ps.capacityMw = p.kind == PowerKind::Bess ? 0.0 : p.capacityMw;
        ps.availabilityPct = p.availabilityPct;
        ps.powerMw = p.kind == PowerKind::Bess ? p.powerMw : 0.0;
        ps.energyMwh = p.kind == PowerKind::Bess ? p.energyMwh : 0.0;
        ps.orderMonth = p.orderMonth.index();
        ps.leadTimeMonths = p.leadTimeMonths;
        ps.rented = p.rentUsdPerMwMonth.has_value();
        if (ps.rented)
            ps.rentUsdPerMwMonth = *p.rentUsdPerMwMonth;
        else
            ps.capexUsd = p.capexUsd ? *p.capexUsd : orZero(p.capexUsdPerKw).scaled(ps.nameplateMw() * 1000.0);
        ps.depositPct = p.depositPct;
        ps.fixedOmUsdPerKwYear = p.fixedOmUsdPerKwYear.value_or(0.0);
        ps.varOmUsdPerMwh = p.varOmUsdPerMwh.value_or(0.0);
        ps.heatRateBtuPerKwh = isGasKind(p.kind) ? p.heatRateBtuPerKwh.value_or(0.0) : 0.0;
        ps.retireMonth = retireIndex(p.retireMonth);
        if (p.retireAfter) {
            ps.retireAfterSource = p.retireAfter->source.toStdString();
            ps.retireAfterPlusMonths = p.retireAfter->plusMonths;
        }
        ps.salvagePctOfBook = ps.rented ? 0.0 : p.salvagePctOfBook.value_or(0.0);
        out.sources.push_back(std::move(ps));
    }

    for (const CoolingPlant &c : site.cooling) {
        solver::CoolingPlant pc;
        pc.name = c.name.toStdString();
        pc.kind = c.kind;
        pc.capacityMw = c.capacityMw;
        pc.orderMonth = c.orderMonth.index();
        pc.leadTimeMonths = c.leadTimeMonths;
        pc.rented = c.rentUsdPerMonth.has_value();
        if (pc.rented)
            pc.rentUsdPerMonth = *c.rentUsdPerMonth;
        else
            pc.capexUsd = orZero(c.capexUsd);
        pc.depositPct = c.depositPct;
        pc.retireMonth = retireIndex(c.retireMonth);
        pc.salvagePctOfBook = pc.rented ? 0.0 : c.salvagePctOfBook.value_or(0.0);
        out.coolingPlants.push_back(std::move(pc));
    }
    return out;
}

// Returns are stated when any returns input is present anywhere in the plan.
solver::Returns planReturns(const Scenario &scenario)
{
    solver::Returns returns;
    const Assumptions &a = scenario.assumptions;
    returns.computePriceUsdPerAcceleratorHour = a.computePriceUsdPerAcceleratorHour;
    returns.burnInMonths = a.burnInMonths.value_or(0);
    returns.residualValue = a.residualValue.value_or(ResidualValue::None);
    const ResidualPctOfBook shares = a.residualPctOfBook.value_or(ResidualPctOfBook{});
    returns.residualPctOfBook = {shares.compute, shares.facility, shares.power, shares.cooling};
    bool stated = a.computePriceUsdPerAcceleratorHour || a.burnInMonths || a.residualValue || a.residualPctOfBook;
    for (const Site &site : scenario.sites) {
        for (const ComputeTranche &t : site.compute)
            stated = stated || t.priceUsdPerAcceleratorHour || t.soldPct || t.salvagePctOfBook;
        for (const PowerSource &p : site.power)
            stated = stated || p.salvagePctOfBook;
        for (const CoolingPlant &c : site.cooling)
            stated = stated || c.salvagePctOfBook;
    }
    returns.stated = stated;
    return returns;
}

} // namespace

Scenario resolveScenario(const Scenario &scenario, const Catalog &catalog)
{
    return Resolver(catalog, nullptr).resolve(scenario);
}

ResolvedPlan resolvePlan(const Scenario &scenario, const Catalog &catalog)
{
    ResolvedPlan out;
    // The plan is built from the resolved scenario, so an exported (resolved) file solves to
    // exactly the same plan as the original.
    const Scenario resolved = Resolver(catalog, &out.catalogUses).resolve(scenario);

    solver::Plan &plan = out.plan;
    plan.name = resolved.name.toStdString();
    plan.startMonth = resolved.startMonth.index();
    plan.horizonMonths = resolved.horizonMonths;
    const Assumptions &a = resolved.assumptions;
    plan.assumptions.discountRatePct = a.discountRatePct;
    plan.assumptions.electricityUsdPerMwh = a.electricityUsdPerMwh;
    plan.assumptions.gasUsdPerMmbtu = a.gasUsdPerMmbtu;
    plan.assumptions.utilizationPct = a.utilizationPct;
    plan.assumptions.depreciationYearsCompute = a.depreciationYears.compute;
    plan.assumptions.depreciationYearsFacility = a.depreciationYears.facility;
    plan.assumptions.depreciationYearsPower = a.depreciationYears.power;
    plan.assumptions.depreciationYearsCooling = a.depreciationYears.cooling;

    const CatalogGlobals &g = catalog.globals();
    plan.checks.swingFraction = g.swingFraction.value;
    plan.checks.interruptionsPerAcceleratorYear = g.interruptionsPerAcceleratorYear.value;
    plan.checks.spareRatio = g.spareRatio.value;

    for (const Site &site : resolved.sites)
        plan.sites.push_back(planSite(site));
    plan.returns = planReturns(resolved);
    solver::applyDateLinks(plan); // the same months as refreshLinkedDates gave; kept for plans built in code
    return out;
}

} // namespace cp
