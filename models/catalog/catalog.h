#pragma once

#include "catalog/catalogvalue.h"
#include "domain/scenario.h"

#include <QString>
#include <QStringView>

#include <array>
#include <optional>
#include <vector>

// The shipped reference catalog (data/catalog/*.json, compiled in as ":/catalog/"): the
// defaults a scenario takes for every field it leaves out, each with its source and date.
namespace cp {

struct AcceleratorSpec {
    QString id; // spec name, e.g. "h100_sxm"
    QString displayName;
    QString vendor;
    std::vector<FacilityCooling> cooling; // facility cooling the part is built for, preferred first
    CatalogValue bf16Tflops;              // dense
    CatalogValue fp8Tflops;               // dense; 0 where the part has no FP8
    CatalogValue hbmGb;
    std::optional<CatalogValue> tdpW;         // absent where the vendor publishes none (TPUs)
    CatalogValue itKwPerAccelerator;          // IT kW incl. host, network and storage share
    std::optional<CatalogValue> unitCapexUsd; // absent for cloud-only parts (trainium2, TPUs)
    CatalogValue rentUsdPerAcceleratorHour;
};

struct PowerKindSpec {
    PowerKind kind = PowerKind::Grid;
    QString displayName;
    std::optional<CatalogValue> capexUsdPerKw;     // every owned kind except bess and mobile_turbine
    std::optional<CatalogValue> capexUsdPerKwh;    // bess: per kWh of energy
    std::optional<CatalogValue> rentUsdPerMwMonth; // mobile_turbine (rented by default)
    CatalogValue leadTimeMonths;                   // typical; the scenario always states its own
    std::optional<CatalogValue> heatRateBtuPerKwh; // gas kinds
    CatalogValue fixedOmUsdPerKwYear;              // owned sources
    CatalogValue varOmUsdPerMwh;
    std::optional<CatalogValue> roundTripEfficiency; // bess
};

struct FacilityCoolingSpec {
    FacilityCooling cooling = FacilityCooling::Air;
    QString displayName;
    CatalogValue pue;
    CatalogValue wueLPerKwh;
    CatalogValue maxRackKw;
};

struct CoolingPlantSpec {
    CoolingPlantKind kind = CoolingPlantKind::Chiller;
    QString displayName;
    std::optional<CatalogValue> capexUsdPerMw;     // chiller (owned)
    std::optional<CatalogValue> rentUsdPerMwMonth; // rental_chiller
    CatalogValue leadTimeMonths;
    std::optional<CatalogValue> unitCapacityMw; // rental_chiller: a typical unit
};

struct CatalogGlobals {
    CatalogValue capexUsdPerMwIt;       // facility construction
    CatalogValue fixedOmUsdPerMwItYear; // facility staff, maintenance, insurance, property tax
    CatalogValue leaseUsdPerKwMonth;    // colocation
    CatalogValue swingFraction;         // training power swing to smooth, share of peak IT MW
    CatalogValue interruptionsPerAcceleratorYear;
    CatalogValue permanentFailureRatePerYear;
    CatalogValue spareRatio;
    CatalogValue effectiveTrainingTime;
    CatalogValue electricityUsdPerMwh;
    CatalogValue gasUsdPerMmbtu;
    CatalogValue gasBasisUsdPerMmbtu;
    CatalogValue facilityBuildMonths;
    CatalogValue monthsToGwCampus;
    CatalogValue depreciationYearsCompute;
    CatalogValue depreciationYearsFacility;
};

class Catalog
{
public:
    // The catalog compiled into the program, loaded and checked once (thread-safe). A broken
    // built-in catalog is a programming error: qFatal names the file and the entry.
    [[nodiscard]] static const Catalog &builtIn();
    // Reads accelerators.json, power.json, cooling.json and globals.json from `dir` (a Qt
    // resource path works too). On failure returns nullopt and sets *error to a message naming
    // the file, the entry and the field.
    [[nodiscard]] static std::optional<Catalog> loadFromDirectory(const QString &dir, QString *error);

    [[nodiscard]] const AcceleratorSpec *accelerator(QStringView id) const; // nullptr when unknown
    [[nodiscard]] const std::vector<AcceleratorSpec> &accelerators() const { return m_accelerators; }
    [[nodiscard]] const PowerKindSpec &powerKind(PowerKind kind) const;
    [[nodiscard]] const FacilityCoolingSpec &facilityCooling(FacilityCooling cooling) const;
    [[nodiscard]] const CoolingPlantSpec &coolingPlant(CoolingPlantKind kind) const;
    [[nodiscard]] const CatalogGlobals &globals() const { return m_globals; }

    // Every value, grouped for the "Reference data" window, in file order.
    [[nodiscard]] std::vector<CatalogEntry> entries() const;

private:
    friend class CatalogReader;
    Catalog() = default;

    std::vector<AcceleratorSpec> m_accelerators;
    std::array<PowerKindSpec, 7> m_powerKinds;            // indexed by PowerKind
    std::array<FacilityCoolingSpec, 3> m_facilityCooling; // indexed by FacilityCooling
    std::array<CoolingPlantSpec, 2> m_coolingPlants;      // indexed by CoolingPlantKind
    CatalogGlobals m_globals;
};

} // namespace cp
