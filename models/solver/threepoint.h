#pragma once

// A three-point estimate (docs/scenario-format.md, section 2): the deterministic solve uses `mode`;
// risk runs sample a triangular distribution over [low, high] peaking at mode. A fixed value has
// low == mode == high.
namespace cp::solver {

struct ThreePoint {
    double low = 0.0;
    double mode = 0.0;
    double high = 0.0;

    [[nodiscard]] static constexpr ThreePoint fixed(double value) noexcept { return {value, value, value}; }
    [[nodiscard]] constexpr bool isFixed() const noexcept { return low == mode && mode == high; }
    [[nodiscard]] constexpr bool isOrdered() const noexcept { return low <= mode && mode <= high; }
    [[nodiscard]] constexpr ThreePoint scaled(double factor) const noexcept
    {
        return {low * factor, mode * factor, high * factor};
    }
    friend constexpr bool operator==(const ThreePoint &, const ThreePoint &) = default;
};

} // namespace cp::solver
