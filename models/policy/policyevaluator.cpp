#include "policy/policyevaluator.h"

#include "solver/calendar.h"
#include "solver/solver.h"
#include "solver/textformat.h"

#include <map>
#include <set>

namespace cp {

namespace {

struct SiteCompute {
    double totalH100e = 0.0;   // every delivered accelerator
    double counted100e = 0.0;  // not exempt from caps (orders above the small-order limit)
};

class Evaluation
{
public:
    Evaluation(const Scenario &scenario, const solver::Plan &plan, const PolicyPack &pack,
               std::vector<solver::Warning> &warnings)
        : m_scenario(scenario)
        , m_plan(plan)
        , m_pack(pack)
        , m_warnings(warnings)
    {
        for (const PolicyRule &rule : pack.rules)
            if (rule.kind == PolicyRuleKind::SmallOrderExemption)
                m_exemptUpToH100e = rule.maxH100ePerOrder;
    }

    void checkMonth(int absMonth)
    {
        const std::size_t siteCount = m_plan.sites.size();
        std::vector<SiteCompute> compute(siteCount);
        double total = 0.0;
        for (std::size_t s = 0; s < siteCount; ++s) {
            for (const solver::Tranche &t : m_plan.sites[s].tranches) {
                const int delivered = solver::arrivalMonth(t);
                if (absMonth < delivered || absMonth >= t.retireMonth)
                    continue;
                const double h100e = t.count * t.bf16Tflops / m_pack.h100EquivalentBf16Tflops;
                compute[s].totalH100e += h100e;
                if (h100e > m_exemptUpToH100e)
                    compute[s].counted100e += h100e;
            }
            total += compute[s].totalH100e;
        }
        std::map<QString, SiteCompute> byCountry;
        for (std::size_t s = 0; s < siteCount; ++s) {
            const QString &country = m_scenario.sites[s].country;
            if (country.isEmpty()) {
                if (compute[s].totalH100e > 0)
                    warnOnce(s, QStringLiteral("unknown-country"), QStringLiteral("policy_unknown_country"),
                             siteLabel(s) + QStringLiteral(": the site states no country, so ") + m_pack.name
                                 + QStringLiteral(" (in force ") + period()
                                 + QStringLiteral(") cannot be checked for it; set its country (ISO code, e.g. US, MY)."));
                continue;
            }
            byCountry[country].totalH100e += compute[s].totalH100e;
            byCountry[country].counted100e += compute[s].counted100e;
        }

        for (const PolicyRule &rule : m_pack.rules) {
            for (std::size_t s = 0; s < siteCount; ++s) {
                const QString &country = m_scenario.sites[s].country;
                if (country.isEmpty() || compute[s].totalH100e <= 0)
                    continue;
                const int tier = m_pack.tierOf(country);
                const SiteCompute &inCountry = byCountry[country];
                switch (rule.kind) {
                case PolicyRuleKind::TierBan:
                    if (tier == rule.tier)
                        breach(s, rule, absMonth, solver::text::count(compute[s].totalH100e)
                                                      + " H100-equivalents delivered, where none are allowed");
                    break;
                case PolicyRuleKind::CountryCap:
                    if (tier == rule.tier && inCountry.counted100e > rule.capH100e && compute[s].counted100e > 0)
                        breach(s, rule, absMonth, solver::text::count(inCountry.counted100e) + " H100-equivalents counted in "
                                                      + country.toStdString() + " against a cap of "
                                                      + solver::text::count(rule.capH100e));
                    break;
                case PolicyRuleKind::ShareOutsideTier: {
                    double outside = 0.0;
                    for (const auto &[c, sc] : byCountry)
                        if (m_pack.tierOf(c) != rule.tier)
                            outside += sc.totalH100e;
                    const double pct = total > 0 ? 100.0 * outside / total : 0.0;
                    if (tier != rule.tier && pct > rule.maxPct)
                        breach(s, rule, absMonth, solver::text::fixed(pct, 1) + "% of the plan's compute is outside "
                                                      + PolicyPack::tierName(rule.tier).toStdString() + " (limit "
                                                      + solver::text::fixed(rule.maxPct, 0) + "%)");
                    break;
                }
                case PolicyRuleKind::ShareSingleCountry: {
                    const double pct = total > 0 ? 100.0 * inCountry.totalH100e / total : 0.0;
                    if (tier == rule.tier && pct > rule.maxPct)
                        breach(s, rule, absMonth, solver::text::fixed(pct, 1) + "% of the plan's compute is in "
                                                      + country.toStdString() + " (limit "
                                                      + solver::text::fixed(rule.maxPct, 0) + "% in any one country)");
                    break;
                }
                case PolicyRuleKind::SmallOrderExemption: break;
                }
            }
        }
    }

private:
    QString siteLabel(std::size_t s) const
    {
        const Site &site = m_scenario.sites[s];
        return site.country.isEmpty() ? site.name
                                      : site.name + QStringLiteral(" (") + site.country + QStringLiteral(", ")
                                            + PolicyPack::tierName(m_pack.tierOf(site.country))
                                            + QStringLiteral(")");
    }

    QString period() const
    {
        QString text = m_pack.inForce.toString(QStringLiteral("d MMM yyyy"));
        if (m_pack.rescinded)
            text += QStringLiteral(" to ") + m_pack.rescinded->addDays(-1).toString(QStringLiteral("d MMM yyyy"));
        return text;
    }

    void breach(std::size_t s, const PolicyRule &rule, int absMonth, const std::string &what)
    {
        warnOnce(s, rule.id, QStringLiteral("policy_breach"),
                 siteLabel(s) + QStringLiteral(": by ") + QString::fromStdString(solver::text::monthLabel(absMonth))
                     + QStringLiteral(", ") + QString::fromStdString(what) + QStringLiteral(". Rule: ") + rule.label
                     + QStringLiteral(" (") + m_pack.name + QStringLiteral(", in force ") + period()
                     + QStringLiteral("; source: ") + rule.source + QStringLiteral(")."));
    }

    void warnOnce(std::size_t s, const QString &ruleId, const QString &code, const QString &message)
    {
        if (!m_reported.insert({s, ruleId}).second)
            return;
        m_warnings.push_back({m_scenario.sites[s].name.toStdString(), {}, code.toStdString(), message.toStdString()});
    }

    const Scenario &m_scenario;
    const solver::Plan &m_plan;
    const PolicyPack &m_pack;
    std::vector<solver::Warning> &m_warnings;
    double m_exemptUpToH100e = 0.0;
    std::set<std::pair<std::size_t, QString>> m_reported;
};

} // namespace

std::vector<solver::Warning> evaluatePolicies(const Scenario &scenario, const solver::Plan &plan,
                                              const std::vector<PolicyPack> &packs, std::optional<QDate> asOf)
{
    std::vector<solver::Warning> warnings;
    for (const PolicyPack &pack : packs) {
        Evaluation evaluation(scenario, plan, pack, warnings);
        if (asOf) {
            if (pack.inForceOn(*asOf))
                evaluation.checkMonth(solver::absoluteMonth(asOf->year(), asOf->month()));
            continue;
        }
        for (int m = 0; m < plan.horizonMonths; ++m) {
            const int month = plan.startMonth + m;
            if (pack.inForceDuring(solver::yearOf(month), solver::monthOf(month)))
                evaluation.checkMonth(month);
        }
    }
    return warnings;
}

} // namespace cp
