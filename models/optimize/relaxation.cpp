#include "optimize/relaxation.h"

#include <CbcModel.hpp>
#include <CoinPackedMatrix.hpp>
#include <OsiClpSolverInterface.hpp>

#include <algorithm>
#include <cmath>

namespace cp::optimize::detail {

struct Relaxation::Lp {
    OsiClpSolverInterface solver;
    bool solvedOnce = false;
};

Relaxation::Relaxation()
    : m_lp(std::make_unique<Lp>())
{
    m_rowStarts.push_back(0);
}

Relaxation::~Relaxation() = default;

int Relaxation::addColumn(double objective, double lower, double upper, bool integer)
{
    m_objective.push_back(objective);
    m_lower.push_back(lower);
    m_upper.push_back(upper);
    m_integer.push_back(integer ? 1 : 0);
    return static_cast<int>(m_objective.size()) - 1;
}

void Relaxation::addRow(const std::vector<std::pair<int, double>> &terms, double lower, double upper)
{
    for (const auto &[column, value] : terms) {
        m_rowColumns.push_back(column);
        m_rowValues.push_back(value);
    }
    m_rowStarts.push_back(static_cast<int>(m_rowColumns.size()));
    m_rowLower.push_back(lower);
    m_rowUpper.push_back(upper);
}

void Relaxation::load()
{
    const int rows = static_cast<int>(m_rowLower.size());
    std::vector<int> lengths(static_cast<std::size_t>(rows));
    for (int r = 0; r < rows; ++r)
        lengths[static_cast<std::size_t>(r)] = m_rowStarts[static_cast<std::size_t>(r) + 1] - m_rowStarts[static_cast<std::size_t>(r)];
    const CoinPackedMatrix matrix(false, columnCount(), rows, static_cast<CoinBigIndex>(m_rowColumns.size()),
                                  m_rowValues.data(), m_rowColumns.data(), m_rowStarts.data(), lengths.data());
    OsiClpSolverInterface &s = m_lp->solver;
    s.messageHandler()->setLogLevel(0);
    s.getModelPtr()->setLogLevel(0);
    s.loadProblem(matrix, m_lower.data(), m_upper.data(), m_objective.data(), m_rowLower.data(), m_rowUpper.data());
    s.setObjSense(1.0);
}

void Relaxation::setColumnUpper(int column, double upper)
{
    m_upper[static_cast<std::size_t>(column)] = upper;
    m_lp->solver.setColUpper(column, upper);
}

Relaxation::LpResult Relaxation::solveLp()
{
    OsiClpSolverInterface &s = m_lp->solver;
    if (!m_lp->solvedOnce) {
        s.initialSolve();
        m_lp->solvedOnce = true;
    } else {
        s.resolve();
    }
    LpResult result;
    if (s.isProvenOptimal()) {
        result.feasible = true;
        result.value = s.getObjValue();
        result.x = s.getColSolution();
    } else if (!s.isProvenPrimalInfeasible()) {
        // Neither optimal nor infeasible (numerical trouble): solve from scratch once; if that
        // does not settle it either, report no bound (feasible at minus infinity) rather than guess.
        s.initialSolve();
        if (s.isProvenOptimal()) {
            result.feasible = true;
            result.value = s.getObjValue();
            result.x = s.getColSolution();
        } else if (!s.isProvenPrimalInfeasible()) {
            result.feasible = true;
            result.value = -kInfinity;
            result.x = s.getColSolution();
        }
    }
    return result;
}

Relaxation::MilpResult Relaxation::solveMilp(double seconds, bool feasibilityOnly)
{
    OsiClpSolverInterface copy(m_lp->solver);
    copy.messageHandler()->setLogLevel(0);
    copy.getModelPtr()->setLogLevel(0);
    for (int c = 0; c < columnCount(); ++c) {
        if (m_integer[static_cast<std::size_t>(c)])
            copy.setInteger(c);
        if (feasibilityOnly)
            copy.setObjCoeff(c, 0.0);
    }
    CbcModel model(copy);
    model.setLogLevel(0);
    model.messageHandler()->setLogLevel(0);
    model.setMaximumSeconds(std::max(0.01, seconds));
    model.setAllowableGap(0.0);
    model.setAllowableFractionGap(1e-12);
    model.branchAndBound();

    MilpResult result;
    if (model.isProvenInfeasible()) {
        result.status = MilpResult::Status::Infeasible;
        return result;
    }
    result.bound = model.getBestPossibleObjValue();
    if (model.bestSolution()) {
        result.x.assign(model.bestSolution(), model.bestSolution() + columnCount());
        result.value = model.getObjValue();
    }
    result.status = model.isProvenOptimal() && !result.x.empty() ? MilpResult::Status::Optimal : MilpResult::Status::Limit;
    if (result.status == MilpResult::Status::Optimal)
        result.bound = std::min(result.bound, result.value);
    if (!std::isfinite(result.bound))
        result.bound = -kInfinity;
    return result;
}

} // namespace cp::optimize::detail
