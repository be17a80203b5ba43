#include "itemmodels/resulttimelinemodel.h"

#include "analysis/solvedscenario.h"
#include "format/units.h"
#include "itemmodels/itemroles.h"

#include <limits>

namespace cp {

namespace {

QString monthsText(int months)
{
    return months == 1 ? QStringLiteral("1 month") : QString::number(months) + QStringLiteral(" months");
}

QString quantityText(const TimelineBar &bar)
{
    switch (bar.phase) {
    case TimelinePhase::Power:
    case TimelinePhase::Cooling:
        return format::megawatts(bar.quantity);
    case TimelinePhase::Compute:
        return format::count(bar.quantity);
    case TimelinePhase::Permit:
    case TimelinePhase::Construction:
        break;
    }
    return {};
}

} // namespace

ResultTimelineModel::ResultTimelineModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ResultTimelineModel::setSolved(std::shared_ptr<const SolvedScenario> solved)
{
    beginResetModel();
    m_sites.clear();
    m_rowBars.clear();
    m_startMonth = 0;
    m_horizonMonths = 0;
    if (solved && solved->ok()) {
        m_sites = buildTimeline(*solved);
        m_startMonth = solved->result.startMonth;
        m_horizonMonths = solved->result.horizonMonths;
        for (std::size_t s = 0; s < m_sites.size(); ++s)
            for (std::size_t b = 0; b < m_sites[s].bars.size(); ++b)
                m_rowBars.emplace_back(static_cast<int>(s), static_cast<int>(b));
    }
    endResetModel();
}

const TimelineBar &ResultTimelineModel::bar(int site, int bar) const
{
    return m_sites[static_cast<std::size_t>(site)].bars[static_cast<std::size_t>(bar)];
}

QString ResultTimelineModel::describe(int site, int barIndex) const
{
    const TimelineBar &b = bar(site, barIndex);
    const int months = b.endMonth - b.startMonth;
    QString text = b.item;
    const QString quantity = quantityText(b);
    if (!quantity.isEmpty())
        text += QStringLiteral(", ") + quantity + (b.phase == TimelinePhase::Compute ? tr(" accelerators") : QString());
    text += QLatin1Char('\n');
    switch (b.phase) {
    case TimelinePhase::Permit:
        text += tr("Permitting %1 to %2 (%3)").arg(format::monthLabel(b.startMonth), format::monthLabel(b.endMonth), monthsText(months));
        break;
    case TimelinePhase::Construction:
        text += tr("Construction %1 to %2 (%3)").arg(format::monthLabel(b.startMonth), format::monthLabel(b.endMonth), monthsText(months));
        break;
    case TimelinePhase::Power:
    case TimelinePhase::Cooling:
        text += tr("Ordered %1, available %2 (%3 lead time)")
                    .arg(format::monthLabel(b.startMonth), format::monthLabel(b.endMonth), monthsText(months));
        break;
    case TimelinePhase::Compute:
        text += tr("Ordered %1, delivered %2 (%3 lead time)")
                    .arg(format::monthLabel(b.startMonth), format::monthLabel(b.endMonth), monthsText(months));
        break;
    }
    if (b.retireMonth)
        text += QLatin1Char('\n') + tr("Retires %1").arg(format::monthLabel(*b.retireMonth));
    if (b.gating)
        text += QLatin1Char('\n') + tr("Its arrival brings the site to full power.");
    return text;
}

int ResultTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rowBars.size());
}

int ResultTimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResultTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const auto [siteIndex, barIndex] = barOfRow(index.row());
    const SiteTimeline &site = m_sites[static_cast<std::size_t>(siteIndex)];
    const TimelineBar &b = site.bars[static_cast<std::size_t>(barIndex)];
    constexpr double kNever = std::numeric_limits<double>::quiet_NaN();
    if (role == roles::NumberRole) {
        switch (index.column()) {
        case Site: return siteIndex;
        case Item: return barIndex;
        case Phase: return static_cast<int>(b.phase);
        case Start: return b.startMonth;
        case End: return b.endMonth;
        case Retire: return b.retireMonth ? static_cast<double>(*b.retireMonth) : kNever;
        case Quantity: return b.quantity;
        case Gating: return b.gating ? 1 : 0;
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole)
        return describe(siteIndex, barIndex);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Site: return site.name;
    case Item: return b.item;
    case Phase: return phaseName(b.phase);
    case Start: return format::monthLabel(b.startMonth);
    case End: return format::monthLabel(b.endMonth);
    case Retire: return b.retireMonth ? format::monthLabel(*b.retireMonth) : QString();
    case Quantity: return quantityText(b);
    case Gating: return b.gating ? tr("yes") : QString();
    default: return {};
    }
}

QVariant ResultTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case Site: return tr("Site");
    case Item: return tr("Item");
    case Phase: return tr("Phase");
    case Start: return tr("Start");
    case End: return tr("Ready / available / delivered");
    case Retire: return tr("Retires");
    case Quantity: return tr("Size");
    case Gating: return tr("Gates full power");
    default: return {};
    }
}

} // namespace cp
