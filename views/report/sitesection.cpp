#include "report/sitesection.h"

#include "analysis/buildtimeline.h"
#include "analysis/solvedscenario.h"
#include "catalog/catalog.h"
#include "domain/kinds.h"
#include "format/units.h"
#include "report/reportdocument.h"
#include "report/reportfacts.h"
#include "report/reporttext.h"
#include "solver/solver.h"

#include <QSet>

namespace cp::report {

namespace {

using text::kCatalogMark;
using text::qs;

class CatalogMarks
{
public:
    CatalogMarks(const SolvedScenario &solved, std::size_t site)
        : m_prefix(QStringLiteral("sites[%1]").arg(site))
    {
        for (const CatalogUse &use : solved.resolved.catalogUses)
            m_paths.insert(use.path);
    }
    // `value` with a dagger when the field at `path` (under the site) took the catalog's value.
    QString operator()(const QString &value, const QString &path) const { return value + suffix(path); }
    // The dagger alone, or nothing.
    QString suffix(const QString &path) const
    {
        if (!m_paths.contains(m_prefix + path))
            return QString();
        m_used = true;
        return kCatalogMark;
    }
    [[nodiscard]] bool used() const { return m_used; }

private:
    QString m_prefix;
    QSet<QString> m_paths;
    mutable bool m_used = false;
};

QString availableText(int fromMonth, int retireMonth)
{
    QString out = format::monthLabel(fromMonth);
    if (retireMonth != solver::kNever)
        out += QStringLiteral(" to ") + format::monthLabel(retireMonth);
    return out;
}

QString acceleratorName(const QString &id)
{
    const AcceleratorSpec *spec = Catalog::builtIn().accelerator(id);
    return spec ? spec->displayName : id;
}

void appendFacility(ReportDocument &document, const Site &written, const solver::Site &site,
                    const solver::SiteResult &result, const CatalogMarks &mark)
{
    const solver::Facility &f = site.facility;
    TableBlock &table = document.table({{QString(), Qt::AlignLeft, false},
                                        {QString(), Qt::AlignLeft, true},
                                        {QString(), Qt::AlignLeft, false},
                                        {QString(), Qt::AlignLeft, true}});
    table.setShowHeader(false);
    const ReportStyle &style = document.style();
    const auto row = [&](const QString &a, const QString &av, const QString &b, const QString &bv) {
        table.addRow({TableCell(RichText(a), style.muted), TableCell(av), TableCell(RichText(b), style.muted),
                      TableCell(bv)});
    };
    row(QStringLiteral("Country"), written.country.isEmpty() ? QStringLiteral("not stated") : written.country,
        QStringLiteral("Ownership"), displayName(written.ownership));
    row(QStringLiteral("Facility"), displayName(written.facility.kind), QStringLiteral("Cooling"),
        displayName(written.facility.cooling));
    row(QStringLiteral("IT capacity"), format::megawatts(f.itCapacityMw), QStringLiteral("Building heat rejection"),
        format::megawatts(f.coolingMw));
    row(QStringLiteral("PUE"), mark(text::number(site.pue.mode), QStringLiteral(".pue")), QStringLiteral("Ready"),
        format::monthLabel(result.readyMonth));
    row(QStringLiteral("Permit"),
        QStringLiteral("from %1, %2").arg(format::monthLabel(f.permitStartMonth), text::months(f.permitMonths)),
        QStringLiteral("Construction"),
        QStringLiteral("from %1, %2").arg(format::monthLabel(f.constructionStartMonth), text::months(f.buildMonths)));
    QString capex;
    if (site.cloudPartner)
        capex = QStringLiteral("none (cloud partner)");
    else if (f.colocation)
        capex = mark(QStringLiteral("%1 per kW-month").arg(format::usd(f.leaseUsdPerKwMonth)),
                     QStringLiteral(".facility.leaseUsdPerKwMonth"));
    else
        capex = mark(text::money(f.capexUsd), QStringLiteral(".facility.capexUsdPerMwIt"));
    const QString om = site.cloudPartner ? QStringLiteral("none (cloud partner)")
                                         : mark(QStringLiteral("%1 per MW IT a year").arg(format::usd(f.fixedOmUsdPerMwItYear)),
                                                QStringLiteral(".facility.fixedOmUsdPerMwItYear"));
    row(f.colocation ? QStringLiteral("Facility lease") : QStringLiteral("Facility capex"), capex,
        QStringLiteral("Facility O&M"), om);
}

void appendCompute(ReportDocument &document, const solver::Site &site, std::size_t siteIndex, const CatalogMarks &mark)
{
    Q_UNUSED(siteIndex);
    document.heading3(QStringLiteral("Compute"));
    TableBlock &table = document.table({{QStringLiteral("Tranche"), Qt::AlignLeft, true},
                                        {QStringLiteral("Accelerator"), Qt::AlignLeft, true},
                                        {QStringLiteral("Count"), Qt::AlignRight, false},
                                        {QStringLiteral("Ordered"), Qt::AlignLeft, false},
                                        {QStringLiteral("Lead time"), Qt::AlignLeft, false},
                                        {QStringLiteral("Delivered"), Qt::AlignLeft, false},
                                        {site.cloudPartner ? QStringLiteral("Rent per hour") : QStringLiteral("Unit capex"),
                                         Qt::AlignRight, false},
                                        {QStringLiteral("kW each"), Qt::AlignRight, false},
                                        {QStringLiteral("IT load"), Qt::AlignRight, false},
                                        {QStringLiteral("Capex"), Qt::AlignRight, false}});
    const QColor muted = document.style().muted;
    double count = 0.0, itMw = 0.0, capex = 0.0;
    for (std::size_t i = 0; i < site.tranches.size(); ++i) {
        const solver::Tranche &t = site.tranches[i];
        const QString path = QStringLiteral(".compute[%1].").arg(i);
        const double trancheIt = t.count * t.itKwPerAccelerator.mode / 1000.0;
        const double trancheCapex = site.cloudPartner ? 0.0 : t.count * t.unitCapexUsd.mode;
        count += t.count;
        itMw += trancheIt;
        capex += trancheCapex;
        const RichText price =
            site.cloudPartner
                ? text::moneyCell(t.rentUsdPerAcceleratorHour, muted, mark.suffix(path + QStringLiteral("rentUsdPerAcceleratorHour")))
                : text::moneyCell(t.unitCapexUsd, muted, mark.suffix(path + QStringLiteral("unitCapexUsd")));
        table.addRow({TableCell(qs(t.name)), TableCell(acceleratorName(qs(t.acceleratorId))),
                      TableCell(format::count(t.count)), TableCell(format::monthLabel(t.orderMonth)),
                      TableCell(text::monthsCell(t.leadTimeMonths, muted)),
                      TableCell(availableText(solver::arrivalMonth(t), t.retireMonth)),
                      TableCell(price),
                      TableCell(mark(text::number(t.itKwPerAccelerator.mode), path + QStringLiteral("itKwPerAccelerator"))),
                      TableCell(format::megawatts(trancheIt)),
                      TableCell(site.cloudPartner ? QStringLiteral("cloud rent") : format::usd(trancheCapex))});
    }
    if (site.tranches.size() > 1)
        table.addRow(QStringList{QStringLiteral("Total"), QString(), format::count(count), QString(), QString(), QString(),
                                 QString(), QString(), format::megawatts(itMw),
                                 site.cloudPartner ? QString() : format::usd(capex)},
                     TableBlock::RowKind::Total);
}

double marginalCostUsdPerMwh(const solver::PowerSource &p, const solver::Assumptions &a)
{
    if (p.kind == PowerKind::Grid)
        return a.electricityUsdPerMwh.mode + p.varOmUsdPerMwh;
    if (isGasKind(p.kind))
        return p.heatRateBtuPerKwh * a.gasUsdPerMmbtu.mode / 1000.0 + p.varOmUsdPerMwh;
    return 0.0;
}

void appendPower(ReportDocument &document, const solver::Plan &plan, const solver::Site &site, const CatalogMarks &mark)
{
    document.heading3(QStringLiteral("Power"));
    TableBlock &table = document.table({{QStringLiteral("Source"), Qt::AlignLeft, true},
                                        {QStringLiteral("Kind"), Qt::AlignLeft, true},
                                        {QStringLiteral("Nameplate"), Qt::AlignRight, false},
                                        {QStringLiteral("Firm"), Qt::AlignRight, false},
                                        {QStringLiteral("Ordered"), Qt::AlignLeft, false},
                                        {QStringLiteral("Lead time"), Qt::AlignLeft, false},
                                        {QStringLiteral("Available"), Qt::AlignLeft, true},
                                        {QStringLiteral("Capex or rent"), Qt::AlignRight, false},
                                        {QStringLiteral("Energy cost"), Qt::AlignRight, false}});
    const QColor muted = document.style().muted;
    double firm = 0.0, capex = 0.0;
    for (std::size_t i = 0; i < site.sources.size(); ++i) {
        const solver::PowerSource &p = site.sources[i];
        const QString path = QStringLiteral(".power[%1].").arg(i);
        const bool bess = p.kind == PowerKind::Bess;
        const double firmMw = bess ? 0.0 : p.capacityMw * p.availabilityPct / 100.0;
        firm += firmMw;
        RichText cost;
        if (p.rented) {
            cost = RichText(mark(QStringLiteral("%1 a month").arg(format::usd(p.rentUsdPerMwMonth.mode * p.nameplateMw())),
                                 path + QStringLiteral("rentUsdPerMwMonth")));
        } else {
            cost = text::moneyCell(p.capexUsd, muted, mark.suffix(path + QStringLiteral("capexUsdPerKw")));
            capex += p.capexUsd.mode;
        }
        const QString nameplate = bess ? QStringLiteral("%1 / %2").arg(format::megawatts(p.powerMw), format::megawattHours(p.energyMwh))
                                       : format::megawatts(p.capacityMw);
        QString energy = text::kDash;
        if (!bess) {
            energy = QStringLiteral("%1/MWh").arg(format::usd(marginalCostUsdPerMwh(p, plan.assumptions)));
            if (isGasKind(p.kind))
                energy = mark(energy, path + QStringLiteral("heatRateBtuPerKwh"));
        }
        table.addRow({TableCell(qs(p.name)), TableCell(displayName(p.kind)), TableCell(nameplate),
                      TableCell(bess ? QStringLiteral("smoothing") : format::megawatts(firmMw)),
                      TableCell(format::monthLabel(p.orderMonth)), TableCell(text::monthsCell(p.leadTimeMonths, muted)),
                      TableCell(availableText(solver::arrivalMonth(p), p.retireMonth)),
                      TableCell(cost), TableCell(energy)});
    }
    if (site.sources.size() > 1)
        table.addRow(QStringList{QStringLiteral("Total"), QString(), QString(), format::megawatts(firm), QString(), QString(),
                                 QString(), capex > 0.0 ? format::usd(capex) : QString(), QString()},
                     TableBlock::RowKind::Total);
}

void appendCooling(ReportDocument &document, const solver::Site &site, const CatalogMarks &mark)
{
    document.heading3(QStringLiteral("Cooling plants"));
    TableBlock &table = document.table({{QStringLiteral("Plant"), Qt::AlignLeft, true},
                                        {QStringLiteral("Kind"), Qt::AlignLeft, true},
                                        {QStringLiteral("Capacity"), Qt::AlignRight, false},
                                        {QStringLiteral("Ordered"), Qt::AlignLeft, false},
                                        {QStringLiteral("Lead time"), Qt::AlignLeft, false},
                                        {QStringLiteral("Available"), Qt::AlignLeft, true},
                                        {QStringLiteral("Capex or rent"), Qt::AlignRight, false}});
    const QColor muted = document.style().muted;
    for (std::size_t i = 0; i < site.coolingPlants.size(); ++i) {
        const solver::CoolingPlant &c = site.coolingPlants[i];
        const QString path = QStringLiteral(".cooling[%1].").arg(i);
        const RichText cost = c.rented ? RichText(mark(QStringLiteral("%1 a month").arg(format::usd(c.rentUsdPerMonth.mode)),
                                                       path + QStringLiteral("rentUsdPerMonth")))
                                       : text::moneyCell(c.capexUsd, muted, mark.suffix(path + QStringLiteral("capexUsd")));
        table.addRow({TableCell(qs(c.name)), TableCell(displayName(c.kind)), TableCell(format::megawatts(c.capacityMw)),
                      TableCell(format::monthLabel(c.orderMonth)), TableCell(text::monthsCell(c.leadTimeMonths, muted)),
                      TableCell(availableText(solver::arrivalMonth(c), c.retireMonth)),
                      TableCell(cost)});
    }
}

void appendSiteResults(ReportDocument &document, const solver::SiteResult &result)
{
    document.heading3(QStringLiteral("What the site achieves"));
    const solver::Kpis &k = result.kpis;
    TableBlock &table = document.table({{QStringLiteral("First compute"), Qt::AlignLeft, false},
                                        {QStringLiteral("Full power"), Qt::AlignLeft, true},
                                        {QStringLiteral("Peak energized"), Qt::AlignRight, false},
                                        {QStringLiteral("Peak IT load"), Qt::AlignRight, false},
                                        {QStringLiteral("Peak facility load"), Qt::AlignRight, false},
                                        {QStringLiteral("Capex"), Qt::AlignRight, false},
                                        {QStringLiteral("Opex"), Qt::AlignRight, false},
                                        {QStringLiteral("Stranded acc.-months"), Qt::AlignRight, false}});
    table.setFullWidth(false);
    table.addRow(QStringList{text::month(k.firstComputeMonth, QStringLiteral("never")), text::month(k.fullPowerMonth),
                             format::count(k.peakEnergized), format::megawatts(k.peakItMw),
                             format::megawatts(k.peakFacilityMw), format::usd(k.totalCapexUsd),
                             format::usd(k.totalOpexUsd), format::count(k.strandedAcceleratorMonths)});
}

} // namespace

void appendSiteSection(ReportDocument &document, const SolvedScenario &solved, std::size_t siteIndex)
{
    const Site &written = solved.scenario.sites[siteIndex];
    const solver::Site &site = solved.resolved.plan.sites[siteIndex];
    const solver::SiteResult &result = solved.result.sites[siteIndex];
    const CatalogMarks mark(solved, siteIndex);

    document.heading2(written.name);
    appendFacility(document, written, site, result, mark);
    if (!site.tranches.empty())
        appendCompute(document, site, siteIndex, mark);
    if (!site.sources.empty())
        appendPower(document, solved.resolved.plan, site, mark);
    if (!site.coolingPlants.empty())
        appendCooling(document, site, mark);
    appendSiteResults(document, result);
    if (mark.used())
        document.small(QStringLiteral("%1 The reference catalog's value: the plan leaves the field to the catalog. "
                                      "Sources and dates are listed under Assumptions and sources. Ranges under a value "
                                      "(low\u2013high) are what risk runs sample; durations round to whole months.")
                           .arg(kCatalogMark));
}

void appendSitesOverview(ReportDocument &document, const SolvedScenario &solved)
{
    const solver::Plan &plan = solved.resolved.plan;
    TableBlock &table = document.table({{QStringLiteral("Site"), Qt::AlignLeft, true},
                                        {QStringLiteral("Facility"), Qt::AlignLeft, true},
                                        {QStringLiteral("Accelerators"), Qt::AlignRight, false},
                                        {QStringLiteral("IT capacity"), Qt::AlignRight, false},
                                        {QStringLiteral("Ready"), Qt::AlignLeft, false},
                                        {QStringLiteral("Full power"), Qt::AlignLeft, true},
                                        {QStringLiteral("Capex"), Qt::AlignRight, false},
                                        {QStringLiteral("Limited by"), Qt::AlignLeft, true}});
    double itCapacity = 0.0;
    for (std::size_t s = 0; s < plan.sites.size(); ++s) {
        const Site &written = solved.scenario.sites[s];
        const solver::SiteResult &result = solved.result.sites[s];
        itCapacity += plan.sites[s].facility.itCapacityMw;
        const solver::Binding limit = limitBeforeFullPower(plan, result);
        table.addRow(QStringList{written.name,
                                 displayName(written.facility.kind) + QStringLiteral(", ")
                                     + displayName(written.facility.cooling).toLower(),
                                 format::count(result.kpis.plannedAccelerators),
                                 format::megawatts(plan.sites[s].facility.itCapacityMw),
                                 format::monthLabel(result.readyMonth), text::month(result.kpis.fullPowerMonth),
                                 format::usd(result.kpis.totalCapexUsd),
                                 limit == solver::Binding::None ? QStringLiteral("nothing") : bindingNoun(limit)});
    }
    if (plan.sites.size() > 1) {
        const solver::Kpis &k = solved.result.kpis;
        table.addRow(QStringList{QStringLiteral("Portfolio"), QString(), format::count(k.plannedAccelerators),
                                 format::megawatts(itCapacity), QString(), text::month(k.fullPowerMonth),
                                 format::usd(k.totalCapexUsd), QString()},
                     TableBlock::RowKind::Total);
    }
}

} // namespace cp::report
