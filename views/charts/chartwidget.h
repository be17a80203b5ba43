#pragma once

#include <QList>
#include <QPointF>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QWidget>

class QKeyEvent;
class QPainter;

namespace cp::views {

// What every ClusterPlan chart offers, whatever draws it (Qt Charts today, Qt Graphs or our own
// painting tomorrow): a title, drawing into any painter, PNG and SVG export, zoom and pan on the
// time axis, legend entries that show and hide series, and what it shows for tests.
//
// Drawing for reports:
//     chart->render(painter, QRectF(x, y, w, h));
// draws the whole chart (title, legend, axes, data) into that rectangle of any painter: a
// QPdfWriter's (vector output), a QSvgGenerator's, a QImage's or a widget's. The chart is laid
// out for the rectangle's size at the device's resolution (1/96 inch per layout pixel, fonts
// sized in layout pixels), so text keeps its size on paper. It needs no window: the chart
// can be hidden or never shown. What is on screen is left as it was.
//
// Time: x is in months (plan months for one scenario's charts, absolute months for overlays).
// Wheel zooms around the pointer, dragging pans, + and - zoom, Left and Right pan, 0 / Home or a
// double-click resets.
class ChartWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ChartWidget(QWidget *parent = nullptr);

    [[nodiscard]] virtual QString title() const = 0;

    using QWidget::render;
    void render(QPainter &painter, const QRectF &target);
    // The same, laid out as `layoutSize` layout pixels whatever the device (for a painter that
    // is already scaled).
    void render(QPainter &painter, const QRectF &target, const QSizeF &layoutSize);
    // `logicalSize` in layout pixels; the image has `scale` times as many pixels (2 = sharp on paper and HiDPI).
    bool exportPng(const QString &path, const QSize &logicalSize = QSize(1200, 700), qreal scale = 2.0);
    bool exportSvg(const QString &path, const QSize &size = QSize(1200, 700));
    // The size, in layout pixels, the chart reads best at when `width` wide: about 16:9 for charts
    // over time; the build timeline as tall as its rows need. For laying out report pages.
    [[nodiscard]] virtual QSizeF preferredRenderSize(double width) const;
    // By the file's suffix (.png or .svg); false for anything else or when writing fails.
    bool exportFile(const QString &path);
    // Asks the user for a file and exports to it; shows a message when that fails.
    void exportWithDialog();

    // The whole time axis, and the part shown.
    [[nodiscard]] double fullFirst() const { return m_fullFirst; }
    [[nodiscard]] double fullLast() const { return m_fullLast; }
    [[nodiscard]] double visibleFirst() const { return m_visibleFirst; }
    [[nodiscard]] double visibleLast() const { return m_visibleLast; }
    void setVisibleRange(double first, double last); // clamped to the whole axis, at least 3 months
    void zoom(double factor, double anchor);         // factor > 1 zooms in, around x = anchor
    void pan(double months);
    void resetZoom();

    // What the chart shows, for tests and for screen readers. Names are legend entries; points
    // are (x, value) with the value as the data says (a stacked area's own MW, not its top).
    [[nodiscard]] virtual QStringList seriesNames() const = 0;
    [[nodiscard]] virtual QList<QPointF> seriesPoints(const QString &name) const = 0;
    [[nodiscard]] virtual bool isSeriesShown(const QString &name) const = 0;
    virtual void setSeriesShown(const QString &name, bool shown) = 0; // what a legend click does
    // The tooltip for x = month: the month and each shown series' value there. Empty outside the data.
    [[nodiscard]] virtual QString hoverText(int month) const = 0;

signals:
    void visibleRangeChanged(double first, double last);

protected:
    // Draws into `target` laid out as `layoutSize` layout pixels (the painter is untransformed).
    virtual void renderChart(QPainter &painter, const QRectF &target, const QSizeF &layoutSize) = 0;
    // The visible range changed: redraw the time axis.
    virtual void applyVisibleRange() = 0;
    // Sets the whole axis and shows all of it.
    void setFullRange(double first, double last);
    // Navigation keys shared by every chart; true when the key was one of them.
    bool handleNavigationKey(QKeyEvent *event);
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    double m_fullFirst = -0.5;
    double m_fullLast = 0.5;
    double m_visibleFirst = -0.5;
    double m_visibleLast = 0.5;
};

} // namespace cp::views
