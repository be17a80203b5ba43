#include "itemmodels/resultseriesmodel.h"

#include "analysis/solvedscenario.h"
#include "format/units.h"
#include "itemmodels/itemroles.h"

namespace cp {

namespace {

Eigen::ArrayXd runningSum(const Eigen::ArrayXd &values)
{
    Eigen::ArrayXd out(values.size());
    double sum = 0.0;
    for (Eigen::Index m = 0; m < values.size(); ++m) {
        sum += values[m];
        out[m] = sum;
    }
    return out;
}

} // namespace

ResultSeriesModel::ResultSeriesModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_columns(ColumnCount)
{
}

void ResultSeriesModel::setSolved(std::shared_ptr<const SolvedScenario> solved)
{
    beginResetModel();
    m_solved = (solved && solved->ok()) ? std::move(solved) : nullptr;
    m_breakdown = m_solved ? breakDownResult(*m_solved) : ResultBreakdown{};
    const int before = m_site;
    m_site = -1;
    if (m_solved && before >= 0) {
        const auto &sites = m_solved->result.sites;
        for (std::size_t s = 0; s < sites.size(); ++s)
            if (QString::fromStdString(sites[s].name) == m_siteName)
                m_site = static_cast<int>(s);
    }
    if (m_site < 0)
        m_siteName.clear();
    rebuild();
    endResetModel();
    if (m_site != before)
        emit siteChanged(m_site);
}

void ResultSeriesModel::setSite(int siteIndex)
{
    const int count = m_solved ? static_cast<int>(m_solved->result.sites.size()) : 0;
    const int site = (siteIndex >= 0 && siteIndex < count) ? siteIndex : -1;
    if (site == m_site)
        return;
    beginResetModel();
    m_site = site;
    m_siteName = site >= 0 ? QString::fromStdString(m_solved->result.sites[static_cast<std::size_t>(site)].name) : QString();
    rebuild();
    endResetModel();
    emit siteChanged(m_site);
}

QString ResultSeriesModel::scopeName() const
{
    if (m_site >= 0)
        return m_siteName;
    // A one-site plan's portfolio is that site.
    if (m_solved && m_solved->result.sites.size() == 1)
        return QString::fromStdString(m_solved->result.sites.front().name);
    return tr("All sites");
}

int ResultSeriesModel::startMonth() const
{
    return m_solved ? m_solved->result.startMonth : 0;
}

void ResultSeriesModel::rebuild()
{
    m_rows = 0;
    for (Eigen::ArrayXd &column : m_columns)
        column.resize(0);
    if (!m_solved)
        return;
    const solver::Result &result = m_solved->result;
    const bool portfolio = m_site < 0;
    solver::MonthlySeries siteMonthly;
    if (!portfolio)
        siteMonthly = result.sites[static_cast<std::size_t>(m_site)].monthly();
    const solver::MonthlySeries &s = portfolio ? result.monthly : siteMonthly;
    const Eigen::Index n = result.horizonMonths;
    if (s.energized.size() != n) // solved without these series: nothing to show
        return;
    m_rows = result.horizonMonths;

    m_columns[PlanMonth] = Eigen::ArrayXd::LinSpaced(n, 0.0, static_cast<double>(n - 1));
    m_columns[Month] = m_columns[PlanMonth] + result.startMonth;
    m_columns[Planned] = s.planned;
    m_columns[Delivered] = s.delivered;
    m_columns[Energized] = s.energized;
    m_columns[Stranded] = s.stranded;
    const bool haveBreakdown = portfolio ? m_breakdown.strandedCapitalUsd.size() == n
                                         : static_cast<std::size_t>(m_site) < m_breakdown.sites.size();
    if (haveBreakdown) {
        const auto &b = m_breakdown;
        m_columns[StrandedCapitalUsd] = portfolio ? b.strandedCapitalUsd : b.sites[static_cast<std::size_t>(m_site)].strandedCapitalUsd;
        m_columns[FacilityMwNeeded] = portfolio ? b.facilityMwNeeded : b.sites[static_cast<std::size_t>(m_site)].facilityMwNeeded;
    } else {
        m_columns[StrandedCapitalUsd] = Eigen::ArrayXd::Zero(n);
        m_columns[FacilityMwNeeded] = Eigen::ArrayXd::Zero(n);
    }
    m_columns[ItMw] = s.itMw;
    m_columns[FacilityMw] = s.facilityMw;
    m_columns[PowerMw] = s.powerMw;
    m_columns[CoolingMw] = s.coolingMw;
    m_columns[Bf16Pflops] = s.bf16Pflops;
    for (int c = 0; c < solver::kCapexCategories; ++c)
        m_columns[capexColumn(c)] = s.capexByCategory.col(c);
    m_columns[CapexUsd] = s.capexUsd;
    for (int c = 0; c < solver::kOpexCategories; ++c)
        m_columns[opexColumn(c)] = s.opexByCategory.col(c);
    m_columns[OpexUsd] = s.opexUsd;
    m_columns[CumulativeCapexUsd] = runningSum(s.capexUsd);
    m_columns[CumulativeCostUsd] = runningSum(s.capexUsd + s.opexUsd);
    m_columns[DepreciationUsd] = s.depreciationUsd;
}

ResultSeriesModel::Unit ResultSeriesModel::unit(Column column)
{
    switch (column) {
    case PlanMonth:
        return Unit::Index;
    case Month:
        return Unit::Month;
    case Planned:
    case Delivered:
    case Energized:
    case Stranded:
        return Unit::Count;
    case ItMw:
    case FacilityMw:
    case FacilityMwNeeded:
    case PowerMw:
    case CoolingMw:
        return Unit::Mw;
    case Bf16Pflops:
        return Unit::Pflops;
    case ColumnCount:
        break;
    default:
        return Unit::Usd;
    }
    return Unit::Index;
}

QString ResultSeriesModel::columnTitle(Column column)
{
    switch (column) {
    case PlanMonth: return tr("Plan month");
    case Month: return tr("Month");
    case Planned: return tr("Planned");
    case Delivered: return tr("Delivered");
    case Energized: return tr("Energized");
    case Stranded: return tr("Stranded");
    case StrandedCapitalUsd: return tr("Stranded capital");
    case ItMw: return tr("IT load");
    case FacilityMw: return tr("Facility load");
    case FacilityMwNeeded: return tr("Load of delivered accelerators");
    case PowerMw: return tr("Firm power");
    case CoolingMw: return tr("Cooling");
    case Bf16Pflops: return tr("BF16 compute");
    case CapexComputeUsd: return tr("Capex: compute");
    case CapexFacilityUsd: return tr("Capex: facility");
    case CapexPowerUsd: return tr("Capex: power");
    case CapexCoolingUsd: return tr("Capex: cooling");
    case CapexUsd: return tr("Capex");
    case OpexEnergyUsd: return tr("Opex: energy");
    case OpexFuelUsd: return tr("Opex: fuel");
    case OpexRentUsd: return tr("Opex: rent");
    case OpexOmUsd: return tr("Opex: O&M");
    case OpexCloudUsd: return tr("Opex: cloud");
    case OpexUsd: return tr("Opex");
    case CumulativeCapexUsd: return tr("Cumulative capex");
    case CumulativeCostUsd: return tr("Cumulative capex + opex");
    case DepreciationUsd: return tr("Depreciation");
    case ColumnCount: break;
    }
    return {};
}

QString ResultSeriesModel::formatValue(Unit unit, double value)
{
    switch (unit) {
    case Unit::Index:
        return QString::number(value);
    case Unit::Month:
        return format::monthLabel(static_cast<int>(value));
    case Unit::Count:
        return format::count(value);
    case Unit::Usd:
        return format::usd(value);
    case Unit::Mw:
        return format::megawatts(value);
    case Unit::Pflops:
        return format::flops(value);
    }
    return {};
}

int ResultSeriesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int ResultSeriesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResultSeriesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const auto column = static_cast<Column>(index.column());
    const double number = value(index.row(), column);
    switch (role) {
    case roles::NumberRole:
        return number;
    case Qt::DisplayRole:
        return formatValue(unit(column), number);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ResultSeriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return (section >= 0 && section < ColumnCount) ? columnTitle(static_cast<Column>(section)) : QVariant();
    if (section < 0 || section >= rowCount())
        return {};
    return format::monthLabel(startMonth() + section);
}

} // namespace cp
