#pragma once

#include "charts/timeserieschart.h"
#include "itemmodels/resultoverlaymodel.h"

namespace cp::views {

// One metric of several scenarios on one calendar, a line per scenario (the baseline first,
// drawn heavier): energized accelerators, cumulative spend or facility load.
class ComparisonChart final : public TimeSeriesChart
{
    Q_OBJECT

public:
    ComparisonChart(ResultOverlayModel *overlay, ResultOverlayModel::Metric metric, QWidget *parent = nullptr);

    [[nodiscard]] QString hoverText(int month) const override;
    // The legend name of a scenario's line (names repeat when a scenario is compared with itself).
    [[nodiscard]] QString lineName(int scenario) const;

protected:
    void rebuild() override;

private:
    ResultOverlayModel *m_overlay;
    ResultOverlayModel::Metric m_metric;
};

} // namespace cp::views
