#pragma once

#include "charts/chartwidget.h"

#include <QRectF>

#include <optional>
#include <vector>

namespace cp::views {

// The optimizer's frontier: for each goal month (x), the best objective a plan
// reaching full power by then can have (y), so a planner reads what each month earlier costs.
// Painted by hand: the values of a frontier sit close together ($3.15B to $3.32B), so the value
// axis spans the data, not zero to the top, and names its scale on every tick ($3.20B).
// The goal asked for and the current plan (its own full-power month and objective) are marked.
class FrontierChart final : public ChartWidget
{
    Q_OBJECT

public:
    struct Point {
        int month = 0;               // absolute goal month
        std::optional<double> usd;   // the best objective; none when no plan reaches it
    };

    explicit FrontierChart(QWidget *parent = nullptr);

    // `net`: the values are NPVs of net cash flow (more is better), else NPVs of costs.
    void setFrontier(std::vector<Point> points, bool net);
    // The goal month asked for (highlighted on the frontier); nullopt: none.
    void setGoal(std::optional<int> month);
    // The current plan: its full-power month and objective; nullopt: not shown.
    void setCurrentPlan(std::optional<int> fullPowerMonth, std::optional<double> usd);
    void clear();

    [[nodiscard]] QString title() const override;
    // Series "Best plan" (goal month, objective) and "Current plan" (its full-power month, objective).
    [[nodiscard]] QStringList seriesNames() const override;
    [[nodiscard]] QList<QPointF> seriesPoints(const QString &name) const override;
    [[nodiscard]] bool isSeriesShown(const QString &) const override { return true; }
    void setSeriesShown(const QString &, bool) override {}
    // x = months from the first goal month shown.
    [[nodiscard]] QString hoverText(int x) const override;
    // One line under the title: "Each month earlier than Dec 2026 costs $19.3M more (Nov 2026: $3.28B)".
    [[nodiscard]] QString summary() const;

    [[nodiscard]] QSize sizeHint() const override { return {720, 300}; }
    [[nodiscard]] QSize minimumSizeHint() const override { return {360, 200}; }

    [[nodiscard]] static QString bestSeriesName();
    [[nodiscard]] static QString currentSeriesName();

protected:
    void renderChart(QPainter &painter, const QRectF &target, const QSizeF &layoutSize) override;
    void applyVisibleRange() override { update(); }
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    struct Layout {
        QSizeF size;
        QRectF plot;
    };
    [[nodiscard]] Layout layoutFor(const QSizeF &size) const;
    void paint(QPainter &painter, const Layout &layout) const;
    void updateRange();
    [[nodiscard]] const Point *pointAt(int month) const;
    [[nodiscard]] QString valueName() const;
    // "costs $19.3M more" / "earns $19.3M less": what the earlier goal changes.
    [[nodiscard]] QString changeText(double earlierUsd, double laterUsd) const;

    std::vector<Point> m_points; // by month, ascending
    bool m_net = false;
    std::optional<int> m_goal;
    std::optional<int> m_currentMonth;
    std::optional<double> m_currentUsd;
    int m_offset = 0; // absolute month at x = 0
    Layout m_screen;
};

} // namespace cp::views
