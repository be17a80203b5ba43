#include "risk/swingmarginchart.h"

#include "charts/chartpalette.h"
#include "format/units.h"

#include <algorithm>

namespace cp::views {

SwingMarginChart::SwingMarginChart(QWidget *parent)
    : TimeSeriesChart(tr("Training power swings against batteries"), parent)
{
    rebuild();
}

QString SwingMarginChart::neededName()
{
    return tr("Smoothing needed");
}

QString SwingMarginChart::batteriesName()
{
    return tr("Battery power");
}

QString SwingMarginChart::shortfallName()
{
    return tr("Short");
}

void SwingMarginChart::setSite(const QString &siteName, const solver::MonthlySeries &site, double swingFraction, int startMonth)
{
    m_siteName = siteName;
    m_neededMw = site.itMw * swingFraction;
    m_bessMw = site.bessMw;
    m_startMonth = startMonth;
    rebuildNow();
}

void SwingMarginChart::clear()
{
    m_neededMw = {};
    m_bessMw = {};
    rebuildNow();
}

void SwingMarginChart::rebuild()
{
    beginRebuild();
    const int months = static_cast<int>(m_neededMw.size());
    setTimeAxis(months, m_startMonth);
    if (months > 0) {
        QList<QPointF> needed, batteries, shortTop;
        for (int m = 0; m < months; ++m) {
            needed.append(QPointF(m, m_neededMw[m]));
            batteries.append(QPointF(m, m_bessMw[m]));
            shortTop.append(QPointF(m, std::max(m_neededMw[m], m_bessMw[m])));
        }
        addArea(shortfallName(), palette::role(palette::Role::Gating), batteries, shortTop, Side::Left, 0.35);
        addLine(batteriesName(), palette::powerKind(solver::PowerKind::Bess), batteries, Side::Left, Qt::SolidLine, 2.5);
        addLine(neededName(), palette::role(palette::Role::LoadNeeded), needed, Side::Left, Qt::DashLine, 2.0);
        setValueAxis(Side::Left, std::max(m_neededMw.maxCoeff(), m_bessMw.maxCoeff()) * 1.1 + 1e-9, AxisUnit::Mw,
                     tr("MW"));
        setSubtitle(m_siteName);
    }
    endRebuild();
}

QString SwingMarginChart::hoverText(int month) const
{
    if (month < 0 || month >= m_neededMw.size())
        return {};
    const double margin = m_bessMw[month] - m_neededMw[month];
    return QStringLiteral("<b>%1</b><br>%2: %3<br>%4: %5<br>%6: %7")
        .arg(format::monthLabel(m_startMonth + month), neededName(), format::megawatts(m_neededMw[month]), batteriesName(),
             format::megawatts(m_bessMw[month]), tr("Margin"), format::megawatts(margin));
}

} // namespace cp::views
