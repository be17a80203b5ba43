#include "analysis/solvedscenario.h"
#include "catalog/catalog.h"
#include "policy/policyevaluator.h"
#include "policy/policypack.h"
#include "resolve/resolver.h"

#include <QTest>

using namespace cp;

// The 2025 AI diffusion rule as dated data, evaluated on plans with sites in different tiers.
// H100-equivalents = count x bf16Tflops / 989, so an H100 counts as one.
namespace {

Site site(const QString &name, const QString &country, int h100Count, Month delivered)
{
    Site s;
    s.name = name;
    s.country = country;
    s.facility.itCapacityMw = 500;
    s.facility.permitStartMonth = delivered;
    s.facility.constructionStartMonth = delivered;
    ComputeTranche t;
    t.name = QStringLiteral("H100");
    t.accelerator = QStringLiteral("h100_sxm");
    t.count = h100Count;
    t.orderMonth = delivered;
    s.compute.push_back(t);
    return s;
}

Scenario plan(std::vector<Site> sites)
{
    Scenario s;
    s.name = QStringLiteral("Policy test");
    s.startMonth = Month::fromYearMonth(2024, 10);
    s.horizonMonths = 12;
    s.sites = std::move(sites);
    return s;
}

std::vector<solver::Warning> evaluate(const Scenario &scenario, std::optional<QDate> asOf = std::nullopt)
{
    const ResolvedPlan resolved = resolvePlan(scenario, Catalog::builtIn());
    return evaluatePolicies(scenario, resolved.plan, builtInPolicyPacks(), asOf);
}

bool mentions(const std::vector<solver::Warning> &warnings, const std::string &site, const char *text)
{
    for (const solver::Warning &w : warnings)
        if (w.site == site && w.message.find(text) != std::string::npos)
            return true;
    return false;
}

} // namespace

class TestPolicy : public QObject
{
    Q_OBJECT

private slots:
    void shippedPackIsTheDiffusionRule()
    {
        const auto &packs = builtInPolicyPacks();
        QCOMPARE(packs.size(), std::size_t(1));
        const PolicyPack &p = packs.front();
        QCOMPARE(p.inForce, QDate(2025, 1, 15));
        QCOMPARE(*p.rescinded, QDate(2025, 5, 13));
        QCOMPARE(p.tierOf(QStringLiteral("US")), 1);
        QCOMPARE(p.tierOf(QStringLiteral("CN")), 3);
        QCOMPARE(p.tierOf(QStringLiteral("MY")), 2);
        QVERIFY(p.inForceDuring(2025, 1) && p.inForceDuring(2025, 5));
        QVERIFY(!p.inForceDuring(2024, 12) && !p.inForceDuring(2025, 6));
        QVERIFY(!p.inForceOn(QDate(2025, 5, 13)));
        for (const PolicyRule &r : p.rules)
            QVERIFY(!r.source.isEmpty() && !r.label.isEmpty());
    }

    // 60,000 H100 in Malaysia (Tier 2) delivered Feb 2025, while the rule was in force: over
    // the 49,901 cap; and 60k of 160k (37.5%) is outside Tier 1 (limit 25%) and in one Tier 2
    // country (limit 7%). The US site breaks nothing.
    void tier2SiteOverTheCap()
    {
        const Scenario s = plan({site(QStringLiteral("Virginia"), QStringLiteral("US"), 100000, Month::fromYearMonth(2024, 10)),
                                 site(QStringLiteral("Johor"), QStringLiteral("MY"), 60000, Month::fromYearMonth(2025, 2))});
        const auto w = evaluate(s);
        QVERIFY(mentions(w, "Johor", "60,000 H100-equivalents counted in MY against a cap of 49,901"));
        QVERIFY(mentions(w, "Johor", "37.5% of the plan's compute is outside Tier 1 (limit 25%)"));
        QVERIFY(mentions(w, "Johor", "Johor (MY, Tier 2): by Feb 2025"));
        QVERIFY(mentions(w, "Johor", "37.5% of the plan's compute is in MY"));
        QVERIFY(mentions(w, "Johor", "by Feb 2025"));
        for (const solver::Warning &x : w) {
            QCOMPARE(x.code, std::string("policy_breach"));
            QCOMPARE(x.site, std::string("Johor"));
        }
        QCOMPARE(w.size(), std::size_t(3)); // one per rule, at its first month
    }

