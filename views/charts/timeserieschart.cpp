#include "charts/timeserieschart.h"

#include "charts/chartpalette.h"
#include "charts/seriespoints.h"

#include <QAbstractItemModel>
#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QFontMetricsF>
#include <QGraphicsLineItem>
#include <QKeyEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace cp::views {

namespace {

QFont pixelFont(int pixels, bool bold = false)
{
    QFont font;
    font.setPixelSize(pixels); // pixel sizes scale with the layout, so text keeps its size in PDFs
    font.setBold(bold);
    return font;
}

void styleValueAxis(QCategoryAxis *axis)
{
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setLabelsFont(pixelFont(11));
    axis->setLabelsColor(palette::role(palette::Role::Axis));
    axis->setTitleFont(pixelFont(12));
    axis->setTitleBrush(palette::role(palette::Role::Axis));
    axis->setGridLineColor(palette::role(palette::Role::Grid));
    axis->setLinePenColor(palette::role(palette::Role::Grid));
    axis->setMinorGridLineVisible(false);
    axis->setShadesVisible(false);
}

void replaceTicks(QCategoryAxis *axis, const std::vector<AxisTick> &ticks)
{
    // Every change to a category axis lays it out again: leave it alone when nothing changes.
    const QStringList labels = axis->categoriesLabels();
    bool same = labels.size() == static_cast<qsizetype>(ticks.size());
    for (qsizetype i = 0; same && i < labels.size(); ++i)
        same = labels[i] == ticks[static_cast<std::size_t>(i)].label && axis->endValue(labels[i]) == ticks[static_cast<std::size_t>(i)].value;
    if (same)
        return;
    for (const QString &label : labels)
        axis->remove(label);
    for (const AxisTick &tick : ticks)
        axis->append(tick.label, tick.value);
}

} // namespace

// The view: wheel zoom, drag pan, keys, hover; legend clicks go through to the scene.
class InteractiveChartView final : public QChartView
{
public:
    InteractiveChartView(QChart *chart, TimeSeriesChart *owner)
        : QChartView(chart)
        , m_owner(owner)
    {
        setRenderHint(QPainter::Antialiasing);
        setMouseTracking(true);
        setFrameShape(QFrame::NoFrame);
    }

protected:
    void wheelEvent(QWheelEvent *event) override
    {
        const int steps = event->angleDelta().y();
        if (steps == 0 || !m_owner->inPlotArea(event->position())) {
            event->ignore();
            return;
        }
        m_owner->zoom(std::pow(1.2, steps / 120.0), m_owner->xAtViewPos(event->position()));
        event->accept();
    }
    void mousePressEvent(QMouseEvent *event) override
    {
        QChartView::mousePressEvent(event);
        if (event->button() == Qt::LeftButton && m_owner->inPlotArea(event->position())) {
            m_dragFrom = event->position();
            m_dragFirst = m_owner->visibleFirst();
            m_dragging = true;
            setCursor(Qt::ClosedHandCursor);
        }
    }
    void mouseMoveEvent(QMouseEvent *event) override
    {
        QChartView::mouseMoveEvent(event);
        if (m_dragging) {
            const double dx = m_owner->xAtViewPos(m_dragFrom) - m_owner->xAtViewPos(event->position());
            const double span = m_owner->visibleLast() - m_owner->visibleFirst();
            m_owner->setVisibleRange(m_dragFirst + dx, m_dragFirst + dx + span);
            return;
        }
        m_owner->hoverAt(event->position(), event->globalPosition().toPoint());
    }
    void mouseReleaseEvent(QMouseEvent *event) override
    {
        QChartView::mouseReleaseEvent(event);
        if (m_dragging) {
            m_dragging = false;
            unsetCursor();
        }
    }
    void mouseDoubleClickEvent(QMouseEvent *event) override
    {
        if (m_owner->inPlotArea(event->position()))
            m_owner->resetZoom();
        else
            QChartView::mouseDoubleClickEvent(event);
    }
    void leaveEvent(QEvent *event) override
    {
        m_owner->hoverAt(QPointF(-1, -1), QPoint());
        QChartView::leaveEvent(event);
    }
    void keyPressEvent(QKeyEvent *event) override
    {
        if (m_owner->handleNavigationKey(event))
            event->accept();
        else
            QChartView::keyPressEvent(event);
    }

private:
    TimeSeriesChart *m_owner;
    QPointF m_dragFrom;
    double m_dragFirst = 0.0;
    bool m_dragging = false;
};

