#include "editors/fielddelegate.h"

#include "document/scenariofields.h"
#include "editors/choicecombo.h"
#include "editors/fieldeditor.h"
#include "editors/monthedit.h"
#include "editors/threepointedit.h"
#include "itemmodels/itemroles.h"

#include <QAbstractSpinBox>
#include <QKeyEvent>
#include <QPersistentModelIndex>

namespace cp::views {

namespace {

const char *const kIndexProperty = "cpEditedIndex"; // the cell an editor edits

const FieldInfo *infoOf(const QModelIndex &index)
{
    const auto path = FieldPath::fromJsonPath(index.data(roles::FieldPathRole).toString());
    return path ? fieldInfo(*path) : nullptr;
}

} // namespace

FieldDelegate::FieldDelegate(const Catalog &catalog, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_catalog(catalog)
{
}

QWidget *FieldDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    const FieldInfo *info = infoOf(index);
    if (!info)
        return QStyledItemDelegate::createEditor(parent, option, index);
    QWidget *editor = createFieldEditor(*info, m_catalog, parent);
    if (auto *box = qobject_cast<QAbstractSpinBox *>(editor))
        box->setFrame(false);
    if (auto *combo = qobject_cast<ChoiceCombo *>(editor)) {
        // A pick is the whole edit: take it and close.
        connect(combo, &QComboBox::activated, this, [this, combo] {
            auto *self = const_cast<FieldDelegate *>(this);
            emit self->commitData(combo);
            emit self->closeEditor(combo);
        });
    }
    editor->setAutoFillBackground(true);
    editor->setProperty(kIndexProperty, QVariant::fromValue(QPersistentModelIndex(index)));
    return editor;
}

void FieldDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (const FieldInfo *info = infoOf(index)) {
        if (auto *month = qobject_cast<MonthEdit *>(editor)) {
            const QVariant start = index.data(roles::EmptyMonthStartRole);
            month->setEmptyStart(start.isValid() ? std::optional(start.value<Month>()) : std::nullopt);
        }
        setFieldEditorValue(editor, *info, index.data(Qt::EditRole));
    } else
        QStyledItemDelegate::setEditorData(editor, index);
}

void FieldDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (const FieldInfo *info = infoOf(index))
        model->setData(index, fieldEditorValue(editor, *info), Qt::EditRole);
    else
        QStyledItemDelegate::setModelData(editor, model, index);
}

bool FieldDelegate::eventFilter(QObject *object, QEvent *event)
{
    auto *editor = qobject_cast<QWidget *>(object);
    if (editor && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        const auto index = editor->property(kIndexProperty).value<QPersistentModelIndex>();
        const FieldInfo *info = index.isValid() ? infoOf(index) : nullptr;
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && info) {
            // The typed text becomes the value first (the spin box would do it after us).
            if (auto *box = qobject_cast<QAbstractSpinBox *>(editor))
                box->interpretText();
            for (QAbstractSpinBox *box : editor->findChildren<QAbstractSpinBox *>())
                box->interpretText();
            auto *model = const_cast<QAbstractItemModel *>(index.model());
            auto *range = qobject_cast<ThreePointEdit *>(editor);
            if (!model->setData(index, fieldEditorValue(editor, *info), Qt::EditRole)) {
                if (range)
                    range->markOutOfOrder(range->isOutOfOrder());
                return true; // stays open: fix it, or Escape to drop it
            }
            if (range)
                range->markOutOfOrder(false);
            emit closeEditor(editor, QAbstractItemDelegate::NoHint);
            return true;
        }
    }
    return QStyledItemDelegate::eventFilter(object, event);
}

void FieldDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &) const
{
    // A three-point edit or a long pick list may be wider than its column: let it overhang.
    QRect rect = option.rect;
    rect.setWidth(std::max(rect.width(), editor->sizeHint().width()));
    rect.setHeight(std::max(rect.height(), editor->sizeHint().height()));
    editor->setGeometry(rect);
}

} // namespace cp::views
