#include "naivesolver.h"
#include "plangenerator.h"
#include "solver/solver.h"

#include <QTest>

#include <cmath>
#include <initializer_list>
#include <utility>
#include <vector>

using namespace testplan;

// Properties over generated plans. Each test draws its own plans from a fixed seed, so a
// failure names a reproducible plan (seed and index in the message).
namespace {

constexpr int kPlans = 300;

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)});
}

QString where(int plan, std::size_t site, int month)
{
    return QStringLiteral("plan %1, site %2, month %3").arg(plan).arg(site).arg(month);
}

bool allFinite(const Eigen::ArrayXd &a)
{
    return a.allFinite();
}

} // namespace

class TestSolverProperties : public QObject
{
    Q_OBJECT

private slots:
    // The event-segment solver equals the month-by-month reading of the format
    // (docs/scenario-format.md, section 4), month by month.
    void matchesNaiveReference()
    {
        PlanGenerator gen(11);
        Solver solver;
        Result r;
        for (int p = 0; p < kPlans; ++p) {
            const Plan plan = gen.next();
            solver.solve(plan, r);
            for (std::size_t s = 0; s < plan.sites.size(); ++s) {
                const NaiveSite ref = naiveSolveSite(plan, plan.sites[s]);
                const MonthlySeries &got = r.sites[s].monthly();
                for (int m = 0; m < plan.horizonMonths; ++m) {
                    const QString at = where(p, s, m);
                    QVERIFY2(got.delivered[m] == ref.delivered[m], qPrintable(at + QStringLiteral(" delivered")));
                    QVERIFY2(got.energized[m] == ref.energized[m], qPrintable(at + QStringLiteral(" energized")));
                    QVERIFY2(got.planned[m] == ref.planned[m], qPrintable(at + QStringLiteral(" planned")));
                    QVERIFY2(got.binding[static_cast<std::size_t>(m)] == ref.binding[m], qPrintable(at + QStringLiteral(" binding")));
                    QVERIFY2(near(got.itMw[m], ref.itMw[m]), qPrintable(at + QStringLiteral(" itMw")));
                    QVERIFY2(near(got.facilityMw[m], ref.facilityMw[m]), qPrintable(at + QStringLiteral(" facilityMw")));
                    QVERIFY2(near(got.powerMw[m], ref.powerMw[m]), qPrintable(at + QStringLiteral(" powerMw")));
                    QVERIFY2(near(got.energyMwh[m], ref.energyMwh[m]), qPrintable(at + QStringLiteral(" energyMwh")));
                    QVERIFY2(near(got.depreciationUsd[m], ref.depreciation[m]), qPrintable(at + QStringLiteral(" depreciation")));
                    for (int c = 0; c < kCapexCategories; ++c)
                        QVERIFY2(near(got.capexByCategory(m, c), ref.capex[m][c]), qPrintable(at + QStringLiteral(" capex %1").arg(c)));
                    for (int c = 0; c < kOpexCategories; ++c)
                        QVERIFY2(near(got.opexByCategory(m, c), ref.opex[m][c]), qPrintable(at + QStringLiteral(" opex %1").arg(c)));
                }
            }
        }
    }

    void energizedNeverExceedsDelivered()
    {
        PlanGenerator gen(12);
        for (int p = 0; p < kPlans; ++p) {
            const Result r = solve(gen.next());
            for (const SiteResult &site : r.sites) {
                QVERIFY((site.monthly().energized <= site.monthly().delivered).all());
                QVERIFY((site.monthly().delivered <= site.monthly().planned).all());
                QVERIFY((site.monthly().energized >= 0).all());
                QVERIFY((site.monthly().stranded == site.monthly().delivered - site.monthly().energized).all());
            }
        }
    }

