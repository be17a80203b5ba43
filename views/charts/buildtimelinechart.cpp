#include "charts/buildtimelinechart.h"

#include "charts/axisscale.h"
#include "charts/chartpalette.h"
#include "domain/kinds.h"
#include "format/units.h"
#include "itemmodels/resulttimelinemodel.h"

#include <QFontMetricsF>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace cp::views {

namespace {

constexpr double kMargin = 10.0;
constexpr double kMinRowHeight = 13.0;
constexpr double kMaxRowHeight = 30.0;

QFont pixelFont(int pixels, bool bold = false)
{
    QFont font;
    font.setPixelSize(pixels);
    font.setBold(bold);
    return font;
}

QString bindingText(solver::Binding binding)
{
    switch (binding) {
    case solver::Binding::Facility:
        return BuildTimelineChart::tr("the facility");
    case solver::Binding::Delivery:
        return BuildTimelineChart::tr("deliveries");
    case solver::Binding::Power:
        return BuildTimelineChart::tr("power");
    case solver::Binding::Cooling:
        return BuildTimelineChart::tr("cooling");
    case solver::Binding::None:
        break;
    }
    return {};
}

void drawDiamond(QPainter &painter, const QPointF &centre, double radius)
{
    QPainterPath path;
    path.moveTo(centre.x(), centre.y() - radius);
    path.lineTo(centre.x() + radius, centre.y());
    path.lineTo(centre.x(), centre.y() + radius);
    path.lineTo(centre.x() - radius, centre.y());
    path.closeSubpath();
    painter.drawPath(path);
}

} // namespace

BuildTimelineChart::BuildTimelineChart(ResultTimelineModel *model, QWidget *parent)
    : ChartWidget(parent)
    , m_model(model)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(m_model, &QAbstractItemModel::modelReset, this, &BuildTimelineChart::rebuildFromModel);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &BuildTimelineChart::rebuildFromModel);
    rebuildFromModel();
}

QString BuildTimelineChart::title() const
{
    return tr("Build timeline");
}

void BuildTimelineChart::rebuildFromModel()
{
    m_entries.clear();
    auto add = [&](const QString &name, const QColor &color, TimelinePhase phase, std::optional<solver::PowerKind> kind) {
        m_entries.push_back({name, color, phase, kind});
    };
    add(phaseName(TimelinePhase::Permit), palette::timelinePhase(TimelinePhase::Permit), TimelinePhase::Permit, std::nullopt);
    add(phaseName(TimelinePhase::Construction), palette::timelinePhase(TimelinePhase::Construction), TimelinePhase::Construction,
        std::nullopt);
    bool cooling = false;
    std::vector<bool> kinds(static_cast<std::size_t>(solver::PowerKind::Bess) + 1, false);
    for (const SiteTimeline &site : m_model->sites()) {
        for (const TimelineBar &bar : site.bars) {
            if (bar.phase == TimelinePhase::Power)
                kinds[static_cast<std::size_t>(bar.powerKind)] = true;
            cooling = cooling || bar.phase == TimelinePhase::Cooling;
        }
    }
    for (std::size_t k = 0; k < kinds.size(); ++k) {
        if (!kinds[k])
            continue;
        const auto kind = static_cast<solver::PowerKind>(k);
        add(displayName(kind), palette::powerKind(kind), TimelinePhase::Power, kind);
    }
    if (cooling)
        add(phaseName(TimelinePhase::Cooling), palette::timelinePhase(TimelinePhase::Cooling), TimelinePhase::Cooling, std::nullopt);
    add(phaseName(TimelinePhase::Compute), palette::timelinePhase(TimelinePhase::Compute), TimelinePhase::Compute, std::nullopt);

    // The whole axis: the plan, widened to every bar (orders often come before the plan starts).
    double first = 0.0;
    double last = std::max(1, m_model->horizonMonths());
    for (const SiteTimeline &site : m_model->sites()) {
        for (const TimelineBar &bar : site.bars) {
            first = std::min(first, static_cast<double>(bar.startMonth - m_model->startMonth()));
            last = std::max(last, static_cast<double>(bar.endMonth - m_model->startMonth() + 1));
        }
    }
    setFullRange(first, last);
    updateGeometry();
    update();
}

