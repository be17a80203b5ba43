#include "charts/powerchart.h"

#include "charts/chartpalette.h"
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
    const QList<QPointF> load = columnPoints(*m_series, Col::FacilityMw);
    const QList<QPointF> needed = columnPoints(*m_series, Col::FacilityMwNeeded);
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
