#include "optimize/frontierchart.h"

#include "charts/axisscale.h"
#include "charts/chartpalette.h"
#include "format/units.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace cp::views {

namespace {

constexpr double kMargin = 14;
constexpr double kTitleHeight = 22;
constexpr double kSubtitleHeight = 20;
constexpr double kAxisHeight = 24;
constexpr double kLegendHeight = 22;

QColor frontierColor()
{
    return QColor(0x2f, 0x6d, 0xb5);
}

QColor currentColor()
{
    return QColor(0xd9, 0x6b, 0x1a);
}

// "$3.275B" on an axis whose ticks are `step` apart: the scale of the largest value, and the
// decimals that tell ticks apart (so neighbouring ticks never read the same).
QString tickLabel(double usd, double step, double largest)
{
    const double divisor = largest >= 1e9 ? 1e9 : largest >= 1e6 ? 1e6 : largest >= 1e3 ? 1e3 : 1.0;
    const QString suffix = divisor == 1e9 ? QStringLiteral("B") : divisor == 1e6 ? QStringLiteral("M")
                                                                  : divisor == 1e3 ? QStringLiteral("k") : QString();
    int decimals = 0;
    const double scaled = step / divisor;
    while (decimals < 4 && std::abs(scaled * std::pow(10.0, decimals) - std::round(scaled * std::pow(10.0, decimals))) > 1e-6)
        ++decimals;
    const QString number = QLocale::c().toString(std::abs(usd) / divisor, 'f', decimals);
    return (usd < 0 ? QStringLiteral("\u2212$") : QStringLiteral("$")) + number + suffix;
}

void drawDiamond(QPainter &painter, const QPointF &at, double r)
{
    QPainterPath path;
    path.moveTo(at.x(), at.y() - r);
    path.lineTo(at.x() + r, at.y());
    path.lineTo(at.x(), at.y() + r);
    path.lineTo(at.x() - r, at.y());
    path.closeSubpath();
    painter.drawPath(path);
}

} // namespace

FrontierChart::FrontierChart(QWidget *parent)
    : ChartWidget(parent)
{
    setMouseTracking(true);
    setMinimumHeight(200);
}

QString FrontierChart::bestSeriesName()
{
    return tr("Best plan for each goal month");
}

QString FrontierChart::currentSeriesName()
{
    return tr("Current plan, as written");
}

QString FrontierChart::title() const
{
    return m_net ? tr("Most NPV of net cash flow by goal month") : tr("Least NPV of costs by goal month");
}

QString FrontierChart::valueName() const
{
    return m_net ? tr("NPV of net cash flow") : tr("NPV of costs");
}

void FrontierChart::setFrontier(std::vector<Point> points, bool net)
{
    std::sort(points.begin(), points.end(), [](const Point &a, const Point &b) { return a.month < b.month; });
    m_points = std::move(points);
    m_net = net;
    updateRange();
}

void FrontierChart::setGoal(std::optional<int> month)
{
    m_goal = month;
    update();
}

void FrontierChart::setCurrentPlan(std::optional<int> fullPowerMonth, std::optional<double> usd)
{
    m_currentMonth = fullPowerMonth;
    m_currentUsd = usd;
    updateRange();
}

void FrontierChart::clear()
{
    m_points.clear();
    m_goal.reset();
    m_currentMonth.reset();
    m_currentUsd.reset();
    updateRange();
}

void FrontierChart::updateRange()
{
    std::optional<int> first, last;
    const auto include = [&](int month) {
        first = first ? std::min(*first, month) : month;
        last = last ? std::max(*last, month) : month;
    };
    for (const Point &p : m_points)
        include(p.month);
    if (m_currentMonth && m_currentUsd)
        include(*m_currentMonth);
    m_offset = first.value_or(0);
    setFullRange(-0.5, (last ? *last - m_offset : 0) + 0.5);
    update();
}

const FrontierChart::Point *FrontierChart::pointAt(int month) const
{
    const auto it = std::find_if(m_points.begin(), m_points.end(), [month](const Point &p) { return p.month == month; });
    return it == m_points.end() ? nullptr : &*it;
}

QString FrontierChart::changeText(double earlierUsd, double laterUsd) const
{
    const double more = earlierUsd - laterUsd; // what the earlier goal adds to the value plotted
    if (std::abs(more) < 0.5) // the same plan, or one as good, meets both goals
        return m_net ? tr("earns the same") : tr("costs the same");
    if (!m_net)
        return more >= 0 ? tr("costs %1 more").arg(format::usd(more)) : tr("costs %1 less").arg(format::usd(-more));
    return more >= 0 ? tr("earns %1 more").arg(format::usd(more)) : tr("earns %1 less").arg(format::usd(-more));
}

