// chartgallery: renders every chart of every shipped example (and the compare charts of two of
// them) to PNG, for looking at them (docs/screenshots, review of a change):
//     chartgallery OUTDIR [--svg] [--pdf]
// Runs offscreen (QT_QPA_PLATFORM=offscreen); no window is shown.
#include "analysis/solvedscenario.h"
#include "catalog/catalog.h"
#include "charts/chartwidget.h"
#include "charts/comparisonchart.h"
#include "charts/scenariochartspanel.h"
#include "io/scenariojson.h"
#include "itemmodels/resultoverlaymodel.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QTextStream>

using namespace cp;

namespace {

std::shared_ptr<const SolvedScenario> solve(const QString &path)
{
    const io::ParseResult parsed = io::readScenarioFile(path, Catalog::builtIn());
    if (!parsed.ok())
        return nullptr;
    return solveScenario(*parsed.scenario, Catalog::builtIn(), Month::fromYearMonth(2026, 1));
}

QString slug(const QString &text)
{
    QString out = text.toLower();
    for (QChar &c : out)
        if (!c.isLetterOrNumber())
            c = QLatin1Char('-');
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        err << "usage: chartgallery OUTDIR [--svg] [--pdf]\n";
        return 2;
    }
    const QDir out(args.at(1));
    if (!QDir().mkpath(out.path())) {
        err << "cannot create " << out.path() << '\n';
        return 1;
    }
    const bool svg = args.contains(QStringLiteral("--svg"));
    const bool pdf = args.contains(QStringLiteral("--pdf"));
    const QDir examples(QStringLiteral(CLUSTERPLAN_SOURCE_DIR "/data/examples"));
    views::ScenarioChartsPanel panel;
    panel.resize(1200, 800);
    std::vector<std::shared_ptr<const SolvedScenario>> solved;
    for (const QFileInfo &file : examples.entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        auto scenario = solve(file.filePath());
        if (!scenario || !scenario->ok()) {
            err << file.fileName() << ": does not solve\n";
            return 1;
        }
        solved.push_back(scenario);
        panel.setSolved(scenario);
        for (views::ChartWidget *chart : panel.charts()) {
            const QString base = out.filePath(file.completeBaseName() + QLatin1Char('-') + slug(chart->title()));
            if (!chart->exportPng(base + QStringLiteral(".png"), chart->preferredRenderSize(1100).toSize(), 1.5)) {
                err << "cannot write " << base << ".png\n";
                return 1;
            }
            if (svg)
                chart->exportSvg(base + QStringLiteral(".svg"));
        }
        if (pdf) {
            QPdfWriter writer(out.filePath(file.completeBaseName() + QStringLiteral(".pdf")));
            writer.setPageSize(QPageSize(QPageSize::A4));
            QPainter painter(&writer);
            const auto charts = panel.charts();
            for (std::size_t i = 0; i < charts.size(); ++i) {
                if (i > 0)
                    writer.newPage();
                charts[i]->render(painter, QRectF(0, 0, writer.width(), writer.width() * 0.62));
            }
        }
    }
    // Side by side: the Memphis retrofit against the greenfield that waits for its grid.
    ResultOverlayModel overlay;
    overlay.setScenarios({solved[3], solved[2]});
    for (int metric = 0; metric < ResultOverlayModel::MetricCount; ++metric) {
        views::ComparisonChart chart(&overlay, static_cast<ResultOverlayModel::Metric>(metric));
        chart.exportPng(out.filePath(QStringLiteral("compare-") + slug(chart.title()) + QStringLiteral(".png")), QSize(1100, 560), 1.5);
    }
    return 0;
}