TimeSeriesChart::TimeSeriesChart(const QString &title, QWidget *parent)
    : ChartWidget(parent)
    , m_title(title)
{
    m_chart = new QChart;
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setTheme(QChart::ChartThemeLight);
    m_chart->setBackgroundRoundness(0);
    m_chart->setBackgroundBrush(Qt::white);
    m_chart->setMargins(QMargins(6, 4, 6, 4));
    m_chart->setTitleFont(pixelFont(15, true));
    m_chart->setTitleBrush(palette::role(palette::Role::FacilityLoad));
    m_chart->setTitle(m_title);
    QLegend *legend = m_chart->legend();
    legend->setAlignment(Qt::AlignBottom);
    legend->setFont(pixelFont(12));
    legend->setLabelColor(palette::role(palette::Role::Axis));
    legend->setMarkerShape(QLegend::MarkerShapeFromSeries);

    m_timeAxis = new QCategoryAxis;
    m_leftAxis = new QCategoryAxis;
    m_rightAxis = new QCategoryAxis;
    for (QCategoryAxis *axis : {m_timeAxis, m_leftAxis, m_rightAxis})
        styleValueAxis(axis);
    m_rightAxis->setGridLineVisible(false);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_leftAxis, Qt::AlignLeft);
    m_chart->addAxis(m_rightAxis, Qt::AlignRight);
    m_rightAxis->setVisible(false);

    m_view = new InteractiveChartView(m_chart, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setFocusProxy(m_view);

    m_hoverLine = new QGraphicsLineItem(m_chart);
    m_hoverLine->setPen(QPen(palette::role(palette::Role::Axis), 1, Qt::DashLine));
    m_hoverLine->setZValue(100);
    m_hoverLine->hide();
    connect(m_chart, &QChart::plotAreaChanged, this, [this] { relabelTimeAxis(); });
}

TimeSeriesChart::~TimeSeriesChart() = default;

void TimeSeriesChart::watch(QAbstractItemModel *model)
{
    connect(model, &QAbstractItemModel::modelReset, this, &TimeSeriesChart::rebuildNow);
    connect(model, &QAbstractItemModel::dataChanged, this, &TimeSeriesChart::rebuildNow);
    connect(model, &QAbstractItemModel::layoutChanged, this, &TimeSeriesChart::rebuildNow);
    connect(model, &QAbstractItemModel::rowsInserted, this, &TimeSeriesChart::rebuildNow);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &TimeSeriesChart::rebuildNow);
}

void TimeSeriesChart::rebuildNow()
{
    m_dirty = true;
    // A chart nobody sees (another tab, a report's chart not drawn yet) is rebuilt when it is
    // shown, drawn or asked what it shows; a held chart when released.
    if (m_holds == 0 && isVisible())
        ensureBuilt();
}

void TimeSeriesChart::ensureBuilt()
{
    if (!m_dirty)
        return;
    m_dirty = false;
    rebuild();
}

void TimeSeriesChart::holdRebuilds()
{
    ++m_holds;
}

void TimeSeriesChart::releaseRebuilds()
{
    if (m_holds > 0 && --m_holds == 0 && isVisible())
        ensureBuilt();
}

void TimeSeriesChart::showEvent(QShowEvent *event)
{
    ensureBuilt();
    ChartWidget::showEvent(event);
}

void TimeSeriesChart::paintEvent(QPaintEvent *event)
{
    ensureBuilt(); // QWidget::grab() and render() paint hidden charts too
    ChartWidget::paintEvent(event);
}

QStringList TimeSeriesChart::seriesNames() const
{
    const_cast<TimeSeriesChart *>(this)->ensureBuilt(); // what it shows, as it would be drawn now
    return m_names;
}

