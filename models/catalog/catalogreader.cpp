#include "catalog/catalogreader.h"

#include "domain/kinds.h"
#include "domain/numbertext.h"
#include "domain/strictjson.h"

#include <QDir>
#include <QFile>

#include <nlohmann/json.hpp>

namespace cp {

namespace {

using json = nlohmann::json;
using io::numberText;

// Thrown inside the reader to stop at the first problem; never leaves this file.
struct CatalogError {
    QString message;
};

QString quoted(const QString &text)
{
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

// The limits a value (and its low and high) must respect.
struct Bounds {
    double min = 0.0;
    bool minExclusive = false;
    std::optional<double> max;
};

constexpr Bounds kNonNegative {};
constexpr Bounds kPositive { 0.0, true, std::nullopt };
constexpr Bounds kPue { 1.0, false, 3.0 };
constexpr Bounds kFraction { 0.0, false, 1.0 };

// Reads the entries of one file; every message starts with the file name.
class FileReader
{
public:
    explicit FileReader(QString fileName)
        : m_file(std::move(fileName))
    {
    }

    [[noreturn]] void fail(const QString &message) const
    {
        throw CatalogError { m_file + QStringLiteral(": ") + message };
    }
    [[noreturn]] void failEntry(const QString &entry, const QString &message) const
    {
        fail(QStringLiteral("entry ") + quoted(entry) + QStringLiteral(": ") + message);
    }
    [[noreturn]] void failField(const QString &entry, const char *field, const QString &message) const
    {
        failEntry(entry, QStringLiteral("field ") + quoted(QLatin1String(field)) + QStringLiteral(": ") + message);
    }

    json load(const QString &dir) const
    {
        QFile file(QDir(dir).filePath(m_file));
        if (!file.open(QIODevice::ReadOnly))
            fail(QStringLiteral("cannot read ") + file.fileName() + QStringLiteral(": ") + file.errorString());
        io::StrictJsonError error;
        std::optional<json> document = io::parseStrictJson(file.readAll(), &error);
        if (!document)
            fail((error.path.isEmpty() ? QString() : error.path + QStringLiteral(": ")) + error.message);
        if (!document->is_object())
            fail(QStringLiteral("the top level must be an object"));
        const auto format = document->find("format");
        if (format == document->end() || *format != "clusterplan.catalog")
            fail(QStringLiteral("\"format\" must be \"clusterplan.catalog\""));
        const auto version = document->find("catalogVersion");
        if (version == document->end() || !version->is_number() || version->get<double>() != 1.0)
            fail(QStringLiteral("\"catalogVersion\" must be 1"));
        return std::move(*document);
    }

    const json &array(const json &document, const char *key) const
    {
        const auto it = document.find(key);
        if (it == document.end() || !it->is_array() || it->empty())
            fail(QStringLiteral("\"%1\" must be a non-empty array").arg(QLatin1String(key)));
        return *it;
    }

    QString text(const json &entry, const QString &name, const char *field, bool required = true) const
    {
        const auto it = entry.find(field);
        if (it == entry.end()) {
            if (required)
                failField(name, field, QStringLiteral("missing"));
            return {};
        }
        if (!it->is_string() || it->get_ref<const std::string &>().empty())
            failField(name, field, QStringLiteral("must be a non-empty string"));
        return QString::fromStdString(it->get<std::string>());
    }

    std::optional<CatalogValue> optionalValue(const json &entry, const QString &name, const char *field,
                                              Bounds bounds = kNonNegative) const
    {
        const auto it = entry.find(field);
        if (it == entry.end())
            return std::nullopt;
        if (!it->is_object())
            failField(name, field,
                      QStringLiteral("must be an object with value, unit, source, asOf, confidence and estimate"));
        const json &object = *it;

        CatalogValue v;
        v.value = number(object, name, field, "value");
        v.low = object.contains("low") ? number(object, name, field, "low") : v.value;
        v.high = object.contains("high") ? number(object, name, field, "high") : v.value;
        if (v.low > v.value)
            failField(name, field,
                      QStringLiteral("low %1 is above value %2").arg(numberText(v.low), numberText(v.value)));
        if (v.high < v.value)
            failField(name, field,
                      QStringLiteral("high %1 is below value %2").arg(numberText(v.high), numberText(v.value)));
        const bool belowMin = bounds.minExclusive ? v.low <= bounds.min : v.low < bounds.min;
        if (belowMin) {
            failField(name, field,
                      QStringLiteral("%1 %2 must be %3 %4")
                          .arg(v.low == v.value ? QStringLiteral("value") : QStringLiteral("low"), numberText(v.low),
                               bounds.minExclusive ? QStringLiteral("above") : QStringLiteral("at least"),
                               numberText(bounds.min)));
        }
        if (bounds.max && v.high > *bounds.max) {
            failField(name, field,
                      QStringLiteral("%1 %2 must be at most %3")
                          .arg(v.high == v.value ? QStringLiteral("value") : QStringLiteral("high"), numberText(v.high),
                               numberText(*bounds.max)));
        }

        v.unit = valueText(object, name, field, "unit");
        v.source = valueText(object, name, field, "source");
        v.asOf = valueText(object, name, field, "asOf");
        if (!Month::parse(v.asOf))
            failField(name, field,
                      QStringLiteral("asOf ") + quoted(v.asOf) + QStringLiteral(" is not a month (YYYY-MM)"));
        v.confidence = valueText(object, name, field, "confidence");
        if (v.confidence != QLatin1String("H") && v.confidence != QLatin1String("M")
            && v.confidence != QLatin1String("L"))
            failField(name, field,
                      QStringLiteral("confidence ") + quoted(v.confidence) + QStringLiteral(" must be H, M or L"));
        const auto estimate = object.find("estimate");
        if (estimate == object.end() || !estimate->is_boolean())
            failField(name, field, QStringLiteral("\"estimate\" must be true or false"));
        v.estimate = estimate->get<bool>();
        if (object.contains("note"))
            v.note = valueText(object, name, field, "note");
        return v;
    }

    CatalogValue value(const json &entry, const QString &name, const char *field, Bounds bounds = kNonNegative) const
    {
        std::optional<CatalogValue> v = optionalValue(entry, name, field, bounds);
        if (!v)
            failField(name, field, QStringLiteral("missing"));
        return std::move(*v);
    }

    // Names an entry before its id is known: "entry 3" of an array.
    QString idOf(const json &entry, const char *idKey, std::size_t index) const
    {
        const QString fallback = QStringLiteral("#%1").arg(index);
        if (!entry.is_object())
            failEntry(fallback, QStringLiteral("must be an object"));
        return text(entry, fallback, idKey);
    }

private:
    double number(const json &object, const QString &name, const char *field, const char *key) const
    {
        const auto it = object.find(key);
        if (it == object.end() || !it->is_number())
            failField(name, field, QStringLiteral("\"%1\" must be a number").arg(QLatin1String(key)));
        return it->get<double>();
    }

    QString valueText(const json &object, const QString &name, const char *field, const char *key) const
    {
        const auto it = object.find(key);
        if (it == object.end() || !it->is_string() || it->get_ref<const std::string &>().empty())
            failField(name, field, QStringLiteral("\"%1\" must be a non-empty string").arg(QLatin1String(key)));
        return QString::fromStdString(it->get<std::string>());
    }

    QString m_file;
};

void readAccelerators(const QString &dir, std::vector<AcceleratorSpec> &out)
{
    const FileReader reader(QStringLiteral("accelerators.json"));
    const json document = reader.load(dir);
    const json &list = reader.array(document, "accelerators");
    for (std::size_t i = 0; i < list.size(); ++i) {
        const json &entry = list[i];
        AcceleratorSpec spec;
        spec.id = reader.idOf(entry, "id", i);
        for (const AcceleratorSpec &earlier : out)
            if (earlier.id == spec.id)
                reader.failEntry(spec.id, QStringLiteral("the id is listed twice"));
        for (const QChar c : spec.id)
            if (!(c.isLower() || c.isDigit() || c == QLatin1Char('_')) || c.unicode() > 127)
                reader.failField(spec.id, "id", QStringLiteral("use only a-z, 0-9 and _"));
        spec.displayName = reader.text(entry, spec.id, "displayName");
        spec.vendor = reader.text(entry, spec.id, "vendor");
        const auto cooling = entry.find("cooling");
        if (cooling == entry.end() || !cooling->is_array() || cooling->empty())
            reader.failField(spec.id, "cooling", QStringLiteral("must list at least one of air, dlc, immersion"));
        for (const json &name : *cooling) {
            const std::optional<FacilityCooling> kind = name.is_string()
                ? facilityCoolingFromSpec(QString::fromStdString(name.get<std::string>()))
                : std::nullopt;
            if (!kind)
                reader.failField(spec.id, "cooling", QStringLiteral("entries must be air, dlc or immersion"));
            spec.cooling.push_back(*kind);
        }
        spec.bf16Tflops = reader.value(entry, spec.id, "bf16Tflops");
        spec.fp8Tflops = reader.value(entry, spec.id, "fp8Tflops");
        spec.hbmGb = reader.value(entry, spec.id, "hbmGb");
        spec.tdpW = reader.optionalValue(entry, spec.id, "tdpW");
        spec.itKwPerAccelerator = reader.value(entry, spec.id, "itKwPerAccelerator", kPositive);
        spec.unitCapexUsd = reader.optionalValue(entry, spec.id, "unitCapexUsd", Bounds { 0.0, false, 1e6 });
        spec.rentUsdPerAcceleratorHour = reader.value(entry, spec.id, "rentUsdPerAcceleratorHour");
        out.push_back(std::move(spec));
    }
}

void readPower(const QString &dir, std::array<PowerKindSpec, 7> &out)
{
    const FileReader reader(QStringLiteral("power.json"));
    const json document = reader.load(dir);
    const json &list = reader.array(document, "powerKinds");
    std::array<bool, 7> seen {};
    for (std::size_t i = 0; i < list.size(); ++i) {
        const json &entry = list[i];
        const QString name = reader.idOf(entry, "kind", i);
        const std::optional<PowerKind> kind = powerKindFromSpec(name);
        if (!kind)
            reader.failEntry(name, QStringLiteral("unknown power kind"));
        const auto index = static_cast<std::size_t>(*kind);
        if (seen[index])
            reader.failEntry(name, QStringLiteral("the kind is listed twice"));
        seen[index] = true;

        PowerKindSpec spec;
        spec.kind = *kind;
        spec.displayName = reader.text(entry, name, "displayName");
        spec.capexUsdPerKw = reader.optionalValue(entry, name, "capexUsdPerKw");
        spec.capexUsdPerKwh = reader.optionalValue(entry, name, "capexUsdPerKwh");
        spec.rentUsdPerMwMonth = reader.optionalValue(entry, name, "rentUsdPerMwMonth");
        spec.leadTimeMonths = reader.value(entry, name, "leadTimeMonths");
        spec.heatRateBtuPerKwh = reader.optionalValue(entry, name, "heatRateBtuPerKwh", kPositive);
        spec.fixedOmUsdPerKwYear = reader.value(entry, name, "fixedOmUsdPerKwYear");
        spec.varOmUsdPerMwh = reader.value(entry, name, "varOmUsdPerMwh");
        spec.roundTripEfficiency = reader.optionalValue(entry, name, "roundTripEfficiency", kFraction);

        // What the resolver needs for each kind's defaults.
        if (*kind == PowerKind::Bess && !spec.capexUsdPerKwh)
            reader.failField(name, "capexUsdPerKwh", QStringLiteral("missing (a battery's default capex is per kWh)"));
        if (*kind == PowerKind::MobileTurbine && !spec.rentUsdPerMwMonth)
            reader.failField(name, "rentUsdPerMwMonth",
                             QStringLiteral("missing (mobile turbines are rented by default)"));
        if (*kind != PowerKind::Bess && *kind != PowerKind::MobileTurbine && !spec.capexUsdPerKw)
            reader.failField(name, "capexUsdPerKw", QStringLiteral("missing"));
        if (isGasKind(*kind) && !spec.heatRateBtuPerKwh)
            reader.failField(name, "heatRateBtuPerKwh", QStringLiteral("missing (every gas kind burns fuel)"));
        out[index] = std::move(spec);
    }
    for (std::size_t i = 0; i < seen.size(); ++i)
        if (!seen[i])
            reader.failEntry(toSpecName(static_cast<PowerKind>(i)),
                             QStringLiteral("missing; every power kind needs an entry"));
}

void readCooling(const QString &dir, std::array<FacilityCoolingSpec, 3> &facility,
                 std::array<CoolingPlantSpec, 2> &plants)
{
    const FileReader reader(QStringLiteral("cooling.json"));
    const json document = reader.load(dir);

    const json &coolingList = reader.array(document, "facilityCooling");
    std::array<bool, 3> seenCooling {};
    for (std::size_t i = 0; i < coolingList.size(); ++i) {
        const json &entry = coolingList[i];
        const QString name = reader.idOf(entry, "cooling", i);
        const std::optional<FacilityCooling> cooling = facilityCoolingFromSpec(name);
        if (!cooling)
            reader.failEntry(name, QStringLiteral("unknown facility cooling (air, dlc, immersion)"));
        const auto index = static_cast<std::size_t>(*cooling);
        if (seenCooling[index])
            reader.failEntry(name, QStringLiteral("listed twice"));
        seenCooling[index] = true;
        FacilityCoolingSpec spec;
        spec.cooling = *cooling;
        spec.displayName = reader.text(entry, name, "displayName");
        spec.pue = reader.value(entry, name, "pue", kPue);
        spec.wueLPerKwh = reader.value(entry, name, "wueLPerKwh");
        spec.maxRackKw = reader.value(entry, name, "maxRackKw", kPositive);
        facility[index] = std::move(spec);
    }
    for (std::size_t i = 0; i < seenCooling.size(); ++i)
        if (!seenCooling[i])
            reader.failEntry(toSpecName(static_cast<FacilityCooling>(i)),
                             QStringLiteral("missing; every facility cooling needs an entry"));

    const json &plantList = reader.array(document, "coolingPlants");
    std::array<bool, 2> seenPlant {};
    for (std::size_t i = 0; i < plantList.size(); ++i) {
        const json &entry = plantList[i];
        const QString name = reader.idOf(entry, "kind", i);
        const std::optional<CoolingPlantKind> kind = coolingPlantKindFromSpec(name);
        if (!kind)
            reader.failEntry(name, QStringLiteral("unknown cooling plant kind (chiller, rental_chiller)"));
        const auto index = static_cast<std::size_t>(*kind);
        if (seenPlant[index])
            reader.failEntry(name, QStringLiteral("listed twice"));
        seenPlant[index] = true;
        CoolingPlantSpec spec;
        spec.kind = *kind;
        spec.displayName = reader.text(entry, name, "displayName");
        spec.capexUsdPerMw = reader.optionalValue(entry, name, "capexUsdPerMw");
        spec.rentUsdPerMwMonth = reader.optionalValue(entry, name, "rentUsdPerMwMonth");
        spec.leadTimeMonths = reader.value(entry, name, "leadTimeMonths");
        spec.unitCapacityMw = reader.optionalValue(entry, name, "unitCapacityMw", kPositive);
        if (*kind == CoolingPlantKind::Chiller && !spec.capexUsdPerMw)
            reader.failField(name, "capexUsdPerMw", QStringLiteral("missing (owned chillers default to it)"));
        if (*kind == CoolingPlantKind::RentalChiller && !spec.rentUsdPerMwMonth)
            reader.failField(name, "rentUsdPerMwMonth", QStringLiteral("missing (rental chillers default to it)"));
        plants[index] = std::move(spec);
    }
    for (std::size_t i = 0; i < seenPlant.size(); ++i)
        if (!seenPlant[i])
            reader.failEntry(toSpecName(static_cast<CoolingPlantKind>(i)),
                             QStringLiteral("missing; every cooling plant kind needs an entry"));
}

void readGlobals(const QString &dir, CatalogGlobals &g)
{
    const FileReader reader(QStringLiteral("globals.json"));
    const json document = reader.load(dir);
    const auto it = document.find("globals");
    if (it == document.end() || !it->is_object())
        reader.fail(QStringLiteral("\"globals\" must be an object"));
    const json &entry = *it;
    const QString name = QStringLiteral("globals");
    g.capexUsdPerMwIt = reader.value(entry, name, "capexUsdPerMwIt");
    g.fixedOmUsdPerMwItYear = reader.value(entry, name, "fixedOmUsdPerMwItYear");
    g.leaseUsdPerKwMonth = reader.value(entry, name, "leaseUsdPerKwMonth");
    g.swingFraction = reader.value(entry, name, "swingFraction", kFraction);
    g.interruptionsPerAcceleratorYear = reader.value(entry, name, "interruptionsPerAcceleratorYear");
    g.permanentFailureRatePerYear = reader.value(entry, name, "permanentFailureRatePerYear", kFraction);
    g.spareRatio = reader.value(entry, name, "spareRatio", kFraction);
    g.effectiveTrainingTime = reader.value(entry, name, "effectiveTrainingTime", kFraction);
    g.electricityUsdPerMwh = reader.value(entry, name, "electricityUsdPerMwh");
    g.gasUsdPerMmbtu = reader.value(entry, name, "gasUsdPerMmbtu");
    g.gasBasisUsdPerMmbtu = reader.value(entry, name, "gasBasisUsdPerMmbtu");
    g.facilityBuildMonths = reader.value(entry, name, "facilityBuildMonths");
    g.monthsToGwCampus = reader.value(entry, name, "monthsToGwCampus");
    g.depreciationYearsCompute = reader.value(entry, name, "depreciationYearsCompute", kPositive);
    g.depreciationYearsFacility = reader.value(entry, name, "depreciationYearsFacility", kPositive);
}

} // namespace

std::optional<Catalog> CatalogReader::read(const QString &dir, QString *error)
{
    Catalog catalog;
    try {
        readAccelerators(dir, catalog.m_accelerators);
        readPower(dir, catalog.m_powerKinds);
        readCooling(dir, catalog.m_facilityCooling, catalog.m_coolingPlants);
        readGlobals(dir, catalog.m_globals);
    } catch (const CatalogError &e) {
        if (error)
            *error = e.message;
        return std::nullopt;
    }
    return catalog;
}

} // namespace cp
