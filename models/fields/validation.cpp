#include "fields/validation.h"

#include "catalog/catalog.h"
#include "fields/fieldtable.h"
#include "domain/numbertext.h"
#include "domain/strictjson.h"

#include <QStringList>

#include <cmath>
#include <map>

namespace cp {

namespace {

using io::jsonPathIndex;
using io::jsonPathKey;
using io::numberText;

QString found(double value)
{
    return QStringLiteral(" (found ") + numberText(value) + QLatin1Char(')');
}

// The field's description, which holds its bounds (fieldtable.cpp): the one declaration
// the editor's spin boxes and these checks both read.
const FieldInfo &field(FieldPath::Scope scope, QStringView key, ItemList list = ItemList::Compute)
{
    for (const FieldInfo &info : fieldsOf(scope, list))
        if (info.key == key)
            return info;
    qFatal("validation: no field %s", qPrintable(key.toString()));
}

const FieldInfo &itemField(ItemList list, QStringView key)
{
    return field(FieldPath::Scope::Item, key, list);
}

class Checker
{
public:
    explicit Checker(std::vector<Problem> &out)
        : m_out(out)
    {
    }

    void add(const QString &path, const QString &message) { m_out.push_back(Problem { QString(), path, message }); }

    // A number within the field's bounds; the message names the field as the window shows it.
    void number(const QString &path, double value, const FieldInfo &info)
    {
        if (!std::isfinite(value))
            add(path, info.label + QStringLiteral(" must be a finite number"));
        else if (!info.accepts(value))
            add(path, info.label + QLatin1Char(' ') + info.rangeRule() + found(value));
    }

    void number(const QString &path, const std::optional<double> &value, const FieldInfo &info)
    {
        if (value)
            number(path, *value, info);
    }

    // A three-point value: each part within the bounds, and low <= likely <= high.
    void threePoint(const QString &path, const ThreePoint &value, const FieldInfo &info)
    {
        if (value.isFixed() || !std::isfinite(value.mode)) {
            if (!std::isfinite(value.low) || !std::isfinite(value.mode) || !std::isfinite(value.high)) {
                add(path, info.label + QStringLiteral(" must be a finite number"));
                return;
            }
            number(path, value.mode, info);
            return;
        }
        // The JSON keys are low, mode and high; the window calls the mode "likely".
        const std::pair<const char *, double> parts[]
            = { { "low", value.low }, { "likely (mode)", value.mode }, { "high", value.high } };
        bool finite = true;
        for (const auto &[name, v] : parts) {
            if (!std::isfinite(v)) {
                add(path, QStringLiteral("%1, %2, must be a finite number").arg(info.label, QLatin1String(name)));
                finite = false;
            } else if (!info.accepts(v)) {
                add(path, QStringLiteral("%1, %2, %3").arg(info.label, QLatin1String(name), info.rangeRule()) + found(v));
            }
        }
        if (!finite)
            return;
        if (value.low > value.mode)
            add(path,
                QStringLiteral("%1: low %2 is above likely (mode) %3; give low <= likely <= high")
                    .arg(info.label, numberText(value.low), numberText(value.mode)));
        if (value.mode > value.high)
            add(path,
                QStringLiteral("%1: likely (mode) %2 is above high %3; give low <= likely <= high")
                    .arg(info.label, numberText(value.mode), numberText(value.high)));
    }

    void threePoint(const QString &path, const std::optional<ThreePoint> &value, const FieldInfo &info)
    {
        if (value)
            threePoint(path, *value, info);
    }

    // A month in the window any plan lies in (Month::isAccepted).
    void month(const QString &path, Month value, const FieldInfo &info)
    {
        if (!value.isAccepted())
            add(path,
                QStringLiteral("%1 must be a month from %2 to %3 (found %4)")
                    .arg(info.label, Month::earliestAccepted().toLabel(), Month::latestAccepted().toLabel(),
                         value.toLabel()));
    }