QList<QPointF> TimeSeriesChart::seriesPoints(const QString &name) const
{
    const_cast<TimeSeriesChart *>(this)->ensureBuilt();
    return m_points.value(name);
}

QList<QPointF> TimeSeriesChart::drawnPoints(const QString &name) const
{
    const_cast<TimeSeriesChart *>(this)->ensureBuilt();
    for (const Slot &slot : m_slots) {
        if (slot.name != name)
            continue;
        if (const auto *area = qobject_cast<const QAreaSeries *>(slot.series))
            return area->upperSeries()->points();
        if (const auto *line = qobject_cast<const QLineSeries *>(slot.series))
            return line->points();
    }
    return {};
}

void TimeSeriesChart::setSeriesShown(const QString &name, bool shown)
{
    if (shown == !m_hidden.contains(name))
        return;
    if (shown)
        m_hidden.remove(name);
    else
        m_hidden.insert(name);
    m_dirty = true;
    ensureBuilt();
}

QStringList TimeSeriesChart::legendLabels() const
{
    const_cast<TimeSeriesChart *>(this)->ensureBuilt();
    QStringList labels;
    for (const QLegendMarker *marker : m_chart->legend()->markers())
        labels << marker->label();
    return labels;
}

void TimeSeriesChart::clickLegendEntry(qsizetype index)
{
    ensureBuilt();
    const QList<QLegendMarker *> markers = m_chart->legend()->markers();
    if (index >= 0 && index < markers.size())
        emit markers[index]->clicked();
}

void TimeSeriesChart::beginRebuild()
{
    m_cursor = 0;
    m_emptied = false;
    m_names.clear();
    m_points.clear();
    m_usesRightAxis = false;
}

void TimeSeriesChart::setTimeAxis(int months, int offset)
{
    const bool same = months == m_months && offset == m_offset;
    m_months = months;
    m_offset = offset;
    if (same)
        return; // keeps the zoom of an edit
    emptySeriesBeforeRangeChange();
    setFullRange(-0.5, std::max(1, months) - 0.5);
}

// Qt Charts redraws every series on each axis range change; a rebuild about to change ranges
// empties the series first (they get their new points right after), so each is drawn once.
void TimeSeriesChart::emptySeriesBeforeRangeChange()
{
    if (m_emptied)
        return;
    m_emptied = true;
    for (const Slot &slot : m_slots) {
        if (slot.kind == SeriesKind::Line) {
            static_cast<QLineSeries *>(slot.series)->clear();
        } else {
            auto *area = static_cast<QAreaSeries *>(slot.series);
            area->upperSeries()->clear();
            area->lowerSeries()->clear();
        }
    }
}

int TimeSeriesChart::valueTickTarget() const
{
    return isVisible() ? std::clamp(height() / 60, 2, 5) : 5;
}

void TimeSeriesChart::setValueAxis(Side side, double maxValue, AxisUnit unit, const QString &title)
{
    QCategoryAxis *axis = side == Side::Left ? m_leftAxis : m_rightAxis;
    m_valueTickTarget = valueTickTarget();
    const ValueScale scale = valueScale(maxValue, unit, m_valueTickTarget);
    if (axis->min() != 0.0 || axis->max() != scale.max) {
        emptySeriesBeforeRangeChange();
        axis->setRange(0.0, scale.max);
    }
    replaceTicks(axis, scale.ticks);
    if (axis->titleText() != title)
        axis->setTitleText(title);
}

void TimeSeriesChart::setSubtitle(const QString &subtitle)
{
    if (subtitle == m_subtitle && !m_chart->title().isEmpty())
        return;
    m_subtitle = subtitle;
    // A QChart has one title; a second line in a lighter size reads as a subtitle.
    m_chart->setTitle(subtitle.isEmpty()
                          ? m_title
                          : QStringLiteral("<div align=\"center\">%1<br><span style=\"font-size:12px; font-weight:normal; color:#4b5563\">%2</span></div>")
                                .arg(m_title.toHtmlEscaped(), subtitle.toHtmlEscaped()));
}

void TimeSeriesChart::attach(QAbstractSeries *series, Side side)
{
    m_chart->addSeries(series);
    series->attachAxis(m_timeAxis);
    series->attachAxis(side == Side::Left ? m_leftAxis : m_rightAxis);
}

