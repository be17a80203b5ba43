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

QList<QPointF> stepPoints(const QList<QPointF> &points)
{
    QList<QPointF> steps;
    steps.reserve(2 * points.size());
    for (qsizetype i = 0; i < points.size(); ++i) {
        const double x = points[i].x();
        const double from = i == 0 ? x : (points[i - 1].x() + x) / 2.0;
        const double to = i + 1 == points.size() ? x : (x + points[i + 1].x()) / 2.0;
        steps << QPointF(from, points[i].y());
        if (to != from)
            steps << QPointF(to, points[i].y());
    }
    return steps;
}

} // namespace cp::views
