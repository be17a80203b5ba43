#include "analysis/sitegroups.h"

#include "analysis/solvedscenario.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <numeric>
#include <tuple>

namespace cp {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cp::SiteGroups", text);
}

// How gating a site is, larger first: never at full power beats any month, a later month beats
// an earlier one, then more stranded accelerator-months.
struct GatingKey {
    bool neverFull = false;
    int fullPowerMonth = 0;
    double strandedAcceleratorMonths = 0.0;

    [[nodiscard]] bool gatesMoreThan(const GatingKey &other) const
    {
        return std::tuple(neverFull, fullPowerMonth, strandedAcceleratorMonths)
            > std::tuple(other.neverFull, other.fullPowerMonth, other.strandedAcceleratorMonths);
    }
};

GatingKey gatingKey(const solver::SiteResult &site)
{
    return {!site.kpis.fullPowerMonth.has_value(), site.kpis.fullPowerMonth.value_or(0), site.kpis.strandedAcceleratorMonths};
}

} // namespace

QString regionOfCountry(const QString &country)
{
    if (country.isEmpty())
        return tr("Country not stated");
    static const QHash<QString, const char *> kRegions = [] {
        QHash<QString, const char *> regions;
        auto add = [&regions](const char *region, std::initializer_list<const char *> codes) {
            for (const char *code : codes)
                regions.insert(QString::fromLatin1(code), region);
        };
        add(QT_TRANSLATE_NOOP("cp::SiteGroups", "Americas"),
            {"US", "CA", "MX", "BR", "AR", "CL", "CO", "PE", "UY", "PA", "CR", "EC", "PY", "BO", "VE", "GT", "DO", "PR"});
        add(QT_TRANSLATE_NOOP("cp::SiteGroups", "Europe"),
            {"GB", "IE", "FR", "DE", "NL", "BE", "LU", "CH", "AT", "IT", "ES", "PT", "DK", "SE", "NO", "FI", "IS", "PL",
             "CZ", "SK", "HU", "RO", "BG", "GR", "HR", "SI", "RS", "EE", "LV", "LT", "UA", "MT", "CY"});
        add(QT_TRANSLATE_NOOP("cp::SiteGroups", "Middle East & Africa"),
            {"AE", "SA", "QA", "KW", "BH", "OM", "IL", "JO", "TR", "EG", "MA", "TN", "DZ", "NG", "KE", "ZA", "GH",
             "ET", "RW", "SN", "CI", "IQ", "IR", "LB"});
        add(QT_TRANSLATE_NOOP("cp::SiteGroups", "Asia-Pacific"),
            {"CN", "JP", "KR", "TW", "HK", "MO", "SG", "MY", "ID", "TH", "VN", "PH", "IN", "PK", "BD", "LK", "AU",
             "NZ", "KZ", "UZ", "MN"});
        return regions;
    }();
    const auto it = kRegions.constFind(country.toUpper());
    return it == kRegions.constEnd() ? tr("Other region") : tr(it.value());
}

std::vector<SiteGroup> groupSites(const SolvedScenario &solved, SiteGrouping grouping, int maxGroups)
{
    if (!solved.ok())
        return {};
    const auto &sites = solved.result.sites;
    const auto &planned = solved.scenario.sites;
    maxGroups = std::max(maxGroups, 2);

    // Groups in order of first appearance, each with its most gating site.
    std::vector<SiteGroup> groups;
    std::vector<GatingKey> keys;
    QHash<QString, std::size_t> byName;
    for (std::size_t s = 0; s < sites.size(); ++s) {
        const QString country = s < planned.size() ? planned[s].country.toUpper() : QString();
        QString name;
        switch (grouping) {
        case SiteGrouping::BySite: name = QString::fromStdString(sites[s].name); break;
        case SiteGrouping::ByCountry: name = country.isEmpty() ? tr("Country not stated") : country; break;
        case SiteGrouping::ByRegion: name = regionOfCountry(country); break;
        }
        // Sites are one group each even when two share a name.
        std::size_t group = groups.size();
        if (grouping != SiteGrouping::BySite) {
            const auto found = byName.constFind(name);
            if (found != byName.constEnd())
                group = found.value();
            else
                byName.insert(name, group);
        }
        const GatingKey key = gatingKey(sites[s]);
        if (group == groups.size()) {
            groups.push_back({name, {static_cast<int>(s)}, false});
            keys.push_back(key);
        } else {
            groups[group].sites.push_back(static_cast<int>(s));
            if (key.gatesMoreThan(keys[group]))
                keys[group] = key;
        }
    }

    std::vector<std::size_t> order(groups.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&keys](std::size_t a, std::size_t b) { return keys[a].gatesMoreThan(keys[b]); });
    std::vector<SiteGroup> ranked;
    ranked.reserve(std::min(groups.size(), static_cast<std::size_t>(maxGroups)));
    const bool summarise = groups.size() > static_cast<std::size_t>(maxGroups);
    const std::size_t kept = summarise ? static_cast<std::size_t>(maxGroups - 1) : groups.size();
    for (std::size_t i = 0; i < kept; ++i)
        ranked.push_back(std::move(groups[order[i]]));
    if (summarise) {
        SiteGroup other{{}, {}, true};
        for (std::size_t i = kept; i < order.size(); ++i)
            other.sites.insert(other.sites.end(), groups[order[i]].sites.begin(), groups[order[i]].sites.end());
        std::sort(other.sites.begin(), other.sites.end());
        const auto rest = static_cast<qsizetype>(order.size() - kept);
        switch (grouping) {
        case SiteGrouping::BySite: other.name = tr("Other %1 sites").arg(rest); break;
        case SiteGrouping::ByCountry: other.name = tr("Other %1 countries").arg(rest); break;
        case SiteGrouping::ByRegion: other.name = tr("Other %1 regions").arg(rest); break;
        }
        ranked.push_back(std::move(other));
    }
    return ranked;
}

} // namespace cp