QString BuildTimelineChart::entryOf(int site, int barIndex) const
{
    const TimelineBar &bar = m_model->bar(site, barIndex);
    if (bar.phase == TimelinePhase::Power)
        return displayName(bar.powerKind);
    return phaseName(bar.phase);
}

QStringList BuildTimelineChart::seriesNames() const
{
    QStringList names;
    for (const Entry &entry : m_entries)
        names << entry.name;
    return names;
}

QList<QPointF> BuildTimelineChart::seriesPoints(const QString &name) const
{
    QList<QPointF> points;
    const auto &sites = m_model->sites();
    for (std::size_t s = 0; s < sites.size(); ++s) {
        for (std::size_t b = 0; b < sites[s].bars.size(); ++b) {
            if (entryOf(static_cast<int>(s), static_cast<int>(b)) != name)
                continue;
            const TimelineBar &bar = sites[s].bars[b];
            points.append(QPointF(bar.startMonth - m_model->startMonth(), bar.endMonth - m_model->startMonth()));
        }
    }
    return points;
}

void BuildTimelineChart::setSeriesShown(const QString &name, bool shown)
{
    if (shown)
        m_hidden.remove(name);
    else
        m_hidden.insert(name);
    updateGeometry();
    update();
}

QString BuildTimelineChart::summary() const
{
    const auto &sites = m_model->sites();
    // More than a few sites: one line that says which site gates the portfolio, not a line per
    // site run together; the chart and its hover carry the detail.
    constexpr std::size_t kSitesListed = 3;
    if (sites.size() > kSitesListed) {
        const SiteTimeline *last = nullptr;
        QStringList notFull;
        for (const SiteTimeline &site : sites) {
            if (!site.fullPowerMonth)
                notFull << site.name;
            else if (!last || *site.fullPowerMonth > *last->fullPowerMonth)
                last = &site;
        }
        QStringList parts;
        if (last) {
            QStringList gates;
            for (const TimelineBar &bar : last->bars)
                if (bar.gating)
                    gates << bar.item;
            parts << tr("%1 of %2 sites at full power, the last %3 in %4%5")
                         .arg(static_cast<qsizetype>(sites.size()) - notFull.size())
                         .arg(sites.size())
                         .arg(last->name, format::monthLabel(*last->fullPowerMonth),
                              gates.isEmpty() ? QString() : tr(" (gated by %1)").arg(gates.join(QStringLiteral(", "))));
        }
        if (!notFull.isEmpty()) {
            const qsizetype more = notFull.size() - static_cast<qsizetype>(kSitesListed);
            const QString names = more > 0 ? notFull.mid(0, kSitesListed).join(QStringLiteral(", ")) + tr(" and %1 more").arg(more)
                                           : notFull.join(QStringLiteral(", "));
            parts << tr("%1 not at full power within the plan: %2").arg(notFull.size()).arg(names);
        }
        return parts.join(QStringLiteral("; "));
    }
    QStringList parts;
    for (const SiteTimeline &site : m_model->sites()) {
        QString text = m_model->sites().size() > 1 ? site.name + QStringLiteral(": ") : QString();
        if (site.fullPowerMonth) {
            text += tr("full power %1").arg(format::monthLabel(*site.fullPowerMonth));
            QStringList gates;
            for (const TimelineBar &bar : site.bars)
                if (bar.gating)
                    gates << bar.item;
            if (!gates.isEmpty())
                text += tr(", gated by %1").arg(gates.join(QStringLiteral(", ")));
        } else {
            text += tr("not at full power within the plan");
            const QString limit = bindingText(site.limitedBy);
            if (!limit.isEmpty())
                text += tr(" (limited by %1)").arg(limit);
        }
        parts << text;
    }
    if (parts.isEmpty())
        return {};
    QString joined = parts.join(QStringLiteral("; "));
    joined[0] = joined[0].toUpper();
    return joined;
}