QString FrontierChart::summary() const
{
    if (m_points.empty())
        return tr("The best plan for every goal month shows here after Optimize with \u201cFrontier\u201d ticked.");
    // About the goal asked for when it is on the frontier, else the first month that differs.
    const Point *at = m_goal ? pointAt(*m_goal) : nullptr;
    const Point *before = at ? pointAt(at->month - 1) : nullptr;
    if (at && at->usd && before && before->usd)
        return tr("Full power by %1 instead of %2 %3 (%4 at best).")
            .arg(format::monthLabel(before->month), format::monthLabel(at->month), changeText(*before->usd, *at->usd),
                 format::usd(*before->usd));
    if (at && at->usd)
        return tr("%1 is the earliest goal any plan reaches: %2 at best.").arg(format::monthLabel(at->month), format::usd(*at->usd));
    const Point &firstPoint = m_points.front();
    const Point &lastPoint = m_points.back();
    if (firstPoint.usd && lastPoint.usd && firstPoint.month != lastPoint.month)
        return tr("Full power by %1 instead of %2 %3.")
            .arg(format::monthLabel(firstPoint.month), format::monthLabel(lastPoint.month),
                 changeText(*firstPoint.usd, *lastPoint.usd));
    return tr("One goal month on the frontier.");
}

QStringList FrontierChart::seriesNames() const
{
    QStringList names{bestSeriesName()};
    if (m_currentMonth && m_currentUsd)
        names << currentSeriesName();
    return names;
}

QList<QPointF> FrontierChart::seriesPoints(const QString &name) const
{
    QList<QPointF> out;
    if (name == bestSeriesName()) {
        for (const Point &p : m_points)
            if (p.usd)
                out.append(QPointF(p.month, *p.usd));
    } else if (name == currentSeriesName() && m_currentMonth && m_currentUsd) {
        out.append(QPointF(*m_currentMonth, *m_currentUsd));
    }
    return out;
}

QString FrontierChart::hoverText(int x) const
{
    const int month = m_offset + x;
    QStringList lines;
    if (const Point *p = pointAt(month)) {
        lines << tr("<b>Full power by %1</b>").arg(format::monthLabel(month));
        if (!p->usd) {
            lines << tr("No plan reaches it");
        } else {
            lines << tr("Best %1: %2").arg(valueName(), format::usd(*p->usd));
            if (const Point *next = pointAt(month + 1); next && next->usd)
                lines << tr("%1 than by %2").arg(changeText(*p->usd, *next->usd), format::monthLabel(month + 1));
        }
    }
    if (m_currentMonth && m_currentUsd && *m_currentMonth == month)
        lines << tr("<b>Current plan</b>: full power %1, %2 %3")
                     .arg(format::monthLabel(month), valueName(), format::usd(*m_currentUsd));
    return lines.join(QStringLiteral("<br>"));
}

FrontierChart::Layout FrontierChart::layoutFor(const QSizeF &size) const
{
    Layout layout;
    layout.size = size;
    const double left = kMargin + 64; // tick labels such as "$3.275B"
    const double top = kMargin + kTitleHeight + kSubtitleHeight + 6;
    const double bottom = kAxisHeight + kLegendHeight + kMargin;
    layout.plot = QRectF(left, top, std::max(40.0, size.width() - left - kMargin - 8),
                         std::max(40.0, size.height() - top - bottom));
    return layout;
}

