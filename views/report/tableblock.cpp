#include "report/tableblock.h"

#include "report/reportstyle.h"

#include <QPainter>

#include <algorithm>
#include <numeric>

namespace cp::report {

namespace {

constexpr double kCellPadXPt = 4.0;
constexpr double kCellPadYPt = 2.6;
constexpr double kHeaderRulePt = 0.75;
constexpr double kRowRulePt = 0.35;
constexpr double kSmallestScale = 0.45; // below this a table is unreadable; it is set at this size and wraps harder
constexpr double kWrapColumnCapShare = 0.28; // a wrapping column asks for at most this share of the width

TextBox cellBox(const ReportContext &context, const TableCell &cell, const TableColumn &column, bool bold,
                double scale)
{
    QFont font = context.font(TextRole::Table, scale);
    font.setBold(bold || cell.bold);
    return TextBox(cell.text, font, column.alignment);
}

} // namespace

TableBlock::TableBlock(std::vector<TableColumn> columns)
    : m_columns(std::move(columns))
{
    spaceBeforePt = 2.0;
    spaceAfterPt = 10.0;
}

void TableBlock::addRow(std::vector<TableCell> cells, RowKind kind)
{
    cells.resize(kind == RowKind::Group ? 1 : m_columns.size());
    m_rows.push_back({kind, std::move(cells), {}});
}

void TableBlock::addRow(const QStringList &cells, RowKind kind)
{
    std::vector<TableCell> row;
    row.reserve(static_cast<std::size_t>(cells.size()));
    for (const QString &text : cells)
        row.emplace_back(text);
    addRow(std::move(row), kind);
}

void TableBlock::addGroupRow(const QString &title)
{
    addRow({TableCell(title)}, RowKind::Group);
}

double TableBlock::tableWidth() const
{
    return std::accumulate(m_columnWidths.begin(), m_columnWidths.end(), 0.0);
}

bool TableBlock::fits(const ReportContext &context, double width, double scale)
{
    QPaintDevice *device = context.device();
    // Both paddings, and half a point so a measured word never wraps on rounding.
    const double pad = 2 * context.pt(kCellPadXPt) * scale + context.pt(0.5);
    const std::size_t n = m_columns.size();
    std::vector<double> want(n, 0.0), need(n, 0.0);
    QFont headFont = context.font(TextRole::TableHead, scale);
    for (std::size_t c = 0; c < n; ++c) {
        const TextBox head(RichText(m_columns[c].title), headFont);
        double cellsNatural = 0.0;
        double cellsWord = 0.0;
        for (const Row &row : m_rows) {
            if (row.kind == RowKind::Group)
                continue;
            const TextBox box = cellBox(context, row.cells[c], m_columns[c], row.kind == RowKind::Total, scale);
            cellsNatural = std::max(cellsNatural, box.naturalWidth(device));
            if (m_columns[c].wrap)
                cellsWord = std::max(cellsWord, box.widestWord(device));
        }
        const double headWord = m_showHeader ? head.widestWord(device) : 0.0;
        const double headNatural = m_showHeader ? head.naturalWidth(device) : 0.0;
        if (m_columns[c].wrap) {
            need[c] = std::max(headWord, std::min(cellsWord, kWrapColumnCapShare * width)) + pad;
            want[c] = std::max(headNatural, cellsNatural) + pad;
        } else {
            // Figures never wrap; their headers may (on word boundaries).
            need[c] = std::max(headWord, cellsNatural) + pad;
            want[c] = std::max(headNatural, cellsNatural) + pad;
        }
    }
    const double wantTotal = std::accumulate(want.begin(), want.end(), 0.0);
    const double needTotal = std::accumulate(need.begin(), need.end(), 0.0);
    if (needTotal > width) {
        m_scale = scale * width / needTotal * 0.995;
        return false;
    }
    m_columnWidths = want;
    if (wantTotal > width) {
        // Give every column its minimum, then share what is left by how much more each wants.
        const double extra = width - needTotal;
        const double deficit = wantTotal - needTotal;
        for (std::size_t c = 0; c < n; ++c)
            m_columnWidths[c] = need[c] + (want[c] - need[c]) * extra / deficit;
    } else if (m_fullWidth) {
        int stretch = m_stretchColumn;
        if (stretch < 0) {
            const auto wrapping = std::find_if(m_columns.begin(), m_columns.end(),
                                               [](const TableColumn &column) { return column.wrap; });
            stretch = wrapping == m_columns.end() ? 0 : static_cast<int>(wrapping - m_columns.begin());
        }
        m_columnWidths[static_cast<std::size_t>(stretch)] += width - wantTotal;
    }
    return true;
}

void TableBlock::layoutRows(const ReportContext &context, double scale)
{
    QPaintDevice *device = context.device();
    const double padX = context.pt(kCellPadXPt) * scale;
    const double padY = context.pt(kCellPadYPt) * scale;
    const double spacing = 1.12;
    const std::size_t n = m_columns.size();

    m_headerBoxes.clear();
    m_headerHeight = 0.0;
    if (m_showHeader) {
        const QFont headFont = context.font(TextRole::TableHead, scale);
        for (std::size_t c = 0; c < n; ++c) {
            m_headerBoxes.emplace_back(RichText(m_columns[c].title), headFont, m_columns[c].alignment);
            m_headerHeight = std::max(m_headerHeight,
                                      m_headerBoxes.back().layout(device, m_columnWidths[c] - 2 * padX, spacing));
        }
        m_headerHeight += 2 * padY + context.pt(kHeaderRulePt);
    }

    m_unitHeights.clear();
    const double tableWidth = std::accumulate(m_columnWidths.begin(), m_columnWidths.end(), 0.0);
    for (Row &row : m_rows) {
        row.boxes.clear();
        double height = 0.0;
        if (row.kind == RowKind::Group) {
            QFont font = context.font(TextRole::Table, scale);
            font.setBold(true);
            row.boxes.emplace_back(row.cells.front().text, font);
            height = row.boxes.back().layout(device, tableWidth - 2 * padX, spacing);
        } else {
            for (std::size_t c = 0; c < n; ++c) {
                row.boxes.push_back(cellBox(context, row.cells[c], m_columns[c], row.kind == RowKind::Total, scale));
                height = std::max(height, row.boxes.back().layout(device, m_columnWidths[c] - 2 * padX, spacing));
            }
        }
        m_unitHeights.push_back(height + 2 * padY);
    }
}

void TableBlock::layout(const ReportContext &context, double width)
{
    m_width = width;
    double scale = 1.0;
    bool fitted = false;
    // A smaller font changes every width; a few tries settle it, the floor stops a runaway.
    for (int attempt = 0; attempt < 6; ++attempt) {
        if ((fitted = fits(context, width, scale)))
            break;
        if (scale <= kSmallestScale)
            break;
        scale = std::max(kSmallestScale, std::min(m_scale, scale * 0.97));
    }
    if (!fitted) {
        // Still too wide at the smallest size: split the width evenly; every column wraps.
        m_columnWidths.assign(m_columns.size(), width / static_cast<double>(m_columns.size()));
        for (TableColumn &column : m_columns)
            column.wrap = true;
    }
    m_scale = scale;
    layoutRows(context, scale);
}

void TableBlock::paint(QPainter &painter, const ReportContext &context, QPointF topLeft, int first, int end,
                       bool continued) const
{
    Q_UNUSED(continued);
    const ReportStyle &style = context.style();
    const double padX = context.pt(kCellPadXPt) * m_scale;
    const double padY = context.pt(kCellPadYPt) * m_scale;
    const double tableWidth = std::accumulate(m_columnWidths.begin(), m_columnWidths.end(), 0.0);
    const double left = topLeft.x();
    double y = topLeft.y();
    painter.save();

    if (m_showHeader) {
        painter.setPen(style.ink);
        double x = left;
        for (std::size_t c = 0; c < m_columns.size(); ++c) {
            m_headerBoxes[c].draw(painter, QPointF(x + padX, y + padY));
            x += m_columnWidths[c];
        }
        y += m_headerHeight;
        painter.fillRect(QRectF(left, y - context.pt(kHeaderRulePt), tableWidth, context.pt(kHeaderRulePt)), style.ink);
    }

    for (int r = first; r < end; ++r) {
        const Row &row = m_rows[static_cast<std::size_t>(r)];
        const double height = m_unitHeights[static_cast<std::size_t>(r)];
        if (row.kind == RowKind::Group) {
            painter.fillRect(QRectF(left, y, tableWidth, height), style.fill);
            painter.setPen(style.accent);
            row.boxes.front().draw(painter, QPointF(left + padX, y + padY));
        } else {
            if (m_zebra && r % 2 == 1)
                painter.fillRect(QRectF(left, y, tableWidth, height), style.fill);
            if (row.kind == RowKind::Total)
                painter.fillRect(QRectF(left, y, tableWidth, context.pt(kHeaderRulePt)), style.ink);
            double x = left;
            for (std::size_t c = 0; c < m_columns.size(); ++c) {
                const TableCell &cell = row.cells[c];
                painter.setPen(cell.color.isValid() ? cell.color : style.ink);
                row.boxes[c].draw(painter, QPointF(x + padX, y + padY));
                x += m_columnWidths[c];
            }
        }
        y += height;
        const bool lastOfTable = r == rowCount() - 1;
        const double rule = context.pt(lastOfTable ? kHeaderRulePt : kRowRulePt);
        painter.fillRect(QRectF(left, y - rule, tableWidth, rule), lastOfTable ? style.ink : style.rule);
    }
    painter.restore();
}

} // namespace cp::report
