#pragma once

#include <QString>

namespace cp {

// One thing wrong with a scenario or a file: where (the file, the JSON path of the field) and
// why, in words a planner can act on.
struct Problem {
    QString file;    // as given to the reader; empty for a scenario held in memory
    QString path;    // JSON path, e.g. "sites[2].power[0].leadTimeMonths"; empty for the whole document
    QString message; // what is wrong and, where it helps, what to do

    // "file: path: message", leaving out the parts that are empty.
    [[nodiscard]] QString toString() const;
    friend bool operator==(const Problem &, const Problem &) = default;
};

// Text from a file, fit to quote in a message: control characters and bidirectional controls
// shown as \u escapes (a message never moves a terminal's cursor or turns "gnp.exe" around), and
// more than `maxChars` characters cut with a count of the rest ("Hall… (100000 characters)").
[[nodiscard]] QString quotedText(const QString &text, qsizetype maxChars = 80);

// A control character (C0, DEL, C1) or a bidirectional formatting character (U+061C, U+200E,
// U+200F, U+202A..U+202E, U+2066..U+2069): never wanted in a name.
[[nodiscard]] bool isControlOrBidi(char16_t c);

} // namespace cp