    // Totals are sums of months; the portfolio is the sum of its sites.
    void sumsAreConsistent()
    {
        PlanGenerator gen(13);
        for (int p = 0; p < kPlans; ++p) {
            const Result r = solve(gen.next());
            QVERIFY(near(r.kpis.totalCapexUsd, r.monthly.capexUsd.sum()));
            QVERIFY(near(r.kpis.totalOpexUsd, r.monthly.opexUsd.sum()));
            double capexCategories = 0, opexCategories = 0;
            for (double c : r.kpis.capexByCategory)
                capexCategories += c;
            for (double c : r.kpis.opexByCategory)
                opexCategories += c;
            QVERIFY(near(r.kpis.totalCapexUsd, capexCategories));
            QVERIFY(near(r.kpis.totalOpexUsd, opexCategories));

            double capex = 0, opex = 0, energy = 0, stranded = 0, depreciation = 0;
            Eigen::ArrayXd energized = Eigen::ArrayXd::Zero(r.horizonMonths);
            for (const SiteResult &site : r.sites) {
                capex += site.kpis.totalCapexUsd;
                opex += site.kpis.totalOpexUsd;
                energy += site.kpis.energyMwh;
                stranded += site.kpis.strandedAcceleratorMonths;
                depreciation += site.kpis.depreciationUsd;
                energized += site.monthly().energized;
            }
            QVERIFY(near(r.kpis.totalCapexUsd, capex));
            QVERIFY(near(r.kpis.totalOpexUsd, opex));
            QVERIFY(near(r.kpis.energyMwh, energy));
            QVERIFY(near(r.kpis.strandedAcceleratorMonths, stranded));
            QVERIFY(near(r.kpis.depreciationUsd, depreciation));
            QVERIFY((energized == r.monthly.energized).all());
        }
    }

    // A spreadsheet user adds the CSV's site rows and expects the portfolio row to the cent:
    // every portfolio array is the sum of the sites' arrays, added in listed order, bit for bit.
    void portfolioTiesOutToTheSitesExactly()
    {
        using Field = Eigen::ArrayXd MonthlySeries::*;
        const std::pair<const char *, Field> fields[] = {
            {"delivered", &MonthlySeries::delivered},   {"energized", &MonthlySeries::energized},
            {"stranded", &MonthlySeries::stranded},     {"planned", &MonthlySeries::planned},
            {"itMw", &MonthlySeries::itMw},             {"facilityMw", &MonthlySeries::facilityMw},
            {"powerMw", &MonthlySeries::powerMw},       {"coolingMw", &MonthlySeries::coolingMw},
            {"bessMw", &MonthlySeries::bessMw},         {"energyMwh", &MonthlySeries::energyMwh},
            {"bf16Pflops", &MonthlySeries::bf16Pflops}, {"depreciationUsd", &MonthlySeries::depreciationUsd}};
        PlanGenerator gen(17);
        for (int p = 0; p < kPlans; ++p) {
            const Result r = solve(gen.next());
            std::vector<MonthlySeries> sites;
            for (const SiteResult &site : r.sites)
                sites.push_back(site.monthly());
            const auto sumOfSites = [&](const auto &valueOf) {
                Eigen::ArrayXd sum = Eigen::ArrayXd::Zero(r.horizonMonths);
                for (const MonthlySeries &site : sites)
                    sum += valueOf(site);
                return sum;
            };
            const auto say = [p](const QString &what) { return QStringLiteral("plan %1: %2").arg(p).arg(what); };
            for (const auto &[name, field] : fields) {
                const Eigen::ArrayXd sum = sumOfSites([f = field](const MonthlySeries &s) { return s.*f; });
                QVERIFY2((sum == r.monthly.*field).all(), qPrintable(say(QLatin1String(name))));
            }
            for (int c = 0; c < kCapexCategories; ++c) {
                const Eigen::ArrayXd sum = sumOfSites([c](const MonthlySeries &s) { return s.capexByCategory.col(c); });
                QVERIFY2((sum == r.monthly.capexByCategory.col(c)).all(),
                         qPrintable(say(QLatin1String(capexCategoryName(static_cast<CapexCategory>(c))))));
            }
            for (int c = 0; c < kOpexCategories; ++c) {
                const Eigen::ArrayXd sum = sumOfSites([c](const MonthlySeries &s) { return s.opexByCategory.col(c); });
                QVERIFY2((sum == r.monthly.opexByCategory.col(c)).all(),
                         qPrintable(say(QLatin1String(opexCategoryName(static_cast<OpexCategory>(c))))));
            }
            // The total columns add up their own row's categories, at a site and in the portfolio.
            QVERIFY(!sites.empty());
            for (const MonthlySeries *s : std::initializer_list<const MonthlySeries *>{&r.monthly, &sites.front()}) {
                const auto &capex = s->capexByCategory;
                const auto &opex = s->opexByCategory;
                QVERIFY2((s->capexUsd == capex.col(0) + capex.col(1) + capex.col(2) + capex.col(3)).all(),
                         qPrintable(say(QStringLiteral("capexUsd"))));
                QVERIFY2((s->opexUsd == opex.col(0) + opex.col(1) + opex.col(2) + opex.col(3) + opex.col(4)).all(),
                         qPrintable(say(QStringLiteral("opexUsd"))));
            }
        }
    }

