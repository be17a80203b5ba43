#include "report/figureblocks.h"

#include "report/reportstyle.h"

#include <QPainter>

#include <algorithm>

namespace cp::report {

namespace {

constexpr double kTileGapPt = 9.0;
constexpr double kTileRulePt = 1.6;
constexpr double kTilePadPt = 5.0;

} // namespace

KpiTilesBlock::KpiTilesBlock(std::vector<Tile> tiles, int perRow)
    : m_tiles(std::move(tiles))
    , m_perRow(std::max(1, perRow))
{
    spaceBeforePt = 2.0;
    spaceAfterPt = 12.0;
}

void KpiTilesBlock::layout(const ReportContext &context, double width)
{
    QPaintDevice *device = context.device();
    const double gap = context.pt(kTileGapPt);
    m_tileWidth = (width - gap * (m_perRow - 1)) / m_perRow;
    m_laid.clear();
    m_unitHeights.clear();
    double rowHeight = 0.0;
    for (std::size_t i = 0; i < m_tiles.size(); ++i) {
        const Tile &tile = m_tiles[i];
        // A figure stays on one line: a long one is set smaller rather than broken.
        TextBox value(RichText(tile.value), context.font(TextRole::KpiValue));
        const double natural = value.naturalWidth(device);
        if (natural > m_tileWidth)
            value = TextBox(RichText(tile.value), context.font(TextRole::KpiValue, std::max(0.6, m_tileWidth / natural * 0.98)));
        Laid laid{TextBox(RichText(tile.label), context.font(TextRole::KpiLabel)), std::move(value),
                  TextBox(RichText(tile.detail), context.font(TextRole::Small))};
        double height = context.pt(kTileRulePt + kTilePadPt);
        height += laid.label.layout(device, m_tileWidth, 1.1) + context.pt(2.0);
        height += laid.value.layout(device, m_tileWidth, 1.05) + context.pt(2.0);
        if (!tile.detail.isEmpty())
            height += laid.detail.layout(device, m_tileWidth, 1.15);
        m_laid.push_back(std::move(laid));
        rowHeight = std::max(rowHeight, height);
        const bool rowEnds = static_cast<int>(i % static_cast<std::size_t>(m_perRow)) == m_perRow - 1;
        if (rowEnds || i + 1 == m_tiles.size()) {
            m_unitHeights.push_back(rowHeight + context.pt(kTileGapPt));
            rowHeight = 0.0;
        }
    }
}

void KpiTilesBlock::paint(QPainter &painter, const ReportContext &context, QPointF topLeft, int first, int end,
                          bool continued) const
{
    Q_UNUSED(continued);
    const ReportStyle &style = context.style();
    const double gap = context.pt(kTileGapPt);
    double y = topLeft.y();
    painter.save();
    for (int row = first; row < end; ++row) {
        for (int column = 0; column < m_perRow; ++column) {
            const std::size_t i = static_cast<std::size_t>(row * m_perRow + column);
            if (i >= m_laid.size())
                break;
            const Laid &laid = m_laid[i];
            const double x = topLeft.x() + column * (m_tileWidth + gap);
            double ty = y;
            painter.fillRect(QRectF(x, ty, m_tileWidth, context.pt(kTileRulePt)), style.accent);
            ty += context.pt(kTileRulePt + kTilePadPt);
            painter.setPen(style.muted);
            laid.label.draw(painter, QPointF(x, ty));
            ty += laid.label.height() + context.pt(2.0);
            painter.setPen(style.ink);
            laid.value.draw(painter, QPointF(x, ty));
            ty += laid.value.height() + context.pt(2.0);
            painter.setPen(style.muted);
            laid.detail.draw(painter, QPointF(x, ty));
        }
        y += m_unitHeights[static_cast<std::size_t>(row)];
    }
    painter.restore();
}

DrawingBlock::DrawingBlock(double heightPt, Painter draw, QString note)
    : DrawingBlock([heightPt](double) { return heightPt; }, std::move(draw), std::move(note))
{
}

DrawingBlock::DrawingBlock(HeightForWidth height, Painter draw, QString note)
    : m_height(std::move(height))
    , m_draw(std::move(draw))
    , m_note(std::move(note))
{
    spaceBeforePt = 2.0;
    spaceAfterPt = 12.0;
}

void DrawingBlock::layout(const ReportContext &context, double width)
{
    m_width = width;
    m_drawingHeight = context.pt(m_height(width / context.pt(1.0)));
    double height = m_drawingHeight;
    if (!m_note.isEmpty()) {
        m_noteBox = TextBox(RichText(m_note), context.font(TextRole::Small));
        height += context.pt(4.0) + m_noteBox.layout(context.device(), width, 1.2);
    }
    m_unitHeights.assign(1, height);
}

void DrawingBlock::paint(QPainter &painter, const ReportContext &context, QPointF topLeft, int first, int end,
                         bool continued) const
{
    Q_UNUSED(first);
    Q_UNUSED(end);
    Q_UNUSED(continued);
    painter.save();
    m_draw(painter, QRectF(topLeft, QSizeF(m_width, m_drawingHeight)));
    painter.restore();
    if (!m_note.isEmpty()) {
        painter.save();
        painter.setPen(context.style().muted);
        m_noteBox.draw(painter, topLeft + QPointF(0.0, m_drawingHeight + context.pt(4.0)));
        painter.restore();
    }
}

} // namespace cp::report
