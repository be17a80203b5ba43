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
namespace cp {
class ResultGroupModel;
}
class QGraphicsWidget;
QT_BEGIN_NAMESPACE
class QAbstractSeries;
class QCategoryAxis;
class QChart;
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
//
// A chart may have several panels one above the other (addPanel), each with its own value axis
// and gridlines, sharing the month axis: quantities of very different sizes (a $2.75B GPU
// month and a $20M opex month) each get a scale on which they read, and no line sits on
// another quantity's gridlines. The panels' plot areas line up, zoom and pan together, and the
// hover line and tooltip cover them all.
class TimeSeriesChart : public ChartWidget
{
    Q_OBJECT

public:
    ~TimeSeriesChart() override;

    // While held, model changes only mark the chart for a rebuild; the last release rebuilds it
    // once (several models changing together redraw it once).
    void holdRebuilds();
    void releaseRebuilds();

    // The portfolio split by site, country or region: while the model is active, a
    // chart that draws per-site series stacks its groups instead of one total. Not owned.
    void setGroups(ResultGroupModel *groups);

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

    // Panels, for tests: how many, which one draws a series (-1: none), and the top of the value
    // axis a series is read against (0 for none).
    [[nodiscard]] int panelCount() const { return static_cast<int>(m_panels.size()); }
    [[nodiscard]] int panelOf(const QString &name) const;
    [[nodiscard]] double valueAxisMax(const QString &name) const;
    // A panel's plot area in this widget's coordinates (as laid out on screen now).
    [[nodiscard]] QRectF plotRect(int panel) const;
    // What the pointer's last move over the chart showed: the month (-1 for none) and the tooltip.
    [[nodiscard]] int hoveredMonth() const { return m_hoveredMonth; }
    [[nodiscard]] QString hoverTooltip() const { return m_hoverTooltip; }

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

    // Another panel below the others, with its own value axes and a title of its own (empty:
    // none); without a legend when its title says what its one series is. `stretch` is its share
    // of the height against the others' (the first panel has 1 unless set).
    int addPanel(const QString &title, qreal stretch = 1.0, bool legend = true);
    void setPanelStretch(int panel, qreal stretch);
    // During a rebuild: the panel that setValueAxis() and the add...() helpers draw into from
    // here on (beginRebuild() starts at panel 0).
    void usePanel(int panel);

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
    // The groups to draw, or nullptr when the chart draws the total (no model, or it is inactive).
    [[nodiscard]] const ResultGroupModel *groups() const;
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
        int panel;
    };
    struct Panel {
        QChart *chart = nullptr;
        QCategoryAxis *timeAxis = nullptr;
        QCategoryAxis *leftAxis = nullptr;
        QCategoryAxis *rightAxis = nullptr;
        QGraphicsLineItem *hoverLine = nullptr;
        qreal stretch = 1.0;
        bool legend = true;
        bool usesRightAxis = false;
        int legendPixelSize = 0; // the legend's own font size, before any shrinking to fit
    };
    Panel &makePanel(const QString &title);
    void attach(QAbstractSeries *series, Side side);
    QAbstractSeries *takeSlot(SeriesKind kind, const QString &name, Side side);
    [[nodiscard]] static QString legendLabel(const QString &name);
    [[nodiscard]] QString slotName(const QAbstractSeries *series) const;
    void dropSlotsFrom(std::size_t first);
    void emptySeriesBeforeRangeChange();
    void setArea(const QString &name, const QList<QPointF> &lower, const QList<QPointF> &upper, const QBrush &brush,
                 const QPen &pen, Side side, const QList<QPointF> &own);
    void placeLegend(double chartWidth);
    void placeLegends(double chartWidth);
    void relabelTimeAxis();
    void relabelTimeAxis(Panel &panel);
    void styleLegend();
    // Lays the panels out for the stack's size: each takes the room its title, legend and axes
    // need, and the plots share the rest by stretch; then their plot areas line up.
    // `onScreen` false while laid out for drawing elsewhere (a report page).
    void layOutPanels(bool onScreen = true);
    void alignPlotAreas();
    void hoverAt(const QPointF &viewPos, const QPoint &globalPos);
    [[nodiscard]] double xAtViewPos(const QPointF &viewPos) const;
    [[nodiscard]] bool inPlotArea(const QPointF &viewPos) const;
    // Intervals on the value axes: fewer on a short panel on screen, so labels keep their room.
    [[nodiscard]] int valueTickTarget(int panel) const;
    [[nodiscard]] QChart *firstChart() const { return m_panels.front().chart; }

    QString m_title;
    QString m_subtitle;
    ResultGroupModel *m_groups = nullptr;
    std::vector<Panel> m_panels;
    int m_panel = 0; // during a rebuild: the panel being drawn into
    QGraphicsWidget *m_stack = nullptr; // the panels' charts, one above the other
    InteractiveChartView *m_view = nullptr;
    std::vector<int> m_valueTickTargets; // per panel, what its value axes were last laid out with
    bool m_aligning = false;
    int m_hoveredMonth = -1;
    QString m_hoverTooltip;
    int m_months = 0;
    int m_offset = 0;
    QStringList m_names;
    QHash<QString, QList<QPointF>> m_points;
    QSet<QString> m_hidden;
    std::vector<Slot> m_slots; // the chart's series in the order the last rebuild added them
    std::size_t m_cursor = 0;  // during a rebuild: the next slot to reuse
    bool m_stepped = false;
    bool m_emptied = false; // this rebuild has emptied the series for a range change
    bool m_dirty = false;
    int m_holds = 0;
};

} // namespace cp::views
