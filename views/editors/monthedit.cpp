#include "editors/monthedit.h"

#include <QDate>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMouseEvent>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace cp::views {

namespace {

// "None" of an optional month: far before any month a plan may name, so no typed month meets it.
const QDate kNone(1000, 1, 1);
const QDate kFirst(1000, 2, 1);
const QDate kLast(9999, 12, 1);

QDate toDate(Month month)
{
    return QDate(month.year(), month.month(), 1);
}

Month clampToWindow(Month month)
{
    return std::clamp(month, Month::earliestAccepted(), Month::latestAccepted());
}

QLocale english()
{
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

} // namespace

MonthEdit::MonthEdit(QWidget *parent)
    : QDateEdit(parent)
{
    setLocale(english());
    setDisplayFormat(QStringLiteral("MMM yyyy"));
    // The combo-box look (a drop-down arrow); the arrow opens our month picker, not a calendar.
    setCalendarPopup(true);
    setKeyboardTracking(false);
    setDateRange(kFirst, kLast);
    setCurrentSection(QDateTimeEdit::MonthSection);
}

void MonthEdit::setOptional(bool optional, const QString &emptyText)
{
    m_optional = optional;
    setMinimumDate(optional ? kNone : kFirst);
    setSpecialValueText(optional ? emptyText : QString());
}

std::optional<Month> MonthEdit::month() const
{
    const QDate d = date();
    if (m_optional && d == kNone)
        return std::nullopt;
    return Month::fromYearMonth(d.year(), d.month());
}

void MonthEdit::setMonth(const std::optional<Month> &month)
{
    setDate(month ? toDate(*month) : (m_optional ? kNone : toDate(emptyStart())));
}

Month MonthEdit::emptyStart() const
{
    if (m_emptyStart)
        return clampToWindow(*m_emptyStart);
    const QDate today = QDate::currentDate();
    return clampToWindow(Month::fromYearMonth(today.year(), today.month()));
}

void MonthEdit::stepBy(int steps)
{
    // Whatever section the cursor is in, a step is a month: QDateEdit would step the month
    // within its year (Dec stays Dec) or the year alone.
    const std::optional<Month> current = month();
    const Month next = current ? clampToWindow(current->plusMonths(steps)) : emptyStart();
    setDate(toDate(next));
    setCurrentSection(QDateTimeEdit::MonthSection);
    lineEdit()->selectAll();
}

QAbstractSpinBox::StepEnabled MonthEdit::stepEnabled() const
{
    if (isReadOnly())
        return StepNone;
    const std::optional<Month> current = month();
    if (!current)
        return StepUpEnabled | StepDownEnabled;
    StepEnabled enabled = StepNone;
    if (*current < Month::latestAccepted())
        enabled |= StepUpEnabled;
    if (*current > Month::earliestAccepted())
        enabled |= StepDownEnabled;
    return enabled;
}

void MonthEdit::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        if (!isReadOnly()) {
            // A year, not QAbstractSpinBox's ten steps.
            stepBy(event->key() == Qt::Key_PageUp ? 12 : -12);
            event->accept();
            return;
        }
        break;
    case Qt::Key_F4:
        showPicker();
        event->accept();
        return;
    case Qt::Key_Down:
        if (event->modifiers() & Qt::AltModifier) {
            showPicker();
            event->accept();
            return;
        }
        break;
    default:
        break;
    }
    QDateEdit::keyPressEvent(event);
}

void MonthEdit::mousePressEvent(QMouseEvent *event)
{
    QStyleOptionComboBox option;
    option.initFrom(this);
    option.editable = true;
    option.frame = hasFrame();
    option.subControls = QStyle::SC_ComboBoxFrame | QStyle::SC_ComboBoxEditField | QStyle::SC_ComboBoxArrow;
    const QStyle::SubControl hit
        = style()->hitTestComplexControl(QStyle::CC_ComboBox, &option, event->position().toPoint(), this);
    if (event->button() == Qt::LeftButton && hit == QStyle::SC_ComboBoxArrow) {
        event->accept();
        showPicker();
        return;
    }
    QAbstractSpinBox::mousePressEvent(event); // not QDateTimeEdit's: that would open a day calendar
}

