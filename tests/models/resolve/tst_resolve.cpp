#include "catalog/catalog.h"
#include "io/scenariojson.h"
#include "resolve/scenarioexport.h"
#include "resolve/resolver.h"

#include <QFile>
#include <QTest>

using namespace cp;

namespace {

Month ym(int year, int month)
{
    return Month::fromYearMonth(year, month);
}

Site baseSite(const char *name)
{
    Site site;
    site.name = QString::fromLatin1(name);
    site.facility.cooling = FacilityCooling::Dlc;
    site.facility.itCapacityMw = 150;
    site.facility.permitStartMonth = ym(2024, 1);
    site.facility.permitMonths = ThreePoint::fixed(1);
    site.facility.constructionStartMonth = ym(2024, 2);
    site.facility.buildMonths = ThreePoint { 3, 4, 6 };
    return site;
}

ComputeTranche tranche(const char *name, const char *accelerator, int count)
{
    ComputeTranche t;
    t.name = QString::fromLatin1(name);
    t.accelerator = QString::fromLatin1(accelerator);
    t.count = count;
    t.orderMonth = ym(2024, 2);
    t.leadTimeMonths = ThreePoint::fixed(4);
    return t;
}

PowerSource source(const char *name, PowerKind kind, double capacityMw)
{
    PowerSource p;
    p.name = QString::fromLatin1(name);
    p.kind = kind;
    p.capacityMw = capacityMw;
    p.orderMonth = ym(2024, 1);
    p.leadTimeMonths = ThreePoint::fixed(3);
    return p;
}

CoolingPlant plant(const char *name, CoolingPlantKind kind, double capacityMw)
{
    CoolingPlant c;
    c.name = QString::fromLatin1(name);
    c.kind = kind;
    c.capacityMw = capacityMw;
    c.orderMonth = ym(2024, 3);
    c.leadTimeMonths = ThreePoint::fixed(1);
    return c;
}

// One owned DLC site with an item of every kind, mostly on catalog defaults.
Scenario memphisLike()
{
    Scenario s;
    s.name = QStringLiteral("Resolve test");
    s.startMonth = ym(2024, 1);
    s.horizonMonths = 60;
    s.assumptions.gasUsdPerMmbtu = cp::solver::ThreePoint::fixed(4.0);
    Site site = baseSite("Memphis");
    site.compute.push_back(tranche("100k H100", "h100_sxm", 100000));
    site.power.push_back(source("Turbines", PowerKind::MobileTurbine, 100));
    PowerSource owned = source("Owned turbines", PowerKind::MobileTurbine, 50);
    owned.capexUsdPerKw = ThreePoint::fixed(1000);
    site.power.push_back(owned);
    PowerSource bess = source("Megapacks", PowerKind::Bess, 0);
    bess.powerMw = 10;
    bess.energyMwh = 20;
    site.power.push_back(bess);
    site.power.push_back(source("Grid", PowerKind::Grid, 25));
    site.power.push_back(source("CCGT", PowerKind::GasCcgt, 100));
    site.power.back().retireMonth = ym(2030, 6);
    site.cooling.push_back(plant("Rented chillers", CoolingPlantKind::RentalChiller, 5));
    site.cooling.push_back(plant("Chiller plant", CoolingPlantKind::Chiller, 5));
    CoolingPlant bought = plant("Bought rental units", CoolingPlantKind::RentalChiller, 2);
    bought.capexUsd = ThreePoint::fixed(300000);
    site.cooling.push_back(bought);
    s.sites.push_back(site);
    return s;
}

bool hasUse(const ResolvedPlan &r, const QString &path)
{
    for (const CatalogUse &use : r.catalogUses)
        if (use.path == path)
            return true;
    return false;
}

// Compares with a relative tolerance: products like 1.1 x 100,000 are not exact in binary.
bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-12 * std::max(std::abs(a), std::abs(b));
}
bool near(const ThreePoint &a, const ThreePoint &b)
{
    return near(a.low, b.low) && near(a.mode, b.mode) && near(a.high, b.high);
}

} // namespace

