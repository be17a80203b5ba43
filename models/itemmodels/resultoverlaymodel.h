#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include <Eigen/Core>

#include <memory>
#include <vector>

namespace cp {

struct SolvedScenario;

// Several scenarios on one calendar, for the compare view's overlaid lines: a row per month
// from the earliest start to the latest end among them; column 0 the absolute month, then per
// scenario one column per Metric. A scenario has no value (NaN) in months outside its plan.
// Roles: roles::NumberRole the number, Qt::DisplayRole as read.
class ResultOverlayModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Metric {
        Energized,         // accelerators energized
        CumulativeCostUsd, // capex + opex paid up to and including the month
        FacilityMw,        // facility load
        MetricCount
    };
    static constexpr int kMonthColumn = 0;

    explicit ResultOverlayModel(QObject *parent = nullptr);

    // Unsolved scenarios are left out.
    void setScenarios(const std::vector<std::shared_ptr<const SolvedScenario>> &scenarios);

    [[nodiscard]] int scenarioCount() const { return static_cast<int>(m_names.size()); }
    [[nodiscard]] QString scenarioName(int scenario) const { return m_names.value(scenario); }
    [[nodiscard]] int firstMonth() const { return m_firstMonth; } // absolute month of row 0
    [[nodiscard]] static int column(int scenario, Metric metric) { return 1 + scenario * MetricCount + metric; }
    [[nodiscard]] double value(int row, int scenario, Metric metric) const
    {
        return m_values[static_cast<std::size_t>(scenario * MetricCount + metric)][row];
    }
    [[nodiscard]] static QString metricTitle(Metric metric);
    [[nodiscard]] static QString formatValue(Metric metric, double value);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_names;
    std::vector<Eigen::ArrayXd> m_values; // [scenario * MetricCount + metric]
    int m_firstMonth = 0;
    int m_rows = 0;
};

} // namespace cp
