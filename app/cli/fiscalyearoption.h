#pragma once

#include "clicommand.h"

#include <QCommandLineOption>

#include <optional>

// --fiscal-year-start MONTH: the month (1 to 12) the years of a yearly table start in, for the
// commands that write one (solve --yearly-csv, report).
namespace cp::cli {

class FiscalYearOption
{
public:
    void addTo(QCommandLineParser &parser) const;
    // 1 (calendar years) when not given; nullopt after printing a usage error naming `command`.
    [[nodiscard]] std::optional<int> read(const QCommandLineParser &parser, const QString &command, CliStreams &io) const;

private:
    QCommandLineOption m_option{
        QStringLiteral("fiscal-year-start"),
        QStringLiteral("The month, 1 to 12, the years of the yearly table start in (default 1: calendar years; 10: "
                       "FY2026 is Oct 2025 to Sep 2026)."),
        QStringLiteral("MONTH")};
};

} // namespace cp::cli
