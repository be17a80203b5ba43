#include "fields/scenarioitems.h"

#include <algorithm>
#include <cstdlib>

namespace cp {

namespace {

template<typename T> std::vector<T> &listFor(Site &site);
template<> std::vector<ComputeTranche> &listFor<ComputeTranche>(Site &site)
{
    return site.compute;
}
template<> std::vector<PowerSource> &listFor<PowerSource>(Site &site)
{
    return site.power;
}
template<> std::vector<CoolingPlant> &listFor<CoolingPlant>(Site &site)
{
    return site.cooling;
}

} // namespace

ItemList listOf(const ScenarioItem &item)
{
    return static_cast<ItemList>(item.index()); // the variant's order is ItemList's order
}

QString itemName(const ScenarioItem &item)
{
    return std::visit([](const auto &value) { return value.name; }, item);
}

void setItemName(ScenarioItem &item, const QString &name)
{
    std::visit([&name](auto &value) { value.name = name; }, item);
}

int itemCount(const Site &site, ItemList list)
{
    switch (list) {
    case ItemList::Compute:
        return static_cast<int>(site.compute.size());
    case ItemList::Power:
        return static_cast<int>(site.power.size());
    case ItemList::Cooling:
        return static_cast<int>(site.cooling.size());
    }
    return 0;
}

ScenarioItem itemAt(const Site &site, ItemList list, int row)
{
    const auto at = static_cast<std::size_t>(row);
    switch (list) {
    case ItemList::Compute:
        return site.compute.at(at);
    case ItemList::Power:
        return site.power.at(at);
    case ItemList::Cooling:
        return site.cooling.at(at);
    }
    return {};
}

void replaceItem(Site &site, int row, const ScenarioItem &item)
{
    std::visit(
        [&site, row](const auto &value) {
            using T = std::decay_t<decltype(value)>;
            listFor<T>(site).at(static_cast<std::size_t>(row)) = value;
        },
        item);
}

void insertItem(Site &site, int row, const ScenarioItem &item)
{
    std::visit(
        [&site, row](const auto &value) {
            using T = std::decay_t<decltype(value)>;
            auto &list = listFor<T>(site);
            list.insert(list.begin() + row, value);
        },
        item);
}

void removeItem(Site &site, ItemList list, int row)
{
    switch (list) {
    case ItemList::Compute:
        site.compute.erase(site.compute.begin() + row);
        break;
    case ItemList::Power:
        site.power.erase(site.power.begin() + row);
        break;
    case ItemList::Cooling:
        site.cooling.erase(site.cooling.begin() + row);
        break;
    }
}

QString linkedDateNote(const ScenarioItem &item, const QString &key)
{
    const auto months = [](int n) -> QString {
        if (n == 0)
            return QStringLiteral("in the month");
        const QString count = std::abs(n) == 1 ? QStringLiteral("1 month") : QStringLiteral("%1 months").arg(std::abs(n));
        return n > 0 ? count + QStringLiteral(" after") : count + QStringLiteral(" before");
    };
    if (const auto *t = std::get_if<ComputeTranche>(&item); t && key == QLatin1String("orderMonth")
        && t->orderAfterFacilityReadyMonths)
        return QStringLiteral("Linked: ordered %1 the facility is ready, so it moves with the facility's dates.")
            .arg(months(*t->orderAfterFacilityReadyMonths));
    if (const auto *p = std::get_if<PowerSource>(&item); p && key == QLatin1String("retireMonth") && p->retireAfter)
        return QStringLiteral("Linked: retires %1 %2 is available, so it moves with that source's dates.")
            .arg(months(p->retireAfter->plusMonths), p->retireAfter->source);
    return {};
}

std::vector<QString> itemNames(const Site &site)
{
    std::vector<QString> names;
    for (const ComputeTranche &t : site.compute)
        names.push_back(t.name);
    for (const PowerSource &p : site.power)
        names.push_back(p.name);
    for (const CoolingPlant &c : site.cooling)
        names.push_back(c.name);
    return names;
}

QString uniqueName(const QString &base, const std::vector<QString> &taken)
{
    const auto used
        = [&taken](const QString &name) { return std::find(taken.begin(), taken.end(), name) != taken.end(); };
    if (!used(base))
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1 (%2)").arg(base).arg(n);
        if (!used(candidate))
            return candidate;
    }
}

ScenarioItem newItem(ItemList list, Month orderMonth, const QString &name)
{
    switch (list) {
    case ItemList::Compute: {
        ComputeTranche t;
        t.name = name;
        t.accelerator = QStringLiteral("h100_sxm");
        t.count = 1000;
        t.orderMonth = orderMonth;
        t.leadTimeMonths = ThreePoint::fixed(6);
        return t;
    }
    case ItemList::Power: {
        PowerSource p;
        p.name = name;
        p.kind = PowerKind::Grid;
        p.capacityMw = 10;
        p.orderMonth = orderMonth;
        p.leadTimeMonths = ThreePoint::fixed(12);
        return p;
    }
    case ItemList::Cooling: {
        CoolingPlant c;
        c.name = name;
        c.kind = CoolingPlantKind::Chiller;
        c.capacityMw = 10;
        c.orderMonth = orderMonth;
        c.leadTimeMonths = ThreePoint::fixed(6);
        return c;
    }
    }
    return {};
}

Site newSite(Month startMonth, const QString &name)
{
    Site site;
    site.name = name;
    site.facility.kind = FacilityKind::Greenfield;
    site.facility.itCapacityMw = 10;
    site.facility.permitStartMonth = startMonth;
    site.facility.permitMonths = ThreePoint::fixed(6);
    site.facility.constructionStartMonth = startMonth.plusMonths(6);
    site.facility.buildMonths = ThreePoint::fixed(12);
    return site;
}

Scenario newScenario(const QString &name, Month startMonth)
{
    Scenario scenario;
    scenario.name = name;
    scenario.startMonth = startMonth;
    scenario.horizonMonths = 60;
    scenario.sites.push_back(newSite(startMonth, QStringLiteral("Site 1")));
    return scenario;
}

} // namespace cp
