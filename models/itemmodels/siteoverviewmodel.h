#pragma once

#include "analysis/buildtimeline.h"
#include "analysis/solvedscenario.h"

#include <QAbstractTableModel>

#include <memory>
#include <optional>
#include <vector>

namespace cp {

// The sites overview of a portfolio: a row per site of a solved scenario with its
// country, ownership, ready month, first compute, full power, the arrival that gates it,
// accelerators, peak IT MW, capex, NPV (net when the plan states a value of compute, else of
// costs) and stranded accelerator-months. Read-only; units in the headers.
// Roles: Qt::DisplayRole as read; roles::NumberRole the number to sort by (months as absolute
// months; NaN when there is none, which sorts last in ascending order through SortRole).
class SiteOverviewModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Name,
        Country,
        Ownership,
        Ready,
        FirstCompute,
        FullPower,
        GatedBy,
        Accelerators,
        ItMw,
        CapexUsd,
        NpvUsd,
        StrandedAcceleratorMonths,
        ColumnCount
    };
    // A sort key per cell: text columns their text, number and month columns their number with
    // missing values after every number.
    enum Role { SortRole = Qt::UserRole + 60 };

    explicit SiteOverviewModel(QObject *parent = nullptr);

    // Same sites as before (by count): the cells change in place, so a view keeps its selection.
    void setSolved(std::shared_ptr<const SolvedScenario> solved);
    [[nodiscard]] const std::shared_ptr<const SolvedScenario> &solved() const { return m_solved; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString name;
        QString country;
        QString ownership;
        int readyMonth = 0;
        std::optional<int> firstComputeMonth;
        std::optional<int> fullPowerMonth;
        QString gatedBy;
        std::optional<double> accelerators;
        std::optional<double> itMw;
        std::optional<double> capexUsd;
        std::optional<double> npvUsd;
        std::optional<double> strandedAcceleratorMonths;
        bool solved = false;
    };
    [[nodiscard]] QVariant number(const Row &row, int column) const;
    [[nodiscard]] QString text(const Row &row, int column) const;

    std::shared_ptr<const SolvedScenario> m_solved;
    std::vector<Row> m_rows;
    bool m_netNpv = false; // the plan states returns: NPV is net, else of costs
};

} // namespace cp
