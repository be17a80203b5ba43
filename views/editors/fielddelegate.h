#pragma once

#include <QStyledItemDelegate>

namespace cp {
class Catalog;
}

namespace cp::views {

// Edits any scenario table cell with the field's own editor (unit spin box, month edit,
// three-point edit, pick list), found through the cell's FieldPathRole. What the editor holds
// goes to the model with setData; the model and the document decide whether it is taken.
class FieldDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit FieldDelegate(const Catalog &catalog, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;

protected:
    // Enter on a value the model refuses keeps the editor open with what the user typed (the
    // table says why); a three-point range out of order marks the box to fix.
    bool eventFilter(QObject *object, QEvent *event) override;

private:
    const Catalog &m_catalog;
};

} // namespace cp::views
