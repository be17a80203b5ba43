#include "catalog/catalog.h"
#include "fields/validation.h"

#include <QTest>

#include <cmath>
#include <functional>
#include <limits>

using namespace cp;

namespace {

// A small valid plan: one owned site with one item of each kind.
Scenario validScenario()
{
    Scenario s;
    s.name = QStringLiteral("Test plan");
    s.startMonth = Month::fromYearMonth(2025, 1);
    s.horizonMonths = 36;
    Site site;
    site.name = QStringLiteral("Site A");
    site.facility.itCapacityMw = 20;
    site.facility.permitStartMonth = Month::fromYearMonth(2025, 1);
    site.facility.permitMonths = ThreePoint::fixed(3);
    site.facility.constructionStartMonth = Month::fromYearMonth(2025, 4);
    site.facility.buildMonths = ThreePoint { 6, 9, 14 };
    ComputeTranche t;
    t.name = QStringLiteral("Phase 1");
    t.accelerator = QStringLiteral("h100_sxm");
    t.count = 10000;
    t.orderMonth = Month::fromYearMonth(2025, 3);
    t.leadTimeMonths = ThreePoint::fixed(6);
    site.compute.push_back(t);
    PowerSource grid;
    grid.name = QStringLiteral("Grid");
    grid.kind = PowerKind::Grid;
    grid.capacityMw = 25;
    grid.orderMonth = Month::fromYearMonth(2025, 1);
    grid.leadTimeMonths = ThreePoint { 12, 18, 30 };
    site.power.push_back(grid);
    PowerSource bess;
    bess.name = QStringLiteral("Batteries");
    bess.kind = PowerKind::Bess;
    bess.powerMw = 10;
    bess.energyMwh = 20;
    bess.orderMonth = Month::fromYearMonth(2025, 1);
    bess.leadTimeMonths = ThreePoint::fixed(12);
    site.power.push_back(bess);
    CoolingPlant chiller;
    chiller.name = QStringLiteral("Chillers");
    chiller.kind = CoolingPlantKind::RentalChiller;
    chiller.capacityMw = 5;
    chiller.orderMonth = Month::fromYearMonth(2025, 6);
    chiller.leadTimeMonths = ThreePoint::fixed(1);
    site.cooling.push_back(chiller);
    s.sites.push_back(site);
    return s;
}

struct BadCase {
    const char *name;
    std::function<void(Scenario &)> mutate;
    const char *path;
    const char *message; // a fragment the message must contain
};

const double kNaN = std::numeric_limits<double>::quiet_NaN();

const std::vector<BadCase> &badCases()
{
    static const std::vector<BadCase> cases = {
        { "horizon 0", [](Scenario &s) { s.horizonMonths = 0; }, "horizonMonths", "from 1 to 600 (found 0)" },
        { "horizon 601", [](Scenario &s) { s.horizonMonths = 601; }, "horizonMonths", "from 1 to 600 (found 601)" },
        { "empty scenario name", [](Scenario &s) { s.name = QStringLiteral("  "); }, "name", "needs a name" },
        { "discount above 100", [](Scenario &s) { s.assumptions.discountRatePct = 101; }, "assumptions.discountRatePct",
          "Discount rate must be from 0 to 100% (found 101)" },
        { "utilization negative", [](Scenario &s) { s.assumptions.utilizationPct = -1; }, "assumptions.utilizationPct",
          "(found -1)" },
        { "negative electricity", [](Scenario &s) { s.assumptions.electricityUsdPerMwh = cp::solver::ThreePoint::fixed(-5); },
          "assumptions.electricityUsdPerMwh", "Electricity price must be from $0 to $1,000 per MWh (found -5)" },
        { "depreciation 0", [](Scenario &s) { s.assumptions.depreciationYears.power = 0; },
          "assumptions.depreciationYears.power", "more than 0 years" },
        { "NaN gas price", [](Scenario &s) { s.assumptions.gasUsdPerMmbtu = cp::solver::ThreePoint::fixed(kNaN); }, "assumptions.gasUsdPerMmbtu",
          "finite" },
        { "pue below 1", [](Scenario &s) { s.sites[0].pue = cp::solver::ThreePoint::fixed(0.95); }, "sites[0].pue", "from 1 to 3 (found 0.95)" },
        { "negative IT MW", [](Scenario &s) { s.sites[0].facility.itCapacityMw = -1; },
          "sites[0].facility.itCapacityMw", "IT capacity must be from 0 to 50,000 MW (found -1)" },
        { "fractional permit months", [](Scenario &s) { s.sites[0].facility.permitMonths = ThreePoint::fixed(2.5); },
          "sites[0].facility.permitMonths", "whole number of months from 0 to 600 (found 2.5)" },
        { "build high 601",
          [](Scenario &s) {
              s.sites[0].facility.buildMonths = ThreePoint { 6, 9, 601 };
          },
          "sites[0].facility.buildMonths", "Build duration, high, must be a whole number of months from 0 to 600 (found 601)" },
        { "low above mode",
          [](Scenario &s) {
              s.sites[0].facility.buildMonths = ThreePoint { 10, 9, 14 };
          },
          "sites[0].facility.buildMonths", "Build duration: low 10 is above likely (mode) 9" },
        { "mode above high",
          [](Scenario &s) {
              s.sites[0].facility.capexUsdPerMwIt = ThreePoint { 1e7, 2e7, 1.5e7 };
          },
          "sites[0].facility.capexUsdPerMwIt", "Build cost per MW IT: likely (mode) 20000000 is above high 15000000" },
        { "count 0", [](Scenario &s) { s.sites[0].compute[0].count = 0; }, "sites[0].compute[0].count",
          "Count must be a whole number from 1 to 10,000,000 (found 0)" },
        { "count too big", [](Scenario &s) { s.sites[0].compute[0].count = 10000001; }, "sites[0].compute[0].count",
          "(found 10000001)" },
        { "unknown accelerator", [](Scenario &s) { s.sites[0].compute[0].accelerator = QStringLiteral("h100"); },
          "sites[0].compute[0].accelerator", "unknown accelerator \"h100\"" },
        { "itKw 0", [](Scenario &s) { s.sites[0].compute[0].itKwPerAccelerator = cp::solver::ThreePoint::fixed(0.0); },
          "sites[0].compute[0].itKwPerAccelerator", "more than 0 kW" },
        { "unit capex above 1e6", [](Scenario &s) { s.sites[0].compute[0].unitCapexUsd = ThreePoint::fixed(1.5e6); },
          "sites[0].compute[0].unitCapexUsd", "Unit price must be from $0 to $1,000,000 (found 1500000)" },
        { "owned cloud-only chip without price",
          [](Scenario &s) { s.sites[0].compute[0].accelerator = QStringLiteral("trainium2"); },
          "sites[0].compute[0].unitCapexUsd", "state a Unit price (unitCapexUsd)" },
        { "deposit above 100", [](Scenario &s) { s.sites[0].compute[0].depositPct = 150; },
          "sites[0].compute[0].depositPct", "Deposit must be from 0 to 100% (found 150)" },
        { "negative capacity", [](Scenario &s) { s.sites[0].power[0].capacityMw = -10; },
          "sites[0].power[0].capacityMw", "Capacity must be from 0 to 50,000 MW (found -10)" },
        { "availability above 100", [](Scenario &s) { s.sites[0].power[0].availabilityPct = 100.5; },
          "sites[0].power[0].availabilityPct", "Availability must be from 0 to 100% (found 100.5)" },
        { "lead time negative",
          [](Scenario &s) {
              s.sites[0].power[0].leadTimeMonths = ThreePoint { -1, 18, 30 };
          },
          "sites[0].power[0].leadTimeMonths", "Lead time, low, must be a whole number of months from 0 to 600 (found -1)" },
        { "negative rent", [](Scenario &s) { s.sites[0].power[0].rentUsdPerMwMonth = cp::solver::ThreePoint::fixed(-1); },
          "sites[0].power[0].rentUsdPerMwMonth", "Rent must be from $0 to $1,000,000 per MW-month (found -1)" },
        { "negative heat rate", [](Scenario &s) { s.sites[0].power[0].heatRateBtuPerKwh = -1; },
          "sites[0].power[0].heatRateBtuPerKwh", "Heat rate must be from 0 to 20,000 Btu/kWh (found -1)" },
        { "negative battery energy", [](Scenario &s) { s.sites[0].power[1].energyMwh = -1; },
          "sites[0].power[1].energyMwh", "Battery energy must be from 0 to 500,000 MWh (found -1)" },
        { "battery without power rating", [](Scenario &s) { s.sites[0].power[1].powerMw = 0; },
          "sites[0].power[1].powerMw", "Battery power (powerMw) above 0" },
        { "infinite cooling capex", [](Scenario &s) { s.sites[0].cooling[0].capexUsd = ThreePoint::fixed(HUGE_VAL); },
          "sites[0].cooling[0].capexUsd", "finite" },
        // Magnitudes a planner would never mean, months outside any plan, a retirement
        // before the order.
        { "IT capacity of a billion MW", [](Scenario &s) { s.sites[0].facility.itCapacityMw = 1e9; },
          "sites[0].facility.itCapacityMw", "IT capacity must be from 0 to 50,000 MW (found 1000000000)" },
        { "build cost per MW of $1B", [](Scenario &s) { s.sites[0].facility.capexUsdPerMwIt = ThreePoint::fixed(1e9); },
          "sites[0].facility.capexUsdPerMwIt", "Build cost per MW IT must be from $0 to $100,000,000 per MW" },
        { "start in 1900", [](Scenario &s) { s.startMonth = Month::fromYearMonth(1900, 2); }, "startMonth",
          "Start must be a month from Jan 1990 to Dec 2100 (found Feb 1900)" },
        { "permit start in 2101",
          [](Scenario &s) { s.sites[0].facility.permitStartMonth = Month::fromYearMonth(2101, 1); },
          "sites[0].facility.permitStartMonth", "Permit start must be a month from Jan 1990 to Dec 2100" },
        { "retired in 1900", [](Scenario &s) { s.sites[0].compute[0].retireMonth = Month::fromYearMonth(1900, 2); },
          "sites[0].compute[0].retireMonth", "Retired must be a month from Jan 1990 to Dec 2100 (found Feb 1900)" },
        { "retired before ordered",
          [](Scenario &s) {
              s.sites[0].power[0].retireMonth = s.sites[0].power[0].orderMonth.plusMonths(-1);
          },
          "sites[0].power[0].retireMonth", "is before Ordered" },
        { "empty item name", [](Scenario &s) { s.sites[0].cooling[0].name.clear(); }, "sites[0].cooling[0].name",
          "cooling plant needs a name" },
        { "item name used twice across kinds", [](Scenario &s) { s.sites[0].cooling[0].name = QStringLiteral("Grid"); },
          "sites[0].cooling[0].name", "already used by sites[0].power[0]" },
        { "site name used twice",
          [](Scenario &s) {
              s.sites.push_back(s.sites[0]);
              s.sites[1].compute.clear();
          },
          "sites[1].name", "already used by sites[0]" },
    };
    return cases;
}

} // namespace

