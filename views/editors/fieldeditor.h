#pragma once

#include <QVariant>

#include <functional>

class QObject;
class QWidget;

namespace cp {
class Catalog;
struct FieldInfo;
} // namespace cp

// The editor widget for a field of any kind (scenariofields.h): a line edit for text, a unit
// spin box for numbers, a month edit, a three-point edit or a pick list. Forms and the table
// delegate both make their editors here, so a field edits the same way everywhere.
namespace cp::views {

[[nodiscard]] QWidget *createFieldEditor(const FieldInfo &info, const Catalog &catalog, QWidget *parent);
// An invalid value shows the editor empty ("default", "none") where the field allows it.
void setFieldEditorValue(QWidget *editor, const FieldInfo &info, const QVariant &value);
// The value in the field's own type; invalid when the user cleared an optional field.
[[nodiscard]] QVariant fieldEditorValue(const QWidget *editor, const FieldInfo &info);
// Calls `commit` when the user has finished a change: Enter or leaving a text or number,
// picking from a list, an arrow step. Changes made with setFieldEditorValue() call it too:
// guard against that where it matters.
void onFieldEditorCommitted(QWidget *editor, const FieldInfo &info, QObject *context,
                            const std::function<void()> &commit);

} // namespace cp::views
