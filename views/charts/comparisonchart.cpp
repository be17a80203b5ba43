#include "charts/comparisonchart.h"

#include "charts/chartpalette.h"
#include "charts/seriespoints.h"
#include "format/units.h"

#include <cmath>

namespace cp::views {

namespace {

AxisUnit unitOf(ResultOverlayModel::Metric metric)
{
    switch (metric) {
    case ResultOverlayModel::Energized:
        return AxisUnit::Count;
    case ResultOverlayModel::CumulativeCostUsd:
        return AxisUnit::Usd;
    case ResultOverlayModel::FacilityMw:
    case ResultOverlayModel::MetricCount:
        break;
    }
    return AxisUnit::Mw;
}

} // namespace

ComparisonChart::ComparisonChart(ResultOverlayModel *overlay, ResultOverlayModel::Metric metric, QWidget *parent)
    : TimeSeriesChart(ResultOverlayModel::metricTitle(metric), parent)
    , m_overlay(overlay)
    , m_metric(metric)
{
    // Power and accelerators are monthly quantities: steps, as on the scenario's own charts. A
    // running total changes every month and reads as a line.
    setStepped(metric != ResultOverlayModel::CumulativeCostUsd);
    watch(m_overlay);
    rebuildNow();
}

QString ComparisonChart::lineName(int scenario) const
{
    const QString name = m_overlay->scenarioName(scenario);
    int earlier = 0;
    for (int s = 0; s < scenario; ++s)
        earlier += m_overlay->scenarioName(s) == name ? 1 : 0;
    QString label = earlier == 0 ? name : QStringLiteral("%1 (%2)").arg(name).arg(earlier + 1);
    return scenario == 0 ? tr("%1 (baseline)").arg(label) : label;
}

void ComparisonChart::rebuild()
{
    beginRebuild();
    const int months = m_overlay->rowCount();
    setTimeAxis(months, m_overlay->firstMonth());
    double max = 0.0;
    QList<QList<QPointF>> lines;
    for (int s = 0; s < m_overlay->scenarioCount(); ++s) {
        QList<QPointF> points;
        for (int row = 0; row < months; ++row) {
            const double v = m_overlay->value(row, s, m_metric);
            if (std::isnan(v))
                continue; // outside this scenario's plan
            points.append(QPointF(row, v));
        }
        max = std::max(max, maxY(points));
        lines << points;
    }
    setValueAxis(Side::Left, max * 1.05, unitOf(m_metric), ResultOverlayModel::metricTitle(m_metric));
    for (int s = 0; s < m_overlay->scenarioCount(); ++s)
        addLine(lineName(s), palette::scenario(s), lines[s], Side::Left, Qt::SolidLine, s == 0 ? 3.0 : 2.0);
    endRebuild();
}

QString ComparisonChart::hoverText(int month) const
{
    if (month < 0 || month >= m_overlay->rowCount())
        return {};
    QStringList lines{QStringLiteral("<b>%1</b>").arg(format::monthLabel(m_overlay->firstMonth() + month))};
    for (int s = 0; s < m_overlay->scenarioCount(); ++s) {
        const QString name = lineName(s);
        if (isHidden(name))
            continue;
        const double v = m_overlay->value(month, s, m_metric);
        lines << QStringLiteral("%1: %2").arg(name.toHtmlEscaped(),
                                             std::isnan(v) ? tr("outside its plan") : ResultOverlayModel::formatValue(m_metric, v));
    }
    return lines.join(QStringLiteral("<br>"));
}

} // namespace cp::views
