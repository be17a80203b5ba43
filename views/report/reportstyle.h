#pragma once

#include <QColor>
#include <QFont>
#include <QMarginsF>
#include <QPageSize>
#include <QString>

class QPaintDevice;

// The report's typography and page geometry in one place: one font family in a few sizes and two
// weights, a restrained palette, generous margins. Every length here is in points (1/72 inch);
// ReportContext turns them into device units.
namespace cp::report {

enum class Paper { A4, Letter };

[[nodiscard]] QPageSize pageSize(Paper paper);
[[nodiscard]] QString paperName(Paper paper); // "A4", "Letter"

enum class TextRole {
    Title,     // the cover's scenario name
    Subtitle,  // the cover's line under it
    Heading1,  // a section: starts a page, names the running header
    Heading2,  // a sub-section
    Heading3,  // a table or chart title
    Body,      // running text
    Small,     // notes under tables and charts, footnotes
    Table,     // table cells
    TableHead, // table header cells
    KpiValue,  // the large figure of a KPI tile
    KpiLabel,  // the label above it
    Running,   // running header and footer
    Code,      // formulas in the methodology
};

struct ReportStyle {
    QString family;     // the one family of the document (DejaVu Sans where installed)
    QString monoFamily; // formulas only (DejaVu Sans Mono: the same design, fixed pitch)

    QColor ink{0x1b, 0x22, 0x2e};      // text
    QColor muted{0x5b, 0x64, 0x72};    // secondary text, labels
    QColor accent{0x12, 0x3c, 0x69};   // headings, rules: a dark navy
    QColor rule{0xc8, 0xce, 0xd6};     // hairlines between rows
    QColor fill{0xf2, 0xf4, 0xf7};     // group rows, callouts
    QColor positive{0x1b, 0x6e, 0x35}; // a delta better than the baseline
    QColor negative{0xa3, 0x26, 0x1c}; // a delta worse than the baseline
    QColor caution{0x8a, 0x55, 0x00};  // stale values, warnings

    QMarginsF marginsPt{56.0, 62.0, 56.0, 54.0}; // left, top, right, bottom: about 20 mm, 22 mm, 20 mm, 19 mm
    double headerOffsetPt = 30.0; // running header baseline above the content area
    double footerOffsetPt = 30.0; // footer baseline below it
    double lineSpacing = 1.28;    // body line advance as a multiple of the font's height

    [[nodiscard]] double pointSize(TextRole role) const;
    [[nodiscard]] bool bold(TextRole role) const;
    [[nodiscard]] QColor color(TextRole role) const;

    // The family installed on this machine: DejaVu Sans (a Debian dependency of the product), or
    // the platform's general font when it is missing.
    [[nodiscard]] static ReportStyle standard();
};

// The style turned into fonts and lengths for one paint device (a PDF page at its resolution).
class ReportContext
{
public:
    ReportContext(const ReportStyle &style, QPaintDevice *device);

    [[nodiscard]] const ReportStyle &style() const { return m_style; }
    [[nodiscard]] QPaintDevice *device() const { return m_device; }
    [[nodiscard]] double pt(double points) const { return points * m_unitsPerPoint; }
    [[nodiscard]] QFont font(TextRole role, double scale = 1.0) const;

private:
    ReportStyle m_style;
    QPaintDevice *m_device;
    double m_unitsPerPoint;
};

} // namespace cp::report
