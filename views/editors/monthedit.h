#pragma once

#include "domain/month.h"

#include <QDateEdit>
#include <QPointer>

#include <optional>

class QLabel;
class QToolButton;

namespace cp::views {

class MonthPicker;

// A calendar month ("Mar 2025"). Up and Down step one month (Dec 2026, Up: Jan 2027), Page Up
// and Page Down a year, always within the months a plan may name (Month::earliestAccepted()
// to latestAccepted()). The drop-down arrow (or F4, Alt+Down) opens a month picker: twelve
// months of a year, not a day calendar. Typing is not clamped: a typed month outside the
// window reaches the document, which refuses it with the reason.
//
// An optional month (a retirement) can be empty ("none"); stepping or picking from empty
// starts at emptyStart() (the item's arrival, the plan's start) rather than at some stray year.
class MonthEdit final : public QDateEdit
{
    Q_OBJECT

public:
    explicit MonthEdit(QWidget *parent = nullptr);

    void setOptional(bool optional, const QString &emptyText = QString());
    [[nodiscard]] bool isOptional() const { return m_optional; }
    [[nodiscard]] std::optional<Month> month() const;
    void setMonth(const std::optional<Month> &month);

    // Where an empty field starts when stepped or picked; nullopt: the current month.
    void setEmptyStart(const std::optional<Month> &month) { m_emptyStart = month; }
    [[nodiscard]] Month emptyStart() const;

    void stepBy(int steps) override;
    void showPicker();
    [[nodiscard]] MonthPicker *picker() const { return m_picker; }

protected:
    StepEnabled stepEnabled() const override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    bool m_optional = false;
    std::optional<Month> m_emptyStart;
    QPointer<MonthPicker> m_picker;
};

// The drop-down of a MonthEdit: a year with arrows either side and its twelve months; "None"
// below them for an optional month. Picking a month closes it.
class MonthPicker final : public QWidget
{
    Q_OBJECT

public:
    MonthPicker(const std::optional<Month> &current, Month shownYearOf, bool optional, QWidget *parent);

    [[nodiscard]] int year() const { return m_year; }
    void setYear(int year);
    // The month's button (1..12) of the year shown, for tests.
    [[nodiscard]] QWidget *monthButton(int month1to12) const;

signals:
    void picked(const std::optional<cp::Month> &month);

private:
    void refresh();

    std::optional<Month> m_current;
    int m_year;
    QLabel *m_yearLabel;
    QToolButton *m_previous;
    QToolButton *m_next;
    QList<QToolButton *> m_months;
};

} // namespace cp::views
