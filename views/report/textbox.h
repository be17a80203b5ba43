#pragma once

#include <QColor>
#include <QFont>
#include <QList>
#include <QString>
#include <QTextLayout>

#include <memory>

class QPainter;
class QPaintDevice;

namespace cp::report {

// Text with inline emphasis, built piece by piece: plain, bold, fixed-pitch or coloured runs.
struct RichText {
    QString text;
    QList<QTextLayout::FormatRange> formats;

    RichText() = default;
    RichText(const QString &plainText) // NOLINT(google-explicit-constructor): plain text is rich text
        : text(plainText)
    {
    }
    RichText &plain(const QString &run);
    RichText &bold(const QString &run);
    RichText &mono(const QString &run, const QString &family);
    RichText &colored(const QString &run, const QColor &color, bool isBold = false);
    RichText &format(const QString &run, const QTextCharFormat &charFormat);
};

// One run of text laid out in a width: wrapped at word boundaries (anywhere only when a word is
// wider than the box), each line its own unit so blocks can break between lines. Measuring and
// drawing use the same QTextLayout, so what is measured is exactly what is drawn.
class TextBox
{
public:
    TextBox();
    TextBox(const RichText &text, const QFont &font, Qt::Alignment alignment = Qt::AlignLeft);
    TextBox(TextBox &&) noexcept;
    TextBox &operator=(TextBox &&) noexcept;
    ~TextBox();

    // Lays out the lines in `width` device units; each line advances `lineSpacing` x its height.
    // Returns the total height.
    double layout(QPaintDevice *device, double width, double lineSpacing = 1.0);
    [[nodiscard]] double height() const { return m_height; }
    [[nodiscard]] int lineCount() const;
    [[nodiscard]] double lineTop(int line) const; // lineTop(lineCount()) == height()
    [[nodiscard]] double lineAscent(int line) const;
    [[nodiscard]] bool isEmpty() const;

    // The width of the text on one line, and of its widest word: what a table column needs.
    [[nodiscard]] double naturalWidth(QPaintDevice *device) const;
    [[nodiscard]] double widestWord(QPaintDevice *device) const;

    // Draws lines [first, end) with the top of line `first` at topLeft.
    void draw(QPainter &painter, QPointF topLeft, int first, int end) const;
    void draw(QPainter &painter, QPointF topLeft) const { draw(painter, topLeft, 0, lineCount()); }

private:
    RichText m_text;
    QFont m_font;
    Qt::Alignment m_alignment = Qt::AlignLeft;
    std::unique_ptr<QTextLayout> m_layout;
    double m_width = 0.0;
    double m_height = 0.0;
    std::vector<double> m_lineTops;
};

} // namespace cp::report
