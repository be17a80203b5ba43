#include "charts/timeserieschart.h"

#include "charts/chartpalette.h"

#include <QAbstractItemModel>
#include <QAreaSeries>
#include <QBarSet>
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
#include <QStackedBarSeries>
#include <QToolTip>
#include <QVBoxLayout>

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
    for (const QString &label : axis->categoriesLabels())
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
    rebuild();
}

void TimeSeriesChart::setSeriesShown(const QString &name, bool shown)
{
    if (shown == !m_hidden.contains(name))
        return;
    if (shown)
        m_hidden.remove(name);
    else
        m_hidden.insert(name);
    rebuild();
}

void TimeSeriesChart::beginRebuild()
{
    m_chart->removeAllSeries(); // deletes them
    m_names.clear();
    m_points.clear();
    m_rightAxis->setVisible(false);
}

void TimeSeriesChart::setTimeAxis(int months, int offset)
{
    const bool same = months == m_months && offset == m_offset;
    m_months = months;
    m_offset = offset;
    if (same)
        applyVisibleRange();
    else
        setFullRange(-0.5, std::max(1, months) - 0.5);
}

void TimeSeriesChart::setValueAxis(Side side, double maxValue, AxisUnit unit, const QString &title)
{
    QCategoryAxis *axis = side == Side::Left ? m_leftAxis : m_rightAxis;
    const ValueScale scale = valueScale(maxValue, unit);
    replaceTicks(axis, scale.ticks);
    axis->setRange(0.0, scale.max);
    axis->setTitleText(title);
    axis->setVisible(true);
}

void TimeSeriesChart::setSubtitle(const QString &subtitle)
{
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

void TimeSeriesChart::addLine(const QString &name, const QColor &color, const QList<QPointF> &points, Side side,
                              Qt::PenStyle style, qreal width)
{
    auto *series = new QLineSeries;
    series->setName(name);
    series->replace(points);
    QPen pen(color, width, style);
    pen.setCapStyle(Qt::RoundCap); // flat caps show a seam at every point of a thick line
    pen.setJoinStyle(Qt::RoundJoin);
    series->setPen(pen);
    attach(series, side);
    series->setVisible(!isHidden(name));
    m_names << name;
    m_points.insert(name, points);
}

void TimeSeriesChart::addArea(const QString &name, const QColor &color, const QList<QPointF> &lower,
                              const QList<QPointF> &upper, Side side, qreal opacity)
{
    auto *lowerSeries = new QLineSeries;
    lowerSeries->replace(lower);
    auto *upperSeries = new QLineSeries;
    upperSeries->replace(upper);
    auto *series = new QAreaSeries(upperSeries, lowerSeries);
    series->setName(name);
    QColor fill = color;
    fill.setAlphaF(static_cast<float>(opacity));
    series->setBrush(fill);
    series->setPen(QPen(color.darker(115), 1.0));
    series->setOpacity(1.0);
    attach(series, side);
    series->setVisible(!isHidden(name));
    QList<QPointF> own;
    own.reserve(upper.size());
    for (qsizetype i = 0; i < upper.size() && i < lower.size(); ++i)
        own.append(QPointF(upper[i].x(), upper[i].y() - lower[i].y()));
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
    auto *series = new QStackedBarSeries;
    series->setBarWidth(0.8);
    for (qsizetype i = 0; i < names.size(); ++i) {
        auto *set = new QBarSet(names[i]);
        const bool hidden = isHidden(names[i]);
        QList<qreal> heights;
        QList<QPointF> own;
        heights.reserve(values[i].size());
        for (qsizetype m = 0; m < values[i].size(); ++m) {
            heights.append(hidden ? 0.0 : values[i][m]);
            own.append(QPointF(static_cast<double>(m), values[i][m]));
        }
        set->append(heights);
        set->setColor(colors[i]);
        set->setBorderColor(colors[i]);
        series->append(set);
        m_names << names[i];
        m_points.insert(names[i], own);
    }
    attach(series, side);
}

void TimeSeriesChart::endRebuild()
{
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
}

void TimeSeriesChart::styleLegend()
{
    for (QLegendMarker *marker : m_chart->legend()->markers()) {
        // Qt Charts hides the marker of a hidden series; ours stay, greyed, to be clicked back.
        marker->setVisible(true);
        const bool hidden = isHidden(marker->label());
        QColor label = palette::role(palette::Role::Axis);
        if (hidden) {
            label.setAlphaF(0.35f);
            QBrush brush = marker->brush();
            QColor faded = brush.color();
            faded.setAlphaF(0.2f);
            brush.setColor(faded);
            marker->setBrush(brush);
            QPen pen = marker->pen();
            QColor penColor = pen.color();
            penColor.setAlphaF(0.2f);
            pen.setColor(penColor);
            marker->setPen(pen);
        }
        marker->setLabelBrush(label);
        // Areas and bars get a filled square (Qt's "from series" shape draws them hollow and
        // truncates their labels); lines keep their line.
        if (marker->type() == QLegendMarker::LegendMarkerTypeArea || marker->type() == QLegendMarker::LegendMarkerTypeBar)
            marker->setShape(QLegend::MarkerShapeRectangle);
        // Markers are new after every rebuild, so each is connected once.
        connect(marker, &QLegendMarker::clicked, this, [this, name = marker->label()] { setSeriesShown(name, isHidden(name)); });
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