    // An item's months: each in the window, and no retirement before the order.
    void itemMonths(const QString &path, ItemList list, Month orderMonth, const std::optional<Month> &retireMonth)
    {
        const FieldInfo &ordered = itemField(list, u"orderMonth");
        const FieldInfo &retired = itemField(list, u"retireMonth");
        month(jsonPathKey(path, u"orderMonth"), orderMonth, ordered);
        if (!retireMonth)
            return;
        month(jsonPathKey(path, u"retireMonth"), *retireMonth, retired);
        if (*retireMonth < orderMonth && retireMonth->isAccepted() && orderMonth.isAccepted())
            add(jsonPathKey(path, u"retireMonth"),
                QStringLiteral("%1 (%2) is before %3 (%4); an item can only retire once it is ordered")
                    .arg(retired.label, retireMonth->toLabel(), ordered.label, orderMonth.toLabel()));
    }

    // An optimizer window: months the format accepts, earliest no later than latest.
    template<typename Window> void window(const QString &path, const std::optional<Window> &w)
    {
        if (!w)
            return;
        bool accepted = true;
        for (const auto &[key, month] : { std::pair { u"earliest", w->earliest }, std::pair { u"latest", w->latest } }) {
            if (!month.isAccepted()) {
                add(jsonPathKey(path, key),
                    QStringLiteral("%1 is outside the months a plan may name (%2 to %3)")
                        .arg(month.toIso(), Month::earliestAccepted().toIso(), Month::latestAccepted().toIso()));
                accepted = false;
            }
        }
        if (accepted && w->latest < w->earliest)
            add(path, QStringLiteral("earliest %1 is after latest %2; a window needs earliest <= latest")
                          .arg(w->earliest.toIso(), w->latest.toIso()));
    }

    void name(const QString &path, const QString &value, const char *what)
    {
        if (value.trimmed().isEmpty()) {
            add(path, QStringLiteral("the %1 needs a name").arg(QLatin1String(what)));
            return;
        }
        text(path, value, kMaxNameChars, QStringLiteral("a %1 name").arg(QLatin1String(what)));
        // A control character moves a terminal's cursor; a bidirectional control shows
        // "gnp.exe" as "exe.png" in a report. Neither belongs in a name.
        for (const QChar c : value) {
            if (isControlOrBidi(c.unicode())) {
                add(path, QStringLiteral("the %1 name \"%2\" holds the control character U+%3; names are plain text, "
                                         "so remove it")
                              .arg(QLatin1String(what), quotedText(value),
                                   QStringLiteral("%1").arg(static_cast<int>(c.unicode()), 4, 16, QLatin1Char('0'))));
                return;
            }
        }
    }

    // Text no longer than `maxChars` characters.
    void text(const QString &path, const QString &value, qsizetype maxChars, const QString &what)
    {
        if (value.size() > maxChars)
            add(path, QStringLiteral("%1 may be at most %2 characters (found %3)")
                          .arg(what, QString::number(maxChars), QString::number(value.size())));
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

// Item names within one site, compute, power and cooling together (docs/scenario-format.md, section
// 7).
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
                        QStringLiteral("the name \"%1\" is already used by %2; %3").arg(quotedText(name), it->second, m_what));
        }
    }

private:
    Checker &m_check;
    QString m_what;
    std::map<QString, QString> m_firstUse;
};

// One walked row's value against the row's bounds (three-point: each part, and their order).
// Months only when `months`: an item's months are checked first, together (Checker::itemMonths).
void checkValue(Checker &check, const QString &path, double value, const FieldInfo &info, bool)
{
    check.number(path, value, info);
}
void checkValue(Checker &check, const QString &path, int value, const FieldInfo &info, bool)
{
    check.number(path, value, info);
}
void checkValue(Checker &check, const QString &path, const ThreePoint &value, const FieldInfo &info, bool)
{
    check.threePoint(path, value, info);
}
void checkValue(Checker &check, const QString &path, Month value, const FieldInfo &info, bool months)
{
    if (months)
        check.month(path, value, info);
}
template<typename T>
void checkValue(Checker &check, const QString &path, const std::optional<T> &value, const FieldInfo &info, bool months)
{
    if (value)
        checkValue(check, path, *value, info, months);
}

