#pragma once

#include "domain/month.h"
#include "domain/scenario.h"

// Linked dates (docs/scenario-format.md, section 3, "Linked dates"): the months a link gives with
// every duration at its likely value. The reader and the document call refreshLinkedDates after
// every change, so the editor shows and the resolver solves the month the link gives; risk
// trials recompute them from their own samples (solver/datelinks.h).
namespace cp {

// The month the facility is ready: the later of its permit's and its construction's end.
[[nodiscard]] Month facilityReadyMonth(const Facility &facility);

// The index of the power source a link names among `site`'s sources, or -1 when no other source
// has that name or two do.
[[nodiscard]] int linkedSourceIndex(const Site &site, int linkingSource);

// Each linked tranche's orderMonth and each linked source's retireMonth, from the links. A link
// that names no source leaves the retire month absent (validation reports the link).
void refreshLinkedDates(Site &site);
void refreshLinkedDates(Scenario &scenario);

} // namespace cp
