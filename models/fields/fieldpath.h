#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// The address of one field of a scenario, so an edit, a validation problem or a warning can
// name it and the editor can take the user there. Converts to and from its JSON path
// ("sites[0].power[1].leadTimeMonths", docs/scenario-format.md, section 7).
namespace cp {

// The three item lists of a site.
enum class ItemList { Compute, Power, Cooling };

// "compute", "power", "cooling": the list's key in the JSON document.
[[nodiscard]] QString itemListKey(ItemList list);

struct FieldPath {
    enum class Scope {
        Scenario, // "name", "startMonth", ...
        Assumptions, // "assumptions.discountRatePct", "assumptions.depreciationYears.compute"
        Site, // "sites[0].pue"
        Facility, // "sites[0].facility.itCapacityMw"
        Item, // "sites[0].power[1].leadTimeMonths"
    };

    Scope scope = Scope::Scenario;
    int site = -1; // every scope from Site on
    ItemList list = ItemList::Compute; // Scope::Item only
    int row = -1; // Scope::Item only
    // The JSON key within that object ("depreciationYears.compute" for the nested assumption);
    // empty for the object itself (a whole site, facility or row).
    QString key;

    [[nodiscard]] static FieldPath scenario(const QString &key)
    {
        return {Scope::Scenario, -1, ItemList::Compute, -1, key};
    }
    [[nodiscard]] static FieldPath assumptions(const QString &key)
    {
        return {Scope::Assumptions, -1, ItemList::Compute, -1, key};
    }
    [[nodiscard]] static FieldPath ofSite(int site, const QString &key = QString())
    {
        return {Scope::Site, site, ItemList::Compute, -1, key};
    }
    [[nodiscard]] static FieldPath facility(int site, const QString &key = QString())
    {
        return {Scope::Facility, site, ItemList::Compute, -1, key};
    }
    [[nodiscard]] static FieldPath item(int site, ItemList list, int row, const QString &key = QString())
    {
        return {Scope::Item, site, list, row, key};
    }

    // The same place without the key: the row, the facility, the site.
    [[nodiscard]] FieldPath object() const
    {
        FieldPath path = *this;
        path.key.clear();
        return path;
    }

    [[nodiscard]] QString toJsonPath() const;
    // Any path the format and validateScenario write; nullopt for anything else (negative or
    // malformed indices, unknown sections).
    [[nodiscard]] static std::optional<FieldPath> fromJsonPath(QStringView path);

    friend bool operator==(const FieldPath &, const FieldPath &) = default;
};

} // namespace cp
