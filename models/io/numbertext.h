#pragma once

#include <QString>

#include <string>

namespace cp::io {

// The shortest text that reads back as the same double, in the C locale whatever the user's
// locale: 1.4, 45000, 1e+300. Used in messages and wherever a number is written as text.
[[nodiscard]] std::string numberString(double value);
[[nodiscard]] QString numberText(double value);

} // namespace cp::io
