#include "editors/unitspinbox.h"

#include "document/scenariofields.h"

#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <QStyle>
#include <QStyleOptionSpinBox>

#include <cmath>

namespace cp::views {

namespace {
constexpr double kWide = 1e15; // typing is not clamped; the document judges the value
} // namespace

UnitSpinBox::UnitSpinBox(QWidget *parent)
    : QDoubleSpinBox(parent)
{
    setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    setRange(-kWide, kWide);
    setDecimals(6); // kept, never rounded away: 2.5 in a whole-number field must reach the document as 2.5
    setKeyboardTracking(false);
    setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setGroupSeparatorShown(true);
    setAccelerated(true);
    setCorrectionMode(QAbstractSpinBox::CorrectToPreviousValue);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed); // may shrink to minimumSizeHint() in a tight form
    m_stepMaximum = kWide;
}

void UnitSpinBox::setField(const FieldInfo &info)
{
    // The arrows step within the field's bounds; "more than 0" steps down to the smallest
    // value shown (0.001 kW).
    m_stepMinimum = info.minimumExclusive ? info.minimum + std::pow(10.0, -info.decimals) : info.minimum;
    m_stepMaximum = info.maximum;
    // Sized for the values a planner types (up to $10M or so); bigger ones scroll in the box.
    m_sample = groupedNumber(std::min(info.maximum, 1e7), info.decimals);
    if (m_sample.size() < 6)
        m_sample = QStringLiteral("99,999");
    updateGeometry();
    // Steps of a sensible size: months and counts by one, money by a round amount.
    if (info.unit == u"$" || info.unit.startsWith(u"$/MW") || info.maximum >= 1e9)
        setSingleStep(info.unit == u"$" ? 1e6 : 1e4);
    else if (info.decimals >= 2 && info.maximum <= 10)
        setSingleStep(0.01);
    else
        setSingleStep(1);
    if (info.unit.startsWith(u'$')) {
        setPrefix(QStringLiteral("$"));
        setSuffix(info.unit.mid(1)); // "$300,000/MW-year"
    } else {
        setPrefix(QString());
        setSuffix(info.unit.isEmpty() ? QString() : (info.unit == u"%" ? info.unit : QStringLiteral(" ") + info.unit));
    }
    setClearable(info.optional, tr("default"));
}

void UnitSpinBox::setStepRange(double minimum, double maximum)
{
    m_stepMinimum = minimum;
    m_stepMaximum = maximum;
}

void UnitSpinBox::setClearable(bool clearable, const QString &clearedText)
{
    m_clearable = clearable;
    setSpecialValueText(clearable ? clearedText : QString());
}

bool UnitSpinBox::isCleared() const
{
    return m_clearable && value() == minimum();
}

void UnitSpinBox::clearValue()
{
    if (m_clearable)
        setValue(minimum());
}

void UnitSpinBox::stepBy(int steps)
{
    const double from = isCleared() ? std::clamp(0.0, m_stepMinimum, m_stepMaximum) : value();
    setValue(std::clamp(from + steps * singleStep(), m_stepMinimum, m_stepMaximum));
    selectAll();
}

QAbstractSpinBox::StepEnabled UnitSpinBox::stepEnabled() const
{
    if (isReadOnly())
        return StepNone;
    if (isCleared())
        return StepUpEnabled | StepDownEnabled;
    StepEnabled enabled = StepNone;
    if (value() < m_stepMaximum)
        enabled |= StepUpEnabled;
    if (value() > m_stepMinimum)
        enabled |= StepDownEnabled;
    return enabled;
}

QString UnitSpinBox::bare(const QString &text) const
{
    QString t = text.trimmed();
    if (!prefix().isEmpty() && t.startsWith(prefix()))
        t = t.mid(prefix().size());
    if (!suffix().isEmpty() && t.endsWith(suffix().trimmed()))
        t.chop(suffix().trimmed().size());
    t.remove(QLatin1Char(','));
    t.remove(QLatin1Char('$'));
    return t.trimmed();
}

QValidator::State UnitSpinBox::validate(QString &input, int &) const
{
    const QString t = bare(input);
    if (t.isEmpty() || (m_clearable && input.trimmed() == specialValueText()))
        return m_clearable ? QValidator::Acceptable : QValidator::Intermediate;
    if (t == u"-" || t == u"." || t == u"-.")
        return QValidator::Intermediate;
    bool ok = false;
    QLocale::c().toDouble(t, &ok);
    if (ok)
        return QValidator::Acceptable;
    // Let a number in the making through ("1e", "2.5e-"), refuse letters and the like.
    static const QRegularExpression partial(QStringLiteral("^-?[0-9]*\\.?[0-9]*(e[-+]?[0-9]*)?$"),
                                            QRegularExpression::CaseInsensitiveOption);
    return partial.match(t).hasMatch() ? QValidator::Intermediate : QValidator::Invalid;
}

double UnitSpinBox::valueFromText(const QString &text) const
{
    const QString t = bare(text);
    if (m_clearable && (t.isEmpty() || text.trimmed() == specialValueText()))
        return minimum();
    bool ok = false;
    const double v = QLocale::c().toDouble(t, &ok);
    return ok ? v : value();
}

QString UnitSpinBox::textFromValue(double value) const
{
    return groupedNumber(value, decimals()); // trailing zeros trimmed: "150", "1.4", "2.5"
}

QSize UnitSpinBox::sizeFor(const QString &sample) const
{
    // QAbstractSpinBox sizes itself for its range, here +-1e15: far wider than any real value.
    ensurePolished();
    const int width = fontMetrics().horizontalAdvance(prefix() + sample + suffix() + QStringLiteral("  "));
    QStyleOptionSpinBox option;
    initStyleOption(&option);
    return style()->sizeFromContents(QStyle::CT_SpinBox, &option, QSize(width, lineEdit()->sizeHint().height()), this);
}

QSize UnitSpinBox::sizeHint() const
{
    return sizeFor(m_sample);
}

QSize UnitSpinBox::minimumSizeHint() const
{
    return sizeFor(QStringLiteral("9,999"));
}

void UnitSpinBox::fixup(QString &input) const
{
    if (m_clearable && bare(input).isEmpty())
        input = specialValueText();
}

} // namespace cp::views
