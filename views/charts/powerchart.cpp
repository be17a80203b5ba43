#include "charts/powerchart.h"

#include "charts/chartpalette.h"
#include "charts/groupseries.h"
#include "charts/seriespoints.h"
#include "format/units.h"
#include "itemmodels/resultpowermodel.h"
#include "itemmodels/resultseriesmodel.h"

#include <algorithm>

namespace cp::views {

using Col = ResultSeriesModel::Column;

PowerChart::PowerChart(ResultPowerModel *power, ResultSeriesModel *series, QWidget *parent)
    : TimeSeriesChart(tr("Power"), parent)
    , m_power(power)
    , m_series(series)
{
    setStepped(true);
    watch(m_power);
    watch(m_series);
    rebuildNow();
}

QString PowerChart::facilityLoadName()
{
    return tr("Facility load");
}

QString PowerChart::firmPowerName()
{
    return tr("Firm power");
}

QString PowerChart::loadNeededName()
{
    return tr("Load of delivered accelerators");
}

void PowerChart::rebuild()
{
    beginRebuild();
    const int months = std::min(m_power->rowCount(), m_series->rowCount());
    setTimeAxis(months, m_series->startMonth());
    QStringList names;
    QList<QColor> colors;
    QList<QList<double>> values;
    QList<double> xs;
    for (int row = 0; row < months; ++row)
        xs.append(row);
    const QList<QPointF> load = columnPoints(*m_series, Col::FacilityMw);
    const QList<QPointF> needed = columnPoints(*m_series, Col::FacilityMwNeeded);
    if (const ResultGroupModel *split = groups()) {
        // Split by site: the load each group draws, stacked, under the portfolio's firm power
        // (a line) and the load its delivered accelerators would draw (dashed).
        const GroupSeries series = groupSeries(*split, ResultGroupModel::FacilityMw, months);
        const QList<QPointF> firm = columnPoints(*m_series, Col::PowerMw);
        const double max = std::max({maxY(firm), maxY(needed), stackedMax(series, [this](const QString &name) { return isHidden(name); })});
        setValueAxis(Side::Left, max * 1.05, AxisUnit::Mw, tr("Facility load and firm power"));
        addStackedAreas(series.names, series.colors, xs, series.values);
        addLine(firmPowerName(), palette::role(palette::Role::FacilityLoad), firm);
        addLine(loadNeededName(), palette::role(palette::Role::LoadNeeded), needed, Side::Left, Qt::DashLine, 2.0);
        setSubtitle(months > 0 ? m_series->scopeName() + QStringLiteral(" \u2022 ")
                                     + tr("facility load %1").arg(ResultGroupModel::groupingName(split->grouping()).toLower())
                               : QString());
        endRebuild();
        return;
    }
    QList<double> stackTop(months, 0.0);
    for (int g = 0; g < m_power->groupCount(); ++g) {
        names << m_power->groupName(g);
        colors << palette::powerKind(m_power->groupKind(g), m_power->groupShade(g));
        QList<double> firm;
        firm.reserve(months);
        for (int row = 0; row < months; ++row) {
            firm.append(m_power->firmMw(row, g));
            if (!isHidden(names.last()))
                stackTop[row] += firm.last();
        }
        values << firm;
    }
    double max = std::max(maxY(load), maxY(needed));
    for (const double top : stackTop)
        max = std::max(max, top);
    setValueAxis(Side::Left, max * 1.05, AxisUnit::Mw, tr("Firm power and load")); // before the series: see SpendChart
    addStackedAreas(names, colors, xs, values);
    addLine(facilityLoadName(), palette::role(palette::Role::FacilityLoad), load);
    addLine(loadNeededName(), palette::role(palette::Role::LoadNeeded), needed, Side::Left, Qt::DashLine, 2.0);
    const QString grouping = m_power->groupedByKind() ? tr("firm MW by kind") : tr("firm MW by source");
    setSubtitle(months > 0 ? m_series->scopeName() + QStringLiteral(" \u2022 ") + grouping : QString());
    endRebuild();
}

QString PowerChart::hoverText(int month) const
{
    if (month < 0 || month >= std::min(m_power->rowCount(), m_series->rowCount()))
        return {};
    QStringList lines{QStringLiteral("<b>%1</b>").arg(format::monthLabel(m_series->startMonth() + month))};
    if (const ResultGroupModel *split = groups()) {
        lines << tr("Facility load: %1").arg(format::megawatts(m_series->value(month, Col::FacilityMw)));
        for (const QString &groupLine : groupHoverLines(*split, ResultGroupModel::FacilityMw, month, format::megawatts,
                                                        [this](const QString &name) { return isHidden(name); }))
            lines << QStringLiteral("&nbsp;&nbsp;") + groupLine;
        lines << QStringLiteral("%1: %2").arg(firmPowerName(), format::megawatts(m_series->value(month, Col::PowerMw)));
        lines << QStringLiteral("%1: %2").arg(loadNeededName(), format::megawatts(m_series->value(month, Col::FacilityMwNeeded)));
        return lines.join(QStringLiteral("<br>"));
    }
    double firm = 0.0;
    for (int g = 0; g < m_power->groupCount(); ++g) {
        const QString name = m_power->groupName(g);
        if (isHidden(name))
            continue;
        firm += m_power->firmMw(month, g);
        lines << QStringLiteral("%1: %2").arg(name.toHtmlEscaped(), format::megawatts(m_power->firmMw(month, g)));
    }
    lines << tr("Firm power shown: %1").arg(format::megawatts(firm));
    if (!isHidden(facilityLoadName()))
        lines << QStringLiteral("%1: %2").arg(facilityLoadName(), format::megawatts(m_series->value(month, Col::FacilityMw)));
    if (!isHidden(loadNeededName()))
        lines << QStringLiteral("%1: %2").arg(loadNeededName(), format::megawatts(m_series->value(month, Col::FacilityMwNeeded)));
    return lines.join(QStringLiteral("<br>"));
}

} // namespace cp::views
