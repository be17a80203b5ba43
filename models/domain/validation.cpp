#include "domain/validation.h"

#include "catalog/catalog.h"
#include "io/numbertext.h"
#include "io/strictjson.h"

#include <QStringList>

#include <cmath>
#include <map>

namespace cp {

namespace {

using io::jsonPathIndex;
using io::jsonPathKey;
using io::numberText;

constexpr double kMaxMonths = 600.0;
constexpr double kMaxCount = 1e7;
constexpr double kMaxUnitCapexUsd = 1e6;

QString found(double value)
{
    return QStringLiteral(" (found ") + numberText(value) + QLatin1Char(')');
}

// The rule a number must follow, and how to say it when it does not.
struct Rule {
    double min;
    double max;
    bool minExclusive;
    bool whole;
    const char *text; // "cannot be negative", "must be a percentage from 0 to 100", ...

    [[nodiscard]] bool accepts(double v) const
    {
        if (!std::isfinite(v))
            return false;
        if (minExclusive ? v <= min : v < min)
            return false;
        if (v > max)
            return false;
        return !whole || std::trunc(v) == v;
    }
};

constexpr double kInf = HUGE_VAL;
constexpr Rule kNonNegative { 0.0, kInf, false, false, "cannot be negative" };
constexpr Rule kPercent { 0.0, 100.0, false, false, "must be a percentage from 0 to 100" };
constexpr Rule kPue { 1.0, 3.0, false, false, "must be from 1 to 3" };
constexpr Rule kPositiveYears { 0.0, kInf, true, false, "must be more than 0 years" };
constexpr Rule kDuration { 0.0, kMaxMonths, false, true, "must be a whole number of months from 0 to 600" };
constexpr Rule kHorizon { 1.0, kMaxMonths, false, true, "must be a whole number of months from 1 to 600" };
constexpr Rule kCount { 1.0, kMaxCount, false, true, "must be a whole number from 1 to 10000000" };
constexpr Rule kItKw { 0.0, kInf, true, false, "must be more than 0 kW" };
// Returns: a price no planner would meet ($1,000 per accelerator-hour is 100x an H100's market rent).
constexpr Rule kComputePrice { 0.0, 1000.0, false, false, "must be from 0 to 1000 USD per accelerator-hour" };
constexpr Rule kBurnIn { 0.0, 60.0, false, true, "must be a whole number of months from 0 to 60" };
constexpr Rule kUnitCapex {
    0.0, kMaxUnitCapexUsd, false, false,
    "must be from 0 to 1000000 USD per accelerator (servers, network and storage; no facility)"
};

class Checker
{
public:
    explicit Checker(std::vector<Problem> &out)
        : m_out(out)
    {
    }

    void add(const QString &path, const QString &message) { m_out.push_back(Problem { QString(), path, message }); }

    void number(const QString &path, double value, const Rule &rule)
    {
        if (!std::isfinite(value))
            add(path, QStringLiteral("must be a finite number"));
        else if (!rule.accepts(value))
            add(path, QLatin1String(rule.text) + found(value));
    }

    void number(const QString &path, const std::optional<double> &value, const Rule &rule)
    {
        if (value)
            number(path, *value, rule);
    }

    // A three-point value: each part follows the rule, and low <= mode <= high.
    void threePoint(const QString &path, const ThreePoint &value, const Rule &rule)
    {
        if (value.isFixed() || !std::isfinite(value.mode)) {
            if (!std::isfinite(value.low) || !std::isfinite(value.mode) || !std::isfinite(value.high)) {
                add(path, QStringLiteral("must be a finite number"));
                return;
            }
            number(path, value.mode, rule);
            return;
        }
        const std::pair<const char *, double> parts[]
            = { { "low", value.low }, { "mode", value.mode }, { "high", value.high } };
        bool finite = true;
        for (const auto &[name, v] : parts) {
            if (!std::isfinite(v)) {
                add(path, QLatin1String(name) + QStringLiteral(" must be a finite number"));
                finite = false;
            } else if (!rule.accepts(v)) {
                add(path, QLatin1String(name) + QLatin1Char(' ') + QLatin1String(rule.text) + found(v));
            }
        }
        if (!finite)
            return;
        if (value.low > value.mode)
            add(path,
                QStringLiteral("low %1 is above mode %2; a three-point value needs low <= mode <= high")
                    .arg(numberText(value.low), numberText(value.mode)));
        if (value.mode > value.high)
            add(path,
                QStringLiteral("mode %1 is above high %2; a three-point value needs low <= mode <= high")
                    .arg(numberText(value.mode), numberText(value.high)));
    }