// The resolver fills every default the format (docs/scenario-format.md) and the brief name, by
// hand-checked numbers.
class TestResolve : public QObject
{
    Q_OBJECT

private slots:
    void plainFieldsAndMonths()
    {
        const ResolvedPlan r = resolvePlan(memphisLike(), Catalog::builtIn());
        const solver::Plan &plan = r.plan;
        QCOMPARE(plan.name, std::string("Resolve test"));
        QCOMPARE(plan.startMonth, 2024 * 12 + 0);
        QCOMPARE(plan.horizonMonths, 60);
        QCOMPARE(plan.assumptions.gasUsdPerMmbtu.mode, 4.0);
        QCOMPARE(plan.assumptions.discountRatePct, 9.0);
        QCOMPARE(plan.assumptions.depreciationYearsCooling, 15.0);
        const solver::Site &site = plan.sites.at(0);
        QCOMPARE(site.facility.permitStartMonth, 2024 * 12 + 0);
        QCOMPARE(site.facility.constructionStartMonth, 2024 * 12 + 1);
        QCOMPARE(site.facility.buildMonths, (ThreePoint { 3, 4, 6 }));
        QCOMPARE(site.tranches.at(0).orderMonth, 2024 * 12 + 1);
        QCOMPARE(site.tranches.at(0).retireMonth, solver::kNever);
        QCOMPARE(site.sources.at(4).retireMonth, 2030 * 12 + 5);
        // Check parameters come from the catalog globals.
        QCOMPARE(plan.checks.swingFraction, 0.6);
        QCOMPARE(plan.checks.interruptionsPerAcceleratorYear, 0.17);
        QCOMPARE(plan.checks.spareRatio, 0.05);
        QCOMPARE(plan.checks.swingThresholdItMw, 10.0);
    }

    void facilityDefaults()
    {
        const ResolvedPlan r = resolvePlan(memphisLike(), Catalog::builtIn());
        const solver::Site &site = r.plan.sites.at(0);
        QCOMPARE(site.pue.mode, 1.15);                 // dlc
        QCOMPARE(site.facility.coolingMw, 150.0); // = itCapacityMw
        QVERIFY(!site.facility.colocation);
        // Catalog $9.3M / $12M / $16M per MW IT x 150 MW.
        QVERIFY(near(site.facility.capexUsd, ThreePoint { 1.395e9, 1.8e9, 2.4e9 }));
        QCOMPARE(site.facility.fixedOmUsdPerMwItYear, 300000.0);
        QCOMPARE(site.facility.leaseUsdPerKwMonth, 0.0);
        QVERIFY(hasUse(r, QStringLiteral("sites[0].facility.capexUsdPerMwIt")));
        QVERIFY(hasUse(r, QStringLiteral("sites[0].pue")));

        Scenario s = memphisLike();
        s.sites[0].facility.capexUsd = ThreePoint::fixed(5e8);
        s.sites[0].facility.capexUsdPerMwIt = ThreePoint::fixed(1e6); // capexUsd wins
        s.sites[0].facility.coolingMw = 60;
        s.sites[0].pue = cp::solver::ThreePoint::fixed(1.3);
        const ResolvedPlan given = resolvePlan(s, Catalog::builtIn());
        QCOMPARE(given.plan.sites[0].facility.capexUsd, ThreePoint::fixed(5e8));
        QCOMPARE(given.plan.sites[0].facility.coolingMw, 60.0);
        QCOMPARE(given.plan.sites[0].pue.mode, 1.3);
        QVERIFY(!hasUse(given, QStringLiteral("sites[0].pue")));

        s.sites[0].facility.kind = FacilityKind::Colocation;
        s.sites[0].facility.capexUsd.reset();
        const ResolvedPlan colo = resolvePlan(s, Catalog::builtIn());
        QVERIFY(colo.plan.sites[0].facility.colocation);
        QCOMPARE(colo.plan.sites[0].facility.leaseUsdPerKwMonth, 150.0);
        QCOMPARE(colo.plan.sites[0].facility.capexUsd, ThreePoint {});
    }

    void trancheDefaults()
    {
        const ResolvedPlan r = resolvePlan(memphisLike(), Catalog::builtIn());
        const solver::Tranche &t = r.plan.sites.at(0).tranches.at(0);
        QCOMPARE(t.acceleratorId, std::string("h100_sxm"));
        QCOMPARE(t.count, 100000);
        QCOMPARE(t.unitCapexUsd, (ThreePoint { 38000, 45000, 55000 }));
        QCOMPARE(t.unitCapexUsd.mode * t.count, 4.5e9); // the reference's "100k x $45k = $4.5B"
        QCOMPARE(t.itKwPerAccelerator.mode, 1.4);
        QCOMPARE(t.bf16Tflops, 989.0);
        QVERIFY(hasUse(r, QStringLiteral("sites[0].compute[0].unitCapexUsd")));
        QVERIFY(hasUse(r, QStringLiteral("sites[0].compute[0].itKwPerAccelerator")));
        // Rent per accelerator-hour matters only on cloud-partner sites.
        QVERIFY(!hasUse(r, QStringLiteral("sites[0].compute[0].rentUsdPerAcceleratorHour")));

        Scenario s = memphisLike();
        s.sites[0].compute[0].itKwPerAccelerator = cp::solver::ThreePoint::fixed(1.5);
        const ResolvedPlan given = resolvePlan(s, Catalog::builtIn());
        QCOMPARE(given.plan.sites[0].tranches[0].itKwPerAccelerator.mode, 1.5);
        QVERIFY(!hasUse(given, QStringLiteral("sites[0].compute[0].itKwPerAccelerator")));
    }

