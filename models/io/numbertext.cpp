#include "io/numbertext.h"

#include <array>
#include <charconv>

namespace cp::io {

std::string numberString(double value)
{
    std::array<char, 32> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    if (ec != std::errc())
        return {};
    return std::string(buffer.data(), end);
}

QString numberText(double value)
{
    return QString::fromStdString(numberString(value));
}

} // namespace cp::io
