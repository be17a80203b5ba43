#include "charts/seriespoints.h"

#include <algorithm>

namespace cp::views {

QList<QPointF> columnPoints(const ResultSeriesModel &model, ResultSeriesModel::Column column)
{
    QList<QPointF> points;
    points.reserve(model.rowCount());
    for (int row = 0; row < model.rowCount(); ++row)
        points.append(QPointF(row, model.value(row, column)));
    return points;
}

double maxY(const QList<QPointF> &points)
{
    double max = 0.0;
    for (const QPointF &p : points)
        max = std::max(max, p.y());
    return max;
}

} // namespace cp::views