QString BuildTimelineChart::hoverText(int month) const
{
    const int absMonth = m_model->startMonth() + month;
    QStringList lines;
    for (const SiteTimeline &site : m_model->sites()) {
        for (const TimelineBar &bar : site.bars) {
            if (bar.endMonth != absMonth)
                continue;
            QString verb = bar.phase == TimelinePhase::Compute ? tr("delivered")
                         : (bar.phase == TimelinePhase::Permit || bar.phase == TimelinePhase::Construction) ? tr("done")
                                                                                                             : tr("available");
            lines << tr("%1: %2 %3%4").arg(site.name, bar.item, verb, bar.gating ? tr(" (gates full power)") : QString());
        }
        if (site.fullPowerMonth == absMonth)
            lines << tr("%1: full power").arg(site.name);
    }
    if (lines.isEmpty())
        return {};
    lines.prepend(QStringLiteral("<b>%1</b>").arg(format::monthLabel(absMonth)));
    return lines.join(QStringLiteral("<br>"));
}

std::vector<BuildTimelineChart::Row> BuildTimelineChart::visibleRows() const
{
    std::vector<Row> rows;
    const auto &sites = m_model->sites();
    for (std::size_t s = 0; s < sites.size(); ++s) {
        rows.push_back({static_cast<int>(s), -1});
        for (std::size_t b = 0; b < sites[s].bars.size(); ++b)
            if (!m_hidden.contains(entryOf(static_cast<int>(s), static_cast<int>(b))))
                rows.push_back({static_cast<int>(s), static_cast<int>(b)});
    }
    return rows;
}

QSizeF BuildTimelineChart::preferredRenderSize(double width) const
{
    // Title, legend and axis take about 110 layout pixels; rows read well at 24.
    return {width, std::max(width * 0.3, 110.0 + 24.0 * static_cast<double>(visibleRows().size()))};
}

QSize BuildTimelineChart::sizeHint() const
{
    const int rows = static_cast<int>(visibleRows().size());
    return {900, static_cast<int>(120 + rows * 22)};
}

QSize BuildTimelineChart::minimumSizeHint() const
{
    const int rows = static_cast<int>(visibleRows().size());
    return {400, static_cast<int>(110 + rows * kMinRowHeight)};
}

