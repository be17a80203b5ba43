#include "report/textbox.h"

#include <QPainter>
#include <QTextOption>

#include <algorithm>
#include <limits>

namespace cp::report {

RichText &RichText::plain(const QString &run)
{
    text += run;
    return *this;
}

RichText &RichText::format(const QString &run, const QTextCharFormat &charFormat)
{
    if (!run.isEmpty())
        formats.append({static_cast<int>(text.size()), static_cast<int>(run.size()), charFormat});
    text += run;
    return *this;
}

RichText &RichText::bold(const QString &run)
{
    QTextCharFormat f;
    f.setFontWeight(QFont::Bold);
    return format(run, f);
}

RichText &RichText::mono(const QString &run, const QString &family)
{
    QTextCharFormat f;
    f.setFontFamilies(QStringList{family});
    return format(run, f);
}

RichText &RichText::colored(const QString &run, const QColor &color, bool isBold)
{
    QTextCharFormat f;
    f.setForeground(color);
    if (isBold)
        f.setFontWeight(QFont::Bold);
    return format(run, f);
}

namespace {

std::unique_ptr<QTextLayout> makeLayout(const RichText &text, const QFont &font, QPaintDevice *device,
                                        QTextOption::WrapMode wrap, Qt::Alignment alignment)
{
    auto layout = std::make_unique<QTextLayout>(text.text, font, device);
    QTextOption option(alignment);
    option.setWrapMode(wrap);
    layout->setTextOption(option);
    layout->setFormats(text.formats);
    return layout;
}

} // namespace

TextBox::TextBox() = default;
TextBox::TextBox(TextBox &&) noexcept = default;
TextBox &TextBox::operator=(TextBox &&) noexcept = default;
TextBox::~TextBox() = default;

TextBox::TextBox(const RichText &text, const QFont &font, Qt::Alignment alignment)
    : m_text(text)
    , m_font(font)
    , m_alignment(alignment)
{
}

bool TextBox::isEmpty() const
{
    return m_text.text.isEmpty();
}

double TextBox::layout(QPaintDevice *device, double width, double lineSpacing)
{
    m_width = width;
    m_layout = makeLayout(m_text, m_font, device, QTextOption::WrapAtWordBoundaryOrAnywhere, m_alignment);
    m_lineTops.clear();
    double y = 0.0;
    m_layout->beginLayout();
    for (QTextLine line = m_layout->createLine(); line.isValid(); line = m_layout->createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0.0, y));
        m_lineTops.push_back(y);
        y += line.height() * lineSpacing;
    }
    m_layout->endLayout();
    if (m_lineTops.empty()) { // empty text: one empty line keeps rows and paragraphs their height
        const QFontMetricsF metrics(m_font, device);
        m_lineTops.push_back(0.0);
        y = metrics.height() * lineSpacing;
    }
    m_lineTops.push_back(y);
    m_height = y;
    return m_height;
}

int TextBox::lineCount() const
{
    return static_cast<int>(m_lineTops.size()) - 1;
}

double TextBox::lineTop(int line) const
{
    return m_lineTops[static_cast<std::size_t>(line)];
}

double TextBox::lineAscent(int line) const
{
    if (!m_layout || line >= m_layout->lineCount())
        return 0.0;
    return m_layout->lineAt(line).ascent();
}

double TextBox::naturalWidth(QPaintDevice *device) const
{
    auto layout = makeLayout(m_text, m_font, device, QTextOption::NoWrap, Qt::AlignLeft);
    double widest = 0.0;
    layout->beginLayout();
    for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
        line.setLineWidth(std::numeric_limits<float>::max() / 4);
        widest = std::max(widest, line.naturalTextWidth());
    }
    layout->endLayout();
    return widest;
}

double TextBox::widestWord(QPaintDevice *device) const
{
    // Laid out in no width at word boundaries only, every line is one word.
    auto layout = makeLayout(m_text, m_font, device, QTextOption::WordWrap, Qt::AlignLeft);
    double widest = 0.0;
    layout->beginLayout();
    for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
        line.setLineWidth(0.0);
        widest = std::max(widest, line.naturalTextWidth());
    }
    layout->endLayout();
    return widest;
}

void TextBox::draw(QPainter &painter, QPointF topLeft, int first, int end) const
{
    if (!m_layout || first >= end || m_layout->lineCount() == 0)
        return;
    const double top = lineTop(first);
    const QPointF origin = topLeft - QPointF(0.0, top);
    // QTextLayout::draw skips lines outside the clip rectangle (in painter coordinates).
    const QRectF clip(topLeft.x(), topLeft.y(), std::max(m_width, 1.0), lineTop(end) - top);
    painter.save();
    painter.setFont(m_font);
    m_layout->draw(&painter, origin, {}, clip);
    painter.restore();
}

} // namespace cp::report
