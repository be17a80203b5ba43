#pragma once

#include "charts/timeserieschart.h"

namespace cp {
class ResultSeriesModel;
}

namespace cp::views {

// When the money goes out, in three panels on one month axis, each on its own scale: capex per
// month by category as stacked bars; opex per month as bars (a month of GPUs is a hundred times
// a month's opex: on one scale opex would be a line of pixels); and the running total of capex
// and opex as a line. The tooltip gives the month's figures with their units.
class SpendChart final : public TimeSeriesChart
{
    Q_OBJECT

public:
    explicit SpendChart(ResultSeriesModel *series, QWidget *parent = nullptr);

    [[nodiscard]] QString hoverText(int month) const override;
    [[nodiscard]] static QString categoryName(int capexCategory); // "Compute", "Facility", ...
    [[nodiscard]] static QString opexName();
    [[nodiscard]] static QString cumulativeName();
    [[nodiscard]] QSizeF preferredRenderSize(double width) const override; // taller: three panels

protected:
    void rebuild() override;

private:
    ResultSeriesModel *m_series;
    int m_opexPanel = 0;
    int m_cumulativePanel = 0;
};

} // namespace cp::views
