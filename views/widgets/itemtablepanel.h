#pragma once

#include "document/fieldpath.h"

#include <QWidget>

class QLabel;
class QTableView;
class QToolButton;

namespace cp {
class Catalog;
class ItemTableModel;
class ScenarioDocument;
} // namespace cp

namespace cp::views {

class InlineMessage;

// One of a site's lists as a spreadsheet-like table with its buttons: Add (Insert), Duplicate
// (Ctrl+D), Remove (Delete), Move up/down (Alt+Up/Down), Reset to default (Backspace), and
// rows copied, cut and pasted as tab-separated text (Ctrl+C, Ctrl+X, Ctrl+V) to and from any
// spreadsheet. A refused edit or paste is named in red under the table.
class ItemTablePanel final : public QWidget
{
    Q_OBJECT

public:
    ItemTablePanel(ItemList list, const Catalog &catalog, QWidget *parent = nullptr);

    void setSite(ScenarioDocument *document, int site);
    [[nodiscard]] ItemTableModel *model() const { return m_model; }
    [[nodiscard]] QTableView *view() const { return m_view; }
    // The Name column kept in view while the table is scrolled sideways (shown only then).
    [[nodiscard]] QTableView *frozenView() const { return m_frozen; }
    [[nodiscard]] QString message() const;

    // The selected rows, ascending; the current row when nothing is selected.
    [[nodiscard]] std::vector<int> selectedRows() const;
    // Selects the cell of `key` in `row` and scrolls it into view.
    void showField(int row, const QString &key);

    void addRow();
    void duplicateRows();
    void removeRows();
    void moveRow(int delta);
    void resetCells();
    void copyRows() const;
    void cutRows();
    // Ctrl+V: a single value (or a column of them) goes into the selected cells, as in a
    // spreadsheet; only whole rows (several cells a line, or a header line) add rows.
    void pasteRows();

signals:
    // The table gained focus: the Edit menu's cut, copy and paste act on it.
    void activated(cp::views::ItemTablePanel *panel);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateTitle();
    // Widens columns to their content (never narrows one the user widened): as rows come in,
    // a new scenario's table does not keep its empty widths ("50,..." for 50,000).
    void fitColumns();
    void updateFrozenColumn();
    void updateButtons();
    void showMessage(const QString &text);
    // Pastes `values` (one a line) into the selected cells, or down from the current one; one undo step.
    void pasteValues(const QStringList &values);
    QToolButton *addButton(const QString &text, const QString &tip, const QKeySequence &key,
                           void (ItemTablePanel::*slot)());

    ItemList m_list;
    ItemTableModel *m_model;
    QTableView *m_view;
    QTableView *m_frozen;
    QLabel *m_title;
    InlineMessage *m_message;
    QToolButton *m_add = nullptr;
    QToolButton *m_duplicate = nullptr;
    QToolButton *m_remove = nullptr;
    QToolButton *m_up = nullptr;
    QToolButton *m_down = nullptr;
};

} // namespace cp::views
