#include "domain/numbertext.h"

#include <array>
#include <charconv>
#include <cmath>

namespace cp::io {

void appendNumber(std::string &out, double value)
{
    std::array<char, 32> buffer {};
    // Whole numbers as integers (20000000, not 2e+07), like the canonical JSON.
    const bool whole = std::isfinite(value) && std::trunc(value) == value && std::abs(value) <= 9007199254740992.0;
    const auto [end, ec] = whole
        ? std::to_chars(buffer.data(), buffer.data() + buffer.size(), static_cast<long long>(value))
        : std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    if (ec == std::errc())
        out.append(buffer.data(), end);
}

std::string numberString(double value)
{
    std::string out;
    appendNumber(out, value);
    return out;
}

QString numberText(double value)
{
    return QString::fromStdString(numberString(value));
}

} // namespace cp::io
