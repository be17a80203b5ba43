#pragma once

#include "charts/timeserieschart.h"

namespace cp {
class ResultPowerModel;
class ResultSeriesModel;
} // namespace cp

namespace cp::views {

// Firm MW by power source (or by kind) as stacked areas, against the facility load the
// sources supply and, dashed, the load every delivered accelerator would draw: where the stack
// sits below the dashed line, accelerators wait for power. Split by site, country or region
// (setGroups), the stack is each group's facility load instead, under the firm power as a line.
class PowerChart final : public TimeSeriesChart
{
    Q_OBJECT

public:
    PowerChart(ResultPowerModel *power, ResultSeriesModel *series, QWidget *parent = nullptr);

    [[nodiscard]] QString hoverText(int month) const override;
    [[nodiscard]] static QString facilityLoadName();
    [[nodiscard]] static QString loadNeededName();
    [[nodiscard]] static QString firmPowerName(); // the portfolio's, a line when the load is split by site

protected:
    void rebuild() override;

private:
    ResultPowerModel *m_power;
    ResultSeriesModel *m_series;
};

} // namespace cp::views