BuildTimelineChart::Layout BuildTimelineChart::layoutFor(const QSizeF &size) const
{
    Layout layout;
    layout.size = size;
    const QFontMetricsF title(pixelFont(15, true));
    const QFontMetricsF small(pixelFont(12));
    layout.titleBottom = kMargin + title.height() + small.height() + 4;

    // Legend entries flow left to right, wrapping.
    double x = kMargin;
    double y = layout.titleBottom + 4;
    layout.legendTop = y;
    const double swatch = 12;
    for (const Entry &entry : m_entries) {
        const double width = swatch + 5 + small.horizontalAdvance(entry.name) + 16;
        if (x + width > size.width() - kMargin && x > kMargin) {
            x = kMargin;
            y += small.height() + 4;
        }
        layout.legend.emplace_back(QRectF(x, y, width - 10, small.height()), entry.name);
        x += width;
    }
    for (const char *extra : {"full", "gate"}) {
        const QString text = QByteArray(extra) == "full" ? tr("Full power") : tr("Gates full power");
        const double width = swatch + 5 + small.horizontalAdvance(text) + 16;
        if (x + width > size.width() - kMargin && x > kMargin) {
            x = kMargin;
            y += small.height() + 4;
        }
        layout.legend.emplace_back(QRectF(x, y, width - 10, small.height()), QString()); // not clickable
        x += width;
    }
    layout.axisTop = y + small.height() + 8;

    // Label column: as wide as the longest label, within reason.
    const QFontMetricsF label(pixelFont(12));
    const QFontMetricsF heading(pixelFont(13, true));
    double labelWidth = 80;
    const std::vector<Row> rows = visibleRows();
    for (const Row &row : rows) {
        labelWidth = std::max(labelWidth, row.bar < 0 ? heading.horizontalAdvance(m_model->sites()[static_cast<std::size_t>(row.site)].name)
                                                      : label.horizontalAdvance(m_model->bar(row.site, row.bar).item) + 12);
    }
    labelWidth = std::min(labelWidth + 12, std::max(120.0, size.width() * 0.32));
    const double axisHeight = small.height() + 6;
    const double rowsTop = layout.axisTop + axisHeight;
    const double available = size.height() - rowsTop - kMargin;
    layout.rowHeight = rows.empty() ? kMaxRowHeight : std::clamp(available / static_cast<double>(rows.size()), kMinRowHeight, kMaxRowHeight);
    layout.plot = QRectF(kMargin + labelWidth, rowsTop, std::max(10.0, size.width() - 2 * kMargin - labelWidth),
                         layout.rowHeight * static_cast<double>(rows.size()));
    double rowY = rowsTop;
    for (const Row &row : rows) {
        layout.rows.emplace_back(QRectF(kMargin, rowY, size.width() - 2 * kMargin, layout.rowHeight), row);
        rowY += layout.rowHeight;
    }
    return layout;
}

double BuildTimelineChart::xToPixel(const Layout &layout, double x) const
{
    return layout.plot.left() + (x - visibleFirst()) / (visibleLast() - visibleFirst()) * layout.plot.width();
}

double BuildTimelineChart::pixelToX(const Layout &layout, double px) const
{
    return visibleFirst() + (px - layout.plot.left()) / layout.plot.width() * (visibleLast() - visibleFirst());
}

