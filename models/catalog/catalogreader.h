#pragma once

#include "catalog/catalog.h"

#include <QString>

#include <optional>

namespace cp {

// Reads and checks the catalog files of one directory. Every value must carry a unit, a source,
// a month, a confidence and the estimate flag, with low <= value <= high; every kind the format
// (docs/scenario-format.md) names must be present once. Errors name the file, the entry and the field.
class CatalogReader
{
public:
    [[nodiscard]] static std::optional<Catalog> read(const QString &dir, QString *error);
};

} // namespace cp
