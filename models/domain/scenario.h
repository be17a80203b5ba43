#pragma once

#include "domain/month.h"
#include "solver/plan.h"
#include "solver/threepoint.h"

#include <QString>

#include <optional>
#include <vector>

// The plan as the user wrote it (docs/scenario-format.md, section 3). Fields the catalog can supply
// are std::optional: absent means "take the catalog's value", so the editor can show it as a
// default with its source and date, and the workspace keeps what the user actually typed.
// models/resolve turns a Scenario plus the Catalog into the solver's plain solver::Plan; JSON
// export writes every resolved value (models/io).
namespace cp {

using ThreePoint = solver::ThreePoint;
using PowerKind = solver::PowerKind;
using CoolingPlantKind = solver::CoolingPlantKind;
using solver::isGasKind;
using ResidualValue = solver::ResidualValue;

enum class FacilityKind { Greenfield, Retrofit, Colocation };
enum class FacilityCooling { Air, Dlc, Immersion };
enum class SiteOwnership { Own, CloudPartner };

struct DepreciationYears {
    double compute = 5.0;
    double facility = 20.0;
    double power = 20.0;
    double cooling = 15.0;
    friend bool operator==(const DepreciationYears &, const DepreciationYears &) = default;
};

// Share of book value counted as residual value at the horizon, by capex category.
struct ResidualPctOfBook {
    double compute = 100.0;
    double facility = 100.0;
    double power = 100.0;
    double cooling = 100.0;
    friend bool operator==(const ResidualPctOfBook &, const ResidualPctOfBook &) = default;
};

struct Assumptions {
    double discountRatePct = 9.0;
    // Three-point: the solve uses the mode; risk trials sample the range (a number is fixed).
    ThreePoint electricityUsdPerMwh = ThreePoint::fixed(80.0);
    ThreePoint gasUsdPerMmbtu = ThreePoint::fixed(3.5);
    double utilizationPct = 90.0;
    DepreciationYears depreciationYears;
    // Returns (docs/methodology.md, "Returns"), all optional: absent, the plan reports costs
    // only, as in v1. Any of them present makes the result report revenue, net and IRR.
    std::optional<ThreePoint> computePriceUsdPerAcceleratorHour; // value of a sold, energized accelerator-hour
    std::optional<int> burnInMonths;                       // after delivery, months without revenue (0)
    std::optional<ResidualValue> residualValue;            // none (default) or book
    std::optional<ResidualPctOfBook> residualPctOfBook;    // with book: share counted, by category (100)
    friend bool operator==(const Assumptions &, const Assumptions &) = default;
};

// Optimizer inputs: the months an item may be ordered in, or retired in.
struct OrderWindow {
    Month earliest; // both inclusive
    Month latest;
    friend bool operator==(const OrderWindow &, const OrderWindow &) = default;
};

struct RetireWindow {
    Month earliest; // both inclusive
    Month latest;
    bool none = false; // "never retire" is a choice too
    friend bool operator==(const RetireWindow &, const RetireWindow &) = default;
};

// Linked dates (docs/scenario-format.md section 3): a date that follows another, so the
// plan stays coherent when dates move. The linked month itself is derived (refreshLinkedDates in
// domain/linkeddates.h keeps it in orderMonth or retireMonth for the editor and the solve); the
// file states only the link.
struct RetireAfter {
    QString source;     // another power source of the same site, by name
    int plusMonths = 0; // months after that source is available (negative: before)
    friend bool operator==(const RetireAfter &, const RetireAfter &) = default;
};

struct Facility {
    FacilityKind kind = FacilityKind::Greenfield;
    FacilityCooling cooling = FacilityCooling::Air;
    double itCapacityMw = 0.0;
    std::optional<double> coolingMw; // default: itCapacityMw
    Month permitStartMonth;
    ThreePoint permitMonths;
    Month constructionStartMonth;
    ThreePoint buildMonths;
    std::optional<ThreePoint> capexUsdPerMwIt; // catalog default
    std::optional<ThreePoint> capexUsd;        // wins over capexUsdPerMwIt when given
    std::optional<double> leaseUsdPerKwMonth;  // colocation only; catalog default
    std::optional<double> fixedOmUsdPerMwItYear; // catalog default
    friend bool operator==(const Facility &, const Facility &) = default;
};

struct ComputeTranche {
    QString name;
    QString accelerator; // catalog id, e.g. "h100_sxm"
    int count = 0;
    Month orderMonth; // with orderAfterFacilityReadyMonths: derived, never written
    // "orderAfterFacilityReady": {"plusMonths": n}: ordered n months after the facility is ready
    std::optional<int> orderAfterFacilityReadyMonths;
    ThreePoint leadTimeMonths;
    std::optional<ThreePoint> unitCapexUsd;          // catalog default (none for cloud-only chips)
    std::optional<ThreePoint> itKwPerAccelerator;        // catalog default (its range)
    std::optional<double> bf16Tflops;                // catalog default
    std::optional<ThreePoint> rentUsdPerAcceleratorHour; // catalog default (its range)
    double depositPct = 0.0;
    std::optional<Month> retireMonth;
    std::optional<ThreePoint> priceUsdPerAcceleratorHour; // returns: wins over the plan's price
    std::optional<double> soldPct;                        // returns: share of energized hours sold (utilization)
    std::optional<double> salvagePctOfBook;               // returns: share of book value at retirement (0)
    // Optimizer inputs: absent from a plan that decides nothing (then solved as written).
    bool optional = false; // the optimizer may drop it
    std::optional<OrderWindow> orderWindow;
    friend bool operator==(const ComputeTranche &, const ComputeTranche &) = default;
};

struct PowerSource {
    QString name;
    PowerKind kind = PowerKind::Grid;
    double capacityMw = 0.0; // not used by a bess
    double powerMw = 0.0;    // bess only
    double energyMwh = 0.0;  // bess only
    double availabilityPct = 100.0;
    Month orderMonth;
    ThreePoint leadTimeMonths;
    std::optional<ThreePoint> capexUsd;
    std::optional<ThreePoint> capexUsdPerKw;     // catalog default
    std::optional<ThreePoint> rentUsdPerMwMonth; // present: rented (mobile_turbine: catalog default, its range)
    double depositPct = 0.0;
    std::optional<double> fixedOmUsdPerKwYear;   // catalog default for owned kinds, 0 for rented
    std::optional<double> varOmUsdPerMwh;        // catalog default
    std::optional<double> heatRateBtuPerKwh;     // gas kinds; catalog default
    std::optional<Month> retireMonth;            // with retireAfter: derived, never written
    std::optional<RetireAfter> retireAfter;      // retires when another source is available, plus n months
    std::optional<double> salvagePctOfBook;      // returns, owned sources: share of book value at retirement (0)
    bool optional = false; // optimizer inputs, as for ComputeTranche
    std::optional<OrderWindow> orderWindow;
    std::optional<RetireWindow> retireWindow;
    friend bool operator==(const PowerSource &, const PowerSource &) = default;
};

struct CoolingPlant {
    QString name;
    CoolingPlantKind kind = CoolingPlantKind::Chiller;
    double capacityMw = 0.0;
    Month orderMonth;
    ThreePoint leadTimeMonths;
    std::optional<ThreePoint> rentUsdPerMonth; // present: rented (rental_chiller: catalog default, its range)
    std::optional<ThreePoint> capexUsd;    // owned plants; catalog default rate x capacityMw
    double depositPct = 0.0;
    std::optional<Month> retireMonth;
    std::optional<double> salvagePctOfBook; // returns, owned plants: share of book value at retirement (0)
    bool optional = false; // optimizer inputs, as for ComputeTranche
    std::optional<OrderWindow> orderWindow;
    std::optional<RetireWindow> retireWindow;
    friend bool operator==(const CoolingPlant &, const CoolingPlant &) = default;
};

struct Site {
    QString name;
    QString country; // ISO 3166 alpha-2, e.g. "US"; empty when not stated
    SiteOwnership ownership = SiteOwnership::Own;
    std::optional<ThreePoint> pue; // default: the catalog's PUE for facility.cooling (its range)
    Facility facility;
    std::vector<ComputeTranche> compute;
    std::vector<PowerSource> power;
    std::vector<CoolingPlant> cooling;
    friend bool operator==(const Site &, const Site &) = default;
};

struct Scenario {
    QString name;
    QString description;
    Month startMonth;
    int horizonMonths = 60;
    Assumptions assumptions;
    std::vector<Site> sites;
    friend bool operator==(const Scenario &, const Scenario &) = default;
};

} // namespace cp
