#include "charts/acceleratorchart.h"

#include "charts/chartpalette.h"
#include "charts/groupseries.h"
#include "charts/seriespoints.h"
#include "format/units.h"

namespace cp::views {

using Col = ResultSeriesModel::Column;

AcceleratorChart::AcceleratorChart(ResultSeriesModel *series, QWidget *parent)
    : TimeSeriesChart(tr("Accelerators"), parent)
    , m_series(series)
{
    setStepped(true);
    watch(m_series);
    rebuildNow();
}

QString AcceleratorChart::energizedName() { return tr("Energized"); }
QString AcceleratorChart::strandedName() { return tr("Stranded (delivered, not energized)"); }
QString AcceleratorChart::deliveredName() { return tr("Delivered"); }
QString AcceleratorChart::plannedName() { return tr("Planned"); }

void AcceleratorChart::rebuild()
{
    beginRebuild();
    const int months = m_series->rowCount();
    setTimeAxis(months, m_series->startMonth());
    const QList<QPointF> energized = columnPoints(*m_series, Col::Energized);
    const QList<QPointF> delivered = columnPoints(*m_series, Col::Delivered);
    const QList<QPointF> planned = columnPoints(*m_series, Col::Planned);
    QList<QPointF> zero = energized;
    for (QPointF &p : zero)
        p.setY(0.0);
    setValueAxis(Side::Left, std::max(maxY(planned), maxY(delivered)) * 1.05, AxisUnit::Count, tr("Accelerators"));
    if (const ResultGroupModel *split = groups()) {
        // Energized by group, stacked (the most gating first, at the bottom); the stack's top is
        // the portfolio's energized count, so the stranded band sits on it as before.
        const GroupSeries series = groupSeries(*split, ResultGroupModel::Energized, months);
        QList<double> xs;
        for (int row = 0; row < months; ++row)
            xs.append(row);
        addStackedAreas(series.names, series.colors, xs, series.values);
    } else {
        addArea(energizedName(), palette::role(palette::Role::Energized), zero, energized, Side::Left, 0.75);
    }
    addArea(strandedName(), palette::role(palette::Role::Stranded), energized, delivered, Side::Left, 0.45);
    addLine(deliveredName(), palette::role(palette::Role::Delivered), delivered, Side::Left, Qt::SolidLine, 2.0);
    addLine(plannedName(), palette::role(palette::Role::Axis), planned, Side::Left, Qt::DotLine, 1.5);
    QString subtitle;
    if (months > 0) {
        double idleMonths = 0.0;
        double peakCapitalUsd = 0.0;
        for (int row = 0; row < months; ++row) {
            idleMonths += m_series->value(row, Col::Stranded);
            peakCapitalUsd = std::max(peakCapitalUsd, m_series->value(row, Col::StrandedCapitalUsd));
        }
        subtitle = m_series->scopeName();
        if (idleMonths > 0)
            subtitle += tr(" \u2022 %1 accelerator-months stranded, up to %2 of hardware idle")
                            .arg(format::count(idleMonths), format::usd(peakCapitalUsd));
        else
            subtitle += tr(" \u2022 nothing stranded");
    }
    setSubtitle(subtitle);
    endRebuild();
}

QString AcceleratorChart::hoverText(int month) const
{
    if (month < 0 || month >= m_series->rowCount())
        return {};
    QStringList lines{QStringLiteral("<b>%1</b>").arg(format::monthLabel(m_series->startMonth() + month))};
    auto line = [&](const QString &name, const QString &value) { lines << QStringLiteral("%1: %2").arg(name, value); };
    line(plannedName(), format::count(m_series->value(month, Col::Planned)));
    line(deliveredName(), format::count(m_series->value(month, Col::Delivered)));
    line(energizedName(), format::count(m_series->value(month, Col::Energized)));
    if (const ResultGroupModel *split = groups())
        for (const QString &groupLine : groupHoverLines(*split, ResultGroupModel::Energized, month, format::count,
                                                        [this](const QString &name) { return isHidden(name); }))
            lines << QStringLiteral("&nbsp;&nbsp;") + groupLine;
    line(tr("Stranded"), format::count(m_series->value(month, Col::Stranded)));
    line(tr("Stranded capital"), format::usd(m_series->value(month, Col::StrandedCapitalUsd)));
    return lines.join(QStringLiteral("<br>"));
}

} // namespace cp::views
