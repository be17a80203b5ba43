#pragma once

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace cp {

struct Scenario;
struct SolvedScenario;

// The headline numbers of the latest solve, formatted as a planner reads them ($4.5B,
// 150 MW, Mar 2025), each with a tooltip that says what it is and how it splits.
class KpiListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Label, Value, ColumnCount };
    enum Kpi {
        // Returns, shown first when the plan states a value of compute or a residual value.
        NpvNet,
        Irr,
        Payback,
        LevelizedCost,
        // Always shown.
        TotalCapex,
        NpvCost,
        FirstCompute,
        FullPower,
        PeakItLoad,
        PeakFacilityPower,
        StrandedAcceleratorMonths,
        CostPerAcceleratorHour,
        KpiCount
    };

    explicit KpiListModel(QObject *parent = nullptr);

    // nullptr or an unsolved (invalid) scenario shows dashes.
    void setSolved(const std::shared_ptr<const SolvedScenario> &solved);
    // What a plan still lacks before any accelerator can run, as the next thing to add ("Add
    // compute: ..."); empty when it has a site with a facility, compute and power. A new
    // scenario says this instead of "First compute: never".
    [[nodiscard]] static QString nextStep(const Scenario &scenario);

    // Rows are the figures in the order shown: the returns figures lead when the plan states
    // them, and are absent otherwise.
    [[nodiscard]] Kpi kpiAt(int row) const;
    [[nodiscard]] int rowOf(Kpi kpi) const; // -1 when not shown

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        Kpi kpi;
        QString label;
        QString value;
        QString detail;
        double number;
    };
    std::vector<Row> m_rows;
};

} // namespace cp
