#include "compare/waterfallchart.h"

#include "charts/chartpalette.h"
#include "charts/usdaxis.h"
#include "format/units.h"

#include <QFontMetricsF>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace cp::views {

namespace {

constexpr double kMargin = 14;
constexpr double kTitleHeight = 26;
constexpr double kAxisHeight = 26;
constexpr double kRowHeight = 24;

QColor gainColor()
{
    return QColor(0x2b, 0x8c, 0x6b);
}

QColor lossColor()
{
    return QColor(0xc0, 0x50, 0x3a);
}

QColor totalColor()
{
    return QColor(0x4a, 0x6f, 0xa5);
}

QString signedUsd(double usd)
{
    return (usd >= 0 ? QStringLiteral("+") : QStringLiteral("\u2212")) + format::usd(std::abs(usd));
}

} // namespace

WaterfallChart::WaterfallChart(QWidget *parent)
    : ChartWidget(parent)
{
    setMouseTracking(true);
}

QString WaterfallChart::title() const
{
    return m_net ? tr("From one plan's NPV of net cash flow to the other's") : tr("From one plan's NPV of costs to the other's");
}

void WaterfallChart::setBridge(const TimeValue &value, const QString &baselineName, const QString &otherName)
{
    m_net = value.returns;
    m_rows.clear();
    m_rows.push_back({baselineName, 0.0, value.fromUsd, true});
    double running = value.fromUsd;
    // Steps below a millionth of the larger NPV would be invisible slivers.
    const double negligible = 1e-6 * std::max({1.0, std::abs(value.fromUsd), std::abs(value.toUsd)});
    for (const NpvStep &step : value.steps) {
        if (std::abs(step.usd) <= negligible)
            continue;
        m_rows.push_back({QString::fromUtf8(step.label), running, running + step.usd, false});
        running += step.usd;
    }
    m_rows.push_back({otherName, 0.0, value.toUsd, true});
    updateGeometry();
    update();
}

void WaterfallChart::clear()
{
    m_rows.clear();
    update();
}

QStringList WaterfallChart::seriesNames() const
{
    return {QStringLiteral("NPV")};
}

QList<QPointF> WaterfallChart::seriesPoints(const QString &name) const
{
    QList<QPointF> points;
    if (name != QStringLiteral("NPV"))
        return points;
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        points.append(QPointF(static_cast<double>(i), m_rows[i].toUsd));
    return points;
}

QString WaterfallChart::hoverText(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_rows.size()))
        return {};
    const Row &r = m_rows[static_cast<std::size_t>(row)];
    if (r.total)
        return QStringLiteral("<b>%1</b><br>%2").arg(r.label.toHtmlEscaped(), format::usd(r.toUsd));
    return QStringLiteral("<b>%1</b><br>%2 (NPV from %3 to %4)")
        .arg(r.label.toHtmlEscaped(), signedUsd(r.toUsd - r.fromUsd), format::usd(r.fromUsd), format::usd(r.toUsd));
}

QSizeF WaterfallChart::preferredRenderSize(double width) const
{
    const double rows = std::max<double>(2, static_cast<double>(m_rows.size()));
    return {width, kMargin * 2 + kTitleHeight + kAxisHeight + rows * kRowHeight};
}

QSize WaterfallChart::sizeHint() const
{
    return preferredRenderSize(720).toSize();
}

WaterfallChart::Layout WaterfallChart::layoutFor(const QSizeF &size) const
{
    Layout layout;
    layout.size = size;
    QFont font;
    font.setPixelSize(12);
    const QFontMetricsF metrics(font);
    double labelWidth = 0;
    for (const Row &row : m_rows)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(row.label));
    labelWidth = std::min(labelWidth + 12, size.width() * 0.35);
    const double notesWidth = 90;
    const double top = kMargin + kTitleHeight;
    const double rowHeight = m_rows.empty()
                                 ? kRowHeight
                                 : std::min(30.0, std::max(12.0, (size.height() - top - kAxisHeight - kMargin)
                                                                    / static_cast<double>(m_rows.size())));
    layout.plot = QRectF(kMargin + labelWidth, top, std::max(40.0, size.width() - 2 * kMargin - labelWidth - notesWidth),
                         rowHeight * static_cast<double>(std::max<std::size_t>(1, m_rows.size())));
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        layout.rows.push_back(QRectF(kMargin, top + rowHeight * static_cast<double>(i), size.width() - 2 * kMargin, rowHeight));
    return layout;
}

