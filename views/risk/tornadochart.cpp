#include "risk/tornadochart.h"

#include "charts/chartpalette.h"
#include "charts/usdaxis.h"
#include "format/riskinputlabel.h"
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
constexpr double kLegendHeight = 22;
constexpr double kAxisHeight = 26;

QColor lowColor()
{
    return QColor(0x2b, 0x8c, 0x6b); // an input at its low: usually cheaper
}

QColor highColor()
{
    return QColor(0xc0, 0x50, 0x3a); // at its high: usually dearer
}

// The swing in NPV, and in the full-power date when it moves.
QString noteText(const solver::TornadoBar &bar)
{
    QString note = format::usd(bar.npvSwingUsd);
    if (bar.fullPowerSwingMonths > 0)
        note += QStringLiteral(" \u2022 ") + format::nounCount(bar.fullPowerSwingMonths, QStringLiteral("month"),
                                                                 QStringLiteral("months"));
    return note;
}

QString rangeText(const solver::TornadoBar &bar)
{
    return format::riskInputRange(bar.field, bar.low, bar.high); // with the input's unit, as the report writes it
}

} // namespace

TornadoChart::TornadoChart(QWidget *parent)
    : ChartWidget(parent)
{
    setMouseTracking(true);
}

QString TornadoChart::title() const
{
    return tr("What moves the NPV most");
}

QString TornadoChart::lowName()
{
    return tr("Input at its low");
}

QString TornadoChart::highName()
{
    return tr("Input at its high");
}

void TornadoChart::setBars(const std::vector<solver::TornadoBar> &bars, double planNpvUsd)
{
    m_bars.assign(bars.begin(), bars.begin() + std::min<std::size_t>(bars.size(), kMaxRows));
    m_planNpvUsd = planNpvUsd;
    const bool withSite = format::inputsSpanSites(bars); // as the report's table decides
    m_labels.clear();
    for (const solver::TornadoBar &bar : m_bars)
        m_labels << format::riskInputLabel(bar, withSite);
    updateGeometry();
    update();
}

void TornadoChart::clear()
{
    m_bars.clear();
    m_labels.clear();
    update();
}

QStringList TornadoChart::seriesNames() const
{
    return {lowName(), highName()};
}

QList<QPointF> TornadoChart::seriesPoints(const QString &name) const
{
    QList<QPointF> points;
    for (std::size_t i = 0; i < m_bars.size(); ++i)
        points.append(QPointF(static_cast<double>(i), name == lowName() ? m_bars[i].npvAtLowUsd : m_bars[i].npvAtHighUsd));
    return points;
}

void TornadoChart::setSeriesShown(const QString &name, bool shown)
{
    if (shown)
        m_hidden.remove(name);
    else
        m_hidden.insert(name);
    update();
}

QString TornadoChart::hoverText(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_bars.size()))
        return {};
    const solver::TornadoBar &bar = m_bars[static_cast<std::size_t>(row)];
    auto month = [](const std::optional<int> &m) { return m ? format::monthLabel(*m) : tr("beyond the plan"); };
    return QStringLiteral("<b>%1</b><br>%2: %3<br>NPV at low: %4 (full power %5)<br>NPV at high: %6 (full power %7)"
                          "<br>Swing: %8")
        .arg(m_labels[row].toHtmlEscaped(), tr("Range"), rangeText(bar), format::usd(bar.npvAtLowUsd),
             month(bar.fullPowerAtLow), format::usd(bar.npvAtHighUsd), month(bar.fullPowerAtHigh),
             format::usd(bar.npvSwingUsd));
}

QSizeF TornadoChart::preferredRenderSize(double width) const
{
    const double rows = std::max<double>(1, static_cast<double>(m_bars.size()));
    return {width, kMargin * 2 + kTitleHeight + kLegendHeight + kAxisHeight + rows * 26};
}

QSize TornadoChart::sizeHint() const
{
    return preferredRenderSize(720).toSize();
}

TornadoChart::Layout TornadoChart::layoutFor(const QSizeF &size) const
{
    Layout layout;
    layout.size = size;
    QFont font;
    font.setPixelSize(12);
    const QFontMetricsF metrics(font);
    double labelWidth = 0;
    for (const QString &label : m_labels)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(label));
    labelWidth = std::min(labelWidth + 12, size.width() * 0.42);
    // The notes ("$47.7M • 3 months") keep their width; the labels give way.
    QFont small = font;
    small.setPixelSize(11);
    const QFontMetricsF smallMetrics(small);
    double notesWidth = 60;
    for (const solver::TornadoBar &bar : m_bars)
        notesWidth = std::max(notesWidth, smallMetrics.horizontalAdvance(noteText(bar)) + 16);
    const double top = kMargin + kTitleHeight + kLegendHeight;
    const double rowsHeight = std::max(26.0, size.height() - top - kAxisHeight - kMargin);
    layout.rowHeight = m_bars.empty() ? 26 : std::min(30.0, rowsHeight / static_cast<double>(m_bars.size()));
    layout.plot = QRectF(kMargin + labelWidth, top, std::max(40.0, size.width() - 2 * kMargin - labelWidth - notesWidth),
                         layout.rowHeight * static_cast<double>(std::max<std::size_t>(1, m_bars.size())));
    for (std::size_t i = 0; i < m_bars.size(); ++i)
        layout.rows.push_back(QRectF(kMargin, top + layout.rowHeight * static_cast<double>(i), size.width() - 2 * kMargin,
                                     layout.rowHeight));
    double x = kMargin;
    for (const QString &name : seriesNames()) {
        const double w = 18 + metrics.horizontalAdvance(name) + 16;
        layout.legend.push_back({QRectF(x, kMargin + kTitleHeight, w, kLegendHeight - 4), name});
        x += w;
    }
    return layout;
}

