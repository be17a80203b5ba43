#include "analysis/optimization.h"

#include <algorithm>
#include <tuple>

namespace cp {

namespace {

template<typename Item> bool decides(const Item &item)
{
    if constexpr (requires { item.retireWindow; })
        return item.optional || item.orderWindow || item.retireWindow;
    else
        return item.optional || item.orderWindow;
}

optimize::MonthWindow window(const OrderWindow &w)
{
    return { w.earliest.index(), w.latest.index() };
}

template<typename Item>
void addDecisions(std::vector<optimize::Decision> &out, const std::vector<Item> &items, int site, optimize::ItemList list)
{
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item &item = items[i];
        if (!decides(item))
            continue;
        optimize::Decision d;
        d.site = site;
        d.list = list;
        d.index = static_cast<int>(i);
        d.optional = item.optional;
        if (item.orderWindow)
            d.orderWindow = window(*item.orderWindow);
        if constexpr (requires { item.retireWindow; }) {
            if (item.retireWindow)
                d.retireWindow = optimize::RetireWindow { item.retireWindow->earliest.index(),
                                                          item.retireWindow->latest.index(), item.retireWindow->none };
        }
        out.push_back(d);
    }
}

template<typename Item> void clearInputs(Item &item)
{
    item.optional = false;
    item.orderWindow.reset();
    if constexpr (requires { item.retireWindow; })
        item.retireWindow.reset();
}

} // namespace

bool hasOptimizerInputs(const Scenario &scenario)
{
    for (const Site &site : scenario.sites) {
        const auto any = [](const auto &items) { return std::any_of(items.begin(), items.end(), [](const auto &i) { return decides(i); }); };
        if (any(site.compute) || any(site.power) || any(site.cooling))
            return true;
    }
    return false;
}

optimize::Problem optimizeProblem(const Scenario &scenario, const solver::Plan &resolved)
{
    optimize::Problem problem;
    problem.plan = resolved;
    for (std::size_t s = 0; s < scenario.sites.size(); ++s) {
        const Site &site = scenario.sites[s];
        const int index = static_cast<int>(s);
        addDecisions(problem.decisions, site.power, index, optimize::ItemList::PowerSource);
        addDecisions(problem.decisions, site.cooling, index, optimize::ItemList::CoolingPlant);
        addDecisions(problem.decisions, site.compute, index, optimize::ItemList::Tranche);
    }
    return problem;
}

Scenario chosenScenario(const Scenario &scenario, const std::vector<optimize::Choice> &choices)
{
    Scenario out = scenario;
    const auto setMonths = [](auto &item, const optimize::Choice &c) {
        item.orderMonth = Month::fromIndex(c.orderMonth);
        item.retireMonth = c.retireMonth == solver::kNever ? std::nullopt : std::optional(Month::fromIndex(c.retireMonth));
    };
    std::vector<const optimize::Choice *> dropped;
    for (const optimize::Choice &c : choices) {
        Site &site = out.sites[static_cast<std::size_t>(c.site)];
        const auto i = static_cast<std::size_t>(c.index);
        switch (c.list) {
        case optimize::ItemList::PowerSource:
            setMonths(site.power[i], c);
            break;
        case optimize::ItemList::CoolingPlant:
            setMonths(site.cooling[i], c);
            break;
        case optimize::ItemList::Tranche:
            setMonths(site.compute[i], c);
            break;
        }
        if (!c.kept)
            dropped.push_back(&c);
    }
    // From the back, so the indices of the items still to drop stay valid.
    std::sort(dropped.begin(), dropped.end(), [](const optimize::Choice *a, const optimize::Choice *b) {
        return std::tie(a->site, a->list, a->index) > std::tie(b->site, b->list, b->index);
    });
    for (const optimize::Choice *c : dropped) {
        Site &site = out.sites[static_cast<std::size_t>(c->site)];
        switch (c->list) {
        case optimize::ItemList::PowerSource:
            site.power.erase(site.power.begin() + c->index);
            break;
        case optimize::ItemList::CoolingPlant:
            site.cooling.erase(site.cooling.begin() + c->index);
            break;
        case optimize::ItemList::Tranche:
            site.compute.erase(site.compute.begin() + c->index);
            break;
        }
    }
    for (Site &site : out.sites) {
        for (auto &t : site.compute)
            clearInputs(t);
        for (auto &p : site.power)
            clearInputs(p);
        for (auto &c : site.cooling)
            clearInputs(c);
    }
    return out;
}

} // namespace cp