// Checks every row of the table that is not checked by hand (fields/fieldtable.cpp), in its order.
template<typename Item> void checkFields(Checker &check, const QString &path, const Item &item, bool months)
{
    for (const FieldRow<Item> &row : fieldRows<Item>()) {
        if (row.presence == FieldPresence::ByHand)
            continue;
        visitMember(item, row, [&](const auto &value) {
            checkValue(check, jsonPathKey(path, row.info.key), value, row.info, months);
        });
    }
}

void checkFacility(Checker &check, const QString &path, const Facility &f)
{
    checkFields(check, path, f, true);
}

// Linked dates (docs/scenario-format.md, section 3): a shift of at most 600 months either way.
void checkLinkShift(Checker &check, const QString &path, int plusMonths)
{
    if (plusMonths < -kMaxLinkShiftMonths || plusMonths > kMaxLinkShiftMonths)
        check.add(jsonPathKey(path, u"plusMonths"),
                  QStringLiteral("must be a whole number of months from -%1 to %1 (found %2)")
                      .arg(kMaxLinkShiftMonths)
                      .arg(plusMonths));
}

void checkTranche(Checker &check, const QString &path, const ComputeTranche &t, const Site &site,
                  const Catalog &catalog)
{
    check.name(jsonPathKey(path, u"name"), t.name, "compute tranche");
    const AcceleratorSpec *spec = catalog.accelerator(t.accelerator);
    if (!spec) {
        check.add(jsonPathKey(path, u"accelerator"),
                  QStringLiteral("unknown accelerator \"%1\"; the catalog knows %2")
                      .arg(quotedText(t.accelerator), knownAccelerators(catalog)));
    }
    check.itemMonths(path, ItemList::Compute, t.orderMonth, t.retireMonth);
    checkFields(check, path, t, false);
    check.window(jsonPathKey(path, u"orderWindow"), t.orderWindow);
    if (t.orderAfterFacilityReadyMonths) {
        const QString at = jsonPathKey(path, u"orderAfterFacilityReady");
        checkLinkShift(check, at, *t.orderAfterFacilityReadyMonths);
        if (t.orderWindow)
            check.add(at, QStringLiteral("a linked order leaves the optimizer nothing to choose; state "
                                         "orderAfterFacilityReady or orderWindow, not both"));
    }
    if (spec && !spec->unitCapexUsd && !t.unitCapexUsd && site.ownership == SiteOwnership::Own) {
        check.add(jsonPathKey(path, u"unitCapexUsd"),
                  QStringLiteral("%1 is sold only as cloud capacity, so the catalog has no price for it; state "
                                 "a Unit price (unitCapexUsd), or make the site a cloud partner site")
                      .arg(spec->displayName));
    }
}

// A retirement linked to another source of the same site: the name must find exactly one other
// source. Links cannot form a cycle: a retirement follows an arrival, and no arrival follows a link.
void checkRetireAfter(Checker &check, const QString &path, const Site &site, int index)
{
    const PowerSource &p = site.power[static_cast<std::size_t>(index)];
    if (!p.retireAfter)
        return;
    const QString at = jsonPathKey(path, u"retireAfter");
    checkLinkShift(check, at, p.retireAfter->plusMonths);
    if (p.retireWindow)
        check.add(at, QStringLiteral("a linked retirement leaves the optimizer nothing to choose; state retireAfter or "
                                     "retireWindow, not both"));
    const QString &name = p.retireAfter->source;
    const auto named = std::count_if(site.power.begin(), site.power.end(),
                                     [&name](const PowerSource &other) { return other.name == name; });
    const QString sourcePath = jsonPathKey(at, u"source");
    if (name == p.name)
        check.add(sourcePath, QStringLiteral("\"%1\" is this source itself; name another power source of the site "
                                             "(a bridge retires when what replaces it is available)")
                                  .arg(quotedText(name)));
    else if (named == 0)
        check.add(sourcePath, QStringLiteral("no power source of site \"%1\" is called \"%2\"; name one of its sources")
                                  .arg(quotedText(site.name), quotedText(name)));
    else if (named > 1)
        check.add(sourcePath, QStringLiteral("%1 power sources of site \"%2\" are called \"%3\"; rename them so the "
                                             "link names one")
                                  .arg(named)
                                  .arg(quotedText(site.name), quotedText(name)));
}

