#pragma once

#include <QString>

#include <vector>

// Sites of a portfolio gathered into a few groups for a chart: by site, by country or
// by region, the groups that gate the portfolio first. Beyond `maxGroups` the rest are summed as
// one "Other n sites" group, so a 1,000-site plan draws a few series and a legend that fits.
namespace cp {

struct SolvedScenario;

enum class SiteGrouping { BySite, ByCountry, ByRegion };

struct SiteGroup {
    QString name;           // the site, the country ("US"), the region, or "Other 988 sites"
    std::vector<int> sites; // indices in the plan, in plan order
    bool other = false;     // the remainder summed together
};

// The region of an ISO 3166 alpha-2 country code: "Americas", "Europe", "Middle East & Africa",
// "Asia-Pacific"; "Country not stated" for an empty code and "Other region" for one not listed.
// The plan has no region field: a region is derived from the site's country, so it needs no input.
[[nodiscard]] QString regionOfCountry(const QString &country);

// Sites ranked most gating first: never at full power within the plan, then the latest full
// power, then the most stranded accelerator-months, then plan order. A group ranks by its most
// gating site. At most `maxGroups` groups: when there are more, the first maxGroups - 1 are kept
// and the rest summed into an "other" group last. Empty when the scenario did not solve.
[[nodiscard]] std::vector<SiteGroup> groupSites(const SolvedScenario &solved, SiteGrouping grouping, int maxGroups = 8);

} // namespace cp
