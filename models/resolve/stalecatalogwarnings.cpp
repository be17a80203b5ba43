#include "resolve/resolver.h"

#include <QStringList>

#include <map>
#include <utility>

namespace cp {

std::vector<solver::Warning> staleCatalogWarnings(const std::vector<CatalogUse> &uses, Month today)
{
    // Group by (site, item) in order of first appearance, so warnings follow the plan.
    std::vector<std::pair<std::pair<QString, QString>, QStringList>> groups;
    std::map<std::pair<QString, QString>, std::size_t> index;
    for (const CatalogUse &use : uses) {
        if (!use.value || !use.value->isStale(today))
            continue;
        const auto key = std::make_pair(use.site, use.item);
        auto it = index.find(key);
        if (it == index.end()) {
            it = index.emplace(key, groups.size()).first;
            groups.emplace_back(key, QStringList());
        }
        groups[it->second].second << use.field + QStringLiteral(" (") + use.value->asOf + QLatin1Char(')');
    }

    std::vector<solver::Warning> warnings;
    for (const auto &[key, fields] : groups) {
        // Every warning reads on its own (the solver's do too): "Site / item: what is wrong; what to do".
        const QString where = key.second.isEmpty() ? key.first : key.first + QStringLiteral(" / ") + key.second;
        const QString message = QStringLiteral("%1: uses catalog values dated more than 24 months before %2: %3; "
                                               "check them or state your own")
                                    .arg(where, today.toLabel(), fields.join(QStringLiteral(", ")));
        warnings.push_back(solver::Warning { key.first.toStdString(), key.second.toStdString(), "stale_catalog",
                                             message.toStdString() });
    }
    return warnings;
}

} // namespace cp
