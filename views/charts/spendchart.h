#pragma once

#include "charts/timeserieschart.h"

namespace cp {
class ResultSeriesModel;
}

namespace cp::views {

// When the money goes out: capex per month by category as stacked bars with the month's opex
// on top (left axis), and the running total of capex and opex as a line (right axis).
class SpendChart final : public TimeSeriesChart
{
    Q_OBJECT

public:
    explicit SpendChart(ResultSeriesModel *series, QWidget *parent = nullptr);

    [[nodiscard]] QString hoverText(int month) const override;
    [[nodiscard]] static QString categoryName(int capexCategory); // "Compute", "Facility", ...
    [[nodiscard]] static QString opexName();
    [[nodiscard]] static QString cumulativeName();

protected:
    void rebuild() override;

private:
    ResultSeriesModel *m_series;
};

} // namespace cp::views
