#pragma once

#include "fields/fieldtable.h"

#include <QString>
#include <QVariant>

#include <vector>

// A field's value as text: in a table cell, through the clipboard, and what a planner types.
namespace cp {

class Catalog;

// How a value reads in a table cell: "45,000", "5 (4-7)", "Mar 2024", "Gas combined cycle".
[[nodiscard]] QString displayText(const FieldInfo &info, const QVariant &value, const Catalog &catalog);
// How it travels through the clipboard: C-locale numbers, "2024-03", "4; 5; 7", spec names.
[[nodiscard]] QString clipboardText(const FieldInfo &info, const QVariant &value);
// Reads what a planner typed or pasted: either text form above, grouped numbers ("100,000"),
// a leading "$" or trailing unit, months as "2024-03", "Mar 2024" or "Mar-24", three-point
// values as "4; 5; 7" or "4/5/7", choices by spec name or display name. Empty text is an
// invalid QVariant (allowed only for optional fields). On failure *reason says what to type.
[[nodiscard]] QVariant parseFieldText(const FieldInfo &info, const QString &text, const Catalog &catalog,
                                      QString *reason, bool *ok);

// A refusal placed where it happened ("Row 2", "Line 3") without naming the field twice:
// "Row 2: Count must be ..." when the reason names it, else "Row 2, Count: <reason>".
[[nodiscard]] QString placedMessage(const QString &place, const FieldInfo &info, const QString &reason);

struct Choice {
    QString value; // spec name or catalog id
    QString label; // display name
};
[[nodiscard]] std::vector<Choice> choicesOf(ChoiceSet set, const Catalog &catalog);

// "4,500" in the display locale (en-US grouping), at most `decimals` decimals, no trailing zeros.
[[nodiscard]] QString groupedNumber(double value, int decimals);

} // namespace cp
