#pragma once

#include <QString>

#include <string>

namespace cp::io {

// Text that reads back as the same double, in the C locale whatever the user's locale: whole
// numbers up to 2^53 as integers (45000, 20000000), others in shortest round-trip form
// (1.4, 1e+300). Used in messages and wherever a number is written as text.
[[nodiscard]] std::string numberString(double value);
// numberString appended to out without a temporary (writers of millions of numbers).
void appendNumber(std::string &out, double value);
[[nodiscard]] QString numberText(double value);

} // namespace cp::io