// Rebuilding after an edit or a scenario switch mostly draws the same series with new numbers:
// the series in the same place, of the same kind, name and axis, is kept and given the new
// points (Qt Charts then updates one path), instead of being recreated with its legend marker
// and laid out again.
QAbstractSeries *TimeSeriesChart::takeSlot(SeriesKind kind, const QString &name, Side side)
{
    if (side == Side::Right)
        m_usesRightAxis = true;
    if (m_cursor < m_slots.size()) {
        const Slot &slot = m_slots[m_cursor];
        if (slot.kind == kind && slot.name == name && slot.side == side)
            return m_slots[m_cursor++].series;
        dropSlotsFrom(m_cursor);
    }
    QAbstractSeries *series = nullptr;
    if (kind == SeriesKind::Line) {
        series = new QLineSeries;
    } else {
        // The area does not own its boundary lines; as its children they go with it.
        auto *area = new QAreaSeries;
        area->setUpperSeries(new QLineSeries(area));
        area->setLowerSeries(new QLineSeries(area));
        series = area;
    }
    series->setName(legendLabel(name));
    attach(series, side);
    m_slots.push_back({series, kind, name, side});
    ++m_cursor;
    return series;
}

// Legend entries are series names, often site names of up to 200 characters: Qt Charts would
// cut them at the right, and two sites named alike would read the same. The middle gives way,
// so the start and the distinguishing end stay; the series keeps its whole name as its key.
QString TimeSeriesChart::legendLabel(const QString &name)
{
    constexpr qsizetype kMaxChars = 36;
    if (name.size() <= kMaxChars)
        return name;
    const qsizetype tail = (kMaxChars - 1) / 2;
    return name.first(kMaxChars - 1 - tail) + QChar(0x2026) + name.last(tail);
}

QString TimeSeriesChart::slotName(const QAbstractSeries *series) const
{
    for (const Slot &slot : m_slots) {
        if (slot.series == series)
            return slot.name;
    }
    return series != nullptr ? series->name() : QString();
}

void TimeSeriesChart::dropSlotsFrom(std::size_t first)
{
    for (std::size_t i = first; i < m_slots.size(); ++i) {
        m_chart->removeSeries(m_slots[i].series);
        delete m_slots[i].series;
    }
    m_slots.resize(std::min(first, m_slots.size()));
}

void TimeSeriesChart::addLine(const QString &name, const QColor &color, const QList<QPointF> &points, Side side,
                              Qt::PenStyle style, qreal width)
{
    auto *series = static_cast<QLineSeries *>(takeSlot(SeriesKind::Line, name, side));
    series->replace(m_stepped ? stepPoints(points) : points);
    QPen pen(color, width, style);
    pen.setCapStyle(Qt::RoundCap); // flat caps show a seam at every point of a thick line
    pen.setJoinStyle(Qt::RoundJoin);
    if (series->pen() != pen)
        series->setPen(pen);
    series->setVisible(!isHidden(name));
    m_names << name;
    m_points.insert(name, points);
}

void TimeSeriesChart::addArea(const QString &name, const QColor &color, const QList<QPointF> &lower,
                              const QList<QPointF> &upper, Side side, qreal opacity)
{
    QList<QPointF> own;
    own.reserve(upper.size());
    for (qsizetype i = 0; i < upper.size() && i < lower.size(); ++i)
        own.append(QPointF(upper[i].x(), upper[i].y() - lower[i].y()));
    QColor fill = color;
    fill.setAlphaF(static_cast<float>(opacity));
    setArea(name, lower, upper, QBrush(fill), QPen(color.darker(115), 1.0), side, own);
}

void TimeSeriesChart::setArea(const QString &name, const QList<QPointF> &lower, const QList<QPointF> &upper,
                              const QBrush &brush, const QPen &pen, Side side, const QList<QPointF> &own)
{
    auto *series = static_cast<QAreaSeries *>(takeSlot(SeriesKind::Area, name, side));
    series->lowerSeries()->replace(m_stepped ? stepPoints(lower) : lower);
    series->upperSeries()->replace(m_stepped ? stepPoints(upper) : upper);
    if (series->brush() != brush)
        series->setBrush(brush);
    if (series->pen() != pen)
        series->setPen(pen);
    series->setVisible(!isHidden(name));
    m_names << name;
    m_points.insert(name, own);
}

