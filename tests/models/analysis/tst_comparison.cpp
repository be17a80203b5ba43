#include "analysis/comparison.h"
#include "analysis/comparisonjson.h"
#include "solvedfixture.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace cp;

namespace {

std::size_t kpiIndex(const char *key, const char *group = nullptr)
{
    const auto &kpis = comparisonKpis();
    for (std::size_t i = 0; i < kpis.size(); ++i) {
        const bool sameGroup = group ? (kpis[i].group && QByteArray(kpis[i].group) == group) : kpis[i].group == nullptr;
        if (sameGroup && QByteArray(kpis[i].key) == key)
            return i;
    }
    qFatal("no KPI %s", key);
}

const KpiDefinition &kpi(const char *key, const char *group = nullptr)
{
    return comparisonKpis()[kpiIndex(key, group)];
}

// A: tests/fixtures/charts/hand-checked.json, B: hand-checked-b.json (the engine 2 months
// sooner, no temporary turbine, T2 at $30k a unit). Their descriptions give the timelines.
Comparison handCheckedPair()
{
    return compareScenarios({test::solveFile(test::chartFixturePath(QStringLiteral("hand-checked.json"))),
                             test::solveFile(test::chartFixturePath(QStringLiteral("hand-checked-b.json")))});
}

} // namespace

class TestComparison : public QObject
{
    Q_OBJECT

private slots:
    void deltaRules()
    {
        const KpiDefinition &capex = kpi("totalCapexUsd");
        // 120 against 100: +20, +20%.
        QCOMPARE(kpiDelta(capex, 100.0, 120.0).abs, std::optional<double>(20.0));
        QCOMPARE(kpiDelta(capex, 100.0, 120.0).pct, std::optional<double>(20.0));
        // Percentages are of |base|: -25 against -50 is +25, +50%.
        QCOMPARE(kpiDelta(capex, -50.0, -25.0).pct, std::optional<double>(50.0));
        // A base of 0 has no percentage, but still a difference.
        QCOMPARE(kpiDelta(capex, 0.0, 5.0).abs, std::optional<double>(5.0));
        QVERIFY(!kpiDelta(capex, 0.0, 5.0).pct);
        // Null on either side: no delta at all.
        QVERIFY(!kpiDelta(kpi("costPerAcceleratorHourUsd"), std::nullopt, 2.0).abs);
        // Months: calendar months apart, never a percentage.
        const KpiDefinition &full = kpi("fullPowerMonth");
        const double sep2025 = Month::fromYearMonth(2025, 9).index();
        const double feb2026 = Month::fromYearMonth(2026, 2).index();
        QCOMPARE(kpiDelta(full, sep2025, feb2026).abs, std::optional<double>(5.0));
        QVERIFY(!kpiDelta(full, sep2025, feb2026).pct);
        QVERIFY(!kpiDelta(full, sep2025, std::nullopt).abs);
    }

    void verdicts()
    {
        QCOMPARE(kpiVerdict(kpi("totalCapexUsd"), 100.0, 90.0), KpiVerdict::Better);
        QCOMPARE(kpiVerdict(kpi("totalCapexUsd"), 100.0, 110.0), KpiVerdict::Worse);
        QCOMPARE(kpiVerdict(kpi("peakBf16Pflops"), 100.0, 110.0), KpiVerdict::Better);
        QCOMPARE(kpiVerdict(kpi("fullPowerMonth"), 300.0, 298.0), KpiVerdict::Better);
        QCOMPARE(kpiVerdict(kpi("peakFacilityMw"), 100.0, 110.0), KpiVerdict::Neutral);
        QCOMPARE(kpiVerdict(kpi("totalCapexUsd"), 5e9, 5e9 * (1 + 1e-12)), KpiVerdict::Same);
        // Reaching full power beats never reaching it, and the other way round.
        QCOMPARE(kpiVerdict(kpi("fullPowerMonth"), 300.0, std::nullopt), KpiVerdict::Worse);
        QCOMPARE(kpiVerdict(kpi("fullPowerMonth"), std::nullopt, 300.0), KpiVerdict::Better);
    }

