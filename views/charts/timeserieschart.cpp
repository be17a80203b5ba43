#include "charts/timeserieschart.h"

#include "itemmodels/resultgroupmodel.h"

#include "charts/chartpalette.h"
#include "charts/seriespoints.h"

#include <QAbstractItemModel>
#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsLineItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QGraphicsWidget>
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

constexpr QMargins kChartMargins(6, 4, 6, 4);

} // namespace

// The view of the panels' stack: wheel zoom, drag pan, keys, hover; legend clicks go through to
// the scene. The stack fills the view.
class InteractiveChartView final : public QGraphicsView
{
public:
    InteractiveChartView(QGraphicsWidget *stack, TimeSeriesChart *owner)
        : m_owner(owner)
        , m_stack(stack)
    {
        setScene(new QGraphicsScene(this));
        scene()->addItem(stack);
        setRenderHint(QPainter::Antialiasing);
        setMouseTracking(true);
        setFrameShape(QFrame::NoFrame);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setAlignment(Qt::AlignLeft | Qt::AlignTop);
        setBackgroundBrush(Qt::white);
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QGraphicsView::resizeEvent(event);
        m_stack->resize(viewport()->size());
        m_owner->layOutPanels();
        setSceneRect(QRectF(QPointF(0, 0), QSizeF(viewport()->size())));
    }

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
        QGraphicsView::mousePressEvent(event);
        if (event->button() == Qt::LeftButton && m_owner->inPlotArea(event->position())) {
            m_dragFrom = event->position();
            m_dragFirst = m_owner->visibleFirst();
            m_dragging = true;
            setCursor(Qt::ClosedHandCursor);
        }
    }
    void mouseMoveEvent(QMouseEvent *event) override
    {
        QGraphicsView::mouseMoveEvent(event);
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
        QGraphicsView::mouseReleaseEvent(event);
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
            QGraphicsView::mouseDoubleClickEvent(event);
    }
    void leaveEvent(QEvent *event) override
    {
        m_owner->hoverAt(QPointF(-1, -1), QPoint());
        QGraphicsView::leaveEvent(event);
    }
    void keyPressEvent(QKeyEvent *event) override
    {
        if (m_owner->handleNavigationKey(event))
            event->accept();
        else
            QGraphicsView::keyPressEvent(event);
    }

private:
    TimeSeriesChart *m_owner;
    QGraphicsWidget *m_stack;
    QPointF m_dragFrom;
    double m_dragFirst = 0.0;
    bool m_dragging = false;
};

