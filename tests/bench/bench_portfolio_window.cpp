// The window on a large portfolio: a plan of 1,000 sites x 10 items x 240 months
// opened in the main window, an edit's way to the key figures and to every chart, and
// scrolling the Sites table and the Timeline. Goals: open < 1 s, edit -> KPIs < 50 ms, edit ->
// every chart < 200 ms, smooth scrolling (a step well inside a 16 ms frame). Prints a Markdown
// table (tests/bench/README.md).
//
//   QT_QPA_PLATFORM=offscreen build/tests/bin/bench_portfolio_window [--sites N] [--months M] [--edits K]
//   build/tests/bin/bench_portfolio_window --quick     # a smoke run (what ctest runs)
//
// The plan is the Memphis example's site copied, as tests/bench/make_portfolio.py does (each
// copy's months moved by its index mod 24), with its first tranche repeated so each site has
// 10 items, and countries in turn from a list of 24 (so the charts can be split by country).
#include "analysis/livesolver.h"
#include "analysis/solvedscenario.h"
#include "catalog/catalog.h"
#include "charts/chartwidget.h"
#include "charts/scenariochartspanel.h"
#include "common/apptheme.h"
#include "document/fieldpath.h"
#include "document/scenariodocument.h"
#include "document/workspacesession.h"
#include "io/scenariojson.h"
#include "mainwindow.h"
#include "storage/workspace.h"
#include "widgets/kpipanel.h"
#include "widgets/sitesoverviewpanel.h"
#include "widgets/workspacepanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

