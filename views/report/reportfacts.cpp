#include "report/reportfacts.h"

#include "analysis/buildtimeline.h"
#include "analysis/solvedscenario.h"
#include "catalog/catalog.h"
#include "domain/kinds.h"
#include "fields/fieldtable.h"
#include "format/energizeddroptext.h"
#include "format/units.h"

#include <QHash>

#include <cmath>

#include <algorithm>

namespace cp::report {

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

QString joinedList(const QStringList &items)
{
    if (items.size() <= 1)
        return items.join(QString());
    return QStringList(items.mid(0, items.size() - 1)).join(QStringLiteral(", ")) + QStringLiteral(" and ")
           + items.last();
}

QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

// "<1%" rather than a misleading "0%" for a share that is small but not nothing.
QString shareText(double share)
{
    if (share > 0.0 && share < 0.005)
        return QStringLiteral("<1%");
    if (share < 1.0 && share > 0.995)
        return QStringLiteral(">99%");
    return format::percent(100.0 * share, 0);
}

QString monthsText(double months)
{
    return format::count(months) + (months == 1.0 ? QStringLiteral(" accelerator-month") : QStringLiteral(" accelerator-months"));
}

// Where a catalog value sits, as a planner names it: the accelerator, power kind or cooling.
QString catalogOwner(const Catalog &catalog, const CatalogValue *value)
{
    const auto is = [value](const auto &candidate) { return &candidate == value; };
    const auto isOpt = [value](const auto &candidate) { return candidate && &*candidate == value; };
    for (const AcceleratorSpec &a : catalog.accelerators())
        if (is(a.bf16Tflops) || is(a.itKwPerAccelerator) || is(a.rentUsdPerAcceleratorHour) || isOpt(a.unitCapexUsd))
            return a.displayName;
    for (int k = 0; k <= static_cast<int>(PowerKind::Bess); ++k) {
        const PowerKindSpec &p = catalog.powerKind(static_cast<PowerKind>(k));
        if (isOpt(p.capexUsdPerKw) || isOpt(p.capexUsdPerKwh) || isOpt(p.rentUsdPerMwMonth) || isOpt(p.heatRateBtuPerKwh)
            || is(p.fixedOmUsdPerKwYear) || is(p.varOmUsdPerMwh))
            return p.displayName;
    }
    for (int c = 0; c <= static_cast<int>(FacilityCooling::Immersion); ++c) {
        const FacilityCoolingSpec &f = catalog.facilityCooling(static_cast<FacilityCooling>(c));
        if (is(f.pue))
            return f.displayName;
    }
    for (int c = 0; c <= static_cast<int>(CoolingPlantKind::RentalChiller); ++c) {
        const CoolingPlantSpec &p = catalog.coolingPlant(static_cast<CoolingPlantKind>(c));
        if (isOpt(p.capexUsdPerMw) || isOpt(p.rentUsdPerMwMonth))
            return p.displayName;
    }
    return QString();
}

} // namespace

QString bindingNoun(solver::Binding binding)
{
    switch (binding) {
    case solver::Binding::Power:
        return QStringLiteral("firm power");
    case solver::Binding::Cooling:
        return QStringLiteral("cooling");
    case solver::Binding::Facility:
        return QStringLiteral("the building");
    case solver::Binding::Delivery:
        return QStringLiteral("accelerator deliveries");
    case solver::Binding::None:
        break;
    }
    return QStringLiteral("nothing");
}

