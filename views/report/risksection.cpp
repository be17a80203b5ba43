#include "report/risksection.h"

#include "analysis/sitegoodput.h"
#include "analysis/solvedscenario.h"
#include "format/energizeddroptext.h"
#include "format/riskinputlabel.h"
#include "format/units.h"
#include "report/reportdocument.h"
#include "report/riskcharts.h"
#include "report/reporttext.h"

namespace cp::report {

namespace {

using text::qs;

constexpr std::size_t kCriticalRows = 8;
constexpr std::size_t kTornadoRows = 10;

QString shareText(double share)
{
    return share > 0.0 && share < 0.005 ? QStringLiteral("<1%") : format::percent(100.0 * share, 0);
}

void appendPercentiles(ReportDocument &document, const solver::Kpis &plan, const solver::RiskResult &r)
{
    document.heading3(QStringLiteral("Dates and costs across the trials"));
    TableBlock &table = document.table({{QStringLiteral("Measure"), Qt::AlignLeft, true},
                                        {QStringLiteral("P10"), Qt::AlignRight, false},
                                        {QStringLiteral("P50"), Qt::AlignRight, false},
                                        {QStringLiteral("P90"), Qt::AlignRight, false},
                                        {QStringLiteral("Plan (modes)"), Qt::AlignRight, false}});
    const QString beyond = QStringLiteral("beyond the plan");
    table.addRow(QStringList{QStringLiteral("First compute"), text::month(r.firstComputeMonth.p10, beyond),
                             text::month(r.firstComputeMonth.p50, beyond), text::month(r.firstComputeMonth.p90, beyond),
                             text::month(plan.firstComputeMonth, beyond)});
    table.addRow(QStringList{QStringLiteral("Full power"), text::month(r.fullPowerMonth.p10, beyond),
                             text::month(r.fullPowerMonth.p50, beyond), text::month(r.fullPowerMonth.p90, beyond),
                             text::month(plan.fullPowerMonth, beyond)});
    table.addRow(QStringList{QStringLiteral("Total capex"), format::usd(r.totalCapexUsd.p10),
                             format::usd(r.totalCapexUsd.p50), format::usd(r.totalCapexUsd.p90),
                             format::usd(plan.totalCapexUsd)});
    table.addRow(QStringList{QStringLiteral("NPV of costs"), format::usd(r.npvCostUsd.p10), format::usd(r.npvCostUsd.p50),
                             format::usd(r.npvCostUsd.p90), format::usd(plan.npvCostUsd)});
    if (r.returnsStated) {
        table.addRow(QStringList{QStringLiteral("NPV of net cash flow"), format::usd(r.npvNetUsd.p10),
                                 format::usd(r.npvNetUsd.p50), format::usd(r.npvNetUsd.p90), format::usd(plan.npvNetUsd)});
        if (r.irrPct)
            table.addRow(QStringList{QStringLiteral("IRR"), format::percent(r.irrPct->p10), format::percent(r.irrPct->p50),
                                     format::percent(r.irrPct->p90),
                                     plan.irrPct ? format::percent(*plan.irrPct) : QStringLiteral("none")});
    }
    document.small(QStringLiteral("P10: one trial in ten comes out at or below this value (earlier, cheaper); P90: nine "
                                  "in ten do. Nearest-rank percentiles; a month that never comes within the plan sorts "
                                  "last. The plan column is the deterministic solve at every range's mode."));
}

void appendCriticality(ReportDocument &document, const solver::RiskResult &r)
{
    document.heading3(QStringLiteral("What holds the plan back in %1").arg(format::monthLabel(r.targetMonth)));
    if (r.criticality.empty()) {
        document.paragraph(QStringLiteral("In no trial is anything short of full power in %1.")
                               .arg(format::monthLabel(r.targetMonth)));
        return;
    }
    TableBlock &table = document.table({{QStringLiteral("Site"), Qt::AlignLeft, true},
                                        {QStringLiteral("Item"), Qt::AlignLeft, true},
                                        {QStringLiteral("Share of trials"), Qt::AlignRight, false}});
    for (std::size_t i = 0; i < std::min(kCriticalRows, r.criticality.size()); ++i) {
        const solver::CriticalItem &item = r.criticality[i];
        table.addRow(QStringList{qs(item.site), qs(item.item), shareText(item.share)});
    }
    document.small(QStringLiteral("The share of trials in which the item is what limits the plan in %1 (its arrival "
                                  "gates the site). Shares need not add up to 100%: in the other trials the plan is at "
                                  "full power by then.")
                       .arg(format::monthLabel(r.targetMonth)));
}

void appendTornado(ReportDocument &document, const SolvedScenario &solved, const solver::RiskResult &r)
{
    if (r.tornado.empty())
        return;
    appendTornadoChart(document, solved, r);
    document.heading3(QStringLiteral("Inputs that swing the cost most"));
    TableBlock &table = document.table({{QStringLiteral("Input"), Qt::AlignLeft, true},
                                        {QStringLiteral("Low"), Qt::AlignRight, false},
                                        {QStringLiteral("High"), Qt::AlignRight, false},
                                        {QStringLiteral("NPV at low"), Qt::AlignRight, false},
                                        {QStringLiteral("NPV at high"), Qt::AlignRight, false},
                                        {QStringLiteral("NPV swing"), Qt::AlignRight, false},
                                        {QStringLiteral("Full power moves"), Qt::AlignRight, true}});
    const bool withSite = format::inputsSpanSites(r.tornado);
    for (std::size_t i = 0; i < std::min(kTornadoRows, r.tornado.size()); ++i) {
        const solver::TornadoBar &bar = r.tornado[i];
        const QString moves = bar.fullPowerSwingMonths == 0 ? text::kDash
                                                            : format::nounCount(bar.fullPowerSwingMonths,
                                                                                QStringLiteral("month"),
                                                                                QStringLiteral("months"));
        table.addRow(QStringList{format::riskInputLabel(bar, withSite),
                                 format::riskInputValue(bar.field, bar.low), format::riskInputValue(bar.field, bar.high),
                                 format::usd(bar.npvAtLowUsd), format::usd(bar.npvAtHighUsd), format::usd(bar.npvSwingUsd),
                                 moves});
    }
    document.small(QStringLiteral("Each input at its low and at its high with every other input at its mode; the "
                                  "largest NPV swings first."));
}

void appendGoodput(ReportDocument &document, const SolvedScenario &solved)
{
    const solver::Plan &plan = solved.resolved.plan;
    document.heading3(QStringLiteral("Training goodput at each site's peak"));
    TableBlock &table = document.table({{QStringLiteral("Site"), Qt::AlignLeft, true},
                                        {QStringLiteral("Peak energized"), Qt::AlignRight, false},
                                        {QStringLiteral("Interruptions a day"), Qt::AlignRight, false},
                                        {QStringLiteral("Mean time between"), Qt::AlignRight, false},
                                        {QStringLiteral("Checkpoint every"), Qt::AlignRight, false},
                                        {QStringLiteral("Goodput"), Qt::AlignRight, false},
                                        {QStringLiteral("Effective compute"), Qt::AlignRight, false},
                                        {QStringLiteral("Spare pool"), Qt::AlignRight, false},
                                        {QStringLiteral("Spare capex"), Qt::AlignRight, false}});
    const solver::GoodputInputs defaults;
    QStringList advice;
    for (std::size_t s = 0; s < plan.sites.size(); ++s) {
        const solver::Site &site = plan.sites[s];
        const SiteGoodput atPeak = siteGoodput(plan, site, solved.result.sites[s].kpis, defaults.checkpointWriteMinutes,
                                               defaults.restartMinutes);
        if (const QString line = splitJobAdvice(site.name, atPeak); !line.isEmpty())
            advice << line;
        table.addRow(goodputRow(site, atPeak)); // as the Risk tab shows it
    }
    for (const QString &line : advice)
        document.paragraph(line);
    document.small(QStringLiteral("One training job across every energized accelerator of the site, %1 interruptions "
                                  "per accelerator-year, checkpoints written in %2 min and restarts in %3 min; "
                                  "checkpoint interval by Daly's formula. Goodput is the share of time that advances "
                                  "training; effective compute is peak dense BF16 times goodput. Spare pool: %4 of the "
                                  "peak count at the site's average unit capex.")
                       .arg(text::number(plan.checks.interruptionsPerAcceleratorYear),
                            text::number(defaults.checkpointWriteMinutes), text::number(defaults.restartMinutes),
                            format::percent(100.0 * plan.checks.spareRatio, 0)));
}

} // namespace

void appendRiskSection(ReportDocument &document, const SolvedScenario &solved, const solver::RiskResult *risk)
{
    document.heading1(QStringLiteral("Risk"));
    if (!risk) {
        document.paragraph(QStringLiteral("No risk run was made for this report."));
        appendGoodput(document, solved);
        return;
    }
    const solver::RiskResult &r = *risk;
    document.paragraph(QStringLiteral("%1 trials (seed %2) sample the plan's %3 uncertain inputs, each from its "
                                      "triangular range (low, mode, high); durations round to whole months. Each trial "
                                      "is solved as the plan is.")
                           .arg(format::count(r.trials))
                           .arg(r.seed)
                           .arg(r.inputCount));
    RichText chance;
    chance.bold(QStringLiteral("Chance of full power by %1: %2.")
                    .arg(format::monthLabel(r.targetMonth), format::percent(100.0 * r.probabilityFullPowerBy, 0)));
    chance.plain(QStringLiteral(" The share of trials in which every planned accelerator is energized by %1 and stays "
                                "so to the end of the plan.")
                     .arg(format::monthLabel(r.targetMonth)));
    document.callout(chance);
    for (std::size_t i = 0; i < std::min<std::size_t>(3, r.energizedDrops.size()); ++i) {
        RichText drop;
        drop.bold(QStringLiteral("Warning: "));
        drop.plain(format::energizedDropSentence(r.energizedDrops[i], solved.scenario.sites.size() > 1));
        document.callout(drop);
    }
    appendPercentiles(document, solved.result.kpis, r);
    appendRiskFans(document, solved, r);
    appendCriticality(document, r);
    appendTornado(document, solved, r);
    appendGoodput(document, solved);
    appendSwingMargins(document, solved);
}

} // namespace cp::report
