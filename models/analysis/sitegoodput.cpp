#include "analysis/sitegoodput.h"

#include "format/units.h"

#include <algorithm>
#include <cmath>

namespace cp {

namespace {

QString minutes(double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("never");
    if (value >= 120)
        return QStringLiteral("%1 h").arg(value / 60.0, 0, 'f', 1);
    return QStringLiteral("%1 min").arg(value, 0, 'f', value >= 10 ? 0 : 1);
}

} // namespace

SiteGoodput siteGoodput(const solver::Plan &plan, const solver::Site &site, const solver::Kpis &kpis,
                        double checkpointWriteMinutes, double restartMinutes)
{
    double units = 0.0, capexUsd = 0.0;
    for (const solver::Tranche &t : site.tranches) {
        units += t.count;
        capexUsd += t.count * t.unitCapexUsd.mode;
    }
    solver::GoodputInputs in;
    in.accelerators = kpis.peakEnergized;
    in.pflops = kpis.peakBf16Pflops;
    in.interruptionsPerAcceleratorYear = plan.checks.interruptionsPerAcceleratorYear;
    in.spareRatio = plan.checks.spareRatio;
    in.checkpointWriteMinutes = checkpointWriteMinutes;
    in.restartMinutes = restartMinutes;
    in.unitCapexUsd = site.cloudPartner || units <= 0.0 ? 0.0 : capexUsd / units;

    SiteGoodput out;
    out.accelerators = in.accelerators;
    out.goodput = solver::goodput(in);
    out.largestJob = solver::largestJob(in, kJobGoodputTarget);
    return out;
}

QStringList goodputRow(const solver::Site &site, const SiteGoodput &atPeak)
{
    const solver::GoodputResult &g = atPeak.goodput;
    return {QString::fromStdString(site.name),
            format::count(atPeak.accelerators),
            QString::number(g.interruptionsPerDay, 'f', g.interruptionsPerDay >= 10 ? 0 : 1),
            minutes(g.mtbfMinutes),
            minutes(g.checkpointIntervalMinutes),
            format::percent(100.0 * g.goodputFraction, 0),
            format::flops(g.effectivePflops),
            format::count(g.sparePool),
            site.cloudPartner ? QStringLiteral("partner's") : format::usd(g.spareCapexUsd)};
}

QString splitJobAdvice(const std::string &siteName, const SiteGoodput &site)
{
    if (site.goodput.goodputFraction >= kJobGoodputTarget)
        return {};
    const QString keep = format::percent(100.0 * kJobGoodputTarget, 0);
    const QString name = QString::fromStdString(siteName);
    const QString whole = QStringLiteral("%1: one job across all %2 accelerators keeps %3 goodput")
                              .arg(name, format::count(site.accelerators),
                                   format::percent(100.0 * site.goodput.goodputFraction, 0));
    if (site.largestJob < 1.0)
        return whole + QStringLiteral("; no job keeps %1 at these failure and restart times.").arg(keep);
    // Two significant digits, rounded down so the promise holds: "35,000", not "35,787".
    const double unit = std::pow(10.0, std::floor(std::log10(site.largestJob)) - 1.0);
    const double shown = std::max(1.0, std::floor(site.largestJob / unit) * unit);
    return whole + QStringLiteral("; jobs of up to %1 accelerators keep %2, or checkpoint and restart faster.")
                       .arg(format::count(shown), keep);
}

} // namespace cp