GateFacts gateFacts(const SolvedScenario &solved)
{
    GateFacts facts;
    const solver::Result &result = solved.result;
    for (const solver::SiteResult &site : result.sites) {
        const solver::MonthlySeries monthly = site.monthly();
        for (std::size_t m = 0; m < monthly.binding.size(); ++m) {
            const double stranded = monthly.stranded[static_cast<Eigen::Index>(m)];
            facts.strandedByBinding[static_cast<std::size_t>(monthly.binding[m])] += stranded;
            facts.strandedTotal += stranded;
        }
    }

    const std::vector<SiteTimeline> timelines = buildTimeline(solved);
    if (timelines.empty())
        return facts;
    // The site that decides: with full power, the one that gets there last; without, the one
    // with the most accelerators still waiting at the end.
    std::size_t decisive = 0;
    if (result.kpis.fullPowerMonth) {
        for (std::size_t s = 0; s < timelines.size(); ++s)
            if (timelines[s].fullPowerMonth && (!timelines[decisive].fullPowerMonth
                                                || *timelines[s].fullPowerMonth > *timelines[decisive].fullPowerMonth))
                decisive = s;
    } else {
        double most = -1.0;
        for (std::size_t s = 0; s < result.sites.size(); ++s) {
            const solver::SiteSeries &series = result.sites[s].series;
            const double waiting =
                series.empty() ? 0.0 : series.segments().back().planned - series.segments().back().energized;
            if (waiting > most) {
                most = waiting;
                decisive = s;
            }
        }
        facts.waitingAtEnd = std::max(0.0, most);
    }
    const SiteTimeline &site = timelines[decisive];
    facts.site = site.name;
    facts.binding = site.limitedBy;
    facts.gateMonth = site.fullPowerMonth;
    for (const TimelineBar &bar : site.bars) {
        if (!bar.gating)
            continue;
        const bool building = bar.phase == TimelinePhase::Permit || bar.phase == TimelinePhase::Construction;
        facts.buildingGates = facts.buildingGates || building;
        facts.gatingItems << (building ? QStringLiteral("the building (ready %1)").arg(format::monthLabel(site.readyMonth))
                                       : bar.item);
    }
    facts.gatingItems.removeDuplicates();
    return facts;
}