void TimeSeriesChart::addStackedAreas(const QStringList &names, const QList<QColor> &colors, const QList<double> &xs,
                                      const QList<QList<double>> &values, Side side)
{
    QList<QPointF> lower;
    lower.reserve(xs.size());
    for (const double x : xs)
        lower.append(QPointF(x, 0.0));
    for (qsizetype i = 0; i < names.size(); ++i) {
        QList<QPointF> upper = lower;
        for (qsizetype m = 0; m < xs.size(); ++m)
            upper[m].setY(lower[m].y() + values[i][m]);
        addArea(names[i], colors[i], lower, upper, side);
        if (!isHidden(names[i])) // a hidden area takes no room in the stack
            lower = upper;
    }
}

void TimeSeriesChart::addStackedBars(const QStringList &names, const QList<QColor> &colors,
                                     const QList<QList<double>> &values, Side side)
{
    // Each category is one area whose outline steps up into a bar at every month and back down
    // to the stack below it between months: the look of stacked bars at the cost of one
    // polygon per category instead of one graphics item per bar (switching scenario stays fast).
    constexpr double kHalfBar = 0.4;
    const qsizetype months = values.isEmpty() ? 0 : values.front().size();
    QList<double> base(months, 0.0);
    for (qsizetype i = 0; i < names.size(); ++i) {
        const bool hidden = isHidden(names[i]);
        QList<QPointF> lower;
        QList<QPointF> upper;
        QList<QPointF> own;
        lower.reserve(2 * months);
        upper.reserve(4 * months);
        own.reserve(months);
        for (qsizetype m = 0; m < months; ++m) {
            const double x = static_cast<double>(m);
            const double bottom = base[m];
            const double top = bottom + (hidden ? 0.0 : values[i][m]);
            lower << QPointF(x - kHalfBar, bottom) << QPointF(x + kHalfBar, bottom);
            upper << QPointF(x - kHalfBar, bottom) << QPointF(x - kHalfBar, top) << QPointF(x + kHalfBar, top)
                  << QPointF(x + kHalfBar, bottom);
            own << QPointF(x, values[i][m]);
            base[m] = top;
        }
        setArea(names[i], lower, upper, QBrush(colors[i]), QPen(Qt::NoPen), side, own);
    }
}

void TimeSeriesChart::endRebuild()
{
    dropSlotsFrom(m_cursor);
    if (m_rightAxis->isVisible() != m_usesRightAxis)
        m_rightAxis->setVisible(m_usesRightAxis);
    styleLegend();
    placeLegend(m_chart->size().width() > 0 ? m_chart->size().width() : width());
    relabelTimeAxis();
}

// Below the chart while the entries fit on one line; at the right, one per line, when they
// would be cut short.
void TimeSeriesChart::placeLegend(double chartWidth)
{
    QLegend *legend = m_chart->legend();
    const QFontMetricsF metrics(legend->font());
    double needed = 0.0;
    for (QLegendMarker *marker : legend->markers())
        needed += metrics.horizontalAdvance(marker->label()) + 40.0; // marker, spacing
    const Qt::Alignment alignment = needed > chartWidth - 40.0 ? Qt::AlignRight : Qt::AlignBottom;
    if (legend->alignment() != alignment)
        legend->setAlignment(alignment);
}

void TimeSeriesChart::resizeEvent(QResizeEvent *event)
{
    ChartWidget::resizeEvent(event);
    placeLegend(width());
    if (m_months > 0 && valueTickTarget() != m_valueTickTarget)
        rebuildNow(); // the value axes take a tick count that fits the new height
}

