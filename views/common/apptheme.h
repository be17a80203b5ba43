#pragma once

class QApplication;
class QColor;

// The product's look in one place: palette, fonts, spacing and the colours that charts and
// tables share (one colour per cost category, one per binding constraint).
namespace cp::views {

void applyAppTheme(QApplication &app);

enum class ThemeColor {
    Accent,
    Positive, // a delta that is better than the baseline
    Negative, // a delta that is worse
    Muted,
};
[[nodiscard]] QColor themeColor(ThemeColor role);

} // namespace cp::views