void FrontierChart::paint(QPainter &painter, const Layout &layout) const
{
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(QRectF(QPointF(0, 0), layout.size), Qt::white);
    QFont titleFont;
    titleFont.setPixelSize(15);
    titleFont.setBold(true);
    QFont font;
    font.setPixelSize(12);
    QFont small;
    small.setPixelSize(11);
    const QColor ink = palette::role(palette::Role::Axis).darker(160);
    const QColor axis = palette::role(palette::Role::Axis);
    const double width = layout.size.width() - 2 * kMargin;

    painter.setFont(titleFont);
    painter.setPen(ink);
    painter.drawText(QRectF(kMargin, kMargin, width, kTitleHeight), Qt::AlignLeft | Qt::AlignVCenter, title());
    painter.setFont(font);
    painter.setPen(axis);
    painter.drawText(QRectF(kMargin, kMargin + kTitleHeight, width, kSubtitleHeight), Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetricsF(font).elidedText(summary(), Qt::ElideRight, width));

    const QRectF plot = layout.plot;
    double lo = 0, hi = 0;
    bool any = false;
    const auto include = [&](double v) {
        lo = any ? std::min(lo, v) : v;
        hi = any ? std::max(hi, v) : v;
        any = true;
    };
    for (const Point &p : m_points)
        if (p.usd)
            include(*p.usd);
    if (m_currentMonth && m_currentUsd)
        include(*m_currentUsd);
    if (!any) {
        painter.setPen(axis);
        painter.drawRect(plot);
        painter.drawText(plot, Qt::AlignCenter, tr("No frontier yet."));
        return;
    }
    // The axis spans the data with a margin; a flat frontier gets a band of 1% around it.
    double spread = hi - lo;
    if (!(spread > std::abs(hi) * 1e-6))
        spread = std::max(std::abs(hi) * 0.01, 1e5);
    lo -= spread * 0.12;
    hi += spread * 0.12;
    const ValueScale scale = valueScale(hi - lo, AxisUnit::Usd, std::max(2, static_cast<int>(plot.height() / 32)));
    const double step = scale.ticks.size() > 1 ? scale.ticks[1].value : hi - lo;
    const double first = visibleFirst(), last = visibleLast();
    const auto xOf = [&](double x) { return plot.left() + (x - first) / (last - first) * plot.width(); };
    const auto yOf = [&](double usd) { return plot.bottom() - (usd - lo) / (hi - lo) * plot.height(); };

    painter.setFont(small);
    const double largest = std::max(std::abs(lo), std::abs(hi));
    if (std::isfinite(step) && step > 0) {
        int drawn = 0;
        for (double t = std::ceil(lo / step) * step; t <= hi && drawn < 20; t += step, ++drawn) {
            const double y = yOf(t);
            painter.setPen(palette::role(palette::Role::Grid));
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
            painter.setPen(axis);
            painter.drawText(QRectF(kMargin, y - 8, plot.left() - kMargin - 6, 16), Qt::AlignRight | Qt::AlignVCenter,
                             tickLabel(t, step, largest));
        }
    }
    const int maxLabels = std::max(2, static_cast<int>(plot.width() / 64));
    for (const AxisTick &tick : monthTicks(first, last, m_offset, maxLabels)) {
        const double x = xOf(tick.value);
        painter.setPen(palette::role(palette::Role::Grid));
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        painter.setPen(axis);
        painter.drawText(QRectF(x - 40, plot.bottom() + 4, 80, kAxisHeight - 6), Qt::AlignHCenter | Qt::AlignTop, tick.label);
    }
    painter.setPen(QPen(axis, 1.0));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(plot);

    painter.save();
    painter.setClipRect(plot.adjusted(-6, -6, 6, 6));
    // The frontier: a line through the months some plan reaches, a dot at each.
    QPolygonF line;
    const auto flush = [&] {
        if (line.size() > 1) {
            painter.setPen(QPen(frontierColor(), 2.0));
            painter.drawPolyline(line);
        }
        line.clear();
    };
    for (const Point &p : m_points) {
        if (!p.usd) {
            flush();
            continue;
        }
        line << QPointF(xOf(p.month - m_offset), yOf(*p.usd));
    }
    flush();
    const double pixelsPerMonth = plot.width() / std::max(1e-9, last - first);
    const double dot = std::clamp(pixelsPerMonth / 4, 1.5, 3.5);
    painter.setPen(Qt::NoPen);
    painter.setBrush(frontierColor());
    for (const Point &p : m_points)
        if (p.usd)
            painter.drawEllipse(QPointF(xOf(p.month - m_offset), yOf(*p.usd)), dot, dot);
    painter.restore();

    // Labels beside a marked point, turned to the side with room.
    const auto label = [&](const QPointF &at, const QString &text, const QColor &color, bool above) {
        painter.setFont(font);
        const QFontMetricsF metrics(font);
        const double w = metrics.horizontalAdvance(text) + 6;
        double x = at.x() + 8;
        if (x + w > plot.right())
            x = at.x() - 8 - w;
        x = std::max(plot.left() + 2, x);
        double y = above ? at.y() - 22 : at.y() + 6;
        y = std::clamp(y, plot.top() + 2, plot.bottom() - 18);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(255, 255, 255, 220));
        painter.drawRect(QRectF(x, y, w, 16));
        painter.setPen(color.darker(130));
        painter.drawText(QRectF(x + 3, y, w, 16), Qt::AlignLeft | Qt::AlignVCenter, text);
    };
    const auto visible = [&](int month) { return month - m_offset >= first && month - m_offset <= last; };
    if (const Point *goal = m_goal ? pointAt(*m_goal) : nullptr; goal && goal->usd && visible(goal->month)) {
        const QPointF at(xOf(goal->month - m_offset), yOf(*goal->usd));
        painter.setPen(QPen(frontierColor().darker(140), 2.0));
        painter.setBrush(Qt::white);
        painter.drawEllipse(at, 6.0, 6.0);
        painter.setBrush(frontierColor());
        painter.drawEllipse(at, 3.0, 3.0);
        label(at, tr("Goal %1: %2").arg(format::monthLabel(goal->month), format::usd(*goal->usd)), frontierColor(), false);
    }
    if (m_currentMonth && m_currentUsd && visible(*m_currentMonth)) {
        const QPointF at(xOf(*m_currentMonth - m_offset), yOf(*m_currentUsd));
        painter.setPen(QPen(currentColor().darker(130), 1.5));
        painter.setBrush(currentColor());
        drawDiamond(painter, at, 6.5);
        label(at, tr("Current plan: %1, full power %2").arg(format::usd(*m_currentUsd), format::monthLabel(*m_currentMonth)),
              currentColor(), true);
    }

    // Legend under the axis.
    painter.setFont(small);
    const double ly = plot.bottom() + kAxisHeight + kLegendHeight / 2;
    double lx = plot.left();
    painter.setPen(Qt::NoPen);
    painter.setBrush(frontierColor());
    painter.drawEllipse(QPointF(lx + 5, ly), 3.5, 3.5);
    painter.setPen(ink);
    const QString bestText = tr("%1 (%2, y axis)").arg(bestSeriesName(), valueName());
    painter.drawText(QRectF(lx + 14, ly - 8, QFontMetricsF(small).horizontalAdvance(bestText) + 4, 16),
                     Qt::AlignLeft | Qt::AlignVCenter, bestText);
    lx += 14 + QFontMetricsF(small).horizontalAdvance(bestText) + 24;
    if (m_currentMonth && m_currentUsd) {
        painter.setPen(QPen(currentColor().darker(130), 1.0));
        painter.setBrush(currentColor());
        drawDiamond(painter, QPointF(lx + 5, ly), 5);
        painter.setPen(ink);
        painter.drawText(QRectF(lx + 14, ly - 8, layout.size.width() - lx - 14 - kMargin, 16), Qt::AlignLeft | Qt::AlignVCenter,
                         tr("%1 (at its own full-power month)").arg(currentSeriesName()));
    }
}

