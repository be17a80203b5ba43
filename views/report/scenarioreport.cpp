#include "report/scenarioreport.h"

#include "analysis/comparison.h"
#include "analysis/solvedscenario.h"
#include "catalog/catalog.h"
#include "clusterplan/version.h"
#include "format/units.h"
#include "itemmodels/kpilistmodel.h"
#include "itemmodels/resultcomparisonmodel.h"
#include "policy/policypack.h"
#include "report/chartsection.h"
#include "report/markdownblocks.h"
#include "report/reportcover.h"
#include "report/reportdocument.h"
#include "report/reportfacts.h"
#include "report/reporttext.h"
#include "report/risksection.h"
#include "report/sitesection.h"
#include "report/yearlysection.h"

#include <QFileInfo>
#include <QHash>

namespace cp::report {

namespace {

using text::qs;

// What each KPI of the result document is, in a line (docs/scenario-format.md, sections 4 and 5).
QString kpiMeaning(const char *key)
{
    static const QHash<QString, QString> meanings{
        {QStringLiteral("totalCapexUsd"), QStringLiteral("Capital paid within the plan's months")},
        {QStringLiteral("compute"), QStringLiteral("Accelerators with servers, network and storage")},
        {QStringLiteral("facility"), QStringLiteral("Buildings and their electrical and mechanical fit-out")},
        {QStringLiteral("power"), QStringLiteral("Owned power sources: interconnects, turbines, engines, batteries")},
        {QStringLiteral("cooling"), QStringLiteral("Owned cooling plants")},
        {QStringLiteral("totalOpexUsd"), QStringLiteral("Operating cost paid within the plan's months")},
        {QStringLiteral("energy"), QStringLiteral("Grid electricity")},
        {QStringLiteral("fuel"), QStringLiteral("Gas burned by on-site generation")},
        {QStringLiteral("rent"), QStringLiteral("Rented sources and chillers, colocation leases")},
        {QStringLiteral("om"), QStringLiteral("Fixed and variable operation and maintenance")},
        {QStringLiteral("cloud"), QStringLiteral("Accelerator-hours rented from cloud partners")},
        {QStringLiteral("npvCostUsd"), QStringLiteral("Capex and opex discounted monthly to the plan's start")},
        {QStringLiteral("firstComputeMonth"), QStringLiteral("First month with any accelerator energized")},
        {QStringLiteral("fullPowerMonth"), QStringLiteral("From this month every planned accelerator stays energized")},
        {QStringLiteral("peakItMw"), QStringLiteral("Most IT power drawn in a month")},
        {QStringLiteral("peakFacilityMw"), QStringLiteral("IT power times PUE: what the sources supply")},
        {QStringLiteral("energyMwh"), QStringLiteral("Facility energy over the plan at its utilization")},
        {QStringLiteral("strandedAcceleratorMonths"), QStringLiteral("Delivered but not energized, summed over months")},
        {QStringLiteral("peakBf16Pflops"), QStringLiteral("Most dense BF16 compute energized at once")},
        {QStringLiteral("depreciationUsd"), QStringLiteral("Straight-line depreciation within the plan")},
        {QStringLiteral("costPerAcceleratorHourUsd"), QStringLiteral("Depreciation and opex per energized accelerator-hour")},
        {QStringLiteral("plannedAccelerators"), QStringLiteral("Every accelerator of every tranche")},
        {QStringLiteral("peakEnergized"), QStringLiteral("Most accelerators energized at once")},
    };
    return meanings.value(QLatin1String(key));
}

QString tileDetail(KpiListModel::Kpi kpi, const SolvedScenario &solved)
{
    const solver::Kpis &k = solved.result.kpis;
    switch (kpi) {
    case KpiListModel::TotalCapex:
        return QStringLiteral("compute %1").arg(format::usd(k.capexByCategory[0]));
    case KpiListModel::NpvCost:
        return QStringLiteral("at %1 a year; opex %2")
            .arg(format::percent(solved.resolved.plan.assumptions.discountRatePct), format::usd(k.totalOpexUsd));
    case KpiListModel::FirstCompute:
        return QStringLiteral("first accelerators energized");
    case KpiListModel::FullPower:
        return QStringLiteral("%1 accelerators planned").arg(format::count(k.plannedAccelerators));
    case KpiListModel::PeakItLoad:
        return QStringLiteral("%1 energy over the plan").arg(format::megawattHours(k.energyMwh));
    case KpiListModel::PeakFacilityPower:
        return QStringLiteral("IT load times PUE");
    case KpiListModel::StrandedAcceleratorMonths:
        if (k.returnsStated && k.strandedValueUsd > 0.0)
            return QStringLiteral("idle: %1 unearned").arg(format::usd(k.strandedValueUsd));
        return QStringLiteral("delivered but not energized");
    case KpiListModel::CostPerAcceleratorHour:
        return QStringLiteral("depreciation and opex");
    case KpiListModel::NpvNet:
        return QStringLiteral("revenue %1, residual %2").arg(format::usd(k.revenueUsd), format::usd(k.residualValueUsd));
    case KpiListModel::Irr:
        return QStringLiteral("a year, on the monthly net cash flow");
    case KpiListModel::Payback:
        return QStringLiteral("running net cash flow back to zero");
    case KpiListModel::LevelizedCost:
        return QStringLiteral("with capital charge, less residual value");
    case KpiListModel::KpiCount:
        break;
    }
    return QString();
}

void appendSummary(ReportDocument &document, const ScenarioReportInput &input)
{
    const SolvedScenario &solved = *input.solved;
    document.heading1(QStringLiteral("Executive summary"));

    RichText sentences;
    const auto list = summarySentences(solved, input.risk ? &*input.risk : nullptr);
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (i > 0)
            sentences.plain(QStringLiteral("\n"));
        sentences.bold(list[i].lead + QLatin1Char(' ')).plain(list[i].text);
    }
    // Paragraph breaks inside one callout: QTextLayout breaks lines at U+2028.
    sentences.text.replace(QLatin1Char('\n'), QChar(QChar::LineSeparator));
    document.callout(sentences);

