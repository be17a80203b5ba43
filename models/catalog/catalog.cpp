#include "catalog/catalog.h"

#include "catalog/catalogreader.h"

#include <QtGlobal>

namespace cp {

const Catalog &Catalog::builtIn()
{
    static const Catalog catalog = [] {
        QString error;
        std::optional<Catalog> loaded = CatalogReader::read(QStringLiteral(":/catalog"), &error);
        if (!loaded)
            qFatal("The built-in reference catalog is broken: %s", qUtf8Printable(error));
        return std::move(*loaded);
    }();
    return catalog;
}

std::optional<Catalog> Catalog::loadFromDirectory(const QString &dir, QString *error)
{
    return CatalogReader::read(dir, error);
}

const AcceleratorSpec *Catalog::accelerator(QStringView id) const
{
    for (const AcceleratorSpec &spec : m_accelerators)
        if (spec.id == id)
            return &spec;
    return nullptr;
}

const PowerKindSpec &Catalog::powerKind(PowerKind kind) const
{
    return m_powerKinds[static_cast<std::size_t>(kind)];
}

const FacilityCoolingSpec &Catalog::facilityCooling(FacilityCooling cooling) const
{
    return m_facilityCooling[static_cast<std::size_t>(cooling)];
}

const CoolingPlantSpec &Catalog::coolingPlant(CoolingPlantKind kind) const
{
    return m_coolingPlants[static_cast<std::size_t>(kind)];
}

namespace {

class EntryList
{
public:
    explicit EntryList(std::vector<CatalogEntry> &out)
        : m_out(out)
    {
    }
    void setGroup(const QString &group, const QString &item)
    {
        m_group = group;
        m_item = item;
    }
    void add(const char *key, const char *label, const CatalogValue &value)
    {
        m_out.push_back(CatalogEntry { m_group, m_item, QString::fromLatin1(label), QString::fromLatin1(key), value });
    }
    void add(const char *key, const char *label, const std::optional<CatalogValue> &value)
    {
        if (value)
            add(key, label, *value);
    }

private:
    std::vector<CatalogEntry> &m_out;
    QString m_group;
    QString m_item;
};

} // namespace

std::vector<CatalogEntry> Catalog::entries() const
{
    std::vector<CatalogEntry> out;
    EntryList list(out);

    const QString accelerators = QStringLiteral("Accelerators");
    for (const AcceleratorSpec &a : m_accelerators) {
        list.setGroup(accelerators, a.displayName);
        list.add("bf16Tflops", "BF16 dense compute", a.bf16Tflops);
        list.add("fp8Tflops", "FP8 dense compute", a.fp8Tflops);
        list.add("hbmGb", "HBM memory", a.hbmGb);
        list.add("tdpW", "Chip power (TDP)", a.tdpW);
        list.add("itKwPerAccelerator", "IT power per accelerator", a.itKwPerAccelerator);
        list.add("unitCapexUsd", "Hardware capex per accelerator", a.unitCapexUsd);
        list.add("rentUsdPerAcceleratorHour", "Cloud rent per accelerator-hour", a.rentUsdPerAcceleratorHour);
    }

    const QString power = QStringLiteral("Power");
    for (const PowerKindSpec &p : m_powerKinds) {
        list.setGroup(power, p.displayName);
        list.add("capexUsdPerKw", "Capex per kW", p.capexUsdPerKw);
        list.add("capexUsdPerKwh", "Capex per kWh", p.capexUsdPerKwh);
        list.add("rentUsdPerMwMonth", "Rent per MW-month", p.rentUsdPerMwMonth);
        list.add("leadTimeMonths", "Lead time", p.leadTimeMonths);
        list.add("heatRateBtuPerKwh", "Heat rate", p.heatRateBtuPerKwh);
        list.add("fixedOmUsdPerKwYear", "Fixed O&M", p.fixedOmUsdPerKwYear);
        list.add("varOmUsdPerMwh", "Variable O&M", p.varOmUsdPerMwh);
        list.add("roundTripEfficiency", "Round-trip efficiency", p.roundTripEfficiency);
    }

    const QString cooling = QStringLiteral("Cooling");
    for (const FacilityCoolingSpec &c : m_facilityCooling) {
        list.setGroup(cooling, c.displayName);
        list.add("pue", "PUE", c.pue);
        list.add("wueLPerKwh", "Water use (WUE)", c.wueLPerKwh);
        list.add("maxRackKw", "Rack density ceiling", c.maxRackKw);
    }
    for (const CoolingPlantSpec &c : m_coolingPlants) {
        list.setGroup(cooling, c.displayName);
        list.add("capexUsdPerMw", "Capex per MW", c.capexUsdPerMw);
        list.add("rentUsdPerMwMonth", "Rent per MW-month", c.rentUsdPerMwMonth);
        list.add("leadTimeMonths", "Lead time", c.leadTimeMonths);
        list.add("unitCapacityMw", "Typical unit size", c.unitCapacityMw);
    }

    const QString globals = QStringLiteral("Global defaults");
    const CatalogGlobals &g = m_globals;
    list.setGroup(globals, QStringLiteral("Data center"));
    list.add("capexUsdPerMwIt", "Construction capex per MW IT", g.capexUsdPerMwIt);
    list.add("fixedOmUsdPerMwItYear", "Fixed O&M per MW IT and year", g.fixedOmUsdPerMwItYear);
    list.add("leaseUsdPerKwMonth", "Colocation lease per kW-month", g.leaseUsdPerKwMonth);
    list.add("facilityBuildMonths", "Build time, groundbreaking to first power", g.facilityBuildMonths);
    list.add("monthsToGwCampus", "Build time to a 1 GW campus", g.monthsToGwCampus);
    list.add("depreciationYearsFacility", "Depreciation life", g.depreciationYearsFacility);
    list.setGroup(globals, QStringLiteral("Training power swings"));
    list.add("swingFraction", "Swing to smooth, share of peak IT load", g.swingFraction);
    list.setGroup(globals, QStringLiteral("Reliability"));
    list.add("interruptionsPerAcceleratorYear", "Unexpected interruptions per accelerator-year",
             g.interruptionsPerAcceleratorYear);
    list.add("permanentFailureRatePerYear", "Permanent failures per year", g.permanentFailureRatePerYear);
    list.add("spareRatio", "Spare pool", g.spareRatio);
    list.add("effectiveTrainingTime", "Effective training time", g.effectiveTrainingTime);
    list.setGroup(globals, QStringLiteral("Energy prices"));
    list.add("electricityUsdPerMwh", "Industrial electricity", g.electricityUsdPerMwh);
    list.add("gasUsdPerMmbtu", "Natural gas (Henry Hub)", g.gasUsdPerMmbtu);
    list.add("gasBasisUsdPerMmbtu", "Gas delivery basis", g.gasBasisUsdPerMmbtu);
    list.setGroup(globals, QStringLiteral("Compute"));
    list.add("depreciationYearsCompute", "Server depreciation life", g.depreciationYearsCompute);
    return out;
}

} // namespace cp
