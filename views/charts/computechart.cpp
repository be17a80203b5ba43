#include "charts/computechart.h"

#include "charts/chartpalette.h"
#include "charts/groupseries.h"
#include "charts/seriespoints.h"
#include "format/units.h"

namespace cp::views {

using Col = ResultSeriesModel::Column;

ComputeChart::ComputeChart(ResultSeriesModel *series, QWidget *parent)
    : TimeSeriesChart(tr("Compute online"), parent)
    , m_series(series)
{
    setStepped(true);
    watch(m_series);
    rebuildNow();
}

QString ComputeChart::computeName()
{
    return tr("BF16 compute (dense)");
}

void ComputeChart::rebuild()
{
    beginRebuild();
    const int months = m_series->rowCount();
    setTimeAxis(months, m_series->startMonth());
    const QList<QPointF> pflops = columnPoints(*m_series, Col::Bf16Pflops);
    QList<QPointF> zero = pflops;
    for (QPointF &p : zero)
        p.setY(0.0);
    const double peak = maxY(pflops);
    setValueAxis(Side::Left, peak * 1.05, AxisUnit::Pflops, tr("BF16"));
    if (const ResultGroupModel *split = groups()) {
        const GroupSeries series = groupSeries(*split, ResultGroupModel::Bf16Pflops, months);
        QList<double> xs;
        for (int row = 0; row < months; ++row)
            xs.append(row);
        addStackedAreas(series.names, series.colors, xs, series.values);
    } else {
        addArea(computeName(), palette::role(palette::Role::Compute), zero, pflops, Side::Left, 0.7);
    }
    setSubtitle(months > 0 ? m_series->scopeName() + tr(" \u2022 peak %1").arg(format::flops(peak)) : QString());
    endRebuild();
}

QString ComputeChart::hoverText(int month) const
{
    if (month < 0 || month >= m_series->rowCount())
        return {};
    QString text = QStringLiteral("<b>%1</b><br>%2: %3<br>%4: %5")
                       .arg(format::monthLabel(m_series->startMonth() + month), computeName(),
                            format::flops(m_series->value(month, Col::Bf16Pflops)), tr("Energized accelerators"),
                            format::count(m_series->value(month, Col::Energized)));
    if (const ResultGroupModel *split = groups())
        text += QStringLiteral("<br>")
            + groupHoverLines(*split, ResultGroupModel::Bf16Pflops, month, format::flops,
                              [this](const QString &name) { return isHidden(name); })
                  .join(QStringLiteral("<br>"));
    return text;
}

} // namespace cp::views
