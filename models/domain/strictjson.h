#pragma once

#include <QAnyStringView>
#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace cp::io {

inline constexpr int kMaxJsonDepth = 64;
// Values (numbers, texts, lists, objects...) in one document: a plan at the product's limits has
// well under a million; the bound keeps a 64 MiB file of "0,0,0..." from taking gigabytes.
inline constexpr std::size_t kMaxJsonValues = 3'000'000;

struct StrictJsonError {
    QString path;    // where the problem is, e.g. "sites[0].power[1].capacityMw"; empty at the top
    QString message; // what is wrong, for a planner
};

// Parses JSON text into a document, stricter than plain JSON: a key that appears twice in one
// object is refused (which of the two was meant is ambiguous), as is nesting deeper than
// maxDepth (arrays and objects; the parser never recurses, so deep input cannot exhaust the
// stack), more than kMaxJsonValues values, and a number too large for a double (1e999). Returns nullopt and fills *error on the
// first problem found.
[[nodiscard]] std::optional<nlohmann::json> parseStrictJson(const QByteArray &bytes, StrictJsonError *error,
                                                            int maxDepth = kMaxJsonDepth);

// "sites[2].power" + "name" -> "sites[2].power.name"; "" + "name" -> "name".
[[nodiscard]] QString jsonPathKey(const QString &parent, QAnyStringView key);
// "sites" + 2 -> "sites[2]".
[[nodiscard]] QString jsonPathIndex(const QString &parent, qsizetype index);

} // namespace cp::io
