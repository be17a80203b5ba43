#pragma once

#include "fields/fieldpath.h"
#include "document/scenariodocument.h"
#include "fields/scenarioitems.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QStringList>

#include <vector>

namespace cp {

class ScenarioDocument;
struct FieldInfo;
struct ScenarioChange;

// One of a site's lists (compute tranches, power sources or cooling plants) as a table: a
// column per field (units in the headers), a row per item. Edits go through the document as
// undo commands; a refused edit changes nothing and editRefused() says why. Fields left empty
// show their default in italics (IsDefaultRole) with its catalog source and date as tooltip.
//
// The model keeps its own copy of the rows and follows the document's changed() signal step
// by step, so views always see a consistent table between begin and end of every change.
class ItemTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit ItemTableModel(ItemList list, QObject *parent = nullptr);

    // Shows `site` of `document` (nullptr: nothing).
    void setSite(ScenarioDocument *document, int site);
    [[nodiscard]] ScenarioDocument *document() const { return m_document; }
    [[nodiscard]] int site() const { return m_site; }
    [[nodiscard]] ItemList list() const { return m_list; }
    [[nodiscard]] const FieldInfo &field(int column) const;
    [[nodiscard]] int columnOf(const QString &key) const; // -1 when the list has no such field
    [[nodiscard]] FieldPath pathOf(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Takes the field's own value type (see scenariofields.h) or text, which is parsed as a
    // planner would type it ("100,000", "Mar 2025", "4; 5; 7"). An invalid QVariant clears an
    // optional field back to its default.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    // Why setData(index, value) would be refused (as the field alone sees it), or empty.
    [[nodiscard]] QString checkData(const QModelIndex &index, const QVariant &value) const;

    // The rows as tab-separated text with a header line, as a spreadsheet takes them. Empty
    // cells are fields left to their default.
    [[nodiscard]] QString rowsAsTsv(std::vector<int> rows) const;

    struct PasteResult {
        bool ok = false;
        int firstRow = -1; // where the rows went
        int rowCount = 0;
        QStringList problems; // "Line 3, Count: must be a whole number ...": nothing was pasted when any
    };
    // Inserts the rows of tab-separated text at `row` as one undo step. The first line may be
    // a header naming the columns (labels or spec keys, in any order); else cells go to the
    // columns in order. Every value is checked; names already used in the site get " (2)",
    // rows without a name are called "Pasted row".
    PasteResult pasteTsv(const QString &text, int row);

signals:
    void editRefused(const QModelIndex &index, const QString &reason);

private:
    void onChanged(const ScenarioChange &change);
    void refreshLinkedRows(); // rows another change moved (linked dates); each changed row redrawn
    void reload();
    [[nodiscard]] ScenarioItem resolvedItem(int row) const;

    ItemList m_list;
    QPointer<ScenarioDocument> m_document;
    int m_site = -1;
    std::vector<ScenarioItem> m_rows; // as written
    std::vector<ScenarioItem> m_resolved; // defaults filled
    QMetaObject::Connection m_connection;
};

} // namespace cp
