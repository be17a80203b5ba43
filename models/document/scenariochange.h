#pragma once

#include "fields/fieldpath.h"

// What one step of an edit did to a scenario, sent after the scenario changed. Item models
// adapt it to dataChanged, rowsInserted, rowsRemoved and rowsMoved; forms refresh the field.
namespace cp {

struct ScenarioChange {
    enum class Kind {
        FieldChanged, // path: the field (a name, a count, a lead time, ...)
        ItemsInserted, // path: site, list, first row; `count` rows
        ItemsRemoved, // path: site, list, first row as it was; `count` rows
        ItemMoved, // path: site, list, row it was at; `to`: the row it is at now
        SiteInserted, // path.site
        SiteRemoved, // path.site as it was
        SiteMoved, // path.site it was at; `to`: where it is now
    };
    Kind kind = Kind::FieldChanged;
    FieldPath path;
    int count = 1;
    int to = -1;
};

} // namespace cp