void MonthEdit::showPicker()
{
    if (isReadOnly())
        return;
    if (m_picker)
        m_picker->close();
    const std::optional<Month> current = month();
    m_picker = new MonthPicker(current, current ? clampToWindow(*current) : emptyStart(), m_optional, this);
    m_picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_picker, &MonthPicker::picked, this, [this](const std::optional<Month> &picked) {
        setMonth(picked);
        if (m_picker)
            m_picker->close();
        setFocus(Qt::PopupFocusReason);
    });
    m_picker->adjustSize();
    QPoint at = mapToGlobal(QPoint(0, height()));
    m_picker->move(at);
    m_picker->show();
}

MonthPicker::MonthPicker(const std::optional<Month> &current, Month shownYearOf, bool optional, QWidget *parent)
    : QWidget(parent, Qt::Popup)
    , m_current(current)
    , m_year(shownYearOf.year())
    , m_yearLabel(new QLabel(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
{
    setObjectName(QStringLiteral("monthPicker"));
    setAccessibleName(tr("Pick a month"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);

    auto *header = new QHBoxLayout;
    m_previous->setText(QStringLiteral("\u2039"));
    m_previous->setToolTip(tr("Previous year"));
    m_next->setText(QStringLiteral("\u203a"));
    m_next->setToolTip(tr("Next year"));
    m_yearLabel->setAlignment(Qt::AlignCenter);
    QFont bold = m_yearLabel->font();
    bold.setBold(true);
    m_yearLabel->setFont(bold);
    header->addWidget(m_previous);
    header->addWidget(m_yearLabel, 1);
    header->addWidget(m_next);
    layout->addLayout(header);
    connect(m_previous, &QToolButton::clicked, this, [this] { setYear(m_year - 1); });
    connect(m_next, &QToolButton::clicked, this, [this] { setYear(m_year + 1); });

    auto *grid = new QGridLayout;
    grid->setSpacing(2);
    const QLocale locale = english();
    for (int m = 1; m <= 12; ++m) {
        auto *button = new QToolButton(this);
        button->setText(locale.monthName(m, QLocale::ShortFormat));
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setMinimumWidth(44);
        button->setObjectName(QStringLiteral("month%1").arg(m));
        connect(button, &QToolButton::clicked, this,
                [this, m] { emit picked(Month::fromYearMonth(m_year, m)); });
        grid->addWidget(button, (m - 1) / 4, (m - 1) % 4);
        m_months << button;
    }
    layout->addLayout(grid);
    if (optional) {
        auto *none = new QToolButton(this);
        none->setText(tr("None"));
        none->setToolTip(tr("Leave the month empty"));
        none->setAutoRaise(true);
        none->setObjectName(QStringLiteral("none"));
        connect(none, &QToolButton::clicked, this, [this] { emit picked(std::nullopt); });
        layout->addWidget(none, 0, Qt::AlignRight);
    }
    for (QToolButton *button : findChildren<QToolButton *>())
        button->setFocusPolicy(Qt::NoFocus); // the month field keeps the focus
    refresh();
}

void MonthPicker::setYear(int year)
{
    m_year = std::clamp(year, Month::earliestAccepted().year(), Month::latestAccepted().year());
    refresh();
}

QWidget *MonthPicker::monthButton(int month1to12) const
{
    return m_months.value(month1to12 - 1);
}

void MonthPicker::refresh()
{
    m_yearLabel->setText(QString::number(m_year));
    m_previous->setEnabled(m_year > Month::earliestAccepted().year());
    m_next->setEnabled(m_year < Month::latestAccepted().year());
    for (int m = 1; m <= 12; ++m) {
        QToolButton *button = m_months[m - 1];
        const Month month = Month::fromYearMonth(m_year, m);
        button->setChecked(m_current && *m_current == month);
        button->setEnabled(month.isAccepted());
    }
}

} // namespace cp::views