void BuildTimelineChart::paintTimeline(QPainter &painter, const Layout &layout) const
{
    painter.fillRect(QRectF(QPointF(0, 0), layout.size), Qt::white);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const QColor textColor = palette::role(palette::Role::FacilityLoad);
    const QColor axisColor = palette::role(palette::Role::Axis);

    // Title and summary.
    painter.setPen(textColor);
    painter.setFont(pixelFont(15, true));
    const QFontMetricsF titleMetrics(painter.font());
    painter.drawText(QRectF(kMargin, kMargin, layout.size.width() - 2 * kMargin, titleMetrics.height()), Qt::AlignHCenter, title());
    painter.setFont(pixelFont(12));
    painter.setPen(axisColor);
    const QFontMetricsF small(painter.font());
    painter.drawText(QRectF(kMargin, kMargin + titleMetrics.height() + 2, layout.size.width() - 2 * kMargin, small.height()),
                     Qt::AlignHCenter, small.elidedText(summary(), Qt::ElideRight, layout.size.width() - 2 * kMargin));

    // Legend.
    for (std::size_t i = 0; i < layout.legend.size(); ++i) {
        const QRectF &rect = layout.legend[i].first;
        const QRectF box(rect.left(), rect.center().y() - 6, 12, 12);
        QColor text = axisColor;
        if (i < m_entries.size()) {
            const Entry &entry = m_entries[i];
            const bool hidden = m_hidden.contains(entry.name);
            QColor fill = entry.color;
            if (hidden) {
                fill.setAlphaF(0.2f);
                text.setAlphaF(0.35f);
            }
            painter.setPen(Qt::NoPen);
            painter.setBrush(fill);
            painter.drawRoundedRect(box, 2, 2);
            painter.setPen(text);
            painter.drawText(QRectF(box.right() + 5, rect.top(), rect.width() - 17, rect.height()), Qt::AlignVCenter, entry.name);
        } else if (i == m_entries.size()) {
            painter.setPen(QPen(palette::role(palette::Role::FullPower), 2));
            painter.drawLine(QPointF(box.center().x(), box.top()), QPointF(box.center().x(), box.bottom()));
            painter.setPen(text);
            painter.drawText(QRectF(box.right() + 5, rect.top(), rect.width() - 17, rect.height()), Qt::AlignVCenter, tr("Full power"));
        } else {
            painter.setPen(QPen(palette::role(palette::Role::Gating), 2));
            painter.setBrush(Qt::NoBrush);
            painter.drawRoundedRect(box.adjusted(1, 2, -1, -2), 2, 2);
            painter.setPen(text);
            painter.drawText(QRectF(box.right() + 5, rect.top(), rect.width() - 17, rect.height()), Qt::AlignVCenter,
                             tr("Gates full power"));
        }
    }

    const QRectF &plot = layout.plot;
    // Month grid and labels.
    const int maxLabels = std::max(2, static_cast<int>(plot.width() / 80));
    painter.setFont(pixelFont(11));
    for (const AxisTick &tick : monthTicks(visibleFirst(), visibleLast(), m_model->startMonth(), maxLabels)) {
        const double px = xToPixel(layout, tick.value);
        painter.setPen(QPen(palette::role(palette::Role::Grid), 1));
        painter.drawLine(QPointF(px, plot.top()), QPointF(px, plot.bottom()));
        const double half = small.horizontalAdvance(tick.label) / 2 + 2;
        if (px + half > layout.size.width() - 2 || px - half < plot.left() - 40)
            continue; // a label cut by the edge reads worse than none
        painter.setPen(axisColor);
        painter.drawText(QRectF(px - half, layout.axisTop, 2 * half, small.height()), Qt::AlignHCenter | Qt::AlignTop, tick.label);
    }
    // The plan's own span, shaded lightly outside it.
    const double planStart = xToPixel(layout, 0);
    const double planEnd = xToPixel(layout, m_model->horizonMonths());
    QColor outside(0xf3, 0xf4, 0xf6);
    if (planStart > plot.left())
        painter.fillRect(QRectF(plot.left(), plot.top(), std::min(planStart, plot.right()) - plot.left(), plot.height()), outside);
    if (planEnd < plot.right())
        painter.fillRect(QRectF(std::max(planEnd, plot.left()), plot.top(), plot.right() - std::max(planEnd, plot.left()), plot.height()),
                         outside);

    painter.save();
    const QFont labelFont = pixelFont(std::clamp(static_cast<int>(layout.rowHeight * 0.55), 10, 12));
    const QFont headingFont = pixelFont(std::clamp(static_cast<int>(layout.rowHeight * 0.6), 11, 13), true);
    const QFontMetricsF labelMetrics(labelFont);
    const double labelWidth = plot.left() - kMargin - 6;
    const QRectF exposed = painter.hasClipping() ? painter.clipBoundingRect() : QRectF();
    const auto unexposed = [&exposed](const QRectF &rect) {
        return !exposed.isNull() && (rect.bottom() < exposed.top() || rect.top() > exposed.bottom());
    };
    for (const auto &[rect, row] : layout.rows) {
        if (unexposed(rect))
            continue;
        const SiteTimeline &site = m_model->sites()[static_cast<std::size_t>(row.site)];
        if (row.bar < 0) {
            painter.setPen(QPen(palette::role(palette::Role::Grid), 1));
            painter.drawLine(QPointF(kMargin, rect.top()), QPointF(rect.right(), rect.top()));
            painter.setFont(headingFont);
            painter.setPen(textColor);
            painter.drawText(QRectF(kMargin, rect.top(), labelWidth, rect.height()), Qt::AlignVCenter,
                             QFontMetricsF(headingFont).elidedText(site.name, Qt::ElideMiddle, labelWidth));
            continue;
        }
        const TimelineBar &bar = site.bars[static_cast<std::size_t>(row.bar)];
        painter.setFont(labelFont);
        painter.setPen(bar.gating ? palette::role(palette::Role::Gating) : textColor);
        QFont itemFont = labelFont;
        itemFont.setBold(bar.gating);
        painter.setFont(itemFont);
        painter.drawText(QRectF(kMargin + 12, rect.top(), labelWidth - 12, rect.height()), Qt::AlignVCenter,
                         QFontMetricsF(itemFont).elidedText(bar.item, Qt::ElideMiddle, labelWidth - 12));

        painter.save();
        painter.setClipRect(plot.adjusted(0, -2, 0, 2));
        const QColor color = bar.phase == TimelinePhase::Power ? palette::powerKind(bar.powerKind) : palette::timelinePhase(bar.phase);
        const double start = xToPixel(layout, bar.startMonth - m_model->startMonth());
        const double end = xToPixel(layout, bar.endMonth - m_model->startMonth());
        const double barHeight = rect.height() * 0.6;
        const double top = rect.center().y() - barHeight / 2;
        const bool item = bar.phase != TimelinePhase::Permit && bar.phase != TimelinePhase::Construction;
        if (item) {
            // In service: a thin line from arrival to retirement (or the end of the plan).
            const double until = bar.retireMonth ? xToPixel(layout, *bar.retireMonth - m_model->startMonth()) : planEnd;
            if (until > end) {
                painter.setPen(Qt::NoPen);
                painter.setBrush(color.lighter(125));
                painter.drawRect(QRectF(end, rect.center().y() - 1.5, until - end, 3));
            }
        }
        QColor fill = color;
        fill.setAlphaF(item ? 0.8f : 0.9f);
        painter.setBrush(fill);
        painter.setPen(bar.gating ? QPen(palette::role(palette::Role::Gating), 2.0) : QPen(color.darker(120), 1.0));
        painter.drawRoundedRect(QRectF(start, top, std::max(end - start, 2.0), barHeight), 2, 2);
        if (item) {
            painter.setBrush(color.darker(125));
            painter.setPen(QPen(Qt::white, 1));
            drawDiamond(painter, QPointF(end, rect.center().y()), barHeight * 0.55);
        }
        if (bar.gating) {
            const QFont font = pixelFont(11, true);
            const QString text = tr("gates full power");
            const QRectF box(end + barHeight * 0.6 + 4, rect.center().y() - 8, QFontMetricsF(font).horizontalAdvance(text) + 8, 16);
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(255, 255, 255, 230)); // over the in-service line
            painter.drawRoundedRect(box, 3, 3);
            painter.setFont(font);
            painter.setPen(palette::role(palette::Role::Gating));
            painter.drawText(box, Qt::AlignCenter, text);
        }
        painter.restore();
    }
    painter.restore();

    // Full power, per site: a green line over the site's rows (their span found in one pass).
    std::vector<std::pair<double, double>> spans(m_model->sites().size(), {-1.0, -1.0});
    for (const auto &[rect, row] : layout.rows) {
        auto &[top, bottom] = spans[static_cast<std::size_t>(row.site)];
        if (top < 0)
            top = rect.top();
        bottom = rect.bottom();
    }
    for (std::size_t s = 0; s < m_model->sites().size(); ++s) {
        const SiteTimeline &site = m_model->sites()[s];
        const auto [top, bottom] = spans[s];
        if (top < 0 || unexposed(QRectF(0.0, top, 1.0, bottom - top)))
            continue;
        const QRectF heading(plot.left(), top, plot.width(), layout.rowHeight);
        painter.setFont(pixelFont(11));
        if (!site.fullPowerMonth) {
            painter.setPen(palette::role(palette::Role::Gating));
            painter.drawText(heading.adjusted(4, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft,
                             tr("Not at full power within the plan"));
            continue;
        }
        const double px = xToPixel(layout, *site.fullPowerMonth - m_model->startMonth());
        if (px < plot.left() || px > plot.right())
            continue;
        painter.setPen(QPen(palette::role(palette::Role::FullPower), 2));
        painter.drawLine(QPointF(px, top + 2), QPointF(px, bottom));
        painter.setFont(pixelFont(11, true));
        const QString text = tr("Full power %1").arg(format::monthLabel(*site.fullPowerMonth));
        const double width = QFontMetricsF(painter.font()).horizontalAdvance(text) + 8;
        const bool left = px + width > plot.right();
        painter.drawText(QRectF(left ? px - width : px + 5, top, width, layout.rowHeight), Qt::AlignVCenter | (left ? Qt::AlignRight : Qt::AlignLeft),
                         text);
    }
    // Frame of the plot.
    painter.setPen(QPen(palette::role(palette::Role::Grid), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(plot);
}

void BuildTimelineChart::renderChart(QPainter &painter, const QRectF &target, const QSizeF &layoutSize)
{
    painter.translate(target.topLeft());
    painter.scale(target.width() / layoutSize.width(), target.height() / layoutSize.height());
    painter.setClipRect(QRectF(QPointF(0, 0), layoutSize));
    paintTimeline(painter, layoutFor(layoutSize));
}

void BuildTimelineChart::applyVisibleRange()
{
    update();
}

void BuildTimelineChart::paintEvent(QPaintEvent *event)
{
    m_screen = layoutFor(QSizeF(size()));
    QPainter painter(this);
    // paintTimeline draws only the rows in the clip: a 1,000-site timeline has 11,000 rows, of
    // which a scroll step exposes a few.
    painter.setClipRect(event->rect());
    paintTimeline(painter, m_screen);
}

void BuildTimelineChart::mousePressEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    for (std::size_t i = 0; i < m_screen.legend.size() && i < m_entries.size(); ++i) {
        if (m_screen.legend[i].first.contains(pos)) {
            setSeriesShown(m_entries[i].name, m_hidden.contains(m_entries[i].name));
            return;
        }
    }
    if (event->button() == Qt::LeftButton && m_screen.plot.contains(pos)) {
        m_dragFrom = pos;
        m_dragFirst = visibleFirst();
        setCursor(Qt::ClosedHandCursor);
    }
}

void BuildTimelineChart::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (m_dragFrom) {
        const double dx = pixelToX(m_screen, m_dragFrom->x()) - pixelToX(m_screen, pos.x());
        const double span = visibleLast() - visibleFirst();
        setVisibleRange(m_dragFirst + dx, m_dragFirst + dx + span);
        return;
    }
    for (const auto &[rect, row] : m_screen.rows) {
        if (!rect.contains(pos))
            continue;
        QString text;
        if (row.bar >= 0)
            text = m_model->describe(row.site, row.bar).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        else if (m_screen.plot.left() <= pos.x())
            text = hoverText(static_cast<int>(std::floor(pixelToX(m_screen, pos.x()))));
        else
            text = m_model->sites()[static_cast<std::size_t>(row.site)].name.toHtmlEscaped();
        if (!text.isEmpty()) {
            QToolTip::showText(event->globalPosition().toPoint(), text, this);
            return;
        }
    }
    QToolTip::hideText();
}

void BuildTimelineChart::mouseReleaseEvent(QMouseEvent *)
{
    if (m_dragFrom) {
        m_dragFrom.reset();
        unsetCursor();
    }
}

void BuildTimelineChart::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (m_screen.plot.contains(event->position()))
        resetZoom();
}

void BuildTimelineChart::wheelEvent(QWheelEvent *event)
{
    const int steps = event->angleDelta().y();
    if (steps == 0 || !m_screen.plot.contains(event->position())) {
        event->ignore();
        return;
    }
    zoom(std::pow(1.2, steps / 120.0), pixelToX(m_screen, event->position().x()));
    event->accept();
}

void BuildTimelineChart::leaveEvent(QEvent *event)
{
    QToolTip::hideText();
    ChartWidget::leaveEvent(event);
}

} // namespace cp::views