std::vector<SummarySentence> summarySentences(const SolvedScenario &solved, const solver::RiskResult *risk)
{
    const solver::Result &result = solved.result;
    const solver::Kpis &k = result.kpis;
    const int lastMonth = result.startMonth + result.horizonMonths - 1;
    const QString period = format::monthLabel(result.startMonth) + QStringLiteral(" to ") + format::monthLabel(lastMonth);
    std::vector<SummarySentence> sentences;

    // 1. When is it fully powered?
    QString when;
    if (k.plannedAccelerators <= 0.0) {
        when = QStringLiteral("The plan orders no accelerators, so there is nothing to power.");
    } else if (k.fullPowerMonth) {
        when = QStringLiteral("From %1 all %2 planned accelerators are energized and stay so to the end of the plan")
                   .arg(format::monthLabel(*k.fullPowerMonth), format::count(k.plannedAccelerators));
        if (k.firstComputeMonth && *k.firstComputeMonth < *k.fullPowerMonth)
            when += QStringLiteral("; the first compute runs in %1, %2 months earlier")
                        .arg(format::monthLabel(*k.firstComputeMonth))
                        .arg(*k.fullPowerMonth - *k.firstComputeMonth);
        when += QLatin1Char('.');
    } else {
        const auto &monthly = result.monthly;
        const Eigen::Index last = monthly.energized.size() - 1;
        const double waiting = last >= 0 ? monthly.planned[last] - monthly.energized[last] : k.plannedAccelerators;
        when = QStringLiteral("Not within the plan: at its end (%1) %2 of the %3 planned accelerators are still not "
                              "energized")
                   .arg(format::monthLabel(lastMonth), format::count(waiting), format::count(k.plannedAccelerators));
        when += k.firstComputeMonth
                    ? QStringLiteral("; the first compute runs in %1.").arg(format::monthLabel(*k.firstComputeMonth))
                    : QStringLiteral(", and nothing is energized at all.");
    }
    sentences.push_back({QStringLiteral("When is it fully powered?"), when});

    // 2. What does it cost?
    const double discount = solved.resolved.plan.assumptions.discountRatePct;
    QString cost = QStringLiteral("%1 of capital and %2 of operating cost from %3; discounted at %4 a year, all costs "
                                  "are worth %5 today")
                       .arg(format::usd(k.totalCapexUsd), format::usd(k.totalOpexUsd), period,
                            format::percent(discount), format::usd(k.npvCostUsd));
    if (k.costPerAcceleratorHourUsd)
        cost += QStringLiteral(", or %1 per energized accelerator-hour with depreciation")
                    .arg(format::usd(*k.costPerAcceleratorHourUsd));
    cost += QLatin1Char('.');
    sentences.push_back({QStringLiteral("What does it cost?"), cost});

    // 3. What gates it?
    const GateFacts gate = gateFacts(solved);
    QString gates;
    if (k.plannedAccelerators <= 0.0) {
        gates = QStringLiteral("Nothing: no accelerators are planned.");
    } else if (gate.binding == solver::Binding::None && gate.strandedTotal <= 0.0) {
        gates = QStringLiteral("Nothing beyond the deliveries themselves: every accelerator is energized in the month it "
                               "arrives.");
    } else {
        const QString noun = bindingNoun(gate.binding);
        // "Accelerator deliveries do", "Firm power does".
        const QString does = gate.binding == solver::Binding::Delivery ? QStringLiteral("do") : QStringLiteral("does");
        const bool onlyTheBuilding = gate.buildingGates && gate.gatingItems.size() == 1;
        if (gate.gateMonth && onlyTheBuilding) {
            // Not "waits for the building until the building arrives": say when it is ready.
            gates = QStringLiteral("The building does: %1 reaches full power when its building is ready, in %2.")
                        .arg(gate.site, format::monthLabel(*gate.gateMonth));
        } else if (gate.gateMonth) {
            gates = QStringLiteral("%1 %2: %3 waits for %4 until %5 %6 in %7.")
                        .arg(capitalized(noun), does, gate.site, noun, joinedList(gate.gatingItems),
                             gate.gatingItems.size() > 1 ? QStringLiteral("arrive") : QStringLiteral("arrives"),
                             format::monthLabel(*gate.gateMonth));
        } else {
            gates = QStringLiteral("%1 %2: at the end of the plan %3 still has %4 accelerators waiting for %5.")
                        .arg(capitalized(noun), does, gate.site, format::count(gate.waitingAtEnd), noun);
        }
        if (gate.strandedTotal > 0.0) {
            std::size_t top = 0;
            for (std::size_t b = 0; b < gate.strandedByBinding.size(); ++b)
                if (gate.strandedByBinding[b] > gate.strandedByBinding[top])
                    top = b;
            gates += QStringLiteral(" Delivered accelerators stand idle for %1 in all, %2 of them waiting for %3.")
                         .arg(monthsText(gate.strandedTotal),
                              format::percent(100.0 * gate.strandedByBinding[top] / gate.strandedTotal, 0),
                              bindingNoun(static_cast<solver::Binding>(top)));
        }
    }
    if (risk && k.plannedAccelerators > 0.0) {
        gates += QStringLiteral(" In %1 risk trials it is at full power by %2 in %3 of them")
                     .arg(format::count(risk->trials), format::monthLabel(risk->targetMonth),
                          shareText(risk->probabilityFullPowerBy));
        if (!risk->criticality.empty() && risk->criticality.front().share >= 0.01) {
            const solver::CriticalItem &top = risk->criticality.front();
            gates += QStringLiteral("; when it is not, %1 is what holds it back most often (%2 of all trials)")
                         .arg(solved.scenario.sites.size() == 1 ? qs(top.item) : qs(top.site) + QStringLiteral(" / ") + qs(top.item),
                              shareText(top.share));
        }
        gates += QLatin1Char('.');
        if (!risk->energizedDrops.empty() && risk->energizedDrops.front().share >= 0.01)
            gates += QLatin1Char(' ') + format::energizedDropSentence(risk->energizedDrops.front(), solved.scenario.sites.size() > 1);
    }
    sentences.push_back({QStringLiteral("What gates it?"), gates});
    return sentences;
}

QString fieldLabel(const QString &field)
{
    // The catalog's globals the checks read: no scenario field, so not in the field table.
    static const QHash<QString, QString> labels{
        {QStringLiteral("swingFraction"), QStringLiteral("Training power swing to smooth")},
        {QStringLiteral("interruptionsPerAcceleratorYear"), QStringLiteral("Job interruptions")},
        {QStringLiteral("spareRatio"), QStringLiteral("Spare pool")},
    };
    return labels.value(field, field);
}

