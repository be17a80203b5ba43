#pragma once

#include "charts/chartwidget.h"
#include "solver/risk.h"

#include <QRectF>
#include <QSet>

#include <vector>

namespace cp::views {

// The tornado of a risk run, painted by hand: one row per three-point input, largest NPV swing
// first; a bar from the plan's NPV to the NPV with that input at its low, and one to its high
// (the others at mode). The full-power date's swing is written beside each row. Legend entries
// hide and show the low or the high bars.
class TornadoChart final : public ChartWidget
{
    Q_OBJECT

public:
    explicit TornadoChart(QWidget *parent = nullptr);

    void setBars(const std::vector<solver::TornadoBar> &bars, double planNpvUsd);
    void clear();
    [[nodiscard]] int rowCount() const { return static_cast<int>(m_bars.size()); }

    [[nodiscard]] QString title() const override;
    [[nodiscard]] QStringList seriesNames() const override;
    // (row, NPV at low) or (row, NPV at high), row 0 the widest swing.
    [[nodiscard]] QList<QPointF> seriesPoints(const QString &name) const override;
    [[nodiscard]] bool isSeriesShown(const QString &name) const override { return !m_hidden.contains(name); }
    void setSeriesShown(const QString &name, bool shown) override;
    [[nodiscard]] QString hoverText(int row) const override; // by row: a tornado has no months

    [[nodiscard]] QSizeF preferredRenderSize(double width) const override;
    [[nodiscard]] QSize sizeHint() const override;

    [[nodiscard]] static QString lowName();
    [[nodiscard]] static QString highName();

protected:
    void renderChart(QPainter &painter, const QRectF &target, const QSizeF &layoutSize) override;
    void applyVisibleRange() override {}
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    struct Layout {
        QSizeF size;
        QRectF plot;
        double rowHeight = 26;
        std::vector<QRectF> rows;
        std::vector<std::pair<QRectF, QString>> legend;
    };
    [[nodiscard]] Layout layoutFor(const QSizeF &size) const;
    void paint(QPainter &painter, const Layout &layout) const;

    static constexpr int kMaxRows = 12;
    std::vector<solver::TornadoBar> m_bars;
    QStringList m_labels; // one per bar
    double m_planNpvUsd = 0.0;
    QSet<QString> m_hidden;
    Layout m_screen;
};

} // namespace cp::views
