#pragma once

#include "analysis/buildtimeline.h"
#include "charts/chartwidget.h"

#include <QColor>
#include <QRectF>
#include <QSet>

#include <optional>
#include <vector>

namespace cp {
class ResultTimelineModel;
}

namespace cp::views {

// The build timeline, Gantt-style and painted by hand: per site a row for the permit, the
// construction, each power source, cooling plant and compute tranche. A bar spans an item's
// lead time (order to available or delivered); a thin line continues while it is in service;
// a diamond marks its arrival. A green line marks the month the site reaches full power, and
// the item whose arrival brings it there is outlined in red.
//
// Legend entries (permit, construction, each power kind, cooling, compute) hide and show their
// rows. x is in plan months at month boundaries (x = 0 is the start of the plan's first month).
class BuildTimelineChart final : public ChartWidget
{
    Q_OBJECT

public:
    explicit BuildTimelineChart(ResultTimelineModel *model, QWidget *parent = nullptr);

    [[nodiscard]] QString title() const override;
    [[nodiscard]] QStringList seriesNames() const override;
    // Each bar of the entry as (start, end) in plan months.
    [[nodiscard]] QList<QPointF> seriesPoints(const QString &name) const override;
    [[nodiscard]] bool isSeriesShown(const QString &name) const override { return !m_hidden.contains(name); }
    void setSeriesShown(const QString &name, bool shown) override;
    // What arrives in that plan month, and full power.
    [[nodiscard]] QString hoverText(int month) const override;
    // The subtitle: when each site reaches full power and what gates it.
    [[nodiscard]] QString summary() const;

    [[nodiscard]] QSizeF preferredRenderSize(double width) const override;
    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void renderChart(QPainter &painter, const QRectF &target, const QSizeF &layoutSize) override;
    void applyVisibleRange() override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    struct Entry {
        QString name;
        QColor color;
        TimelinePhase phase;
        std::optional<solver::PowerKind> kind;
    };
    struct Row {
        int site;
        int bar; // -1: the site's heading
    };
    struct Layout {
        QSizeF size;
        QRectF plot;      // the rows' area right of the labels
        double titleBottom = 0;
        double legendTop = 0;
        double axisTop = 0;
        double rowHeight = 20;
        std::vector<std::pair<QRectF, QString>> legend; // entry rectangles
        std::vector<std::pair<QRectF, Row>> rows;
    };

    void rebuildFromModel();
    [[nodiscard]] QString entryOf(int site, int bar) const;
    [[nodiscard]] std::vector<Row> visibleRows() const;
    [[nodiscard]] Layout layoutFor(const QSizeF &size) const;
    void paintTimeline(QPainter &painter, const Layout &layout) const;
    [[nodiscard]] double xToPixel(const Layout &layout, double x) const;
    [[nodiscard]] double pixelToX(const Layout &layout, double px) const;

    ResultTimelineModel *m_model;
    std::vector<Entry> m_entries;
    QSet<QString> m_hidden;
    Layout m_screen; // the layout of the widget as shown, for mouse hits
    std::optional<QPointF> m_dragFrom;
    double m_dragFirst = 0.0;
};

} // namespace cp::views