    void threePoint(const QString &path, const std::optional<ThreePoint> &value, const Rule &rule)
    {
        if (value)
            threePoint(path, *value, rule);
    }

    void name(const QString &path, const QString &value, const char *what)
    {
        if (value.trimmed().isEmpty())
            add(path, QStringLiteral("the %1 needs a name").arg(QLatin1String(what)));
    }

private:
    std::vector<Problem> &m_out;
};

QString knownAccelerators(const Catalog &catalog)
{
    QStringList ids;
    for (const AcceleratorSpec &spec : catalog.accelerators())
        ids << spec.id;
    return ids.join(QStringLiteral(", "));
}

// Item names within one site, compute, power and cooling together (spec section 7).
class NameRegistry
{
public:
    NameRegistry(Checker &check, QString what)
        : m_check(check)
        , m_what(std::move(what))
    {
    }
    void use(const QString &name, const QString &itemPath)
    {
        if (name.trimmed().isEmpty())
            return; // reported as a missing name
        const auto [it, inserted] = m_firstUse.emplace(name, itemPath);
        if (!inserted) {
            m_check.add(jsonPathKey(itemPath, u"name"),
                        QStringLiteral("the name \"%1\" is already used by %2; %3").arg(name, it->second, m_what));
        }
    }

private:
    Checker &m_check;
    QString m_what;
    std::map<QString, QString> m_firstUse;
};

void checkFacility(Checker &check, const QString &path, const Facility &f)
{
    check.number(jsonPathKey(path, u"itCapacityMw"), f.itCapacityMw, kNonNegative);
    check.number(jsonPathKey(path, u"coolingMw"), f.coolingMw, kNonNegative);
    check.threePoint(jsonPathKey(path, u"permitMonths"), f.permitMonths, kDuration);
    check.threePoint(jsonPathKey(path, u"buildMonths"), f.buildMonths, kDuration);
    check.threePoint(jsonPathKey(path, u"capexUsdPerMwIt"), f.capexUsdPerMwIt, kNonNegative);
    check.threePoint(jsonPathKey(path, u"capexUsd"), f.capexUsd, kNonNegative);
    check.number(jsonPathKey(path, u"leaseUsdPerKwMonth"), f.leaseUsdPerKwMonth, kNonNegative);
    check.number(jsonPathKey(path, u"fixedOmUsdPerMwItYear"), f.fixedOmUsdPerMwItYear, kNonNegative);
}

void checkTranche(Checker &check, const QString &path, const ComputeTranche &t, const Site &site,
                  const Catalog &catalog)
{
    check.name(jsonPathKey(path, u"name"), t.name, "compute tranche");
    const AcceleratorSpec *spec = catalog.accelerator(t.accelerator);
    if (!spec) {
        check.add(jsonPathKey(path, u"accelerator"),
                  QStringLiteral("unknown accelerator \"%1\"; the catalog knows %2")
                      .arg(t.accelerator, knownAccelerators(catalog)));
    }
    check.number(jsonPathKey(path, u"count"), t.count, kCount);
    check.threePoint(jsonPathKey(path, u"leadTimeMonths"), t.leadTimeMonths, kDuration);
    check.threePoint(jsonPathKey(path, u"unitCapexUsd"), t.unitCapexUsd, kUnitCapex);
    check.number(jsonPathKey(path, u"itKwPerAccelerator"), t.itKwPerAccelerator, kItKw);
    check.number(jsonPathKey(path, u"bf16Tflops"), t.bf16Tflops, kNonNegative);
    check.number(jsonPathKey(path, u"rentUsdPerAcceleratorHour"), t.rentUsdPerAcceleratorHour, kNonNegative);
    check.number(jsonPathKey(path, u"depositPct"), t.depositPct, kPercent);
    check.threePoint(jsonPathKey(path, u"priceUsdPerAcceleratorHour"), t.priceUsdPerAcceleratorHour, kComputePrice);
    check.number(jsonPathKey(path, u"soldPct"), t.soldPct, kPercent);
    check.number(jsonPathKey(path, u"salvagePctOfBook"), t.salvagePctOfBook, kPercent);
    if (spec && !spec->unitCapexUsd && !t.unitCapexUsd && site.ownership == SiteOwnership::Own) {
        check.add(jsonPathKey(path, u"unitCapexUsd"),
                  QStringLiteral("%1 is sold only as cloud capacity, so the catalog has no price for it; state "
                                 "unitCapexUsd, or make the site a cloud_partner site")
                      .arg(spec->displayName));
    }
}

void checkPowerSource(Checker &check, const QString &path, const PowerSource &p)
{
    check.name(jsonPathKey(path, u"name"), p.name, "power source");
    if (p.kind == PowerKind::Bess) {
        check.number(jsonPathKey(path, u"powerMw"), p.powerMw, kNonNegative);
        check.number(jsonPathKey(path, u"energyMwh"), p.energyMwh, kNonNegative);
        // The default capex is per kWh spread over the power rating: it needs a rating.
        const bool capexFromCatalog = !p.rentUsdPerMwMonth && !p.capexUsd && !p.capexUsdPerKw;
        if (capexFromCatalog && p.powerMw == 0.0 && p.energyMwh > 0.0) {
            check.add(jsonPathKey(path, u"powerMw"),
                      QStringLiteral("a battery's default capex is its energy price spread over its power rating; give "
                                     "powerMw above 0 or state capexUsd"));
        }
    } else {
        check.number(jsonPathKey(path, u"capacityMw"), p.capacityMw, kNonNegative);
    }
    check.number(jsonPathKey(path, u"availabilityPct"), p.availabilityPct, kPercent);
    check.threePoint(jsonPathKey(path, u"leadTimeMonths"), p.leadTimeMonths, kDuration);
    check.threePoint(jsonPathKey(path, u"capexUsd"), p.capexUsd, kNonNegative);
    check.threePoint(jsonPathKey(path, u"capexUsdPerKw"), p.capexUsdPerKw, kNonNegative);
    check.number(jsonPathKey(path, u"rentUsdPerMwMonth"), p.rentUsdPerMwMonth, kNonNegative);
    check.number(jsonPathKey(path, u"depositPct"), p.depositPct, kPercent);
    check.number(jsonPathKey(path, u"fixedOmUsdPerKwYear"), p.fixedOmUsdPerKwYear, kNonNegative);
    check.number(jsonPathKey(path, u"varOmUsdPerMwh"), p.varOmUsdPerMwh, kNonNegative);
    check.number(jsonPathKey(path, u"heatRateBtuPerKwh"), p.heatRateBtuPerKwh, kNonNegative);
    check.number(jsonPathKey(path, u"salvagePctOfBook"), p.salvagePctOfBook, kPercent);
}

void checkCoolingPlant(Checker &check, const QString &path, const CoolingPlant &c)
{
    check.name(jsonPathKey(path, u"name"), c.name, "cooling plant");
    check.number(jsonPathKey(path, u"capacityMw"), c.capacityMw, kNonNegative);
    check.threePoint(jsonPathKey(path, u"leadTimeMonths"), c.leadTimeMonths, kDuration);
    check.number(jsonPathKey(path, u"rentUsdPerMonth"), c.rentUsdPerMonth, kNonNegative);
    check.threePoint(jsonPathKey(path, u"capexUsd"), c.capexUsd, kNonNegative);
    check.number(jsonPathKey(path, u"depositPct"), c.depositPct, kPercent);
    check.number(jsonPathKey(path, u"salvagePctOfBook"), c.salvagePctOfBook, kPercent);
}

} // namespace

std::vector<Problem> validateScenario(const Scenario &scenario, const Catalog &catalog)
{
    std::vector<Problem> problems;
    Checker check(problems);

    check.name(QStringLiteral("name"), scenario.name, "scenario");
    check.number(QStringLiteral("horizonMonths"), scenario.horizonMonths, kHorizon);

    const Assumptions &a = scenario.assumptions;
    const QString assumptions = QStringLiteral("assumptions");
    check.number(jsonPathKey(assumptions, u"discountRatePct"), a.discountRatePct, kPercent);
    check.number(jsonPathKey(assumptions, u"electricityUsdPerMwh"), a.electricityUsdPerMwh, kNonNegative);
    check.number(jsonPathKey(assumptions, u"gasUsdPerMmbtu"), a.gasUsdPerMmbtu, kNonNegative);
    check.number(jsonPathKey(assumptions, u"utilizationPct"), a.utilizationPct, kPercent);
    const QString years = jsonPathKey(assumptions, u"depreciationYears");
    check.number(jsonPathKey(years, u"compute"), a.depreciationYears.compute, kPositiveYears);
    check.number(jsonPathKey(years, u"facility"), a.depreciationYears.facility, kPositiveYears);
    check.number(jsonPathKey(years, u"power"), a.depreciationYears.power, kPositiveYears);
    check.number(jsonPathKey(years, u"cooling"), a.depreciationYears.cooling, kPositiveYears);
    check.threePoint(jsonPathKey(assumptions, u"computePriceUsdPerAcceleratorHour"), a.computePriceUsdPerAcceleratorHour,
                     kComputePrice);
    if (a.burnInMonths)
        check.number(jsonPathKey(assumptions, u"burnInMonths"), *a.burnInMonths, kBurnIn);
    if (a.residualPctOfBook) {
        const QString shares = jsonPathKey(assumptions, u"residualPctOfBook");
        check.number(jsonPathKey(shares, u"compute"), a.residualPctOfBook->compute, kPercent);
        check.number(jsonPathKey(shares, u"facility"), a.residualPctOfBook->facility, kPercent);
        check.number(jsonPathKey(shares, u"power"), a.residualPctOfBook->power, kPercent);
        check.number(jsonPathKey(shares, u"cooling"), a.residualPctOfBook->cooling, kPercent);
    }

    NameRegistry siteNames(check, QStringLiteral("site names must be unique in a scenario"));
    for (std::size_t s = 0; s < scenario.sites.size(); ++s) {
        const Site &site = scenario.sites[s];
        const QString sitePath = jsonPathIndex(QStringLiteral("sites"), static_cast<qsizetype>(s));
        check.name(jsonPathKey(sitePath, u"name"), site.name, "site");
        siteNames.use(site.name, sitePath);
        check.number(jsonPathKey(sitePath, u"pue"), site.pue, kPue);
        checkFacility(check, jsonPathKey(sitePath, u"facility"), site.facility);

        NameRegistry itemNames(
            check, QStringLiteral("names of compute, power and cooling items must be unique within a site"));
        for (std::size_t i = 0; i < site.compute.size(); ++i) {
            const QString path = jsonPathIndex(jsonPathKey(sitePath, u"compute"), static_cast<qsizetype>(i));
            checkTranche(check, path, site.compute[i], site, catalog);
            itemNames.use(site.compute[i].name, path);
        }
        for (std::size_t i = 0; i < site.power.size(); ++i) {
            const QString path = jsonPathIndex(jsonPathKey(sitePath, u"power"), static_cast<qsizetype>(i));
            checkPowerSource(check, path, site.power[i]);
            itemNames.use(site.power[i].name, path);
        }
        for (std::size_t i = 0; i < site.cooling.size(); ++i) {
            const QString path = jsonPathIndex(jsonPathKey(sitePath, u"cooling"), static_cast<qsizetype>(i));
            checkCoolingPlant(check, path, site.cooling[i]);
            itemNames.use(site.cooling[i].name, path);
        }
    }
    return problems;
}

} // namespace cp
