#include "analysis/buildtimeline.h"
#include "solvedfixture.h"

#include <QTest>

using namespace cp;

namespace {

int month(int year, int month1to12)
{
    return Month::fromYearMonth(year, month1to12).index();
}

const TimelineBar *findBar(const SiteTimeline &site, const QString &item)
{
    for (const TimelineBar &bar : site.bars)
        if (bar.item == item)
            return &bar;
    return nullptr;
}

} // namespace

class TestBuildTimeline : public QObject
{
    Q_OBJECT

private slots:
    void handCheckedBars()
    {
        const auto solved = test::solveFile(test::chartFixturePath(QStringLiteral("hand-checked.json")));
        QVERIFY(solved);
        const std::vector<SiteTimeline> timeline = buildTimeline(*solved);
        QCOMPARE(timeline.size(), std::size_t(1));
        const SiteTimeline &site = timeline.front();
        QCOMPARE(site.name, QStringLiteral("Alpha"));
        // Ready = max(permit 2025-01 + 2, construction 2025-02 + 3) = 2025-05.
        QCOMPARE(site.readyMonth, month(2025, 5));
        QCOMPARE(site.fullPowerMonth, std::optional<int>(month(2025, 9)));
        QCOMPARE(site.bars.size(), std::size_t(7)); // permit, construction, 3 sources, 2 tranches

        const TimelineBar *permit = findBar(site, QStringLiteral("Permit"));
        QVERIFY(permit);
        QCOMPARE(permit->startMonth, month(2025, 1));
        QCOMPARE(permit->endMonth, month(2025, 3));
        const TimelineBar *construction = findBar(site, QStringLiteral("Construction"));
        QVERIFY(construction);
        QCOMPARE(construction->endMonth, month(2025, 5));

        const TimelineBar *temp = findBar(site, QStringLiteral("Temp turbine"));
        QVERIFY(temp);
        QCOMPARE(temp->phase, TimelinePhase::Power);
        QCOMPARE(temp->powerKind, solver::PowerKind::MobileTurbine);
        QCOMPARE(temp->startMonth, month(2025, 3));
        QCOMPARE(temp->endMonth, month(2025, 4));
        QCOMPARE(temp->retireMonth, std::optional<int>(month(2025, 7)));
        QCOMPARE(temp->quantity, 2.0);
        const TimelineBar *engine = findBar(site, QStringLiteral("Engine"));
        QVERIFY(engine);
        QCOMPARE(engine->quantity, 4.0); // firm: 5 MW x 80%
        QCOMPARE(engine->endMonth, month(2025, 9));
        const TimelineBar *t2 = findBar(site, QStringLiteral("T2"));
        QVERIFY(t2);
        QCOMPARE(t2->phase, TimelinePhase::Compute);
        QCOMPARE(t2->endMonth, month(2025, 6));
        QCOMPARE(t2->quantity, 4000.0);
        QCOMPARE(t2->index, 1);
    }

    // Aug 2025 runs 4,800 of 8,000 on a 4.8 MW budget set by power (6 MW / 1.25); the engine
    // arriving in Sep lifts it to 8 MW: power held the site back and the engine gates it.
    void theEngineGatesFullPower()
    {
        const auto solved = test::solveFile(test::chartFixturePath(QStringLiteral("hand-checked.json")));
        QVERIFY(solved);
        const SiteTimeline site = buildTimeline(*solved).front();
        QCOMPARE(site.limitedBy, solver::Binding::Power);
        QStringList gating;
        for (const TimelineBar &bar : site.bars)
            if (bar.gating)
                gating << bar.item;
        QCOMPARE(gating, QStringList{QStringLiteral("Engine")});
    }

    // The greenfield waits years for its interconnect: the grid gates it, not the GPUs.
    void greenfieldIsGatedByItsInterconnect()
    {
        const auto solved = test::solveFile(test::examplePath(QStringLiteral("greenfield-grid-wait.json")));
        QVERIFY(solved);
        const SiteTimeline site = buildTimeline(*solved).front();
        QVERIFY(site.fullPowerMonth);
        QCOMPARE(site.limitedBy, solver::Binding::Power);
        int gatingCount = 0;
        for (const TimelineBar &bar : site.bars) {
            if (!bar.gating)
                continue;
            ++gatingCount;
            QCOMPARE(bar.phase, TimelinePhase::Power);
            QCOMPARE(bar.powerKind, solver::PowerKind::Grid);
            QCOMPARE(bar.endMonth, *site.fullPowerMonth);
        }
        QCOMPARE(gatingCount, 1);
    }

    // A site that never reaches full power has no gate, and says what limits it at the end.
    void neverFullPowerHasNoGate()
    {
        Scenario scenario = test::readFile(test::chartFixturePath(QStringLiteral("hand-checked.json")));
        QCOMPARE(scenario.sites.size(), std::size_t(1));
        scenario.sites[0].power.erase(scenario.sites[0].power.begin() + 1); // no engine: 6 MW of grid at most
        const auto solved = solveScenario(scenario, Catalog::builtIn(), Month::fromYearMonth(2025, 1));
        QVERIFY(solved->ok());
        const SiteTimeline site = buildTimeline(*solved).front();
        QVERIFY(!site.fullPowerMonth);
        QCOMPARE(site.limitedBy, solver::Binding::Power);
        for (const TimelineBar &bar : site.bars)
            QVERIFY(!bar.gating);
    }
};

QTEST_GUILESS_MAIN(TestBuildTimeline)
#include "tst_buildtimeline.moc"
