// Live-solve latency: the time from an edit in the document to its result arriving on the UI
// thread (debounce included), on the shipped examples. The issue asks for the KPI panel to
// update within 200 ms of an edit; this measures it. Prints a Markdown table.
//
//   build/tests/bin/bench_livesolver            # 50 edits per example
//   build/tests/bin/bench_livesolver --quick    # a smoke run (what ctest runs)

#include "analysis/livesolver.h"
#include "catalog/catalog.h"
#include "document/scenariodocument.h"
#include "io/scenariojson.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const int edits = quick ? 3 : 50;
    const cp::Catalog &catalog = cp::Catalog::builtIn();

    std::printf("| example | edits | median ms | max ms | solve ms (median) |\n|---|---|---|---|---|\n");
    const QDir examples(QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples"));
    for (const QString &file : examples.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const cp::io::ParseResult parsed = cp::io::readScenarioFile(examples.filePath(file), catalog);
        if (!parsed.ok() || parsed.scenario->sites.empty() || parsed.scenario->sites[0].facility.itCapacityMw <= 0)
            continue;
        cp::ScenarioDocument document(*parsed.scenario, catalog);
        cp::LiveSolver live(catalog);
        QEventLoop loop;
        QObject::connect(&live, &cp::LiveSolver::solved, &loop, &QEventLoop::quit);
        live.setDocument(&document);
        loop.exec();

        std::vector<double> latencies;
        std::vector<double> solves;
        const cp::FieldPath capacity = cp::FieldPath::facility(0, QStringLiteral("itCapacityMw"));
        const double base = parsed.scenario->sites[0].facility.itCapacityMw;
        for (int i = 1; i <= edits; ++i) {
            QElapsedTimer timer;
            timer.start();
            document.setValue(capacity, base + i);
            loop.exec();
            latencies.push_back(double(timer.nsecsElapsed()) / 1e6);
            solves.push_back(live.latest()->solveMilliseconds);
        }
        std::sort(latencies.begin(), latencies.end());
        std::sort(solves.begin(), solves.end());
        std::printf("| %s | %d | %.1f | %.1f | %.2f |\n", qPrintable(file), edits, latencies[latencies.size() / 2],
                    latencies.back(), solves[solves.size() / 2]);
    }
    return 0;
}