void WaterfallChart::paint(QPainter &painter, const Layout &layout) const
{
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(QRectF(QPointF(0, 0), layout.size), Qt::white);
    QFont titleFont;
    titleFont.setPixelSize(15);
    titleFont.setBold(true);
    QFont font;
    font.setPixelSize(12);
    QFont small;
    small.setPixelSize(11);
    const QColor ink = palette::role(palette::Role::Axis).darker(160);

    painter.setFont(titleFont);
    painter.setPen(ink);
    painter.drawText(QRectF(kMargin, kMargin, layout.size.width() - 2 * kMargin, kTitleHeight),
                     Qt::AlignLeft | Qt::AlignVCenter, title());
    if (m_rows.empty()) {
        painter.setFont(font);
        painter.setPen(palette::role(palette::Role::Axis));
        painter.drawText(layout.plot, Qt::AlignCenter, tr("Pick two scenarios to compare."));
        return;
    }

    // The axis always includes zero, where the totals start.
    double lo = 0.0, hi = 0.0;
    for (const Row &row : m_rows) {
        lo = std::min({lo, row.fromUsd, row.toUsd});
        hi = std::max({hi, row.fromUsd, row.toUsd});
    }
    const double spread = std::max(1.0, hi - lo);
    lo -= spread * 0.04;
    hi += spread * 0.04;
    const QRectF plot = layout.plot;
    auto xOf = [&](double usd) { return plot.left() + (usd - lo) / (hi - lo) * plot.width(); };

    // Ticks: round steps of the spread, at most a dozen (bounded whatever the numbers).
    painter.setFont(small);
    drawUsdAxis(painter, plot, lo, hi, kAxisHeight, xOf);
    const double x0 = xOf(0.0);
    painter.setPen(QPen(palette::role(palette::Role::Axis), 1.0));
    painter.drawLine(QPointF(x0, plot.top()), QPointF(x0, plot.bottom()));

    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows[i];
        const QRectF rowRect = layout.rows[i];
        painter.setFont(r.total ? [&] { QFont bold = font; bold.setBold(true); return bold; }() : font);
        painter.setPen(ink);
        const QRectF labelRect(rowRect.left(), rowRect.top(), plot.left() - rowRect.left() - 8, rowRect.height());
        painter.drawText(labelRect, Qt::AlignRight | Qt::AlignVCenter,
                         painter.fontMetrics().elidedText(r.label, Qt::ElideMiddle, static_cast<int>(labelRect.width())));
        const double a = xOf(r.fromUsd), b = xOf(r.toUsd);
        const double delta = r.toUsd - r.fromUsd;
        painter.setPen(Qt::NoPen);
        painter.setBrush(r.total ? totalColor() : (delta >= 0 ? gainColor() : lossColor()));
        painter.drawRect(QRectF(std::min(a, b), rowRect.top() + rowRect.height() * 0.2, std::max(1.0, std::abs(b - a)),
                                rowRect.height() * 0.6));
        // The connector to the next row: where this bar ends, the next one starts.
        if (i + 1 < m_rows.size() && !m_rows[i + 1].total) {
            painter.setPen(QPen(palette::role(palette::Role::Axis), 0.8, Qt::DotLine));
            painter.drawLine(QPointF(b, rowRect.top() + rowRect.height() * 0.8), QPointF(b, rowRect.bottom() + rowRect.height() * 0.2));
        }
        painter.setFont(small);
        painter.setPen(palette::role(palette::Role::Axis));
        painter.drawText(QRectF(plot.right() + 8, rowRect.top(), layout.size.width() - plot.right() - 8 - kMargin, rowRect.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, r.total ? format::usd(r.toUsd) : signedUsd(delta));
    }
}

void WaterfallChart::renderChart(QPainter &painter, const QRectF &target, const QSizeF &layoutSize)
{
    painter.translate(target.topLeft());
    painter.scale(target.width() / layoutSize.width(), target.height() / layoutSize.height());
    painter.setClipRect(QRectF(QPointF(0, 0), layoutSize));
    paint(painter, layoutFor(layoutSize));
}

void WaterfallChart::paintEvent(QPaintEvent *)
{
    m_screen = layoutFor(QSizeF(size()));
    QPainter painter(this);
    paint(painter, m_screen);
}

void WaterfallChart::mouseMoveEvent(QMouseEvent *event)
{
    for (std::size_t i = 0; i < m_screen.rows.size(); ++i) {
        if (m_screen.rows[i].contains(event->position())) {
            QToolTip::showText(event->globalPosition().toPoint(), hoverText(static_cast<int>(i)), this);
            return;
        }
    }
    QToolTip::hideText();
}

} // namespace cp::views
