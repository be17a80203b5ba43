#include "report/reportdocument.h"

#include <QFontMetricsF>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>

namespace cp::report {

namespace {

constexpr int kResolutionDpi = 1200; // fine enough that glyph positions never look rounded
constexpr double kFitEpsilon = 1e-6;

QPageLayout::Orientation pageOrientation(Orientation orientation)
{
    return orientation == Orientation::Landscape ? QPageLayout::Landscape : QPageLayout::Portrait;
}

QRectF pageRect(Paper paper, Orientation orientation)
{
    const QPageLayout layout(pageSize(paper), pageOrientation(orientation), QMarginsF());
    return QRectF(layout.fullRectPixels(kResolutionDpi));
}

QRectF contentRect(const ReportContext &context, const QRectF &page)
{
    const QMarginsF &m = context.style().marginsPt;
    return page.adjusted(context.pt(m.left()), context.pt(m.top()), -context.pt(m.right()), -context.pt(m.bottom()));
}

} // namespace

ReportDocument::ReportDocument(ReportStyle style)
    : m_style(std::move(style))
{
}

ReportDocument::~ReportDocument()
{
    m_blocks.clear();
    // Last kept, first gone: a chart goes before the model it draws from.
    while (!m_owners.empty())
        m_owners.pop_back();
}

template<typename Block, typename... Args>
Block &ReportDocument::emplace(Args &&...args)
{
    auto block = std::make_unique<Block>(std::forward<Args>(args)...);
    Block &ref = *block;
    add(std::move(block));
    return ref;
}

ReportBlock &ReportDocument::add(std::unique_ptr<ReportBlock> block)
{
    block->orientation = m_orientation;
    m_blocks.push_back(std::move(block));
    return *m_blocks.back();
}

TextBlock &ReportDocument::heading1(const QString &title)
{
    TextBlock &block = emplace<TextBlock>(TextBlock::Kind::Heading1, RichText(title));
    block.pageBreakBefore = true;
    block.section = title;
    return block;
}

TextBlock &ReportDocument::heading2(const QString &title)
{
    return emplace<TextBlock>(TextBlock::Kind::Heading2, RichText(title));
}

TextBlock &ReportDocument::heading3(const QString &title)
{
    return emplace<TextBlock>(TextBlock::Kind::Heading3, RichText(title));
}

TextBlock &ReportDocument::paragraph(const RichText &text)
{
    return emplace<TextBlock>(TextBlock::Kind::Body, text);
}

TextBlock &ReportDocument::small(const RichText &text)
{
    return emplace<TextBlock>(TextBlock::Kind::Small, text);
}

TextBlock &ReportDocument::bullet(const RichText &text, int level, const QString &marker, double hangPt)
{
    return emplace<TextBlock>(TextBlock::Kind::Bullet, text, level, marker, hangPt);
}

TextBlock &ReportDocument::callout(const RichText &text)
{
    return emplace<TextBlock>(TextBlock::Kind::Callout, text);
}

TextBlock &ReportDocument::code(const QString &text)
{
    QString lines = text;
    lines.replace(QLatin1Char('\n'), QChar(QChar::LineSeparator)); // QTextLayout breaks lines at U+2028 only
    return emplace<TextBlock>(TextBlock::Kind::Code, RichText(lines));
}

TableBlock &ReportDocument::table(std::vector<TableColumn> columns)
{
    return emplace<TableBlock>(std::move(columns));
}

KpiTilesBlock &ReportDocument::tiles(std::vector<KpiTilesBlock::Tile> tiles, int perRow)
{
    return emplace<KpiTilesBlock>(std::move(tiles), perRow);
}

DrawingBlock &ReportDocument::drawing(double heightPt, DrawingBlock::Painter draw, const QString &note)
{
    return emplace<DrawingBlock>(heightPt, std::move(draw), note);
}

DrawingBlock &ReportDocument::drawing(DrawingBlock::HeightForWidth height, DrawingBlock::Painter draw, const QString &note)
{
    return emplace<DrawingBlock>(std::move(height), std::move(draw), note);
}

// The least of block `index` (and of what it must stay with) that has to fit below it on the
// page: a heading with the start of what follows, a paragraph's first two lines, a table's
// header and two rows, an unbreakable block whole.
double ReportDocument::leadHeight(std::size_t index, const ReportContext &context, int depth) const
{
    const ReportBlock &block = *m_blocks[index];
    const std::vector<double> &units = block.unitHeights();
    const int n = static_cast<int>(units.size());
    const int minUnits = block.minUnitsPerSlice();
    const int lead = n < 2 * minUnits ? n : minUnits;
    double height = block.repeatHeight();
    for (int i = 0; i < lead; ++i)
        height += units[static_cast<std::size_t>(i)];
    if (block.keepWithNext && depth < 4 && index + 1 < m_blocks.size()) {
        const ReportBlock &next = *m_blocks[index + 1];
        if (!next.pageBreakBefore && next.orientation == block.orientation) {
            height += context.pt(std::max(block.spaceAfterPt, next.spaceBeforePt));
            height += leadHeight(index + 1, context, depth + 1);
        }
    }
    return height;
}

void ReportDocument::paginate(const ReportContext &context, const QSizeF &portrait, const QSizeF &landscape)
{
    m_pages.clear();
    m_sections.clear();
    QString currentSection;
    bool pageHasSectionStart = false;
    double y = 0.0;
    double pendingSpace = 0.0;

    const auto newPage = [&](Orientation orientation) {
        m_pages.push_back(LaidPage{orientation, currentSection, {}});
        pageHasSectionStart = false;
        y = 0.0;
        pendingSpace = 0.0;
    };
    const auto pageHeight = [&] {
        return m_pages.back().orientation == Orientation::Landscape ? landscape.height() : portrait.height();
    };
    const auto pageEmpty = [&] { return m_pages.back().placements.empty(); };

    for (std::size_t index = 0; index < m_blocks.size(); ++index) {
        const ReportBlock &block = *m_blocks[index];
        if (m_pages.empty() || m_pages.back().orientation != block.orientation
            || (block.pageBreakBefore && !pageEmpty()))
            newPage(block.orientation);

        double space = pageEmpty() ? 0.0 : std::max(pendingSpace, context.pt(block.spaceBeforePt));
        if (block.keepWithNext && !pageEmpty() && y + space + leadHeight(index, context, 0) > pageHeight() + kFitEpsilon) {
            newPage(block.orientation);
            space = 0.0;
        }
        if (!block.section.isEmpty()) {
            currentSection = block.section;
            if (!pageHasSectionStart)
                m_pages.back().section = currentSection;
            pageHasSectionStart = true;
            m_sections.push_back({block.section, static_cast<int>(m_pages.size()) + 1});
        }

        const std::vector<double> &units = block.unitHeights();
        const int n = static_cast<int>(units.size());
        const int minUnits = block.minUnitsPerSlice();
        const bool splittable = n >= 2 * minUnits;
        const double repeat = block.repeatHeight();
        int first = 0;
        while (first < n) {
            const double available = pageHeight() - y - space;
            double used = repeat;
            int end = first;
            while (end < n && used + units[static_cast<std::size_t>(end)] <= available + kFitEpsilon)
                used += units[static_cast<std::size_t>(end++)];
            if (end == n) {
                m_pages.back().placements.push_back({&block, first, end, y + space, first > 0});
                y += space + used;
                break;
            }
            // Break only where both sides keep at least minUnits (no orphans, no widows).
            int taken = 0;
            if (splittable) {
                taken = end - first;
                if (n - end < minUnits)
                    taken -= minUnits - (n - end);
                if (taken < minUnits)
                    taken = 0;
            }
            if (taken <= 0) {
                if (!pageEmpty()) {
                    newPage(block.orientation);
                    space = 0.0;
                    continue;
                }
                // Taller than an empty page: give it the page rather than loop (never happens
                // with the report's own blocks, whose drawings are sized to fit).
                taken = splittable ? std::max(1, end - first) : n - first;
            }
            const int sliceEnd = first + taken;
            double sliceHeight = repeat;
            for (int i = first; i < sliceEnd; ++i)
                sliceHeight += units[static_cast<std::size_t>(i)];
            m_pages.back().placements.push_back({&block, first, sliceEnd, y + space, first > 0});
            y += space + sliceHeight;
            first = sliceEnd;
            if (first < n) {
                newPage(block.orientation);
                space = 0.0;
            }
        }
        pendingSpace = context.pt(block.spaceAfterPt);
    }
}

void ReportDocument::paintFrame(QPainter &painter, const ReportContext &context, const QRectF &page,
                                const LaidPage &laid, int pageNumber, const WriteOptions &options) const
{
    const QRectF content = contentRect(context, page);
    const QFont font = context.font(TextRole::Running);
    const QFontMetricsF metrics(font, context.device());
    painter.save();
    painter.setFont(font);
    painter.setPen(m_style.muted);

    // Header: the report's title on the left, the section on the right, a hairline under both.
    const double headerBaseline = content.top() - context.pt(m_style.headerOffsetPt);
    const double sectionWidth = metrics.horizontalAdvance(laid.section);
    const double titleRoom = content.width() - sectionWidth - context.pt(24.0);
    painter.drawText(QPointF(content.left(), headerBaseline), metrics.elidedText(options.title, Qt::ElideRight, titleRoom));
    painter.drawText(QPointF(content.right() - sectionWidth, headerBaseline), laid.section);
    const double ruleY = headerBaseline + metrics.descent() + context.pt(3.0);
    painter.fillRect(QRectF(content.left(), ruleY, content.width(), context.pt(0.5)), m_style.rule);

    // Footer: the note on the left, "Page n of N" on the right.
    const double footerBaseline = content.bottom() + context.pt(m_style.footerOffsetPt);
    painter.fillRect(QRectF(content.left(), footerBaseline - metrics.ascent() - context.pt(5.0), content.width(),
                            context.pt(0.5)),
                     m_style.rule);
    const QString pageText = QStringLiteral("Page %1 of %2").arg(pageNumber).arg(pageCount());
    const double pageWidth = metrics.horizontalAdvance(pageText);
    painter.drawText(QPointF(content.left(), footerBaseline),
                     metrics.elidedText(options.footerNote, Qt::ElideRight, content.width() - pageWidth - context.pt(24.0)));
    painter.drawText(QPointF(content.right() - pageWidth, footerBaseline), pageText);
    painter.restore();
}

ReportDocument::WriteStatus ReportDocument::writePdf(QIODevice *out, const WriteOptions &options)
{
    QPdfWriter writer(out);
    writer.setResolution(kResolutionDpi);
    writer.setPageLayout(QPageLayout(pageSize(options.paper), QPageLayout::Portrait, QMarginsF()));
    writer.setTitle(options.title);
    writer.setCreator(options.creator);

    const ReportContext context(m_style, &writer);
    const QRectF portraitPage = pageRect(options.paper, Orientation::Portrait);
    const QRectF landscapePage = pageRect(options.paper, Orientation::Landscape);
    const QRectF portraitContent = contentRect(context, portraitPage);
    const QRectF landscapeContent = contentRect(context, landscapePage);
    for (const auto &block : m_blocks)
        block->layout(context, block->orientation == Orientation::Landscape ? landscapeContent.width()
                                                                              : portraitContent.width());
    m_portraitContent = portraitContent.size();
    m_landscapeContent = landscapeContent.size();
    paginate(context, m_portraitContent, m_landscapeContent);

    const int total = pageCount();
    if (options.progress && !options.progress(0, total))
        return WriteStatus::Cancelled;

    QPainter painter(&writer);
    painter.setRenderHint(QPainter::Antialiasing);
    if (options.cover)
        options.cover(painter, context, portraitContent, m_sections);

    Orientation current = Orientation::Portrait;
    for (std::size_t i = 0; i < m_pages.size(); ++i) {
        if (options.progress && !options.progress(static_cast<int>(i) + 1, total)) {
            painter.end();
            return WriteStatus::Cancelled;
        }
        const LaidPage &laid = m_pages[i];
        if (laid.orientation != current) {
            writer.setPageOrientation(pageOrientation(laid.orientation));
            current = laid.orientation;
        }
        writer.newPage();
        const QRectF page = current == Orientation::Landscape ? landscapePage : portraitPage;
        const QRectF content = contentRect(context, page);
        paintFrame(painter, context, page, laid, static_cast<int>(i) + 2, options);
        for (const Placement &placement : laid.placements)
            placement.block->paint(painter, context, QPointF(content.left(), content.top() + placement.y),
                                   placement.first, placement.end, placement.continued);
    }
    painter.end();
    if (options.progress)
        options.progress(total, total);
    return WriteStatus::Written;
}

} // namespace cp::report