    void cloudPartnerSite()
    {
        Scenario s = memphisLike();
        s.sites[0].ownership = SiteOwnership::CloudPartner;
        s.sites[0].compute[0] = tranche("Trainium2", "trainium2", 400000);
        const ResolvedPlan r = resolvePlan(s, Catalog::builtIn());
        const solver::Site &site = r.plan.sites.at(0);
        QVERIFY(site.cloudPartner);
        QCOMPARE(site.tranches[0].unitCapexUsd, ThreePoint {}); // cloud only: never paid
        QCOMPARE(site.tranches[0].rentUsdPerAcceleratorHour.mode, 2.0);
        QCOMPARE(site.tranches[0].itKwPerAccelerator.mode, 0.9);
        // Only what the site's results rest on: rent, power, PUE; no capex or O&M.
        QVERIFY(hasUse(r, QStringLiteral("sites[0].compute[0].rentUsdPerAcceleratorHour")));
        QVERIFY(hasUse(r, QStringLiteral("sites[0].pue")));
        QVERIFY(!hasUse(r, QStringLiteral("sites[0].facility.capexUsdPerMwIt")));
        QVERIFY(!hasUse(r, QStringLiteral("sites[0].power[4].capexUsdPerKw")));
    }

    void powerDefaults()
    {
        const ResolvedPlan r = resolvePlan(memphisLike(), Catalog::builtIn());
        const std::vector<solver::PowerSource> &p = r.plan.sites.at(0).sources;

        // A mobile turbine with no price is rented at the catalog's $30,000 per MW-month.
        QVERIFY(p[0].rented);
        QCOMPARE(p[0].rentUsdPerMwMonth.mode, 30000.0);
        QCOMPARE(p[0].fixedOmUsdPerKwYear, 0.0);
        QCOMPARE(p[0].heatRateBtuPerKwh, 10000.0);
        QCOMPARE(p[0].capexUsd, ThreePoint {});
        // One that states a capex rate is owned: $1,000/kW x 50 MW x 1000 = $50M, owned O&M.
        QVERIFY(!p[1].rented);
        QCOMPARE(p[1].capexUsd, ThreePoint::fixed(5e7));
        QCOMPARE(p[1].fixedOmUsdPerKwYear, 10.0);
        // Battery: $180/300/450 per kWh x 20 MWh / 10 MW = $360/600/900 per kW; x 10 MW x 1000
        // = $3.6M/6M/9M, the same as $300/kWh x 20,000 kWh.
        QVERIFY(!p[2].rented);
        QCOMPARE(p[2].powerMw, 10.0);
        QCOMPARE(p[2].nameplateMw(), 10.0);
        QVERIFY(near(p[2].capexUsd, ThreePoint { 3.6e6, 6e6, 9e6 }));
        QCOMPARE(p[2].fixedOmUsdPerKwYear, 40.0);
        QCOMPARE(p[2].heatRateBtuPerKwh, 0.0);
        // Grid: $50/150/400 per kW x 25 MW; no fixed O&M, no heat rate.
        QVERIFY(near(p[3].capexUsd, ThreePoint { 1.25e6, 3.75e6, 1e7 }));
        QCOMPARE(p[3].fixedOmUsdPerKwYear, 0.0);
        QCOMPARE(p[3].heatRateBtuPerKwh, 0.0);
        // CCGT: $1,100/2,200/2,600 per kW x 100 MW; EIA O&M; 6,300 Btu/kWh.
        QVERIFY(near(p[4].capexUsd, ThreePoint { 1.1e8, 2.2e8, 2.6e8 }));
        QCOMPARE(p[4].fixedOmUsdPerKwYear, 14.0);
        QCOMPARE(p[4].varOmUsdPerMwh, 3.5);
        QCOMPARE(p[4].heatRateBtuPerKwh, 6300.0);
        QVERIFY(hasUse(r, QStringLiteral("sites[0].power[2].capexUsdPerKw")));
        QVERIFY(hasUse(r, QStringLiteral("sites[0].power[0].rentUsdPerMwMonth")));
    }