    // Delivered in Jul 2025, after the rescission: nothing applies.
    void afterRescissionNothingApplies()
    {
        const Scenario s = plan({site(QStringLiteral("Johor"), QStringLiteral("MY"), 60000, Month::fromYearMonth(2025, 7))});
        QVERIFY(evaluate(s).empty());
        QVERIFY(evaluate(s, QDate(2025, 8, 1)).empty());
    }

    // Checked as of a day: 1 Apr 2025 (in force) sees the Feb delivery; 1 Jan 2025 does not.
    void asOfADate()
    {
        const Scenario s = plan({site(QStringLiteral("Johor"), QStringLiteral("MY"), 60000, Month::fromYearMonth(2025, 2))});
        QVERIFY(mentions(evaluate(s, QDate(2025, 4, 1)), "Johor", "against a cap of 49,901"));
        QVERIFY(evaluate(s, QDate(2025, 1, 1)).empty()); // before 15 Jan 2025
    }

    void tier3AndExemptionAndUnknownCountry()
    {
        // 1,000 H100 is an exempt small order for the cap, but Tier 3 bans any.
        const Scenario banned = plan({site(QStringLiteral("Shanghai"), QStringLiteral("CN"), 1000, Month::fromYearMonth(2025, 1))});
        QVERIFY(mentions(evaluate(banned), "Shanghai", "where none are allowed"));

        // 1,500 H100 in Malaysia: exempt from the cap (<= 1,700), but 100% outside Tier 1.
        const Scenario small = plan({site(QStringLiteral("Johor"), QStringLiteral("MY"), 1500, Month::fromYearMonth(2025, 1))});
        const auto w = evaluate(small);
        QVERIFY(!mentions(w, "Johor", "against a cap"));
        QVERIFY(mentions(w, "Johor", "outside Tier 1"));

        const Scenario unknown = plan({site(QStringLiteral("Somewhere"), QString(), 5000, Month::fromYearMonth(2025, 1))});
        const auto u = evaluate(unknown);
        QCOMPARE(u.size(), std::size_t(1));
        QCOMPARE(u.front().code, std::string("policy_unknown_country"));
    }

    void brokenPackNamesTheField()
    {
        QString error;
        QVERIFY(!readPolicyPacks(R"({"format":"clusterplan.policies","formatVersion":1,"packs":[{"id":"x","name":"X",
            "inForce":"2025-13-01","source":"s","asOf":"2025-01","confidence":"H","h100EquivalentBf16Tflops":989}]})",
                                 QStringLiteral("p.json"), &error));
        QVERIFY2(error.contains(QStringLiteral("p.json")) && error.contains(QStringLiteral("inForce")), qPrintable(error));
        QVERIFY(!readPolicyPacks(R"({"format":"clusterplan.policies","formatVersion":1,"packs":[{"id":"x","name":"X",
            "inForce":"2025-01-01","source":"s","asOf":"2025-01","confidence":"H","h100EquivalentBf16Tflops":989,
            "rules":[{"id":"r","kind":"teleport","label":"l","source":"s","confidence":"H"}]}]})",
                                 QStringLiteral("p.json"), &error));
        QVERIFY2(error.contains(QStringLiteral("rule 'r'")) && error.contains(QStringLiteral("kind")), qPrintable(error));
    }

    // Breaches reach the solve results as warnings.
    void solveIncludesPolicyWarnings()
    {
        const Scenario s = plan({site(QStringLiteral("Johor"), QStringLiteral("MY"), 60000, Month::fromYearMonth(2025, 2))});
        const auto solved = solveScenario(s, Catalog::builtIn(), Month::fromYearMonth(2026, 11));
        QVERIFY(solved->ok());
        QVERIFY(mentions(solved->result.warnings, "Johor", "against a cap of 49,901"));
    }
};

QTEST_GUILESS_MAIN(TestPolicy)
#include "tst_policy.moc"
