#include "itemmodels/kpilistmodel.h"

#include "analysis/solvedscenario.h"
#include "format/units.h"
#include "itemmodels/itemroles.h"

#include <QStringList>


#include <cmath>
#include <limits>

namespace cp {

namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
const QString kDash = QStringLiteral("\u2014");

QString capexSplit(const solver::Kpis &k)
{
    QStringList parts;
    for (int c = 0; c < solver::kCapexCategories; ++c) {
        const auto category = static_cast<solver::CapexCategory>(c);
        parts << QStringLiteral("%1 %2").arg(QString::fromLatin1(solver::capexCategoryName(category)),
                                             format::usd(k.capexByCategory[static_cast<std::size_t>(c)]));
    }
    return parts.join(QStringLiteral(", "));
}

QString opexSplit(const solver::Kpis &k)
{
    QStringList parts;
    for (int c = 0; c < solver::kOpexCategories; ++c) {
        const auto category = static_cast<solver::OpexCategory>(c);
        parts << QStringLiteral("%1 %2").arg(QString::fromLatin1(solver::opexCategoryName(category)),
                                             format::usd(k.opexByCategory[static_cast<std::size_t>(c)]));
    }
    return parts.join(QStringLiteral(", "));
}

QString monthOr(const std::optional<int> &month, const QString &never)
{
    return month ? format::monthLabel(*month) : never;
}

} // namespace

QString KpiListModel::nextStep(const Scenario &scenario)
{
    if (scenario.sites.empty())
        return tr("Add a site (Plan tab, + beside the site tabs): a facility with its compute, power and cooling.");
    for (const Site &site : scenario.sites) {
        if (site.facility.itCapacityMw <= 0.0)
            return tr("Give %1's facility an IT capacity (MW): the most IT load its building carries.").arg(site.name);
        if (site.compute.empty())
            return tr("Add compute to %1: in the Compute table, Add, then pick the accelerator, count and order "
                      "month.")
                .arg(site.name);
        if (site.power.empty())
            return tr("Add power to %1: in the Power table, Add a grid connection, gas turbines or a battery, "
                      "with its lead time.")
                .arg(site.name);
    }
    return QString();
}

KpiListModel::KpiListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    setSolved(nullptr);
}

