#pragma once

#include "domain/month.h"

#include <QDateEdit>

#include <optional>

namespace cp::views {

// A calendar month ("Mar 2025"): arrows step the month or the year, a calendar drops down. An
// optional month (a retirement) can be empty: "none" at the bottom of the range.
class MonthEdit final : public QDateEdit
{
    Q_OBJECT

public:
    explicit MonthEdit(QWidget *parent = nullptr);

    void setOptional(bool optional, const QString &emptyText = QString());
    [[nodiscard]] std::optional<Month> month() const;
    void setMonth(const std::optional<Month> &month);

private:
    bool m_optional = false;
};

} // namespace cp::views
