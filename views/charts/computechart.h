#pragma once

#include "charts/timeserieschart.h"

namespace cp {
class ResultSeriesModel;
}

namespace cp::views {

// Dense BF16 compute online (energized accelerators x their TFLOPS), in PFLOPS or EFLOPS.
class ComputeChart final : public TimeSeriesChart
{
    Q_OBJECT

public:
    explicit ComputeChart(ResultSeriesModel *series, QWidget *parent = nullptr);

    [[nodiscard]] QString hoverText(int month) const override;
    [[nodiscard]] static QString computeName();

protected:
    void rebuild() override;

private:
    ResultSeriesModel *m_series;
};

} // namespace cp::views