// validateScenario finds every section 7 problem of a Scenario value with its JSON path.
class TestValidation : public QObject
{
    Q_OBJECT

private slots:
    void validScenarioHasNoProblems()
    {
        const std::vector<Problem> problems = validateScenario(validScenario(), Catalog::builtIn());
        QVERIFY2(problems.empty(), problems.empty() ? "" : qPrintable(problems.front().toString()));
    }

    void edgesAreAccepted()
    {
        Scenario s = validScenario();
        s.horizonMonths = 600;
        s.sites[0].compute[0].count = 10000000;
        s.sites[0].compute[0].unitCapexUsd = ThreePoint::fixed(1e6);
        s.sites[0].pue = cp::solver::ThreePoint::fixed(3.0);
        s.sites[0].facility.permitMonths = ThreePoint::fixed(0);
        s.sites[0].power[0].availabilityPct = 0;
        s.sites[0].power[0].capacityMw = 0;
        // Names differing only in case are different names (exact comparison).
        s.sites[0].cooling[0].name = QStringLiteral("grid");
        // A cloud-only chip is fine on a cloud-partner site, and anywhere with a stated price.
        s.sites[0].compute[0].accelerator = QStringLiteral("tpu_v6e");
        Site partner = s.sites[0];
        partner.name = QStringLiteral("Partner");
        partner.ownership = SiteOwnership::CloudPartner;
        partner.compute[0].unitCapexUsd.reset();
        s.sites.push_back(partner);
        const std::vector<Problem> problems = validateScenario(s, Catalog::builtIn());
        QVERIFY2(problems.empty(), problems.empty() ? "" : qPrintable(problems.front().toString()));
    }

