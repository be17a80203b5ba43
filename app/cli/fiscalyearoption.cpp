#include "fiscalyearoption.h"

#include "clioutput.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace cp::cli {

void FiscalYearOption::addTo(QCommandLineParser &parser) const
{
    parser.addOption(m_option);
}

std::optional<int> FiscalYearOption::read(const QCommandLineParser &parser, const QString &command, CliStreams &io) const
{
    if (!parser.isSet(m_option))
        return 1;
    bool ok = false;
    const int month = parser.value(m_option).toInt(&ok);
    if (!ok || month < 1 || month > 12) {
        io.err << "clusterplan-cli " << command << ": --fiscal-year-start: '" << terminalSafe(parser.value(m_option))
               << "' must be the month the year starts in, 1 (January) to 12 (December)\n";
        return std::nullopt;
    }
    return month;
}

} // namespace cp::cli
