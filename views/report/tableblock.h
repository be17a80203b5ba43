#pragma once

#include "report/reportblock.h"
#include "report/textbox.h"

#include <QColor>
#include <QStringList>

#include <vector>

namespace cp::report {

struct TableColumn {
    QString title;
    Qt::Alignment alignment = Qt::AlignLeft; // numbers: Qt::AlignRight
    bool wrap = false; // may wrap to several lines (names, sources, messages); others keep one line
};

struct TableCell {
    RichText text;
    QColor color; // invalid: the table's ink
    bool bold = false;
    TableCell() = default;
    TableCell(const QString &plainText) // NOLINT(google-explicit-constructor)
        : text(plainText)
    {
    }
    TableCell(RichText richText, QColor textColor = QColor(), bool isBold = false)
        : text(std::move(richText))
        , color(std::move(textColor))
        , bold(isBold)
    {
    }
};

// A table that fits the page width, whatever it holds: columns take their natural width, text
// columns wrap when the table is too wide, and as a last resort the whole table is set in a
// smaller size. Breaks between rows, repeating its header row on every page.
class TableBlock final : public ReportBlock
{
public:
    enum class RowKind {
        Body,
        Group, // one cell across the table: a sub-heading such as a site's name
        Total, // bold, with a rule above
    };

    explicit TableBlock(std::vector<TableColumn> columns);

    void addRow(std::vector<TableCell> cells, RowKind kind = RowKind::Body);
    void addRow(const QStringList &cells, RowKind kind = RowKind::Body);
    void addGroupRow(const QString &title);
    void setShowHeader(bool show) { m_showHeader = show; }
    void setFullWidth(bool full) { m_fullWidth = full; } // stretch the first wrapping column to the page width
    void setZebra(bool zebra) { m_zebra = zebra; }
    void setStretchColumn(int column) { m_stretchColumn = column; }

    [[nodiscard]] int rowCount() const { return static_cast<int>(m_rows.size()); }
    [[nodiscard]] double fontScale() const { return m_scale; } // 1 unless shrunk to fit
    [[nodiscard]] double tableWidth() const; // after layout()

    void layout(const ReportContext &context, double width) override;
    double repeatHeight() const override { return m_showHeader ? m_headerHeight : 0.0; }
    int minUnitsPerSlice() const override { return 2; }
    void paint(QPainter &painter, const ReportContext &context, QPointF topLeft, int first, int end,
               bool continued) const override;

private:
    struct Row {
        RowKind kind = RowKind::Body;
        std::vector<TableCell> cells;
        std::vector<TextBox> boxes;
    };

    [[nodiscard]] bool fits(const ReportContext &context, double width, double scale);
    void layoutRows(const ReportContext &context, double scale);

    std::vector<TableColumn> m_columns;
    std::vector<Row> m_rows;
    std::vector<TextBox> m_headerBoxes;
    std::vector<double> m_columnWidths;
    double m_headerHeight = 0.0;
    double m_scale = 1.0;
    double m_width = 0.0;
    bool m_showHeader = true;
    bool m_fullWidth = true;
    bool m_zebra = false;
    int m_stretchColumn = -1; // -1: the first wrapping column, else the first column
};

} // namespace cp::report
