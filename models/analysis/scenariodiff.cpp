#include "analysis/scenariodiff.h"

#include "domain/scenario.h"
#include "domain/numbertext.h"
#include "io/scenariojson.h"

#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace cp {

namespace {

using json = nlohmann::ordered_json;
using Kind = InputChange::Kind;

bool isThreePoint(const json &value)
{
    return value.is_object() && value.size() == 3 && value.contains("low") && value.contains("mode")
        && value.contains("high");
}

QString valueText(const json &value)
{
    if (value.is_null())
        return {};
    if (value.is_number())
        return io::numberText(value.get<double>());
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_boolean())
        return value.get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    if (isThreePoint(value))
        return valueText(value.at("mode")) + QStringLiteral(" (") + valueText(value.at("low")) + QStringLiteral(" to ")
            + valueText(value.at("high")) + QLatin1Char(')');
    return QString::fromStdString(value.dump());
}

// Leaf fields of an object by their dotted path; three-point values are leaves.
void flatten(const json &object, const std::string &prefix, const std::set<std::string> &skip,
             std::vector<std::pair<std::string, const json *>> &out)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (prefix.empty() && skip.count(it.key()))
            continue;
        const std::string path = prefix.empty() ? it.key() : prefix + '.' + it.key();
        if (it->is_object() && !isThreePoint(*it))
            flatten(*it, path, skip, out);
        else
            out.emplace_back(path, &*it);
    }
}

struct Context {
    std::vector<InputChange> *out;
    QString site;
    QString list;
    QString item;
};

// Fields of `before` and `after` that differ, in the order of `after` then fields only `before` has.
void diffFields(const Context &context, const json &before, const json &after, const std::string &basePathBefore,
                const std::string &basePathAfter, const std::set<std::string> &skip)
{
    std::vector<std::pair<std::string, const json *>> a;
    std::vector<std::pair<std::string, const json *>> b;
    flatten(before, {}, skip, a);
    flatten(after, {}, skip, b);
    std::map<std::string, const json *> beforeByPath(a.begin(), a.end());
    std::set<std::string> seen;
    auto record = [&](const std::string &field, const json *was, const json *now, const std::string &basePath) {
        InputChange change;
        change.kind = Kind::Changed;
        change.site = context.site;
        change.list = context.list;
        change.item = context.item;
        change.field = QString::fromStdString(field);
        change.path = QString::fromStdString(basePath.empty() ? field : basePath + '.' + field);
        change.before = was ? valueText(*was) : QString();
        change.after = now ? valueText(*now) : QString();
        context.out->push_back(std::move(change));
    };
    for (const auto &[field, now] : b) {
        seen.insert(field);
        const auto found = beforeByPath.find(field);
        const json *was = found == beforeByPath.end() ? nullptr : found->second;
        if (!was || *was != *now)
            record(field, was, now, basePathAfter);
    }
    for (const auto &[field, was] : a)
        if (!seen.count(field))
            record(field, was, nullptr, basePathBefore);
}

QString itemSummary(const std::string &list, const json &item)
{
    auto text = [&](const char *key) { return item.contains(key) ? valueText(item.at(key)) : QString(); };
    if (list == "compute")
        return text("count") + QStringLiteral(" x ") + text("accelerator");
    if (item.value("kind", std::string()) == "bess")
        return QStringLiteral("bess, ") + text("powerMw") + QStringLiteral(" MW");
    return text("kind") + QStringLiteral(", ") + text("capacityMw") + QStringLiteral(" MW");
}

struct ItemPlace {
    std::string list;
    std::size_t index;
    const json *item;
};

std::map<std::string, ItemPlace> itemsByName(const json &site)
{
    std::map<std::string, ItemPlace> items;
    for (const char *list : {"compute", "power", "cooling"}) {
        if (!site.contains(list))
            continue;
        const json &entries = site.at(list);
        for (std::size_t i = 0; i < entries.size(); ++i)
            items.emplace(entries[i].value("name", std::string()), ItemPlace{list, i, &entries[i]});
    }
    return items;
}