    void explicitRentMakesAnySourceRented()
    {
        Scenario s = memphisLike();
        s.sites[0].power[4].rentUsdPerMwMonth = cp::solver::ThreePoint::fixed(12000);
        s.sites[0].power[4].fixedOmUsdPerKwYear = 3;
        const ResolvedPlan r = resolvePlan(s, Catalog::builtIn());
        const solver::PowerSource &ccgt = r.plan.sites[0].sources[4];
        QVERIFY(ccgt.rented);
        QCOMPARE(ccgt.rentUsdPerMwMonth.mode, 12000.0);
        QCOMPARE(ccgt.capexUsd, ThreePoint {});
        QCOMPARE(ccgt.fixedOmUsdPerKwYear, 3.0); // stated values win even when rented
    }

    void coolingDefaults()
    {
        const ResolvedPlan r = resolvePlan(memphisLike(), Catalog::builtIn());
        const std::vector<solver::CoolingPlant> &c = r.plan.sites.at(0).coolingPlants;
        // Rental chiller: $11,400 per MW-month x 5 MW.
        QVERIFY(c[0].rented);
        QCOMPARE(c[0].rentUsdPerMonth.mode, 57000.0);
        // Owned chiller: $85k/199k/341k per MW x 5 MW.
        QVERIFY(!c[1].rented);
        QCOMPARE(c[1].capexUsd, (ThreePoint { 425000, 995000, 1705000 }));
        // A rental chiller with a stated capex is owned.
        QVERIFY(!c[2].rented);
        QCOMPARE(c[2].capexUsd, ThreePoint::fixed(300000));
    }

    void resolvingTwiceChangesNothing()
    {
        const Scenario once = resolveScenario(memphisLike(), Catalog::builtIn());
        QCOMPARE(resolveScenario(once, Catalog::builtIn()), once);
        // Applicable defaults are filled; inapplicable ones stay absent.
        const Site &site = once.sites[0];
        QVERIFY(site.pue && site.facility.coolingMw && site.facility.capexUsdPerMwIt);
        QVERIFY(!site.facility.leaseUsdPerKwMonth);
        QVERIFY(!site.power[0].capexUsdPerKw);     // rented turbine
        QVERIFY(!site.power[3].heatRateBtuPerKwh); // grid
        QVERIFY(!site.cooling[0].capexUsd);        // rented chiller
        QVERIFY(!site.cooling[1].rentUsdPerMonth); // owned chiller
    }

