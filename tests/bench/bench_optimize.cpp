// Optimizer benchmark: the Memphis example with 10 decided items and 6-month
// windows (goal: optimal in under 1 s on one core), the frontier of a 5-site portfolio with 30
// decided items (goal: under 10 s), and how time grows with items and window width.
// Prints Markdown tables; tests/bench/README.md records results. Never asserts a time.
//
//   build/tests/bin/bench_optimize            # the figures
//   build/tests/bin/bench_optimize --quick    # a smoke run (what ctest runs)

#include "analysis/optimization.h"
#include "analysis/solvedscenario.h"
#include "catalog/catalog.h"
#include "io/scenariojson.h"
#include "optimize/optimizer.h"
#include "resolve/resolver.h"

#include <QCoreApplication>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>

using namespace cp;

namespace {

Month ym(int year, int month)
{
    return Month::fromYearMonth(year, month);
}

Scenario readExample(const char *file)
{
    const io::ParseResult parsed
        = io::readScenarioFile(QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples/") + QLatin1String(file), Catalog::builtIn());
    if (!parsed.ok()) {
        std::fprintf(stderr, "%s: does not parse\n", file);
        std::exit(1);
    }
    return *parsed.scenario;
}

// Order windows of `width` months starting at each item's written order month.
OrderWindow orderWindow(Month order, int width)
{
    return { order, order.plusMonths(width - 1) };
}

// Memphis with three more bridges (100 MW of rented turbines, 60 MW of engines, 30 MW of
// rented chillers): ten items, each with an order window of `width` months; the bridges are
// optional and the rented ones may retire within `width` months of mid-2025, or never.
// `items` keeps only the first that many decisions.
Scenario memphis(int width, int items)
{
    Scenario s = readExample("memphis-retrofit-100k-h100.json");
    Site &site = s.sites[0];
    PowerSource extra = site.power[1];
    extra.name = QStringLiteral("Extra mobile turbines");
    extra.capacityMw = 100;
    extra.retireMonth.reset();
    site.power.push_back(extra);
    PowerSource engines;
    engines.name = QStringLiteral("Recip engines");
    engines.kind = PowerKind::RecipEngine;
    engines.capacityMw = 60;
    engines.availabilityPct = 97;
    engines.orderMonth = ym(2024, 3);
    engines.leadTimeMonths = ThreePoint { 6, 8, 12 };
    site.power.push_back(engines);
    CoolingPlant chillers = site.cooling[0];
    chillers.name = QStringLiteral("More rented chillers");
    chillers.capacityMw = 30;
    site.cooling.push_back(chillers);

    int decided = 0;
    const auto decide = [&](auto &item, bool optional, bool retire) {
        if (decided++ >= items)
            return;
        item.optional = optional;
        item.orderWindow = orderWindow(item.orderMonth, width);
        if constexpr (requires { item.retireWindow; }) {
            if (retire)
                item.retireWindow = RetireWindow { ym(2025, 4), ym(2025, 4).plusMonths(width - 1), true };
        }
    };
    decide(site.power[1], true, true);   // temporary turbines
    decide(site.power[4], true, true);   // extra turbines
    decide(site.power[5], true, false);  // engines
    decide(site.cooling[1], true, true); // more chillers
    decide(site.power[0], false, false); // permitted turbines
    decide(site.power[3], true, false);  // batteries
    decide(site.cooling[0], false, false);
    decide(site.power[2], false, false); // TVA grid
    decide(site.compute[0], false, false);
    decide(site.compute[1], false, false);
    return s;
}

// Five greenfield sites waiting for their grids, each with rented turbines, engines, a battery
// and rented chillers to bridge the wait: six decided items a site, 6-month windows.
Scenario portfolio()
{
    const Scenario base = readExample("greenfield-grid-wait.json");
    Scenario s = base;
    s.name = QStringLiteral("Five greenfield sites");
    s.sites.clear();
    for (int i = 0; i < 5; ++i) {
        Site site = base.sites[0];
        site.name = QStringLiteral("Site %1").arg(i + 1);
        site.compute[0].orderMonth = site.compute[0].orderMonth.plusMonths(i);
        site.power[0].leadTimeMonths = ThreePoint { 30.0 + i, 40.0 + 2 * i, 60.0 + i };
        site.compute[0].orderWindow = orderWindow(site.compute[0].orderMonth, 6);
        PowerSource turbines;
        turbines.name = QStringLiteral("Mobile turbines");
        turbines.kind = PowerKind::MobileTurbine;
        turbines.capacityMw = 60;
        turbines.availabilityPct = 95;
        turbines.orderMonth = ym(2026, 1);
        turbines.leadTimeMonths = ThreePoint { 2, 3, 5 };
        turbines.optional = true;
        turbines.orderWindow = orderWindow(turbines.orderMonth, 6);
        turbines.retireWindow = RetireWindow { ym(2028, 6).plusMonths(2 * i), ym(2028, 11).plusMonths(2 * i), true };
        site.power.push_back(turbines);
        PowerSource engines;
        engines.name = QStringLiteral("Recip engines");
        engines.kind = PowerKind::RecipEngine;
        engines.capacityMw = 40;
        engines.availabilityPct = 97;
        engines.orderMonth = ym(2025, 6);
        engines.leadTimeMonths = ThreePoint { 8, 10, 14 };
        engines.optional = true;
        engines.orderWindow = orderWindow(engines.orderMonth, 6);
        site.power.push_back(engines);
        PowerSource battery;
        battery.name = QStringLiteral("Battery");
        battery.kind = PowerKind::Bess;
        battery.powerMw = 45;
        battery.energyMwh = 90;
        battery.orderMonth = ym(2025, 9);
        battery.leadTimeMonths = ThreePoint { 6, 8, 12 };
        battery.optional = true;
        battery.orderWindow = orderWindow(battery.orderMonth, 6);
        site.power.push_back(battery);
        CoolingPlant chillers;
        chillers.name = QStringLiteral("Rented chillers");
        chillers.kind = CoolingPlantKind::RentalChiller;
        chillers.capacityMw = 20;
        chillers.orderMonth = ym(2026, 2);
        chillers.leadTimeMonths = ThreePoint::fixed(1);
        chillers.optional = true;
        chillers.orderWindow = orderWindow(chillers.orderMonth, 6);
        site.cooling.push_back(chillers);
        site.power[0].orderWindow = orderWindow(site.power[0].orderMonth, 6);
        s.sites.push_back(site);
    }
    return s;
}

optimize::Problem problemOf(const Scenario &s)
{
    const ResolvedPlan resolved = resolvePlan(s, Catalog::builtIn());
    return optimizeProblem(s, resolved.plan);
}

double seconds(const std::function<void()> &work)
{
    const auto t0 = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

QString monthText(std::optional<int> m)
{
    return m ? Month::fromIndex(*m).toIso() : QStringLiteral("-");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;

    std::printf("Memphis, 10 decided items, 6-month windows (one core):\n\n");
    std::printf("| goal | status | NPV of costs | full power | earliest | plans solved | nodes | seconds |\n|---|---|---:|---|---|---:|---:|---:|\n");
    const optimize::Problem memphis10 = problemOf(memphis(6, 10));
    for (const Month goal : { ym(2024, 9), ym(2024, 12), ym(2025, 6), ym(2026, 6) }) {
        optimize::Goal g;
        g.fullPowerBy = goal.index();
        optimize::Answer a;
        const double s = seconds([&] { a = optimize::optimize(memphis10, g, optimize::Objective::Cost); });
        std::printf("| %s | %s | %.0f | %s | %s | %lld | %lld | %.3f |\n", qPrintable(goal.toIso()), optimize::statusName(a.status),
                    a.objectiveUsd.value_or(0.0), qPrintable(monthText(a.fullPowerMonth)),
                    qPrintable(monthText(a.earliestFullPowerMonth)), a.evaluations, a.nodes, s);
        if (quick)
            break;
    }
    if (quick)
        return 0;

    std::printf("\nMemphis frontier, 10 decided items, 6-month windows:\n\n");
    {
        optimize::Frontier f;
        const double s = seconds([&] { f = optimize::frontier(memphis10, optimize::Goal(), optimize::Objective::Cost); });
        std::printf("%zu goal months from %s, %s, %.3f s\n", f.points.size(), qPrintable(monthText(f.earliestFullPowerMonth)),
                    optimize::statusName(f.status), s);
    }

    std::printf("\nGrowth on Memphis (goal Dec 2024): seconds by decided items and window width:\n\n");
    std::printf("| items \\\\ width | 1 | 3 | 6 | 9 | 12 |\n|---:|---:|---:|---:|---:|---:|\n");
    for (int items : { 2, 4, 6, 8, 10 }) {
        std::printf("| %d |", items);
        for (int width : { 1, 3, 6, 9, 12 }) {
            const optimize::Problem p = problemOf(memphis(width, items));
            optimize::Goal g;
            g.fullPowerBy = ym(2024, 12).index();
            optimize::Options o;
            o.timeLimitSeconds = 60;
            optimize::Answer a;
            const double s = seconds([&] { a = optimize::optimize(p, g, optimize::Objective::Cost, o); });
            std::printf(" %.3f%s |", s, a.status == optimize::Status::Limit ? " (limit)" : "");
            std::fflush(stdout);
        }
        std::printf("\n");
    }

    std::printf("\nFive-site portfolio, 30 decided items, 6-month windows: frontier\n\n");
    {
        const optimize::Problem p = problemOf(portfolio());
        std::printf("decisions: %zu\n", p.decisions.size());
        optimize::Frontier f;
        const double s = seconds([&] { f = optimize::frontier(p, optimize::Goal(), optimize::Objective::Cost); });
        std::printf("%zu goal months from %s, %s, %.3f s\n\n", f.points.size(), qPrintable(monthText(f.earliestFullPowerMonth)),
                    optimize::statusName(f.status), s);
        for (const optimize::FrontierPoint &point : f.points)
            std::printf("  %s %s %.0f\n", qPrintable(monthText(point.month)), optimize::statusName(point.status),
                        point.objectiveUsd.value_or(0.0));
    }
    return 0;
}
