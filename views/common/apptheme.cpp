#include "common/apptheme.h"

#include <QApplication>
#include <QColor>
#include <QStyleFactory>

namespace cp::views {

void applyAppTheme(QApplication &app)
{
    // Fusion looks the same on every desktop and under Xvfb, so screenshots match what users see.
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        app.setStyle(fusion);
}

QColor themeColor(ThemeColor role)
{
    switch (role) {
    case ThemeColor::Accent:
        return QColor(0x1f, 0x5f, 0xa8);
    case ThemeColor::Positive:
        return QColor(0x1b, 0x7f, 0x3b);
    case ThemeColor::Negative:
        return QColor(0xb4, 0x23, 0x18);
    case ThemeColor::Muted:
        return QColor(0x6b, 0x72, 0x80);
    }
    return {};
}

} // namespace cp::views
