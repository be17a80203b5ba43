#pragma once

#include "itemmodels/resultseriesmodel.h"

#include <QList>
#include <QPointF>

// Reading a result model's column as chart points (x = plan month), shared by the charts.
namespace cp::views {

[[nodiscard]] QList<QPointF> columnPoints(const ResultSeriesModel &model, ResultSeriesModel::Column column);
[[nodiscard]] double maxY(const QList<QPointF> &points); // 0 for none
// One point per month as a staircase: month i flat from halfway after the month before to halfway
// to the next (the first and last end at their own x), so changes land between months.
[[nodiscard]] QList<QPointF> stepPoints(const QList<QPointF> &points);

} // namespace cp::views
