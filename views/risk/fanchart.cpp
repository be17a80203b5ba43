#include "risk/fanchart.h"

#include "charts/chartpalette.h"
#include "format/units.h"

#include <algorithm>

namespace cp::views {

namespace {

QList<QPointF> points(const Eigen::ArrayXd &values)
{
    QList<QPointF> out;
    out.reserve(values.size());
    for (Eigen::Index m = 0; m < values.size(); ++m)
        out.append(QPointF(static_cast<double>(m), values[m]));
    return out;
}

} // namespace

FanChart::FanChart(const QString &title, AxisUnit unit, const QString &valueTitle, QWidget *parent)
    : TimeSeriesChart(title, parent)
    , m_unit(unit)
    , m_valueTitle(valueTitle)
{
    rebuild();
}

QString FanChart::bandName()
{
    return tr("P10 to P90");
}

QString FanChart::medianName()
{
    return tr("P50");
}

QString FanChart::planName()
{
    return tr("Plan (most likely inputs)");
}

void FanChart::setBands(const solver::FanBands &bands, const Eigen::ArrayXd &plan, int startMonth)
{
    m_bands = bands;
    m_plan = plan;
    m_startMonth = startMonth;
    rebuildNow();
}

void FanChart::clear()
{
    m_bands = {};
    m_plan = {};
    rebuildNow();
}

void FanChart::rebuild()
{
    beginRebuild();
    const int months = static_cast<int>(m_bands.p50.size());
    setTimeAxis(months, m_startMonth);
    if (months > 0) {
        const QColor color = palette::role(m_unit == AxisUnit::Usd ? palette::Role::CumulativeSpend : palette::Role::Energized);
        addArea(bandName(), color.lighter(150), points(m_bands.p10), points(m_bands.p90), Side::Left, 0.45);
        addLine(medianName(), color, points(m_bands.p50), Side::Left, Qt::SolidLine, 2.5);
        if (m_plan.size() == months)
            addLine(planName(), palette::role(palette::Role::Axis), points(m_plan), Side::Left, Qt::DashLine, 1.5);
        const double top = std::max(m_bands.p90.maxCoeff(), m_plan.size() ? m_plan.maxCoeff() : 0.0);
        setValueAxis(Side::Left, top * 1.05, m_unit, m_valueTitle);
        setSubtitle(tr("Shaded: 8 in 10 trials fall inside; line: the median trial"));
    }
    endRebuild();
}

QString FanChart::valueText(double value) const
{
    switch (m_unit) {
    case AxisUnit::Usd: return format::usd(value);
    case AxisUnit::Mw: return format::megawatts(value);
    case AxisUnit::Pflops: return format::flops(value);
    case AxisUnit::Count: break;
    }
    return format::count(value);
}

QString FanChart::hoverText(int month) const
{
    if (month < 0 || month >= m_bands.p50.size())
        return {};
    QString text = QStringLiteral("<b>%1</b><br>P10: %2<br>P50: %3<br>P90: %4")
                       .arg(format::monthLabel(m_startMonth + month), valueText(m_bands.p10[month]),
                            valueText(m_bands.p50[month]), valueText(m_bands.p90[month]));
    if (month < m_plan.size())
        text += QStringLiteral("<br>%1: %2").arg(planName(), valueText(m_plan[month]));
    return text;
}

} // namespace cp::views
