#pragma once

#include "solver/plan.h"

// Linked dates (docs/scenario-format.md, section 3): a tranche ordered relative to its facility's
// ready month, a source retired relative to another source's arrival. The resolver applies them
// once; a risk trial applies them again after drawing its durations, so a late grid moves the
// bridge's retirement with it; the optimizer applies them to each plan it evaluates.
namespace cp::solver {

// Sets every linked orderMonth and retireMonth from the durations' modes (a trial writes its
// samples there). A retirement whose source is not in the plan (the optimizer dropped it) keeps
// the month it had. Nothing changes in a plan without links.
void applyDateLinks(Plan &plan);
[[nodiscard]] bool hasDateLinks(const Plan &plan) noexcept;

} // namespace cp::solver