void FrontierChart::renderChart(QPainter &painter, const QRectF &target, const QSizeF &layoutSize)
{
    painter.translate(target.topLeft());
    painter.scale(target.width() / layoutSize.width(), target.height() / layoutSize.height());
    painter.setClipRect(QRectF(QPointF(0, 0), layoutSize));
    paint(painter, layoutFor(layoutSize));
}

void FrontierChart::paintEvent(QPaintEvent *)
{
    m_screen = layoutFor(QSizeF(size()));
    QPainter painter(this);
    paint(painter, m_screen);
}

void FrontierChart::mouseMoveEvent(QMouseEvent *event)
{
    const QRectF plot = m_screen.plot;
    if (!plot.contains(event->position())) {
        QToolTip::hideText();
        return;
    }
    const double x = visibleFirst() + (event->position().x() - plot.left()) / plot.width() * (visibleLast() - visibleFirst());
    const QString text = hoverText(static_cast<int>(std::lround(x)));
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

void FrontierChart::wheelEvent(QWheelEvent *event)
{
    const QRectF plot = m_screen.plot;
    if (plot.width() <= 0)
        return;
    const double anchor
        = visibleFirst() + (event->position().x() - plot.left()) / plot.width() * (visibleLast() - visibleFirst());
    zoom(event->angleDelta().y() > 0 ? 1.25 : 0.8, anchor);
    event->accept();
}

void FrontierChart::mouseDoubleClickEvent(QMouseEvent *)
{
    resetZoom();
}

} // namespace cp::views
