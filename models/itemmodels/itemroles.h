#pragma once

#include <Qt>

// Roles the scenario item models answer beyond Qt's own, so delegates and panels can ask a
// cell what it is without knowing which model it comes from.
namespace cp::roles {

enum : int {
    // bool: the cell shows a default (catalog or spec), not a value the user wrote.
    IsDefaultRole = Qt::UserRole + 1,
    // QString: the JSON path of the cell's field ("sites[0].power[1].leadTimeMonths"), or of
    // the place a warning is about.
    FieldPathRole,
    // qint64: the workspace's id of a scenario (workspace list).
    ScenarioIdRole,
    // int: a warning's severity (Severity below).
    SeverityRole,
    // double: a KPI's number as solved (NaN when there is none), for tests and charts.
    NumberRole,
    // cp::Month: where an empty month cell starts when stepped or picked (a retirement: the
    // item's arrival, its order month plus its likely lead time).
    EmptyMonthStartRole,
};

enum class Severity { Problem, Warning };

} // namespace cp::roles
