#include "itemmodels/resultoverlaymodel.h"

#include "analysis/solvedscenario.h"
#include "format/units.h"
#include "itemmodels/itemroles.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>

namespace cp {

ResultOverlayModel::ResultOverlayModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ResultOverlayModel::setScenarios(const std::vector<std::shared_ptr<const SolvedScenario>> &scenarios)
{
    beginResetModel();
    m_names.clear();
    m_values.clear();
    m_rows = 0;
    m_firstMonth = 0;
    std::vector<const SolvedScenario *> solved;
    int first = INT_MAX;
    int end = INT_MIN;
    for (const auto &scenario : scenarios) {
        if (!scenario || !scenario->ok() || scenario->result.monthly.energized.size() != scenario->result.horizonMonths)
            continue;
        solved.push_back(scenario.get());
        first = std::min(first, scenario->result.startMonth);
        end = std::max(end, scenario->result.startMonth + scenario->result.horizonMonths);
    }
    if (!solved.empty()) {
        m_firstMonth = first;
        m_rows = end - first;
        constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
        for (const SolvedScenario *s : solved) {
            m_names << s->scenario.name;
            const solver::Result &r = s->result;
            const Eigen::Index offset = r.startMonth - first;
            for (int metric = 0; metric < MetricCount; ++metric) {
                Eigen::ArrayXd values = Eigen::ArrayXd::Constant(m_rows, kNone);
                double cumulative = 0.0;
                for (int m = 0; m < r.horizonMonths; ++m) {
                    double v = 0.0;
                    switch (static_cast<Metric>(metric)) {
                    case Energized:
                        v = r.monthly.energized[m];
                        break;
                    case CumulativeCostUsd:
                        cumulative += r.monthly.capexUsd[m] + r.monthly.opexUsd[m];
                        v = cumulative;
                        break;
                    case FacilityMw:
                        v = r.monthly.facilityMw[m];
                        break;
                    case MetricCount:
                        break;
                    }
                    values[offset + m] = v;
                }
                m_values.push_back(std::move(values));
            }
        }
    }
    endResetModel();
}

QString ResultOverlayModel::metricTitle(Metric metric)
{
    switch (metric) {
    case Energized:
        return tr("Energized accelerators");
    case CumulativeCostUsd:
        return tr("Cumulative spend (capex + opex)");
    case FacilityMw:
        return tr("Facility load");
    case MetricCount:
        break;
    }
    return {};
}

QString ResultOverlayModel::formatValue(Metric metric, double value)
{
    if (std::isnan(value))
        return {};
    switch (metric) {
    case Energized:
        return format::count(value);
    case CumulativeCostUsd:
        return format::usd(value);
    case FacilityMw:
        return format::megawatts(value);
    case MetricCount:
        break;
    }
    return {};
}

int ResultOverlayModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int ResultOverlayModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1 + scenarioCount() * MetricCount;
}

QVariant ResultOverlayModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.column() == kMonthColumn) {
        if (role == roles::NumberRole)
            return m_firstMonth + index.row();
        if (role == Qt::DisplayRole)
            return format::monthLabel(m_firstMonth + index.row());
        return {};
    }
    const int scenario = (index.column() - 1) / MetricCount;
    const auto metric = static_cast<Metric>((index.column() - 1) % MetricCount);
    const double v = value(index.row(), scenario, metric);
    if (role == roles::NumberRole)
        return v;
    if (role == Qt::DisplayRole)
        return formatValue(metric, v);
    return {};
}

QVariant ResultOverlayModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return (section >= 0 && section < m_rows) ? format::monthLabel(m_firstMonth + section) : QVariant();
    if (section == kMonthColumn)
        return tr("Month");
    if (section < 1 || section >= columnCount())
        return {};
    const int scenario = (section - 1) / MetricCount;
    return QString(m_names.value(scenario) + QStringLiteral(": ") + metricTitle(static_cast<Metric>((section - 1) % MetricCount)));
}

} // namespace cp
