#pragma once

#include <memory>
#include <utility>
#include <vector>

// The optimizer's linear relaxation, behind a small interface so only relaxation.cpp sees
// COIN-OR headers. Columns are 0..n-1; rows are lower <= sum(a x) <= upper. The MILP (CBC)
// gives a proven bound and a candidate; the LP (CLP, dual simplex warm-started from the last
// basis) bounds the nodes of the optimizer's own branch-and-bound.
namespace cp::optimize::detail {

inline constexpr double kInfinity = 1e30;

class Relaxation
{
public:
    Relaxation();
    ~Relaxation();
    Relaxation(const Relaxation &) = delete;
    Relaxation &operator=(const Relaxation &) = delete;

    int addColumn(double objective, double lower, double upper, bool integer);
    void addRow(const std::vector<std::pair<int, double>> &terms, double lower, double upper);
    void load(); // after the last addColumn/addRow

    [[nodiscard]] int columnCount() const { return static_cast<int>(m_objective.size()); }
    void setColumnUpper(int column, double upper);
    [[nodiscard]] double columnUpper(int column) const { return m_upper[static_cast<std::size_t>(column)]; }

    struct LpResult {
        bool feasible = false;
        double value = 0.0;     // without the constant the caller adds
        const double *x = nullptr; // column values, valid until the next solve
    };
    // The LP under the current column bounds.
    [[nodiscard]] LpResult solveLp();

    struct MilpResult {
        enum class Status { Optimal, Infeasible, Limit } status = Status::Limit;
        double value = 0.0;          // of the best integer solution found, if any
        double bound = -kInfinity;   // proven lower bound on every integer solution
        std::vector<double> x;       // empty when none was found
    };
    // The MILP (integer columns integral) under the current column bounds, within `seconds`.
    // feasibilityOnly: the objective is ignored (any integer point).
    [[nodiscard]] MilpResult solveMilp(double seconds, bool feasibilityOnly);

private:
    struct Lp;
    std::unique_ptr<Lp> m_lp;
    std::vector<double> m_objective, m_lower, m_upper;
    std::vector<char> m_integer;
    std::vector<int> m_rowStarts, m_rowColumns;
    std::vector<double> m_rowValues, m_rowLower, m_rowUpper;
};

} // namespace cp::optimize::detail
