// Switching scenario redraws every chart (the target: under 100 ms for the shipped examples).
// For each example, switched to from the one before, two measures:
// - all five charts on screen at once (the panel's four pages laid out side by side in one
//   window): ScenarioChartsPanel::setSolved (models reset, every chart's series rebuilt) and
//   then every chart painted (QWidget::grab);
// - the panel as a user has it, on its Spend tab (the heaviest): setSolved and the paint of
//   that page (hidden tabs rebuild when they are shown).
// Prints a Markdown table.
//
//   build/tests/bin/bench_charts            # 20 rounds over the examples, the median and the slowest
//   build/tests/bin/bench_charts --quick    # one round (what ctest runs)

#include "analysis/solvedscenario.h"
#include "catalog/catalog.h"
#include "charts/chartwidget.h"
#include "charts/scenariochartspanel.h"
#include "io/scenariojson.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QWidget>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

namespace {

double ms(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

struct Example {
    QString file;
    std::shared_ptr<const cp::SolvedScenario> solved;
    std::vector<double> update;
    std::vector<double> draw;
    std::vector<double> tabUpdate;
    std::vector<double> tabDraw;
};

} // namespace

int main(int argc, char **argv)
{
    // The offscreen platform warns on every layout change of a top-level window; not ours to fix.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        if (!message.contains(QLatin1String("propagateSizeHints")))
            std::fprintf(stderr, "%s%s\n", type == QtWarningMsg ? "warning: " : "", qPrintable(message));
    });
    QApplication app(argc, argv);
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const int rounds = quick ? 1 : 20;

    std::vector<Example> examples;
    const QDir dir(QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples"));
    for (const QString &file : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const cp::io::ParseResult parsed = cp::io::readScenarioFile(dir.filePath(file), cp::Catalog::builtIn());
        if (!parsed.ok())
            continue;
        auto solved = cp::solveScenario(*parsed.scenario, cp::Catalog::builtIn(), cp::Month::fromYearMonth(2026, 1));
        if (solved->ok())
            examples.push_back({file, solved, {}, {}, {}, {}});
    }
    if (examples.empty()) {
        std::fprintf(stderr, "bench_charts: no example solved\n");
        return 1;
    }

    // Every chart on screen: the four pages side by side.
    cp::views::ScenarioChartsPanel all;
    QWidget window;
    auto *grid = new QGridLayout(&window);
    for (int page = 0; page < cp::views::ScenarioChartsPanel::PageCount; ++page) {
        QWidget *widget = all.page(static_cast<cp::views::ScenarioChartsPanel::Page>(page));
        grid->addWidget(widget, page / 2, page % 2);
        widget->show(); // the tab widget had hidden the pages it was not showing
    }
    window.resize(2400, 1400);
    window.show();
    // The panel as a user has it, on its Spend tab.
    cp::views::ScenarioChartsPanel tabs;
    tabs.resize(1280, 800);
    tabs.setCurrentIndex(cp::views::ScenarioChartsPanel::SpendPage);
    tabs.show();
    QApplication::processEvents();
    for (const Example &example : examples) { // warm up: fonts, glyph caches, first layouts
        all.setSolved(example.solved);
        tabs.setSolved(example.solved);
    }

    for (int round = 0; round < rounds; ++round) {
        for (Example &example : examples) {
            QElapsedTimer timer;
            timer.start();
            all.setSolved(example.solved);
            example.update.push_back(ms(timer));
            for (cp::views::ChartWidget *chart : all.charts())
                chart->grab();
            example.draw.push_back(ms(timer));

            timer.restart();
            tabs.setSolved(example.solved);
            example.tabUpdate.push_back(ms(timer));
            tabs.currentWidget()->grab();
            example.tabDraw.push_back(ms(timer));
        }
    }

    std::printf("| example | months | items | all 5 charts: setSolved ms | + paint ms (median) | slowest ms | Spend tab: setSolved ms | + paint ms (median) |\n"
                "|---|---|---|---|---|---|---|---|\n");
    for (const Example &example : examples) {
        std::size_t items = 0;
        for (const cp::Site &site : example.solved->scenario.sites)
            items += 1 + site.compute.size() + site.power.size() + site.cooling.size();
        std::printf("| %s | %d | %zu | %.1f | %.1f | %.1f | %.1f | %.1f |\n", qPrintable(example.file),
                    example.solved->result.horizonMonths, items, median(example.update), median(example.draw),
                    *std::max_element(example.draw.begin(), example.draw.end()), median(example.tabUpdate), median(example.tabDraw));
    }
    return 0;
}
