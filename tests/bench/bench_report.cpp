// The PDF report of every shipped example, end to end as `clusterplan-cli report` makes it:
// solve, the 2,000-trial risk run, and the layout and drawing of every page. The target is
// the largest example's report in under 3 seconds; this measures it. Prints a Markdown table.
//
//   build/tests/bin/bench_report            # 5 runs per example, the median and the slowest
//   build/tests/bin/bench_report --quick    # one run (what ctest runs)

#include "analysis/solvedscenario.h"
#include "catalog/catalog.h"
#include "io/scenariojson.h"
#include "report/reportexport.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

namespace {

double ms(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

std::size_t itemCount(const cp::Scenario &scenario)
{
    std::size_t items = 0;
    for (const cp::Site &site : scenario.sites)
        items += 1 + site.compute.size() + site.power.size() + site.cooling.size();
    return items;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const int runs = quick ? 1 : 5;
    const cp::Catalog &catalog = cp::Catalog::builtIn();
    const QString methodology = cp::report::methodologyMarkdown();

    std::printf("| example | items | pages | solve ms | risk ms | PDF ms | total ms (median) | total ms (max) |\n"
                "|---|---|---|---|---|---|---|---|\n");
    const QDir examples(QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples"));
    for (const QString &file : examples.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const cp::io::ParseResult parsed = cp::io::readScenarioFile(examples.filePath(file), catalog);
        if (!parsed.ok())
            continue;
        std::vector<double> solve, risk, pdf, total;
        int pages = 0;
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer timer;
            timer.start();
            cp::report::ScenarioReportInput input;
            input.solved = cp::solveScenario(*parsed.scenario, catalog, cp::Month::fromYearMonth(2026, 5));
            solve.push_back(ms(timer));
            QElapsedTimer step;
            step.start();
            input.risk = cp::report::runReportRisk(*input.solved);
            risk.push_back(ms(step));
            step.restart();
            input.methodology = methodology;
            input.info.preparedOn = QDate(2026, 5, 4);
            input.info.asOf = cp::Month::fromYearMonth(2026, 5);
            const cp::report::RenderedReport rendered = cp::report::renderScenarioReport(input);
            pdf.push_back(ms(step));
            total.push_back(ms(timer));
            pages = rendered.pageCount;
        }
        const auto median = [](std::vector<double> v) {
            std::sort(v.begin(), v.end());
            return v[v.size() / 2];
        };
        std::printf("| %s | %zu | %d | %.1f | %.0f | %.0f | %.0f | %.0f |\n", qPrintable(file), itemCount(*parsed.scenario),
                    pages, median(solve), median(risk), median(pdf), median(total),
                    *std::max_element(total.begin(), total.end()));
    }
    return 0;
}
