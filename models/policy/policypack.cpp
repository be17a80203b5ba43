#include "policy/policypack.h"

#include "domain/strictjson.h"

#include <QFile>

namespace cp {

namespace {

using nlohmann::json;

struct Reader {
    QString file;
    QString *error;

    bool fail(const QString &where, const QString &what) const
    {
        if (error)
            *error = file + QStringLiteral(": ") + where + QStringLiteral(": ") + what;
        return false;
    }
    bool text(const json &object, const char *key, const QString &where, QString *out, bool required = true) const
    {
        const auto it = object.find(key);
        if (it == object.end())
            return !required || fail(where, QStringLiteral("'%1' is missing").arg(QLatin1String(key)));
        if (!it->is_string())
            return fail(where, QStringLiteral("'%1' must be text").arg(QLatin1String(key)));
        *out = QString::fromStdString(it->get<std::string>());
        return true;
    }
    bool number(const json &object, const char *key, const QString &where, double *out, bool required = true) const
    {
        const auto it = object.find(key);
        if (it == object.end())
            return !required || fail(where, QStringLiteral("'%1' is missing").arg(QLatin1String(key)));
        if (!it->is_number() || it->get<double>() < 0)
            return fail(where, QStringLiteral("'%1' must be a number >= 0").arg(QLatin1String(key)));
        *out = it->get<double>();
        return true;
    }
    bool date(const json &object, const char *key, const QString &where, QDate *out) const
    {
        QString value;
        if (!text(object, key, where, &value))
            return false;
        *out = QDate::fromString(value, Qt::ISODate);
        return out->isValid() || fail(where, QStringLiteral("'%1' must be a date YYYY-MM-DD").arg(QLatin1String(key)));
    }
};

std::optional<PolicyRuleKind> ruleKind(const std::string &name)
{
    if (name == "tier_ban")
        return PolicyRuleKind::TierBan;
    if (name == "country_cap")
        return PolicyRuleKind::CountryCap;
    if (name == "small_order_exemption")
        return PolicyRuleKind::SmallOrderExemption;
    if (name == "share_outside_tier")
        return PolicyRuleKind::ShareOutsideTier;
    if (name == "share_single_country")
        return PolicyRuleKind::ShareSingleCountry;
    return std::nullopt;
}

} // namespace

int PolicyPack::tierOf(const QString &country) const
{
    for (const PolicyTier &t : tiers)
        if (t.countries.contains(country))
            return t.tier;
    return defaultTier;
}

QString PolicyPack::tierLabel(int tier) const
{
    for (const PolicyTier &t : tiers)
        if (t.tier == tier)
            return t.label;
    return tierName(tier);
}

QString PolicyPack::tierName(int tier)
{
    return QStringLiteral("Tier %1").arg(tier);
}

bool PolicyPack::inForceOn(QDate day) const
{
    return day >= inForce && (!rescinded || day < *rescinded);
}

bool PolicyPack::inForceDuring(int year, int month) const
{
    const QDate first(year, month, 1);
    const QDate last = first.addMonths(1).addDays(-1);
    return last >= inForce && (!rescinded || first < *rescinded);
}

std::optional<std::vector<PolicyPack>> readPolicyPacks(const QByteArray &bytes, const QString &file, QString *error)
{
    io::StrictJsonError jsonError;
    const std::optional<json> doc = io::parseStrictJson(bytes, &jsonError);
    const Reader r{file, error};
    if (!doc) {
        r.fail(jsonError.path.isEmpty() ? QStringLiteral("document") : jsonError.path, jsonError.message);
        return std::nullopt;
    }
    if (!doc->is_object() || doc->value("format", std::string()) != "clusterplan.policies" || doc->value("formatVersion", 0) != 1) {
        r.fail(QStringLiteral("document"), QStringLiteral("not a clusterplan.policies file of format version 1"));
        return std::nullopt;
    }
    const auto packs = doc->find("packs");
    if (packs == doc->end() || !packs->is_array()) {
        r.fail(QStringLiteral("packs"), QStringLiteral("must be a list of policy packs"));
        return std::nullopt;
    }
    std::vector<PolicyPack> out;
    for (std::size_t p = 0; p < packs->size(); ++p) {
        const json &pj = (*packs)[p];
        QString where = QStringLiteral("packs[%1]").arg(p);
        if (!pj.is_object()) {
            r.fail(where, QStringLiteral("must be an object"));
            return std::nullopt;
        }
        PolicyPack pack;
        if (!r.text(pj, "id", where, &pack.id))
            return std::nullopt;
        where = QStringLiteral("pack '%1'").arg(pack.id);
        QDate rescinded;
        if (!r.text(pj, "name", where, &pack.name) || !r.date(pj, "inForce", where, &pack.inForce)
            || !r.text(pj, "source", where, &pack.source) || !r.text(pj, "asOf", where, &pack.asOf)
            || !r.text(pj, "confidence", where, &pack.confidence) || !r.text(pj, "note", where, &pack.note, false)
            || !r.number(pj, "h100EquivalentBf16Tflops", where, &pack.h100EquivalentBf16Tflops))
            return std::nullopt;
        if (pj.contains("rescinded")) {
            if (!r.date(pj, "rescinded", where, &rescinded))
                return std::nullopt;
            pack.rescinded = rescinded;
        }
        if (pack.h100EquivalentBf16Tflops <= 0) {
            r.fail(where, QStringLiteral("'h100EquivalentBf16Tflops' must be above 0"));
            return std::nullopt;
        }
        pack.defaultTier = pj.value("defaultTier", 2);
        for (const json &tj : pj.value("tiers", json::array())) {
            PolicyTier tier;
            tier.tier = tj.value("tier", 0);
            r.text(tj, "label", where, &tier.label, false);
            for (const json &c : tj.value("countries", json::array()))
                if (c.is_string())
                    tier.countries << QString::fromStdString(c.get<std::string>());
            pack.tiers.push_back(tier);
        }
        for (const json &rj : pj.value("rules", json::array())) {
            PolicyRule rule;
            if (!r.text(rj, "id", where, &rule.id))
                return std::nullopt;
            const QString ruleWhere = where + QStringLiteral(", rule '%1'").arg(rule.id);
            const auto kind = ruleKind(rj.value("kind", std::string()));
            if (!kind) {
                r.fail(ruleWhere, QStringLiteral("unknown 'kind'"));
                return std::nullopt;
            }
            rule.kind = *kind;
            rule.tier = rj.value("tier", 0);
            if (!r.text(rj, "label", ruleWhere, &rule.label) || !r.text(rj, "source", ruleWhere, &rule.source)
                || !r.text(rj, "confidence", ruleWhere, &rule.confidence))
                return std::nullopt;
            const bool needsCap = rule.kind == PolicyRuleKind::CountryCap;
            const bool needsOrder = rule.kind == PolicyRuleKind::SmallOrderExemption;
            const bool needsPct = rule.kind == PolicyRuleKind::ShareOutsideTier || rule.kind == PolicyRuleKind::ShareSingleCountry;
            if (!r.number(rj, "capH100e", ruleWhere, &rule.capH100e, needsCap)
                || !r.number(rj, "maxH100ePerOrder", ruleWhere, &rule.maxH100ePerOrder, needsOrder)
                || !r.number(rj, "maxPct", ruleWhere, &rule.maxPct, needsPct))
                return std::nullopt;
            pack.rules.push_back(rule);
        }
        out.push_back(std::move(pack));
    }
    return out;
}

const std::vector<PolicyPack> &builtInPolicyPacks()
{
    static const std::vector<PolicyPack> packs = [] {
        const QString path = QStringLiteral(":/catalog/policies.json");
        QFile file(path);
        QString error;
        std::optional<std::vector<PolicyPack>> read;
        if (file.open(QIODevice::ReadOnly))
            read = readPolicyPacks(file.readAll(), QStringLiteral("policies.json"), &error);
        else
            error = QStringLiteral("policies.json: not compiled into the application");
        if (!read)
            qFatal("ClusterPlan's built-in policy catalog is broken: %s", qPrintable(error));
        return *read;
    }();
    return packs;
}

} // namespace cp