    void doublingCountsDoublesComputeCapex()
    {
        PlanGenerator gen(14);
        for (int p = 0; p < kPlans; ++p) {
            Plan plan = gen.next();
            const Result once = solve(plan);
            for (Site &site : plan.sites)
                for (Tranche &t : site.tranches)
                    t.count *= 2;
            const Result twice = solve(plan);
            QVERIFY2(near(twice.kpis.capexByCategory[0], 2 * once.kpis.capexByCategory[0]), qPrintable(QString::number(p)));
        }
    }

    // More power never lowers the IT load energized, nor the count of the first-delivered
    // tranche; with one kW per accelerator across a site it never lowers the count either.
    // (With mixed kW the format's delivery-order rule can lower the count: 4 x 1.0 kW then
    // 3 x 0.3 kW energize 6 at 3.988 MW but 5 at 4.322 MW. The IT MW still rises.)
    void addingPowerNeverLowersEnergizedLoad()
    {
        PlanGenerator gen(15);
        for (int p = 0; p < kPlans; ++p) {
            Plan plan = gen.next();
            const Result before = solve(plan);
            for (Site &site : plan.sites)
                site.sources.push_back(grid("Extra", 50, plan.startMonth + p % 24, 0));
            const Result after = solve(plan);
            for (std::size_t s = 0; s < plan.sites.size(); ++s) {
                const Eigen::ArrayXd gain = after.sites[s].monthly().itMw - before.sites[s].monthly().itMw;
                QVERIFY2((gain >= -1e-9).all(), qPrintable(QStringLiteral("plan %1 site %2").arg(p).arg(s)));
            }
        }

        PlanGenerator uniformGen(16);
        for (int p = 0; p < kPlans; ++p) {
            Plan plan = uniformGen.next();
            for (Site &site : plan.sites)
                for (Tranche &t : site.tranches)
                    t.itKwPerAccelerator = cp::solver::ThreePoint::fixed(1.4);
            const Result before = solve(plan);
            for (Site &site : plan.sites)
                site.sources.push_back(grid("Extra", 50, plan.startMonth, 0));
            const Result after = solve(plan);
            QVERIFY2((after.monthly.energized >= before.monthly.energized).all(), qPrintable(QString::number(p)));
        }
    }

    void noNaNOrInfinity()
    {
        PlanGenerator gen(17);
        for (int p = 0; p < kPlans; ++p) {
            const Result r = solve(gen.next());
            const MonthlySeries &s = r.monthly;
            for (const Eigen::ArrayXd *a : {&s.delivered, &s.energized, &s.stranded, &s.itMw, &s.facilityMw, &s.powerMw,
                                            &s.coolingMw, &s.energyMwh, &s.bf16Pflops, &s.capexUsd, &s.opexUsd,
                                            &s.depreciationUsd})
                QVERIFY(allFinite(*a));
            QVERIFY(s.capexByCategory.allFinite() && s.opexByCategory.allFinite());
            QVERIFY(std::isfinite(r.kpis.npvCostUsd));
            if (r.kpis.costPerAcceleratorHourUsd)
                QVERIFY(std::isfinite(*r.kpis.costPerAcceleratorHourUsd));
        }
    }

    // A reused Solver (scratch buffers kept) gives the same bits as a fresh one, and series
    // left out of risk trials do not change the KPIs.
    void deterministicAndReusable()
    {
        PlanGenerator gen(18);
        Solver reused;
        Result r;
        for (int p = 0; p < 100; ++p) {
            const Plan plan = gen.next();
            reused.solve(plan, r);
            const Result fresh = solve(plan);
            QVERIFY((r.monthly.energized == fresh.monthly.energized).all());
            QVERIFY((r.monthly.capexUsd == fresh.monthly.capexUsd).all());
            QCOMPARE(r.kpis.npvCostUsd, fresh.kpis.npvCostUsd);
            Result lean;
            reused.solve(plan, lean, SolveOptions{false, false});
            QCOMPARE(lean.kpis.npvCostUsd, fresh.kpis.npvCostUsd);
            QCOMPARE(lean.kpis.fullPowerMonth, fresh.kpis.fullPowerMonth);
            QVERIFY((lean.monthly.binding == fresh.monthly.binding));
        }
    }
};

QTEST_APPLESS_MAIN(TestSolverProperties)
#include "tst_solverproperties.moc"
