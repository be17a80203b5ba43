// Risk benchmark: trials of the shipped examples on 1 and 2 threads, with the cost per trial.
// Prints a Markdown table; tests/bench/README.md records results.
//
//   build/tests/bin/bench_risk            # 10,000 trials per example
//   build/tests/bin/bench_risk --quick    # a smoke run (what ctest runs)

#include "analysis/solvedscenario.h"
#include "catalog/catalog.h"
#include "io/scenariojson.h"
#include "solver/risk.h"

#include <QCoreApplication>
#include <QDir>

#include <chrono>
#include <cstdio>
#include <cstring>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const int trials = quick ? 200 : 10000;
    const QDir examples(QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples"));

    std::printf("| example | inputs | threads | trials | seconds | us/trial |\n|---|---:|---:|---:|---:|---:|\n");
    for (const QString &file : examples.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const cp::io::ParseResult parsed = cp::io::readScenarioFile(examples.filePath(file), cp::Catalog::builtIn());
        if (!parsed.ok()) {
            std::fprintf(stderr, "%s: does not parse\n", qPrintable(file));
            return 1;
        }
        const auto solved = cp::solveScenario(*parsed.scenario, cp::Catalog::builtIn(), cp::currentMonth());
        for (int threads : {1, 2}) {
            cp::solver::RiskOptions options;
            options.trials = trials;
            options.threads = threads;
            const auto t0 = std::chrono::steady_clock::now();
            const cp::solver::RiskResult r = cp::solver::runRisk(solved->resolved.plan, options);
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            std::printf("| %s | %d | %d | %d | %.3f | %.1f |\n", qPrintable(file), r.inputCount, threads, trials, seconds,
                        seconds * 1e6 / trials);
        }
    }
    return 0;
}
