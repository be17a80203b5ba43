#pragma once

#include <QDoubleSpinBox>

namespace cp {
struct FieldInfo;
}

namespace cp::views {

// A number with its unit ("150 MW", "$45,000", "9%"), grouped digits and as many decimals as the
// value needs. The arrows step within the field's range (docs/scenario-format.md, section 7.1);
// typing is not clamped, so a value out of range reaches the document, which refuses it with the
// reason (a spin box that silently clamps would hide the mistake). A clearable box also takes an
// empty text: the field then returns to its default (value() == minimum(), isCleared()).
class UnitSpinBox final : public QDoubleSpinBox
{
    Q_OBJECT

public:
    explicit UnitSpinBox(QWidget *parent = nullptr);

    // Unit, decimals, range and whether it may be cleared, from the field's description.
    void setField(const FieldInfo &info);
    void setStepRange(double minimum, double maximum);
    void setClearable(bool clearable, const QString &clearedText = QString());
    [[nodiscard]] bool isCleared() const;
    void clearValue();

    void stepBy(int steps) override;
    QValidator::State validate(QString &input, int &pos) const override;
    double valueFromText(const QString &text) const override;
    QString textFromValue(double value) const override;
    void fixup(QString &input) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    StepEnabled stepEnabled() const override;

private:
    [[nodiscard]] QString bare(const QString &text) const; // without prefix, suffix, grouping
    [[nodiscard]] QSize sizeFor(const QString &sample) const;

    QString m_sample = QStringLiteral("999,999"); // what the box is sized for
    double m_stepMinimum = 0.0;
    double m_stepMaximum = 0.0;
    bool m_clearable = false;
};

} // namespace cp::views
