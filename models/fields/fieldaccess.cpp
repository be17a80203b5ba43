// Reading and writing one field of a scenario by its path: the members of a facility and of the
// items through their rows' member pointers (fields/fieldtable.cpp), the rest by name below.

#include "fields/fieldaccess.h"

#include "domain/kinds.h"
#include "domain/numbertext.h"

#include <climits>
#include <cmath>
#include <type_traits>

namespace cp {

namespace {

bool isNumeric(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Double:
    case QMetaType::Float:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return true;
    default:
        return false;
    }
}

bool fail(QString *reason, const QString &message)
{
    if (reason)
        *reason = message;
    return false;
}

QVariant toVariant(const QString &v)
{
    return v;
}
QVariant toVariant(double v)
{
    return v;
}
QVariant toVariant(int v)
{
    return static_cast<double>(v);
}
QVariant toVariant(Month v)
{
    return QVariant::fromValue(v);
}
QVariant toVariant(const ThreePoint &v)
{
    return QVariant::fromValue(v);
}
QVariant toVariant(FacilityKind v)
{
    return toSpecName(v);
}
QVariant toVariant(FacilityCooling v)
{
    return toSpecName(v);
}
QVariant toVariant(SiteOwnership v)
{
    return toSpecName(v);
}
QVariant toVariant(PowerKind v)
{
    return toSpecName(v);
}
QVariant toVariant(CoolingPlantKind v)
{
    return toSpecName(v);
}
QVariant toVariant(ResidualValue v)
{
    return toSpecName(v);
}
// Views of the optimizer's fields that are not one member each: a yes/no flag, one month of an
// optional window, and a retire window's "may stay". B is bool or const bool, W the window's
// std::optional (const or not).
template<typename B> struct Flag {
    B &value;
};
template<typename W> struct WindowMonth {
    W &window;
    bool latest;
};
template<typename W> struct WindowNone {
    W &window;
};
// One category's share of assumptions.residualPctOfBook (O: the std::optional, const or not).
// Absent, every share is 100; clearing a share puts it back to 100, and when all four are 100
// again the object goes, so a plan edited back to where it was writes what it wrote before.
template<typename O> struct ResidualShare {
    O &shares;
    double ResidualPctOfBook::*member;
};

QString flagText(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

template<typename B> QVariant toVariant(const Flag<B> &f)
{
    return flagText(f.value);
}
template<typename W> QVariant toVariant(const WindowMonth<W> &m)
{
    return m.window ? QVariant::fromValue(m.latest ? m.window->latest : m.window->earliest) : QVariant();
}
template<typename W> QVariant toVariant(const WindowNone<W> &n)
{
    return n.window ? QVariant(flagText(n.window->none)) : QVariant();
}
template<typename O> QVariant toVariant(const ResidualShare<O> &r)
{
    return r.shares ? QVariant((*r.shares).*r.member) : QVariant();
}

template<typename T> QVariant toVariant(const std::optional<T> &v)
{
    return v ? toVariant(*v) : QVariant();
}

bool fromVariant(const QVariant &value, QString &target, QString *reason)
{
    if (value.typeId() != QMetaType::QString)
        return fail(reason, QStringLiteral("enter text"));
    target = value.toString().trimmed();
    return true;
}

bool fromVariant(const QVariant &value, double &target, QString *reason)
{
    if (!isNumeric(value))
        return fail(reason, QStringLiteral("enter a number"));
    target = value.toDouble();
    return true;
}

bool fromVariant(const QVariant &value, int &target, QString *reason)
{
    if (!isNumeric(value))
        return fail(reason, QStringLiteral("enter a whole number"));
    const double v = value.toDouble();
    if (!std::isfinite(v) || std::trunc(v) != v || v < INT_MIN || v > INT_MAX)
        return fail(reason, QStringLiteral("must be a whole number (found %1)").arg(io::numberText(v)));
    target = static_cast<int>(v);
    return true;
}

bool fromVariant(const QVariant &value, Month &target, QString *reason)
{
    if (value.typeId() != qMetaTypeId<Month>())
        return fail(reason, QStringLiteral("enter a month such as 2025-03"));
    target = value.value<Month>();
    return true;
}

bool fromVariant(const QVariant &value, ThreePoint &target, QString *reason)
{
    if (value.typeId() == qMetaTypeId<ThreePoint>()) {
        target = value.value<ThreePoint>();
        return true;
    }
    if (isNumeric(value)) {
        target = ThreePoint::fixed(value.toDouble());
        return true;
    }
    return fail(reason, QStringLiteral("enter a number, or low; mode; high"));
}

template<typename Enum, typename FromSpec>
bool enumFromVariant(const QVariant &value, Enum &target, QString *reason, FromSpec fromSpec)
{
    const std::optional<Enum> parsed = value.typeId() == QMetaType::QString ? fromSpec(value.toString()) : std::nullopt;
    if (!parsed)
        return fail(reason, QStringLiteral("choose one of the listed kinds"));
    target = *parsed;
    return true;
}

bool fromVariant(const QVariant &value, FacilityKind &target, QString *reason)
{
    return enumFromVariant(value, target, reason, facilityKindFromSpec);
}
bool fromVariant(const QVariant &value, FacilityCooling &target, QString *reason)
{
    return enumFromVariant(value, target, reason, facilityCoolingFromSpec);
}
bool fromVariant(const QVariant &value, SiteOwnership &target, QString *reason)
{
    return enumFromVariant(value, target, reason, siteOwnershipFromSpec);
}
bool fromVariant(const QVariant &value, PowerKind &target, QString *reason)
{
    return enumFromVariant(value, target, reason, powerKindFromSpec);
}
bool fromVariant(const QVariant &value, CoolingPlantKind &target, QString *reason)
{
    return enumFromVariant(value, target, reason, coolingPlantKindFromSpec);
}
bool fromVariant(const QVariant &value, ResidualValue &target, QString *reason)
{
    return enumFromVariant(value, target, reason, residualValueFromSpec);
}

bool flagFromVariant(const QVariant &value, bool &target, QString *reason)
{
    const QString text = value.typeId() == QMetaType::QString ? value.toString().trimmed().toLower() : QString();
    if (value.typeId() == QMetaType::Bool)
        target = value.toBool();
    else if (text == u"true" || text == u"yes")
        target = true;
    else if (text == u"false" || text == u"no")
        target = false;
    else
        return fail(reason, QStringLiteral("choose Yes or No"));
    return true;
}

bool fromVariant(const QVariant &value, Flag<bool> &target, QString *reason)
{
    return flagFromVariant(value, target.value, reason);
}

template<typename W> bool fromVariant(const QVariant &value, WindowMonth<W> &target, QString *reason)
{
    if (!value.isValid()) {
        target.window.reset(); // a window needs both months
        return true;
    }
    Month month;
    if (!fromVariant(value, month, reason))
        return false;
    if (!target.window) {
        target.window.emplace();
        target.window->earliest = month;
        target.window->latest = month;
    } else {
        (target.latest ? target.window->latest : target.window->earliest) = month;
    }
    return true;
}

template<typename W> bool fromVariant(const QVariant &value, WindowNone<W> &target, QString *reason)
{
    if (!target.window) {
        if (!value.isValid())
            return true;
        return fail(reason, QStringLiteral("give the retire window's months first"));
    }
    if (!value.isValid()) {
        target.window->none = false;
        return true;
    }
    return flagFromVariant(value, target.window->none, reason);
}

template<typename O> bool fromVariant(const QVariant &value, ResidualShare<O> &target, QString *reason)
{
    if (!value.isValid()) {
        if (target.shares) {
            (*target.shares).*target.member = ResidualPctOfBook{}.*target.member;
            if (*target.shares == ResidualPctOfBook{})
                target.shares.reset();
        }
        return true;
    }
    double share = 0.0;
    if (!fromVariant(value, share, reason))
        return false;
    if (!target.shares)
        target.shares.emplace();
    (*target.shares).*target.member = share;
    return true;
}

template<typename T> bool fromVariant(const QVariant &value, std::optional<T> &target, QString *reason)
{
    if (!value.isValid()) {
        target.reset();
        return true;
    }
    T parsed{};
    if (!fromVariant(value, parsed, reason))
        return false;
    target = parsed;
    return true;
}

// Calls fn(member) for the member the key names; false when it names none. Const or not.
// The same for a view of a member (a Flag, WindowMonth or WindowNone made on the spot).
#define CP_VIEW(name, view)                                                                                            \
    if (key == QLatin1String(name)) {                                                                                  \
        auto viewed = view;                                                                                            \
        fn(viewed);                                                                                                    \
        return true;                                                                                                   \
    }

// The optimizer's fields of an item; `retire`: it has a retire window (not a tranche).
#define CP_OPTIMIZER_FIELDS(item)                                                                                      \
    CP_VIEW("optional", (Flag<std::remove_reference_t<decltype((item.optional))>>{item.optional}))                      \
    CP_VIEW("orderWindow.earliest", (WindowMonth<std::remove_reference_t<decltype((item.orderWindow))>>{item.orderWindow, false})) \
    CP_VIEW("orderWindow.latest", (WindowMonth<std::remove_reference_t<decltype((item.orderWindow))>>{item.orderWindow, true}))
#define CP_RETIRE_WINDOW_FIELDS(item)                                                                                  \
    CP_VIEW("retireWindow.earliest", (WindowMonth<std::remove_reference_t<decltype((item.retireWindow))>>{item.retireWindow, false})) \
    CP_VIEW("retireWindow.latest", (WindowMonth<std::remove_reference_t<decltype((item.retireWindow))>>{item.retireWindow, true})) \
    CP_VIEW("retireWindow.none", (WindowNone<std::remove_reference_t<decltype((item.retireWindow))>>{item.retireWindow}))

#define CP_RESIDUAL_SHARE(name, a, category)                                                                       \
    CP_VIEW(name, (ResidualShare<std::remove_reference_t<decltype((a.residualPctOfBook))>>{a.residualPctOfBook,        \
                                                                                         &ResidualPctOfBook::category}))

#define CP_MEMBER(name, member)                                                                                        \
    if (key == QLatin1String(name)) {                                                                                  \
        fn(member);                                                                                                    \
        return true;                                                                                                   \
    }

template<typename S, typename F> bool visitScenario(S &s, QStringView key, F &&fn)
{
    CP_MEMBER("name", s.name)
    CP_MEMBER("description", s.description)
    CP_MEMBER("startMonth", s.startMonth)
    CP_MEMBER("horizonMonths", s.horizonMonths)
    return false;
}

template<typename A, typename F> bool visitAssumptions(A &a, QStringView key, F &&fn)
{
    CP_MEMBER("discountRatePct", a.discountRatePct)
    CP_MEMBER("electricityUsdPerMwh", a.electricityUsdPerMwh)
    CP_MEMBER("gasUsdPerMmbtu", a.gasUsdPerMmbtu)
    CP_MEMBER("utilizationPct", a.utilizationPct)
    CP_MEMBER("depreciationYears.compute", a.depreciationYears.compute)
    CP_MEMBER("depreciationYears.facility", a.depreciationYears.facility)
    CP_MEMBER("depreciationYears.power", a.depreciationYears.power)
    CP_MEMBER("depreciationYears.cooling", a.depreciationYears.cooling)
    CP_MEMBER("computePriceUsdPerAcceleratorHour", a.computePriceUsdPerAcceleratorHour)
    CP_MEMBER("burnInMonths", a.burnInMonths)
    CP_MEMBER("residualValue", a.residualValue)
    CP_RESIDUAL_SHARE("residualPctOfBook.compute", a, compute)
    CP_RESIDUAL_SHARE("residualPctOfBook.facility", a, facility)
    CP_RESIDUAL_SHARE("residualPctOfBook.power", a, power)
    CP_RESIDUAL_SHARE("residualPctOfBook.cooling", a, cooling)
    return false;
}

template<typename S, typename F> bool visitSite(S &s, QStringView key, F &&fn)
{
    CP_MEMBER("name", s.name)
    CP_MEMBER("country", s.country)
    CP_MEMBER("ownership", s.ownership)
    CP_MEMBER("pue", s.pue)
    return false;
}

// A member with a row in the field table (fields/fieldtable.cpp): found through its member pointer.
template<typename Item, typename F> bool visitRow(Item &item, QStringView key, F &&fn)
{
    for (const auto &row : fieldRows<std::remove_const_t<Item>>())
        if (row.info.key == key)
            return visitMember(item, row, fn);
    return false;
}

template<typename Fac, typename F> bool visitFacility(Fac &f, QStringView key, F &&fn)
{
    CP_MEMBER("kind", f.kind)
    CP_MEMBER("cooling", f.cooling)
    return visitRow(f, key, fn);
}

template<typename T, typename F> bool visitTranche(T &t, QStringView key, F &&fn)
{
    CP_MEMBER("name", t.name)
    CP_MEMBER("accelerator", t.accelerator)
    CP_OPTIMIZER_FIELDS(t)
    return visitRow(t, key, fn);
}

template<typename P, typename F> bool visitPowerSource(P &p, QStringView key, F &&fn)
{
    CP_MEMBER("name", p.name)
    CP_MEMBER("kind", p.kind)
    CP_OPTIMIZER_FIELDS(p)
    CP_RETIRE_WINDOW_FIELDS(p)
    return visitRow(p, key, fn);
}

template<typename C, typename F> bool visitCoolingPlant(C &c, QStringView key, F &&fn)
{
    CP_MEMBER("name", c.name)
    CP_MEMBER("kind", c.kind)
    CP_OPTIMIZER_FIELDS(c)
    CP_RETIRE_WINDOW_FIELDS(c)
    return visitRow(c, key, fn);
}

#undef CP_MEMBER
#undef CP_VIEW
#undef CP_OPTIMIZER_FIELDS
#undef CP_RETIRE_WINDOW_FIELDS
#undef CP_RESIDUAL_SHARE

template<typename I, typename F> bool visitItem(I &item, QStringView key, F &&fn)
{
    return std::visit(
        [&](auto &value) {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, ComputeTranche>)
                return visitTranche(value, key, fn);
            else if constexpr (std::is_same_v<T, PowerSource>)
                return visitPowerSource(value, key, fn);
            else
                return visitCoolingPlant(value, key, fn);
        },
        item);
}

bool validSite(const Scenario &scenario, int site)
{
    return site >= 0 && site < static_cast<int>(scenario.sites.size());
}

} // namespace