TimeSeriesChart::TimeSeriesChart(const QString &title, QWidget *parent)
    : ChartWidget(parent)
    , m_title(title)
{
    m_stack = new QGraphicsWidget;
    makePanel(m_title);

    m_view = new InteractiveChartView(m_stack, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setFocusProxy(m_view);
}

TimeSeriesChart::Panel &TimeSeriesChart::makePanel(const QString &title)
{
    Panel panel;
    auto *chart = new QChart(m_stack);
    panel.chart = chart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTheme(QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
    chart->setBackgroundBrush(Qt::white);
    chart->setMargins(kChartMargins);
    const bool first = m_panels.empty();
    // Below the first panel a title names what the panel shows, smaller than the chart's.
    chart->setTitleFont(pixelFont(first ? 15 : 12, true));
    chart->setTitleBrush(palette::role(palette::Role::FacilityLoad));
    chart->setTitle(title);
    QLegend *legend = chart->legend();
    legend->setAlignment(Qt::AlignBottom);
    legend->setFont(pixelFont(12));
    legend->setLabelColor(palette::role(palette::Role::Axis));
    legend->setMarkerShape(QLegend::MarkerShapeFromSeries);

    panel.timeAxis = new QCategoryAxis;
    panel.leftAxis = new QCategoryAxis;
    panel.rightAxis = new QCategoryAxis;
    for (QCategoryAxis *axis : {panel.timeAxis, panel.leftAxis, panel.rightAxis})
        styleValueAxis(axis);
    panel.rightAxis->setGridLineVisible(false);
    chart->addAxis(panel.timeAxis, Qt::AlignBottom);
    chart->addAxis(panel.leftAxis, Qt::AlignLeft);
    chart->addAxis(panel.rightAxis, Qt::AlignRight);
    panel.rightAxis->setVisible(false);
    panel.timeAxis->setRange(visibleFirst(), visibleLast());

    panel.hoverLine = new QGraphicsLineItem(chart);
    panel.hoverLine->setPen(QPen(palette::role(palette::Role::Axis), 1, Qt::DashLine));
    panel.hoverLine->setZValue(100);
    panel.hoverLine->hide();
    // Only the lowest panel labels the months; the others keep the month gridlines.
    if (!first)
        m_panels.back().timeAxis->setLabelsVisible(false);
    m_panels.push_back(panel);
    m_valueTickTargets.push_back(5);
    connect(chart, &QChart::plotAreaChanged, this, [this, chart] {
        for (Panel &p : m_panels) {
            if (p.chart == chart)
                relabelTimeAxis(p);
        }
    });
    return m_panels.back();
}

int TimeSeriesChart::addPanel(const QString &title, qreal stretch, bool legend)
{
    Panel &panel = makePanel(title);
    panel.legend = legend;
    // Stacked panels share the height: none keeps the layout's padding around its title and legend.
    for (Panel &p : m_panels)
        p.chart->layout()->setContentsMargins(0, 0, 0, 0);
    panel.chart->legend()->setVisible(legend);
    const int index = panelCount() - 1;
    setPanelStretch(index, stretch);
    return index;
}

void TimeSeriesChart::setPanelStretch(int panel, qreal stretch)
{
    m_panels[static_cast<std::size_t>(panel)].stretch = std::max(stretch, 0.01);
}

void TimeSeriesChart::usePanel(int panel)
{
    m_panel = std::clamp(panel, 0, panelCount() - 1);
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

void TimeSeriesChart::setGroups(ResultGroupModel *groups)
{
    if (groups == m_groups)
        return;
    m_groups = groups;
    if (m_groups)
        watch(m_groups);
    rebuildNow();
}

const ResultGroupModel *TimeSeriesChart::groups() const
{
    return (m_groups && m_groups->active()) ? m_groups : nullptr;
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
    for (const Panel &panel : m_panels) {
        if (!panel.legend)
            continue;
        for (const QLegendMarker *marker : panel.chart->legend()->markers())
            labels << marker->label();
    }
    return labels;
}

void TimeSeriesChart::clickLegendEntry(qsizetype index)
{
    ensureBuilt();
    QList<QLegendMarker *> markers;
    for (const Panel &panel : m_panels) {
        if (panel.legend)
            markers << panel.chart->legend()->markers();
    }
    if (index >= 0 && index < markers.size())
        emit markers[index]->clicked();
}

int TimeSeriesChart::panelOf(const QString &name) const
{
    const_cast<TimeSeriesChart *>(this)->ensureBuilt();
    for (const Slot &slot : m_slots) {
        if (slot.name == name)
            return slot.panel;
    }
    return -1;
}

double TimeSeriesChart::valueAxisMax(const QString &name) const
{
    const_cast<TimeSeriesChart *>(this)->ensureBuilt();
    for (const Slot &slot : m_slots) {
        if (slot.name != name)
            continue;
        const Panel &panel = m_panels[static_cast<std::size_t>(slot.panel)];
        return (slot.side == Side::Left ? panel.leftAxis : panel.rightAxis)->max();
    }
    return 0.0;
}

QRectF TimeSeriesChart::plotRect(int panel) const
{
    if (panel < 0 || panel >= panelCount())
        return {};
    const QChart *chart = m_panels[static_cast<std::size_t>(panel)].chart;
    const QRectF inScene = chart->mapRectToScene(chart->plotArea());
    const QRectF inView = m_view->mapFromScene(inScene).boundingRect();
    return inView.translated(m_view->viewport()->mapTo(this, QPoint(0, 0)));
}

void TimeSeriesChart::beginRebuild()
{
    m_cursor = 0;
    m_emptied = false;
    m_names.clear();
    m_points.clear();
    m_panel = 0;
    for (Panel &panel : m_panels)
        panel.usesRightAxis = false;
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

int TimeSeriesChart::valueTickTarget(int panel) const
{
    if (m_panels.size() == 1)
        return isVisible() ? std::clamp(height() / 60, 2, 5) : 5;
    // A panel's ticks fit its plot: about one per 36 pixels, labels 11 pixels high (Qt elides a
    // label given less than about 20). Off screen
    // (a report, an export) a chart of panels is drawn about 560 layout pixels tall, 180 of them
    // titles, legend and axes.
    const QChart *chart = m_panels[static_cast<std::size_t>(panel)].chart;
    double plotHeight = chart->plotArea().height();
    if (!isVisible() || plotHeight <= 0) {
        double stretchSum = 0.0;
        for (const Panel &p : m_panels)
            stretchSum += p.stretch;
        plotHeight = 380.0 * m_panels[static_cast<std::size_t>(panel)].stretch / stretchSum;
    }
    return std::clamp(static_cast<int>(plotHeight / 36.0), 1, 5);
}

void TimeSeriesChart::setValueAxis(Side side, double maxValue, AxisUnit unit, const QString &title)
{
    Panel &panel = m_panels[static_cast<std::size_t>(m_panel)];
    QCategoryAxis *axis = side == Side::Left ? panel.leftAxis : panel.rightAxis;
    int &tickTarget = m_valueTickTargets[static_cast<std::size_t>(m_panel)];
    tickTarget = valueTickTarget(m_panel);
    const ValueScale scale = valueScale(maxValue, unit, tickTarget);
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
    if (subtitle == m_subtitle && !firstChart()->title().isEmpty())
        return;
    m_subtitle = subtitle;
    // A QChart has one title; a second line in a lighter size reads as a subtitle.
    firstChart()->setTitle(subtitle.isEmpty()
                          ? m_title
                          : QStringLiteral("<div align=\"center\">%1<br><span style=\"font-size:12px; font-weight:normal; color:#4b5563\">%2</span></div>")
                                .arg(m_title.toHtmlEscaped(), subtitle.toHtmlEscaped()));
}

void TimeSeriesChart::attach(QAbstractSeries *series, Side side)
{
    const Panel &panel = m_panels[static_cast<std::size_t>(m_panel)];
    panel.chart->addSeries(series);
    series->attachAxis(panel.timeAxis);
    series->attachAxis(side == Side::Left ? panel.leftAxis : panel.rightAxis);
}

// Rebuilding after an edit or a scenario switch mostly draws the same series with new numbers:
// the series in the same place, of the same kind, name and axis, is kept and given the new
// points (Qt Charts then updates one path), instead of being recreated with its legend marker
// and laid out again.
QAbstractSeries *TimeSeriesChart::takeSlot(SeriesKind kind, const QString &name, Side side)
{
    if (side == Side::Right)
        m_panels[static_cast<std::size_t>(m_panel)].usesRightAxis = true;
    if (m_cursor < m_slots.size()) {
        const Slot &slot = m_slots[m_cursor];
        if (slot.kind == kind && slot.name == name && slot.side == side && slot.panel == m_panel)
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
    m_slots.push_back({series, kind, name, side, m_panel});
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
        m_panels[static_cast<std::size_t>(m_slots[i].panel)].chart->removeSeries(m_slots[i].series);
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
    for (Panel &panel : m_panels) {
        if (panel.rightAxis->isVisible() != panel.usesRightAxis)
            panel.rightAxis->setVisible(panel.usesRightAxis);
    }
    styleLegend();
    layOutPanels();
}

void TimeSeriesChart::placeLegends(double chartWidth)
{
    for (const Panel &panel : m_panels) {
        QLegend *legend = panel.chart->legend();
        if (legend->isVisible() != panel.legend)
            legend->setVisible(panel.legend);
    }
    placeLegend(chartWidth);
}

// Below the chart while the entries fit on one line; at the right, one per line, when they
// would be cut short.
void TimeSeriesChart::placeLegend(double chartWidth)
{
    for (Panel &panel : m_panels) {
        QLegend *legend = panel.chart->legend();
        QFont font = legend->font();
        if (panel.legendPixelSize <= 0)
            panel.legendPixelSize = font.pixelSize();
        font.setPixelSize(panel.legendPixelSize);
        const QFontMetricsF metrics(font);
        double needed = 0.0;
        const QList<QLegendMarker *> markers = legend->markers();
        for (QLegendMarker *marker : markers)
            needed += metrics.horizontalAdvance(marker->label()) + 40.0; // marker, spacing
        const Qt::Alignment alignment = needed > chartWidth - 40.0 ? Qt::AlignRight : Qt::AlignBottom;
        if (legend->alignment() != alignment)
            legend->setAlignment(alignment);
        // One entry per line at the right: a smaller font (down to 9 px) rather than entries cut
        // off below the panel (a portfolio split by site has eight more).
        // The panel's share of the widget's height: its chart may not be resized yet.
        double stretches = 0.0;
        for (const Panel &each : m_panels)
            stretches += each.stretch;
        const double panelHeight = stretches > 0.0 ? height() * panel.stretch / stretches : 0.0;
        if (alignment == Qt::AlignRight && panelHeight > 0.0) {
            const double room = panelHeight - 70.0; // title and margins
            while (font.pixelSize() > 9 && static_cast<double>(markers.size()) * (QFontMetricsF(font).height() + 8.0) > room)
                font.setPixelSize(font.pixelSize() - 1);
        }
        if (legend->font() != font)
            legend->setFont(font);
    }
}

void TimeSeriesChart::layOutPanels(bool onScreen)
{
    const QSizeF size = m_stack->size();
    placeLegends(size.width() > 0 ? size.width() : width());
    if (size.isEmpty())
        return;
    const auto place = [this, &size](const std::vector<double> &heights) {
        double y = 0.0;
        for (std::size_t i = 0; i < m_panels.size(); ++i) {
            const QRectF geometry(0.0, y, size.width(), heights[i]);
            if (m_panels[i].chart->geometry() != geometry)
                m_panels[i].chart->setGeometry(geometry);
            m_panels[i].chart->layout()->activate();
            y += heights[i];
        }
    };
    if (m_panels.size() == 1) {
        place({size.height()});
        relabelTimeAxis();
        return;
    }
    // What each panel needs besides its plot (title, legend, month labels) does not depend on
    // its height: measured where the panels are, or at an even split the first time.
    bool placed = true;
    for (const Panel &panel : m_panels)
        placed = placed && panel.chart->size().width() == size.width() && panel.chart->plotArea().height() > 0;
    if (!placed)
        place(std::vector<double>(m_panels.size(), size.height() / static_cast<double>(m_panels.size())));
    std::vector<double> heights;
    double fixed = 0.0;
    double stretchSum = 0.0;
    for (const Panel &panel : m_panels) {
        heights.push_back(std::max(0.0, panel.chart->size().height() - panel.chart->plotArea().height()));
        fixed += heights.back();
        stretchSum += panel.stretch;
    }
    const double free = std::max(0.0, size.height() - fixed);
    for (std::size_t i = 0; i < m_panels.size(); ++i)
        heights[i] += free * m_panels[i].stretch / stretchSum;
    place(heights);
    relabelTimeAxis();
    alignPlotAreas();
    // The panels' value axes take a tick count that fits their new heights (after this layout:
    // a rebuild from here would lay out again).
    if (onScreen && isVisible() && m_months > 0) {
        for (int p = 0; p < panelCount(); ++p) {
            if (valueTickTarget(p) != m_valueTickTargets[static_cast<std::size_t>(p)]) {
                QMetaObject::invokeMethod(this, &TimeSeriesChart::rebuildNow, Qt::QueuedConnection);
                break;
            }
        }
    }
}

// The panels' plot areas start and end at the same x, so a month is at one x in every panel:
// each chart's margins make up for value-axis labels narrower than the widest panel's.
void TimeSeriesChart::alignPlotAreas()
{
    if (m_panels.size() < 2 || m_aligning)
        return;
    m_aligning = true;
    double left = 0.0;
    double right = 0.0;
    std::vector<QMargins> natural;
    for (Panel &panel : m_panels) {
        // The room the axes take is the plot area's inset less the margins now set.
        const QRectF plot = panel.chart->plotArea();
        const QMargins margins = panel.chart->margins();
        const double axesLeft = plot.left() - margins.left();
        const double axesRight = panel.chart->size().width() - plot.right() - margins.right();
        natural.push_back(QMargins(static_cast<int>(std::lround(axesLeft)), 0, static_cast<int>(std::lround(axesRight)), 0));
        left = std::max(left, axesLeft);
        right = std::max(right, axesRight);
    }
    for (std::size_t i = 0; i < m_panels.size(); ++i) {
        QMargins margins = kChartMargins;
        margins.setLeft(kChartMargins.left() + static_cast<int>(std::lround(left)) - natural[i].left());
        margins.setRight(kChartMargins.right() + static_cast<int>(std::lround(right)) - natural[i].right());
        if (m_panels[i].chart->margins() != margins) {
            m_panels[i].chart->setMargins(margins);
            m_panels[i].chart->layout()->activate();
        }
    }
    m_aligning = false;
}

void TimeSeriesChart::resizeEvent(QResizeEvent *event)
{
    ChartWidget::resizeEvent(event);
    placeLegend(width());
    for (int p = 0; p < panelCount(); ++p) {
        if (m_months > 0 && valueTickTarget(p) != m_valueTickTargets[static_cast<std::size_t>(p)]) {
            rebuildNow(); // the value axes take a tick count that fits the new height
            break;
        }
    }
}

void TimeSeriesChart::styleLegend()
{
    QList<QLegendMarker *> markers;
    for (const Panel &panel : m_panels)
        markers << panel.chart->legend()->markers();
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
    for (Panel &panel : m_panels)
        panel.timeAxis->setRange(visibleFirst(), visibleLast());
    relabelTimeAxis();
}

void TimeSeriesChart::relabelTimeAxis()
{
    for (Panel &panel : m_panels)
        relabelTimeAxis(panel);
}

void TimeSeriesChart::relabelTimeAxis(Panel &panel)
{
    // Every panel has the ticks of the lowest one (whose labels show), so gridlines line up.
    const double plotWidth = m_panels.back().chart->plotArea().width();
    const int maxLabels = std::max(2, static_cast<int>((plotWidth > 0 ? plotWidth : 800) / 80.0));
    replaceTicks(panel.timeAxis, monthTicks(visibleFirst(), visibleLast(), m_offset, maxLabels));
    panel.timeAxis->setStartValue(visibleFirst());
}

bool TimeSeriesChart::inPlotArea(const QPointF &viewPos) const
{
    for (const Panel &panel : m_panels) {
        if (panel.chart->plotArea().contains(panel.chart->mapFromScene(m_view->mapToScene(viewPos.toPoint()))))
            return true;
    }
    return false;
}

double TimeSeriesChart::xAtViewPos(const QPointF &viewPos) const
{
    const QChart *chart = firstChart(); // the panels' plot areas line up
    const QRectF plot = chart->plotArea();
    const QPointF p = chart->mapFromScene(m_view->mapToScene(viewPos.toPoint()));
    if (plot.width() <= 0)
        return visibleFirst();
    return visibleFirst() + (p.x() - plot.left()) / plot.width() * (visibleLast() - visibleFirst());
}

void TimeSeriesChart::hoverAt(const QPointF &viewPos, const QPoint &globalPos)
{
    const int month = static_cast<int>(std::lround(xAtViewPos(viewPos)));
    if (!inPlotArea(viewPos) || month < 0 || month >= m_months) {
        for (Panel &panel : m_panels)
            panel.hoverLine->hide();
        m_hoveredMonth = -1;
        m_hoverTooltip.clear();
        QToolTip::hideText();
        return;
    }
    // The month is marked in every panel, so its values can be read across them.
    for (Panel &panel : m_panels) {
        const QRectF plot = panel.chart->plotArea();
        const double px = plot.left() + (month - visibleFirst()) / (visibleLast() - visibleFirst()) * plot.width();
        panel.hoverLine->setLine(px, plot.top(), px, plot.bottom());
        panel.hoverLine->show();
    }
    m_hoveredMonth = month;
    m_hoverTooltip = hoverText(month);
    QToolTip::showText(globalPos, m_hoverTooltip, m_view);
}

void TimeSeriesChart::renderChart(QPainter &painter, const QRectF &target, const QSizeF &layoutSize)
{
    ensureBuilt();
    const QSizeF onScreen = m_stack->size();
    std::vector<bool> hoverShown;
    for (Panel &panel : m_panels) {
        hoverShown.push_back(panel.hoverLine->isVisible());
        panel.hoverLine->hide();
    }
    m_stack->resize(layoutSize);
    layOutPanels(false);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    m_stack->scene()->render(&painter, target, QRectF(m_stack->pos(), layoutSize), Qt::IgnoreAspectRatio);
    m_stack->resize(onScreen);
    layOutPanels();
    for (std::size_t i = 0; i < m_panels.size(); ++i)
        m_panels[i].hoverLine->setVisible(hoverShown[i]);
}

} // namespace cp::views
