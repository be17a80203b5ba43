#include "solver/textformat.h"

#include <charconv>
#include <cmath>

namespace cp::solver::text {

namespace {

std::string withSign(double value, std::string magnitude)
{
    return value < 0 ? "-" + magnitude : magnitude;
}

// Fewer decimals as the leading part grows: 4.50, 45.0, 450 (three significant digits).
int decimalsFor(double scaledMagnitude)
{
    return scaledMagnitude >= 100 ? 0 : (scaledMagnitude >= 10 ? 1 : 2);
}

std::string grouped(long long n)
{
    std::string digits = std::to_string(n);
    std::string out;
    const int len = static_cast<int>(digits.size());
    for (int i = 0; i < len; ++i) {
        if (i > 0 && (len - i) % 3 == 0)
            out += ',';
        out += digits[static_cast<std::size_t>(i)];
    }
    return out;
}

} // namespace

std::string fixed(double value, int decimals)
{
    // to_chars is locale-independent and several times faster than printf; warnings format
    // a few numbers per site on every solve.
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    if (error != std::errc())
        return "?";
    return std::string(buffer, end);
}

std::string usd(double amountUsd)
{
    const double a = std::abs(amountUsd);
    struct Scale {
        double factor;
        const char *suffix;
    };
    static constexpr Scale kScales[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "k"}};
    for (const Scale &s : kScales) {
        if (a >= s.factor) {
            const double scaled = a / s.factor;
            return withSign(amountUsd, "$" + fixed(scaled, s.factor == 1e12 ? 2 : decimalsFor(scaled)) + s.suffix);
        }
    }
    if (a == 0)
        return "$0";
    return withSign(amountUsd, "$" + fixed(a, a >= 100 ? 0 : 2));
}

std::string megawatts(double mw)
{
    const double a = std::abs(mw);
    if (a >= 1000)
        return withSign(mw, fixed(a / 1000, 2) + " GW");
    if (a >= 1)
        return withSign(mw, fixed(a, a >= 100 ? 0 : 1) + " MW");
    if (a > 0)
        return withSign(mw, fixed(a * 1000, 0) + " kW");
    return "0 MW";
}

std::string megawattHours(double mwh)
{
    const double a = std::abs(mwh);
    if (a >= 1e6)
        return withSign(mwh, fixed(a / 1e6, 2) + " TWh");
    if (a >= 1e3)
        return withSign(mwh, fixed(a / 1e3, a >= 1e5 ? 0 : 1) + " GWh");
    return withSign(mwh, fixed(a, 0) + " MWh");
}

std::string count(double n)
{
    const double a = std::abs(n);
    if (a >= 1e9)
        return withSign(n, fixed(a / 1e9, decimalsFor(a / 1e9)) + "B");
    if (a >= 1e6)
        return withSign(n, fixed(a / 1e6, decimalsFor(a / 1e6)) + "M");
    return withSign(n, grouped(std::llround(a)));
}

std::string flops(double pflops)
{
    const double a = std::abs(pflops);
    if (a >= 1e6) // a thousand EFLOPS and more (an 800k-GPU campus): grouped, no zetta a reader must decode
        return withSign(pflops, grouped(std::llround(a / 1000)) + " EFLOPS");
    if (a >= 1000)
        return withSign(pflops, fixed(a / 1000, decimalsFor(a / 1000)) + " EFLOPS");
    return withSign(pflops, fixed(a, a >= 100 ? 0 : 1) + " PFLOPS");
}

std::string monthLabel(int absMonth)
{
    static const char *const kNames[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::string label = kNames[absMonth % 12];
    label += ' ';
    label += std::to_string(absMonth / 12);
    return label;
}

std::string monthIso(int absMonth)
{
    const int year = absMonth / 12;
    const int month = absMonth % 12 + 1;
    std::string iso(7, '0');
    iso[0] = static_cast<char>('0' + year / 1000 % 10);
    iso[1] = static_cast<char>('0' + year / 100 % 10);
    iso[2] = static_cast<char>('0' + year / 10 % 10);
    iso[3] = static_cast<char>('0' + year % 10);
    iso[4] = '-';
    iso[5] = static_cast<char>('0' + month / 10);
    iso[6] = static_cast<char>('0' + month % 10);
    return iso;
}

} // namespace cp::solver::text
