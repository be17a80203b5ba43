#include "report/yearlysection.h"

#include "analysis/solvedscenario.h"
#include "analysis/yearlytotals.h"
#include "format/units.h"
#include "report/reportdocument.h"
#include "report/tableblock.h"

#include <array>

namespace cp::report {

void appendYearlyTable(ReportDocument &document, const SolvedScenario &solved, int fiscalYearStartMonth)
{
    const solver::Result &result = solved.result;
    const std::vector<YearTotals> years = yearlyTotals(result.monthly, result.startMonth, fiscalYearStartMonth);
    if (years.empty())
        return;
    document.heading2(fiscalYearStartMonth == 1 ? QStringLiteral("Capex and opex by year")
                                                : QStringLiteral("Capex and opex by fiscal year"));

    // A category column only when the plan pays anything in it: a cloud-partner plan's table is
    // not a row of zeros.
    const solver::Kpis &k = result.kpis;
    std::vector<int> capexColumns;
    std::vector<int> opexColumns;
    for (int c = 0; c < solver::kCapexCategories; ++c)
        if (k.capexByCategory[static_cast<std::size_t>(c)] != 0.0)
            capexColumns.push_back(c);
    for (int c = 0; c < solver::kOpexCategories; ++c)
        if (k.opexByCategory[static_cast<std::size_t>(c)] != 0.0)
            opexColumns.push_back(c);

    std::vector<TableColumn> columns {{QStringLiteral("Year"), Qt::AlignLeft, false},
                                      {QStringLiteral("Months"), Qt::AlignLeft, false}};
    for (int c : capexColumns)
        columns.push_back({QLatin1String(kCapexCategoryLabels[static_cast<std::size_t>(c)]), Qt::AlignRight, false});
    columns.push_back({QStringLiteral("Capex"), Qt::AlignRight, false});
    for (int c : opexColumns)
        columns.push_back({QLatin1String(kOpexCategoryLabels[static_cast<std::size_t>(c)]), Qt::AlignRight, false});
    columns.push_back({QStringLiteral("Opex"), Qt::AlignRight, false});
    if (k.returnsStated)
        columns.push_back({QStringLiteral("Net cash flow"), Qt::AlignRight, false});
    TableBlock &table = document.table(std::move(columns));
    table.setZebra(true);

    auto addRow = [&](const YearTotals &y, const QString &year, TableBlock::RowKind kind) {
        QStringList row {year, format::monthLabel(y.firstMonth) + QStringLiteral(" \u2013 ") + format::monthLabel(y.lastMonth)};
        for (int c : capexColumns)
            row << format::usd(y.capexUsd[static_cast<std::size_t>(c)]);
        row << format::usd(y.capexTotalUsd);
        for (int c : opexColumns)
            row << format::usd(y.opexUsd[static_cast<std::size_t>(c)]);
        row << format::usd(y.opexTotalUsd);
        if (k.returnsStated)
            row << format::usd(y.netCashFlowUsd);
        table.addRow(row, kind);
    };
    const QString prefix = QLatin1String(yearPrefix(fiscalYearStartMonth));
    for (const YearTotals &y : years)
        addRow(y, prefix + QString::number(y.fiscalYear), TableBlock::RowKind::Body);
    // The plan's own totals, so the table ties out to the summary above.
    YearTotals total;
    total.firstMonth = years.front().firstMonth;
    total.lastMonth = years.back().lastMonth;
    total.capexUsd = k.capexByCategory;
    total.opexUsd = k.opexByCategory;
    total.capexTotalUsd = k.totalCapexUsd;
    total.opexTotalUsd = k.totalOpexUsd;
    total.netCashFlowUsd = result.monthly.netCashFlowUsd.sum();
    addRow(total, QStringLiteral("Total"), TableBlock::RowKind::Total);
    document.small(QStringLiteral("Payments in the months they are paid: a deposit in its order month, the rest on "
                                  "delivery or handover. A partial year at either end counts only the plan's months. "
                                  "clusterplan-cli solve --yearly-csv writes this table to the cent."));
}

} // namespace cp::report
