#include "itemmodels/yearlytotalsmodel.h"

#include "analysis/solvedscenario.h"
#include "format/units.h"
#include "itemmodels/itemroles.h"

#include <QFont>

#include <algorithm>
#include <cmath>

namespace cp {

YearlyTotalsModel::YearlyTotalsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void YearlyTotalsModel::setSolved(std::shared_ptr<const SolvedScenario> solved)
{
    beginResetModel();
    m_solved = (solved && solved->ok()) ? std::move(solved) : nullptr;
    if (m_solved && m_site >= static_cast<int>(m_solved->result.sites.size()))
        m_site = -1;
    rebuild();
    endResetModel();
}

void YearlyTotalsModel::setSite(int siteIndex)
{
    if (siteIndex == m_site)
        return;
    beginResetModel();
    m_site = siteIndex;
    rebuild();
    endResetModel();
}

void YearlyTotalsModel::setFiscalYearStartMonth(int month1to12)
{
    const int month = std::clamp(month1to12, 1, 12);
    if (month == m_fiscalYearStart)
        return;
    beginResetModel();
    m_fiscalYearStart = month;
    rebuild();
    endResetModel();
}

void YearlyTotalsModel::rebuild()
{
    m_years.clear();
    m_total = YearTotals {};
    m_returns = false;
    if (!m_solved)
        return;
    const solver::Result &result = m_solved->result;
    m_returns = result.kpis.returnsStated;
    if (m_site >= 0 && m_site < static_cast<int>(result.sites.size()))
        m_years = yearlyTotals(result.sites[static_cast<std::size_t>(m_site)].monthly(), result.startMonth,
                               m_fiscalYearStart);
    else
        m_years = yearlyTotals(result.monthly, result.startMonth, m_fiscalYearStart);
    if (m_years.empty())
        return;
    m_total.firstMonth = m_years.front().firstMonth;
    m_total.lastMonth = m_years.back().lastMonth;
    for (const YearTotals &y : m_years) {
        for (std::size_t c = 0; c < y.capexUsd.size(); ++c)
            m_total.capexUsd[c] += y.capexUsd[c];
        for (std::size_t c = 0; c < y.opexUsd.size(); ++c)
            m_total.opexUsd[c] += y.opexUsd[c];
        m_total.capexTotalUsd += y.capexTotalUsd;
        m_total.opexTotalUsd += y.opexTotalUsd;
        m_total.netCashFlowUsd += y.netCashFlowUsd;
    }
}

double YearlyTotalsModel::amount(const YearTotals &year, int column) const
{
    if (column >= CapexFirst && column < Capex)
        return year.capexUsd[static_cast<std::size_t>(column - CapexFirst)];
    if (column == Capex)
        return year.capexTotalUsd;
    if (column >= OpexFirst && column < Opex)
        return year.opexUsd[static_cast<std::size_t>(column - OpexFirst)];
    if (column == Opex)
        return year.opexTotalUsd;
    if (column == NetCashFlow)
        return year.netCashFlowUsd;
    return std::nan("");
}

bool YearlyTotalsModel::isColumnEmpty(int column) const
{
    if (column == Year || column == Months)
        return false;
    if (column == NetCashFlow && !m_returns)
        return true;
    if (column == Capex || column == Opex)
        return false;
    for (const YearTotals &y : m_years)
        if (amount(y, column) != 0.0)
            return false;
    return true;
}

int YearlyTotalsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_years.empty() ? 0 : static_cast<int>(m_years.size()) + 1;
}

int YearlyTotalsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant YearlyTotalsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const bool totalRow = index.row() == static_cast<int>(m_years.size());
    const YearTotals &y = totalRow ? m_total : m_years[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(column <= Months ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::FontRole && totalRow) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (column == Year) {
        if (role != Qt::DisplayRole)
            return {};
        return totalRow ? tr("Total") : QLatin1String(yearPrefix(m_fiscalYearStart)) + QString::number(y.fiscalYear);
    }
    if (column == Months) {
        if (role != Qt::DisplayRole)
            return {};
        QString text = format::monthLabel(y.firstMonth) + QStringLiteral(" \u2013 ") + format::monthLabel(y.lastMonth);
        if (!totalRow && y.partial)
            text += tr(" (%n months)", nullptr, y.lastMonth - y.firstMonth + 1);
        return text;
    }
    const double usd = amount(y, column);
    if (role == roles::NumberRole)
        return usd;
    if (role == Qt::DisplayRole)
        return format::usd(usd);
    return {};
}

QVariant YearlyTotalsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == Year)
        return m_fiscalYearStart == 1 ? tr("Year") : tr("Fiscal year");
    if (section == Months)
        return tr("Months");
    if (section >= CapexFirst && section < Capex)
        return tr("%1 capex").arg(QLatin1String(kCapexCategoryLabels[static_cast<std::size_t>(section - CapexFirst)]));
    if (section == Capex)
        return tr("Capex");
    if (section >= OpexFirst && section < Opex)
        return QLatin1String(kOpexCategoryLabels[static_cast<std::size_t>(section - OpexFirst)]);
    if (section == Opex)
        return tr("Opex");
    if (section == NetCashFlow)
        return tr("Net cash flow");
    return {};
}

} // namespace cp
