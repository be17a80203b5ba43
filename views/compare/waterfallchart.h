#pragma once

#include "analysis/timevalue.h"
#include "charts/chartwidget.h"

#include <QRectF>

#include <vector>

namespace cp::views {

// The bridge from one plan's NPV to another's (docs/methodology.md, "Comparing plans"), painted
// by hand as a horizontal waterfall: the baseline's NPV, one bar per category that moves it
// (gains green, losses red), the other plan's NPV. Categories that do not move are left out.
class WaterfallChart final : public ChartWidget
{
    Q_OBJECT

public:
    explicit WaterfallChart(QWidget *parent = nullptr);

    void setBridge(const TimeValue &value, const QString &baselineName, const QString &otherName);
    void clear();
    [[nodiscard]] int rowCount() const { return static_cast<int>(m_rows.size()); }

    [[nodiscard]] QString title() const override;
    // One series, "NPV": (row, the running NPV after that row); row 0 the baseline.
    [[nodiscard]] QStringList seriesNames() const override;
    [[nodiscard]] QList<QPointF> seriesPoints(const QString &name) const override;
    [[nodiscard]] bool isSeriesShown(const QString &) const override { return true; }
    void setSeriesShown(const QString &, bool) override {}
    [[nodiscard]] QString hoverText(int row) const override;

    [[nodiscard]] QSizeF preferredRenderSize(double width) const override;
    [[nodiscard]] QSize sizeHint() const override;

protected:
    void renderChart(QPainter &painter, const QRectF &target, const QSizeF &layoutSize) override;
    void applyVisibleRange() override {}
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    struct Row {
        QString label;
        double fromUsd = 0.0; // where the bar starts (a total starts at 0)
        double toUsd = 0.0;   // where it ends: the running NPV after this row
        bool total = false;
    };
    struct Layout {
        QSizeF size;
        QRectF plot;
        std::vector<QRectF> rows;
    };
    [[nodiscard]] Layout layoutFor(const QSizeF &size) const;
    void paint(QPainter &painter, const Layout &layout) const;

    std::vector<Row> m_rows;
    bool m_net = false; // NPV of net cash flow (else of costs)
    Layout m_screen;
};

} // namespace cp::views
