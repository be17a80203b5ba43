#include "itemmodels/catalogdefaults.h"

#include "catalog/catalog.h"
#include "fields/scenariofields.h"

#include <QMap>
#include <QObject>

namespace cp {

namespace {

FieldDefault fromCatalog(QVariant value, const CatalogValue *source, const QString &rule = QString())
{
    return FieldDefault{std::move(value), source, rule};
}

const CatalogValue *orNull(const std::optional<CatalogValue> &value)
{
    return value ? &*value : nullptr;
}

const CatalogValue *trancheSource(const ComputeTranche &t, const QString &key, const Catalog &catalog)
{
    const AcceleratorSpec *spec = catalog.accelerator(t.accelerator);
    if (!spec)
        return nullptr;
    if (key == u"unitCapexUsd")
        return orNull(spec->unitCapexUsd);
    if (key == u"itKwPerAccelerator")
        return &spec->itKwPerAccelerator;
    if (key == u"bf16Tflops")
        return &spec->bf16Tflops;
    if (key == u"rentUsdPerAcceleratorHour")
        return &spec->rentUsdPerAcceleratorHour;
    return nullptr;
}

FieldDefault powerDefault(const PowerSource &p, QVariant value, const QString &key, const Catalog &catalog)
{
    const PowerKindSpec &spec = catalog.powerKind(p.kind);
    if (key == u"capexUsdPerKw") {
        if (p.kind == PowerKind::Bess)
            return fromCatalog(std::move(value), orNull(spec.capexUsdPerKwh),
                               QObject::tr("the catalog's price per kWh \u00d7 this battery's hours (energy / power)"));
        return fromCatalog(std::move(value), orNull(spec.capexUsdPerKw));
    }
    if (key == u"rentUsdPerMwMonth")
        return fromCatalog(std::move(value), orNull(spec.rentUsdPerMwMonth));
    if (key == u"fixedOmUsdPerKwYear") {
        if (p.rentUsdPerMwMonth || (p.kind == PowerKind::MobileTurbine && !p.capexUsd && !p.capexUsdPerKw))
            return fromCatalog(std::move(value), nullptr, QObject::tr("0 for a rented source: the rent includes O&M"));
        return fromCatalog(std::move(value), &spec.fixedOmUsdPerKwYear);
    }
    if (key == u"varOmUsdPerMwh")
        return fromCatalog(std::move(value), &spec.varOmUsdPerMwh);
    if (key == u"heatRateBtuPerKwh")
        return fromCatalog(std::move(value), orNull(spec.heatRateBtuPerKwh));
    return fromCatalog(std::move(value), nullptr);
}

FieldDefault coolingDefault(QVariant value, const QString &key, const Catalog &catalog)
{
    if (key == u"rentUsdPerMonth")
        return fromCatalog(std::move(value),
                           orNull(catalog.coolingPlant(CoolingPlantKind::RentalChiller).rentUsdPerMwMonth),
                           QObject::tr("the catalog's rent per MW-month \u00d7 capacity"));
    if (key == u"capexUsd")
        return fromCatalog(std::move(value), orNull(catalog.coolingPlant(CoolingPlantKind::Chiller).capexUsdPerMw),
                           QObject::tr("the catalog's price per MW \u00d7 capacity"));
    return fromCatalog(std::move(value), nullptr);
}

} // namespace

FieldDefault itemDefault(const ScenarioItem &written, const ScenarioItem &resolved, const QString &key,
                         const Catalog &catalog)
{
    if (readItemField(written, key).isValid())
        return {};
    QVariant value = readItemField(resolved, key);
    if (!value.isValid())
        return {};
    if (const auto *t = std::get_if<ComputeTranche>(&written))
        return fromCatalog(std::move(value), trancheSource(*t, key, catalog));
    if (const auto *p = std::get_if<PowerSource>(&written))
        return powerDefault(*p, std::move(value), key, catalog);
    return coolingDefault(std::move(value), key, catalog);
}

FieldDefault siteDefault(const Site &written, const Site &resolved, const FieldPath &path, const Catalog &catalog)
{
    Scenario writtenScenario;
    writtenScenario.sites.push_back(written);
    Scenario resolvedScenario;
    resolvedScenario.sites.push_back(resolved);
    FieldPath at = path;
    at.site = 0;
    if (readField(writtenScenario, at).isValid())
        return {};
    QVariant value = readField(resolvedScenario, at);
    if (!value.isValid())
        return {};
    const CatalogGlobals &g = catalog.globals();
    if (path.scope == FieldPath::Scope::Site && path.key == u"pue")
        return fromCatalog(std::move(value), &catalog.facilityCooling(written.facility.cooling).pue);
    if (path.key == u"coolingMw")
        return fromCatalog(std::move(value), nullptr, QObject::tr("the IT capacity"));
    if (path.key == u"capexUsdPerMwIt")
        return fromCatalog(std::move(value), &g.capexUsdPerMwIt);
    if (path.key == u"leaseUsdPerKwMonth")
        return fromCatalog(std::move(value), &g.leaseUsdPerKwMonth);
    if (path.key == u"fixedOmUsdPerMwItYear")
        return fromCatalog(std::move(value), &g.fixedOmUsdPerMwItYear);
    return fromCatalog(std::move(value), nullptr);
}

QString fieldToolTip(const FieldInfo &info, const FieldDefault &fallback, bool showsDefault, const Catalog &catalog)
{
    QString tip
        = QStringLiteral("<b>%1</b><br>%2").arg(info.labelWithUnit().toHtmlEscaped(), info.help.toHtmlEscaped());
    if (!showsDefault || !fallback.isValid())
        return tip;
    const QString shown = displayText(info, fallback.value, catalog);
    if (fallback.source) {
        tip += QObject::tr("<br><br><i>Default from the catalog:</i> %1 %2").arg(shown, info.unit.toHtmlEscaped());
        if (!fallback.rule.isEmpty())
            tip += QObject::tr(" (%1)").arg(fallback.rule.toHtmlEscaped());
        tip += QObject::tr("<br>Source: %1").arg(fallback.source->provenance().toHtmlEscaped());
    } else {
        tip += QObject::tr("<br><br><i>Default:</i> %1 %2").arg(shown, info.unit.toHtmlEscaped());
        if (!fallback.rule.isEmpty())
            tip += QObject::tr(" (%1)").arg(fallback.rule.toHtmlEscaped());
    }
    tip += QObject::tr("<br>Type a value to override it; clear the field to return to the default.");
    return tip;
}

CatalogRent catalogRent(const Scenario &scenario, const Catalog &catalog)
{
    QMap<QString, long long> counts;
    for (const Site &site : scenario.sites)
        for (const ComputeTranche &t : site.compute)
            counts[t.accelerator] += t.count;
    const AcceleratorSpec *most = nullptr;
    long long mostCount = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        const AcceleratorSpec *spec = catalog.accelerator(it.key());
        if (spec && it.value() > mostCount && spec->rentUsdPerAcceleratorHour.value > 0) {
            most = spec;
            mostCount = it.value();
        }
    }
    if (!most)
        return {};
    return {most->rentUsdPerAcceleratorHour.range(), most->displayName, most->rentUsdPerAcceleratorHour.source};
}

} // namespace cp
