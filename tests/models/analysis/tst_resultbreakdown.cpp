#include "analysis/resultbreakdown.h"
#include "solvedfixture.h"

#include <QTest>

#include <vector>

using namespace cp;

namespace {

std::vector<double> toVector(const Eigen::ArrayXd &values)
{
    return {values.data(), values.data() + values.size()};
}

} // namespace

// Per-item series rebuilt from the resolved plan must add up to the solver's own totals, and
// match a hand calculation on a small plan.
class TestResultBreakdown : public QObject
{
    Q_OBJECT

private slots:
    void handCheckedSite()
    {
        const auto solved = test::solveFile(test::chartFixturePath(QStringLiteral("hand-checked.json")));
        QVERIFY(solved);
        const ResultBreakdown breakdown = breakDownResult(*solved);
        QCOMPARE(breakdown.sites.size(), std::size_t(1));
        const SiteBreakdown &site = breakdown.sites.front();
        // Sources in listed order: grid 6 MW from Jun (month 5); engine 5 MW x 80% from Sep
        // (month 8); temporary turbine 2 MW from Apr (month 3) until it retires in Jul (month 6).
        QCOMPARE(site.sourceFirmMw.size(), std::size_t(3));
        QCOMPARE(toVector(site.sourceFirmMw[0]), (std::vector<double>{0, 0, 0, 0, 0, 6, 6, 6, 6, 6, 6, 6}));
        QCOMPARE(toVector(site.sourceFirmMw[1]), (std::vector<double>{0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4}));
        QCOMPARE(toVector(site.sourceFirmMw[2]), (std::vector<double>{0, 0, 0, 2, 2, 2, 0, 0, 0, 0, 0, 0}));
        // T1 (4,000) delivered Apr, T2 (4,000) Jun. Budget after ready (May): 2/1.25 = 1.6 MW
        // -> 1,600 of T1; Jun 8/1.25 = 6.4 -> T1 4,000 + T2 2,400; Jul-Aug 6/1.25 = 4.8 -> 4,000 + 800;
        // Sep on 10/1.25 = 8 -> everything.
        QCOMPARE(toVector(site.trancheDelivered[0]), (std::vector<double>{0, 0, 0, 4000, 4000, 4000, 4000, 4000, 4000, 4000, 4000, 4000}));
        QCOMPARE(toVector(site.trancheDelivered[1]), (std::vector<double>{0, 0, 0, 0, 0, 4000, 4000, 4000, 4000, 4000, 4000, 4000}));
        QCOMPARE(toVector(site.trancheEnergized[0]), (std::vector<double>{0, 0, 0, 0, 1600, 4000, 4000, 4000, 4000, 4000, 4000, 4000}));
        QCOMPARE(toVector(site.trancheEnergized[1]), (std::vector<double>{0, 0, 0, 0, 0, 2400, 800, 800, 4000, 4000, 4000, 4000}));
        // Idle capital: Apr 4,000 x $20k = $80M; May 2,400 x $20k = $48M; Jun 1,600 x $25k = $40M;
        // Jul-Aug 3,200 x $25k = $80M.
        QCOMPARE(toVector(site.strandedCapitalUsd), (std::vector<double>{0, 0, 0, 80e6, 48e6, 40e6, 80e6, 80e6, 0, 0, 0, 0}));
        // Delivered load x PUE: 4,000 x 1 kW x 1.25 = 5 MW from Apr, 10 MW from Jun.
        QCOMPARE(toVector(site.facilityMwNeeded), (std::vector<double>{0, 0, 0, 5, 5, 10, 10, 10, 10, 10, 10, 10}));
        QCOMPARE(toVector(breakdown.strandedCapitalUsd), toVector(site.strandedCapitalUsd));
    }

    void addsUpToTheSolver_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &file : test::exampleFiles())
            QTest::newRow(qPrintable(file)) << test::examplePath(file);
        QTest::newRow("hand-checked") << test::chartFixturePath(QStringLiteral("hand-checked.json"));
    }

    // Σ firm MW of the sources is the site's powerMw, Σ energized of the tranches its energized,
    // to the bit (same IEEE steps, same order).
    void addsUpToTheSolver()
    {
        QFETCH(QString, file);
        const auto solved = test::solveFile(file);
        QVERIFY(solved);
        const ResultBreakdown breakdown = breakDownResult(*solved);
        QCOMPARE(breakdown.sites.size(), solved->result.sites.size());
        for (std::size_t s = 0; s < breakdown.sites.size(); ++s) {
            const SiteBreakdown &site = breakdown.sites[s];
            const solver::MonthlySeries &monthly = solved->result.sites[s].monthly();
            Eigen::ArrayXd firm = Eigen::ArrayXd::Zero(monthly.powerMw.size());
            for (const Eigen::ArrayXd &source : site.sourceFirmMw)
                firm += source;
            QCOMPARE(toVector(firm), toVector(monthly.powerMw));
            Eigen::ArrayXd delivered = Eigen::ArrayXd::Zero(monthly.delivered.size());
            Eigen::ArrayXd energized = Eigen::ArrayXd::Zero(monthly.energized.size());
            for (std::size_t i = 0; i < site.trancheEnergized.size(); ++i) {
                delivered += site.trancheDelivered[i];
                energized += site.trancheEnergized[i];
            }
            QCOMPARE(toVector(delivered), toVector(monthly.delivered));
            QCOMPARE(toVector(energized), toVector(monthly.energized));
        }
    }

    void cloudPartnerHoldsNoCapital()
    {
        Scenario scenario = test::readFile(test::chartFixturePath(QStringLiteral("hand-checked.json")));
        scenario.sites[0].ownership = SiteOwnership::CloudPartner;
        const auto solved = solveScenario(scenario, Catalog::builtIn(), Month::fromYearMonth(2025, 1));
        QVERIFY(solved->ok());
        QCOMPARE(solved->result.kpis.strandedAcceleratorMonths, 14400.0); // it strands accelerators as before...
        QCOMPARE(breakDownResult(*solved).strandedCapitalUsd.maxCoeff(), 0.0); // ...but none of its own money
    }
};

QTEST_GUILESS_MAIN(TestResultBreakdown)
#include "tst_resultbreakdown.moc"
