#pragma once

#include "analysis/comparison.h"

#include <QAbstractTableModel>
#include <QColor>

namespace cp {

// The side-by-side KPI table: a row per KPI (analysis/comparison.h), then the baseline's value,
// and for every other scenario its value and its delta against the baseline:
//   KPI | A | B | Δ B | C | Δ C ...
// Roles: Qt::DisplayRole as read ("$5.20B", "+$120M (+2.4%)", "-2 months"); roles::NumberRole
// the value or the absolute delta (NaN when null); VerdictRole the KpiVerdict of a delta;
// Qt::ForegroundRole the better / worse colour of a delta.
class ResultComparisonModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role { VerdictRole = Qt::UserRole + 40 };
    static constexpr int kLabelColumn = 0;

    explicit ResultComparisonModel(QObject *parent = nullptr);

    void setComparison(Comparison comparison);
    [[nodiscard]] const Comparison &comparison() const { return m_comparison; }
    void setVerdictColors(const QColor &better, const QColor &worse);

    [[nodiscard]] int scenarioCount() const { return static_cast<int>(m_comparison.scenarios.size()); }
    [[nodiscard]] static int valueColumn(int scenario) { return scenario == 0 ? 1 : 2 * scenario; }
    [[nodiscard]] static int deltaColumn(int scenario) { return 2 * scenario + 1; } // scenario >= 1

    [[nodiscard]] static QString formatValue(const KpiDefinition &kpi, const std::optional<double> &value);
    [[nodiscard]] static QString formatDelta(const KpiDefinition &kpi, const KpiDelta &delta);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // Which scenario a column shows, and whether it is its delta column.
    [[nodiscard]] std::pair<int, bool> columnScenario(int column) const;

    Comparison m_comparison;
    QColor m_better{0x1b, 0x7f, 0x3b};
    QColor m_worse{0xb4, 0x23, 0x18};
};

} // namespace cp
