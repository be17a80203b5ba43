#include "itemmodels/resultcomparisonmodel.h"

#include "format/units.h"
#include "itemmodels/itemroles.h"

#include <cmath>
#include <limits>

namespace cp {

namespace {

const QString kDash = QStringLiteral("\u2014");

QString signedText(double value, const QString &magnitudeText)
{
    // The formatters already print a minus sign; a plus sign marks growth.
    return value > 0 ? QLatin1Char('+') + magnitudeText : magnitudeText;
}

} // namespace

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
    if (!value)
        return kpi.unit == KpiUnit::Month ? tr("not within the plan") : kDash;
    const double v = *value;
    switch (kpi.unit) {
    case KpiUnit::Usd:
        return format::usd(v);
    case KpiUnit::UsdPerHour:
        return format::usd(v) + tr("/h");
    case KpiUnit::Mw:
        return format::megawatts(v);
    case KpiUnit::Mwh:
        return format::megawattHours(v);
    case KpiUnit::Count:
    case KpiUnit::AcceleratorMonths:
        return format::count(v);
    case KpiUnit::Pflops:
        return format::flops(v);
    case KpiUnit::Month:
        return format::monthLabel(static_cast<int>(std::lround(v)));
    }
    return {};
}

QString ResultComparisonModel::formatDelta(const KpiDefinition &kpi, const KpiDelta &delta)
{
    if (!delta.abs)
        return kDash;
    const double abs = *delta.abs;
    if (kpi.unit == KpiUnit::Month) {
        const long months = std::lround(abs);
        if (months == 0)
            return tr("same month");
        return signedText(abs, QString::number(months) + (std::labs(months) == 1 ? tr(" month") : tr(" months")));
    }
    QString text;
    switch (kpi.unit) {
    case KpiUnit::Usd:
        text = format::usd(abs);
        break;
    case KpiUnit::UsdPerHour:
        text = format::usd(abs) + tr("/h");
        break;
    case KpiUnit::Mw:
        text = format::megawatts(abs);
        break;
    case KpiUnit::Mwh:
        text = format::megawattHours(abs);
        break;
    case KpiUnit::Count:
    case KpiUnit::AcceleratorMonths:
        text = format::count(abs);
        break;
    case KpiUnit::Pflops:
        text = format::flops(abs);
        break;
    case KpiUnit::Month:
        break;
    }
    text = signedText(abs, text);
    if (delta.pct)
        text += QStringLiteral(" (") + signedText(*delta.pct, format::percent(*delta.pct)) + QLatin1Char(')');
    return text;
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
