#pragma once

#include "charts/axisscale.h"
#include "charts/chartwidget.h"

#include <QBrush>
#include <QColor>
#include <QHash>
#include <QPen>
#include <QSet>

#include <vector>

class QAbstractItemModel;
class QGraphicsLineItem;
QT_BEGIN_NAMESPACE
class QAbstractSeries;
class QCategoryAxis;
class QChart;
class QChartView;
QT_END_NAMESPACE

namespace cp::views {

class InteractiveChartView;

// The Qt Charts side of ChartWidget, for charts over months: a month axis along the bottom,
// one or two value axes, series rebuilt from item models whenever they change, legend clicks
// that hide and show a series (stacks close up), a tooltip with every value at the month under
// the pointer and a line marking that month.
//
// A subclass builds its series in rebuild() with the add...() helpers below, from its models;
// it calls watch(model) for each model so edits redraw the chart.
class TimeSeriesChart : public ChartWidget
{
    Q_OBJECT

public:
    ~TimeSeriesChart() override;

    // While held, model changes only mark the chart for a rebuild; the last release rebuilds it
    // once (several models changing together redraw it once).
    void holdRebuilds();
    void releaseRebuilds();

    [[nodiscard]] QString title() const override { return m_title; }
    [[nodiscard]] QStringList seriesNames() const override;
    [[nodiscard]] QList<QPointF> seriesPoints(const QString &name) const override;
    // The outline as drawn (a line, or an area's upper edge): steps when the chart is stepped.
    [[nodiscard]] QList<QPointF> drawnPoints(const QString &name) const;
    [[nodiscard]] bool isSeriesShown(const QString &name) const override { return !m_hidden.contains(name); }
    void setSeriesShown(const QString &name, bool shown) override;
    // The legend's entries as drawn (long names elided in the middle), and a click on one.
    [[nodiscard]] QStringList legendLabels() const;
    void clickLegendEntry(qsizetype index);

protected:
    enum class Side { Left, Right };

    TimeSeriesChart(const QString &title, QWidget *parent);

    // Recreates every series from the models (start with beginRebuild(), end with endRebuild()).
    virtual void rebuild() = 0;
    // Redraws when the model resets or its data changes: at once when the chart is on screen,
    // else when it is shown, drawn or asked for its series.
    void watch(QAbstractItemModel *model);
    void rebuildNow();
    void ensureBuilt();

    void beginRebuild();
    // x = 0 is the absolute month `offset`; `months` points from x = 0. Keeps the zoom when
    // the time axis stays the same (an edit), resets it otherwise (another scenario).
    void setTimeAxis(int months, int offset);
    void setValueAxis(Side side, double maxValue, AxisUnit unit, const QString &title);
    void setSubtitle(const QString &subtitle); // a line under the title (scope, notes)
    // Monthly quantities drawn as steps (each month flat across its width, the change at the
    // boundary), so a one-month overlap reads as a one-month block, not a sloped spike. The
    // series' points (seriesPoints) stay one per month.
    void setStepped(bool stepped) { m_stepped = stepped; }
    void addLine(const QString &name, const QColor &color, const QList<QPointF> &points, Side side = Side::Left,
                 Qt::PenStyle style = Qt::SolidLine, qreal width = 2.0);
    // The band between `lower` and `upper` (same x); its own value is upper - lower.
    void addArea(const QString &name, const QColor &color, const QList<QPointF> &lower, const QList<QPointF> &upper,
                 Side side = Side::Left, qreal opacity = 0.85);
    // Areas stacked in order; hidden ones leave no gap. values[i] has one value per x in `xs`.
    void addStackedAreas(const QStringList &names, const QList<QColor> &colors, const QList<double> &xs,
                         const QList<QList<double>> &values, Side side = Side::Left);
    // Bars at x = 0, 1, ... (one per month), stacked in order; hidden ones take no room.
    void addStackedBars(const QStringList &names, const QList<QColor> &colors, const QList<QList<double>> &values,
                        Side side = Side::Left);
    void endRebuild();

    [[nodiscard]] bool isHidden(const QString &name) const { return m_hidden.contains(name); }
    [[nodiscard]] int timeOffset() const { return m_offset; }
    [[nodiscard]] int monthCount() const { return m_months; }

    void renderChart(QPainter &painter, const QRectF &target, const QSizeF &layoutSize) override;
    void applyVisibleRange() override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    friend class InteractiveChartView;

    enum class SeriesKind { Line, Area };
    struct Slot {
        QAbstractSeries *series;
        SeriesKind kind;
        QString name;
        Side side;
    };
    void attach(QAbstractSeries *series, Side side);
    QAbstractSeries *takeSlot(SeriesKind kind, const QString &name, Side side);
    [[nodiscard]] static QString legendLabel(const QString &name);
    [[nodiscard]] QString slotName(const QAbstractSeries *series) const;
    void dropSlotsFrom(std::size_t first);
    void emptySeriesBeforeRangeChange();
    void setArea(const QString &name, const QList<QPointF> &lower, const QList<QPointF> &upper, const QBrush &brush,
                 const QPen &pen, Side side, const QList<QPointF> &own);
    void placeLegend(double chartWidth);
    void relabelTimeAxis();
    void styleLegend();
    void hoverAt(const QPointF &viewPos, const QPoint &globalPos);
    [[nodiscard]] double xAtViewPos(const QPointF &viewPos) const;
    [[nodiscard]] bool inPlotArea(const QPointF &viewPos) const;
    // Intervals on the value axes: fewer on a short chart on screen, so labels keep their room.
    [[nodiscard]] int valueTickTarget() const;

    QString m_title;
    QString m_subtitle;
    QChart *m_chart = nullptr;
    InteractiveChartView *m_view = nullptr;
    QCategoryAxis *m_timeAxis = nullptr;
    QCategoryAxis *m_leftAxis = nullptr;
    QCategoryAxis *m_rightAxis = nullptr;
    int m_valueTickTarget = 5; // what the value axes were last laid out with
    QGraphicsLineItem *m_hoverLine = nullptr;
    int m_months = 0;
    int m_offset = 0;
    QStringList m_names;
    QHash<QString, QList<QPointF>> m_points;
    QSet<QString> m_hidden;
    std::vector<Slot> m_slots; // the chart's series in the order the last rebuild added them
    std::size_t m_cursor = 0;  // during a rebuild: the next slot to reuse
    bool m_usesRightAxis = false;
    bool m_stepped = false;
    bool m_emptied = false; // this rebuild has emptied the series for a range change
    bool m_dirty = false;
    int m_holds = 0;
};

} // namespace cp::views