    void badValue_data()
    {
        QTest::addColumn<int>("row");
        for (std::size_t i = 0; i < badCases().size(); ++i)
            QTest::newRow(badCases()[i].name) << static_cast<int>(i);
    }
    void badValue()
    {
        QFETCH(int, row);
        const BadCase &c = badCases()[static_cast<std::size_t>(row)];
        Scenario s = validScenario();
        c.mutate(s);
        const std::vector<Problem> problems = validateScenario(s, Catalog::builtIn());
        QCOMPARE(problems.size(), std::size_t(1));
        QCOMPARE(problems[0].path, QString::fromLatin1(c.path));
        QVERIFY2(problems[0].message.contains(QString::fromLatin1(c.message)), qPrintable(problems[0].message));
        QVERIFY(problems[0].file.isEmpty());
    }

    void everyProblemAtOnce()
    {
        Scenario s = validScenario();
        s.horizonMonths = 0;
        s.sites[0].compute[0].count = 0;
        s.sites[0].power[0].capacityMw = -1;
        s.sites[0].cooling[0].name = QStringLiteral("Phase 1");
        const std::vector<Problem> problems = validateScenario(s, Catalog::builtIn());
        QStringList paths;
        for (const Problem &p : problems)
            paths << p.path;
        QCOMPARE(paths,
                 (QStringList { QStringLiteral("horizonMonths"), QStringLiteral("sites[0].compute[0].count"),
                                QStringLiteral("sites[0].power[0].capacityMw"),
                                QStringLiteral("sites[0].cooling[0].name") }));
    }

    void problemText()
    {
        QCOMPARE(
            (Problem { QStringLiteral("a.json"), QStringLiteral("sites[0].name"), QStringLiteral("bad") }).toString(),
            QStringLiteral("a.json: sites[0].name: bad"));
        QCOMPARE((Problem { QString(), QStringLiteral("name"), QStringLiteral("bad") }).toString(),
                 QStringLiteral("name: bad"));
        QCOMPARE((Problem { QStringLiteral("a.json"), QString(), QStringLiteral("bad") }).toString(),
                 QStringLiteral("a.json: bad"));
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