void checkPowerSource(Checker &check, const QString &path, const PowerSource &p)
{
    check.name(jsonPathKey(path, u"name"), p.name, "power source");
    if (p.kind == PowerKind::Bess) {
        check.number(jsonPathKey(path, u"powerMw"), p.powerMw, itemField(ItemList::Power, u"powerMw"));
        check.number(jsonPathKey(path, u"energyMwh"), p.energyMwh, itemField(ItemList::Power, u"energyMwh"));
        // The default capex is per kWh spread over the power rating: it needs a rating.
        const bool capexFromCatalog = !p.rentUsdPerMwMonth && !p.capexUsd && !p.capexUsdPerKw;
        if (capexFromCatalog && p.powerMw == 0.0 && p.energyMwh > 0.0) {
            check.add(jsonPathKey(path, u"powerMw"),
                      QStringLiteral("a battery's default capex is its energy price spread over its power rating; give "
                                     "Battery power (powerMw) above 0, or state a Capex (capexUsd)"));
        }
    } else {
        check.number(jsonPathKey(path, u"capacityMw"), p.capacityMw, itemField(ItemList::Power, u"capacityMw"));
    }
    check.itemMonths(path, ItemList::Power, p.orderMonth, p.retireMonth);
    checkFields(check, path, p, false);
    check.window(jsonPathKey(path, u"orderWindow"), p.orderWindow);
    check.window(jsonPathKey(path, u"retireWindow"), p.retireWindow);
}

void checkCoolingPlant(Checker &check, const QString &path, const CoolingPlant &c)
{
    check.name(jsonPathKey(path, u"name"), c.name, "cooling plant");
    check.itemMonths(path, ItemList::Cooling, c.orderMonth, c.retireMonth);
    checkFields(check, path, c, false);
    check.window(jsonPathKey(path, u"orderWindow"), c.orderWindow);
    check.window(jsonPathKey(path, u"retireWindow"), c.retireWindow);
}

} // namespace

