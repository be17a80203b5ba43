#include "itemmodels/resultgroupmodel.h"

#include "analysis/solvedscenario.h"
#include "format/units.h"
#include "itemmodels/itemroles.h"

namespace cp {

ResultGroupModel::ResultGroupModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ResultGroupModel::setSolved(std::shared_ptr<const SolvedScenario> solved)
{
    beginResetModel();
    m_solved = (solved && solved->ok()) ? std::move(solved) : nullptr;
    if (m_solved && m_site >= static_cast<int>(m_solved->result.sites.size()))
        m_site = -1;
    rebuild();
    endResetModel();
}

void ResultGroupModel::setSite(int siteIndex)
{
    const int site = siteIndex < 0 ? -1 : siteIndex;
    if (site == m_site)
        return;
    beginResetModel();
    m_site = site;
    rebuild();
    endResetModel();
}

void ResultGroupModel::setGrouping(Grouping grouping)
{
    if (grouping == m_grouping)
        return;
    beginResetModel();
    m_grouping = grouping;
    rebuild();
    endResetModel();
}

QString ResultGroupModel::groupingName(Grouping grouping)
{
    switch (grouping) {
    case Grouping::Total: return tr("Total");
    case Grouping::BySite: return tr("By site");
    case Grouping::ByCountry: return tr("By country");
    case Grouping::ByRegion: return tr("By region");
    }
    return {};
}

QString ResultGroupModel::quantityTitle(Quantity quantity)
{
    switch (quantity) {
    case Energized: return tr("Energized accelerators");
    case FacilityMw: return tr("Facility load (MW)");
    case Bf16Pflops: return tr("BF16 compute (PFLOPS)");
    case CapexUsd: return tr("Capex (USD)");
    case OpexUsd: return tr("Opex (USD)");
    case QuantityCount: break;
    }
    return {};
}

void ResultGroupModel::rebuild()
{
    m_groups.clear();
    m_values.clear();
    m_rows = 0;
    if (!m_solved || m_grouping == Grouping::Total || m_site >= 0 || m_solved->result.sites.size() < 2)
        return;
    const solver::Result &result = m_solved->result;
    const Eigen::Index n = result.horizonMonths;
    if (result.monthly.energized.size() != n)
        return;
    SiteGrouping grouping = SiteGrouping::BySite;
    if (m_grouping == Grouping::ByCountry)
        grouping = SiteGrouping::ByCountry;
    else if (m_grouping == Grouping::ByRegion)
        grouping = SiteGrouping::ByRegion;
    m_groups = groupSites(*m_solved, grouping, kMaxGroups);
    m_values.assign(m_groups.size() * QuantityCount, Eigen::ArrayXd::Zero(n));
    // Each site's months are expanded once (runs to arrays) and added into its group.
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        Eigen::ArrayXd *values = &m_values[g * QuantityCount];
        for (const int s : m_groups[g].sites) {
            const solver::MonthlySeries monthly = result.sites[static_cast<std::size_t>(s)].monthly();
            if (monthly.energized.size() != n)
                continue;
            values[Energized] += monthly.energized;
            values[FacilityMw] += monthly.facilityMw;
            values[Bf16Pflops] += monthly.bf16Pflops;
            values[CapexUsd] += monthly.capexUsd;
            values[OpexUsd] += monthly.opexUsd;
        }
    }
    m_rows = static_cast<int>(n);
}

int ResultGroupModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int ResultGroupModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : groupCount() * QuantityCount;
}

QVariant ResultGroupModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows || index.column() >= columnCount())
        return {};
    const int group = index.column() / QuantityCount;
    const auto quantity = static_cast<Quantity>(index.column() % QuantityCount);
    const double number = value(index.row(), group, quantity);
    if (role == roles::NumberRole)
        return number;
    if (role != Qt::DisplayRole)
        return {};
    switch (quantity) {
    case Energized: return format::count(number);
    case FacilityMw: return format::megawatts(number);
    case Bf16Pflops: return format::flops(number);
    case CapexUsd:
    case OpexUsd: return format::usd(number);
    case QuantityCount: break;
    }
    return {};
}

QVariant ResultGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return m_solved ? QVariant(format::monthLabel(m_solved->result.startMonth + section)) : QVariant();
    if (section < 0 || section >= columnCount())
        return {};
    return QStringLiteral("%1: %2").arg(groupName(section / QuantityCount),
                                        quantityTitle(static_cast<Quantity>(section % QuantityCount)));
}

} // namespace cp
