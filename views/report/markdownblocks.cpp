#include "report/markdownblocks.h"

#include "report/reportdocument.h"

#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>

namespace cp::report {

namespace {

bool isCode(const QTextBlock &block)
{
    if (block.blockFormat().hasProperty(QTextFormat::BlockCodeFence))
        return true;
    // An indented code block carries no fence: every fragment of it is fixed pitch.
    bool any = false;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        if (!it.fragment().charFormat().fontFixedPitch())
            return false;
        any = true;
    }
    return any && block.blockFormat().nonBreakableLines();
}

RichText richText(const QTextBlock &block, const ReportStyle &style)
{
    RichText text;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        const QTextCharFormat source = fragment.charFormat();
        QTextCharFormat format;
        if (source.fontWeight() >= QFont::DemiBold)
            format.setFontWeight(QFont::Bold);
        if (source.fontFixedPitch())
            format.setFontFamilies(QStringList{style.monoFamily});
        if (source.isAnchor())
            format.setForeground(style.accent);
        text.format(fragment.text(), format);
    }
    return text;
}

QString cellText(const QTextTableCell &cell)
{
    QStringList parts;
    for (auto it = cell.begin(); !it.atEnd(); ++it)
        if (!it.currentBlock().text().isEmpty())
            parts << it.currentBlock().text();
    return parts.join(QLatin1Char(' '));
}

void appendTable(ReportDocument &document, const QTextTable &table)
{
    std::vector<TableColumn> columns;
    for (int c = 0; c < table.columns(); ++c) {
        const QTextTableCell head = table.cellAt(0, c);
        const Qt::Alignment alignment = head.firstCursorPosition().blockFormat().alignment() & Qt::AlignHorizontal_Mask;
        columns.push_back({cellText(head), alignment == Qt::AlignRight ? Qt::AlignRight : Qt::AlignLeft,
                           alignment != Qt::AlignRight});
    }
    TableBlock &block = document.table(std::move(columns));
    for (int r = 1; r < table.rows(); ++r) {
        QStringList cells;
        for (int c = 0; c < table.columns(); ++c)
            cells << cellText(table.cellAt(r, c));
        block.addRow(cells);
    }
}

} // namespace

void appendMarkdown(ReportDocument &document, const QString &markdown)
{
    QTextDocument source;
    source.setMarkdown(markdown, QTextDocument::MarkdownDialectGitHub);
    const ReportStyle &style = document.style();
    QString code; // consecutive code lines become one formula block
    const auto flushCode = [&] {
        if (!code.isEmpty())
            document.code(code);
        code.clear();
    };

    for (auto it = source.rootFrame()->begin(); !it.atEnd(); ++it) {
        if (const auto *table = qobject_cast<const QTextTable *>(it.currentFrame())) {
            flushCode();
            appendTable(document, *table);
            continue;
        }
        const QTextBlock block = it.currentBlock();
        if (!block.isValid())
            continue;
        if (isCode(block)) {
            if (!code.isEmpty())
                code += QLatin1Char('\n');
            code += block.text();
            continue;
        }
        flushCode();
        if (block.text().trimmed().isEmpty())
            continue;
        const int level = block.blockFormat().headingLevel();
        if (level == 1) {
            document.heading1(block.text());
        } else if (level == 2) {
            document.heading2(block.text());
        } else if (level >= 3) {
            document.heading3(block.text());
        } else if (QTextList *list = block.textList()) {
            const bool ordered = list->format().style() < QTextListFormat::ListSquare; // decimal, alphabetic, roman
            const QString marker = ordered ? list->itemText(block) : QStringLiteral("\u2022");
            document.bullet(richText(block, style), std::max(0, list->format().indent() - 1), marker);
        } else {
            document.paragraph(richText(block, style));
        }
    }
    flushCode();
}

} // namespace cp::report
