#pragma once

#include "itemmodels/resultseriesmodel.h"

#include <QList>
#include <QPointF>

// Reading a result model's column as chart points (x = plan month), shared by the charts.
namespace cp::views {

[[nodiscard]] QList<QPointF> columnPoints(const ResultSeriesModel &model, ResultSeriesModel::Column column);
[[nodiscard]] double maxY(const QList<QPointF> &points); // 0 for none

} // namespace cp::views
