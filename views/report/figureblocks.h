#pragma once

#include "report/reportblock.h"
#include "report/textbox.h"

#include <QRectF>

#include <functional>
#include <vector>

namespace cp::report {

// The headline figures as tiles, four to a row: a label, the figure, a line of detail.
class KpiTilesBlock final : public ReportBlock
{
public:
    struct Tile {
        QString label;
        QString value;
        QString detail;
    };

    explicit KpiTilesBlock(std::vector<Tile> tiles, int perRow = 4);

    void layout(const ReportContext &context, double width) override;
    void paint(QPainter &painter, const ReportContext &context, QPointF topLeft, int first, int end,
               bool continued) const override;

private:
    struct Laid {
        TextBox label, value, detail;
    };
    std::vector<Tile> m_tiles;
    std::vector<Laid> m_laid;
    int m_perRow;
    double m_tileWidth = 0.0;
};

// A vector drawing (a chart) of a fixed height across the content width, with an optional note
// under it. Drawn by a callback, so chart classes paint straight into the PDF.
class DrawingBlock final : public ReportBlock
{
public:
    using Painter = std::function<void(QPainter &painter, const QRectF &target)>;

    // Height in points for a width in points: a chart's own proportions.
    using HeightForWidth = std::function<double(double widthPt)>;

    DrawingBlock(double heightPt, Painter draw, QString note = QString());
    DrawingBlock(HeightForWidth height, Painter draw, QString note = QString());

    void layout(const ReportContext &context, double width) override;
    void paint(QPainter &painter, const ReportContext &context, QPointF topLeft, int first, int end,
               bool continued) const override;

private:
    HeightForWidth m_height;
    Painter m_draw;
    QString m_note;
    TextBox m_noteBox;
    double m_width = 0.0;
    double m_drawingHeight = 0.0;
};

} // namespace cp::report
