#pragma once

#include <QPointF>
#include <QString>

#include <vector>

class QPainter;

namespace cp::report {

class ReportContext;

enum class Orientation { Portrait, Landscape };

// One piece of the report's flow (a heading, a paragraph, a table, a chart). The paginator lays
// it out for the content width, then places it on pages whole or in slices: a block is a run of
// units (lines of a paragraph, rows of a table; an atomic block has one) and may break between
// units. Lengths are device units of the page.
class ReportBlock
{
public:
    virtual ~ReportBlock() = default;

    virtual void layout(const ReportContext &context, double width) = 0;
    [[nodiscard]] const std::vector<double> &unitHeights() const { return m_unitHeights; }
    // Drawn at the top of every slice (a table's header row); 0 for most blocks.
    [[nodiscard]] virtual double repeatHeight() const { return 0.0; }
    // The fewest units a slice may hold (no orphan or widow lines): a block shorter than two
    // such slices is kept whole.
    [[nodiscard]] virtual int minUnitsPerSlice() const { return 1; }
    // Paints units [first, end) with their top-left corner at `topLeft`; `continued` when the
    // slice does not start the block.
    virtual void paint(QPainter &painter, const ReportContext &context, QPointF topLeft, int first, int end,
                       bool continued) const = 0;

    // Flow properties, in points.
    double spaceBeforePt = 0.0;
    double spaceAfterPt = 0.0;
    bool keepWithNext = false;   // headings: never the last thing on a page
    bool pageBreakBefore = false;
    Orientation orientation = Orientation::Portrait; // a change starts a new page
    QString section; // non-empty on a section heading: the running header and the contents name it

protected:
    std::vector<double> m_unitHeights;
};

} // namespace cp::report
