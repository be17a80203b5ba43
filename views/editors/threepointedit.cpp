#include "editors/threepointedit.h"

#include "document/scenariofields.h"
#include "editors/unitspinbox.h"

#include <QGridLayout>
#include <QLabel>
#include <QPalette>

namespace cp::views {

namespace {

QLabel *muted(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

// "$/MW" -> "per MW", "months" -> "months", "$" -> "": the unit once after the three numbers
// (the boxes carry the "$").
QString unitText(const QString &unit)
{
    if (unit == u"$")
        return QString();
    if (unit.startsWith(QStringLiteral("$/")))
        return QObject::tr("per %1").arg(unit.mid(2));
    return unit;
}

} // namespace

ThreePointEdit::ThreePointEdit(QWidget *parent)
    : QWidget(parent)
    , m_low(new UnitSpinBox(this))
    , m_mode(new UnitSpinBox(this))
    , m_high(new UnitSpinBox(this))
    , m_unit(muted(QString(), this))
{
    setFocusPolicy(Qt::StrongFocus);
    setFocusProxy(m_mode);
    setAutoFillBackground(true);
    // "low / likely / high" in small print over the boxes, so "4 <= 6 <= 9" reads at a glance.
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(3);
    layout->setVerticalSpacing(0);
    m_low->setObjectName(QStringLiteral("low"));
    m_mode->setObjectName(QStringLiteral("mode"));
    m_high->setObjectName(QStringLiteral("high"));
    m_low->setToolTip(tr("Low: the earliest or cheapest it could plausibly be (risk runs)"));
    m_mode->setToolTip(tr("Likely: the value the plan uses"));
    m_high->setToolTip(tr("High: the latest or dearest it could plausibly be (risk runs)"));
    m_low->setAccessibleName(tr("low"));
    m_mode->setAccessibleName(tr("likely"));
    m_high->setAccessibleName(tr("high"));
    int column = 0;
    for (UnitSpinBox *box : {m_low, m_mode, m_high}) {
        if (column > 0)
            layout->addWidget(muted(QStringLiteral("≤"), this), 1, column++);
        QLabel *caption = muted(box->accessibleName(), this);
        caption->setObjectName(box->objectName() + QStringLiteral("Caption"));
        QFont small = caption->font();
        small.setPointSizeF(small.pointSizeF() * 0.8);
        caption->setFont(small);
        layout->addWidget(caption, 0, column, Qt::AlignHCenter | Qt::AlignBottom);
        layout->addWidget(box, 1, column++);
    }
    layout->addWidget(m_unit, 1, column++);
    layout->setColumnStretch(column, 1);
    setTabOrder(m_low, m_mode);
    setTabOrder(m_mode, m_high);

    connect(m_mode, &QDoubleSpinBox::valueChanged, this, &ThreePointEdit::modeChanged);
    for (UnitSpinBox *box : {m_low, m_high})
        connect(box, &QDoubleSpinBox::valueChanged, this, [this, box] {
            if (m_updating)
                return;
            m_lastEdited = box;
            emit edited();
        });
}

void ThreePointEdit::setField(const FieldInfo &info)
{
    for (UnitSpinBox *box : {m_low, m_mode, m_high}) {
        box->setField(info);
        box->setSuffix(QString());
        box->setButtonSymbols(QAbstractSpinBox::NoButtons); // the arrow keys still step
        // An optional estimate left empty shows three dashes; the form or table says what applies.
        box->setClearable(info.optional, QStringLiteral("\u2014"));
    }
    // "Build cost per MW IT" says its unit already; the boxes need the room.
    m_unit->setText(info.label.contains(QStringLiteral(" per ")) ? QString() : unitText(info.unit));
    m_unit->setVisible(!m_unit->text().isEmpty());
}

solver::ThreePoint ThreePointEdit::value() const
{
    return {m_low->value(), m_mode->value(), m_high->value()};
}

void ThreePointEdit::clearValue()
{
    m_updating = true;
    for (UnitSpinBox *box : {m_low, m_mode, m_high})
        box->clearValue();
    m_updating = false;
    m_lastMode = m_mode->value();
}

void ThreePointEdit::setValue(const solver::ThreePoint &value)
{
    m_updating = true;
    m_low->setValue(value.low);
    m_mode->setValue(value.mode);
    m_high->setValue(value.high);
    m_updating = false;
    m_lastMode = value.mode;
}

bool ThreePointEdit::isCleared() const
{
    return m_mode->isCleared();
}

void ThreePointEdit::modeChanged()
{
    if (m_updating)
        return;
    // A fixed value stays fixed: low and high move with the mode.
    if (!isCleared() && m_low->value() == m_lastMode && m_high->value() == m_lastMode) {
        m_updating = true;
        m_low->setValue(m_mode->value());
        m_high->setValue(m_mode->value());
        m_updating = false;
    }
    m_lastMode = m_mode->value();
    m_lastEdited = m_mode;
    emit edited();
}

bool ThreePointEdit::isOutOfOrder() const
{
    return !isCleared() && (m_low->value() > m_mode->value() || m_mode->value() > m_high->value());
}

void ThreePointEdit::markOutOfOrder(bool marked)
{
    if (m_marked) {
        m_marked->setPalette(QPalette());
        m_marked->setProperty("outOfOrder", false);
        m_marked = nullptr;
    }
    if (!marked)
        return;
    // The box the user just changed, when it is one of the pair out of order; else likely.
    UnitSpinBox *box = m_mode;
    if (m_lastEdited == m_low && m_low->value() > m_mode->value())
        box = m_low;
    else if (m_lastEdited == m_high && m_mode->value() > m_high->value())
        box = m_high;
    QPalette warning = box->palette();
    warning.setColor(QPalette::Base, QColor(0xfd, 0xe2, 0xe2));
    box->setPalette(warning);
    box->setProperty("outOfOrder", true);
    m_marked = box;
}

} // namespace cp::views