namespace {

// A scenario field's label as the editor shows it (the field table, fields/fieldtable.cpp), so a
// new field needs nothing here.
QString useLabel(const CatalogUse &use)
{
    if (const std::optional<FieldPath> path = FieldPath::fromJsonPath(use.path))
        if (const FieldInfo *info = fieldInfo(*path))
            return info->label;
    return fieldLabel(use.field);
}

} // namespace

QString catalogRangeText(const CatalogValue &value)
{
    const bool money = value.unit.startsWith(QLatin1String("USD"));
    const auto end = [money](double x) { return money ? format::usd(x) : catalogValueText(x, QString()); };
    return end(value.low) + QChar(0x2013) + end(value.high);
}

QString catalogValueText(double value, const QString &unit)
{
    if (unit.startsWith(QLatin1String("USD")))
        return format::usd(value) + unit.mid(3);
    QString number = QString::number(value, 'f', value == std::floor(value) ? 0 : (std::abs(value) < 1 ? 3 : 2));
    if (number.contains(QLatin1Char('.'))) {
        while (number.endsWith(QLatin1Char('0')))
            number.chop(1);
        if (number.endsWith(QLatin1Char('.')))
            number.chop(1);
    }
    if (std::abs(value) >= 10000)
        number = format::count(value);
    if (unit == QLatin1String("ratio") || unit.isEmpty())
        return number;
    return number + QLatin1Char(' ') + unit;
}

std::vector<AssumptionRow> assumptionRows(const SolvedScenario &solved, Month asOf)
{
    std::vector<AssumptionRow> rows;
    QHash<const CatalogValue *, std::size_t> index;
    const Catalog &catalog = Catalog::builtIn();
    const auto add = [&](const CatalogValue *value, const QString &label, const QString &user) {
        auto it = index.find(value);
        if (it == index.end()) {
            const QString owner = catalogOwner(catalog, value);
            rows.push_back({value, owner.isEmpty() ? label : label + QStringLiteral(": ") + owner, {},
                            value->isStale(asOf)});
            it = index.insert(value, rows.size() - 1);
        }
        QStringList &usedBy = rows[*it].usedBy;
        if (!usedBy.contains(user))
            usedBy << user;
    };
    // With one site its name adds nothing to every row: name the item alone.
    const bool oneSite = solved.scenario.sites.size() == 1;
    for (const CatalogUse &use : solved.resolved.catalogUses) {
        if (!use.value)
            continue;
        const QString user = use.item.isEmpty() ? (oneSite ? QStringLiteral("Site") : use.site)
                             : oneSite          ? use.item
                                                : use.site + QStringLiteral(" / ") + use.item;
        add(use.value, useLabel(use), user);
    }
    // The section 6 checks read three globals for every site.
    const CatalogGlobals &g = catalog.globals();
    const QString checks = QStringLiteral("Checks, every site");
    add(&g.swingFraction, fieldLabel(QStringLiteral("swingFraction")), checks);
    add(&g.interruptionsPerAcceleratorYear, fieldLabel(QStringLiteral("interruptionsPerAcceleratorYear")), checks);
    add(&g.spareRatio, fieldLabel(QStringLiteral("spareRatio")), checks);
    return rows;
}

QString warningLabel(const std::string &code)
{
    static const QHash<QString, QString> labels{
        {QStringLiteral("power_swing"), QStringLiteral("Power swing")},
        {QStringLiteral("reliability"), QStringLiteral("Reliability")},
        {QStringLiteral("never_energized"), QStringLiteral("Never energized")},
        {QStringLiteral("not_fully_energized"), QStringLiteral("Not fully energized")},
        {QStringLiteral("flows_outside_horizon"), QStringLiteral("Payments outside the plan")},
        {QStringLiteral("cloud_no_power"), QStringLiteral("Cloud site without power")},
        {QStringLiteral("stale_catalog"), QStringLiteral("Stale catalog value")},
        {QStringLiteral("policy_breach"), QStringLiteral("Policy breach")},
        {QStringLiteral("policy_unknown_country"), QStringLiteral("Policy: no country")},
    };
    const QString key = qs(code);
    if (const auto it = labels.constFind(key); it != labels.constEnd())
        return *it;
    QString label = key;
    label.replace(QLatin1Char('_'), QLatin1Char(' '));
    return capitalized(label);
}

} // namespace cp::report