    void exportedPlanSolvesTheSame()
    {
        // Every example, exported and read back, resolves to the same solver input.
        for (const char *file :
             { "memphis-retrofit-100k-h100.json", "meta-2gw-gas-campus.json", "anthropic-400k-trainium2-cloud.json",
               "gpt4-era-20k-a100.json", "greenfield-grid-wait.json" }) {
            const io::ParseResult original = io::readScenarioFile(
                QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples/") + QLatin1String(file), Catalog::builtIn());
            QVERIFY2(original.ok(), file);
            const io::ParseResult exported
                = io::parseScenarioJson(io::exportScenarioJson(*original.scenario, Catalog::builtIn()),
                                        Catalog::builtIn(), QStringLiteral("x"));
            QVERIFY2(exported.ok(), file);
            const solver::Plan a = resolvePlan(*original.scenario, Catalog::builtIn()).plan;
            const solver::Plan b = resolvePlan(*exported.scenario, Catalog::builtIn()).plan;
            QCOMPARE(a.sites.size(), b.sites.size());
            for (std::size_t i = 0; i < a.sites.size(); ++i) {
                QCOMPARE(a.sites[i].pue, b.sites[i].pue);
                QCOMPARE(a.sites[i].facility.capexUsd, b.sites[i].facility.capexUsd);
                QCOMPARE(a.sites[i].facility.coolingMw, b.sites[i].facility.coolingMw);
                QCOMPARE(a.sites[i].facility.fixedOmUsdPerMwItYear, b.sites[i].facility.fixedOmUsdPerMwItYear);
                QCOMPARE(a.sites[i].facility.leaseUsdPerKwMonth, b.sites[i].facility.leaseUsdPerKwMonth);
                for (std::size_t j = 0; j < a.sites[i].tranches.size(); ++j) {
                    QCOMPARE(a.sites[i].tranches[j].unitCapexUsd, b.sites[i].tranches[j].unitCapexUsd);
                    QCOMPARE(a.sites[i].tranches[j].itKwPerAccelerator, b.sites[i].tranches[j].itKwPerAccelerator);
                    QCOMPARE(a.sites[i].tranches[j].rentUsdPerAcceleratorHour,
                             b.sites[i].tranches[j].rentUsdPerAcceleratorHour);
                }
                for (std::size_t j = 0; j < a.sites[i].sources.size(); ++j) {
                    QCOMPARE(a.sites[i].sources[j].rented, b.sites[i].sources[j].rented);
                    QCOMPARE(a.sites[i].sources[j].rentUsdPerMwMonth, b.sites[i].sources[j].rentUsdPerMwMonth);
                    QCOMPARE(a.sites[i].sources[j].capexUsd, b.sites[i].sources[j].capexUsd);
                    QCOMPARE(a.sites[i].sources[j].fixedOmUsdPerKwYear, b.sites[i].sources[j].fixedOmUsdPerKwYear);
                    QCOMPARE(a.sites[i].sources[j].varOmUsdPerMwh, b.sites[i].sources[j].varOmUsdPerMwh);
                    QCOMPARE(a.sites[i].sources[j].heatRateBtuPerKwh, b.sites[i].sources[j].heatRateBtuPerKwh);
                }
                for (std::size_t j = 0; j < a.sites[i].coolingPlants.size(); ++j) {
                    QCOMPARE(a.sites[i].coolingPlants[j].rented, b.sites[i].coolingPlants[j].rented);
                    QCOMPARE(a.sites[i].coolingPlants[j].rentUsdPerMonth, b.sites[i].coolingPlants[j].rentUsdPerMonth);
                    QCOMPARE(a.sites[i].coolingPlants[j].capexUsd, b.sites[i].coolingPlants[j].capexUsd);
                }
            }
        }
    }

    void staleWarnings()
    {
        Scenario s;
        s.name = QStringLiteral("Stale");
        s.startMonth = ym(2026, 1);
        Site site = baseSite("Site A");
        site.compute.push_back(tranche("H100s", "h100_sxm", 1000));
        s.sites.push_back(site);
        const ResolvedPlan r = resolvePlan(s, Catalog::builtIn());

        // Dates used (data/catalog): itKwPerAccelerator 2024-06, bf16Tflops 2024-07, unitCapexUsd
        // 2024-08; site-wide: dlc pue 2026-01, capexUsdPerMwIt 2025-01, fixedOmUsdPerMwItYear 2026-11.
        // In 2026-08, 2024-06 and 2024-07 are more than 24 months old; 2024-08 is exactly 24.
        const std::vector<solver::Warning> warnings = staleCatalogWarnings(r.catalogUses, ym(2026, 8));
        QCOMPARE(warnings.size(), std::size_t(1));
        QCOMPARE(warnings[0].site, std::string("Site A"));
        QCOMPARE(warnings[0].item, std::string("H100s"));
        QCOMPARE(warnings[0].code, std::string("stale_catalog"));
        const QString message = QString::fromStdString(warnings[0].message);
        QVERIFY2(message.contains(QStringLiteral("itKwPerAccelerator (2024-06), bf16Tflops (2024-07)")),
                 qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("unitCapexUsd")), qPrintable(message));
        QVERIFY2(message.startsWith(QStringLiteral("Site A / H100s: ")), qPrintable(message)); // reads on its own
        QVERIFY2(message.contains(QStringLiteral("before Aug 2026")), qPrintable(message));

        QVERIFY(staleCatalogWarnings(r.catalogUses, ym(2026, 6)).empty());

        // Much later, the site's own defaults age too: one site-wide warning (empty item) first.
        const std::vector<solver::Warning> later = staleCatalogWarnings(r.catalogUses, ym(2028, 6));
        QCOMPARE(later.size(), std::size_t(2));
        QCOMPARE(later[0].item, std::string());
        QVERIFY(QString::fromStdString(later[0].message).contains(QStringLiteral("pue (2026-01)")));
        QVERIFY(QString::fromStdString(later[0].message).contains(QStringLiteral("capexUsdPerMwIt (2025-01)")));
        QVERIFY(!QString::fromStdString(later[0].message).contains(QStringLiteral("fixedOmUsdPerMwItYear")));
        QCOMPARE(later[1].item, std::string("H100s"));
        QVERIFY(QString::fromStdString(later[1].message).contains(QStringLiteral("unitCapexUsd (2024-08)")));
    }
};

QTEST_GUILESS_MAIN(TestResolve)
#include "tst_resolve.moc"
