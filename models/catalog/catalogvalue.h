#pragma once

#include "domain/month.h"
#include "solver/threepoint.h"

#include <QString>

#include <optional>

namespace cp {

// One figure of the reference catalog with its provenance: the default, the range risk runs
// sample (low == value == high when the reference gives none), its unit, where it comes from
// and how far to trust it.
struct CatalogValue {
    double value = 0.0;
    double low = 0.0;
    double high = 0.0;
    QString unit;
    QString source;     // short citation
    QString asOf;       // "YYYY-MM", the month of the source
    QString confidence; // "H" datasheet/filing/primary paper, "M" analyst or press, "L" weak or our estimate
    QString note;       // why an estimate was chosen, a conversion, a caveat; may be empty
    bool estimate = false;

    [[nodiscard]] solver::ThreePoint range() const { return { low, value, high }; }
    [[nodiscard]] std::optional<Month> asOfMonth() const { return Month::parse(asOf); }
    // More than 24 months between asOf and today (docs/scenario-format.md, section 6: "older than
    // two years").
    [[nodiscard]] bool isStale(Month today) const;
    // "SemiAnalysis ..., 2024-06, confidence M (estimate)": for tooltips and reports.
    [[nodiscard]] QString provenance() const;
};

inline constexpr int kStaleAfterMonths = 24;

// One row of the "Reference data" listing: every catalog value with where it sits.
struct CatalogEntry {
    QString group; // "Accelerators", "Power", "Cooling", "Global defaults"
    QString item;  // display name, e.g. "NVIDIA H100 SXM"
    QString field; // label, e.g. "IT power per accelerator"
    QString key;   // the field's name in the files, e.g. "itKwPerAccelerator"
    CatalogValue value;
};

} // namespace cp
