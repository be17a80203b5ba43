#pragma once

#include "report/figureblocks.h"
#include "report/reportblock.h"
#include "report/reportstyle.h"
#include "report/tableblock.h"
#include "report/textblock.h"

#include <QRectF>

#include <functional>
#include <memory>
#include <vector>

class QIODevice;

namespace cp::report {

// Where a block landed: units [first, end) of it, `y` below the top of the content area.
struct Placement {
    const ReportBlock *block = nullptr;
    int first = 0;
    int end = 0;
    double y = 0.0;
    bool continued = false;
};

struct LaidPage {
    Orientation orientation = Orientation::Portrait;
    QString section; // the section the running header names
    std::vector<Placement> placements;
};

struct SectionEntry {
    QString title;
    int pageNumber = 0; // as printed in the footer (the cover is page 1)
};

// A report as a flow of blocks, paginated and written as a vector PDF: a cover page, then the
// flow under a running header (title, section) and a footer (note, "Page n of N").
class ReportDocument
{
public:
    explicit ReportDocument(ReportStyle style = ReportStyle::standard());
    ~ReportDocument();
    ReportDocument(const ReportDocument &) = delete;
    ReportDocument &operator=(const ReportDocument &) = delete;

    [[nodiscard]] const ReportStyle &style() const { return m_style; }

    // Blocks added after this take the orientation; a change starts a new page.
    void setOrientation(Orientation orientation) { m_orientation = orientation; }

    TextBlock &heading1(const QString &title); // a new section on a new page
    TextBlock &heading2(const QString &title);
    TextBlock &heading3(const QString &title);
    TextBlock &paragraph(const RichText &text);
    TextBlock &small(const RichText &text);
    // A list item; `hangPt` is the room for its marker (wider for "[12]" than for a bullet).
    TextBlock &bullet(const RichText &text, int level = 0, const QString &marker = QStringLiteral("\u2022"),
                      double hangPt = 13.0);
    TextBlock &callout(const RichText &text);
    TextBlock &code(const QString &text);
    TableBlock &table(std::vector<TableColumn> columns);
    KpiTilesBlock &tiles(std::vector<KpiTilesBlock::Tile> tiles, int perRow = 4);
    DrawingBlock &drawing(double heightPt, DrawingBlock::Painter draw, const QString &note = QString());
    DrawingBlock &drawing(DrawingBlock::HeightForWidth height, DrawingBlock::Painter draw, const QString &note = QString());
    // Keeps what drawings paint from (chart widgets) alive until the document is gone.
    void keepAlive(std::shared_ptr<void> owner) { m_owners.push_back(std::move(owner)); }
    ReportBlock &add(std::unique_ptr<ReportBlock> block);

    [[nodiscard]] const std::vector<std::unique_ptr<ReportBlock>> &blocks() const { return m_blocks; }

    using CoverPainter = std::function<void(QPainter &painter, const ReportContext &context, const QRectF &content,
                                            const std::vector<SectionEntry> &sections)>;
    // Called before each page is drawn with (pages done, pages in all); false cancels.
    using Progress = std::function<bool(int done, int total)>;

    struct WriteOptions {
        Paper paper = Paper::A4;
        QString title;        // PDF metadata and the running header's left side
        QString creator;      // PDF metadata: "ClusterPlan 0.1.0"
        QString footerNote;   // the footer's left side
        CoverPainter cover;   // page 1; no running header or footer there
        Progress progress;
    };

    enum class WriteStatus { Written, Cancelled };
    // Lays the flow out and writes the PDF to `out` (open for writing).
    WriteStatus writePdf(QIODevice *out, const WriteOptions &options);

    // After writePdf: every page but the cover, and where each section starts.
    [[nodiscard]] const std::vector<LaidPage> &pages() const { return m_pages; }
    [[nodiscard]] const std::vector<SectionEntry> &sections() const { return m_sections; }
    [[nodiscard]] int pageCount() const { return static_cast<int>(m_pages.size()) + 1; }
    // The area blocks are laid out in, in device units (1/1200 inch).
    [[nodiscard]] QSizeF contentSize(Orientation orientation) const
    {
        return orientation == Orientation::Landscape ? m_landscapeContent : m_portraitContent;
    }

private:
    template<typename Block, typename... Args>
    Block &emplace(Args &&...args);

    void paginate(const ReportContext &context, const QSizeF &portrait, const QSizeF &landscape);
    [[nodiscard]] double leadHeight(std::size_t index, const ReportContext &context, int depth) const;
    void paintFrame(QPainter &painter, const ReportContext &context, const QRectF &page, const LaidPage &laid,
                    int pageNumber, const WriteOptions &options) const;

    std::vector<std::shared_ptr<void>> m_owners; // destroyed after the blocks that draw from them
    ReportStyle m_style;
    Orientation m_orientation = Orientation::Portrait;
    std::vector<std::unique_ptr<ReportBlock>> m_blocks;
    std::vector<LaidPage> m_pages;
    std::vector<SectionEntry> m_sections;
    QSizeF m_portraitContent;
    QSizeF m_landscapeContent;
};

} // namespace cp::report