    void handCheckedPair()
    {
        const Comparison c = ::handCheckedPair();
        QCOMPARE(c.scenarios.size(), std::size_t(2));
        QCOMPARE(c.scenarios[0].name, QStringLiteral("Hand-checked site"));
        const ComparedScenario &b = c.scenarios[1];
        auto at = [&](const char *key, const char *group = nullptr) { return b.kpis[kpiIndex(key, group)]; };

        // Capex A: compute 4,000 x $20k + 4,000 x $25k = $180M, facility $12M, power $3M + $5M:
        // $200M. B: T2 at $30k makes compute $200M, total $220M: +$20M, +10%; compute +11.11%.
        QCOMPARE(at("totalCapexUsd").value, std::optional<double>(220e6));
        QCOMPARE(at("totalCapexUsd").delta.abs, std::optional<double>(20e6));
        QCOMPARE(at("totalCapexUsd").delta.pct, std::optional<double>(10.0));
        QCOMPARE(at("totalCapexUsd").verdict, KpiVerdict::Worse);
        QCOMPARE(at("compute", "capexByCategory").delta.abs, std::optional<double>(20e6));
        QCOMPARE(*at("compute", "capexByCategory").delta.pct, 100.0 * 20e6 / 180e6);
        // Neither has cooling capex: 0 against 0 is no change and no percentage.
        QCOMPARE(at("cooling", "capexByCategory").delta.abs, std::optional<double>(0.0));
        QVERIFY(!at("cooling", "capexByCategory").delta.pct);
        QCOMPARE(at("cooling", "capexByCategory").verdict, KpiVerdict::Same);
        // Rent: A pays 2 MW x $30k per MW-month (catalog) x 3 months (Apr-Jun) = $180k; B none.
        QCOMPARE(at("rent", "opexByCategory").delta.abs, std::optional<double>(-180000.0));
        QCOMPARE(at("rent", "opexByCategory").delta.pct, std::optional<double>(-100.0));
        QCOMPARE(at("rent", "opexByCategory").verdict, KpiVerdict::Better);
        // First compute: A May (1,600 on 2 MW of turbine), B Jun: one month later.
        QCOMPARE(at("firstComputeMonth").delta.abs, std::optional<double>(1.0));
        QVERIFY(!at("firstComputeMonth").delta.pct);
        QCOMPARE(at("firstComputeMonth").verdict, KpiVerdict::Worse);
        // Full power: A Sep, B Jul: two months sooner.
        QCOMPARE(at("fullPowerMonth").delta.abs, std::optional<double>(-2.0));
        QCOMPARE(at("fullPowerMonth").verdict, KpiVerdict::Better);
        // Stranded: A 4,000 + 2,400 + 1,600 + 3,200 + 3,200 = 14,400; B 4,000 + 4,000 + 3,200
        // = 11,200: -3,200, -22.2%.
        QCOMPARE(at("strandedAcceleratorMonths").delta.abs, std::optional<double>(-3200.0));
        QCOMPARE(*at("strandedAcceleratorMonths").delta.pct, -100.0 * 3200.0 / 14400.0);
        // Same accelerators, same peak: 8,000 x 989 TFLOPS = 7,912 PFLOPS in both.
        QCOMPARE(at("peakBf16Pflops").value, std::optional<double>(7912.0));
        QCOMPARE(at("peakBf16Pflops").delta.abs, std::optional<double>(0.0));
        QCOMPARE(at("peakBf16Pflops").delta.pct, std::optional<double>(0.0));

        // The baseline against itself: zeros, and no percentage where it is 0.
        const ComparedScenario &a = c.scenarios[0];
        QCOMPARE(a.kpis[kpiIndex("totalCapexUsd")].delta.abs, std::optional<double>(0.0));
        QCOMPARE(a.kpis[kpiIndex("totalCapexUsd")].delta.pct, std::optional<double>(0.0));
        QVERIFY(!a.kpis[kpiIndex("cooling", "capexByCategory")].delta.pct);
        QCOMPARE(a.kpis[kpiIndex("fullPowerMonth")].delta.abs, std::optional<double>(0.0));
    }

