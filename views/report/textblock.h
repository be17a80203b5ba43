#pragma once

#include "report/reportblock.h"
#include "report/textbox.h"

namespace cp::report {

// Headings and running text. Paragraphs break between lines, never leaving one line alone at
// the foot or the head of a page; headings stay with what follows them.
class TextBlock final : public ReportBlock
{
public:
    enum class Kind {
        Heading1, // section: new page, rule under it, names the running header
        Heading2,
        Heading3,
        Body,
        Small,   // notes and captions
        Bullet,  // an item of a list; `marker` is its bullet or number
        Callout, // the executive summary's sentences: tinted box with an accent bar
        Code,    // a formula: fixed pitch on a tinted band
    };

    TextBlock(Kind kind, RichText text, int indentLevel = 0, QString marker = QString(), double hangPt = 13.0);

    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] const QString &text() const { return m_text.text; }

    void layout(const ReportContext &context, double width) override;
    int minUnitsPerSlice() const override;
    void paint(QPainter &painter, const ReportContext &context, QPointF topLeft, int first, int end,
               bool continued) const override;

private:
    [[nodiscard]] double indent(const ReportContext &context) const;
    [[nodiscard]] double padding(const ReportContext &context) const; // inside callouts and code bands

    Kind m_kind;
    RichText m_text;
    int m_indentLevel;
    QString m_marker;
    double m_hangPt;
    TextBox m_box;
    TextBox m_markerBox;
    double m_width = 0.0;
};

} // namespace cp::report
