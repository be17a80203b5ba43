#include "report/comparisonreport.h"

#include "analysis/comparison.h"
#include "analysis/scenariodiff.h"
#include "analysis/solvedscenario.h"
#include "analysis/timevalue.h"
#include "clusterplan/version.h"
#include "compare/waterfallchart.h"
#include "format/units.h"
#include "itemmodels/resultcomparisonmodel.h"
#include "report/chartsection.h"
#include "report/reportcover.h"
#include "report/reportdocument.h"
#include "report/reporttext.h"

#include <QFileInfo>
#include <QLocale>

namespace cp::report {

namespace {

const KpiDefinition *findKpi(const char *key)
{
    for (const KpiDefinition &kpi : comparisonKpis())
        if (qstrcmp(kpi.key, key) == 0 && kpi.group == nullptr)
            return &kpi;
    return nullptr;
}

std::size_t kpiIndex(const KpiDefinition *kpi)
{
    return static_cast<std::size_t>(kpi - comparisonKpis().data());
}

// "Full power Oct 2028 (3 months earlier)": a KPI of a compared scenario with its delta in words.
RichText kpiWithDelta(const ReportStyle &style, const ComparedScenario &scenario, const char *key, const QString &label)
{
    const KpiDefinition *kpi = findKpi(key);
    const ComparedKpi &value = scenario.kpis[kpiIndex(kpi)];
    RichText out;
    out.plain(label + QLatin1Char(' ') + ResultComparisonModel::formatValue(*kpi, value.value));
    const QString delta = ResultComparisonModel::formatDelta(*kpi, value.delta);
    const QColor color = value.verdict == KpiVerdict::Better  ? style.positive
                         : value.verdict == KpiVerdict::Worse ? style.negative
                                                               : style.muted;
    out.plain(QStringLiteral(" (")).colored(delta, color).plain(QLatin1String(")"));
    return out;
}

void appendSummary(ReportDocument &document, const Comparison &comparison)
{
    const ReportStyle &style = document.style();
    document.heading1(QStringLiteral("Comparison summary"));
    const ComparedScenario &baseline = comparison.scenarios.front();
    document.paragraph(RichText()
                           .plain(QStringLiteral("The baseline is "))
                           .bold(baseline.name)
                           .plain(QStringLiteral("; every other scenario is measured against it. Deltas are the "
                                                 "scenario's value less the baseline's, in green where better and in "
                                                 "red where worse.")));
    if (comparison.windowsDiffer)
        document.callout(RichText().bold(QStringLiteral("Months compared: ")).plain(windowSentence(comparison)));
    for (std::size_t i = 1; i < comparison.scenarios.size(); ++i) {
        const ComparedScenario &s = comparison.scenarios[i];
        RichText line;
        line.bold(s.name + QStringLiteral(": "));
        const auto append = [&line](const RichText &part, const QString &separator) {
            const int offset = static_cast<int>(line.text.size());
            line.text += part.text;
            for (QTextLayout::FormatRange range : part.formats) {
                range.start += offset;
                line.formats.append(range);
            }
            line.text += separator;
        };
        append(kpiWithDelta(style, s, "fullPowerMonth", QStringLiteral("full power")), QStringLiteral("; "));
        append(kpiWithDelta(style, s, "totalCapexUsd", QStringLiteral("capex")), QStringLiteral("; "));
        append(kpiWithDelta(style, s, "npvCostUsd", QStringLiteral("NPV of costs")), QStringLiteral("; "));
        append(kpiWithDelta(style, s, "strandedAcceleratorMonths", QStringLiteral("stranded accelerator-months")),
               QStringLiteral("."));
        document.callout(line);
    }

    // Four scenarios make eight columns of figures: they read better across a landscape page.
    const bool wide = comparison.scenarios.size() > 3;
    if (wide)
        document.setOrientation(Orientation::Landscape);
    document.heading2(QStringLiteral("Every result, with deltas against the baseline"));
    // Figures keep one line; the scenario names over them wrap.
    std::vector<TableColumn> columns{{QStringLiteral("Measure"), Qt::AlignLeft, true},
                                     {baseline.name, Qt::AlignRight, false}};
    for (std::size_t i = 1; i < comparison.scenarios.size(); ++i) {
        columns.push_back({comparison.scenarios[i].name, Qt::AlignRight, false});
        columns.push_back({QStringLiteral("\u0394 ") + comparison.scenarios[i].name, Qt::AlignRight, false});
    }
    TableBlock &table = document.table(std::move(columns));
    table.setZebra(true);
    const std::vector<KpiDefinition> &kpis = comparisonKpis();
    for (std::size_t k = 0; k < kpis.size(); ++k) {
        std::vector<TableCell> row{TableCell(QLatin1String(kpis[k].label)),
                                   TableCell(ResultComparisonModel::formatValue(kpis[k], baseline.kpis[k].value))};
        for (std::size_t i = 1; i < comparison.scenarios.size(); ++i) {
            const ComparedKpi &value = comparison.scenarios[i].kpis[k];
            row.emplace_back(ResultComparisonModel::formatValue(kpis[k], value.value));
            const QColor color = value.verdict == KpiVerdict::Better  ? style.positive
                                 : value.verdict == KpiVerdict::Worse ? style.negative
                                                                       : QColor();
            row.emplace_back(RichText(ResultComparisonModel::formatDelta(kpis[k], value.delta)), color);
        }
        table.addRow(std::move(row));
    }
    document.small(QStringLiteral("\u0394: the scenario less the baseline; percentages of the baseline's magnitude "
                                  "(none when it is zero); months as calendar months, negative when earlier."));
    document.setOrientation(Orientation::Portrait);
}

// Is each scenario's difference worth it against the baseline? The sentence and the NPV bridge
// by category, as the window's "Worth it?" tab shows them.
void appendWorth(ReportDocument &document, const Comparison &comparison)
{
    const ComparedScenario &baseline = comparison.scenarios.front();
    document.heading1(QStringLiteral("Is the difference worth it?"));
    document.paragraph(QStringLiteral("Months gained are worth what the accelerators earn in them; each bridge below "
                                      "goes from the baseline's NPV to the scenario's, one category at a time (costs "
                                      "pull it down, revenue and residual value push it up)."));
    for (std::size_t i = 1; i < comparison.scenarios.size(); ++i) {
        const ComparedScenario &other = comparison.scenarios[i];
        const TimeValue value = timeValue(*baseline.solved, *other.solved);
        document.heading2(QStringLiteral("%1 against %2").arg(other.name, baseline.name));
        document.callout(RichText().bold(other.name + QStringLiteral(": ")).plain(timeValueSentence(value, baseline.name)));
        auto chart = std::make_shared<views::WaterfallChart>();
        chart->setBridge(value, baseline.name, other.name);
        document.keepAlive(chart);
        addChart(document, chart.get());
    }
}

QString changeWhere(const InputChange &change)
{
    if (change.site.isEmpty())
        return QStringLiteral("Scenario");
    if (change.item.isEmpty())
        return change.site;
    return change.site + QStringLiteral(" / ") + change.item;
}

void appendInputChanges(ReportDocument &document, const Comparison &comparison)
{
    document.heading1(QStringLiteral("Input changes"));
    const ComparedScenario &baseline = comparison.scenarios.front();
    document.paragraph(QStringLiteral("What each scenario changes against %1, as written: fields that differ, and sites "
                                      "and items added or removed. A field left to the catalog shows as empty.")
                           .arg(baseline.name));
    for (std::size_t i = 1; i < comparison.scenarios.size(); ++i) {
        const ComparedScenario &other = comparison.scenarios[i];
        document.heading2(QStringLiteral("%1 against %2").arg(other.name, baseline.name));
        const std::vector<InputChange> changes =
            diffScenarios(baseline.solved->scenario, other.solved->scenario);
        if (changes.empty()) {
            document.paragraph(QStringLiteral("The inputs are the same."));
            continue;
        }
        TableBlock &table = document.table({{QStringLiteral("Where"), Qt::AlignLeft, true},
                                            {QStringLiteral("Field"), Qt::AlignLeft, true},
                                            {baseline.name, Qt::AlignLeft, true},
                                            {other.name, Qt::AlignLeft, true}});
        for (const InputChange &change : changes) {
            QString field = change.field;
            if (change.kind == InputChange::Kind::Added)
                field = change.item.isEmpty() && change.field.isEmpty() ? QStringLiteral("site added")
                                                                         : (field.isEmpty() ? QStringLiteral("added") : field + QStringLiteral(" added"));
            else if (change.kind == InputChange::Kind::Removed)
                field = change.item.isEmpty() && change.field.isEmpty() ? QStringLiteral("site removed")
                                                                         : (field.isEmpty() ? QStringLiteral("removed") : field + QStringLiteral(" removed"));
            table.addRow(QStringList{changeWhere(change), field,
                                     change.before.isEmpty() ? text::kDash : change.before,
                                     change.after.isEmpty() ? text::kDash : change.after});
        }
    }
}

} // namespace

CoverInfo comparisonCover(const ComparisonReportInput &input)
{
    CoverInfo cover;
    QStringList names;
    for (const auto &solved : input.scenarios)
        names << solved->scenario.name;
    cover.kicker = QStringLiteral("ClusterPlan  |  Comparison report");
    cover.title = names.join(QStringLiteral(" vs "));
    cover.subtitle = QStringLiteral("%1 scenarios side by side: results, deltas and what changed").arg(names.size());
    if (!input.info.workspace.isEmpty())
        cover.details.emplace_back(QStringLiteral("Workspace"), QFileInfo(input.info.workspace).fileName());
    cover.details.emplace_back(QStringLiteral("Baseline"), names.value(0));
    cover.details.emplace_back(QStringLiteral("Compared"), QStringList(names.mid(1)).join(QStringLiteral("; ")));
    cover.details.emplace_back(QStringLiteral("Prepared"),
                               QLocale::c().toString(input.info.preparedOn, QStringLiteral("d MMMM yyyy")));
    cover.details.emplace_back(QStringLiteral("Application"), QLatin1String(kVersionLine));
    cover.notice = QStringLiteral("Planning estimates computed from each scenario's inputs and the ClusterPlan reference "
                                  "catalog. Each scenario's own report lists its assumptions, sources and the "
                                  "methodology. Money in nominal US dollars.");
    return cover;
}

void buildComparisonReport(ReportDocument &document, const ComparisonReportInput &input)
{
    const Comparison comparison = compareScenarios(input.scenarios);
    if (comparison.empty())
        return;
    appendSummary(document, comparison);
    appendWorth(document, comparison);
    appendComparisonCharts(document, comparison.ownSolved());
    appendInputChanges(document, comparison);
}

} // namespace cp::report
