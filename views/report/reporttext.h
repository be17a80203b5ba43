#pragma once

#include "report/textbox.h"
#include "solver/threepoint.h"

#include <QColor>
#include <QString>

#include <optional>
#include <string>

// Small pieces of report wording shared by its sections; numbers always through cp::format.
namespace cp::report::text {

[[nodiscard]] QString qs(const std::string &text);
// "9 months", or "9 months (6 to 12)" for a range.
[[nodiscard]] QString months(const solver::ThreePoint &value);
// "$4.50B", or "$4.50B ($3.80B to $5.50B)" for a range.
[[nodiscard]] QString money(const solver::ThreePoint &value);
// Table cells: the mode (and `mark`) on the first line, a range on a second, quieter one:
// "9 months" / "6–12", "$60.0k" / "$48.0k–$75.0k". A fixed value takes one line.
[[nodiscard]] RichText monthsCell(const solver::ThreePoint &value, const QColor &muted, const QString &mark = QString());
[[nodiscard]] RichText moneyCell(const solver::ThreePoint &value, const QColor &muted, const QString &mark = QString());
// "1.08–1.25"
[[nodiscard]] QString range(const QString &low, const QString &high);

// "Mar 2025", or `never` for a month that does not come within the plan.
[[nodiscard]] QString month(const std::optional<int> &absMonth, const QString &never = QStringLiteral("not within the plan"));
// "1.15"; up to `decimals` decimals without trailing zeros.
[[nodiscard]] QString number(double value, int decimals = 2);

inline const QString kDash = QStringLiteral("\u2014");
inline const QString kCatalogMark = QStringLiteral("\u2020"); // dagger: a catalog default

} // namespace cp::report::text