    // The headline figures exactly as the window's KPI panel shows them.
    KpiListModel kpis;
    kpis.setSolved(input.solved);
    std::vector<KpiTilesBlock::Tile> tiles;
    for (int row = 0; row < kpis.rowCount(); ++row)
        tiles.push_back({kpis.index(row, KpiListModel::Label).data().toString(),
                         kpis.index(row, KpiListModel::Value).data().toString(),
                         tileDetail(kpis.kpiAt(row), solved)});
    document.tiles(std::move(tiles));

    document.heading2(QStringLiteral("Sites at a glance"));
    appendSitesOverview(document, solved);

    document.heading2(QStringLiteral("Every result"));
    TableBlock &table = document.table({{QStringLiteral("Measure"), Qt::AlignLeft, true},
                                        {QStringLiteral("Value"), Qt::AlignRight, false},
                                        {QStringLiteral("What it is"), Qt::AlignLeft, true}});
    table.setZebra(true);
    for (const KpiDefinition &kpi : comparisonKpis())
        table.addRow(QStringList{QLatin1String(kpi.label),
                                 ResultComparisonModel::formatValue(kpi, kpi.value(solved.result.kpis)), kpiMeaning(kpi.key)});
    if (const solver::Kpis &k = solved.result.kpis; k.returnsStated) { // docs/methodology.md, "Returns"
        const QString none = QStringLiteral("none");
        table.addRow(QStringList{QStringLiteral("Revenue"), format::usd(k.revenueUsd),
                                 QStringLiteral("Sold energized accelerator-hours at their price")});
        table.addRow(QStringList{QStringLiteral("NPV of revenue"), format::usd(k.npvRevenueUsd),
                                 QStringLiteral("Revenue discounted monthly to the plan's start")});
        table.addRow(QStringList{QStringLiteral("Residual value"), format::usd(k.residualValueUsd),
                                 QStringLiteral("Book value left at the end, and salvage at retirements")});
        table.addRow(QStringList{QStringLiteral("NPV of net cash flow"), format::usd(k.npvNetUsd),
                                 QStringLiteral("Revenue and residual value less capex and opex, discounted")});
        table.addRow(QStringList{QStringLiteral("IRR"), k.irrPct ? format::percent(*k.irrPct) : none,
                                 QStringLiteral("Yearly rate at which the monthly net cash flow's NPV is zero")});
        table.addRow(QStringList{QStringLiteral("Payback"), k.paybackMonth ? format::monthLabel(*k.paybackMonth) : none,
                                 QStringLiteral("First month the running net cash flow is back to zero")});
        table.addRow(QStringList{QStringLiteral("Levelized cost per accelerator-hour"),
                                 k.levelizedCostPerAcceleratorHourUsd
                                     ? format::usd(*k.levelizedCostPerAcceleratorHourUsd) + QStringLiteral("/h")
                                     : none,
                                 QStringLiteral("Costs less residual value, discounted, per discounted energized hour")});
        table.addRow(QStringList{QStringLiteral("Value of stranded hardware"), format::usd(k.strandedValueUsd),
                                 QStringLiteral("What delivered but idle accelerators would have earned")});
    }
    document.small(QStringLiteral("Money in US dollars, nominal; totals count the plan's months only (payments before "
                                  "its start are sunk, after its end beyond it)."));

