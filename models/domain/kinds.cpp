#include "domain/kinds.h"

#include <array>
#include <utility>

namespace cp {

namespace {

template<typename Enum, std::size_t N>
struct NameTable {
    std::array<std::pair<Enum, const char *>, N> spec;
    std::array<const char *, N> display;

    QString specName(Enum value) const
    {
        for (const auto &[e, name] : spec)
            if (e == value)
                return QString::fromLatin1(name);
        return {};
    }
    QString displayName(Enum value) const
    {
        for (std::size_t i = 0; i < N; ++i)
            if (spec[i].first == value)
                return QString::fromLatin1(display[i]);
        return {};
    }
    std::optional<Enum> fromSpec(QStringView name) const
    {
        for (const auto &[e, specName] : spec)
            if (name == QLatin1String(specName))
                return e;
        return std::nullopt;
    }
};

constexpr NameTable<FacilityKind, 3> kFacilityKinds{
    {{{FacilityKind::Greenfield, "greenfield"}, {FacilityKind::Retrofit, "retrofit"}, {FacilityKind::Colocation, "colocation"}}},
    {"Greenfield", "Retrofit", "Colocation"}};

constexpr NameTable<FacilityCooling, 3> kFacilityCoolings{
    {{{FacilityCooling::Air, "air"}, {FacilityCooling::Dlc, "dlc"}, {FacilityCooling::Immersion, "immersion"}}},
    {"Air", "Direct-to-chip liquid", "Immersion"}};

constexpr NameTable<SiteOwnership, 2> kOwnerships{
    {{{SiteOwnership::Own, "own"}, {SiteOwnership::CloudPartner, "cloud_partner"}}}, {"Owned", "Cloud partner"}};

constexpr NameTable<PowerKind, 7> kPowerKinds{{{{PowerKind::Grid, "grid"},
                                                {PowerKind::GasCcgt, "gas_ccgt"},
                                                {PowerKind::GasSimpleCycle, "gas_simple_cycle"},
                                                {PowerKind::GasAero, "gas_aero"},
                                                {PowerKind::RecipEngine, "recip_engine"},
                                                {PowerKind::MobileTurbine, "mobile_turbine"},
                                                {PowerKind::Bess, "bess"}}},
                                              {"Grid interconnect", "Gas combined cycle", "Gas simple cycle",
                                               "Gas aeroderivative", "Reciprocating engines", "Mobile turbine (rented)",
                                               "Battery storage"}};

constexpr NameTable<CoolingPlantKind, 2> kCoolingPlantKinds{
    {{{CoolingPlantKind::Chiller, "chiller"}, {CoolingPlantKind::RentalChiller, "rental_chiller"}}},
    {"Chiller", "Rental chiller"}};

constexpr NameTable<ResidualValue, 2> kResidualValues{
    {{{ResidualValue::None, "none"}, {ResidualValue::Book, "book"}}}, {"None", "Book value"}};

} // namespace

QString toSpecName(FacilityKind value) { return kFacilityKinds.specName(value); }
QString toSpecName(FacilityCooling value) { return kFacilityCoolings.specName(value); }
QString toSpecName(SiteOwnership value) { return kOwnerships.specName(value); }
QString toSpecName(PowerKind value) { return kPowerKinds.specName(value); }
QString toSpecName(CoolingPlantKind value) { return kCoolingPlantKinds.specName(value); }
QString toSpecName(ResidualValue value) { return kResidualValues.specName(value); }

std::optional<FacilityKind> facilityKindFromSpec(QStringView name) { return kFacilityKinds.fromSpec(name); }
std::optional<FacilityCooling> facilityCoolingFromSpec(QStringView name) { return kFacilityCoolings.fromSpec(name); }
std::optional<SiteOwnership> siteOwnershipFromSpec(QStringView name) { return kOwnerships.fromSpec(name); }
std::optional<PowerKind> powerKindFromSpec(QStringView name) { return kPowerKinds.fromSpec(name); }
std::optional<CoolingPlantKind> coolingPlantKindFromSpec(QStringView name) { return kCoolingPlantKinds.fromSpec(name); }
std::optional<ResidualValue> residualValueFromSpec(QStringView name) { return kResidualValues.fromSpec(name); }

QString displayName(FacilityKind value) { return kFacilityKinds.displayName(value); }
QString displayName(FacilityCooling value) { return kFacilityCoolings.displayName(value); }
QString displayName(SiteOwnership value) { return kOwnerships.displayName(value); }
QString displayName(PowerKind value) { return kPowerKinds.displayName(value); }
QString displayName(CoolingPlantKind value) { return kCoolingPlantKinds.displayName(value); }
QString displayName(ResidualValue value) { return kResidualValues.displayName(value); }

} // namespace cp
