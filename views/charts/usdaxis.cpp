#include "charts/usdaxis.h"

#include "charts/axisscale.h"
#include "charts/chartpalette.h"
#include "format/units.h"

#include <QPainter>

namespace cp::views {

void drawUsdAxis(QPainter &painter, const QRectF &plot, double lo, double hi, double labelHeight,
                 const std::function<double(double)> &xOf)
{
    for (const double t : spanTicks(lo, hi, 5)) {
        const double x = xOf(t);
        painter.setPen(palette::role(palette::Role::Grid));
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        painter.setPen(palette::role(palette::Role::Axis));
        painter.drawText(QRectF(x - 50, plot.bottom() + 4, 100, labelHeight - 6), Qt::AlignHCenter | Qt::AlignTop,
                         format::usd(t));
    }
}

} // namespace cp::views
