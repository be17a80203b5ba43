#include "itemmodels/siteoverviewmodel.h"

#include "format/units.h"
#include "itemmodels/itemroles.h"

#include <cmath>
#include <limits>

namespace cp {

namespace {

constexpr double kNull = std::numeric_limits<double>::quiet_NaN();
const QString kDash = QStringLiteral("\u2014");

QString countryText(const QString &country)
{
    return country.isEmpty() ? kDash : country;
}

} // namespace

SiteOverviewModel::SiteOverviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SiteOverviewModel::setSolved(std::shared_ptr<const SolvedScenario> solved)
{
    std::vector<Row> rows;
    bool netNpv = false;
    if (solved) {
        const bool ok = solved->ok();
        netNpv = ok && solved->result.kpis.returnsStated;
        std::vector<SiteTimeline> timelines = ok ? buildTimeline(*solved) : std::vector<SiteTimeline>{};
        rows.reserve(solved->scenario.sites.size());
        for (std::size_t s = 0; s < solved->scenario.sites.size(); ++s) {
            const Site &site = solved->scenario.sites[s];
            Row row;
            row.name = site.name;
            row.country = site.country;
            row.ownership = site.ownership == SiteOwnership::CloudPartner ? tr("Cloud partner") : tr("Own");
            if (ok && s < solved->result.sites.size()) {
                const solver::SiteResult &result = solved->result.sites[s];
                const solver::Kpis &k = result.kpis;
                row.solved = true;
                row.readyMonth = result.readyMonth;
                row.firstComputeMonth = k.firstComputeMonth;
                row.fullPowerMonth = k.fullPowerMonth;
                row.accelerators = k.plannedAccelerators;
                row.itMw = k.peakItMw;
                row.capexUsd = k.totalCapexUsd;
                row.npvUsd = netNpv ? k.npvNetUsd : k.npvCostUsd;
                row.strandedAcceleratorMonths = k.strandedAcceleratorMonths;
                if (s < timelines.size()) {
                    for (const TimelineBar &bar : timelines[s].bars)
                        if (bar.gating)
                            row.gatedBy = bar.item;
                }
                if (row.gatedBy.isEmpty())
                    row.gatedBy = k.fullPowerMonth ? kDash : tr("never at full power");
            }
            rows.push_back(std::move(row));
        }
    }
    const bool sameShape = rows.size() == m_rows.size() && netNpv == m_netNpv;
    if (sameShape) {
        m_solved = std::move(solved);
        m_rows = std::move(rows);
        if (!m_rows.empty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_solved = std::move(solved);
    m_rows = std::move(rows);
    m_netNpv = netNpv;
    endResetModel();
}

int SiteOverviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SiteOverviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SiteOverviewModel::number(const Row &row, int column) const
{
    const auto month = [](const std::optional<int> &m) { return m ? double(*m) : kNull; };
    switch (column) {
    case Ready:
        return row.solved ? double(row.readyMonth) : kNull;
    case FirstCompute:
        return month(row.firstComputeMonth);
    case FullPower:
        return month(row.fullPowerMonth);
    case Accelerators:
        return row.accelerators.value_or(kNull);
    case ItMw:
        return row.itMw.value_or(kNull);
    case CapexUsd:
        return row.capexUsd.value_or(kNull);
    case NpvUsd:
        return row.npvUsd.value_or(kNull);
    case StrandedAcceleratorMonths:
        return row.strandedAcceleratorMonths.value_or(kNull);
    default:
        return {};
    }
}

QString SiteOverviewModel::text(const Row &row, int column) const
{
    const auto month = [](const std::optional<int> &m) { return m ? format::monthLabel(*m) : tr("not within the plan"); };
    const auto amount = [](const std::optional<double> &v, QString (*fmt)(double)) { return v ? fmt(*v) : kDash; };
    if (!row.solved && column >= Ready)
        return kDash;
    switch (column) {
    case Name:
        return row.name;
    case Country:
        return countryText(row.country);
    case Ownership:
        return row.ownership;
    case Ready:
        return format::monthLabel(row.readyMonth);
    case FirstCompute:
        return month(row.firstComputeMonth);
    case FullPower:
        return month(row.fullPowerMonth);
    case GatedBy:
        return row.gatedBy;
    case Accelerators:
        return amount(row.accelerators, &format::count);
    case ItMw:
        return amount(row.itMw, &format::megawatts);
    case CapexUsd:
        return amount(row.capexUsd, &format::usd);
    case NpvUsd:
        return amount(row.npvUsd, &format::usd);
    case StrandedAcceleratorMonths:
        return amount(row.strandedAcceleratorMonths, &format::count);
    default:
        return {};
    }
}

QVariant SiteOverviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    const bool isNumber = column >= Ready && column != GatedBy;
    switch (role) {
    case Qt::DisplayRole:
        return text(row, column);
    case Qt::TextAlignmentRole:
        return isNumber && column != Ready && column != FirstCompute && column != FullPower
                   ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                   : QVariant();
    case roles::NumberRole:
        return isNumber ? number(row, column) : QVariant();
    case SortRole: {
        if (!isNumber)
            return text(row, column);
        const double v = number(row, column).toDouble();
        return std::isnan(v) ? std::numeric_limits<double>::max() : v; // missing after every number
    }
    default:
        return {};
    }
}

QVariant SiteOverviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Site");
    case Country:
        return tr("Country (ISO)");
    case Ownership:
        return tr("Ownership");
    case Ready:
        return tr("Ready (month)");
    case FirstCompute:
        return tr("First compute (month)");
    case FullPower:
        return tr("Full power (month)");
    case GatedBy:
        return tr("Gated by (item)");
    case Accelerators:
        return tr("Accelerators (count)");
    case ItMw:
        return tr("Peak IT (MW)");
    case CapexUsd:
        return tr("Capex (USD)");
    case NpvUsd:
        return m_netNpv ? tr("NPV, net (USD)") : tr("NPV of costs (USD)");
    case StrandedAcceleratorMonths:
        return tr("Stranded (accelerator-months)");
    default:
        return {};
    }
}

} // namespace cp