QVariant readItemField(const ScenarioItem &item, const QString &key)
{
    QVariant out;
    visitItem(item, key, [&out](const auto &member) { out = toVariant(member); });
    return out;
}

QVariant readField(const Scenario &scenario, const FieldPath &path)
{
    QVariant out;
    const auto read = [&out](const auto &member) { out = toVariant(member); };
    switch (path.scope) {
    case FieldPath::Scope::Scenario:
        visitScenario(scenario, path.key, read);
        break;
    case FieldPath::Scope::Assumptions:
        visitAssumptions(scenario.assumptions, path.key, read);
        break;
    case FieldPath::Scope::Site:
        if (validSite(scenario, path.site))
            visitSite(scenario.sites[static_cast<std::size_t>(path.site)], path.key, read);
        break;
    case FieldPath::Scope::Facility:
        if (validSite(scenario, path.site))
            visitFacility(scenario.sites[static_cast<std::size_t>(path.site)].facility, path.key, read);
        break;
    case FieldPath::Scope::Item:
        if (validSite(scenario, path.site)) {
            const Site &site = scenario.sites[static_cast<std::size_t>(path.site)];
            if (path.row >= 0 && path.row < itemCount(site, path.list))
                out = readItemField(itemAt(site, path.list, path.row), path.key);
        }
        break;
    }
    return out;
}