double msSince(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double maximum(const std::vector<double> &values)
{
    return values.empty() ? 0.0 : *std::max_element(values.begin(), values.end());
}

// "2025-03" moved by `months`, as make_portfolio.py's shifted().
QJsonValue shifted(const QJsonValue &value, int months)
{
    static const QRegularExpression kMonth(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    const auto match = kMonth.match(value.toString());
    if (!value.isString() || !match.hasMatch())
        return value;
    const int index = match.captured(1).toInt() * 12 + match.captured(2).toInt() - 1 + months;
    return QStringLiteral("%1-%2").arg(index / 12, 4, 10, QLatin1Char('0')).arg(index % 12 + 1, 2, 10, QLatin1Char('0'));
}

QJsonValue shift(const QJsonValue &node, int months)
{
    if (node.isObject()) {
        QJsonObject out;
        const QJsonObject object = node.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString &key = it.key();
            const bool isMonth = key.endsWith(QLatin1String("Month")) || key.endsWith(QLatin1String("earliest"))
                || key.endsWith(QLatin1String("latest"));
            out.insert(key, isMonth ? shifted(it.value(), months) : shift(it.value(), months));
        }
        return out;
    }
    if (node.isArray()) {
        QJsonArray out;
        for (const QJsonValue &value : node.toArray())
            out.append(shift(value, months));
        return out;
    }
    return node;
}

QByteArray portfolioJson(int sites, int itemsPerSite, int months)
{
    QFile file(QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples/memphis-retrofit-100k-h100.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QJsonObject plan = QJsonDocument::fromJson(file.readAll()).object();
    QJsonObject site = plan.value(QStringLiteral("sites")).toArray().at(0).toObject();
    // Pad to `itemsPerSite` with copies of the first tranche, three months apart.
    QJsonArray compute = site.value(QStringLiteral("compute")).toArray();
    const auto items = [&] {
        return compute.size() + site.value(QStringLiteral("power")).toArray().size()
            + site.value(QStringLiteral("cooling")).toArray().size();
    };
    const QJsonObject first = compute.at(0).toObject();
    for (int copy = 1; items() < itemsPerSite; ++copy) {
        QJsonObject tranche = shift(first, 3 * copy).toObject();
        tranche.insert(QStringLiteral("name"), QStringLiteral("%1 %2").arg(first.value(QStringLiteral("name")).toString()).arg(copy + 1));
        compute.append(tranche);
    }
    site.insert(QStringLiteral("compute"), compute);
    static const char *kCountries[] = {"US", "US", "US", "CA", "MX", "BR", "GB", "IE", "DE", "NL", "FR", "SE",
                                       "NO", "FI", "ES", "AE", "SA", "IN", "SG", "MY", "JP", "KR", "AU", "ZA"};
    QJsonArray all;
    for (int i = 0; i < sites; ++i) {
        QJsonObject copy = shift(site, i % 24).toObject();
        copy.insert(QStringLiteral("name"), QStringLiteral("Site %1").arg(i + 1));
        copy.insert(QStringLiteral("country"), QString::fromLatin1(kCountries[(i * 7) % 24]));
        all.append(copy);
    }
    plan.insert(QStringLiteral("name"), QStringLiteral("Portfolio, %1 sites").arg(sites));
    plan.insert(QStringLiteral("horizonMonths"), months);
    plan.insert(QStringLiteral("sites"), all);
    return QJsonDocument(plan).toJson(QJsonDocument::Compact);
}

// Waits for the window's next solve of the scenario being edited.
std::shared_ptr<const cp::SolvedScenario> nextSolve(cp::gui::MainWindow &window)
{
    std::shared_ptr<const cp::SolvedScenario> result;
    QEventLoop loop;
    const auto connection = QObject::connect(&window, &cp::gui::MainWindow::solved, &loop,
                                             [&](std::shared_ptr<const cp::SolvedScenario> solved) {
                                                 result = std::move(solved);
                                                 loop.quit();
                                             });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(connection);
    return result;
}

// Every chart rebuilt (a hidden one builds when drawn) and drawn at the size a page shows it:
// the Timeline's first screen, not its whole 11,000 rows.
void drawCharts(cp::gui::MainWindow &window)
{
    const QSize page = window.chartsPanel()->size();
    QImage image(page, QImage::Format_ARGB32_Premultiplied);
    for (cp::views::ChartWidget *chart : window.chartsPanel()->charts()) {
        const QSize shown = chart->size().boundedTo(page);
        chart->render(&image, QPoint(), QRegion(QRect(QPoint(), shown.isEmpty() ? page : shown)));
    }
}

// Time per scroll step: a wheel notch (three lines) moved and the viewport painted at once.
std::vector<double> scrollSteps(QAbstractScrollArea *area, int steps)
{
    std::vector<double> times;
    QScrollBar *bar = area->verticalScrollBar();
    bar->setValue(0);
    QApplication::processEvents();
    for (int i = 0; i < steps && bar->value() < bar->maximum(); ++i) {
        QElapsedTimer timer;
        timer.start();
        bar->setValue(bar->value() + 3 * bar->singleStep());
        area->viewport()->repaint();
        times.push_back(msSince(timer));
    }
    return times;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ClusterPlanBench"));
    QApplication::setApplicationName(QStringLiteral("bench_portfolio_window"));
    cp::views::applyAppTheme(app);
    const QStringList args = QApplication::arguments();
    const bool quick = args.contains(QStringLiteral("--quick"));
    const auto option = [&args](const QString &name, int fallback) {
        const qsizetype at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args[at + 1].toInt() : fallback;
    };
    const int sites = option(QStringLiteral("--sites"), quick ? 20 : 1000);
    const int months = option(QStringLiteral("--months"), quick ? 60 : 240);
    const int edits = option(QStringLiteral("--edits"), quick ? 2 : 10);
    constexpr int kItems = 10;

    const cp::Catalog &catalog = cp::Catalog::builtIn();
    const QByteArray json = portfolioJson(sites, kItems, months);
    QElapsedTimer parseTimer;
    parseTimer.start();
    const cp::io::ParseResult parsed = cp::io::parseScenarioJson(json, catalog, QStringLiteral("portfolio.json"));
    const double parseMs = msSince(parseTimer);
    if (!parsed.ok()) {
        std::fprintf(stderr, "the generated plan does not read\n");
        return 1;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("portfolio.clusterplan"));
    {
        cp::Workspace::OpenResult opened = cp::Workspace::open(path, cp::Workspace::OpenMode::ReadWrite);
        if (!opened.workspace || !opened.workspace->createScenario(parsed.scenario->name, cp::io::writeScenarioJson(*parsed.scenario)))
            return 1;
    }

    // Open: the window made, the workspace opened, the scenario read and solved, shown and painted.
    QElapsedTimer openTimer;
    openTimer.start();
    cp::gui::MainWindow window;
    window.resize(1366, 768);
    if (!window.openWorkspace(path))
        return 1;
    window.workspacePanel()->selectScenario(*window.session().workspace()->findScenario(parsed.scenario->name));
    window.show();
    auto solved = window.liveSolver().latest();
    if (!solved || solved->scenario.sites.size() != static_cast<std::size_t>(sites))
        solved = nextSolve(window);
    if (!solved || !solved->ok())
        return 1;
    window.repaint();
    const double openMs = msSince(openTimer);
    const double firstSolveMs = solved->solveMilliseconds;

    // Each tab shown the first time (its charts built and painted).
    std::vector<std::pair<QString, double>> tabTimes;
    // Not the Risk tab: shown, it runs its trials in the background (bench_risk measures them),
    // which would share the two cores with everything measured below.
    for (int tab = 1; tab < window.tabs()->count(); ++tab) {
        if (tab == static_cast<int>(cp::gui::MainWindow::Page::Risk))
            continue;
        QElapsedTimer timer;
        timer.start();
        window.tabs()->setCurrentIndex(tab);
        window.repaint();
        tabTimes.emplace_back(window.tabs()->tabText(tab), msSince(timer));
    }
    window.tabs()->setCurrentIndex(0);
    QApplication::processEvents();

    // Edits through the document (its undo stack): one site's IT capacity, on and on.
    cp::ScenarioDocument *document = window.session().currentDocument();
    const cp::FieldPath capacity = cp::FieldPath::facility(sites / 2, QStringLiteral("itCapacityMw"));
    const double base = parsed.scenario->sites[static_cast<std::size_t>(sites / 2)].facility.itCapacityMw;
    std::vector<double> toKpis;
    std::vector<double> toCharts;
    std::vector<double> solves;
    for (int i = 1; i <= edits; ++i) {
        QElapsedTimer timer;
        timer.start();
        document->setValue(capacity, base + (i % 2 == 0 ? 10.0 : -10.0) * i);
        const auto next = nextSolve(window);
        if (!next)
            return 1;
        window.kpiPanel()->repaint();
        toKpis.push_back(msSince(timer));
        solves.push_back(next->solveMilliseconds);
        drawCharts(window);
        toCharts.push_back(msSince(timer));
        QApplication::processEvents();
    }

    // Scrolling: the Sites tab's table and the Timeline.
    window.showPage(cp::gui::MainWindow::Page::Sites);
    window.repaint();
    const std::vector<double> tableSteps = scrollSteps(window.sitesOverview()->table(), quick ? 5 : 200);
    window.showPage(cp::gui::MainWindow::Page::Timeline);
    window.repaint();
    auto *timelineArea = window.chartsPanel()->page(cp::views::ScenarioChartsPanel::TimelinePage)->findChild<QScrollArea *>();
    const std::vector<double> timelineSteps = timelineArea ? scrollSteps(timelineArea, quick ? 5 : 200) : std::vector<double>{};

    // The charts split by site (the most gating eleven and the rest): every chart rebuilt and painted.
    QElapsedTimer splitTimer;
    splitTimer.start();
    window.chartsPanel()->setGrouping(cp::ResultGroupModel::Grouping::BySite);
    drawCharts(window);
    const double splitMs = msSince(splitTimer);

    std::printf("| sites | items/site | months | read ms | open ms | first solve ms | edit -> KPIs ms (median / max) "
                "| edit -> every chart ms (median / max) | solve ms (median) | split by site, every chart ms "
                "| Sites table scroll step ms (median / max) | Timeline scroll step ms (median / max) |\n");
    std::printf("|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---|---|\n");
    std::printf("| %d | %d | %d | %.0f | %.0f | %.1f | %.1f / %.1f | %.0f / %.0f | %.1f | %.0f | %.2f / %.2f | %.2f / %.2f |\n",
                sites, kItems, months, parseMs, openMs, firstSolveMs, median(toKpis), maximum(toKpis), median(toCharts),
                maximum(toCharts), median(solves), splitMs, median(tableSteps), maximum(tableSteps), median(timelineSteps),
                maximum(timelineSteps));
    std::printf("\nEach tab shown the first time, ms:");
    for (const auto &[name, ms] : tabTimes)
        std::printf(" %s %.0f;", qPrintable(name), ms);
    std::printf("\n");
    return 0;
}
