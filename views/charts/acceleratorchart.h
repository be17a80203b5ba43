#pragma once

#include "charts/timeserieschart.h"

namespace cp {
class ResultSeriesModel;
}

namespace cp::views {

// Accelerators delivered against energized; the gap between them, shaded, is what stands idle
// (stranded). The tooltip tells the capital tied up in it: idle accelerators x their unit capex.
class AcceleratorChart final : public TimeSeriesChart
{
    Q_OBJECT

public:
    explicit AcceleratorChart(ResultSeriesModel *series, QWidget *parent = nullptr);

    [[nodiscard]] QString hoverText(int month) const override;
    [[nodiscard]] static QString energizedName();
    [[nodiscard]] static QString strandedName();
    [[nodiscard]] static QString deliveredName();
    [[nodiscard]] static QString plannedName();

protected:
    void rebuild() override;

private:
    ResultSeriesModel *m_series;
};

} // namespace cp::views
