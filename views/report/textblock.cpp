#include "report/textblock.h"

#include "report/reportstyle.h"

#include <QPainter>

namespace cp::report {

namespace {

TextRole roleOf(TextBlock::Kind kind)
{
    switch (kind) {
    case TextBlock::Kind::Heading1:
        return TextRole::Heading1;
    case TextBlock::Kind::Heading2:
        return TextRole::Heading2;
    case TextBlock::Kind::Heading3:
        return TextRole::Heading3;
    case TextBlock::Kind::Small:
        return TextRole::Small;
    case TextBlock::Kind::Code:
        return TextRole::Code;
    case TextBlock::Kind::Body:
    case TextBlock::Kind::Bullet:
    case TextBlock::Kind::Callout:
        return TextRole::Body;
    }
    return TextRole::Body;
}

bool isHeading(TextBlock::Kind kind)
{
    return kind == TextBlock::Kind::Heading1 || kind == TextBlock::Kind::Heading2 || kind == TextBlock::Kind::Heading3;
}

bool isAtomic(TextBlock::Kind kind)
{
    return isHeading(kind) || kind == TextBlock::Kind::Callout || kind == TextBlock::Kind::Code;
}

constexpr double kHeading1RuleGapPt = 5.0;
constexpr double kHeading1RulePt = 1.0;
constexpr double kCalloutBarPt = 2.5;

} // namespace

TextBlock::TextBlock(Kind kind, RichText text, int indentLevel, QString marker, double hangPt)
    : m_kind(kind)
    , m_text(std::move(text))
    , m_indentLevel(indentLevel)
    , m_marker(std::move(marker))
    , m_hangPt(hangPt)
{
    switch (kind) {
    case Kind::Heading1:
        spaceAfterPt = 12.0;
        keepWithNext = true;
        break;
    case Kind::Heading2:
        spaceBeforePt = 16.0;
        spaceAfterPt = 6.0;
        keepWithNext = true;
        break;
    case Kind::Heading3:
        spaceBeforePt = 11.0;
        spaceAfterPt = 4.0;
        keepWithNext = true;
        break;
    case Kind::Body:
        spaceAfterPt = 6.0;
        break;
    case Kind::Small:
        spaceBeforePt = 3.0;
        spaceAfterPt = 6.0;
        break;
    case Kind::Bullet:
        spaceAfterPt = 3.0;
        break;
    case Kind::Callout:
    case Kind::Code:
        spaceBeforePt = 4.0;
        spaceAfterPt = 8.0;
        break;
    }
}

double TextBlock::indent(const ReportContext &context) const
{
    const double level = context.pt(13.0) * m_indentLevel;
    return m_kind == Kind::Bullet ? level + context.pt(m_hangPt) : level;
}

double TextBlock::padding(const ReportContext &context) const
{
    switch (m_kind) {
    case Kind::Callout:
        return context.pt(9.0);
    case Kind::Code:
        return context.pt(5.0);
    default:
        return 0.0;
    }
}

void TextBlock::layout(const ReportContext &context, double width)
{
    m_width = width;
    const QFont font = context.font(roleOf(m_kind));
    m_box = TextBox(m_text, font);
    const double pad = padding(context);
    const double bar = m_kind == Kind::Callout ? context.pt(kCalloutBarPt) : 0.0;
    const double spacing = isHeading(m_kind) ? 1.1 : m_kind == Kind::Code ? 1.2 : context.style().lineSpacing;
    const double textHeight = m_box.layout(context.device(), width - indent(context) - 2 * pad - bar, spacing);
    if (m_kind == Kind::Bullet) {
        m_markerBox = TextBox(RichText(m_marker), font);
        m_markerBox.layout(context.device(), context.pt(m_hangPt) * 4, spacing); // never wraps
    }

    m_unitHeights.clear();
    if (isAtomic(m_kind)) {
        double height = textHeight + 2 * pad;
        if (m_kind == Kind::Heading1)
            height += context.pt(kHeading1RuleGapPt + kHeading1RulePt);
        m_unitHeights.push_back(height);
        return;
    }
    for (int line = 0; line < m_box.lineCount(); ++line)
        m_unitHeights.push_back(m_box.lineTop(line + 1) - m_box.lineTop(line));
}

int TextBlock::minUnitsPerSlice() const
{
    return 2;
}

void TextBlock::paint(QPainter &painter, const ReportContext &context, QPointF topLeft, int first, int end,
                      bool continued) const
{
    Q_UNUSED(continued);
    const ReportStyle &style = context.style();
    const double x = topLeft.x() + indent(context);
    painter.save();
    painter.setPen(style.color(roleOf(m_kind)));

    switch (m_kind) {
    case Kind::Callout: {
        const double height = m_unitHeights.front();
        const double bar = context.pt(kCalloutBarPt);
        painter.fillRect(QRectF(x, topLeft.y(), m_width - indent(context), height), style.fill);
        painter.fillRect(QRectF(x, topLeft.y(), bar, height), style.accent);
        const double pad = padding(context);
        m_box.draw(painter, QPointF(x + bar + pad, topLeft.y() + pad));
        break;
    }
    case Kind::Code: {
        const double pad = padding(context);
        painter.fillRect(QRectF(x, topLeft.y(), m_width - indent(context), m_unitHeights.front()), style.fill);
        m_box.draw(painter, QPointF(x + pad, topLeft.y() + pad));
        break;
    }
    case Kind::Heading1: {
        m_box.draw(painter, topLeft);
        const double ruleY = topLeft.y() + m_box.height() + context.pt(kHeading1RuleGapPt);
        painter.fillRect(QRectF(topLeft.x(), ruleY, m_width, context.pt(kHeading1RulePt)), style.accent);
        break;
    }
    case Kind::Bullet:
        if (first == 0)
            m_markerBox.draw(painter, QPointF(x - context.pt(m_hangPt - 2.0), topLeft.y()));
        m_box.draw(painter, QPointF(x, topLeft.y()), first, end);
        break;
    default:
        m_box.draw(painter, QPointF(x, topLeft.y()), first, end);
        break;
    }
    painter.restore();
}

} // namespace cp::report
