#pragma once

#include "document/fieldpath.h"
#include "document/scenariodocument.h"
#include "document/scenariofields.h"

#include <QPointer>
#include <QWidget>

#include <vector>

class QGridLayout;
class QLabel;
class QToolButton;

namespace cp {
class Catalog;
class ScenarioDocument;
struct ScenarioChange;
} // namespace cp

namespace cp::views {

class InlineMessage;

// A form over some fields of one scope of a scenario (the assumptions, a site, its facility):
// a label and an editor per field, in the columns given. Each finished edit is one document
// command; a refused one puts the field back and shows the reason under it. Fields left to
// their default show the default in italics with its source in the tooltip, and a reset
// button appears beside a field the user has overridden.
class FieldForm final : public QWidget
{
    Q_OBJECT

public:
    // `columns`: the fields' keys, column by column; empty: every field of the scope in one column.
    FieldForm(FieldPath::Scope scope, const QList<QStringList> &columns, const Catalog &catalog,
              QWidget *parent = nullptr);

    // The document and, for the Site and Facility scopes, the site the form shows.
    void setTarget(ScenarioDocument *document, int site = -1);
    [[nodiscard]] QWidget *editor(const QString &key) const;
    // The refusal shown under the field; empty when none.
    [[nodiscard]] QString message(const QString &key) const;
    bool focusField(const QString &key);
    // The one-click catalog suggestion beside a field, when it has one (the value of compute:
    // the catalog's rent for the plan's most numerous accelerator); null otherwise.
    [[nodiscard]] QToolButton *suggestion(const QString &key) const;

private:
    struct Row {
        FieldInfo info;
        QLabel *label = nullptr;
        QWidget *editor = nullptr;
        QToolButton *reset = nullptr;
        QToolButton *suggest = nullptr; // a catalog value offered, never applied silently
        QWidget *cell = nullptr; // the editor and its reset button: hidden when the field does not apply
        InlineMessage *message = nullptr;
    };

    [[nodiscard]] FieldPath pathOf(const Row &row) const;
    [[nodiscard]] bool hasTarget() const;
    void commit(Row &row);
    void refresh(Row &row);
    void refreshSuggestion(Row &row);
    void refreshAll();
    void onChanged(const ScenarioChange &change);

    FieldPath::Scope m_scope;
    const Catalog &m_catalog;
    std::vector<Row> m_rows;
    QPointer<ScenarioDocument> m_document;
    int m_site = -1;
    QMetaObject::Connection m_connection;
    bool m_updating = false;
};

} // namespace cp::views
