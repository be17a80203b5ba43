#pragma once

#include "solver/threepoint.h"

#include <QWidget>

class QLabel;

namespace cp {
struct FieldInfo;
}

namespace cp::views {

class UnitSpinBox;

// A three-point estimate as low <= likely <= high with the unit once after them
// (docs/scenario-format.md, section 2). While the three are equal, the value is fixed and low and
// high follow the mode; editing low or high makes it a range. edited() fires when the user changes
// any of the three.
class ThreePointEdit final : public QWidget
{
    Q_OBJECT

public:
    explicit ThreePointEdit(QWidget *parent = nullptr);

    void setField(const FieldInfo &info);
    [[nodiscard]] solver::ThreePoint value() const;
    void setValue(const solver::ThreePoint &value);
    // Empty: an optional estimate left to its default.
    void clearValue();
    // Cleared: the field returns to its default (only for an optional field).
    [[nodiscard]] bool isCleared() const;

    // Out of order (low > likely or likely > high): the box the user changed last (or the
    // likely one) is marked, and what was typed stays for the user to finish the range.
    [[nodiscard]] bool isOutOfOrder() const;
    void markOutOfOrder(bool marked);
    // The box marked; nullptr when none is.
    [[nodiscard]] UnitSpinBox *markedBox() const { return m_marked; }

    [[nodiscard]] UnitSpinBox *lowBox() const { return m_low; }
    [[nodiscard]] UnitSpinBox *modeBox() const { return m_mode; }
    [[nodiscard]] UnitSpinBox *highBox() const { return m_high; }

signals:
    void edited();

private:
    void modeChanged();

    UnitSpinBox *m_low;
    UnitSpinBox *m_mode;
    UnitSpinBox *m_high;
    QLabel *m_unit;
    UnitSpinBox *m_lastEdited = nullptr;
    UnitSpinBox *m_marked = nullptr;
    double m_lastMode = 0.0; // the mode before this change: low == high == it means fixed
    bool m_updating = false;
};

} // namespace cp::views
