#include "itemmodels/resultcomparisonmodel.h"

#include "analysis/comparisontext.h"
#include "format/units.h"
#include "itemmodels/itemroles.h"

#include <cmath>
#include <limits>

namespace cp {

ResultComparisonModel::ResultComparisonModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ResultComparisonModel::setComparison(Comparison comparison)
{
    beginResetModel();
    m_comparison = std::move(comparison);
    endResetModel();
}

void ResultComparisonModel::setVerdictColors(const QColor &better, const QColor &worse)
{
    m_better = better;
    m_worse = worse;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::ForegroundRole});
}

QString ResultComparisonModel::formatValue(const KpiDefinition &kpi, const std::optional<double> &value)
{
    return comparisonValueText(kpi, value);
}

QString ResultComparisonModel::formatDelta(const KpiDefinition &kpi, const KpiDelta &delta)
{
    return comparisonDeltaText(kpi, delta);
}

std::pair<int, bool> ResultComparisonModel::columnScenario(int column) const
{
    if (column == 1)
        return {0, false};
    return {column / 2, column % 2 == 1};
}

int ResultComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_comparison.empty() ? 0 : static_cast<int>(comparisonKpis().size());
}

int ResultComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_comparison.empty() ? 0 : 2 * scenarioCount();
}

QVariant ResultComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const KpiDefinition &kpi = comparisonKpis()[static_cast<std::size_t>(index.row())];
    if (index.column() == kLabelColumn) {
        if (role == Qt::DisplayRole)
            return QString::fromUtf8(kpi.label);
        if (role == Qt::ToolTipRole)
            return kpi.group ? QStringLiteral("%1.%2").arg(QLatin1String(kpi.group), QLatin1String(kpi.key)) : QString::fromLatin1(kpi.key);
        return {};
    }
    const auto [scenario, isDelta] = columnScenario(index.column());
    const ComparedScenario &compared = m_comparison.scenarios[static_cast<std::size_t>(scenario)];
    const ComparedKpi &value = compared.kpis[static_cast<std::size_t>(index.row())];
    constexpr double kNull = std::numeric_limits<double>::quiet_NaN();
    switch (role) {
    case Qt::DisplayRole:
        return isDelta ? formatDelta(kpi, value.delta) : formatValue(kpi, value.value);
    case roles::NumberRole:
        if (isDelta)
            return value.delta.abs.value_or(kNull);
        return value.value.value_or(kNull);
    case VerdictRole:
        return static_cast<int>(value.verdict);
    case Qt::ForegroundRole:
        if (!isDelta)
            return {};
        if (value.verdict == KpiVerdict::Better)
            return m_better;
        if (value.verdict == KpiVerdict::Worse)
            return m_worse;
        return {};
    case Qt::ToolTipRole:
        if (isDelta) {
            const QString verdict = value.verdict == KpiVerdict::Better ? tr("better") : value.verdict == KpiVerdict::Worse ? tr("worse") : QString();
            return tr("%1 against %2: %3%4")
                .arg(compared.name, m_comparison.scenarios.front().name, formatDelta(kpi, value.delta),
                     verdict.isEmpty() ? QString() : QStringLiteral(", ") + verdict);
        }
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ResultComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount())
        return {};
    if (section == kLabelColumn)
        return tr("KPI");
    const auto [scenario, isDelta] = columnScenario(section);
    const QString &name = m_comparison.scenarios[static_cast<std::size_t>(scenario)].name;
    if (scenario == 0)
        return tr("%1 (baseline)").arg(name);
    return isDelta ? tr("\u0394 %1").arg(name) : name;
}

} // namespace cp
