#include "charts/spendchart.h"

#include "charts/chartpalette.h"
#include "charts/groupseries.h"
#include "charts/seriespoints.h"
#include "format/units.h"
#include "solver/result.h"

#include <algorithm>

namespace cp::views {

using Col = ResultSeriesModel::Column;

SpendChart::SpendChart(ResultSeriesModel *series, QWidget *parent)
    : TimeSeriesChart(tr("Spend"), parent)
    , m_series(series)
{
    m_opexPanel = addPanel(tr("Opex per month"), 1.0, false);
    m_cumulativePanel = addPanel(cumulativeName() + tr(" to date"), 1.0, false);
    watch(m_series);
    rebuildNow();
}

QSizeF SpendChart::preferredRenderSize(double width) const
{
    return {width, width * 0.8};
}

QString SpendChart::categoryName(int capexCategory)
{
    switch (capexCategory) {
    case 0: return tr("Compute");
    case 1: return tr("Facility");
    case 2: return tr("Power");
    case 3: return tr("Cooling");
    default: return {};
    }
}

QString SpendChart::opexName()
{
    return tr("Opex");
}

QString SpendChart::cumulativeName()
{
    return tr("Cumulative capex + opex");
}

void SpendChart::rebuild()
{
    beginRebuild();
    const int months = m_series->rowCount();
    setTimeAxis(months, m_series->startMonth());
    QStringList names;
    QList<QColor> colors;
    QList<QList<double>> values;
    QList<double> monthCapex(months, 0.0);
    for (int c = 0; c < solver::kCapexCategories; ++c) {
        names << categoryName(c);
        colors << palette::capexCategory(c);
        QList<double> capex;
        capex.reserve(months);
        for (int row = 0; row < months; ++row) {
            capex.append(m_series->value(row, ResultSeriesModel::capexColumn(c)));
            if (!isHidden(names.last()))
                monthCapex[row] += capex.last();
        }
        values << capex;
    }
    QList<double> opex;
    opex.reserve(months);
    for (int row = 0; row < months; ++row)
        opex.append(m_series->value(row, Col::OpexUsd));
    const QList<QPointF> cumulative = columnPoints(*m_series, Col::CumulativeCostUsd);
    double maxCapex = monthCapex.isEmpty() ? 0.0 : *std::max_element(monthCapex.cbegin(), monthCapex.cend());
    const double maxOpex = opex.isEmpty() ? 0.0 : *std::max_element(opex.cbegin(), opex.cend());

    // A plan with no capex (a cloud partner's) gives the empty capex panel little room.
    setPanelStretch(0, maxCapex > 0.0 ? 1.4 : 0.5);
    setPanelStretch(m_opexPanel, maxCapex > 0.0 ? 1.0 : 1.6);
    // Each panel's axis before its series: a range change redraws every series already there.
    const ResultGroupModel *split = groups();
    if (split) {
        // Split by site: capex per month by group (the categories are in the tooltip).
        const GroupSeries series = groupSeries(*split, ResultGroupModel::CapexUsd, months);
        names = series.names;
        colors = series.colors;
        values = series.values;
        maxCapex = stackedMax(series, [this](const QString &name) { return isHidden(name); });
    }
    setValueAxis(Side::Left, maxCapex * 1.05, AxisUnit::Usd, maxCapex > 0.0 ? tr("Capex") : QString());
    addStackedBars(names, colors, values);
    usePanel(m_opexPanel);
    setValueAxis(Side::Left, maxOpex * 1.05, AxisUnit::Usd, QString());
    addStackedBars({opexName()}, {palette::opexCategory(3)}, {opex});
    usePanel(m_cumulativePanel);
    setValueAxis(Side::Left, maxY(cumulative) * 1.05, AxisUnit::Usd, QString());
    addLine(cumulativeName(), palette::role(palette::Role::CumulativeSpend), cumulative, Side::Left, Qt::SolidLine, 2.5);
    QString subtitle;
    if (months > 0) {
        const double capex = m_series->value(months - 1, Col::CumulativeCapexUsd);
        const double total = m_series->value(months - 1, Col::CumulativeCostUsd);
        subtitle = m_series->scopeName()
            + tr(" \u2022 capex %1, opex %2 within the plan").arg(format::usd(capex), format::usd(total - capex));
    }
    setSubtitle(subtitle);
    endRebuild();
}

QString SpendChart::hoverText(int month) const
{
    if (month < 0 || month >= m_series->rowCount())
        return {};
    QStringList lines{QStringLiteral("<b>%1</b>").arg(format::monthLabel(m_series->startMonth() + month))};
    for (int c = 0; c < solver::kCapexCategories; ++c) {
        const QString name = categoryName(c);
        if (!isHidden(name))
            lines << tr("Capex, %1: %2").arg(name.toLower(), format::usd(m_series->value(month, ResultSeriesModel::capexColumn(c))));
    }
    lines << tr("Capex: %1").arg(format::usd(m_series->value(month, Col::CapexUsd)));
    if (const ResultGroupModel *split = groups())
        for (const QString &groupLine : groupHoverLines(*split, ResultGroupModel::CapexUsd, month, format::usd,
                                                        [this](const QString &name) { return isHidden(name); }))
            lines << QStringLiteral("&nbsp;&nbsp;") + groupLine;
    lines << tr("Opex: %1").arg(format::usd(m_series->value(month, Col::OpexUsd)));
    QStringList opexParts;
    for (int c = 0; c < solver::kOpexCategories; ++c) {
        const double usd = m_series->value(month, ResultSeriesModel::opexColumn(c));
        if (usd != 0.0)
            opexParts << QStringLiteral("%1 %2").arg(QString::fromLatin1(solver::opexCategoryName(static_cast<solver::OpexCategory>(c))),
                                                      format::usd(usd));
    }
    if (!opexParts.isEmpty())
        lines.last() += QStringLiteral(" (") + opexParts.join(QStringLiteral(", ")) + QLatin1Char(')');
    if (!isHidden(cumulativeName()))
        lines << QStringLiteral("%1: %2").arg(cumulativeName(), format::usd(m_series->value(month, Col::CumulativeCostUsd)));
    return lines.join(QStringLiteral("<br>"));
}

} // namespace cp::views