std::vector<std::pair<std::string, ItemPlace>> itemsInOrder(const json &site)
{
    std::vector<std::pair<std::string, ItemPlace>> items;
    for (const char *list : {"compute", "power", "cooling"}) {
        if (!site.contains(list))
            continue;
        const json &entries = site.at(list);
        for (std::size_t i = 0; i < entries.size(); ++i)
            items.emplace_back(entries[i].value("name", std::string()), ItemPlace{list, i, &entries[i]});
    }
    return items;
}

std::string sitePath(std::size_t index)
{
    return "sites[" + std::to_string(index) + ']';
}

std::string itemPath(std::size_t site, const ItemPlace &place)
{
    return sitePath(site) + '.' + place.list + '[' + std::to_string(place.index) + ']';
}

void diffSite(std::vector<InputChange> &out, const json &before, std::size_t beforeIndex, const json &after,
              std::size_t afterIndex)
{
    const QString siteName = QString::fromStdString(after.value("name", std::string()));
    diffFields({&out, siteName, {}, {}}, before, after, sitePath(beforeIndex), sitePath(afterIndex),
               {"name", "compute", "power", "cooling"});

    const auto beforeItems = itemsByName(before);
    const auto afterItems = itemsByName(after);
    for (const auto &[name, place] : itemsInOrder(before)) {
        const auto found = afterItems.find(name);
        const QString item = QString::fromStdString(name);
        if (found != afterItems.end() && found->second.list == place.list) {
            diffFields({&out, siteName, QString::fromStdString(place.list), item}, *place.item, *found->second.item,
                       itemPath(beforeIndex, place), itemPath(afterIndex, found->second), {"name"});
        } else {
            out.push_back({Kind::Removed, siteName, QString::fromStdString(place.list), item, {},
                           QString::fromStdString(itemPath(beforeIndex, place)), itemSummary(place.list, *place.item), {}});
        }
    }
    for (const auto &[name, place] : itemsInOrder(after)) {
        const auto found = beforeItems.find(name);
        if (found != beforeItems.end() && found->second.list == place.list)
            continue;
        out.push_back({Kind::Added, siteName, QString::fromStdString(place.list), QString::fromStdString(name), {},
                       QString::fromStdString(itemPath(afterIndex, place)), {}, itemSummary(place.list, *place.item)});
    }
}

QString siteSummary(const json &site)
{
    std::size_t items = 0;
    for (const char *list : {"compute", "power", "cooling"})
        if (site.contains(list))
            items += site.at(list).size();
    const json facility = site.value("facility", json::object());
    return valueText(facility.value("itCapacityMw", json())) + QStringLiteral(" MW IT, ") + QString::number(items)
        + QStringLiteral(" items");
}

} // namespace

std::vector<InputChange> diffScenarios(const Scenario &baseline, const Scenario &other)
{
    const json before = json::parse(io::writeScenarioJson(baseline).toStdString());
    const json after = json::parse(io::writeScenarioJson(other).toStdString());
    std::vector<InputChange> out;
    diffFields({&out, {}, {}, {}}, before, after, {}, {}, {"format", "formatVersion", "name", "sites"});

    const json &beforeSites = before.at("sites");
    const json &afterSites = after.at("sites");
    auto findSite = [](const json &sites, const std::string &name) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < sites.size(); ++i)
            if (sites[i].value("name", std::string()) == name)
                return i;
        return std::nullopt;
    };
    for (std::size_t i = 0; i < beforeSites.size(); ++i) {
        const std::string name = beforeSites[i].value("name", std::string());
        if (const auto j = findSite(afterSites, name))
            diffSite(out, beforeSites[i], i, afterSites[*j], *j);
        else
            out.push_back({Kind::Removed, QString::fromStdString(name), {}, {}, {}, QString::fromStdString(sitePath(i)),
                           siteSummary(beforeSites[i]), {}});
    }
    for (std::size_t j = 0; j < afterSites.size(); ++j) {
        const std::string name = afterSites[j].value("name", std::string());
        if (!findSite(beforeSites, name))
            out.push_back({Kind::Added, QString::fromStdString(name), {}, {}, {}, QString::fromStdString(sitePath(j)), {},
                           siteSummary(afterSites[j])});
    }
    return out;
}

} // namespace cp