void KpiListModel::setSolved(const std::shared_ptr<const SolvedScenario> &solved)
{
    const bool solvedOk = solved && solved->ok();
    const bool returns = solvedOk && solved->result.kpis.returnsStated;
    std::vector<Row> rows;
    if (returns) {
        rows = {
            {NpvNet, tr("NPV of net cash flow"), kDash,
             tr("Revenue and residual value less capex and opex, discounted monthly."), kNone},
            {Irr, tr("IRR"), kDash, tr("The yearly rate at which the net cash flow's NPV is zero."), kNone},
            {Payback, tr("Payback"), kDash,
             tr("The first month the running net cash flow is back to zero after being negative."), kNone},
            {LevelizedCost, tr("Levelized cost per acc.-hour"), kDash,
             tr("Costs less residual value, discounted, per discounted energized accelerator-hour."), kNone},
        };
    }
    const std::vector<Row> always{
        {TotalCapex, tr("Total capex"), kDash, tr("Capital spent within the plan's horizon."), kNone},
        {NpvCost, tr("NPV of costs"), kDash, tr("Capex and opex within the horizon, discounted monthly."), kNone},
        {FirstCompute, tr("First compute"), kDash, tr("The first month any accelerator is energized."), kNone},
        {FullPower, tr("Full power"), kDash, tr("From this month on every planned accelerator stays energized."), kNone},
        {PeakItLoad, tr("Peak IT load"), kDash, tr("Most IT power drawn by energized accelerators in a month."), kNone},
        {PeakFacilityPower, tr("Peak facility power"), kDash,
         tr("Peak IT load times PUE: what the power sources must supply."), kNone},
        {StrandedAcceleratorMonths, tr("Stranded"), kDash,
         tr("Accelerator-months delivered but not energized (no power, cooling or building)."), kNone},
        {CostPerAcceleratorHour, tr("Cost per accelerator-hour"), kDash,
         tr("Depreciation and opex per energized accelerator-hour within the horizon."), kNone},
    };
    rows.insert(rows.end(), always.begin(), always.end());
    if (solvedOk) {
        const solver::Kpis &k = solved->result.kpis;
        const auto set = [&rows](Kpi kpi, QString value, double number, const QString &extra = QString()) {
            for (Row &row : rows) {
                if (row.kpi != kpi)
                    continue;
                row.value = std::move(value);
                row.number = number;
                if (!extra.isEmpty())
                    row.detail += QStringLiteral("\n") + extra;
                return;
            }
        };
        if (returns) {
            set(NpvNet, format::usd(k.npvNetUsd), k.npvNetUsd,
                tr("Revenue %1 (NPV %2); residual value %3 (NPV %4).")
                    .arg(format::usd(k.revenueUsd), format::usd(k.npvRevenueUsd), format::usd(k.residualValueUsd),
                         format::usd(k.npvResidualValueUsd)));
            if (k.irrPct)
                set(Irr, format::percent(*k.irrPct), *k.irrPct);
            else
                set(Irr, tr("none"), kNone, tr("The net cash flow never changes sign."));
            set(Payback, monthOr(k.paybackMonth, tr("not within the plan")),
                k.paybackMonth ? double(*k.paybackMonth) : kNone);
            if (k.levelizedCostPerAcceleratorHourUsd)
                set(LevelizedCost, tr("%1/h").arg(format::usd(*k.levelizedCostPerAcceleratorHourUsd)),
                    *k.levelizedCostPerAcceleratorHourUsd);
            else
                set(LevelizedCost, tr("none energized"), kNone);
        }
        set(TotalCapex, format::usd(k.totalCapexUsd), k.totalCapexUsd, capexSplit(k));
        set(NpvCost, format::usd(k.npvCostUsd), k.npvCostUsd,
            tr("Opex %1: %2").arg(format::usd(k.totalOpexUsd), opexSplit(k)));
        const QString missing = nextStep(solved->scenario);
        set(FirstCompute, monthOr(k.firstComputeMonth, missing.isEmpty() ? tr("never") : tr("not yet")),
            k.firstComputeMonth ? double(*k.firstComputeMonth) : kNone, missing);
        set(FullPower, monthOr(k.fullPowerMonth, tr("not within the plan")),
            k.fullPowerMonth ? double(*k.fullPowerMonth) : kNone,
            tr("%1 accelerators planned; at most %2 energized at once.")
                .arg(format::count(k.plannedAccelerators), format::count(k.peakEnergized)));
        set(PeakItLoad, format::megawatts(k.peakItMw), k.peakItMw);
        set(PeakFacilityPower, format::megawatts(k.peakFacilityMw), k.peakFacilityMw,
            tr("Energy over the horizon: %1").arg(format::megawattHours(k.energyMwh)));
        set(StrandedAcceleratorMonths, tr("%1 acc.-months").arg(format::count(k.strandedAcceleratorMonths)),
            k.strandedAcceleratorMonths,
            returns ? tr("What the idle accelerators would have earned at their price: %1.").arg(format::usd(k.strandedValueUsd))
                    : QString());
        if (k.costPerAcceleratorHourUsd)
            set(CostPerAcceleratorHour, tr("%1/h").arg(format::usd(*k.costPerAcceleratorHourUsd)),
                *k.costPerAcceleratorHourUsd);
        else
            set(CostPerAcceleratorHour, tr("none energized"), kNone);
    }
    if (rows.size() == m_rows.size()) {
        m_rows = std::move(rows);
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
}

KpiListModel::Kpi KpiListModel::kpiAt(int row) const
{
    return m_rows.at(static_cast<std::size_t>(row)).kpi;
}

int KpiListModel::rowOf(Kpi kpi) const
{
    for (std::size_t row = 0; row < m_rows.size(); ++row)
        if (m_rows[row].kpi == kpi)
            return static_cast<int>(row);
    return -1;
}

int KpiListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int KpiListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KpiListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == Label ? row.label : row.value;
    case Qt::ToolTipRole:
        return row.detail;
    case roles::NumberRole:
        return row.number;
    default:
        return {};
    }
}

QVariant KpiListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == Label ? tr("Measure") : section == Value ? tr("Value") : QVariant();
}

} // namespace cp
