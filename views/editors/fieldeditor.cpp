#include "editors/fieldeditor.h"

#include "document/scenariofields.h"
#include "editors/choicecombo.h"
#include "editors/monthedit.h"
#include "editors/threepointedit.h"
#include "editors/unitspinbox.h"

#include <QLineEdit>

namespace cp::views {

QWidget *createFieldEditor(const FieldInfo &info, const Catalog &catalog, QWidget *parent)
{
    switch (info.type) {
    case FieldType::Text: {
        auto *edit = new QLineEdit(parent);
        edit->setClearButtonEnabled(false);
        return edit;
    }
    case FieldType::Number:
    case FieldType::WholeNumber: {
        auto *box = new UnitSpinBox(parent);
        box->setField(info);
        return box;
    }
    case FieldType::Month: {
        auto *edit = new MonthEdit(parent);
        edit->setOptional(info.optional, QObject::tr("none"));
        return edit;
    }
    case FieldType::ThreePointEstimate: {
        auto *edit = new ThreePointEdit(parent);
        edit->setField(info);
        return edit;
    }
    case FieldType::Choice:
        return new ChoiceCombo(info.choices, catalog, parent);
    }
    return nullptr;
}

void setFieldEditorValue(QWidget *editor, const FieldInfo &info, const QVariant &value)
{
    switch (info.type) {
    case FieldType::Text: {
        auto *edit = static_cast<QLineEdit *>(editor);
        edit->setText(value.toString());
        edit->setCursorPosition(0); // a long description shows its beginning
        return;
    }
    case FieldType::Number:
    case FieldType::WholeNumber: {
        auto *box = static_cast<UnitSpinBox *>(editor);
        if (value.isValid())
            box->setValue(value.toDouble());
        else
            box->clearValue();
        return;
    }
    case FieldType::Month:
        static_cast<MonthEdit *>(editor)->setMonth(value.isValid() ? std::optional(value.value<Month>())
                                                                   : std::nullopt);
        return;
    case FieldType::ThreePointEstimate: {
        auto *edit = static_cast<ThreePointEdit *>(editor);
        if (value.isValid())
            edit->setValue(value.value<ThreePoint>());
        else
            edit->clearValue();
        return;
    }
    case FieldType::Choice:
        static_cast<ChoiceCombo *>(editor)->setValue(value.toString());
        return;
    }
}

QVariant fieldEditorValue(const QWidget *editor, const FieldInfo &info)
{
    switch (info.type) {
    case FieldType::Text:
        return static_cast<const QLineEdit *>(editor)->text();
    case FieldType::Number:
    case FieldType::WholeNumber: {
        const auto *box = static_cast<const UnitSpinBox *>(editor);
        return box->isCleared() ? QVariant() : QVariant(box->value());
    }
    case FieldType::Month: {
        const auto month = static_cast<const MonthEdit *>(editor)->month();
        return month ? QVariant::fromValue(*month) : QVariant();
    }
    case FieldType::ThreePointEstimate: {
        const auto *edit = static_cast<const ThreePointEdit *>(editor);
        return edit->isCleared() ? QVariant() : QVariant::fromValue(edit->value());
    }
    case FieldType::Choice:
        return static_cast<const ChoiceCombo *>(editor)->value();
    }
    return {};
}

void onFieldEditorCommitted(QWidget *editor, const FieldInfo &info, QObject *context,
                            const std::function<void()> &commit)
{
    switch (info.type) {
    case FieldType::Text:
        QObject::connect(static_cast<QLineEdit *>(editor), &QLineEdit::editingFinished, context, commit);
        return;
    case FieldType::Number:
    case FieldType::WholeNumber:
        // Keyboard tracking is off: this fires on Enter, on leaving the box and on arrow steps.
        QObject::connect(static_cast<UnitSpinBox *>(editor), &QDoubleSpinBox::valueChanged, context, commit);
        return;
    case FieldType::Month:
        QObject::connect(static_cast<MonthEdit *>(editor), &QDateEdit::dateChanged, context, commit);
        return;
    case FieldType::ThreePointEstimate:
        QObject::connect(static_cast<ThreePointEdit *>(editor), &ThreePointEdit::edited, context, commit);
        return;
    case FieldType::Choice:
        QObject::connect(static_cast<ChoiceCombo *>(editor), &QComboBox::activated, context, commit);
        return;
    }
}

} // namespace cp::views
