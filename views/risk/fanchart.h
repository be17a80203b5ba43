#pragma once

#include "charts/axisscale.h"
#include "charts/timeserieschart.h"
#include "solver/risk.h"

#include <Eigen/Core>

namespace cp::views {

// A fan chart of a risk run: the P10-P90 band shaded, the P50 line, and the deterministic plan
// as a dashed line, over the plan's months. Used for energized accelerators and for cumulative
// spend.
class FanChart final : public TimeSeriesChart
{
    Q_OBJECT

public:
    FanChart(const QString &title, AxisUnit unit, const QString &valueTitle, QWidget *parent = nullptr);

    // `plan` is the deterministic solve's series (same months as the bands).
    void setBands(const solver::FanBands &bands, const Eigen::ArrayXd &plan, int startMonth);
    void clear();

    [[nodiscard]] QString hoverText(int month) const override;
    [[nodiscard]] static QString bandName();
    [[nodiscard]] static QString medianName();
    [[nodiscard]] static QString planName();

protected:
    void rebuild() override;

private:
    [[nodiscard]] QString valueText(double value) const;

    AxisUnit m_unit;
    QString m_valueTitle;
    solver::FanBands m_bands;
    Eigen::ArrayXd m_plan;
    int m_startMonth = 0;
};

} // namespace cp::views
