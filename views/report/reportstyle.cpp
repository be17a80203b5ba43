#include "report/reportstyle.h"

#include <QFontDatabase>
#include <QPaintDevice>

namespace cp::report {

QPageSize pageSize(Paper paper)
{
    return QPageSize(paper == Paper::Letter ? QPageSize::Letter : QPageSize::A4);
}

QString paperName(Paper paper)
{
    return paper == Paper::Letter ? QStringLiteral("Letter") : QStringLiteral("A4");
}

double ReportStyle::pointSize(TextRole role) const
{
    switch (role) {
    case TextRole::Title:
        return 25.0;
    case TextRole::Subtitle:
        return 12.0;
    case TextRole::Heading1:
        return 16.0;
    case TextRole::Heading2:
        return 11.5;
    case TextRole::Heading3:
        return 9.0;
    case TextRole::Body:
        return 9.0;
    case TextRole::Small:
        return 7.2;
    case TextRole::Table:
    case TextRole::TableHead:
        return 7.8;
    case TextRole::KpiValue:
        return 15.0;
    case TextRole::KpiLabel:
        return 7.2;
    case TextRole::Running:
        return 7.0;
    case TextRole::Code:
        return 8.0;
    }
    return 9.0;
}

bool ReportStyle::bold(TextRole role) const
{
    switch (role) {
    case TextRole::Title:
    case TextRole::Heading1:
    case TextRole::Heading2:
    case TextRole::Heading3:
    case TextRole::TableHead:
    case TextRole::KpiValue:
        return true;
    default:
        return false;
    }
}

QColor ReportStyle::color(TextRole role) const
{
    switch (role) {
    case TextRole::Title:
    case TextRole::Heading1:
        return accent;
    case TextRole::Subtitle:
    case TextRole::Small:
    case TextRole::KpiLabel:
    case TextRole::Running:
        return muted;
    default:
        return ink;
    }
}

ReportStyle ReportStyle::standard()
{
    ReportStyle style;
    const QStringList families = QFontDatabase::families();
    const auto pick = [&families](const QString &wanted, QFontDatabase::SystemFont fallback) {
        return families.contains(wanted) ? wanted : QFontDatabase::systemFont(fallback).family();
    };
    style.family = pick(QStringLiteral("DejaVu Sans"), QFontDatabase::GeneralFont);
    style.monoFamily = pick(QStringLiteral("DejaVu Sans Mono"), QFontDatabase::FixedFont);
    return style;
}

ReportContext::ReportContext(const ReportStyle &style, QPaintDevice *device)
    : m_style(style)
    , m_device(device)
    , m_unitsPerPoint(device->logicalDpiY() / 72.0)
{
}

QFont ReportContext::font(TextRole role, double scale) const
{
    QFont font(role == TextRole::Code ? m_style.monoFamily : m_style.family);
    font.setPointSizeF(m_style.pointSize(role) * scale);
    font.setBold(m_style.bold(role));
    // Outline metrics, not hinted ones: what is measured is what the PDF draws.
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setKerning(true);
    // Any letter spacing turns ligatures off in Qt's shaper: "fi" stays two letters, so the
    // PDF's text searches, copies and extracts as written. A fiftieth of a pixel (the least Qt keeps)
    // changes nothing visible.
    font.setLetterSpacing(QFont::AbsoluteSpacing, 0.02);
    return font;
}

} // namespace cp::report
