#pragma once

#include "analysis/resultbreakdown.h"

#include <QAbstractTableModel>

#include <Eigen/Core>

#include <memory>
#include <vector>

namespace cp {

struct SolvedScenario;

// One solved scenario's monthly results as a table the charts view: a row per plan month, a
// column per series, for the portfolio (sums over sites) or one site. Numbers are the solver's
// own (MonthlySeries), plus what models/analysis/resultbreakdown.h rebuilds from the plan
// (idle capital, the load delivered accelerators would draw) and running sums of spend.
//
// Roles: roles::NumberRole gives the number (what charts plot); Qt::DisplayRole the number as a
// planner reads it ($4.50B, 150 MW, Mar 2025); the vertical header names the month.
// setSolved() resets the model, so every view follows an edit.
class ResultSeriesModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        PlanMonth,          // 0 .. H-1: the x of every chart of one scenario
        Month,              // absolute month (year * 12 + month - 1)
        Planned,            // every accelerator of every tranche
        Delivered,
        Energized,
        Stranded,           // delivered - energized
        StrandedCapitalUsd, // idle accelerators x their unit capex
        ItMw,
        FacilityMw,         // itMw x PUE: what the power sources supply
        FacilityMwNeeded,   // the facility load if every delivered accelerator were energized
        PowerMw,            // firm MW available
        CoolingMw,
        Bf16Pflops,
        CapexComputeUsd,
        CapexFacilityUsd,
        CapexPowerUsd,
        CapexCoolingUsd,
        CapexUsd,
        OpexEnergyUsd,
        OpexFuelUsd,
        OpexRentUsd,
        OpexOmUsd,
        OpexCloudUsd,
        OpexUsd,
        CumulativeCapexUsd, // capex paid up to and including the month
        CumulativeCostUsd,  // capex + opex paid up to and including the month
        DepreciationUsd,
        ColumnCount
    };
    enum class Unit { Index, Month, Count, Usd, Mw, Pflops };

    explicit ResultSeriesModel(QObject *parent = nullptr);

    // nullptr or an unsolved scenario empties the table. The site scope is kept by name; a
    // scope whose site is gone falls back to the portfolio (siteChanged tells).
    void setSolved(std::shared_ptr<const SolvedScenario> solved);
    [[nodiscard]] const std::shared_ptr<const SolvedScenario> &solved() const { return m_solved; }

    // -1 for the portfolio, else the site's index in the plan.
    void setSite(int siteIndex);
    [[nodiscard]] int site() const { return m_site; }
    [[nodiscard]] QString scopeName() const; // the site's name (also of a one-site plan), or "All sites"

    [[nodiscard]] int startMonth() const; // absolute month of row 0
    [[nodiscard]] double value(int row, Column column) const { return m_columns[column][row]; }
    [[nodiscard]] static Unit unit(Column column);
    [[nodiscard]] static QString columnTitle(Column column); // "Delivered", "Capex: compute", ...
    [[nodiscard]] static QString formatValue(Unit unit, double value);
    [[nodiscard]] static Column capexColumn(int category) { return static_cast<Column>(CapexComputeUsd + category); }
    [[nodiscard]] static Column opexColumn(int category) { return static_cast<Column>(OpexEnergyUsd + category); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void siteChanged(int siteIndex);

private:
    void rebuild();

    std::shared_ptr<const SolvedScenario> m_solved;
    ResultBreakdown m_breakdown;
    int m_site = -1;
    QString m_siteName;
    int m_rows = 0;
    std::vector<Eigen::ArrayXd> m_columns;
};

} // namespace cp
