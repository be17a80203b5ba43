#pragma once

#include "analysis/yearlytotals.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace cp {

struct SolvedScenario;

// Capex and opex by year (models/analysis/yearlytotals.h) as a table for the Spend tab: a row per
// calendar or fiscal year of the portfolio or of one site, then a total row; columns: year,
// months, the capex categories and capex, the opex categories and opex, and the net cash flow
// when the plan states returns.
//
// Roles: roles::NumberRole the USD, Qt::DisplayRole as read ("$1.20B").
class YearlyTotalsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Year,
        Months,
        CapexFirst, // solver::kCapexCategories columns in CapexCategory order
        Capex = CapexFirst + solver::kCapexCategories,
        OpexFirst, // solver::kOpexCategories columns in OpexCategory order
        Opex = OpexFirst + solver::kOpexCategories,
        NetCashFlow,
        ColumnCount
    };

    explicit YearlyTotalsModel(QObject *parent = nullptr);

    void setSolved(std::shared_ptr<const SolvedScenario> solved);
    void setSite(int siteIndex);                      // -1: the portfolio
    void setFiscalYearStartMonth(int month1to12);     // 1: calendar years
    [[nodiscard]] int fiscalYearStartMonth() const { return m_fiscalYearStart; }
    [[nodiscard]] int yearCount() const { return static_cast<int>(m_years.size()); } // rows before the total row
    // No amount in the column in any year (a cloud-partner plan's capex), or no returns for the net column.
    [[nodiscard]] bool isColumnEmpty(int column) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuild();
    [[nodiscard]] double amount(const YearTotals &year, int column) const;

    std::shared_ptr<const SolvedScenario> m_solved;
    int m_site = -1;
    int m_fiscalYearStart = 1;
    bool m_returns = false;
    std::vector<YearTotals> m_years;
    YearTotals m_total; // the sum of the years
};

} // namespace cp