    void compareDocument()
    {
        using json = nlohmann::json;
        const QByteArray text = writeComparisonJson(::handCheckedPair());
        const json doc = json::parse(text.constData(), text.constData() + text.size());
        QCOMPARE(doc.at("baseline").get<std::string>(), std::string("Hand-checked site"));
        QCOMPARE(doc.at("scenarios").size(), std::size_t(2));
        const json &b = doc.at("scenarios")[1];
        QCOMPARE(b.at("name").get<std::string>(), std::string("Hand-checked site, engine early"));
        QCOMPARE(b.at("kpis").at("fullPowerMonth").get<std::string>(), std::string("2025-07"));
        QCOMPARE(b.at("kpis").at("capexByCategory").at("compute").get<double>(), 200e6);
        QCOMPARE(b.at("deltas").at("totalCapexUsd").at("abs").get<double>(), 20e6);
        QCOMPARE(b.at("deltas").at("totalCapexUsd").at("pct").get<double>(), 10.0);
        QCOMPARE(b.at("deltas").at("capexByCategory").at("compute").at("abs").get<double>(), 20e6);
        QVERIFY(b.at("deltas").at("capexByCategory").at("cooling").at("pct").is_null());
        QCOMPARE(b.at("deltas").at("opexByCategory").at("rent").at("pct").get<double>(), -100.0);
        QCOMPARE(b.at("deltas").at("fullPowerMonth").at("abs").get<double>(), -2.0);
        QVERIFY(b.at("deltas").at("fullPowerMonth").at("pct").is_null());
        // Every KPI of the result document has a delta, categories per key.
        const json &kpis = b.at("kpis");
        for (auto it = kpis.begin(); it != kpis.end(); ++it) {
            QVERIFY2(b.at("deltas").contains(it.key()), it.key().c_str());
            if (it->is_object())
                for (auto cat = it->begin(); cat != it->end(); ++cat)
                    QVERIFY(b.at("deltas").at(it.key()).at(cat.key()).contains("abs"));
        }
        for (const char *key : {"totalCapexUsd", "npvCostUsd", "firstComputeMonth", "fullPowerMonth", "peakItMw", "peakFacilityMw",
                                "energyMwh", "strandedAcceleratorMonths", "peakBf16Pflops", "depreciationUsd", "costPerAcceleratorHourUsd"})
            QVERIFY2(kpis.contains(key), key);
    }

    void neverFullPowerHasNoMonthDelta()
    {
        Scenario never = test::readFile(test::chartFixturePath(QStringLiteral("hand-checked.json")));
        never.name = QStringLiteral("No engine");
        never.sites[0].power.erase(never.sites[0].power.begin() + 1);
        const Comparison c = compareScenarios({test::solveFile(test::chartFixturePath(QStringLiteral("hand-checked.json"))),
                                               solveScenario(never, Catalog::builtIn(), Month::fromYearMonth(2025, 1))});
        const ComparedKpi &full = c.scenarios[1].kpis[kpiIndex("fullPowerMonth")];
        QVERIFY(!full.value);
        QVERIFY(!full.delta.abs);
        QVERIFY(!full.delta.pct);
        QCOMPARE(full.verdict, KpiVerdict::Worse);
    }

    // The same plan saved with a 24-month horizon, against itself at 12 months: over the first 12
    // months of each they are one plan, so every figure is equal and no delta is coloured;
    // over their own windows the longer one's opex looks like a loss that is only more months.
    void unequalWindowsCompareOverTheMonthsTheyShare()
    {
        const auto twelve = test::solveFile(test::chartFixturePath(QStringLiteral("hand-checked.json")));
        QCOMPARE(twelve->result.horizonMonths, 12);
        Scenario longer = twelve->scenario;
        longer.name = QStringLiteral("Longer");
        longer.horizonMonths = 24;
        const auto twentyFour = solveScenario(longer, Catalog::builtIn(), Month::fromYearMonth(2025, 1));

        const Comparison common = compareScenarios({twelve, twentyFour});
        QVERIFY(common.windowsDiffer);
        QCOMPARE(common.windowMonths, 12);
        QCOMPARE(common.scenarios[1].ownHorizonMonths, 24);
        QCOMPARE(common.scenarios[1].solved->result.horizonMonths, 12);
        for (std::size_t k = 0; k < comparisonKpis().size(); ++k) {
            QCOMPARE(common.scenarios[1].kpis[k].value, common.scenarios[0].kpis[k].value);
            QCOMPARE(common.scenarios[1].kpis[k].verdict, KpiVerdict::Same);
        }
        QCOMPARE(windowSentence(common),
                 QStringLiteral("Compared over the first 12 months of each plan; 'Longer' runs 24 months on its own "
                                "(Jan 2025 to Dec 2026)."));
        const auto json = nlohmann::json::parse(writeComparisonJson(common).toStdString());
        QCOMPARE(json["window"]["horizonMonths"].get<int>(), 12);
        QCOMPARE(json["scenarios"][1]["ownHorizonMonths"].get<int>(), 24);

        const Comparison own = compareScenarios({twelve, twentyFour}, CompareWindow::Own);
        QVERIFY(*own.scenarios[1].kpis[kpiIndex("totalOpexUsd")].value > *own.scenarios[0].kpis[kpiIndex("totalOpexUsd")].value);
        QVERIFY(windowSentence(own).startsWith(QStringLiteral("Each plan over its own months")));

        // One window for all: the document is v1's, with no window keys.
        const auto same = nlohmann::json::parse(writeComparisonJson(::handCheckedPair()).toStdString());
        QVERIFY(!same.contains("window"));
        QVERIFY(!same["scenarios"][1].contains("ownHorizonMonths"));
        QVERIFY(windowSentence(::handCheckedPair()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestComparison)
#include "tst_comparison.moc"
