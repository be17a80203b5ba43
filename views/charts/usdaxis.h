#pragma once

#include <QRectF>

#include <functional>

class QPainter;

namespace cp::views {

// The dollar axis under a hand-painted horizontal bar chart (tornado, waterfall): round ticks
// over lo..hi (spanTicks: bounded in number whatever the values), each a grid line across `plot`
// and a dollar label in the `labelHeight` below it. `xOf` maps dollars to x. Uses the painter's font.
void drawUsdAxis(QPainter &painter, const QRectF &plot, double lo, double hi, double labelHeight,
                 const std::function<double(double)> &xOf);

} // namespace cp::views