void TimeSeriesChart::styleLegend()
{
    const QList<QLegendMarker *> markers = m_chart->legend()->markers();
    for (QLegendMarker *marker : markers) {
        // Qt Charts hides the marker of a hidden series; ours stay, greyed, to be clicked back.
        marker->setVisible(true);
        const QAbstractSeries *series = marker->series();
        const QString name = slotName(series);
        const bool hidden = isHidden(name);
        QBrush brush;
        QPen pen;
        if (const auto *area = qobject_cast<const QAreaSeries *>(series)) {
            brush = area->brush();
            brush.setColor(area->brush().color().toRgb());
            pen = QPen(area->brush().color().darker(115));
            // Areas get a filled square (Qt's "from series" shape draws them hollow and cuts their labels).
            marker->setShape(QLegend::MarkerShapeRectangle);
        } else if (const auto *line = qobject_cast<const QLineSeries *>(series)) {
            pen = line->pen();
            brush = QBrush(pen.color());
        }
        QColor label = palette::role(palette::Role::Axis);
        if (hidden) {
            label.setAlphaF(0.35f);
            QColor faded = brush.color();
            faded.setAlphaF(0.2f);
            brush.setColor(faded);
            QColor fadedPen = pen.color();
            fadedPen.setAlphaF(0.2f);
            pen.setColor(fadedPen);
        }
        marker->setBrush(brush);
        marker->setPen(pen);
        marker->setLabelBrush(label);
        disconnect(marker, &QLegendMarker::clicked, this, nullptr); // kept markers are styled again
        connect(marker, &QLegendMarker::clicked, this, [this, name] { setSeriesShown(name, isHidden(name)); });
    }
}

void TimeSeriesChart::applyVisibleRange()
{
    m_timeAxis->setRange(visibleFirst(), visibleLast());
    relabelTimeAxis();
}

void TimeSeriesChart::relabelTimeAxis()
{
    const double plotWidth = m_chart->plotArea().width();
    const int maxLabels = std::max(2, static_cast<int>((plotWidth > 0 ? plotWidth : 800) / 80.0));
    replaceTicks(m_timeAxis, monthTicks(visibleFirst(), visibleLast(), m_offset, maxLabels));
    m_timeAxis->setStartValue(visibleFirst());
}

bool TimeSeriesChart::inPlotArea(const QPointF &viewPos) const
{
    return m_chart->plotArea().contains(m_chart->mapFromScene(m_view->mapToScene(viewPos.toPoint())));
}

double TimeSeriesChart::xAtViewPos(const QPointF &viewPos) const
{
    const QRectF plot = m_chart->plotArea();
    const QPointF p = m_chart->mapFromScene(m_view->mapToScene(viewPos.toPoint()));
    if (plot.width() <= 0)
        return visibleFirst();
    return visibleFirst() + (p.x() - plot.left()) / plot.width() * (visibleLast() - visibleFirst());
}

void TimeSeriesChart::hoverAt(const QPointF &viewPos, const QPoint &globalPos)
{
    const int month = static_cast<int>(std::lround(xAtViewPos(viewPos)));
    if (!inPlotArea(viewPos) || month < 0 || month >= m_months) {
        m_hoverLine->hide();
        QToolTip::hideText();
        return;
    }
    const QRectF plot = m_chart->plotArea();
    const double px = plot.left() + (month - visibleFirst()) / (visibleLast() - visibleFirst()) * plot.width();
    m_hoverLine->setLine(px, plot.top(), px, plot.bottom());
    m_hoverLine->show();
    QToolTip::showText(globalPos, hoverText(month), m_view);
}

void TimeSeriesChart::renderChart(QPainter &painter, const QRectF &target, const QSizeF &layoutSize)
{
    ensureBuilt();
    const QSizeF onScreen = m_chart->size();
    const bool hoverShown = m_hoverLine->isVisible();
    m_hoverLine->hide();
    m_chart->resize(layoutSize);
    placeLegend(layoutSize.width());
    m_chart->layout()->activate();
    relabelTimeAxis();
    m_chart->layout()->activate();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    m_chart->scene()->render(&painter, target, QRectF(m_chart->pos(), layoutSize), Qt::IgnoreAspectRatio);
    m_chart->resize(onScreen);
    placeLegend(onScreen.width() > 0 ? onScreen.width() : width());
    m_chart->layout()->activate();
    relabelTimeAxis();
    m_hoverLine->setVisible(hoverShown);
}

} // namespace cp::views
