#pragma once

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

// Export-control and capacity rules as dated data (data/catalog/policies.json): a pack has a
// name, the dates it was in force, country tiers and rules with caps, each with its source.
// The first pack is the 2025 US Framework for AI Diffusion (in force 15 Jan 2025, rescinded
// 13 May 2025). New packs are data, not code, as long as they use the rule kinds below.
namespace cp {

enum class PolicyRuleKind {
    TierBan,            // no accelerators at all in countries of `tier`
    CountryCap,         // at most capH100e per country of `tier` (exempt orders not counted)
    SmallOrderExemption, // orders of at most maxH100ePerOrder are not counted against caps
    ShareOutsideTier,   // at most maxPct of all compute outside countries of `tier`
    ShareSingleCountry, // at most maxPct of all compute in any one country of `tier`
};

struct PolicyRule {
    QString id;
    PolicyRuleKind kind = PolicyRuleKind::TierBan;
    int tier = 0;
    double capH100e = 0.0;
    double maxH100ePerOrder = 0.0;
    double maxPct = 100.0;
    QString label;
    QString source;
    QString confidence;
};

struct PolicyTier {
    int tier = 0;
    QString label;
    QStringList countries; // ISO 3166 alpha-2
};

struct PolicyPack {
    QString id;
    QString name;
    QDate inForce;
    std::optional<QDate> rescinded; // the first day it no longer applies
    QString source;
    QString asOf;
    QString confidence;
    QString note;
    double h100EquivalentBf16Tflops = 989.0; // an accelerator counts as bf16Tflops / this H100s
    std::vector<PolicyTier> tiers;
    int defaultTier = 2;
    std::vector<PolicyRule> rules;

    [[nodiscard]] int tierOf(const QString &country) const;
    [[nodiscard]] QString tierLabel(int tier) const;          // "Tier 1 (essentially unrestricted)"
    [[nodiscard]] static QString tierName(int tier);          // "Tier 1"
    // In force on any day of the month (year, month 1..12)?
    [[nodiscard]] bool inForceDuring(int year, int month) const;
    [[nodiscard]] bool inForceOn(QDate day) const;
};

// Reads a policies file; on a problem returns nullopt and names the file, pack and field in *error.
[[nodiscard]] std::optional<std::vector<PolicyPack>> readPolicyPacks(const QByteArray &bytes, const QString &file,
                                                                     QString *error);

// The packs shipped in data/catalog/policies.json (compiled in), loaded once.
[[nodiscard]] const std::vector<PolicyPack> &builtInPolicyPacks();

} // namespace cp