void TornadoChart::paint(QPainter &painter, const Layout &layout) const
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

    painter.setFont(titleFont);
    painter.setPen(palette::role(palette::Role::Axis).darker(160));
    painter.drawText(QRectF(kMargin, kMargin, layout.size.width() - 2 * kMargin, kTitleHeight),
                     Qt::AlignLeft | Qt::AlignVCenter, title());

    painter.setFont(font);
    for (const auto &[rect, name] : layout.legend) {
        const bool shown = isSeriesShown(name);
        painter.setPen(Qt::NoPen);
        painter.setBrush(shown ? (name == lowName() ? lowColor() : highColor()) : QColor(0xd0, 0xd0, 0xd0));
        painter.drawRect(QRectF(rect.left(), rect.center().y() - 5, 12, 10));
        painter.setPen(shown ? palette::role(palette::Role::Axis).darker(160) : QColor(0xa0, 0xa0, 0xa0));
        painter.drawText(rect.adjusted(18, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, name);
    }

    if (m_bars.empty()) {
        painter.setPen(palette::role(palette::Role::Axis));
        painter.drawText(layout.plot, Qt::AlignCenter, tr("No uncertain inputs: every range is a single value."));
        return;
    }

    double lo = m_planNpvUsd, hi = m_planNpvUsd;
    for (const solver::TornadoBar &bar : m_bars) {
        lo = std::min({lo, bar.npvAtLowUsd, bar.npvAtHighUsd});
        hi = std::max({hi, bar.npvAtLowUsd, bar.npvAtHighUsd});
    }
    const double pad = std::max(1.0, (hi - lo) * 0.06);
    lo -= pad;
    hi += pad;
    const QRectF plot = layout.plot;
    // Kept inside the plot: an infinite or NaN NPV draws a bar to the edge, not to infinity.
    auto xOf = [&](double usd) {
        const double x = plot.left() + (usd - lo) / (hi - lo) * plot.width();
        return std::isfinite(x) ? std::clamp(x, plot.left(), plot.right()) : (usd > 0 ? plot.right() : plot.left());
    };

    // Ticks: round steps of the spread, bounded in number whatever the values (an infinite or
    // 1e305 NPV once made this loop run forever).
    painter.setFont(small);
    drawUsdAxis(painter, plot, lo, hi, kAxisHeight, xOf);

    for (std::size_t i = 0; i < m_bars.size(); ++i) {
        const solver::TornadoBar &bar = m_bars[i];
        const QRectF row = layout.rows[i];
        painter.setFont(font);
        painter.setPen(palette::role(palette::Role::Axis).darker(160));
        const QRectF labelRect(row.left(), row.top(), plot.left() - row.left() - 8, row.height());
        painter.drawText(labelRect, Qt::AlignRight | Qt::AlignVCenter,
                         painter.fontMetrics().elidedText(m_labels[static_cast<qsizetype>(i)], Qt::ElideMiddle,
                                                          static_cast<int>(labelRect.width())));
        const double barTop = row.top() + row.height() * 0.2;
        const double barHeight = row.height() * 0.6;
        auto bar_ = [&](double value, const QString &name, const QColor &color) {
            if (!isSeriesShown(name))
                return;
            const double a = xOf(m_planNpvUsd), b = xOf(value);
            painter.setPen(Qt::NoPen);
            painter.setBrush(color);
            painter.drawRect(QRectF(std::min(a, b), barTop, std::max(1.0, std::abs(b - a)), barHeight));
        };
        bar_(bar.npvAtLowUsd, lowName(), lowColor());
        bar_(bar.npvAtHighUsd, highName(), highColor());
        painter.setFont(small);
        painter.setPen(palette::role(palette::Role::Axis));
        const QString note = noteText(bar);
        painter.drawText(QRectF(plot.right() + 8, row.top(), layout.size.width() - plot.right() - 8 - kMargin, row.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, note);
    }
    // The plan's NPV: the axis every bar grows from.
    const double x0 = xOf(m_planNpvUsd);
    painter.setPen(QPen(palette::role(palette::Role::Axis).darker(150), 1.5));
    painter.drawLine(QPointF(x0, plot.top() - 2), QPointF(x0, plot.bottom() + 2));
    painter.setFont(small);
    painter.drawText(QRectF(x0 - 80, plot.top() - 16, 160, 14), Qt::AlignCenter,
                     tr("plan: %1").arg(format::usd(m_planNpvUsd)));
}

void TornadoChart::renderChart(QPainter &painter, const QRectF &target, const QSizeF &layoutSize)
{
    painter.translate(target.topLeft());
    painter.scale(target.width() / layoutSize.width(), target.height() / layoutSize.height());
    painter.setClipRect(QRectF(QPointF(0, 0), layoutSize));
    paint(painter, layoutFor(layoutSize));
}

void TornadoChart::paintEvent(QPaintEvent *)
{
    m_screen = layoutFor(QSizeF(size()));
    QPainter painter(this);
    paint(painter, m_screen);
}

void TornadoChart::mouseMoveEvent(QMouseEvent *event)
{
    for (std::size_t i = 0; i < m_screen.rows.size(); ++i) {
        if (m_screen.rows[i].contains(event->position())) {
            QToolTip::showText(event->globalPosition().toPoint(), hoverText(static_cast<int>(i)), this);
            return;
        }
    }
    QToolTip::hideText();
}

void TornadoChart::mousePressEvent(QMouseEvent *event)
{
    for (const auto &[rect, name] : m_screen.legend)
        if (rect.contains(event->position()))
            setSeriesShown(name, !isSeriesShown(name));
}

} // namespace cp::views