    appendYearlyTable(document, solved, input.info.fiscalYearStartMonth);

    if (!solved.scenario.description.trimmed().isEmpty()) {
        document.heading2(QStringLiteral("About this plan"));
        document.paragraph(solved.scenario.description.trimmed());
    }
}

void appendSites(ReportDocument &document, const SolvedScenario &solved)
{
    document.heading1(QStringLiteral("Sites"));
    const solver::Plan &plan = solved.resolved.plan;
    document.paragraph(QStringLiteral("%1 %2 over %3 months from %4. Every value below is the one the plan is solved "
                                      "with: as written in the scenario, or taken from the reference catalog where the "
                                      "scenario leaves it out.")
                           .arg(plan.sites.size())
                           .arg(plan.sites.size() == 1 ? QStringLiteral("site") : QStringLiteral("sites"))
                           .arg(plan.horizonMonths)
                           .arg(format::monthLabel(plan.startMonth)));
    for (std::size_t s = 0; s < plan.sites.size(); ++s)
        appendSiteSection(document, solved, s);
}

void appendWarnings(ReportDocument &document, const SolvedScenario &solved)
{
    document.heading1(QStringLiteral("Checks and warnings"));
    const auto &warnings = solved.result.warnings;
    if (warnings.empty()) {
        document.paragraph(QStringLiteral("No check raised a warning."));
        return;
    }
    document.paragraph(QStringLiteral("%1 %2 from the plan's checks: training power swings, reliability, accelerators "
                                      "never energized, payments outside the plan, stale catalog values and export "
                                      "rules.")
                           .arg(warnings.size())
                           .arg(warnings.size() == 1 ? QStringLiteral("warning") : QStringLiteral("warnings")));
    TableBlock &table = document.table({{QStringLiteral("Check"), Qt::AlignLeft, true},
                                        {QStringLiteral("Where"), Qt::AlignLeft, true},
                                        {QStringLiteral("What it says"), Qt::AlignLeft, true}});
    table.setStretchColumn(2);
    for (const solver::Warning &w : warnings) {
        const QString where = w.site.empty()   ? QStringLiteral("Portfolio")
                              : w.item.empty() ? qs(w.site)
                                               : qs(w.site) + QStringLiteral(" / ") + qs(w.item);
        table.addRow({TableCell(RichText().bold(warningLabel(w.code))), TableCell(where), TableCell(qs(w.message))});
    }
}

// Distinct sources in order of first use: the assumptions table cites them by number.
class SourceList
{
public:
    int cite(const QString &source)
    {
        const auto it = m_index.constFind(source);
        if (it != m_index.constEnd())
            return *it;
        m_sources << source;
        m_index.insert(source, static_cast<int>(m_sources.size()));
        return static_cast<int>(m_sources.size());
    }
    [[nodiscard]] const QStringList &sources() const { return m_sources; }

private:
    QStringList m_sources;
    QHash<QString, int> m_index;
};

void appendAssumptions(ReportDocument &document, const ScenarioReportInput &input, SourceList &sources)
{
    const SolvedScenario &solved = *input.solved;
    const Month asOf = input.info.asOf;
    const ReportStyle &style = document.style();
    document.heading1(QStringLiteral("Assumptions and sources"));

    document.heading2(QStringLiteral("Scenario assumptions"));
    const solver::Assumptions &a = solved.resolved.plan.assumptions;
    TableBlock &scenario = document.table({{QStringLiteral("Assumption"), Qt::AlignLeft, true},
                                           {QStringLiteral("Value"), Qt::AlignRight, false},
                                           {QStringLiteral("Used for"), Qt::AlignLeft, true}});
    scenario.addRow(QStringList{QStringLiteral("Plan period"),
                                QStringLiteral("%1, %2 months").arg(format::monthLabel(solved.result.startMonth)).arg(solved.result.horizonMonths),
                                QStringLiteral("Months that count in the totals and the NPV")});
    scenario.addRow(QStringList{QStringLiteral("Discount rate"), format::percent(a.discountRatePct) + QStringLiteral(" a year"),
                                QStringLiteral("NPV of costs, monthly from the plan's start")});
    // "$80/MWh", or "$80/MWh ($60 to $120)" when risk runs sample a range.
    const auto pricePer = [](const solver::ThreePoint &price, const QString &unit) -> QString {
        return format::usd(price.mode) + unit
               + (price.isFixed() ? QString() : QStringLiteral(" (%1 to %2)").arg(format::usd(price.low), format::usd(price.high)));
    };
    scenario.addRow(QStringList{QStringLiteral("Electricity price"), pricePer(a.electricityUsdPerMwh, QStringLiteral("/MWh")),
                                QStringLiteral("Grid energy")});
    scenario.addRow(QStringList{QStringLiteral("Gas price"), pricePer(a.gasUsdPerMmbtu, QStringLiteral("/MMBtu")),
                                QStringLiteral("Fuel of gas turbines and engines")});
    scenario.addRow(QStringList{QStringLiteral("Utilization"), format::percent(a.utilizationPct),
                                QStringLiteral("Energy and fuel of energized load")});
    scenario.addRow(QStringList{QStringLiteral("Depreciation"),
                                QStringLiteral("%1 / %2 / %3 / %4 years")
                                    .arg(text::number(a.depreciationYearsCompute), text::number(a.depreciationYearsFacility),
                                         text::number(a.depreciationYearsPower), text::number(a.depreciationYearsCooling)),
                                QStringLiteral("Compute, facility, power, cooling; straight line from service")});

    document.heading2(QStringLiteral("Catalog values the plan rests on"));
    const std::vector<AssumptionRow> rows = assumptionRows(solved, asOf);
    int staleCount = 0;
    TableBlock &catalog = document.table({{QStringLiteral("Value"), Qt::AlignLeft, true},
                                          {QStringLiteral("Default"), Qt::AlignRight, true},
                                          {QStringLiteral("Range"), Qt::AlignRight, true},
                                          {QStringLiteral("Used by"), Qt::AlignLeft, true},
                                          {QStringLiteral("As of"), Qt::AlignLeft, false},
                                          {QStringLiteral("Conf."), Qt::AlignLeft, false},
                                          {QStringLiteral("Source"), Qt::AlignRight, false}});
    for (const AssumptionRow &row : rows) {
        const CatalogValue &v = *row.value;
        const QString range = v.low == v.high ? text::kDash : catalogRangeText(v);
        QString usedBy = row.usedBy.mid(0, 4).join(QStringLiteral("; "));
        if (row.usedBy.size() > 4)
            usedBy += QStringLiteral("; and %1 more").arg(row.usedBy.size() - 4);
        staleCount += row.stale ? 1 : 0;
        const TableCell asOfCell = row.stale ? TableCell(RichText(v.asOf + QStringLiteral(" stale")), style.caution, true)
                                             : TableCell(v.asOf);
        catalog.addRow({TableCell(row.what), TableCell(catalogValueText(v.value, v.unit)), TableCell(range),
                        TableCell(usedBy), asOfCell,
                        TableCell(v.confidence + (v.estimate ? QStringLiteral(" est.") : QString())),
                        TableCell(QStringLiteral("[%1]").arg(sources.cite(v.source)))});
    }
    QString note = QStringLiteral("Confidence: H a datasheet, filing or primary paper; M an analyst or press source; L a "
                                  "weak source or an estimate (est.: our judgement). Ranges are what risk runs sample. "
                                  "Sources are listed under Reference sources.");
    note += staleCount == 0
                ? QStringLiteral(" No value is older than two years as of %1.").arg(asOf.toLabel())
                : QStringLiteral(" Stale: %1 %2 dated more than 24 months before %3; check %4 or state your own.")
                      .arg(staleCount)
                      .arg(staleCount == 1 ? QStringLiteral("value is") : QStringLiteral("values are"))
                      .arg(asOf.toLabel())
                      .arg(staleCount == 1 ? QStringLiteral("it") : QStringLiteral("them"));
    document.small(note);
}

void appendReferences(ReportDocument &document, const SolvedScenario &solved, const SourceList &sources)
{
    Q_UNUSED(solved);
    document.heading1(QStringLiteral("Reference sources"));
    document.paragraph(QStringLiteral("The sources of the catalog values above, as cited in the reference catalog "
                                      "shipped with ClusterPlan %1. Figures are public estimates; confirm the ones "
                                      "the decision turns on with suppliers before committing.")
                           .arg(QLatin1String(kVersion)));
    const QStringList &list = sources.sources();
    for (qsizetype i = 0; i < list.size(); ++i)
        document.bullet(list[i], 0, QStringLiteral("[%1]").arg(i + 1), 25.0);

    const std::vector<PolicyPack> &packs = builtInPolicyPacks();
    if (!packs.empty()) {
        document.heading2(QStringLiteral("Policy rules checked"));
        for (const PolicyPack &pack : packs) {
            QString inForce = QStringLiteral("in force from %1").arg(pack.inForce.toString(Qt::ISODate));
            if (pack.rescinded)
                inForce += QStringLiteral(" until %1").arg(pack.rescinded->toString(Qt::ISODate));
            document.bullet(RichText().bold(pack.name).plain(QStringLiteral(" (%1): %2, as of %3, confidence %4.")
                                                                 .arg(inForce, pack.source, pack.asOf, pack.confidence)));
        }
    }
}

} // namespace

