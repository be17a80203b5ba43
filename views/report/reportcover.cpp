#include "report/reportcover.h"

#include <QPainter>

namespace cp::report {

ReportDocument::CoverPainter coverPainter(CoverInfo info)
{
    return [info = std::move(info)](QPainter &painter, const ReportContext &context, const QRectF &content,
                                    const std::vector<SectionEntry> &sections) {
        const ReportStyle &style = context.style();
        QPaintDevice *device = context.device();
        painter.save();

        // Masthead: the product and the kind of report, over a heavy accent rule.
        double y = content.top();
        TextBox kicker(RichText().bold(info.kicker), context.font(TextRole::Heading3));
        kicker.layout(device, content.width());
        painter.setPen(style.accent);
        kicker.draw(painter, QPointF(content.left(), y));
        y += kicker.height() + context.pt(6.0);
        painter.fillRect(QRectF(content.left(), y, content.width(), context.pt(3.0)), style.accent);

        // Title block at a fifth of the page.
        y = content.top() + content.height() * 0.2;
        TextBox title(RichText(info.title), context.font(TextRole::Title));
        title.layout(device, content.width() * 0.9, 1.08);
        painter.setPen(style.accent);
        title.draw(painter, QPointF(content.left(), y));
        y += title.height() + context.pt(8.0);
        TextBox subtitle(RichText(info.subtitle), context.font(TextRole::Subtitle));
        subtitle.layout(device, content.width() * 0.9, 1.2);
        painter.setPen(style.muted);
        subtitle.draw(painter, QPointF(content.left(), y));
        y += subtitle.height() + context.pt(28.0);

        // The facts of the report, then its contents, in two quiet tables.
        TableBlock details({{QString(), Qt::AlignLeft, false}, {QString(), Qt::AlignLeft, true}});
        details.setShowHeader(false);
        for (const auto &[label, value] : info.details)
            details.addRow({TableCell(RichText(label), style.muted), TableCell(value)});
        const double tableWidth = content.width() * 0.78;
        details.layout(context, tableWidth);
        double rows = 0.0;
        for (const double h : details.unitHeights())
            rows += h;
        details.paint(painter, context, QPointF(content.left(), y), 0, details.rowCount(), false);
        y += rows + context.pt(26.0);

        if (!sections.empty()) {
            TextBox heading(RichText(QStringLiteral("Contents")), context.font(TextRole::Heading3));
            heading.layout(device, content.width());
            painter.setPen(style.ink);
            heading.draw(painter, QPointF(content.left(), y));
            y += heading.height() + context.pt(4.0);
            TableBlock contents({{QString(), Qt::AlignLeft, true}, {QString(), Qt::AlignRight, false}});
            contents.setShowHeader(false);
            for (const SectionEntry &section : sections)
                contents.addRow(QStringList{section.title, QString::number(section.pageNumber)});
            contents.layout(context, tableWidth);
            contents.paint(painter, context, QPointF(content.left(), y), 0, contents.rowCount(), false);
        }

        // Small print at the foot.
        TextBox notice(RichText(info.notice), context.font(TextRole::Small));
        const double noticeHeight = notice.layout(device, content.width(), 1.25);
        const double noticeTop = content.bottom() - noticeHeight;
        painter.fillRect(QRectF(content.left(), noticeTop - context.pt(8.0), content.width(), context.pt(0.5)), style.rule);
        painter.setPen(style.muted);
        notice.draw(painter, QPointF(content.left(), noticeTop));
        painter.restore();
    };
}

} // namespace cp::report
