#pragma once

#include "domain/scenario.h"

#include <QString>
#include <QStringView>

#include <optional>

// The format's spelling of every enumerated value ("gas_ccgt", "cloud_partner", ...), both ways,
// and the names a planner reads on screen ("Gas combined cycle").
namespace cp {

[[nodiscard]] QString toSpecName(FacilityKind value);
[[nodiscard]] QString toSpecName(FacilityCooling value);
[[nodiscard]] QString toSpecName(SiteOwnership value);
[[nodiscard]] QString toSpecName(PowerKind value);
[[nodiscard]] QString toSpecName(CoolingPlantKind value);
[[nodiscard]] QString toSpecName(ResidualValue value);

[[nodiscard]] std::optional<FacilityKind> facilityKindFromSpec(QStringView name);
[[nodiscard]] std::optional<FacilityCooling> facilityCoolingFromSpec(QStringView name);
[[nodiscard]] std::optional<SiteOwnership> siteOwnershipFromSpec(QStringView name);
[[nodiscard]] std::optional<PowerKind> powerKindFromSpec(QStringView name);
[[nodiscard]] std::optional<CoolingPlantKind> coolingPlantKindFromSpec(QStringView name);
[[nodiscard]] std::optional<ResidualValue> residualValueFromSpec(QStringView name);

[[nodiscard]] QString displayName(FacilityKind value);
[[nodiscard]] QString displayName(FacilityCooling value);
[[nodiscard]] QString displayName(SiteOwnership value);
[[nodiscard]] QString displayName(PowerKind value);
[[nodiscard]] QString displayName(CoolingPlantKind value);
[[nodiscard]] QString displayName(ResidualValue value);

} // namespace cp
