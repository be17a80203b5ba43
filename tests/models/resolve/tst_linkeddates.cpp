#include "catalog/catalog.h"
#include "domain/linkeddates.h"
#include "io/scenariojson.h"
#include "resolve/resolver.h"
#include "solver/datelinks.h"
#include "solver/risk.h"
#include "solver/solver.h"

#include <QFile>
#include <QTest>

#include <algorithm>

using namespace cp;

// Linked dates (docs/scenario-format.md, section 3): a bridge that retires when the grid it
// bridges to is available, a tranche ordered relative to its facility's ready month. Read, written
// back byte for byte, validated, solved and followed in risk trials.
namespace {

QByteArray bridgedExample()
{
    QFile file(QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples/greenfield-grid-wait-bridged.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// The bridged greenfield example with its turbines' fixed retirement (Jul 2029) replaced by a link
// to the Dominion interconnect, written as the writer writes it.
QByteArray linkedExample(int plusMonths = 0)
{
    QByteArray text = bridgedExample();
    const QByteArray link = QByteArray("          \"retireAfter\": {\n"
                                       "            \"source\": \"Dominion interconnect (new substation)\",\n"
                                       "            \"plusMonths\": ")
                            + QByteArray::number(plusMonths) + QByteArray("\n          }\n");
    text.replace("          \"retireMonth\": \"2029-07\"\n", link);
    return text;
}

io::ParseResult parse(const QByteArray &text)
{
    return io::parseScenarioJson(text, Catalog::builtIn(), QStringLiteral("linked.json"));
}

QStringList problemPaths(const io::ParseResult &parsed)
{
    QStringList paths;
    for (const Problem &p : parsed.problems)
        paths << p.path;
    return paths;
}

double dropShare(const solver::RiskResult &r)
{
    double share = 0.0;
    for (const solver::EnergizedDrop &d : r.energizedDrops)
        share += d.share;
    return share;
}

} // namespace

class TestLinkedDates : public QObject
{
    Q_OBJECT

private slots:
    void readWriteAndDerivedMonths()
    {
        const QByteArray text = linkedExample(2);
        QVERIFY(text.contains("retireAfter"));
        const io::ParseResult parsed = parse(text);
        QVERIFY2(parsed.scenario, qPrintable(problemPaths(parsed).join(u',')));
        // Written back byte for byte: the link, and no retireMonth of its own.
        QCOMPARE(io::writeScenarioJson(*parsed.scenario), text);
        // The grid: ordered Jan 2025, 54 months likely: available Jul 2029; plus 2: Sep 2029.
        const PowerSource &turbines = parsed.scenario->sites[0].power[1];
        QCOMPARE(turbines.retireMonth, std::optional(Month::fromYearMonth(2029, 9)));
        const solver::Plan plan = resolvePlan(*parsed.scenario, Catalog::builtIn()).plan;
        QCOMPARE(plan.sites[0].sources[1].retireMonth, Month::fromYearMonth(2029, 9).index());
    }

    // A link that gives the month the plan states solves exactly as the plan with the month.
    void aLinkToTheSameMonthSolvesTheSame()
    {
        const io::ParseResult fixed = parse(bridgedExample());
        const io::ParseResult linked = parse(linkedExample(0));
        QVERIFY(fixed.scenario && linked.scenario);
        const solver::Result a = solver::solve(resolvePlan(*fixed.scenario, Catalog::builtIn()).plan);
        const solver::Result b = solver::solve(resolvePlan(*linked.scenario, Catalog::builtIn()).plan);
        QCOMPARE(b.kpis.npvCostUsd, a.kpis.npvCostUsd);
        QCOMPARE(b.kpis.fullPowerMonth, a.kpis.fullPowerMonth);
        QVERIFY((b.monthly.energized == a.monthly.energized).all());
    }

    // The example's grid takes 36 to 84 months (likely 54); its turbines retire in Jul 2029 whatever
    // the grid does, so in every trial with a grid later than 54 months the accelerators go dark.
    // Linked to the grid, the turbines stay until it is there: no trial goes dark.
    void riskTrialsFollowTheLink()
    {
        const io::ParseResult fixed = parse(bridgedExample());
        const io::ParseResult linked = parse(linkedExample(0));
        QVERIFY(fixed.scenario && linked.scenario);
        solver::RiskOptions options;
        options.trials = 1000;
        options.tornado = false;
        const solver::RiskResult before = solver::runRisk(resolvePlan(*fixed.scenario, Catalog::builtIn()).plan, options);
        const solver::RiskResult after = solver::runRisk(resolvePlan(*linked.scenario, Catalog::builtIn()).plan, options);
        qInfo("trials going dark: %.3f with the fixed retirement, %.3f linked", dropShare(before), dropShare(after));
        QVERIFY2(dropShare(before) > 0.3, qPrintable(QString::number(dropShare(before))));
        QCOMPARE(dropShare(after), 0.0);
        QVERIFY(after.energizedDrops.empty());

        // Retiring six months before the grid, nearly every trial goes dark (not those whose
        // building or accelerators come so late that nothing is energized yet when the turbines
        // leave), and the cause is named although its month moves from trial to trial.
        const io::ParseResult early = parse(linkedExample(-6));
        QVERIFY(early.scenario);
        const solver::RiskResult r = solver::runRisk(resolvePlan(*early.scenario, Catalog::builtIn()).plan, options);
        QVERIFY2(dropShare(r) > 0.9, qPrintable(QString::number(dropShare(r))));
        for (const solver::EnergizedDrop &d : r.energizedDrops) {
            QVERIFY(!d.causes.empty());
            QCOMPARE(d.causes.front().item, std::string("Mobile turbines (100 MW, rented)"));
        }
    }

    // A tranche ordered six months before its facility is ready: permit Jan 2025 + 9 = Oct 2025,
    // construction Jun 2025 + 15 = Sep 2026, ready Sep 2026: ordered Mar 2026. A trial whose build
    // takes 24 months (ready Jun 2027) orders it in Dec 2026.
    void trancheOrderFollowsTheReadyMonth()
    {
        QByteArray text = bridgedExample();
        QVERIFY(text.contains("\"orderMonth\": \"2026-01\",\n          \"leadTimeMonths\""));
        text.replace("          \"count\": 50000,\n          \"orderMonth\": \"2026-01\",\n",
                     "          \"count\": 50000,\n          \"orderAfterFacilityReady\": {\n            \"plusMonths\": -6\n          },\n");
        const io::ParseResult parsed = parse(text);
        QVERIFY2(parsed.scenario, qPrintable(problemPaths(parsed).join(u',')));
        QCOMPARE(io::writeScenarioJson(*parsed.scenario), text);
        QCOMPARE(parsed.scenario->sites[0].compute[0].orderMonth, Month::fromYearMonth(2026, 3));
        solver::Plan plan = resolvePlan(*parsed.scenario, Catalog::builtIn()).plan;
        QCOMPARE(plan.sites[0].tranches[0].orderMonth, Month::fromYearMonth(2026, 3).index());
        plan.sites[0].facility.buildMonths.mode = 24;
        solver::applyDateLinks(plan);
        QCOMPARE(plan.sites[0].tranches[0].orderMonth, Month::fromYearMonth(2026, 12).index());

        // Both the link and a month of its own: refused, naming the link.
        text.replace("\"orderAfterFacilityReady\"", "\"orderMonth\": \"2026-01\",\n          \"orderAfterFacilityReady\"");
        QVERIFY(problemPaths(parse(text)).contains(QStringLiteral("sites[0].compute[0].orderAfterFacilityReady")));
    }

    void badLinksAreRefusedWithTheirPath()
    {
        const QString source = QStringLiteral("sites[0].power[1].retireAfter.source");
        QByteArray unknown = linkedExample();
        unknown.replace("\"source\": \"Dominion interconnect (new substation)\"", "\"source\": \"Dominion\"");
        QVERIFY(problemPaths(parse(unknown)).contains(source));

        QByteArray self = linkedExample();
        self.replace("\"source\": \"Dominion interconnect (new substation)\"", "\"source\": \"Mobile turbines (100 MW, rented)\"");
        QVERIFY(problemPaths(parse(self)).contains(source));

        QByteArray both = linkedExample();
        both.replace("          \"retireAfter\"", "          \"retireMonth\": \"2029-07\",\n          \"retireAfter\"");
        QVERIFY(problemPaths(parse(both)).contains(QStringLiteral("sites[0].power[1].retireAfter")));

        const QStringList far = problemPaths(parse(linkedExample(700)));
        QVERIFY2(far.contains(QStringLiteral("sites[0].power[1].retireAfter.plusMonths")), qPrintable(far.join(u',')));

        QByteArray noShift = linkedExample();
        noShift.replace(",\n            \"plusMonths\": 0", "");
        QVERIFY(problemPaths(parse(noShift)).contains(QStringLiteral("sites[0].power[1].retireAfter.plusMonths")));
    }
};

QTEST_GUILESS_MAIN(TestLinkedDates)
#include "tst_linkeddates.moc"