std::vector<Problem> validateScenario(const Scenario &scenario, const Catalog &catalog)
{
    std::vector<Problem> problems;
    Checker check(problems);

    check.name(QStringLiteral("name"), scenario.name, "scenario");
    check.text(QStringLiteral("description"), scenario.description, kMaxDescriptionChars, QStringLiteral("the description"));
    // How many sites and items: the reader refuses longer lists before reading them; checked here too
    // for plans built in memory.
    if (scenario.sites.size() > kMaxSites)
        check.add(QStringLiteral("sites"), QStringLiteral("a plan may have at most %1 sites (found %2)")
                                               .arg(kMaxSites).arg(scenario.sites.size()));
    std::size_t items = 0;
    for (const Site &site : scenario.sites)
        items += site.compute.size() + site.power.size() + site.cooling.size();
    if (items > kMaxItems)
        check.add(QStringLiteral("sites"), QStringLiteral("a plan may have at most %1 compute, power and cooling items "
                                                          "in all (found %2)")
                                               .arg(kMaxItems).arg(items));
    check.month(QStringLiteral("startMonth"), scenario.startMonth, field(FieldPath::Scope::Scenario, u"startMonth"));
    check.number(QStringLiteral("horizonMonths"), scenario.horizonMonths, field(FieldPath::Scope::Scenario, u"horizonMonths"));

    const Assumptions &a = scenario.assumptions;
    const QString assumptions = QStringLiteral("assumptions");
    check.number(jsonPathKey(assumptions, u"discountRatePct"), a.discountRatePct, field(FieldPath::Scope::Assumptions, u"discountRatePct"));
    check.threePoint(jsonPathKey(assumptions, u"electricityUsdPerMwh"), a.electricityUsdPerMwh, field(FieldPath::Scope::Assumptions, u"electricityUsdPerMwh"));
    check.threePoint(jsonPathKey(assumptions, u"gasUsdPerMmbtu"), a.gasUsdPerMmbtu, field(FieldPath::Scope::Assumptions, u"gasUsdPerMmbtu"));
    check.number(jsonPathKey(assumptions, u"utilizationPct"), a.utilizationPct, field(FieldPath::Scope::Assumptions, u"utilizationPct"));
    const QString years = jsonPathKey(assumptions, u"depreciationYears");
    check.number(jsonPathKey(years, u"compute"), a.depreciationYears.compute, field(FieldPath::Scope::Assumptions, u"depreciationYears.compute"));
    check.number(jsonPathKey(years, u"facility"), a.depreciationYears.facility, field(FieldPath::Scope::Assumptions, u"depreciationYears.facility"));
    check.number(jsonPathKey(years, u"power"), a.depreciationYears.power, field(FieldPath::Scope::Assumptions, u"depreciationYears.power"));
    check.number(jsonPathKey(years, u"cooling"), a.depreciationYears.cooling, field(FieldPath::Scope::Assumptions, u"depreciationYears.cooling"));
    check.threePoint(jsonPathKey(assumptions, u"computePriceUsdPerAcceleratorHour"), a.computePriceUsdPerAcceleratorHour,
                     field(FieldPath::Scope::Assumptions, u"computePriceUsdPerAcceleratorHour"));
    if (a.burnInMonths)
        check.number(jsonPathKey(assumptions, u"burnInMonths"), *a.burnInMonths,
                     field(FieldPath::Scope::Assumptions, u"burnInMonths"));
    if (a.residualPctOfBook) {
        const QString shares = jsonPathKey(assumptions, u"residualPctOfBook");
        const ResidualPctOfBook &r = *a.residualPctOfBook;
        const std::pair<const char16_t *, double> parts[]
            = {{u"compute", r.compute}, {u"facility", r.facility}, {u"power", r.power}, {u"cooling", r.cooling}};
        for (const auto &[key, value] : parts)
            check.number(jsonPathKey(shares, QStringView(key)), value,
                         field(FieldPath::Scope::Assumptions, QString(QStringLiteral("residualPctOfBook.") + QString::fromUtf16(key))));
    }

    NameRegistry siteNames(check, QStringLiteral("site names must be unique in a scenario"));
    for (std::size_t s = 0; s < scenario.sites.size(); ++s) {
        const Site &site = scenario.sites[s];
        const QString sitePath = jsonPathIndex(QStringLiteral("sites"), static_cast<qsizetype>(s));
        check.name(jsonPathKey(sitePath, u"name"), site.name, "site");
        check.text(jsonPathKey(sitePath, u"country"), site.country, kMaxNameChars, QStringLiteral("the country"));
        const std::pair<const char16_t *, std::size_t> lists[]
            = {{u"compute", site.compute.size()}, {u"power", site.power.size()}, {u"cooling", site.cooling.size()}};
        for (const auto &[key, size] : lists)
            if (size > kMaxItemsPerList)
                check.add(jsonPathKey(sitePath, QStringView(key)),
                          QStringLiteral("a site may have at most %1 items in a list (found %2)").arg(kMaxItemsPerList).arg(size));
        siteNames.use(site.name, sitePath);
        check.threePoint(jsonPathKey(sitePath, u"pue"), site.pue, field(FieldPath::Scope::Site, u"pue"));
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
            checkRetireAfter(check, path, site, static_cast<int>(i));
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