CoverInfo scenarioCover(const ScenarioReportInput &input)
{
    const SolvedScenario &solved = *input.solved;
    const solver::Result &r = solved.result;
    CoverInfo cover;
    cover.kicker = QStringLiteral("ClusterPlan  |  Scenario report");
    cover.title = solved.scenario.name;
    cover.subtitle = QStringLiteral("Capacity, build timeline, capital and risk of an AI cluster plan");
    const ReportInfo &info = input.info;
    if (!info.workspace.isEmpty())
        cover.details.emplace_back(QStringLiteral("Workspace"), QFileInfo(info.workspace).fileName());
    else if (!info.sourceFile.isEmpty())
        cover.details.emplace_back(QStringLiteral("Scenario file"), QFileInfo(info.sourceFile).fileName());
    cover.details.emplace_back(QStringLiteral("Plan period"),
                               QStringLiteral("%1 to %2 (%3 months)")
                                   .arg(format::monthLabel(r.startMonth), format::monthLabel(r.startMonth + r.horizonMonths - 1))
                                   .arg(r.horizonMonths));
    cover.details.emplace_back(QStringLiteral("Sites"), QString::number(solved.scenario.sites.size()));
    cover.details.emplace_back(QStringLiteral("Prepared"), QLocale::c().toString(info.preparedOn, QStringLiteral("d MMMM yyyy")));
    cover.details.emplace_back(QStringLiteral("Catalog values judged as of"), info.asOf.toLabel());
    cover.details.emplace_back(QStringLiteral("Application"), QLatin1String(kVersionLine));
    cover.notice = QStringLiteral("Planning estimates computed from the scenario's inputs and the ClusterPlan reference "
                                  "catalog by the rules in the methodology appendix. Every catalog value is listed with "
                                  "its source, date and confidence under Assumptions and sources. Money in nominal US "
                                  "dollars.");
    return cover;
}

void buildScenarioReport(ReportDocument &document, const ScenarioReportInput &input)
{
    const SolvedScenario &solved = *input.solved;
    SourceList sources;
    appendSummary(document, input);
    appendSites(document, solved);
    appendScenarioCharts(document, input.solved);
    appendWarnings(document, solved);
    appendRiskSection(document, solved, input.risk ? &*input.risk : nullptr);
    appendAssumptions(document, input, sources);
    if (!input.methodology.isEmpty())
        appendMarkdown(document, input.methodology);
    appendReferences(document, solved, sources);
}

} // namespace cp::report
