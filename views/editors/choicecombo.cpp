#include "editors/choicecombo.h"

#include "catalog/catalog.h"
#include "format/units.h"

namespace cp::views {

namespace {

QString acceleratorTip(const AcceleratorSpec &spec)
{
    QString tip = QStringLiteral("<b>%1</b> (%2)<br>BF16 %3 TFLOPS dense, %4 kW IT each")
                      .arg(spec.displayName.toHtmlEscaped(), spec.vendor.toHtmlEscaped(),
                           groupedNumber(spec.bf16Tflops.value, 0), groupedNumber(spec.itKwPerAccelerator.value, 3));
    if (spec.unitCapexUsd)
        tip += QObject::tr("<br>%1 per accelerator installed<br>Source: %2")
                   .arg(format::usd(spec.unitCapexUsd->value), spec.unitCapexUsd->provenance().toHtmlEscaped());
    else
        tip += QObject::tr("<br>Cloud only: rented at %1 per hour")
                   .arg(format::usd(spec.rentUsdPerAcceleratorHour.value));
    return tip;
}

} // namespace

ChoiceCombo::ChoiceCombo(ChoiceSet set, const Catalog &catalog, QWidget *parent)
    : QComboBox(parent)
{
    for (const Choice &choice : choicesOf(set, catalog)) {
        addItem(choice.label, choice.value);
        if (set == ChoiceSet::Accelerators)
            if (const AcceleratorSpec *spec = catalog.accelerator(choice.value))
                setItemData(count() - 1, acceleratorTip(*spec), Qt::ToolTipRole);
    }
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
}

QString ChoiceCombo::value() const
{
    return currentData().toString();
}

void ChoiceCombo::setValue(const QString &value)
{
    setCurrentIndex(findData(value));
}

} // namespace cp::views