bool writeItemField(ScenarioItem &item, const QString &key, const QVariant &value, QString *reason)
{
    const FieldInfo *info = itemFieldInfo(listOf(item), key);
    if (!info)
        return fail(reason, QStringLiteral("there is no field \"%1\"").arg(key));
    if (!value.isValid() && !info->optional)
        return fail(reason, QStringLiteral("%1 is required; enter a value").arg(info->label));
    bool ok = false;
    visitItem(item, key, [&](auto &member) { ok = fromVariant(value, member, reason); });
    return ok;
}

bool writeField(Scenario &scenario, const FieldPath &path, const QVariant &value, QString *reason)
{
    const FieldInfo *info = fieldInfo(path);
    if (!info)
        return fail(reason, QStringLiteral("there is no field at %1").arg(path.toJsonPath()));
    if (!value.isValid() && !info->optional)
        return fail(reason, QStringLiteral("%1 is required; enter a value").arg(info->label));
    if (path.scope != FieldPath::Scope::Scenario && path.scope != FieldPath::Scope::Assumptions
        && !validSite(scenario, path.site))
        return fail(reason, QStringLiteral("the scenario has no site %1").arg(path.site + 1));

    bool ok = false;
    const auto write = [&](auto &member) { ok = fromVariant(value, member, reason); };
    switch (path.scope) {
    case FieldPath::Scope::Scenario:
        visitScenario(scenario, path.key, write);
        break;
    case FieldPath::Scope::Assumptions:
        visitAssumptions(scenario.assumptions, path.key, write);
        break;
    case FieldPath::Scope::Site:
        visitSite(scenario.sites[static_cast<std::size_t>(path.site)], path.key, write);
        break;
    case FieldPath::Scope::Facility:
        visitFacility(scenario.sites[static_cast<std::size_t>(path.site)].facility, path.key, write);
        break;
    case FieldPath::Scope::Item: {
        Site &site = scenario.sites[static_cast<std::size_t>(path.site)];
        if (path.row < 0 || path.row >= itemCount(site, path.list))
            return fail(reason, QStringLiteral("the site has no row %1 there").arg(path.row + 1));
        ScenarioItem item = itemAt(site, path.list, path.row);
        ok = writeItemField(item, path.key, value, reason);
        if (ok)
            replaceItem(site, path.row, item);
        break;
    }
    }
    return ok;
}

bool itemFieldApplies(const ScenarioItem &item, const QString &key)
{
    if (const auto *p = std::get_if<PowerSource>(&item)) {
        const bool bess = p->kind == PowerKind::Bess;
        if (key == u"capacityMw")
            return !bess;
        if (key == u"powerMw" || key == u"energyMwh")
            return bess;
        if (key == u"heatRateBtuPerKwh")
            return isGasKind(p->kind);
    }
    return true;
}

bool facilityFieldApplies(const Facility &facility, const QString &key)
{
    const bool colocation = facility.kind == FacilityKind::Colocation;
    if (key == u"leaseUsdPerKwMonth")
        return colocation;
    if (key == u"capexUsdPerMwIt" || key == u"capexUsd")
        return !colocation;
    return true;
}

} // namespace cp
